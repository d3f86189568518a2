//! Old URLs that lead to pages (`aliases` in front matter): each must be
//! an address of this site, free, and given once.

use std::collections::HashMap;

use super::{PageId, Redirect};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::Source;

pub(super) fn redirects(
    aliases: Vec<(String, usize, PageId, &Source)>,
    owners: &HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<Redirect> {
    let mut out: Vec<Redirect> = Vec::new();
    for (alias, line, to, s) in aliases {
        let valid = alias.starts_with('/')
            && !alias.starts_with("//")
            && !alias.split('/').any(|seg| seg == ".." || seg == ".")
            && !alias.contains(['?', '#', '\\', ' ']);
        if !valid {
            diags.push(
                Diagnostic::new(&s.path, format!("uudelleenohjaus (alias) \"{alias}\" ei ole tämän sivuston osoite"))
                    .at_line(line)
                    .help("alias on tämän sivuston vanha osoite, joka alkaa kauttaviivalla, esim. \"/2025/ryhmat/jkl/\"; siinä ei ole verkkotunnusta, ?- tai #-merkkiä eikä välilyöntejä"),
            );
            continue;
        }
        let from = if alias.ends_with('/') || alias.ends_with(".html") {
            alias.clone()
        } else {
            format!("{alias}/")
        };
        if let Some(owner) = owners.get(&from) {
            diags.push(
                Diagnostic::new(
                    &s.path,
                    format!("uudelleenohjaus (alias) {from} on jo sivun osoite: {owner}"),
                )
                .at_line(line)
                .help("uudelleenohjaus ei voi korvata olemassa olevaa sivua; poista alias tai siirrä sivu"),
            );
        } else if out.iter().any(|r| r.from == from) {
            diags.push(
                Diagnostic::new(
                    &s.path,
                    format!("uudelleenohjaus (alias) {from} on annettu kahdesti"),
                )
                .at_line(line)
                .help("vanha osoite voi ohjata vain yhdelle sivulle; poista toinen"),
            );
        } else {
            out.push(Redirect { from, to });
        }
    }
    out
}
