//! The new site's pages: the front page, the legal basis, the
//! accessibility statement and this year's page, in Finnish with their
//! front matter explained in comments; and beside each, for every other
//! language, its translation (`_index.sv.md`), which holds only the
//! translated texts.

use std::path::PathBuf;

use super::flags::{MAIN_LANGUAGE, NewSite};
use super::site_toml::quoted;
use super::texts::{Page, texts};

/// The four pages, by their place under `content/` without `.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Home,
    Law,
    Statement,
    Year,
}

const KINDS: [Kind; 4] = [Kind::Home, Kind::Law, Kind::Statement, Kind::Year];

impl Kind {
    /// `content/<stem>.md`, e.g. `_index` or `2031/_index`.
    fn stem(self, site: &NewSite) -> String {
        match self {
            Kind::Home => "_index".into(),
            Kind::Law => "laki".into(),
            Kind::Statement => "saavutettavuus".into(),
            Kind::Year => format!("{}/_index", site.year()),
        }
    }
}

/// Every page file of the new site: path relative to the site, and text.
pub(super) fn pages(site: &NewSite) -> Vec<(PathBuf, String)> {
    let fi = texts(MAIN_LANGUAGE, site).expect("Finnish texts");
    let mut out = Vec::new();
    for kind in KINDS {
        let stem = kind.stem(site);
        let page = match kind {
            Kind::Home => &fi.home,
            Kind::Law => &fi.law,
            Kind::Statement => &fi.statement,
            Kind::Year => &fi.year,
        };
        out.push((
            PathBuf::from(format!("content/{stem}.md")),
            main_page(kind, page, site),
        ));
        for code in &site.others {
            let t = texts(code, site).expect("checked with the flags");
            let translated = match kind {
                Kind::Home => &t.home,
                Kind::Law => &t.law,
                Kind::Statement => &t.statement,
                Kind::Year => &t.year,
            };
            out.push((
                PathBuf::from(format!("content/{stem}.{code}.md")),
                translation(&stem, code, translated),
            ));
        }
    }
    out
}

/// `title`, `description` and `summary`, the keys every page shares.
fn texts_of(page: &Page, summary_comment: &str) -> String {
    let mut out = format!(
        "title = {}\ndescription = {}\n",
        quoted(&page.title),
        quoted(&page.description)
    );
    if !page.summary.is_empty() {
        out.push_str(summary_comment);
        out.push_str(&format!("summary = {}\n", quoted(&page.summary)));
    }
    out
}

fn main_page(kind: Kind, page: &Page, site: &NewSite) -> String {
    const SUMMARY: &str = "# Lyhyesti-tiivistelmä, jonka asukas lukee ensimmäisenä: 3–5 lyhyttä\n# virkettä arkikielellä.";
    let summary = match kind {
        Kind::Home | Kind::Year => {
            format!("{SUMMARY} Täydennä sitä, kun neuvotteluista on kerrottavaa.\n")
        }
        Kind::Law | Kind::Statement => format!("{SUMMARY}\n"),
    };
    const SOURCES: &str = "# Lähdeasiakirjat site.toml-tiedoston [[sources]]-luettelosta, esim. [\"…\"].\nsources = []\n";
    let texts = texts_of(page, &summary);
    match kind {
        Kind::Home => format!("+++\n{texts}{SOURCES}+++\n\n{}{HOME_NOTE}", page.body),
        Kind::Law => format!(
            "+++\n{texts}# Lakipykälät tulevat site.toml-tiedoston [[statutes]]-luettelosta tämän\n# sivun tekstin perään.\ntemplate = \"laki.html\"\n{SOURCES}+++\n\n{}",
            page.body
        ),
        Kind::Statement => format!(
            "+++\n{texts}# Seloste kootaan site.toml-tiedoston [accessibility]-taulukosta; älä\n# poista tätä riviä. Tämän sivun oma teksti (alkutietojen jälkeen) näkyy\n# selosteen lopussa.\ntemplate = \"saavutettavuus.html\"\n{SOURCES}+++\n"
        ),
        Kind::Year => year_page(&texts, site),
    }
}

const HOME_NOTE: &str = "
<!--
Tämä kommentti on ohje eikä näy sivulla; poista se, kun sivu on valmis.

Kerro tämän kommentin yläpuolella lyhyesti, miten neuvottelut alueella
järjestetään: keiden kanssa neuvotellaan (kunnat, järjestöt, seurakunnat,
yritykset) ja mistä sivuston tiedot ovat peräisin. Kirjoita vain se, minkä
hyvinvointialueen julkiset asiakirjat kertovat. Alueen kunnat, tulevat
tilaisuudet ja vuodet sivusto lisää etusivulle itse.
-->
";

fn year_page(texts: &str, site: &NewSite) -> String {
    let year = site.year();
    format!(
        r#"+++
{texts}# Neuvottelujen tila: "planned" (suunniteltu), "ongoing" (käynnissä) tai
# "held" (toteutettu). Sivusto päättelee tilaisuuksien päivämääristä, ovatko
# ne tulossa vai menneitä; kirjoita "held", kun neuvottelut on käyty.
status = "planned"
# Vuoden kohderyhmät site.toml-tiedoston [[target_groups]]-luettelosta,
# esim. ["…", "…"].
target_groups = []
# Lähdeasiakirjat site.toml-tiedoston [[sources]]-luettelosta.
sources = []

# Tilaisuudet. Kirjoita tilaisuus vasta, kun sen ajankohta on päätetty tai
# julkaistu. Jos päivää ei vielä tiedetä, kirjoita ajankohta sanoin (when) ja
# sen viimeinen mahdollinen päivä (until). Kuntaryhmien tilaisuudet tulevat
# kuntaryhmien sivuilta (hyte new group {year} "Kunta" "Kunta").
# [[sessions]]
# title = "…"
# date = VVVV-KK-PP
# location = "…"
#
# [[sessions]]
# title = "…"
# when = "…"
# until = VVVV-KK-PP
# planned = true
+++

<!--
Tämä kommentti on ohje eikä näy sivulla; poista se, kun sivu on valmis.

Kirjoita tämän kommentin alle, miten vuoden {year} neuvottelut järjestetään,
kun hyvinvointialue on sen päättänyt tai julkaissut. Yhteiset nostot
kirjoitetaan painopisteen (##) ja kohderyhmän (###) otsikoiden alle
luettelona, kun painopisteet ja kohderyhmät on kirjoitettu site.toml-
tiedostoon. Katso myös: hyte new group {year} … ja hyte new perspective {year} ….
-->
"#
    )
}

/// The translation of `content/<stem>.md` into `code`: its texts only.
fn translation(stem: &str, code: &str, page: &Page) -> String {
    let language = match code {
        "sv" => "Ruotsinkielinen",
        "en" => "Englanninkielinen",
        _ => "Kielen",
    };
    let head = format!(
        "# {language} käännös sivusta content/{stem}.md. Tässä tiedostossa ovat\n# vain käännettävät tekstit (title, description, summary ja sivun teksti);\n# muut tiedot, kuten tila, päivämäärät ja lähteet, ovat suomenkielisessä\n# tiedostossa.\n"
    );
    let texts = texts_of(page, "");
    let body = if page.body.is_empty() {
        String::new()
    } else {
        format!("\n{}", page.body)
    };
    format!("+++\n{head}{texts}+++\n{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::init::flags::example;

    #[test]
    fn each_page_has_its_translation_beside_it() {
        let files = pages(&example());
        let paths: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        assert_eq!(
            paths,
            [
                "content/_index.md",
                "content/_index.sv.md",
                "content/laki.md",
                "content/laki.sv.md",
                "content/saavutettavuus.md",
                "content/saavutettavuus.sv.md",
                "content/2031/_index.md",
                "content/2031/_index.sv.md",
            ]
        );
        // A translation holds only texts: no structure.
        let sv = &files[7].1;
        assert!(sv.contains("title = \"HYTE-förhandlingar 2031\""), "{sv}");
        assert!(!sv.contains("status") && !sv.contains("template"), "{sv}");
    }
}
