//! Rendering bodies: findings, parts, anchors, links and cleaning.

use super::*;

fn term(name: &str, aliases: &[&str]) -> Term {
    Term::new(
        name.into(),
        slugify(name),
        aliases.iter().map(|s| s.to_string()).collect(),
        String::new(),
    )
}

fn with_vocab(body: &str) -> Rendered {
    let p = [
        term("Arjen turvallisuus", &["Arjen turvallisuuden edistäminen"]),
        term("Mielen hyvinvointi", &[]),
    ];
    let t = [
        term("Ikääntyneet", &[]),
        term("Lapset ja nuoret", &[]),
        term("Vammaispalvelut", &[]),
    ];
    render(body, Some(&Vocabulary::of(&p, &t, 2)), "/", "")
}

#[test]
fn control_characters_become_replacement_characters() {
    let out = render("- kohta\0jatkuu\n", None, "/", "");
    assert!(out.html().contains("kohta\u{FFFD}jatkuu"), "{}", out.html());
    // Also where a character reference makes one.
    let out = render("a&#142;b `c&#1;` [d](/e \"&#127;\")\n", None, "/", "");
    assert!(
        !out.html().contains(['\u{8e}', '\u{1}', '\u{7f}']),
        "{:?}",
        out.html()
    );
}

#[test]
fn headings_give_findings_and_anchors() {
    let r = with_vocab(
        "Intro.\n\n## Arjen turvallisuuden edistäminen\n\n### Ikääntyneet\n\nA note, not a finding.\n\n- Kaatumisten ehkäisy\n- Ystävätoiminta\n\n## Muuta\n\n- Prose.\n",
    );
    assert_eq!(r.findings.len(), 2);
    assert_eq!(r.findings[0].text, "Kaatumisten ehkäisy");
    // Its cell: the first priority area, the first target group; the
    // heading of that cell has the anchor routes::finding_anchor gives.
    assert_eq!(
        (r.findings[0].priority, r.findings[0].target),
        (PriorityId(0), Some(TargetGroupId(0)))
    );
    assert_eq!(r.findings[0].line, 9);
    assert!(r.html().contains("<h2 id=\"arjen-turvallisuus\">"));
    assert!(
        r.html()
            .contains("<h3 id=\"arjen-turvallisuus-ikaantyneet\">Ikääntyneet</h3>")
    );
    assert!(r.html().contains("<h2 id=\"muuta\">"));
}

#[test]
fn body_is_cut_into_prose_and_priority_parts() {
    let r = with_vocab(
        "Intro.\n\n## Mielen hyvinvointi\n\nKoko alue.\n\n### Lapset ja nuoret\n\n- a\n- b\n\n## Muuta\n\nLoppu.\n",
    );
    assert_eq!(r.parts.len(), 3);
    assert!(matches!(&r.parts[0], Part::Prose { html } if html.contains("Intro.")));
    let Part::Priority(section) = &r.parts[1] else {
        panic!("{:?}", r.parts[1])
    };
    assert!(section.heading.contains("id=\"mielen-hyvinvointi\""));
    assert!(section.intro.contains("Koko alue."));
    assert_eq!(section.cells.len(), 1);
    assert!(
        section.cells[0]
            .heading
            .contains("id=\"mielen-hyvinvointi-lapset-ja-nuoret\"")
    );
    assert!(section.cells[0].html.contains("<li>b</li>"));
    assert!(
        matches!(&r.parts[2], Part::Prose { html } if html.contains("Loppu.") && html.contains("id=\"muuta\""))
    );
    // The whole body is the parts one after another, in written order.
    let whole = r.html();
    let order = [
        "<p>Intro.</p>",
        "id=\"mielen-hyvinvointi\"",
        "Koko alue.",
        "id=\"mielen-hyvinvointi-lapset-ja-nuoret\"",
        "<li>a</li>",
        "<li>b</li>",
        "id=\"muuta\"",
        "Loppu.",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|n| whole.find(n).unwrap_or_else(|| panic!("{n} in {whole}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{whole}");
}

#[test]
fn duplicate_heading_ids_are_numbered() {
    let r = render("## A\n\n## A\n", None, "/", "");
    assert!(r.html().contains("id=\"a\""));
    assert!(r.html().contains("id=\"a-2\""));
}
