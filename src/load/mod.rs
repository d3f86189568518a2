//! Step 1 of the pipeline: read `site.toml` and every file under
//! `content/`, cut each content file into front matter and body, and parse
//! the front matter of its kind. Nothing here knows about other files;
//! cross-file checks belong to [`crate::model`].

pub mod frontmatter;
/// Markdown is its own step ([`crate::markdown`]); reachable here too for
/// the fuzz targets.
pub use crate::markdown;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics, Error};
mod source;

pub use source::{CommonRef, Front, Kind, Source, parse_source, source_at};
use source::{dir_segments, read_source};

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

    let mut files = Vec::new();
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
            files.push((entry.path().to_path_buf(), rel));
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
        .map(|(path, rel)| read_source(path, rel))
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(s) => sources.push(s),
            Err(d) => diags.push(d),
        }
    }
    match config {
        Some(config) => Ok(Loaded {
            root: root.to_path_buf(),
            today: crate::calendar::today(&config.time_zone)?,
            config,
            sources,
            assets,
            problems: diags.into_vec(),
        }),
        None => Err(Error::Content(diags.into_vec())),
    }
}
