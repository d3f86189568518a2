//! The site in another of its languages, made from the main one: the same
//! pages with the same ids, under `/<code>/`, with the configuration's and
//! the translations' texts. A page without a translation keeps the main
//! language's text (and says so on the page, with its `lang`).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Page, Site, build};
use crate::diagnostic::Diagnostics;
use crate::load::Loaded;

/// Builds the site of `loaded` (the main site read in another language,
/// [`Loaded::in_language`]) beside `main`. The problems are those of the
/// translations' own files; everything else was reported with the main
/// language.
pub fn build_in(loaded: Loaded, drafts: bool, main: &Site) -> (Site, Diagnostics) {
    let translations: HashSet<PathBuf> = loaded
        .sources
        .iter()
        .filter_map(|s| s.translation.as_ref().map(|t| t.path.clone()))
        .collect();
    let read_problems = loaded.problems.clone();
    let (mut site, diags) = build(loaded, drafts);
    let mut kept = Diagnostics::default();
    kept.extend(read_problems);
    kept.extend(
        diags
            .into_vec()
            .into_iter()
            .filter(|d| translations.contains(&d.path)),
    );
    if site.pages.len() == main.pages.len() {
        for (page, original) in site.pages.iter_mut().zip(&main.pages) {
            if !page.translated {
                *page = Arc::new(untranslated(page, original));
            }
        }
    }
    (site, kept)
}

/// A page with no translation: the main language's text at this
/// language's URL, with this language's data (names, dates).
fn untranslated(page: &Page, original: &Page) -> Page {
    Page {
        url: page.url.clone(),
        data: page.data.clone(),
        translated: false,
        ..Page::clone(original)
    }
}
