//! Tests of reading `site.toml`.

use super::*;

/// The configuration of `text` (`title` and `base_url`, then tables);
/// `[region]` is added at the end.
pub(in crate::config) fn config(text: &str, base_url: Option<&str>) -> Config {
    let text = format!("{text}\n[region]\nname = 'R'\ncounty = 'C'\n");
    parse(text.into_bytes(), Path::new("site.toml"), base_url).unwrap()
}

/// The problems of `site.toml` text `body` (after a minimal head), as
/// (line, message) pairs; line 1 is the first line of `body`.
pub(super) fn problems(body: &str) -> Vec<(Option<usize>, String)> {
    let head =
        "title = 't'\nbase_url = 'https://example.org/'\n[region]\nname = 'R'\ncounty = 'C'\n";
    let text = format!("{head}{body}");
    let offset = head.lines().count();
    match parse(text.into_bytes(), Path::new("site.toml"), None) {
        Ok(_) => Vec::new(),
        Err(ds) => ds
            .into_iter()
            .map(|d| (d.line.map(|l| l - offset), d.message))
            .collect(),
    }
}

#[test]
fn a_bad_slug_is_reported_at_its_own_line() {
    // The same text, quoted, stands earlier in the file: the line comes
    // from the parser's span, not from a search of the text.
    let body = "\n[[municipalities]]\nname = 'Aa'\ndescription = \"Ä Ö\"\n\n\
                [[municipalities]]\nname = 'Bb'\nslug = \"Ä Ö\"\n\n\
                [[priority_areas]]\nname = 'Ä Ö'\n\n\
                [[priority_areas]]\nname = 'Cc'\nslug = 'Ä Ö'\n";
    let ps = problems(body);
    assert_eq!(ps.len(), 2, "{ps:?}");
    assert_eq!(ps[0].0, Some(8), "{ps:?}");
    assert!(ps[0].1.contains("kunnan \"Bb\" tunniste"), "{ps:?}");
    assert_eq!(ps[1].0, Some(15), "{ps:?}");
    assert!(ps[1].1.contains("painopisteen \"Cc\" tunniste"), "{ps:?}");
}

#[test]
fn a_repeated_name_is_reported_at_the_repeat() {
    let body = "[[target_groups]]\nname = 'Nuoret'\n\n[[target_groups]]\nname = 'Nuoret'\n\n\
                [[municipalities]]\nname = '!!'\n\n\
                [[sources]]\nid = 'a'\ntitle = 'A'\n\n[[sources]]\nid = 'a'\ntitle = 'B'\n";
    let ps = problems(body);
    let lines: Vec<_> = ps.iter().map(|p| p.0).collect();
    assert_eq!(lines, [Some(8), Some(5), Some(15)], "{ps:?}");
    assert!(ps[0].1.contains("nimestä \"!!\""), "{ps:?}");
    assert!(ps[1].1.starts_with("kahdella kohderyhmällä"), "{ps:?}");
    assert!(ps[2].1.starts_with("kahdella lähteellä"), "{ps:?}");
}

#[test]
fn source_date_and_statement_shortcomings_are_at_their_lines() {
    let body = "[[sources]]\nid = 'a'\ntitle = 'A'\ndate = 2025-10-07T10:00:00\n\n\
                [accessibility]\nstatus = 'partial'\nprepared = 2026-01-01\n\
                reviewed = 2026-01-01\nmethod = 'm'\nfeedback_email = 'a@b.fi'\n";
    let ps = problems(body);
    let lines: Vec<_> = ps.iter().map(|p| p.0).collect();
    assert_eq!(lines, [Some(4), Some(6)], "{ps:?}");
}

#[test]
fn base_url_problem_is_at_its_line_unless_given_on_the_command_line() {
    let text = "title = 't'\n\nbase_url = 'hyte.example.fi'\n[region]\nname = 'R'\ncounty = 'C'\n";
    let ds = parse(text.into(), Path::new("site.toml"), None).unwrap_err();
    assert_eq!(ds[0].line, Some(3));
    let ds = parse(text.into(), Path::new("site.toml"), Some("x.fi")).unwrap_err();
    assert_eq!(ds[0].line, None);
    assert!(ds[0].message.contains("\"x.fi\""), "{ds:?}");
}

#[test]
fn base_path_of_subpath_url() {
    let text = "title='t'\nbase_url='https://example.org/hyte'\n[region]\nname='R'\ncounty='C'\n";
    let c = parse(text.into(), Path::new("site.toml"), None).unwrap();
    assert_eq!(c.base_url, "https://example.org/hyte/");
    assert_eq!(c.base_path(), "/hyte/");
}
