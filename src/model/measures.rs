//! Measures and their follow-up in the model: each `[[measures]]` entry
//! with its names resolved to the vocabulary, where and when it was
//! agreed, and the `[[followups]]` of later years attached to it by id;
//! and the indicators' values with their municipalities resolved. The
//! rules across files (unknown or repeated ids, dates, overdue measures)
//! are in [`crate::validate`].

use jiff::civil::Date;
use serde::Serialize;

use super::values::{date, resolve_terms};
use super::{Group, PageId};
use crate::config::{Config, MunicipalityId, PriorityId, TargetGroupId, TermKind};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::indicators::ValuesFile;
use crate::load::measures::{FollowupStatus, MeasureFront};
use crate::load::{Front, Source};

/// What was agreed to be done.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    pub id: String,
    pub title: String,
    pub priorities: Vec<PriorityId>,
    pub target_groups: Vec<TargetGroupId>,
    pub responsible: String,
    pub municipalities: Vec<MunicipalityId>,
    pub due: Option<Date>,
    /// Indexes into `config.indicators`.
    pub indicators: Vec<usize>,
    /// The description, rendered.
    pub description: String,
    /// The year whose negotiations agreed it, and the page it is on.
    pub year: i32,
    #[serde(skip)]
    pub page: PageId,
    /// When it was agreed: the group's negotiation, or the year's last
    /// dated session.
    pub agreed: Option<Date>,
    /// The file lines of its `id` and `due`, for messages.
    #[serde(skip)]
    pub id_line: usize,
    #[serde(skip)]
    pub due_line: usize,
}

/// What came of a measure, as a later year tells.
#[derive(Debug, Clone, Serialize)]
pub struct Followup {
    /// The id as written, and the measure it names if there is one.
    pub measure_id: String,
    #[serde(skip)]
    pub measure: Option<usize>,
    pub status: FollowupStatus,
    pub date: Option<Date>,
    pub note: String,
    pub year: i32,
    #[serde(skip)]
    pub page: PageId,
    /// The file lines of its `measure` and `date`.
    #[serde(skip)]
    pub line: usize,
    #[serde(skip)]
    pub date_line: usize,
}

/// One value of an indicator.
#[derive(Debug, Clone, Serialize)]
pub struct Value {
    pub year: i32,
    /// None for the whole region.
    pub municipality: Option<MunicipalityId>,
    pub value: f64,
}

/// The measures, follow-ups and indicator values of a site being built:
/// `pages[i]` is the page of `sources[i]`.
pub(super) fn of_site(
    config: &Config,
    sources: &[Source],
    pages: &[super::Page],
    years: &[super::Year],
    values: &[ValuesFile],
    diags: &mut Diagnostics,
) -> (Vec<Measure>, Vec<Followup>, Vec<Vec<Value>>) {
    let groups: Vec<Option<&Group>> = pages
        .iter()
        .map(|p| match &p.data {
            super::PageData::Group(g) => Some(g),
            _ => None,
        })
        .collect();
    // A year's measures were agreed at its negotiations: by its last
    // dated session of its own.
    let agreed_in_year = |n: i32| {
        years.iter().find(|y| y.number == n).and_then(|y| {
            y.sessions
                .iter()
                .filter(|s| s.group.is_none())
                .filter_map(|s| s.last_day())
                .max()
        })
    };
    let (measures, followups) = collect(config, sources, &groups, &agreed_in_year, diags);
    (measures, followups, self::values(config, values, diags))
}

/// The measures and follow-ups of every source (`ids[i]` is the page of
/// `sources[i]`), in written order; follow-ups sorted by date within a
/// measure when read through [`super::Site::followups_of`].
fn collect(
    config: &Config,
    sources: &[Source],
    groups: &[Option<&Group>],
    agreed_in_year: &dyn Fn(i32) -> Option<Date>,
    diags: &mut Diagnostics,
) -> (Vec<Measure>, Vec<Followup>) {
    let mut measures = Vec::new();
    let mut followups = Vec::new();
    let links = crate::markdown::Links {
        base_path: config.base_path(),
        statute_url: &config.statute_url,
        leaf: true,
    };
    for (page, s) in sources.iter().enumerate() {
        let Some(year) = s.year else { continue };
        let (ms, fs) = match &s.front {
            Front::Year(f) => (&f.measures, &f.followups),
            Front::Group(f) => (&f.measures, &f.followups),
            _ => continue,
        };
        let group = groups.get(page).copied().flatten();
        for m in ms {
            let agreed = match group {
                Some(g) => g.date,
                None => agreed_in_year(year),
            };
            measures.push(measure(
                config, s, m, year, page, group, agreed, &links, diags,
            ));
        }
        for f in fs {
            followups.push(Followup {
                measure_id: f.measure.trim().to_string(),
                measure: None,
                status: *f.status,
                date: f.date.as_ref().and_then(|d| date(d, s, "date", diags)),
                note: f.note.trim().to_string(),
                year,
                page,
                line: s.line(&f.measure),
                date_line: f.date.as_ref().map_or(0, |d| s.line(d)),
            });
        }
    }
    for f in &mut followups {
        f.measure = measures.iter().position(|m| m.id == f.measure_id);
    }
    (measures, followups)
}

#[allow(clippy::too_many_arguments)]
fn measure(
    config: &Config,
    s: &Source,
    m: &MeasureFront,
    year: i32,
    page: PageId,
    group: Option<&Group>,
    agreed: Option<Date>,
    links: &crate::markdown::Links<'_>,
    diags: &mut Diagnostics,
) -> Measure {
    let names = crate::load::measures::names;
    let priorities = resolve_terms(
        &names(&m.priority),
        &config.priority_areas,
        PriorityId,
        TermKind::PriorityArea,
        s,
        diags,
    );
    let target_groups = resolve_terms(
        &names(&m.target_group),
        &config.target_groups,
        TargetGroupId,
        TermKind::TargetGroup,
        s,
        diags,
    );
    let municipalities = match (&m.municipalities, group) {
        (Some(list), _) => resolve_terms(
            list,
            &config.municipalities,
            MunicipalityId,
            TermKind::Municipality,
            s,
            diags,
        ),
        (None, Some(g)) => g.municipalities.clone(),
        (None, None) => (0..config.municipalities.len())
            .map(MunicipalityId)
            .collect(),
    };
    let mut indicators = Vec::new();
    for i in &m.indicators {
        match config.indicators.iter().position(|x| x.id == i.as_str()) {
            Some(n) => indicators.push(n),
            None => {
                let known: Vec<&str> = config.indicators.iter().map(|x| x.id.as_str()).collect();
                let close = crate::diagnostic::suggest(i, known.iter().copied());
                diags.push(
                    Diagnostic::new(&s.path, format!("toimenpiteen indikaattoria \"{}\" ei ole site.toml-tiedostossa", i.as_str()))
                        .at_line(s.line(i))
                        .help(match close.first() {
                            Some(c) => format!("tarkoititko \"{c}\"? (indikaattorit on lueteltu site.toml-tiedostossa [[indicators]]-taulukkoina)"),
                            None => "lisää indikaattori site.toml-tiedostoon [[indicators]]-taulukkona, jonka id on tämä".to_string(),
                        }),
                );
            }
        }
    }
    Measure {
        id: m.id.trim().to_string(),
        title: m.title.trim().to_string(),
        priorities,
        target_groups,
        responsible: m.responsible.trim().to_string(),
        municipalities,
        due: m.due.as_ref().and_then(|d| date(d, s, "due", diags)),
        indicators,
        description: crate::markdown::render_page(&m.description, None, links).html(),
        year,
        page,
        agreed,
        id_line: s.line(&m.id),
        due_line: m.due.as_ref().map_or(0, |d| s.line(d)),
    }
}

/// Each indicator's values (by index into `config.indicators`), the
/// municipalities resolved; an unknown one is reported at its row.
fn values(config: &Config, files: &[ValuesFile], diags: &mut Diagnostics) -> Vec<Vec<Value>> {
    let mut out = vec![Vec::new(); config.indicators.len()];
    for f in files {
        for row in &f.rows {
            let municipality = if row.municipality.is_empty() {
                None
            } else {
                match config.municipality(&row.municipality) {
                    Some(m) => Some(m),
                    None => {
                        diags.push(
                            Diagnostic::new(&f.path, format!("indikaattorin arvorivin kuntaa \"{}\" ei ole site.toml-tiedostossa", row.municipality))
                                .at_line(row.line)
                                .help(crate::config::did_you_mean("kunta", &row.municipality, &config.municipalities)),
                        );
                        continue;
                    }
                }
            };
            if let Some(v) = out.get_mut(f.indicator) {
                v.push(Value {
                    year: row.year,
                    municipality,
                    value: row.value,
                });
            }
        }
    }
    for v in &mut out {
        v.sort_by_key(|x| (x.municipality.map(|m| m.0), x.year));
    }
    out
}

impl super::Site {
    /// The follow-ups of measure `i`, oldest first (undated last, in
    /// written order).
    pub fn followups_of(&self, i: usize) -> Vec<&Followup> {
        let mut out: Vec<&Followup> = self
            .followups
            .iter()
            .filter(|f| f.measure == Some(i))
            .collect();
        out.sort_by_key(|f| (f.year, f.date.is_none(), f.date));
        out
    }

    /// Where measure `i` stands: its latest follow-up's status, or agreed.
    pub fn measure_status(&self, i: usize) -> FollowupStatus {
        self.followups_of(i)
            .last()
            .map_or(FollowupStatus::Agreed, |f| f.status)
    }
}
