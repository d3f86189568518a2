//! Invalid sites: each test copies the valid fixture, breaks one thing and
//! checks that both `hyte check` and `hyte build` reject it with exit status
//! 1, a message that points at the right file and line, and no panic; and
//! that a failed build leaves the previous output untouched.
//!
//! Line numbers count the first `+++` of a file as line 1.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const GROUP: &str = "content/2030/kuntaryhmat/kallioniemi-pikkula.md";
const OTHER_GROUP: &str = "content/2030/kuntaryhmat/yla-saari-ohrinkyla-ammala.md";
const MUISTIO: &str = "content/2030/muistio.md";
const PERSPECTIVE: &str = "content/2030/nakokulmat/jarjestot.md";
const YEAR_2031: &str = "content/2031/_index.md";

/// Run `check` and `build` on `site`; both must fail with status 1 without
/// a panic, and `build` must write nothing. Returns the two runs for further
/// assertions on their messages.
fn rejected(site: &Path) -> [Run; 2] {
    let checked = check(site);
    checked.assert_no_panic().assert_code(1);

    let out = tempdir();
    let public = out.path().join("public");
    let built = build(site, &public, &[]);
    built.assert_no_panic().assert_code(1);
    assert!(
        list_dir(out.path()).is_empty(),
        "a failed build left {:?} in the output's parent folder",
        list_dir(out.path())
    );
    assert!(
        !site.join("public").exists(),
        "a failed build wrote into the site folder"
    );
    [checked, built]
}

/// The site with `changes` is rejected by both verbs, and both point at
/// `path:line` and mention every one of `mentions`.
fn assert_rejected_at(
    changes: &[(&str, Option<&str>)],
    path: &str,
    line: usize,
    mentions: &[&str],
) {
    let site = site_with(changes);
    for r in rejected(site.path()) {
        r.assert_location(path, line);
        for m in mentions {
            r.assert_stderr_contains(m);
        }
    }
}

// ---------------------------------------------------------------- front matter

#[test]
fn invalid_toml_value_in_front_matter() {
    let text = "+++\n\
                title = \"Kallioniemi ja Pikkula\"\n\
                municipalities = [\"Kallioniemi\", \"Pikkula\"]\n\
                date = 2030-13-45\n\
                +++\n\
                \n\
                Teksti.\n";
    assert_rejected_at(&[(GROUP, Some(text))], GROUP, 4, &[]);
}

#[test]
fn unclosed_string_in_front_matter() {
    let text = "+++\n\
                title = \"Kallioniemi ja Pikkula\n\
                municipalities = [\"Kallioniemi\", \"Pikkula\"]\n\
                date = 2030-10-14\n\
                +++\n";
    assert_rejected_at(&[(GROUP, Some(text))], GROUP, 2, &[]);
}

#[test]
fn unknown_key_in_front_matter() {
    let text = "+++\n\
                title = \"Kallioniemi ja Pikkula\"\n\
                municipalites = [\"Kallioniemi\", \"Pikkula\"]\n\
                date = 2030-10-14\n\
                +++\n";
    assert_rejected_at(
        &[(GROUP, Some(text))],
        GROUP,
        3,
        &[
            "tuntematon avain `municipalites`",
            "tarkoititko `municipalities`?",
        ],
    );
}

#[test]
fn wrong_type_in_front_matter() {
    let text = "+++\n\
                title = 5\n\
                +++\n\
                \n\
                Teksti.\n";
    assert_rejected_at(&[(MUISTIO, Some(text))], MUISTIO, 2, &[]);
}

#[test]
fn date_written_as_a_string() {
    let text = "+++\n\
                title = \"Kallioniemi ja Pikkula\"\n\
                municipalities = [\"Kallioniemi\", \"Pikkula\"]\n\
                date = \"14.10.2030\"\n\
                +++\n";
    assert_rejected_at(&[(GROUP, Some(text))], GROUP, 4, &[]);
}

#[test]
fn missing_title() {
    let text = "+++\n\
                municipalities = [\"Kallioniemi\", \"Pikkula\"]\n\
                date = 2030-10-14\n\
                +++\n";
    let site = site_with(&[(GROUP, Some(text))]);
    for r in rejected(site.path()) {
        r.assert_stderr_contains("puuttuva avain `title`");
        // No line holds the missing key: the front matter's first line
        // (the `+++` or the line after it) is the place to point at.
        assert!(
            has_location(&r.stderr, GROUP, 1) || has_location(&r.stderr, GROUP, 2),
            "expected {GROUP}:1 or :2\n{}",
            r.stderr
        );
    }
}

#[test]
fn no_front_matter() {
    let text = "# Neuvottelujen muistio\n\nTeksti ilman etukappaletta.\n";
    assert_rejected_at(&[(MUISTIO, Some(text))], MUISTIO, 1, &[]);
}

#[test]
fn unclosed_front_matter() {
    let text = "+++\n\
                title = \"Neuvottelujen muistio\"\n\
                \n\
                Teksti, jota edeltävää etukappaletta ei suljettu.\n";
    assert_rejected_at(&[(MUISTIO, Some(text))], MUISTIO, 1, &[]);
}

#[test]
fn empty_file() {
    let site = site_with(&[(MUISTIO, Some(""))]);
    for r in rejected(site.path()) {
        // An empty file has no lines: either line 1 or no line at all.
        let without_line = r.stderr.lines().any(|l| l.trim_end().ends_with(MUISTIO));
        assert!(
            has_location(&r.stderr, MUISTIO, 1) || without_line,
            "expected {MUISTIO}:1 or {MUISTIO} without a line\n{}",
            r.stderr
        );
    }
}

#[test]
fn invalid_utf8() {
    let bytes: &[u8] = b"+++\ntitle = \"Neuvottelujen muistio\"\n+++\n\nTeksti \xff\xfe rikki.\n";
    let site = site_with_bytes(&[(MUISTIO, Some(bytes))]);
    for r in rejected(site.path()) {
        r.assert_location(MUISTIO, 5);
    }
}

// ---------------------------------------------------------------- the model

#[test]
fn municipality_not_in_site_toml() {
    let text = "+++\n\
                title = \"Kallioniemi ja Mäntylä\"\n\
                municipalities = [\"Kallioniemi\", \"Mäntylä\"]\n\
                date = 2030-10-14\n\
                +++\n";
    assert_rejected_at(&[(GROUP, Some(text))], GROUP, 3, &["Mäntylä"]);
}

#[test]
fn municipality_in_two_groups_of_a_year() {
    let text = "+++\n\
                title = \"Pohjoinen kuntaryhmä\"\n\
                municipalities = [\"yla-saari\", \"ohrinkyla\", \"Ämmälä\", \"Pikkula\"]\n\
                date = 2030-10-21\n\
                +++\n";
    let site = site_with(&[(OTHER_GROUP, Some(text))]);
    for r in rejected(site.path()) {
        assert!(
            has_location(&r.stderr, GROUP, 3) || has_location(&r.stderr, OTHER_GROUP, 3),
            "expected the municipalities line of one of the groups\n{}",
            r.stderr
        );
        // Both groups are named, and so is the municipality (beyond the
        // file name that happens to contain it).
        r.assert_stderr_contains("kallioniemi-pikkula");
        r.assert_stderr_contains("yla-saari-ohrinkyla-ammala");
        let rest = r.stderr.replace("kallioniemi-pikkula", "");
        assert!(
            rest.to_lowercase().contains("pikkula"),
            "the message does not name Pikkula\n{}",
            r.stderr
        );
    }
}

#[test]
fn two_pages_with_the_same_url() {
    let site = site_with(&[
        ("content/foo.md", Some("+++\ntitle = \"Foo\"\n+++\n")),
        (
            "content/foo/_index.md",
            Some("+++\ntitle = \"Foo taas\"\n+++\n"),
        ),
    ]);
    for r in rejected(site.path()) {
        r.assert_names_file("content/foo.md");
        r.assert_names_file("content/foo/_index.md");
    }
}

#[test]
fn unknown_target_group_heading() {
    let text = "+++\n\
                title = \"Järjestöt ja seurakunnat\"\n\
                +++\n\
                \n\
                ## Yhteisöllisyys\n\
                \n\
                ### Teinit\n\
                \n\
                - Nuorisotilat avataan iltaisin.\n";
    assert_rejected_at(&[(PERSPECTIVE, Some(text))], PERSPECTIVE, 7, &["Teinit"]);
}

#[test]
fn unknown_priority_in_goals() {
    let text = "+++\n\
                title = \"HYTE-neuvottelut 2031\"\n\
                status = \"planned\"\n\
                target_groups = [\"Lapset\", \"Aikuiset\", \"Seniorit\"]\n\
                \n\
                [[goals]]\n\
                priority = \"Liikunta\"\n\
                target_group = \"Lapset\"\n\
                goal = \"Jokainen lapsi liikkuu tunnin päivässä.\"\n\
                +++\n";
    assert_rejected_at(&[(YEAR_2031, Some(text))], YEAR_2031, 7, &["Liikunta"]);
}

#[test]
fn unknown_target_group_in_goals() {
    let text = "+++\n\
                title = \"HYTE-neuvottelut 2031\"\n\
                status = \"planned\"\n\
                target_groups = [\"Lapset\", \"Aikuiset\", \"Seniorit\"]\n\
                \n\
                [[goals]]\n\
                priority = \"Yhteisöllisyys\"\n\
                target_group = \"Teinit\"\n\
                goal = \"Nuorisotilat ovat auki iltaisin.\"\n\
                +++\n";
    assert_rejected_at(&[(YEAR_2031, Some(text))], YEAR_2031, 8, &["Teinit"]);
}

#[test]
fn year_folder_without_its_index() {
    let site = site_with(&[(
        "content/2032/muistio.md",
        Some("+++\ntitle = \"Muistio 2032\"\n+++\n"),
    )]);
    for r in rejected(site.path()) {
        r.assert_stderr_contains("2032");
        r.assert_stderr_contains("_index.md");
    }
}

#[test]
fn slug_with_parent_folder() {
    let text = "+++\n\
                title = \"Neuvottelujen muistio\"\n\
                slug = \"../x\"\n\
                +++\n";
    assert_rejected_at(&[(MUISTIO, Some(text))], MUISTIO, 3, &[]);
}

#[test]
fn slug_with_slash() {
    let text = "+++\n\
                title = \"Neuvottelujen muistio\"\n\
                slug = \"a/b\"\n\
                +++\n";
    assert_rejected_at(&[(MUISTIO, Some(text))], MUISTIO, 3, &[]);
}

// ---------------------------------------------------------------- site.toml

fn fixture_site_toml() -> String {
    fs::read_to_string(fixture().join("site.toml")).unwrap()
}

#[test]
fn invalid_toml_in_site_toml() {
    let original = fixture_site_toml();
    let line = original
        .lines()
        .position(|l| l.starts_with("base_url"))
        .expect("the fixture has base_url")
        + 1;
    let broken = original.replace(
        "base_url = \"https://jarvilaakso.example/\"",
        "base_url = https://jarvilaakso.example/",
    );
    assert_ne!(broken, original);
    assert_rejected_at(&[("site.toml", Some(&broken))], "site.toml", line, &[]);
}

#[test]
fn unknown_key_in_site_toml() {
    let broken = format!("titel = \"Väärin kirjoitettu\"\n{}", fixture_site_toml());
    assert_rejected_at(
        &[("site.toml", Some(&broken))],
        "site.toml",
        1,
        &["tuntematon avain `titel`"],
    );
}

#[test]
fn missing_site_toml() {
    let site = site_with(&[("site.toml", None)]);
    for r in rejected(site.path()) {
        r.assert_stderr_contains("site.toml");
    }
}

// ---------------------------------------------------------------- templates

#[test]
fn template_syntax_error_in_a_site_override() {
    let template = "<!doctype html>\n\
                    <title>{{ page.title }}</title>\n\
                    {% if %}\n\
                    <p>rikki</p>\n";
    assert_rejected_at(
        &[("templates/page.html", Some(template))],
        "templates/page.html",
        3,
        &["sivupohja ei toimi: kielioppivirhe (minijinja: "],
    );
}

// ---------------------------------------------------------------- several at once

#[test]
fn check_reports_every_broken_file() {
    let site = site_with(&[
        // invalid TOML on line 2
        (GROUP, Some("+++\ntitle = \"Kallioniemi ja Pikkula\n+++\n")),
        // an unknown key on line 3
        (
            YEAR_2031,
            Some("+++\ntitle = \"HYTE-neuvottelut 2031\"\nstatuss = \"planned\"\n+++\n"),
        ),
        // no front matter at all
        (PERSPECTIVE, Some("Pelkkää tekstiä.\n")),
    ]);
    let r = check(site.path());
    r.assert_no_panic().assert_code(1);
    r.assert_location(GROUP, 2);
    r.assert_location(YEAR_2031, 3);
    r.assert_location(PERSPECTIVE, 1);
}

// ---------------------------------------------------------------- atomic output

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let site = site_with(&[]);
    let out = tempdir();
    let public = out.path().join("public");

    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    let files_before = snapshot(&public);
    let parent_before = list_dir(out.path());
    assert!(files_before.contains_key(Path::new("index.html")));
    assert_eq!(parent_before, ["public"]);

    fs::write(
        site.path().join(MUISTIO),
        "+++\ntitle = \"Neuvottelujen muistio\"\nupdated = 2030-13-01\n+++\n",
    )
    .unwrap();
    let r = build(site.path(), &public, &[]);
    r.assert_no_panic().assert_code(1);
    r.assert_location(MUISTIO, 3);

    assert!(
        snapshot(&public) == files_before,
        "the failed build changed the previous output"
    );
    assert_eq!(
        list_dir(out.path()),
        parent_before,
        "the failed build left something next to public/"
    );
}

#[test]
fn successful_rebuild_replaces_the_output_and_leaves_nothing_beside_it() {
    let site = site_with(&[]);
    let out = tempdir();
    let public = out.path().join("public");

    build(site.path(), &public, &[]).assert_code(0);
    assert!(public.join("2030/muistio/index.html").is_file());

    // A page removed from the content is gone from the next build.
    fs::remove_file(site.path().join(MUISTIO)).unwrap();
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    assert!(public.join("index.html").is_file());
    assert!(
        !public.join("2030/muistio").exists(),
        "a stale page survived the rebuild"
    );
    assert_eq!(list_dir(out.path()), ["public"]);
}

#[test]
fn misspelt_municipality_gets_a_did_you_mean_hint() {
    let text = "+++\n\
                title = \"Kallioniemi ja Pikkula\"\n\
                municipalities = [\"Kallioniemi\", \"Pikula\"]\n\
                date = 2030-10-14\n\
                +++\n";
    assert_rejected_at(
        &[(GROUP, Some(text))],
        GROUP,
        3,
        &["Pikula", "tarkoititko \"Pikkula\""],
    );
}

#[test]
fn municipality_in_no_group_of_a_grouped_year() {
    // Pikkula leaves its group: in a year with groups, every municipality
    // must be in one.
    let text = "+++\n\
                title = \"Kallioniemi\"\n\
                municipalities = [\"Kallioniemi\"]\n\
                date = 2030-10-14\n\
                +++\n";
    let site = site_with(&[(GROUP, Some(text))]);
    for r in rejected(site.path()) {
        r.assert_names_file("content/2030/_index.md");
        r.assert_stderr_contains("Pikkula");
        r.assert_stderr_contains("eivät ole missään kuntaryhmässä");
    }
}

#[test]
fn group_date_outside_its_year() {
    let text = "+++\n\
                title = \"Kallioniemi ja Pikkula\"\n\
                municipalities = [\"Kallioniemi\", \"Pikkula\"]\n\
                date = 2029-10-14\n\
                +++\n";
    assert_rejected_at(
        &[(GROUP, Some(text))],
        GROUP,
        4,
        &["2029-10-14", "ei ole vuonna 2030"],
    );
}

#[test]
fn impossible_date() {
    let text = "+++\n\
                title = \"Kallioniemi ja Pikkula\"\n\
                municipalities = [\"Kallioniemi\", \"Pikkula\"]\n\
                date = 2030-02-30\n\
                +++\n";
    assert_rejected_at(&[(GROUP, Some(text))], GROUP, 4, &[]);
}

#[test]
fn misspelt_priority_heading_gets_a_hint() {
    let text = "+++\n\
                title = \"Järjestöt\"\n\
                +++\n\
                \n\
                ## Yhteisölisyys\n\
                \n\
                - Nuorisotilat avataan iltaisin.\n";
    assert_rejected_at(
        &[(PERSPECTIVE, Some(text))],
        PERSPECTIVE,
        5,
        &["Yhteisöllisyys"],
    );
}

#[test]
fn broken_internal_link_and_anchor() {
    let text = "+++\n\
                title = \"Muistio\"\n\
                +++\n\
                \n\
                Katso [vuosi 2029](/2029/).\n\
                \n\
                Ja [tavoitteet](/2030/#ei-tallaista).\n";
    let site = site_with(&[(MUISTIO, Some(text))]);
    for r in rejected(site.path()) {
        r.assert_location(MUISTIO, 5);
        r.assert_location(MUISTIO, 7);
        r.assert_stderr_contains("sellaista sivua tai tiedostoa ei ole");
        r.assert_stderr_contains("#ei-tallaista");
    }
}

#[test]
fn a_broken_group_page_is_reported_once_without_follow_up_noise() {
    let text = "+++\ntitle = \"Kallioniemi ja Pikkula\"\nmunicipalities = [\"Kallioniemi\", \"Pikkula\"\n+++\n";
    let site = site_with(&[(GROUP, Some(text))]);
    for r in rejected(site.path()) {
        r.assert_names_file(GROUP);
        assert!(
            !r.stderr.contains("eivät ole missään kuntaryhmässä"),
            "a group page that failed to load must not make its municipalities look missing:\n{}",
            r.stderr
        );
        assert!(r.stderr.contains("löytyi 1 virhe"), "{}", r.stderr);
    }
}

#[test]
fn municipality_groups_name_known_municipalities_once() {
    let text = "+++\n\
                title = \"HYTE 2029\"\n\
                status = \"unreported\"\n\
                municipality_groups = [\n\
                  [\"Kallioniemi\", \"Pikkula\"],\n\
                  [\"Ylä-Saari\", \"Pikula\"],\n\
                  [\"Ämmälä\", \"Kallioniemi\"],\n\
                ]\n\
                +++\n";
    assert_rejected_at(
        &[("content/2029/_index.md", Some(text))],
        "content/2029/_index.md",
        6,
        &["Pikula", "tarkoititko \"Pikkula\""],
    );
    assert_rejected_at(
        &[("content/2029/_index.md", Some(text))],
        "content/2029/_index.md",
        7,
        &["kunta Kallioniemi on kahdessa municipality_groups-ryhmässä"],
    );
}
