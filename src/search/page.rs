//! What the index keeps of one rendered page ([`PageText`]): its sections
//! as finished JSON documents, and the words of each as ids with their
//! weights, read on the thread that rendered the page so that the page
//! itself need not be kept.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::analyze;
use super::text::{Section, plain, sections};
use crate::model::{Kind, Site};

/// Text kept per document for snippets.
const TEXT_LIMIT: usize = 600;

/// The weight of a word by where it is: body text, heading, page title.
/// A word occurrence stores the index (see [`occurrence`]).
pub(super) const WEIGHTS: [f32; 3] = [1.0, 3.0, 5.0];
const TEXT: u32 = 0;
const HEADING: u32 = 1;
const TITLE: u32 = 2;

/// A word occurrence in one `u32`: the word's id, its weight (an index
/// into [`WEIGHTS`]) and whether it ends with a hyphen ("sosiaali- ja").
pub(super) fn occurrence(word: u32, weight: u32, open: bool) -> u32 {
    debug_assert!(word < 1 << 29, "word ids fit in 29 bits");
    word << 3 | weight << 1 | u32::from(open)
}

/// One searchable section, as its chunk file has it.
#[derive(Debug, Serialize)]
struct Doc<'a> {
    url: &'a str,
    title: &'a str,
    /// Where the section is: year and page.
    #[serde(rename = "in")]
    place: &'a str,
    text: &'a str,
}

/// What the index keeps of one rendered page: its documents, ready to
/// write, and the words of each, never the page itself.
#[derive(Debug)]
pub struct PageText {
    /// Site-relative URL (base path included), e.g. `/2025/`.
    pub(super) url: String,
    /// The documents as JSON objects, one after another; empty once they
    /// are in the collector's spill file (see [`PageText::spilled_at`]).
    pub(super) docs: Vec<u8>,
    /// Where the documents are in the spill file, if they were moved there.
    pub(super) spilled_at: Option<u64>,
    /// Where each document ends in `docs`.
    pub(super) doc_ends: Vec<u32>,
    /// Every word occurrence of every document, in order (see
    /// [`occurrence`]).
    pub(super) words: Vec<u32>,
    /// Where each document's occurrences end in `words`.
    pub(super) word_ends: Vec<u32>,
}

/// The words of one page, by ids of the page's own, in the order they
/// first come.
#[derive(Default)]
struct LocalWords {
    ids: FxHashMap<Box<str>, u32>,
    buf: String,
}

impl LocalWords {
    /// Appends the occurrences of the words of `text` to `words`.
    fn add(&mut self, text: &str, weight: u32, words: &mut Vec<u32>) {
        let local = &mut self.ids;
        analyze::for_each_word(text, &mut self.buf, |w, open| {
            let id = match local.get(w) {
                Some(&id) => id,
                None => {
                    let id = local.len() as u32;
                    local.insert(w.into(), id);
                    id
                }
            };
            words.push(occurrence(id, weight, open));
        });
    }
}

impl PageText {
    /// Reads the main content of the page at `trimmed` (its output path
    /// without `index.html`). The words get ids of the page's own: the
    /// map returned gives them, word → id.
    pub(super) fn read(
        site: &Site,
        trimmed: &str,
        main: &str,
    ) -> (PageText, FxHashMap<Box<str>, u32>) {
        let title = title(main);
        let url = format!("{}{trimmed}", site.config.base_path());
        let place = place(site, trimmed);
        let mut local = LocalWords::default();
        let mut page = PageText {
            url,
            docs: Vec::new(),
            spilled_at: None,
            doc_ends: Vec::new(),
            words: Vec::new(),
            word_ends: Vec::new(),
        };
        // The views hyte makes from the model (municipalities, priority
        // areas, the schedule) repeat what the content pages say: they are
        // found by their titles and headings, and the finding itself on
        // the page where it was made.
        let bodies = site.page_at(&format!("/{trimmed}")).is_some();
        for s in sections(main, bodies) {
            page.push_doc(&s, &title, &place, &mut local);
        }
        page.docs.shrink_to_fit();
        page.words.shrink_to_fit();
        (page, local.ids)
    }

    /// Adds one section as a document: its words, then its JSON.
    fn push_doc(&mut self, s: &Section, title: &str, place: &str, local: &mut LocalWords) {
        let anchored;
        let url = if s.anchor.is_empty() {
            self.url.as_str()
        } else {
            anchored = format!("{}#{}", self.url, s.anchor);
            &anchored
        };
        let headed;
        let doc_title = if s.heading.is_empty() {
            title
        } else {
            headed = format!("{title} – {}", s.heading);
            &headed
        };
        if s.anchor.is_empty() {
            local.add(title, TITLE, &mut self.words);
        }
        local.add(&s.heading, HEADING, &mut self.words);
        local.add(&s.text, TEXT, &mut self.words);
        self.word_ends.push(self.words.len() as u32);
        let text = match s.text.char_indices().nth(TEXT_LIMIT) {
            Some((i, _)) => &s.text[..i],
            None => &s.text,
        };
        let doc = Doc {
            url,
            title: doc_title,
            place,
            text,
        };
        serde_json::to_writer(&mut self.docs, &doc).expect("plain data");
        self.doc_ends.push(self.docs.len() as u32);
    }

    /// Each document's word occurrences.
    pub(super) fn doc_words(&self) -> impl Iterator<Item = &[u32]> {
        let mut start = 0;
        self.word_ends.iter().map(move |&end| {
            let w = start;
            start = end as usize;
            &self.words[w..end as usize]
        })
    }

    /// The length of the documents' JSON, one after another.
    pub(super) fn docs_len(&self) -> usize {
        self.doc_ends.last().map_or(0, |&e| e as usize)
    }
}

/// The plain text of the page's `h1`, or nothing.
fn title(main: &str) -> String {
    memchr::memmem::find(main.as_bytes(), b"<h1")
        .and_then(|i| {
            let rest = &main[i..];
            let gt = rest.find('>')?;
            let end = memchr::memmem::find(rest.as_bytes(), b"</h1>")?;
            Some(plain(&rest[gt + 1..end]))
        })
        .unwrap_or_default()
}

/// Where the page is, for the results: its year, and its title below the
/// year page.
fn place(site: &Site, trimmed: &str) -> String {
    match site.page_at(&format!("/{trimmed}")) {
        Some(q) => match q.year {
            Some(y) if q.kind != Kind::Year => format!("{y} · {}", q.title),
            Some(y) => y.to_string(),
            None => String::new(),
        },
        None => String::new(),
    }
}
