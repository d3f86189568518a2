//! Markdown → HTML with comrak, and the findings an author wrote as
//! headings and lists.
//!
//! The structure of findings (priority area → target group → items) is read
//! from the headings of ordinary Markdown, so authors never write a table
//! or a special syntax. The same walk gives every heading a stable anchor:
//! `#<priority>` and `#<priority>-<target group>` for the structure, a slug
//! of the text for other headings.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicUsize;

use comrak::nodes::NodeValue;
use comrak::options::Plugins;
use comrak::{Arena, Options};
use serde::Serialize;

use crate::config::{PriorityId, TargetGroupId, Term};
use crate::slug::slugify;
use crate::text::without_controls;

mod headings;
mod html;
mod links;
pub mod outline;

use headings::{HeadingIds, unique};
pub use links::Links;
pub use outline::{Block, BlockKind, BodyLink, Outline, RawHtml};

/// The priority areas and target groups a page's headings may name.
pub struct Vocabulary<'a> {
    pub priorities: Vec<(PriorityId, &'a Term)>,
    pub targets: Vec<(TargetGroupId, &'a Term)>,
    /// Every target group of the site, to tell "not used this year" from
    /// "unknown".
    pub all_targets: &'a [Term],
}

impl<'a> Vocabulary<'a> {
    /// The priority area a heading's text names (its name, slug or an
    /// alias).
    pub fn priority(&self, text: &str) -> Option<(PriorityId, &'a Term)> {
        let slug = slugify(&clean(text));
        self.priorities
            .iter()
            .find(|(_, t)| t.has_slug(&slug))
            .copied()
    }

    /// The target group of the year a heading's text names.
    pub fn target(&self, text: &str) -> Option<(TargetGroupId, &'a Term)> {
        let slug = slugify(&clean(text));
        self.targets
            .iter()
            .find(|(_, t)| t.has_slug(&slug))
            .copied()
    }
}

#[cfg(test)]
impl<'a> Vocabulary<'a> {
    /// For tests: every priority area of `priorities`, the first `used` of
    /// `targets` as the year's target groups, all of them as the site's.
    pub fn of(priorities: &'a [Term], targets: &'a [Term], used: usize) -> Vocabulary<'a> {
        Vocabulary {
            priorities: priorities
                .iter()
                .enumerate()
                .map(|(i, t)| (PriorityId(i), t))
                .collect(),
            targets: targets[..used]
                .iter()
                .enumerate()
                .map(|(i, t)| (TargetGroupId(i), t))
                .collect(),
            all_targets: targets,
        }
    }
}

/// One finding (nosto): a top-level list item under a priority area and,
/// usually, a target group.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub priority: PriorityId,
    pub target: Option<TargetGroupId>,
    pub text: String,
    /// Line in the body (1-based). Its anchor is its cell's (see
    /// [`crate::routes::finding_anchor`]).
    #[serde(skip)]
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
}

/// A stretch of the body: prose as written, or one priority area with its
/// cells, so templates can put the year's goal beside each cell.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Part {
    Prose { html: String },
    Priority(Section),
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub priority: PriorityId,
    /// The rendered `h2`.
    pub heading: String,
    /// What stands between the heading and the first cell.
    pub intro: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub target: TargetGroupId,
    /// The rendered `h3`.
    pub heading: String,
    pub html: String,
}

/// The whole body: its parts one after another.
pub fn join(parts: &[Part]) -> String {
    let mut html = String::new();
    for part in parts {
        match part {
            Part::Prose { html: prose } => html.push_str(prose),
            Part::Priority(s) => {
                html.push_str(&s.heading);
                html.push_str(&s.intro);
                for cell in &s.cells {
                    html.push_str(&cell.heading);
                    html.push_str(&cell.html);
                }
            }
        }
    }
    html
}

impl Rendered {
    /// The whole body.
    pub fn html(&self) -> String {
        join(&self.parts)
    }
}

#[derive(Debug, Default)]
pub struct Rendered {
    /// The body in parts; the whole body is [`Rendered::html`]. (It is
    /// kept once: at 10,000 pages a second copy was 70 MB.)
    pub parts: Vec<Part>,
    pub findings: Vec<Finding>,
    pub headings: Vec<Heading>,
    /// The blocks, raw HTML and links, for the validate step.
    pub outline: Outline,
}

fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.footnotes = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    // Raw HTML is never passed through (comrak's default, stated here so
    // nobody turns it on by accident).
    o.render.r#unsafe = false;
    o
}

/// Renders `body`. With a vocabulary, headings that name priority areas
/// and target groups become findings; `base_path` (e.g. `/hyte/`) is put
/// before site-absolute link targets such as `/2025/`.
pub fn render(
    body: &str,
    vocab: Option<&Vocabulary<'_>>,
    base_path: &str,
    statute_url: &str,
) -> Rendered {
    render_page(
        body,
        vocab,
        &Links {
            base_path,
            statute_url,
            leaf: false,
        },
    )
}

/// Character references are decoded while parsing (`&#142;` is U+008E),
/// so the text is cleaned again in the tree.
fn clean_decoded<'a>(root: comrak::nodes::Node<'a>) {
    fn clean(s: &mut String) {
        if let std::borrow::Cow::Owned(c) = without_controls(s) {
            *s = c;
        }
    }
    for node in root.descendants() {
        match &mut node.data_mut().value {
            NodeValue::Text(t) => {
                if let std::borrow::Cow::Owned(c) = without_controls(t) {
                    *t = c.into();
                }
            }
            NodeValue::Code(c) => clean(&mut c.literal),
            NodeValue::CodeBlock(c) => {
                clean(&mut c.literal);
                clean(&mut c.info);
            }
            NodeValue::Link(l) | NodeValue::Image(l) => {
                clean(&mut l.url);
                clean(&mut l.title);
            }
            _ => {}
        }
    }
}

/// [`render`] with the page's link rules.
pub fn render_page(body: &str, vocab: Option<&Vocabulary<'_>>, links: &Links<'_>) -> Rendered {
    let arena = Arena::new();
    let opts = options();
    let body = without_controls(body);
    let root = comrak::parse_document(&arena, &body, &opts);
    let mut out = Rendered::default();
    clean_decoded(root);
    out.outline.raw_html = html::convert(&arena, root);
    links::link_statutes(&arena, root, links.statute_url);
    links::drop_unsafe(root);
    out.outline.links = links::rewrite(root, links);
    out.outline.blocks = root.children().map(outline::block).collect();
    let (slots, fixed_ids, mut used) = match vocab {
        Some(vocab) => structure(root, vocab, &mut out.findings),
        None => (
            root.children().map(|_| Slot::Prose).collect(),
            HashMap::new(),
            HashSet::new(),
        ),
    };

    // Pass 2: an id for every heading, in document order.
    let mut ids = Vec::new();
    for node in root.descendants() {
        let level = match node.data().value {
            NodeValue::Heading(h) => h.level,
            _ => continue,
        };
        let text = clean(&node.collect_text());
        let id = match fixed_ids.get(&(node as *const _ as usize)) {
            Some(id) => id.clone(),
            None => unique(&mut used, &text),
        };
        out.headings.push(Heading {
            level,
            text,
            id: id.clone(),
        });
        ids.push(id);
    }

    // Pass 3: HTML, block by block in document order (so that the heading
    // ids are handed out in order), each block into its slot.
    let adapter = HeadingIds {
        ids,
        next: AtomicUsize::new(0),
    };
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(&adapter);
    for (node, slot) in root.children().zip(slots) {
        let mut html = String::new();
        // Writing to a String cannot fail.
        let _ = comrak::format_html_with_plugins(node, &opts, &mut html, &plugins);
        match (slot, out.parts.last_mut()) {
            (Slot::Prose, Some(Part::Prose { html: prev })) => prev.push_str(&html),
            (Slot::Prose, _) => out.parts.push(Part::Prose { html }),
            (Slot::PriorityHeading(priority), _) => out.parts.push(Part::Priority(Section {
                priority,
                heading: html,
                intro: String::new(),
                cells: Vec::new(),
            })),
            (Slot::CellHeading(target), Some(Part::Priority(section))) => {
                section.cells.push(Cell {
                    target,
                    heading: html,
                    html: String::new(),
                })
            }
            (Slot::Body, Some(Part::Priority(section))) => match section.cells.last_mut() {
                Some(cell) => cell.html.push_str(&html),
                None => section.intro.push_str(&html),
            },
            // Cells and bodies only follow a priority heading.
            (_, _) => out.parts.push(Part::Prose { html }),
        }
    }
    out
}

/// Pass 1: the structure of findings, from top-level blocks. Each block
/// gets a slot (where its HTML goes); headings that name a priority area
/// or a cell get fixed ids. What does not fit the structure is left as it
/// is here and reported by the validate step from the outline.
fn structure<'a>(
    root: comrak::nodes::Node<'a>,
    vocab: &Vocabulary<'_>,
    findings: &mut Vec<Finding>,
) -> (Vec<Slot>, HashMap<usize, String>, HashSet<String>) {
    let mut fixed_ids: HashMap<usize, String> = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut slots: Vec<Slot> = Vec::new();
    let mut priority: Option<(PriorityId, &Term)> = None;
    let mut target: Option<(TargetGroupId, &Term)> = None;
    for node in root.children() {
        let value = node.data().value.clone();
        let key = node as *const _ as usize;
        let slot = match value {
            NodeValue::Heading(h) if h.level <= 2 => {
                target = None;
                priority = (h.level == 2)
                    .then(|| vocab.priority(&node.collect_text()))
                    .flatten();
                match priority {
                    Some((id, term)) => {
                        used.insert(term.slug.clone());
                        fixed_ids.insert(key, term.slug.clone());
                        Slot::PriorityHeading(id)
                    }
                    None => Slot::Prose,
                }
            }
            NodeValue::Heading(h) if h.level == 3 && priority.is_some() => {
                let (_, pterm) = priority.expect("checked by the guard");
                target = vocab.target(&node.collect_text());
                match target {
                    Some((tid, tterm)) => {
                        let id = crate::routes::cell_anchor(&pterm.slug, &tterm.slug);
                        used.insert(id.clone());
                        fixed_ids.insert(key, id);
                        Slot::CellHeading(tid)
                    }
                    None => Slot::Body,
                }
            }
            NodeValue::List(_) if priority.is_some() => {
                let (pid, _) = priority.expect("checked by the guard");
                for item in node.children() {
                    let text = clean(&item.collect_text());
                    if !text.is_empty() {
                        let line = item.data().sourcepos.start.line;
                        findings.push(finding(pid, target, text, line));
                    }
                }
                Slot::Body
            }
            _ if priority.is_some() => Slot::Body,
            _ => Slot::Prose,
        };
        slots.push(slot);
    }
    (slots, fixed_ids, used)
}

/// Where the HTML of one top-level block goes.
enum Slot {
    Prose,
    PriorityHeading(PriorityId),
    CellHeading(TargetGroupId),
    /// Inside the current priority area (and cell, if any).
    Body,
}

fn finding(
    pid: PriorityId,
    target: Option<(TargetGroupId, &Term)>,
    text: String,
    line: usize,
) -> Finding {
    Finding {
        priority: pid,
        target: target.map(|(id, _)| id),
        text,
        line,
    }
}

/// Whitespace collapsed, ends trimmed.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
