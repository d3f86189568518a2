//! What templates see: small serializable views of the model, with URLs
//! already joined to the base path and ids replaced by names.
//!
//! Site-wide values are converted once per build ([`SiteView`]); a page's
//! view holds only what differs per page.

use serde::Serialize;

use crate::model::Stage;

use crate::config::{Accessibility, Config, Contact, Region, SourceDoc, Statute, Term};
use crate::model::{
    Finding, Heading, Kind, PageData, PageId, Part, Session, Site, Year, YearStatus,
};

/// A link: the text and the href (base path included).
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct TermView {
    pub name: String,
    pub slug: String,
    pub description: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct YearLink {
    pub number: i32,
    pub title: String,
    pub url: String,
    pub status: Stage,
}

/// Everything about the site that is the same on every page.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub region: &'a Region,
    pub contact: &'a Contact,
    pub statutes: &'a [Statute],
    /// The facts of the accessibility statement (`[accessibility]`), if given.
    pub accessibility: Option<&'a Accessibility>,
    /// The open data's licence, once set and confirmed.
    pub licence: Option<&'a crate::config::Licence>,
    /// The build's date ("Tilanne d.m.yyyy" where a reader needs it).
    pub today: jiff::civil::Date,
    pub municipalities: Vec<TermView>,
    pub priority_areas: Vec<TermView>,
    pub years: Vec<YearLink>,
    pub nav: Vec<Link>,
    pub footer: Vec<Link>,
}

/// Site-relative `/x/` → href with the base path.
pub fn href(config: &Config, rel: &str) -> String {
    format!("{}{}", config.base_path(), rel.trim_start_matches('/'))
}

/// The site-relative URL of a municipality's page.
pub fn municipality_path(t: &Term) -> String {
    format!("/kunnat/{}/", t.slug)
}

/// The site-relative URL of a priority area's page.
pub fn priority_path(t: &Term) -> String {
    format!("/painopisteet/{}/", t.slug)
}

pub fn municipality_url(config: &Config, t: &Term) -> String {
    href(config, &municipality_path(t))
}

pub fn priority_url(config: &Config, t: &Term) -> String {
    href(config, &priority_path(t))
}

pub fn site_view(site: &Site) -> SiteView<'_> {
    let c = &site.config;
    let terms = |ts: &[Term], url: fn(&Config, &Term) -> String| {
        ts.iter()
            .map(|t| TermView {
                name: t.name.clone(),
                slug: t.slug.clone(),
                description: t.description.clone(),
                url: url(c, t),
            })
            .collect()
    };
    let mut municipalities: Vec<TermView> = terms(&c.municipalities, municipality_url);
    municipalities.sort_by_key(|a| crate::collate::finnish_key(&a.name));
    SiteView {
        title: &c.title,
        description: &c.description,
        language: &c.language,
        base_url: &c.base_url,
        base_path: c.base_path(),
        region: &c.region,
        contact: &c.contact,
        statutes: &c.statutes,
        accessibility: c.accessibility.as_ref(),
        licence: c.licence.as_ref(),
        today: site.today,
        municipalities,
        priority_areas: terms(&c.priority_areas, priority_url),
        years: site
            .years
            .iter()
            .map(|y| YearLink {
                number: y.number,
                title: site.pages[y.page].title.clone(),
                url: href(c, &site.pages[y.page].url),
                status: y.stage(site.today),
            })
            .collect(),
        nav: existing(
            site,
            &[
                ("Kunnat", "/kunnat/"),
                ("Painopisteet", "/painopisteet/"),
                ("Aikataulu", "/aikataulu/"),
                ("Lakitausta", "/laki/"),
            ],
        ),
        footer: existing(
            site,
            &[
                ("Saavutettavuusseloste", "/saavutettavuus/"),
                ("Avoin data", "/data/"),
                ("Lakitausta", "/laki/"),
                (GLOSSARY.1, GLOSSARY.0),
            ],
        ),
    }
}

/// The views hyte always makes from the model, with their titles.
pub const GENERATED: [(&str, &str); 5] = [
    ("/haku/", "Haku"),
    ("/kunnat/", "Kunnat"),
    ("/painopisteet/", "Painopisteet"),
    ("/aikataulu/", "Aikataulu"),
    ("/data/", "Avoin data"),
];

/// The glossary page, made when `site.toml` has `[[terms]]`.
pub const GLOSSARY: (&str, &str) = ("/sanasto/", "Sanasto");

/// Whether the site has the glossary page.
pub fn has_glossary(site: &Site) -> bool {
    !site.config.terms.is_empty()
}

/// Links the first use of each glossary term in one page's bodies.
pub fn term_linker(site: &Site) -> super::terms::Linker<'_> {
    super::terms::Linker::new(&site.config.terms, href(&site.config, GLOSSARY.0))
}

/// Links to those of `candidates` that exist on this site. A page written
/// in content/ is named by its own title, so the menu and the page's
/// heading never call it two things.
fn existing(site: &Site, candidates: &[(&str, &str)]) -> Vec<Link> {
    candidates
        .iter()
        .filter_map(|(title, url)| {
            let title = match site.pages.iter().find(|p| p.url == *url) {
                Some(p) => p.title.clone(),
                None if GENERATED.iter().any(|(g, _)| g == url)
                    || (*url == GLOSSARY.0 && has_glossary(site)) =>
                {
                    title.to_string()
                }
                None => return None,
            };
            Some(Link {
                title,
                url: href(&site.config, url),
            })
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub kind: &'static str,
    pub url: String,
    pub permalink: String,
    /// The plain-language summary ("Lyhyesti"); may be empty.
    pub summary: &'a str,
    /// Editorial notes, shown with the sources.
    pub note: &'a str,
    /// The body, with the first use of each glossary term linked.
    pub content: std::borrow::Cow<'a, str>,
    pub headings: &'a [Heading],
    pub updated: Option<jiff::civil::Date>,
    pub year: Option<i32>,
    pub sources: Vec<&'a SourceDoc>,
}

pub fn page_view<'a>(site: &'a Site, id: PageId) -> PageView<'a> {
    let p = &site.pages[id];
    PageView {
        title: &p.title,
        description: &p.description,
        kind: match p.kind {
            Kind::Home => "home",
            Kind::Year => "year",
            Kind::Section => "section",
            Kind::Group => "group",
            Kind::Perspective => "perspective",
            Kind::Page => "page",
        },
        url: href(&site.config, &p.url),
        permalink: site.config.absolute(&p.url),
        summary: &p.summary,
        note: &p.note,
        content: term_linker(site).link(&p.content),
        headings: &p.headings,
        updated: p.updated,
        year: p.year,
        sources: p.sources.iter().map(|&i| &site.config.sources[i]).collect(),
    }
}

pub fn link(site: &Site, id: PageId) -> Link {
    Link {
        title: site.pages[id].title.clone(),
        url: href(&site.config, &site.pages[id].url),
    }
}

/// The trail from the front page to a page (the page itself last).
pub fn breadcrumbs(site: &Site, rel: &str, title: &str) -> Vec<Link> {
    let mut out = vec![Link {
        title: "Etusivu".into(),
        url: href(&site.config, "/"),
    }];
    let segments: Vec<&str> = rel
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    for i in 1..segments.len() {
        let prefix = format!("/{}/", segments[..i].join("/"));
        let title = site.page_at(&prefix).map(|p| p.title.as_str()).or_else(|| {
            GENERATED
                .iter()
                .chain(std::iter::once(&GLOSSARY))
                .find(|(url, _)| *url == prefix)
                .map(|(_, t)| *t)
        });
        if let Some(title) = title {
            out.push(Link {
                title: title.to_string(),
                url: href(&site.config, &prefix),
            });
        }
    }
    if !segments.is_empty() {
        out.push(Link {
            title: title.to_string(),
            url: href(&site.config, rel),
        });
    }
    out
}

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

fn session_view(site: &Site, s: &Session, ahead: bool) -> SessionView {
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
                        url: municipality_url(c, t),
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
                url: priority_url(c, pt),
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
                            id: format!("{}-{}", pt.slug, tt.slug),
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
            .map(|s| session_view(site, s, ahead(y, s, site.today)))
            .collect(),
        decisions: y
            .decisions
            .iter()
            .map(|d| DecisionView {
                anchor: crate::publish::feeds::decision_anchor(d),
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

pub fn parts_view(site: &Site, id: PageId) -> Vec<PartView> {
    let page = &site.pages[id];
    let year = year_of(site, id);
    let c = &site.config;
    let mut terms = term_linker(site);
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
                    url: priority_url(c, pt),
                    heading: section.heading.clone(),
                    intro: terms.link(&section.intro).into_owned(),
                    cells: section
                        .cells
                        .iter()
                        .map(|cell| {
                            let tt = &c.target_groups[cell.target.0];
                            let goal = year.and_then(|y| y.goal(section.priority, cell.target));
                            CellPartView {
                                id: format!("{}-{}", pt.slug, tt.slug),
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
                        Some(t) => format!("{}-{}", pt.slug, c.target_groups[t.0].slug),
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
                url: priority_url(c, pt),
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

pub fn municipality_years(site: &Site, m: crate::config::MunicipalityId) -> Vec<MunicipalityYear> {
    let memberships: std::collections::HashMap<i32, &crate::model::query::Membership> =
        site.memberships(m).iter().map(|ms| (ms.year, ms)).collect();
    site.years
        .iter()
        .rev()
        .map(|y| {
            let ms = memberships.get(&y.number).copied();
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
                    crate::config::all_of(&names)
                }),
                group: ms.map(|ms| GroupLink {
                    title: site.pages[ms.group].title.clone(),
                    url: href(&site.config, &site.pages[ms.group].url),
                    date: site.group(ms.group).and_then(|g| g.date),
                    municipalities: members(site, ms.group),
                }),
                location: ms
                    .and_then(|ms| site.group(ms.group))
                    .and_then(|g| g.location.clone()),
                findings: ms
                    .map(|ms| findings_by_priority(site, ms.group))
                    .unwrap_or_default(),
            }
        })
        .collect()
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
    pub cells: Vec<PriorityCell>,
}

/// A priority area across years: per year and target group, the goal and
/// every page's findings side by side (the year page first, then groups by
/// date, then perspectives).
pub fn priority_years(site: &Site, p: crate::config::PriorityId) -> Vec<PriorityYear> {
    let c = &site.config;
    let pt = &c.priority_areas[p.0];
    site.years
        .iter()
        .rev()
        .filter(|y| y.priorities.contains(&p))
        .map(|y| {
            let pages: Vec<PageId> = std::iter::once(y.page)
                .chain(y.groups.iter().copied())
                .chain(y.perspectives.iter().copied())
                .collect();
            let targets = std::iter::once(None).chain(y.target_groups.iter().map(|&t| Some(t)));
            let cells = targets
                .map(|t| {
                    let anchor = match t {
                        Some(t) => format!("{}-{}", pt.slug, c.target_groups[t.0].slug),
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
                .collect();
            let page = &site.pages[y.page];
            PriorityYear {
                number: y.number,
                title: page.title.clone(),
                url: href(c, &page.url),
                status: y.stage(site.today),
                goals_plan: y.goals_plan.clone(),
                cells,
            }
        })
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
                let ahead = ahead(y, s, today);
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

fn ahead(y: &Year, s: &Session, today: jiff::civil::Date) -> bool {
    y.session_ahead(s, today)
}

/// What is still ahead, for the front page.
pub fn upcoming(site: &Site) -> Vec<ScheduleEntry> {
    schedule(site).into_iter().filter(|e| e.ahead).collect()
}

/// The site-relative URLs of every view made from the model rather than
/// from a content file (for the sitemap).
pub fn generated_urls(site: &Site) -> Vec<String> {
    let c = &site.config;
    let mut out: Vec<String> = GENERATED.iter().map(|(url, _)| url.to_string()).collect();
    if has_glossary(site) {
        out.push(GLOSSARY.0.to_string());
    }
    out.extend(c.municipalities.iter().map(municipality_path));
    out.extend(c.priority_areas.iter().map(priority_path));
    out
}
