//! Raw HTML in a body. Authors paste it from old systems (`<div>`, a whole
//! `<table>`); it is never passed through. Its tags are removed and its
//! text is kept as plain, escaped text, so no word is lost; the contents
//! of `script` and `style` are removed with them. Every piece is recorded
//! so that the validate step warns at its line and says what to write in
//! Markdown instead. HTML comments (`<!-- … -->`) are dropped silently:
//! they are where authors and scaffolds leave notes that never reach a
//! page.

use comrak::Arena;
use comrak::nodes::{Node, NodeValue};

use super::outline::RawHtml;
use crate::text::without_controls;

/// Elements whose content is not text for a reader.
const DROPPED: [&str; 6] = ["script", "style", "template", "iframe", "object", "svg"];

/// Replaces every raw HTML node under `root` and returns what it met.
pub fn convert<'a>(arena: &'a Arena<'a>, root: Node<'a>) -> Vec<RawHtml> {
    let mut found = Vec::new();
    let nodes: Vec<Node<'a>> = root
        .descendants()
        .filter(|n| {
            matches!(
                n.data().value,
                NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_)
            )
        })
        .collect();
    // Inline content of a dropped element, from its opening tag to its
    // closing one in the same paragraph, goes too.
    let mut dropping: Option<(String, Node<'a>)> = None;
    for node in nodes {
        let (literal, block, line) = {
            let data = node.data();
            let line = data.sourcepos.start.line;
            match &data.value {
                NodeValue::HtmlBlock(b) => (b.literal.clone(), true, line),
                NodeValue::HtmlInline(s) => (s.to_string(), false, line),
                _ => continue,
            }
        };
        let trimmed = literal.trim_start();
        let tag = tag_name(trimmed);
        let closing = trimmed.starts_with("</");
        if let Some((open_tag, open)) = dropping.take() {
            if !block && same_parent(node, open) {
                if closing && tag == open_tag {
                    drop_between(open, node);
                } else {
                    node.detach();
                    dropping = Some((open_tag, open));
                }
                continue;
            }
            drop_rest(open);
        }
        if trimmed.starts_with("<!--") {
            node.detach();
            continue;
        }
        let dropped = DROPPED.contains(&tag.as_str());
        if !closing {
            found.push(RawHtml {
                line,
                tag: tag.clone(),
                dropped,
            });
        }
        if block {
            let text = if dropped {
                String::new()
            } else {
                text_of(&literal)
            };
            if !text.is_empty() {
                let pos = node.data().sourcepos;
                let para = arena.alloc(NodeValue::Paragraph.into());
                para.data_mut().sourcepos = pos;
                let text = arena.alloc(NodeValue::Text(text.into()).into());
                text.data_mut().sourcepos = pos;
                para.append(text);
                node.insert_before(para);
            }
            node.detach();
        } else if dropped && !closing && !trimmed.ends_with("/>") {
            // Kept until its closing tag is met.
            dropping = Some((tag, node));
        } else {
            node.detach();
        }
    }
    if let Some((_, open)) = dropping {
        drop_rest(open);
    }
    found
}

fn same_parent<'a>(a: Node<'a>, b: Node<'a>) -> bool {
    match (a.parent(), b.parent()) {
        (Some(x), Some(y)) => x.same_node(y),
        _ => false,
    }
}

/// Removes `open`, `close` and everything between them.
fn drop_between<'a>(open: Node<'a>, close: Node<'a>) {
    while let Some(next) = open.next_sibling() {
        if next.same_node(close) {
            break;
        }
        next.detach();
    }
    open.detach();
    close.detach();
}

/// Removes `open` and everything after it in its paragraph (an element
/// that is never closed there).
fn drop_rest(open: Node<'_>) {
    while let Some(next) = open.next_sibling() {
        next.detach();
    }
    open.detach();
}

/// `div` of `<div class="x">`, `table` of `</TABLE>`.
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The text of an HTML block: tags and comments removed (a tag counts as
/// a space, so table cells do not run together), character references
/// decoded, whitespace collapsed, control characters replaced.
fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push(' ');
        let after = &rest[i..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|e| e + 3)
        } else {
            after.find('>').map(|e| e + 1)
        };
        let tag = tag_name(after);
        let Some(end) = end else {
            rest = "";
            break;
        };
        rest = &after[end..];
        if DROPPED.contains(&tag.as_str()) && !after.starts_with("</") {
            let close = format!("</{tag}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(c) => &rest[c..],
                None => "",
            };
        }
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out);
    let collapsed = super::outline::collapsed(&decoded);
    without_controls(&collapsed).into_owned()
}

#[cfg(test)]
mod tests {
    use super::super::render;

    #[test]
    fn block_html_keeps_its_text_and_says_so() {
        let r = render(
            "<div class=\"huom\">Tärkeä <b>huomautus</b> &amp; muuta</div>\n\nSeuraava.\n",
            None,
            "/",
            "",
        );
        assert!(
            r.html().contains("<p>Tärkeä huomautus &amp; muuta</p>"),
            "{}",
            r.html()
        );
        assert!(!r.html().contains("<div"));
        assert_eq!(r.outline.raw_html.len(), 1);
        assert_eq!(r.outline.raw_html[0].tag, "div");
        assert_eq!(r.outline.raw_html[0].line, 1);
    }

    #[test]
    fn a_pasted_table_keeps_its_cells_apart() {
        let r = render(
            "Alku.\n\n<table><tr><td>Jyväskylä</td><td>13.11.</td></tr></table>\n",
            None,
            "/",
            "",
        );
        assert!(r.html().contains("<p>Jyväskylä 13.11.</p>"), "{}", r.html());
        assert_eq!(r.outline.raw_html[0].tag, "table");
        assert_eq!(r.outline.raw_html[0].line, 3);
    }

    #[test]
    fn scripts_go_with_their_content_and_comments_silently() {
        let r = render(
            "Teksti <script>alert(\"hei\")</script> jatkuu.\n\n<!-- muistiinpano -->\n\n<script>\nalert(2)\n</script>\n",
            None,
            "/",
            "",
        );
        assert!(!r.html().contains("alert"), "{}", r.html());
        assert!(!r.html().contains("muistiinpano"), "{}", r.html());
        assert!(r.html().contains("Teksti  jatkuu."), "{}", r.html());
        let tags: Vec<(&str, usize, bool)> = r
            .outline
            .raw_html
            .iter()
            .map(|h| (h.tag.as_str(), h.line, h.dropped))
            .collect();
        assert_eq!(tags, [("script", 1, true), ("script", 5, true)]);
    }

    #[test]
    fn inline_tags_go_and_their_text_stays() {
        let r = render("Sana <span>toinen</span> kolmas<br>\n", None, "/", "");
        assert!(r.html().contains("Sana toinen kolmas"), "{}", r.html());
        let tags: Vec<&str> = r.outline.raw_html.iter().map(|h| h.tag.as_str()).collect();
        assert_eq!(tags, ["span", "br"]);
    }

    #[test]
    fn odd_html_never_panics_and_never_runs() {
        for body in [
            "a <script>b\n\nc</script> d",
            "<script>never closed",
            "x <script>y",
            "- kohta <style>p{}</style> jatkuu\n- <b>toinen</b>",
            "## Otsikko <span>osa</span>\n",
            "| a | <script>x</script> |\n|---|---|\n| <i>b</i> | c |\n",
            "<!-- a --> <!-- b",
            "<div>\n<script>x</script>\n</div>",
            "<svg><script>x</script></svg> ok",
            "&lt;script&gt; <scr<script>ipt>",
        ] {
            let r = render(body, None, "/", "");
            assert!(!r.html().contains("<script"), "{body:?}: {}", r.html());
            assert!(!r.html().contains("<style"), "{body:?}: {}", r.html());
            assert!(!r.html().contains("<span"), "{body:?}: {}", r.html());
        }
    }
}
