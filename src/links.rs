//! Every internal link and anchor of the rendered site resolves.
//!
//! Rendering hands each HTML file to [`LinkIndex::add`], which keeps only
//! its ids and link targets; [`LinkIndex::check`] then resolves every
//! link against the files written and the ids of the target page. Our own
//! HTML always quotes attributes with `"`, so a scan for `id="`, `href="`
//! and `src="` is exact here; it is not a general HTML parser.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;

use std::borrow::Cow;

use memchr::memmem;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostic::Diagnostic;
use crate::model::Site;

/// The ids and links of one page, as ids of [`Strings`]: the ids sorted,
/// the links in the order they first come, each once.
#[derive(Debug, Default)]
struct Scanned {
    ids: Vec<u32>,
    links: Vec<u32>,
}

/// Every distinct id and link of the site, once: most pages link to the
/// same menus, years and groups, and share their anchors.
#[derive(Debug, Default)]
struct Strings {
    ids: FxHashMap<Box<str>, u32>,
    all: Vec<Box<str>>,
}

impl Strings {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.all.len() as u32;
        self.ids.insert(s.into(), id);
        self.all.push(s.into());
        id
    }
}

/// What the rendered site links to and what it contains.
#[derive(Debug, Default)]
pub struct LinkIndex {
    files: Mutex<HashSet<String>>,
    pages: Mutex<HashMap<String, Scanned>>,
    strings: Mutex<Strings>,
}

impl LinkIndex {
    /// Records a written file; for HTML, its ids and links.
    pub fn add(&self, rel: &str, bytes: &[u8]) {
        if rel.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            let (ids, links) = scan(&html);
            let scanned = {
                let mut strings = self.strings.lock().expect("no panics while held");
                let mut ids: Vec<u32> = ids.iter().map(|s| strings.intern(s)).collect();
                ids.sort_unstable();
                ids.dedup();
                Scanned {
                    ids,
                    links: links.iter().map(|s| strings.intern(s)).collect(),
                }
            };
            self.pages
                .lock()
                .expect("no panics while held")
                .insert(rel.to_string(), scanned);
        }
        self.files
            .lock()
            .expect("no panics while held")
            .insert(rel.to_string());
    }

    /// Links to other sites: each URL with the pages it is on.
    pub fn external(&self, site: &Site) -> BTreeMap<String, Vec<String>> {
        let pages = self.pages.lock().expect("no panics while held");
        let strings = self.strings.lock().expect("no panics while held");
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (rel, scanned) in pages.iter() {
            let url = format!("/{}", rel.trim_end_matches("index.html"));
            for &link in &scanned.links {
                let link = &*strings.all[link as usize];
                let web = link.starts_with("http://") || link.starts_with("https://");
                if web && !link.starts_with(&site.config.base_url) {
                    let on = out.entry(link.to_string()).or_default();
                    if !on.contains(&url) {
                        on.push(url.clone());
                    }
                }
            }
        }
        for on in out.values_mut() {
            on.sort();
        }
        out
    }

    /// A broken link or anchor, one diagnostic per page and target.
    pub fn check(self, sites: &[&Site]) -> Vec<Diagnostic> {
        let site = sites[0];
        let files = self.files.into_inner().expect("no panics while held");
        let pages = self.pages.into_inner().expect("no panics while held");
        let strings = self.strings.into_inner().expect("no panics while held");
        let index = Index {
            files: &files,
            pages: &pages,
            strings: &strings,
        };
        let base_url = site.config.base_url.as_str();
        let base_path = site.config.base_path();
        let mut names: Vec<&String> = pages.keys().collect();
        names.sort();
        // Pages are checked in parallel; the problems keep the page order.
        names
            .par_iter()
            .flat_map_iter(|rel| {
                let mut out = Vec::new();
                for &link in &pages[*rel].links {
                    let link = &*strings.all[link as usize];
                    if let Some(problem) = resolve(link, rel, base_url, base_path, &index) {
                        out.push(diagnostic(sites, rel, link, &problem));
                    }
                }
                out
            })
            .collect()
    }
}

/// What [`resolve`] reads: the files written, and the pages' ids.
struct Index<'a> {
    files: &'a HashSet<String>,
    pages: &'a HashMap<String, Scanned>,
    strings: &'a Strings,
}

impl Index<'_> {
    /// Whether the page at `rel` has the id `id`.
    fn has_id(&self, rel: &str, id: &str) -> bool {
        let Some(page) = self.pages.get(rel) else {
            return true;
        };
        self.strings
            .ids
            .get(id)
            .is_some_and(|n| page.ids.binary_search(n).is_ok())
    }
}

/// Why `link` on page `from` does not resolve, or None if it does.
fn resolve(
    link: &str,
    from: &str,
    base_url: &str,
    base_path: &str,
    index: &Index<'_>,
) -> Option<String> {
    let path = if let Some(rest) = link.strip_prefix(base_url) {
        format!("{base_path}{rest}")
    } else if link.contains(':') || link.starts_with("//") {
        // mailto:, tel:, other sites.
        return None;
    } else {
        link.to_string()
    };
    let (path, anchor) = match path.split_once('#') {
        Some((p, a)) => (p.to_string(), Some(a.to_string())),
        None => (path, None),
    };
    let path = path.split('?').next().unwrap_or_default().to_string();
    let target = if path.is_empty() {
        from.to_string()
    } else if let Some(abs) = path.strip_prefix('/') {
        match format!("/{abs}").strip_prefix(base_path) {
            Some(inside) => inside.to_string(),
            None => {
                return Some(format!(
                    "se osoittaa sivuston juuren {base_path} ulkopuolelle"
                ));
            }
        }
    } else {
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        match normalize(&format!("{dir}/{path}")) {
            Some(p) => p,
            None => return Some("se johtaa sivuston ulkopuolelle".into()),
        }
    };
    let target = if target.is_empty() || target.ends_with('/') {
        format!("{target}index.html")
    } else {
        target
    };
    let target = percent_decode(&target);
    if !index.files.contains(&target) {
        return Some("sellaista sivua tai tiedostoa ei ole".into());
    }
    match anchor {
        Some(a) if !a.is_empty() && !index.has_id(&target, &percent_decode(&a)) => {
            Some(format!("sivulla ei ole ankkuria #{a}"))
        }
        _ => None,
    }
}

/// `a/./b/../c` → `a/c`; None if it climbs out of the site.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    if parts.is_empty() {
        return Some(String::new());
    }
    let trailing = if path.ends_with('/') { "/" } else { "" };
    Some(format!("{}{trailing}", parts.join("/")))
}

/// `%20` and friends decoded; a malformed escape is left as written.
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

fn diagnostic(sites: &[&Site], rel: &str, link: &str, problem: &str) -> Diagnostic {
    let url = format!("/{}", rel.trim_end_matches("index.html"));
    // The page is in one of the site's languages.
    let site = sites
        .iter()
        .find(|s| s.page_at(&url).is_some())
        .unwrap_or(&sites[0]);
    let page = site.page_at(&url);
    let message = format!("rikkinäinen linkki {link} sivulla {url}: {problem}");
    let Some(path) = page.and_then(|p| p.source.as_ref()) else {
        return Diagnostic::new(rel, message)
            .help("linkki tulee sivupohjasta; tarkista teeman sivupohjat");
    };
    // The line where the body has the link, as comrak read it.
    let written = page.and_then(|p| p.outline.links.iter().find(|l| l.href == link));
    let Some(written) = written else {
        return Diagnostic::new(path, message)
            .help("linkki tulee sivupohjasta tai sivun tiedoista (esim. tilaisuuden `page`); tarkista, että sivu, johon se osoittaa, on olemassa");
    };
    let message = format!(
        "rikkinäinen linkki ({}) sivulla {url}: {problem}",
        written.written
    );
    let relative = !written.written.starts_with(['/', '#', '?']);
    let help = if relative {
        let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
        let lands = normalize(&format!("{dir}/{link}"))
            .map(|p| format!("{}{p}", site.config.base_path()))
            .unwrap_or_else(|| "sivuston ulkopuolelle".into());
        format!(
            "suhteellinen linkki \"{}\" luetaan sivun tiedoston kansiosta alkaen, joten se vie osoitteeseen {lands}; sivuston sisäiset linkit kirjoitetaan sivuston juuresta alkaen kauttaviivalla, esim. (/2025/) tai (/2025/kuntaryhmat/jyvaskyla-muurame/), ja #-ankkurin pitää löytyä kohdesivulta",
            written.written
        )
    } else {
        "korjaa linkki; sivuston sisäiset linkit kirjoitetaan sivuston juuresta alkaen (esim. /2025/), ja #-ankkurin pitää löytyä kohdesivulta".to_string()
    };
    Diagnostic::new(path, message)
        .at_line(written.line)
        .help(help)
}

/// The ids and link targets of one HTML document, each once (entities
/// decoded), the links in the order they first come.
fn scan(html: &str) -> (FxHashSet<Cow<'_, str>>, Vec<Cow<'_, str>>) {
    let mut ids = FxHashSet::default();
    let mut links = Vec::new();
    let mut seen = FxHashSet::default();
    for (attr, is_id) in [(" id=\"", true), (" href=\"", false), (" src=\"", false)] {
        let bytes = html.as_bytes();
        let mut at = 0;
        for i in memmem::find_iter(bytes, attr.as_bytes()) {
            if i < at {
                continue;
            }
            let start = i + attr.len();
            let Some(len) = memchr::memchr(b'"', &bytes[start..]) else {
                break;
            };
            // Every mark is ASCII: the cuts are at character boundaries.
            let value = html_escape::decode_html_entities(&html[start..start + len]);
            at = start + len;
            if is_id {
                ids.insert(value);
            } else if seen.insert(value.clone()) {
                links.push(value);
            }
        }
    }
    (ids, links)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(files: &[(&str, &str)]) -> LinkIndex {
        let ix = LinkIndex::default();
        for (f, html) in files {
            ix.add(f, html.as_bytes());
        }
        ix
    }

    /// [`resolve`] over what `ix` was given.
    fn resolve_in(ix: &LinkIndex, link: &str, from: &str, base: &str) -> Option<String> {
        let files = ix.files.lock().unwrap();
        let pages = ix.pages.lock().unwrap();
        let strings = ix.strings.lock().unwrap();
        let index = Index {
            files: &files,
            pages: &pages,
            strings: &strings,
        };
        let base_path = base.trim_start_matches("https://e.fi");
        resolve(link, from, base, base_path, &index)
    }

    #[test]
    fn links_and_anchors_resolve() {
        let ix = index(&[
            (
                "index.html",
                r#"<a href="/2025/#tavoitteet">x</a><a href="mailto:a@b.fi">m</a>"#,
            ),
            (
                "2025/index.html",
                r#"<h2 id="tavoitteet">T</h2><a href="kuva.png">k</a><a href="../">up</a>"#,
            ),
            ("2025/kuva.png", ""),
        ]);
        let r = |link: &str, from: &str| resolve_in(&ix, link, from, "https://e.fi/");
        assert_eq!(r("/2025/#tavoitteet", "index.html"), None);
        assert_eq!(r("https://e.fi/2025/", "index.html"), None);
        assert_eq!(r("kuva.png", "2025/index.html"), None);
        assert_eq!(r("../", "2025/index.html"), None);
        assert_eq!(r("mailto:a@b.fi", "index.html"), None);
        assert!(
            r("/2025/#puuttuu", "index.html")
                .unwrap()
                .contains("ei ole ankkuria #puuttuu")
        );
        assert!(
            r("/2024/", "index.html")
                .unwrap()
                .contains("sivua tai tiedostoa ei ole")
        );
        assert!(r("../../x", "2025/index.html").is_some());
    }

    #[test]
    fn links_under_a_subpath_must_stay_in_it() {
        let ix = index(&[("index.html", ""), ("2025/index.html", "")]);
        let r = |link: &str| resolve_in(&ix, link, "index.html", "https://e.fi/hyte/");
        assert_eq!(r("/hyte/2025/"), None);
        assert!(r("/2025/").unwrap().contains("juuren /hyte/ ulkopuolelle"));
    }

    #[test]
    fn percent_decoding_never_splits_characters() {
        assert_eq!(percent_decode("a%20b"), "a b");
        assert_eq!(percent_decode("%ä%"), "%ä%");
        assert_eq!(percent_decode("%C3%A4"), "ä");
    }

    #[test]
    fn scan_reads_ids_and_decodes_entities() {
        let (ids, links) =
            scan(r#"<p id="a">x</p><a href="/?q=1&amp;r=2">y</a><a href="/?q=1&amp;r=2">z</a>"#);
        assert!(ids.contains("a"));
        // Each link once.
        assert_eq!(links, vec!["/?q=1&r=2"]);
    }
}
