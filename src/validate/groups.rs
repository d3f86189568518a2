//! Municipality groups of a year: a municipality is in at most one, and a
//! year that negotiates by group has every municipality in one.

use std::collections::HashMap;
use std::path::Path;

use crate::config::MunicipalityId;
use crate::diagnostic::Diagnostic;
use crate::load::GROUPS_DIR;
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

/// Years with a group page that failed to load: which municipalities are
/// in no group cannot be told there.
fn years_with_unloaded_groups(site: &Site) -> Vec<i32> {
    site.unloaded
        .iter()
        .filter_map(|path| {
            let parts: Vec<String> = path
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            parts
                .windows(2)
                .find(|w| w[1] == GROUPS_DIR)
                .and_then(|w| w[0].parse().ok())
        })
        .collect()
}
