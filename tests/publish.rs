//! The machine-readable files: sitemap, robots.txt, Atom, iCalendar and
//! open data, checked with real parsers (tests/publish/validate.py: XML,
//! Python's `icalendar`, `jsonschema`) on the real site and the fixture,
//! and byte for byte stable from build to build.
//!
//! The Python packages are installed by `.ci/run`; where they are missing
//! the parser check says so and passes, unless HYTE_REQUIRE_TOOLS is set.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn built(site: &Path, extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    build(site, &public, extra).assert_no_panic().assert_code(0);
    (out, public)
}

fn validate(public: &Path) {
    let ok = Command::new("python3")
        .args(["-c", "import icalendar, jsonschema"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("HYTE_REQUIRE_TOOLS").is_none(),
            "python3 with icalendar and jsonschema is required (pip install icalendar jsonschema)"
        );
        eprintln!("skipping the parser checks: pip install icalendar jsonschema");
        return;
    }
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

#[test]
fn real_site_files_parse_and_hold_every_session() {
    let (_out, public) = built(Path::new(env!("CARGO_MANIFEST_DIR")), &[]);
    validate(&public);
    let ics = page(&public, "2025/aikataulu.ics");
    for title in ["Jyväskylä ja Muurame", "Palveluntuottajafoorumi"] {
        assert!(ics.contains(title), "2025 calendar lacks {title}");
    }
}

#[test]
fn fixture_files_parse_and_hold_every_session() {
    let (_out, public) = built(&fixture(), &[]);
    validate(&public);
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

#[test]
fn builds_are_byte_for_byte_reproducible() {
    let (_a, first) = built(&fixture(), &[]);
    let (_b, second) = built(&fixture(), &[]);
    assert_eq!(snapshot(&first), snapshot(&second));
}

#[test]
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
    validate(&public);
}
