//! The index files, from the collected pages: the words analysed, the
//! documents scored, and the meta file, the key files by first letter and
//! the document chunks written (the module documentation of `search` says
//! what each file holds).

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Serialize, Serializer};

use super::analyze::{self, Analyzer};
use super::collect::Pages;
use super::compound::{self, Analysed, Lexicon};
use super::keys::Keys;
use super::lang::SearchLang;
use super::page::PageText;
use super::rank;

/// Documents per chunk file.
pub const CHUNK: usize = 32;

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

/// Serialises as a JSON object, in the order given.
struct Map<I>(I);

impl<K: Serialize, V: Serialize, I: Clone + IntoIterator<Item = (K, V)>> Serialize for Map<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.clone())
    }
}

/// Builds the index files of one language from its rendered pages, the
/// words analysed in `lang.code`, the files in `lang.dir`: (path relative
/// to the output, bytes).
pub fn files(pages: Pages, lang: &SearchLang<'_>) -> Vec<(String, Vec<u8>)> {
    let analyzer = Analyzer::new(lang.code);
    let dir = folder(lang.dir);
    let Pages { mut pages, words } = pages;

    // Every distinct word analysed once, then each hyphen pair once.
    let stem_of = compound::stems_of(&words, &analyzer);
    let lexicon = Lexicon::new(&words, &stem_of, &analyzer);
    let entries: Vec<Analysed<'_>> = words
        .par_iter()
        .zip(&stem_of)
        .map(|(w, s)| lexicon.analyse(w, s.as_deref()))
        .collect();
    let pairs = compound::hyphen_pairs(&pages, &entries);
    let joined = compound::joined(&pairs, &entries, &words);
    let joined_entries: Vec<Analysed<'_>> = joined
        .par_iter()
        .map(|w| lexicon.analyse(w, None))
        .collect();
    let keys = Keys::new(&entries, &joined_entries, &pairs);

    // Each document's keys and weights, and each key's best postings.
    let (doc_base, n_docs) = rank::first_docs(&pages);
    let best = rank::best(&pages, &doc_base, &keys);
    // The words are not needed any more.
    for page in &mut pages {
        page.words = Vec::new();
        page.word_ends = Vec::new();
    }
    let kept = rank::kept(best);

    let shards = shards(&keys.names);
    let mut out = vec![meta(&pages, &shards, n_docs, &analyzer, &dir)];
    out.par_extend(shards.into_par_iter().map(|(shard, ids)| {
        let entries = ids.iter().map(|&k| (keys.names[k], &kept[k]));
        (
            format!("{dir}i/{shard}.json"),
            serde_json::to_vec(&Map(entries)).expect("plain data"),
        )
    }));
    push_chunks(pages, &dir, &mut out);
    out
}

/// `dir` as a folder prefix: no leading `/`, one trailing `/` (nothing
/// for the root).
fn folder(dir: &str) -> String {
    let dir = dir.trim_matches('/');
    if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    }
}

/// The keys (by id) of each key file, by the file's name: the key's first
/// letter (ä, å, ö folded as in every language), `_` for any other first
/// character.
fn shards(key_names: &[&str]) -> BTreeMap<String, Vec<usize>> {
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
    shards
}

/// `{dir}meta.json`, with the fold rules and stopwords of the analyser's
/// language.
fn meta(
    pages: &[PageText],
    shards: &BTreeMap<String, Vec<usize>>,
    n_docs: u32,
    analyzer: &Analyzer,
    dir: &str,
) -> (String, Vec<u8>) {
    let language = analyzer.language();
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
        rules: language
            .rules
            .iter()
            .map(|(a, b, c)| [*a, *b, *c])
            .collect(),
        stopwords: language.stopwords,
    };
    (
        format!("{dir}meta.json"),
        serde_json::to_vec(&meta).expect("plain data"),
    )
}

/// Appends the chunks of documents, `{dir}d/<n>.json`, to `out`; each
/// page is freed once its documents are in.
fn push_chunks(pages: Vec<PageText>, dir: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let first_chunk = out.len();
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
                    format!("{dir}d/{n}.json"),
                    std::mem::replace(&mut chunk, next),
                ));
                in_chunk = 0;
            }
        }
    }
    if in_chunk > 0 {
        chunk.push(b']');
        let n = out.len() - first_chunk;
        out.push((format!("{dir}d/{n}.json"), chunk));
    }
}
