//! Finnish grammar for messages about the vocabulary.
//!
//! Problems name municipalities, priority areas and target groups in
//! sentences ("kuntaa X ei ole", "kahdella kunnalla on …"), which need the
//! right case of the word; lists of alternatives need "tai"; and a name
//! that matched nothing deserves a "did you mean". All of it is here, so
//! that every message says it the same way.

use super::{Term, TermKind};
use crate::diagnostic::suggest;

impl TermKind {
    /// The kind named by its Finnish word (`kunta`, `painopiste`,
    /// `kohderyhmä`) or its English one (`municipality`, `priority area`,
    /// `target group`).
    pub fn from_word(word: &str) -> Option<TermKind> {
        match word {
            "kunta" | "municipality" => Some(TermKind::Municipality),
            "painopiste" | "priority area" => Some(TermKind::PriorityArea),
            "kohderyhmä" | "target group" => Some(TermKind::TargetGroup),
            _ => None,
        }
    }

    /// `kunta`
    pub fn word(self) -> &'static str {
        match self {
            TermKind::Municipality => "kunta",
            TermKind::PriorityArea => "painopiste",
            TermKind::TargetGroup => "kohderyhmä",
        }
    }

    /// `kuntaa` (partitive: "kuntaa X ei ole", "kaksi kuntaa")
    pub fn partitive(self) -> &'static str {
        match self {
            TermKind::Municipality => "kuntaa",
            TermKind::PriorityArea => "painopistettä",
            TermKind::TargetGroup => "kohderyhmää",
        }
    }

    /// `kunnan` (genitive)
    pub fn genitive(self) -> &'static str {
        match self {
            TermKind::Municipality => "kunnan",
            TermKind::PriorityArea => "painopisteen",
            TermKind::TargetGroup => "kohderyhmän",
        }
    }

    /// `kunnalla` (adessive: "kahdella kunnalla on …")
    pub fn adessive(self) -> &'static str {
        match self {
            TermKind::Municipality => "kunnalla",
            TermKind::PriorityArea => "painopisteellä",
            TermKind::TargetGroup => "kohderyhmällä",
        }
    }

    /// `kunnat` (plural)
    pub fn plural(self) -> &'static str {
        match self {
            TermKind::Municipality => "kunnat",
            TermKind::PriorityArea => "painopisteet",
            TermKind::TargetGroup => "kohderyhmät",
        }
    }

    /// The array of tables in `site.toml`: `[[municipalities]]`.
    pub fn table(self) -> &'static str {
        match self {
            TermKind::Municipality => "[[municipalities]]",
            TermKind::PriorityArea => "[[priority_areas]]",
            TermKind::TargetGroup => "[[target_groups]]",
        }
    }
}

/// `a`, `a tai b`, `a, b tai c`: a list of alternatives in Finnish.
pub fn one_of(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} tai {last}", rest.join(", ")),
    }
}

/// `a`, `a ja b`, `a, b ja c`: a list of all of them in Finnish.
pub fn all_of<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} ja {last}", rest.join(", ")),
    }
}

/// "did you mean" help for a name that matched none of `terms`. `what` is
/// the kind in Finnish (`kunta`, `painopiste`, `kohderyhmä`), e.g.
/// `tarkoititko "Pikkula"? (kunnat on lueteltu site.toml-tiedostossa)`.
pub fn did_you_mean(what: &str, text: &str, terms: &[Term]) -> String {
    let names: Vec<&str> = terms.iter().map(|t| t.name.as_str()).collect();
    let close = suggest(text, names.iter().copied());
    let kind = TermKind::from_word(what);
    let listed = match kind {
        Some(k) => format!("{} on lueteltu site.toml-tiedostossa", k.plural()),
        None => format!("katso site.toml-tiedoston luettelo: {what}"),
    };
    if !close.is_empty() {
        let quoted: Vec<String> = close.iter().map(|c| format!("\"{c}\"")).collect();
        let alternatives = match quoted.as_slice() {
            [rest @ .., last] if !rest.is_empty() => format!("{} vai {last}", rest.join(", ")),
            _ => quoted.join(""),
        };
        format!("tarkoititko {alternatives}? ({listed})")
    } else if names.is_empty() {
        match kind {
            Some(k) => format!(
                "site.toml-tiedostossa ei ole vielä yhtään {}; lisää ne sinne {}-taulukkoina",
                k.partitive(),
                k.table()
            ),
            None => format!("site.toml-tiedostossa ei ole yhtään: {what}"),
        }
    } else {
        match kind {
            Some(k) => format!(
                "site.toml-tiedostossa luetellut {} ovat: {}",
                k.plural(),
                names.join(", ")
            ),
            None => format!("{listed}: {}", names.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slug::slugify;

    fn terms(names: &[&str]) -> Vec<Term> {
        names
            .iter()
            .map(|n| Term::new(n.to_string(), slugify(n), Vec::new(), String::new()))
            .collect()
    }

    #[test]
    fn did_you_mean_is_finnish() {
        let ms = terms(&["Kallioniemi", "Pikkula"]);
        assert_eq!(
            did_you_mean("kunta", "Pikula", &ms),
            "tarkoititko \"Pikkula\"? (kunnat on lueteltu site.toml-tiedostossa)"
        );
        assert_eq!(
            did_you_mean("kunta", "Mäntylä", &ms),
            "site.toml-tiedostossa luetellut kunnat ovat: Kallioniemi, Pikkula"
        );
        assert!(did_you_mean("kohderyhmä", "x", &[]).contains("yhtään kohderyhmää"));
    }

    #[test]
    fn all_are_joined_with_ja() {
        assert_eq!(all_of(&["Jyväskylä"]), "Jyväskylä");
        assert_eq!(all_of(&["Jyväskylä", "Muurame"]), "Jyväskylä ja Muurame");
        assert_eq!(
            all_of(&["Joutsa", "Luhanka", "Toivakka"]),
            "Joutsa, Luhanka ja Toivakka"
        );
    }

    #[test]
    fn alternatives_are_joined_with_tai() {
        let items = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(one_of(&items(&[])), "");
        assert_eq!(one_of(&items(&["a"])), "a");
        assert_eq!(one_of(&items(&["a", "b", "c"])), "a, b tai c");
    }
}
