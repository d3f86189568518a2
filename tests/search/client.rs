//! The search of the theme's `haku.js`, in Rust, over index files in
//! memory: what the client does with a query (words, stopwords and fold
//! rules from meta.json, the key file of each word's first letter, the
//! keys that are prefixes of the folded word, scores, a page once), so
//! that an index can be queried without a browser or Node. The one-typo
//! fallback is left out. tests/search/client.mjs runs the real script.

use std::collections::HashMap;

use serde_json::Value;

/// One language's index files, by their path relative to the output.
pub struct Index {
    files: HashMap<String, Vec<u8>>,
    dir: String,
    meta: Value,
}

/// ä and å as a, ö as o: `dia` of haku.js.
fn dia(w: &str) -> String {
    w.replace(['ä', 'å'], "a").replace('ö', "o")
}

fn letters(w: &str) -> usize {
    w.chars().count()
}

impl Index {
    /// The index in `dir` (e.g. `sv/sok/`) among `files`.
    pub fn new(files: Vec<(String, Vec<u8>)>, dir: &str) -> Index {
        let files: HashMap<String, Vec<u8>> = files.into_iter().collect();
        let meta = serde_json::from_slice(&files[&format!("{dir}meta.json")]).expect("JSON");
        Index {
            files,
            dir: dir.to_string(),
            meta,
        }
    }

    fn json(&self, rel: &str) -> Option<Value> {
        let bytes = self.files.get(&format!("{}{rel}", self.dir))?;
        Some(serde_json::from_slice(bytes).expect("JSON"))
    }

    fn fold(&self, word: &str) -> String {
        let mut w = word.to_string();
        for rule in self.meta["rules"].as_array().expect("rules") {
            let [from, to, place] = [0, 1, 2].map(|i| rule[i].as_str().expect("a string"));
            match place {
                "word" if w == from => w = to.to_string(),
                "end" if w.ends_with(from) => {
                    w.truncate(w.len() - from.len());
                    w.push_str(to);
                }
                "any" => w = w.replace(from, to),
                _ => {}
            }
        }
        w
    }

    /// Each document matching `term`, with its best score.
    fn term_scores(&self, term: &str) -> HashMap<u64, f64> {
        let m = &self.meta;
        let num = |k: &str| m[k].as_u64().expect("a number") as usize;
        let f = self.fold(term);
        let typed_without = dia(term) == term;
        let first = dia(&f.chars().next().unwrap_or('_').to_string());
        let shard = if first.chars().all(|c| c.is_ascii_alphanumeric()) {
            first
        } else {
            "_".to_string()
        };
        let has_shard = m["shards"]
            .as_array()
            .expect("shards")
            .iter()
            .any(|s| s == &shard);
        let keys = has_shard
            .then(|| self.json(&format!("i/{shard}.json")))
            .flatten()
            .unwrap_or_default();
        let mut best: HashMap<u64, f64> = HashMap::new();
        let fl = letters(&f);
        for (key, entry) in keys.as_object().into_iter().flatten() {
            let kl = letters(key);
            if kl < num("min_key") || kl > fl || fl - kl > num("reach") {
                continue;
            }
            let quality = if f.starts_with(key.as_str()) {
                kl as f64 / fl as f64
            } else if typed_without && dia(&f).starts_with(&dia(key)) {
                0.7 * kl as f64 / fl as f64
            } else {
                continue;
            };
            let idf = (1.0 + num("docs") as f64 / entry[0].as_f64().expect("df")).ln();
            for posting in entry[1].as_array().expect("postings") {
                let doc = posting[0].as_u64().expect("a document");
                let score = posting[1].as_f64().expect("a weight") / 10.0 * quality * idf;
                let b = best.entry(doc).or_default();
                *b = b.max(score);
            }
        }
        best
    }

    /// The URLs of the results of `query`, best first, a page once.
    pub fn search(&self, query: &str) -> Vec<String> {
        let stopwords = self.meta["stopwords"].as_array().expect("stopwords");
        let terms: Vec<String> = hyte::search::analyze::words(query)
            .into_iter()
            .map(|(w, _)| w)
            .filter(|w| letters(w) >= 2 && !stopwords.iter().any(|s| s == w.as_str()))
            .collect();
        let mut total: HashMap<u64, (f64, usize)> = HashMap::new();
        for term in &terms {
            for (doc, score) in self.term_scores(term) {
                let t = total.entry(doc).or_default();
                *t = (t.0 + score, t.1 + 1);
            }
        }
        let mut ranked: Vec<(u64, f64)> = total
            .into_iter()
            .map(|(doc, (s, n))| (doc, s * (n as f64 / terms.len() as f64).powi(2)))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let page_of = self.meta["page_of"].as_array().expect("page_of");
        let chunk = self.meta["chunk"].as_u64().expect("chunk");
        let mut seen = Vec::new();
        let mut urls = Vec::new();
        for (doc, _) in ranked {
            let page = &page_of[doc as usize];
            if seen.contains(&page) {
                continue;
            }
            seen.push(page);
            let docs = self
                .json(&format!("d/{}.json", doc / chunk))
                .expect("a chunk");
            urls.push(
                docs[(doc % chunk) as usize]["url"]
                    .as_str()
                    .expect("a URL")
                    .to_string(),
            );
        }
        urls.truncate(20);
        urls
    }
}
