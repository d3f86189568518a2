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
//!
//! Each page is read on the thread that rendered it ([`Collector::add`]):
//! its sections become finished JSON documents and lists of word ids, and
//! the page itself is not kept. [`files`] then analyses each distinct word
//! once (compound parts need every word of the site), sums each
//! document's key weights in parallel and keeps each key's best postings.
//! A document's weights are summed word by word in text order, as
//! floating-point sums depend on their order; nothing written depends on
//! thread scheduling.

pub mod analyze;

use std::collections::{BTreeMap, BinaryHeap};
use std::sync::Mutex;

use memchr::memmem;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Serialize, Serializer};

use crate::model::{Kind, Site};
use analyze::Analyzer;

/// Documents per chunk file.
pub const CHUNK: usize = 32;
/// Text kept per document for snippets.
const TEXT_LIMIT: usize = 600;
/// Postings kept per key, the best by weight.
const MAX_POSTINGS: usize = 300;

/// The weight of a word by where it is: body text, heading, page title.
/// A word occurrence stores the index (see [`occurrence`]).
const WEIGHTS: [f32; 3] = [1.0, 3.0, 5.0];
const TEXT: u32 = 0;
const HEADING: u32 = 1;
const TITLE: u32 = 2;

/// A word occurrence in one `u32`: the word's id, its weight (an index
/// into [`WEIGHTS`]) and whether it ends with a hyphen ("sosiaali- ja").
fn occurrence(word: u32, weight: u32, open: bool) -> u32 {
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
fn sections(html: &str, bodies: bool) -> Vec<Section> {
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

/// What the index keeps of one rendered page: its documents, ready to
/// write, and the words of each, never the page itself.
#[derive(Debug)]
pub struct PageText {
    /// Site-relative URL (base path included), e.g. `/2025/`.
    url: String,
    /// The documents as JSON objects, one after another.
    docs: Vec<u8>,
    /// Where each document ends in `docs`.
    doc_ends: Vec<u32>,
    /// Every word occurrence of every document, in order (see
    /// [`occurrence`]).
    words: Vec<u32>,
    /// Where each document's occurrences end in `words`.
    word_ends: Vec<u32>,
}

impl PageText {
    fn docs(&self) -> impl Iterator<Item = (&[u8], &[u32])> {
        let mut doc_start = 0;
        let mut word_start = 0;
        self.doc_ends
            .iter()
            .zip(&self.word_ends)
            .map(move |(&doc_end, &word_end)| {
                let (d, w) = (doc_start, word_start);
                (doc_start, word_start) = (doc_end as usize, word_end as usize);
                (
                    &self.docs[d..doc_end as usize],
                    &self.words[w..word_end as usize],
                )
            })
    }
}

/// The rendered pages, as the index reads them, and the words they use.
#[derive(Debug, Default)]
pub struct Pages {
    /// Sorted by URL.
    pages: Vec<PageText>,
    /// Every distinct word, by id.
    words: Vec<Box<str>>,
}

/// Collects the main content of every rendered page (navigation, header
/// and footer are outside `<main>` and never indexed). Each page is read
/// where it is rendered, on the rendering threads; what is kept is its
/// documents and, per document, its word ids.
#[derive(Debug, Default)]
pub struct Collector {
    pages: Mutex<Vec<PageText>>,
    /// Word → id, shared by all pages. Ids depend on the order pages come
    /// in; nothing written depends on them.
    words: Mutex<FxHashMap<Box<str>, u32>>,
}

impl Collector {
    /// Takes a rendered file; reads it if it is a page worth finding.
    pub fn add(&self, site: &Site, rel: &str, bytes: &[u8]) {
        if !rel.ends_with(".html") || rel == "404.html" || rel.starts_with("haku/") {
            return;
        }
        // Every mark looked for is ASCII, so the bytes are searched as they
        // are and only `<main>` is read as text (with any invalid UTF-8
        // replaced, as for the whole page).
        if memmem::find(bytes, b"http-equiv=\"refresh\"").is_some() {
            return;
        }
        let Some(start) = memmem::find(bytes, b"<main") else {
            return;
        };
        let Some(open) = memchr::memchr(b'>', &bytes[start..]) else {
            return;
        };
        let inner = &bytes[start + open + 1..];
        let end = memmem::rfind(inner, b"</main>").unwrap_or(inner.len());
        let mut main = String::from_utf8_lossy(&inner[..end]);
        if let Some(a) = memmem::find(main.as_bytes(), b"<aside class=\"provenance\"")
            && let Some(b) = memmem::find(&main.as_bytes()[a..], b"</aside>")
        {
            main.to_mut().replace_range(a..a + b + 8, "");
        }
        let title = memmem::find(main.as_bytes(), b"<h1")
            .and_then(|i| {
                let rest = &main[i..];
                let gt = rest.find('>')?;
                let end = memmem::find(rest.as_bytes(), b"</h1>")?;
                Some(plain(&rest[gt + 1..end]))
            })
            .unwrap_or_default();
        let trimmed = rel.trim_end_matches("index.html");
        let url = format!("{}{trimmed}", site.config.base_path());
        let place = match site.page_at(&format!("/{trimmed}")) {
            Some(q) => match q.year {
                Some(y) if q.kind != Kind::Year => format!("{y} · {}", q.title),
                Some(y) => y.to_string(),
                None => String::new(),
            },
            None => String::new(),
        };

        // The page's words get ids of their own first, then one lock maps
        // them to the shared ids.
        let mut local: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut page = PageText {
            url,
            docs: Vec::new(),
            doc_ends: Vec::new(),
            words: Vec::new(),
            word_ends: Vec::new(),
        };
        let mut buf = String::new();
        let mut add_words = |text: &str, weight: u32, words: &mut Vec<u32>| {
            analyze::for_each_word(text, &mut buf, |w, open| {
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
        };
        // The views hyte makes from the model (municipalities, priority
        // areas, the schedule) repeat what the content pages say: they are
        // found by their titles and headings, and the finding itself on
        // the page where it was made.
        let bodies = site.page_at(&format!("/{trimmed}")).is_some();
        for s in sections(&main, bodies) {
            let anchored;
            let url = if s.anchor.is_empty() {
                page.url.as_str()
            } else {
                anchored = format!("{}#{}", page.url, s.anchor);
                &anchored
            };
            let headed;
            let doc_title = if s.heading.is_empty() {
                title.as_str()
            } else {
                headed = format!("{title} – {}", s.heading);
                &headed
            };
            if s.anchor.is_empty() {
                add_words(&title, TITLE, &mut page.words);
            }
            add_words(&s.heading, HEADING, &mut page.words);
            add_words(&s.text, TEXT, &mut page.words);
            page.word_ends.push(page.words.len() as u32);
            let text = match s.text.char_indices().nth(TEXT_LIMIT) {
                Some((i, _)) => &s.text[..i],
                None => &s.text,
            };
            let doc = Doc {
                url,
                title: doc_title,
                place: &place,
                text,
            };
            serde_json::to_writer(&mut page.docs, &doc).expect("plain data");
            page.doc_ends.push(page.docs.len() as u32);
        }
        page.docs.shrink_to_fit();
        page.words.shrink_to_fit();

        let mut ids = vec![0; local.len()];
        {
            let mut shared = self.words.lock().expect("no panics while held");
            for (w, id) in local {
                let n = shared.len() as u32;
                ids[id as usize] = *shared.entry(w).or_insert(n);
            }
        }
        for o in &mut page.words {
            *o = occurrence(ids[(*o >> 3) as usize], *o >> 1 & 3, *o & 1 != 0);
        }
        self.pages.lock().expect("no panics while held").push(page);
    }

    pub fn into_pages(self) -> Pages {
        let mut pages = self.pages.into_inner().expect("no panics while held");
        pages.sort_by(|a, b| a.url.cmp(&b.url));
        let shared = self.words.into_inner().expect("no panics while held");
        let mut words = vec![Box::<str>::default(); shared.len()];
        for (w, id) in shared {
            words[id as usize] = w;
        }
        Pages { pages, words }
    }
}

/// What the index knows of a word (or of a hyphen pair joined): its keys
/// with their weights, and the second half of it if it is a compound.
struct Analysed<'a> {
    keys: Vec<(String, f32)>,
    tail: Option<&'a str>,
}

/// The keys of a word, with those of its compound parts at a lower
/// weight. `stem` is the word's stem if it is already known.
fn analyse<'w>(
    word: &'w str,
    stem: Option<&str>,
    vocabulary: &FxHashSet<&str>,
    stems: &FxHashSet<&str>,
    analyzer: &Analyzer,
) -> Analysed<'w> {
    let split = compound(word, vocabulary, stems, analyzer);
    // The word's own keys at full weight, then the tail's and the head's.
    let mut keys = analyzer.keys_with(word, stem);
    if let Some((head, tail)) = split {
        for (part, factor) in [(tail, 0.7), (head, 0.5)] {
            keys.extend(
                analyzer
                    .keys(part)
                    .into_iter()
                    .map(|(key, kw)| (key, kw * factor)),
            );
        }
    }
    Analysed {
        keys,
        tail: split.map(|(_, t)| t),
    }
}

/// A posting as the key files rank them: higher weight first, then the
/// earlier document (a total order, as a document is once in a key's list).
#[derive(Debug, Clone, Copy)]
struct Ranked {
    doc: u32,
    w: f32,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.w.total_cmp(&self.w).then(self.doc.cmp(&other.doc))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Ranked {}

/// One key's postings so far: how many, and the best [`MAX_POSTINGS`] of
/// them (the worst on top).
#[derive(Debug, Default)]
struct Best {
    df: usize,
    heap: BinaryHeap<Ranked>,
}

impl Best {
    fn keep(&mut self, r: Ranked) {
        if self.heap.len() < MAX_POSTINGS {
            self.heap.push(r);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && r < *worst
        {
            *worst = r;
        }
    }

    fn merge(&mut self, mut other: Best) {
        if other.heap.len() > self.heap.len() {
            std::mem::swap(self, &mut other);
        }
        self.df += other.df;
        for r in other.heap {
            self.keep(r);
        }
    }
}

/// One thread's running sums: the current document's weight per key (0
/// for keys it does not have yet), and every key's best postings.
struct Sums {
    sum: Vec<f32>,
    touched: Vec<u32>,
    best: Vec<Best>,
}

impl Sums {
    fn new(n_keys: usize) -> Self {
        Sums {
            sum: vec![0.0; n_keys],
            touched: Vec::new(),
            best: std::iter::repeat_with(Best::default).take(n_keys).collect(),
        }
    }

    /// Weights are positive: a key whose sum is 0 is new to the document.
    fn add(&mut self, key: u32, w: f32) {
        let s = &mut self.sum[key as usize];
        if *s == 0.0 {
            self.touched.push(key);
        }
        *s += w;
    }

    fn end_doc(&mut self, doc: u32) {
        for key in self.touched.drain(..) {
            let w = std::mem::take(&mut self.sum[key as usize]);
            let best = &mut self.best[key as usize];
            best.df += 1;
            best.keep(Ranked { doc, w });
        }
    }
}

/// Serialises as a JSON object, in the order given.
struct Map<I>(I);

impl<K: Serialize, V: Serialize, I: Clone + IntoIterator<Item = (K, V)>> Serialize for Map<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.clone())
    }
}

/// Builds the index files from the rendered pages: (path relative to the
/// output, bytes).
pub fn files(pages: Pages) -> Vec<(String, Vec<u8>)> {
    let analyzer = Analyzer::default();
    let Pages { mut pages, words } = pages;

    // Compound parts: both halves must be words of the site.
    let stem_of: Vec<Option<String>> = words
        .par_iter()
        .map(|w| (w.chars().count() >= 2).then(|| analyzer.stem(w)))
        .collect();
    let long = |w: &str| w.chars().count() >= 4;
    let vocabulary: FxHashSet<&str> = words.iter().map(|w| &**w).filter(|w| long(w)).collect();
    let stems: FxHashSet<&str> = words
        .iter()
        .zip(&stem_of)
        .filter(|(w, _)| long(w))
        .filter_map(|(_, s)| s.as_deref())
        .collect();

    // Every distinct word analysed once.
    let entries: Vec<Analysed<'_>> = words
        .par_iter()
        .zip(&stem_of)
        .map(|(w, s)| analyse(w, s.as_deref(), &vocabulary, &stems, &analyzer))
        .collect();

    // "sosiaali- ja terveyspalvelut" is also "sosiaalipalvelut": a word
    // that ends with a hyphen joins the second half of the compound two
    // words later. Each such pair is analysed once too.
    let mut pairs: Vec<(u32, u32)> = pages
        .par_iter()
        .flat_map_iter(|page| {
            let entries = &entries;
            page.docs().flat_map(move |(_, seq)| {
                seq.iter().enumerate().filter_map(move |(i, &o)| {
                    let next = seq.get(i + 2)? >> 3;
                    (o & 1 != 0 && entries[next as usize].tail.is_some()).then_some((o >> 3, next))
                })
            })
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    let joined: Vec<String> = pairs
        .iter()
        .map(|&(w, next)| {
            let tail = entries[next as usize].tail.expect("pairs have a tail");
            format!("{}{tail}", words[w as usize])
        })
        .collect();
    let joined_entries: Vec<Analysed<'_>> = joined
        .par_iter()
        .map(|w| analyse(w, None, &vocabulary, &stems, &analyzer))
        .collect();
    let pair_entry: FxHashMap<(u32, u32), u32> = pairs
        .iter()
        .enumerate()
        .map(|(i, &p)| (p, (entries.len() + i) as u32))
        .collect();
    let all_entries = entries.iter().chain(&joined_entries);

    // Keys by name; a key's id is its place in that order.
    let mut key_names: Vec<&str> = all_entries
        .clone()
        .flat_map(|e| e.keys.iter().map(|(k, _)| k.as_str()))
        .collect();
    key_names.par_sort_unstable();
    key_names.dedup();
    let key_id: FxHashMap<&str, u32> = key_names
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    // Each entry's keys as (key id, weight), one list after another.
    let mut entry_keys: Vec<(u32, f32)> = Vec::new();
    let mut entry_start: Vec<u32> = vec![0];
    for e in all_entries {
        entry_keys.extend(e.keys.iter().map(|(k, w)| (key_id[k.as_str()], *w)));
        entry_start.push(entry_keys.len() as u32);
    }
    drop(key_id);
    let has_tail: Vec<bool> = entries.iter().map(|e| e.tail.is_some()).collect();
    let keys_of = |e: u32| {
        &entry_keys[entry_start[e as usize] as usize..entry_start[e as usize + 1] as usize]
    };

    // Each document's keys and weights, summed in the order the words
    // come, as floating point sums depend on it; each key keeps its best
    // postings as they come.
    let n_keys = key_names.len();
    let mut doc_base = Vec::with_capacity(pages.len());
    let mut n_docs = 0u32;
    for page in &pages {
        doc_base.push(n_docs);
        n_docs += page.doc_ends.len() as u32;
    }
    let best: Vec<Best> = pages
        .par_iter()
        .zip(&doc_base)
        .with_min_len(16)
        .fold(
            || Sums::new(n_keys),
            |mut sums, (page, &base)| {
                for (doc, (_, seq)) in (base..).zip(page.docs()) {
                    for (i, &o) in seq.iter().enumerate() {
                        let (word, weight) = (o >> 3, WEIGHTS[(o >> 1 & 3) as usize]);
                        for &(key, kw) in keys_of(word) {
                            sums.add(key, weight * kw);
                        }
                        if o & 1 != 0
                            && let Some(&next) = seq.get(i + 2)
                            && has_tail[(next >> 3) as usize]
                        {
                            for &(key, kw) in keys_of(pair_entry[&(word, next >> 3)]) {
                                sums.add(key, weight * kw * 0.8);
                            }
                        }
                    }
                    sums.end_doc(doc);
                }
                sums
            },
        )
        .map(|sums| sums.best)
        .reduce_with(|mut a, b| {
            for (a, b) in a.iter_mut().zip(b) {
                a.merge(b);
            }
            a
        })
        .unwrap_or_default();
    // The words are not needed any more.
    for page in &mut pages {
        page.words = Vec::new();
        page.word_ends = Vec::new();
    }

    // A key keeps its best postings only: a word on thousands of pages
    // would otherwise make its key file as large as the site. The client
    // still weighs the key by how many documents have it (df).
    let kept: Vec<(usize, Vec<[u32; 2]>)> = best
        .into_par_iter()
        .map(|best| {
            let mut list = best.heap.into_vec();
            list.sort_unstable_by_key(|r| r.doc);
            let list = list
                .iter()
                .map(|r| [r.doc, (r.w * 10.0).round().max(1.0) as u32])
                .collect();
            (best.df, list)
        })
        .collect();

    let mut shards: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (k, key) in key_names.iter().enumerate() {
        let shard = match key
            .chars()
            .next()
            .map(|c| analyze::fold_diacritics(&c.to_string()))
        {
            Some(first) if !first.chars().all(|c| c.is_ascii_alphanumeric()) => "_".into(),
            Some(first) => first,
            None => String::new(),
        };
        shards.entry(shard).or_default().push(k);
    }

    let page_of: Vec<u32> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| std::iter::repeat_n(p as u32, page.doc_ends.len()))
        .collect();
    let meta = Meta {
        shards: shards.keys().cloned().collect(),
        page_of,
        version: 1,
        docs: n_docs as usize,
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
    out.par_extend(shards.into_par_iter().map(|(shard, keys)| {
        let entries = keys.iter().map(|&k| (key_names[k], &kept[k]));
        (
            format!("haku/i/{shard}.json"),
            serde_json::to_vec(&Map(entries)).expect("plain data"),
        )
    }));
    let first_chunk = out.len();
    // Chunks of documents; each page is freed once its documents are in.
    let mut chunk: Vec<u8> = Vec::new();
    let mut in_chunk = 0;
    for page in pages {
        let mut start = 0;
        for &end in &page.doc_ends {
            chunk.push(if in_chunk == 0 { b'[' } else { b',' });
            chunk.extend_from_slice(&page.docs[start..end as usize]);
            start = end as usize;
            in_chunk += 1;
            if in_chunk == CHUNK {
                chunk.push(b']');
                chunk.shrink_to_fit();
                let next = Vec::with_capacity(chunk.len() + chunk.len() / 4);
                let n = out.len() - first_chunk;
                out.push((
                    format!("haku/d/{n}.json"),
                    std::mem::replace(&mut chunk, next),
                ));
                in_chunk = 0;
            }
        }
    }
    if in_chunk > 0 {
        chunk.push(b']');
        let n = out.len() - first_chunk;
        out.push((format!("haku/d/{n}.json"), chunk));
    }
    out
}

/// The split of a compound word into two words of the site, longest head
/// first: hyvinvointisuunnitelma → (hyvinvointi, suunnitelma).
fn compound<'w>(
    word: &'w str,
    vocabulary: &FxHashSet<&str>,
    stems: &FxHashSet<&str>,
    analyzer: &Analyzer,
) -> Option<(&'w str, &'w str)> {
    let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    let n = bounds.len();
    if n < 8 {
        return None;
    }
    for i in (4..=n - 4).rev() {
        let (head, tail) = word.split_at(bounds[i]);
        // One half must be a word of the site, the other long enough to be
        // a word itself: kuraattori|palvelut, valmius|toimikunta. The tail
        // is looked up (and stemmed) only when that decides.
        let tail_known =
            || vocabulary.contains(tail) || stems.contains(analyzer.stem(tail).as_str());
        let found = if vocabulary.contains(head) {
            n - i >= 5 || tail_known()
        } else {
            i >= 5 && tail_known()
        };
        if found {
            return Some((head, tail));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`plain`] as it was first written: the fast one must give the same.
    fn plain_reference(html: &str) -> String {
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

    #[test]
    fn plain_matches_the_reference() {
        for html in [
            "",
            " ",
            "<",
            ">",
            "a>b<c",
            "<p>Alku &amp; johdanto.</p>",
            "  x\t\n\u{b}\u{c}\r y\u{85}z\u{a0}å\u{2003}ö\u{3000} ",
            "<a href=\"x\">linkki</a>&nbsp;ja&#32;&#x2028;muuta &lt;b&gt; 1 > 0 <",
            "<p>Ääkköset <em>ja</em> 日本</p>\n\n<ul><li>yksi</li><li>kaksi</li></ul>",
        ] {
            assert_eq!(plain(html), plain_reference(html), "{html:?}");
        }
    }

    #[test]
    fn spaces_collapse_as_split_whitespace_does() {
        for c in ('\0'..='\u{3100}').chain(['\u{FEFF}', '\u{FFFD}', '\u{1F600}']) {
            let text = format!(" a{c}b {c} {c}{c}c");
            assert_eq!(plain(&text), plain_reference(&text), "{c:?}");
        }
    }

    #[test]
    fn html_is_cut_at_headings() {
        let html = "<p>Alku &amp; johdanto.</p><h2 id=\"a\">Arjen turvallisuus</h2><ul><li>Yksi</li></ul><h3 id=\"a-b\">Lapset</h3><p>Kaksi</p>";
        let headings: Vec<(String, String)> = sections(html, false)
            .into_iter()
            .map(|s| (s.heading, s.text))
            .collect();
        assert_eq!(
            headings,
            [
                (String::new(), "Alku & johdanto.".to_string()),
                ("Arjen turvallisuus".to_string(), String::new()),
                ("Lapset".to_string(), String::new())
            ]
        );
        let s = sections(html, true);
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
        let vocab: FxHashSet<&str> = ["hyvinvointi", "suunnitelma", "terveys", "palvelut"]
            .into_iter()
            .collect();
        let stem_list: Vec<String> = vocab.iter().map(|w| a.stem(w)).collect();
        let stems = stem_list.iter().map(String::as_str).collect();
        assert_eq!(
            compound("hyvinvointisuunnitelma", &vocab, &stems, &a),
            Some(("hyvinvointi", "suunnitelma"))
        );
        assert_eq!(
            compound("terveyspalveluja", &vocab, &stems, &a),
            Some(("terveys", "palveluja"))
        );
        assert_eq!(
            compound("kuraattoripalvelut", &vocab, &stems, &a),
            Some(("kuraattori", "palvelut"))
        );
        assert_eq!(compound("kuntayhteistyö", &vocab, &stems, &a), None);
    }
}
