//! The views of measures and their follow-up: every measure on
//! `/toimenpiteet/` by priority area, and the measures of one year, group,
//! municipality or priority area on its page. Each measure shows where it
//! stands (its latest follow-up), who carries it out, where and when it was
//! agreed, its follow-up history and its indicators' charts.

use serde::Serialize;

use super::*;
use crate::model::{FollowupStatus, Measure, PageId, Site};

/// One follow-up, as a page shows it.
#[derive(Debug, Serialize)]
pub struct FollowupView {
    pub status: FollowupStatus,
    pub date: Option<jiff::civil::Date>,
    pub note: String,
    pub year: i32,
    /// The page that tells it.
    pub source: Link,
}

/// An indicator's chart, with the same numbers as a table.
#[derive(Debug, Serialize)]
pub struct ChartView {
    pub name: String,
    pub unit: String,
    pub source: String,
    pub url: Option<String>,
    /// The chart (inline SVG) and the same numbers as a table.
    pub svg: String,
    pub table: String,
}

#[derive(Debug, Serialize)]
pub struct MeasureView {
    pub id: String,
    /// Its entry on the measures page.
    pub url: String,
    pub title: String,
    pub status: FollowupStatus,
    pub responsible: String,
    /// None for the whole region.
    pub municipalities: Option<Vec<Link>>,
    pub priorities: Vec<Link>,
    pub target_groups: Vec<String>,
    pub due: Option<jiff::civil::Date>,
    pub agreed: Option<jiff::civil::Date>,
    /// The page it was agreed on.
    pub agreed_on: Link,
    pub year: i32,
    pub description: String,
    pub followups: Vec<FollowupView>,
    pub charts: Vec<ChartView>,
}

/// The measures of one priority area, for the measures page.
#[derive(Debug, Serialize)]
pub struct MeasureGroup {
    pub name: String,
    pub url: String,
    pub measures: Vec<MeasureView>,
}

fn measure_view(site: &Site, i: usize) -> MeasureView {
    let c = &site.config;
    let m: &Measure = &site.measures[i];
    let whole = m.municipalities.len() == c.municipalities.len();
    MeasureView {
        id: m.id.clone(),
        url: href(c, &site.routes.measure(&m.id)),
        title: m.title.clone(),
        status: site.measure_status(i),
        responsible: m.responsible.clone(),
        municipalities: (!whole).then(|| {
            m.municipalities
                .iter()
                .map(|&k| Link {
                    title: c.municipalities[k.0].name.clone(),
                    url: municipality_url(site, &c.municipalities[k.0]),
                })
                .collect()
        }),
        priorities: m
            .priorities
            .iter()
            .map(|&p| Link {
                title: c.priority_areas[p.0].name.clone(),
                url: priority_url(site, &c.priority_areas[p.0]),
            })
            .collect(),
        target_groups: m
            .target_groups
            .iter()
            .map(|&t| c.target_groups[t.0].name.clone())
            .collect(),
        due: m.due,
        agreed: m.agreed,
        agreed_on: link(site, m.page),
        year: m.year,
        description: m.description.clone(),
        followups: site
            .followups_of(i)
            .into_iter()
            .map(|f| FollowupView {
                status: f.status,
                date: f.date,
                note: f.note.clone(),
                year: f.year,
                source: link(site, f.page),
            })
            .collect(),
        charts: m
            .indicators
            .iter()
            .map(|&n| chart_view(site, n, m))
            .collect(),
    }
}

/// Indicator `n`'s values for the places of measure `m` (its
/// municipalities and the whole region) as a chart and a table.
fn chart_view(site: &Site, n: usize, m: &Measure) -> ChartView {
    let c = &site.config;
    let w = &site.words;
    let ind = &c.indicators[n];
    let values = site.values.get(n).map(Vec::as_slice).unwrap_or_default();
    // One line per place, the whole region first.
    let mut places: Vec<(String, Vec<(i32, f64)>)> = Vec::new();
    for v in values
        .iter()
        .filter(|v| v.municipality.is_none_or(|k| m.municipalities.contains(&k)))
    {
        let place = match v.municipality {
            Some(k) => c.municipalities[k.0].name.clone(),
            None => w.text("measures.whole_region").to_string(),
        };
        match places.iter_mut().find(|(p, _)| *p == place) {
            Some((_, points)) => points.push((v.year, v.value)),
            None => places.push((place, vec![(v.year, v.value)])),
        }
    }
    let id = format!("{}-{}", m.id, ind.id);
    let chart = crate::render::chart::Chart {
        id: &id,
        title: &ind.name,
        unit: &ind.unit,
        series: places
            .iter()
            .map(|(label, points)| crate::render::chart::Series {
                label,
                points: points.clone(),
            })
            .collect(),
        lang: crate::render::chart::ChartWords {
            year: w.text("chart.year"),
            value: w.text("chart.value"),
            summary: w.text("chart.summary"),
            decimal_comma: w.text("chart.decimal") == ",",
        },
    };
    ChartView {
        name: ind.name.clone(),
        unit: ind.unit.clone(),
        source: ind.source.clone(),
        url: ind.url.clone(),
        svg: crate::render::chart::svg(&chart),
        table: crate::render::chart::table(&chart),
    }
}

/// The measures for which `keep` holds, in written order.
pub fn measures_where(site: &Site, keep: impl Fn(&Measure) -> bool) -> Vec<MeasureView> {
    (0..site.measures.len())
        .filter(|&i| keep(&site.measures[i]))
        .map(|i| measure_view(site, i))
        .collect()
}

/// The measures agreed on page `id` (a year's or a group's page).
pub fn measures_of_page(site: &Site, id: PageId) -> Vec<MeasureView> {
    measures_where(site, |m| m.page == id)
}

/// Every measure by priority area, in the order of `site.toml`; a measure
/// of several areas is under the first.
pub fn measures_by_priority(site: &Site) -> Vec<MeasureGroup> {
    let c = &site.config;
    c.priority_areas
        .iter()
        .enumerate()
        .map(|(p, t)| MeasureGroup {
            name: t.name.clone(),
            url: priority_url(site, t),
            measures: measures_where(site, |m| m.priorities.first().is_some_and(|f| f.0 == p)),
        })
        .filter(|g| !g.measures.is_empty())
        .collect()
}

/// How many of the measures agreed in a year stand where.
#[derive(Debug, Default, Serialize)]
pub struct StatusCounts {
    pub total: usize,
    pub agreed: usize,
    pub in_progress: usize,
    pub done: usize,
    pub delayed: usize,
    pub dropped: usize,
}

pub fn status_counts(site: &Site, year: i32) -> StatusCounts {
    let mut n = StatusCounts::default();
    for (i, m) in site.measures.iter().enumerate() {
        if m.year != year {
            continue;
        }
        n.total += 1;
        match site.measure_status(i) {
            FollowupStatus::Agreed => n.agreed += 1,
            FollowupStatus::InProgress => n.in_progress += 1,
            FollowupStatus::Done => n.done += 1,
            FollowupStatus::Delayed => n.delayed += 1,
            FollowupStatus::Dropped => n.dropped += 1,
        }
    }
    n
}
