//! Splitting a content file into TOML front matter and Markdown body, and
//! the front matter of each kind of page.
//!
//! Line numbers matter here: an author sees line numbers of the whole file,
//! so every position found in the front matter or the body is shifted by
//! where that part starts.

use serde::Deserialize;
use toml::value::Datetime;

use crate::diagnostic::{Diagnostic, line_of_offset};

/// A content file cut in two. Lines are 1-based lines of the whole file.
#[derive(Debug)]
pub struct Split<'a> {
    pub front: &'a str,
    /// The file line of the front matter's first line.
    pub front_line: usize,
    pub body: &'a str,
    /// The file line of the body's first line.
    pub body_line: usize,
}

const FENCE: &str = "+++";

const EXAMPLE: &str = "aloita tiedosto näillä kolmella rivillä (sivun alkutiedot):\n+++\ntitle = \"Sivun otsikko\"\n+++";

/// Cuts `text` (BOM removed, `\n` line ends) at its `+++` lines.
pub fn split<'a>(text: &'a str, path: &std::path::Path) -> Result<Split<'a>, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(path, "tiedosto on tyhjä").help(EXAMPLE));
    }
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != FENCE {
        return Err(Diagnostic::new(
            path,
            "tiedosto ei ala alkutiedoilla (front matter): ensimmäisen rivin pitää olla `+++`",
        )
        .at_line(1)
        .help(EXAMPLE));
    }
    let front_start = (first_end + 1).min(text.len());
    let mut pos = front_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == FENCE {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                front: &text[front_start..pos],
                front_line: 2,
                body: &text[body_start..],
                body_line: line_of_offset(text, body_start),
            });
        }
        pos = end + 1;
    }
    Err(Diagnostic::new(
        path,
        "alkutiedot (front matter) jäävät auki: toinen `+++`-rivi puuttuu",
    )
    .at_line(1)
    .help("lisää rivi `+++` alkutietojen viimeisen avaimen jälkeen, ennen sivun tekstiä"))
}

/// Parses front matter into `T`, with errors at file lines. `kind` names
/// the kind of page in the genitive, as messages use it: "sivun",
/// "kuntaryhmän sivun".
pub fn parse<T: for<'de> Deserialize<'de>>(
    split: &Split<'_>,
    path: &std::path::Path,
    kind: &str,
) -> Result<T, Diagnostic> {
    parse_in(split, path, kind, &ReadIn::default())
}

/// In which language front matter is read: `lang` (None: the main one)
/// and every language code of the site, since any table may hold an
/// inline translation keyed by one ([`crate::config::read_in`]).
#[derive(Debug, Clone, Default)]
pub struct ReadIn {
    pub lang: Option<String>,
    pub codes: Vec<String>,
}

/// [`parse`] in a language of the site.
pub fn parse_in<T: for<'de> Deserialize<'de>>(
    split: &Split<'_>,
    path: &std::path::Path,
    kind: &str,
    read: &ReadIn,
) -> Result<T, Diagnostic> {
    let at = |offset: usize| line_of_offset(split.front, offset) + split.front_line - 1;
    let toml_problem = |e: toml::de::Error| {
        let line = e.span().map(|s| at(s.start)).unwrap_or(split.front_line);
        let (message, help) = crate::config::explain_toml(
            &e,
            split.front,
            &format!("{kind} alkutiedoissa (front matter)"),
        );
        Diagnostic::new(path, message).at_line(line).help(help)
    };
    // A site in one language has no translations to strip.
    if read.codes.len() <= 1 {
        return toml::from_str(split.front).map_err(toml_problem);
    }
    let tree = crate::config::parse_tree(split.front).map_err(toml_problem)?;
    crate::config::read_in(&tree, split.front, read.lang.as_deref(), &read.codes, &[]).map_err(
        |e| match e {
            crate::config::LocalizedError::Toml(e) => toml_problem(e),
            crate::config::LocalizedError::Inline(p) => Diagnostic::new(path, p.message)
                .at_line(at(p.span.start))
                .help(p.help),
        },
    )
}

/// A front-matter value with the byte range the TOML parser read it from
/// (in the front matter text), so that a problem found after parsing is
/// reported at the value's own line. Derefs to the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    pub span: std::ops::Range<usize>,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = toml::Spanned::<T>::deserialize(d)?;
        Ok(At {
            span: spanned.span(),
            value: spanned.into_inner(),
        })
    }
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: std::fmt::Display> std::fmt::Display for At<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.value.fmt(f)
    }
}

/// The 1-based file line of a byte offset in the front matter.
pub fn file_line(split: &Split<'_>, offset: usize) -> usize {
    line_of_offset(split.front, offset) + split.front_line - 1
}

/// Keys every kind of page has.
macro_rules! front_matter {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub title: At<String>,
            #[serde(default)]
            pub description: String,
            #[serde(default)]
            pub draft: bool,
            #[serde(default)]
            pub aliases: Vec<At<String>>,
            #[serde(default)]
            pub weight: i64,
            pub updated: Option<At<Datetime>>,
            pub template: Option<String>,
            pub slug: Option<At<String>>,
            #[serde(default)]
            pub sources: Vec<At<String>>,
            /// The plain-language summary ("Lyhyesti") at the top of the page.
            pub summary: Option<At<String>>,
            /// Editorial notes (which slides a page rests on, how the site
            /// arranged what a source gives), shown with the page's sources.
            #[serde(default)]
            pub note: String,
            $($(#[$fm])* pub $field: $ty,)*
        }
    };
}

front_matter!(
    /// A plain page, the front page or a section listing.
    PageFront {}
);

front_matter!(
    /// `content/<year>/_index.md`.
    YearFront {
        status: At<YearStatus>,
        #[serde(default)]
        target_groups: Vec<At<String>>,
        priority_areas: Option<Vec<At<String>>>,
        #[serde(default)]
        sessions: Vec<SessionFront>,
        #[serde(default)]
        decisions: Vec<DecisionFront>,
        #[serde(default)]
        goals: Vec<GoalFront>,
        #[serde(default)]
        measures: Vec<super::measures::MeasureFront>,
        #[serde(default)]
        followups: Vec<super::measures::FollowupFront>,
        /// The word for the year's target groups: what kind they are.
        #[serde(default)]
        target_kind: TargetKind,
        /// The plan the goals are for, e.g. "alueellinen
        /// hyvinvointisuunnitelma 2026–2029".
        goals_plan: Option<String>,
        /// Groups the year negotiated in that have no page of their own:
        /// each a list of municipality names.
        #[serde(default)]
        municipality_groups: Vec<Vec<At<String>>>,
    }
);

front_matter!(
    /// `content/<year>/kuntaryhmat/<slug>.md`.
    GroupFront {
        municipalities: At<Vec<At<String>>>,
        date: Option<At<Datetime>>,
        start_time: Option<At<String>>,
        end_time: Option<At<String>>,
        location: Option<String>,
        #[serde(default)]
        measures: Vec<super::measures::MeasureFront>,
        #[serde(default)]
        followups: Vec<super::measures::FollowupFront>,
    }
);

front_matter!(
    /// `content/<year>/nakokulmat/<slug>.md`.
    PerspectiveFront {
        date: Option<At<Datetime>>,
    }
);

/// The front matter of a page's translation (`<name>.<code>.md`): only
/// the texts; what is structure stays in the main file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFront {
    pub title: At<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub draft: bool,
    pub summary: Option<At<String>>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum YearStatus {
    Held,
    Ongoing,
    Planned,
    /// Past, and nothing of it is published: the author says the site
    /// does not know whether or how it took place.
    Unreported,
}

/// What kind of groups a year's target groups are, so that pages call
/// them by one word (`kohderyhmä`, `palvelukokonaisuus`, `ikäryhmä`).
#[derive(Debug, Clone, Copy, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
pub enum TargetKind {
    #[default]
    #[serde(rename = "kohderyhmä")]
    TargetGroup,
    #[serde(rename = "palvelukokonaisuus")]
    ServiceArea,
    #[serde(rename = "ikäryhmä")]
    AgeGroup,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionFront {
    pub title: At<String>,
    pub date: Option<At<Datetime>>,
    pub end_date: Option<At<Datetime>>,
    pub start_time: Option<At<String>>,
    pub end_time: Option<At<String>>,
    pub when: Option<String>,
    /// For a plan written in words (`when`): the last day it can fall on,
    /// so that the build can tell when it has passed.
    pub until: Option<At<Datetime>>,
    pub location: Option<String>,
    #[serde(default)]
    pub description: String,
    pub page: Option<At<String>>,
    #[serde(default)]
    pub planned: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionFront {
    pub body: String,
    pub date: At<Datetime>,
    pub section: Option<String>,
    pub record: Option<String>,
    pub title: String,
    pub decision: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalFront {
    pub priority: At<String>,
    pub target_group: At<String>,
    pub goal: String,
    #[serde(default)]
    pub background: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn p() -> &'static Path {
        Path::new("x.md")
    }

    #[test]
    fn splits_front_matter_and_body_with_file_lines() {
        let s = split("+++\ntitle = \"a\"\n+++\n\nbody\n", p()).unwrap();
        assert_eq!(s.front, "title = \"a\"\n");
        assert_eq!(s.front_line, 2);
        assert_eq!(s.body, "\nbody\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn missing_or_unclosed_fences_are_errors() {
        assert!(split("", p()).unwrap_err().message.contains("tyhjä"));
        assert!(
            split("title = 1\n", p())
                .unwrap_err()
                .message
                .contains("ei ala alkutiedoilla")
        );
        assert!(
            split("+++\ntitle = 1\n", p())
                .unwrap_err()
                .message
                .contains("jäävät auki")
        );
    }

    #[test]
    fn toml_errors_point_at_file_lines() {
        let text = "+++\ntitle = \"a\"\n\nmunicipalites = []\n+++\n";
        let s = split(text, p()).unwrap();
        let e = parse::<PageFront>(&s, p(), "sivun").unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(
            e.message
                .contains("tuntematon avain `municipalites` sivun alkutiedoissa"),
            "{}",
            e.message
        );
    }

    #[test]
    fn values_carry_the_lines_the_parser_read_them_at() {
        let text = "+++\ntitle = \"a\"\nmunicipalities = [\n  \"A\",\n  \"B\",\n]\n+++\n";
        let s = split(text, p()).unwrap();
        let f = parse::<GroupFront>(&s, p(), "sivun").unwrap();
        assert_eq!(file_line(&s, f.title.span.start), 2);
        assert_eq!(file_line(&s, f.municipalities.span.start), 3);
        assert_eq!(file_line(&s, f.municipalities[1].span.start), 5);
        assert_eq!(f.municipalities[1].as_str(), "B");
    }
}
