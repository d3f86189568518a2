//! Hostile content never reaches a reader as code. The fixture site gets
//! a page of payloads (`tests/fixtures/hyokkays.md`: raw HTML, `<script>`,
//! event handlers, SVG, `javascript:`/`vbscript:`/`data:` links and
//! images, style attributes, quotes in link titles) and payloads in the
//! front matter of a group page (`</title>`, quotes). The built HTML is
//! checked as text here, and in headless Chromium (tests/browser/xss.mjs),
//! where each payload would set `window.__xss` or open a dialog if it ran.
//!
//! The browser test needs node, Chromium and `npm ci` in tests/browser
//! (see tests/browser.rs). This target runs under libtest-mimic (`harness =
//! false` in Cargo.toml): where a tool is missing, that test is reported as
//! ignored with the reason and the command that installs it, and fails
//! instead if HYTE_REQUIRE_TOOLS=1 is set, as in CI. The text checks need
//! no tool and always run.

mod common;
#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod rules;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use common::*;

fn main() -> ExitCode {
    run_trials(vec![
        trial(
            "payloads_are_escaped_or_removed_in_the_html",
            payloads_are_escaped_or_removed_in_the_html,
        ),
        trial_needing(
            "no_payload_runs_in_a_browser",
            || browser_tools_missing(false),
            no_payload_runs_in_a_browser,
        ),
    ])
}

const GROUP: &str = "content/2030/kuntaryhmat/yla-saari-ohrinkyla-ammala.md";

fn hostile_site() -> (tempfile::TempDir, PathBuf) {
    let payloads = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hyokkays.md"),
    )
    .unwrap();
    let group = std::fs::read_to_string(fixture().join(GROUP))
        .unwrap()
        .replace(
            "title = \"Pohjoinen kuntaryhmä\"",
            r#"title = "Pohjoinen </title><script>window.__xss='group title'</script>""#,
        )
        .replace(
            "location = \"Etäkokous\"",
            r#"location = "\"><img src=x onerror=\"window.__xss='location'\">""#,
        )
        .replace(
            "summary = \"Kolmen pohjoisen kunnan yhteinen neuvottelu etänä.\"",
            r#"summary = "<svg onload=\"window.__xss='summary'\"></svg> ' \" &""#,
        )
        .replace(
            "- Uimakoulu tarjotaan",
            "- Uimakoulu <script>window.__xss='finding'</script> [x](javascript:window.__xss='link') tarjotaan",
        );
    let site = site_with(&[
        ("content/hyokkays.md", Some(&payloads)),
        (GROUP, Some(&group)),
    ]);
    let public = site.path().join("public");
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    (site, public)
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(html_files(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    out
}

fn payloads_are_escaped_or_removed_in_the_html() {
    let (_site, public) = hostile_site();
    let files = html_files(&public);
    assert!(files.len() > 20);
    for file in &files {
        let html = std::fs::read_to_string(file).unwrap();
        let name = file.strip_prefix(&public).unwrap().display().to_string();
        // The fuzz targets' rules: no script but the theme's, no event
        // handler or style attribute, no other URL scheme, no markup in
        // the title, no control character.
        rules::check_html(&html, &name);
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            assert!(
                tag.starts_with("<script src=\"/haku.js\""),
                "{name}: a script that is not the theme's: {tag}"
            );
        }
        for bad in ["<img src=x", "<form action=\"j"] {
            assert!(!html.contains(bad), "{name}: {bad}");
        }
        assert!(
            html.contains(
                r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'"#
            ),
            "{name}: no Content-Security-Policy"
        );
    }
    // The words stay, as text.
    let payloads = page(&public, "hyokkays/index.html");
    assert!(payloads.contains("Otsikko &lt;/title&gt;&lt;script&gt;"));
    assert!(payloads.contains("<p>javascript-linkki\n"));
    let group = page(
        &public,
        "2030/kuntaryhmat/yla-saari-ohrinkyla-ammala/index.html",
    );
    // An inline script goes with its content; the words around it stay.
    assert!(group.contains("Uimakoulu  x tarjotaan"), "{group}");
    assert!(
        !group.contains("__xss=&#x27;finding") && !group.contains("__xss='finding"),
        "{group}"
    );
    assert!(!group.contains("javascript:"));
}

fn no_payload_runs_in_a_browser() {
    let (_site, public) = hostile_site();
    browser_script("xss.mjs", &public, "no payload ran");
}
