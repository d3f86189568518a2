//! The languages a site is published in: the main `language` and a
//! `[languages.<code>]` table for each other one. Pages of the main
//! language are at the site's root, those of another under `/<code>/`.

use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Config;
use crate::diagnostic::{Diagnostic, line_of_offset};

/// `[languages.<code>]` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LanguageToml {
    pub(super) title: String,
    #[serde(default)]
    pub(super) description: String,
}

/// One language of the site.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// The code, e.g. `sv`, as in `lang` and `hreflang`.
    pub code: String,
    /// The site's title in it.
    pub title: String,
    /// The site-relative folder of its pages: `""` or `"sv/"`.
    pub prefix: String,
}

/// Every language code the file names: the main language first, then the
/// keys of `[languages]`. Read from the tree before the schema, since the
/// schema's tables may hold a translation keyed by any of them.
pub fn codes(tree: &Spanned<DeTable<'_>>) -> Vec<String> {
    let table = tree.get_ref();
    let main = match table.get("language").map(|v| v.get_ref()) {
        Some(DeValue::String(s)) => s.to_string(),
        _ => "fi".to_string(),
    };
    let mut codes = vec![main];
    if let Some(DeValue::Table(t)) = table.get("languages").map(|v| v.get_ref()) {
        codes.extend(t.iter().map(|(k, _)| k.get_ref().to_string()));
    }
    codes.dedup();
    codes
}

/// The other languages, checked: a code is two or three lowercase letters
/// and not the main language.
pub(super) fn others(
    languages: &std::collections::BTreeMap<String, LanguageToml>,
    main: &str,
    display: &Path,
    tree: &Spanned<DeTable<'_>>,
    text: &str,
) -> Result<Vec<(String, LanguageToml)>, Vec<Diagnostic>> {
    let line = |code: &str| {
        let t = tree.get_ref().get("languages").map(|v| v.get_ref());
        match t {
            Some(DeValue::Table(t)) => t
                .get_key_value(code)
                .map(|(k, _)| line_of_offset(text, k.span().start)),
            _ => None,
        }
    };
    let mut problems = Vec::new();
    for code in languages.keys() {
        let well_formed =
            (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !well_formed {
            problems.push(
                Diagnostic::new(display, format!("kielen koodi [languages.{code}] ei kelpaa"))
                    .with_line(line(code))
                    .help("kirjoita kielen kaksikirjaiminen ISO 639-1 -koodi pienillä kirjaimilla, esim. [languages.sv] ruotsille tai [languages.en] englannille"),
            );
        } else if code == main {
            problems.push(
                Diagnostic::new(display, format!("[languages.{code}] on sivuston pääkieli (language = \"{main}\")"))
                    .with_line(line(code))
                    .help("[languages]-taulukoihin kirjoitetaan vain muut kielet; pääkielen otsikko on site.toml-tiedoston alun title"),
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(languages
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect())
}

/// The site's languages, the main one first.
pub(super) fn list(main: &Config, others: &[(String, LanguageToml)]) -> Vec<Language> {
    std::iter::once(Language {
        code: main.language.clone(),
        title: main.title.clone(),
        prefix: String::new(),
    })
    .chain(others.iter().map(|(code, l)| Language {
        code: code.clone(),
        title: l.title.clone(),
        prefix: format!("{code}/"),
    }))
    .collect()
}

impl Config {
    /// Whether the site is published in more than one language.
    pub fn is_multilingual(&self) -> bool {
        self.languages.len() > 1
    }

    /// The main language's code.
    pub fn main_language(&self) -> &str {
        self.languages
            .first()
            .map_or(self.language.as_str(), |l| l.code.as_str())
    }

    /// Every language's code, the main one first.
    pub fn codes(&self) -> Vec<String> {
        self.languages.iter().map(|l| l.code.clone()).collect()
    }
}

/// Lets the terms of `other` (a configuration in another language) be
/// named by the main language's names too: the main files' front matter
/// names municipalities, priority areas and target groups in the main
/// language, and a translated body may keep a heading untranslated.
pub(super) fn also_named(other: &mut Config, main: &Config) {
    let pairs = [
        (&mut other.municipalities, &main.municipalities),
        (&mut other.priority_areas, &main.priority_areas),
        (&mut other.target_groups, &main.target_groups),
    ];
    for (terms, main_terms) in pairs {
        for (t, m) in terms.iter_mut().zip(main_terms) {
            t.also_named(m);
        }
    }
}
