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
use crate::i18n::Strings;
use crate::model::{PageData, PageId, Site};
use crate::routes::{Target, VIEWS, View};

/// One output file: where it goes and how it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Job {
    Page(PageId),
    /// A view of [`crate::routes::VIEWS`].
    View(View),
    Municipality(usize),
    Priority(usize),
    NotFound,
    Redirect(usize),
}

impl Job {
    /// Its site-relative URL (an old address for a redirect).
    pub(super) fn url(&self, site: &Site) -> String {
        let c = &site.config;
        let r = &site.routes;
        match self {
            Job::Page(id) => site.pages[*id].url.clone(),
            Job::View(v) => r.view(*v),
            Job::Municipality(i) => r.municipality(&c.municipalities[*i]),
            Job::Priority(i) => r.priority(&c.priority_areas[*i]),
            Job::NotFound => r.not_found(),
            Job::Redirect(i) => site.redirects[*i].from.clone(),
        }
    }

    /// The page it is in every language; None for a redirect.
    pub(super) fn target(&self) -> Option<Target> {
        Some(match *self {
            Job::Page(id) => Target::Page(id),
            Job::View(v) => Target::View(v),
            Job::Municipality(i) => Target::Municipality(i),
            Job::Priority(i) => Target::Priority(i),
            Job::NotFound => Target::NotFound,
            Job::Redirect(_) => return None,
        })
    }

    /// The file it is written to, relative to the output folder.
    pub(super) fn output(&self, site: &Site) -> String {
        crate::routes::output_file(&self.url(site))
    }
}

/// Every output file of the site, checked that a generated view does not
/// take a content page's place.
pub(super) fn jobs(site: &Site) -> Result<Vec<Job>, Error> {
    let mut jobs: Vec<Job> = (0..site.pages.len()).map(Job::Page).collect();
    jobs.extend(
        VIEWS
            .iter()
            .filter(|row| row.view != View::Glossary || views::has_glossary(site))
            .map(|row| Job::View(row.view)),
    );
    jobs.extend((0..site.config.municipalities.len()).map(Job::Municipality));
    jobs.extend((0..site.config.priority_areas.len()).map(Job::Priority));
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
        Job::View(v) => {
            let row = VIEWS
                .iter()
                .find(|row| row.view == *v)
                .expect("every view has a row");
            let extra = match v {
                View::Schedule => {
                    let v = schedule_view(site);
                    context! {
                        sessions => Value::from(Serde(v.sessions)),
                        other_years => Value::from(Serde(v.other)),
                    }
                }
                View::Glossary => context! { terms => Value::from(Serde(&site.config.terms)) },
                View::Measures => {
                    context! { groups => Value::from(Serde(measures_by_priority(site))) }
                }
                _ => none(),
            };
            // The search page and the glossary draw on no year.
            let from = match v {
                View::Search | View::Glossary => Vec::new(),
                _ => year_pages(site),
            };
            view(
                row.template,
                words.text(row.title),
                &job.url(site),
                &from,
                extra,
            )
        }
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
                measures => Value::from(Serde(measures_where(site, |x| x.municipalities.contains(&m)))),
            };
            view("municipality.html", &t.name, &job.url(site), &from, extra)
        }
        Job::Priority(i) => {
            let t = &c.priority_areas[*i];
            let p = crate::config::PriorityId(*i);
            let extra = context! {
                priority => Value::from(Serde(t)),
                years => Value::from(Serde(priority_years(site, p))),
                measures => Value::from(Serde(measures_where(site, |x| x.priorities.contains(&p)))),
            };
            view(
                "priority.html",
                &t.name,
                &job.url(site),
                &year_pages(site),
                extra,
            )
        }
        Job::NotFound => (
            "404.html".into(),
            context! {
                site => site_value.clone(),
                page => Value::from(Serde(generated(site, words.text("views.not_found"), &job.url(site), &[]))),
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
    let (upcoming, upcoming_more) = if p.kind == crate::model::Kind::Home {
        let (u, more) = upcoming(site);
        (Value::from(Serde(u)), more)
    } else {
        (none(), 0)
    };
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
        upcoming,
        upcoming_more,
        related => Value::from(Serde(related_groups(site, id))),
        measures => Value::from(Serde(measures_of_page(site, id))),
        measure_counts => Value::from(Serde(p.year.map(|y| status_counts(site, y)))),
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
        text_lang: None,
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
