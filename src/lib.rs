//! hyte: a static site generator for the public record of the yearly
//! wellbeing negotiations (HYTE-neuvottelut) between a Finnish wellbeing
//! services county and its municipalities.
//!
//! A build is a pipeline of plain steps, each a function of the previous
//! step's output:
//!
//! 1. [`load`]: `site.toml` and `content/` → parsed files
//! 2. [`model`]: parsed files → an immutable [`model::Site`], every
//!    cross-file rule checked, every problem collected
//! 3. [`render`]: the site and the theme's templates → HTML, in parallel
//! 4. [`output`]: files staged beside the target and swapped in atomically
//!
//! The commands in [`cmd`] string these together.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod diagnostic;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod slug;
pub mod theme;

use std::path::PathBuf;

pub use diagnostic::{Diagnostic, Error};

/// What every command needs to know to read a site.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    pub root: PathBuf,
    /// Overrides `base_url` of `site.toml`.
    pub base_url: Option<String>,
    /// Keep pages with `draft = true`.
    pub drafts: bool,
}

/// Steps 1–2 and the templates: everything a render needs. Problems of the
/// content and of the templates are reported together.
pub fn prepare(opts: &SiteOptions) -> Result<(model::Site, render::Templates), Error> {
    let site = load::load(&opts.root, opts.base_url.as_deref())
        .and_then(|loaded| model::build(loaded, opts.drafts));
    let theme = site
        .as_ref()
        .map(|s| s.config.theme.clone())
        .unwrap_or_else(|_| "default".into());
    let templates = render::templates(&opts.root, &theme);
    match (site, templates) {
        (Ok(site), Ok(templates)) => Ok((site, templates)),
        (Err(Error::Content(mut a)), Err(Error::Content(b))) => {
            a.extend(b);
            Err(Error::Content(a))
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}
