//! Unit tests of the word analysis in languages other than Finnish:
//! Swedish inflection, stopwords and compounds, English, and the fallback
//! for a language the index does not know. (Finnish: `analyze`'s tests.)

use rustc_hash::FxHashSet;

use super::analyze::{Analyzer, key_matches, normalize};
use super::compound::compound;

/// The query side, as the JavaScript client does it: the query word is
/// folded, never stemmed, and finds the keys that are prefixes of it.
fn hits(a: &Analyzer, doc_word: &str, query: &str) -> bool {
    if a.is_stopword(&normalize(query)) {
        return false;
    }
    let q = a.fold(&normalize(query));
    a.keys(&normalize(doc_word))
        .iter()
        .any(|(k, _)| key_matches(k, &q))
}

/// `compound` with a vocabulary of `words`, in the analyser's language.
fn split<'w>(a: &Analyzer, word: &'w str, words: &[&str]) -> Option<(&'w str, &'w str)> {
    let vocab: FxHashSet<&str> = words.iter().copied().collect();
    let stem_list: Vec<String> = words.iter().map(|w| a.stem(w)).collect();
    let stems = stem_list.iter().map(String::as_str).collect();
    compound(word, &vocab, &stems, a)
}

#[test]
fn swedish_inflected_forms_meet() {
    let a = Analyzer::new("sv");
    for (doc, query) in [
        ("kommun", "kommunernas"),
        ("kommunerna", "kommun"),
        ("kommunen", "kommuner"),
        ("äldre", "äldres"),
        ("barnen", "barn"),
        ("barn", "barnens"),
        ("ungdom", "ungdomarnas"),
        ("ungdomar", "ungdom"),
        ("familj", "familjernas"),
        ("tjänster", "tjänst"),
        ("åtgärd", "åtgärderna"),
        ("förhandlingarna", "förhandling"),
        ("organisationerna", "organisation"),
        ("välfärdsområde", "välfärdsområdets"),
        ("välfärdsområdet", "välfärdsområde"),
        ("ensamheten", "ensamhet"),
        ("tryggheten", "trygghet"),
        ("trygga", "trygg"),
        ("möjligheter", "möjlighet"),
        // The definite endings Snowball keeps, cut by `swedish_definite`.
        ("målet", "mål"),
        ("beslutet", "beslut"),
        ("skolan", "skola"),
        ("hälsan", "hälsa"),
        ("arbetet", "arbete"),
        ("samarbete", "samarbetet"),
        // Fold rules: plurals whose vowel changes.
        ("städer", "stad"),
        ("stad", "städerna"),
        ("länder", "land"),
    ] {
        assert!(hits(&a, doc, query), "{doc} should be found by {query}");
    }
}

#[test]
fn swedish_stopwords_find_nothing_and_are_not_finnish() {
    let sv = Analyzer::new("sv");
    for w in [
        "och", "att", "är", "för", "som", "inte", "eller", "år", "ska",
    ] {
        assert!(sv.keys(w).is_empty(), "{w}");
    }
    assert!(!hits(&sv, "ochså", "och"));
    // Finnish stopwords and fold rules are not Swedish ones.
    assert!(!sv.keys("kun").is_empty());
    assert_eq!(sv.fold("kadd"), "kadd");
    assert!(Analyzer::new("fi").keys("kun").is_empty());
    assert_eq!(Analyzer::new("fi").fold("kadd"), "katt");
}

#[test]
fn swedish_compounds_split_into_words_of_the_site() {
    let a = Analyzer::new("sv");
    let site = [
        "äldre", "omsorg", "område", "ungdom", "hälso", "vård", "trygg",
    ];
    assert_eq!(split(&a, "äldreomsorg", &site), Some(("äldre", "omsorg")));
    // Only the head is a word of the site, the tail long enough.
    assert_eq!(
        split(&a, "äldreomsorg", &["äldre"]),
        Some(("äldre", "omsorg"))
    );
    // Only the tail is, the head long enough: the linking -s stays on it.
    assert_eq!(
        split(&a, "välfärdsområde", &site),
        Some(("välfärds", "område"))
    );
    // A word of the site and an ending is no compound.
    assert_eq!(split(&a, "ungdomarnas", &site), None);
    assert_eq!(split(&a, "tryggheten", &site), None);
}

/// The Done-when lines of the Swedish search: "äldres" finds a page that
/// says "äldreomsorg" (through its head, a word of the site), and
/// "kommunernas" one that says "kommun".
#[test]
fn aldres_finds_aldreomsorg_and_kommunernas_kommun() {
    let a = Analyzer::new("sv");
    assert!(!hits(&a, "äldreomsorg", "äldres"), "not by the word itself");
    let (head, _) = split(&a, "äldreomsorg", &["äldre", "omsorg"]).expect("a compound");
    assert!(hits(&a, head, "äldres"));
    assert!(hits(&a, "kommun", "kommunernas"));
}

#[test]
fn english_stems_and_stops() {
    let a = Analyzer::new("en");
    assert!(hits(&a, "services", "service"));
    assert!(hits(&a, "municipalities", "municipality"));
    assert!(hits(&a, "negotiation", "negotiations"));
    assert!(a.keys("the").is_empty());
    assert!(a.language().rules.is_empty());
}

#[test]
fn unknown_languages_are_not_stemmed() {
    let a = Analyzer::new("se");
    assert_eq!(a.language().code, "");
    assert_eq!(a.stem("gielddat"), "gielddat");
    assert_eq!(
        a.keys("gielddat"),
        [("gielddat".to_string(), 1.0), ("gieldda".to_string(), 0.6)]
    );
    // No stopwords: "ja" is a word like any other.
    assert!(!a.keys("ja").is_empty());
    assert!(hits(&a, "gielddat", "gielddain"));
}
