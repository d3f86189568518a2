//! Pages the site needs and what they rest on: a front page, a page for
//! every year that has pages, and the `[accessibility]` facts of the
//! accessibility statement.

use std::path::Path;

use crate::config::{STATEMENT_TEMPLATE, missing_accessibility};
use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Site};

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let content = site.root.join("content");
    // A file that exists but did not load is reported already; a draft
    // left out is no missing page.
    let unloaded = |p: &Path| {
        site.unloaded.iter().any(|u| u == p) || site.drafts_left_out.iter().any(|d| d == p)
    };
    let home = content.join("_index.md");
    if !site.pages.iter().any(|p| p.kind == Kind::Home) && !unloaded(&home) {
        out.push(
            Diagnostic::new(&home, "etusivu puuttuu")
                .help("luo tiedosto content/_index.md, jossa on ainakin otsikko (title)"),
        );
    }
    for p in &site.pages {
        let (Some(year), Some(path)) = (p.year, &p.source) else {
            continue;
        };
        let index = content.join(year.to_string()).join("_index.md");
        if site.year(year).is_none() && p.kind != Kind::Year && !unloaded(&index) {
            out.push(
                Diagnostic::new(path, format!("vuodella {year} ei ole omaa sivua"))
                    .help(format!("luo tiedosto content/{year}/_index.md, jossa on title ja status (komento hyte new year {year} tekee sen valmiiksi; katso myös docs/content-format.md)")),
            );
        }
    }
    // The accessibility statement takes its facts from site.toml.
    if site.config.accessibility.is_none() {
        for p in site
            .pages
            .iter()
            .filter(|p| p.template == STATEMENT_TEMPLATE)
        {
            if let Some(src) = &p.source {
                let rel = src.strip_prefix(&site.root).unwrap_or(src);
                out.push(missing_accessibility(&site.root.join("site.toml"), rel));
            }
        }
    }
    out
}
