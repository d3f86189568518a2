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
use crate::diagnostic::Error;

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

/// Where [`write`] hands each file: (path relative to the output, bytes).
pub type Emit<'a> = dyn FnMut(&str, &[u8]) -> Result<(), Error> + 'a;

/// [`write`] into a list of files, for tests.
pub fn files(pages: Pages, lang: &SearchLang<'_>) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let mut out = Vec::new();
    write(pages, lang, &mut |rel, bytes| {
        out.push((rel.to_string(), bytes.to_vec()));
        Ok(())
    })?;
    Ok(out)
}

/// Builds the index files of one language from its rendered pages, the
/// words analysed in `lang.code`, the files in `lang.dir`, and hands each
/// to `emit` as it is made: the document chunks, the bulk of the index,
/// one at a time.
pub fn write(pages: Pages, lang: &SearchLang<'_>, emit: &mut Emit<'_>) -> Result<(), Error> {
    let analyzer = Analyzer::new(lang.code);
    let dir = folder(lang.dir);
    let Pages {
        mut pages,
        words,
        spill,
    } = pages;

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
    for (rel, bytes) in out {
        emit(&rel, &bytes)?;
    }
    write_chunks(pages, spill, &dir, emit)
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

/// Hands the chunks of documents, `{dir}d/<n>.json`, to `emit` one by
/// one, each page's documents read back from the spill file where the
/// collector moved them.
fn write_chunks(
    pages: Vec<PageText>,
    mut spill: Option<std::fs::File>,
    dir: &str,
    emit: &mut Emit<'_>,
) -> Result<(), Error> {
    let mut chunk: Vec<u8> = Vec::new();
    let mut in_chunk = 0;
    let mut n = 0;
    let mut docs = Vec::new();
    for page in pages {
        let docs: &[u8] = match (page.spilled_at, &mut spill) {
            (Some(at), Some(file)) => {
                read_at(file, at, page.docs_len(), &mut docs)?;
                &docs
            }
            _ => &page.docs,
        };
        let mut start = 0;
        for &end in &page.doc_ends {
            chunk.push(if in_chunk == 0 { b'[' } else { b',' });
            chunk.extend_from_slice(&docs[start..end as usize]);
            start = end as usize;
            in_chunk += 1;
            if in_chunk == CHUNK {
                chunk.push(b']');
                emit(&format!("{dir}d/{n}.json"), &chunk)?;
                chunk.clear();
                in_chunk = 0;
                n += 1;
            }
        }
    }
    if in_chunk > 0 {
        chunk.push(b']');
        emit(&format!("{dir}d/{n}.json"), &chunk)?;
    }
    Ok(())
}

/// `len` bytes of `file` from `at` into `buf`.
fn read_at(file: &mut std::fs::File, at: u64, len: usize, buf: &mut Vec<u8>) -> Result<(), Error> {
    use std::io::{Read as _, Seek as _};
    buf.resize(len, 0);
    file.seek(std::io::SeekFrom::Start(at))
        .and_then(|_| file.read_exact(buf))
        .map_err(|e| Error::io(&std::env::temp_dir(), e))
}
