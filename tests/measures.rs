//! Measures, follow-ups and indicators (issue 18, MEASURES_SCHEMA.md) end
//! to end, on the made-up region of the fixture: each check of `hyte check`
//! at its file and line, and the views and open data of a built site.
//!
//! The fixture (everything in it is fictional) has
//! - in `site.toml` the indicator `uimataito`, its values in
//!   `data/uimataito.csv` (Ylä-Saari, Öhrinkylä, Ämmälä and the whole
//!   region, 2029–2031);
//! - on the group page `content/2030/kuntaryhmat/yla-saari-ohrinkyla-ammala.md`
//!   the measure `pohjoinen-uimakoulu-2030` (Terveelliset elämäntavat ×
//!   Lapset, indicator `uimataito`, the group's three municipalities);
//! - on `content/2030/_index.md` the measures `kimppakyydit-2030` (the whole
//!   region) and `tyopaikkaliikunta-2030` (Kallioniemi and Pikkula);
//! - on `content/2031/_index.md` a follow-up of each: `done` for the first
//!   (toteutettu), `in_progress` (käynnissä) for the other two.
//!
//! The messages are Finnish and their wording is the implementation's; the
//! tests look for the location, the offending value, a word of the fix and
//! the stem of a noun that says what is wrong, matched ignoring case:
//! "toimenpi" (toimenpide, toimenpiteen, toimenpidettä), "seuran"
//! (seuranta, seurannan, seurantaa) and "indikaattori" (indikaattorin, …).
//!
//! Line numbers count the first `+++` of a file as line 1, and a CSV file's
//! header as line 1; each test computes its line from the text it writes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

const GROUP: &str = "content/2030/kuntaryhmat/yla-saari-ohrinkyla-ammala.md";
const YEAR: &str = "content/2030/_index.md";
const FOLLOWUPS: &str = "content/2031/_index.md";
const VALUES: &str = "data/uimataito.csv";

/// The measure of the group page, with an indicator.
const MEASURE: &str = "pohjoinen-uimakoulu-2030";
const MEASURE_TITLE: &str = "Maksuton uimakoulu jokaiselle toisluokkalaiselle";
/// The measures of the year page: the whole region, and two municipalities.
const REGION_MEASURE: &str = "kimppakyydit-2030";
const REGION_MEASURE_TITLE: &str = "Kyläkerhojen kimppakyydit koko alueelle";
const TWO_MUNICIPALITIES_MEASURE: &str = "tyopaikkaliikunta-2030";
const TWO_MUNICIPALITIES_TITLE: &str = "Työpaikkaliikunnan kokeilu";

/// The stems of the nouns the messages use.
const MEASURE_WORD: &str = "toimenpi";
const FOLLOWUP_WORD: &str = "seuran";
const INDICATOR_WORD: &str = "indikaattori";

fn fixture_text(rel: &str) -> String {
    fs::read_to_string(fixture().join(rel)).unwrap()
}

/// The fixture's file `rel` with the first `from` replaced by `to`.
fn replaced(rel: &str, from: &str, to: &str) -> String {
    let text = fixture_text(rel);
    assert!(
        text.contains(from),
        "{from:?} is not in the fixture's {rel}"
    );
    text.replacen(from, to, 1)
}

/// The fixture's file `rel` with `toml` added at the end of its front
/// matter (before the closing `+++`).
fn with_in_front_matter(rel: &str, toml: &str) -> String {
    let text = fixture_text(rel);
    let end = text[3..]
        .find("\n+++\n")
        .unwrap_or_else(|| panic!("the fixture's {rel} has no closing +++"))
        + 3;
    format!("{}\n\n{}{}", &text[..end], toml.trim_end(), &text[end..])
}

/// The line (from 1) of the `n`th (from 1) line of `text` that contains
/// `needle`.
fn nth_line_of(text: &str, needle: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(n - 1)
        .unwrap_or_else(|| panic!("{needle:?} is not {n} times in\n{text}"))
        .0
        + 1
}

/// The line (from 1) of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    nth_line_of(text, needle, 1)
}

/// Assert that `r`'s stderr contains every one of `needles`, ignoring case.
fn assert_mentions(r: &Run, needles: &[&str]) {
    let stderr = r.stderr.to_lowercase();
    for needle in needles {
        assert!(
            stderr.contains(&needle.to_lowercase()),
            "expected stderr to mention {needle:?}\n--- stderr ---\n{}",
            r.stderr
        );
    }
}

/// Assert that `r`'s stderr contains at least one of `needles` (e.g. a
/// date as 21.10.2030 or as 2030-10-21).
fn assert_mentions_one_of(r: &Run, needles: &[&str]) {
    assert!(
        needles.iter().any(|n| r.stderr.contains(n)),
        "expected stderr to mention one of {needles:?}\n--- stderr ---\n{}",
        r.stderr
    );
}

/// A date as the messages may write it: Finnish `d.m.yyyy` or ISO.
fn date_forms(y: u32, m: u32, d: u32) -> [String; 2] {
    [format!("{d}.{m}.{y}"), format!("{y}-{m:02}-{d:02}")]
}

/// The site with `changes` fails both `check` and `build` (exit status 1,
/// no panic, nothing written), both pointing at `path:line` and mentioning
/// every one of `mentions` (ignoring case). Returns the runs.
fn error_at(
    changes: &[(&str, Option<&str>)],
    path: &str,
    line: usize,
    mentions: &[&str],
) -> [Run; 2] {
    let site = site_with(changes);
    let out = tempdir();
    let public = out.path().join("public");
    let runs = [check(site.path()), build(site.path(), &public, &[])];
    for r in &runs {
        r.assert_no_panic()
            .assert_code(1)
            .assert_location(path, line);
        assert_mentions(r, mentions);
    }
    assert!(
        list_dir(out.path()).is_empty(),
        "a failed build wrote {:?}",
        list_dir(out.path())
    );
    runs
}

/// The real address the checks of a clean site are run with: the
/// fixture's `base_url` is a placeholder, a warning of its own, and an
/// address given on the command line is none.
const BASE_URL: &str = "https://hyte.test-county.fi/";

/// `hyte check [--strict] --root <root> --base-url BASE_URL`.
fn check_with_base_url(root: &Path, strict: bool) -> Run {
    let mut args = vec!["check"];
    if strict {
        args.push("--strict");
    }
    args.extend(["--root", root.to_str().unwrap(), "--base-url", BASE_URL]);
    run(args)
}

/// `check` passes on the site with `changes` and lists one warning, at
/// `path:line`, mentioning every one of `mentions`; `check --strict` fails.
fn warning_at(changes: &[(&str, Option<&str>)], path: &str, line: usize, mentions: &[&str]) -> Run {
    let site = site_with(changes);
    let r = check_with_base_url(site.path(), false);
    r.assert_no_panic()
        .assert_code(0)
        .assert_location(path, line)
        .assert_stderr_contains("varoitus:");
    assert_eq!(
        r.stderr.matches("varoitus:").count(),
        1,
        "expected one warning\n{}",
        r.stderr
    );
    assert_mentions(&r, mentions);
    check_with_base_url(site.path(), true)
        .assert_no_panic()
        .assert_code(1);
    r
}

/// `check` passes on `root` with no error and no warning.
fn assert_checks_clean(root: &Path) {
    let r = check_with_base_url(root, false);
    r.assert_no_panic().assert_code(0);
    assert!(
        !r.stderr.contains("varoitus") && !r.stderr.contains("virhe"),
        "expected a clean check\n{}",
        r.stderr
    );
}

// ---------------------------------------------------------------- checks

#[test]
fn a_follow_up_of_an_unknown_measure_gets_a_did_you_mean() {
    // The slip: the follow-up's year instead of the measure's.
    let text = replaced(
        FOLLOWUPS,
        "measure = \"pohjoinen-uimakoulu-2030\"",
        "measure = \"pohjoinen-uimakoulu-2031\"",
    );
    let line = line_of(&text, "measure = \"pohjoinen-uimakoulu-2031\"");
    error_at(
        &[(FOLLOWUPS, Some(&text))],
        FOLLOWUPS,
        line,
        &[
            "pohjoinen-uimakoulu-2031",
            FOLLOWUP_WORD,
            MEASURE_WORD,
            "tarkoititko",
            MEASURE,
        ],
    );
}

#[test]
fn two_measures_with_the_same_id_are_an_error_at_the_second() {
    let text = with_in_front_matter(
        YEAR,
        "[[measures]]\n\
         id = \"kimppakyydit-2030\"\n\
         title = \"Kimppakyytien kuljettajien koulutus\"\n\
         priority = \"Yhteisöllisyys\"\n\
         target_group = \"Seniorit\"\n\
         responsible = \"Järvilaakson hyvinvointialueen järjestöyhteistyö\"\n\
         description = \"Vapaaehtoiset kuljettajat saavat ensiapu- ja ajokoulutuksen.\"\n",
    );
    let line = nth_line_of(&text, "id = \"kimppakyydit-2030\"", 2);
    error_at(
        &[(YEAR, Some(&text))],
        YEAR,
        line,
        &[REGION_MEASURE, MEASURE_WORD, "oma id"],
    );
}

#[test]
fn an_id_used_by_measures_of_two_pages_is_an_error() {
    // The group page's id again on the year page: one of the two is named
    // at its id line (the other page may be named in the message).
    let text = with_in_front_matter(
        YEAR,
        "[[measures]]\n\
         id = \"pohjoinen-uimakoulu-2030\"\n\
         title = \"Uimakoulu koko alueelle\"\n\
         priority = \"Terveelliset elämäntavat\"\n\
         target_group = \"Lapset\"\n\
         responsible = \"Kuntien sivistyspalvelut\"\n\
         description = \"Uimakoulu laajenee kaikkiin kuntiin.\"\n",
    );
    let site = site_with(&[(YEAR, Some(&text))]);
    let year_line = line_of(&text, "id = \"pohjoinen-uimakoulu-2030\"");
    let group_line = line_of(&fixture_text(GROUP), "id = \"pohjoinen-uimakoulu-2030\"");
    let r = check(site.path());
    r.assert_no_panic().assert_code(1);
    assert!(
        has_location(&r.stderr, YEAR, year_line) || has_location(&r.stderr, GROUP, group_line),
        "expected {YEAR}:{year_line} or {GROUP}:{group_line}\n{}",
        r.stderr
    );
    assert_mentions(&r, &[MEASURE, MEASURE_WORD, "oma id"]);
}

#[test]
fn a_follow_up_dated_before_its_measure_was_agreed_is_an_error() {
    // The measure was agreed at the group's session on 21.10.2030.
    let text = replaced(FOLLOWUPS, "date = 2031-01-12", "date = 2030-10-15");
    let line = line_of(&text, "date = 2030-10-15");
    let [checked, built] = error_at(
        &[(FOLLOWUPS, Some(&text))],
        FOLLOWUPS,
        line,
        &[FOLLOWUP_WORD],
    );
    for r in [checked, built] {
        // The fix: the day the measure was agreed, which a follow-up may not precede.
        let agreed = date_forms(2030, 10, 21);
        assert_mentions_one_of(&r, &[&agreed[0], &agreed[1]]);
    }
}

#[test]
fn an_unknown_status_is_an_error_that_names_the_statuses() {
    let text = replaced(
        FOLLOWUPS,
        "status = \"in_progress\"",
        "status = \"in-progress\"",
    );
    let line = line_of(&text, "status = \"in-progress\"");
    error_at(
        &[(FOLLOWUPS, Some(&text))],
        FOLLOWUPS,
        line,
        // The schema's own message: the value and the statuses it may be.
        &["in-progress", "in_progress", "dropped"],
    );
}

#[test]
fn a_measure_past_its_due_date_with_no_follow_up_is_a_warning() {
    // Due on 31.12.2030; the tests' date is 15.1.2031, and no year has a
    // follow-up of it.
    let measure = "[[measures]]\n\
                   id = \"kerhotilat-2030\"\n\
                   title = \"Koulujen kerhot kaikille luokka-asteille\"\n\
                   priority = \"Yhteisöllisyys\"\n\
                   target_group = \"Lapset\"\n\
                   responsible = \"Kallioniemen sivistyspalvelut\"\n\
                   municipalities = [\"Kallioniemi\"]\n\
                   due = 2030-12-31\n\
                   description = \"Koulujen kerhot avataan kaikille luokka-asteille.\"\n";
    let text = with_in_front_matter(YEAR, measure);
    let line = line_of(&text, "due = 2030-12-31");
    let r = warning_at(
        &[(YEAR, Some(&text))],
        YEAR,
        line,
        &[MEASURE_WORD, "[[followups]]"],
    );
    assert_mentions_one_of(
        &r,
        &[
            "kerhotilat-2030",
            "Koulujen kerhot kaikille luokka-asteille",
        ],
    );
    let due = date_forms(2030, 12, 31);
    assert_mentions_one_of(&r, &[&due[0], &due[1]]);

    // With a follow-up in 2031 the same measure is no warning.
    let followup = with_in_front_matter(
        FOLLOWUPS,
        "[[followups]]\n\
         measure = \"kerhotilat-2030\"\n\
         status = \"done\"\n\
         date = 2031-01-10\n\
         note = \"Kerhot ovat auki kaikille luokka-asteille.\"\n",
    );
    let site = site_with(&[(YEAR, Some(&text)), (FOLLOWUPS, Some(&followup))]);
    assert_checks_clean(site.path());
}

#[test]
fn an_unknown_indicator_of_a_measure_gets_a_did_you_mean() {
    let text = replaced(
        GROUP,
        "indicators = [\"uimataito\"]",
        "indicators = [\"uimataidot\"]",
    );
    let line = line_of(&text, "indicators = [\"uimataidot\"]");
    error_at(
        &[(GROUP, Some(&text))],
        GROUP,
        line,
        &["uimataidot", INDICATOR_WORD, "tarkoititko", "uimataito"],
    );
}

#[test]
fn an_indicator_value_for_an_unknown_municipality_is_an_error_at_its_row() {
    let csv = replaced(VALUES, "2030,Ylä-Saari,60.5", "2030,Ylä-Saarri,60.5");
    let line = line_of(&csv, "Ylä-Saarri");
    error_at(
        &[(VALUES, Some(&csv))],
        VALUES,
        line,
        &["Ylä-Saarri", INDICATOR_WORD, "Ylä-Saari"],
    );
}

#[test]
fn an_indicator_row_that_does_not_parse_is_an_error_at_its_row() {
    // A value that is no number.
    let csv = replaced(VALUES, "2030,Ämmälä,62.9", "2030,Ämmälä,noin 63");
    let line = line_of(&csv, "noin 63");
    error_at(
        &[(VALUES, Some(&csv))],
        VALUES,
        line,
        &["noin 63", INDICATOR_WORD, "luku"],
    );
    // A row with a field missing.
    let csv = replaced(VALUES, "2030,Ämmälä,62.9", "2030,Ämmälä");
    let line = line_of(&csv, "2030,Ämmälä");
    error_at(&[(VALUES, Some(&csv))], VALUES, line, &[INDICATOR_WORD]);
}

#[test]
fn a_decimal_comma_in_quotes_is_a_number() {
    // The schema allows a decimal comma; in CSV it must be quoted, since
    // the comma separates the fields.
    let csv = replaced(VALUES, "2030,Ämmälä,62.9", "2030,Ämmälä,\"62,9\"");
    let site = site_with(&[(VALUES, Some(&csv))]);
    let r = check(site.path());
    r.assert_no_panic().assert_code(0);
    assert!(!r.stderr.contains(VALUES), "{}", r.stderr);
    let out = tempdir();
    let public = out.path().join("public");
    build(site.path(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    let all = page(&public, "toimenpiteet/index.html");
    let table = first_element(entry(&all, MEASURE), "table");
    assert!(
        table.contains("62,9") || table.contains("62.9"),
        "the value 62,9 is not in the table\n{table}"
    );
}

// ---------------------------------------------------------------- views

/// Build `root` into a fresh temporary folder.
fn built(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    build(root, &public, &[]).assert_no_panic().assert_code(0);
    (out, public)
}

/// The part of `html` that is the entry with the anchor `id`: the element
/// whose start tag has `id="<id>"` up to its end tag, or, if that element
/// is a heading, the heading and what follows it up to the next heading of
/// the same or a higher level (or the end of the enclosing section).
fn entry<'a>(html: &'a str, id: &str) -> &'a str {
    let attr = format!("id=\"{id}\"");
    let at = html
        .find(&attr)
        .unwrap_or_else(|| panic!("no element has {attr}\n{html}"));
    let start = html[..at].rfind('<').unwrap();
    let name: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let after_tag = start + html[start..].find('>').unwrap() + 1;
    if let Some(level) = name
        .strip_prefix('h')
        .and_then(|l| l.parse::<u8>().ok())
        .filter(|l| (1..=6).contains(l))
    {
        let rest = &html[after_tag..];
        let mut end = rest.len();
        for close in ["</section", "</article", "</main", "</li"] {
            if let Some(i) = rest.find(close) {
                end = end.min(i);
            }
        }
        for higher in 1..=level {
            if let Some(i) = rest.find(&format!("<h{higher}")) {
                end = end.min(i);
            }
        }
        return &html[start..after_tag + end];
    }
    &html[start..after_tag + element_end(&html[after_tag..], &name)]
}

/// Where the element `name` that is open at the start of `rest` ends (the
/// offset just after its end tag), counting nested elements of that name.
fn element_end(rest: &str, name: &str) -> usize {
    let lower = rest.to_ascii_lowercase();
    let open = format!("<{name}");
    let close = format!("</{name}");
    let mut depth = 1usize;
    let mut i = 0;
    while i < lower.len() {
        let next_open = lower[i..].find(&open).map(|o| o + i);
        let next_close = lower[i..].find(&close).map(|c| c + i);
        match (next_open, next_close) {
            (Some(o), Some(c)) if o < c => {
                // `<table` but not `<tablefoo`
                let boundary = lower[o + open.len()..].chars().next();
                if boundary.is_some_and(|b| b == '>' || b.is_whitespace() || b == '/') {
                    depth += 1;
                }
                i = o + open.len();
            }
            (_, Some(c)) => {
                depth -= 1;
                let end = c + lower[c..].find('>').map_or(close.len(), |e| e + 1);
                if depth == 0 {
                    return end;
                }
                i = end;
            }
            _ => break,
        }
    }
    rest.len()
}

/// The first element `name` in `html`, start tag to end tag.
fn first_element<'a>(html: &'a str, name: &str) -> &'a str {
    let start = html
        .find(&format!("<{name}"))
        .unwrap_or_else(|| panic!("no <{name}> in\n{html}"));
    let after_tag = start + html[start..].find('>').unwrap() + 1;
    &html[start..after_tag + element_end(&html[after_tag..], name)]
}

/// The values of the fixture's indicator file: (year, municipality, value
/// as written).
fn fixture_values() -> Vec<(String, String, String)> {
    fixture_text(VALUES)
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 3, "{l}");
            (f[0].into(), f[1].into(), f[2].into())
        })
        .collect()
}

#[test]
fn the_fixture_checks_clean_with_its_measures() {
    assert_checks_clean(&fixture());
}

#[test]
fn the_measures_page_lists_every_measure_with_its_latest_status() {
    let (_out, public) = built(&fixture());
    let all = page(&public, "toimenpiteet/index.html");

    let group_measure = entry(&all, MEASURE);
    assert!(group_measure.contains(MEASURE_TITLE), "{group_measure}");
    assert!(
        group_measure.to_lowercase().contains("käynnissä"),
        "the latest status of {MEASURE} (in_progress) is not shown\n{group_measure}"
    );
    // The agreement it comes from.
    assert!(
        group_measure.contains("/2030/kuntaryhmat/yla-saari-ohrinkyla-ammala/"),
        "{group_measure}"
    );

    let region_measure = entry(&all, REGION_MEASURE);
    assert!(
        region_measure.contains(REGION_MEASURE_TITLE),
        "{region_measure}"
    );
    assert!(
        region_measure.to_lowercase().contains("toteutettu"),
        "the latest status of {REGION_MEASURE} (done) is not shown\n{region_measure}"
    );

    let two = entry(&all, TWO_MUNICIPALITIES_MEASURE);
    assert!(two.contains(TWO_MUNICIPALITIES_TITLE), "{two}");
    assert!(two.to_lowercase().contains("käynnissä"), "{two}");

    // Grouped by priority area: both areas of the fixture are headings.
    assert_contains_all(
        "toimenpiteet/index.html",
        &all,
        &["Yhteisöllisyys", "Terveelliset elämäntavat"],
    );
}

#[test]
fn a_measure_with_an_indicator_has_a_chart_and_a_table_of_its_numbers() {
    let (_out, public) = built(&fixture());
    let all = page(&public, "toimenpiteet/index.html");
    let entry = entry(&all, MEASURE);
    assert!(
        entry.contains("<svg"),
        "no chart on the entry of {MEASURE}\n{entry}"
    );
    let table = first_element(entry, "table");
    for (year, municipality, value) in fixture_values() {
        let finnish = value.replace('.', ",");
        assert!(
            table.contains(&finnish) || table.contains(&value),
            "the value {value} ({year}, {municipality:?}) is not in the table\n{table}"
        );
        assert!(table.contains(&year), "{year} is not in the table\n{table}");
        if !municipality.is_empty() {
            assert!(
                table.contains(&municipality),
                "{municipality} is not in the table\n{table}"
            );
        }
    }
    // The indicator is named with its unit and source.
    assert_contains_all(
        "toimenpiteet/index.html",
        entry,
        &[
            "Uimataitoiset toisluokkalaiset",
            "Järvilaakson koulujen uimataitokysely",
        ],
    );
}

#[test]
fn measures_are_on_their_agreement_municipality_and_priority_pages() {
    let (_out, public) = built(&fixture());
    // The group measure: its group page, its three municipalities, its
    // priority area; not the municipalities of the other group.
    for rel in [
        "2030/kuntaryhmat/yla-saari-ohrinkyla-ammala/index.html",
        "kunnat/yla-saari/index.html",
        "kunnat/ohrinkyla/index.html",
        "kunnat/ammala/index.html",
        "painopisteet/terveelliset-elamantavat/index.html",
    ] {
        let html = page(&public, rel);
        assert!(
            html.contains(MEASURE_TITLE),
            "{rel} lacks {MEASURE_TITLE}\n{html}"
        );
    }
    for rel in ["kunnat/kallioniemi/index.html", "kunnat/pikkula/index.html"] {
        let html = page(&public, rel);
        assert!(!html.contains(MEASURE_TITLE), "{rel} has {MEASURE_TITLE}");
    }
    assert!(!page(&public, "painopisteet/yhteisollisyys/index.html").contains(MEASURE_TITLE));

    // The year's measures: on the year page; the region's on every
    // municipality's page, the two municipalities' only on theirs.
    let year = page(&public, "2030/index.html");
    assert_contains_all(
        "2030/index.html",
        &year,
        &[REGION_MEASURE_TITLE, TWO_MUNICIPALITIES_TITLE],
    );
    for slug in ["kallioniemi", "yla-saari", "pikkula", "ohrinkyla", "ammala"] {
        let rel = format!("kunnat/{slug}/index.html");
        let html = page(&public, &rel);
        assert!(
            html.contains(REGION_MEASURE_TITLE),
            "{rel} lacks {REGION_MEASURE_TITLE}"
        );
        let expected = matches!(slug, "kallioniemi" | "pikkula");
        assert_eq!(
            html.contains(TWO_MUNICIPALITIES_TITLE),
            expected,
            "{rel}: {TWO_MUNICIPALITIES_TITLE} should {}be there",
            if expected { "" } else { "not " }
        );
    }
    assert!(page(&public, "painopisteet/yhteisollisyys/index.html").contains(REGION_MEASURE_TITLE));
}

#[test]
fn the_open_data_holds_measures_follow_ups_and_values() {
    let (_out, public) = built(&fixture());
    let csv = fs::read_to_string(public.join("data/toimenpiteet.csv")).unwrap();
    for id in [MEASURE, REGION_MEASURE, TWO_MUNICIPALITIES_MEASURE] {
        assert!(csv.contains(id), "data/toimenpiteet.csv lacks {id}\n{csv}");
    }
    let json = fs::read_to_string(public.join("data/hyte.json")).unwrap();
    let _: serde_json::Value = serde_json::from_str(&json).expect("hyte.json is JSON");
    for needle in [
        format!("\"{MEASURE}\""),
        format!("\"{REGION_MEASURE}\""),
        "\"in_progress\"".to_string(),
        "\"done\"".to_string(),
        "\"uimataito\"".to_string(),
        "68.4".to_string(),
    ] {
        assert!(json.contains(&needle), "data/hyte.json lacks {needle}");
    }
}

/// The helpers above, on markup the theme might write (not ignored: they
/// need no measures).
#[test]
fn the_entry_helpers_cut_the_right_part() {
    let article = "<main><article id=\"a\"><h3>A</h3><table><tr><td>1</td></tr></table>\
                   <div><table><tr><td>2</td></tr></table></div></article>\
                   <article id=\"b\"><h3>B</h3></article></main>";
    let a = entry(article, "a");
    assert!(
        a.starts_with("<article id=\"a\">") && a.ends_with("</article>"),
        "{a}"
    );
    assert!(!a.contains("id=\"b\""), "{a}");
    assert_eq!(
        first_element(a, "table"),
        "<table><tr><td>1</td></tr></table>"
    );

    let nested = "<section id=\"x\"><section><p>in</p></section><p>still</p></section><p>out</p>";
    let x = entry(nested, "x");
    assert!(x.contains("still") && !x.contains("out"), "{x}");

    let headings = "<section><h2>P</h2><h3 id=\"m\">M</h3><p>s</p><svg></svg>\
                    <h4>sub</h4><p>t</p><h3 id=\"n\">N</h3></section><p>after</p>";
    let m = entry(headings, "m");
    assert!(
        m.contains("<svg") && m.contains("sub") && m.contains("t</p>"),
        "{m}"
    );
    assert!(!m.contains("id=\"n\"") && !m.contains("after"), "{m}");
}

/// The real site publishes no measure: its measures page says so, and
/// names no measure of its own.
#[test]
fn the_real_site_says_no_measures_have_been_published() {
    let out = tempdir();
    let public = out.path().join("public");
    build(Path::new(env!("CARGO_MANIFEST_DIR")), &public, &[]).assert_code(0);
    let all = page(&public, "toimenpiteet/index.html");
    assert!(
        all.contains("Sivustolla ei ole julkaistu yhtään neuvotteluissa sovittua toimenpidettä."),
        "{all}"
    );
    assert!(!all.contains("class=\"measure\""), "{all}");
    let csv = std::fs::read_to_string(public.join("data/toimenpiteet.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1, "only the header: {csv}");
}
