//! From loaded files to a [`Site`]: resolve every reference, render every
//! body, check every rule that spans files, collect every problem.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::body::{front_hash, render_body, shifted};
use super::values::{date, sources_of};
use super::year::{group, perspective, year, year_vocabulary};
use super::*;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{Front, GROUPS_DIR, Loaded, PERSPECTIVES_DIR, Source};
use crate::markdown;

/// Builds the model. `drafts` keeps pages marked `draft = true`. The site
/// is built whatever the problems (what could not be resolved is left
/// out), so that the validate step can look at it and one run reports
/// everything; the problems come beside it.
pub fn build(loaded: Loaded, drafts: bool) -> (Site, Diagnostics) {
    let Loaded {
        root,
        today,
        config,
        sources,
        assets,
        problems,
        translations: _,
        read: _,
        words,
        values,
    } = loaded;
    let routes = crate::routes::Routes::new(&config.prefix, &words);
    let mut diags = Diagnostics::default();
    let unloaded = problems.iter().map(|d| d.path.clone()).collect();
    diags.extend(problems);
    let (sources, drafts_left_out) = without_drafts(sources, drafts, &mut diags);

    // The vocabulary of each year: which priority areas and target groups
    // its headings and goals may name.
    let mut vocabularies: HashMap<i32, (Vec<PriorityId>, Vec<TargetGroupId>)> = HashMap::new();
    for s in &sources {
        if let (Front::Year(f), Some(year)) = (&s.front, s.year) {
            vocabularies.insert(year, year_vocabulary(&config, s, f, &mut diags));
        }
    }

    // Bodies, rendered in parallel.
    // Links are written as the address shows in a browser: a Swedish page
    // links /sv/2025/, and may link a page of the main language.
    let base_path = config.base_path().to_string();
    let rendered: Vec<markdown::Rendered> = sources
        .par_iter()
        .map(|s| {
            let vocab = s
                .year
                .and_then(|y| vocabularies.get(&y))
                .map(|(ps, ts)| (ps.as_slice(), ts.as_slice()));
            render_body(&config, &base_path, s, vocab)
        })
        .collect();

    let mut pages: Vec<Page> = Vec::with_capacity(sources.len());
    let mut years: Vec<Year> = Vec::new();
    let mut owners: HashMap<String, String> = HashMap::new();
    let mut aliases: Vec<(String, usize, PageId, &Source)> = Vec::new();

    for (s, r) in sources.iter().zip(rendered) {
        let id = pages.len();
        let url = routes.content(&s.segments);
        claim_url(&mut owners, &url, &s.path, &mut diags);
        for a in s.front.page().aliases {
            aliases.push((a.value.clone(), s.line(a), id, s));
        }
        let data = match &s.front {
            Front::Year(f) => {
                let (priorities, target_groups) = vocabularies
                    .get(&s.year.unwrap_or_default())
                    .cloned()
                    .unwrap_or_default();
                years.push(year(
                    &config,
                    s,
                    f,
                    id,
                    priorities,
                    target_groups,
                    &mut diags,
                ));
                PageData::Year(years.len() - 1)
            }
            Front::Group(f) => PageData::Group(group(&config, s, f, &mut diags)),
            Front::Perspective(f) => PageData::Perspective(perspective(s, f, &mut diags)),
            Front::Page(_) => PageData::None,
        };
        pages.push(page(&config, s, r, url, data, &mut diags));
    }

    add_section_pages(&mut pages, &years, &mut owners, &routes, &words, &config);
    link_years(&mut years, &pages, &sources, &routes, &mut diags);
    let redirects = super::redirects::redirects(aliases, &owners, &mut diags);

    years.sort_by_key(|y| y.number);
    // Pages keep their ids; years point at them.
    for (i, y) in years.iter().enumerate() {
        pages[y.page].data = PageData::Year(i);
    }
    let by_url = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.url.clone(), i))
        .collect();
    let member_of = query::member_index(config.municipalities.len(), &years, &pages);
    let (measures, followups, values) =
        super::measures::of_site(&config, &sources, &pages, &years, &values, &mut diags);
    let pages = pages.into_iter().map(Arc::new).collect();
    let site = Site {
        today,
        root,
        unloaded,
        drafts_left_out,
        config,
        pages,
        years,
        assets,
        redirects,
        by_url,
        member_of,
        routes,
        words,
        measures,
        followups,
        values,
    };
    (site, diags)
}

fn default_template(kind: Kind) -> &'static str {
    match kind {
        Kind::Home => "index.html",
        Kind::Year => "year.html",
        Kind::Section => "section.html",
        Kind::Group => "group.html",
        Kind::Perspective => "perspective.html",
        Kind::Page => "page.html",
    }
}

fn claim_url(
    owners: &mut HashMap<String, String>,
    url: &str,
    path: &Path,
    diags: &mut Diagnostics,
) {
    let me = crate::diagnostic::shown(path).display().to_string();
    if let Some(other) = owners.get(url) {
        diags.push(
            Diagnostic::new(
                path,
                format!("kahdella sivulla on sama osoite {url}: tällä tiedostolla ja tiedostolla {other}"),
            )
            .help("nimeä toinen tiedostoista uudelleen tai poista se, tai anna toiselle oma `slug`"),
        );
    } else {
        owners.insert(url.to_string(), me);
    }
}

/// The page of one content file: its front matter's common keys, its
/// rendered body with file lines, and what it is beyond its text.
fn page(
    config: &Config,
    s: &Source,
    r: markdown::Rendered,
    url: String,
    data: PageData,
    diags: &mut Diagnostics,
) -> Page {
    let common = s.front.page();
    if common.title.trim().is_empty() {
        diags.push(
            Diagnostic::new(&s.path, "sivun otsikko (title) on tyhjä")
                .at_line(s.line(common.title))
                .help("kirjoita sivun otsikko lainausmerkkeihin, esim. title = \"Jyväskylä ja Muurame\""),
        );
    }
    let mut findings = r.findings;
    for f in &mut findings {
        f.line = s.body_line + f.line - 1;
    }
    // In another language, a translated page's body and texts are its
    // translation's, and so are the file and lines its problems name.
    let main = config.prefix.is_empty();
    let (source, summary_line) = match &s.translation {
        Some(t) => (t.path.clone(), t.summary_line),
        None => (
            s.path.clone(),
            s.line(common.summary.unwrap_or(common.title)),
        ),
    };
    Page {
        source: Some(source),
        kind: s.kind,
        url,
        lang: config.language.clone(),
        translated: main || s.translation.is_some(),
        title: common.title.trim().to_string(),
        description: common.description.to_string(),
        weight: common.weight,
        updated: common.updated.and_then(|d| date(d, s, "updated", diags)),
        template: common
            .template
            .map(str::to_string)
            .unwrap_or_else(|| default_template(s.kind).to_string()),
        year: s.year,
        draft: common.draft,
        summary: common.summary_text(),
        note: common.note.trim().to_string(),
        summary_line,
        parts: r.parts,
        headings: r.headings,
        findings,
        outline: shifted(r.outline, s.body_line),
        sources: sources_of(config, s, common.sources, diags),
        data,
        front_hash: front_hash(&s.front_text),
    }
}

/// The sources a build publishes: drafts only with `drafts`. A draft
/// year hides the whole year, so its other pages must be drafts too.
fn without_drafts(
    sources: Vec<Source>,
    drafts: bool,
    diags: &mut Diagnostics,
) -> (Vec<Source>, Vec<PathBuf>) {
    if drafts {
        return (sources, Vec::new());
    }
    let draft_years: Vec<(i32, PathBuf)> = sources
        .iter()
        .filter(|s| s.kind == Kind::Year && s.front.page().draft)
        .filter_map(|s| Some((s.year?, s.path.clone())))
        .collect();
    let (left_out, sources): (Vec<Source>, Vec<Source>) =
        sources.into_iter().partition(|s| s.front.page().draft);
    for s in &sources {
        if let Some((_, year_page)) = draft_years.iter().find(|(y, _)| Some(*y) == s.year) {
            diags.push(
                Diagnostic::new(&s.path, format!("tämä sivu julkaistaan, mutta sen vuoden sivu {} on luonnos (draft = true)", crate::diagnostic::shown(year_page).display()))
                    .help("poista `draft = true` vuoden sivulta, kun vuosi julkaistaan, tai lisää `draft = true` myös tälle sivulle"),
            );
        }
    }
    (sources, left_out.into_iter().map(|s| s.path).collect())
}

/// Listing pages for `kuntaryhmat/` and `nakokulmat/` where the author
/// wrote none.
fn add_section_pages(
    pages: &mut Vec<Page>,
    years: &[Year],
    owners: &mut HashMap<String, String>,
    routes: &crate::routes::Routes,
    words: &crate::i18n::Strings,
    config: &Config,
) {
    for y in years {
        for (dir, title, kind) in [
            (GROUPS_DIR, "sections.groups", Kind::Group),
            (PERSPECTIVES_DIR, "sections.perspectives", Kind::Perspective),
        ] {
            let url = routes.year_folder(y.number, dir);
            let title = words.text(title).replace("{year}", &y.number.to_string());
            let used = pages
                .iter()
                .any(|p| p.kind == kind && p.year == Some(y.number));
            if used && !owners.contains_key(&url) {
                owners.insert(url.clone(), "hyten tekemä luettelosivu".into());
                pages.push(Page {
                    source: None,
                    kind: Kind::Section,
                    url,
                    lang: config.language.clone(),
                    translated: true,
                    title,
                    description: String::new(),
                    weight: 0,
                    updated: None,
                    template: "section.html".into(),
                    year: Some(y.number),
                    draft: false,
                    summary: String::new(),
                    summary_line: 0,
                    note: String::new(),
                    parts: Vec::new(),
                    outline: Default::default(),
                    headings: Vec::new(),
                    findings: Vec::new(),
                    sources: Vec::new(),
                    data: PageData::None,
                    front_hash: 0,
                });
            }
        }
    }
}

/// Fills each year's lists of pages and its group sessions, and resolves
/// session `page` references.
fn link_years(
    years: &mut [Year],
    pages: &[Page],
    sources: &[Source],
    routes: &crate::routes::Routes,
    diags: &mut Diagnostics,
) {
    let by_url: HashMap<&str, PageId> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.url.as_str(), i))
        .collect();
    for y in years.iter_mut() {
        let mut ids: Vec<PageId> = (0..pages.len())
            .filter(|&i| pages[i].year == Some(y.number) && i != y.page)
            .collect();
        ids.sort_by(|&a, &b| order(&pages[a], &pages[b]));
        for id in ids {
            match (&pages[id].kind, &pages[id].data) {
                (Kind::Group, PageData::Group(_)) => y.groups.push(id),
                (Kind::Perspective, _) => y.perspectives.push(id),
                (Kind::Page, _) => y.pages.push(id),
                _ => {}
            }
        }
        let written = sources.iter().find_map(|s| match &s.front {
            Front::Year(f) if s.year == Some(y.number) => Some((s, f)),
            _ => None,
        });
        if let Some((s, f)) = written {
            // Before group sessions are added, sessions are in written order.
            for (session, sf) in y.sessions.iter_mut().zip(&f.sessions) {
                let Some(reference) = &sf.page else { continue };
                let url = routes.year_folder(y.number, reference);
                match by_url.get(url.as_str()) {
                    Some(&id) => session.page = Some(id),
                    None => diags.push(
                        Diagnostic::new(&s.path, format!("tilaisuus \"{}\" viittaa sivuun \"{reference}\", jota ei ole", session.title))
                            .at_line(s.line(reference))
                            .help(format!("`page` on sivun polku kansion content/{}/ sisällä ilman .md-päätettä, esim. page = \"nakokulmat/jarjestot\"", y.number)),
                    ),
                }
            }
        }
        for &g in &y.groups {
            if let PageData::Group(group) = &pages[g].data {
                y.sessions.push(Session {
                    title: pages[g].title.clone(),
                    date: group.date,
                    end_date: None,
                    start_time: group.start_time,
                    end_time: group.end_time,
                    when: None,
                    until: None,
                    line: 0,
                    location: group.location.clone(),
                    description: group.summary.clone(),
                    page: Some(g),
                    group: Some(g),
                    planned: false,
                });
            }
        }
        // Dated first by date and time; undated keep their written order.
        y.sessions
            .sort_by_key(|s| (s.date.is_none(), s.date, s.start_time));
        y.decisions.sort_by_key(|d| d.date);
        y.groups.sort_by_key(|&g| match &pages[g].data {
            PageData::Group(group) => (group.date.is_none(), group.date),
            _ => (true, None),
        });
    }
}

/// Sibling order: weight, then title.
fn order(a: &Page, b: &Page) -> std::cmp::Ordering {
    (a.weight, &a.title).cmp(&(b.weight, &b.title))
}
