//! URL slugs as PRODUCT.md defines them: lowercase ASCII, ä→a, ö→o, å→a,
//! spaces and punctuation → `-`.
//!
//! Transliteration is the `slug` crate's (deunicode tables), so names in
//! any language get a readable slug; this module only adds the comparisons
//! hyte needs.

/// The slug of a name: `"Äänekoski"` → `"aanekoski"`.
pub fn slugify(text: &str) -> String {
    // "§" would become "ss" (as German "ß"); in Finnish legal text it is a
    // sign, not a word.
    slug::slugify(text.replace('§', " "))
}

/// Whether `s` is already a slug (what an author may write as `slug = …`).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether two names mean the same thing, ignoring case, ä/ö and punctuation.
pub fn same(a: &str, b: &str) -> bool {
    slugify(a) == slugify(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_letters_fold_to_ascii() {
        assert_eq!(slugify("Äänekoski"), "aanekoski");
        assert_eq!(slugify("Jyväskylä"), "jyvaskyla");
        assert_eq!(slugify("Åland ö"), "aland-o");
        assert_eq!(
            slugify("Lasten, nuorten ja perheiden palvelut"),
            "lasten-nuorten-ja-perheiden-palvelut"
        );
        assert_eq!(
            slugify("Liikunnallinen elämäntapa"),
            "liikunnallinen-elamantapa"
        );
    }

    #[test]
    fn slugs_are_validated() {
        assert!(is_slug("jyvaskyla-muurame"));
        assert!(is_slug("2025"));
        assert!(!is_slug("../x"));
        assert!(!is_slug("a/b"));
        assert!(!is_slug("Jyväskylä"));
        assert!(!is_slug(""));
    }

    #[test]
    fn names_compare_loosely() {
        assert!(same("Ikääntyneet", "ikaantyneet"));
        assert!(!same("Ikääntyneet", "Ikääntyneiden palvelut"));
    }
}
