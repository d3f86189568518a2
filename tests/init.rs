//! `hyte init`: a new county's site in one command, which builds, passes
//! `check` with only the warnings of what the county must still give, and
//! is never written over an existing site or half-way.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Three made-up municipalities of a made-up region.
const MUNICIPALITIES: &str = "Ylä-Luoto, Kallioniemi, Öhrinkylä";

/// `hyte init DIR` with the region, county and municipalities, and
/// `extra` flags (each with its value); one of the three in `extra`
/// replaces the default.
fn init(dir: &Path, extra: &[&str]) -> Run {
    let mut flags: Vec<[&str; 2]> = vec![
        ["--region", "Saaristo"],
        ["--county", "Saariston hyvinvointialue"],
        ["--municipalities", MUNICIPALITIES],
    ];
    for pair in extra.chunks(2) {
        let [flag, value] = [pair[0], pair[1]];
        match flags.iter_mut().find(|f| f[0] == flag) {
            Some(f) => f[1] = value,
            None => flags.push([flag, value]),
        }
    }
    let mut args = vec!["init", dir.to_str().unwrap()];
    args.extend(flags.iter().flatten());
    run(args)
}

#[test]
fn a_new_site_builds_and_checks_with_warnings_only() {
    let tmp = tempdir();
    let site = tmp.path().join("saaristo");
    let r = init(&site, &[]);
    r.assert_no_panic().assert_code(0);
    // What was written, and what to do next, numbered.
    for expected in [
        "content/2031/_index.md",
        "  1. Kirjoita site.toml-tiedoston base_url-avaimeen",
        "  2. Pyydä hyvinvointialueelta sivuston yhteystieto",
        "  3. Täydennä saavutettavuusselosteen tiedot",
        "  4. Kirjoita painopisteet ja kohderyhmät",
        "  5. Tarkista sivusto: hyte check --root",
        "  6. Esikatsele sivustoa: hyte serve --root",
    ] {
        assert!(r.stdout.contains(expected), "{expected}\n{}", r.stdout);
    }
    let toml = fs::read_to_string(site.join("site.toml")).unwrap();
    for name in ["Ylä-Luoto", "Kallioniemi", "Öhrinkylä"] {
        assert!(
            toml.contains(&format!("[[municipalities]]\nname = \"{name}\"\n")),
            "{toml}"
        );
    }
    // The year of the build's date (TEST_EPOCH is 15.1.2031), planned.
    let year = fs::read_to_string(site.join("content/2031/_index.md")).unwrap();
    assert!(year.contains("status = \"planned\""), "{year}");

    let out = tmp.path().join("public");
    build(&site, &out, &[]).assert_no_panic().assert_code(0);
    for page in [
        "index.html",
        "laki/index.html",
        "saavutettavuus/index.html",
        "2031/index.html",
        "kunnat/yla-luoto/index.html",
        "kunnat/ohrinkyla/index.html",
    ] {
        assert!(out.join(page).is_file(), "{page}");
    }
    let home = page(&out, "index.html");
    assert!(home.contains("Saariston hyvinvointialue ja alueen 3 kuntaa"));
    assert!(
        !home.contains("Tämä kommentti on ohje"),
        "instructions stay out"
    );
    let law = page(&out, "laki/index.html");
    assert!(law.contains("612/2021 7 § 4 mom."), "{law}");
    // Nothing the county has not given is stated.
    let statement = page(&out, "saavutettavuus/index.html");
    assert!(
        statement.contains(
            "Saavutettavuuspalautteen vastaanottajaa ja osoitetta ei ole vielä julkaistu."
        )
    );

    // check: exit 0, one warning for each fact still to give, at its line.
    let r = check(&site);
    r.assert_no_panic().assert_code(0);
    for warning in [
        "varoitus: sivuston osoite base_url = \"https://hyte.example.fi/\" on esimerkki- tai paikkamerkkiosoite",
        "varoitus: yhteystiedon sähköpostiosoite ([contact] email) puuttuu",
        "varoitus: yhteystieto ([contact]) on vahvistamatta",
        "varoitus: saavutettavuuspalautteen kanava ([accessibility] feedback_email) puuttuu",
        "varoitus: valvontaviranomaisen yhteystieto ([accessibility] authority_email, authority_phone) puuttuu",
        "varoitus: avoimen datan lisenssi ([data] licence) puuttuu",
    ] {
        r.assert_stderr_contains(warning);
    }
    r.assert_stderr_contains("kunnossa: 14 sivua, 6 varoitusta");
    let base_url = toml
        .lines()
        .position(|l| l.starts_with("base_url = "))
        .unwrap();
    r.assert_location("site.toml", base_url + 1);
    // They are what --strict refuses to publish.
    run(["check", "--strict", "--root", site.to_str().unwrap()]).assert_code(1);
}

#[test]
fn hyte_new_works_on_a_new_site() {
    let tmp = tempdir();
    let site = tmp.path().join("saaristo");
    init(&site, &[]).assert_code(0);
    let root = site.to_str().unwrap();
    run(["new", "year", "2032", "--root", root]).assert_code(0);
    run([
        "new",
        "group",
        "2031",
        "Kallioniemi",
        "Öhrinkylä",
        "--root",
        root,
    ])
    .assert_code(0);
    let out = tmp.path().join("public");
    build(&site, &out, &["--drafts"]).assert_code(0);
    assert!(
        out.join("2031/kuntaryhmat/kallioniemi-ohrinkyla/index.html")
            .is_file()
    );
}

#[test]
fn an_existing_site_is_never_written_over() {
    for existing in ["site.toml", "content"] {
        let tmp = tempdir();
        let site = tmp.path();
        if existing == "content" {
            fs::create_dir(site.join("content")).unwrap();
        } else {
            fs::write(site.join("site.toml"), "title = \"oma\"\n").unwrap();
        }
        fs::write(site.join("muistiinpanot.txt"), "omat").unwrap();
        let before = snapshot(site);
        let r = init(site, &[]);
        r.assert_no_panic().assert_code(1);
        r.assert_stderr_contains(&format!(
            "virhe: kansiossa on jo sivusto: {existing} on olemassa"
        ));
        r.assert_names_file(&format!("{}", site.join(existing).display()));
        r.assert_stderr_contains("= ohje: hyte init ei koskaan korvaa");
        assert_eq!(snapshot(site), before, "nothing written");
    }
    // The real site, too.
    let real = Path::new(env!("CARGO_MANIFEST_DIR"));
    init(real, &[]).assert_code(1);
    // A file is no folder.
    let tmp = tempdir();
    let file = tmp.path().join("tiedosto");
    fs::write(&file, "x").unwrap();
    let r = init(&file, &[]);
    r.assert_no_panic().assert_code(1);
    r.assert_stderr_contains("tämä on tiedosto eikä kansio");
}

#[test]
fn bad_flags_say_how_to_fix_them_and_write_nothing() {
    let tmp = tempdir();
    let site = tmp.path().join("saaristo");
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["--municipalities", " , "],
            &[
                "virhe: kuntaluettelo --municipalities on tyhjä",
                "= ohje: kirjoita alueen kunnat pilkuilla erotettuina, esim. --municipalities \"",
            ],
        ),
        (
            &["--municipalities", "Kallioniemi,,Öhrinkylä"],
            &["on tyhjä nimi", "ilman ylimääräisiä pilkkuja"],
        ),
        (
            &["--municipalities", "Öhrinkylä, OHRINKYLA"],
            &[
                "kunta \"OHRINKYLA\" on kuntaluettelossa kahdesti (\"Öhrinkylä\" ja \"OHRINKYLA\")",
                "vain kerran",
            ],
        ),
        (
            &["--languages", "fi,de"],
            &[
                "virhe: kieltä \"de\" ei voi käyttää: oletusteemassa ei ole sen kielitiedostoa themes/default/i18n/de.toml",
                "= ohje: käytettävissä olevat kielet: en, fi, sv; esim. --languages fi,sv",
            ],
        ),
        (
            &["--languages", "sv,fi"],
            &["pääkieli on suomi", "--languages fi,sv"],
        ),
        (
            &["--region-sv", "Skärgården"],
            &[
                "valinta --region-sv annettiin, mutta ruotsi ei ole sivuston kielissä",
                "--languages fi,sv",
            ],
        ),
    ];
    for (extra, expected) in cases {
        let r = init(&site, extra);
        r.assert_no_panic().assert_code(1);
        for e in expected {
            r.assert_stderr_contains(e);
        }
        assert!(!site.exists(), "{extra:?}: nothing written");
    }
    // A flag left out: clap's error in Finnish, with an example.
    let r = run(["init", site.to_str().unwrap(), "--region", "Saaristo"]);
    r.assert_no_panic().assert_code(1);
    r.assert_stderr_contains(
        "pakolliset arvot puuttuvat: --county <NIMI> --municipalities <KUNNAT>",
    );
    r.assert_stderr_contains("esim. hyte init saaristo --region");
    assert!(!site.exists());
}

fn bilingual(site: &Path) -> Run {
    init(
        site,
        &[
            "--languages",
            "fi,sv",
            "--region-sv",
            "Skärgården",
            "--county-sv",
            "Skärgårdens välfärdsområde",
        ],
    )
}

#[test]
fn a_bilingual_site_has_its_translations_beside_the_pages() {
    let tmp = tempdir();
    let site = tmp.path().join("saaristo");
    bilingual(&site).assert_no_panic().assert_code(0);
    for page in ["_index", "laki", "saavutettavuus", "2031/_index"] {
        let sv = fs::read_to_string(site.join(format!("content/{page}.sv.md"))).unwrap();
        assert!(sv.contains("\ntitle = \""), "{page}: {sv}");
        assert!(
            !sv.contains("\nstatus") && !sv.contains("\ntemplate"),
            "{sv}"
        );
    }
    let toml = fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(toml.contains("[languages.sv]\ntitle = \"HYTE-förhandlingar i Skärgården\"\n"));
    assert!(
        toml.contains("sv = { name = \"Skärgården\", county = \"Skärgårdens välfärdsområde\" }\n")
    );
    // No Swedish name is made up for a municipality; the author is told
    // where to write one.
    assert!(toml.contains("[[municipalities]]\nname = \"Ylä-Luoto\"\n\n"));
    assert!(toml.contains("esim. sv = { name = \"…\" }"));
}

#[test]
fn a_bilingual_site_builds_and_checks_with_warnings_only() {
    let tmp = tempdir();
    let site = tmp.path().join("saaristo");
    bilingual(&site).assert_code(0);
    let out = tmp.path().join("public");
    build(&site, &out, &[]).assert_no_panic().assert_code(0);
    for page in [
        "sv/index.html",
        "sv/laki/index.html",
        "sv/saavutettavuus/index.html",
        "sv/2031/index.html",
    ] {
        assert!(out.join(page).is_file(), "{page}");
    }
    let home = page(&out, "sv/index.html");
    assert!(home.contains("HYTE-förhandlingar i Skärgården"), "{home}");
    let r = check(&site);
    r.assert_no_panic().assert_code(0);
    r.assert_stderr_contains("varoitus: yhteystieto ([contact]) on vahvistamatta");
}
