//! A page's body: rendered from Markdown with its year's vocabulary, its
//! lines made file lines, and the preview server's fast path that swaps
//! in a new body when only the body of one file changed.

use std::sync::Arc;

use super::*;
use crate::load::{Kind, Source};
use crate::markdown;

/// The body of `s` rendered; `vocab` is the priority areas and target
/// groups of its year.
pub(super) fn render_body(
    config: &Config,
    base_path: &str,
    s: &Source,
    vocab: Option<(&[PriorityId], &[TargetGroupId])>,
) -> markdown::Rendered {
    let vocab = match (s.kind, vocab) {
        (Kind::Year | Kind::Group | Kind::Perspective, Some((ps, ts))) => {
            Some(vocabulary(config, ps, ts))
        }
        _ => None,
    };
    markdown::render_page(
        &s.body,
        vocab.as_ref(),
        &markdown::Links {
            base_path,
            statute_url: &config.statute_url,
            leaf: !s.path.ends_with("_index.md"),
        },
    )
}

/// An outline with body lines made file lines.
pub(super) fn shifted(mut outline: markdown::Outline, body_line: usize) -> markdown::Outline {
    outline.shift(body_line - 1);
    outline
}

/// The site with one page's body replaced by that of `s`, its file read
/// again after an edit; None unless that is all that changed (the front
/// matter is as before). The preview server uses it to skip a full
/// rebuild, once the validate step finds no error in the new page.
pub fn update_body(site: &Site, s: &Source) -> Option<(Site, PageId)> {
    let id = site
        .pages
        .iter()
        .position(|p| p.source.as_deref() == Some(s.path.as_path()))?;
    let old = &site.pages[id];
    if old.front_hash != front_hash(&s.front_text) || old.kind != s.kind {
        return None;
    }
    let year = s.year.and_then(|y| site.year(y));
    let vocab = year.map(|y| (y.priorities.as_slice(), y.target_groups.as_slice()));
    let r = render_body(&site.config, site.config.base_path(), s, vocab);
    let mut page = Page::clone(old);
    page.outline = shifted(r.outline, s.body_line);
    page.parts = r.parts;
    page.headings = r.headings;
    page.findings = r.findings;
    for f in &mut page.findings {
        f.line = s.body_line + f.line - 1;
    }
    let mut next = site.clone();
    next.pages[id] = Arc::new(page);
    Some((next, id))
}

/// See [`Page::front_hash`].
pub fn front_hash(front_text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    front_text.hash(&mut h);
    h.finish()
}
