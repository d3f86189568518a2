//! The views across years: everything about one municipality or one
//! priority area, and the schedule of every session (what is ahead
//! first).

use serde::Serialize;

use super::window::{FULL_FINDINGS, FULL_SESSIONS, FULL_YEARS, Windowed, in_full, split};
use super::*;
use crate::model::{PageId, Site, Stage, YearStatus};

/// Findings of one page under one priority area, by target group.
#[derive(Debug, Serialize)]
pub struct FindingGroup {
    /// Target group name; None for the whole priority area.
    pub target: Option<String>,
    /// Link to the cell on the page.
    pub url: String,
    pub items: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PriorityFindings {
    pub name: String,
    pub url: String,
    pub groups: Vec<FindingGroup>,
}

/// A page's findings, by priority area then target group, in the order of
/// the year's vocabulary.
pub fn findings_by_priority(site: &Site, id: PageId) -> Vec<PriorityFindings> {
    let c = &site.config;
    let page = &site.pages[id];
    let Some(year) = year_of(site, id) else {
        return Vec::new();
    };
    let page_url = href(c, &page.url);
    year.priorities
        .iter()
        .filter_map(|&p| {
            let pt = &c.priority_areas[p.0];
            let targets = std::iter::once(None).chain(year.target_groups.iter().map(|&t| Some(t)));
            let groups: Vec<FindingGroup> = targets
                .filter_map(|t| {
                    let items: Vec<String> = page
                        .findings
                        .iter()
                        .filter(|f| f.priority == p && f.target == t)
                        .map(|f| f.text.clone())
                        .collect();
                    let anchor = match t {
                        Some(t) => crate::routes::cell_anchor(&pt.slug, &c.target_groups[t.0].slug),
                        None => pt.slug.clone(),
                    };
                    (!items.is_empty()).then(|| FindingGroup {
                        target: t.map(|t| c.target_groups[t.0].name.clone()),
                        url: format!("{page_url}#{anchor}"),
                        items,
                    })
                })
                .collect();
            (!groups.is_empty()).then(|| PriorityFindings {
                name: pt.name.clone(),
                url: priority_url(site, pt),
                groups,
            })
        })
        .collect()
}

/// One year on a municipality's page.
#[derive(Debug, Serialize)]
pub struct MunicipalityYear {
    pub number: i32,
    pub title: String,
    pub url: String,
    pub status: Stage,
    /// The year negotiated by groups.
    pub grouped: bool,
    pub group: Option<GroupLink>,
    /// The group the year's content lists without a page
    /// (`municipality_groups`), as "A, B ja C".
    pub listed_group: Option<String>,
    pub location: Option<String>,
    pub findings: Vec<PriorityFindings>,
}

/// A municipality across years, newest first: the newest years in full
/// with its group's findings, the older ones listed (see [`super::window`]).
pub fn municipality_years(
    site: &Site,
    m: crate::config::MunicipalityId,
) -> Windowed<MunicipalityYear> {
    let memberships: std::collections::HashMap<i32, &crate::model::query::Membership> =
        site.memberships(m).iter().map(|ms| (ms.year, ms)).collect();
    let group_of = |y: &crate::model::Year| memberships.get(&y.number).map(|ms| ms.group);
    let weights = site
        .years
        .iter()
        .rev()
        .map(|y| group_of(y).map_or(0, |g| site.pages[g].findings.len()));
    let full = in_full(weights, FULL_YEARS, FULL_FINDINGS);
    let years = site
        .years
        .iter()
        .rev()
        .enumerate()
        .map(|(i, y)| {
            let group = group_of(y);
            let page = &site.pages[y.page];
            MunicipalityYear {
                number: y.number,
                title: page.title.clone(),
                url: href(&site.config, &page.url),
                status: y.stage(site.today),
                grouped: !y.groups.is_empty() || !y.listed_groups.is_empty(),
                listed_group: y.listed_groups.iter().find(|g| g.contains(&m)).map(|g| {
                    let names: Vec<&str> = g
                        .iter()
                        .map(|m| site.config.municipalities[m.0].name.as_str())
                        .collect();
                    site.words.list(&names)
                }),
                group: group.map(|g| GroupLink {
                    title: site.pages[g].title.clone(),
                    url: href(&site.config, &site.pages[g].url),
                    date: site.group(g).and_then(|g| g.date),
                    municipalities: members(site, g),
                }),
                location: group
                    .and_then(|g| site.group(g))
                    .and_then(|g| g.location.clone()),
                findings: match group {
                    Some(g) if i < full => findings_by_priority(site, g),
                    _ => Vec::new(),
                },
            }
        })
        .collect();
    split(years, full)
}

/// One page's findings in one cell, on a priority area's page.
#[derive(Debug, Serialize)]
pub struct CellEntry {
    /// The year page's own findings (common to all groups), not a group's.
    pub common: bool,
    pub page: String,
    pub url: String,
    pub items: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PriorityCell {
    pub id: String,
    pub target: Option<String>,
    pub goal: Option<String>,
    pub background: Option<String>,
    pub entries: Vec<CellEntry>,
}

#[derive(Debug, Serialize)]
pub struct PriorityYear {
    pub number: i32,
    pub title: String,
    pub url: String,
    pub status: Stage,
    /// The plan the year's goals are for (`goals_plan`).
    pub goals_plan: Option<String>,
    /// Empty for a year listed after those in full.
    pub cells: Vec<PriorityCell>,
    /// Findings of the year under the priority area, and the pages they
    /// are on.
    pub findings: usize,
    pub pages: usize,
}

/// A priority area across years, newest first: per year and target
/// group, the goal and every page's findings side by side (the year page
/// first, then groups by date, then perspectives). The newest years are
/// in full, the older ones listed with their counts (see
/// [`super::window`]).
pub fn priority_years(site: &Site, p: crate::config::PriorityId) -> Windowed<PriorityYear> {
    let years: Vec<(&crate::model::Year, Vec<PageId>)> = site
        .years
        .iter()
        .rev()
        .filter(|y| y.priorities.contains(&p))
        .map(|y| {
            let pages = std::iter::once(y.page)
                .chain(y.groups.iter().copied())
                .chain(y.perspectives.iter().copied())
                .collect();
            (y, pages)
        })
        .collect();
    let count = |id: &PageId| {
        let fs = &site.pages[*id].findings;
        fs.iter().filter(|f| f.priority == p).count()
    };
    let counts: Vec<(usize, usize)> = years
        .iter()
        .map(|(_, pages)| {
            let per_page = pages.iter().map(count);
            per_page.fold((0, 0), |(f, n), c| (f + c, n + usize::from(c > 0)))
        })
        .collect();
    let full = in_full(counts.iter().map(|c| c.0), FULL_YEARS, FULL_FINDINGS);
    let years = years
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, ((y, pages), (findings, with)))| {
            let page = &site.pages[y.page];
            PriorityYear {
                number: y.number,
                title: page.title.clone(),
                url: href(&site.config, &page.url),
                status: y.stage(site.today),
                goals_plan: y.goals_plan.clone(),
                cells: if i < full {
                    priority_cells(site, p, y, pages)
                } else {
                    Vec::new()
                },
                findings,
                pages: with,
            }
        })
        .collect();
    split(years, full)
}

/// A year's cells of a priority area: a goal or findings in each.
fn priority_cells(
    site: &Site,
    p: crate::config::PriorityId,
    y: &crate::model::Year,
    pages: &[PageId],
) -> Vec<PriorityCell> {
    let c = &site.config;
    let pt = &c.priority_areas[p.0];
    let targets = std::iter::once(None).chain(y.target_groups.iter().map(|&t| Some(t)));
    targets
        .map(|t| {
            let anchor = match t {
                Some(t) => crate::routes::cell_anchor(&pt.slug, &c.target_groups[t.0].slug),
                None => pt.slug.clone(),
            };
            let goal = t.and_then(|t| y.goal(p, t));
            let entries = pages
                .iter()
                .filter_map(|&id| {
                    let items: Vec<String> = site.pages[id]
                        .findings
                        .iter()
                        .filter(|f| f.priority == p && f.target == t)
                        .map(|f| f.text.clone())
                        .collect();
                    (!items.is_empty()).then(|| CellEntry {
                        common: id == y.page,
                        page: site.pages[id].title.clone(),
                        url: format!("{}#{anchor}", href(c, &site.pages[id].url)),
                        items,
                    })
                })
                .collect();
            PriorityCell {
                id: format!("{}-{}", y.number, anchor),
                target: t.map(|t| c.target_groups[t.0].name.clone()),
                goal: goal.map(|g| g.goal.clone()),
                background: goal.map(|g| g.background.clone()),
                entries,
            }
        })
        .filter(|cell: &PriorityCell| cell.goal.is_some() || !cell.entries.is_empty())
        .collect()
}

/// A session on the schedule of all years.
#[derive(Debug, Serialize)]
pub struct ScheduleEntry {
    pub year: i32,
    pub year_url: String,
    /// Still ahead on the build's date (or not known to be past).
    pub ahead: bool,
    /// Past, planned, and nothing of it published: whether it took place
    /// is not known.
    pub unreported: bool,
    pub session: SessionView,
}

/// Every session of every year: what is ahead first, soonest first (those
/// with no date after the dated ones), then what is past, newest first.
pub fn schedule(site: &Site) -> Vec<ScheduleEntry> {
    let today = site.today;
    let mut out: Vec<ScheduleEntry> = site
        .years
        .iter()
        .flat_map(|y| {
            let held = y.status == YearStatus::Held;
            y.sessions.iter().map(move |s| {
                let ahead = y.session_ahead(s, today);
                ScheduleEntry {
                    year: y.number,
                    year_url: href(&site.config, &site.pages[y.page].url),
                    ahead,
                    unreported: !ahead && !held && s.page.is_none(),
                    session: session_view(site, s, ahead),
                }
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |e: &ScheduleEntry| (e.session.date.or(e.session.until), e.session.start_time);
        match (a.ahead, b.ahead) {
            (true, false) => std::cmp::Ordering::Less,
            (false, true) => std::cmp::Ordering::Greater,
            // Ahead: by year, then dated by date before the undated.
            (true, true) => (a.year, a.session.date.is_none(), key(a)).cmp(&(
                b.year,
                b.session.date.is_none(),
                key(b),
            )),
            // Past: newest first.
            (false, false) => (b.year, key(b)).cmp(&(a.year, key(a))),
        }
    });
    out
}

/// The schedule page: the sessions of the years in its table, and the
/// years left out of it (see [`super::window`]).
#[derive(Debug, Serialize)]
pub struct ScheduleView {
    pub sessions: Vec<ScheduleEntry>,
    pub other: Vec<ScheduleYear>,
}

/// A year's sessions ahead (or past) left out of the schedule's table.
#[derive(Debug, Serialize)]
pub struct ScheduleYear {
    pub year: i32,
    pub title: String,
    /// The year page's schedule.
    pub url: String,
    pub ahead: bool,
    pub sessions: usize,
}

/// The schedule cut by years: a year's sessions ahead, or its past ones,
/// are in the table together or listed with a link to the year page.
pub fn schedule_view(site: &Site) -> ScheduleView {
    let mut blocks: Vec<Vec<ScheduleEntry>> = Vec::new();
    for e in schedule(site) {
        match blocks.last_mut() {
            Some(b) if b[0].ahead == e.ahead && b[0].year == e.year => b.push(e),
            _ => blocks.push(vec![e]),
        }
    }
    let full = in_full(blocks.iter().map(Vec::len), usize::MAX, FULL_SESSIONS);
    let Windowed { full, earlier } = split(blocks, full);
    ScheduleView {
        sessions: full.into_iter().flatten().collect(),
        other: earlier
            .into_iter()
            .map(|b| {
                let y = &b[0];
                let title = site
                    .year(y.year)
                    .map(|yr| site.pages[yr.page].title.clone());
                ScheduleYear {
                    year: y.year,
                    title: title.unwrap_or_else(|| y.year.to_string()),
                    url: format!("{}#aikataulu", y.year_url),
                    ahead: y.ahead,
                    sessions: b.len(),
                }
            })
            .collect(),
    }
}

/// What is still ahead, for the front page: the soonest, and how many
/// more the schedule has.
pub fn upcoming(site: &Site) -> (Vec<ScheduleEntry>, usize) {
    let mut ahead: Vec<ScheduleEntry> = schedule(site).into_iter().filter(|e| e.ahead).collect();
    let more = ahead.len().saturating_sub(super::window::UPCOMING);
    ahead.truncate(super::window::UPCOMING);
    (ahead, more)
}
