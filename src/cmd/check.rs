//! `hyte check`: everything `build` does except writing, drafts checked
//! too; with `--external`, also the links to other sites.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::diagnostic::{self, Diagnostic, Error};
use crate::external::{self, Verdict};
use crate::{SiteOptions, fail_or_keep, prepare, produce};

// The doc comments of `CheckArgs` are the Finnish help of `hyte check`.

/// Tarkistaa koko sivuston ja luettelee kaikki ongelmat; ei kirjoita mitään
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Käyttää tätä osoitetta site.toml-tiedoston osoitteen sijaan
    #[arg(long, value_name = "OSOITE")]
    pub base_url: Option<String>,
    /// Ottaa mukaan luonnokset (sivut, joilla on draft = true)
    #[arg(long)]
    pub drafts: bool,
    /// Hakee myös jokaisen linkin muille sivustoille (jos sivusto ei
    /// vastaa tai sitä ei löydy, se on vain varoitus)
    #[arg(long)]
    pub external: bool,
    /// Myös varoitukset (ja luonnosten ongelmat) estävät tarkistuksen
    /// läpäisyn; --external-valinnan kanssa myös linkit, jotka eivät
    /// vastaa lainkaan
    #[arg(long)]
    pub strict: bool,
}

/// `hyte check` as the command line asks for it, in the site at `root`.
pub fn execute(root: PathBuf, args: CheckArgs) -> Result<(), Error> {
    let opts = SiteOptions {
        root,
        base_url: args.base_url,
        drafts: args.drafts,
        strict: args.strict,
    };
    let external = External {
        fetch: args.external,
    };
    run(&opts, external).map(|_| ())
}

/// What `check` does besides the site itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct External {
    /// Fetch every external link.
    pub fetch: bool,
}

/// Checks the site, renders every page in memory and resolves every
/// internal link; writes nothing. Drafts are checked as well and their
/// problems reported as a draft's: they fail the run only with `--strict`.
pub fn run(opts: &SiteOptions, external: External) -> Result<usize, Error> {
    let (drafts, mut found) = if opts.drafts {
        (0, Vec::new())
    } else {
        draft_problems(opts)
    };
    let with_drafts = |e: Error, found: Vec<Diagnostic>| match e {
        Error::Content(mut ds) => {
            ds.extend(found);
            diagnostic::sort(&mut ds);
            Error::Content(ds)
        }
        e => e,
    };
    let prepared = match prepare(opts) {
        Ok(p) => p,
        Err(e) => return Err(with_drafts(e, found)),
    };
    let produced = match produce(
        opts,
        &prepared.site,
        &prepared.templates,
        &prepared.translations,
        &|_, _| Ok(()),
    ) {
        Ok(p) => p,
        Err(e) => {
            found.extend(prepared.warnings);
            return Err(with_drafts(e, found));
        }
    };
    found.extend(prepared.warnings);
    diagnostic::sort(&mut found);
    let found = fail_or_keep(found, opts.strict)?;
    diagnostic::print(&found);
    let drafts_seen = if drafts > 0 {
        format!(
            " ja {} tarkistettu",
            diagnostic::counted(drafts, "luonnos", "luonnosta")
        )
    } else {
        String::new()
    };
    // Errors of drafts do not stop publishing, but "kunnossa" alone would
    // read as if there were none.
    let ok = if found.iter().any(|d| d.draft && d.is_error()) {
        "julkaistavat sivut kunnossa"
    } else {
        "kunnossa"
    };
    eprintln!(
        "{ok}: {}{drafts_seen}, {}",
        super::build::pages_fi(produced.pages),
        diagnostic::counts(&found)
    );
    if produced.external.is_empty() {
        return Ok(produced.pages);
    }
    if !external.fetch {
        println!(
            "Ulkoiset linkit ({}), tarkista ne komennolla hyte check --external:",
            produced.external.len()
        );
        for (url, pages) in &produced.external {
            println!("  {url}  ({})", pages.join(", "));
        }
        return Ok(produced.pages);
    }
    let urls: Vec<String> = produced.external.keys().cloned().collect();
    let mut failed = 0;
    for (url, verdict) in external::check(&urls, Duration::from_secs(10)) {
        let pages = produced.external[&url].join(", ");
        match verdict {
            Verdict::Ok(code) => println!("  ok {code}  {url}"),
            Verdict::Broken(code) => {
                failed += 1;
                println!("  RIKKI {code}  {url}  (sivuilla {pages})");
            }
            Verdict::Unreachable(why) => {
                if opts.strict {
                    failed += 1;
                }
                println!("  EI VASTAA  {url}  (sivuilla {pages}): {why}");
            }
        }
    }
    if failed > 0 {
        return Err(Error::Usage(format!(
            "{failed} ulkoista linkkiä ei toimi; korjaa tai poista ne sivuilta, joilla ne ovat"
        )));
    }
    Ok(produced.pages)
}

/// The drafts of the site and the problems found in them, from a model
/// built with the drafts in. Problems of other files are the main run's
/// to report, and a site that does not load is reported there too.
fn draft_problems(opts: &SiteOptions) -> (usize, Vec<Diagnostic>) {
    let Ok(loaded) = crate::load::load(&opts.root, opts.base_url.as_deref()) else {
        return (0, Vec::new());
    };
    let drafts: HashSet<PathBuf> = loaded
        .sources
        .iter()
        .filter(|s| s.front.page().draft)
        .map(|s| s.path.clone())
        .collect();
    if drafts.is_empty() {
        return (0, Vec::new());
    }
    let (site, mut diags) = crate::model::build(loaded, true);
    diags.extend(crate::validate::site(&site));
    let found = diags
        .sorted()
        .into_iter()
        .filter(|d| drafts.contains(&d.path))
        .map(Diagnostic::in_draft)
        .collect();
    (drafts.len(), found)
}
