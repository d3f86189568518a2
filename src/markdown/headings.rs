//! Heading ids: stable anchors of the findings structure are fixed by
//! the structure pass; every other heading gets a slug of its text, made
//! unique on the page, and comrak writes them through [`HeadingIds`].

use std::collections::HashSet;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::Sourcepos;

use crate::slug::slugify;

/// A heading id not used yet on the page.
pub(super) fn unique(used: &mut HashSet<String>, text: &str) -> String {
    let base = match slugify(text) {
        s if s.is_empty() => "otsikko".to_string(),
        s => s,
    };
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// Writes headings with the ids computed before rendering; comrak renders
/// headings in document order.
pub(super) struct HeadingIds {
    pub(super) ids: Vec<String>,
    pub(super) next: AtomicUsize,
}

impl HeadingAdapter for HeadingIds {
    fn enter(
        &self,
        out: &mut dyn fmt::Write,
        h: &HeadingMeta,
        _: Option<Sourcepos>,
    ) -> fmt::Result {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        match self.ids.get(i) {
            // ids are slugs: nothing to escape.
            Some(id) => write!(out, "<h{} id=\"{}\">", h.level, id),
            None => write!(out, "<h{}>", h.level),
        }
    }

    fn exit(&self, out: &mut dyn fmt::Write, h: &HeadingMeta) -> fmt::Result {
        writeln!(out, "</h{}>", h.level)
    }
}
