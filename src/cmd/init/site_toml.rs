//! The new site's `site.toml`: every key the site needs, each explained in
//! a Finnish comment; the names from the flags, the real site's statutes,
//! and commented examples for what the author adds (priority areas, target
//! groups, sources, glossary). The tables of facts only the county can give
//! are written by `county`.

use std::fmt::Write as _;

use super::county;
use super::flags::{MAIN_LANGUAGE, NewSite};
use super::texts::{Texts, texts};

/// The statutes of the real site's `site.toml`, copied verbatim (a test
/// keeps them so): only real law, as the county's documents quote it.
const STATUTES: &str = include_str!("statutes.toml");

pub(super) const RULE: &str =
    "# ---------------------------------------------------------------------------";

/// A TOML basic string holding `s`, escaped.
pub(super) fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `site.toml` for `site`; with `translations`, the tables and inline
/// translations of its other languages too.
pub(super) fn site_toml(site: &NewSite, translations: bool) -> String {
    let fi = texts(MAIN_LANGUAGE, site).expect("Finnish texts");
    let others: Vec<(&str, Texts)> = if translations {
        site.others
            .iter()
            .map(|c| (c.as_str(), texts(c, site).expect("checked with the flags")))
            .collect()
    } else {
        Vec::new()
    };
    let sv = others.iter().any(|(c, _)| *c == "sv");
    let mut out = String::new();
    head(&mut out, site, &fi, &others);
    region(&mut out, site, sv);
    municipalities(&mut out, site, sv);
    vocabulary(&mut out, sv);
    statutes(&mut out, sv);
    county::contact(&mut out, site);
    sources_and_terms(&mut out);
    county::accessibility(&mut out, site, &fi, &others);
    county::data(&mut out);
    out
}

fn head(out: &mut String, site: &NewSite, fi: &Texts, others: &[(&str, Texts)]) {
    let d = site.today;
    let _ = write!(
        out,
        r#"# {county}: HYTE-neuvottelujen sivuston asetukset.
#
# Tämän tiedoston teki hyte init {day}.{month}.{year}. Tiedostossa ovat sivuston
# nimi, alue, kunnat, painopisteet, kohderyhmät, lakipykälät, yhteystieto,
# saavutettavuusselosteen tiedot ja avoimen datan käyttöehdot. Sivujen tekstit
# ovat kansiossa content/.
#
# Rivit, jotka alkavat #-merkillä, ovat kommentteja: ne eivät näy sivuilla.
# Kirjoita tähän vain hyvinvointialueen julkisista asiakirjoista saatuja tai
# sen vahvistamia tietoja. Komento hyte check kertoo, mitä on vielä
# täyttämättä tai vahvistamatta. Jokainen avain on kuvattu hyten ohjeessa
# docs/content-format.md, uuden sivuston aloitus ohjeessa docs/uusi-sivusto.md.

# Sivuston nimi ja kuvaus: ne näkyvät selaimen välilehdellä, hakukoneissa ja
# jaetuissa linkeissä. Muuta niitä halutessasi.
title = {title}
description = {description}
# Sivuston julkaisuosoite. Tämä on paikkamerkki: hyte check varoittaa siitä,
# kunnes kirjoitat tähän oikean osoitteen muodossa "https://…/" (alikansiokin
# käy, esim. "https://www.example.fi/hyte/").
base_url = "https://hyte.example.fi/"
# Sivuston pääkieli: sivut kirjoitetaan suomeksi.
language = "{MAIN_LANGUAGE}"
# Aikavyöhyke, jonka mukaan sivusto tietää, mikä päivä tänään on ja mitkä
# tilaisuudet ovat tulossa; oletus on "Europe/Helsinki".
# time_zone = "Europe/Helsinki"
"#,
        county = site.county,
        day = d.day(),
        month = d.month(),
        year = d.year(),
        title = quoted(&fi.site_title),
        description = quoted(&fi.site_description),
    );
    if others.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "\n{RULE}\n# Sivuston muut kielet. Jokaisella on oma taulukkonsa, jossa on sivuston nimi\n# ja kuvaus sillä kielellä. Sivujen käännökset ovat suomenkielisten sivujen\n# vieressä (esim. content/_index.sv.md), ja ne julkaistaan osoitteissa\n# /<kieli>/… (esim. /sv/).\n{RULE}\n"
    );
    for (code, t) in others {
        let _ = writeln!(out, "\n[languages.{code}]");
        if *code == "sv" && site.region_sv.is_none() {
            out.push_str(
                "# Lisää nimeen alueen ruotsinkielinen nimi, esim. \"HYTE-förhandlingar i …\".\n",
            );
        }
        let _ = writeln!(out, "title = {}", quoted(&t.site_title));
        let _ = writeln!(out, "description = {}", quoted(&t.site_description));
    }
}

fn region(out: &mut String, site: &NewSite, sv: bool) {
    let _ = write!(
        out,
        "\n{RULE}\n# Alue ja sen hyvinvointialue.\n{RULE}\n\n[region]\nname = {}\ncounty = {}\n# Hyvinvointialueen verkkosivujen osoite (valinnainen):\n# county_url = \"https://…\"\n",
        quoted(&site.region),
        quoted(&site.county),
    );
    if !sv {
        return;
    }
    let mut given = Vec::new();
    if let Some(name) = &site.region_sv {
        given.push(format!("name = {}", quoted(name)));
    }
    if let Some(county) = &site.county_sv {
        given.push(format!("county = {}", quoted(county)));
    }
    let missing = match (&site.region_sv, &site.county_sv) {
        (None, None) => {
            "alueen ja hyvinvointialueen ruotsinkieliset nimet, esim. sv = { name = \"…\", county = \"…\" }"
        }
        (None, Some(_)) => "alueen ruotsinkielisen nimen avaimeen name",
        (Some(_), None) => "hyvinvointialueen ruotsinkielisen nimen avaimeen county",
        (Some(_), Some(_)) => "",
    };
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "# Ruotsinkielisillä sivuilla käytetään suomenkielisiä nimiä, kunnes lisäät\n# tähän {missing}."
        );
    }
    if !given.is_empty() {
        let _ = writeln!(out, "sv = {{ {} }}", given.join(", "));
    }
}

fn municipalities(out: &mut String, site: &NewSite, sv: bool) {
    let first = &site.municipalities[0];
    let _ = write!(
        out,
        "\n{RULE}\n# Kunnat ({n}). Kunnan sivun osoite /kunnat/<tunnus>/ muodostetaan nimestä\n# (ä → a, ö → o, å → a), esim. {first} → {slug}. Nimen muut kirjoitusasut,\n# jotka sivuilla tunnistetaan samaksi kunnaksi, voi luetella avaimessa\n# aliases = [\"…\"].\n",
        n = site.municipalities.len(),
        slug = crate::slug::slugify(first),
    );
    if sv {
        out.push_str("#\n# Jos kunnan ruotsinkielinen nimi on eri kuin suomenkielinen, lisää se kunnan\n# taulukkoon, esim. sv = { name = \"…\" }. Muuten ruotsinkielisillä sivuilla\n# käytetään suomenkielistä nimeä.\n");
    }
    let _ = writeln!(out, "{RULE}");
    for name in &site.municipalities {
        let _ = write!(out, "\n[[municipalities]]\nname = {}\n", quoted(name));
    }
}

fn vocabulary(out: &mut String, sv: bool) {
    let sv_line = if sv {
        "# sv = { name = \"…\" }     # ruotsinkielinen nimi\n"
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"
{RULE}
# Painopisteet: hyvinvointialueen hyvinvoinnin ja terveyden edistämisen
# painopisteet siinä muodossa kuin hyvinvointialueen päätökset ne nimeävät.
# Nostot kirjoitetaan sivuille painopisteen (##) ja kohderyhmän (###)
# otsikoiden alle, joten painopisteet on kirjoitettava tähän ennen ensimmäisiä
# nostoja. Lisää jokaisesta painopisteestä taulukko ja poista #-merkit:
#
# [[priority_areas]]
# name = "…"
# aliases = ["…"]           # asiakirjoissa käytetyt muut otsikot (valinnainen)
# description = "…"         # lyhyt kuvaus arkikielellä (valinnainen)
{sv_line}{RULE}

{RULE}
# Kohderyhmät, esimerkiksi ikäryhmät tai palvelukokonaisuudet. Vuoden sivu
# kertoo, mitä näistä se käyttää (target_groups = ["…"]). Lisää jokaisesta
# kohderyhmästä taulukko samaan tapaan:
#
# [[target_groups]]
# name = "…"
# description = "…"         # (valinnainen)
{sv_line}{RULE}
"#
    );
}

fn statutes(out: &mut String, sv: bool) {
    let _ = write!(
        out,
        r#"
{RULE}
# Lakipykälät, joihin neuvottelut perustuvat; ne näkyvät lakitaustan sivulla
# (/laki/). Tekstit on kopioitu Keski-Suomen HYTE-sivuston site.toml-
# tiedostosta, jossa ne ovat siinä muodossa kuin Keski-Suomen hyvinvointialueen
# asiakirjat ne lainaavat. Tarkista ne ajantasaisesta lainsäädännöstä
# (www.finlex.fi) ennen julkaisua. Jos hyvinvointialueen asiakirjat viittaavat
# muihinkin lakeihin, esimerkiksi terveydenhuoltolakiin (1326/2010) tai
# sosiaalihuoltolakiin (1301/2014), lisää niistä taulukko samassa muodossa
# (act, number, section, heading ja text lain sanamuodossa).
"#
    );
    if sv {
        out.push_str("#\n# Ruotsinkielinen teksti lain ruotsinkielisestä versiosta: lisää pykälän\n# taulukkoon sv = { act = \"…\", heading = \"…\", text = \"\"\"…\"\"\" }. Siihen asti\n# ruotsinkielisellä sivulla näkyy suomenkielinen teksti.\n");
    }
    let _ = write!(out, "{RULE}\n\n{STATUTES}");
}

fn sources_and_terms(out: &mut String) {
    let _ = write!(
        out,
        r#"
{RULE}
# Lähdeasiakirjat: pöytäkirjat, esitykset ja muut julkiset asiakirjat, joihin
# sivujen tiedot perustuvat. Sivu nimeää lähteensä alkutiedoissa:
# sources = ["…"]. Lisää jokaisesta asiakirjasta taulukko:
#
# [[sources]]
# id = "…"                  # lyhyt tunniste, jolla sivut viittaavat asiakirjaan
# title = "…"               # asiakirjan oma otsikko
# kind = "…"                # esim. "Pöytäkirjaote" tai "Diaesitys"
# date = VVVV-KK-PP         # vain, jos asiakirja kertoo päivän
# url = "https://…"         # jos asiakirja on verkossa
{RULE}

{RULE}
# Sanasto (/sanasto/): sanat ja lyhenteet, joita asukas ei välttämättä tunne,
# selitettyinä arkikielellä. Sivuilla termin ensimmäinen esiintymä (tai sen
# taivutusmuoto, aliases) linkittää selitykseen. Esimerkiksi:
#
# [[terms]]
# term = "HYTE"
# expansion = "hyvinvoinnin ja terveyden edistäminen"
# explanation = "…"
{RULE}
"#
    );
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::cmd::init::flags::example;

    #[test]
    fn the_statutes_are_the_real_sites_verbatim() {
        let real = include_str!("../../../site.toml");
        assert!(real.contains(STATUTES.trim_end()));
    }

    #[test]
    fn the_finnish_site_toml_is_a_valid_configuration() {
        let text = site_toml(&example(), false);
        let config = crate::config::parse(text.into_bytes(), Path::new("site.toml"), None)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(config.municipalities.len(), 2);
        assert_eq!(config.statutes.len(), 3);
        let what: Vec<&str> = config.unconfirmed().iter().map(|u| u.what).collect();
        assert_eq!(what.len(), 5, "{what:?}");
        assert!(config.placeholder_base_url().is_some());
    }

    #[test]
    fn the_swedish_parts_are_tables_of_the_schema() {
        let mut site = example();
        site.region_sv = Some("Skärgården".into());
        let text = site_toml(&site, true);
        let value: toml::Table = text.parse().unwrap();
        assert_eq!(
            value["languages"]["sv"]["title"].as_str(),
            Some("HYTE-förhandlingar i Skärgården")
        );
        assert_eq!(value["region"]["sv"]["name"].as_str(), Some("Skärgården"));
        assert!(value["region"]["sv"].get("county").is_none());
        assert!(text.contains("hyvinvointialueen ruotsinkielisen nimen avaimeen county"));
        let items = value["accessibility"]["non_accessible"].as_array().unwrap();
        assert!(items.iter().all(|i| i["sv"]["content"].is_str()));
        // No Swedish name is made up for a municipality.
        let m = value["municipalities"].as_array().unwrap();
        assert!(m.iter().all(|m| m.get("sv").is_none()));
    }
}
