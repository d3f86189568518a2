//! The front matter of measures and their follow-up: what a year's
//! negotiations or a municipality group agreed to do (`[[measures]]`), and
//! in later years what came of it (`[[followups]]`). The law (612/2021
//! § 6–7) names measures and follow-up among the negotiations' topics.

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use super::frontmatter::At;

/// One name or several: `priority = "A"` or `priority = ["A", "B"]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Names {
    One(String),
    Many(Vec<String>),
}

/// The names of `at`, each with the span of the whole value (a list is
/// written on one line, or its first line is where to look).
pub fn names(at: &At<Names>) -> Vec<At<String>> {
    let list = match &at.value {
        Names::One(n) => vec![n.clone()],
        Names::Many(ns) => ns.clone(),
    };
    list.into_iter()
        .map(|value| At {
            value,
            span: at.span.clone(),
        })
        .collect()
}

/// `[[measures]]` of a year or a group page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureFront {
    /// Unique in the site: follow-ups name it.
    pub id: At<String>,
    pub title: At<String>,
    pub priority: At<Names>,
    pub target_group: At<Names>,
    /// Who carries it out.
    pub responsible: String,
    /// Default: the group page's municipalities, or the whole region.
    pub municipalities: Option<Vec<At<String>>>,
    pub due: Option<At<Datetime>>,
    #[serde(default)]
    pub indicators: Vec<At<String>>,
    /// Markdown.
    #[serde(default)]
    pub description: String,
}

/// `[[followups]]`: what came of a measure, written in a later year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowupFront {
    pub measure: At<String>,
    pub status: At<FollowupStatus>,
    pub date: Option<At<Datetime>>,
    #[serde(default)]
    pub note: String,
}

/// Where a measure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupStatus {
    Agreed,
    InProgress,
    Done,
    Delayed,
    Dropped,
}
