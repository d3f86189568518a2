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

/// What a scaffold says to its author is in comments: TOML comments in
/// the front matter, one HTML comment in the body. None of it reaches the
/// built site, even once the page is no longer a draft.
#[test]
fn instructions_are_never_published() {
    let site = site_with(&[]);
    let root = site.path();
    new(root, &["year", "2032"]).assert_code(0);
    new(root, &["group", "2032", "Öhrinkylä", "Ämmälä"]).assert_code(0);
    new(root, &["perspective", "2032", "Järjestöt ja seurakunnat"]).assert_code(0);
    let files = [
        "content/2032/_index.md",
        "content/2032/kuntaryhmat/ohrinkyla-ammala.md",
        "content/2032/nakokulmat/jarjestot-ja-seurakunnat.md",
    ];
    let mut instructions = Vec::new();
    for file in files {
        let path = root.join(file);
        let text = fs::read_to_string(&path).unwrap();
        let (front, body) = text
            .strip_prefix("+++\n")
            .and_then(|t| t.split_once("\n+++\n"))
            .unwrap();
        for line in front.lines() {
            if let Some(comment) = line.trim().strip_prefix('#') {
                instructions.push(comment.trim().to_string());
            }
        }
        // The body is one comment and the finding headings, nothing else.
        let (before, rest) = body.split_once("<!--").expect("an HTML comment");
        let (comment, after) = rest.split_once("-->").unwrap();
        assert!(
            before.trim().is_empty(),
            "{file}: {before:?} before the comment"
        );
        assert!(!after.contains("<!--"), "{file}: one comment");
        for line in after.lines() {
            assert!(
                line.trim().is_empty() || line.starts_with("## ") || line.starts_with("### "),
                "{file}: {line:?} would be published"
            );
        }
        assert!(comment.contains("Poista otsikot"), "{file}: {comment}");
        let comment = comment.split_whitespace().collect::<Vec<_>>().join(" ");
        instructions.extend(
            comment
                .split(['.', ';', '?'])
                .map(|s| s.trim().trim_start_matches("- ").to_string()),
        );
        // Ready: no longer a draft.
        let ready = text.replacen("draft = true\n", "", 1);
        assert_ne!(ready, text, "{file} was a draft");
        fs::write(&path, ready).unwrap();
    }
    instructions.retain(|s| s.chars().count() >= 20);
    assert!(instructions.len() > 10, "{instructions:?}");

    let out = tempdir();
    let public = out.path().join("public");
    build(root, &public, &[]).assert_no_panic().assert_code(0);
    let group = page(&public, "2032/kuntaryhmat/ohrinkyla-ammala/index.html");
    assert!(group.contains("Öhrinkylä ja Ämmälä"));
    // Every file of the site: pages, search index, open data, feeds.
    for (rel, bytes) in snapshot(&public) {
        let Some(bytes) = bytes else { continue };
        let text = decode_entities(&String::from_utf8_lossy(&bytes));
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in &instructions {
            assert!(
                !text.contains(s.as_str()),
                "{} publishes the instruction {s:?}",
                rel.display()
            );
        }
    }
}
