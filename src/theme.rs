//! Where templates and static files come from.
//!
//! A site uses the theme named in `site.toml`: the folder
//! `<root>/themes/<name>/` if it exists, else, for `default`, the copy of
//! `themes/default/` built into the binary, so any site folder builds with
//! no theme of its own. A site's own `templates/` and `static/` override
//! the theme file by file; its `i18n/` files override the theme's key by
//! key (see `render::i18n`).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::diagnostic::{Diagnostic, Error};

static BUILTIN_DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// One template or static file.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Path inside `templates/` or `static/`, with `/` separators.
    pub rel: String,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub enum Origin {
    Disk(PathBuf),
    Builtin(&'static [u8]),
}

impl ThemeFile {
    /// The path to show in messages.
    pub fn display(&self, part: &str) -> PathBuf {
        match &self.origin {
            Origin::Disk(p) => p.clone(),
            Origin::Builtin(_) => PathBuf::from(format!(
                "themes/default/{part}/{} (sisäänrakennettu)",
                self.rel
            )),
        }
    }

    pub fn bytes(&self) -> Result<Cow<'static, [u8]>, Error> {
        match &self.origin {
            Origin::Disk(p) => std::fs::read(p)
                .map(Cow::Owned)
                .map_err(|e| Error::io(p, e)),
            Origin::Builtin(b) => Ok(Cow::Borrowed(b)),
        }
    }
}

/// The language codes the built-in default theme has words for: its
/// `i18n/<code>.toml` files, sorted (`en`, `fi`, `sv`).
pub fn builtin_languages() -> Vec<String> {
    let mut codes: Vec<String> = BUILTIN_DEFAULT
        .get_dir("i18n")
        .map(|dir| {
            dir.files()
                .filter_map(|f| f.path().file_name()?.to_str()?.strip_suffix(".toml"))
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    codes.sort();
    codes
}

/// The files of `part` ("templates" or "static"): the theme's, then the
/// site's own, which replace the theme's of the same name.
pub fn files(root: &Path, theme: &str, part: &str) -> Result<Vec<ThemeFile>, Error> {
    let mut out = theme_files(root, theme, part)?;
    read_dir(&root.join(part), &mut out);
    Ok(out.into_values().collect())
}

/// The theme's own file `rel` of `part`, without the site's override (for
/// files merged with the site's key by key, such as `i18n/fi.toml`).
pub fn theme_file(
    root: &Path,
    theme: &str,
    part: &str,
    rel: &str,
) -> Result<Option<ThemeFile>, Error> {
    Ok(theme_files(root, theme, part)?.remove(rel))
}

/// The theme's files of `part` by their path inside it.
fn theme_files(root: &Path, theme: &str, part: &str) -> Result<BTreeMap<String, ThemeFile>, Error> {
    let mut out: BTreeMap<String, ThemeFile> = BTreeMap::new();
    let theme_dir = root.join("themes").join(theme);
    if theme_dir.is_dir() {
        read_dir(&theme_dir.join(part), &mut out);
    } else if theme == "default" {
        if let Some(dir) = BUILTIN_DEFAULT.get_dir(part) {
            builtin(dir, part, &mut out);
        }
    } else {
        return Err(Error::content(
            Diagnostic::new(root.join("site.toml"), format!("teemaa \"{theme}\" ei ole: kansiota {} ei löydy", crate::diagnostic::shown(&theme_dir).display()))
                .help("kirjoita site.toml-tiedoston `theme`-avaimeen jonkin themes/-kansion alikansion nimi, tai jätä avain pois, jolloin käytetään sisäänrakennettua teemaa \"default\""),
        ));
    }
    Ok(out)
}

fn read_dir(base: &Path, out: &mut BTreeMap<String, ThemeFile>) {
    if !base.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(base)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        if let Ok(rel) = entry.path().strip_prefix(base) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.insert(
                rel.clone(),
                ThemeFile {
                    rel,
                    origin: Origin::Disk(entry.path().to_path_buf()),
                },
            );
        }
    }
}

fn builtin(dir: &Dir<'static>, part: &str, out: &mut BTreeMap<String, ThemeFile>) {
    for file in dir.files() {
        let rel = file.path().strip_prefix(part).unwrap_or(file.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        out.insert(
            rel.clone(),
            ThemeFile {
                rel,
                origin: Origin::Builtin(file.contents()),
            },
        );
    }
    for sub in dir.dirs() {
        builtin(sub, part, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_default_theme_has_the_base_templates() {
        let tmp = tempfile::tempdir().unwrap();
        let files = files(tmp.path(), "default", "templates").unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.rel.as_str()).collect();
        assert!(names.contains(&"base.html"), "{names:?}");
        assert!(names.contains(&"group.html"));
        assert!(matches!(files[0].origin, Origin::Builtin(_)));
    }

    #[test]
    fn site_templates_override_the_theme() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
        std::fs::write(tmp.path().join("templates/page.html"), "x").unwrap();
        let files = files(tmp.path(), "default", "templates").unwrap();
        let page = files.iter().find(|f| f.rel == "page.html").unwrap();
        assert!(matches!(page.origin, Origin::Disk(_)));
    }

    #[test]
    fn builtin_languages_are_the_i18n_files() {
        assert_eq!(builtin_languages(), ["en", "fi", "sv"]);
    }

    #[test]
    fn unknown_theme_is_a_content_error() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(matches!(
            files(tmp.path(), "nope", "templates"),
            Err(Error::Content(_))
        ));
    }
}
