//! The fast path for a save that changed only the text of pages.
//!
//! Most saves do. Then the model is updated in place of a rebuild
//! ([`crate::update_page`]), the pages that depend on the edited file are
//! marked stale (rendered again only when a browser asks for them, see
//! [`Snapshot::get`]), and open pages reload at once. Anything else — a
//! file outside `content/`, changed front matter, an error in the new
//! text, or a failed build on show — takes a full rebuild instead.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::{Shared, Snapshot, Stale};

/// The fast path for a save that changed only the text of pages: the
/// model is updated, the dependent pages are marked stale, and open pages
/// reload. False when the change needs a full rebuild.
pub(super) fn update(root: &Path, changed: &[PathBuf], shared: &Shared) -> bool {
    let started = Instant::now();
    let previous = shared.current();
    let (None, Some(pages)) = (&previous.error, &previous.pages) else {
        return false;
    };
    let Ok(canonical) = std::fs::canonicalize(root) else {
        return false;
    };
    let mut site = pages.site().clone();
    // Front matter may carry translations keyed by the site's languages;
    // the other languages' pages come with the background rebuild.
    let read = crate::load::ReadIn {
        lang: None,
        codes: site.config.codes(),
    };
    let mut edited = Vec::new();
    for path in changed {
        // The model names files by the root as given.
        let Ok(rel) = path.strip_prefix(&canonical) else {
            return false;
        };
        let path = root.join(rel);
        let Some(Ok(source)) = crate::load::source_at_in(root, &path, &read) else {
            return false;
        };
        let Some((next, id)) = crate::update_page(&site, &source) else {
            return false;
        };
        site = Arc::new(next);
        edited.push(id);
    }
    let next = pages.with_site(site);
    let mut paths: HashSet<String> = previous
        .stale
        .as_ref()
        .map(|s| s.paths.clone())
        .unwrap_or_default();
    for id in edited {
        paths.extend(next.dependents(id));
    }
    let count = paths.len();
    // The front matter is as it was: the drafts and, until the
    // background rebuild says otherwise, the warnings too.
    shared.publish(|current| {
        Some(Snapshot {
            error: None,
            generation: current.generation + 1,
            pages: Some(Arc::new(next)),
            stale: Some(Arc::new(Stale {
                paths,
                made: Mutex::default(),
            })),
            ..current.clone()
        })
    });
    eprintln!(
        "päivitetty: {count} sivua merkitty tehtäväksi uudelleen {} ms:ssa; koko sivusto rakennetaan taustalla",
        started.elapsed().as_millis()
    );
    true
}
