//! The machine-readable files: sitemap, robots.txt, Atom, iCalendar and
//! open data, checked with real parsers (tests/publish/validate.py: XML,
//! Python's `icalendar`, `jsonschema`) on the real site and the fixture,
//! and byte for byte stable from build to build.
//!
//! The parser checks need python3 with the packages icalendar and
//! jsonschema (`pip install icalendar jsonschema`, done by `.ci/run`), so
//! they are tests of their own (`…_pass_the_parsers`); the other checks
//! need no tool and always run. This target runs under libtest-mimic
//! (`harness = false` in Cargo.toml): where Python or its packages are
//! missing, the parser tests are reported as ignored with the reason and
//! the command that installs them, and fail instead if
//! HYTE_REQUIRE_TOOLS=1 is set, as in CI.

mod common;

use std::path::Path;
use std::process::{Command, ExitCode};

use common::*;

fn main() -> ExitCode {
    run_trials(vec![
        trial(
            "real_site_files_hold_every_session",
            real_site_files_hold_every_session,
        ),
        trial_needing(
            "real_site_files_pass_the_parsers",
            python_parsers_missing,
            real_site_files_pass_the_parsers,
        ),
        trial(
            "fixture_files_hold_every_session",
            fixture_files_hold_every_session,
        ),
        trial_needing(
            "fixture_files_pass_the_parsers",
            python_parsers_missing,
            fixture_files_pass_the_parsers,
        ),
        trial(
            "builds_are_byte_for_byte_reproducible",
            builds_are_byte_for_byte_reproducible,
        ),
        trial(
            "a_subpath_base_url_reaches_feeds_calendars_and_data",
            a_subpath_base_url_reaches_feeds_calendars_and_data,
        ),
        trial_needing(
            "a_subpath_base_url_site_passes_the_parsers",
            python_parsers_missing,
            a_subpath_base_url_site_passes_the_parsers,
        ),
    ])
}

/// Why tests/publish/validate.py cannot run here, with the command that
/// installs what it needs, or None.
fn python_parsers_missing() -> Option<String> {
    if !runs("python3", &["--version"]) {
        Some(
            "python3 is not installed: apt-get install python3 python3-pip, \
             then pip install icalendar jsonschema"
                .into(),
        )
    } else if !runs("python3", &["-c", "import icalendar, jsonschema"]) {
        Some(
            "the Python packages icalendar and jsonschema are not installed: \
             pip install icalendar jsonschema"
                .into(),
        )
    } else {
        None
    }
}

fn built(site: &Path, extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    build(site, &public, extra).assert_no_panic().assert_code(0);
    (out, public)
}

/// Runs tests/publish/validate.py on a built site and asserts that it
/// found no problem.
fn validate(public: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/publish/validate.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(public)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn real_site_files_pass_the_parsers() {
    let (_out, public) = built(Path::new(env!("CARGO_MANIFEST_DIR")), &[]);
    validate(&public);
}

fn real_site_files_hold_every_session() {
    let (_out, public) = built(Path::new(env!("CARGO_MANIFEST_DIR")), &[]);
    let ics = page(&public, "2025/aikataulu.ics");
    for title in ["Jyväskylä ja Muurame", "Palveluntuottajafoorumi"] {
        assert!(ics.contains(title), "2025 calendar lacks {title}");
    }
}

fn fixture_files_pass_the_parsers() {
    let (_out, public) = built(&fixture(), &[]);
    validate(&public);
}

fn fixture_files_hold_every_session() {
    let (_out, public) = built(&fixture(), &[]);
    let ics = page(&public, "aikataulu.ics");
    assert!(ics.contains("\r\n"), "CRLF line ends");
    // A session with a time is local Helsinki time; one without is all day.
    assert!(
        ics.contains("DTSTART;TZID=Europe/Helsinki:20301014T090000"),
        "{ics}"
    );
    assert!(ics.contains("BEGIN:VTIMEZONE"));
    let json = page(&public, "data/hyte.json");
    assert!(json.contains("\"licence\":\"CC-BY-4.0\""));
    assert!(json.contains(
        "https://jarvilaakso.example/2030/kuntaryhmat/kallioniemi-pikkula/#yhteisollisyys-seniorit"
    ));
    let csv = page(&public, "data/havainnot.csv");
    assert!(csv.starts_with("vuosi,sivu,sivun_tyyppi,kunnat,painopiste,kohderyhma,nosto,osoite"));
    assert!(
        page(&public, "robots.txt").contains("Sitemap: https://jarvilaakso.example/sitemap.xml")
    );
}

fn builds_are_byte_for_byte_reproducible() {
    let (_a, first) = built(&fixture(), &[]);
    let (_b, second) = built(&fixture(), &[]);
    assert_eq!(snapshot(&first), snapshot(&second));
}

fn a_subpath_base_url_site_passes_the_parsers() {
    let (_out, public) = built(&fixture(), &["--base-url", "https://example.org/hyte/"]);
    validate(&public);
}

fn a_subpath_base_url_reaches_feeds_calendars_and_data() {
    let (_out, public) = built(&fixture(), &["--base-url", "https://example.org/hyte/"]);
    let sitemap = page(&public, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/hyte/2030/</loc>"));
    assert!(!sitemap.contains("jarvilaakso.example"));
    assert!(page(&public, "atom.xml").contains("href=\"https://example.org/hyte/atom.xml\""));
    assert!(
        page(&public, "aikataulu.ics").contains("URL:https://example.org/hyte/2030/kuntaryhmat/")
    );
    assert!(page(&public, "data/hyte.json").contains("https://example.org/hyte/2030/"));
}
