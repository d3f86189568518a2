//! Input at the edges: very deep nesting, a very large page, symbolic
//! links that loop or lead out of the site, a template that is not there.
//! No crash or stack overflow; what is refused is refused with a message
//! that names the file; nothing from outside the site reaches the output.

mod common;

use std::fs;

use common::*;

#[test]
fn nesting_ten_thousand_deep_builds() {
    let body = format!(
        "+++\ntitle = \"Syvä\"\n+++\n\n{}x\n\n{}y\n\n{}z\n\n{}w{}\n\n{}v{}\n",
        "> ".repeat(10_000),
        "- ".repeat(10_000),
        "* > ".repeat(5_000),
        "[".repeat(10_000),
        "]".repeat(10_000),
        "*".repeat(10_000),
        "*".repeat(10_000),
    );
    let site = site_with(&[("content/syva.md", Some(&body))]);
    let public = site.path().join("public");
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    assert!(page(&public, "syva/index.html").contains("<h1>Syvä</h1>"));
}

#[test]
fn a_twenty_megabyte_page_builds() {
    let line = "- Hyvinvointi, liikunta ja osallisuus kuuluvat kaikille kunnan asukkaille.\n";
    let body = format!(
        "+++\ntitle = \"Iso\"\n+++\n\n## Muistio\n\n{}",
        line.repeat(20 * 1024 * 1024 / line.len() + 1)
    );
    assert!(body.len() > 20 * 1024 * 1024);
    let site = site_with(&[("content/iso.md", Some(&body))]);
    let public = site.path().join("public");
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    assert!(fs::metadata(public.join("iso/index.html")).unwrap().len() > 20 * 1024 * 1024);
}

#[cfg(unix)]
#[test]
fn symlinks_are_refused_and_never_followed() {
    use std::os::unix::fs::symlink;
    let outside = tempdir();
    let secret = outside.path().join("salaisuus.md");
    fs::write(
        &secret,
        "+++\ntitle = \"Salainen\"\n+++\n\nSALAINEN-MERKKIJONO\n",
    )
    .unwrap();
    let site = site_with(&[]);
    let content = site.path().join("content");
    // A loop (a folder that contains itself) and links out of the site, to
    // a file and to a folder.
    symlink(&content, content.join("silmukka")).unwrap();
    symlink(&secret, content.join("vuoto.md")).unwrap();
    symlink(outside.path(), content.join("ulos")).unwrap();
    let public = site.path().join("public");
    let run = build(site.path(), &public, &[]);
    run.assert_no_panic()
        .assert_code(1)
        .assert_names_file("silmukka")
        .assert_names_file("vuoto.md")
        .assert_names_file("ulos")
        .assert_stderr_contains("symbolinen linkki");
    assert!(!public.exists(), "a refused build writes nothing");
    // Nothing was read through the links: check reports the same, and the
    // secret is in no message.
    let checked = check(site.path());
    checked.assert_code(1);
    assert!(!checked.stderr.contains("SALAINEN") && !run.stderr.contains("SALAINEN"));
}

#[test]
fn a_missing_template_names_the_page_and_the_template() {
    let body = "+++\ntitle = \"Oma\"\ntemplate = \"puuttuva.html\"\n+++\n\nTeksti.\n";
    let site = site_with(&[("content/oma.md", Some(body))]);
    let public = site.path().join("public");
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(1)
        .assert_names_file("oma.md")
        .assert_stderr_contains("puuttuva.html");
    assert!(!public.exists());
}
