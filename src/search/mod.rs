//! The search index, built at build time from the main content of every
//! page (never navigation), split so that a query fetches little:
//!
//! - `haku/meta.json`: the fold rules, stopwords and limits the client
//!   must apply exactly as the index did, and how many documents there are;
//! - `haku/i/<letter>.json`: the keys whose first letter (ä/ö folded) is
//!   that letter, each with its postings `[document, weight]`; a query word
//!   needs one of these files;
//! - `haku/d/<n>.json`: documents in chunks of [`CHUNK`]: URL with anchor,
//!   title, where it is (year, group) and its text for the snippet; a query
//!   needs the chunks of its top results only.
//!
//! A document is a section of a page: the part under one heading, linked by
//! its anchor. Titles and headings weigh more than body text. Compound
//! words are also indexed by their parts where both parts are words of the
//! site, and "sosiaali- ja terveyspalvelut" also as "sosiaalipalvelut".

pub mod analyze;

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Kind, Site};
use analyze::{Analyzer, words};

/// Documents per chunk file.
pub const CHUNK: usize = 32;
/// Text kept per document for snippets.
const TEXT_LIMIT: usize = 600;
/// Postings kept per key, the best by weight.
const MAX_POSTINGS: usize = 300;

/// The words of a document: (word, ends a hyphen pair, weight).
type Weighted = Vec<(String, bool, f32)>;
/// One key file: key → (documents with the key, best postings).
type KeyFile<'a> = BTreeMap<&'a str, (usize, Vec<[u32; 2]>)>;
/// A word's keys (id, weight) and the second half if it is a compound.
type Analysed = (Vec<(u32, f32)>, Option<String>);

/// One searchable section.
#[derive(Debug, Serialize)]
struct Doc {
    url: String,
    title: String,
    /// Where the section is: year and page.
    #[serde(rename = "in")]
    place: String,
    text: String,
}

#[derive(Serialize)]
struct Meta {
    version: u32,
    docs: usize,
    chunk: usize,
    min_key: usize,
    reach: usize,
    rules: Vec<[&'static str; 3]>,
    stopwords: &'static [&'static str],
    /// The letters that have a key file.
    shards: Vec<String>,
    /// The page of each document, so the client shows a page once.
    page_of: Vec<u32>,
}

/// A section of a rendered page: anchor, heading, plain text.
struct Section {
    anchor: String,
    heading: String,
    text: String,
}

/// Plain text of HTML: tags dropped, entities decoded, spaces collapsed.
fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = html_escape::decode_html_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts rendered HTML at its `h2`/`h3` headings with ids.
fn sections(html: &str) -> Vec<Section> {
    let mut out = vec![Section {
        anchor: String::new(),
        heading: String::new(),
        text: String::new(),
    }];
    let mut rest = html;
    loop {
        // The next h2 or h3 with an id, in one scan.
        let next = rest
            .match_indices("<h")
            .map(|(i, _)| i)
            .find(|&i| rest[i..].starts_with("<h2 id=\"") || rest[i..].starts_with("<h3 id=\""));
        let Some(i) = next else {
            out.last_mut()
                .expect("one section at least")
                .text
                .push_str(&plain(rest));
            break;
        };
        out.last_mut()
            .expect("one section at least")
            .text
            .push_str(&plain(&rest[..i]));
        let after = &rest[i + 8..];
        let anchor = after.split('"').next().unwrap_or_default().to_string();
        let close = after.find("</h").unwrap_or(after.len());
        let open_end = after[..close].find('>').map_or(close, |g| g + 1);
        let heading = plain(&after[open_end..close]);
        out.push(Section {
            anchor,
            heading,
            text: String::new(),
        });
        rest = &after[close..];
    }
    out.retain(|s| !s.text.is_empty() || !s.heading.is_empty());
    out
}

/// The main content of one rendered page, as the index reads it.
#[derive(Debug)]
pub struct PageText {
    /// Site-relative URL (base path included), e.g. `/2025/`.
    pub url: String,
    pub title: String,
    /// The HTML inside `<main>`, without the page's provenance note.
    pub main: String,
}

/// Collects the main content of every rendered page (navigation, header
/// and footer are outside `<main>` and never indexed).
#[derive(Debug, Default)]
pub struct Collector(std::sync::Mutex<Vec<PageText>>);

impl Collector {
    /// Takes a rendered file; keeps it if it is a page worth finding.
    pub fn add(&self, base_path: &str, rel: &str, bytes: &[u8]) {
        if !rel.ends_with(".html") || rel == "404.html" || rel.starts_with("haku/") {
            return;
        }
        let html = String::from_utf8_lossy(bytes);
        if html.contains("http-equiv=\"refresh\"") {
            return;
        }
        let Some(start) = html.find("<main") else {
            return;
        };
        let Some(open) = html[start..].find('>') else {
            return;
        };
        let inner = &html[start + open + 1..];
        let mut main = inner[..inner.rfind("</main>").unwrap_or(inner.len())].to_string();
        if let Some(a) = main.find("<aside class=\"provenance\"")
            && let Some(b) = main[a..].find("</aside>")
        {
            main.replace_range(a..a + b + 8, "");
        }
        let title = main
            .find("<h1")
            .and_then(|i| {
                let rest = &main[i..];
                let gt = rest.find('>')?;
                let end = rest.find("</h1>")?;
                Some(plain(&rest[gt + 1..end]))
            })
            .unwrap_or_default();
        let url = format!("{base_path}{}", rel.trim_end_matches("index.html"));
        self.0
            .lock()
            .expect("no panics while held")
            .push(PageText { url, title, main });
    }

    pub fn into_pages(self) -> Vec<PageText> {
        let mut pages = self.0.into_inner().expect("no panics while held");
        pages.sort_by(|a, b| a.url.cmp(&b.url));
        pages
    }
}

/// Builds the index files from the rendered pages: (path relative to the
/// output, bytes).
pub fn files(site: &Site, pages: &[PageText]) -> Vec<(String, Vec<u8>)> {
    let c = &site.config;
    let analyzer = Analyzer::default();
    let mut docs: Vec<Doc> = Vec::new();
    // Per document: the weighted words (title words weigh more), and the
    // page it belongs to.
    let mut doc_words: Vec<Weighted> = Vec::new();
    let mut page_of: Vec<u32> = Vec::new();
    let base = c.base_path();

    let by_url: HashMap<&str, &crate::model::Page> =
        site.pages.iter().map(|q| (q.url.as_str(), q)).collect();
    // Pages are read in parallel; each gives its sections.
    let per_page: Vec<Vec<(Doc, Weighted)>> = pages
        .par_iter()
        .map(|page| {
            let rel = format!("/{}", page.url.strip_prefix(base).unwrap_or(&page.url));
            let place = match by_url.get(rel.as_str()) {
                Some(q) => match q.year {
                    Some(y) if q.kind != Kind::Year => format!("{y} · {}", q.title),
                    Some(y) => y.to_string(),
                    None => String::new(),
                },
                None => String::new(),
            };
            sections(&page.main)
                .into_iter()
                .map(|s| {
                    let url = if s.anchor.is_empty() {
                        page.url.clone()
                    } else {
                        format!("{}#{}", page.url, s.anchor)
                    };
                    let title = if s.heading.is_empty() {
                        page.title.clone()
                    } else {
                        format!("{} – {}", page.title, s.heading)
                    };
                    let mut weighted: Vec<(String, bool, f32)> = Vec::new();
                    if s.anchor.is_empty() {
                        weighted.extend(
                            words(&page.title)
                                .into_iter()
                                .map(|(w, open)| (w, open, 5.0)),
                        );
                    }
                    weighted.extend(
                        words(&s.heading)
                            .into_iter()
                            .map(|(w, open)| (w, open, 3.0)),
                    );
                    weighted.extend(words(&s.text).into_iter().map(|(w, open)| (w, open, 1.0)));
                    let text: String = s.text.chars().take(TEXT_LIMIT).collect();
                    (
                        Doc {
                            url,
                            title,
                            place: place.clone(),
                            text,
                        },
                        weighted,
                    )
                })
                .collect()
        })
        .collect();
    for (p, page_docs) in per_page.into_iter().enumerate() {
        for (doc, weighted) in page_docs {
            docs.push(doc);
            doc_words.push(weighted);
            page_of.push(p as u32);
        }
    }

    // Compound parts: both halves must be words of the site.
    let vocabulary: HashSet<String> = doc_words
        .iter()
        .flatten()
        .map(|(w, _, _)| w.clone())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let stems: HashSet<String> = vocabulary.iter().map(|w| analyzer.stem(w)).collect();

    // Postings: for each key id, (document, weight).
    let mut keys = WordKeys::new(&analyzer, &vocabulary, &stems);
    let mut postings: Vec<Vec<(u32, f32)>> = Vec::new();
    for (d, weighted) in doc_words.iter().enumerate() {
        let mut in_doc: HashMap<u32, f32> = HashMap::new();
        for (i, (w, open, weight)) in weighted.iter().enumerate() {
            for &(key, kw) in keys.of(w) {
                *in_doc.entry(key).or_default() += weight * kw;
            }
            // "sosiaali- ja terveyspalvelut": also "sosiaalipalvelut".
            if *open
                && let Some((next, _, _)) = weighted.get(i + 2)
                && let Some(tail) = keys.tail(next)
            {
                for &(key, kw) in keys.of(&format!("{w}{tail}")) {
                    *in_doc.entry(key).or_default() += weight * kw * 0.8;
                }
            }
        }
        for (key, w) in in_doc {
            let key = key as usize;
            if postings.len() <= key {
                postings.resize_with(key + 1, Vec::new);
            }
            postings[key].push((d as u32, w));
        }
    }
    let key_names = keys.names;

    // A key keeps its best postings only: a word on thousands of pages
    // would otherwise make its key file as large as the site. The client
    // still weighs the key by how many documents have it (df).
    let mut shards: BTreeMap<String, KeyFile<'_>> = BTreeMap::new();
    for (key, list) in postings.iter_mut().enumerate() {
        let key = key_names[key].as_str();
        let df = list.len();
        if list.len() > MAX_POSTINGS {
            list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            list.truncate(MAX_POSTINGS);
        }
        list.sort_by_key(|(d, _)| *d);
        let first = analyze::fold_diacritics(&key.chars().take(1).collect::<String>());
        let shard = if first.chars().all(|c| c.is_ascii_alphanumeric()) {
            first
        } else {
            "_".into()
        };
        let list: Vec<[u32; 2]> = list
            .iter()
            .map(|&(d, w)| [d, (w * 10.0).round().max(1.0) as u32])
            .collect();
        shards.entry(shard).or_default().insert(key, (df, list));
    }

    let meta = Meta {
        shards: shards.keys().cloned().collect(),
        page_of,
        version: 1,
        docs: docs.len(),
        chunk: CHUNK,
        min_key: analyze::MIN_KEY,
        reach: analyze::REACH,
        rules: analyze::FOLD_RULES
            .iter()
            .map(|(a, b, c)| [*a, *b, *c])
            .collect(),
        stopwords: analyze::STOPWORDS,
    };
    let mut out = vec![(
        "haku/meta.json".to_string(),
        serde_json::to_vec(&meta).expect("plain data"),
    )];
    for (shard, keys) in shards {
        out.push((
            format!("haku/i/{shard}.json"),
            serde_json::to_vec(&keys).expect("plain data"),
        ));
    }
    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        out.push((
            format!("haku/d/{n}.json"),
            serde_json::to_vec(chunk).expect("plain data"),
        ));
    }
    out
}

/// Every distinct word analysed once: its keys (as small ids) and those of
/// its compound parts at a lower weight.
struct WordKeys<'a> {
    analyzer: &'a Analyzer,
    vocabulary: &'a HashSet<String>,
    stems: &'a HashSet<String>,
    ids: HashMap<String, u32>,
    names: Vec<String>,
    words: HashMap<String, Analysed>,
}

impl<'a> WordKeys<'a> {
    fn new(
        analyzer: &'a Analyzer,
        vocabulary: &'a HashSet<String>,
        stems: &'a HashSet<String>,
    ) -> Self {
        WordKeys {
            analyzer,
            vocabulary,
            stems,
            ids: HashMap::new(),
            names: Vec::new(),
            words: HashMap::new(),
        }
    }

    fn id(&mut self, key: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(key.clone());
        self.ids.insert(key, id);
        id
    }

    fn analyse(&mut self, word: &str) {
        if self.words.contains_key(word) {
            return;
        }
        let mut out = Vec::new();
        let split = compound(word, self.vocabulary, self.stems, self.analyzer);
        let mut parts = vec![(word.to_string(), 1.0)];
        if let Some((head, tail)) = &split {
            parts.push((tail.clone(), 0.7));
            parts.push((head.clone(), 0.5));
        }
        for (part, factor) in parts {
            for (key, kw) in self.analyzer.keys(&part) {
                let id = self.id(key);
                out.push((id, kw * factor));
            }
        }
        self.words
            .insert(word.to_string(), (out, split.map(|(_, t)| t)));
    }

    fn of(&mut self, word: &str) -> &[(u32, f32)] {
        self.analyse(word);
        &self.words[word].0
    }

    /// The second half of a compound word, if it is one.
    fn tail(&mut self, word: &str) -> Option<String> {
        self.analyse(word);
        self.words[word].1.clone()
    }
}

/// The split of a compound word into two words of the site, longest head
/// first: hyvinvointisuunnitelma → (hyvinvointi, suunnitelma).
fn compound(
    word: &str,
    vocabulary: &HashSet<String>,
    stems: &HashSet<String>,
    analyzer: &Analyzer,
) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 8 {
        return None;
    }
    for i in (4..=chars.len() - 4).rev() {
        let head: String = chars[..i].iter().collect();
        let tail: String = chars[i..].iter().collect();
        // One half must be a word of the site, the other long enough to be
        // a word itself: kuraattori|palvelut, valmius|toimikunta.
        let tail_known = vocabulary.contains(&tail) || stems.contains(&analyzer.stem(&tail));
        let head_known = vocabulary.contains(&head);
        if (head_known && (tail_known || chars.len() - i >= 5)) || (tail_known && i >= 5) {
            return Some((head, tail));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_cut_at_headings() {
        let s = sections(
            "<p>Alku &amp; johdanto.</p><h2 id=\"a\">Arjen turvallisuus</h2><ul><li>Yksi</li></ul><h3 id=\"a-b\">Lapset</h3><p>Kaksi</p>",
        );
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].text, "Alku & johdanto.");
        assert_eq!(
            (
                s[1].anchor.as_str(),
                s[1].heading.as_str(),
                s[1].text.as_str()
            ),
            ("a", "Arjen turvallisuus", "Yksi")
        );
        assert_eq!(
            (s[2].anchor.as_str(), s[2].heading.as_str()),
            ("a-b", "Lapset")
        );
    }

    #[test]
    fn compounds_split_into_words_of_the_site() {
        let a = Analyzer::default();
        let vocab: HashSet<String> = ["hyvinvointi", "suunnitelma", "terveys", "palvelut"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let stems = vocab.iter().map(|w| a.stem(w)).collect();
        assert_eq!(
            compound("hyvinvointisuunnitelma", &vocab, &stems, &a),
            Some(("hyvinvointi".into(), "suunnitelma".into()))
        );
        assert_eq!(
            compound("terveyspalveluja", &vocab, &stems, &a),
            Some(("terveys".into(), "palveluja".into()))
        );
        assert_eq!(
            compound("kuraattoripalvelut", &vocab, &stems, &a),
            Some(("kuraattori".into(), "palvelut".into()))
        );
        assert_eq!(compound("kuntayhteistyö", &vocab, &stems, &a), None);
    }
}
