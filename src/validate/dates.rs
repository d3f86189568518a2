//! Dates against the build's date: a plan written in words needs the
//! last day it can fall on (`until`), so that the site stops presenting it
//! as ahead once it has passed; a typed `status` that the dates contradict
//! is a slip.

use crate::diagnostic::Diagnostic;
use crate::model::{Site, Stage, YearStatus};

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for y in &site.years {
        let Some(path) = &site.pages[y.page].source else {
            continue;
        };
        if y.status == YearStatus::Held {
            continue;
        }
        for s in y.sessions.iter().filter(|s| s.line > 0) {
            if s.date.is_none() && s.until.is_none() {
                out.push(
                    Diagnostic::warning(path, format!("tilaisuuden \"{}\" ajankohta on vain sanoin, joten sivusto ei tiedä, milloin se on mennyt", s.title))
                        .at_line(s.line)
                        .help(format!("lisää tilaisuudelle viimeinen päivä, jona se voi olla, esim. until = {}-05-31 (ajankohdan \"{}\" loppu); silloin sivusto lakkaa näyttämästä sitä tulevana", y.number, s.when.as_deref().unwrap_or("…"))),
                );
            }
        }
        if y.stage(site.today) == Stage::Unreported {
            out.push(
                Diagnostic::warning(path, format!("vuoden {} status = \"{}\", mutta kaikkien sen tilaisuuksien ajankohta on mennyt", y.number, if y.status == YearStatus::Planned { "planned" } else { "ongoing" }))
                    .at_line(y.status_line)
                    .help("sivuilla kerrotaan nyt, ettei toteutumisesta ole julkaistu tietoa; kun neuvotteluista julkaistaan tietoa, lisää ne ja kirjoita status = \"held\", tai päivitä ajankohdat"),
            );
        }
    }
    out
}
