//! Word analysis for the search index, in the language of the index (see
//! [`super::lang`]).
//!
//! Both sides first *fold* a word with the language's fold rules, the
//! index then stores the Snowball stem of the folded word, and a query
//! word matches a key that is a prefix of its folded form covering most
//! of it: the client needs no stemmer. The fold rules and the stopwords
//! are data, published in the index's meta file, so the JavaScript client
//! applies exactly the same ones.

use rust_stemmers::Stemmer;
use unicode_normalization::UnicodeNormalization;

use super::lang::{self, Language, Rules};

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

/// The fold `rules` of a language, in order.
pub fn fold(rules: Rules, word: &str) -> String {
    let mut w = word.to_string();
    for (from, to, place) in rules {
        match *place {
            "word" if w == *from => w = to.to_string(),
            "end" if w.ends_with(from) => {
                w.truncate(w.len() - from.len());
                w.push_str(to);
            }
            // `replace` always copies; most words have nothing to replace.
            "any" if w.contains(from) => w = w.replace(from, to),
            _ => {}
        }
    }
    w
}

/// Splits text into words (letters and digits), keeping whether a word
/// ended with a hyphen ("sosiaali- ja terveyspalvelut").
pub fn words(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for_each_word(text, &mut String::new(), |w, open| {
        out.push((w.to_string(), open))
    });
    out
}

/// The words of [`words`], lowercased and in NFC, handed to `f` one by one
/// with whether each ended a hyphen pair; `buf` is scratch space, so a word
/// is copied only when `f` keeps it.
pub fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str, bool)) {
    let mut emit = |word: &str, open: bool| {
        // Below U+0300 (lead bytes below 0xCC) every character is NFC as
        // it stands (see the test `nfc_below_combining_marks`).
        if word.bytes().all(|b| b < 0xCC)
            || unicode_normalization::is_nfc_quick(word.chars())
                == unicode_normalization::IsNormalized::Yes
        {
            f(word, open);
        } else {
            f(&word.nfc().collect::<String>(), open);
        }
    };
    buf.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let c = if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits at once (for ASCII,
                // `is_alphanumeric` and `to_lowercase` are these).
                let end = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |n| i + n);
                let from = buf.len();
                buf.push_str(&text[i..end]);
                buf[from..].make_ascii_lowercase();
                i = end;
                continue;
            }
            i += 1;
            char::from(b)
        } else {
            let c = text[i..].chars().next().expect("a char starts here");
            i += c.len_utf8();
            match c {
                // Latin-1 letters (ä, ö, å), without the tables.
                '\u{C0}'..='\u{DE}' if c != '\u{D7}' => {
                    buf.push(char::from_u32(u32::from(c) + 0x20).expect("a letter"));
                    continue;
                }
                '\u{DF}'..='\u{FF}' if c != '\u{F7}' => {
                    buf.push(c);
                    continue;
                }
                c if c.is_alphanumeric() => {
                    buf.extend(c.to_lowercase());
                    continue;
                }
                c => c,
            }
        };
        if !buf.is_empty() {
            // "sosiaali-" followed by a space: the first half of a pair.
            let open = c == '-' && text[i..].chars().next().is_none_or(char::is_whitespace);
            emit(buf, open);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        emit(buf, false);
        buf.clear();
    }
}

/// The keys of one word in one language: the Snowball stem of its folded
/// form, and that stem less its last letter (a looser key, for stems
/// Snowball cuts unevenly, such as nuoret → "nuore" but nuorten →
/// "nuort").
pub struct Analyzer {
    stemmer: Option<Stemmer>,
    language: &'static Language,
}

/// Finnish.
impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new("fi")
    }
}

impl Analyzer {
    /// The analyser of the language `code` (see [`lang::language`]).
    pub fn new(code: &str) -> Self {
        let language = lang::language(code);
        Analyzer {
            stemmer: language.stemmer.map(Stemmer::create),
            language,
        }
    }

    pub fn language(&self) -> &'static Language {
        self.language
    }

    /// The language's fold rules applied to a lowercased word.
    pub fn fold(&self, word: &str) -> String {
        fold(self.language.rules, word)
    }

    pub fn is_stopword(&self, word: &str) -> bool {
        self.language.stopwords.contains(&word)
    }

    pub fn stem(&self, word: &str) -> String {
        let folded = self.fold(word);
        let Some(stemmer) = &self.stemmer else {
            return folded;
        };
        let mut stem = stemmer.stem(&folded).into_owned();
        if let Some(after) = self.language.after_stem {
            stem = after(&folded, stem);
        }
        if stem.chars().count() < MIN_KEY {
            folded
        } else {
            stem
        }
    }

    /// (key, weight) pairs of a word; empty for stopwords.
    pub fn keys(&self, word: &str) -> Vec<(String, f32)> {
        self.keys_with(word, None)
    }

    /// [`Analyzer::keys`], given the word's [`Analyzer::stem`] when it is
    /// already known.
    pub fn keys_with(&self, word: &str, stem: Option<&str>) -> Vec<(String, f32)> {
        if self.is_stopword(word) || word.chars().count() < 2 {
            return Vec::new();
        }
        let stem = stem.map_or_else(|| self.stem(word), str::to_string);
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
        if a.is_stopword(&normalize(query)) {
            return false;
        }
        let q = a.fold(&normalize(query));
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

    /// [`words`] as it was first written, char by char: the fast one
    /// must give the same.
    fn words_reference(text: &str) -> Vec<(String, bool)> {
        let nfc = |word: String| {
            if word.is_ascii()
                || unicode_normalization::is_nfc_quick(word.chars())
                    == unicode_normalization::IsNormalized::Yes
            {
                word
            } else {
                word.nfc().collect()
            }
        };
        let mut out = Vec::new();
        let mut current = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                current.extend(c.to_lowercase());
            } else if !current.is_empty() {
                let open = c == '-' && chars.peek().is_none_or(|n| n.is_whitespace());
                out.push((nfc(std::mem::take(&mut current)), open));
            }
        }
        if !current.is_empty() {
            out.push((nfc(current), false));
        }
        out
    }

    #[test]
    fn nfc_below_combining_marks() {
        for c in '\0'..'\u{300}' {
            let s = c.to_string();
            assert_eq!(
                unicode_normalization::is_nfc_quick(s.chars()),
                unicode_normalization::IsNormalized::Yes,
                "{c:?}"
            );
        }
    }

    #[test]
    fn latin1_letters_as_the_tables_have_them() {
        for c in '\u{80}'..='\u{FF}' {
            let text = format!("a{c}b");
            assert_eq!(words(&text), words_reference(&text), "{c:?}");
        }
    }

    #[test]
    fn words_match_the_char_by_char_reference() {
        for text in [
            "",
            "-",
            "a-",
            "a- ",
            "a-b",
            "Sosiaali- ja terveyspalvelut, HYTE-työ.",
            "ÄÖÅ äö İstanbul ΣΑΣ straße ǅemal Ⅻ ½ ٣٤ 日本語テキスト",
            "kaksi\u{a0}sanaa\u{2003}ja\u{3000}kolme- \u{a0}neljä-\u{2028}x",
            "e\u{301}tude A\u{30a}bo n\u{303}",
            "HYVINVOINTI-\tja  terveys-\njohtaminen 2025–2026 12,5 % #x_y",
        ] {
            let fast = words(text);
            assert_eq!(fast, words_reference(text), "{text:?}");
        }
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
