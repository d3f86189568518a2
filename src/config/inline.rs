//! Translations written inline: any table of `site.toml` or of a page's
//! front matter may hold a table per language, keyed by the language's
//! code, with the same keys as the table itself
//! (`sv = { name = "Pargas" }`). Read in that language, the translated
//! values replace the main ones; read in any other, the language tables
//! are left out. Either way the result is plain TOML of the schema, read
//! by the same serde structs, and every value keeps the span the parser
//! gave it, so problems are still reported at their own lines.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A problem of an inline translation: the byte range it is at, and the
/// message and help (Finnish).
#[derive(Debug)]
pub struct InlineProblem {
    pub span: std::ops::Range<usize>,
    pub message: String,
    pub help: String,
}

/// Why TOML text could not be read in a language.
#[derive(Debug)]
pub enum LocalizedError {
    Toml(toml::de::Error),
    Inline(InlineProblem),
}

impl From<toml::de::Error> for LocalizedError {
    fn from(e: toml::de::Error) -> Self {
        LocalizedError::Toml(e)
    }
}

/// Parses `text` into the table tree, keeping spans.
pub fn parse_tree(text: &str) -> Result<Spanned<DeTable<'_>>, toml::de::Error> {
    DeTable::parse(text)
}

/// Reads `tree` as `T` in language `lang` (None: the main language):
/// every table's entry keyed by `lang` overlays the table, entries keyed by
/// the other `codes` are dropped. `skip` names top-level keys left as they
/// are (`languages`, whose keys are codes themselves).
pub fn read_in<T: DeserializeOwned>(
    tree: &Spanned<DeTable<'_>>,
    text: &str,
    lang: Option<&str>,
    codes: &[String],
    skip: &[&str],
) -> Result<T, LocalizedError> {
    let span = tree.span();
    let mut table = tree.get_ref().clone();
    let kept: Vec<_> = skip.iter().filter_map(|k| table.remove_entry(*k)).collect();
    localize(&mut table, lang, codes)?;
    for (k, v) in kept {
        table.insert(k, v);
    }
    let de = toml::de::Deserializer::from(Spanned::new(span, table));
    T::deserialize(de).map_err(|mut e| {
        e.set_input(Some(text));
        LocalizedError::Toml(e)
    })
}

/// Applies (or drops) the language tables of `table` and of every table
/// inside it.
fn localize(
    table: &mut DeTable<'_>,
    lang: Option<&str>,
    codes: &[String],
) -> Result<(), LocalizedError> {
    let mut overlay = None;
    for code in codes {
        if let Some((key, value)) = table.remove_entry(code.as_str()) {
            if Some(code.as_str()) != lang {
                continue;
            }
            let span = key.span().start..value.span().end;
            match value.into_inner() {
                DeValue::Table(t) => overlay = Some(t),
                _ => {
                    return Err(LocalizedError::Inline(InlineProblem {
                        span,
                        message: format!("käännöksen `{code}` pitää olla taulukko"),
                        help: format!(
                            "kirjoita käännös samoilla avaimilla kuin taulukossa itsessään, esim. {code} = {{ name = \"…\" }}"
                        ),
                    }));
                }
            }
        }
    }
    if let Some(t) = overlay {
        for (k, v) in t {
            table.insert(k, v);
        }
    }
    for (_, value) in table.iter_mut() {
        localize_value(value.get_mut(), lang, codes)?;
    }
    Ok(())
}

fn localize_value(
    value: &mut DeValue<'_>,
    lang: Option<&str>,
    codes: &[String],
) -> Result<(), LocalizedError> {
    match value {
        DeValue::Table(t) => localize(t, lang, codes),
        DeValue::Array(items) => {
            for item in items.iter_mut() {
                localize_value(item.get_mut(), lang, codes)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        name: String,
        #[serde(default)]
        items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        title: toml::Spanned<String>,
        #[serde(default)]
        note: String,
    }

    const TEXT: &str = "name = 'Parainen'\nsv = { name = 'Pargas' }\n\n[[items]]\ntitle = 'Yksi'\nnote = 'n'\nsv = { title = 'Ett' }\n\n[[items]]\ntitle = 'Kaksi'\n";

    fn read(lang: Option<&str>) -> Doc {
        let tree = parse_tree(TEXT).unwrap();
        read_in(&tree, TEXT, lang, &["fi".into(), "sv".into()], &[]).unwrap()
    }

    #[test]
    fn the_main_language_drops_translations() {
        let d = read(None);
        assert_eq!(d.name, "Parainen");
        assert_eq!(d.items[0].title.get_ref(), "Yksi");
    }

    #[test]
    fn a_language_overlays_its_translation_and_falls_back() {
        let d = read(Some("sv"));
        assert_eq!(d.name, "Pargas");
        assert_eq!(d.items[0].title.get_ref(), "Ett");
        assert_eq!(d.items[0].note, "n", "not translated: the main value");
        assert_eq!(d.items[1].title.get_ref(), "Kaksi");
        // The span is that of the translation, where the text is written.
        let span = d.items[0].title.span();
        assert_eq!(&TEXT[span], "'Ett'");
    }

    #[test]
    fn a_translation_that_is_no_table_is_reported_at_its_place() {
        let text = "name = 'A'\nsv = 'B'\n";
        let tree = parse_tree(text).unwrap();
        let e = read_in::<Doc>(&tree, text, Some("sv"), &["sv".into()], &[]).unwrap_err();
        let LocalizedError::Inline(p) = e else {
            panic!("{e:?}")
        };
        assert_eq!(&text[p.span], "sv = 'B'");
    }

    #[test]
    fn an_unknown_key_in_a_translation_is_the_schemas_error() {
        let text = "name = 'A'\nsv = { nimi = 'B' }\n";
        let tree = parse_tree(text).unwrap();
        let e = read_in::<Doc>(&tree, text, Some("sv"), &["sv".into()], &[]).unwrap_err();
        let LocalizedError::Toml(e) = e else {
            panic!("{e:?}")
        };
        assert!(e.message().contains("unknown field `nimi`"), "{e}");
        assert_eq!(&text[e.span().unwrap()], "nimi");
    }
}
