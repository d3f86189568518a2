//! Step 3 of the pipeline: the rules a site must keep, checked over the
//! model.
//!
//! Validation reads a built [`Site`] and returns diagnostics; it changes
//! nothing and knows no template. Every line it reports was recorded by a
//! parser (TOML spans, comrak's source positions) and carried into the
//! model, so each rule is a plain function of the model and can be tested
//! without a site on disk. Errors stop a build; warnings are the likely
//! slips (a heading that is almost a priority area, raw HTML, text left
//! from a scaffold) that fail it only with `--strict`.

mod body;
mod dates;
mod findings;
mod groups;
mod measures;
mod near;
mod pages;
mod plain;
mod published;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{PageId, Site};

/// Every rule over the whole site.
pub fn site(site: &Site) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let per_page: Vec<Vec<Diagnostic>> = (0..site.pages.len())
        .into_par_iter()
        .map(|id| page(site, id))
        .collect();
    diags.extend(per_page.into_iter().flatten());
    diags.extend(groups::check(site));
    diags.extend(dates::check(site));
    diags.extend(pages::check(site));
    diags.extend(published::site(site));
    diags.extend(measures::check(site));
    diags
}

/// The rules over the translated pages of a site in another language:
/// their bodies and what they say of themselves. The rest was checked
/// with the main language.
pub fn translations(site: &Site) -> Vec<Diagnostic> {
    (0..site.pages.len())
        .into_par_iter()
        .filter(|&id| site.pages[id].translated)
        .flat_map_iter(|id| page(site, id))
        .collect()
}

/// The rules over one page (its body and what it says of itself). The
/// preview server checks an edited page with this before taking its fast
/// path.
pub fn page(site: &Site, id: PageId) -> Vec<Diagnostic> {
    let page = &site.pages[id];
    let Some(path) = &page.source else {
        return Vec::new();
    };
    let vocab = site.vocabulary(page);
    let mut out = body::check(path, &page.outline, vocab.is_some());
    if let Some(vocab) = &vocab {
        out.extend(findings::check(path, &page.outline.blocks, vocab));
    }
    if !page.draft {
        out.extend(published::page(site, page, path));
        out.extend(plain::check(page, path));
    }
    out
}

#[cfg(test)]
mod tests;
