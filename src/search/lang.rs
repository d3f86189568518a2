//! The languages the search index analyses words in, and where one
//! language's index is written ([`SearchLang`]).
//!
//! A [`Language`] is a Snowball stemmer (rust-stemmers), fold rules and
//! stopwords. The fold rules and the stopwords are published in the
//! index's meta file, so the client applies exactly those of the index it
//! reads; the stemmer runs only at build time, as the client matches a
//! query word by the keys that are prefixes of it (see
//! [`super::analyze::key_matches`]).
//!
//! - `fi`: Finnish, with fold rules for consonant gradation and a few
//!   irregular forms ([`FINNISH`]);
//! - `sv`: Swedish, with the definite endings Snowball keeps (-et, -an:
//!   målet, skolan) cut from the stem as well, and the irregular plurals
//!   whose vowel changes (män, städer) folded to their singular.
//!   Compounds split as Finnish ones do, into words of the site
//!   (äldre|omsorg, so "äldres" finds "äldreomsorg" where "äldre" or
//!   "omsorg" is on some page), but never into a word and an ending
//!   (ungdom|arnas);
//! - `en`: English, Snowball's stemmer and common stopwords;
//! - any other code: no stemming, no fold rules, no stopwords; a query
//!   word still finds the words it is a prefix-extension of (within
//!   [`super::analyze::REACH`] letters).
//!
//! A code is read by its primary subtag, case-insensitively: `sv-FI` is
//! Swedish.
//!
//! Letters: in every language the first-letter key files and the match of
//! a query typed without diacritics fold ä and å to a and ö to o, as the
//! client does (`dia` in `haku.js`). Swedish has the same three letters
//! as Finnish, and there too a query typed without them ("aldreomsorg")
//! should find them, while a query typed with them matches them exactly
//! and ranks first. That rule is the same for every language, part of the
//! format of the files rather than of a language, so it is not repeated
//! in the meta file.

use rust_stemmers::Algorithm;

/// One language's search index: its language and its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchLang<'a> {
    /// The language code, e.g. `fi`, `sv`, `en` (see [`language`]).
    pub code: &'a str,
    /// The folder of the search page and its index, relative to the
    /// output and ending with `/`: `haku/` for a Finnish main language,
    /// `sv/sok/` for Swedish. The index files are `{dir}meta.json`,
    /// `{dir}i/<letter>.json` and `{dir}d/<n>.json`.
    pub dir: &'a str,
}

impl SearchLang<'static> {
    /// The index of a site in Finnish only: `haku/`.
    pub const FINNISH: SearchLang<'static> = SearchLang {
        code: "fi",
        dir: "haku/",
    };
}

/// Fold rules: replacements applied in order to a lowercased word, (from,
/// to, where); `where` is "word" (the whole word), "end" (at the end) or
/// "any".
pub type Rules = &'static [(&'static str, &'static str, &'static str)];

/// How the index analyses the words of one language.
#[derive(Debug)]
pub struct Language {
    /// The primary language subtag, or "" for the fallback.
    pub code: &'static str,
    /// The Snowball stemmer; none: a word's key is its folded form.
    pub stemmer: Option<Algorithm>,
    /// Applied to every word before stemming, here and in the client.
    pub rules: Rules,
    /// Words too common to search for, here and in the client.
    pub stopwords: &'static [&'static str],
    /// Applied to the Snowball stem, given the folded word it is the stem
    /// of, at build time only.
    pub after_stem: Option<fn(&str, String) -> String>,
    /// Whether a compound's head must not have the stem of the whole word:
    /// in Swedish "ungdom|arnas" is ungdom with an ending, and its
    /// "tail" would be indexed as a word. Finnish keeps the splits its
    /// query set was tuned with.
    pub whole_heads_only: bool,
}

/// The language of `code`, by its primary subtag; unknown codes get
/// [`OTHER`]: no stemming, no fold rules, no stopwords.
pub fn language(code: &str) -> &'static Language {
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    [&FINNISH, &SWEDISH, &ENGLISH]
        .into_iter()
        .find(|l| l.code.eq_ignore_ascii_case(primary))
        .unwrap_or(&OTHER)
}

/// Finnish. Snowball alone stems Finnish poorly for search: kunta → "kun"
/// but kuntaa → "kunt", päätös and päätöksen part ways, lasten is not
/// lapset. So both sides first fold a word with a few rules (consonant
/// gradation, -ks-/-s-, -uuden/-uus, -nen/-sen, a few irregulars).
pub const FINNISH: Language = Language {
    code: "fi",
    stemmer: Some(Algorithm::Finnish),
    rules: &[
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
    ],
    // "kun" must never find "kunta".
    stopwords: &[
        "ja", "tai", "sekä", "eli", "että", "kun", "jos", "kuin", "mutta", "vaan", "myös", "sekä",
        "on", "ovat", "oli", "olivat", "ole", "ei", "en", "et", "emme", "eivät", "olla", "ollut",
        "olleet", "olisi", "se", "ne", "sen", "niiden", "sitä", "niitä", "siinä", "niissä",
        "sille", "niille", "siitä", "tämä", "nämä", "tämän", "näiden", "tätä", "näitä", "tässä",
        "näissä", "tästä", "tähän", "tuo", "nuo", "joka", "jotka", "jonka", "joiden", "jota",
        "joita", "jossa", "joissa", "josta", "johon", "mikä", "mitkä", "minkä", "mitä", "missä",
        "mistä", "mihin", "kuka", "ketkä", "minä", "sinä", "hän", "me", "te", "he", "minun",
        "sinun", "hänen", "meidän", "teidän", "heidän", "hänet", "heitä", "niin", "nyt", "vain",
        "jo", "vielä", "kanssa", "mukaan", "yli", "alle", "ennen", "jälkeen", "koska", "kuten",
        "siis", "tai", "eikä", "sillä", "jotta", "kunnes", "vaikka", "noin", "mm", "esim", "ym",
        "yms",
    ],
    after_stem: None,
    whole_heads_only: false,
};

/// Swedish: Snowball's stemmer and stopwords (its list, less "vara",
/// also a noun (goods), and "sitta", plus ska, skall, år, även, också,
/// samt and common abbreviations).
pub const SWEDISH: Language = Language {
    code: "sv",
    stemmer: Some(Algorithm::Swedish),
    // Plurals whose vowel changes; the rest of Swedish inflection is
    // endings, which the stem drops and the prefix match reaches.
    rules: &[
        ("män", "man", "word"),
        ("männen", "mannen", "word"),
        ("städer", "stad", "word"),
        ("städerna", "staden", "word"),
        ("länder", "land", "word"),
        ("länderna", "landet", "word"),
    ],
    stopwords: &[
        "och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den",
        "har", "de", "inte", "om", "ett", "han", "men", "var", "jag", "sig", "från", "vi", "så",
        "kan", "när", "år", "ska", "skall", "eller", "hon", "hade", "icke", "mig", "du", "henne",
        "då", "sin", "nu", "hans", "honom", "skulle", "hennes", "där", "min", "man", "ej", "vid",
        "kunde", "något", "ut", "efter", "upp", "dem", "vad", "över", "än", "dig", "sina", "här",
        "ha", "mot", "alla", "under", "någon", "allt", "mycket", "sedan", "ju", "denna", "själv",
        "detta", "åt", "utan", "varit", "hur", "ingen", "mitt", "ni", "bli", "blev", "oss", "din",
        "dessa", "några", "deras", "blir", "mina", "samma", "vilken", "er", "sådan", "vår",
        "blivit", "dess", "inom", "mellan", "sådant", "varför", "varje", "vilka", "ditt", "vem",
        "vilket", "sådana", "vart", "dina", "vars", "vårt", "våra", "ert", "era", "vilkas", "även",
        "också", "samt", "bl", "bla", "ex", "osv", "tex",
    ],
    after_stem: Some(swedish_definite),
    whole_heads_only: true,
};

/// English: Snowball's (Porter2) stemmer and common stopwords.
pub const ENGLISH: Language = Language {
    code: "en",
    stemmer: Some(Algorithm::English),
    rules: &[],
    stopwords: &[
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had",
        "has", "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "not", "of",
        "on", "or", "our", "she", "so", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "to", "was", "we", "were", "which", "who", "will",
        "with", "you", "your", "also", "can", "may", "eg", "ie", "etc",
    ],
    after_stem: None,
    whole_heads_only: true,
};

/// Any other language: the words as they are.
pub const OTHER: Language = Language {
    code: "",
    stemmer: None,
    rules: &[],
    stopwords: &[],
    after_stem: None,
    whole_heads_only: false,
};

/// Swedish Snowball keeps the definite endings -et and -an (målet,
/// beslutet, skolan, hälsan), so "målet" would not be found by "mål".
/// Where Snowball left the word as it was (or cut only a genitive -s),
/// they are cut where Snowball cuts endings, in R1 (after the first
/// consonant that follows a vowel, and after three letters at least):
/// målet → mål, skolan → skol (as skola), but plan stays, and arbete,
/// already cut to arbet, is not cut again.
fn swedish_definite(word: &str, stem: String) -> String {
    const VOWELS: &str = "aeiouyäåö";
    if !(word == stem || word.strip_suffix('s') == Some(stem.as_str())) {
        return stem;
    }
    let chars: Vec<char> = stem.chars().collect();
    let r1 = chars
        .windows(2)
        .position(|p| VOWELS.contains(p[0]) && !VOWELS.contains(p[1]))
        .map_or(chars.len(), |i| (i + 2).max(3));
    let n = chars.len();
    if n >= r1 + 2 && matches!(chars[n - 2..], ['e', 't'] | ['a', 'n']) {
        chars[..n - 2].iter().collect()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_by_their_primary_subtag() {
        assert_eq!(language("fi").code, "fi");
        assert_eq!(language("sv-FI").code, "sv");
        assert_eq!(language("SV").code, "sv");
        assert_eq!(language("en_GB").code, "en");
        assert_eq!(language("se").code, "");
        assert_eq!(language("").code, "");
    }

    #[test]
    fn swedish_definite_endings_in_r1_go() {
        for (word, stem, cut) in [
            ("målet", "målet", "mål"),
            ("beslutet", "beslutet", "beslut"),
            ("skolan", "skolan", "skol"),
            ("hälsan", "hälsan", "häls"),
            ("välfärdsområdets", "välfärdsområdet", "välfärdsområd"),
            ("plan", "plan", "plan"),
            ("kommun", "kommun", "kommun"),
            ("et", "et", "et"),
            // Snowball cut -e already.
            ("arbete", "arbet", "arbet"),
        ] {
            assert_eq!(swedish_definite(word, stem.to_string()), cut, "{word}");
        }
    }
}
