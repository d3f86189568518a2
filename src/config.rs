//! `site.toml`: the site's configuration and its vocabulary.
//!
//! The region, its municipalities, the priority areas and the target groups
//! are content, never code: this module reads them and gives each a slug.
//! Everything downstream refers to them by index ([`MunicipalityId`] …).
//! It also holds the facts of the accessibility statement
//! ([`Accessibility`]), which the law requires of the site itself.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Diagnostics, line_of_offset, suggest};
use crate::slug::{is_slug, slugify};

/// `site.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteToml {
    title: String,
    #[serde(default)]
    description: String,
    base_url: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default = "default_theme")]
    theme: String,
    region: Region,
    #[serde(default)]
    municipalities: Vec<NamedToml>,
    #[serde(default)]
    priority_areas: Vec<NamedToml>,
    #[serde(default)]
    target_groups: Vec<NamedToml>,
    #[serde(default)]
    statutes: Vec<StatuteToml>,
    #[serde(default)]
    contact: Contact,
    #[serde(default)]
    sources: Vec<SourceDocToml>,
    accessibility: Option<AccessibilityToml>,
    /// Link pattern for statute references in text; `{year}` and `{number}`
    /// are filled from e.g. "612/2021".
    #[serde(default = "default_statute_url")]
    statute_url: String,
}

fn default_statute_url() -> String {
    "https://finlex.fi/fi/lainsaadanto/{year}/{number}".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceDocToml {
    id: String,
    title: String,
    kind: Option<String>,
    date: Option<toml::value::Datetime>,
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

/// `[accessibility]` as written: the facts of the accessibility statement
/// (Act 306/2019 and the EU model statement, Decision (EU) 2018/1523).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AccessibilityToml {
    status: Compliance,
    prepared: toml::Spanned<toml::value::Datetime>,
    reviewed: toml::Spanned<toml::value::Datetime>,
    method: String,
    #[serde(default)]
    non_accessible: Vec<NonAccessible>,
    feedback_email: toml::Spanned<String>,
    feedback_url: Option<String>,
    feedback_name: Option<String>,
    response_days: Option<toml::Spanned<i64>>,
    #[serde(default = "default_authority_name")]
    authority_name: String,
    #[serde(default = "default_authority_url")]
    authority_url: String,
    authority_email: Option<String>,
}

/// The days within which the law (306/2019) requires feedback to be answered.
pub const RESPONSE_DAYS: u32 = 14;

fn default_authority_name() -> String {
    "Liikenne- ja viestintävirasto Traficom, digitaalisen esteettömyyden valvontayksikkö".into()
}

fn default_authority_url() -> String {
    "https://www.saavutettavuusvaatimukset.fi".into()
}

/// How far the site meets the WCAG 2.1 AA requirements of the law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Compliance {
    Full,
    Partial,
    None,
}

/// Content that is not accessible: what, why, and how to get it otherwise.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NonAccessible {
    pub content: String,
    pub reason: String,
    #[serde(default)]
    pub alternative: String,
}

/// The accessibility statement's facts, resolved.
#[derive(Debug, Clone, Serialize)]
pub struct Accessibility {
    pub status: Compliance,
    pub prepared: jiff::civil::Date,
    pub reviewed: jiff::civil::Date,
    pub method: String,
    pub non_accessible: Vec<NonAccessible>,
    pub feedback_email: String,
    pub feedback_url: Option<String>,
    pub feedback_name: Option<String>,
    pub response_days: u32,
    pub authority_name: String,
    pub authority_url: String,
    pub authority_email: Option<String>,
}

/// The theme's template for the accessibility statement; a page using it
/// needs `[accessibility]` in `site.toml`.
pub const STATEMENT_TEMPLATE: &str = "saavutettavuus.html";

/// The problem of a page (`page`, relative to the site) that uses the
/// statement template on a site without `[accessibility]`.
pub fn missing_accessibility(site_toml: &Path, page: &Path) -> Diagnostic {
    Diagnostic::new(
        site_toml,
        format!(
            "{} is an accessibility statement (template \"{STATEMENT_TEMPLATE}\") but site.toml has no [accessibility] table",
            page.display()
        ),
    )
    .help("add [accessibility] to site.toml with status, prepared, reviewed, method and feedback_email (see docs/content-format.md)")
}

/// A TOML date (no time) as a calendar date.
pub fn civil_date(dt: &toml::value::Datetime) -> Result<jiff::civil::Date, String> {
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8)
            .map_err(|e| e.to_string()),
        _ => Err("a date here has no time of day".to_string()),
    }
}

fn default_language() -> String {
    "fi".into()
}

fn default_theme() -> String {
    "default".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedToml {
    name: String,
    slug: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatuteToml {
    act: String,
    number: String,
    section: String,
    #[serde(default)]
    heading: String,
    #[serde(default)]
    text: String,
    url: Option<String>,
}

/// The region and its wellbeing services county.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub name: String,
    pub county: String,
    pub county_url: Option<String>,
}

/// Who to contact about the negotiations.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Option<String>,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A named thing of the site's vocabulary: a municipality, a priority area
/// or a target group.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub name: String,
    pub slug: String,
    pub aliases: Vec<String>,
    pub description: String,
}

impl Term {
    /// Whether `text` names this term (its name, slug or an alias; case and
    /// diacritics ignored).
    pub fn matches(&self, text: &str) -> bool {
        let s = slugify(text);
        s == self.slug || s == slugify(&self.name) || self.aliases.iter().any(|a| slugify(a) == s)
    }
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

macro_rules! id_type {
    ($name:ident) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub struct $name(pub usize);
    };
}
id_type!(MunicipalityId);
id_type!(PriorityId);
id_type!(TargetGroupId);

/// The site's configuration, resolved: every term has a unique slug.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub language: String,
    pub theme: String,
    pub region: Region,
    pub municipalities: Vec<Term>,
    pub priority_areas: Vec<Term>,
    pub target_groups: Vec<Term>,
    pub statutes: Vec<Statute>,
    pub contact: Contact,
    pub sources: Vec<SourceDoc>,
    pub statute_url: String,
    /// The facts of the accessibility statement, if the site gives them.
    pub accessibility: Option<Accessibility>,
}

impl Config {
    pub fn municipality(&self, text: &str) -> Option<MunicipalityId> {
        find(&self.municipalities, text).map(MunicipalityId)
    }

    pub fn priority(&self, text: &str) -> Option<PriorityId> {
        find(&self.priority_areas, text).map(PriorityId)
    }

    pub fn target_group(&self, text: &str) -> Option<TargetGroupId> {
        find(&self.target_groups, text).map(TargetGroupId)
    }

    /// The path part of `base_url`: `/` or e.g. `/hyte/`.
    pub fn base_path(&self) -> &str {
        let after_scheme = self
            .base_url
            .find("://")
            .map(|i| &self.base_url[i + 3..])
            .unwrap_or(&self.base_url);
        match after_scheme.find('/') {
            Some(i) => &after_scheme[i..],
            None => "/",
        }
    }
}

fn find(terms: &[Term], text: &str) -> Option<usize> {
    terms.iter().position(|t| t.matches(text))
}

/// "did you mean" help for a name that matched none of `terms`.
pub fn did_you_mean(what: &str, text: &str, terms: &[Term]) -> String {
    let names: Vec<&str> = terms.iter().map(|t| t.name.as_str()).collect();
    let close = suggest(text, names.iter().copied());
    if close.is_empty() {
        format!(
            "the {what} list of site.toml has: {}",
            if names.is_empty() {
                "(none)".to_string()
            } else {
                names.join(", ")
            }
        )
    } else {
        format!(
            "did you mean {}? (see the {what} list of site.toml)",
            close
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    }
}

/// Reads and checks `site.toml` at `path`. `base_url` overrides the file's.
pub fn load(
    path: &Path,
    display: &Path,
    base_url: Option<&str>,
) -> Result<Config, Vec<Diagnostic>> {
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let line = line_of_offset(
                    &String::from_utf8_lossy(e.as_bytes()),
                    e.utf8_error().valid_up_to(),
                );
                return Err(vec![
                    Diagnostic::new(display, "site.toml is not valid UTF-8 text")
                        .at_line(line)
                        .help("save the file as UTF-8 in your editor"),
                ]);
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(vec![
                Diagnostic::new(display, "site.toml is missing")
                    .help("a site folder needs site.toml at its root; pass --root DIR if the site is elsewhere"),
            ]);
        }
        Err(e) => {
            return Err(vec![Diagnostic::new(
                display,
                format!("cannot read site.toml: {e}"),
            )]);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let raw: SiteToml = toml::from_str(text).map_err(|e| {
        vec![
            Diagnostic::new(display, toml_message(&e))
                .with_line(e.span().map(|s| line_of_offset(text, s.start)))
                .help("fix the TOML syntax or key; docs/content-format.md lists every key of site.toml"),
        ]
    })?;
    resolve(raw, display, text, base_url)
}

/// The first line of a TOML error message, without the position toml adds.
pub fn toml_message(e: &toml::de::Error) -> String {
    e.message().trim().to_string()
}

fn resolve(
    raw: SiteToml,
    display: &Path,
    text: &str,
    base_url: Option<&str>,
) -> Result<Config, Vec<Diagnostic>> {
    let mut diags = Diagnostics::default();
    // The line where a value is written, for errors found after parsing.
    let line_of = |needle: &str| text.find(needle).map(|i| line_of_offset(text, i));
    let mut terms = |list: Vec<NamedToml>, what: &str| -> Vec<Term> {
        let mut out: Vec<Term> = Vec::new();
        for t in list {
            let slug = match t.slug {
                Some(s) if is_slug(&s) => s,
                Some(s) => {
                    diags.push(
                        Diagnostic::new(display, format!("the slug \"{s}\" of {what} \"{}\" is not a slug", t.name))
                            .with_line(line_of(&format!("\"{s}\"")))
                            .help("a slug has only lowercase a–z, digits and '-'; or leave it out to derive it from the name"),
                    );
                    slugify(&t.name)
                }
                None => slugify(&t.name),
            };
            if slug.is_empty() {
                diags.push(
                    Diagnostic::new(display, format!("{what} \"{}\" has no usable name", t.name))
                        .with_line(line_of(&format!("\"{}\"", t.name)))
                        .help("give it a name with letters or digits"),
                );
                continue;
            }
            if out.iter().any(|o| o.slug == slug) {
                diags.push(
                    Diagnostic::new(display, format!("two {what}s have the slug \"{slug}\""))
                        .with_line(line_of(&format!("\"{}\"", t.name)))
                        .help("each name must be unique; give one of them another `slug`"),
                );
                continue;
            }
            out.push(Term {
                name: t.name,
                slug,
                aliases: t.aliases,
                description: t.description,
            });
        }
        out
    };
    let municipalities = terms(raw.municipalities, "municipality");
    let priority_areas = terms(raw.priority_areas, "priority area");
    let target_groups = terms(raw.target_groups, "target group");
    let statute_url = raw.statute_url.clone();
    let statutes = raw
        .statutes
        .into_iter()
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
        .collect();
    let mut sources = Vec::new();
    for d in raw.sources {
        let date = match d.date.as_ref().map(civil_date) {
            Some(Err(e)) => {
                diags.push(
                    Diagnostic::new(
                        display,
                        format!("the date of source \"{}\" is not valid: {e}", d.id),
                    )
                    .with_line(line_of(&format!("\"{}\"", d.id)))
                    .help("write a date as YYYY-MM-DD without quotes, e.g. 2025-10-07"),
                );
                None
            }
            Some(Ok(date)) => Some(date),
            None => None,
        };
        if sources.iter().any(|s: &SourceDoc| s.id == d.id) {
            diags.push(
                Diagnostic::new(display, format!("two sources have the id \"{}\"", d.id))
                    .with_line(line_of(&format!("\"{}\"", d.id)))
                    .help("give each [[sources]] table its own id"),
            );
        }
        sources.push(SourceDoc {
            id: d.id,
            title: d.title,
            kind: d.kind,
            date,
            url: d.url,
        });
    }
    let accessibility = raw
        .accessibility
        .and_then(|a| accessibility(a, display, text, &mut diags));
    let base = base_url.unwrap_or(&raw.base_url).trim().to_string();
    if !(base.starts_with("http://") || base.starts_with("https://") || base.starts_with('/')) {
        let d = Diagnostic::new(
            display,
            format!("base_url \"{base}\" is not an absolute URL"),
        );
        let d = if base_url.is_some() {
            d
        } else {
            d.with_line(line_of("base_url"))
        };
        diags.push(d.help(
            "write it as https://example.org/ (a subpath such as https://example.org/hyte/ works)",
        ));
    }
    let base_url = if base.ends_with('/') {
        base
    } else {
        format!("{base}/")
    };
    if diags.is_empty() {
        Ok(Config {
            title: raw.title,
            description: raw.description,
            base_url,
            language: raw.language,
            theme: raw.theme,
            region: raw.region,
            municipalities,
            priority_areas,
            target_groups,
            statutes,
            contact: raw.contact,
            sources,
            statute_url: raw.statute_url,
            accessibility,
        })
    } else {
        Err(diags.into_vec())
    }
}

/// Checks `[accessibility]`: real dates in order, a feedback address, an
/// answer within the time the law allows, and the shortcomings listed when
/// the site does not fully comply.
fn accessibility(
    a: AccessibilityToml,
    display: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<Accessibility> {
    let mut problems: Vec<Diagnostic> = Vec::new();
    let at = |span: std::ops::Range<usize>| line_of_offset(text, span.start);
    let mut date =
        |d: &toml::Spanned<toml::value::Datetime>, key: &str| match civil_date(d.get_ref()) {
            Ok(date) => Some(date),
            Err(e) => {
                problems.push(
                    Diagnostic::new(
                        display,
                        format!("[accessibility] {key} is not a valid date: {e}"),
                    )
                    .at_line(at(d.span()))
                    .help("write a date as YYYY-MM-DD without quotes, e.g. 2026-11-29"),
                );
                None
            }
        };
    let prepared = date(&a.prepared, "prepared");
    let reviewed = date(&a.reviewed, "reviewed");
    if let (Some(p), Some(r)) = (prepared, reviewed)
        && r < p
    {
        problems.push(
            Diagnostic::new(display, "[accessibility] reviewed is before prepared")
                .at_line(at(a.reviewed.span()))
                .help("reviewed is the date the statement was last checked; it cannot be before the statement was prepared"),
        );
    }
    let email = a.feedback_email.get_ref().trim();
    if !email.contains('@') || email.contains(char::is_whitespace) || email.starts_with("mailto:") {
        problems.push(
            Diagnostic::new(
                display,
                format!("[accessibility] feedback_email \"{email}\" is not an e-mail address"),
            )
            .at_line(at(a.feedback_email.span()))
            .help("write the address only, e.g. feedback_email = \"palaute@example.fi\""),
        );
    }
    let response_days = match &a.response_days {
        None => RESPONSE_DAYS,
        Some(d) if (1..=i64::from(RESPONSE_DAYS)).contains(d.get_ref()) => *d.get_ref() as u32,
        Some(d) => {
            problems.push(
                Diagnostic::new(display, format!("[accessibility] response_days is {}", d.get_ref()))
                    .at_line(at(d.span()))
                    .help(format!("the law (306/2019) requires feedback to be answered within {RESPONSE_DAYS} days; use 1 to {RESPONSE_DAYS}, or leave it out for {RESPONSE_DAYS}")),
            );
            RESPONSE_DAYS
        }
    };
    if a.status != Compliance::Full && a.non_accessible.is_empty() {
        let line = text
            .lines()
            .position(|l| l.trim() == "[accessibility]")
            .map(|i| i + 1);
        problems.push(
            Diagnostic::new(display, "[accessibility] status is not \"full\" but no content is listed as not accessible")
                .with_line(line)
                .help("list what is not accessible as [[accessibility.non_accessible]] tables with content, reason and alternative; or set status = \"full\""),
        );
    }
    if !problems.is_empty() {
        diags.extend(problems);
        return None;
    }
    Some(Accessibility {
        status: a.status,
        prepared: prepared?,
        reviewed: reviewed?,
        method: a.method,
        non_accessible: a.non_accessible,
        feedback_email: email.to_string(),
        feedback_url: a.feedback_url,
        feedback_name: a.feedback_name,
        response_days,
        authority_name: a.authority_name,
        authority_url: a.authority_url,
        authority_email: a.authority_email,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_of_subpath_url() {
        let raw: SiteToml = toml::from_str(
            "title='t'\nbase_url='https://example.org/hyte'\n[region]\nname='R'\ncounty='C'\n",
        )
        .unwrap();
        let c = resolve(raw, Path::new("site.toml"), "", None).unwrap();
        assert_eq!(c.base_url, "https://example.org/hyte/");
        assert_eq!(c.base_path(), "/hyte/");
    }

    #[test]
    fn terms_match_aliases_and_slugs() {
        let t = Term {
            name: "Arjen turvallisuus".into(),
            slug: "arjen-turvallisuus".into(),
            aliases: vec!["Arjen turvallisuuden edistäminen".into()],
            description: String::new(),
        };
        assert!(t.matches("arjen turvallisuus"));
        assert!(t.matches("ARJEN TURVALLISUUDEN EDISTÄMINEN"));
        assert!(t.matches("arjen-turvallisuus"));
        assert!(!t.matches("Arki"));
    }
}
