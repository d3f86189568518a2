//! Slips an author makes that used to pass in silence: each is an error or
//! a warning through the real binary, at the exact line of the slip.
//! Errors fail `check` and `build`; warnings are listed and fail only with
//! `--strict`; a draft's problems are reported by plain `check` and fail
//! it only with `--strict`.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const GROUP: &str = "content/2030/kuntaryhmat/kallioniemi-pikkula.md";
const YEAR: &str = "content/2030/_index.md";
const MUISTIO: &str = "content/2030/muistio.md";

fn fixture_text(rel: &str) -> String {
    fs::read_to_string(fixture().join(rel)).unwrap()
}

/// The fixture's group page with `from` replaced by `to`.
fn group_with(from: &str, to: &str) -> String {
    let text = fixture_text(GROUP);
    assert!(text.contains(from), "{from:?} is not in the fixture");
    text.replacen(from, to, 1)
}

fn check_strict(root: &Path) -> Run {
    run(["check", "--strict", "--root", root.to_str().unwrap()])
}

/// `check` and `build` both fail at `line` of `path`, mentioning `says`.
fn error_at(changes: &[(&str, Option<&str>)], path: &str, line: usize, says: &str) {
    let site = site_with(changes);
    let out = tempdir();
    for r in [
        check(site.path()),
        build(site.path(), &out.path().join("public"), &[]),
    ] {
        r.assert_no_panic()
            .assert_code(1)
            .assert_location(path, line)
            .assert_stderr_contains(says);
    }
    assert!(!out.path().join("public").exists());
}

/// `check` passes listing a warning at `line` of `path`; `--strict` fails.
fn warning_at(
    changes: &[(&str, Option<&str>)],
    path: &str,
    line: usize,
    says: &str,
) -> TempDirSite {
    let site = site_with(changes);
    let r = check(site.path());
    r.assert_no_panic()
        .assert_code(0)
        .assert_location(path, line);
    assert!(
        r.stderr.contains(&format!("varoitus: {says}")) || r.stderr.contains(says),
        "{}",
        r.stderr
    );
    r.assert_stderr_contains("varoitus:");
    check_strict(site.path()).assert_no_panic().assert_code(1);
    TempDirSite(site)
}

/// Keeps the site's folder alive for further assertions.
struct TempDirSite(tempfile::TempDir);

#[test]
fn a_stem_of_a_priority_area_loses_no_findings_in_silence() {
    let text = group_with("## Terveelliset elämäntavat", "## Terveys");
    error_at(
        &[(GROUP, Some(&text))],
        GROUP,
        23,
        "muistuttaa painopistettä \"Terveelliset elämäntavat\"",
    );
    // The target group under it is named at its own line too.
    error_at(
        &[(GROUP, Some(&text))],
        GROUP,
        25,
        "eivät ole minkään painopisteen alla",
    );
}

#[test]
fn hashes_without_a_space_are_an_error_at_their_line() {
    let text = group_with("## Yhteisöllisyys", "##Yhteisöllisyys");
    error_at(
        &[(GROUP, Some(&text))],
        GROUP,
        13,
        "alkaa #-merkillä, mutta se ei ole otsikko",
    );
}

#[test]
fn a_target_group_at_level_two_is_an_error() {
    let text = group_with("### Aikuiset", "## Aikuiset");
    error_at(
        &[(GROUP, Some(&text))],
        GROUP,
        25,
        "kohderyhmä \"Aikuiset\" on ##-tason otsikko",
    );
}

#[test]
fn a_finding_indented_with_a_tab_is_an_error() {
    let text = group_with("- Kuntosalien", "\t- Kuntosalien");
    error_at(
        &[(GROUP, Some(&text))],
        GROUP,
        27,
        "sisennetty rivi näkyy koodina",
    );
}

#[test]
fn raw_html_is_a_warning_and_its_text_is_kept() {
    let text = group_with(
        "Neuvotteluun osallistui kuntien ja hyvinvointialueen johtoa.",
        "<div>Tärkeä huomautus kokouksesta.</div>\n\n<table><tr><td>Kallioniemi</td><td>14.10.</td></tr></table>\n\nUimakoulu <script>alert(\"hei\")</script> alkaa.",
    );
    let site = warning_at(&[(GROUP, Some(&text))], GROUP, 11, "HTML-tagi <div>");
    let r = check(site.0.path());
    r.assert_location(GROUP, 13).assert_location(GROUP, 15);
    r.assert_stderr_contains("HTML-tagi <table>")
        .assert_stderr_contains("HTML-tagi <script> poistetaan sivulta sisältöineen");
    let out = tempdir();
    let public = out.path().join("public");
    build(site.0.path(), &public, &[]).assert_code(0);
    let html = page(&public, "2030/kuntaryhmat/kallioniemi-pikkula/index.html");
    assert!(
        html.contains("<p>Tärkeä huomautus kokouksesta.</p>"),
        "{html}"
    );
    assert!(html.contains("<p>Kallioniemi 14.10.</p>"), "{html}");
    assert!(!html.contains("alert"), "{html}");
}

#[test]
fn a_draft_is_checked_and_its_problems_are_a_drafts() {
    let draft =
        "+++\ntitle = \"Ylä-Saari\"\ndraft = true\nmunicipalities = [\"Ylä-Saarri\"]\n+++\n";
    let site = site_with(&[("content/2031/kuntaryhmat/yla-saari.md", Some(draft))]);
    let r = check(site.path());
    r.assert_no_panic()
        .assert_code(0)
        .assert_location("content/2031/kuntaryhmat/yla-saari.md", 4)
        .assert_stderr_contains("virhe (luonnos): kuntaa \"Ylä-Saarri\" ei ole")
        .assert_stderr_contains("2 luonnosta tarkistettu")
        .assert_stderr_contains("luonnoksissa lisäksi 1 virhe");
    check_strict(site.path()).assert_no_panic().assert_code(1);
    // The build leaves drafts out and succeeds.
    let out = tempdir();
    build(site.path(), &out.path().join("public"), &[]).assert_code(0);
}

#[test]
fn a_new_group_published_unfinished_gets_warnings() {
    let site = site_with(&[]);
    let root = site.path().to_str().unwrap().to_string();
    run(["new", "group", "2031", "Kallioniemi", "--root", &root]).assert_code(0);
    let path = site.path().join("content/2031/kuntaryhmat/kallioniemi.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("draft = true\n", "")).unwrap();
    let r = check(site.path());
    r.assert_no_panic()
        .assert_code(0)
        .assert_stderr_contains("kuntaryhmän sivulla ei ole neuvottelupäivää")
        .assert_stderr_contains("kuntaryhmän sivulla ei ole yhtään nostoa")
        .assert_stderr_contains("kohderyhmän otsikon alla ei ole yhtään nostoa");
    assert!(
        !r.stderr.contains("HTML-"),
        "the scaffold's comment is no raw HTML: {}",
        r.stderr
    );
    check_strict(site.path()).assert_code(1);
}

#[test]
fn a_group_page_in_a_wrong_folder_is_told_where_to_go() {
    let text = fixture_text(GROUP);
    error_at(
        &[
            (GROUP, None),
            ("content/2030/ryhmat/kallioniemi-pikkula.md", Some(&text)),
        ],
        "content/2030/ryhmat/kallioniemi-pikkula.md",
        3,
        "content/2030/kuntaryhmat/kallioniemi-pikkula.md",
    );
}

#[test]
fn a_relative_link_is_reported_where_it_is_written() {
    let text = fixture_text(MUISTIO).replacen(
        "Muistion laati",
        "Katso [vuosi](2030/).\n\nMuistion laati",
        1,
    );
    error_at(
        &[(MUISTIO, Some(&text))],
        MUISTIO,
        6,
        "rikkinäinen linkki (2030/)",
    );
    let site = site_with(&[(MUISTIO, Some(&text))]);
    check(site.path()).assert_stderr_contains("suhteellinen linkki \"2030/\"");
}

#[test]
fn a_bad_value_in_the_second_session_is_reported_at_its_own_line() {
    let text = fixture_text(YEAR).replacen(
        "title = \"Seurakuntien kuuleminen\"\n",
        "title = \"Seurakuntien kuuleminen\"\nstart_time = \"25:99\"\n",
        1,
    );
    assert_eq!(text.lines().nth(19), Some("start_time = \"25:99\""));
    error_at(
        &[(YEAR, Some(&text))],
        YEAR,
        20,
        "`start_time` = \"25:99\" ei ole kellonaika",
    );
}

#[test]
fn the_real_site_lists_its_warnings_and_strict_fails_on_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let r = check(root);
    r.assert_no_panic()
        .assert_code(0)
        .assert_location("site.toml", line_of(root, "base_url = "))
        .assert_stderr_contains("varoitus: sivuston osoite base_url = \"https://hyte.example.fi/\" on esimerkki- tai paikkamerkkiosoite")
        .assert_stderr_contains("varoitus: yhteystieto ([contact]) on vahvistamatta");
    assert!(r.stderr.contains(" varoitusta"), "{}", r.stderr);
    let strict = check_strict(root);
    strict
        .assert_no_panic()
        .assert_code(1)
        .assert_stderr_contains("varoitus: sivuston osoite base_url");
    // An address given on the command line is no placeholder.
    let r = run([
        "check",
        "--root",
        root.to_str().unwrap(),
        "--base-url",
        "https://hyte.test-county.fi/",
    ]);
    assert!(!r.stderr.contains("paikkamerkkiosoite"), "{}", r.stderr);
}

/// The line of `site.toml` that starts with `start` (for asserting a
/// location; the binary takes its lines from the TOML parser).
fn line_of(root: &Path, start: &str) -> usize {
    fs::read_to_string(root.join("site.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap()
        + 1
}

#[test]
fn an_unquoted_finnish_date_or_time_is_answered_with_the_form_to_write() {
    let text = group_with("date = 2030-10-14", "date = 14.10.2030");
    error_at(&[(GROUP, Some(&text))], GROUP, 4, "date = 2030-10-14");
    let text = group_with("start_time = \"09:00\"", "start_time = 09:00");
    error_at(&[(GROUP, Some(&text))], GROUP, 5, "start_time = \"09:00\"");
}

#[test]
fn a_misspelt_municipality_does_not_make_others_look_missing() {
    let text = group_with("\"Pikkula\"]", "\"Pikula\"]");
    let site = site_with(&[(GROUP, Some(&text))]);
    let r = check(site.path());
    r.assert_code(1).assert_location(GROUP, 3);
    assert!(
        !r.stderr.contains("eivät ole missään kuntaryhmässä"),
        "{}",
        r.stderr
    );
}
