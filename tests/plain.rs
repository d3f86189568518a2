//! Pages a resident understands on first reading: the "Lyhyesti" summary
//! at the top, the glossary (`/sanasto/`) with the first use of each term
//! linked, editorial notes beside the sources rather than in the text, and
//! one word for the year's target groups.

mod common;

use std::path::Path;

use common::*;

fn built(root: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    build(root, &public, &[]).assert_code(0);
    (out, public)
}

#[test]
fn the_summary_note_and_glossary_show_where_they_belong() {
    let (_o, public) = built(&fixture());
    let home = page(&public, "index.html");
    assert_contains_all(
        "index.html",
        &home,
        &[
            "<section class=\"brief\" aria-labelledby=\"lyhyesti\">\n<h2 id=\"lyhyesti\">Lyhyesti</h2>",
            "<p>Järvilaakson hyvinvointialue ja viisi kuntaa neuvottelevat joka vuosi. Ne sopivat, miten asukkaiden hyvinvointia edistetään yhdessä.</p>",
            // The first use of an abbreviation: a link to its entry, with
            // what it stands for.
            "<a class=\"term\" href=\"/sanasto/#hyvi\"><abbr title=\"hyvinvointineuvottelut\">HYVI</abbr></a>",
            // The editorial note, with the sources.
            "<p>Järvilaakso on keksitty alue hyten testejä varten.</p>",
            // The footer leads to the glossary.
            "<a href=\"/sanasto/\">Sanasto</a>",
        ],
    );
    let note = home.find("keksitty alue").unwrap();
    let aside = home.find("<aside class=\"provenance\"").unwrap();
    assert!(aside < note, "the note is in the page's information box");

    let group = page(&public, "2030/kuntaryhmat/kallioniemi-pikkula/index.html");
    assert!(
        group
            .contains("<a class=\"term\" href=\"/sanasto/#palvelubussi\">Palvelubussin</a> reitti")
    );
    assert!(group.contains(
        "<h2 id=\"lyhyesti\">Lyhyesti</h2>\n<p>Kahden rannikkokunnan yhteinen neuvottelu.</p>"
    ));

    let glossary = page(&public, "sanasto/index.html");
    assert_contains_all(
        "sanasto",
        &glossary,
        &[
            "<h1>Sanasto</h1>",
            "<dt id=\"hyvi\"><abbr title=\"hyvinvointineuvottelut\">HYVI</abbr></dt>",
            "<p class=\"expansion\">hyvinvointineuvottelut</p><p>Järvilaakson hyvinvointialueen ja kuntien vuosittaiset neuvottelut.</p>",
            "<dt id=\"palvelubussi\">palvelubussi</dt>",
        ],
    );
    // Sorted by term, Finnish order.
    assert!(glossary.find("id=\"hyvi\"") < glossary.find("id=\"palvelubussi\""));
    // On its own page no term links to itself.
    assert!(!glossary.contains("class=\"term\""));
    assert!(page(&public, "sitemap.xml").contains("https://jarvilaakso.example/sanasto/"));
}

#[test]
fn a_site_without_terms_has_no_glossary_page() {
    let toml = std::fs::read_to_string(fixture().join("site.toml")).unwrap();
    let start = toml.find("# The glossary").unwrap();
    let end = toml.find("# The facts of the accessibility").unwrap();
    let without = format!("{}{}", &toml[..start], &toml[end..]);
    let site = site_with(&[("site.toml", Some(&without))]);
    let (_o, public) = built(site.path());
    assert!(!public.join("sanasto/index.html").exists());
    assert!(!page(&public, "index.html").contains("/sanasto/"));
}

#[test]
fn the_goals_table_calls_the_target_groups_by_the_years_word() {
    let (_o, public) = built(Path::new(env!("CARGO_MANIFEST_DIR")));
    let year = page(&public, "2025/index.html");
    assert!(
        year.contains("<th scope=\"col\">Palvelukokonaisuus</th>"),
        "{year}"
    );
    assert!(year.contains("painopisteittäin ja palvelukokonaisuuksittain</caption>"));
    let (_f, fixture) = built(&fixture());
    assert!(page(&fixture, "2030/index.html").contains("<th scope=\"col\">Kohderyhmä</th>"));
}

#[test]
fn summaries_are_short_and_free_of_sections_and_slide_numbers() {
    let text = "+++\n\
                title = \"Kallioniemi ja Pikkula\"\n\
                municipalities = [\"Kallioniemi\", \"Pikkula\"]\n\
                date = 2030-10-14\n\
                summary = \"\"\"Neuvottelu perustui lain 14 §:ään ja dioihin (dia 7). Tässä virkkeessä on aivan liian monta sanaa, koska siihen on koottu kaikki mahdolliset asiat yhteen ja samaan pitkään ja raskaaseen virkkeeseen, jota asukkaan on vaikea lukea ensimmäisellä kerralla.\"\"\"\n\
                +++\n\
                \n\
                ## Yhteisöllisyys\n\
                \n\
                ### Lapset\n\
                \n\
                - Iltapäiväkerhojen jonot puretaan.\n";
    let site = site_with(&[(
        "content/2030/kuntaryhmat/kallioniemi-pikkula.md",
        Some(text),
    )]);
    let run = check(site.path());
    run.assert_code(0)
        .assert_location("content/2030/kuntaryhmat/kallioniemi-pikkula.md", 5)
        .assert_stderr_contains("varoitus: Lyhyesti-tiivistelmässä (summary) on pykälänumero")
        .assert_stderr_contains("varoitus: Lyhyesti-tiivistelmässä (summary) on dian numero")
        .assert_stderr_contains("varoitus: Lyhyesti-tiivistelmän virkkeessä \"Tässä virkkeessä on aivan liian monta …\" on 28 sanaa");

    let text = "+++\ntitle = \"Kallioniemi ja Pikkula\"\nmunicipalities = [\"Kallioniemi\", \"Pikkula\"]\ndate = 2030-10-14\n+++\n\nTeksti.\n";
    let site = site_with(&[(
        "content/2030/kuntaryhmat/kallioniemi-pikkula.md",
        Some(text),
    )]);
    check(site.path())
        .assert_location("content/2030/kuntaryhmat/kallioniemi-pikkula.md", 2)
        .assert_stderr_contains("varoitus: sivulta puuttuu Lyhyesti-tiivistelmä (summary)");
}

#[test]
fn a_glossary_form_belongs_to_one_term() {
    let toml = std::fs::read_to_string(fixture().join("site.toml")).unwrap();
    let toml = toml.replace(
        "expansion = \"hyvinvointineuvottelut\"",
        "expansion = \"hyvinvointineuvottelut\"\naliases = [\"palvelubussin\"]",
    );
    let line = toml
        .lines()
        .position(|l| l.starts_with("aliases = [\"palvelubussin\"]"))
        .unwrap()
        + 1;
    let site = site_with(&[("site.toml", Some(&toml))]);
    check(site.path())
        .assert_code(1)
        .assert_location("site.toml", line)
        .assert_stderr_contains("sanaston muoto \"palvelubussin\" on jo termillä \"palvelubussi\"");
}

#[test]
fn long_pages_list_their_sections_and_municipality_pages_compose_a_summary() {
    let (_o, public) = built(Path::new(env!("CARGO_MANIFEST_DIR")));
    let year = page(&public, "2025/index.html");
    let nav = at_least(
        &year,
        "<nav class=\"toc\" aria-labelledby=\"talla-sivulla\">",
    );
    let list = &year[nav..year[nav..].find("</nav>").unwrap() + nav];
    for entry in [
        "<li><a href=\"#aikataulu\">Aikataulu<span class=\"visually-hidden\"> (tällä sivulla)</span></a></li>",
        "<li><a href=\"#tavoitteet\">Tavoitteet<span",
        "<li><a href=\"#arjen-turvallisuus\">Arjen turvallisuus<span",
    ] {
        assert!(list.contains(entry), "{list}");
    }
    // After the summary, before the first section.
    assert!(year.find("id=\"lyhyesti\"") < Some(nav));
    assert!(Some(nav) < year.find("<h2 id=\"aikataulu\">"));
    assert!(!list.contains("Lyhyesti"));
    // The front page is short: no list.
    assert!(!page(&public, "index.html").contains("Tällä sivulla"));

    let m = decode_entities(&page(&public, "kunnat/jamsa/index.html"));
    assert!(m.contains("<p>Jämsä neuvottelee hyvinvointialueen kanssa hyvinvoinnin, terveyden ja turvallisuuden edistämisestä. Vuonna 2025 kunta neuvotteli kuntaryhmässä, johon kuuluivat Jämsä, Keuruu, Multia ja Petäjävesi. Ryhmän neuvottelu oli 23.10.2025."), "{m}");
}

fn at_least(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("{needle} not in the page"))
}
