//! Indicators (`[[indicators]]` in `site.toml`): the numbers follow-up
//! can show, each with its unit and source. Their values are CSV files
//! under the site's `data/` folder, one per indicator
//! ([`crate::load::indicators`]).

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Lines;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::slug::is_slug;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IndicatorToml {
    id: toml::Spanned<String>,
    name: String,
    #[serde(default)]
    unit: String,
    source: String,
    url: Option<String>,
}

/// An indicator a measure may name.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// Measures name it by this; its values are in `data/<id>.csv`.
    pub id: String,
    pub name: String,
    pub unit: String,
    /// Where the numbers come from.
    pub source: String,
    pub url: Option<String>,
}

/// The indicators, each with a well-formed unique id.
pub(super) fn resolve(
    raw: Vec<IndicatorToml>,
    display: &Path,
    lines: &Lines,
    diags: &mut Diagnostics,
) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    for i in raw {
        let line = lines.at(i.id.span());
        let id = i.id.into_inner();
        if !is_slug(&id) {
            diags.push(
                Diagnostic::new(display, format!("indikaattorin tunniste id = \"{id}\" ei kelpaa"))
                    .at_line(line)
                    .help("tunnisteessa saa olla vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä; se on myös arvotiedoston nimi data/<id>.csv, esim. id = \"liikuntapaikat\""),
            );
            continue;
        }
        if out.iter().any(|o| o.id == id) {
            diags.push(
                Diagnostic::new(
                    display,
                    format!("kahdella indikaattorilla on sama tunniste \"{id}\""),
                )
                .at_line(line)
                .help("anna jokaiselle [[indicators]]-taulukolle oma id"),
            );
            continue;
        }
        out.push(Indicator {
            id,
            name: i.name,
            unit: i.unit,
            source: i.source,
            url: i.url,
        });
    }
    out
}
