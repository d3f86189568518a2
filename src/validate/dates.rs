//! Dates against the build's date: a plan written in words needs the
//! last day it can fall on (`until`), so that the site stops presenting it
//! as ahead once it has passed; a typed `status` that the dates contradict
//! is a slip, and so is a year typed past (`held`, `unreported`) with a
//! session dated ahead.

use crate::diagnostic::Diagnostic;
use std::path::Path;

use crate::model::{Session, Site, Stage, Year, YearStatus};

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for y in &site.years {
        let Some(path) = &site.pages[y.page].source else {
            continue;
        };
        match y.status {
            YearStatus::Held | YearStatus::Unreported => past_but_ahead(site, y, path, &mut out),
            YearStatus::Planned | YearStatus::Ongoing => plans(site, y, path, &mut out),
        }
    }
    out
}

/// A year typed past (`held`, `unreported`) with a session dated ahead.
fn past_but_ahead(site: &Site, y: &Year, path: &Path, out: &mut Vec<Diagnostic>) {
    let typed = if y.status == YearStatus::Held {
        "held"
    } else {
        "unreported"
    };
    let ahead: Vec<&Session> = y
        .sessions
        .iter()
        .filter(|s| y.session_ahead(s, site.today))
        .collect();
    let Some(first) = ahead.first() else {
        return;
    };
    let day = first.last_day().map_or_else(String::new, |d| {
        format!("{}.{}.{}", d.day(), d.month(), d.year())
    });
    let more = match ahead.len() {
        1 => String::new(),
        n => format!(" (ja {} muuta tilaisuutta sen jälkeen)", n - 1),
    };
    out.push(
        Diagnostic::warning(path, format!("vuoden {} status = \"{typed}\", mutta tilaisuus \"{}\" on vasta {day}{more}", y.number, first.title))
            .at_line(y.status_line)
            .help("sivut näyttävät nyt vuoden käynnissä olevana ja tilaisuudet tulevina; jos ne on jo pidetty, korjaa niiden päivämäärät, muuten kirjoita status = \"planned\" (tai \"ongoing\", kun osa on pidetty)"),
    );
}

/// A year still planned: each plan in words needs its last day, and once
/// everything has passed with nothing published the typed status is out
/// of date.
fn plans(site: &Site, y: &Year, path: &Path, out: &mut Vec<Diagnostic>) {
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
        let typed = if y.status == YearStatus::Planned {
            "planned"
        } else {
            "ongoing"
        };
        let why = if y.sessions.is_empty() {
            format!("vuosi {} on mennyt", y.number)
        } else {
            "kaikkien sen tilaisuuksien ajankohta on mennyt".to_string()
        };
        out.push(
            Diagnostic::warning(path, format!("vuoden {} status = \"{typed}\", mutta {why}", y.number))
                .at_line(y.status_line)
                .help("sivuilla kerrotaan nyt, ettei toteutumisesta ole julkaistu tietoa; kun neuvotteluista julkaistaan tietoa, lisää ne ja kirjoita status = \"held\"; jos tietoa ei ole tulossa, kirjoita status = \"unreported\""),
        );
    }
}
