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
    site_built_on(Path::new(env!("CARGO_MANIFEST_DIR")), epoch)
}

/// The site at `root` built on the day of `epoch`.
fn site_built_on(root: &Path, epoch: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
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
    assert!(ahead.contains("Tilanne 1.3.2026."), "{ahead}");
    assert!(ahead.contains("HYTE-neuvottelut 2026"), "{ahead}");
    assert!(ahead.contains("Kuntakokous"), "{ahead}");
    let schedule = page(&march, "aikataulu/index.html");
    assert!(schedule.contains(">suunniteltu<"), "{schedule}");

    let (_d, december) = built_on(DECEMBER);
    let ahead = upcoming(&december);
    assert!(ahead.contains("Tilanne 1.12.2026."), "{ahead}");
    assert!(!ahead.contains("<li>"), "{ahead}");
    assert!(!ahead.contains("Kuntakokous"), "{ahead}");
    // What is known instead: the latest year, and that nothing of it is
    // published.
    assert!(
        ahead.contains("Viimeisin vuosi on <a href=\"/2026/\">HYTE-neuvottelut 2026</a>: toteutumisesta ei ole julkaistu tietoa."),
        "{ahead}"
    );
    assert!(
        ahead.contains("Tulevia neuvottelutilaisuuksia ei ole julkaistu"),
        "{ahead}"
    );
    let schedule = page(&december, "aikataulu/index.html");
    assert!(!schedule.contains(">suunniteltu<"), "{schedule}");
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

/// 1 October 2030: before every session of the fixture's year 2030.
const OCTOBER_2030: &str = "1917043200";

#[test]
fn a_held_year_with_sessions_ahead_is_a_warning_and_reads_as_ongoing() {
    let root = fixture();
    let mut cmd = hyte();
    cmd.env("SOURCE_DATE_EPOCH", OCTOBER_2030)
        .args(["check", "--root", root.to_str().unwrap()]);
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        has_location(&stderr, "content/2030/_index.md", 6),
        "{stderr}"
    );
    assert!(
        stderr.contains("varoitus: vuoden 2030 status = \"held\", mutta tilaisuus \"Kallioniemi ja Pikkula\" on vasta 14.10.2030 (ja 2 muuta tilaisuutta sen jälkeen)"),
        "{stderr}"
    );
    // On the default test date (15.1.2031) the year is past: no warning.
    let run = check(&root);
    assert!(!run.stderr.contains("vuoden 2030 status"), "{}", run.stderr);

    let (_out, public) = site_built_on(&root, OCTOBER_2030);
    let year = page(&public, "2030/index.html");
    assert!(year.contains(">Käynnissä<"), "{year}");
    let schedule = page(&public, "aikataulu/index.html");
    assert!(schedule.contains(">suunniteltu<"), "{schedule}");
}

#[test]
fn a_year_with_nothing_published_says_so_and_keeps_its_known_groups() {
    let (_d, december) = built_on(DECEMBER);
    let year = page(&december, "2024/index.html");
    assert!(
        year.contains("Toteutumisesta ei ole julkaistu tietoa"),
        "{year}"
    );
    let home = page(&december, "index.html");
    assert!(home.contains("HYTE-neuvottelut 2024</a> (toteutumisesta ei ole julkaistu tietoa)"));
    // The municipality page names its 2024 group (000: 2025 kept the 2024
    // groups) and says what is not known.
    let m = page(&december, "kunnat/jamsa/index.html");
    let at = m.find("id=\"vuosi-2024\"").expect("a 2024 section");
    let section = &m[at..m[at..].find("</section>").unwrap() + at];
    assert!(
        section.contains("<dd>Jämsä, Keuruu, Multia ja Petäjävesi</dd>"),
        "{section}"
    );
    assert!(section.contains(
        "Kuntaryhmän neuvotteluista ei ole julkaistu päivämääriä, sisältöä eikä nostoja."
    ));
}

#[test]
fn goals_are_labelled_by_the_plan_they_are_for() {
    let (_d, december) = built_on(DECEMBER);
    for rel in [
        "2025/index.html",
        "2025/kuntaryhmat/jyvaskyla-muurame/index.html",
        "painopisteet/arjen-turvallisuus/index.html",
    ] {
        let html = page(&december, rel);
        assert!(
            html.contains(
                "<strong>Tavoite (alueellinen hyvinvointisuunnitelma 2026–2029):</strong>"
            ),
            "{rel}"
        );
        assert!(!html.contains("Vuoden tavoite"), "{rel}");
    }
    assert!(page(&december, "2025/index.html").contains(
        "<caption id=\"tavoitteet-otsikko\">Tavoitteet: alueellinen hyvinvointisuunnitelma 2026–2029, painopisteittäin ja palvelukokonaisuuksittain</caption>"
    ));
}

#[test]
fn open_data_gives_the_derived_status_and_its_date() {
    let (_d, december) = built_on(DECEMBER);
    let json = page(&december, "data/hyte.json");
    assert!(
        json.contains("\"year\":2026,\"title\":\"HYTE-neuvottelut 2026\",\"status\":\"unreported\",\"typed_status\":\"planned\",\"as_of\":\"2026-12-01\""),
        "{json}"
    );
    let (_m, march) = built_on(MARCH);
    let json = page(&march, "data/hyte.json");
    assert!(
        json.contains(
            "\"status\":\"planned\",\"typed_status\":\"planned\",\"as_of\":\"2026-03-01\""
        )
    );
    assert!(json.contains("\"planned\":true,\"ahead\":true"));
}
