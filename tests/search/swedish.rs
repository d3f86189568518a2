//! A Swedish index end to end: a small corpus of Swedish pages through
//! `Collector` and `files` with `SearchLang { code: "sv", dir: "sv/sok/" }`,
//! queried as the client queries it (tests/search/client.rs in Rust, and
//! the theme's real haku.js in Node through tests/search/client.mjs).

use std::path::Path;
use std::process::Command;

use hyte::search::{Collector, SearchLang, files};

use super::client::Index;
use crate::common::*;

pub const SV: SearchLang<'static> = SearchLang {
    code: "sv",
    dir: "sv/sok/",
};

/// The Swedish pages: (output path, title, body).
const PAGES: &[(&str, &str, &str)] = &[
    (
        "sv/2025/kuntaryhmat/pargas/index.html",
        "Pargas och Kimitoön",
        "<p>Äldreomsorgen och hemvården ska nå alla. Målet är en trygg vardag.</p>",
    ),
    (
        "sv/kommuner/index.html",
        "Förhandlingar",
        "<p>Varje kommun förhandlar med välfärdsområdet om hälsa och välfärd.</p>",
    ),
    (
        "sv/prioriteringar/trygg-vardag/index.html",
        "Trygg vardag",
        "<p>Tjänster för äldre personer och deras omsorg.</p>",
    ),
    (
        "sv/2025/index.html",
        "Förhandlingarna 2025",
        "<p>Psykisk hälsa bland barn och unga, motion och idrott.</p>",
    ),
    // Not results: the search page, the glossary, the 404 page.
    (
        "sv/sok/index.html",
        "Sök",
        "<p>Skriv i sökrutan. Äldreomsorg.</p>",
    ),
    (
        "sv/ordlista/index.html",
        "Ordlista",
        "<p>Äldreomsorg: ordlistans förklaring.</p>",
    ),
    ("404.html", "Sidan hittades inte", "<p>Felsidan.</p>"),
];

/// The index files of [`PAGES`], as `hyte build` would make them.
pub fn swedish_files() -> Vec<(String, Vec<u8>)> {
    files_as("sv")
}

/// [`PAGES`] indexed in the language `code`, in the folder `sv/sok/`.
fn files_as(code: &str) -> Vec<(String, Vec<u8>)> {
    let prepared = hyte::prepare(&hyte::SiteOptions {
        root: fixture(),
        base_url: None,
        drafts: false,
        strict: false,
    })
    .unwrap_or_else(|e| panic!("the fixture loads: {e:?}"));
    let collector = Collector::skipping(["sv/sok/", "sv/ordlista/"]);
    for (rel, title, body) in PAGES {
        let html = format!(
            "<!doctype html><html lang=\"sv\"><body><nav>Meny Äldreomsorg</nav>\
             <main><h1>{title}</h1>{body}</main></body></html>"
        );
        collector.add(&prepared.site, rel, html.as_bytes());
    }
    files(collector.into_pages(), &SearchLang { code, dir: SV.dir }).expect("the index is written")
}

/// The queries and the page each must find among its first five results,
/// or `None`: no result at all.
const QUERIES: &[(&str, Option<&str>)] = &[
    // The Done-when lines: through the compound's head "äldre", a word
    // of the site, and through the stem "kommun".
    ("äldres", Some("/sv/2025/kuntaryhmat/pargas/")),
    ("kommunernas", Some("/sv/kommuner/")),
    ("äldreomsorg", Some("/sv/2025/kuntaryhmat/pargas/")),
    ("aldreomsorg", Some("/sv/2025/kuntaryhmat/pargas/")),
    ("omsorgen", Some("/sv/prioriteringar/trygg-vardag/")),
    ("välfärdsområdets", Some("/sv/kommuner/")),
    ("förhandling", Some("/sv/2025/")),
    ("målen", Some("/sv/2025/kuntaryhmat/pargas/")),
    ("tjänst", Some("/sv/prioriteringar/trygg-vardag/")),
    ("unga", Some("/sv/2025/")),
    // Stopwords, and words only on pages that are not results.
    ("och", None),
    ("är för att", None),
    ("sökrutan", None),
    ("ordlistans", None),
    ("felsidan", None),
    ("meny", None),
];

/// Checks the results of each of [`QUERIES`], `search` giving the URLs.
fn check_queries(search: impl Fn(&str) -> Vec<String>) {
    let mut wrong = Vec::new();
    for (q, expect) in QUERIES {
        let got = search(q);
        let ok = match expect {
            Some(url) => got.iter().take(5).any(|u| u == url),
            None => got.is_empty(),
        };
        if !ok {
            wrong.push(format!("{q:?}: expected {expect:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

pub fn a_swedish_index_finds_swedish_forms() {
    let files = swedish_files();
    assert!(files.iter().all(|(rel, _)| rel.starts_with("sv/sok/")));
    let meta = String::from_utf8(files[0].1.clone()).expect("UTF-8");
    assert_eq!(files[0].0, "sv/sok/meta.json");
    assert!(
        meta.contains("\"och\"") && !meta.contains("\"sekä\""),
        "{meta}"
    );
    assert!(meta.contains("[\"städer\",\"stad\",\"word\"]"), "{meta}");
    let index = Index::new(files, SV.dir);
    check_queries(|q| index.search(q));
    // The same pages analysed as Finnish: "och" is a word there, and
    // "tjänster" is not cut to "tjänst".
    let finnish = Index::new(files_as("fi"), SV.dir);
    assert!(!finnish.search("och").is_empty());
    assert!(finnish.search("tjänst").is_empty());
}

pub fn node_missing() -> Option<String> {
    (!runs("node", &["--version"]))
        .then(|| "node is not installed: apt-get install nodejs".to_string())
}

/// The theme's haku.js itself, in Node, on the Swedish index.
pub fn haku_js_searches_the_swedish_index() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempdir();
    for (rel, bytes) in swedish_files() {
        let path = out.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        std::fs::write(path, bytes).expect("written");
    }
    let queries: Vec<&str> = QUERIES.iter().map(|(q, _)| *q).collect();
    let run = Command::new("node")
        .arg(dir.join("tests/search/client.mjs"))
        .arg(dir.join("themes/default/static/haku.js"))
        .arg(out.path())
        .arg("/sv/sok/")
        .args(&queries)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let results: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    check_queries(|q| {
        results[q]
            .as_array()
            .unwrap_or_else(|| panic!("no results for {q:?}: {stdout}"))
            .iter()
            .map(|u| u.as_str().expect("a URL").to_string())
            .collect()
    });
}
