//! `hyte check`: everything `build` does except writing.

use crate::{Error, SiteOptions, prepare, render};

/// Checks the site and renders every page in memory; writes nothing.
pub fn run(opts: &SiteOptions) -> Result<usize, Error> {
    let (site, templates) = prepare(opts)?;
    let count = std::sync::atomic::AtomicUsize::new(0);
    render::render_site(&site, &templates, &|_, _| {
        count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    })?;
    let pages = count.into_inner();
    eprintln!("ok: {pages} pages, no problems found");
    Ok(pages)
}
