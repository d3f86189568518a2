//! The first use of each glossary term on a page links to its entry on
//! the glossary page; an abbreviation is marked with `<abbr>` and what it
//! stands for.
//!
//! This works on the body's rendered HTML, which comrak wrote and which
//! holds no author HTML (raw HTML is turned to text before): tags are
//! well formed and text is escaped. Text inside links, headings, code and
//! abbreviations is left alone.

use std::borrow::Cow;

use crate::config::GlossaryTerm;

/// Elements whose text never gets a term link.
const SKIP: [&str; 11] = [
    "a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
];

/// Links the first use of each term across the bodies of one page.
#[derive(Clone)]
pub struct Linker<'a> {
    terms: &'a [GlossaryTerm],
    /// The glossary page's href.
    page: String,
    seen: Vec<bool>,
}

impl<'a> Linker<'a> {
    pub fn new(terms: &'a [GlossaryTerm], page: String) -> Self {
        Linker {
            terms,
            page,
            seen: vec![false; terms.len()],
        }
    }

    /// `html` with the first use of each term not yet seen on the page
    /// linked.
    pub fn link<'h>(&mut self, html: &'h str) -> Cow<'h, str> {
        if self.seen.iter().all(|&s| s) {
            return Cow::Borrowed(html);
        }
        let mut out = String::with_capacity(html.len() + 64);
        let mut skip = 0usize;
        let mut rest = html;
        while !rest.is_empty() {
            match rest.find('<') {
                Some(0) => {
                    let end = tag_end(rest);
                    let tag = &rest[..end];
                    skip = track(tag, skip);
                    out.push_str(tag);
                    rest = &rest[end..];
                }
                Some(i) => {
                    self.text(&rest[..i], skip > 0, &mut out);
                    rest = &rest[i..];
                }
                None => {
                    self.text(rest, skip > 0, &mut out);
                    rest = "";
                }
            }
        }
        Cow::Owned(out)
    }

    fn text(&mut self, text: &str, skip: bool, out: &mut String) {
        let mut rest = text;
        if skip {
            out.push_str(rest);
            return;
        }
        // Each match marks a term seen, so the loop ends.
        while let Some((at, len, i)) = self.first_use(rest) {
            self.seen[i] = true;
            let t = &self.terms[i];
            out.push_str(&rest[..at]);
            let word = &rest[at..at + len];
            out.push_str(&format!(
                "<a class=\"term\" href=\"{}#{}\">",
                self.page, t.slug
            ));
            match &t.expansion {
                Some(e) => out.push_str(&format!(
                    "<abbr title=\"{}\">{word}</abbr>",
                    minijinja::HtmlEscape(e)
                )),
                None => out.push_str(word),
            }
            out.push_str("</a>");
            rest = &rest[at + len..];
        }
        out.push_str(rest);
    }

    /// The earliest use in `text` of a term not yet seen: (offset, length,
    /// term index).
    fn first_use(&self, text: &str) -> Option<(usize, usize, usize)> {
        let mut best: Option<(usize, usize, usize)> = None;
        for (i, t) in self
            .terms
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.seen[*i])
        {
            for form in &t.forms {
                for f in [Cow::Borrowed(form.as_str()), capitalised(form)] {
                    if let Some(at) = find_word(text, &f)
                        && best.is_none_or(|(b, blen, _)| at < b || (at == b && f.len() > blen))
                    {
                        best = Some((at, f.len(), i));
                    }
                }
            }
        }
        best
    }
}

/// The end of the tag or comment at the start of `s`.
fn tag_end(s: &str) -> usize {
    if s.starts_with("<!--") {
        return s.find("-->").map_or(s.len(), |i| i + 3);
    }
    s.find('>').map_or(s.len(), |i| i + 1)
}

/// The skip depth after `tag`.
fn track(tag: &str, skip: usize) -> usize {
    let inner = tag.trim_start_matches('<');
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(i) => (true, i),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if !SKIP.contains(&name.as_str()) || tag.ends_with("/>") {
        return skip;
    }
    if closing {
        skip.saturating_sub(1)
    } else {
        skip + 1
    }
}

/// The first place `word` stands as a word of its own in `text`: not
/// inside a longer word (a hyphen or a colon may follow: "HYTE-neuvottelut",
/// "THL:n").
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let inside = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if !inside(before) && !inside(after) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// `word` with its first letter in upper case, as at the start of a
/// sentence.
fn capitalised(word: &str) -> Cow<'_, str> {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => Cow::Owned(c.to_uppercase().chain(chars).collect()),
        _ => Cow::Borrowed(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(term: &str, aliases: &[&str], expansion: Option<&str>) -> GlossaryTerm {
        let mut forms = vec![term.to_string()];
        forms.extend(aliases.iter().map(|a| a.to_string()));
        GlossaryTerm {
            term: term.into(),
            slug: crate::slug::slugify(term),
            explanation: "e".into(),
            expansion: expansion.map(Into::into),
            forms,
        }
    }

    #[test]
    fn only_the_first_use_on_a_page_links() {
        let terms = [
            term(
                "HYTE",
                &[],
                Some("hyvinvoinnin \"ja\" terveyden edistäminen"),
            ),
            term("nostot", &["nostoja"], None),
        ];
        let mut l = Linker::new(&terms, "/sanasto/".into());
        let a = l.link("<h1>HYTE</h1><p>Nostoja ja HYTE-neuvottelut, HYTE.</p>");
        assert_eq!(
            a,
            "<h1>HYTE</h1><p><a class=\"term\" href=\"/sanasto/#nostot\">Nostoja</a> ja <a class=\"term\" href=\"/sanasto/#hyte\"><abbr title=\"hyvinvoinnin &quot;ja&quot; terveyden edistäminen\">HYTE</abbr></a>-neuvottelut, HYTE.</p>"
        );
        // The same page's next part: both seen already.
        assert_eq!(l.link("<p>nostot HYTE</p>"), "<p>nostot HYTE</p>");
    }

    #[test]
    fn words_inside_links_code_and_longer_words_are_left_alone() {
        let terms = [term("THL", &["THL:n"], None)];
        let mut l = Linker::new(&terms, "/s/".into());
        let html = "<p><a href=\"/x/\">THL</a> <code>THL</code> THLX <!-- THL --> THL:n</p>";
        assert_eq!(
            l.link(html),
            "<p><a href=\"/x/\">THL</a> <code>THL</code> THLX <!-- THL --> <a class=\"term\" href=\"/s/#thl\">THL:n</a></p>"
        );
    }
}
