//! Reading built HTML in tests: a tag's attributes, the elements marked
//! with a language.

use std::collections::BTreeMap;

use regex::Regex;

use super::decode_entities;

/// The attributes of one tag (`<link rel="alternate" …>`), names
/// lowercased, values with character references decoded.
pub fn attributes(tag: &str) -> BTreeMap<String, String> {
    let attr = Regex::new(r#"([A-Za-z][\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).unwrap();
    attr.captures_iter(tag)
        .map(|c| {
            let value = c.get(2).or_else(|| c.get(3)).unwrap().as_str();
            (c[1].to_ascii_lowercase(), decode_entities(value))
        })
        .collect()
}

/// The span (start, end) of each element in `html` whose start tag has
/// `lang="<lang>"`, up to its matching end tag.
pub fn elements_with_lang(html: &str, lang: &str) -> Vec<(usize, usize)> {
    let start = Regex::new(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>").unwrap();
    let mut spans = Vec::new();
    for m in start.captures_iter(html) {
        let whole = m.get(0).unwrap();
        if attributes(whole.as_str()).get("lang").map(String::as_str) != Some(lang) {
            continue;
        }
        let name = &m[1];
        let tags = Regex::new(&format!(r"(?i)<(/?){name}\b[^>]*>")).unwrap();
        let mut depth = 0usize;
        let mut end = html.len();
        for t in tags.captures_iter(&html[whole.start()..]) {
            let at = whole.start() + t.get(0).unwrap().end();
            if t[1].is_empty() {
                depth += 1;
            } else {
                depth -= 1;
                if depth == 0 {
                    end = at;
                    break;
                }
            }
        }
        spans.push((whole.start(), end));
    }
    spans
}
