//! The theme's words in the site's language.
//!
//! Every user-facing text of the templates is in the theme's language
//! file `themes/<theme>/i18n/<code>.toml` (`fi`, `sv` and `en` in the
//! default theme), `<code>` being `language` of `site.toml`. A site's own
//! `i18n/<code>.toml` replaces the theme's texts key by key. Tables nest:
//! the key of `[footer] no_contact = "…"` is `footer.no_contact`.
//!
//! Templates ask with `tr`: `{{ tr("footer.no_contact") }}`. A text with
//! values has placeholders in braces, filled from named arguments:
//! `{{ tr("year.more", year=year.number) }}` for `"Lisää vuodesta
//! {year}"`. A key that is not there, or a placeholder with no argument,
//! is an error naming the template, its line and the key.

mod format;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::value::{Kwargs, Value};

use crate::diagnostic::{Diagnostic, Diagnostics, Error, line_of_offset, shown, suggest};

/// The texts of one language, by their dotted keys.
#[derive(Debug, Default, Clone)]
pub struct Strings {
    language: String,
    texts: BTreeMap<String, String>,
}

impl Strings {
    /// The text of `key`, if the language files have it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }

    /// The text of `key`, "" if there is none (for the keys of
    /// [`REQUIRED`], checked when the files are read).
    pub fn text(&self, key: &str) -> &str {
        self.get(key).unwrap_or_default()
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }

    /// The template function `tr(key, name=value, …)`.
    pub fn tr(&self, key: &str, args: Kwargs) -> Result<String, minijinja::Error> {
        let Some(text) = self.get(key) else {
            return Err(minijinja::Error::new(
                minijinja::ErrorKind::UndefinedError,
                format!(
                    "tekstiä \"{key}\" ei ole kielitiedostossa i18n/{}.toml",
                    self.language
                ),
            ));
        };
        let mut values = BTreeMap::new();
        for name in args.args() {
            values.insert(name.to_string(), args.get::<Value>(name)?.to_string());
        }
        fill(text, &values).map_err(|name| {
            minijinja::Error::new(
                minijinja::ErrorKind::MissingArgument,
                format!("tekstin \"{key}\" paikalle {{{name}}} ei ole annettu arvoa: kirjoita tr(\"{key}\", {name}=…)"),
            )
        })
    }
}

/// `text` with each `{name}` replaced by its value; `Err(name)` for a
/// placeholder with no value. Braces around anything but a name stay.
pub fn fill(text: &str, values: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if is_name(name) => {
                out.push_str(values.get(name).ok_or_else(|| name.to_string())?);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// The placeholders of `text`, in order.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}')
            && is_name(&rest[..close])
        {
            out.push(rest[..close].to_string());
        }
    }
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Keys the build itself writes on pages (not through a template): the
/// contents list and the titles of the views it makes.
pub const REQUIRED: [&str; 21] = [
    "paths.search",
    "paths.measures",
    "views.measures",
    "paths.municipalities",
    "paths.priorities",
    "paths.schedule",
    "paths.data",
    "paths.glossary",
    "sections.groups",
    "sections.perspectives",
    "language.name",
    "toc.heading",
    "toc.here",
    "views.home",
    "views.search",
    "views.municipalities",
    "views.priorities",
    "views.schedule",
    "views.data",
    "views.glossary",
    "views.not_found",
];

/// The texts for `language`: the theme's file, overridden key by key by
/// the site's `i18n/<language>.toml`.
pub fn load(root: &Path, theme: &str, language: &str) -> Result<Strings, Error> {
    let rel = format!("{language}.toml");
    let theme_file = crate::theme::theme_file(root, theme, "i18n", &rel)?;
    let site_path = root.join("i18n").join(&rel);
    let mut diags = Diagnostics::default();
    let mut texts = BTreeMap::new();
    if let Some(file) = &theme_file {
        let path = file.display("i18n");
        let text = file.bytes()?;
        match parse(&String::from_utf8_lossy(&text), &path) {
            Ok(t) => texts = t,
            Err(ds) => diags.extend(ds),
        }
    }
    if site_path.is_file() {
        let text = std::fs::read_to_string(&site_path).map_err(|e| Error::io(&site_path, e))?;
        match parse(&text, &site_path) {
            Ok(own) => {
                if theme_file.is_some() {
                    unknown_keys(&own, &texts, &text, &site_path, &mut diags);
                }
                texts.extend(own);
            }
            Err(ds) => diags.extend(ds),
        }
    } else if theme_file.is_none() {
        diags.push(
            Diagnostic::new(
                root.join("site.toml"),
                format!("teemassa \"{theme}\" ei ole kielitiedostoa i18n/{rel} kielelle \"{language}\""),
            )
            .help(format!(
                "kirjoita `language`-avaimeen kieli, jonka teema tuntee (oletusteemassa fi, sv tai en), tai kirjoita sivustolle oma tiedosto {}",
                shown(&site_path).display()
            )),
        );
    }
    if diags.is_empty() {
        let missing: Vec<&str> = REQUIRED
            .into_iter()
            .filter(|k| !texts.contains_key(*k))
            .collect();
        if !missing.is_empty() {
            let path = match &theme_file {
                Some(f) => f.display("i18n"),
                None => site_path.clone(),
            };
            diags.push(
                Diagnostic::new(path, format!("kielitiedostosta puuttuu tekstejä: {}", missing.join(", ")))
                    .help("kirjoita puuttuvat tekstit kielitiedostoon; mallin saat oletusteeman tiedostosta themes/default/i18n/fi.toml"),
            );
        }
    }
    diags.finish()?;
    Ok(Strings {
        language: language.to_string(),
        texts,
    })
}

/// A language file's texts by dotted key.
fn parse(text: &str, path: &Path) -> Result<BTreeMap<String, String>, Vec<Diagnostic>> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let (message, help) = crate::config::explain_toml(&e, text, "kielitiedostossa");
        vec![
            Diagnostic::new(path, message)
                .with_line(e.span().map(|s| line_of_offset(text, s.start)))
                .help(help),
        ]
    })?;
    let mut out = BTreeMap::new();
    let mut diags = Vec::new();
    flatten("", &table, text, path, &mut out, &mut diags);
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    text: &str,
    path: &Path,
    out: &mut BTreeMap<String, String>,
    diags: &mut Vec<Diagnostic>,
) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten(&key, t, text, path, out, diags),
            _ => diags.push(
                Diagnostic::new(
                    path,
                    format!("kielitiedoston tekstin \"{key}\" pitää olla tekstiä lainausmerkeissä"),
                )
                .with_line(line_of_key(text, k))
                .help(format!("kirjoita esim. {k} = \"…\"")),
            ),
        }
    }
}

/// A site's keys that the theme does not have: misspelt, or the theme's
/// text would never be replaced.
fn unknown_keys(
    own: &BTreeMap<String, String>,
    theme: &BTreeMap<String, String>,
    text: &str,
    path: &PathBuf,
    diags: &mut Diagnostics,
) {
    for key in own.keys().filter(|k| !theme.contains_key(*k)) {
        let leaf = key.rsplit('.').next().unwrap_or(key);
        let close = suggest(key, theme.keys().map(String::as_str));
        let help = match close.first() {
            Some(c) => format!("tarkoititko \"{c}\"? Sivuston kielitiedosto voi korvata vain teeman tekstejä"),
            None => "sivuston kielitiedosto voi korvata vain teeman tekstejä; katso avaimet teeman i18n/-kansiosta".to_string(),
        };
        diags.push(
            Diagnostic::new(
                path,
                format!("teeman kielitiedostossa ei ole tekstiä \"{key}\""),
            )
            .with_line(line_of_key(text, leaf))
            .help(help),
        );
    }
}

/// The first line of `text` that sets `key` (for a message's line).
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start().trim_start_matches('"');
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start_matches('"').trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        let v = values(&[("year", "2025")]);
        assert_eq!(
            fill("Lisää vuodesta {year}", &v).unwrap(),
            "Lisää vuodesta 2025"
        );
        assert_eq!(
            fill("{ not a name } {year}", &v).unwrap(),
            "{ not a name } 2025"
        );
        assert_eq!(fill("{date}", &v).unwrap_err(), "date");
        assert_eq!(placeholders("{a} ja {b}, { c }"), vec!["a", "b"]);
    }

    #[test]
    fn a_site_file_overrides_key_by_key_and_its_unknown_keys_are_errors() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("i18n")).unwrap();
        std::fs::write(
            tmp.path().join("i18n/fi.toml"),
            "[footer]\nphone = \"puh.\"\n",
        )
        .unwrap();
        let s = load(tmp.path(), "default", "fi").unwrap();
        assert_eq!(s.get("footer.phone"), Some("puh."));
        assert_eq!(s.get("brief.heading"), Some("Lyhyesti"));

        std::fs::write(
            tmp.path().join("i18n/fi.toml"),
            "[footer]\n\nphnoe = \"puh.\"\n",
        )
        .unwrap();
        let Err(Error::Content(ds)) = load(tmp.path(), "default", "fi") else {
            panic!("a misspelt key is an error")
        };
        assert_eq!(ds[0].line, Some(3), "{ds:?}");
        assert!(
            ds[0].help.as_deref().unwrap().contains("footer.phone"),
            "{ds:?}"
        );
    }

    #[test]
    fn a_file_that_does_not_parse_is_an_error_at_its_line() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("i18n")).unwrap();
        std::fs::write(
            tmp.path().join("i18n/fi.toml"),
            "[footer]\nphone = \"puh.\nx = 1\n",
        )
        .unwrap();
        let Err(Error::Content(ds)) = load(tmp.path(), "default", "fi") else {
            panic!("a broken file is an error")
        };
        assert_eq!(ds[0].line, Some(2), "{ds:?}");
        assert!(ds[0].path.ends_with("i18n/fi.toml"));
    }

    #[test]
    fn a_site_language_of_its_own_needs_the_keys_the_build_writes() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("i18n")).unwrap();
        std::fs::write(
            tmp.path().join("i18n/de.toml"),
            "[toc]\nheading = \"Inhalt\"\n",
        )
        .unwrap();
        let Err(Error::Content(ds)) = load(tmp.path(), "default", "de") else {
            panic!("missing keys are an error")
        };
        assert!(ds[0].message.contains("toc.here"), "{ds:?}");
        assert!(!ds[0].message.contains("toc.heading"), "{ds:?}");
    }

    #[test]
    fn a_language_nobody_has_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(matches!(
            load(tmp.path(), "default", "de"),
            Err(Error::Content(_))
        ));
    }
}
