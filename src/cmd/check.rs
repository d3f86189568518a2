//! `hyte check`: everything `build` does except writing.

use crate::{Error, SiteOptions, prepare, produce};

/// Checks the site, renders every page in memory and resolves every
/// internal link; writes nothing.
pub fn run(opts: &SiteOptions) -> Result<usize, Error> {
    let (site, templates) = prepare(opts)?;
    let pages = produce(opts, &site, &templates, &|_, _| Ok(()))?;
    eprintln!("kunnossa: {}, ei ongelmia", super::build::pages_fi(pages));
    Ok(pages)
}
