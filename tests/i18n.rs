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
            // A date or time format takes the parts its language writes
            // ("{d}.{m}.{y}", "{d} {month} {y}"); the_formats_… checks them.
            if !key.starts_with("format.") {
                assert_eq!(
                    placeholders(text),
                    placeholders(&other[key]),
                    "{code}.toml: {key}"
                );
            }
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
            "<h2 id=\"lyhyesti\">I korthet</h2>",
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
    let search = page(out.path(), "sok/index.html");
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

/// The attributes whose values a reader meets: read out by a screen
/// reader, shown as a tooltip or in a form, or (every `data-*`) handed to
/// the theme's script or style to print.
const READABLE: &[&str] = &[
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "aria-placeholder",
    "title",
    "alt",
    "placeholder",
    "value",
    "label",
    "summary",
];

/// The text of a template whose `{% %}`, `{{ }}` and `{# #}` have been
/// blanked: what is between tags, and the values of the attributes of
/// [`READABLE`] and every `data-*`; the rest of each tag (names, other
/// attributes, comments) is dropped.
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
            for (i, _) in tag.match_indices("=\"") {
                let name = tag[..i]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("");
                if READABLE.contains(&name) || name.starts_with("data-") {
                    let value = &tag[i + 2..];
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
        "catalog.jsonld",
        "JSON",
        "JSON-LD",
        "DCAT-AP",
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

/// The string literals inside a template's `{{ }}` and `{% %}`, each with
/// the few characters before it.
fn literals(template: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (open, close) in [("{{", "}}"), ("{%", "%}")] {
        let mut rest = template;
        while let Some(a) = rest.find(open) {
            let after = &rest[a + 2..];
            let b = after.find(close).unwrap_or(after.len());
            let expr = &after[..b];
            let mut parts = expr.split('"');
            let mut before = parts.next().unwrap_or("").to_string();
            while let (Some(lit), Some(next)) = (parts.next(), parts.next()) {
                out.push((before.clone(), lit.to_string()));
                before = next.to_string();
            }
            rest = &after[b..];
        }
    }
    out
}

#[test]
fn no_template_expression_prints_a_word_of_its_own() {
    // A text in an expression is printed when it is a fallback (`x or
    // "…"`, `default("…")`, `~ "…"` joined to a value); a phrase with a
    // space or a letter beyond ASCII is a reader's word wherever it is.
    // Not words: keys of tr(), template names, values compared with.
    const ALLOWED: &[&str] = &[
        // The key of the default target_kind in kind_word: kind."kohderyhmä".
        "kohderyhmä",
    ];
    let mut found = Vec::new();
    for entry in fs::read_dir(theme().join("templates")).unwrap() {
        let path = entry.unwrap().path();
        let template = fs::read_to_string(&path).unwrap();
        for (before, lit) in literals(&template) {
            let before = before.trim_end();
            let key_or_name = before.ends_with("tr(")
                || before.ends_with("extends")
                || before.ends_with("import")
                || before.ends_with("include")
                || before.ends_with("==")
                || before.ends_with("!=")
                || (before.ends_with('~') && lit.ends_with('.'));
            let fallback = before.ends_with(" or")
                || before.ends_with("(or")
                || before.ends_with("default(")
                || before.ends_with('~');
            let phrase = lit.contains(' ') && lit.chars().any(char::is_alphabetic);
            let beyond_ascii = lit.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
            if !key_or_name
                && (fallback || phrase || beyond_ascii)
                && lit.chars().any(char::is_alphabetic)
                && !ALLOWED.contains(&lit.as_str())
            {
                found.push(format!(
                    "{}: \"{lit}\"",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words in template expressions, not in i18n/*.toml: {found:#?}"
    );
}

#[test]
fn no_static_file_holds_a_word_of_its_own() {
    // The theme's script gets its words from data-* of its tag, and the
    // style prints none: a string literal of a script with a space or a
    // letter beyond ASCII, or a CSS `content` with a letter, is a word.
    let mut found = Vec::new();
    for entry in fs::read_dir(theme().join("static")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(&path).unwrap();
        if name.ends_with(".js") {
            for line in text.lines() {
                // Comments: a // at the start or after a space.
                let code = match line.find("// ") {
                    Some(i) if i == 0 || line[..i].ends_with(' ') => &line[..i],
                    _ => line,
                };
                for quote in ['"', '`', '\''] {
                    // Each literal with all of the line before it.
                    let quotes: Vec<usize> = code.match_indices(quote).map(|(i, _)| i).collect();
                    for pair in quotes.chunks(2).filter(|p| p.len() == 2) {
                        let (before, lit) =
                            (code[..pair[0]].trim_end(), &code[pair[0] + 1..pair[1]]);
                        let letters = lit.chars().any(char::is_alphabetic);
                        let phrase = lit.contains(' ') && letters;
                        let beyond_ascii = lit.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
                        // Where a text lands on the page, one word is a word too.
                        let printed = letters
                            && [
                                "textContent =",
                                "innerText =",
                                "innerHTML =",
                                ".title =",
                                ".alt =",
                                ".placeholder =",
                                ".ariaLabel =",
                                ".append(",
                                "setAttribute(\"aria-label\",",
                                "setAttribute(\"title\",",
                            ]
                            .iter()
                            .any(|sink| before.ends_with(sink));
                        if (phrase || beyond_ascii || printed) && lit != "use strict" {
                            found.push(format!("{name}: {lit:?}"));
                        }
                    }
                }
            }
        } else if name.ends_with(".css") {
            for (i, _) in text.match_indices("content:") {
                let value = text[i..].split(';').next().unwrap_or("");
                for lit in value.split('"').skip(1).step_by(2) {
                    if lit.chars().any(char::is_alphabetic) {
                        found.push(format!("{name}: {lit:?}"));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "words in the theme's static files, not in i18n/*.toml: {found:#?}"
    );
}

#[test]
fn the_paths_formats_and_language_names_fit_the_build() {
    let codes = ["fi", "sv", "en"];
    for code in codes {
        let t = texts(code);
        // [paths]: URL folder names, lowercase ASCII slugs, one view each.
        let paths: Vec<(&String, &String)> =
            t.iter().filter(|(k, _)| k.starts_with("paths.")).collect();
        assert_eq!(
            paths.len(),
            hyte::routes::VIEWS.len(),
            "{code}.toml: [paths] {paths:?}"
        );
        for (key, value) in &paths {
            assert!(
                !value.is_empty()
                    && !value.starts_with('-')
                    && !value.ends_with('-')
                    && value
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{code}.toml: {key} = {value:?} is not a slug"
            );
        }
        let mut values: Vec<&String> = paths.iter().map(|(_, v)| *v).collect();
        values.sort();
        values.dedup();
        assert_eq!(
            values.len(),
            paths.len(),
            "{code}.toml: two views share a path"
        );
        // [language.names] names every language of the theme.
        for other in codes {
            assert!(
                t.contains_key(&format!("language.names.{other}")),
                "{code}.toml: language.names.{other}"
            );
        }
        // [format]: only the documented parts.
        for (key, allowed) in [
            ("format.date", &["d", "m", "y", "month"][..]),
            ("format.time", &["h", "mm"][..]),
        ] {
            let parts = placeholders(&t[key]);
            assert!(
                !parts.is_empty() && parts.iter().all(|p| allowed.contains(&p.as_str())),
                "{code}.toml: {key} = {:?} uses parts other than {allowed:?}",
                t[key]
            );
        }
        for m in 1..=12 {
            assert!(
                t.contains_key(&format!("format.months.{m}")),
                "{code}.toml: format.months.{m}"
            );
        }
    }
    // The Finnish words are the URLs of the contract (PRODUCT.md).
    let fi = texts("fi");
    for (key, path) in [
        ("paths.municipalities", "kunnat"),
        ("paths.priorities", "painopisteet"),
        ("paths.schedule", "aikataulu"),
        ("paths.data", "data"),
        ("paths.glossary", "sanasto"),
        ("paths.search", "haku"),
    ] {
        assert_eq!(fi[key], path, "fi.toml: {key}");
    }
}
