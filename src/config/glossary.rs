//! The glossary: words a resident may not know, explained once.
//!
//! `[[terms]]` in `site.toml` lists each term with its explanation, the
//! forms it is written in (`aliases`, e.g. inflected "THL:n") and, for an
//! abbreviation, what it stands for (`expansion`). The glossary page
//! (`/sanasto/`) lists them all; on every other page the first use of a
//! term in the body links to its entry (`render::terms`).

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Lines;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::slug::slugify;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TermToml {
    term: toml::Spanned<String>,
    explanation: String,
    #[serde(default)]
    aliases: Vec<toml::Spanned<String>>,
    expansion: Option<String>,
}

/// A glossary entry.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryTerm {
    pub term: String,
    /// Anchor on the glossary page.
    pub slug: String,
    pub explanation: String,
    /// What an abbreviation stands for.
    pub expansion: Option<String>,
    /// Every written form that links to the entry: the term first, then
    /// its aliases.
    pub forms: Vec<String>,
}

/// The glossary's terms, each with a unique anchor; no written form
/// belongs to two terms.
pub(super) fn resolve(
    raw: Vec<TermToml>,
    display: &Path,
    lines: &Lines,
    diags: &mut Diagnostics,
) -> Vec<GlossaryTerm> {
    let mut out: Vec<GlossaryTerm> = Vec::new();
    for t in raw {
        let line = lines.at(t.term.span());
        let term = t.term.get_ref().trim().to_string();
        if term.is_empty() || t.explanation.trim().is_empty() {
            diags.push(
                Diagnostic::new(display, "sanaston termiltä puuttuu term tai explanation")
                    .at_line(line)
                    .help("kirjoita [[terms]]-taulukkoon termi ja sen selitys selkokielellä, esim. term = \"THL\" ja explanation = \"Terveyden ja hyvinvoinnin laitos …\""),
            );
            continue;
        }
        let mut forms = vec![term.clone()];
        for alias in &t.aliases {
            let a = alias.get_ref().trim();
            if !a.is_empty() && !forms.iter().any(|f| f == a) {
                forms.push(a.to_string());
            }
        }
        for (i, form) in forms.iter().enumerate() {
            if let Some(other) = out
                .iter()
                .find(|o| o.forms.iter().any(|f| f.eq_ignore_ascii_case(form)))
            {
                let at = if i == 0 {
                    line
                } else {
                    lines.at(t.aliases[i - 1].span())
                };
                diags.push(
                    Diagnostic::new(display, format!("sanaston muoto \"{form}\" on jo termillä \"{}\"", other.term))
                        .at_line(at)
                        .help("jokainen kirjoitusasu linkittää yhteen termiin; poista toinen tai yhdistä termit"),
                );
            }
        }
        out.push(GlossaryTerm {
            slug: slugify(&term),
            term,
            explanation: t.explanation.trim().to_string(),
            expansion: t
                .expansion
                .map(|e| e.trim().to_string())
                .filter(|e| !e.is_empty()),
            forms,
        });
    }
    out.sort_by_key(|t| crate::collate::finnish_key(&t.term));
    out
}
