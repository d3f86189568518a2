//! What templates see: small serializable views of the model, with URLs
//! already joined to the base path and ids replaced by names.
//!
//! Site-wide values are converted once per build ([`SiteView`]); a page's
//! view holds only what differs per page. The views of one year (its
//! page, its groups' pages and bodies) are in `year.rs`; the views across
//! years (a municipality, a priority area, the schedule) in `cross.rs`.

mod cross;
mod measures;
pub mod window;
mod year;

pub use cross::*;
pub use measures::*;
pub use window::Windowed;
pub use year::*;

use serde::Serialize;

use crate::config::{Accessibility, Config, Contact, Region, SourceDoc, Statute, Term};
use crate::i18n::Strings;
use crate::model::{Heading, Kind, PageId, Site, Stage};
use crate::routes::{VIEWS, View, ViewRow};

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
    /// The hrefs of the views, feed and calendar in this language.
    pub urls: Urls,
}

/// Where the pages and files a template links to are, in the page's
/// language (hrefs with the base path).
#[derive(Debug, Serialize)]
pub struct Urls {
    pub home: String,
    pub search: String,
    pub municipalities: String,
    pub priorities: String,
    pub schedule: String,
    pub data: String,
    pub glossary: String,
    pub measures: String,
    pub feed: String,
    pub calendar: String,
    /// The search index's folder.
    pub search_index: String,
}

fn urls(site: &Site) -> Urls {
    let r = &site.routes;
    let h = |url: String| href(&site.config, &url);
    Urls {
        home: h(r.home()),
        search: h(r.view(View::Search)),
        municipalities: h(r.view(View::Municipalities)),
        priorities: h(r.view(View::Priorities)),
        schedule: h(r.view(View::Schedule)),
        data: h(r.view(View::Data)),
        glossary: h(r.view(View::Glossary)),
        measures: h(r.view(View::Measures)),
        feed: h(r.feed()),
        calendar: h(r.calendar(None)),
        search_index: h(format!("/{}", r.search_dir())),
    }
}

/// Site-relative `/x/` → href with the base path.
pub fn href(config: &Config, rel: &str) -> String {
    format!("{}{}", config.base_path(), rel.trim_start_matches('/'))
}

/// The site-relative URL of a municipality's page.
pub fn municipality_path(site: &Site, t: &Term) -> String {
    site.routes.municipality(t)
}

/// The site-relative URL of a priority area's page.
pub fn priority_path(site: &Site, t: &Term) -> String {
    site.routes.priority(t)
}

pub fn municipality_url(site: &Site, t: &Term) -> String {
    href(&site.config, &municipality_path(site, t))
}

pub fn priority_url(site: &Site, t: &Term) -> String {
    href(&site.config, &priority_path(site, t))
}

pub fn site_view<'a>(site: &'a Site, words: &Strings) -> SiteView<'a> {
    let c = &site.config;
    let r = &site.routes;
    let terms = |ts: &[Term], url: fn(&Site, &Term) -> String| {
        ts.iter()
            .map(|t| TermView {
                name: t.name.clone(),
                slug: t.slug.clone(),
                description: t.description.clone(),
                url: url(site, t),
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
        urls: urls(site),
        nav: existing(
            site,
            words,
            &[
                r.view(View::Municipalities),
                r.view(View::Priorities),
                r.view(View::Schedule),
                r.view(View::Measures),
                r.page("laki"),
            ],
        ),
        footer: existing(
            site,
            words,
            &[
                r.page("saavutettavuus"),
                r.view(View::Data),
                r.page("laki"),
                r.view(View::Glossary),
            ],
        ),
    }
}

/// The generated view at `url` with its row of [`VIEWS`], if the site
/// has it.
fn generated_view(site: &Site, url: &str) -> Option<&'static ViewRow> {
    VIEWS
        .iter()
        .filter(|row| row.view != View::Glossary || has_glossary(site))
        .find(|row| site.routes.view(row.view) == url)
}

/// Whether the site has the glossary page.
pub fn has_glossary(site: &Site) -> bool {
    !site.config.terms.is_empty()
}

/// Links the first use of each glossary term in one page's bodies.
pub fn term_linker(site: &Site) -> super::terms::Linker<'_> {
    super::terms::Linker::new(
        &site.config.terms,
        href(&site.config, &site.routes.view(View::Glossary)),
    )
}

/// Links to those of `candidates` (URLs) that exist on this site. A page
/// written in content/ is named by its own title, so the menu and the
/// page's heading never call it two things; a generated view by the
/// language file's title.
fn existing(site: &Site, words: &Strings, candidates: &[String]) -> Vec<Link> {
    candidates
        .iter()
        .filter_map(|url| {
            let title = match site.pages.iter().find(|p| p.url == *url) {
                Some(p) => p.title.clone(),
                None => match generated_view(site, url) {
                    Some(row) => words.text(row.title).to_string(),
                    None => return None,
                },
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
    /// The plain-language summary ("Lyhyesti") as HTML paragraphs, with
    /// the first use of each glossary term linked; may be empty.
    pub summary: String,
    /// Editorial notes, shown with the sources.
    pub note: &'a str,
    /// The body, with the first use of each glossary term linked.
    pub content: std::borrow::Cow<'a, str>,
    pub headings: &'a [Heading],
    pub updated: Option<jiff::civil::Date>,
    pub year: Option<i32>,
    pub sources: Vec<&'a SourceDoc>,
    /// The language of the page's own text where it is not the page's
    /// (a page with no translation): its elements get `lang`.
    pub text_lang: Option<&'a str>,
}

pub fn page_view<'a>(site: &'a Site, id: PageId) -> PageView<'a> {
    page_view_linked(site, id, &mut term_linker(site))
}

/// [`page_view`], linking glossary terms with `terms`: the summary first,
/// then the body, so a term's first use on the page is the one linked.
/// `terms` is left as after the summary, for the page's parts.
pub fn page_view_linked<'a>(
    site: &'a Site,
    id: PageId,
    terms: &mut super::terms::Linker<'_>,
) -> PageView<'a> {
    let p = &site.pages[id];
    let summary = terms.link(&summary_html(&p.summary)).into_owned();
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
        summary,
        note: &p.note,
        content: std::borrow::Cow::Owned(terms.clone().link(&p.content()).into_owned()),
        headings: &p.headings,
        updated: p.updated,
        year: p.year,
        sources: p.sources.iter().map(|&i| &site.config.sources[i]).collect(),
        text_lang: (!p.translated).then_some(p.lang.as_str()),
    }
}

/// Plain text as escaped HTML paragraphs (blank lines part them).
pub fn summary_html(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        // Escaped as templates escape every value.
        .map(|p| format!("<p>{}</p>", minijinja::HtmlEscape(&p)))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn link(site: &Site, id: PageId) -> Link {
    Link {
        title: site.pages[id].title.clone(),
        url: href(&site.config, &site.pages[id].url),
    }
}

/// The trail from the front page to a page (the page itself last).
pub fn breadcrumbs(site: &Site, words: &Strings, rel: &str, title: &str) -> Vec<Link> {
    let mut out = vec![Link {
        title: words.text("views.home").into(),
        url: href(&site.config, &site.routes.home()),
    }];
    let home = site.routes.home();
    let segments: Vec<&str> = rel
        .trim_start_matches(home.as_str())
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    for i in 1..segments.len() {
        let prefix = format!("{home}{}/", segments[..i].join("/"));
        let title = site
            .page_at(&prefix)
            .map(|p| p.title.as_str())
            .or_else(|| generated_view(site, &prefix).map(|row| words.text(row.title)));
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

/// The site-relative URLs of every view made from the model rather than
/// from a content file (for the sitemap).
pub fn generated_urls(site: &Site) -> Vec<String> {
    crate::routes::targets(site)
        .into_iter()
        .filter(|t| !matches!(t, crate::routes::Target::Page(_)))
        .filter_map(|t| t.url(site))
        .collect()
}
