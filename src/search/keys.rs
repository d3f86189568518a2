//! The keys of the index by id, and each analysed word's keys as ids: the
//! table the documents' weights are summed with, a word looked up by its
//! id rather than its keys' names.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::compound::Analysed;

/// Every key of the site, and the keys of every word and hyphen pair.
pub(super) struct Keys<'e> {
    /// Keys by name; a key's id is its place in that order.
    pub(super) names: Vec<&'e str>,
    /// Each entry's keys as (key id, weight), one list after another: the
    /// words by word id, then the hyphen pairs.
    entry_keys: Vec<(u32, f32)>,
    /// Where each entry's keys start in `entry_keys`, and the end.
    entry_start: Vec<u32>,
    /// Whether a word (by id) is a compound, one that a hyphen pair may
    /// join.
    has_tail: Vec<bool>,
    /// The entry of each hyphen pair (word, compound).
    pair_entry: FxHashMap<(u32, u32), u32>,
}

impl<'e> Keys<'e> {
    /// `entries` are the words by id, `joined` the hyphen `pairs` joined,
    /// pair by pair.
    pub(super) fn new(
        entries: &'e [Analysed<'_>],
        joined: &'e [Analysed<'_>],
        pairs: &[(u32, u32)],
    ) -> Self {
        let pair_entry: FxHashMap<(u32, u32), u32> = pairs
            .iter()
            .enumerate()
            .map(|(i, &p)| (p, (entries.len() + i) as u32))
            .collect();
        let all_entries = entries.iter().chain(joined);

        let mut names: Vec<&str> = all_entries
            .clone()
            .flat_map(|e| e.keys.iter().map(|(k, _)| k.as_str()))
            .collect();
        names.par_sort_unstable();
        names.dedup();
        let key_id: FxHashMap<&str, u32> = names
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let mut entry_keys: Vec<(u32, f32)> = Vec::new();
        let mut entry_start: Vec<u32> = vec![0];
        for e in all_entries {
            entry_keys.extend(e.keys.iter().map(|(k, w)| (key_id[k.as_str()], *w)));
            entry_start.push(entry_keys.len() as u32);
        }
        drop(key_id);
        let has_tail: Vec<bool> = entries.iter().map(|e| e.tail.is_some()).collect();
        Keys {
            names,
            entry_keys,
            entry_start,
            has_tail,
            pair_entry,
        }
    }

    /// The keys of an entry (a word by its id, or a hyphen pair's entry).
    pub(super) fn of(&self, e: u32) -> &[(u32, f32)] {
        &self.entry_keys
            [self.entry_start[e as usize] as usize..self.entry_start[e as usize + 1] as usize]
    }

    /// Whether the word is a compound, one that a hyphen pair may join.
    pub(super) fn has_tail(&self, word: u32) -> bool {
        self.has_tail[word as usize]
    }

    /// The keys of the hyphen pair (word, compound), by word ids.
    pub(super) fn of_pair(&self, word: u32, next: u32) -> &[(u32, f32)] {
        self.of(self.pair_entry[&(word, next)])
    }
}
