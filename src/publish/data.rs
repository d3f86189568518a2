//! Open data under `/data/`: the whole model as `hyte.json` (with a JSON
//! Schema beside it) and every finding as a row of `havainnot.csv`.
//! Every finding carries the URL of its cell, anchor included, so a reuser
//! can link back to the exact place.

use serde::Serialize;

use crate::model::{Kind, PageData, Site, Stage, Year, YearStatus};

/// The JSON Schema of `hyte.json`, published beside it.
pub const SCHEMA: &str = include_str!("hyte.schema.json");

#[derive(Serialize)]
struct Data<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    title: &'a str,
    region: &'a str,
    county: &'a str,
    url: &'a str,
    /// SPDX identifier, `null` until the county has set and confirmed one.
    licence: Option<&'a str>,
    licence_url: Option<&'a str>,
    municipalities: Vec<Named<'a>>,
    priority_areas: Vec<Named<'a>>,
    target_groups: Vec<Named<'a>>,
    years: Vec<YearData<'a>>,
    findings: Findings<'a>,
    measures: Vec<super::measures::MeasureData<'a>>,
    indicators: Vec<super::measures::IndicatorData<'a>>,
}

#[derive(Serialize)]
struct Named<'a> {
    slug: &'a str,
    name: &'a str,
    url: Option<String>,
}

#[derive(Serialize)]
struct YearData<'a> {
    year: i32,
    title: &'a str,
    /// Where the year stands on the build's date (derived from its dates).
    status: Stage,
    /// The status its content gives.
    typed_status: YearStatus,
    /// The build's date the status holds on.
    as_of: String,
    url: String,
    summary: &'a str,
    priority_areas: Vec<&'a str>,
    target_groups: Vec<&'a str>,
    sessions: Vec<SessionData<'a>>,
    groups: Vec<GroupData<'a>>,
    goals: Vec<GoalData<'a>>,
    decisions: Vec<DecisionData<'a>>,
}

#[derive(Serialize)]
struct SessionData<'a> {
    title: &'a str,
    date: Option<String>,
    end_date: Option<String>,
    start_time: Option<String>,
    end_time: Option<String>,
    when: Option<&'a str>,
    location: Option<&'a str>,
    planned: bool,
    /// Still ahead on the build's date.
    ahead: bool,
    url: Option<String>,
}

#[derive(Serialize)]
struct GroupData<'a> {
    slug: String,
    title: &'a str,
    url: String,
    date: Option<String>,
    municipalities: Vec<&'a str>,
}

#[derive(Serialize)]
struct GoalData<'a> {
    priority_area: &'a str,
    target_group: &'a str,
    goal: &'a str,
    background: &'a str,
}

#[derive(Serialize)]
struct DecisionData<'a> {
    body: &'a str,
    date: String,
    section: Option<&'a str>,
    record: Option<&'a str>,
    title: &'a str,
    decision: Option<&'a str>,
    url: String,
}

#[derive(Serialize)]
struct FindingData<'a> {
    year: Option<i32>,
    page: &'a str,
    /// "year", "group" or "perspective".
    page_kind: &'static str,
    municipalities: Vec<&'a str>,
    priority_area: &'a str,
    target_group: Option<&'a str>,
    text: &'a str,
    url: String,
}

fn page_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Year => "year",
        Kind::Group => "group",
        Kind::Perspective => "perspective",
        _ => "page",
    }
}

/// Every finding of the site, in order, made one at a time as it is
/// written.
fn findings(site: &Site) -> impl Iterator<Item = FindingData<'_>> {
    let c = &site.config;
    let pages = site.years.iter().flat_map(|y| {
        std::iter::once(y.page)
            .chain(y.groups.iter().copied())
            .chain(y.perspectives.iter().copied())
    });
    pages.flat_map(move |id| {
        let page = &site.pages[id];
        let municipalities: Vec<&str> = match &page.data {
            PageData::Group(g) => g
                .municipalities
                .iter()
                .map(|m| c.municipalities[m.0].slug.as_str())
                .collect(),
            _ => Vec::new(),
        };
        page.findings.iter().map(move |f| FindingData {
            year: page.year,
            page: &page.title,
            page_kind: page_kind(page.kind),
            municipalities: municipalities.clone(),
            priority_area: &c.priority_areas[f.priority.0].slug,
            target_group: f.target.map(|t| c.target_groups[t.0].slug.as_str()),
            text: &f.text,
            url: format!(
                "{}#{}",
                c.absolute(&page.url),
                crate::routes::finding_anchor(c, f)
            ),
        })
    })
}

/// The findings as a JSON array, serialized as they are made.
struct Findings<'a>(&'a Site);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(findings(self.0))
    }
}

/// Writes `data/hyte.json` into `w`.
pub fn write_json(site: &Site, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let c = &site.config;
    let data = Data {
        schema: site.config.absolute("/data/hyte.schema.json"),
        title: &c.title,
        region: &c.region.name,
        county: &c.region.county,
        url: &c.base_url,
        licence: c.licence.as_ref().map(|l| l.id.as_str()),
        licence_url: c.licence.as_ref().map(|l| l.url.as_str()),
        municipalities: named(
            site,
            &c.municipalities,
            Some(crate::routes::Routes::municipality),
        ),
        priority_areas: named(
            site,
            &c.priority_areas,
            Some(crate::routes::Routes::priority),
        ),
        target_groups: named(site, &c.target_groups, None),
        years: site.years.iter().map(|y| year_data(site, y)).collect(),
        findings: Findings(site),
        measures: super::measures::measures(site),
        indicators: super::measures::indicators(site),
    };
    serde_json::to_writer(&mut *w, &data)?;
    w.flush()
}

/// The route of a term's page.
type Url = fn(&crate::routes::Routes, &crate::config::Term) -> String;

/// Terms (municipalities, priority areas, target groups) with the URL of
/// their page, where `url` gives one.
fn named<'a>(site: &Site, terms: &'a [crate::config::Term], url: Option<Url>) -> Vec<Named<'a>> {
    terms
        .iter()
        .map(|t| Named {
            slug: &t.slug,
            name: &t.name,
            url: url.map(|u| site.config.absolute(&u(&site.routes, t))),
        })
        .collect()
}

/// One year of `hyte.json`: its dates, groups, goals and decisions.
fn year_data<'a>(site: &'a Site, y: &'a Year) -> YearData<'a> {
    let c = &site.config;
    let page = &site.pages[y.page];
    let year_url = site.config.absolute(&page.url);
    YearData {
        year: y.number,
        title: &page.title,
        status: y.stage(site.today),
        typed_status: y.status,
        as_of: site.today.to_string(),
        url: year_url.clone(),
        summary: &y.summary,
        priority_areas: y
            .priorities
            .iter()
            .map(|p| c.priority_areas[p.0].slug.as_str())
            .collect(),
        target_groups: y
            .target_groups
            .iter()
            .map(|t| c.target_groups[t.0].slug.as_str())
            .collect(),
        sessions: sessions(site, y),
        groups: groups(site, y),
        goals: y
            .goals
            .iter()
            .map(|g| GoalData {
                priority_area: &c.priority_areas[g.priority.0].slug,
                target_group: &c.target_groups[g.target_group.0].slug,
                goal: &g.goal,
                background: &g.background,
            })
            .collect(),
        decisions: y
            .decisions
            .iter()
            .map(|d| DecisionData {
                body: &d.body,
                date: d.date.to_string(),
                section: d.section.as_deref(),
                record: d.record.as_deref(),
                title: &d.title,
                decision: d.decision.as_deref(),
                url: d
                    .url
                    .clone()
                    .unwrap_or_else(|| format!("{year_url}#{}", crate::routes::decision_anchor(d))),
            })
            .collect(),
    }
}

/// The sessions of a year, with where each stands on the build's date.
fn sessions<'a>(site: &'a Site, y: &'a Year) -> Vec<SessionData<'a>> {
    y.sessions
        .iter()
        .map(|s| SessionData {
            title: &s.title,
            date: s.date.map(|d| d.to_string()),
            end_date: s.end_date.map(|d| d.to_string()),
            start_time: s
                .start_time
                .map(|t| format!("{:02}:{:02}", t.hour(), t.minute())),
            end_time: s
                .end_time
                .map(|t| format!("{:02}:{:02}", t.hour(), t.minute())),
            when: s.when.as_deref(),
            location: s.location.as_deref(),
            planned: s.planned || y.status == YearStatus::Planned,
            ahead: y.session_ahead(s, site.today),
            url: s.page.map(|p| site.config.absolute(&site.pages[p].url)),
        })
        .collect()
}

/// The municipality groups of a year.
fn groups<'a>(site: &'a Site, y: &'a Year) -> Vec<GroupData<'a>> {
    let c = &site.config;
    y.groups
        .iter()
        .filter_map(|&g| {
            let group = site.group(g)?;
            let page = &site.pages[g];
            Some(GroupData {
                slug: page
                    .url
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                title: &page.title,
                url: site.config.absolute(&page.url),
                date: group.date.map(|d| d.to_string()),
                municipalities: group
                    .municipalities
                    .iter()
                    .map(|m| c.municipalities[m.0].slug.as_str())
                    .collect(),
            })
        })
        .collect()
}

/// Writes `data/havainnot.csv` into `w`: one finding a row, with a
/// header row.
pub fn write_csv(site: &Site, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(w);
    let header = [
        "vuosi",
        "sivu",
        "sivun_tyyppi",
        "kunnat",
        "painopiste",
        "kohderyhma",
        "nosto",
        "osoite",
    ];
    w.write_record(header).map_err(io_error)?;
    for f in findings(site) {
        let year = f.year.map(|y| y.to_string()).unwrap_or_default();
        let record = [
            year.as_str(),
            f.page,
            f.page_kind,
            &f.municipalities.join(" "),
            f.priority_area,
            f.target_group.unwrap_or(""),
            f.text,
            &f.url,
        ];
        // A spreadsheet shows a control character as garbage, if at all:
        // the same rule as every other file ([`crate::text::forbidden`]).
        let fields = record.map(crate::text::without_controls);
        w.write_record(fields.iter().map(|f| f.as_bytes()))
            .map_err(io_error)?;
    }
    w.flush()
}

/// The I/O error under a CSV writer's error (the only kind writing whole
/// records of text can meet).
fn io_error(e: ::csv::Error) -> std::io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}
