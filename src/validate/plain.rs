//! Plain language: the "Lyhyesti" summary (`summary`) a resident reads
//! first. The front page, each year page and each group page has one; it
//! is short (at most five sentences of at most 25 words) and holds no
//! statute sections or slide numbers, which belong to the page's sources
//! or a note.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Page};

/// Most sentences and words a summary sentence may have.
const SENTENCES: usize = 5;
const WORDS: usize = 25;

pub fn check(page: &Page, path: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let line = page.summary_line;
    if page.summary.is_empty() {
        if matches!(page.kind, Kind::Home | Kind::Year | Kind::Group) {
            out.push(
                Diagnostic::warning(path, "sivulta puuttuu Lyhyesti-tiivistelmä (summary)")
                    .at_line(line)
                    .help("kirjoita alkutietoihin 3–5 lyhyttä virkettä arkikielellä: mitä, milloin, keiden kanssa ja mitä sovittiin, esim. summary = \"\"\"Syksyllä 2025 …\"\"\""),
            );
        }
        return out;
    }
    if page.summary.contains('§') {
        out.push(
            Diagnostic::warning(path, "Lyhyesti-tiivistelmässä (summary) on pykälänumero")
                .at_line(line)
                .help("kerro tiivistelmässä asia arkikielellä (\"laki velvoittaa …\"); pykälät kuuluvat sivun tekstiin, lähteisiin tai lakiperustan sivulle"),
        );
    }
    if mentions_slide(&page.summary) {
        out.push(
            Diagnostic::warning(path, "Lyhyesti-tiivistelmässä (summary) on dian numero")
                .at_line(line)
                .help("dioihin viittaaminen kuuluu sivun lähteisiin tai huomautukseen; kerro tiivistelmässä vain asia"),
        );
    }
    let sentences = sentences(&page.summary);
    if sentences.len() > SENTENCES {
        out.push(
            Diagnostic::warning(
                path,
                format!(
                    "Lyhyesti-tiivistelmässä (summary) on {} virkettä",
                    sentences.len()
                ),
            )
            .at_line(line)
            .help(format!(
                "tiivistelmä on enintään {SENTENCES} virkettä; jätä yksityiskohdat sivun tekstiin"
            )),
        );
    }
    for s in sentences {
        let words = s.split_whitespace().count();
        if words > WORDS {
            let start: String = s.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            out.push(
                Diagnostic::warning(
                    path,
                    format!("Lyhyesti-tiivistelmän virkkeessä \"{start} …\" on {words} sanaa"),
                )
                .at_line(line)
                .help(format!(
                    "jaa virke kahdeksi; lyhyessä virkkeessä on enintään {WORDS} sanaa"
                )),
            );
        }
    }
    out
}

/// The sentences of `text`: cut after `.`, `!` or `?` followed by a space
/// and an upper-case letter.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let [(_, end), (_, space), (next, upper)] = [w[0], w[1], w[2]];
        if matches!(end, '.' | '!' | '?') && space.is_whitespace() && upper.is_uppercase() {
            out.push(text[start..next].trim());
            start = next;
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        out.push(last);
    }
    out
}

/// "dia 18", "diat 15–20", "dialla 7": a slide number.
fn mentions_slide(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|w| {
        let word = w[0]
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        word.starts_with("dia") && word.len() <= 7 && w[1].starts_with(|c: char| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_a_full_stop_before_a_capital() {
        assert_eq!(
            sentences("Neuvottelut käytiin 23.10.–27.11.2025. Mukana oli kuntia! Entä? loppu"),
            [
                "Neuvottelut käytiin 23.10.–27.11.2025.",
                "Mukana oli kuntia!",
                "Entä? loppu"
            ]
        );
    }

    #[test]
    fn slide_numbers_are_found() {
        assert!(mentions_slide("Katso diat 15–20."));
        assert!(mentions_slide("(dia 7)"));
        assert!(!mentions_slide("Diaesitys kertoo 5 asiaa."));
        assert!(!mentions_slide("Dialogi jatkuu"));
    }
}
