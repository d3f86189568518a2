//! The site's vocabulary: its municipalities, priority areas and target
//! groups, resolved from `site.toml`.
//!
//! These are content, never code: each is a [`Term`] with a unique slug,
//! and everything downstream refers to them by index ([`MunicipalityId`],
//! [`PriorityId`], [`TargetGroupId`]). Text from content files (a heading,
//! a front-matter name) is matched against them here, ignoring case and
//! diacritics.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Config, Lines};
use crate::diagnostic::Diagnostic;
use crate::slug::{is_slug, slugify};

/// One `[[municipalities]]`, `[[priority_areas]]` or `[[target_groups]]`
/// table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NamedToml {
    name: toml::Spanned<String>,
    slug: Option<toml::Spanned<String>>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    description: String,
}

/// A named thing of the site's vocabulary: a municipality, a priority area
/// or a target group.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub name: String,
    pub slug: String,
    pub aliases: Vec<String>,
    pub description: String,
    /// The slugs that name this term: its slug, name and aliases, made once
    /// (every heading of every page is matched against them).
    #[serde(skip)]
    keys: Vec<String>,
}

impl Term {
    pub fn new(name: String, slug: String, aliases: Vec<String>, description: String) -> Term {
        let mut keys = vec![slug.clone(), slugify(&name)];
        keys.extend(aliases.iter().map(|a| slugify(a)));
        keys.dedup();
        Term {
            name,
            slug,
            aliases,
            description,
            keys,
        }
    }

    /// Lets the term be named by another language's name and slug too (in
    /// another language's configuration, the main language's: what a main
    /// file's front matter writes).
    pub fn also_named(&mut self, other: &Term) {
        for key in [other.slug.clone(), slugify(&other.name)] {
            if !self.keys.contains(&key) {
                self.keys.push(key);
            }
        }
    }

    /// Whether `text` names this term (its name, slug or an alias; case and
    /// diacritics ignored).
    pub fn matches(&self, text: &str) -> bool {
        self.has_slug(&slugify(text))
    }

    /// [`Term::matches`] for text already slugified (to match one name
    /// against many terms, slugify it once).
    pub fn has_slug(&self, slug: &str) -> bool {
        self.keys.iter().any(|k| k == slug)
    }
}

macro_rules! id_type {
    ($name:ident) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub struct $name(pub usize);
    };
}
id_type!(MunicipalityId);
id_type!(PriorityId);
id_type!(TargetGroupId);

/// The three kinds of named things in `site.toml`. The Finnish word forms
/// messages about them need are in [`super::grammar`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    Municipality,
    PriorityArea,
    TargetGroup,
}

impl Config {
    pub fn municipality(&self, text: &str) -> Option<MunicipalityId> {
        find(&self.municipalities, text).map(MunicipalityId)
    }

    pub fn priority(&self, text: &str) -> Option<PriorityId> {
        find(&self.priority_areas, text).map(PriorityId)
    }

    pub fn target_group(&self, text: &str) -> Option<TargetGroupId> {
        find(&self.target_groups, text).map(TargetGroupId)
    }
}

fn find(terms: &[Term], text: &str) -> Option<usize> {
    // Slugified once, not once a term: a region has hundreds of
    // municipalities.
    let slug = slugify(text);
    terms.iter().position(|t| t.has_slug(&slug))
}

/// The terms of one kind, each with a valid, unique slug, and the problems
/// of those that have none, each at the line of the value it is about.
pub(super) fn resolve_terms(
    list: Vec<NamedToml>,
    what: TermKind,
    display: &Path,
    lines: &Lines,
) -> (Vec<Term>, Vec<Diagnostic>) {
    let mut out: Vec<Term> = Vec::new();
    let mut problems = Vec::new();
    for t in list {
        let name_line = lines.at(t.name.span());
        let name = t.name.into_inner();
        let slug = match t.slug {
            Some(s) if is_slug(s.get_ref()) => s.into_inner(),
            Some(s) => {
                problems.push(
                    Diagnostic::new(display, format!("{} \"{name}\" tunniste slug = \"{}\" ei kelpaa", what.genitive(), s.get_ref()))
                        .at_line(lines.at(s.span()))
                        .help("tunnisteessa (slug) saa olla vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä (-); tai jätä se pois, jolloin se muodostetaan nimestä"),
                );
                slugify(&name)
            }
            None => slugify(&name),
        };
        if slug.is_empty() {
            problems.push(
                Diagnostic::new(
                    display,
                    format!(
                        "{} nimestä \"{name}\" ei voi muodostaa tunnistetta (slug)",
                        what.genitive(),
                    ),
                )
                .at_line(name_line)
                .help("anna nimi, jossa on kirjaimia tai numeroita"),
            );
            continue;
        }
        if out.iter().any(|o| o.slug == slug) {
            problems.push(
                Diagnostic::new(
                    display,
                    format!(
                        "kahdella {} on sama tunniste (slug) \"{slug}\"",
                        what.adessive()
                    ),
                )
                .at_line(name_line)
                .help("jokaisen nimen pitää olla eri; anna toiselle oma `slug`"),
            );
            continue;
        }
        out.push(Term::new(name, slug, t.aliases, t.description));
    }
    (out, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_match_aliases_and_slugs() {
        let t = Term::new(
            "Arjen turvallisuus".into(),
            "arjen-turvallisuus".into(),
            vec!["Arjen turvallisuuden edistäminen".into()],
            String::new(),
        );
        assert!(t.matches("arjen turvallisuus"));
        assert!(t.matches("ARJEN TURVALLISUUDEN EDISTÄMINEN"));
        assert!(t.matches("arjen-turvallisuus"));
        assert!(!t.matches("Arki"));
    }
}
