//! Scoring: each document's weight per key, summed word by word in text
//! order (floating-point sums depend on their order), and each key's best
//! postings kept as they come, in parallel, so that nothing written
//! depends on thread scheduling.

use std::collections::BinaryHeap;

use rayon::prelude::*;

use super::keys::Keys;
use super::page::{PageText, WEIGHTS};

/// Postings kept per key, the best by weight.
const MAX_POSTINGS: usize = 300;

/// A key's document count (df) and its kept postings `[document, weight]`
/// by document, the weight as the key file has it.
pub(super) type Postings = (usize, Vec<[u32; 2]>);

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
pub(super) struct Best {
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

    /// Sums the documents of a page, the first of them numbered `base`, in
    /// the order their words come.
    fn add_page(&mut self, page: &PageText, base: u32, keys: &Keys<'_>) {
        for (doc, seq) in (base..).zip(page.doc_words()) {
            for (i, &o) in seq.iter().enumerate() {
                let (word, weight) = (o >> 3, WEIGHTS[(o >> 1 & 3) as usize]);
                for &(key, kw) in keys.of(word) {
                    self.add(key, weight * kw);
                }
                if o & 1 != 0
                    && let Some(&next) = seq.get(i + 2)
                    && keys.has_tail(next >> 3)
                {
                    for &(key, kw) in keys.of_pair(word, next >> 3) {
                        self.add(key, weight * kw * 0.8);
                    }
                }
            }
            self.end_doc(doc);
        }
    }
}

/// The number of each page's first document, and how many there are.
pub(super) fn first_docs(pages: &[PageText]) -> (Vec<u32>, u32) {
    let mut doc_base = Vec::with_capacity(pages.len());
    let mut n_docs = 0u32;
    for page in pages {
        doc_base.push(n_docs);
        n_docs += page.doc_ends.len() as u32;
    }
    (doc_base, n_docs)
}

/// Each key's best postings (by key id), the pages summed in parallel;
/// `doc_base` is from [`first_docs`].
pub(super) fn best(pages: &[PageText], doc_base: &[u32], keys: &Keys<'_>) -> Vec<Best> {
    let n_keys = keys.names.len();
    pages
        .par_iter()
        .zip(doc_base)
        .with_min_len(16)
        .fold(
            || Sums::new(n_keys),
            |mut sums, (page, &base)| {
                sums.add_page(page, base, keys);
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
        .unwrap_or_default()
}

/// A key keeps its best postings only: a word on thousands of pages would
/// otherwise make its key file as large as the site. The client still
/// weighs the key by how many documents have it (df).
pub(super) fn kept(best: Vec<Best>) -> Vec<Postings> {
    best.into_par_iter()
        .map(|best| {
            let mut list = best.heap.into_vec();
            list.sort_unstable_by_key(|r| r.doc);
            let list = list
                .iter()
                .map(|r| [r.doc, (r.w * 10.0).round().max(1.0) as u32])
                .collect();
            (best.df, list)
        })
        .collect()
}
