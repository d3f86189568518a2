//! Every URL and anchor of the site, per language, in one place.
//!
//! The main language's pages are at the site's root, another language's
//! under `/<code>/`. Content pages keep their path in every language
//! (`/2025/kuntaryhmat/x/`, `/sv/2025/kuntaryhmat/x/`); the views hyte
//! makes from the model ([`VIEWS`]) take their folder names from the
//! theme's language file (`[paths]`: `/kunnat/`, `/sv/kommuner/`). Render,
//! publish, search, the link check and the preview server all ask here,
//! so a new generated view is one row of [`VIEWS`].
//!
//! URLs here are site-relative (`/sv/kommuner/`); the base path of
//! `base_url` is joined when a page writes one.

use serde::Serialize;

use crate::config::Term;
use crate::i18n::Strings;
use crate::model::{PageId, Site};

/// A view hyte makes from the model, one page each (the pages of single
/// municipalities and priority areas live under their list's folder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    Search,
    Municipalities,
    Priorities,
    Schedule,
    Data,
    Glossary,
    Measures,
}

/// One generated view: the language-file keys of its folder name and of
/// its title, and its template.
#[derive(Debug, Clone, Copy)]
pub struct ViewRow {
    pub view: View,
    pub folder: &'static str,
    pub title: &'static str,
    pub template: &'static str,
}

/// The generated views, in the order the sitemap lists them.
pub const VIEWS: [ViewRow; 7] = [
    ViewRow {
        view: View::Search,
        folder: "paths.search",
        title: "views.search",
        template: "haku.html",
    },
    ViewRow {
        view: View::Municipalities,
        folder: "paths.municipalities",
        title: "views.municipalities",
        template: "municipalities.html",
    },
    ViewRow {
        view: View::Priorities,
        folder: "paths.priorities",
        title: "views.priorities",
        template: "priorities.html",
    },
    ViewRow {
        view: View::Schedule,
        folder: "paths.schedule",
        title: "views.schedule",
        template: "schedule.html",
    },
    ViewRow {
        view: View::Data,
        folder: "paths.data",
        title: "views.data",
        template: "data.html",
    },
    ViewRow {
        view: View::Glossary,
        folder: "paths.glossary",
        title: "views.glossary",
        template: "sanasto.html",
    },
    ViewRow {
        view: View::Measures,
        folder: "paths.measures",
        title: "views.measures",
        template: "measures.html",
    },
];

/// The URLs of one language of the site.
#[derive(Debug, Clone, Default)]
pub struct Routes {
    /// `""` for the main language, `"sv/"` for Swedish.
    prefix: String,
    /// The folder name of each view in [`VIEWS`], in that order.
    folders: Vec<String>,
}

impl Routes {
    /// The routes of the language whose pages are under `prefix`, with the
    /// folder names of `words` (`[paths]`).
    pub fn new(prefix: &str, words: &Strings) -> Routes {
        Routes {
            prefix: prefix.to_string(),
            folders: VIEWS
                .iter()
                .map(|r| words.text(r.folder).to_string())
                .collect(),
        }
    }

    /// `""` or `"sv/"`.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The front page: `/` or `/sv/`.
    pub fn home(&self) -> String {
        format!("/{}", self.prefix)
    }

    /// A content page's URL from its path segments.
    pub fn content(&self, segments: &[String]) -> String {
        if segments.is_empty() {
            self.home()
        } else {
            format!("/{}{}/", self.prefix, segments.join("/"))
        }
    }

    /// A page under the language's root: `laki` → `/sv/laki/`.
    pub fn page(&self, path: &str) -> String {
        format!("/{}{}/", self.prefix, path.trim_matches('/'))
    }

    /// A year's page.
    pub fn year(&self, year: i32) -> String {
        format!("/{}{year}/", self.prefix)
    }

    /// A folder of a year: `/2025/kuntaryhmat/`.
    pub fn year_folder(&self, year: i32, dir: &str) -> String {
        format!("/{}{year}/{}/", self.prefix, dir.trim_matches('/'))
    }

    fn folder(&self, view: View) -> &str {
        let i = VIEWS.iter().position(|r| r.view == view).unwrap_or(0);
        self.folders.get(i).map_or("", String::as_str)
    }

    /// A generated view: `/kunnat/`, `/sv/kommuner/`.
    pub fn view(&self, view: View) -> String {
        format!("/{}{}/", self.prefix, self.folder(view))
    }

    /// A municipality's page.
    pub fn municipality(&self, t: &Term) -> String {
        format!("{}{}/", self.view(View::Municipalities), t.slug)
    }

    /// A measure's entry on the measures page.
    pub fn measure(&self, id: &str) -> String {
        format!("{}#{id}", self.view(View::Measures))
    }

    /// A priority area's page.
    pub fn priority(&self, t: &Term) -> String {
        format!("{}{}/", self.view(View::Priorities), t.slug)
    }

    /// The page for an address that is not there.
    pub fn not_found(&self) -> String {
        format!("/{}404.html", self.prefix)
    }

    /// The calendar of every session, or of one year's.
    pub fn calendar(&self, year: Option<i32>) -> String {
        let name = self.folder(View::Schedule);
        match year {
            Some(y) => format!("/{}{y}/{name}.ics", self.prefix),
            None => format!("/{}{name}.ics", self.prefix),
        }
    }

    /// The Atom feed.
    pub fn feed(&self) -> String {
        format!("/{}atom.xml", self.prefix)
    }

    /// The folder of the search index (`haku/`, `sv/sok/`), relative to
    /// the output folder.
    pub fn search_dir(&self) -> String {
        format!("{}{}/", self.prefix, self.folder(View::Search))
    }
}

/// A page of the site that every language has: a content page (the same
/// id in every language), a generated view, or the page for an address
/// that is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Page(PageId),
    View(View),
    Municipality(usize),
    Priority(usize),
    NotFound,
}

impl Target {
    /// Its site-relative URL in `site`'s language, if the site has it.
    pub fn url(&self, site: &Site) -> Option<String> {
        let c = &site.config;
        let r = &site.routes;
        Some(match self {
            Target::Page(id) => site.pages.get(*id)?.url.clone(),
            Target::View(View::Glossary) if c.terms.is_empty() => return None,
            Target::View(v) => r.view(*v),
            Target::Municipality(i) => r.municipality(c.municipalities.get(*i)?),
            Target::Priority(i) => r.priority(c.priority_areas.get(*i)?),
            Target::NotFound => r.not_found(),
        })
    }

    /// Whether its text is in `site`'s language.
    fn translated(&self, site: &Site) -> bool {
        match self {
            Target::Page(id) => site.pages.get(*id).is_some_and(|p| p.translated),
            _ => true,
        }
    }
}

/// Every page of `site` a reader can reach, in sitemap order: content
/// pages, generated views, municipalities, priority areas.
pub fn targets(site: &Site) -> Vec<Target> {
    let mut out: Vec<Target> = (0..site.pages.len()).map(Target::Page).collect();
    out.extend(
        VIEWS
            .iter()
            .map(|row| Target::View(row.view))
            .filter(|t| t.url(site).is_some()),
    );
    out.extend((0..site.config.municipalities.len()).map(Target::Municipality));
    out.extend((0..site.config.priority_areas.len()).map(Target::Priority));
    out
}

/// The site in each of its languages, the main one first, each with the
/// name of its language in itself ("Suomeksi", "På svenska").
pub struct Languages<'a> {
    pub sites: Vec<(&'a Site, String)>,
}

/// One language's version of a page, for `hreflang` links and the
/// language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct Version {
    pub code: String,
    /// The language's name in itself.
    pub name: String,
    /// The href, with the base path.
    pub url: String,
    pub permalink: String,
    /// The version being rendered.
    pub current: bool,
    /// Whether its text is in its language (else it is the main
    /// language's text with a notice).
    pub translated: bool,
}

impl Languages<'_> {
    /// A site in one language.
    pub fn one(site: &Site) -> Languages<'_> {
        Languages {
            sites: vec![(site, String::new())],
        }
    }

    /// Every language's version of `target`; `current` is the language
    /// being rendered. Empty for a site in one language.
    pub fn versions(&self, current: &str, target: Target) -> Vec<Version> {
        if self.sites.len() < 2 {
            return Vec::new();
        }
        self.sites
            .iter()
            .filter_map(|(site, name)| {
                let url = target.url(site)?;
                Some(Version {
                    code: site.config.language.clone(),
                    name: name.clone(),
                    url: format!("{}{}", site.config.base_path(), url.trim_start_matches('/')),
                    permalink: site.config.absolute(&url),
                    current: site.config.language == current,
                    translated: target.translated(site),
                })
            })
            .collect()
    }
}

/// The file a site-relative URL is written to: `/a/` → `a/index.html`,
/// `/404.html` → `404.html`.
pub fn output_file(url: &str) -> String {
    let rel = url.trim_start_matches('/');
    if rel.ends_with(".html") {
        rel.to_string()
    } else {
        format!("{rel}index.html")
    }
}

/// The anchor of a cell of the findings matrix: a priority area's and a
/// target group's slugs.
pub fn cell_anchor(priority: &str, target: &str) -> String {
    format!("{priority}-{target}")
}

/// The anchor of a finding on its page: its cell's, or its priority
/// area's when it has no target group.
pub fn finding_anchor(config: &crate::config::Config, f: &crate::markdown::Finding) -> String {
    let p = &config.priority_areas[f.priority.0].slug;
    match f.target {
        Some(t) => cell_anchor(p, &config.target_groups[t.0].slug),
        None => p.clone(),
    }
}

/// The anchor of a decision on its year page: the same in every
/// language, so that a link to it keeps working.
pub fn decision_anchor(d: &crate::model::Decision) -> String {
    crate::slug::slugify(&format!(
        "paatos {} {} {}",
        d.date,
        d.body,
        d.section.as_deref().unwrap_or("")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lang: &str) -> Strings {
        crate::i18n::load(std::path::Path::new("/nonexistent"), "default", lang).unwrap()
    }

    #[test]
    fn the_main_language_is_at_the_root_and_others_under_their_code() {
        let fi = Routes::new("", &words("fi"));
        let sv = Routes::new("sv/", &words("sv"));
        assert_eq!(fi.view(View::Municipalities), "/kunnat/");
        assert_eq!(sv.view(View::Municipalities), "/sv/kommuner/");
        assert_eq!(fi.home(), "/");
        assert_eq!(
            sv.content(&["2025".into(), "kuntaryhmat".into()]),
            "/sv/2025/kuntaryhmat/"
        );
        assert_eq!(fi.calendar(Some(2025)), "/2025/aikataulu.ics");
        assert_eq!(sv.not_found(), "/sv/404.html");
        assert_eq!(output_file("/sv/404.html"), "sv/404.html");
        assert_eq!(output_file("/"), "index.html");
    }
}
