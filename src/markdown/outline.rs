//! An outline of a body: its top-level blocks, the raw HTML it held and
//! its links, each with the line comrak read it at.
//!
//! The model keeps the outline of every page so that the validate step
//! can check the structure of findings (a heading at the wrong level, a
//! `#` line that is not a heading, an indented list that became code, raw
//! HTML) without parsing the Markdown again, and so that a broken link is
//! reported at the line it is written on.

use comrak::nodes::{Node, NodeValue};
use serde::Serialize;

/// One top-level block of a body. Lines are 1-based lines of the body
/// until the model shifts them to lines of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub line: usize,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum BlockKind {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        /// The text, whitespace collapsed, cut at [`TEXT_LIMIT`] characters.
        text: String,
        /// The whole paragraph is bold or italic: it looks like a heading.
        emphasis_only: bool,
        words: usize,
    },
    /// A list with its number of items.
    List {
        items: usize,
    },
    /// Code: `indented` when made by four spaces or a tab, not a fence.
    Code {
        indented: bool,
    },
    /// A table, a quote, a rule or anything else.
    Other,
}

/// Raw HTML the author wrote, as the renderer met it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RawHtml {
    pub line: usize,
    /// The first tag, lowercase, e.g. `div` or `table`.
    pub tag: String,
    /// Whether its text was removed with it (`script`, `style`), rather
    /// than kept as plain text.
    pub dropped: bool,
}

/// A link written in the body that is not to another site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BodyLink {
    pub line: usize,
    /// As the author wrote it, e.g. `2025/` or `/2025/#x`.
    pub written: String,
    /// As it is on the page, base path and leaf prefix added.
    pub href: String,
}

/// What the validate step reads of a body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outline {
    pub blocks: Vec<Block>,
    pub raw_html: Vec<RawHtml>,
    pub links: Vec<BodyLink>,
}

impl Outline {
    /// Moves every line by `by` (body lines → file lines).
    pub fn shift(&mut self, by: usize) {
        for b in &mut self.blocks {
            b.line += by;
        }
        for h in &mut self.raw_html {
            h.line += by;
        }
        for l in &mut self.links {
            l.line += by;
        }
    }
}

/// Longest paragraph text kept; enough to recognise a heading-like line.
pub const TEXT_LIMIT: usize = 120;

/// The outline entry of a top-level node.
pub fn block<'a>(node: Node<'a>) -> Block {
    let data = node.data();
    let line = data.sourcepos.start.line;
    let kind = match &data.value {
        NodeValue::Heading(h) => BlockKind::Heading {
            level: h.level,
            text: collapsed(&node.collect_text()),
        },
        NodeValue::Paragraph => {
            let text = collapsed(&node.collect_text());
            let words = text.split_whitespace().count();
            let mut children = node
                .children()
                .filter(|c| !matches!(&c.data().value, NodeValue::Text(t) if t.trim().is_empty()));
            let emphasis_only = matches!(
                (
                    children.next().map(|c| c.data().value.clone()),
                    children.next()
                ),
                (Some(NodeValue::Strong | NodeValue::Emph), None)
            );
            BlockKind::Paragraph {
                text: text.chars().take(TEXT_LIMIT).collect(),
                emphasis_only,
                words,
            }
        }
        NodeValue::List(_) => BlockKind::List {
            items: node.children().count(),
        },
        NodeValue::CodeBlock(c) => BlockKind::Code {
            indented: !c.fenced,
        },
        _ => BlockKind::Other,
    };
    Block { line, kind }
}

/// Whitespace collapsed, ends trimmed.
pub fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
