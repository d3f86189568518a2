//! Step 2: the typed, immutable model of the site.
//!
//! [`build`] turns what [`crate::load`] read into a [`Site`]: pages with
//! URLs and rendered bodies, years with their sessions, groups, goals and
//! decisions, all references resolved to ids of the vocabulary in
//! `site.toml`. Every cross-file rule is checked there, and every problem
//! is collected. Once built, nothing mutates a `Site`; the cross views are
//! the queries in [`query`].

mod body;
mod build;
mod measures;
pub mod query;
mod redirects;
mod translated;
mod values;
mod year;

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::{Date, Time};
use serde::Serialize;

pub use crate::load::measures::FollowupStatus;
pub use body::update_body;
pub use build::build;
pub use measures::{Followup, Measure, Value};
pub use translated::build_in;

use crate::config::{Config, MunicipalityId, PriorityId, TargetGroupId};
use crate::load::Asset;
pub use crate::load::Kind;
pub use crate::load::frontmatter::{TargetKind, YearStatus};
pub use crate::markdown::{Cell, Finding, Heading, Outline, Part, Section, Vocabulary};

/// Index of a page in [`Site::pages`].
pub type PageId = usize;

/// The whole site. Pages are shared (`Arc`) so that the preview server can
/// make the next site from the last one by replacing only the pages that
/// changed.
#[derive(Debug, Clone)]
pub struct Site {
    /// The build's date in the site's time zone: what is ahead or past is
    /// derived from it.
    pub today: Date,
    /// The site folder as given (`--root`); messages name files under it.
    pub root: PathBuf,
    /// Content files that could not be read or parsed (reported by the
    /// load step); rules about what they would hold are not checked.
    pub unloaded: Vec<PathBuf>,
    /// Drafts left out of this build (without `--drafts`).
    pub drafts_left_out: Vec<PathBuf>,
    pub config: Config,
    pub pages: Vec<Arc<Page>>,
    /// Sorted by year.
    pub years: Vec<Year>,
    pub assets: Vec<Asset>,
    pub redirects: Vec<Redirect>,
    /// Page by site-relative URL.
    pub by_url: std::collections::HashMap<String, PageId>,
    /// For each municipality, the groups it was in, newest year first.
    pub member_of: Vec<Vec<query::Membership>>,
    /// Every URL of this language of the site.
    pub routes: crate::routes::Routes,
    /// The measures agreed, in written order (years, then pages).
    pub measures: Vec<Measure>,
    /// What later years tell of them, in written order.
    pub followups: Vec<Followup>,
    /// Each indicator's values (by index into `config.indicators`).
    pub values: Vec<Vec<Value>>,
    /// The theme's words in this language: dates, lists and the texts the
    /// machine-readable files carry.
    pub words: Arc<crate::i18n::Strings>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// The content file; `None` for pages hyte makes itself.
    #[serde(skip)]
    pub source: Option<PathBuf>,
    #[serde(skip)]
    pub kind: Kind,
    /// Site-relative URL, e.g. `/2025/kuntaryhmat/jyvaskyla-muurame/`.
    pub url: String,
    /// The language of its text: the site's language, or the main
    /// language where a page has no translation into the site's.
    pub lang: String,
    /// Whether its text is in the site's language (always in the main
    /// language; in another, when the page has a translation).
    pub translated: bool,
    pub title: String,
    pub description: String,
    pub weight: i64,
    pub updated: Option<Date>,
    pub template: String,
    pub year: Option<i32>,
    /// `draft = true`: only in previews and `--drafts` builds.
    #[serde(skip)]
    pub draft: bool,
    /// The plain-language summary ("Lyhyesti"), trimmed; may be empty.
    pub summary: String,
    /// The file line of `summary`, or of `title` when there is none.
    #[serde(skip)]
    pub summary_line: usize,
    /// Editorial notes (`note`), shown with the page's sources.
    pub note: String,
    /// The body, rendered, cut into prose and priority areas; the whole
    /// body is [`Page::content`].
    #[serde(skip)]
    pub parts: Vec<Part>,
    pub headings: Vec<Heading>,
    pub findings: Vec<Finding>,
    /// The body's blocks, raw HTML and links with their file lines, for
    /// the validate step.
    #[serde(skip)]
    pub outline: Outline,
    /// Indexes into `config.sources`: the documents the page rests on.
    #[serde(skip)]
    pub sources: Vec<usize>,
    #[serde(skip)]
    pub data: PageData,
    /// A hash of the front matter as written: an edit that leaves it alone
    /// changes the body only.
    #[serde(skip)]
    pub front_hash: u64,
}

/// The site as the render step reads it: without what only the validate
/// step reads of each body (its blocks and raw HTML; the links stay, for
/// the link check's messages). On a big site the outlines are a tenth of
/// the model. The preview server's fast path makes the edited page's
/// outline again from its file.
pub fn without_outlines(mut site: Site) -> Site {
    for page in &mut site.pages {
        let p = Arc::make_mut(page);
        p.outline.blocks = Vec::new();
        p.outline.raw_html = Vec::new();
    }
    site
}

impl Page {
    /// The body, rendered: its parts one after another (kept once, as
    /// parts, since a year or group page is shown by parts).
    pub fn content(&self) -> String {
        crate::markdown::join(&self.parts)
    }
}

/// What a page is beyond its text.
#[derive(Debug, Clone)]
pub enum PageData {
    None,
    /// Index into [`Site::years`].
    Year(usize),
    Group(Group),
    Perspective(Perspective),
}

#[derive(Debug, Clone, Serialize)]
pub struct Year {
    pub number: i32,
    #[serde(skip)]
    pub page: PageId,
    pub status: YearStatus,
    /// The file line of `status`.
    #[serde(skip)]
    pub status_line: usize,
    pub summary: String,
    pub priorities: Vec<PriorityId>,
    pub target_groups: Vec<TargetGroupId>,
    /// What kind of groups they are (`target_kind`).
    pub target_kind: TargetKind,
    /// Sorted: dated sessions by date, then undated ones in written order.
    pub sessions: Vec<Session>,
    /// Sorted by date.
    pub decisions: Vec<Decision>,
    pub goals: Vec<Goal>,
    /// The plan the goals are for (`goals_plan`), as the year names it.
    pub goals_plan: Option<String>,
    /// Groups known without a page of their own (`municipality_groups`).
    pub listed_groups: Vec<Vec<MunicipalityId>>,
    /// Group pages, by date then title.
    pub groups: Vec<PageId>,
    pub perspectives: Vec<PageId>,
    /// Other pages under the year's folder.
    pub pages: Vec<PageId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub municipalities: Vec<MunicipalityId>,
    /// Some municipality it names is not in `site.toml` (reported).
    #[serde(skip)]
    pub unresolved: bool,
    /// The file line where each municipality is written, for messages.
    #[serde(skip)]
    pub lines: Vec<usize>,
    pub date: Option<Date>,
    pub start_time: Option<Time>,
    pub end_time: Option<Time>,
    pub location: Option<String>,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Perspective {
    pub date: Option<Date>,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Session {
    pub title: String,
    pub date: Option<Date>,
    pub end_date: Option<Date>,
    pub start_time: Option<Time>,
    pub end_time: Option<Time>,
    /// When no date is published: e.g. "huhti–toukokuu 2026".
    pub when: Option<String>,
    /// The last day an undated plan can fall on.
    pub until: Option<Date>,
    /// The file line of its title (0 for a group page's session).
    #[serde(skip)]
    pub line: usize,
    pub location: Option<String>,
    pub description: String,
    /// The page about this session (a group page for group sessions).
    #[serde(skip)]
    pub page: Option<PageId>,
    /// Set for a municipality group's session.
    #[serde(skip)]
    pub group: Option<PageId>,
    pub planned: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub body: String,
    pub date: Date,
    pub section: Option<String>,
    pub record: Option<String>,
    pub title: String,
    pub decision: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    /// The file line of its `priority`.
    #[serde(skip)]
    pub line: usize,
    pub priority: PriorityId,
    pub target_group: TargetGroupId,
    pub goal: String,
    pub background: String,
}

/// Where a year stands on the build's date, from its dates and what it
/// holds rather than only from its typed `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Held,
    Ongoing,
    Planned,
    /// Planned, its dates have passed, and nothing of it is published.
    Unreported,
}

impl Session {
    /// The last day the session can fall on: its end, its date, or the
    /// `until` of a plan in words; None when nothing tells.
    pub fn last_day(&self) -> Option<Date> {
        self.end_date.or(self.date).or(self.until)
    }

    /// Whether it is still ahead on `today` (or cannot be told to be past).
    pub fn ahead(&self, today: Date) -> bool {
        self.last_day().is_none_or(|d| d >= today)
    }
}

impl Year {
    /// Whether one of its sessions is still ahead on `today`. In a year
    /// typed `held` or `unreported` only a dated session can be: a plan in
    /// words there is one the year has left behind.
    pub fn session_ahead(&self, s: &Session, today: Date) -> bool {
        match self.status {
            YearStatus::Held | YearStatus::Unreported => s.last_day().is_some_and(|d| d >= today),
            YearStatus::Planned | YearStatus::Ongoing => s.ahead(today),
        }
    }

    /// The year's stage on `today`, from its dates and what it holds. A
    /// year with something ahead is planned, or ongoing once something has
    /// passed (a typed `held` with a session dated ahead too). A year with
    /// nothing ahead is held if typed so or if it published group pages;
    /// typed `unreported`, or planned with its dates (or its calendar year)
    /// past, it is unreported.
    pub fn stage(&self, today: Date) -> Stage {
        let ahead = self
            .sessions
            .iter()
            .filter(|s| self.session_ahead(s, today))
            .count();
        let passed = self.sessions.len() - ahead;
        if ahead > 0 {
            let started =
                passed > 0 || matches!(self.status, YearStatus::Ongoing | YearStatus::Held);
            return if started {
                Stage::Ongoing
            } else {
                Stage::Planned
            };
        }
        let over = !self.sessions.is_empty() || self.number < today.year().into();
        match self.status {
            YearStatus::Held => Stage::Held,
            YearStatus::Unreported => Stage::Unreported,
            _ if !over => match self.status {
                YearStatus::Ongoing => Stage::Ongoing,
                _ => Stage::Planned,
            },
            _ if !self.groups.is_empty() => Stage::Held,
            _ => Stage::Unreported,
        }
    }
}

/// An old URL that leads to a page.
#[derive(Debug, Clone)]
pub struct Redirect {
    pub from: String,
    pub to: PageId,
}

/// The priority areas and target groups that headings may name on a page
/// of a year with these.
pub fn vocabulary<'a>(
    config: &'a Config,
    priorities: &[PriorityId],
    targets: &[TargetGroupId],
) -> Vocabulary<'a> {
    Vocabulary {
        priorities: priorities
            .iter()
            .map(|&id| (id, &config.priority_areas[id.0]))
            .collect(),
        targets: targets
            .iter()
            .map(|&id| (id, &config.target_groups[id.0]))
            .collect(),
        all_targets: &config.target_groups,
    }
}

impl Site {
    /// The vocabulary of a page that holds findings (a year, group or
    /// perspective page); None for other pages.
    pub fn vocabulary(&self, page: &Page) -> Option<Vocabulary<'_>> {
        if !matches!(page.kind, Kind::Year | Kind::Group | Kind::Perspective) {
            return None;
        }
        let y = self.year(page.year?)?;
        Some(vocabulary(&self.config, &y.priorities, &y.target_groups))
    }

    pub fn year(&self, number: i32) -> Option<&Year> {
        self.years.iter().find(|y| y.number == number)
    }

    pub fn group(&self, page: PageId) -> Option<&Group> {
        match &self.pages[page].data {
            PageData::Group(g) => Some(g),
            _ => None,
        }
    }
}
