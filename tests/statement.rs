//! The accessibility statement (`/saavutettavuus/`): the page that Act
//! 306/2019 requires, built from `[accessibility]` of `site.toml` by the
//! theme's `saavutettavuus.html`, and the errors when its facts are missing
//! or wrong.

mod common;

use std::fs;

use common::*;

const STATEMENT: &str = "saavutettavuus/index.html";

/// The fixture's `site.toml` with its `[accessibility]` table replaced by
/// `accessibility` (which may be empty).
fn site_toml_with(accessibility: &str) -> String {
    let toml = fs::read_to_string(fixture().join("site.toml")).unwrap();
    let at = toml
        .find("\n[accessibility]")
        .expect("the fixture has [accessibility]");
    format!("{}\n{accessibility}", &toml[..at])
}

/// The line (from 1) of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in the text"))
        + 1
}

#[test]
fn statement_page_has_every_part_of_the_model_statement() {
    let out = tempdir();
    let public = out.path().join("public");
    build(&fixture(), &public, &[]).assert_code(0);
    let html = page(&public, STATEMENT);
    assert_contains_all(
        STATEMENT,
        &html,
        &[
            // The site it covers.
            "HYTE-neuvottelut Järvilaaksossa",
            "href=\"https://jarvilaakso.example/\"",
            "306/2019",
            // Compliance status, against 2.1 AA, with the aim of 2.2 AA.
            "Sivusto täyttää osittain lain vaatimat WCAG 2.1 -ohjeiden AA-tason",
            "WCAG 2.2",
            // Content that is not accessible, why, and how to get it otherwise.
            "Kyläkierroksen 2030 kartta",
            "Syy: Kartta on kuva, eikä sen reittejä ole kuvattu tekstinä.",
            "Reitit saa tekstinä hyvinvointikoordinaattorilta.",
            // Prepared, last reviewed, and how it was assessed.
            "laadittu 15.9.2030",
            "tarkistettu viimeksi 3.2.2031",
            "Saavutettavuus on arvioitu itsearviointina.",
            "Ruudunlukuohjelmalla sivustoa ei ole vielä testattu.",
            // The feedback channel, and the time the law gives to answer
            // (no promise in the county's voice: no response_days is set).
            "href=\"mailto:saavutettavuus@jarvilaakso.example\"",
            "Järvilaakson hyvinvointialueen viestintä",
            "Laki digitaalisten palvelujen tarjoamisesta (306/2019) edellyttää, että palautteeseen vastataan 14 päivän kuluessa.",
            // The enforcement procedure and the supervisory authority.
            "et saa vastausta 14 päivän kuluessa",
            "voit tehdä ilmoituksen valvontaviranomaiselle",
            "Liikenne- ja viestintävirasto Traficom, digitaalisen esteettömyyden valvontayksikkö",
            "href=\"https://www.saavutettavuusvaatimukset.fi\"",
            // The author's own Markdown follows, and the update date.
            "Sivuston tekstit kirjoitetaan selkeällä yleiskielellä.",
            "Sivu päivitetty 3.2.2031.",
        ],
    );
    assert_eq!(html.matches("<h1").count(), 1, "one h1 on {STATEMENT}");
    assert!(!html.contains("<h3"), "the statement's sections are h2");
}

#[test]
fn every_footer_links_to_the_statement() {
    let out = tempdir();
    let public = out.path().join("public");
    build(&fixture(), &public, &[]).assert_code(0);
    for rel in ["index.html", "2030/index.html", "kunnat/index.html"] {
        let html = page(&public, rel);
        let footer = &html[html.find("<footer").expect("a footer")..];
        assert_contains_all(rel, footer, &["href=\"/saavutettavuus/\""]);
    }
}

#[test]
fn statement_with_nothing_missing_says_so_and_takes_other_values() {
    let site = site_with(&[(
        "site.toml",
        Some(&site_toml_with(
            r#"[accessibility]
status = "full"
prepared = 2030-09-15
reviewed = 2030-09-15
method = "Ulkopuolinen arvioija tarkisti sivuston."
feedback_email = "palaute@jarvilaakso.example"
feedback_url = "https://palaute.jarvilaakso.example/saavutettavuus"
response_days = 7
authority_name = "Järvilaakson valvontavirasto"
authority_url = "https://valvonta.jarvilaakso.example"
authority_email = "valvonta@jarvilaakso.example"
"#,
        )),
    )]);
    let out = tempdir();
    let public = out.path().join("public");
    build(site.path(), &public, &[]).assert_code(0);
    let html = page(&public, STATEMENT);
    assert_contains_all(
        STATEMENT,
        &html,
        &[
            "Sivusto täyttää lain vaatimat WCAG 2.1",
            "ei ole löytynyt tunnettuja saavutettavuuspuutteita",
            "href=\"https://palaute.jarvilaakso.example/saavutettavuus\"",
            "Vastaamme palautteeseen 7 päivän kuluessa.",
            "Järvilaakson valvontavirasto",
            "href=\"https://valvonta.jarvilaakso.example\"",
            "href=\"mailto:valvonta@jarvilaakso.example\"",
        ],
    );
    assert!(
        !html.contains("Traficom"),
        "the authority is the site's own"
    );
}

#[test]
fn statement_page_without_accessibility_in_site_toml_is_an_error() {
    let site = site_with(&[("site.toml", Some(&site_toml_with("")))]);
    for run in [
        check(site.path()),
        build(site.path(), &tempdir().path().join("public"), &[]),
    ] {
        run.assert_no_panic()
            .assert_code(1)
            .assert_names_file("site.toml")
            .assert_stderr_contains("content/saavutettavuus.md")
            .assert_stderr_contains("[accessibility]")
            .assert_stderr_contains("ohje:");
    }
}

#[test]
fn a_site_without_accessibility_builds_if_no_page_uses_the_statement() {
    let site = site_with(&[
        ("site.toml", Some(&site_toml_with(""))),
        (
            "content/saavutettavuus.md",
            Some("+++\ntitle = \"Saavutettavuusseloste\"\n+++\n\nTeksti.\n"),
        ),
    ]);
    check(site.path()).assert_no_panic().assert_code(0);
}

#[test]
fn wrong_accessibility_values_are_errors_at_their_line() {
    let toml = site_toml_with(
        r#"[accessibility]
status = "partial"
prepared = 2030-09-15
reviewed = 2030-09-01
method = "Itsearviointi."
feedback_email = "palaute at jarvilaakso"
response_days = 30
"#,
    );
    let site = site_with(&[("site.toml", Some(&toml))]);
    let run = check(site.path());
    run.assert_no_panic()
        .assert_code(1)
        .assert_location("site.toml", line_of(&toml, "reviewed = "))
        .assert_stderr_contains("reviewed (tarkistettu) on aikaisemmin kuin prepared (laadittu)")
        .assert_location("site.toml", line_of(&toml, "feedback_email = "))
        .assert_stderr_contains("ei ole sähköpostiosoite")
        .assert_location("site.toml", line_of(&toml, "response_days = "))
        .assert_stderr_contains("14 päivän kuluessa")
        .assert_location("site.toml", line_of(&toml, "[accessibility]"))
        .assert_stderr_contains("saavutettavuuden puutteita ei ole lueteltu");
}

#[test]
fn unknown_status_and_keys_are_errors() {
    for (bad, needle) in [
        ("status = \"osittain\"", "status = "),
        ("statos = \"partial\"", "statos = "),
    ] {
        let toml = site_toml_with(&format!(
            "[accessibility]\n{bad}\nprepared = 2030-09-15\nreviewed = 2030-09-15\n\
             method = \"m\"\nfeedback_email = \"a@b.example\"\n"
        ));
        let site = site_with(&[("site.toml", Some(&toml))]);
        check(site.path())
            .assert_no_panic()
            .assert_code(1)
            .assert_location("site.toml", line_of(&toml, needle));
    }
}
