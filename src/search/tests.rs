//! Unit tests of the search index's parts: the plain text and sections
//! read from HTML, and the splitting of compounds.

use rustc_hash::FxHashSet;

use super::analyze::Analyzer;
use super::compound::compound;
use super::text::{plain, sections};

/// [`plain`] as it was first written: the fast one must give the same.
fn plain_reference(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = html_escape::decode_html_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn plain_matches_the_reference() {
    for html in [
        "",
        " ",
        "<",
        ">",
        "a>b<c",
        "<p>Alku &amp; johdanto.</p>",
        "  x\t\n\u{b}\u{c}\r y\u{85}z\u{a0}å\u{2003}ö\u{3000} ",
        "<a href=\"x\">linkki</a>&nbsp;ja&#32;&#x2028;muuta &lt;b&gt; 1 > 0 <",
        "<p>Ääkköset <em>ja</em> 日本</p>\n\n<ul><li>yksi</li><li>kaksi</li></ul>",
    ] {
        assert_eq!(plain(html), plain_reference(html), "{html:?}");
    }
}

#[test]
fn spaces_collapse_as_split_whitespace_does() {
    for c in ('\0'..='\u{3100}').chain(['\u{FEFF}', '\u{FFFD}', '\u{1F600}']) {
        let text = format!(" a{c}b {c} {c}{c}c");
        assert_eq!(plain(&text), plain_reference(&text), "{c:?}");
    }
}

#[test]
fn html_is_cut_at_headings() {
    let html = "<p>Alku &amp; johdanto.</p><h2 id=\"a\">Arjen turvallisuus</h2><ul><li>Yksi</li></ul><h3 id=\"a-b\">Lapset</h3><p>Kaksi</p>";
    let headings: Vec<(String, String)> = sections(html, false)
        .into_iter()
        .map(|s| (s.heading, s.text))
        .collect();
    assert_eq!(
        headings,
        [
            (String::new(), "Alku & johdanto.".to_string()),
            ("Arjen turvallisuus".to_string(), String::new()),
            ("Lapset".to_string(), String::new())
        ]
    );
    let s = sections(html, true);
    assert_eq!(s.len(), 3);
    assert_eq!(s[0].text, "Alku & johdanto.");
    assert_eq!(
        (
            s[1].anchor.as_str(),
            s[1].heading.as_str(),
            s[1].text.as_str()
        ),
        ("a", "Arjen turvallisuus", "Yksi")
    );
    assert_eq!(
        (s[2].anchor.as_str(), s[2].heading.as_str()),
        ("a-b", "Lapset")
    );
}

#[test]
fn compounds_split_into_words_of_the_site() {
    let a = Analyzer::default();
    let vocab: FxHashSet<&str> = ["hyvinvointi", "suunnitelma", "terveys", "palvelut"]
        .into_iter()
        .collect();
    let stem_list: Vec<String> = vocab.iter().map(|w| a.stem(w)).collect();
    let stems = stem_list.iter().map(String::as_str).collect();
    assert_eq!(
        compound("hyvinvointisuunnitelma", &vocab, &stems, &a),
        Some(("hyvinvointi", "suunnitelma"))
    );
    assert_eq!(
        compound("terveyspalveluja", &vocab, &stems, &a),
        Some(("terveys", "palveluja"))
    );
    assert_eq!(
        compound("kuraattoripalvelut", &vocab, &stems, &a),
        Some(("kuraattori", "palvelut"))
    );
    assert_eq!(compound("kuntayhteistyö", &vocab, &stems, &a), None);
}
