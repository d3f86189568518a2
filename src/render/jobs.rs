//! Every output file a build writes, as a [`Job`]: where it goes, which
//! template makes it and what that template sees. The content pages are
//! one job each; the views hyte makes from the model (municipalities,
//! priority areas, the schedule, open data, the glossary, search, 404,
//! redirects) are the rest.

use std::collections::HashMap;

use minijinja::context;
use minijinja::value::{Serde, Value};

use super::views::{self, *};
use crate::diagnostic::{Diagnostic, Diagnostics, Error};
use crate::model::{PageData, PageId, Site};
use crate::render::i18n::Strings;

/// One output file: where it goes and how it is made.
#[derive(Debug, Clone, Copy)]
pub(super) enum Job {
    Page(PageId),
    Municipalities,
    Municipality(usize),
    Priorities,
    Priority(usize),
    Schedule,
    Data,
    Glossary,
    Search,
    NotFound,
    Redirect(usize),
}

impl Job {
    pub(super) fn output(&self, site: &Site) -> String {
        let c = &site.config;
        match self {
            Job::Page(id) => index_file(&site.pages[*id].url),
            Job::Municipalities => "kunnat/index.html".into(),
            Job::Municipality(i) => index_file(&municipality_path(&c.municipalities[*i])),
            Job::Priorities => "painopisteet/index.html".into(),
            Job::Priority(i) => index_file(&priority_path(&c.priority_areas[*i])),
            Job::Schedule => "aikataulu/index.html".into(),
            Job::Data => "data/index.html".into(),
            Job::Glossary => index_file(views::GLOSSARY.0),
            Job::Search => "haku/index.html".into(),
            Job::NotFound => "404.html".into(),
            Job::Redirect(i) => {
                let from = &site.redirects[*i].from;
                if from.ends_with(".html") {
                    from.trim_start_matches('/').to_string()
                } else {
                    index_file(from)
                }
            }
        }
    }
}

fn index_file(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

/// Every output file of the site, checked that a generated view does not
/// take a content page's place.
pub(super) fn jobs(site: &Site) -> Result<Vec<Job>, Error> {
    let mut jobs: Vec<Job> = (0..site.pages.len()).map(Job::Page).collect();
    jobs.push(Job::Municipalities);
    jobs.extend((0..site.config.municipalities.len()).map(Job::Municipality));
    jobs.push(Job::Priorities);
    jobs.extend((0..site.config.priority_areas.len()).map(Job::Priority));
    jobs.push(Job::Schedule);
    jobs.push(Job::Data);
    if views::has_glossary(site) {
        jobs.push(Job::Glossary);
    }
    jobs.push(Job::Search);
    jobs.push(Job::NotFound);
    jobs.extend((0..site.redirects.len()).map(Job::Redirect));

    let mut diags = Diagnostics::default();
    let mut owner: HashMap<String, &Job> = HashMap::new();
    for job in &jobs {
        let out = job.output(site);
        if let Some(Job::Page(id)) = owner.get(&out) {
            let path = site.pages[*id].source.clone().unwrap_or_default();
            diags.push(
                Diagnostic::new(path, format!("tämä sivu vie osoitteen /{}, jonka hyte tekee itse", out.trim_end_matches("index.html")))
                    .help("osoitteiden /kunnat/, /painopisteet/ ja /aikataulu/ sivut hyte kokoaa muiden sivujen tiedoista; nimeä tämä tiedosto tai kansio uudelleen"),
            );
        }
        owner.insert(out, job);
    }
    diags.finish()?;
    Ok(jobs)
}

/// The template of a job and what it sees.
pub(super) fn job_context(
    site: &Site,
    words: &Strings,
    job: &Job,
    site_value: &Value,
    year_values: &HashMap<i32, Value>,
) -> (String, Value) {
    let c = &site.config;
    let view = |template: &str, title: &str, url: &str, from: &[PageId], extra: Value| {
        (
            template.to_string(),
            context! {
                site => site_value.clone(),
                page => Value::from(Serde(generated(site, title, url, from))),
                breadcrumbs => Value::from(Serde(breadcrumbs(site, words, url, title))),
                ..extra
            },
        )
    };
    let none = || Value::from(());
    match job {
        Job::Page(id) => page_context(site, words, *id, site_value, year_values),
        Job::Municipalities => view(
            "municipalities.html",
            words.text("views.municipalities"),
            "/kunnat/",
            &year_pages(site),
            none(),
        ),
        Job::Municipality(i) => {
            let t = &c.municipalities[*i];
            let m = crate::config::MunicipalityId(*i);
            let from: Vec<PageId> = site
                .years
                .iter()
                .map(|y| y.page)
                .chain(site.memberships(m).iter().map(|ms| ms.group))
                .collect();
            let extra = context! {
                municipality => Value::from(Serde(t)),
                years => Value::from(Serde(municipality_years(site, m))),
            };
            view(
                "municipality.html",
                &t.name,
                &municipality_path(t),
                &from,
                extra,
            )
        }
        Job::Priorities => view(
            "priorities.html",
            words.text("views.priorities"),
            "/painopisteet/",
            &year_pages(site),
            none(),
        ),
        Job::Priority(i) => {
            let t = &c.priority_areas[*i];
            let extra = context! {
                priority => Value::from(Serde(t)),
                years => Value::from(Serde(priority_years(site, crate::config::PriorityId(*i)))),
            };
            view(
                "priority.html",
                &t.name,
                &priority_path(t),
                &year_pages(site),
                extra,
            )
        }
        Job::Schedule => view(
            "schedule.html",
            words.text("views.schedule"),
            "/aikataulu/",
            &year_pages(site),
            context! { sessions => Value::from(Serde(schedule(site))) },
        ),
        Job::Data => view(
            "data.html",
            words.text("views.data"),
            "/data/",
            &year_pages(site),
            none(),
        ),
        Job::Glossary => {
            let (url, key) = views::GLOSSARY;
            let extra = context! { terms => Value::from(Serde(&site.config.terms)) };
            view("sanasto.html", words.text(key), url, &[], extra)
        }
        Job::Search => view(
            "haku.html",
            words.text("views.search"),
            "/haku/",
            &[],
            none(),
        ),
        Job::NotFound => (
            "404.html".into(),
            context! {
                site => site_value.clone(),
                page => Value::from(Serde(generated(site, words.text("views.not_found"), "/404.html", &[]))),
                breadcrumbs => Value::from(Vec::<Value>::new()),
            },
        ),
        Job::Redirect(i) => {
            let r = &site.redirects[*i];
            let target = &site.pages[r.to];
            (
                "redirect.html".into(),
                context! {
                    site => site_value.clone(),
                    page => Value::from(Serde(generated(site, &target.title, &r.from, &[]))),
                    target => Value::from(Serde(page_view(site, r.to))),
                },
            )
        }
    }
}

/// A content page: its own view, and its year's, group's or
/// perspective's, its findings and the views that page kind shows.
fn page_context(
    site: &Site,
    words: &Strings,
    id: PageId,
    site_value: &Value,
    year_values: &HashMap<i32, Value>,
) -> (String, Value) {
    let none = || Value::from(());
    let p = &site.pages[id];
    let year = year_of(site, id);
    let matrix_rows = year
        .map(|y| matrix(site, y, &p.findings))
        .unwrap_or_default();
    // Glossary terms: the first use on the page, the summary first.
    let mut terms = term_linker(site);
    let page = page_view_linked(site, id, &mut terms);
    let ctx = context! {
        site => site_value.clone(),
        page => Value::from(Serde(page)),
        breadcrumbs => Value::from(Serde(breadcrumbs(site, words, &p.url, &p.title))),
        year => year.and_then(|y| year_values.get(&y.number).cloned()).unwrap_or_else(none),
        group => group_view(site, id).map(|g| Value::from(Serde(g))).unwrap_or_else(none),
        perspective => match &p.data {
            PageData::Perspective(pv) => Value::from(Serde(pv)),
            _ => none(),
        },
        findings => Value::from(Serde(matrix_rows)),
        parts => Value::from(Serde(parts_view(site, id, &mut terms))),
        upcoming => if p.kind == crate::model::Kind::Home {
            Value::from(Serde(upcoming(site)))
        } else {
            none()
        },
        related => Value::from(Serde(related_groups(site, id))),
        has_findings => !p.findings.is_empty(),
    };
    (p.template.clone(), ctx)
}

/// The page view of a page hyte makes from the model.
/// Its update date and sources are those of the pages it draws on.
fn generated<'a>(site: &'a Site, title: &'a str, rel: &str, from: &[PageId]) -> PageView<'a> {
    let mut sources: Vec<usize> = from
        .iter()
        .flat_map(|&id| site.pages[id].sources.iter().copied())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    PageView {
        title,
        description: "",
        kind: "generated",
        url: href(&site.config, rel),
        permalink: site.config.absolute(rel),
        summary: String::new(),
        note: "",
        content: "".into(),
        headings: &[],
        updated: from.iter().filter_map(|&id| site.pages[id].updated).max(),
        year: None,
        sources: sources.iter().map(|&i| &site.config.sources[i]).collect(),
    }
}

/// The pages of every year: year pages, groups and perspectives.
fn year_pages(site: &Site) -> Vec<PageId> {
    site.years
        .iter()
        .flat_map(|y| {
            std::iter::once(y.page)
                .chain(y.groups.iter().copied())
                .chain(y.perspectives.iter().copied())
        })
        .collect()
}
