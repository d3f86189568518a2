//! `hyte build`: the whole pipeline, written atomically to the output.

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;

use crate::output::Staging;
use crate::{Error, OutFile, SiteOptions, prepare, produce};

// The doc comments of `BuildArgs` are the Finnish help of `hyte build`.

/// Rakentaa sivuston kansioon <root>/public (tai --output)
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Kirjoittaa sivuston tähän kansioon eikä kansioon <root>/public
    #[arg(long, value_name = "KANSIO")]
    pub output: Option<PathBuf>,
    /// Käyttää tätä osoitetta site.toml-tiedoston osoitteen sijaan
    /// (esim. https://example.org/hyte/)
    #[arg(long, value_name = "OSOITE")]
    pub base_url: Option<String>,
    /// Ottaa mukaan luonnokset (sivut, joilla on draft = true)
    #[arg(long)]
    pub drafts: bool,
    /// Myös varoitukset estävät rakentamisen
    #[arg(long)]
    pub strict: bool,
}

/// `hyte build` as the command line asks for it, in the site at `root`.
pub fn execute(root: PathBuf, args: BuildArgs) -> Result<(), Error> {
    let opts = SiteOptions {
        root,
        base_url: args.base_url,
        drafts: args.drafts,
        strict: args.strict,
    };
    run(&opts, args.output).map(|_| ())
}

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
    let pages = produce(
        opts,
        site,
        templates,
        &prepared.translations,
        &|rel, file| match file {
            OutFile::Bytes(bytes) => staging.write(rel, bytes),
            OutFile::Copy(path) => staging.copy(path, rel),
            OutFile::Stream(write) => staging.write_with(rel, write),
        },
    )?
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
