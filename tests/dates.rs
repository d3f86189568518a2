//! The public record stays true over time: what is ahead or past comes
//! from the dates and the build's date (`SOURCE_DATE_EPOCH`), not from a
//! typed status. The real site is built on two days of 2026.

mod common;

use std::path::Path;

use common::*;

/// 1 March 2026 and 1 December 2026, 00:00 UTC (02:00 in Helsinki).
const MARCH: &str = "1772323200";
const DECEMBER: &str = "1796083200";

fn built_on(epoch: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = hyte();
    cmd.env("SOURCE_DATE_EPOCH", epoch).args([
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        public.to_str().unwrap(),
    ]);
    let r = cmd.output().unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    (out, public)
}

/// The front page's "Tulevat neuvottelut" section.
fn upcoming(public: &Path) -> String {
    let html = page(public, "index.html");
    let start = html.find("id=\"tulossa\"").expect("the upcoming section");
    let end = html[start..].find("<h2").map_or(html.len(), |i| start + i);
    html[start..end].to_string()
}

#[test]
fn spring_2026_is_upcoming_in_march_and_not_in_december() {
    let (_m, march) = built_on(MARCH);
    let ahead = upcoming(&march);
    assert!(ahead.contains("HYTE-neuvottelut 2026"), "{ahead}");
    assert!(ahead.contains("Kuntakokous"), "{ahead}");
    let schedule = page(&march, "aikataulu/index.html");
    assert!(schedule.contains(">tulossa<"), "{schedule}");

    let (_d, december) = built_on(DECEMBER);
    let ahead = upcoming(&december);
    assert!(!ahead.contains("2026"), "{ahead}");
    assert!(
        ahead.contains("Tulevia neuvottelutilaisuuksia ei ole julkaistu"),
        "{ahead}"
    );
    let schedule = page(&december, "aikataulu/index.html");
    assert!(!schedule.contains(">tulossa<"), "{schedule}");
    assert!(schedule.contains("toteutumisesta ei ole julkaistu tietoa"));
    // Past sessions newest first: 2026 before 2025 before 2023.
    let at = |s: &str| schedule.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(at("huhti–toukokuu 2026") < at("3.12.2025"));
    assert!(at("3.12.2025") < at("syksy 2023"));
    for rel in [
        "kunnat/jyvaskyla/index.html",
        "painopisteet/arjen-turvallisuus/index.html",
        "2026/index.html",
    ] {
        let html = page(&december, rel);
        assert!(
            !html.contains("suunnitteilla"),
            "{rel} presents 2026 as planned"
        );
        assert!(!html.contains("(suunniteltu)"), "{rel}");
    }
    let municipality = page(&december, "kunnat/jyvaskyla/index.html");
    assert!(municipality.contains("toteutumisesta ei ole julkaistu tietoa"));
    let year = page(&december, "2026/index.html");
    assert!(
        year.contains("Toteutumisesta ei ole julkaistu tietoa"),
        "{year}"
    );
}

#[test]
fn builds_with_the_same_date_are_byte_identical() {
    let (_a, a) = built_on(DECEMBER);
    let (_b, b) = built_on(DECEMBER);
    let files = |p: &Path| snapshot(p);
    assert_eq!(files(&a), files(&b));
}

#[test]
fn a_plan_that_has_passed_is_a_warning_at_its_status_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = hyte();
    cmd.env("SOURCE_DATE_EPOCH", DECEMBER)
        .args(["check", "--root", root.to_str().unwrap()]);
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = std::fs::read_to_string(root.join("content/2026/_index.md"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("status = "))
        .unwrap()
        + 1;
    assert!(
        has_location(&stderr, "content/2026/_index.md", line),
        "{stderr}"
    );
    assert!(stderr.contains("varoitus: vuoden 2026 status = \"planned\", mutta kaikkien sen tilaisuuksien ajankohta on mennyt"), "{stderr}");
    let mut cmd = hyte();
    cmd.env("SOURCE_DATE_EPOCH", MARCH)
        .args(["check", "--root", root.to_str().unwrap()]);
    let out = cmd.output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("vuoden 2026 status"));
}
