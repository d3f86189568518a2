//! The rules on small bodies, without a site on disk: each slip of the
//! findings structure is reported at its own line.

use std::path::Path;

use super::{body, findings};
use crate::config::Term;
use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown::{Vocabulary, render};
use crate::slug::slugify;

fn term(name: &str) -> Term {
    Term::new(name.into(), slugify(name), Vec::new(), String::new())
}

/// Problems of `body` on a group page of a year with the three priority
/// areas and two target groups: (severity, line, message).
fn problems(md: &str) -> Vec<(Severity, usize, String)> {
    let p = [
        term("Arjen turvallisuus"),
        term("Mielen hyvinvointi"),
        term("Liikunnallinen elämäntapa"),
    ];
    let t = [
        term("Työikäisten palvelut"),
        term("Ikääntyneiden palvelut"),
        term("Lapset ja nuoret"),
    ];
    let vocab = Vocabulary::of(&p, &t, 2);
    let r = render(md, Some(&vocab), "/", "");
    let path = Path::new("ryhma.md");
    let mut ds: Vec<Diagnostic> = body::check(path, &r.outline, true);
    ds.extend(findings::check(path, &r.outline.blocks, &vocab));
    ds.into_iter()
        .map(|d| (d.severity, d.line.unwrap_or(0), d.message))
        .collect()
}

fn only(md: &str) -> (Severity, usize, String) {
    let mut ps = problems(md);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    ps.remove(0)
}

#[test]
fn a_well_formed_body_has_no_problems() {
    let ps = problems(
        "Johdanto.\n\n## Arjen turvallisuus\n\nYhteistä.\n\n### Työikäisten palvelut\n\n- a\n- b\n\n## Muuta\n\nLoppu.\n",
    );
    assert!(ps.is_empty(), "{ps:#?}");
}

#[test]
fn a_stem_of_a_priority_area_is_an_error_when_findings_follow() {
    // The level-3 heading is reported too, at its own line.
    let ps = problems("Alku.\n\n## Liikunta\n\n### Työikäisten palvelut\n\n- a\n");
    assert_eq!(ps.len(), 2, "{ps:#?}");
    assert_eq!(ps[0].0, Severity::Error);
    assert_eq!(ps[0].1, 3);
    assert!(ps[0].2.contains("Liikunnallinen elämäntapa"), "{ps:#?}");
    assert_eq!(ps[1].1, 5);
    assert!(ps[1].2.contains("eivät ole minkään painopisteen alla"));
}

#[test]
fn hashes_without_a_space_are_not_a_heading() {
    let (sev, line, msg) = only("Alku.\n\n##Arjen turvallisuus\n\n- a\n");
    assert_eq!((sev, line), (Severity::Error, 3));
    assert!(msg.contains("alkaa #-merkillä"), "{msg}");
    let (sev, line, _) = only("Alku.\n\n#HYTE2025 oli hyvä\n");
    assert_eq!((sev, line), (Severity::Warning, 3));
}

#[test]
fn a_target_group_at_level_two_is_an_error() {
    let (sev, line, msg) = only("## Ikääntyneiden palvelut\n\n- a\n");
    assert_eq!((sev, line), (Severity::Error, 1));
    assert!(msg.contains("##-tason"), "{msg}");
}

#[test]
fn an_indented_finding_became_code() {
    let (sev, line, msg) =
        only("## Arjen turvallisuus\n\n### Työikäisten palvelut\n\n\t- a\n\t- b\n");
    assert_eq!((sev, line), (Severity::Error, 5));
    assert!(msg.contains("koodina"), "{msg}");
}

#[test]
fn an_empty_cell_is_a_warning() {
    let (sev, line, _) = only(
        "## Arjen turvallisuus\n\n### Työikäisten palvelut\n\n### Ikääntyneiden palvelut\n\n- a\n",
    );
    assert_eq!((sev, line), (Severity::Warning, 3));
}

#[test]
fn a_bold_line_that_names_a_target_group_looks_like_a_heading() {
    let (sev, line, msg) = only("## Arjen turvallisuus\n\n**Ikääntyneiden palvelut**\n\n- a\n");
    assert_eq!((sev, line), (Severity::Warning, 3));
    assert!(msg.contains("näyttää otsikolta"), "{msg}");
}

#[test]
fn an_unknown_target_group_gets_a_near_miss() {
    let (sev, line, msg) = only("## Mielen hyvinvointi\n\n### Ikääntyneet\n\n- x\n");
    assert_eq!((sev, line), (Severity::Error, 3));
    assert!(msg.contains("ei ole tämän vuoden kohderyhmä"), "{msg}");
}

#[test]
fn the_same_cell_twice_is_an_error() {
    let ps = problems(
        "## Arjen turvallisuus\n\n### Työikäisten palvelut\n\n- a\n\n### Työikäisten palvelut\n\n- b\n",
    );
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!((ps[0].0, ps[0].1), (Severity::Error, 7));
}

#[test]
fn raw_html_is_a_warning_at_its_line() {
    let ps = problems(
        "Alku.\n\n<div>Tärkeä huomautus</div>\n\nTeksti <script>alert(\"hei\")</script>.\n",
    );
    let lines: Vec<(Severity, usize)> = ps.iter().map(|p| (p.0, p.1)).collect();
    assert_eq!(
        lines,
        [(Severity::Warning, 3), (Severity::Warning, 5)],
        "{ps:#?}"
    );
    assert!(ps[0].2.contains("<div>"));
    assert!(ps[1].2.contains("sisältöineen"));
}

#[test]
fn text_in_a_cell_that_is_no_list_is_a_warning() {
    let (sev, line, msg) = only(
        "## Arjen turvallisuus\n\n### Työikäisten palvelut\n\nKaatumisten ehkäisy kotona.\n\n- a\n",
    );
    assert_eq!((sev, line), (Severity::Warning, 5));
    assert!(msg.contains("kappale ei ole nosto"), "{msg}");
    let (sev, line, _) =
        only("## Arjen turvallisuus\n\n### Työikäisten palvelut\n\n- a\n\n> lainaus\n");
    assert_eq!((sev, line), (Severity::Warning, 7));
}

#[test]
fn a_priority_area_at_level_three_under_another_is_told_to_be_level_two() {
    let (sev, line, msg) = only(
        "## Arjen turvallisuus\n\n### Työikäisten palvelut\n\n- a\n\n### Mielen hyvinvointi\n\n- b\n",
    );
    assert_eq!((sev, line), (Severity::Error, 7));
    assert!(
        msg.contains("###-tason otsikko toisen painopisteen alla"),
        "{msg}"
    );
}

#[test]
fn an_indented_line_outside_the_findings_is_a_warning() {
    let (sev, line, msg) = only("Johdanto.\n\n    sisennetty\n\n## Arjen turvallisuus\n");
    assert_eq!((sev, line), (Severity::Warning, 3));
    assert!(msg.contains("koodina"), "{msg}");
}
