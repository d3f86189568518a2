//! Pages a phone can carry: on a site of many years, a municipality's
//! and a priority area's pages show the newest years in full and list the
//! older ones with links, the schedule's table stops at whole years and
//! lists the others, and the front page lists the soonest sessions. The
//! fixture and the real site are under every limit and stay complete (the
//! views tests read their pages whole).

mod common;

use common::*;

/// Ten more held years, 2010–2019, each with a group page of Kallioniemi
/// and Pikkula holding `findings` findings under one cell (and one of
/// the other three with none), and
/// `sessions` more sessions on the year page; and a planned year 2040
/// with `ahead` sessions.
fn many_years(findings: usize, sessions: usize, ahead: usize) -> tempfile::TempDir {
    let mut files: Vec<(String, String)> = Vec::new();
    for year in 2010..2020 {
        let mut index = format!(
            "+++\ntitle = \"HYTE-neuvottelut {year}\"\nstatus = \"held\"\n\
             summary = \"Vuoden {year} neuvottelut.\"\ntarget_groups = [\"Lapset\", \"Seniorit\"]\n"
        );
        for s in 0..sessions {
            let day = s % 28 + 1;
            index.push_str(&format!(
                "\n[[sessions]]\ntitle = \"Kuuleminen {s}\"\ndate = {year}-03-{day:02}\n"
            ));
        }
        index.push_str("+++\n\nVuoden neuvottelut.\n");
        files.push((format!("content/{year}/_index.md"), index));
        let items: String = (0..findings)
            .map(|i| format!("- Nosto {i} vuodelta {year}.\n"))
            .collect();
        files.push((
            format!("content/{year}/kuntaryhmat/kallioniemi-pikkula.md"),
            format!(
                "+++\ntitle = \"Kallioniemi ja Pikkula\"\nmunicipalities = [\"Kallioniemi\", \"Pikkula\"]\n\
                 date = {year}-10-14\nsummary = \"Neuvottelu {year}.\"\n+++\n\n\
                 ## Yhteisöllisyys\n\n### Lapset\n\n{items}"
            ),
        ));
    }
    for year in 2010..2020 {
        files.push((
            format!("content/{year}/kuntaryhmat/yla-saari-ohrinkyla-ammala.md"),
            format!(
                "+++\ntitle = \"Ylä-Saari, Öhrinkylä ja Ämmälä\"\n\
                 municipalities = [\"Ylä-Saari\", \"Öhrinkylä\", \"Ämmälä\"]\n\
                 summary = \"Neuvottelu {year}.\"\n+++\n\nMuistio puuttuu.\n"
            ),
        ));
    }
    let mut planned = String::from(
        "+++\ntitle = \"HYTE-neuvottelut 2040\"\nstatus = \"planned\"\n\
         summary = \"Vuoden 2040 neuvottelut ovat tulossa.\"\n",
    );
    for s in 0..ahead {
        let day = s % 28 + 1;
        planned.push_str(&format!(
            "\n[[sessions]]\ntitle = \"Tuleva {s}\"\ndate = 2040-05-{day:02}\n"
        ));
    }
    planned.push_str("+++\n\nTulossa.\n");
    files.push(("content/2040/_index.md".into(), planned));
    let changes: Vec<(&str, Option<&str>)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), Some(t.as_str())))
        .collect();
    site_with(&changes)
}

fn built(site: &tempfile::TempDir) -> std::path::PathBuf {
    let public = site.path().join("public");
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    public
}

/// The part of `html` from `start` to the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let a = html
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found in:\n{html}"));
    let b = html[a..].find(end).map_or(html.len(), |b| a + b);
    &html[a..b]
}

#[test]
fn a_municipality_page_shows_five_years_in_full_and_lists_the_older_ones() {
    let site = many_years(3, 0, 0);
    let public = built(&site);
    let html = page(&public, "kunnat/kallioniemi/index.html");
    // 2040, 2031, 2030, 2019 and 2018 are the newest five.
    for year in [2040, 2031, 2030, 2019, 2018] {
        assert!(
            html.contains(&format!("id=\"vuosi-{year}\"")),
            "{year} in full"
        );
    }
    assert!(
        !html.contains("id=\"vuosi-2017\""),
        "2017 is listed, not in full"
    );
    assert!(!html.contains("Nosto 0 vuodelta 2017."));
    let earlier = between(&html, "<h2 id=\"aiemmat\"", "</section>");
    for year in 2010..2018 {
        assert!(
            earlier.contains(&format!(
                "<a href=\"/{year}/kuntaryhmat/kallioniemi-pikkula/\">Kallioniemi ja Pikkula<span class=\"visually-hidden\"> {year}</span></a>"
            )),
            "{year}'s group linked in:\n{earlier}"
        );
        assert!(earlier.contains(&format!("<a href=\"/{year}/\">HYTE-neuvottelut {year}</a>")));
    }
    // Another municipality's page lists its own group.
    let other = page(&public, "kunnat/ammala/index.html");
    let earlier = between(&other, "<h2 id=\"aiemmat\"", "</section>");
    assert!(
        earlier.contains("<a href=\"/2010/kuntaryhmat/yla-saari-ohrinkyla-ammala/\">"),
        "{earlier}"
    );
}

#[test]
fn a_priority_page_stops_at_the_year_that_would_bring_it_over_its_findings() {
    let site = many_years(100, 0, 0);
    let public = built(&site);
    let html = page(&public, "painopisteet/yhteisollisyys/index.html");
    // 2019 and 2018 bring 200 findings with the fixture's own; 2017's
    // hundred more would go over 250.
    assert!(html.contains("Nosto 99 vuodelta 2018."));
    assert!(html.contains("id=\"vuosi-2018\""));
    assert!(!html.contains("id=\"vuosi-2017\""));
    assert!(!html.contains("vuodelta 2017"));
    let earlier = between(&html, "<h2 id=\"aiemmat\"", "</section>");
    for year in 2010..2018 {
        assert!(
            earlier.contains(&format!(
                "<a href=\"/{year}/\">HYTE-neuvottelut {year}</a>: nostoja 100, sivuja 1</li>"
            )),
            "{year} listed with its counts in:\n{earlier}"
        );
    }
}

#[test]
fn the_schedule_keeps_whole_years_in_its_table_and_lists_the_rest() {
    let site = many_years(1, 30, 0);
    let public = built(&site);
    let html = page(&public, "aikataulu/index.html");
    let table = between(&html, "<table", "</table>");
    let rows = table.matches("<th scope=\"row\"").count();
    assert!((1..=200).contains(&rows), "{rows} rows");
    let other = between(&html, "<h2 id=\"muut-vuodet\"", "</ul>");
    // Each year has 32 sessions: 30 on its page and its two groups.
    assert!(
        other.contains(
            "<a href=\"/2010/#aikataulu\">HYTE-neuvottelut 2010</a>: menneitä tilaisuuksia 32</li>"
        ),
        "{other}"
    );
    // Each of those years is in the table whole or listed with its count.
    for year in 2010..2020 {
        let in_table = table.matches(&format!("\">{year}</a></td>")).count();
        let listed = other.contains(&format!(
            "<a href=\"/{year}/#aikataulu\">HYTE-neuvottelut {year}</a>: menneitä tilaisuuksia 32</li>"
        ));
        assert!(
            (in_table == 32) != listed && (in_table == 0 || in_table == 32),
            "{year}: {in_table} rows, listed {listed}"
        );
    }
    // The newest of them are in the table.
    assert_eq!(table.matches("\">2019</a></td>").count(), 32);
}

#[test]
fn the_front_page_lists_the_soonest_twenty_sessions_and_says_how_many_more() {
    let site = many_years(1, 0, 30);
    let public = built(&site);
    let html = page(&public, "index.html");
    let upcoming = between(&html, "<h2 id=\"tulossa\"", "</ul>");
    assert_eq!(upcoming.matches("<li>").count(), 20, "{upcoming}");
    // The fixture's own upcoming sessions of spring 2031 come first.
    let ahead = upcoming.matches("Tuleva ").count();
    assert!(ahead < 20);
    // The fixture's k sessions are all shown (k = 20 - ahead), and of
    // the thirty of 2040 the ones left are counted.
    let more = 30 - ahead;
    assert!(
        html.contains(&format!(
            "Tulevia tilaisuuksia on lisäksi {more}; ne ovat aikataulussa."
        )),
        "{more} more"
    );
}
