//! What must hold of a published page and site that a draft may still
//! lack: a group page with its date and findings and no text left from
//! `hyte new`, a real web address, an accessibility statement.

use std::path::Path;

use crate::config::STATEMENT_TEMPLATE;
use crate::diagnostic::Diagnostic;
use crate::markdown::BlockKind;
use crate::model::{Kind, Page, PageData, Site};

/// Instructions that earlier versions of `hyte new` wrote as text of the
/// body; a published page that still has one was not finished.
const SCAFFOLD_TEXT: [&str; 4] = [
    "Kirjoita tähän",
    "Poista otsikot, joiden",
    "Kuntaryhmän nostot kirjoitetaan",
    "Nostot voi kirjoittaa painopisteen",
];

/// The rules of one published page.
pub fn page(site: &Site, page: &Page, path: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for b in &page.outline.blocks {
        if let BlockKind::Paragraph { text, .. } = &b.kind
            && SCAFFOLD_TEXT.iter().any(|s| text.starts_with(s))
        {
            out.push(
                Diagnostic::warning(path, "sivulla on yhä hyte new -komennon ohjeteksti")
                    .at_line(b.line)
                    .help("kirjoita tilalle sivun oma teksti tai poista kappale; ohjeet kannattaa jättää HTML-kommentteihin <!-- … -->, jotka eivät näy sivulla"),
            );
        }
    }
    if let (Kind::Group, PageData::Group(group)) = (page.kind, &page.data) {
        if group.date.is_none() {
            out.push(
                Diagnostic::warning(path, "kuntaryhmän sivulla ei ole neuvottelupäivää (`date`)")
                    .help(format!("lisää alkutietoihin neuvottelupäivä muodossa VVVV-KK-PP, esim. date = {}-11-13; jos päivää ei ole vielä sovittu, pidä sivu luonnoksena (draft = true)", page.year.map_or("VVVV".to_string(), |y| y.to_string()))),
            );
        }
        if page.findings.is_empty() && site.year(page.year.unwrap_or_default()).is_some() {
            out.push(
                Diagnostic::warning(path, "kuntaryhmän sivulla ei ole yhtään nostoa")
                    .help("kirjoita nostot painopisteen (##) ja kohderyhmän (###) otsikoiden alle luetteloina; jos neuvottelua ei ole vielä käyty, pidä sivu luonnoksena (draft = true)"),
            );
        }
    }
    out
}

/// The rules of the whole published site.
pub fn site(site: &Site) -> Vec<Diagnostic> {
    let site_toml = site.root.join("site.toml");
    let mut out = Vec::new();
    if let Some(line) = site.config.placeholder_base_url() {
        out.push(
            Diagnostic::warning(&site_toml, format!("sivuston osoite base_url = \"{}\" on esimerkki- tai paikkamerkkiosoite", site.config.base_url))
                .at_line(line)
                .help("kirjoita base_url-avaimeen sivuston oikea julkaisuosoite muodossa \"https://…/\"; se tulee sivukarttaan, syötteeseen, kalentereihin ja avoimeen dataan (tai anna se rakennettaessa: hyte build --base-url …)"),
        );
    }
    for u in site.config.unconfirmed() {
        out.push(
            Diagnostic::warning(
                &site_toml,
                format!(
                    "{} {}",
                    u.what,
                    if u.missing {
                        "puuttuu"
                    } else {
                        "on vahvistamatta"
                    }
                ),
            )
            .with_line(u.line)
            .help(u.help),
        );
    }
    let statement = site
        .pages
        .iter()
        .any(|p| !p.draft && p.template == STATEMENT_TEMPLATE);
    if !statement {
        out.push(
            Diagnostic::warning(site.root.join("site.toml"), "sivustolla ei ole saavutettavuusselostetta")
                .help("laki digitaalisten palvelujen tarjoamisesta (306/2019) edellyttää selosteen; luo sivu content/saavutettavuus.md, jossa on template = \"saavutettavuus.html\", ja täytä site.toml-tiedoston [accessibility]-taulukko"),
        );
    }
    out
}
