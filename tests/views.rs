//! The views residents and partners use, on the made-up region's fixture:
//! municipality, priority area and schedule pages built from the model,
//! the group page with the year's goal beside each cell, and statute links.

mod common;

use common::*;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    build(&fixture(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    (out, public)
}

/// Byte offset of `needle` in `text`, failing with context when absent.
fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found in:\n{text}"))
}

#[test]
fn municipalities_are_listed_in_finnish_alphabetical_order() {
    let (_out, public) = built();
    let html = page(&public, "kunnat/index.html");
    let order = ["Kallioniemi", "Pikkula", "Ylä-Saari", "Ämmälä", "Öhrinkylä"];
    let positions: Vec<usize> = order
        .iter()
        .map(|n| at(&html, &format!(">{n}</a>")))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "expected {order:?} in this order (Ä and Ö after Z)"
    );
}

#[test]
fn municipality_page_shows_each_year_newest_first_with_its_group_and_findings() {
    let (_out, public) = built();
    let html = page(&public, "kunnat/pikkula/index.html");
    // Newest first: the planned 2031 before 2030.
    assert!(at(&html, "id=\"vuosi-2031\"") < at(&html, "id=\"vuosi-2030\""));
    // 2030: the group, its date and the findings of that session, linked
    // to their cells on the group page.
    assert_contains_all(
        "kunnat/pikkula/index.html",
        &html,
        &[
            "/2030/kuntaryhmat/kallioniemi-pikkula/",
            "14.10.2030",
            "Palvelubussin reitti kulkee kyläkeskusten kautta.",
            "/2030/kuntaryhmat/kallioniemi-pikkula/#yhteisollisyys-seniorit",
            "suunnitteilla",
        ],
    );
    // Another group's findings are not this municipality's (the measures
    // of the whole region, after them, are).
    let findings = &html[..html.find("id=\"toimenpiteet\"").unwrap_or(html.len())];
    assert!(!findings.contains("Kyläkerhojen kimppakyydit"));
}

#[test]
fn priority_page_has_goals_per_year_and_every_groups_findings_side_by_side() {
    let (_out, public) = built();
    let html = page(&public, "painopisteet/yhteisollisyys/index.html");
    let cell = at(&html, "id=\"2030-yhteisollisyys-seniorit\"");
    let goal = at(&html, "Yksinäisyyttä kokevien senioreiden osuus pienenee");
    let common = at(&html, "Kyläkerhojen kimppakyydit laajenevat koko alueelle.");
    let group = at(&html, "Palvelubussin reitti kulkee kyläkeskusten kautta.");
    assert!(
        cell < goal && goal < common && common < group,
        "cell, goal, then the findings of each page"
    );
    assert!(html.contains("/2030/kuntaryhmat/kallioniemi-pikkula/#yhteisollisyys-seniorit"));
    // The other priority area's findings stay on its own page.
    assert!(!html.contains("Kuntosalien aukioloajat pidennetään iltaan."));
}

#[test]
fn schedule_lists_what_is_ahead_first_then_the_past_newest_first() {
    // Built on 1 November 2030: the first group session has passed, the
    // forum of 20.11. and the spring 2031 plan are ahead.
    let out = tempdir();
    let public = out.path().join("public");
    let mut cmd = hyte();
    cmd.env("SOURCE_DATE_EPOCH", "1919721600").args([
        "build",
        "--root",
        fixture().to_str().unwrap(),
        "--output",
        public.to_str().unwrap(),
    ]);
    assert!(cmd.output().unwrap().status.success());
    let html = page(&public, "aikataulu/index.html");
    let forum = at(&html, "Järjestöfoorumi");
    let next_year = at(&html, "huhti–toukokuussa 2031");
    let first_group = at(&html, "Kallioniemi ja Pikkula");
    let undated = at(&html, "joulukuun alussa 2030");
    assert!(forum < next_year, "ahead: 20.11.2030 before spring 2031");
    assert!(next_year < first_group, "what is ahead before what is past");
    assert!(
        first_group < undated,
        "past: dated before undated within a year"
    );
    assert!(html.contains(">suunniteltu<") && html.contains(">toteutettu<"));
    let front = page(&public, "index.html");
    let upcoming = &front[at(&front, "id=\"tulossa\"")..];
    assert!(at(upcoming, "Järjestöfoorumi") < at(upcoming, "huhti–toukokuussa 2031"));
}

#[test]
fn group_page_shows_the_years_goal_beside_its_cell() {
    let (_out, public) = built();
    let html = page(&public, "2030/kuntaryhmat/kallioniemi-pikkula/index.html");
    let heading = at(&html, "id=\"yhteisollisyys-seniorit\"");
    let goal = at(&html, "Yksinäisyyttä kokevien senioreiden osuus pienenee");
    let finding = at(&html, "reitti kulkee kyläkeskusten kautta.");
    assert!(heading < goal && goal < finding);
    // Municipalities link to their pages.
    assert!(html.contains("href=\"/kunnat/kallioniemi/\""));
    assert!(html.contains("href=\"/kunnat/pikkula/\""));
}

#[test]
fn front_page_has_the_latest_year_the_municipalities_and_the_next_sessions() {
    let (_out, public) = built();
    let html = page(&public, "index.html");
    let latest = at(&html, "id=\"uusin\"");
    assert!(html[latest..].contains("HYTE-neuvottelut 2030"));
    assert!(html.contains("href=\"/kunnat/ohrinkyla/\""));
    let upcoming = at(&html, "id=\"tulossa\"");
    assert!(html[upcoming..].contains("huhti–toukokuussa 2031"));
}

#[test]
fn pages_name_their_sources_and_update_date() {
    let (_out, public) = built();
    let html = page(&public, "2030/index.html");
    assert_contains_all(
        "2030/index.html",
        &html,
        &[
            "Aluehallituksen pöytäkirja 2.9.2030",
            "Sivu päivitetty 1.10.2030.",
        ],
    );
}

#[test]
fn statute_references_link_to_the_statute_site() {
    let (_out, public) = built();
    let html = page(&public, "laki/index.html");
    assert!(
        html.contains("href=\"https://finlex.fi/fi/lainsaadanto/2021/612\""),
        "{html}"
    );
}

#[test]
fn breadcrumbs_lead_through_generated_views() {
    let (_out, public) = built();
    let html = page(&public, "kunnat/pikkula/index.html");
    let crumbs = at(&html, "aria-label=\"Murupolku\"");
    let rest = &html[crumbs..];
    assert!(at(rest, ">Etusivu<") < at(rest, ">Kunnat<"));
    assert!(at(rest, ">Kunnat<") < at(rest, "aria-current=\"page\""));
}
