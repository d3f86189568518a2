//! `hyte init DIR`: a new site for another county in one command.
//!
//! From the region, the county, its municipalities and the languages it
//! writes a commented `site.toml`, the front page, the legal basis, the
//! accessibility statement and this year's page (and their translations).
//! It invents no fact: what only the county can give (dates, contact,
//! feedback channel, licence, findings) is left unset with a comment on
//! what to fill in, so that `hyte check` warns until it is given. It never
//! writes into a folder that has a site, and it writes all or nothing: the
//! files are made in memory, `site.toml` is checked with the parser a build
//! uses, and only then is anything written (module `write`).

mod county;
mod flags;
mod pages;
mod site_toml;
mod texts;
mod write;

use std::path::{Path, PathBuf};

use clap::Args;

use crate::diagnostic::{Diagnostic, Error};

// The doc comments of `InitArgs` are the Finnish help of `hyte init`.

/// Luo uuden sivuston toiselle hyvinvointialueelle: site.toml, etusivu,
/// lakitausta, saavutettavuusseloste ja tämän vuoden sivu
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Kansio, johon sivusto luodaan (luodaan, jos sitä ei ole; siinä ei saa
    /// olla site.toml-tiedostoa eikä content-kansiota)
    #[arg(value_name = "KANSIO")]
    pub dir: PathBuf,
    /// Alueen nimi, esim. "Saaristo"
    #[arg(long, value_name = "NIMI")]
    pub region: String,
    /// Hyvinvointialueen nimi, esim. "Saariston hyvinvointialue"
    #[arg(long, value_name = "NIMI")]
    pub county: String,
    /// Alueen kunnat pilkuilla erotettuina, esim. "Parainen, Kemiönsaari"
    #[arg(long, value_name = "KUNNAT")]
    pub municipalities: String,
    /// Sivuston kielet pilkuilla erotettuina; ensimmäinen on pääkieli, ja sen
    /// on oltava fi, esim. fi,sv
    #[arg(long, value_name = "KIELET", default_value = "fi")]
    pub languages: String,
    /// Alueen ruotsinkielinen nimi, esim. "Skärgården" (kun kielissä on sv)
    #[arg(long, value_name = "NIMI")]
    pub region_sv: Option<String>,
    /// Hyvinvointialueen ruotsinkielinen nimi, esim. "Skärgårdens
    /// välfärdsområde" (kun kielissä on sv)
    #[arg(long, value_name = "NIMI")]
    pub county_sv: Option<String>,
}

/// `hyte init` as the command line asks for it. `DIR` is relative to the
/// working directory; `--root` does not apply.
pub fn execute(args: InitArgs) -> Result<(), Error> {
    let files = run(&args)?;
    print!("{}", next_steps(&args.dir, &files));
    Ok(())
}

/// Writes the new site into `args.dir` and returns its files (relative
/// paths), in the order written.
pub fn run(args: &InitArgs) -> Result<Vec<PathBuf>, Error> {
    let tz = jiff::tz::TimeZone::get("Europe/Helsinki")
        .map_err(|e| Error::Internal(format!("aikavyöhyke Europe/Helsinki puuttuu: {e}")))?;
    let site = flags::new_site(args, crate::calendar::today(&tz)?)?;
    refuse_a_site(&args.dir)?;
    let files = files(&site)?;
    write::site(&args.dir, &files)?;
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// A folder that already has a site (or is a file) is never written into.
fn refuse_a_site(dir: &Path) -> Result<(), Error> {
    const HELP: &str = "hyte init ei koskaan korvaa eikä täydennä olemassa olevaa sivustoa; anna uusi kansio, esim. hyte init uusi-sivusto --region … --county … --municipalities …, tai muokkaa tämän sivuston tiedostoja";
    if dir.exists() && !dir.is_dir() {
        return Err(Error::content(
            Diagnostic::new(dir, "tämä on tiedosto eikä kansio").help(HELP),
        ));
    }
    for name in ["site.toml", "content"] {
        let path = dir.join(name);
        if path.exists() {
            return Err(Error::content(
                Diagnostic::new(
                    &path,
                    format!("kansiossa on jo sivusto: {name} on olemassa"),
                )
                .help(HELP),
            ));
        }
    }
    Ok(())
}

/// Every file of the new site, made in memory. The `site.toml` is
/// read by the same parser as a build's, so that a name the flags let
/// through but the configuration refuses stops here, before writing.
fn files(site: &flags::NewSite) -> Result<Vec<(PathBuf, String)>, Error> {
    let text = site_toml::site_toml(site, true);
    if let Err(problems) =
        crate::config::parse(text.clone().into_bytes(), Path::new("site.toml"), None)
    {
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(Error::Internal(format!(
            "hyte init teki site.toml-tiedoston, jota hyte ei voi lukea:\n{}",
            shown.join("\n")
        )));
    }
    let mut files = vec![(PathBuf::from("site.toml"), text)];
    files.extend(pages::pages(site));
    Ok(files)
}

/// What was written and what to do next, in Finnish.
fn next_steps(dir: &Path, files: &[PathBuf]) -> String {
    let d = dir.display();
    let year = files
        .iter()
        .find_map(|f| {
            let mut parts = f.iter().skip(1);
            let year = parts.next()?.to_str()?;
            (parts.next()? == "_index.md").then(|| year.to_string())
        })
        .unwrap_or_default();
    let mut out = format!("Uusi sivusto on luotu kansioon {d}:\n");
    for f in files {
        out.push_str(&format!("  {}\n", f.display()));
    }
    out.push_str(&format!(
        "
Seuraavaksi:
  1. Kirjoita site.toml-tiedoston base_url-avaimeen sivuston oikea
     julkaisuosoite.
  2. Pyydä hyvinvointialueelta sivuston yhteystieto ja kirjoita se
     [contact]-taulukkoon; poista rivi confirmed = false, kun hyvinvointialue
     on vahvistanut sen.
  3. Täydennä saavutettavuusselosteen tiedot [accessibility]-taulukkoon:
     arvioinnin tapa ja päivät, palautekanava (feedback_email) ja
     valvontaviranomaisen yhteystiedot. Kirjoita avoimen datan lisenssi
     [data]-taulukkoon, kun hyvinvointialue on päättänyt sen.
  4. Kirjoita painopisteet ja kohderyhmät site.toml-tiedostoon ja vuoden
     {year} tilaisuudet tiedostoon content/{year}/_index.md; kuntaryhmien
     sivut saat komennolla hyte new group {year} \"Kunta\" \"Kunta\".
  5. Tarkista sivusto: hyte check --root {d}
     Varoitukset kertovat, mitä on vielä täyttämättä tai vahvistamatta.
  6. Esikatsele sivustoa: hyte serve --root {d}

Ohje: docs/uusi-sivusto.md; julkaisu: docs/julkaisu.md
"
    ));
    out
}
