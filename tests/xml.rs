//! Control characters an author can write in front matter and site.toml
//! (TOML's `"\f"`, `"\u000B"`, `"\u0001"`) never make the feed, the
//! sitemap or the calendars unreadable. The checks are the fuzz targets'
//! (fuzz/src/lib.rs): every XML file is read with quick-xml (tags,
//! attributes and references) and every character checked against XML
//! 1.0's `Char` production, which quick-xml does not check; every
//! calendar against RFC 5545's content line grammar.
//! Where Python's `icalendar` is installed (`.ci/run` installs it), the
//! files are also read with Python's expat and `icalendar`.

mod common;
#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod targets;

use std::path::Path;
use std::process::Command;

use common::*;
use targets::{parse_ics, parse_xml, xml_char};

const GROUP: &str = "content/2030/kuntaryhmat/kallioniemi-pikkula.md";

fn main() -> std::process::ExitCode {
    run_trials(vec![
        trial(
            "control_characters_in_front_matter_leave_feeds_and_calendars_well_formed",
            control_characters_in_front_matter_leave_feeds_and_calendars_well_formed,
        ),
        trial_needing(
            "control_characters_in_front_matter_leave_files_pythons_parsers_read",
            icalendar_missing,
            control_characters_in_front_matter_leave_files_pythons_parsers_read,
        ),
        trial(
            "the_checks_catch_what_they_are_for",
            the_checks_catch_what_they_are_for,
        ),
    ])
}

/// Why Python's `icalendar` cannot be used here, with the command that
/// installs it, or None.
fn icalendar_missing() -> Option<String> {
    let ok = Command::new("python3")
        .args(["-c", "import icalendar"])
        .status()
        .is_ok_and(|s| s.success());
    (!ok).then(|| {
        "python3 with the package icalendar is not installed: pip install icalendar".to_string()
    })
}

/// The fixture with control characters in a group page's title, summary
/// and location, a session's title and the site's title.
fn hostile_site() -> tempfile::TempDir {
    let fixture = fixture();
    let read = |rel: &str| std::fs::read_to_string(fixture.join(rel)).unwrap();
    let group = read(GROUP)
        .replace(
            "title = \"Kallioniemi ja Pikkula\"",
            r#"title = "Kallioniemi\fja\u000BPikkula\u0001""#,
        )
        .replace(
            "summary = \"Kahden",
            r#"summary = "Sivu\fvaihtuu\u000B\u007F\u0085. Kahden"#,
        )
        .replace(
            "location = \"Kallioniemen kunnantalo\"",
            r#"location = "Kallioniemen\fkunnantalo""#,
        );
    let year = read("content/2030/_index.md")
        .replace(
            "title = \"Järjestöfoorumi\"",
            r#"title = "Järjestö\ffoorumi\u000B""#,
        )
        .replace(
            "title = \"Hyvinvointineuvottelujen",
            r#"title = "Päätös\f\u000BHyvinvointineuvottelujen"#,
        );
    let config = read("site.toml").replace(
        "title = \"HYTE-neuvottelut Järvilaaksossa\"",
        r#"title = "HYTE-neuvottelut\fJärvilaaksossa""#,
    );
    assert!(group.contains(r"\f") && year.contains(r"\f") && config.contains(r"\f"));
    site_with(&[
        (GROUP, Some(&group)),
        ("content/2030/_index.md", Some(&year)),
        ("site.toml", Some(&config)),
    ])
}

/// Reads every XML file of `public` with Python's expat and every
/// calendar with `icalendar` (`.ci/run` installs it; where Python lacks
/// it, the test is ignored with the reason). Not tests/publish/validate.py: that one also compares
/// the calendars with hyte.json, which keeps the controls as JSON escapes.
fn python_parse(public: &Path) {
    const SCRIPT: &str = r#"
import sys, pathlib, xml.etree.ElementTree as ET, icalendar
public = pathlib.Path(sys.argv[1])
xml = sorted(public.rglob("*.xml"))
ics = sorted(public.rglob("*.ics"))
for path in xml:
    ET.parse(path)
events = sum(len(icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT")) for p in ics)
print(f"{len(xml)} XML files, {len(ics)} calendars, {events} events")
"#;
    let out = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(public)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("2 XML files, "), "{stdout}");
}

/// The hostile site built; the folders live as long as the tuple.
fn hostile_build() -> (tempfile::TempDir, tempfile::TempDir, std::path::PathBuf) {
    let site = hostile_site();
    let out = tempdir();
    let public = out.path().join("public");
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    (site, out, public)
}

fn control_characters_in_front_matter_leave_feeds_and_calendars_well_formed() {
    let (_site, _out, public) = hostile_build();

    let atom = parse_xml(&page(&public, "atom.xml")).unwrap_or_else(|e| panic!("atom.xml: {e}"));
    assert!(
        atom.contains("Kallioniemi\u{FFFD}ja\u{FFFD}Pikkula\u{FFFD}"),
        "the title stays, its controls replaced: {atom}"
    );
    assert!(atom.contains("Sivu\u{FFFD}vaihtuu\u{FFFD}\u{FFFD}\u{FFFD}."));
    assert!(atom.contains("HYTE-neuvottelut\u{FFFD}Järvilaaksossa"));
    assert!(atom.contains("Päätös\u{FFFD}\u{FFFD}Hyvinvointineuvottelujen"));
    let sitemap =
        parse_xml(&page(&public, "sitemap.xml")).unwrap_or_else(|e| panic!("sitemap.xml: {e}"));
    assert!(sitemap.contains("https://jarvilaakso.example/2030/kuntaryhmat/kallioniemi-pikkula/"));

    let mut calendars = 0;
    for (rel, bytes) in snapshot(&public) {
        if rel.extension().is_some_and(|e| e == "ics") {
            let name = rel.display().to_string();
            let text = String::from_utf8(bytes.unwrap()).unwrap();
            let lines = parse_ics(&text)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .join("\n");
            if name == "aikataulu.ics" {
                for wanted in [
                    "SUMMARY:Kallioniemi\u{FFFD}ja\u{FFFD}Pikkula\u{FFFD}",
                    "LOCATION:Kallioniemen\u{FFFD}kunnantalo",
                    "SUMMARY:Järjestö\u{FFFD}foorumi\u{FFFD}",
                    "X-WR-CALNAME:HYTE-neuvottelut\u{FFFD}Järvilaaksossa",
                ] {
                    assert!(lines.contains(wanted), "{name} lacks {wanted:?}:\n{lines}");
                }
            }
            calendars += 1;
        }
    }
    assert!(calendars >= 2, "{calendars} calendars");

    // Every page is HTML that an XML-minded reader (and the HTML parser)
    // takes too: no control but whitespace anywhere.
    for (rel, bytes) in snapshot(&public) {
        let name = rel.display().to_string();
        if name.ends_with(".html") || name.ends_with(".csv") {
            let text = String::from_utf8(bytes.unwrap()).unwrap();
            assert!(
                text.chars().all(xml_char),
                "{name}: a character XML 1.0 does not allow"
            );
        }
    }
    let group = page(&public, "2030/kuntaryhmat/kallioniemi-pikkula/index.html");
    assert!(group.contains("Kallioniemi\u{FFFD}ja\u{FFFD}Pikkula\u{FFFD}"));
}

fn control_characters_in_front_matter_leave_files_pythons_parsers_read() {
    let (_site, _out, public) = hostile_build();
    python_parse(&public);
}

fn the_checks_catch_what_they_are_for() {
    // A form feed in text: quick-xml reads it, XML 1.0 does not allow it.
    let feed = "<?xml version=\"1.0\"?><feed><title>a\u{c}b</title></feed>";
    let mut reader = quick_xml::Reader::from_str(feed);
    while !matches!(reader.read_event(), Ok(quick_xml::events::Event::Eof)) {}
    assert!(
        parse_xml(feed)
            .unwrap_err()
            .contains("not an XML 1.0 character")
    );
    for bad in [
        "<feed><title>a</feed>",
        "<feed><title>&#12;</title></feed>",
        "<feed a=\"&bogus;\"></feed>",
        "<feed>&bogus;</feed>",
        "<feed></feed><feed></feed>",
        "<feed><title>",
    ] {
        assert!(parse_xml(bad).is_err(), "{bad} passed");
    }
    assert_eq!(
        parse_xml("<a b=\"&amp;\">x&#228;&lt;</a>").as_deref(),
        Ok("xä<")
    );
    let ics = "BEGIN:VCALENDAR\r\nSUMMARY:a\u{c}b\r\nEND:VCALENDAR\r\n";
    assert!(parse_ics(ics).is_err());
    let ics = "BEGIN:VCALENDAR\r\nSUMMARY:a\nb\r\nEND:VCALENDAR\r\n";
    assert!(parse_ics(ics).is_err());
    let ics = "BEGIN:VCALENDAR\r\nSUMMARY:a\r\n b\r\nEND:VCALENDAR\r\n";
    assert_eq!(parse_ics(ics).unwrap()[1], "SUMMARY:ab");
}
