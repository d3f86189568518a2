//! What pages rest on: the statutes and the source documents of `site.toml`.
//!
//! The legal basis page quotes the statutes, each with an anchor and a
//! link; pages name the documents they rest on by id. Both are listed once
//! in `site.toml`, and this module resolves them: statute links from the
//! site's `statute_url` pattern, source dates as calendar dates.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Lines;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::slug::slugify;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SourceDocToml {
    id: toml::Spanned<String>,
    title: String,
    kind: Option<String>,
    date: Option<toml::Spanned<toml::value::Datetime>>,
    url: Option<String>,
}

/// A source document pages rest on (a decision, a slide deck).
#[derive(Debug, Clone, Serialize)]
pub struct SourceDoc {
    pub id: String,
    pub title: String,
    /// What kind of document, e.g. "Pöytäkirjaote" or "Diaesitys".
    pub kind: Option<String>,
    pub date: Option<jiff::civil::Date>,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StatuteToml {
    act: String,
    number: String,
    section: String,
    #[serde(default)]
    heading: String,
    #[serde(default)]
    text: String,
    url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Statute {
    pub act: String,
    pub number: String,
    pub section: String,
    pub heading: String,
    pub text: String,
    pub url: Option<String>,
    /// Anchor on the legal basis page, e.g. `611-2021-14`.
    pub slug: String,
}

/// A TOML date (no time) as a calendar date; the error says in Finnish
/// what is wrong with it.
pub fn civil_date(dt: &toml::value::Datetime) -> Result<jiff::civil::Date, String> {
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8)
            .map_err(|_| {
                format!(
                    "kalenterissa ei ole päivää {}.{}.{}",
                    d.day, d.month, d.year
                )
            }),
        (Some(_), _, _) => {
            Err("tähän kirjoitetaan pelkkä päivämäärä ilman kellonaikaa".to_string())
        }
        _ => Err("tähän kirjoitetaan päivämäärä, ei pelkkää kellonaikaa".to_string()),
    }
}

/// The statutes with their anchors, and a link made from `statute_url`
/// where none is given.
pub(super) fn statutes(list: Vec<StatuteToml>, statute_url: &str) -> Vec<Statute> {
    list.into_iter()
        .map(|s| Statute {
            url: s.url.or_else(|| {
                let (number, year) = s.number.split_once('/')?;
                (!statute_url.is_empty()).then(|| {
                    statute_url
                        .replace("{number}", number.trim())
                        .replace("{year}", year.trim())
                })
            }),
            slug: slugify(&format!("{} {}", s.number, s.section)),
            act: s.act,
            number: s.number,
            section: s.section,
            heading: s.heading,
            text: s.text,
        })
        .collect()
}

/// The source documents, each with a real date (if any) and its own id.
pub(super) fn sources(
    list: Vec<SourceDocToml>,
    display: &Path,
    lines: &Lines,
    diags: &mut Diagnostics,
) -> Vec<SourceDoc> {
    let mut sources: Vec<SourceDoc> = Vec::new();
    for d in list {
        let id = d.id.get_ref();
        let date = match d
            .date
            .as_ref()
            .map(|date| (civil_date(date.get_ref()), date.span()))
        {
            Some((Err(e), span)) => {
                diags.push(
                    Diagnostic::new(
                        display,
                        format!("lähteen \"{id}\" päivämäärä ei kelpaa: {e}"),
                    )
                    .at_line(lines.at(span))
                    .help("kirjoita päivämäärä ilman lainausmerkkejä muodossa VVVV-KK-PP, esim. 2025-10-07"),
                );
                None
            }
            Some((Ok(date), _)) => Some(date),
            None => None,
        };
        if sources.iter().any(|s| s.id == *id) {
            diags.push(
                Diagnostic::new(display, format!("kahdella lähteellä on sama id \"{id}\""))
                    .at_line(lines.at(d.id.span()))
                    .help("anna jokaiselle [[sources]]-taulukolle oma id"),
            );
        }
        sources.push(SourceDoc {
            id: d.id.into_inner(),
            title: d.title,
            kind: d.kind,
            date,
            url: d.url,
        });
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_named() {
        // toml refuses such a date itself; built by hand, it reaches jiff.
        let dt = toml::value::Datetime {
            date: Some(toml::value::Date {
                year: 2030,
                month: 2,
                day: 30,
            }),
            time: None,
            offset: None,
        };
        assert_eq!(
            civil_date(&dt).unwrap_err(),
            "kalenterissa ei ole päivää 30.2.2030"
        );
    }
}
