//! The terms the open data under `/data/` may be reused on.
//!
//! A licence is the county's decision, not the authors': no source document
//! of a site gives one, and hyte never assumes one. `[data]` in `site.toml`
//! names it (`licence`, `licence_name`, `licence_url`, optionally the
//! `attribution` a reuser must give); until it is set and confirmed, the
//! data page says that the terms are not yet published, `hyte.json`'s
//! `licence` is `null`, and `check` warns at the line.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Lines;
use super::unconfirmed::Unconfirmed;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// `[data]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DataToml {
    /// The SPDX identifier, e.g. `CC-BY-4.0`.
    licence: Option<toml::Spanned<String>>,
    licence_name: Option<String>,
    licence_url: Option<String>,
    attribution: Option<String>,
    /// `false` until the county has confirmed the licence; default `true`.
    confirmed: Option<toml::Spanned<bool>>,
}

/// The licence of the open data, set and confirmed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Licence {
    /// SPDX identifier.
    pub id: String,
    /// Its name as the data page shows it.
    pub name: String,
    pub url: String,
    /// How a reuser names the source, if the county asks for a wording.
    pub attribution: Option<String>,
}

const WHAT: &str = "avoimen datan lisenssi ([data] licence)";
const DECIDE: &str = "aineiston käyttöehdot päättää hyvinvointialue";

/// The licence to publish, if it is set and confirmed. What is missing
/// or unconfirmed goes to `pending`, a licence without its name or address
/// to `diags`.
pub(super) fn licence(
    table: Option<toml::Spanned<DataToml>>,
    display: &Path,
    lines: &Lines,
    diags: &mut Diagnostics,
    pending: &mut Vec<Unconfirmed>,
) -> Option<Licence> {
    let example = "licence = \"CC-BY-4.0\", licence_name = \"Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)\" ja licence_url = \"https://creativecommons.org/licenses/by/4.0/deed.fi\"";
    let Some(table) = table else {
        pending.push(Unconfirmed {
            what: WHAT,
            line: None,
            missing: true,
            help: format!("{DECIDE}; kun se on päätetty, lisää site.toml-tiedostoon [data]-taulukko, jossa on {example}"),
        });
        return None;
    };
    let header = lines.at(table.span());
    let d = table.into_inner();
    let Some(id) = d
        .licence
        .as_ref()
        .filter(|l| !l.get_ref().trim().is_empty())
    else {
        pending.push(Unconfirmed {
            what: WHAT,
            line: Some(d.licence.as_ref().map_or(header, |l| lines.at(l.span()))),
            missing: true,
            help: format!("{DECIDE}; kun se on päätetty, kirjoita [data]-taulukkoon {example}"),
        });
        return None;
    };
    let line = lines.at(id.span());
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(String::from)
    };
    let (Some(name), Some(url)) = (text(&d.licence_name), text(&d.licence_url)) else {
        diags.push(
            Diagnostic::new(display, format!("[data]: lisenssillä \"{}\" ei ole nimeä (licence_name) tai osoitetta (licence_url)", id.get_ref().trim()))
                .at_line(line)
                .help(format!("data-sivu näyttää lisenssin nimen ja linkin sen ehtoihin; kirjoita esim. {example}")),
        );
        return None;
    };
    if let Some(confirmed) = d.confirmed.as_ref().filter(|c| !*c.get_ref()) {
        pending.push(Unconfirmed {
            what: WHAT,
            line: Some(lines.at(confirmed.span())),
            missing: false,
            help: format!(
                "{DECIDE}; kun lisenssi on vahvistettu, kirjoita confirmed = true tai poista rivi"
            ),
        });
        return None;
    }
    Some(Licence {
        id: id.get_ref().trim().to_string(),
        name,
        url,
        attribution: text(&d.attribution),
    })
}
