//! The rules of measures and follow-up across files: ids are well formed
//! and unique in the site, a follow-up names a measure that exists and is
//! not dated before the measure was agreed, and a measure past its due
//! date has some follow-up (a warning: the county may simply not have
//! published it yet).

use std::collections::HashMap;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::slug::is_slug;

fn path(site: &Site, page: usize) -> PathBuf {
    site.pages[page].source.clone().unwrap_or_default()
}

pub(super) fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, m) in site.measures.iter().enumerate() {
        if !is_slug(&m.id) {
            out.push(
                Diagnostic::new(path(site, m.page), format!("toimenpiteen tunniste id = \"{}\" ei kelpaa", m.id))
                    .at_line(m.id_line)
                    .help("tunnisteessa saa olla vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä, esim. id = \"liikuntapaikat-2030\"; seurannat viittaavat toimenpiteeseen sillä"),
            );
        }
        if let Some(&j) = first.get(m.id.as_str()) {
            let other = &site.measures[j];
            out.push(
                Diagnostic::new(path(site, m.page), format!("kahdella toimenpiteellä on sama tunniste \"{}\"", m.id))
                    .at_line(m.id_line)
                    .help(format!(
                        "toimenpiteen id on koko sivustolla yksilöllinen; sama id on jo tiedostossa {} rivillä {}: anna tälle oma id, esim. \"{}-{}\"",
                        crate::diagnostic::shown(&path(site, other.page)).display(),
                        other.id_line,
                        m.id,
                        m.year
                    )),
            );
        } else {
            first.insert(&m.id, i);
        }
        let followed = site.followups.iter().any(|f| f.measure == Some(i));
        if let Some(due) = m.due
            && due < site.today
            && !followed
        {
            out.push(
                Diagnostic::warning(path(site, m.page), format!("toimenpiteen \"{}\" määräaika {} on mennyt, eikä sille ole seurantaa", m.id, fi_date(due)))
                    .at_line(m.due_line)
                    .help(format!("kirjoita myöhemmän vuoden _index.md-tiedostoon seuranta: [[followups]] measure = \"{}\" ja status (agreed, in_progress, done, delayed tai dropped); jos seurannasta ei ole tietoa, varoitus jää muistuttamaan siitä", m.id)),
            );
        }
    }
    let ids: Vec<&str> = site.measures.iter().map(|m| m.id.as_str()).collect();
    for f in &site.followups {
        let Some(i) = f.measure else {
            let close = crate::diagnostic::suggest(&f.measure_id, ids.iter().copied());
            out.push(
                Diagnostic::new(path(site, f.page), format!("seuranta viittaa toimenpiteeseen \"{}\", jota ei ole", f.measure_id))
                    .at_line(f.line)
                    .help(match close.first() {
                        Some(c) => format!("tarkoititko \"{c}\"? measure on toimenpiteen id sellaisena kuin se on [[measures]]-taulukossa"),
                        None => "measure on toimenpiteen id sellaisena kuin se on jonkin vuoden tai kuntaryhmän [[measures]]-taulukossa".to_string(),
                    }),
            );
            continue;
        };
        let m = &site.measures[i];
        if let (Some(d), Some(agreed)) = (f.date, m.agreed)
            && d < agreed
        {
            out.push(
                Diagnostic::new(path(site, f.page), format!("toimenpiteen \"{}\" seuranta on päivätty {}, ennen kuin toimenpiteestä sovittiin {}", m.id, fi_date(d), fi_date(agreed)))
                    .at_line(f.date_line)
                    .help("tarkista seurannan päivämäärä (date) ja se, viittaako measure oikeaan toimenpiteeseen"),
            );
        } else if f.year < m.year {
            out.push(
                Diagnostic::new(path(site, f.page), format!("toimenpiteen \"{}\" seuranta on vuonna {}, ennen vuotta {}, jona toimenpiteestä sovittiin", m.id, f.year, m.year))
                    .at_line(f.line)
                    .help(format!("kirjoita seuranta vuoden {} tai myöhemmän vuoden sivulle", m.year)),
            );
        }
    }
    out
}

fn fi_date(d: jiff::civil::Date) -> String {
    format!("{}.{}.{}", d.day(), d.month(), d.year())
}
