//! The views of one year: its page (sessions, goals, decisions), its
//! group pages and the bodies of its pages, cut into prose and priority
//! areas with the goal beside each cell.

use serde::Serialize;

use super::*;
use crate::model::{Finding, PageData, PageId, Part, Session, Site, Stage, Year};

#[derive(Debug, Serialize)]
pub struct SessionView {
    pub title: String,
    pub date: Option<jiff::civil::Date>,
    pub end_date: Option<jiff::civil::Date>,
    pub start_time: Option<jiff::civil::Time>,
    pub end_time: Option<jiff::civil::Time>,
    pub when: Option<String>,
    pub location: Option<String>,
    pub description: String,
    /// A plan still ahead.
    pub planned: bool,
    /// The last day of a plan in words, for ordering.
    #[serde(skip)]
    pub until: Option<jiff::civil::Date>,
    pub url: Option<String>,
    pub municipalities: Vec<TermView>,
}

pub(super) fn session_view(site: &Site, s: &Session, ahead: bool) -> SessionView {
    SessionView {
        title: s.title.clone(),
        date: s.date,
        end_date: s.end_date,
        start_time: s.start_time,
        end_time: s.end_time,
        when: s.when.clone(),
        location: s.location.clone(),
        description: s.description.clone(),
        planned: s.planned && ahead,
        until: s.until,
        url: s.page.map(|p| href(&site.config, &site.pages[p].url)),
        municipalities: s.group.map(|g| members(site, g)).unwrap_or_default(),
    }
}

/// The municipalities of a group page, as links.
pub fn members(site: &Site, group: PageId) -> Vec<TermView> {
    let c = &site.config;
    site.group(group)
        .map(|g| {
            g.municipalities
                .iter()
                .map(|m| {
                    let t = &c.municipalities[m.0];
                    TermView {
                        name: t.name.clone(),
                        slug: t.slug.clone(),
                        description: t.description.clone(),
                        url: municipality_url(site, t),
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// One cell of the priority area × target group matrix.
#[derive(Debug, Serialize)]
pub struct CellView {
    pub id: String,
    pub target: String,
    pub goal: Option<String>,
    pub background: Option<String>,
    pub findings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RowView {
    pub id: String,
    pub priority: String,
    pub url: String,
    /// Findings for the whole priority area.
    pub findings: Vec<String>,
    pub cells: Vec<CellView>,
}

/// The matrix of a year with the findings of one page (or none).
pub fn matrix(site: &Site, year: &Year, findings: &[Finding]) -> Vec<RowView> {
    let c = &site.config;
    year.priorities
        .iter()
        .map(|&p| {
            let pt = &c.priority_areas[p.0];
            RowView {
                id: pt.slug.clone(),
                priority: pt.name.clone(),
                url: priority_url(site, pt),
                findings: findings
                    .iter()
                    .filter(|f| f.priority == p && f.target.is_none())
                    .map(|f| f.text.clone())
                    .collect(),
                cells: year
                    .target_groups
                    .iter()
                    .map(|&t| {
                        let tt = &c.target_groups[t.0];
                        let goal = year.goal(p, t);
                        CellView {
                            id: crate::routes::cell_anchor(&pt.slug, &tt.slug),
                            target: tt.name.clone(),
                            goal: goal.map(|g| g.goal.clone()),
                            background: goal.map(|g| g.background.clone()),
                            findings: findings
                                .iter()
                                .filter(|f| f.priority == p && f.target == Some(t))
                                .map(|f| f.text.clone())
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct GroupLink {
    pub title: String,
    pub url: String,
    pub date: Option<jiff::civil::Date>,
    pub municipalities: Vec<TermView>,
}

/// A decision with its anchor on the year page (the feed links to it).
#[derive(Debug, Serialize)]
pub struct DecisionView {
    pub anchor: String,
    #[serde(flatten)]
    pub decision: crate::model::Decision,
}

#[derive(Debug, Serialize)]
pub struct YearView {
    pub number: i32,
    pub title: String,
    pub url: String,
    /// The href of the year's calendar (`.ics`).
    pub calendar: String,
    pub status: Stage,
    pub summary: String,
    pub target_groups: Vec<String>,
    pub sessions: Vec<SessionView>,
    pub decisions: Vec<DecisionView>,
    pub goals: Vec<RowView>,
    pub has_goals: bool,
    /// The plan the goals are for (`goals_plan`).
    pub goals_plan: Option<String>,
    /// What kind of groups the target groups are.
    pub target_kind: crate::model::TargetKind,
    pub groups: Vec<GroupLink>,
    pub perspectives: Vec<Link>,
    pub pages: Vec<Link>,
}

pub fn year_view(site: &Site, y: &Year) -> YearView {
    let page = &site.pages[y.page];
    YearView {
        calendar: href(&site.config, &site.routes.calendar(Some(y.number))),
        number: y.number,
        title: page.title.clone(),
        url: href(&site.config, &page.url),
        status: y.stage(site.today),
        summary: y.summary.clone(),
        target_groups: y
            .target_groups
            .iter()
            .map(|t| site.config.target_groups[t.0].name.clone())
            .collect(),
        sessions: y
            .sessions
            .iter()
            .map(|s| session_view(site, s, y.session_ahead(s, site.today)))
            .collect(),
        decisions: y
            .decisions
            .iter()
            .map(|d| DecisionView {
                anchor: crate::routes::decision_anchor(d),
                decision: d.clone(),
            })
            .collect(),
        goals: matrix(site, y, &[]),
        has_goals: !y.goals.is_empty(),
        goals_plan: y.goals_plan.clone(),
        target_kind: y.target_kind,
        groups: y
            .groups
            .iter()
            .map(|&g| GroupLink {
                title: site.pages[g].title.clone(),
                url: href(&site.config, &site.pages[g].url),
                date: site.group(g).and_then(|grp| grp.date),
                municipalities: members(site, g),
            })
            .collect(),
        perspectives: y.perspectives.iter().map(|&p| link(site, p)).collect(),
        pages: y.pages.iter().map(|&p| link(site, p)).collect(),
    }
}

/// The year a page belongs to, if any.
pub fn year_of(site: &Site, id: PageId) -> Option<&Year> {
    let number = site.pages[id].year?;
    site.year(number)
}

/// Kind-specific data of a page for its template.
#[derive(Debug, Serialize)]
pub struct GroupView {
    pub municipalities: Vec<TermView>,
    pub date: Option<jiff::civil::Date>,
    pub start_time: Option<jiff::civil::Time>,
    pub end_time: Option<jiff::civil::Time>,
    pub location: Option<String>,
    pub summary: String,
}

pub fn group_view(site: &Site, id: PageId) -> Option<GroupView> {
    let PageData::Group(g) = &site.pages[id].data else {
        return None;
    };
    Some(GroupView {
        municipalities: members(site, id),
        date: g.date,
        start_time: g.start_time,
        end_time: g.end_time,
        location: g.location.clone(),
        summary: g.summary.clone(),
    })
}

/// A part of a page's body for its template: prose, or a priority area
/// whose cells carry the year's goal.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum PartView {
    Prose {
        html: String,
    },
    Priority {
        id: String,
        name: String,
        url: String,
        heading: String,
        intro: String,
        cells: Vec<CellPartView>,
    },
}

#[derive(Debug, Serialize)]
pub struct CellPartView {
    pub id: String,
    pub target: String,
    pub heading: String,
    pub html: String,
    pub goal: Option<String>,
    pub background: Option<String>,
    /// The plan the goal is for (`goals_plan` of the year).
    pub goals_plan: Option<String>,
}

pub fn parts_view(
    site: &Site,
    id: PageId,
    terms: &mut super::super::terms::Linker<'_>,
) -> Vec<PartView> {
    let page = &site.pages[id];
    let year = year_of(site, id);
    let c = &site.config;
    page.parts
        .iter()
        .map(|part| match part {
            Part::Prose { html } => PartView::Prose {
                html: terms.link(html).into_owned(),
            },
            Part::Priority(section) => {
                let pt = &c.priority_areas[section.priority.0];
                PartView::Priority {
                    id: pt.slug.clone(),
                    name: pt.name.clone(),
                    url: priority_url(site, pt),
                    heading: section.heading.clone(),
                    intro: terms.link(&section.intro).into_owned(),
                    cells: section
                        .cells
                        .iter()
                        .map(|cell| {
                            let tt = &c.target_groups[cell.target.0];
                            let goal = year.and_then(|y| y.goal(section.priority, cell.target));
                            CellPartView {
                                id: crate::routes::cell_anchor(&pt.slug, &tt.slug),
                                target: tt.name.clone(),
                                heading: cell.heading.clone(),
                                html: terms.link(&cell.html).into_owned(),
                                goal: goal.map(|g| g.goal.clone()),
                                background: goal.map(|g| g.background.clone()),
                                goals_plan: year.and_then(|y| y.goals_plan.clone()),
                            }
                        })
                        .collect(),
                }
            }
        })
        .collect()
}

/// The groups of other years that share a municipality with `group`.
pub fn related_groups(site: &Site, group: PageId) -> Vec<GroupLink> {
    let Some(g) = site.group(group) else {
        return Vec::new();
    };
    let Some(year) = site.pages[group].year else {
        return Vec::new();
    };
    // The groups of the same municipalities in other years, nearest years
    // first considered: a page lists at most RELATED_YEARS years on each
    // side (the municipality pages list every year), so a site of many
    // years does not make every group page as long as its history.
    // Newest year first, each group once (sorting keeps this linear in
    // the municipalities' history, not quadratic).
    let mut found: Vec<(i32, PageId)> = g
        .municipalities
        .iter()
        .flat_map(|&m| site.memberships(m))
        .filter(|ms| ms.year != year)
        .map(|ms| (ms.year, ms.group))
        .collect();
    found.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found.dedup();
    let mut years: Vec<i32> = found.iter().map(|&(y, _)| y).collect();
    years.reverse();
    years.dedup();
    let split = years.partition_point(|&y| y < year);
    let from = years[split.saturating_sub(RELATED_YEARS)..split]
        .first()
        .copied()
        .unwrap_or(year);
    let after = &years[split..];
    let to = after[..after.len().min(RELATED_YEARS)]
        .last()
        .copied()
        .unwrap_or(year);
    found
        .into_iter()
        .filter(|&(y, _)| (from..=to).contains(&y))
        .map(|(y, id)| GroupLink {
            title: format!("{} ({y})", site.pages[id].title),
            url: href(&site.config, &site.pages[id].url),
            date: site.group(id).and_then(|x| x.date),
            municipalities: Vec::new(),
        })
        .collect()
}

/// How many other years a group page links to on each side.
const RELATED_YEARS: usize = 3;
