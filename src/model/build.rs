//! From loaded files to a [`Site`]: resolve every reference, render every
//! body, check every rule that spans files, collect every problem.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::{Date, Time};
use rayon::prelude::*;
use toml::value::Datetime;

use super::*;
use crate::config::{STATEMENT_TEMPLATE, Term, TermKind, did_you_mean, missing_accessibility};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::frontmatter::{At, GroupFront, PerspectiveFront, YearFront};
use crate::load::{Front, GROUPS_DIR, Loaded, PERSPECTIVES_DIR, Source};
use crate::markdown;

/// Builds the model. `drafts` keeps pages marked `draft = true`. The site
/// is built whatever the problems (what could not be resolved is left
/// out), so that the validate step can look at it and one run reports
/// everything; the problems come beside it.
pub fn build(loaded: Loaded, drafts: bool) -> (Site, Diagnostics) {
    let Loaded {
        root,
        config,
        sources,
        assets,
        problems,
    } = loaded;
    let mut diags = Diagnostics::default();
    // Years with a group page that failed to load: which municipalities
    // are in no group cannot be told there.
    let broken_groups: Vec<i32> = problems
        .iter()
        .filter_map(|d| {
            let parts: Vec<String> = d
                .path
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            parts
                .windows(2)
                .find(|w| w[1] == GROUPS_DIR)
                .and_then(|w| w[0].parse().ok())
        })
        .collect();
    diags.extend(problems);
    // A draft year hides the whole year: its other pages must be drafts too.
    let draft_years: Vec<(i32, PathBuf)> = sources
        .iter()
        .filter(|s| !drafts && s.kind == Kind::Year && s.front.page().draft)
        .filter_map(|s| Some((s.year?, s.path.clone())))
        .collect();
    let sources: Vec<Source> = sources
        .into_iter()
        .filter(|s| drafts || !s.front.page().draft)
        .collect();
    for s in &sources {
        if let Some((_, year_page)) = draft_years.iter().find(|(y, _)| Some(*y) == s.year) {
            diags.push(
                Diagnostic::new(&s.path, format!("tämä sivu julkaistaan, mutta sen vuoden sivu {} on luonnos (draft = true)", crate::diagnostic::shown(year_page).display()))
                    .help("poista `draft = true` vuoden sivulta, kun vuosi julkaistaan, tai lisää `draft = true` myös tälle sivulle"),
            );
        }
    }

    // The vocabulary of each year: which priority areas and target groups
    // its headings and goals may name.
    let mut vocabularies: HashMap<i32, (Vec<PriorityId>, Vec<TargetGroupId>)> = HashMap::new();
    for s in &sources {
        if let (Front::Year(f), Some(year)) = (&s.front, s.year) {
            vocabularies.insert(year, year_vocabulary(&config, s, f, &mut diags));
        }
    }
    for s in &sources {
        // A year page that exists but failed to parse is reported already.
        if let Some(year) = s.year
            && !vocabularies.contains_key(&year)
            && s.kind != Kind::Year
            && !root
                .join("content")
                .join(year.to_string())
                .join("_index.md")
                .exists()
        {
            diags.push(
                    Diagnostic::new(&s.path, format!("vuodella {year} ei ole omaa sivua"))
                        .help(format!("luo tiedosto content/{year}/_index.md, jossa on title ja status (komento hyte new year {year} tekee sen valmiiksi; katso myös docs/content-format.md)")),
                );
        }
    }

    // Bodies, rendered in parallel.
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
        let file_line = |line: usize| s.body_line + line - 1;
        let common = s.front.page();
        if common.title.trim().is_empty() {
            diags.push(
                Diagnostic::new(&s.path, "sivun otsikko (title) on tyhjä")
                    .at_line(s.line(common.title))
                    .help("kirjoita sivun otsikko lainausmerkkeihin, esim. title = \"Jyväskylä ja Muurame\""),
            );
        }
        let url = url_of(&s.segments);
        claim_url(&mut owners, &url, &s.path, &mut diags);
        let id = pages.len();
        for a in common.aliases {
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
        let mut findings = r.findings;
        for f in &mut findings {
            f.line = file_line(f.line);
        }
        pages.push(Page {
            source: Some(s.path.clone()),
            kind: s.kind,
            url,
            title: common.title.trim().to_string(),
            description: common.description.to_string(),
            weight: common.weight,
            updated: common
                .updated
                .and_then(|d| date(d, s, "updated", &mut diags)),
            template: common
                .template
                .map(str::to_string)
                .unwrap_or_else(|| default_template(s.kind).to_string()),
            year: s.year,
            draft: common.draft,
            content: r.html,
            parts: r.parts,
            headings: r.headings,
            findings,
            outline: shifted(r.outline, s.body_line),
            sources: sources_of(&config, s, common.sources, &mut diags),
            data,
            front_hash: front_hash(&s.front_text),
        });
    }

    let home = root.join("content").join("_index.md");
    if !pages.iter().any(|p| p.kind == Kind::Home) && !home.exists() {
        diags.push(
            Diagnostic::new(&home, "etusivu puuttuu")
                .help("luo tiedosto content/_index.md, jossa on ainakin otsikko (title)"),
        );
    }

    // The accessibility statement takes its facts from site.toml.
    if config.accessibility.is_none() {
        for p in pages.iter().filter(|p| p.template == STATEMENT_TEMPLATE) {
            if let Some(src) = &p.source {
                let rel = src.strip_prefix(&root).unwrap_or(src);
                diags.push(missing_accessibility(&root.join("site.toml"), rel));
            }
        }
    }

    add_section_pages(&mut pages, &years, &mut owners);
    link_years(&mut years, &pages, &sources, &mut diags);
    check_groups(&config, &pages, &years, &broken_groups, &mut diags);
    let redirects = redirects(aliases, &owners, &mut diags);

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
    let pages = pages.into_iter().map(Arc::new).collect();
    let site = Site {
        root,
        config,
        pages,
        years,
        assets,
        redirects,
        by_url,
        member_of,
    };
    (site, diags)
}

/// The source documents a page names, as indexes into `config.sources`.
fn sources_of(
    config: &Config,
    s: &Source,
    ids: &[At<String>],
    diags: &mut Diagnostics,
) -> Vec<usize> {
    let mut out = Vec::new();
    for id in ids {
        match config.sources.iter().position(|d| d.id == id.as_str()) {
            Some(i) => out.push(i),
            None => {
                let known: Vec<&str> = config.sources.iter().map(|d| d.id.as_str()).collect();
                let close = crate::diagnostic::suggest(id, known.iter().copied());
                let help = match close.first() {
                    Some(c) => format!(
                        "tarkoititko \"{c}\"? (lähteet on lueteltu site.toml-tiedostossa [[sources]]-taulukkoina)"
                    ),
                    None if known.is_empty() => {
                        "lisää lähde site.toml-tiedostoon [[sources]]-taulukkona, jonka id on tämä"
                            .to_string()
                    }
                    None => format!(
                        "lisää lähde site.toml-tiedostoon [[sources]]-taulukkona, jonka id on tämä; siellä nyt olevat id:t ovat: {}",
                        known.join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::new(
                        &s.path,
                        format!("lähdettä \"{id}\" ei ole site.toml-tiedostossa"),
                    )
                    .at_line(s.line(id))
                    .help(help),
                );
            }
        }
    }
    out
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

fn url_of(segments: &[String]) -> String {
    if segments.is_empty() {
        "/".to_string()
    } else {
        format!("/{}/", segments.join("/"))
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

/// A TOML date as a calendar date; a date with a time is an error.
fn date(dt: &At<Datetime>, s: &Source, key: &str, diags: &mut Diagnostics) -> Option<Date> {
    let converted = crate::config::civil_date(dt);
    match converted {
        Ok(d) => Some(d),
        Err(e) => {
            diags.push(
                Diagnostic::new(&s.path, format!("`{key}` = {dt} ei ole kelvollinen päivämäärä: {e}"))
                    .at_line(s.line(dt))
                    .help("kirjoita päivämäärä ilman lainausmerkkejä muodossa VVVV-KK-PP, esim. 2025-10-23; kellonajat kirjoitetaan avaimiin start_time ja end_time"),
            );
            None
        }
    }
}

/// A date that must fall in the page's year (sessions, groups,
/// perspectives; decisions may come later and are not checked).
fn date_in_year(dt: &At<Datetime>, s: &Source, key: &str, diags: &mut Diagnostics) -> Option<Date> {
    let d = date(dt, s, key, diags)?;
    if let Some(year) = s.year
        && i32::from(d.year()) != year
    {
        diags.push(
            Diagnostic::new(
                &s.path,
                format!("`{key}` = {dt} ei ole vuonna {year}, jota tämä sivu koskee"),
            )
            .at_line(s.line(dt))
            .help(format!(
                "korjaa päivämäärä tai siirrä sivu kansioon content/{}/",
                d.year()
            )),
        );
    }
    Some(d)
}

/// "08:15" or "8.15" as a time of day.
fn time(
    value: &Option<At<String>>,
    s: &Source,
    key: &str,
    diags: &mut Diagnostics,
) -> Option<Time> {
    let at = value.as_ref()?;
    let text: &str = at;
    let parsed = text
        .split_once([':', '.'])
        .and_then(|(h, m)| Some((h.trim().parse::<i8>().ok()?, m.trim().parse::<i8>().ok()?)))
        .filter(|_| text.len() <= 5)
        .and_then(|(h, m)| Time::new(h, m, 0, 0).ok());
    if parsed.is_none() {
        diags.push(
            Diagnostic::new(&s.path, format!("`{key}` = \"{text}\" ei ole kellonaika"))
                .at_line(s.line(at))
                .help("kirjoita kellonaika lainausmerkkeihin muodossa \"TT:MM\", esim. \"08:15\""),
        );
    }
    parsed
}

fn resolve_terms<I: Copy>(
    names: &[At<String>],
    terms: &[Term],
    make: impl Fn(usize) -> I,
    what: TermKind,
    s: &Source,
    diags: &mut Diagnostics,
) -> Vec<I> {
    let mut out = Vec::new();
    for name in names {
        let slug = crate::slug::slugify(name);
        match terms.iter().position(|t| t.has_slug(&slug)) {
            Some(i) => out.push(make(i)),
            None => diags.push(
                Diagnostic::new(
                    &s.path,
                    format!(
                        "{} \"{name}\" ei ole site.toml-tiedostossa",
                        what.partitive()
                    ),
                )
                .at_line(s.line(name))
                .help(did_you_mean(what.word(), name, terms)),
            ),
        }
    }
    out
}

/// Help for a goal's priority area or target group that is not one of
/// the year's (`year` indexes `all`; `key` is the year's list of them).
fn not_of_year(kind: TermKind, name: &str, all: &[Term], year: &[usize], key: &str) -> String {
    let names: Vec<&str> = year.iter().map(|&i| all[i].name.as_str()).collect();
    if let Some(t) = all.iter().find(|t| t.matches(name)) {
        let also = if names.is_empty() {
            String::new()
        } else {
            format!(" tai käytä jotakin näistä: {}", names.join(", "))
        };
        return format!(
            "\"{}\" on site.toml-tiedoston {}, mutta tämä vuosi ei käytä sitä; lisää se vuoden _index.md-tiedoston `{key}`-luetteloon{also}",
            t.name,
            kind.word()
        );
    }
    if names.is_empty() {
        return format!(
            "tällä vuodella ei ole yhtään {}; luettele ne vuoden _index.md-tiedoston `{key}`-luettelossa",
            kind.partitive()
        );
    }
    let close = crate::diagnostic::suggest(name, names.iter().copied());
    match close.first() {
        Some(c) => format!(
            "tarkoititko \"{c}\"? Tämän vuoden {}: {}",
            kind.plural(),
            names.join(", ")
        ),
        None => format!(
            "tämän vuoden {} ovat: {}; uusi {} lisätään ensin site.toml-tiedostoon ja sitten vuoden `{key}`-luetteloon",
            kind.plural(),
            names.join(", "),
            kind.word()
        ),
    }
}

fn year_vocabulary(
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

fn year(
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
        status: f.status,
        summary: f.summary.clone(),
        priorities,
        target_groups,
        // `page` references are resolved in `link_years`, once all pages exist.
        sessions,
        decisions,
        goals,
        groups: Vec::new(),
        perspectives: Vec::new(),
        pages: Vec::new(),
    }
}

fn group(config: &Config, s: &Source, f: &GroupFront, diags: &mut Diagnostics) -> Group {
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
    Group {
        municipalities,
        lines,
        date: f
            .date
            .as_ref()
            .and_then(|d| date_in_year(d, s, "date", diags)),
        start_time: time(&f.start_time, s, "start_time", diags),
        end_time: time(&f.end_time, s, "end_time", diags),
        location: f.location.clone(),
        summary: f.summary.clone(),
    }
}

fn perspective(s: &Source, f: &PerspectiveFront, diags: &mut Diagnostics) -> Perspective {
    Perspective {
        date: f
            .date
            .as_ref()
            .and_then(|d| date_in_year(d, s, "date", diags)),
        summary: f.summary.clone(),
    }
}

/// Listing pages for `kuntaryhmat/` and `nakokulmat/` where the author
/// wrote none.
fn add_section_pages(pages: &mut Vec<Page>, years: &[Year], owners: &mut HashMap<String, String>) {
    for y in years {
        for (dir, title, kind) in [
            (GROUPS_DIR, "Kuntaryhmät", Kind::Group),
            (PERSPECTIVES_DIR, "Näkökulmat", Kind::Perspective),
        ] {
            let url = format!("/{}/{dir}/", y.number);
            let used = pages
                .iter()
                .any(|p| p.kind == kind && p.year == Some(y.number));
            if used && !owners.contains_key(&url) {
                owners.insert(url.clone(), "hyten tekemä luettelosivu".into());
                pages.push(Page {
                    source: None,
                    kind: Kind::Section,
                    url,
                    title: format!("{title} {}", y.number),
                    description: String::new(),
                    weight: 0,
                    updated: None,
                    template: "section.html".into(),
                    year: Some(y.number),
                    draft: false,
                    content: String::new(),
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
fn link_years(years: &mut [Year], pages: &[Page], sources: &[Source], diags: &mut Diagnostics) {
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
                let url = format!("/{}/{}/", y.number, reference.trim_matches('/'));
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

/// The body of `s` rendered; `vocab` is the priority areas and target
/// groups of its year.
fn render_body(
    config: &Config,
    base_path: &str,
    s: &Source,
    vocab: Option<(&[PriorityId], &[TargetGroupId])>,
) -> markdown::Rendered {
    let vocab = match (s.kind, vocab) {
        (Kind::Year | Kind::Group | Kind::Perspective, Some((ps, ts))) => {
            Some(vocabulary(config, ps, ts))
        }
        _ => None,
    };
    markdown::render_page(
        &s.body,
        vocab.as_ref(),
        &markdown::Links {
            base_path,
            statute_url: &config.statute_url,
            leaf: !s.path.ends_with("_index.md"),
        },
    )
}

/// An outline with body lines made file lines.
fn shifted(mut outline: markdown::Outline, body_line: usize) -> markdown::Outline {
    outline.shift(body_line - 1);
    outline
}

/// The site with one page's body replaced by that of `s`, its file read
/// again after an edit; None unless that is all that changed (the front
/// matter is as before). The preview server uses it to skip a full
/// rebuild, once the validate step finds no error in the new page.
pub fn update_body(site: &Site, s: &Source) -> Option<(Site, PageId)> {
    let id = site
        .pages
        .iter()
        .position(|p| p.source.as_deref() == Some(s.path.as_path()))?;
    let old = &site.pages[id];
    if old.front_hash != front_hash(&s.front_text) || old.kind != s.kind {
        return None;
    }
    let year = s.year.and_then(|y| site.year(y));
    let vocab = year.map(|y| (y.priorities.as_slice(), y.target_groups.as_slice()));
    let r = render_body(&site.config, site.config.base_path(), s, vocab);
    let mut page = Page::clone(old);
    page.outline = shifted(r.outline, s.body_line);
    page.content = r.html;
    page.parts = r.parts;
    page.headings = r.headings;
    page.findings = r.findings;
    for f in &mut page.findings {
        f.line = s.body_line + f.line - 1;
    }
    let mut next = site.clone();
    next.pages[id] = Arc::new(page);
    Some((next, id))
}

/// See [`Page::front_hash`].
pub fn front_hash(front_text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    front_text.hash(&mut h);
    h.finish()
}

/// Sibling order: weight, then title.
fn order(a: &Page, b: &Page) -> std::cmp::Ordering {
    (a.weight, &a.title).cmp(&(b.weight, &b.title))
}

/// A municipality belongs to at most one group a year.
fn check_groups(
    config: &Config,
    pages: &[Page],
    years: &[Year],
    broken: &[i32],
    diags: &mut Diagnostics,
) {
    for y in years {
        let mut seen: HashMap<MunicipalityId, &Page> = HashMap::new();
        for &g in &y.groups {
            let PageData::Group(group) = &pages[g].data else {
                continue;
            };
            for (i, &m) in group.municipalities.iter().enumerate() {
                if let Some(other) = seen.get(&m) {
                    let path = pages[g].source.clone().unwrap_or_default();
                    let name = &config.municipalities[m.0].name;
                    diags.push(
                        Diagnostic::new(&path, format!(
                            "{name} on kahdessa vuoden {} kuntaryhmässä: tässä ja tiedostossa {}",
                            y.number,
                            crate::diagnostic::shown(other.source.as_deref().unwrap_or(Path::new("?"))).display()
                        ))
                        .with_line(group.lines.get(i).copied())
                        .help("kunta kuuluu vuodessa yhteen kuntaryhmään; poista se toisesta"),
                    );
                } else {
                    seen.insert(m, &pages[g]);
                }
            }
        }
        // A year that uses groups negotiates with every municipality; a
        // planned year may still be putting its groups together.
        if y.groups.is_empty() || broken.contains(&y.number) || y.status == YearStatus::Planned {
            continue;
        }
        let missing: Vec<&str> = (0..config.municipalities.len())
            .filter(|&i| !seen.contains_key(&MunicipalityId(i)))
            .map(|i| config.municipalities[i].name.as_str())
            .collect();
        if !missing.is_empty() {
            let path = pages[y.page].source.clone().unwrap_or_default();
            diags.push(
                Diagnostic::new(&path, format!("vuonna {} nämä kunnat eivät ole missään kuntaryhmässä: {}", y.number, missing.join(", ")))
                    .help(format!(
                        "kun vuodella on kuntaryhmien sivuja, jokaisen site.toml-tiedoston kunnan pitää kuulua yhteen ryhmään; lisää ne jonkin kansiossa content/{}/kuntaryhmat/ olevan sivun municipalities-luetteloon",
                        y.number
                    )),
            );
        }
    }
}

fn redirects(
    aliases: Vec<(String, usize, PageId, &Source)>,
    owners: &HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<Redirect> {
    let mut out: Vec<Redirect> = Vec::new();
    for (alias, line, to, s) in aliases {
        let valid = alias.starts_with('/')
            && !alias.starts_with("//")
            && !alias.split('/').any(|seg| seg == ".." || seg == ".")
            && !alias.contains(['?', '#', '\\', ' ']);
        if !valid {
            diags.push(
                Diagnostic::new(&s.path, format!("uudelleenohjaus (alias) \"{alias}\" ei ole tämän sivuston osoite"))
                    .at_line(line)
                    .help("alias on tämän sivuston vanha osoite, joka alkaa kauttaviivalla, esim. \"/2025/ryhmat/jkl/\"; siinä ei ole verkkotunnusta, ?- tai #-merkkiä eikä välilyöntejä"),
            );
            continue;
        }
        let from = if alias.ends_with('/') || alias.ends_with(".html") {
            alias.clone()
        } else {
            format!("{alias}/")
        };
        if let Some(owner) = owners.get(&from) {
            diags.push(
                Diagnostic::new(
                    &s.path,
                    format!("uudelleenohjaus (alias) {from} on jo sivun osoite: {owner}"),
                )
                .at_line(line)
                .help("uudelleenohjaus ei voi korvata olemassa olevaa sivua; poista alias tai siirrä sivu"),
            );
        } else if out.iter().any(|r| r.from == from) {
            diags.push(
                Diagnostic::new(
                    &s.path,
                    format!("uudelleenohjaus (alias) {from} on annettu kahdesti"),
                )
                .at_line(line)
                .help("vanha osoite voi ohjata vain yhdelle sivulle; poista toinen"),
            );
        } else {
            out.push(Redirect { from, to });
        }
    }
    out
}
