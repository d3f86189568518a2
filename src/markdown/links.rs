//! The links of a body: which URLs may stay, site-absolute and relative
//! targets written for where the page is served, and statute references
//! ("612/2021 7 §") turned into links to the act.

use comrak::Arena;
use comrak::nodes::{Node, NodeValue};

use super::outline::BodyLink;

/// How a page's links are written out.
pub struct Links<'a> {
    /// Put before site-absolute targets such as `/2025/`.
    pub base_path: &'a str,
    /// Where statute references link (see `link_statutes`).
    pub statute_url: &'a str,
    /// The page comes from `name.md` and is served at `name/`: a relative
    /// target such as `kuva.jpg` means the file beside `name.md`, one
    /// folder up from the page's URL.
    pub leaf: bool,
}

/// Writes link and image targets for where the page is served.
/// Returns every link that stays on this site, with its line, as written
/// and as rewritten.
pub fn rewrite<'a>(root: Node<'a>, links: &Links<'_>) -> Vec<BodyLink> {
    let mut found = Vec::new();
    for node in root.descendants() {
        let mut data = node.data_mut();
        let line = data.sourcepos.start.line;
        let (NodeValue::Link(link) | NodeValue::Image(link)) = &mut data.value else {
            continue;
        };
        let written = link.url.clone();
        if link.url.starts_with('/') && !link.url.starts_with("//") {
            // Links to "/x/" must work when the site lives under a subpath.
            link.url = format!("{}{}", links.base_path, &link.url[1..]);
        } else if links.leaf
            && !link.url.is_empty()
            && !link.url.starts_with(['#', '?', '/'])
            && !link.url.contains(':')
        {
            link.url = format!("../{}", link.url);
        }
        if !written.contains(':') && !written.starts_with("//") {
            found.push(BodyLink {
                line,
                written,
                href: link.url.clone(),
            });
        }
    }
    found
}

/// "612/2021" or "611/2021, 14 §" in text: the act number, and the section
/// right after it when there is one.
static STATUTE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:^|[^\d./])((\d{1,4})/((?:19|20)\d\d)(?:,?\s*\d+\s*§(?:\s*ja\s*\d+\s*§)?)?)",
    )
    .expect("the pattern is valid")
});

/// Whether a link or image URL may stay: relative, or http(s), mailto or
/// tel. `javascript:`, `vbscript:`, `data:` and every other scheme may not
/// (comrak already empties the worst; this is the allow list).
pub fn safe_url(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() {
        return false;
    }
    let end = url.find(['/', '?', '#']).unwrap_or(url.len());
    match url[..end].split_once(':') {
        None => true,
        Some((scheme, _)) => ["http", "https", "mailto", "tel"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(scheme)),
    }
}

/// Links and images whose URL is not [`safe_url`] become their text: the
/// words stay, the link or image goes.
pub fn drop_unsafe<'a>(root: Node<'a>) {
    let unsafe_nodes: Vec<_> = root
        .descendants()
        .filter(|n| match &n.data().value {
            NodeValue::Link(l) | NodeValue::Image(l) => !safe_url(&l.url),
            _ => false,
        })
        .collect();
    for node in unsafe_nodes {
        while let Some(child) = node.first_child() {
            node.insert_before(child);
        }
        node.detach();
    }
}

/// Turns statute references in text into links, e.g. to Finlex:
/// `statute_url` has `{number}` and `{year}` to fill. Text inside links and
/// code is left alone.
pub fn link_statutes<'a>(arena: &'a Arena<'a>, root: Node<'a>, statute_url: &str) {
    if statute_url.is_empty() {
        return;
    }
    let texts: Vec<_> = root
        .descendants()
        .filter(|n| matches!(n.data().value, NodeValue::Text(_)))
        .filter(|n| {
            !n.ancestors().any(|a| {
                matches!(
                    a.data().value,
                    NodeValue::Link(_)
                        | NodeValue::Image(_)
                        | NodeValue::Code(_)
                        | NodeValue::Heading(_)
                )
            })
        })
        .collect();
    for node in texts {
        let text = match &node.data().value {
            NodeValue::Text(t) => t.to_string(),
            _ => continue,
        };
        let mut last = 0;
        let mut pieces: Vec<Node<'a>> = Vec::new();
        for caps in STATUTE.captures_iter(&text) {
            let (Some(all), Some(number), Some(year)) = (caps.get(1), caps.get(2), caps.get(3))
            else {
                continue;
            };
            if all.start() > last {
                pieces.push(
                    arena.alloc(NodeValue::Text(text[last..all.start()].to_string().into()).into()),
                );
            }
            let url = statute_url
                .replace("{number}", number.as_str())
                .replace("{year}", year.as_str());
            let link = arena.alloc(
                NodeValue::Link(Box::new(comrak::nodes::NodeLink {
                    url,
                    title: String::new(),
                }))
                .into(),
            );
            link.append(arena.alloc(NodeValue::Text(all.as_str().to_string().into()).into()));
            pieces.push(link);
            last = all.end();
        }
        if pieces.is_empty() {
            continue;
        }
        if last < text.len() {
            pieces.push(arena.alloc(NodeValue::Text(text[last..].to_string().into()).into()));
        }
        for piece in pieces {
            node.insert_before(piece);
        }
        node.detach();
    }
}

#[cfg(test)]
mod tests {
    use super::super::{render, render_page};
    use super::*;

    #[test]
    fn raw_html_and_script_urls_do_not_pass() {
        let r = render(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n",
            None,
            "/",
            "",
        );
        assert!(!r.html().contains("<script"));
        assert!(!r.html().contains("javascript:"));
    }

    #[test]
    fn only_relative_web_mail_and_phone_urls_stay() {
        for ok in [
            "/2025/",
            "../x/",
            "#a",
            "https://e.org/",
            "HTTP://e.org",
            "mailto:a@b.fi",
            "tel:+358",
            "kuva.png",
            "a/b:c",
        ] {
            assert!(safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:x",
            "vbscript:x",
            "data:image/png;base64,AA",
            "file:///etc/passwd",
            "",
        ] {
            assert!(!safe_url(bad), "{bad}");
        }
        let r = render(
            "[sana](data:text/html,x) ja ![kuva](data:image/png;base64,AA) [hyvä](/laki/)",
            None,
            "/",
            "",
        );
        assert!(
            r.html()
                .contains("<p>sana ja kuva <a href=\"/laki/\">hyvä</a></p>"),
            "{}",
            r.html()
        );
    }

    #[test]
    fn site_absolute_links_get_the_base_path() {
        let r = render(
            "[v](/2025/) [e](https://e.org/) [a](#x)",
            None,
            "/hyte/",
            "",
        );
        assert!(r.html().contains("href=\"/hyte/2025/\""));
        assert!(r.html().contains("href=\"https://e.org/\""));
        assert!(r.html().contains("href=\"#x\""));
    }

    #[test]
    fn statute_references_link_to_the_act() {
        let url = "https://finlex.fi/fi/lainsaadanto/{year}/{number}";
        let r = render(
            "Laki 612/2021 7 § ja laki (611/2021, 14 §). Dnro 1236/00.04.00/2025. `612/2021`",
            None,
            "/",
            url,
        );
        assert!(
            r.html().contains(
                r#"<a href="https://finlex.fi/fi/lainsaadanto/2021/612">612/2021 7 §</a>"#
            ),
            "{}",
            r.html()
        );
        assert!(
            r.html().contains(
                r#"<a href="https://finlex.fi/fi/lainsaadanto/2021/611">611/2021, 14 §</a>"#
            ),
            "{}",
            r.html()
        );
        assert!(
            r.html().contains("1236/00.04.00/2025."),
            "a diary number is not a statute: {}",
            r.html()
        );
        assert!(r.html().contains("<code>612/2021</code>"));
    }

    #[test]
    fn relative_links_of_a_leaf_page_point_beside_its_file() {
        let links = Links {
            base_path: "/",
            statute_url: "",
            leaf: true,
        };
        let r = render_page(
            "![Kartta](kartta.png) [x](#a) [y](/2025/) [z](https://e.fi/)",
            None,
            &links,
        );
        assert!(r.html().contains("src=\"../kartta.png\""), "{}", r.html());
        assert!(r.html().contains("href=\"#a\""));
        assert!(r.html().contains("href=\"/2025/\""));
        assert!(r.html().contains("href=\"https://e.fi/\""));
    }
}
