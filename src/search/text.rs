//! The plain text of rendered HTML, and its cutting into sections at
//! headings: what the index reads of a page's main content, so that a
//! query finds the part of a page under one heading, not just the page.

use memchr::memmem;

/// A section of a rendered page: anchor, heading, plain text.
pub(super) struct Section {
    pub(super) anchor: String,
    pub(super) heading: String,
    pub(super) text: String,
}

/// Plain text of HTML: tags dropped, entities decoded, spaces collapsed.
pub(super) fn plain(html: &str) -> String {
    // Tags become a space; a `>` outside a tag is dropped too.
    let mut stripped = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut rest = html;
    while let Some(i) = memchr::memchr2(b'<', b'>', rest.as_bytes()) {
        if !in_tag {
            stripped.push_str(&rest[..i]);
        }
        if rest.as_bytes()[i] == b'<' {
            in_tag = true;
            stripped.push(' ');
        } else {
            in_tag = false;
        }
        rest = &rest[i + 1..];
    }
    if !in_tag {
        stripped.push_str(rest);
    }
    let decoded = html_escape::decode_html_entities(&stripped);
    collapse_spaces(&decoded)
}

/// The words of `text` (split at any Unicode white space, as
/// `split_whitespace` does) joined by single spaces.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Not white space nor the first byte of one (U+0085, U+00A0 start
        // with 0xC2, the others with 0xE1..=0xE3).
        if b > b' ' && !matches!(b, 0xC2 | 0xE1..=0xE3) {
            if word.is_none() {
                word = Some(i);
            }
            i += 1;
            continue;
        }
        let (space, len) = match b {
            // The ASCII white space of `char::is_whitespace`.
            b'\t'..=b'\r' | b' ' => (true, 1),
            b if b.is_ascii() => (false, 1),
            _ => {
                let c = text[i..].chars().next().expect("a char starts here");
                (c.is_whitespace(), c.len_utf8())
            }
        };
        match (space, word) {
            (true, Some(start)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&text[start..i]);
                word = None;
            }
            (false, None) => word = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..]);
    }
    out
}

/// The first `<h2 id="` or `<h3 id="` in `html`.
fn next_heading(html: &str) -> Option<usize> {
    memmem::find_iter(html.as_bytes(), b"<h").find(|&i| {
        let rest = &html.as_bytes()[i..];
        rest.starts_with(b"<h2 id=\"") || rest.starts_with(b"<h3 id=\"")
    })
}

/// Cuts rendered HTML at its `h2`/`h3` headings with ids; without
/// `bodies`, only the text before the first heading and the headings are
/// read.
pub(super) fn sections(html: &str, bodies: bool) -> Vec<Section> {
    let mut out = vec![Section {
        anchor: String::new(),
        heading: String::new(),
        text: String::new(),
    }];
    let mut rest = html;
    loop {
        let read = bodies || out.len() == 1;
        let Some(i) = next_heading(rest) else {
            if read {
                out.last_mut()
                    .expect("one section at least")
                    .text
                    .push_str(&plain(rest));
            }
            break;
        };
        if read {
            out.last_mut()
                .expect("one section at least")
                .text
                .push_str(&plain(&rest[..i]));
        }
        let after = &rest[i + 8..];
        let anchor = after.split('"').next().unwrap_or_default().to_string();
        let close = memmem::find(after.as_bytes(), b"</h").unwrap_or(after.len());
        let open_end = after[..close].find('>').map_or(close, |g| g + 1);
        let heading = plain(&after[open_end..close]);
        out.push(Section {
            anchor,
            heading,
            text: String::new(),
        });
        rest = &after[close..];
    }
    // The first section carries the page title, even when it has no text.
    let mut first = true;
    out.retain(|s| std::mem::take(&mut first) || !s.text.is_empty() || !s.heading.is_empty());
    out
}
