//! `data/catalog.jsonld`, the DCAT-AP catalogue data portals harvest: read
//! as RDF with Python's `rdflib` (tests/catalog/query.py, SPARQL), as a
//! harvester reads it, on the fixture (whose licence is confirmed), the
//! real site (no licence yet) and the bilingual example. Every data file
//! the build publishes is one `dcat:Dataset` whose distribution's
//! `dcat:downloadURL` is that file's absolute URL; the publisher is the
//! county of `site.toml`; a licence and a contact point appear only where
//! `site.toml` has set and confirmed them.
//!
//! The RDF checks need python3 with rdflib (`pip install rdflib`, done by
//! `.ci/run`): where it is missing they are reported as ignored with the
//! reason (they fail instead under HYTE_REQUIRE_TOOLS=1, as in CI). The
//! checks of the JSON and the data page need no tool and always run.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use common::*;
use serde_json::Value;

const EU_LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/";

fn main() -> ExitCode {
    run_trials(vec![
        trial_needing(
            "the_fixture_catalogue_is_dcat_with_its_licence_and_contact",
            rdflib_missing,
            the_fixture_catalogue_is_dcat_with_its_licence_and_contact,
        ),
        trial_needing(
            "the_real_site_catalogue_claims_no_licence_and_no_contact",
            rdflib_missing,
            the_real_site_catalogue_claims_no_licence_and_no_contact,
        ),
        trial_needing(
            "the_bilingual_catalogue_speaks_both_languages",
            rdflib_missing,
            the_bilingual_catalogue_speaks_both_languages,
        ),
        trial(
            "every_published_data_file_is_in_the_catalogue",
            every_published_data_file_is_in_the_catalogue,
        ),
        trial(
            "the_data_page_links_the_catalogue",
            the_data_page_links_the_catalogue,
        ),
    ])
}

/// Why rdflib cannot be used here, with the command that installs it.
fn rdflib_missing() -> Option<String> {
    if !runs("python3", &["--version"]) {
        Some("python3 is not installed: apt-get install python3 python3-pip, then pip install rdflib".into())
    } else if !runs("python3", &["-c", "import rdflib"]) {
        Some("the Python package rdflib is not installed: pip install rdflib".into())
    } else {
        None
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn built(site: &Path) -> (tempfile::TempDir, PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    build(site, &public, &[]).assert_no_panic().assert_code(0);
    (out, public)
}

/// What tests/catalog/query.py reads from the catalogue as RDF.
fn rdf(public: &Path) -> Value {
    let out = Command::new("python3")
        .arg(root().join("tests/catalog/query.py"))
        .arg(public)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "rdflib cannot read data/catalog.jsonld: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `site.toml` of `site`: its base_url and its `[region]` table.
fn site_toml(site: &Path) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(site.join("site.toml")).unwrap()).unwrap()
}

/// The files the build published as open data in the main language: all
/// of `data/` but the catalogue itself and the data page, the feed and the
/// calendars.
fn data_files(public: &Path) -> BTreeSet<String> {
    snapshot(public)
        .into_iter()
        .filter(|(_, bytes)| bytes.is_some())
        .map(|(rel, _)| rel.to_string_lossy().replace('\\', "/"))
        .filter(|rel| {
            let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
            let main = dir.is_empty() || dir.chars().all(|c| c.is_ascii_digit());
            (dir == "data" && name != "catalog.jsonld" && !name.ends_with(".html"))
                || (main && (name == "atom.xml" || name.ends_with(".ics")))
        })
        .collect()
}

/// The strings of a JSON array.
fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// The literals of a JSON array in `lang`.
fn in_language(v: &Value, lang: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .filter(|l| l["lang"] == lang)
        .map(|l| l["value"].as_str().unwrap().to_string())
        .collect()
}

/// The checks every catalogue passes: one catalogue; one dataset per data
/// file, in it, each with a Finnish title and description, the county as
/// publisher, a date, and a distribution whose download and access URLs
/// are the absolute URL of a file of the build, with a media type and a
/// format. Returns the datasets.
fn assert_dcat(site: &Path, public: &Path, rdf: &Value) -> serde_json::Map<String, Value> {
    let config = site_toml(site);
    let base = config["base_url"].as_str().unwrap();
    let county = config["region"]["county"].as_str().unwrap();
    assert_eq!(
        strings(&rdf["catalogs"]),
        [format!("{base}data/catalog.jsonld")]
    );
    assert_eq!(in_language(&rdf["publisher_names"], "fi"), [county]);
    assert_eq!(
        in_language(&rdf["catalog_titles"], "fi"),
        [config["title"].as_str().unwrap()]
    );
    let datasets = rdf["datasets"].as_object().unwrap().clone();
    let files = data_files(public);
    assert_eq!(datasets.len(), files.len(), "a dataset per data file");
    let mut downloads = BTreeSet::new();
    for (id, d) in &datasets {
        assert_eq!(d["in_catalog"], true, "{id}");
        assert_eq!(in_language(&d["titles"], "fi").len(), 1, "{id}: {d:#}");
        assert_eq!(in_language(&d["descriptions"], "fi").len(), 1, "{id}");
        assert_eq!(in_language(&d["publisher_names"], "fi"), [county], "{id}");
        assert_eq!(d["modified"].as_array().unwrap().len(), 1, "{id}: xsd:date");
        let [dist] = d["distributions"].as_array().unwrap().as_slice() else {
            panic!("{id}: one distribution: {d:#}")
        };
        let [url] = strings(&dist["download"]).try_into().unwrap();
        assert_eq!(strings(&dist["access"]), [url.as_str()], "{id}");
        let rel = url
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{id}: {url} is not under {base}"));
        assert!(
            public.join(rel).is_file(),
            "{id}: {rel} is not in the build"
        );
        let [media] = strings(&dist["media_type"]).try_into().unwrap();
        assert!(media.starts_with("https://www.iana.org/assignments/media-types/"));
        let [format] = strings(&dist["format"]).try_into().unwrap();
        assert!(format.starts_with("http://publications.europa.eu/resource/authority/file-type/"));
        downloads.insert(rel.to_string());
    }
    assert_eq!(
        downloads, files,
        "the catalogue's files are the build's data files"
    );
    datasets
}

fn the_fixture_catalogue_is_dcat_with_its_licence_and_contact() {
    let (_out, public) = built(&fixture());
    let rdf = rdf(&public);
    let datasets = assert_dcat(&fixture(), &public, &rdf);
    assert!(datasets.len() >= 6, "{datasets:#?}");
    let licence = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";
    for (id, d) in &datasets {
        assert_eq!(
            strings(&d["distributions"][0]["licence"]),
            [licence],
            "{id}"
        );
        assert_eq!(
            strings(&d["contact_emails"]),
            ["mailto:tuuli.rantanen@jarvilaakso.example"],
            "{id}"
        );
    }
    assert_eq!(strings(&rdf["languages"]), [format!("{EU_LANGUAGE}FIN")]);
}

fn the_real_site_catalogue_claims_no_licence_and_no_contact() {
    let (_out, public) = built(&root());
    let rdf = rdf(&public);
    let datasets = assert_dcat(&root(), &public, &rdf);
    assert_eq!(rdf["licence_triples"], 0, "no dct:license anywhere");
    for (id, d) in &datasets {
        assert_eq!(d["contact_emails"], serde_json::json!([]), "{id}");
    }
    assert!(
        datasets
            .keys()
            .any(|id| id.ends_with("#2025-aikataulu-ics"))
    );
}

fn the_bilingual_catalogue_speaks_both_languages() {
    let site = root().join("examples/kaksikielinen");
    let (_out, public) = built(&site);
    let rdf = rdf(&public);
    let datasets = assert_dcat(&site, &public, &rdf);
    assert_eq!(
        strings(&rdf["languages"]),
        [format!("{EU_LANGUAGE}FIN"), format!("{EU_LANGUAGE}SWE")]
    );
    let config = site_toml(&site);
    assert_eq!(
        in_language(&rdf["publisher_names"], "sv"),
        [config["region"]["sv"]["county"].as_str().unwrap()]
    );
    assert_eq!(
        in_language(&rdf["catalog_titles"], "sv"),
        [config["languages"]["sv"]["title"].as_str().unwrap()]
    );
    for (id, d) in &datasets {
        let [sv] = in_language(&d["titles"], "sv").try_into().unwrap();
        assert_ne!(in_language(&d["titles"], "fi")[0], sv, "{id}");
        assert_eq!(in_language(&d["descriptions"], "sv").len(), 1, "{id}");
    }
}

fn every_published_data_file_is_in_the_catalogue() {
    let (_out, public) = built(&fixture());
    let text = page(&public, "data/catalog.jsonld");
    let json: Value = serde_json::from_str(&text).unwrap();
    let downloads: BTreeSet<String> = json["dcat:dataset"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let url = d["dcat:distribution"][0]["dcat:downloadURL"]["@id"]
                .as_str()
                .unwrap();
            url.strip_prefix("https://jarvilaakso.example/")
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        downloads,
        data_files(&public),
        "a new open-data file needs its entry in src/publish/catalog.rs (data_files)"
    );
    assert!(downloads.contains("2030/aikataulu.ics"), "{downloads:?}");
    // hyte.json is as before: it does not point to the catalogue.
    assert!(!page(&public, "data/hyte.json").contains("catalog"));
}

fn the_data_page_links_the_catalogue() {
    let (_out, public) = built(&fixture());
    let html = page(&public, "data/index.html");
    assert!(html.contains("href=\"/data/catalog.jsonld\""), "{html}");
    assert!(html.contains("DCAT-AP"));
}
