//! What the fuzz targets run, and what they require of the output.
//!
//! `cargo fuzz run <target>` feeds random bytes to these functions; any
//! panic, in hyte or in the checks here, is a finding. The same functions
//! replay the kept corpus (`fuzz/corpus/`) in the normal test suite
//! (`tests/fuzz_corpus.rs`), so a fixed crash stays fixed on stable Rust.
//!
//! - [`front_matter`]: a content file's bytes → a page source or a
//!   problem, as a build reads it (BOM, CRLF, `+++` splitting, TOML
//!   front matter, page kinds, slugs).
//! - [`markdown`]: a page body → HTML with findings, as a group page's
//!   body is rendered.
//! - [`site_toml`]: the bytes of `site.toml` → a configuration or
//!   problems.
//! - [`page`]: a group page body → the whole page through the model and the
//!   theme's templates, on the fixture site.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use hyte::config::{PriorityId, TargetGroupId, Term};
use hyte::load::markdown::{Links, Vocabulary, render_page};

/// Where a fuzzed file is placed: each gives another kind of page.
const PLACES: [&str; 7] = [
    "_index.md",
    "2030/_index.md",
    "2030/kuntaryhmat/_index.md",
    "2030/kuntaryhmat/ryhma.md",
    "2030/nakokulmat/jarjestot.md",
    "2030/muistio.md",
    "sivu.md",
];

/// The first byte picks the place; the rest is the file. True if it
/// made a page source.
pub fn front_matter(data: &[u8]) -> bool {
    let Some((&pick, bytes)) = data.split_first() else {
        return false;
    };
    let rel = Path::new(PLACES[usize::from(pick) % PLACES.len()]);
    let path = Path::new("content").join(rel);
    let lines = lines_of(&String::from_utf8_lossy(bytes));
    match hyte::load::parse_source(bytes.to_vec(), &path, rel) {
        Ok(source) => {
            assert!(source.body_line >= 1 && source.body_line <= lines + 1);
            for segment in &source.segments {
                assert!(
                    !segment.is_empty() && !segment.contains(['/', '\\']) && segment != "..",
                    "unsafe URL segment {segment:?}"
                );
            }
            true
        }
        Err(problem) => {
            assert_eq!(problem.path, path);
            assert!(!problem.message.is_empty());
            if let Some(line) = problem.line {
                assert!(
                    line >= 1 && line <= lines,
                    "line {line} of a {lines}-line file"
                );
            }
            let shown = problem.to_string();
            assert!(shown.contains(&path.display().to_string()), "{shown}");
            false
        }
    }
}

/// Lines as an editor and Markdown count them: CRLF, CR and LF each end
/// one (the loader makes them all LF).
fn lines_of(text: &str) -> usize {
    text.replace("\r\n", "\n").split(['\n', '\r']).count()
}

/// `site.toml`'s bytes: a configuration whose URLs and slugs are safe to
/// build with, or problems that name the file and a line inside it. True
/// if it made a configuration.
pub fn site_toml(data: &[u8]) -> bool {
    let display = Path::new("site.toml");
    let lines = lines_of(&String::from_utf8_lossy(data));
    match hyte::config::parse(data.to_vec(), display, None) {
        Ok(config) => {
            assert!(config.base_url.ends_with('/'), "{}", config.base_url);
            let base = config.base_path();
            assert!(base.starts_with('/') && base.ends_with('/'), "{base}");
            for term in config
                .municipalities
                .iter()
                .chain(&config.priority_areas)
                .chain(&config.target_groups)
            {
                assert!(hyte::slug::is_slug(&term.slug), "slug {:?}", term.slug);
            }
            true
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in &problems {
                assert_eq!(p.path, display);
                assert!(!p.message.is_empty());
                if let Some(line) = p.line {
                    assert!(line >= 1 && line <= lines, "line {line} of {lines}: {p}");
                }
            }
            false
        }
    }
}

fn terms(names: &[&str]) -> Vec<Term> {
    names
        .iter()
        .map(|n| {
            Term::new(
                n.to_string(),
                hyte::slug::slugify(n),
                Vec::new(),
                String::new(),
            )
        })
        .collect()
}

/// Renders `data` (lossily decoded) as a body with priority areas and
/// target groups, and checks the HTML. True if it found findings.
pub fn markdown(data: &[u8]) -> bool {
    static TERMS: OnceLock<(Vec<Term>, Vec<Term>)> = OnceLock::new();
    let (priorities, targets) = TERMS.get_or_init(|| {
        (
            terms(&["Yhteisöllisyys", "Terveelliset elämäntavat"]),
            terms(&["Lapset", "Nuoret", "Aikuiset", "Seniorit"]),
        )
    });
    let body = String::from_utf8_lossy(data);
    let vocab = Vocabulary {
        priorities: priorities
            .iter()
            .enumerate()
            .map(|(i, t)| (PriorityId(i), t))
            .collect(),
        targets: targets
            .iter()
            .enumerate()
            .map(|(i, t)| (TargetGroupId(i), t))
            .collect(),
        all_targets: targets,
    };
    let lines = lines_of(&body);
    let mut found = false;
    for leaf in [false, true] {
        let out = render_page(
            &body,
            Some(&vocab),
            &Links {
                base_path: "/hyte/",
                statute_url: "https://www.finlex.fi/fi/laki/ajantasa/2021/20210612",
                leaf,
            },
        );
        check_html(&out.html, "");
        for f in &out.findings {
            assert!(f.line >= 1 && f.line <= lines, "finding at line {}", f.line);
            check_text(&f.text);
        }
        // What the validate step reports is at lines of the outline.
        let outline = &out.outline;
        let at = outline.blocks.iter().map(|b| b.line);
        let at = at.chain(outline.raw_html.iter().map(|h| h.line));
        for line in at.chain(outline.links.iter().map(|l| l.line)) {
            assert!(line >= 1 && line <= lines, "outline entry at line {line}");
        }
        for h in &out.headings {
            assert!(
                !h.id.contains(['"', '<', '>', ' ']),
                "heading id {:?}",
                h.id
            );
        }
        found = !out.findings.is_empty();
    }
    found
}

/// The fixture site, read once.
fn fixture() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        // Built as the fuzz crate (fuzz/) or into the main crate's tests.
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let inside = here.join("tests/fixtures/jarvilaakso");
        if inside.is_dir() {
            inside
        } else {
            here.join("../tests/fixtures/jarvilaakso")
        }
    })
}

const GROUP: &str = "2030/kuntaryhmat/kallioniemi-pikkula.md";

/// Puts `data` in place of a group page's body and renders the site's
/// page for it, if the site then builds. True if it did.
pub fn page(data: &[u8]) -> bool {
    let root = fixture();
    let Ok(mut loaded) = hyte::load::load(root, None) else {
        panic!("the fixture loads");
    };
    let path = root.join("content").join(GROUP);
    let Some(source) = loaded.sources.iter_mut().find(|s| s.path == path) else {
        panic!("the fixture has {GROUP}");
    };
    let original = std::fs::read(&path).expect("the fixture is readable");
    let front_end = original
        .windows(5)
        .rposition(|w| w == b"\n+++\n")
        .expect("front matter")
        + 5;
    let mut bytes = original[..front_end].to_vec();
    bytes.extend_from_slice(data);
    match hyte::load::parse_source(bytes, &path, Path::new(GROUP)) {
        Ok(s) => *source = s,
        Err(problem) => {
            assert_eq!(problem.path, path);
            return false;
        }
    }
    let (site, mut diags) = hyte::model::build(loaded, false);
    diags.extend(hyte::validate::site(&site));
    if let Err(e) = diags.finish() {
        let shown = e.to_string();
        assert!(!shown.is_empty());
        return false;
    }
    static TEMPLATES: OnceLock<std::sync::Arc<hyte::render::Templates>> = OnceLock::new();
    let templates = TEMPLATES.get_or_init(|| {
        hyte::render::templates(root, "default")
            .expect("the theme loads")
            .into()
    });
    let pages = hyte::render::OnDemand::new(site.into(), templates.clone()).expect("jobs");
    let search = hyte::search::Collector::default();
    for rel in [
        "2030/kuntaryhmat/kallioniemi-pikkula/index.html",
        "2030/index.html",
        "kunnat/kallioniemi/index.html",
    ] {
        match pages.render(rel) {
            Some(Ok(html)) => {
                check_html(&html, rel);
                search.add(pages.site(), rel, html.as_bytes());
            }
            Some(Err(e)) => panic!("{rel} did not render: {e}"),
            None => panic!("{rel} is not a page"),
        }
    }
    // The search index of those pages: every file is JSON.
    let files = hyte::search::files(search.into_pages());
    assert!(!files.is_empty());
    for (rel, bytes) in files {
        if rel.ends_with(".json") {
            let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&bytes);
            assert!(parsed.is_ok(), "{rel} is not JSON");
        }
    }
    true
}

/// Text that goes into pages, data files and the search index.
fn check_text(text: &str) {
    assert!(
        !text.chars().any(hyte::text::forbidden),
        "a control character in {text:?}"
    );
}

/// The rules every page keeps whatever the author wrote: no script but the
/// theme's, no event handler or style attribute, no URL scheme outside
/// http(s), mailto and tel, and nothing that opens a tag inside `<title>`.
pub fn check_html(html: &str, name: &str) {
    use regex::Regex;
    static RULES: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
    let (tag, attribute, url) = RULES.get_or_init(|| {
        (
            Regex::new(r#"<[a-zA-Z][a-zA-Z0-9]*((?:\s+[^\s="'>/]+(?:="[^"]*")?)*)\s*/?>"#).unwrap(),
            Regex::new(r#"\s+([^\s="'>/]+)(?:="[^"]*")?"#).unwrap(),
            Regex::new(r#"(?i)\s(href|src|action|formaction)\s*=\s*"\s*([^"/?#]*):"#).unwrap(),
        )
    });
    assert!(
        !html.chars().any(hyte::text::forbidden),
        "{name}: a control character"
    );
    for (i, _) in html.match_indices("<script") {
        let end = html[i..].find('>').map_or(html.len(), |e| i + e);
        let t = &html[i..end];
        assert!(
            t.starts_with("<script src=\"/"),
            "{name}: a script that is not the theme's: {t}"
        );
    }
    for bad in ["<iframe", "<svg", "<object", "<embed", "<style", "<base"] {
        assert!(!html.contains(bad), "{name}: {bad}");
    }
    // Only the theme's redirect pages refresh, and only to a web address.
    for (i, _) in html.match_indices("<meta http-equiv=\"refresh\"") {
        let end = html[i..].find('>').map_or(html.len(), |e| i + e);
        let target = html[i..end].split("url=").nth(1).unwrap_or_default();
        assert!(
            target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with('/'),
            "{name}: a refresh to {target:?}"
        );
    }
    for t in tag.captures_iter(html) {
        for a in attribute.captures_iter(&t[1]) {
            let attr = a[1].to_ascii_lowercase();
            assert!(
                !attr.starts_with("on") && attr != "style",
                "{name}: {attr} in {}",
                &t[0]
            );
        }
    }
    for c in url.captures_iter(html) {
        let scheme = c[2].trim().to_ascii_lowercase();
        assert!(
            ["http", "https", "mailto", "tel"].contains(&scheme.as_str()),
            "{name}: a {scheme:?} URL in {}",
            &c[0]
        );
    }
    if let (Some(a), Some(b)) = (html.find("<title>"), html.find("</title>")) {
        assert!(!html[a + 7..b].contains('<'), "{name}: markup in the title");
    }
}
