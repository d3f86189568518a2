//! Facts only the county can give — the site's contact, the accessibility
//! feedback channel, how to get inaccessible content otherwise, and the
//! open data's licence — appear on pages only when `site.toml` sets them
//! and they are confirmed. The real site has none of them confirmed: its
//! pages say the information is not yet published, and `check` warns at
//! each line. The fixture sets them all and shows them.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn real_site() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The line (from 1) of the first line of `site.toml` that starts with
/// `start`.
fn line_of(root: &Path, start: &str) -> usize {
    fs::read_to_string(root.join("site.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{start:?} is not in site.toml"))
        + 1
}

fn footer(html: &str) -> &str {
    let at = html.find("<footer").expect("a footer");
    &html[at..]
}

#[test]
fn the_real_site_states_no_unconfirmed_fact() {
    let out = tempdir();
    let public = out.path().join("public");
    build(real_site(), &public, &[]).assert_code(0);
    for rel in ["index.html", "2025/index.html", "kunnat/jamsa/index.html"] {
        let html = page(&public, rel);
        let footer = footer(&html);
        assert!(
            footer.contains("Sivuston yhteystietoja ei ole vielä julkaistu."),
            "{rel}: {footer}"
        );
        assert!(!footer.contains("mailto:"), "{rel}: {footer}");
    }

    let data = page(&public, "data/index.html");
    assert!(data.contains("Aineiston käyttöehtoja (lisenssiä) ei ole vielä julkaistu."));
    assert!(!data.contains("Creative Commons"), "{data}");
    let json = page(&public, "data/hyte.json");
    assert!(json.contains("\"licence\":null,\"licence_url\":null"));

    let statement = decode_entities(&page(&public, "saavutettavuus/index.html"));
    assert_contains_all(
        "saavutettavuus",
        &statement,
        &[
            "Saavutettavuuspalautteen vastaanottajaa ja osoitetta ei ole vielä julkaistu.",
            "Laki digitaalisten palvelujen tarjoamisesta (306/2019) edellyttää, että palautteeseen vastataan 14 päivän kuluessa.",
            "Tietoa siitä, miten sisällön saa muussa muodossa, ei ole vielä julkaistu.",
        ],
    );
    for unsaid in [
        "Vastaamme",
        "Palautteen vastaanottaa",
        "kirjaamo",
        "mailto:",
        "Kerro siitä meille",
    ] {
        let main = &statement[..statement.find("<footer").unwrap()];
        assert!(!main.contains(unsaid), "the statement says {unsaid:?}");
    }
}

#[test]
fn check_warns_at_every_unconfirmed_fact_of_the_real_site() {
    let root = real_site();
    let run = check(root);
    run.assert_code(0)
        .assert_location("site.toml", line_of(root, "confirmed = false"))
        .assert_location("site.toml", line_of(root, "[data]"))
        .assert_location("site.toml", line_of(root, "[accessibility]"))
        .assert_location(
            "site.toml",
            line_of(root, "[[accessibility.non_accessible]]"),
        );
    for what in [
        "yhteystieto ([contact]) on vahvistamatta",
        "avoimen datan lisenssi ([data] licence) puuttuu",
        "saavutettavuuspalautteen kanava ([accessibility] feedback_email) puuttuu",
        "saavutettavuuspuutteen vaihtoehtoinen saantitapa ([[accessibility.non_accessible]] alternative) puuttuu",
    ] {
        run.assert_stderr_contains(&format!("varoitus: {what}"));
    }
    check_strict(root).assert_code(1);
}

fn check_strict(root: &Path) -> Run {
    run(["check", "--strict", "--root", root.to_str().unwrap()])
}

#[test]
fn the_fixture_confirms_them_all_and_shows_them() {
    let out = tempdir();
    let public = out.path().join("public");
    build(&fixture(), &public, &[]).assert_code(0);
    let html = page(&public, "index.html");
    assert!(
        footer(&html).contains("href=\"mailto:tuuli.rantanen@jarvilaakso.example\""),
        "{html}"
    );
    let data = page(&public, "data/index.html");
    assert!(data.contains(
        "<a href=\"https://creativecommons.org/licenses/by/4.0/deed.fi\">Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)</a>"
    ));
    assert!(data.contains("Mainitse lähteenä: Järvilaakson hyvinvointialue"));
    let run = check(&fixture());
    assert!(!run.stderr.contains("vahvistamatta"), "{}", run.stderr);
    assert!(!run.stderr.contains("puuttuu"), "{}", run.stderr);
}
