//! `hyte new`: scaffolding for a year, a municipality group or an
//! organisation perspective. Each file starts as a draft with commented
//! front matter and the expected headings; nothing is ever overwritten,
//! and municipality names are checked against `site.toml`.

mod municipalities;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::config::Config;
use crate::config::all_of;
use crate::diagnostic::{Diagnostic, Error};
use crate::load::frontmatter::At;
use crate::load::{self, Front, GROUPS_DIR, Loaded, PERSPECTIVES_DIR};
use crate::slug::slugify;

// The doc comments of `NewCommand` are the Finnish help of `hyte new`.

/// Luo uuden vuoden, kuntaryhmän tai näkökulman sivun luonnokseksi
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Luo vuoden sivun content/<VUOSI>/_index.md
    Year {
        /// Vuosi neljällä numerolla, esim. 2027
        #[arg(value_name = "VUOSI", value_parser = year)]
        year: i32,
    },
    /// Luo kuntaryhmän sivun content/<VUOSI>/kuntaryhmat/<kunnat>.md
    Group {
        /// Vuosi, jonka sivu on jo tehty (hyte new year)
        #[arg(value_name = "VUOSI", value_parser = year)]
        year: i32,
        /// Kunnat päätöksen mukaisessa järjestyksessä, esim. "Jyväskylä" "Muurame"
        #[arg(required = true, value_name = "KUNNAT")]
        municipalities: Vec<String>,
    },
    /// Luo näkökulman sivun content/<VUOSI>/nakokulmat/<otsikko>.md
    Perspective {
        /// Vuosi, jonka sivu on jo tehty (hyte new year)
        #[arg(value_name = "VUOSI", value_parser = year)]
        year: i32,
        /// Sivun otsikko, esim. "Järjestöt ja seurakunnat"
        #[arg(value_name = "OTSIKKO")]
        title: String,
    },
}

/// A number written with digits only; whether it is a year (`26` is not)
/// is [`check_year`]'s to say.
fn year(text: &str) -> Result<i32, String> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse() {
        Ok(year) if digits && !text.starts_with('0') => Ok(year),
        _ => Err("kirjoita vuosi neljällä numerolla, esim. 2027".to_string()),
    }
}

/// `hyte new` as the command line asks for it, in the site at `root`.
pub fn execute(root: PathBuf, what: NewCommand) -> Result<(), Error> {
    run(&root, what).map(|_| ())
}

/// Creates the file `what` asks for and returns its path.
pub fn run(root: &Path, what: NewCommand) -> Result<PathBuf, Error> {
    // Before anything else: `new group 26` is a slip of the year, not a
    // year still to make.
    let (NewCommand::Year { year }
    | NewCommand::Group { year, .. }
    | NewCommand::Perspective { year, .. }) = &what;
    check_year(*year)?;
    let loaded = load::load(root, None)?;
    let (path, text) = match what {
        NewCommand::Year { year } => year_file(&loaded, year)?,
        NewCommand::Group {
            year,
            municipalities,
        } => group_file(&loaded, year, &municipalities)?,
        NewCommand::Perspective { year, title } => perspective_file(&loaded, year, &title)?,
    };
    if path.exists() {
        return Err(Error::content(
            Diagnostic::new(
                &path,
                "tiedosto on jo olemassa; hyte new ei koskaan korvaa olemassa olevaa tiedostoa",
            )
            .help("muokkaa olemassa olevaa tiedostoa, tai poista se ensin, jos haluat aloittaa alusta"),
        ));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    // create_new: even a file made since the check above is not replaced.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
        .map_err(|e| Error::io(&path, e))?;
    eprintln!(
        "luotu: {} (luonnos: poista rivi `draft = true`, kun sivu on valmis)",
        crate::diagnostic::shown(&path).display()
    );
    Ok(path)
}

/// A year of four digits.
fn check_year(year: i32) -> Result<(), Error> {
    if (1900..=2999).contains(&year) {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "{year} ei ole vuosiluku; kirjoita vuosi neljällä numerolla, esim. 2027"
        )))
    }
}

fn year_dir(loaded: &Loaded, year: i32) -> PathBuf {
    loaded.root.join("content").join(year.to_string())
}

/// The year must exist before its groups and perspectives.
fn existing_year(loaded: &Loaded, year: i32) -> Result<(), Error> {
    let index = year_dir(loaded, year).join("_index.md");
    if index.exists() {
        Ok(())
    } else {
        Err(Error::content(
            Diagnostic::new(&index, format!("vuotta {year} ei ole vielä luotu"))
                .help(format!("luo se ensin: hyte new year {year}")),
        ))
    }
}

/// The target groups a year uses, as written in its front matter, or those
/// of the latest earlier year.
fn target_groups(loaded: &Loaded, year: i32) -> Vec<String> {
    let mut years: Vec<(i32, &Vec<At<String>>)> = loaded
        .sources
        .iter()
        .filter_map(|s| match (&s.front, s.year) {
            (Front::Year(f), Some(y)) if y <= year => Some((y, &f.target_groups)),
            _ => None,
        })
        .collect();
    years.sort_by_key(|(y, _)| *y);
    years
        .last()
        .map(|(_, t)| t.iter().map(|n| n.value.clone()).collect())
        .unwrap_or_default()
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `## priority` and `### target group` headings for findings.
fn finding_headings(config: &Config, targets: &[String]) -> String {
    let mut out = String::new();
    for p in &config.priority_areas {
        let _ = writeln!(out, "## {}\n", p.name);
        for t in targets {
            let name = config
                .target_group(t)
                .map(|id| config.target_groups[id.0].name.as_str())
                .unwrap_or(t);
            let _ = writeln!(out, "### {name}\n");
        }
    }
    out
}

fn year_file(loaded: &Loaded, year: i32) -> Result<(PathBuf, String), Error> {
    let targets = target_groups(loaded, year);
    let list = targets
        .iter()
        .map(|t| toml_string(t))
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!(
        r#"+++
# Sivun otsikko.
title = "HYTE-neuvottelut {year}"
# Uusi sivu on luonnos: se näkyy esikatselussa (hyte serve) mutta ei
# julkaistulla sivustolla. Poista rivi, kun sivu on valmis.
draft = true
# Neuvottelujen tila: "planned" (suunniteltu), "ongoing" (käynnissä)
# tai "held" (toteutettu).
status = "planned"
# Tiivistelmä selkokielellä, 3–5 virkettä: mitä, milloin, keiden kanssa
# ja mitä sovittiin.
summary = """"""
# Vuoden kohderyhmät site.toml:n [[target_groups]]-luettelosta.
target_groups = [{list}]
# Lähdeasiakirjat site.toml:n [[sources]]-luettelosta, esim. ["koonti-2025"].
sources = []
# updated = {year}-01-01

# Tilaisuudet (kuntaryhmien tilaisuudet tulevat kuntaryhmien sivuilta).
# [[sessions]]
# title = "Palveluntuottajafoorumi"
# date = {year}-12-03
# location = "Etäkokous"

# Päätökset.
# [[decisions]]
# body = "Aluehallitus"
# date = {year}-10-07
# section = "§ 282"
# title = "…"

# Tavoitteet painopisteittäin ja kohderyhmittäin.
# [[goals]]
# priority = "Arjen turvallisuus"
# target_group = "Ikääntyneiden palvelut"
# goal = "…"
# background = "…"
+++

<!--
Tämä kommentti on ohje eikä näy sivulla; poista se, kun sivu on valmis.

Kirjoita tämän kommentin alle, miten vuoden {year} neuvottelut
järjestetään.

Yhteiset nostot kirjoitetaan painopisteen (##) ja kohderyhmän (###)
otsikoiden alle luettelona; jokainen luettelon kohta on yksi nosto,
esimerkiksi

  - Nuorten harrastusmahdollisuuksia lisätään koulujen tiloissa.

Poista otsikot, joiden alle ei tule nostoja.
-->

{}"#,
        finding_headings(&loaded.config, &targets)
    );
    Ok((year_dir(loaded, year).join("_index.md"), text))
}

fn group_file(loaded: &Loaded, year: i32, names: &[String]) -> Result<(PathBuf, String), Error> {
    let config = &loaded.config;
    municipalities::once_each(config, year, names)?;
    existing_year(loaded, year)?;
    let members: Vec<_> = municipalities::members(loaded, year, names)?
        .into_iter()
        .map(|id| &config.municipalities[id.0])
        .collect();
    let slug = members
        .iter()
        .map(|m| m.slug.as_str())
        .collect::<Vec<_>>()
        .join("-");
    let title = all_of(&members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>());
    let list = members
        .iter()
        .map(|m| toml_string(&m.name))
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!(
        r#"+++
title = {}
# Uusi sivu on luonnos: poista rivi, kun sivu on valmis.
draft = true
# Kuntaryhmän kunnat päätöksen mukaisessa järjestyksessä.
municipalities = [{list}]
# Neuvottelupäivä muodossa vvvv-kk-pp, ilman lainausmerkkejä.
# date = {year}-11-13
# start_time = "08:15"
# end_time = "12:00"
# location = "Etäkokous"
# Lyhyt kuvaus neuvottelusta.
summary = ""
sources = []
+++

<!--
Tämä kommentti on ohje eikä näy sivulla; poista se, kun sivu on valmis.

Kirjoita tämän kommentin alle lyhyesti, miten neuvottelu käytiin.

Kuntaryhmän nostot kirjoitetaan painopisteen (##) ja kohderyhmän (###)
otsikoiden alle luettelona; jokainen luettelon kohta on yksi nosto,
esimerkiksi

  - Nuorten harrastusmahdollisuuksia lisätään koulujen tiloissa.

Poista otsikot, joiden alle ei tule nostoja.
-->

{}"#,
        toml_string(&title),
        finding_headings(config, &target_groups(loaded, year))
    );
    Ok((
        year_dir(loaded, year)
            .join(GROUPS_DIR)
            .join(format!("{slug}.md")),
        text,
    ))
}

fn perspective_file(loaded: &Loaded, year: i32, title: &str) -> Result<(PathBuf, String), Error> {
    existing_year(loaded, year)?;
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Error::Usage(format!(
            "otsikosta \"{title}\" ei saa tiedostonimeä; käytä kirjaimia tai numeroita"
        )));
    }
    let text = format!(
        r#"+++
title = {}
# Uusi sivu on luonnos: poista rivi, kun sivu on valmis.
draft = true
# Esimerkiksi foorumin päivämäärä muodossa vvvv-kk-pp.
# date = {year}-12-03
summary = ""
sources = []
+++

<!--
Tämä kommentti on ohje eikä näy sivulla; poista se, kun sivu on valmis.

Kirjoita tämän kommentin alle, keitä näkökulma koskee ja miten heitä
kuultiin.

Nostot kirjoitetaan painopisteen (##) otsikon alle luettelona; jokainen
luettelon kohta on yksi nosto. Muiden painopisteiden otsikot kirjoitetaan
samoin, niin kuin ne ovat site.toml-tiedostossa. Poista otsikot, joiden
alle ei tule nostoja.
-->

## {}
"#,
        toml_string(title),
        loaded
            .config
            .priority_areas
            .first()
            .map(|p| p.name.as_str())
            .unwrap_or("Painopiste")
    );
    Ok((
        year_dir(loaded, year)
            .join(PERSPECTIVES_DIR)
            .join(format!("{slug}.md")),
        text,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_written_in_digits() {
        assert_eq!(year("2027"), Ok(2027));
        assert_eq!(year("26"), Ok(26)); // not a year: check_year says so
        for bad in ["", "vuosi", "+2027", "02027", "2027.0", " 2027"] {
            assert!(year(bad).is_err(), "{bad:?}");
        }
    }
}
