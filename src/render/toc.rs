//! "Tällä sivulla": a contents list for a long page, made from the
//! headings the page ends up with.
//!
//! A page's sections come from its template (schedule, goals, decisions),
//! its body and the views, so the list is made from the rendered page:
//! a template marks where it goes with [`MARK`], and every `<h2 id="…">`
//! after the mark becomes an entry. Pages with fewer than [`MIN_SECTIONS`]
//! sections get none, and the mark is removed. Heading text is already
//! escaped HTML; tags inside a heading (a link, hidden words) are dropped
//! from the entry.

/// Where a template wants the contents list.
pub const MARK: &str = "<!--hyte:toc-->";

/// Fewest sections for a list to help.
pub const MIN_SECTIONS: usize = 4;

/// `html` with the mark replaced by the contents list, or removed.
/// `heading` is the list's heading ("Tällä sivulla") and `here` the
/// hidden words after each entry ("tällä sivulla"), from the language file.
pub fn fill(html: String, heading: &str, here: &str) -> String {
    let Some(at) = html.find(MARK) else {
        return html;
    };
    let entries = headings(&html[at + MARK.len()..]);
    let list = if entries.len() < MIN_SECTIONS {
        String::new()
    } else {
        let heading = html_escape::encode_text(heading);
        let here = html_escape::encode_text(here);
        let mut nav = format!(
            "<nav class=\"toc\" aria-labelledby=\"talla-sivulla\">\n<h2 id=\"talla-sivulla\">{heading}</h2>\n<ul>\n",
        );
        for (id, text) in entries {
            // The hidden words tell this link from one to a page of the
            // same name ("Aikataulu" here and in the menu).
            nav.push_str(&format!(
                "  <li><a href=\"#{id}\">{text}<span class=\"visually-hidden\"> ({here})</span></a></li>\n"
            ));
        }
        nav.push_str("</ul>\n</nav>");
        nav
    };
    let mut out = String::with_capacity(html.len() + list.len());
    out.push_str(&html[..at]);
    out.push_str(&list);
    out.push_str(&html[at + MARK.len()..]);
    out
}

/// Each `<h2 id="…">` of `html` before `</main>`: (id, text).
fn headings(html: &str) -> Vec<(String, String)> {
    let html = html.find("</main>").map_or(html, |end| &html[..end]);
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<h2 id=\"") {
        rest = &rest[i + 8..];
        let Some(q) = rest.find('"') else { break };
        let id = rest[..q].to_string();
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</h2>") else {
            break;
        };
        if close < open_end {
            break;
        }
        let text = without_tags(&rest[open_end + 1..close]);
        if !text.is_empty() {
            out.push((id, text));
        }
        rest = &rest[close..];
    }
    out
}

/// Text of an HTML fragment, visually hidden words included.
fn without_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(sections: usize) -> String {
        let mut html = String::from("<main><h1>T</h1><!--hyte:toc-->");
        for i in 0..sections {
            html.push_str(&format!(
                "<h2 id=\"s{i}\"><a href=\"/x/\">Osa</a> {i} &amp; muu</h2><p>…</p>"
            ));
        }
        html.push_str("</main><footer><h2 id=\"f\">Ei</h2></footer>");
        html
    }

    #[test]
    fn a_long_page_lists_its_sections_after_the_mark() {
        let out = fill(page(4), "Tällä sivulla", "tällä sivulla");
        assert!(out.contains("<h2 id=\"talla-sivulla\">Tällä sivulla</h2>"));
        assert!(out.contains("<li><a href=\"#s0\">Osa 0 &amp; muu<span class=\"visually-hidden\"> (tällä sivulla)</span></a></li>"));
        assert!(out.contains("<li><a href=\"#s3\">Osa 3 &amp; muu<span"));
        assert!(!out.contains("href=\"#f\""), "the footer is not the page");
        assert!(!out.contains(MARK));
    }

    #[test]
    fn a_short_page_gets_no_list_and_no_mark() {
        let out = fill(page(3), "Tällä sivulla", "tällä sivulla");
        assert!(!out.contains("Tällä sivulla"));
        assert!(!out.contains(MARK));
        assert_eq!(fill("<p>no mark</p>".into(), "", ""), "<p>no mark</p>");
    }
}
