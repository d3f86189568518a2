//! What a reader of the bilingual example's Swedish pages gets in their
//! language: no word of the Finnish theme outside an element marked
//! `lang="fi"`, and a search index of the Swedish pages only (the Finnish
//! one of the Finnish pages only).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::html::elements_with_lang;
use common::*;

/// The texts of a theme language file, by their dotted keys.
fn texts(lang: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes/default/i18n")
        .join(format!("{lang}.toml"));
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    flatten("", &toml::Value::Table(table), &mut out);
    out
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        toml::Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        _ => {}
    }
}

/// The pieces of the Finnish theme's texts that a page would show as
/// written: each text cut at its placeholders, pieces long enough to be
/// words rather than letters shared with Swedish, HTML-escaped as the
/// templates print them. Texts the same in both languages (`data`) and
/// the names of languages (shown with their own `lang`) are left out.
fn finnish_pieces() -> Vec<(String, String)> {
    let (fi, sv) = (texts("fi"), texts("sv"));
    let placeholder = regex::Regex::new(r"\{[a-z_]+\}").unwrap();
    let mut out = Vec::new();
    for (key, text) in &fi {
        if sv.get(key) == Some(text) || key.starts_with("language.") || key.starts_with("paths.") {
            continue;
        }
        for piece in placeholder.split(text) {
            let piece = piece.trim();
            if piece.chars().count() >= 8 {
                let escaped = piece.replace('&', "&amp;").replace('"', "&quot;");
                out.push((key.clone(), escaped));
            }
        }
    }
    out
}

fn build_example() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kaksikielinen");
    build(&site, &public, &[]).assert_code(0);
    (out, public)
}

#[test]
fn no_finnish_theme_word_is_on_a_swedish_page_outside_lang_fi() {
    let (_out, public) = build_example();
    let pieces = finnish_pieces();
    assert!(pieces.len() > 100, "{} pieces", pieces.len());
    let mut pages = 0;
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(public.join("sv")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(entry.path()).unwrap();
        // What is inside an element marked Finnish is read as Finnish.
        let mut outside = String::new();
        let mut at = 0;
        for (start, end) in elements_with_lang(&html, "fi") {
            if start >= at {
                outside.push_str(&html[at..start]);
                at = end;
            }
        }
        outside.push_str(&html[at..]);
        for (key, piece) in &pieces {
            if outside.contains(piece.as_str()) {
                found.push(format!("{}: {key} ({piece})", entry.path().display()));
            }
        }
    }
    assert!(pages > 20, "{pages} Swedish pages");
    assert!(
        found.is_empty(),
        "Finnish theme words on Swedish pages:\n{}",
        found.join("\n")
    );
}

/// The URLs of the documents of the search index in `dir`.
fn indexed(dir: &Path) -> Vec<String> {
    let mut urls = Vec::new();
    for entry in std::fs::read_dir(dir.join("d")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let docs: serde_json::Value = serde_json::from_str(&text).unwrap();
        collect_urls(&docs, &mut urls);
    }
    urls
}

fn collect_urls(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) if s.starts_with('/') && s.contains('/') => {
            out.push(s.clone())
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_urls(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_urls(x, out)),
        _ => {}
    }
}

#[test]
fn each_language_searches_its_own_pages() {
    let (_out, public) = build_example();
    let sv = indexed(&public.join("sv/sok"));
    let fi = indexed(&public.join("haku"));
    assert!(
        sv.len() > 10 && fi.len() > 10,
        "{} sv, {} fi",
        sv.len(),
        fi.len()
    );
    assert!(sv.iter().all(|u| u.starts_with("/sv/")), "{sv:?}");
    assert!(fi.iter().all(|u| !u.starts_with("/sv/")), "{fi:?}");
    assert!(
        sv.iter().any(|u| u.starts_with("/sv/2030/kuntaryhmat/")),
        "{sv:?}"
    );
    let meta = std::fs::read_to_string(public.join("sv/sok/meta.json")).unwrap();
    assert!(meta.contains("\"och\""), "Swedish stopwords: {meta}");
}

/// A copy of the example with `changes` (path under the site, new text).
fn example_with(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempdir();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kaksikielinen"),
        dir.path(),
    );
    for (rel, text) in changes {
        std::fs::write(dir.path().join(rel), text).unwrap();
    }
    dir
}

#[test]
fn problems_of_translations_are_reported_at_their_own_files_and_lines() {
    const GROUP: &str = "content/2030/kuntaryhmat/kalliosaari-lohiranta.sv.md";
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/kaksikielinen")
            .join(GROUP),
    )
    .unwrap();
    // Line 15 of the translation: a heading that names no target group.
    let body = original.replacen("### Äldre", "### Äldste", 1);
    let heading_line = 1 + body.lines().position(|l| l == "### Äldste").unwrap();
    let year_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kaksikielinen/content/2030/_index.md"),
    )
    .unwrap();
    let year: String = year_text
        .lines()
        .map(|l| {
            if l.starts_with("sv = { title = \"Startseminarium\"") {
                "sv = \"Startseminarium\""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let site = example_with(&[
        (GROUP, &body),
        (
            "content/tietoa.sv.md",
            "+++\ntitle = \"Om webbplatsen\"\ndate = 2030-01-01\n+++\n",
        ),
        ("content/ei-ole.sv.md", "+++\ntitle = \"Finns inte\"\n+++\n"),
    ]);
    let run = check(site.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let e = &run.stderr;
    assert!(
        has_location(e, GROUP, heading_line),
        "heading at {heading_line}:\n{e}"
    );
    assert!(e.contains("\"Äldste\""), "{e}");
    assert!(has_location(e, "content/tietoa.sv.md", 3), "{e}");
    assert!(e.contains("kirjoitetaan suomenkieliseen tiedostoon"), "{e}");
    assert!(
        e.contains("ei-ole.sv.md") && e.contains("jota ei ole"),
        "{e}"
    );
    // A translation that is no table: the year cannot be read in Swedish.
    let site = example_with(&[("content/2030/_index.md", &year)]);
    let run = check(site.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let e = &run.stderr;
    let inline = 1 + year
        .lines()
        .position(|l| l.starts_with("sv = \"Startseminarium\""))
        .unwrap();
    assert!(
        has_location(e, "content/2030/_index.md", inline),
        "inline at {inline}:\n{e}"
    );
    assert!(e.contains("käännöksen `sv` pitää olla taulukko"), "{e}");
}

#[test]
fn a_site_in_one_language_has_no_language_links_and_its_addresses_as_before() {
    let out = tempdir();
    let public = out.path().join("public");
    build(Path::new(env!("CARGO_MANIFEST_DIR")), &public, &[]).assert_code(0);
    for rel in [
        "index.html",
        "kunnat/index.html",
        "painopisteet/index.html",
        "aikataulu/index.html",
        "haku/index.html",
        "sanasto/index.html",
        "aikataulu.ics",
        "2025/aikataulu.ics",
        "atom.xml",
        "404.html",
    ] {
        assert!(public.join(rel).is_file(), "{rel}");
    }
    let home = page(&public, "index.html");
    assert!(!home.contains("hreflang"), "{home}");
    assert!(!home.contains("class=\"languages\""), "{home}");
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("xhtml:link"), "{sitemap}");
    assert!(!public.join("sv").exists() && !public.join("en").exists());
}
