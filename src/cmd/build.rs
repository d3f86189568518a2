//! `hyte build`: the whole pipeline, written atomically to the output.

use std::path::PathBuf;
use std::time::Instant;

use crate::output::Staging;
use crate::{Error, SiteOptions, prepare, render, theme};

/// Builds the site into `output` (default `<root>/public`) and returns
/// the number of files written.
pub fn run(opts: &SiteOptions, output: Option<PathBuf>) -> Result<usize, Error> {
    let started = Instant::now();
    let (site, templates) = prepare(opts)?;
    let output = output.unwrap_or_else(|| opts.root.join("public"));
    let staging = Staging::new(&output)?;
    let written = std::sync::atomic::AtomicUsize::new(0);
    render::render_site(&site, &templates, &|rel, bytes| {
        written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        staging.write(rel, bytes)
    })?;
    for file in theme::files(&opts.root, &site.config.theme, "static")? {
        staging.write(&file.rel, &file.bytes()?)?;
    }
    for asset in &site.assets {
        staging.copy(&asset.source, &asset.target.to_string_lossy())?;
    }
    staging.commit()?;
    let pages = written.into_inner();
    eprintln!(
        "built {pages} pages into {} in {} ms",
        output.display(),
        started.elapsed().as_millis()
    );
    Ok(pages)
}
