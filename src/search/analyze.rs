//! Finnish word analysis for the search index.
//!
//! Snowball (rust-stemmers) alone stems Finnish poorly for search: kunta →
//! "kun" but kuntaa → "kunt", päätös and päätöksen part ways, lasten is not
//! lapset. So both sides first *fold* a word with a few rules (consonant
//! gradation, -ks-/-s-, -uuden/-uus, -nen/-sen, a few irregulars), the
//! index then stores the Snowball stem of the folded word, and a query word
//! matches a key that is a prefix of its folded form covering most of it.
//! The fold rules and the stopwords are data, published in the index's
//! meta file, so the JavaScript client applies exactly the same ones.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Replacements applied in order to a lowercased word: (from, to, where).
/// `where` is "word" (the whole word), "end" (at the end) or "any".
pub const FOLD_RULES: &[(&str, &str, &str)] = &[
    ("lasten", "lapsen", "word"),
    ("miesten", "miehen", "word"),
    ("naisten", "naisen", "word"),
    ("nen", "sen", "end"),
    ("kk", "k", "any"),
    ("pp", "p", "any"),
    ("tt", "t", "any"),
    ("nn", "nt", "any"),
    ("mm", "mp", "any"),
    ("ng", "nk", "any"),
    ("d", "t", "any"),
    ("ks", "s", "any"),
    ("uut", "uus", "any"),
    ("yyt", "yys", "any"),
];

/// Words too common to search for. "kun" must never find "kunta".
pub const STOPWORDS: &[&str] = &[
    "ja", "tai", "sekä", "eli", "että", "kun", "jos", "kuin", "mutta", "vaan", "myös", "sekä",
    "on", "ovat", "oli", "olivat", "ole", "ei", "en", "et", "emme", "eivät", "olla", "ollut",
    "olleet", "olisi", "se", "ne", "sen", "niiden", "sitä", "niitä", "siinä", "niissä", "sille",
    "niille", "siitä", "tämä", "nämä", "tämän", "näiden", "tätä", "näitä", "tässä", "näissä",
    "tästä", "tähän", "tuo", "nuo", "joka", "jotka", "jonka", "joiden", "jota", "joita", "jossa",
    "joissa", "josta", "johon", "mikä", "mitkä", "minkä", "mitä", "missä", "mistä", "mihin",
    "kuka", "ketkä", "minä", "sinä", "hän", "me", "te", "he", "minun", "sinun", "hänen", "meidän",
    "teidän", "heidän", "hänet", "heitä", "niin", "nyt", "vain", "jo", "vielä", "kanssa", "mukaan",
    "yli", "alle", "ennen", "jälkeen", "koska", "kuten", "siis", "tai", "eikä", "sillä", "jotta",
    "kunnes", "vaikka", "noin", "mm", "esim", "ym", "yms",
];

/// Shortest key, and how many letters a query word may have after its key.
pub const MIN_KEY: usize = 3;
pub const REACH: usize = 6;

/// Lowercase, NFC.
pub fn normalize(word: &str) -> String {
    if word.is_ascii()
        || unicode_normalization::is_nfc_quick(word.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        word.to_lowercase()
    } else {
        word.nfc().collect::<String>().to_lowercase()
    }
}

/// An already lowercased word in NFC, copied only when it is not.
fn nfc(word: String) -> String {
    if word.is_ascii()
        || unicode_normalization::is_nfc_quick(word.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        word
    } else {
        word.nfc().collect()
    }
}

/// ä → a, ö → o, å → a: for queries typed without them.
pub fn fold_diacritics(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'ä' | 'å' => 'a',
            'ö' => 'o',
            c => c,
        })
        .collect()
}

/// The fold rules of [`FOLD_RULES`], in order.
pub fn fold(word: &str) -> String {
    let mut w = word.to_string();
    for (from, to, place) in FOLD_RULES {
        match *place {
            "word" if w == *from => w = to.to_string(),
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

pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Splits text into words (letters and digits), keeping whether a word
/// ended with a hyphen ("sosiaali- ja terveyspalvelut").
pub fn words(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            // "sosiaali-" followed by a space: the first half of a pair.
            let open = c == '-' && chars.peek().is_none_or(|n| n.is_whitespace());
            out.push((nfc(std::mem::take(&mut current)), open));
        }
    }
    if !current.is_empty() {
        out.push((nfc(current), false));
    }
    out
}

/// The keys of one word: the Snowball stem of its folded form, and that
/// stem less its last letter (a looser key, for stems Snowball cuts
/// unevenly, such as nuoret → "nuore" but nuorten → "nuort").
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::Finnish),
        }
    }
}

impl Analyzer {
    pub fn stem(&self, word: &str) -> String {
        let folded = fold(word);
        let stem = self.stemmer.stem(&folded).into_owned();
        if stem.chars().count() < MIN_KEY {
            folded
        } else {
            stem
        }
    }

    /// (key, weight) pairs of a word; empty for stopwords.
    pub fn keys(&self, word: &str) -> Vec<(String, f32)> {
        if is_stopword(word) || word.chars().count() < 2 {
            return Vec::new();
        }
        let stem = self.stem(word);
        let mut out = vec![(stem.clone(), 1.0)];
        let n = stem.chars().count();
        if n >= 5 {
            let loose: String = stem.chars().take(n - 1).collect();
            out.push((loose, 0.6));
        }
        out
    }
}

/// Whether `key` may stand for the query word `folded` (a folded word):
/// a prefix of it that leaves at most [`REACH`] letters.
pub fn key_matches(key: &str, folded: &str) -> bool {
    let k = key.chars().count();
    k >= MIN_KEY && folded.starts_with(key) && folded.chars().count() - k <= REACH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query side, as the JavaScript client does it.
    fn hits(a: &Analyzer, doc_word: &str, query: &str) -> bool {
        if is_stopword(&normalize(query)) {
            return false;
        }
        let q = fold(&normalize(query));
        a.keys(&normalize(doc_word))
            .iter()
            .any(|(k, _)| key_matches(k, &q))
    }

    #[test]
    fn inflected_forms_meet() {
        let a = Analyzer::default();
        for (doc, query) in [
            ("kunta", "kunnissa"),
            ("kunnan", "kunta"),
            ("kuntien", "kunnissa"),
            ("päätös", "päätöksen"),
            ("päätökset", "päätös"),
            ("katu", "kadun"),
            ("jyväskylä", "jyväskylässä"),
            ("yksinäisyys", "yksinäisyyden"),
            ("yksinäisyyden", "yksinäisyys"),
            ("ikääntyneet", "ikääntyneillä"),
            ("lasten", "lapset"),
            ("lapset", "lasten"),
            ("nuorten", "nuoret"),
            ("kaatumisten", "kaatuminen"),
            ("turvallisuuden", "turvallisuus"),
        ] {
            assert!(hits(&a, doc, query), "{doc} should be found by {query}");
        }
    }

    #[test]
    fn stopwords_find_nothing() {
        let a = Analyzer::default();
        assert!(a.keys("kun").is_empty());
        assert!(!hits(&a, "kunta", "kun"));
    }

    #[test]
    fn words_keep_hyphen_pairs() {
        let w = words("Sosiaali- ja terveyspalvelut, HYTE-työ.");
        assert_eq!(w[0], ("sosiaali".to_string(), true));
        assert_eq!(w[2], ("terveyspalvelut".to_string(), false));
        assert_eq!(w[3], ("hyte".to_string(), false));
        assert_eq!(w[4], ("työ".to_string(), false));
    }
}
