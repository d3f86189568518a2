//! Step 1 of the pipeline: read `site.toml` and every file under
//! `content/`, cut each content file into front matter and body, and parse
//! the front matter of its kind. Nothing here knows about other files;
//! cross-file checks belong to [`crate::model`].

pub mod frontmatter;
pub mod indicators;
pub mod measures;
/// Markdown is its own step ([`crate::markdown`]); reachable here too for
/// the fuzz targets.
pub use crate::markdown;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics, Error};
mod source;
mod translation;

pub use frontmatter::ReadIn;
pub use source::{
    CommonRef, Front, Kind, Source, TranslationInfo, parse_source, parse_source_in, source_at,
    source_at_in,
};
use source::{dir_segments, read_source};
pub use translation::{Translation, translation_of};

/// The URL folder of municipality group pages inside a year.
pub const GROUPS_DIR: &str = "kuntaryhmat";
/// The URL folder of organisation perspective pages inside a year.
pub const PERSPECTIVES_DIR: &str = "nakokulmat";

/// A non-Markdown file under `content/` (an image, a PDF), copied as is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    /// Path relative to the output folder.
    pub target: PathBuf,
}

/// Everything read from a site folder.
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    pub config: Config,
    /// The build's date in the site's time zone ([`crate::calendar`]).
    pub today: jiff::civil::Date,
    pub sources: Vec<Source>,
    pub assets: Vec<Asset>,
    /// Problems of single files; those files are left out of `sources`, and
    /// the next step reports these together with its own.
    pub problems: Vec<Diagnostic>,
    /// The pages' translations into the site's other languages.
    pub translations: Vec<Translation>,
    /// The site's language codes, for reading inline translations.
    pub read: ReadIn,
    /// The values of the indicators that have a `data/<id>.csv`.
    pub values: Vec<indicators::ValuesFile>,
    /// The theme's words in this language (problems with them are
    /// reported with the templates').
    pub words: std::sync::Arc<crate::i18n::Strings>,
}

/// The theme's words in `config`'s language, or none if they cannot be
/// read (the templates step reports why).
fn words(root: &Path, config: &Config) -> std::sync::Arc<crate::i18n::Strings> {
    std::sync::Arc::new(
        crate::i18n::load(root, &config.theme, &config.language).unwrap_or_default(),
    )
}

impl Loaded {
    /// The site as read in another of its languages: `config` is the
    /// configuration in it, the sources are the main ones with their
    /// translations over them ([`translation::sources_in`]). Its assets are
    /// the main language's, copied once.
    pub fn in_language(&self, config: Config, drafts: bool) -> Loaded {
        let lang = config.language.clone();
        let (sources, problems) = translation::sources_in(
            &self.sources,
            &self.translations,
            &lang,
            &self.read.codes,
            drafts,
        );
        Loaded {
            root: self.root.clone(),
            words: words(&self.root, &config),
            config,
            today: self.today,
            sources,
            assets: Vec::new(),
            problems,
            values: self.values.clone(),
            translations: Vec::new(),
            read: ReadIn {
                lang: Some(lang),
                codes: self.read.codes.clone(),
            },
        }
    }
}

/// Reads the site at `root`. Problems of single files are collected in
/// [`Loaded::problems`]; a broken `site.toml` or a missing `content/` stops
/// here, as do I/O failures.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<Loaded, Error> {
    let mut diags = Diagnostics::default();
    let config = match config::load(&root.join("site.toml"), &root.join("site.toml"), base_url) {
        Ok(c) => Some(c),
        Err(ds) => {
            diags.extend(ds);
            None
        }
    };

    let content = root.join("content");
    if !content.is_dir() {
        diags.push(
            Diagnostic::new(&content, "sisältökansio content/ puuttuu")
                .help("luo kansio content/ ja sinne ainakin etusivu content/_index.md"),
        );
        return Err(Error::Content(diags.into_vec()));
    }

    let codes = config.as_ref().map(Config::codes).unwrap_or_default();
    let read = ReadIn {
        lang: None,
        codes: codes.clone(),
    };
    let mut files = Vec::new();
    let mut translated = Vec::new();
    let mut assets = Vec::new();
    for entry in WalkDir::new(&content).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(&content).to_path_buf();
                match e.into_io_error() {
                    Some(io) => return Err(Error::io(&path, io)),
                    None => {
                        diags.push(
                            Diagnostic::new(&path, "kansiota ei voi lukea")
                                .help("tarkista, että kansio on olemassa ja että sinulla on oikeus lukea sitä"),
                        );
                        continue;
                    }
                }
            }
        };
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && (name.starts_with('.') || name.ends_with('~')) {
            continue;
        }
        if entry.file_type().is_symlink() {
            diags.push(
                Diagnostic::new(
                    entry.path(),
                    "tämä on symbolinen linkki, eikä hyte seuraa linkkejä",
                )
                .help("kopioi tiedosto tai kansio content/-kansioon linkin sijaan"),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&content)
            .unwrap_or(entry.path())
            .to_path_buf();
        if rel.extension().is_some_and(|e| e == "md") {
            match translation_of(&rel, &codes) {
                Some((lang, main)) => {
                    translated.push((entry.path().to_path_buf(), lang, content.join(main)))
                }
                None => files.push((entry.path().to_path_buf(), rel)),
            }
        } else {
            let mut target: PathBuf = dir_segments(&rel).iter().collect();
            target.push(rel.file_name().unwrap_or_default());
            assets.push(Asset {
                source: entry.path().to_path_buf(),
                target,
            });
        }
    }

    let results: Vec<Result<Source, Diagnostic>> = files
        .par_iter()
        .map(|(path, rel)| read_source(path, rel, &read))
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(s) => sources.push(s),
            Err(d) => diags.push(d),
        }
    }
    let mut translations = Vec::new();
    for (path, lang, of) in translated {
        match translation::read(&path, &lang, of) {
            Ok(t) if !t.of.is_file() => diags.push(translation::orphan(&t)),
            Ok(t) => translations.push(t),
            Err(d) => diags.push(d),
        }
    }
    let mut value_problems = Vec::new();
    let values = config
        .as_ref()
        .map(|c| indicators::read(root, &c.indicators, &mut value_problems))
        .unwrap_or_default();
    diags.extend(value_problems);
    match config {
        Some(config) => Ok(Loaded {
            values,
            root: root.to_path_buf(),
            words: words(root, &config),
            today: crate::calendar::today(&config.time_zone)?,
            config,
            sources,
            assets,
            problems: diags.into_vec(),
            translations,
            read,
        }),
        None => Err(Error::Content(diags.into_vec())),
    }
}
