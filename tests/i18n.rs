//! The theme's words come from its language files: `fi`, `sv` and `en`
//! have the same keys, a site's `language` picks one, a site's own
//! `i18n/<code>.toml` overrides keys, and no template holds a word of its
//! own.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::*;

fn theme() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default")
}

/// A language file's texts by dotted key.
fn texts(code: &str) -> BTreeMap<String, String> {
    fn flatten(prefix: &str, t: &toml::Table, out: &mut BTreeMap<String, String>) {
        for (k, v) in t {
            let key = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                toml::Value::String(s) => {
                    out.insert(key, s.clone());
                }
                toml::Value::Table(t) => flatten(&key, t, out),
                other => panic!("{key} is not text: {other:?}"),
            }
        }
    }
    let path = theme().join(format!("i18n/{code}.toml"));
    let table: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = BTreeMap::new();
    flatten("", &table, &mut out);
    out
}

/// The `{name}` placeholders of a text, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort();
    out
}

#[test]
fn the_languages_have_the_same_keys_and_placeholders() {
    let fi = texts("fi");
    for code in ["sv", "en"] {
        let other = texts(code);
        let missing: Vec<&String> = fi.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !fi.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{code}.toml: missing {missing:?}, extra {extra:?}"
        );
        for (key, text) in &fi {
            assert_eq!(
                placeholders(text),
                placeholders(&other[key]),
                "{code}.toml: {key}"
            );
            assert!(!other[key].trim().is_empty(), "{code}.toml: {key} is empty");
        }
    }
}

#[test]
fn a_swedish_site_gets_the_swedish_theme() {
    let toml = fs::read_to_string(fixture().join("site.toml")).unwrap();
    assert!(toml.contains("\nlanguage = \"fi\"\n"));
    let toml = toml.replace("\nlanguage = \"fi\"\n", "\nlanguage = \"sv\"\n");
    let site = site_with(&[("site.toml", Some(&toml))]);
    let out = tempdir();
    build(site.path(), out.path(), &[]).assert_code(0);
    let year = page(out.path(), "2030/index.html");
    assert_contains_all(
        "2030/index.html",
        &year,
        &[
            "<html lang=\"sv\">",
            "Hoppa till huvudinnehållet",
            "<h2 id=\"lyhyesti\">Kortfattat</h2>",
            "<h2 id=\"talla-sivulla\">På den här sidan</h2>",
            "<span class=\"visually-hidden\"> (på den här sidan)</span>",
            "<h2 id=\"aikataulu\">Tidsplan</h2>",
            "Kontaktuppgifter: ",
            ">Kommuner</a>",
            ">Startsida</a>",
        ],
    );
    for finnish in [
        "Siirry pääsisältöön",
        "Lyhyesti",
        "Tällä sivulla",
        "Yhteystiedot:",
        "Etusivu",
    ] {
        assert!(
            !year.contains(finnish),
            "Finnish {finnish:?} on a Swedish page"
        );
    }
    let statement = page(out.path(), "saavutettavuus/index.html");
    assert!(statement.contains("Detta tillgänglighetsutlåtande gäller webbplatsen"));
    let search = page(out.path(), "haku/index.html");
    assert!(search.contains("<title>Sök – "), "{search}");
    assert!(search.contains("data-searching=\"Söker…\""), "{search}");
    assert!(search.contains("data-no-results=\"Inga resultat för ”{query}”.\""));
}

#[test]
fn a_site_file_overrides_one_key() {
    let site = site_with(&[("i18n/fi.toml", Some("[brief]\nheading = \"Tiivistelmä\"\n"))]);
    let out = tempdir();
    build(site.path(), out.path(), &[]).assert_code(0);
    let year = page(out.path(), "2030/index.html");
    assert!(
        year.contains("<h2 id=\"lyhyesti\">Tiivistelmä</h2>"),
        "{year}"
    );
    assert!(
        year.contains("Siirry pääsisältöön"),
        "the other keys stay the theme's"
    );
}

#[test]
fn a_site_file_that_does_not_parse_is_an_error_at_its_line() {
    let site = site_with(&[("i18n/fi.toml", Some("[brief]\n\nheading = \"Tiivistelmä\n"))]);
    let out = tempdir();
    build(site.path(), out.path(), &[])
        .assert_code(1)
        .assert_location("i18n/fi.toml", 3);
}

#[test]
fn a_missing_key_names_the_template_and_the_key() {
    let site = site_with(&[(
        "templates/404.html",
        Some(
            "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ tr(\"not_found.nope\") }}</p>\n{% endblock %}\n",
        ),
    )]);
    let out = tempdir();
    build(site.path(), out.path(), &[])
        .assert_code(1)
        .assert_location("templates/404.html", 3)
        .assert_stderr_contains("not_found.nope");
}

/// The text of a template whose `{% %}`, `{{ }}` and `{# #}` have been
/// blanked: what is between tags, and the values of the attributes a
/// reader meets (aria-label, title, alt, placeholder, data-label); the
/// rest of each tag (names, other attributes, comments) is dropped.
fn readable_text(template: &str) -> String {
    let mut text = String::new();
    let mut rest = template;
    while let Some(at) = rest.find(['{', '<']) {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        let close = match &rest[..2.min(rest.len())] {
            "{%" => "%}",
            "{{" => "}}",
            "{#" => "#}",
            s if s.starts_with('<') => ">",
            _ => {
                text.push('{');
                rest = &rest[1..];
                continue;
            }
        };
        let end = rest.find(close).map_or(rest.len(), |e| e + close.len());
        if rest.starts_with('<') {
            // A tag: only the values of readable attributes count.
            let tag = &rest[..end];
            for attr in [
                "aria-label=\"",
                "title=\"",
                "alt=\"",
                "placeholder=\"",
                "data-label=\"",
            ] {
                for (i, _) in tag.match_indices(attr) {
                    let value = &tag[i + attr.len()..];
                    text.push(' ');
                    text.push_str(value.split('"').next().unwrap_or(""));
                }
            }
            text.push(' ');
        }
        rest = &rest[end..];
    }
    text.push_str(rest);
    text
}

#[test]
fn no_template_holds_a_word_of_its_own() {
    // Names that are the same in every language: file names and formats.
    const ALLOWED: &[&str] = &[
        "hyte.json",
        "hyte.schema.json",
        "havainnot.csv",
        "aikataulu.ics",
        "atom.xml",
        "JSON",
        "Schema",
        "CSV",
        "UTF-8",
        "iCalendar",
        "Atom",
    ];
    let mut found = Vec::new();
    for entry in fs::read_dir(theme().join("templates")).unwrap() {
        let path = entry.unwrap().path();
        let template = fs::read_to_string(&path).unwrap();
        // Expressions inside attribute values go first, so that a tag's
        // end is not taken for the `>` of an expression.
        let mut plain = template.clone();
        for (open, close) in [("{{", "}}"), ("{%", "%}"), ("{#", "#}")] {
            while let Some(a) = plain.find(open) {
                let b = plain[a..]
                    .find(close)
                    .map_or(plain.len(), |b| a + b + close.len());
                plain.replace_range(a..b, " ");
            }
        }
        for word in
            readable_text(&plain).split(|c: char| c.is_whitespace() || "()[],:;–/".contains(c))
        {
            let word = word.trim_end_matches('.');
            if word.chars().any(char::is_alphabetic) && !ALLOWED.contains(&word) {
                found.push(format!(
                    "{}: {word}",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words in templates, not in i18n/*.toml: {found:#?}"
    );
}
