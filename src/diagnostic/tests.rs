//! How problems read and count.

use super::*;

#[test]
fn display_names_file_line_and_help() {
    let d = Diagnostic::new("content/a.md", "tuntematon avain")
        .at_line(4)
        .help("poista se\ntai korjaa");
    let s = d.to_string();
    assert!(s.contains("virhe: tuntematon avain"));
    assert!(s.contains("--> content/a.md:4"));
    assert!(s.contains("= ohje: poista se\n          tai korjaa"));
}

#[test]
fn summary_is_singular_or_plural() {
    let one = Error::Content(vec![Diagnostic::new("a.md", "x")]).to_string();
    assert!(one.ends_with("virhe: löytyi 1 virhe"), "{one}");
    let three = Error::Content(vec![
        Diagnostic::new("a.md", "x"),
        Diagnostic::new("b.md", "y"),
        Diagnostic::warning("c.md", "z"),
        Diagnostic::new("d.md", "z").in_draft(),
    ])
    .to_string();
    assert!(
        three.ends_with("virhe: löytyi 2 virhettä ja 1 varoitus; luonnoksissa lisäksi 1 virhe"),
        "{three}"
    );
    assert!(three.contains("varoitus: z\n  --> c.md"), "{three}");
    assert!(three.contains("virhe (luonnos): z\n  --> d.md"), "{three}");
}

#[test]
fn io_errors_say_the_cause_in_finnish() {
    let e = Error::io(
        Path::new("public"),
        std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    );
    let s = e.to_string();
    assert!(
        s.starts_with(
            "virhe: tiedostoa tai kansiota ei voitu lukea tai kirjoittaa: public: käyttöoikeus puuttuu ("
        ),
        "{s}"
    );
    assert_eq!(e.exit_code(), 2);
    assert!(
        Error::Internal("x".into())
            .to_string()
            .starts_with("sisäinen virhe: x")
    );
}

#[test]
fn offsets_map_to_lines() {
    assert_eq!(line_of_offset("a\nb\nc", 0), 1);
    assert_eq!(line_of_offset("a\nb\nc", 2), 2);
    assert_eq!(line_of_offset("a\nb\nc", 4), 3);
}

#[test]
fn suggestions_are_close_names() {
    let s = suggest("Ikääntyneet", ["Ikääntyneet", "Työikäiset", "Lapset"]);
    assert_eq!(s, vec!["Ikääntyneet"]);
}
