//! The municipalities of `hyte new group`: each written once, each in
//! `site.toml`, none in another group of the same year; and their names
//! joined the Finnish way for the page's title.

use std::fmt::Write as _;

use super::toml_string;
use crate::config::{Config, MunicipalityId, did_you_mean};
use crate::diagnostic::{Diagnostic, Error};
use crate::load::{Front, Loaded};

/// Each municipality named once, however it is written (`Toivakka` and
/// `toivakka` are one).
pub(super) fn once_each(config: &Config, year: i32, names: &[String]) -> Result<(), Error> {
    // (municipality, how it was written), in the order first written.
    let mut written: Vec<(MunicipalityId, Vec<&str>)> = Vec::new();
    for name in names {
        let Some(id) = config.municipality(name) else {
            continue; // reported with the unknown names
        };
        match written.iter_mut().find(|(m, _)| *m == id) {
            Some((_, as_written)) => as_written.push(name),
            None => written.push((id, vec![name])),
        }
    }
    let twice: Vec<&(MunicipalityId, Vec<&str>)> =
        written.iter().filter(|(_, w)| w.len() > 1).collect();
    if twice.is_empty() {
        return Ok(());
    }
    let name = |id: MunicipalityId| config.municipalities[id.0].name.as_str();
    let message = match twice.as_slice() {
        [(id, as_written)] => {
            let times = match as_written.len() {
                2 => "kahdesti".to_string(),
                3 => "kolmesti".to_string(),
                n => format!("{n} kertaa"),
            };
            let mut m = format!("kunta {} on kirjoitettu {times}", name(*id));
            if as_written.iter().any(|w| *w != as_written[0]) {
                let spellings: Vec<String> =
                    as_written.iter().map(|w| format!("\"{w}\"")).collect();
                let spellings: Vec<&str> = spellings.iter().map(String::as_str).collect();
                let _ = write!(m, " ({})", crate::config::all_of(&spellings));
            }
            m
        }
        _ => format!(
            "kunnat {} on kirjoitettu useammin kuin kerran",
            crate::config::all_of(&twice.iter().map(|(id, _)| name(*id)).collect::<Vec<_>>())
        ),
    };
    // The command line with each written once, where first written.
    let mut seen = Vec::new();
    let fixed: Vec<String> = names
        .iter()
        .filter(|n| match config.municipality(n) {
            Some(id) if seen.contains(&id) => false,
            Some(id) => {
                seen.push(id);
                true
            }
            None => true,
        })
        .map(|n| toml_string(n))
        .collect();
    Err(Error::Usage(format!(
        "{message}\n  = ohje: kirjoita jokainen kunta vain kerran: hyte new group {year} {}",
        fixed.join(" ")
    )))
}

/// The municipalities `names` names, in that order, if each is in
/// `site.toml` and in no other group of `year`; otherwise every problem.
pub(super) fn members(
    loaded: &Loaded,
    year: i32,
    names: &[String],
) -> Result<Vec<MunicipalityId>, Error> {
    let config = &loaded.config;
    let site_toml = loaded.root.join("site.toml");
    let mut members = Vec::new();
    let mut problems = Vec::new();
    for name in names {
        match config.municipality(name) {
            Some(id) => members.push(id),
            None => problems.push(
                Diagnostic::new(
                    &site_toml,
                    format!("kuntaa \"{name}\" ei ole site.toml-tiedostossa"),
                )
                .help(did_you_mean("municipality", name, &config.municipalities)),
            ),
        }
    }
    // A municipality belongs to one group a year.
    for s in &loaded.sources {
        let (Front::Group(f), Some(y)) = (&s.front, s.year) else {
            continue;
        };
        if y != year {
            continue;
        }
        for id in &members {
            let m = &config.municipalities[id.0];
            if f.municipalities.iter().any(|n| m.matches(n)) {
                problems.push(
                    Diagnostic::new(
                        &s.path,
                        format!("{} kuuluu jo tähän vuoden {year} kuntaryhmään", m.name),
                    )
                    .help("kunta kuuluu vuodessa yhteen kuntaryhmään; muokkaa tätä tiedostoa"),
                );
            }
        }
    }
    if !problems.is_empty() {
        // An unknown name written twice is one problem.
        crate::diagnostic::sort(&mut problems);
        return Err(Error::Content(problems));
    }
    Ok(members)
}
