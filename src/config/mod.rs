//! `site.toml`: the site's configuration, as written and as resolved.
//!
//! This module holds the file's schema, reads it and turns it into a
//! [`Config`]. The concepts the configuration carries live beside it: the
//! vocabulary of named things ([`vocabulary`]), the Finnish word forms
//! messages about them need ([`grammar`]), the statutes and source
//! documents pages rest on ([`sources`], with [`civil_date`] for every TOML
//! date), TOML errors in Finnish ([`toml_errors`], used for content files'
//! front matter too) and the accessibility statement's facts and rules
//! ([`accessibility`]).
//! Everything other modules need is re-exported here, so they write
//! `crate::config::Term`, never the file it lives in.

mod accessibility;
mod base_url;
mod finnish_values;
mod glossary;
mod grammar;
mod indicators;
mod inline;
mod languages;
mod open_data;
mod sources;
mod toml_errors;
mod unconfirmed;
mod vocabulary;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Diagnostics, line_of_offset};

pub use accessibility::{
    Accessibility, Compliance, NonAccessible, RESPONSE_DAYS, STATEMENT_TEMPLATE,
    missing_accessibility,
};
pub use glossary::GlossaryTerm;
pub use grammar::{all_of, did_you_mean, one_of};
pub use indicators::Indicator;
pub use inline::{InlineProblem, LocalizedError, parse_tree, read_in};
pub use languages::Language;
pub use open_data::Licence;
pub use sources::{SourceDoc, Statute, civil_date};
pub use toml_errors::{explain_toml, toml_message};
pub use unconfirmed::Unconfirmed;
pub use vocabulary::{MunicipalityId, PriorityId, TargetGroupId, Term, TermKind};

use accessibility::AccessibilityToml;
use sources::{SourceDocToml, StatuteToml, sources, statutes};
use unconfirmed::ContactToml;
use vocabulary::NamedToml;

/// `site.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteToml {
    title: String,
    #[serde(default)]
    description: String,
    base_url: toml::Spanned<String>,
    #[serde(default = "default_language")]
    language: String,
    /// The other languages the site is published in (`[languages.sv]`).
    #[serde(default)]
    languages: std::collections::BTreeMap<String, languages::LanguageToml>,
    #[serde(default = "default_theme")]
    theme: String,
    /// The IANA time zone whose calendar date is "today" for the site.
    #[serde(default = "default_time_zone")]
    time_zone: toml::Spanned<String>,
    region: Region,
    #[serde(default)]
    municipalities: Vec<NamedToml>,
    #[serde(default)]
    priority_areas: Vec<NamedToml>,
    #[serde(default)]
    target_groups: Vec<NamedToml>,
    #[serde(default)]
    statutes: Vec<StatuteToml>,
    contact: Option<toml::Spanned<ContactToml>>,
    #[serde(default)]
    sources: Vec<SourceDocToml>,
    /// The glossary (`/sanasto/`).
    #[serde(default)]
    terms: Vec<glossary::TermToml>,
    /// Numbers follow-up can show (`data/<id>.csv` holds the values).
    #[serde(default)]
    indicators: Vec<indicators::IndicatorToml>,
    accessibility: Option<toml::Spanned<AccessibilityToml>>,
    data: Option<toml::Spanned<open_data::DataToml>>,
    /// Link pattern for statute references in text; `{year}` and `{number}`
    /// are filled from e.g. "612/2021".
    #[serde(default = "default_statute_url")]
    statute_url: String,
}

fn default_statute_url() -> String {
    "https://finlex.fi/fi/lainsaadanto/{year}/{number}".into()
}

fn default_language() -> String {
    "fi".into()
}

fn default_time_zone() -> toml::Spanned<String> {
    toml::Spanned::new(0..0, "Europe/Helsinki".to_string())
}

fn default_theme() -> String {
    "default".into()
}

/// The region and its wellbeing services county.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub name: String,
    pub county: String,
    pub county_url: Option<String>,
}

/// Who to contact about the negotiations (`[contact]`; whether the county
/// has confirmed it is in [`Config::unconfirmed`]).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Contact {
    /// Set and confirmed: only then do pages show it.
    pub published: bool,
    pub name: Option<String>,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The site's configuration, resolved: every term has a unique slug.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Always ends with `/`.
    pub base_url: String,
    /// The language of this configuration's texts.
    pub language: String,
    /// Every language of the site, the main one first.
    pub languages: Vec<Language>,
    /// The site-relative folder of this language's pages: `""` for the main
    /// language, `"sv/"` for Swedish.
    pub prefix: String,
    /// The configuration in each other language, in the order of
    /// `languages` (empty in those configurations themselves).
    #[serde(skip)]
    pub translations: Vec<Config>,
    pub theme: String,
    /// The site's time zone (IANA name, e.g. `Europe/Helsinki`).
    #[serde(skip)]
    pub time_zone: jiff::tz::TimeZone,
    pub region: Region,
    pub municipalities: Vec<Term>,
    pub priority_areas: Vec<Term>,
    pub target_groups: Vec<Term>,
    pub statutes: Vec<Statute>,
    pub contact: Contact,
    pub sources: Vec<SourceDoc>,
    /// The glossary, sorted by term.
    pub terms: Vec<GlossaryTerm>,
    pub indicators: Vec<Indicator>,
    pub statute_url: String,
    /// The facts of the accessibility statement, if the site gives them.
    pub accessibility: Option<Accessibility>,
    /// The open data's licence, once set and confirmed.
    pub licence: Option<Licence>,
    /// What the county must still confirm ([`Config::unconfirmed`]).
    #[serde(skip)]
    unconfirmed: Vec<Unconfirmed>,
    /// The line of `base_url` in `site.toml`; `None` when `--base-url`
    /// overrides it ([`Config::placeholder_base_url`]).
    #[serde(skip)]
    base_url_line: Option<usize>,
}

/// Reads and checks `site.toml` at `path`. `base_url` overrides the file's.
pub fn load(
    path: &Path,
    display: &Path,
    base_url: Option<&str>,
) -> Result<Config, Vec<Diagnostic>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(vec![
                Diagnostic::new(display, "site.toml puuttuu")
                    .help("sivuston kansiossa pitää olla site.toml; jos sivusto on toisessa kansiossa, kerro se komennolle: --root KANSIO"),
            ]);
        }
        Err(e) => {
            return Err(vec![Diagnostic::new(
                display,
                format!(
                    "site.toml-tiedostoa ei voi lukea: {}",
                    crate::diagnostic::io_problem(&e)
                ),
            )]);
        }
    };
    parse(bytes, display, base_url)
}

/// Checks the bytes of `site.toml`; `display` names it in problems. Public
/// so that the fuzz targets reach the same code as a build.
pub fn parse(
    bytes: Vec<u8>,
    display: &Path,
    base_url: Option<&str>,
) -> Result<Config, Vec<Diagnostic>> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = line_of_offset(
                &String::from_utf8_lossy(e.as_bytes()),
                e.utf8_error().valid_up_to(),
            );
            return Err(vec![
                    Diagnostic::new(display, "site.toml ei ole UTF-8-merkistöllä tallennettua tekstiä")
                        .at_line(line)
                        .help("tallenna tiedosto tekstieditorissa UTF-8-merkistöllä (ei Latin-1- eikä Windows-1252-merkistöllä); rivinumero näyttää ensimmäisen virheellisen merkin kohdan"),
                ]);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let tree = parse_tree(text).map_err(|e| vec![toml_problem(&e, text, display)])?;
    let codes = languages::codes(&tree);
    let read = |lang: Option<&str>| {
        read_in::<SiteToml>(&tree, text, lang, &codes, &["languages"]).map_err(|e| match e {
            LocalizedError::Toml(e) => vec![toml_problem(&e, text, display)],
            LocalizedError::Inline(p) => vec![
                Diagnostic::new(display, p.message)
                    .at_line(line_of_offset(text, p.span.start))
                    .help(p.help),
            ],
        })
    };
    let raw = read(None)?;
    let others = languages::others(&raw.languages, &raw.language, display, &tree, text)?;
    let main_language = raw.language.clone();
    let mut main = resolve(raw, display, text, base_url)?;
    main.languages = languages::list(&main, &others);
    let mut problems = Vec::new();
    for (code, lang) in &others {
        let mut raw = read(Some(code))?;
        raw.language = code.clone();
        raw.title = lang.title.clone();
        raw.description = lang.description.clone();
        match resolve(raw, display, text, base_url) {
            Ok(mut c) => {
                c.languages = main.languages.clone();
                languages::also_named(&mut c, &main);
                c.prefix = format!("{code}/");
                main.translations.push(c);
            }
            Err(ds) => problems.extend(ds),
        }
    }
    debug_assert!(main.language == main_language);
    if problems.is_empty() {
        Ok(main)
    } else {
        problems.dedup();
        Err(problems)
    }
}

/// A TOML error of `site.toml` in Finnish, at its line.
fn toml_problem(e: &toml::de::Error, text: &str, display: &Path) -> Diagnostic {
    let (message, help) = explain_toml(e, text, "site.toml-tiedostossa");
    Diagnostic::new(display, message)
        .with_line(e.span().map(|s| line_of_offset(text, s.start)))
        .help(if help.contains("docs/content-format.md") {
            help
        } else {
            format!(
                "{help}\n(kaikki site.toml-tiedoston avaimet on kuvattu tiedostossa docs/content-format.md)"
            )
        })
}

/// The lines of the text a span of the TOML parser points into: every line
/// of a problem found after parsing comes from the span of what it is about.
pub(super) struct Lines<'a>(&'a str);

impl Lines<'_> {
    /// The line (from 1) where `span` starts.
    pub(super) fn at(&self, span: std::ops::Range<usize>) -> usize {
        line_of_offset(self.0, span.start)
    }
}

fn resolve(
    raw: SiteToml,
    display: &Path,
    text: &str,
    base_url: Option<&str>,
) -> Result<Config, Vec<Diagnostic>> {
    let mut diags = Diagnostics::default();
    let lines = Lines(text);
    let terms = |list, kind| vocabulary::resolve_terms(list, kind, display, &lines);
    let (municipalities, mut problems) = terms(raw.municipalities, TermKind::Municipality);
    let (priority_areas, more) = terms(raw.priority_areas, TermKind::PriorityArea);
    problems.extend(more);
    let (target_groups, more) = terms(raw.target_groups, TermKind::TargetGroup);
    problems.extend(more);
    diags.extend(problems);
    let statutes = statutes(raw.statutes, &raw.statute_url);
    let sources = sources(raw.sources, display, &lines, &mut diags);
    let terms = glossary::resolve(raw.terms, display, &lines, &mut diags);
    let indicators = indicators::resolve(raw.indicators, display, &lines, &mut diags);
    let mut unconfirmed = Vec::new();
    let contact = unconfirmed::contact(raw.contact, &lines, &mut unconfirmed);
    let accessibility = raw.accessibility.and_then(|a| {
        accessibility::resolve(
            a,
            display,
            &lines,
            &mut diags,
            &mut unconfirmed,
            &raw.language,
        )
    });
    let licence = open_data::licence(raw.data, display, &lines, &mut diags, &mut unconfirmed);
    // From the command line, base_url has no line in the file.
    let base_url_line = base_url.is_none().then(|| lines.at(raw.base_url.span()));
    let base = base_url.unwrap_or(raw.base_url.get_ref()).trim();
    let base_url = base_url::checked_base_url(base, base_url_line, display, &mut diags);
    let time_zone = match jiff::tz::TimeZone::get(raw.time_zone.get_ref()) {
        Ok(tz) => tz,
        Err(e) => {
            diags.push(
                Diagnostic::new(display, format!("aikavyöhykettä time_zone = \"{}\" ei tunneta", raw.time_zone.get_ref()))
                    .at_line(lines.at(raw.time_zone.span()))
                    .help(format!("kirjoita IANA-aikavyöhykkeen nimi, esim. time_zone = \"Europe/Helsinki\" (jiff: {e})")),
            );
            jiff::tz::TimeZone::UTC
        }
    };
    if !diags.is_empty() {
        return Err(diags.into_vec());
    }
    Ok(Config {
        time_zone,
        title: raw.title,
        description: raw.description,
        base_url,
        language: raw.language,
        languages: Vec::new(),
        prefix: String::new(),
        translations: Vec::new(),
        theme: raw.theme,
        region: raw.region,
        municipalities,
        priority_areas,
        target_groups,
        statutes,
        contact,
        sources,
        terms,
        indicators,
        statute_url: raw.statute_url,
        accessibility,
        licence,
        unconfirmed,
        base_url_line,
    })
}

#[cfg(test)]
mod tests;
