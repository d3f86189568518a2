//! The accessibility statement's facts and the rules they must meet.
//!
//! The law (306/2019, with the EU model statement of Decision (EU)
//! 2018/1523) requires the site itself to publish an accessibility
//! statement: how far it complies, when the statement was made and
//! reviewed, how it was assessed, what is not accessible, and where to send
//! feedback, answered within 14 days. `[accessibility]` in `site.toml`
//! holds those facts; this module checks them and resolves them into
//! [`Accessibility`] for the statement page.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::unconfirmed::{self, Unconfirmed};
use super::{Lines, civil_date};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// `[accessibility]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AccessibilityToml {
    status: Compliance,
    prepared: toml::Spanned<toml::value::Datetime>,
    reviewed: toml::Spanned<toml::value::Datetime>,
    method: String,
    #[serde(default)]
    non_accessible: Vec<toml::Spanned<NonAccessible>>,
    feedback_email: Option<toml::Spanned<String>>,
    feedback_url: Option<String>,
    feedback_name: Option<String>,
    /// `false` until the county has confirmed the feedback channel.
    feedback_confirmed: Option<toml::Spanned<bool>>,
    response_days: Option<toml::Spanned<i64>>,
    authority_name: Option<String>,
    authority_url: Option<String>,
    authority_email: Option<String>,
    authority_phone: Option<String>,
}

/// The days within which the law (306/2019) requires feedback to be answered.
pub const RESPONSE_DAYS: u32 = 14;

/// The supervisory authority (Traficom since 1.1.2025) and its site, in
/// the statement's language: its own names for itself.
fn default_authority(language: &str) -> (&'static str, &'static str) {
    match language {
        "sv" => (
            "Transport- och kommunikationsverket Traficom",
            "https://www.tillganglighetskrav.fi",
        ),
        "en" => (
            "Finnish Transport and Communications Agency Traficom",
            "https://www.webaccessibility.fi",
        ),
        _ => (
            "Liikenne- ja viestintävirasto Traficom, digitaalisen esteettömyyden valvontayksikkö",
            "https://www.saavutettavuusvaatimukset.fi",
        ),
    }
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
    /// The feedback channel is set and confirmed: only then does the page
    /// show it, its receiver and a response time in the county's voice.
    pub feedback_published: bool,
    pub feedback_email: String,
    pub feedback_url: Option<String>,
    pub feedback_name: Option<String>,
    /// The response time the county has set, if it has; the page states the
    /// law's [`RESPONSE_DAYS`] otherwise.
    pub response_days: Option<u32>,
    pub law_response_days: u32,
    pub authority_name: String,
    pub authority_url: String,
    pub authority_email: Option<String>,
    pub authority_phone: Option<String>,
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
            "{} on saavutettavuusseloste (template = \"{STATEMENT_TEMPLATE}\"), mutta site.toml-tiedostossa ei ole [accessibility]-taulukkoa",
            page.display()
        ),
    )
    .help("lisää site.toml-tiedostoon [accessibility]-taulukko, jossa on status, prepared, reviewed, method ja feedback_email (katso docs/content-format.md)")
}

/// Checks `[accessibility]`: real dates in order, a feedback address, an
/// answer within the time the law allows, and the shortcomings listed when
/// the site does not fully comply. Its problems go to `diags`, a feedback
/// channel not yet confirmed to `pending`.
pub(super) fn resolve(
    table: toml::Spanned<AccessibilityToml>,
    display: &Path,
    lines: &Lines,
    diags: &mut Diagnostics,
    pending: &mut Vec<Unconfirmed>,
    language: &str,
) -> Option<Accessibility> {
    let (authority_name, authority_url) = default_authority(language);
    let mut problems: Vec<Diagnostic> = Vec::new();
    // The span of a table is its header, `[accessibility]`.
    let header = lines.at(table.span());
    let a = table.into_inner();
    let confirmed = unconfirmed::feedback(
        a.feedback_email.as_ref(),
        a.feedback_confirmed.as_ref(),
        header,
        lines,
        pending,
    );
    unconfirmed::alternatives(&a.non_accessible, lines, pending);
    if a.authority_email.is_none() && a.authority_phone.is_none() {
        pending.push(Unconfirmed {
            what: "valvontaviranomaisen yhteystieto ([accessibility] authority_email, authority_phone)",
            line: Some(header),
            missing: true,
            help: "saavutettavuusselosteessa kerrotaan valvontaviranomaisen yhteystiedot; kirjoita ne valvontaviranomaisen omilta sivuilta (oletuksena Traficom, authority_url), esim. authority_email = \"…\" ja authority_phone = \"…\"; siihen asti seloste antaa vain verkkosivuston osoitteen".to_string(),
        });
    }
    let at = |span: std::ops::Range<usize>| lines.at(span);
    let (prepared, reviewed) = dates(&a, display, &at, &mut problems);
    let email = a.feedback_email.as_ref().map_or("", |e| e.get_ref().trim());
    if let Some(e) = &a.feedback_email
        && (!email.contains('@')
            || email.contains(char::is_whitespace)
            || email.starts_with("mailto:"))
    {
        problems.push(
            Diagnostic::new(
                display,
                format!("[accessibility]: feedback_email \"{email}\" ei ole sähköpostiosoite"),
            )
            .at_line(at(e.span()))
            .help("kirjoita pelkkä osoite, esim. feedback_email = \"palaute@example.fi\""),
        );
    }
    let response_days = response_days(&a, display, &at, &mut problems);
    if a.status != Compliance::Full && a.non_accessible.is_empty() {
        problems.push(
            Diagnostic::new(display, "[accessibility]: status ei ole \"full\", mutta saavutettavuuden puutteita ei ole lueteltu")
                .at_line(header)
                .help("luettele sisältö, joka ei ole saavutettavaa, [[accessibility.non_accessible]]-taulukkoina (content, reason ja alternative) tai aseta status = \"full\""),
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
        non_accessible: a
            .non_accessible
            .into_iter()
            .map(toml::Spanned::into_inner)
            .collect(),
        feedback_published: confirmed && !email.is_empty(),
        feedback_email: email.to_string(),
        feedback_url: a.feedback_url,
        feedback_name: a.feedback_name,
        response_days,
        law_response_days: RESPONSE_DAYS,
        authority_name: a.authority_name.unwrap_or_else(|| authority_name.into()),
        authority_url: a.authority_url.unwrap_or_else(|| authority_url.into()),
        authority_email: a.authority_email,
        authority_phone: a.authority_phone,
    })
}

/// `prepared` and `reviewed` as calendar dates, reviewed not before
/// prepared.
fn dates(
    a: &AccessibilityToml,
    display: &Path,
    at: &dyn Fn(std::ops::Range<usize>) -> usize,
    problems: &mut Vec<Diagnostic>,
) -> (Option<jiff::civil::Date>, Option<jiff::civil::Date>) {
    let mut date = |d: &toml::Spanned<toml::value::Datetime>, key: &str| match civil_date(
        d.get_ref(),
    ) {
        Ok(date) => Some(date),
        Err(e) => {
            problems.push(
                Diagnostic::new(
                    display,
                    format!("[accessibility]: {key} ei ole kelvollinen päivämäärä: {e}"),
                )
                .at_line(at(d.span()))
                .help("kirjoita päivämäärä ilman lainausmerkkejä muodossa VVVV-KK-PP, esim. 2026-11-29"),
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
            Diagnostic::new(display, "[accessibility]: reviewed (tarkistettu) on aikaisemmin kuin prepared (laadittu)")
                .at_line(at(a.reviewed.span()))
                .help("reviewed on päivä, jolloin seloste viimeksi tarkistettiin; se ei voi olla ennen selosteen laatimispäivää (prepared)"),
        );
    }
    (prepared, reviewed)
}

/// The days within which the county answers feedback, if it has set them:
/// at most what the law allows.
fn response_days(
    a: &AccessibilityToml,
    display: &Path,
    at: &dyn Fn(std::ops::Range<usize>) -> usize,
    problems: &mut Vec<Diagnostic>,
) -> Option<u32> {
    match &a.response_days {
        None => None,
        Some(d) if (1..=i64::from(RESPONSE_DAYS)).contains(d.get_ref()) => {
            Some(*d.get_ref() as u32)
        }
        Some(d) => {
            problems.push(
                Diagnostic::new(display, format!("[accessibility]: vastausaika response_days = {} ei ole sallittu", d.get_ref()))
                    .at_line(at(d.span()))
                    .help(format!("laki (306/2019) edellyttää, että palautteeseen vastataan {RESPONSE_DAYS} päivän kuluessa; käytä lukua 1–{RESPONSE_DAYS} tai jätä avain pois, jolloin sivu kertoo lain vaatiman ajan")),
            );
            None
        }
    }
}
