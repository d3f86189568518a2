//! `hyte build` and `hyte check` on the valid fixture site of the made-up
//! region Järvilaakso, and the command line itself.

mod common;

use std::fs;

use common::*;

/// Build the fixture into a fresh temporary folder and return it with the
/// path of the output (`<tmp>/public`).
fn built(extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    build(&fixture(), &public, extra)
        .assert_no_panic()
        .assert_code(0);
    (out, public)
}

#[test]
fn build_writes_every_page_of_the_url_contract() {
    let (_out, public) = built(&[]);
    for rel in [
        "index.html",
        "laki/index.html",
        "2030/index.html",
        "2030/kuntaryhmat/kallioniemi-pikkula/index.html",
        "2030/kuntaryhmat/yla-saari-ohrinkyla-ammala/index.html",
        "2030/nakokulmat/jarjestot/index.html",
        "2030/muistio/index.html",
        "2031/index.html",
        "vanha/osoite/index.html",
    ] {
        assert!(public.join(rel).is_file(), "{rel} was not written");
    }
}

#[test]
fn build_writes_the_generated_cross_views_and_usual_files() {
    let (_out, public) = built(&[]);
    for rel in [
        "kunnat/index.html",
        "kunnat/kallioniemi/index.html",
        "kunnat/yla-saari/index.html",
        "kunnat/pikkula/index.html",
        "kunnat/ohrinkyla/index.html",
        "kunnat/ammala/index.html",
        "painopisteet/index.html",
        "painopisteet/yhteisollisyys/index.html",
        "painopisteet/terveelliset-elamantavat/index.html",
        "aikataulu/index.html",
        "saavutettavuus/index.html",
        "404.html",
    ] {
        assert!(public.join(rel).is_file(), "{rel} was not written");
    }
    // A municipality's page leads to its group of 2030.
    let ohrinkyla = page(&public, "kunnat/ohrinkyla/index.html");
    assert_contains_all(
        "kunnat/ohrinkyla/index.html",
        &ohrinkyla,
        &["Öhrinkylä", "2030/kuntaryhmat/yla-saari-ohrinkyla-ammala/"],
    );
    // The priority page gathers the findings of that area from the year,
    // group and perspective pages.
    let priority = page(&public, "painopisteet/yhteisollisyys/index.html");
    assert_contains_all(
        "painopisteet/yhteisollisyys/index.html",
        &priority,
        &[
            "Kyläkerhojen kimppakyydit laajenevat koko alueelle.",
            "Palvelubussin reitti kulkee kyläkeskusten kautta.",
            "Järjestöjen tilat avataan maksutta kerhokäyttöön.",
        ],
    );
    let priority = page(&public, "painopisteet/terveelliset-elamantavat/index.html");
    assert_contains_all(
        "painopisteet/terveelliset-elamantavat/index.html",
        &priority,
        &["Uimakoulu tarjotaan maksutta jokaiselle toisluokkalaiselle."],
    );
    // The schedule has the group sessions (from the group pages) and the
    // sessions of the year pages, with or without a date.
    let schedule = page(&public, "aikataulu/index.html");
    assert_contains_all(
        "aikataulu/index.html",
        &schedule,
        &[
            "Kallioniemi ja Pikkula",
            "Pohjoinen kuntaryhmä",
            "Järjestöfoorumi",
            "joulukuun alussa 2030",
            "huhti–toukokuussa 2031",
        ],
    );
}

#[test]
fn front_page_has_its_title_and_links_to_the_years() {
    let (_out, public) = built(&[]);
    let html = page(&public, "index.html");
    assert_contains_all(
        "index.html",
        &html,
        &["Järvilaakson hyvinvointineuvottelut", "viiden kunnan"],
    );
    assert!(
        html.contains("href=\"/2030/\"")
            || html.contains("href=\"https://jarvilaakso.example/2030/\""),
        "index.html does not link to /2030/\n{html}"
    );
}

#[test]
fn year_page_has_findings_anchors_goals_and_decisions() {
    let (_out, public) = built(&[]);
    let html = page(&public, "2030/index.html");
    assert_contains_all(
        "2030/index.html",
        &html,
        &[
            "HYTE-neuvottelut 2030",
            // findings from the body, under an alias heading and a name heading
            "Kyläkerhojen kimppakyydit laajenevat koko alueelle.",
            "Koulujen kerhotoiminta avataan kaikille luokka-asteille.",
            "Työpaikkaliikunnan kokeilu käynnistyy keväällä.",
            "liikuntapaikkojen vuorot jaetaan uudelleen",
            // priority anchors: the alias heading gets the priority's slug
            "id=\"yhteisollisyys\"",
            "id=\"terveelliset-elamantavat\"",
            // cell anchors
            "id=\"yhteisollisyys-seniorit\"",
            "id=\"yhteisollisyys-lapset\"",
            "id=\"terveelliset-elamantavat-aikuiset\"",
            // goals, one given by name and one by slug
            "Yksinäisyyttä kokevien senioreiden osuus pienenee jokaisessa kunnassa.",
            "Lasten päivittäinen liikunta lisääntyy koulupäivän aikana.",
            // a decision and a session without a date
            "Hyvinvointineuvottelujen järjestäminen syksyllä 2030",
            "joulukuun alussa 2030",
        ],
    );
}

#[test]
fn group_page_names_its_municipalities_and_findings() {
    let (_out, public) = built(&[]);

    let html = page(&public, "2030/kuntaryhmat/kallioniemi-pikkula/index.html");
    assert_contains_all(
        "kallioniemi-pikkula",
        &html,
        &[
            "Kallioniemi ja Pikkula",
            "Iltapäiväkerhojen jonot puretaan syksyyn mennessä.",
            // The first use of a glossary term links to its entry.
            "<a class=\"term\" href=\"/sanasto/#palvelubussi\">Palvelubussin</a> reitti kulkee kyläkeskusten kautta.",
            "Kuntosalien aukioloajat pidennetään iltaan.",
            "id=\"yhteisollisyys\"",
            "id=\"yhteisollisyys-lapset\"",
            "id=\"yhteisollisyys-seniorit\"",
            "id=\"terveelliset-elamantavat\"",
            "id=\"terveelliset-elamantavat-aikuiset\"",
        ],
    );

    // Members given by slug; neither the title nor the body names them, so
    // their names on the page come from site.toml.
    let html = page(
        &public,
        "2030/kuntaryhmat/yla-saari-ohrinkyla-ammala/index.html",
    );
    assert_contains_all(
        "yla-saari-ohrinkyla-ammala",
        &html,
        &[
            "Pohjoinen kuntaryhmä",
            "Ylä-Saari",
            "Öhrinkylä",
            "Ämmälä",
            "Uimakoulu tarjotaan maksutta jokaiselle toisluokkalaiselle.",
            "Tasapainoryhmiä perustetaan jokaiseen kylään.",
            "id=\"terveelliset-elamantavat-lapset\"",
            "id=\"terveelliset-elamantavat-seniorit\"",
        ],
    );
}

#[test]
fn perspective_plain_laki_and_planned_year_pages() {
    let (_out, public) = built(&[]);

    let html = page(&public, "2030/nakokulmat/jarjestot/index.html");
    assert_contains_all(
        "jarjestot",
        &html,
        &[
            "Järjestöt ja seurakunnat",
            "Järjestöjen tilat avataan maksutta kerhokäyttöön.",
            "Vertaistukiryhmille etsitään vetäjiä.",
            "id=\"yhteisollisyys\"",
            "id=\"yhteisollisyys-aikuiset\"",
        ],
    );

    let html = page(&public, "2030/muistio/index.html");
    assert_contains_all(
        "muistio",
        &html,
        &["Neuvottelujen muistio", "Muistio hyväksyttiin kokouksessa."],
    );

    // laki.html shows the statutes of site.toml; the page body does not.
    let html = page(&public, "laki/index.html");
    assert_contains_all(
        "laki",
        &html,
        &[
            "Neuvottelujen lakiperusta",
            "612/2021",
            "Hyvinvoinnin ja terveyden edistäminen",
        ],
    );

    let html = page(&public, "2031/index.html");
    assert_contains_all(
        "2031",
        &html,
        &["HYTE-neuvottelut 2031", "huhti–toukokuussa 2031"],
    );
}

#[test]
fn alias_leaves_a_redirect_to_the_page() {
    let (_out, public) = built(&[]);
    let html = page(&public, "vanha/osoite/index.html");
    assert!(
        html.contains("2030/muistio/"),
        "the redirect does not point to /2030/muistio/\n{html}"
    );
}

#[test]
fn drafts_are_built_only_with_the_drafts_flag() {
    let (_out, public) = built(&[]);
    assert!(public.join("2030/muistio/index.html").is_file());
    assert!(
        !public.join("2030/luonnos").exists(),
        "the draft was built without --drafts"
    );

    let (_out, public) = built(&["--drafts"]);
    let html = page(&public, "2030/luonnos/index.html");
    assert_contains_all("luonnos", &html, &["Keskeneräinen luonnos"]);
}

#[test]
fn build_without_output_writes_public_under_the_root() {
    let site = site_with(&[]);
    run([
        std::ffi::OsStr::new("build"),
        "--root".as_ref(),
        site.path().as_os_str(),
    ])
    .assert_no_panic()
    .assert_code(0)
    // The author is told in Finnish how many pages went where.
    .assert_stderr_contains("valmis: ")
    .assert_stderr_contains(" sivua kansioon ");
    assert!(site.path().join("public/index.html").is_file());
    assert!(site.path().join("public/2030/index.html").is_file());
}

#[test]
fn build_without_root_uses_the_working_directory() {
    let site = site_with(&[]);
    run_in(Some(site.path()), ["build"])
        .assert_no_panic()
        .assert_code(0);
    assert!(site.path().join("public/2030/muistio/index.html").is_file());
}

#[test]
fn check_validates_the_site_and_writes_nothing() {
    let site = site_with(&[]);
    let before = snapshot(site.path());
    check(site.path())
        .assert_no_panic()
        .assert_code(0)
        .assert_stderr_contains("kunnossa: ")
        .assert_stderr_contains(" sivua ja 1 luonnos tarkistettu, 1 varoitus")
        .assert_stderr_contains("varoitus: sivuston osoite base_url");
    assert!(
        !site.path().join("public").exists(),
        "check created public/"
    );
    assert!(
        snapshot(site.path()) == before,
        "check changed files in the site folder"
    );
}

#[test]
fn check_on_the_fixture_in_place_succeeds() {
    // A relative --root, from the repository root.
    let fixture_before = snapshot(&fixture());
    run_in(
        Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))),
        ["check", "--root", "tests/fixtures/jarvilaakso"],
    )
    .assert_no_panic()
    .assert_code(0);
    assert!(
        snapshot(&fixture()) == fixture_before,
        "check changed tests/fixtures/jarvilaakso"
    );
}

#[test]
fn base_url_with_a_subpath_prefixes_links() {
    let (_out, public) = built(&["--base-url", "https://example.org/hyte/"]);
    let html = page(&public, "index.html");
    assert!(
        html.contains("href=\"/hyte/2030/\"")
            || html.contains("href=\"https://example.org/hyte/2030/\""),
        "the front page does not link to /hyte/2030/\n{html}"
    );
    assert!(
        !html.contains("href=\"/2030/\""),
        "the front page still links to /2030/ outside the subpath\n{html}"
    );
    // The pages are still written at the top of the output folder.
    assert!(public.join("2030/index.html").is_file());
    assert!(!public.join("hyte").exists());
}

#[test]
fn a_bom_crlf_file_and_an_empty_perspective_folder_build() {
    let muistio = "\u{feff}+++\r\n\
                   title = \"Muistio Windowsista\"\r\n\
                   aliases = [\"/vanha/osoite/\"]\r\n\
                   +++\r\n\
                   \r\n\
                   Rivinvaihdot ovat CRLF.\r\n\
                   \r\n\
                   - Toinen kappale\r\n";
    let site = site_with(&[("content/2030/muistio.md", Some(muistio))]);
    fs::create_dir_all(site.path().join("content/2031/nakokulmat")).unwrap();

    let out = tempdir();
    let public = out.path().join("public");
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    let html = page(&public, "2030/muistio/index.html");
    assert_contains_all(
        "muistio",
        &html,
        &[
            "Muistio Windowsista",
            "Rivinvaihdot ovat CRLF.",
            "Toinen kappale",
        ],
    );
    assert!(!html.contains('\u{feff}'), "the BOM reached the page");
    assert!(!html.contains("+++"), "the front matter reached the page");
}

#[test]
fn control_characters_reach_no_page_feed_calendar_or_csv() {
    const GROUP: &str = "content/2030/kuntaryhmat/kallioniemi-pikkula.md";
    let group = std::fs::read_to_string(fixture().join(GROUP))
        .unwrap()
        .replace(
            "title = \"Kallioniemi ja Pikkula\"",
            "title = \"Kallioniemi\\u0001 ja\\u007f Pikkula\"",
        )
        .replace(
            "Neuvotteluun osallistui",
            "Neuvotteluun &#142; osallistui \u{2}\u{0}",
        );
    // An old Mac line end (a lone CR) counts as a line, as in editors.
    let memo = "+++\rtitle = \"Muistio\"\r+++\r\rRivi.\r\r- kohta\r";
    let site = site_with(&[
        (GROUP, Some(&group)),
        ("content/2030/muistio.md", Some(memo)),
    ]);
    let public = site.path().join("public");
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    let mut checked = 0;
    for (path, bytes) in snapshot(&public) {
        let name = path.display().to_string();
        if !(name.ends_with(".html")
            || name.ends_with(".xml")
            || name.ends_with(".ics")
            || name.ends_with(".csv"))
        {
            continue;
        }
        let text = String::from_utf8(bytes.unwrap()).unwrap();
        assert!(
            !text.chars().any(hyte::text::forbidden),
            "a control character in {name}"
        );
        checked += 1;
    }
    assert!(checked > 20);
    let html = page(&public, "2030/kuntaryhmat/kallioniemi-pikkula/index.html");
    assert!(
        html.contains("Kallioniemi\u{FFFD} ja\u{FFFD} Pikkula"),
        "{html}"
    );
    assert!(html.contains("Neuvotteluun \u{FFFD} osallistui \u{FFFD}\u{FFFD}"));
    let atom = page(&public, "atom.xml");
    assert!(atom.contains("Kallioniemi\u{FFFD} ja\u{FFFD} Pikkula"));
    assert!(page(&public, "2030/muistio/index.html").contains("<li>kohta</li>"));
}

#[test]
fn version_and_help_exit_zero() {
    let run_v = run(["--version"]);
    run_v.assert_no_panic().assert_code(0);
    assert!(
        run_v.stdout.contains(env!("CARGO_PKG_VERSION")),
        "--version does not print the version: {}",
        run_v.stdout
    );

    let run_h = run(["--help"]);
    run_h.assert_no_panic().assert_code(0);
    for verb in ["build", "check"] {
        assert!(
            run_h.stdout.contains(verb),
            "--help does not mention {verb}:\n{}",
            run_h.stdout
        );
    }
}

#[test]
fn usage_errors_exit_one() {
    let r = run(["frobnicate"]);
    r.assert_no_panic().assert_code(1);
    assert!(!r.stderr.is_empty(), "no message for an unknown verb");

    run(["build", "--no-such-option"])
        .assert_no_panic()
        .assert_code(1);
}

/// Every `href` and `src` inside the site (starting with `/`) leads to a
/// file of the output, and every `#anchor` to an `id` on the target page.
#[test]
fn internal_links_and_anchors_resolve() {
    let (_out, public) = built(&[]);
    let pages: Vec<String> = snapshot(&public)
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p.ends_with(".html"))
        .collect();
    assert!(pages.len() > 10, "too few pages to check: {pages:?}");

    let mut broken = Vec::new();
    for rel in &pages {
        let html = page(&public, rel);
        for target in attribute_values(&html, "href").chain(attribute_values(&html, "src")) {
            let (path, fragment) = match target.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (target, None),
            };
            let path = path.split('?').next().unwrap();
            let file = if path.is_empty() {
                rel.clone() // a link within the page
            } else if path.starts_with('/') && !path.starts_with("//") {
                let p = path.trim_start_matches('/');
                if p.is_empty() || p.ends_with('/') {
                    format!("{p}index.html")
                } else {
                    p.to_string()
                }
            } else {
                continue; // external, mailto: and the like
            };
            if !public.join(&file).is_file() {
                broken.push(format!("{rel}: {target} (no {file})"));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let target_html = page(&public, &file);
                if !target_html.contains(&format!("id=\"{fragment}\"")) {
                    broken.push(format!("{rel}: {target} (no id=\"{fragment}\" in {file})"));
                }
            }
        }
    }
    broken.sort();
    broken.dedup();
    assert!(
        broken.is_empty(),
        "broken internal links:\n{}",
        broken.join("\n")
    );
}

/// The values of `name="…"` attributes in `html`.
fn attribute_values<'a>(html: &'a str, name: &str) -> std::vec::IntoIter<&'a str> {
    let needle = format!(" {name}=\"");
    let values: Vec<&str> = html
        .match_indices(&needle)
        .filter_map(|(at, m)| {
            let start = at + m.len();
            html[start..].find('"').map(|end| &html[start..start + end])
        })
        .collect();
    values.into_iter()
}
