//! A year's page, a group's and a perspective's: their front matter made
//! model values, and the year's vocabulary that headings and goals may
//! name.

use super::values::{date, date_in_year, not_of_year, resolve_terms, time};
use super::*;
use crate::config::TermKind;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::Source;
use crate::load::frontmatter::{GroupFront, PerspectiveFront, YearFront};

pub(super) fn year_vocabulary(
    config: &Config,
    s: &Source,
    f: &YearFront,
    diags: &mut Diagnostics,
) -> (Vec<PriorityId>, Vec<TargetGroupId>) {
    let priorities = match &f.priority_areas {
        Some(names) => resolve_terms(
            names,
            &config.priority_areas,
            PriorityId,
            TermKind::PriorityArea,
            s,
            diags,
        ),
        None => (0..config.priority_areas.len()).map(PriorityId).collect(),
    };
    let targets = resolve_terms(
        &f.target_groups,
        &config.target_groups,
        TargetGroupId,
        TermKind::TargetGroup,
        s,
        diags,
    );
    (priorities, targets)
}

pub(super) fn year(
    config: &Config,
    s: &Source,
    f: &YearFront,
    page: PageId,
    priorities: Vec<PriorityId>,
    target_groups: Vec<TargetGroupId>,
    diags: &mut Diagnostics,
) -> Year {
    let mut sessions = Vec::new();
    for (i, sf) in f.sessions.iter().enumerate() {
        let d = sf
            .date
            .as_ref()
            .and_then(|d| date_in_year(d, s, "date", diags));
        if sf.date.is_none() && sf.when.is_none() {
            diags.push(
                Diagnostic::new(&s.path, format!("tilaisuudella {} (\"{}\") ei ole päivämäärää (`date`) eikä ajankohtaa (`when`)", i + 1, sf.title))
                    .at_line(s.line(&sf.title))
                    .help("anna päivämäärä (date = 2025-10-23) tai, jos sitä ei ole julkaistu, kerro ajankohta sanoin (when = \"huhti–toukokuu 2026\")"),
            );
        }
        sessions.push(Session {
            title: sf.title.value.clone(),
            date: d,
            end_date: sf
                .end_date
                .as_ref()
                .and_then(|d| date_in_year(d, s, "end_date", diags)),
            start_time: time(&sf.start_time, s, "start_time", diags),
            end_time: time(&sf.end_time, s, "end_time", diags),
            when: sf.when.clone(),
            until: sf.until.as_ref().and_then(|d| date(d, s, "until", diags)),
            line: s.line(&sf.title),
            location: sf.location.clone(),
            description: sf.description.clone(),
            page: None,
            group: None,
            planned: sf.planned,
        });
    }
    let decisions = f
        .decisions
        .iter()
        .filter_map(|df| {
            Some(Decision {
                body: df.body.clone(),
                date: date(&df.date, s, "date", diags)?,
                section: df.section.clone(),
                record: df.record.clone(),
                title: df.title.clone(),
                decision: df.decision.clone(),
                url: df.url.clone(),
            })
        })
        .collect();
    let mut goals: Vec<Goal> = Vec::new();
    for g in &f.goals {
        let line = s.line(&g.priority);
        let p = config
            .priority(&g.priority)
            .filter(|p| priorities.contains(p));
        let t = config
            .target_group(&g.target_group)
            .filter(|t| target_groups.contains(t));
        if p.is_none() {
            let ids: Vec<usize> = priorities.iter().map(|p| p.0).collect();
            diags.push(
                Diagnostic::new(
                    &s.path,
                    format!(
                        "tavoitteen painopiste \"{}\" ei ole tämän vuoden painopiste",
                        g.priority
                    ),
                )
                .at_line(line)
                .help(not_of_year(
                    TermKind::PriorityArea,
                    &g.priority,
                    &config.priority_areas,
                    &ids,
                    "priority_areas",
                )),
            );
        }
        if t.is_none() {
            let ids: Vec<usize> = target_groups.iter().map(|t| t.0).collect();
            diags.push(
                Diagnostic::new(
                    &s.path,
                    format!(
                        "tavoitteen kohderyhmä \"{}\" ei ole tämän vuoden kohderyhmä",
                        g.target_group
                    ),
                )
                .at_line(s.line(&g.target_group))
                .help(not_of_year(
                    TermKind::TargetGroup,
                    &g.target_group,
                    &config.target_groups,
                    &ids,
                    "target_groups",
                )),
            );
        }
        if let (Some(priority), Some(target_group)) = (p, t) {
            if goals
                .iter()
                .any(|o| o.priority == priority && o.target_group == target_group)
            {
                diags.push(
                    Diagnostic::new(
                        &s.path,
                        format!(
                            "kaksi tavoitetta samalle parille {} × {}",
                            g.priority, g.target_group
                        ),
                    )
                    .at_line(line)
                    .help("painopisteen ja kohderyhmän parilla on yksi tavoite; yhdistä nämä kaksi yhdeksi [[goals]]-taulukoksi"),
                );
            }
            goals.push(Goal {
                line,
                priority,
                target_group,
                goal: g.goal.clone(),
                background: g.background.clone(),
            });
        }
    }
    Year {
        number: s.year.unwrap_or_default(),
        page,
        status: f.status.value,
        status_line: s.line(&f.status),
        summary: f
            .summary
            .as_ref()
            .map_or_else(String::new, |s| s.trim().to_string()),
        priorities,
        target_groups,
        target_kind: f.target_kind,
        // `page` references are resolved in `link_years`, once all pages exist.
        sessions,
        decisions,
        goals,
        goals_plan: f.goals_plan.clone().filter(|p| !p.trim().is_empty()),
        listed_groups: listed_groups(config, s, f, diags),
        groups: Vec::new(),
        perspectives: Vec::new(),
        pages: Vec::new(),
    }
}

/// `municipality_groups`: each municipality named once, by a name of
/// `site.toml`.
fn listed_groups(
    config: &Config,
    s: &Source,
    f: &YearFront,
    diags: &mut Diagnostics,
) -> Vec<Vec<MunicipalityId>> {
    let mut seen: Vec<MunicipalityId> = Vec::new();
    let mut out = Vec::new();
    for names in &f.municipality_groups {
        let group = resolve_terms(
            names,
            &config.municipalities,
            MunicipalityId,
            TermKind::Municipality,
            s,
            diags,
        );
        for (name, &m) in names
            .iter()
            .filter(|n| config.municipality(n).is_some())
            .zip(&group)
        {
            if seen.contains(&m) {
                diags.push(
                    Diagnostic::new(
                        &s.path,
                        format!(
                            "kunta {} on kahdessa municipality_groups-ryhmässä",
                            name.value
                        ),
                    )
                    .at_line(s.line(name))
                    .help("kunta kuuluu vuonna yhteen kuntaryhmään; poista se toisesta ryhmästä"),
                );
            }
            seen.push(m);
        }
        out.push(group);
    }
    out
}

pub(super) fn group(config: &Config, s: &Source, f: &GroupFront, diags: &mut Diagnostics) -> Group {
    if f.municipalities.is_empty() {
        diags.push(
            Diagnostic::new(&s.path, "kuntaryhmässä ei ole yhtään kuntaa")
                .at_line(s.line(&f.municipalities))
                .help(
                    "luettele ryhmän kunnat, esim. municipalities = [\"Jyväskylä\", \"Muurame\"]",
                ),
        );
    }
    let municipalities = resolve_terms(
        &f.municipalities,
        &config.municipalities,
        MunicipalityId,
        TermKind::Municipality,
        s,
        diags,
    );
    let lines = f
        .municipalities
        .iter()
        .filter(|name| config.municipality(name).is_some())
        .map(|name| s.line(name))
        .collect();
    let unresolved = municipalities.len() != f.municipalities.len();
    Group {
        municipalities,
        unresolved,
        lines,
        date: f
            .date
            .as_ref()
            .and_then(|d| date_in_year(d, s, "date", diags)),
        start_time: time(&f.start_time, s, "start_time", diags),
        end_time: time(&f.end_time, s, "end_time", diags),
        location: f.location.clone(),
        summary: f
            .summary
            .as_ref()
            .map_or_else(String::new, |s| s.trim().to_string()),
    }
}

pub(super) fn perspective(
    s: &Source,
    f: &PerspectiveFront,
    diags: &mut Diagnostics,
) -> Perspective {
    Perspective {
        date: f
            .date
            .as_ref()
            .and_then(|d| date_in_year(d, s, "date", diags)),
        summary: f
            .summary
            .as_ref()
            .map_or_else(String::new, |s| s.trim().to_string()),
    }
}
