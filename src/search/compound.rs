//! The words of the site analysed into keys, compounds included: a
//! compound is also found by its parts where both are words of the site,
//! and "sosiaali- ja terveyspalvelut" also as "sosiaalipalvelut". Splitting
//! needs every word of the site, so this is done once the pages are all
//! in, each distinct word (and each hyphen pair) once.

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::analyze::Analyzer;
use super::page::PageText;

/// What the index knows of a word (or of a hyphen pair joined): its keys
/// with their weights, and the second half of it if it is a compound.
pub(super) struct Analysed<'a> {
    pub(super) keys: Vec<(String, f32)>,
    pub(super) tail: Option<&'a str>,
}

/// The stem of each word of the site (by word id), for the words of two
/// letters or more.
pub(super) fn stems_of(words: &[Box<str>], analyzer: &Analyzer) -> Vec<Option<String>> {
    words
        .par_iter()
        .map(|w| (w.chars().count() >= 2).then(|| analyzer.stem(w)))
        .collect()
}

/// The words of the site a compound's halves are looked up in: those of
/// four letters or more, and their stems.
pub(super) struct Lexicon<'w> {
    vocabulary: FxHashSet<&'w str>,
    stems: FxHashSet<&'w str>,
    analyzer: &'w Analyzer,
}

impl<'w> Lexicon<'w> {
    /// `stem_of` is [`stems_of`] of `words`.
    pub(super) fn new(
        words: &'w [Box<str>],
        stem_of: &'w [Option<String>],
        analyzer: &'w Analyzer,
    ) -> Self {
        // Compound parts: both halves must be words of the site.
        let long = |w: &str| w.chars().count() >= 4;
        let vocabulary: FxHashSet<&str> = words.iter().map(|w| &**w).filter(|w| long(w)).collect();
        let stems: FxHashSet<&str> = words
            .iter()
            .zip(stem_of)
            .filter(|(w, _)| long(w))
            .filter_map(|(_, s)| s.as_deref())
            .collect();
        Lexicon {
            vocabulary,
            stems,
            analyzer,
        }
    }

    /// The keys of a word, with those of its compound parts at a lower
    /// weight. `stem` is the word's stem if it is already known.
    pub(super) fn analyse<'a>(&self, word: &'a str, stem: Option<&str>) -> Analysed<'a> {
        let analyzer = self.analyzer;
        let split = compound(word, &self.vocabulary, &self.stems, analyzer);
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
}

/// The split of a compound word into two words of the site, longest head
/// first: hyvinvointisuunnitelma → (hyvinvointi, suunnitelma).
pub(super) fn compound<'w>(
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
        // In Swedish a head with the word's own stem is the word less an
        // ending (ungdom|arnas, trygg|heten), not a compound.
        let ending =
            || analyzer.language().whole_heads_only && analyzer.stem(head) == analyzer.stem(word);
        if found && !ending() {
            return Some((head, tail));
        }
    }
    None
}

/// "sosiaali- ja terveyspalvelut" is also "sosiaalipalvelut": a word that
/// ends with a hyphen joins the second half of the compound two words
/// later. These are the pairs of the site, (word, compound) by word ids,
/// sorted, each once; `entries` are the words analysed, by word id.
pub(super) fn hyphen_pairs(pages: &[PageText], entries: &[Analysed<'_>]) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = pages
        .par_iter()
        .flat_map_iter(|page| {
            page.doc_words().flat_map(move |seq| {
                seq.iter().enumerate().filter_map(move |(i, &o)| {
                    let next = seq.get(i + 2)? >> 3;
                    (o & 1 != 0 && entries[next as usize].tail.is_some()).then_some((o >> 3, next))
                })
            })
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// Each of the [`hyphen_pairs`] as one word: "sosiaali" and the tail of
/// "terveyspalvelut", "sosiaalipalvelut".
pub(super) fn joined(
    pairs: &[(u32, u32)],
    entries: &[Analysed<'_>],
    words: &[Box<str>],
) -> Vec<String> {
    pairs
        .iter()
        .map(|&(w, next)| {
            let tail = entries[next as usize].tail.expect("pairs have a tail");
            format!("{}{tail}", words[w as usize])
        })
        .collect()
}
