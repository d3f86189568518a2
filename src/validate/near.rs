//! Near misses: a heading or line that is almost the name of a priority
//! area or target group, so that the author meant it and its findings
//! would otherwise be lost.
//!
//! The net is wider than an edit distance: "Liikunta" is far from
//! "Liikunnallinen elämäntapa" by letters but shares its stem, and
//! "Ikääntyneet" is the stem of "Ikääntyneiden palvelut".

use crate::config::Term;

/// The shortest shared beginning of two words that counts as one stem.
const STEM: usize = 5;

/// The term among `terms` that `text` nearly names, if any. `terms` is
/// the list to choose from (the year's priority areas, say); a word found
/// in two or more of them ("palvelut") tells nothing and is not used.
pub fn nearest<'a>(text: &str, terms: &[&'a Term]) -> Option<&'a Term> {
    let text = text.trim_matches(|c: char| c == '#' || c == '*' || c.is_whitespace() || c == ':');
    if text.is_empty() {
        return None;
    }
    let lower = text.to_lowercase();
    let mut best: Option<(f64, &'a Term)> = None;
    for &t in terms {
        let names = std::iter::once(&t.name).chain(t.aliases.iter());
        for name in names {
            let score = strsim::normalized_levenshtein(&lower, &name.to_lowercase());
            if score >= 0.75 && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, t));
            }
        }
    }
    if let Some((_, t)) = best {
        return Some(t);
    }
    let shared = |word: &str| {
        terms
            .iter()
            .filter(|t| words(&t.name).any(|w| w == word))
            .count()
            > 1
    };
    let mine: Vec<String> = words(&lower).collect();
    terms.iter().copied().find(|t| {
        std::iter::once(&t.name)
            .chain(t.aliases.iter())
            .any(|name| {
                let theirs: Vec<String> = words(name).collect();
                // The first words share a stem: "Liikunta", "Liikunnallinen".
                let first = match (mine.first(), theirs.first()) {
                    (Some(a), Some(b)) => stem(a, b),
                    _ => false,
                };
                // A short heading that is one word of the name: "Turvallisuus".
                let word = mine.len() <= 2
                    && mine
                        .iter()
                        .any(|m| theirs.iter().any(|w| !shared(w) && stem(m, w)));
                first || word
            })
    })
}

/// Whether two words share a beginning long enough to be one stem.
fn stem(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= STEM && common * 5 >= a.chars().count().min(b.chars().count()) * 3
}

/// The lowercase words of a name.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slug::slugify;

    fn term(name: &str) -> Term {
        Term::new(name.into(), slugify(name), Vec::new(), String::new())
    }

    #[test]
    fn stems_and_typos_are_near() {
        let p = [
            term("Arjen turvallisuus"),
            term("Mielen hyvinvointi"),
            term("Liikunnallinen elämäntapa"),
        ];
        let ps: Vec<&Term> = p.iter().collect();
        let near = |t: &str| nearest(t, &ps).map(|t| t.name.as_str());
        assert_eq!(near("Liikunta"), Some("Liikunnallinen elämäntapa"));
        assert_eq!(near("Arjen turvalisuus"), Some("Arjen turvallisuus"));
        assert_eq!(near("Mielenterveys"), Some("Mielen hyvinvointi"));
        assert_eq!(near("Turvallisuus"), Some("Arjen turvallisuus"));
        assert_eq!(near("Neuvottelun kulku"), None);
        assert_eq!(near("Yhteenveto"), None);
        assert_eq!(near("Käsittely hyvinvointialueen toimielimissä"), None);
    }

    #[test]
    fn words_shared_by_several_terms_do_not_count() {
        let t = [
            term("Ikääntyneiden palvelut"),
            term("Työikäisten palvelut"),
            term("Vammaispalvelut"),
        ];
        let ts: Vec<&Term> = t.iter().collect();
        let near = |s: &str| nearest(s, &ts).map(|t| t.name.as_str());
        assert_eq!(near("Ikääntyneet"), Some("Ikääntyneiden palvelut"));
        assert_eq!(near("Palvelut"), None);
    }
}
