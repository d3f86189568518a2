//! Search quality on the real site: the 147 Finnish queries of
//! tests/search/queries.toml run through `/haku/?q=…` in headless Chromium
//! (tests/search/run.mjs); recall@5 must stay at 0.95 or more. Needs node,
//! Chromium and `npm ci` in tests/browser (see tests/browser.rs). This
//! target runs under libtest-mimic (`harness = false` in Cargo.toml): where
//! a tool is missing, that test is reported as ignored with the reason and
//! the command that installs it, and fails instead if HYTE_REQUIRE_TOOLS=1
//! is set, as in CI. Also the index files themselves, which need no browser
//! and are always checked.

#[path = "search/client.rs"]
mod client;
mod common;
#[path = "search/swedish.rs"]
mod swedish;

use std::path::Path;
use std::process::{Command, ExitCode};

use common::*;

fn main() -> ExitCode {
    run_trials(vec![
        trial(
            "the_index_is_split_and_carries_its_rules",
            the_index_is_split_and_carries_its_rules,
        ),
        trial(
            "a_swedish_index_finds_swedish_forms",
            swedish::a_swedish_index_finds_swedish_forms,
        ),
        trial_needing(
            "haku_js_searches_the_swedish_index",
            swedish::node_missing,
            swedish::haku_js_searches_the_swedish_index,
        ),
        trial_needing(
            "recall_at_5_on_the_finnish_query_set",
            || browser_tools_missing(false),
            recall_at_5_on_the_finnish_query_set,
        ),
        trial_needing(
            "the_bilingual_example_searches_each_language_in_its_own_words",
            || browser_tools_missing(false),
            the_bilingual_example_searches_each_language_in_its_own_words,
        ),
    ])
}

/// The example site's Finnish search page finds Finnish forms among the
/// Finnish pages, its Swedish one Swedish forms among the Swedish pages
/// ("äldres" finds "äldreomsorg"), each through its own index.
fn the_bilingual_example_searches_each_language_in_its_own_words() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempdir();
    let public = out.path().join("public");
    build(&dir.join("examples/kaksikielinen"), &public, &[]).assert_code(0);
    for (queries, search_path) in [("example-fi.toml", "haku/"), ("example-sv.toml", "sv/sok/")] {
        let run = Command::new("node")
            .arg(dir.join("tests/search/run.mjs"))
            .arg(&public)
            .args(["--min-recall", "1"])
            .arg("--queries")
            .arg(dir.join("tests/search").join(queries))
            .args(["--search-path", search_path])
            .output()
            .expect("node runs");
        let stdout = String::from_utf8_lossy(&run.stdout);
        eprintln!("{stdout}");
        assert!(
            run.status.success(),
            "{queries}: {stdout}\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}

fn the_index_is_split_and_carries_its_rules() {
    let out = tempdir();
    let public = out.path().join("public");
    build(&fixture(), &public, &[]).assert_code(0);
    let meta = page(&public, "haku/meta.json");
    for needle in [
        "\"rules\"",
        "\"stopwords\"",
        "\"kun\"",
        "\"page_of\"",
        "\"shards\"",
    ] {
        assert!(meta.contains(needle), "meta.json lacks {needle}");
    }
    // One key file per first letter, and document chunks.
    assert!(public.join("haku/i/k.json").is_file());
    assert!(public.join("haku/d/0.json").is_file());
    // The key file of "k" has the stem of Kallioniemi.
    let k = page(&public, "haku/i/k.json");
    assert!(k.contains("\"kallionie\""), "{k}");
    // Documents are sections with anchors; navigation is not indexed.
    let docs = page(&public, "haku/d/0.json");
    assert!(
        docs.contains("#yhteisollisyys-seniorit")
            || page(&public, "haku/d/1.json").contains("#yhteisollisyys-seniorit")
    );
    assert!(!docs.contains("Siirry pääsisältöön"));
}

fn recall_at_5_on_the_finnish_query_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempdir();
    let public = out.path().join("public");
    build(dir, &public, &[]).assert_code(0);
    let run = Command::new("node")
        .arg(dir.join("tests/search/run.mjs"))
        .arg(&public)
        .args(["--min-recall", "0.95"])
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    eprintln!("{stdout}");
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
