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
            "{} on saavutettavuusseloste (template = \"{STATEMENT_TEMPLATE}\"), mutta site.toml-tiedostossa ei ole [accessibility]-taulukkoa",
            page.display()
        ),
    )
    .help("lisää site.toml-tiedostoon [accessibility]-taulukko, jossa on status, prepared, reviewed, method ja feedback_email (katso docs/content-format.md)")
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
    /// The slugs that name this term: its slug, name and aliases, made once
    /// (every heading of every page is matched against them).
    #[serde(skip)]
    keys: Vec<String>,
}

impl Term {
    pub fn new(name: String, slug: String, aliases: Vec<String>, description: String) -> Term {
        let mut keys = vec![slug.clone(), slugify(&name)];
        keys.extend(aliases.iter().map(|a| slugify(a)));
        keys.dedup();
        Term {
            name,
            slug,
            aliases,
            description,
            keys,
        }
    }

    /// Whether `text` names this term (its name, slug or an alias; case and
    /// diacritics ignored).
    pub fn matches(&self, text: &str) -> bool {
        self.has_slug(&slugify(text))
    }

    /// [`Term::matches`] for text already slugified (to match one name
    /// against many terms, slugify it once).
    pub fn has_slug(&self, slug: &str) -> bool {
        self.keys.iter().any(|k| k == slug)
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

    /// The absolute URL of a site-relative one: `/2025/` →
    /// `https://example.org/hyte/2025/`.
    pub fn absolute(&self, rel: &str) -> String {
        format!("{}{}", self.base_url, rel.trim_start_matches('/'))
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

/// The three kinds of named things in `site.toml`, with the Finnish word
/// forms messages about them need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    Municipality,
    PriorityArea,
    TargetGroup,
}

impl TermKind {
    /// The kind named by its Finnish word (`kunta`, `painopiste`,
    /// `kohderyhmä`) or its English one (`municipality`, `priority area`,
    /// `target group`).
    pub fn from_word(word: &str) -> Option<TermKind> {
        match word {
            "kunta" | "municipality" => Some(TermKind::Municipality),
            "painopiste" | "priority area" => Some(TermKind::PriorityArea),
            "kohderyhmä" | "target group" => Some(TermKind::TargetGroup),
            _ => None,
        }
    }

    /// `kunta`
    pub fn word(self) -> &'static str {
        match self {
            TermKind::Municipality => "kunta",
            TermKind::PriorityArea => "painopiste",
            TermKind::TargetGroup => "kohderyhmä",
        }
    }

    /// `kuntaa` (partitive: "kuntaa X ei ole", "kaksi kuntaa")
    pub fn partitive(self) -> &'static str {
        match self {
            TermKind::Municipality => "kuntaa",
            TermKind::PriorityArea => "painopistettä",
            TermKind::TargetGroup => "kohderyhmää",
        }
    }

    /// `kunnan` (genitive)
    pub fn genitive(self) -> &'static str {
        match self {
            TermKind::Municipality => "kunnan",
            TermKind::PriorityArea => "painopisteen",
            TermKind::TargetGroup => "kohderyhmän",
        }
    }

    /// `kunnalla` (adessive: "kahdella kunnalla on …")
    pub fn adessive(self) -> &'static str {
        match self {
            TermKind::Municipality => "kunnalla",
            TermKind::PriorityArea => "painopisteellä",
            TermKind::TargetGroup => "kohderyhmällä",
        }
    }

    /// `kunnat` (plural)
    pub fn plural(self) -> &'static str {
        match self {
            TermKind::Municipality => "kunnat",
            TermKind::PriorityArea => "painopisteet",
            TermKind::TargetGroup => "kohderyhmät",
        }
    }

    /// The array of tables in `site.toml`: `[[municipalities]]`.
    pub fn table(self) -> &'static str {
        match self {
            TermKind::Municipality => "[[municipalities]]",
            TermKind::PriorityArea => "[[priority_areas]]",
            TermKind::TargetGroup => "[[target_groups]]",
        }
    }
}

/// `a`, `a tai b`, `a, b tai c`: a list of alternatives in Finnish.
pub fn one_of(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} tai {last}", rest.join(", ")),
    }
}

/// "did you mean" help for a name that matched none of `terms`. `what` is
/// the kind in Finnish (`kunta`, `painopiste`, `kohderyhmä`), e.g.
/// `tarkoititko "Pikkula"? (kunnat on lueteltu site.toml-tiedostossa)`.
pub fn did_you_mean(what: &str, text: &str, terms: &[Term]) -> String {
    let names: Vec<&str> = terms.iter().map(|t| t.name.as_str()).collect();
    let close = suggest(text, names.iter().copied());
    let kind = TermKind::from_word(what);
    let listed = match kind {
        Some(k) => format!("{} on lueteltu site.toml-tiedostossa", k.plural()),
        None => format!("katso site.toml-tiedoston luettelo: {what}"),
    };
    if !close.is_empty() {
        let quoted: Vec<String> = close.iter().map(|c| format!("\"{c}\"")).collect();
        let alternatives = match quoted.as_slice() {
            [rest @ .., last] if !rest.is_empty() => format!("{} vai {last}", rest.join(", ")),
            _ => quoted.join(""),
        };
        format!("tarkoititko {alternatives}? ({listed})")
    } else if names.is_empty() {
        match kind {
            Some(k) => format!(
                "site.toml-tiedostossa ei ole vielä yhtään {}; lisää ne sinne {}-taulukkoina",
                k.partitive(),
                k.table()
            ),
            None => format!("site.toml-tiedostossa ei ole yhtään: {what}"),
        }
    } else {
        match kind {
            Some(k) => format!(
                "site.toml-tiedostossa luetellut {} ovat: {}",
                k.plural(),
                names.join(", ")
            ),
            None => format!("{listed}: {}", names.join(", ")),
        }
    }
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
    let raw: SiteToml = toml::from_str(text).map_err(|e| {
        let (message, help) = explain_toml(&e, "site.toml-tiedostossa");
        vec![
            Diagnostic::new(display, message)
                .with_line(e.span().map(|s| line_of_offset(text, s.start)))
                .help(if help.contains("docs/content-format.md") {
                    help
                } else {
                    format!(
                        "{help}\n(kaikki site.toml-tiedoston avaimet on kuvattu tiedostossa docs/content-format.md)"
                    )
                }),
        ]
    })?;
    resolve(raw, display, text, base_url)
}

/// The first line of a TOML error message, without the position toml adds.
pub fn toml_message(e: &toml::de::Error) -> String {
    e.message().trim().to_string()
}

/// A TOML error in Finnish: what is wrong (message) and what to do (help).
/// `place` says where, as an inessive phrase such as
/// "site.toml-tiedostossa" or "sivun alkutiedoissa (front matter)". The
/// toml crate's own English text is kept at the end of syntax and type
/// errors, for whoever helps the author.
pub fn explain_toml(e: &toml::de::Error, place: &str) -> (String, String) {
    explain_toml_message(&toml_message(e), place)
}

/// The names between backticks in `text`: toml writes keys and values so.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn explain_toml_message(raw: &str, place: &str) -> (String, String) {
    const DATE_HELP: &str =
        "kirjoita päivämäärä ilman lainausmerkkejä muodossa VVVV-KK-PP, esim. date = 2025-10-23";
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        let names = backticked(rest);
        let key = names.first().cloned().unwrap_or_default();
        let allowed: Vec<&str> = names.iter().skip(1).map(String::as_str).collect();
        let list = allowed
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let close = suggest(&key, allowed.iter().copied());
        let help = match (close.first(), allowed.is_empty()) {
            (Some(c), _) => format!("tarkoititko `{c}`? Tähän kohtaan käyvät avaimet: {list}"),
            (None, false) => {
                format!("poista avain tai korjaa sen nimi; tähän kohtaan käyvät avaimet: {list}")
            }
            (None, true) => "poista avain: tähän kohtaan ei kuulu avaimia".to_string(),
        };
        return (format!("tuntematon avain `{key}` {place}"), help);
    }
    if let Some(rest) = raw.strip_prefix("missing field ") {
        let key = backticked(rest).into_iter().next().unwrap_or_default();
        let help = match key_example(&key) {
            Some(example) => format!("lisää avain, esim. {example}"),
            None => format!(
                "lisää avain `{key}` arvoineen; avaimet on kuvattu tiedostossa docs/content-format.md"
            ),
        };
        return (format!("puuttuva avain `{key}` {place}"), help);
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let names = backticked(rest);
        let value = names.first().cloned().unwrap_or_default();
        let allowed: Vec<String> = names
            .iter()
            .skip(1)
            .map(|v| match value_gloss(v) {
                Some(gloss) => format!("\"{v}\" ({gloss})"),
                None => format!("\"{v}\""),
            })
            .collect();
        return (
            format!("arvo \"{value}\" ei käy {place}"),
            format!("käytä jotakin näistä: {}", one_of(&allowed)),
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let expected = rest.rsplit_once("expected ").map_or("", |(_, e)| e);
        let (what, help) = if expected.contains("string") {
            (
                "teksti",
                "kirjoita teksti lainausmerkkeihin, esim. title = \"Sivun otsikko\"",
            )
        } else if expected.contains("date") {
            ("päivämäärä", DATE_HELP)
        } else if expected.contains("sequence") {
            (
                "luettelo",
                "kirjoita luettelo hakasulkeisiin, esim. municipalities = [\"Jyväskylä\", \"Muurame\"]",
            )
        } else if expected.contains("bool") {
            (
                "totuusarvo",
                "kirjoita true (kyllä) tai false (ei) ilman lainausmerkkejä, esim. draft = true",
            )
        } else if expected.contains("i64")
            || expected.contains("u32")
            || expected.contains("integer")
        {
            (
                "kokonaisluku",
                "kirjoita kokonaisluku ilman lainausmerkkejä, esim. weight = 2",
            )
        } else {
            (
                "toisenlainen arvo",
                "katso tiedostosta docs/content-format.md, millainen arvo avaimelle kirjoitetaan",
            )
        };
        return (
            format!("väärän tyyppinen arvo {place}: tähän kuuluu {what} (TOML: {raw})"),
            help.to_string(),
        );
    }
    if raw.starts_with("duplicate key") || raw.starts_with("duplicate table") {
        return (
            format!("sama avain tai taulukko on kirjoitettu kahdesti {place}"),
            "poista toinen niistä: jokainen avain kirjoitetaan vain kerran; toistuvat taulukot kirjoitetaan kaksinkertaisiin hakasulkeisiin, esim. [[sessions]]".to_string(),
        );
    }
    if raw.starts_with("invalid date") || raw.starts_with("invalid time") {
        let detail = if let Some(range) = raw.split("expected month between ").nth(1) {
            format!("kuukauden pitää olla {}", range.replace(" and ", "–"))
        } else if let Some(range) = raw.split("expected day between ").nth(1) {
            format!("päivän pitää olla {}", range.replace(" and ", "–"))
        } else if raw.contains("two-digit") || raw.contains("four-digit") {
            "vuosi kirjoitetaan neljällä numerolla, kuukausi ja päivä kahdella (2025-03-07)"
                .to_string()
        } else {
            "päivämäärä tai kellonaika on kirjoitettu väärin".to_string()
        };
        return (
            format!("päivämäärä ei kelpaa {place}: {detail} (TOML: {raw})"),
            DATE_HELP.to_string(),
        );
    }
    let (what, help) = if raw.starts_with("string values must be quoted") {
        (
            "teksti pitää kirjoittaa lainausmerkkeihin",
            "kirjoita teksti tavallisiin lainausmerkkeihin, esim. status = \"held\"; kaarevat lainausmerkit “ ” eivät käy, eivätkä päivämäärät ja luvut tarvitse lainausmerkkejä",
        )
    } else if raw.contains("basic string") || raw.contains("literal string") {
        (
            "tekstin loppulainausmerkki puuttuu",
            "lisää tekstin loppuun lainausmerkki (\"); monirivinen teksti alkaa ja päättyy kolmeen lainausmerkkiin (\"\"\")",
        )
    } else if raw.starts_with("key with no value") {
        (
            "avaimelta puuttuu arvo",
            "kirjoita avain, yhtäsuuruusmerkki ja arvo, esim. title = \"Sivun otsikko\"",
        )
    } else if raw.starts_with("unclosed array table") || raw.starts_with("unclosed table") {
        (
            "taulukon otsikosta puuttuu ]",
            "kirjoita taulukon otsikko kokonaan hakasulkeisiin omalle rivilleen, esim. [[sessions]] tai [[goals]]",
        )
    } else if raw.starts_with("missing comma between array elements") {
        (
            "luettelon arvojen välistä puuttuu pilkku, tai luettelon lopusta puuttuu ]",
            "erota luettelon arvot pilkuilla ja lopeta luettelo hakasulkeeseen, esim. municipalities = [\"Jyväskylä\", \"Muurame\"]",
        )
    } else if raw.starts_with("unclosed array") {
        (
            "luettelon lopusta puuttuu ]",
            "lopeta luettelo hakasulkeeseen, esim. municipalities = [\"Jyväskylä\", \"Muurame\"]",
        )
    } else if raw.starts_with("unexpected key or value") {
        (
            "rivillä on ylimääräistä tekstiä arvon jälkeen",
            "kirjoita jokainen avain omalle rivilleen; useampi arvo kirjoitetaan luetteloksi hakasulkeisiin, esim. [\"A\", \"B\"]",
        )
    } else if raw.contains("keys cannot be empty") {
        (
            "rivin alusta puuttuu avaimen nimi",
            "kirjoita avaimen nimi ennen yhtäsuuruusmerkkiä, esim. location = \"Etäkokous\"",
        )
    } else if raw.contains("escape") || raw.contains("unicode") {
        (
            "tekstissä on kenoviiva (\\), joka ei käy",
            "kenoviiva aloittaa lainausmerkeissä erikoismerkin; kirjoita sen tilalle kaksi kenoviivaa (\\\\) tai käytä heittomerkkejä ('…')",
        )
    } else {
        (
            "TOML-kirjoitusasu on virheellinen",
            "tarkista rivi: teksti kirjoitetaan lainausmerkkeihin (\"…\"), päivämäärä ilman lainausmerkkejä (2025-10-23) ja luettelo hakasulkeisiin ([\"A\", \"B\"])",
        )
    };
    (
        format!("kirjoitusvirhe {place}: {what} (TOML: {raw})"),
        help.to_string(),
    )
}

/// An example of a key that is required somewhere, for "add it" help.
fn key_example(key: &str) -> Option<&'static str> {
    Some(match key {
        "title" => "title = \"Sivun otsikko\"",
        "status" => "status = \"held\" (tai \"ongoing\" tai \"planned\")",
        "municipalities" => "municipalities = [\"Jyväskylä\", \"Muurame\"]",
        "date" => "date = 2025-10-23",
        "body" => "body = \"Aluehallitus\"",
        "priority" => "priority = \"Arjen turvallisuus\"",
        "target_group" => "target_group = \"Ikääntyneiden palvelut\"",
        "goal" => "goal = \"Iäkkäiden toimintakyky vahvistuu.\"",
        "name" => "name = \"Jyväskylä\"",
        "base_url" => "base_url = \"https://example.org/\"",
        "id" => "id = \"koonti-2025\"",
        _ => return None,
    })
}

/// What a value of a fixed set means, in Finnish.
fn value_gloss(value: &str) -> Option<&'static str> {
    Some(match value {
        "held" => "pidetty",
        "ongoing" => "käynnissä",
        "planned" => "suunnitteilla",
        "full" => "täyttää vaatimukset",
        "partial" => "täyttää vaatimukset osittain",
        "none" => "ei täytä vaatimuksia",
        _ => return None,
    })
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
    let mut terms = |list: Vec<NamedToml>, what: TermKind| -> Vec<Term> {
        let mut out: Vec<Term> = Vec::new();
        for t in list {
            let slug = match t.slug {
                Some(s) if is_slug(&s) => s,
                Some(s) => {
                    diags.push(
                        Diagnostic::new(display, format!("{} \"{}\" tunniste slug = \"{s}\" ei kelpaa", what.genitive(), t.name))
                            .with_line(line_of(&format!("\"{s}\"")))
                            .help("tunnisteessa (slug) saa olla vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä (-); tai jätä se pois, jolloin se muodostetaan nimestä"),
                    );
                    slugify(&t.name)
                }
                None => slugify(&t.name),
            };
            if slug.is_empty() {
                diags.push(
                    Diagnostic::new(
                        display,
                        format!(
                            "{} nimestä \"{}\" ei voi muodostaa tunnistetta (slug)",
                            what.genitive(),
                            t.name
                        ),
                    )
                    .with_line(line_of(&format!("\"{}\"", t.name)))
                    .help("anna nimi, jossa on kirjaimia tai numeroita"),
                );
                continue;
            }
            if out.iter().any(|o| o.slug == slug) {
                diags.push(
                    Diagnostic::new(
                        display,
                        format!(
                            "kahdella {} on sama tunniste (slug) \"{slug}\"",
                            what.adessive()
                        ),
                    )
                    .with_line(line_of(&format!("\"{}\"", t.name)))
                    .help("jokaisen nimen pitää olla eri; anna toiselle oma `slug`"),
                );
                continue;
            }
            out.push(Term::new(t.name, slug, t.aliases, t.description));
        }
        out
    };
    let municipalities = terms(raw.municipalities, TermKind::Municipality);
    let priority_areas = terms(raw.priority_areas, TermKind::PriorityArea);
    let target_groups = terms(raw.target_groups, TermKind::TargetGroup);
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
                        format!("lähteen \"{}\" päivämäärä ei kelpaa: {e}", d.id),
                    )
                    .with_line(line_of(&format!("\"{}\"", d.id)))
                    .help("kirjoita päivämäärä ilman lainausmerkkejä muodossa VVVV-KK-PP, esim. 2025-10-07"),
                );
                None
            }
            Some(Ok(date)) => Some(date),
            None => None,
        };
        if sources.iter().any(|s: &SourceDoc| s.id == d.id) {
            diags.push(
                Diagnostic::new(
                    display,
                    format!("kahdella lähteellä on sama id \"{}\"", d.id),
                )
                .with_line(line_of(&format!("\"{}\"", d.id)))
                .help("anna jokaiselle [[sources]]-taulukolle oma id"),
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
            format!("base_url \"{base}\" ei ole täydellinen verkko-osoite"),
        );
        let d = if base_url.is_some() {
            d
        } else {
            d.with_line(line_of("base_url"))
        };
        diags.push(d.help(
            "kirjoita osoite alusta loppuun, esim. https://example.org/ (myös alikansio käy, esim. https://example.org/hyte/)",
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
    let email = a.feedback_email.get_ref().trim();
    if !email.contains('@') || email.contains(char::is_whitespace) || email.starts_with("mailto:") {
        problems.push(
            Diagnostic::new(
                display,
                format!("[accessibility]: feedback_email \"{email}\" ei ole sähköpostiosoite"),
            )
            .at_line(at(a.feedback_email.span()))
            .help("kirjoita pelkkä osoite, esim. feedback_email = \"palaute@example.fi\""),
        );
    }
    let response_days = match &a.response_days {
        None => RESPONSE_DAYS,
        Some(d) if (1..=i64::from(RESPONSE_DAYS)).contains(d.get_ref()) => *d.get_ref() as u32,
        Some(d) => {
            problems.push(
                Diagnostic::new(display, format!("[accessibility]: vastausaika response_days = {} ei ole sallittu", d.get_ref()))
                    .at_line(at(d.span()))
                    .help(format!("laki (306/2019) edellyttää, että palautteeseen vastataan {RESPONSE_DAYS} päivän kuluessa; käytä lukua 1–{RESPONSE_DAYS} tai jätä avain pois, jolloin vastausaika on {RESPONSE_DAYS} päivää")),
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
            Diagnostic::new(display, "[accessibility]: status ei ole \"full\", mutta saavutettavuuden puutteita ei ole lueteltu")
                .with_line(line)
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
        let t = Term::new(
            "Arjen turvallisuus".into(),
            "arjen-turvallisuus".into(),
            vec!["Arjen turvallisuuden edistäminen".into()],
            String::new(),
        );
        assert!(t.matches("arjen turvallisuus"));
        assert!(t.matches("ARJEN TURVALLISUUDEN EDISTÄMINEN"));
        assert!(t.matches("arjen-turvallisuus"));
        assert!(!t.matches("Arki"));
    }

    fn terms(names: &[&str]) -> Vec<Term> {
        names
            .iter()
            .map(|n| Term::new(n.to_string(), slugify(n), Vec::new(), String::new()))
            .collect()
    }

    #[test]
    fn did_you_mean_is_finnish() {
        let ms = terms(&["Kallioniemi", "Pikkula"]);
        assert_eq!(
            did_you_mean("kunta", "Pikula", &ms),
            "tarkoititko \"Pikkula\"? (kunnat on lueteltu site.toml-tiedostossa)"
        );
        assert_eq!(
            did_you_mean("kunta", "Mäntylä", &ms),
            "site.toml-tiedostossa luetellut kunnat ovat: Kallioniemi, Pikkula"
        );
        assert!(did_you_mean("kohderyhmä", "x", &[]).contains("yhtään kohderyhmää"));
    }

    #[test]
    fn toml_errors_are_explained_in_finnish() {
        let place = "sivun alkutiedoissa (front matter)";
        let (m, h) = explain_toml_message(
            "unknown field `municipalites`, expected one of `title`, `municipalities`, `date`",
            place,
        );
        assert_eq!(
            m,
            "tuntematon avain `municipalites` sivun alkutiedoissa (front matter)"
        );
        assert!(h.starts_with("tarkoititko `municipalities`?"), "{h}");
        let (m, h) = explain_toml_message("missing field `title`", place);
        assert_eq!(
            m,
            "puuttuva avain `title` sivun alkutiedoissa (front matter)"
        );
        assert!(h.contains("title = \"Sivun otsikko\""));
        let (m, h) = explain_toml_message(
            "unknown variant `suunniteltu`, expected one of `held`, `ongoing`, `planned`",
            place,
        );
        assert!(m.starts_with("arvo \"suunniteltu\" ei käy"), "{m}");
        assert!(h.contains("\"ongoing\" (käynnissä) tai \"planned\""), "{h}");
        let raw = "invalid type: string \"14.10.2030\", expected a TOML datetime";
        let (m, h) = explain_toml_message(raw, place);
        assert!(m.contains("tähän kuuluu päivämäärä"), "{m}");
        assert!(m.ends_with(&format!("(TOML: {raw})")), "{m}");
        assert!(h.contains("2025-10-23"));
        let (m, _) = explain_toml_message("invalid date, expected month between 01 and 12", place);
        assert!(m.contains("kuukauden pitää olla 01–12"), "{m}");
        let (m, _) = explain_toml_message("invalid basic string, expected `\"`", place);
        assert!(m.starts_with("kirjoitusvirhe sivun alkutiedoissa"), "{m}");
        assert!(m.contains("loppulainausmerkki puuttuu"), "{m}");
    }

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
