//! Front-matter values made model values: dates, times, names of the
//! vocabulary and source ids, each checked at the line the TOML parser
//! read it at.

use jiff::civil::{Date, Time};
use toml::value::Datetime;

use crate::config::{Config, Term, TermKind, did_you_mean};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::Source;
use crate::load::frontmatter::At;

/// The source documents a page names, as indexes into `config.sources`.
pub(super) fn sources_of(
    config: &Config,
    s: &Source,
    ids: &[At<String>],
    diags: &mut Diagnostics,
) -> Vec<usize> {
    let mut out = Vec::new();
    for id in ids {
        match config.sources.iter().position(|d| d.id == id.as_str()) {
            Some(i) => out.push(i),
            None => {
                let known: Vec<&str> = config.sources.iter().map(|d| d.id.as_str()).collect();
                let close = crate::diagnostic::suggest(id, known.iter().copied());
                let help = match close.first() {
                    Some(c) => format!(
                        "tarkoititko \"{c}\"? (lähteet on lueteltu site.toml-tiedostossa [[sources]]-taulukkoina)"
                    ),
                    None if known.is_empty() => {
                        "lisää lähde site.toml-tiedostoon [[sources]]-taulukkona, jonka id on tämä"
                            .to_string()
                    }
                    None => format!(
                        "lisää lähde site.toml-tiedostoon [[sources]]-taulukkona, jonka id on tämä; siellä nyt olevat id:t ovat: {}",
                        known.join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::new(
                        &s.path,
                        format!("lähdettä \"{id}\" ei ole site.toml-tiedostossa"),
                    )
                    .at_line(s.line(id))
                    .help(help),
                );
            }
        }
    }
    out
}

/// A TOML date as a calendar date; a date with a time is an error.
pub(super) fn date(
    dt: &At<Datetime>,
    s: &Source,
    key: &str,
    diags: &mut Diagnostics,
) -> Option<Date> {
    let converted = crate::config::civil_date(dt);
    match converted {
        Ok(d) => Some(d),
        Err(e) => {
            diags.push(
                Diagnostic::new(&s.path, format!("`{key}` = {dt} ei ole kelvollinen päivämäärä: {e}"))
                    .at_line(s.line(dt))
                    .help("kirjoita päivämäärä ilman lainausmerkkejä muodossa VVVV-KK-PP, esim. 2025-10-23; kellonajat kirjoitetaan avaimiin start_time ja end_time"),
            );
            None
        }
    }
}

/// A date that must fall in the page's year (sessions, groups,
/// perspectives; decisions may come later and are not checked).
pub(super) fn date_in_year(
    dt: &At<Datetime>,
    s: &Source,
    key: &str,
    diags: &mut Diagnostics,
) -> Option<Date> {
    let d = date(dt, s, key, diags)?;
    if let Some(year) = s.year
        && i32::from(d.year()) != year
    {
        diags.push(
            Diagnostic::new(
                &s.path,
                format!("`{key}` = {dt} ei ole vuonna {year}, jota tämä sivu koskee"),
            )
            .at_line(s.line(dt))
            .help(format!(
                "korjaa päivämäärä tai siirrä sivu kansioon content/{}/",
                d.year()
            )),
        );
    }
    Some(d)
}

/// "08:15" or "8.15" as a time of day.
pub(super) fn time(
    value: &Option<At<String>>,
    s: &Source,
    key: &str,
    diags: &mut Diagnostics,
) -> Option<Time> {
    let at = value.as_ref()?;
    let text: &str = at;
    let parsed = text
        .split_once([':', '.'])
        .and_then(|(h, m)| Some((h.trim().parse::<i8>().ok()?, m.trim().parse::<i8>().ok()?)))
        .filter(|_| text.len() <= 5)
        .and_then(|(h, m)| Time::new(h, m, 0, 0).ok());
    if parsed.is_none() {
        diags.push(
            Diagnostic::new(&s.path, format!("`{key}` = \"{text}\" ei ole kellonaika"))
                .at_line(s.line(at))
                .help("kirjoita kellonaika lainausmerkkeihin muodossa \"TT:MM\", esim. \"08:15\""),
        );
    }
    parsed
}

pub(super) fn resolve_terms<I: Copy>(
    names: &[At<String>],
    terms: &[Term],
    make: impl Fn(usize) -> I,
    what: TermKind,
    s: &Source,
    diags: &mut Diagnostics,
) -> Vec<I> {
    let mut out = Vec::new();
    for name in names {
        let slug = crate::slug::slugify(name);
        match terms.iter().position(|t| t.has_slug(&slug)) {
            Some(i) => out.push(make(i)),
            None => diags.push(
                Diagnostic::new(
                    &s.path,
                    format!(
                        "{} \"{name}\" ei ole site.toml-tiedostossa",
                        what.partitive()
                    ),
                )
                .at_line(s.line(name))
                .help(did_you_mean(what.word(), name, terms)),
            ),
        }
    }
    out
}

/// Help for a goal's priority area or target group that is not one of
/// the year's (`year` indexes `all`; `key` is the year's list of them).
pub(super) fn not_of_year(
    kind: TermKind,
    name: &str,
    all: &[Term],
    year: &[usize],
    key: &str,
) -> String {
    let names: Vec<&str> = year.iter().map(|&i| all[i].name.as_str()).collect();
    if let Some(t) = all.iter().find(|t| t.matches(name)) {
        let also = if names.is_empty() {
            String::new()
        } else {
            format!(" tai käytä jotakin näistä: {}", names.join(", "))
        };
        return format!(
            "\"{}\" on site.toml-tiedoston {}, mutta tämä vuosi ei käytä sitä; lisää se vuoden _index.md-tiedoston `{key}`-luetteloon{also}",
            t.name,
            kind.word()
        );
    }
    if names.is_empty() {
        return format!(
            "tällä vuodella ei ole yhtään {}; luettele ne vuoden _index.md-tiedoston `{key}`-luettelossa",
            kind.partitive()
        );
    }
    let close = crate::diagnostic::suggest(name, names.iter().copied());
    match close.first() {
        Some(c) => format!(
            "tarkoititko \"{c}\"? Tämän vuoden {}: {}",
            kind.plural(),
            names.join(", ")
        ),
        None => format!(
            "tämän vuoden {} ovat: {}; uusi {} lisätään ensin site.toml-tiedostoon ja sitten vuoden `{key}`-luetteloon",
            kind.plural(),
            names.join(", "),
            kind.word()
        ),
    }
}
