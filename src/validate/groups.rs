//! Municipality groups of a year: a municipality is in at most one, and a
//! year that negotiates by group has every municipality in one.

use std::collections::HashMap;
use std::path::Path;

use crate::config::MunicipalityId;
use crate::diagnostic::Diagnostic;
use crate::model::{Page, PageData, Site, YearStatus};

/// A municipality belongs to at most one group a year.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let (config, pages, years) = (&site.config, &site.pages, &site.years);
    let broken = years_with_unloaded_groups(site);
    let mut diags = Vec::new();
    for y in years {
        let mut seen: HashMap<MunicipalityId, &Page> = HashMap::new();
        for &g in &y.groups {
            let PageData::Group(group) = &pages[g].data else {
                continue;
            };
            for (i, &m) in group.municipalities.iter().enumerate() {
                if let Some(other) = seen.get(&m) {
                    let path = pages[g].source.clone().unwrap_or_default();
                    let name = &config.municipalities[m.0].name;
                    diags.push(
                        Diagnostic::new(&path, format!(
                            "{name} on kahdessa vuoden {} kuntaryhmässä: tässä ja tiedostossa {}",
                            y.number,
                            crate::diagnostic::shown(other.source.as_deref().unwrap_or(Path::new("?"))).display()
                        ))
                        .with_line(group.lines.get(i).copied())
                        .help("kunta kuuluu vuodessa yhteen kuntaryhmään; poista se toisesta"),
                    );
                } else {
                    seen.insert(m, &pages[g]);
                }
            }
        }
        // A year that uses groups negotiates with every municipality; a
        // planned year may still be putting its groups together.
        if y.groups.is_empty() || broken.contains(&y.number) || y.status == YearStatus::Planned {
            continue;
        }
        let missing: Vec<&str> = (0..config.municipalities.len())
            .filter(|&i| !seen.contains_key(&MunicipalityId(i)))
            .map(|i| config.municipalities[i].name.as_str())
            .collect();
        if !missing.is_empty() {
            let path = pages[y.page].source.clone().unwrap_or_default();
            diags.push(
                Diagnostic::new(&path, format!("vuonna {} nämä kunnat eivät ole missään kuntaryhmässä: {}", y.number, missing.join(", ")))
                    .help(format!(
                        "kun vuodella on kuntaryhmien sivuja, jokaisen site.toml-tiedoston kunnan pitää kuulua yhteen ryhmään; lisää ne jonkin kansiossa content/{}/kuntaryhmat/ olevan sivun municipalities-luetteloon",
                        y.number
                    )),
            );
        }
    }
    diags
}

/// Years where a file failed to load (it may be a group page, even in a
/// wrong folder) or a group page names a municipality that is not in
/// `site.toml`: which municipalities are in no group cannot be told there,
/// and the problem of that file is reported already.
fn years_with_unloaded_groups(site: &Site) -> Vec<i32> {
    let content = site.root.join("content");
    let unloaded = site.unloaded.iter().filter_map(|path| {
        let rel = path.strip_prefix(&content).ok()?;
        let first = rel.components().next()?.as_os_str().to_string_lossy();
        (rel.components().count() > 1)
            .then(|| first.parse().ok())
            .flatten()
    });
    let unresolved = site.pages.iter().filter_map(|p| match &p.data {
        PageData::Group(g) if g.unresolved => p.year,
        _ => None,
    });
    unloaded.chain(unresolved).collect()
}
