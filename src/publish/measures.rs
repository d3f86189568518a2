//! Measures, their follow-up and the indicators' values as open data: in
//! `hyte.json` (`measures`, `indicators`) and as `data/toimenpiteet.csv`,
//! one measure a row with its latest status.

use serde::Serialize;

use crate::model::{FollowupStatus, Site};

#[derive(Serialize)]
pub(super) struct MeasureData<'a> {
    id: &'a str,
    year: i32,
    title: &'a str,
    /// Slugs of the vocabulary.
    priority_areas: Vec<&'a str>,
    target_groups: Vec<&'a str>,
    responsible: &'a str,
    municipalities: Vec<&'a str>,
    due: Option<jiff::civil::Date>,
    agreed: Option<jiff::civil::Date>,
    /// Where it stands: its latest follow-up's status, or `agreed`.
    status: FollowupStatus,
    /// Its entry on the measures page, and the page it was agreed on.
    url: String,
    agreed_on: String,
    /// The description as HTML.
    description: &'a str,
    indicators: Vec<&'a str>,
    followups: Vec<FollowupData<'a>>,
}

#[derive(Serialize)]
struct FollowupData<'a> {
    year: i32,
    status: FollowupStatus,
    date: Option<jiff::civil::Date>,
    note: &'a str,
    url: String,
}

#[derive(Serialize)]
pub(super) struct IndicatorData<'a> {
    id: &'a str,
    name: &'a str,
    unit: &'a str,
    source: &'a str,
    url: Option<&'a str>,
    values: Vec<ValueData<'a>>,
}

#[derive(Serialize)]
struct ValueData<'a> {
    year: i32,
    /// A municipality's slug; null for the whole region.
    municipality: Option<&'a str>,
    value: f64,
}

pub(super) fn measures(site: &Site) -> Vec<MeasureData<'_>> {
    let c = &site.config;
    site.measures
        .iter()
        .enumerate()
        .map(|(i, m)| MeasureData {
            id: &m.id,
            year: m.year,
            title: &m.title,
            priority_areas: m
                .priorities
                .iter()
                .map(|p| c.priority_areas[p.0].slug.as_str())
                .collect(),
            target_groups: m
                .target_groups
                .iter()
                .map(|t| c.target_groups[t.0].slug.as_str())
                .collect(),
            responsible: &m.responsible,
            municipalities: m
                .municipalities
                .iter()
                .map(|k| c.municipalities[k.0].slug.as_str())
                .collect(),
            due: m.due,
            agreed: m.agreed,
            status: site.measure_status(i),
            url: c.absolute(&site.routes.measure(&m.id)),
            agreed_on: c.absolute(&site.pages[m.page].url),
            description: &m.description,
            indicators: m
                .indicators
                .iter()
                .map(|&n| c.indicators[n].id.as_str())
                .collect(),
            followups: site
                .followups_of(i)
                .into_iter()
                .map(|f| FollowupData {
                    year: f.year,
                    status: f.status,
                    date: f.date,
                    note: &f.note,
                    url: c.absolute(&site.pages[f.page].url),
                })
                .collect(),
        })
        .collect()
}

pub(super) fn indicators(site: &Site) -> Vec<IndicatorData<'_>> {
    let c = &site.config;
    c.indicators
        .iter()
        .enumerate()
        .map(|(n, ind)| IndicatorData {
            id: &ind.id,
            name: &ind.name,
            unit: &ind.unit,
            source: &ind.source,
            url: ind.url.as_deref(),
            values: site
                .values
                .get(n)
                .map(|vs| {
                    vs.iter()
                        .map(|v| ValueData {
                            year: v.year,
                            municipality: v
                                .municipality
                                .map(|k| c.municipalities[k.0].slug.as_str()),
                            value: v.value,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

/// `data/toimenpiteet.csv`: one measure a row, with a header row.
pub fn csv(site: &Site) -> Vec<u8> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let header = [
        "tunniste",
        "vuosi",
        "toimenpide",
        "painopisteet",
        "kohderyhmat",
        "vastuu",
        "kunnat",
        "maaraaika",
        "sovittu",
        "tila",
        "seuranta",
        "osoite",
    ];
    let _ = w.write_record(header);
    for m in measures(site) {
        let status = serde_json::to_value(m.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let latest = m.followups.last().map(|f| f.note).unwrap_or("");
        let record = [
            m.id.to_string(),
            m.year.to_string(),
            m.title.to_string(),
            m.priority_areas.join(" "),
            m.target_groups.join(" "),
            m.responsible.to_string(),
            m.municipalities.join(" "),
            m.due.map(|d| d.to_string()).unwrap_or_default(),
            m.agreed.map(|d| d.to_string()).unwrap_or_default(),
            status,
            latest.to_string(),
            m.url.clone(),
        ];
        let _ = w.write_record(record.map(|f| crate::text::without_controls(&f).into_owned()));
    }
    w.into_inner().unwrap_or_default()
}
