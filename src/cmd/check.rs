//! `hyte check`: everything `build` does except writing; with
//! `--external`, also the links to other sites.

use std::time::Duration;

use crate::external::{self, Verdict};
use crate::{Error, SiteOptions, prepare, produce};

/// What `check` does besides the site itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct External {
    /// Fetch every external link.
    pub fetch: bool,
    /// Count unreachable links (timeouts, unknown hosts) as failures too.
    pub strict: bool,
}

/// Checks the site, renders every page in memory and resolves every
/// internal link; writes nothing.
pub fn run(opts: &SiteOptions, external: External) -> Result<usize, Error> {
    let (site, templates) = prepare(opts)?;
    let produced = produce(opts, &site, &templates, &|_, _| Ok(()))?;
    eprintln!(
        "kunnossa: {}, ei ongelmia",
        super::build::pages_fi(produced.pages)
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
                if external.strict {
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
