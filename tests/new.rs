//! `hyte new`: scaffolding that builds, never overwrites, and checks
//! municipality names against site.toml.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn new(site: &Path, args: &[&str]) -> Run {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    all.extend(["--root", site.to_str().unwrap()]);
    run(all)
}

#[test]
fn new_year_group_and_perspective_build_as_drafts() {
    let site = site_with(&[]);
    let root = site.path();
    new(root, &["year", "2032"])
        .assert_no_panic()
        .assert_code(0);
    new(root, &["group", "2032", "Öhrinkylä", "Ämmälä"])
        .assert_no_panic()
        .assert_code(0);
    new(root, &["perspective", "2032", "Järjestöt ja seurakunnat"])
        .assert_no_panic()
        .assert_code(0);

    let year = fs::read_to_string(root.join("content/2032/_index.md")).unwrap();
    assert!(year.contains("draft = true") && year.contains("status = \"planned\""));
    // The target groups of the latest year, and a heading per cell.
    assert!(
        year.contains("target_groups = [\"Lapset\", \"Aikuiset\", \"Seniorit\"]"),
        "{year}"
    );
    assert!(year.contains("## Yhteisöllisyys") && year.contains("### Seniorit"));
    let group =
        fs::read_to_string(root.join("content/2032/kuntaryhmat/ohrinkyla-ammala.md")).unwrap();
    assert!(group.contains("title = \"Öhrinkylä ja Ämmälä\""), "{group}");
    assert!(group.contains("municipalities = [\"Öhrinkylä\", \"Ämmälä\"]"));
    assert!(
        root.join("content/2032/nakokulmat/jarjestot-ja-seurakunnat.md")
            .is_file()
    );

    // Drafts: the preview builds them, the published site leaves them out.
    let out = tempdir();
    build(root, &out.path().join("with"), &["--drafts"]).assert_code(0);
    assert!(
        out.path()
            .join("with/2032/kuntaryhmat/ohrinkyla-ammala/index.html")
            .is_file()
    );
    build(root, &out.path().join("without"), &[]).assert_code(0);
    assert!(!out.path().join("without/2032/index.html").exists());
}

#[test]
fn new_never_overwrites() {
    let site = site_with(&[]);
    let root = site.path();
    let before = fs::read(root.join("content/2030/_index.md")).unwrap();
    let r = new(root, &["year", "2030"]);
    r.assert_no_panic().assert_code(1);
    r.assert_names_file("content/2030/_index.md");
    assert_eq!(
        fs::read(root.join("content/2030/_index.md")).unwrap(),
        before
    );
}

#[test]
fn new_group_checks_municipalities() {
    let site = site_with(&[]);
    let root = site.path();
    new(root, &["year", "2032"]).assert_code(0);
    let r = new(root, &["group", "2032", "Kallioniemi", "Pikula"]);
    r.assert_no_panic().assert_code(1);
    r.assert_stderr_contains("Pikula");
    r.assert_stderr_contains("Pikkula");
    assert!(
        !root.join("content/2032/kuntaryhmat").exists(),
        "nothing written"
    );

    // Already in a group of that year.
    let r = new(root, &["group", "2030", "Pikkula"]);
    r.assert_no_panic().assert_code(1);
    r.assert_names_file("content/2030/kuntaryhmat/kallioniemi-pikkula.md");
}

#[test]
fn new_group_needs_its_year() {
    let site = site_with(&[]);
    let r = new(site.path(), &["group", "2040", "Pikkula"]);
    r.assert_no_panic().assert_code(1);
    r.assert_stderr_contains("hyte new year 2040");
}

#[test]
fn a_published_page_of_a_draft_year_is_an_error() {
    let site = site_with(&[]);
    let root = site.path();
    new(root, &["year", "2032"]).assert_code(0);
    fs::create_dir_all(root.join("content/2032")).unwrap();
    fs::write(
        root.join("content/2032/muistio.md"),
        "+++\ntitle = \"Muistio\"\n+++\n",
    )
    .unwrap();
    let r = check(root);
    r.assert_no_panic().assert_code(1);
    r.assert_names_file("content/2032/muistio.md");
}

#[test]
fn a_year_is_four_digits_before_anything_else() {
    let site = site_with(&[]);
    let root = site.path();
    for args in [
        &["year", "26"][..],
        &["group", "26", "Pikkula"],
        &["perspective", "26", "Järjestöt"],
        &["year", "3000"],
    ] {
        let r = new(root, args);
        r.assert_no_panic().assert_code(1);
        r.assert_stderr_contains(&format!(
            "virhe: {} ei ole vuosiluku; kirjoita vuosi neljällä numerolla, esim. 2027",
            args[1]
        ));
        assert!(
            !r.stderr.contains("hyte new year"),
            "{args:?}: not a year still to make:\n{}",
            r.stderr
        );
    }
    assert!(!root.join("content/26").exists());
    // Before anything else: even where there is no site at all.
    let empty = tempdir();
    let r = new(empty.path(), &["group", "26", "Pikkula"]);
    r.assert_no_panic().assert_code(1);
    r.assert_stderr_contains("26 ei ole vuosiluku");
}

#[test]
fn a_municipality_is_written_once() {
    let site = site_with(&[]);
    let root = site.path();
    // The same name twice.
    let r = new(root, &["group", "2031", "Öhrinkylä", "Ämmälä", "Öhrinkylä"]);
    r.assert_no_panic().assert_code(1);
    r.assert_stderr_contains("virhe: kunta Öhrinkylä on kirjoitettu kahdesti\n");
    r.assert_stderr_contains(
        "  = ohje: kirjoita jokainen kunta vain kerran: hyte new group 2031 \"Öhrinkylä\" \"Ämmälä\"",
    );
    // Written differently, the same municipality.
    let r = new(root, &["group", "2031", "Öhrinkylä", "OHRINKYLA"]);
    r.assert_no_panic().assert_code(1);
    r.assert_stderr_contains(
        "virhe: kunta Öhrinkylä on kirjoitettu kahdesti (\"Öhrinkylä\" ja \"OHRINKYLA\")",
    );
    // Two of them.
    let r = new(
        root,
        &[
            "group",
            "2031",
            "ämmälä",
            "Ylä-Saari",
            "Ämmälä",
            "yla-saari",
        ],
    );
    r.assert_no_panic().assert_code(1);
    r.assert_stderr_contains("kunnat Ämmälä ja Ylä-Saari on kirjoitettu useammin kuin kerran");
    assert!(
        !root.join("content/2031/kuntaryhmat").exists(),
        "nothing written"
    );
}
