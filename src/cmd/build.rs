//! `hyte build`: the whole pipeline, written atomically to the output.

use std::path::PathBuf;
use std::time::Instant;

use crate::output::Staging;
use crate::{Error, OutFile, SiteOptions, prepare, produce};

/// Builds the site into `output` (default `<root>/public`) and returns
/// the number of pages written. Nothing replaces the previous output
/// unless every step succeeded.
pub fn run(opts: &SiteOptions, output: Option<PathBuf>) -> Result<usize, Error> {
    let started = Instant::now();
    let prepared = prepare(opts)?;
    let (site, templates) = (&prepared.site, &prepared.templates);
    let output = output.unwrap_or_else(|| opts.root.join("public"));
    crate::output::remove_on_interrupt();
    let staging = Staging::new(&output)?;
    let pages = produce(opts, site, templates, &|rel, file| match file {
        OutFile::Bytes(bytes) => staging.write(rel, bytes),
        OutFile::Copy(path) => staging.copy(path, rel),
    })?
    .pages;
    staging.commit()?;
    crate::lap("swapped in");
    crate::diagnostic::print(&prepared.warnings);
    let warned = if prepared.warnings.is_empty() {
        String::new()
    } else {
        format!("; {}", crate::diagnostic::counts(&prepared.warnings))
    };
    eprintln!(
        "valmis: {} kansioon {}/ {} ms:ssa{warned}",
        pages_fi(pages),
        crate::diagnostic::shown(&output).display(),
        started.elapsed().as_millis()
    );
    Ok(pages)
}

/// "1 sivu" / "50 sivua".
pub fn pages_fi(n: usize) -> String {
    crate::diagnostic::counted(n, "sivu", "sivua")
}
