//! The flags of `hyte init`, checked and turned into the facts of the new
//! site ([`NewSite`]). Each problem is a usage error that says how to
//! write the flag right; nothing is written before every flag is good.

use std::fmt::Display;

use super::InitArgs;
use crate::diagnostic::Error;
use crate::slug::slugify;

/// The main language of every site `hyte init` makes: its pages and the
/// comments of its `site.toml` are Finnish.
pub(super) const MAIN_LANGUAGE: &str = "fi";

/// What the new site knows from its flags, and the build's date.
#[derive(Debug, Clone)]
pub(super) struct NewSite {
    pub region: String,
    pub county: String,
    /// In the order given.
    pub municipalities: Vec<String>,
    /// The languages besides Finnish, in the order given.
    pub others: Vec<String>,
    pub region_sv: Option<String>,
    pub county_sv: Option<String>,
    /// Today in the site's time zone (`SOURCE_DATE_EPOCH` or the clock).
    pub today: jiff::civil::Date,
}

impl NewSite {
    pub fn year(&self) -> i16 {
        self.today.year()
    }
}

/// A site for the unit tests: Saaristo, two municipalities, Swedish.
#[cfg(test)]
pub(super) fn example() -> NewSite {
    NewSite {
        region: "Saaristo".into(),
        county: "Saariston hyvinvointialue".into(),
        municipalities: vec!["Aa".into(), "Bb".into()],
        others: vec!["sv".into()],
        region_sv: None,
        county_sv: None,
        today: jiff::civil::date(2031, 1, 15),
    }
}

/// The new site the flags describe, if every flag is good.
pub(super) fn new_site(args: &InitArgs, today: jiff::civil::Date) -> Result<NewSite, Error> {
    let region = name("--region", &args.region, "--region \"Saaristo\"")?;
    let county = name(
        "--county",
        &args.county,
        "--county \"Saariston hyvinvointialue\"",
    )?;
    let municipalities = municipalities(&args.municipalities)?;
    let region_sv = args
        .region_sv
        .as_deref()
        .map(|v| name("--region-sv", v, "--region-sv \"Skärgården\""))
        .transpose()?;
    let county_sv = args
        .county_sv
        .as_deref()
        .map(|v| {
            name(
                "--county-sv",
                v,
                "--county-sv \"Skärgårdens välfärdsområde\"",
            )
        })
        .transpose()?;
    let others = languages(&args.languages)?;
    let swedish_flag = match (&region_sv, &county_sv) {
        (Some(_), _) => Some("--region-sv"),
        (None, Some(_)) => Some("--county-sv"),
        (None, None) => None,
    };
    if let Some(flag) = swedish_flag
        && !others.iter().any(|c| c == "sv")
    {
        return Err(usage(
            format!("valinta {flag} annettiin, mutta ruotsi ei ole sivuston kielissä"),
            "lisää ruotsi sivuston kieliin: --languages fi,sv",
        ));
    }
    Ok(NewSite {
        region,
        county,
        municipalities,
        others,
        region_sv,
        county_sv,
        today,
    })
}

/// A usage error with its help line, as `hyte new` writes them.
fn usage(message: impl Display, help: impl Display) -> Error {
    Error::Usage(format!("{message}\n  = ohje: {help}"))
}

/// A name given with `flag`: trimmed, not empty, on one line.
fn name(flag: &str, value: &str, example: &str) -> Result<String, Error> {
    let value = value.trim();
    if value.is_empty() {
        return Err(usage(
            format!("valinnan {flag} arvo on tyhjä"),
            format!("kirjoita nimi valinnan perään, esim. {example}"),
        ));
    }
    one_line(flag, value, example)?;
    Ok(value.to_string())
}

fn one_line(flag: &str, value: &str, example: &str) -> Result<(), Error> {
    if value.chars().any(char::is_control) {
        return Err(usage(
            format!("valinnan {flag} arvossa on rivinvaihto tai muu ohjausmerkki"),
            format!("kirjoita nimi yhdelle riville, esim. {example}"),
        ));
    }
    Ok(())
}

const MUNICIPALITIES_EXAMPLE: &str = "--municipalities \"Parainen, Kemiönsaari, Kaarina\"";

/// The municipalities of `--municipalities "A, B, C"`: each a name with
/// letters or digits (its page's address is made from it), each once.
fn municipalities(list: &str) -> Result<Vec<String>, Error> {
    let names: Vec<&str> = list.split(',').map(str::trim).collect();
    if names.iter().all(|n| n.is_empty()) {
        return Err(usage(
            "kuntaluettelo --municipalities on tyhjä",
            format!("kirjoita alueen kunnat pilkuilla erotettuina, esim. {MUNICIPALITIES_EXAMPLE}"),
        ));
    }
    if names.iter().any(|n| n.is_empty()) {
        return Err(usage(
            format!(
                "kuntaluettelossa --municipalities \"{list}\" on tyhjä nimi (kaksi pilkkua peräkkäin tai pilkku alussa tai lopussa)"
            ),
            format!(
                "kirjoita kuntien nimet pilkuilla erotettuina ilman ylimääräisiä pilkkuja, esim. {MUNICIPALITIES_EXAMPLE}"
            ),
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for name in names {
        one_line("--municipalities", name, MUNICIPALITIES_EXAMPLE)?;
        let slug = slugify(name);
        if slug.is_empty() {
            return Err(usage(
                format!("kunnan nimestä \"{name}\" ei voi muodostaa sivun osoitetta"),
                "kunnan nimessä on oltava kirjaimia tai numeroita: kunnan sivun osoite /kunnat/<nimi>/ muodostetaan nimestä",
            ));
        }
        if let Some(first) = out.iter().find(|m| slugify(m) == slug) {
            let spelled = if first == name {
                String::new()
            } else {
                format!(" (\"{first}\" ja \"{name}\")")
            };
            return Err(usage(
                format!("kunta \"{name}\" on kuntaluettelossa kahdesti{spelled}"),
                "kirjoita jokainen kunta luetteloon vain kerran",
            ));
        }
        out.push(name.to_string());
    }
    Ok(out)
}

/// The languages of `--languages fi,sv` after Finnish: each one the
/// default theme has words for (`themes/default/i18n/<code>.toml`), each
/// once, Finnish first.
fn languages(list: &str) -> Result<Vec<String>, Error> {
    let known = crate::theme::builtin_languages();
    let codes: Vec<String> = list
        .split(',')
        .map(|c| c.trim().to_ascii_lowercase())
        .collect();
    if codes.iter().all(String::is_empty) {
        return Err(usage(
            "kieliluettelo --languages on tyhjä",
            "jätä valinta pois, jolloin sivusto on suomeksi, tai kirjoita kielet pilkuilla erotettuina, esim. --languages fi,sv",
        ));
    }
    for (i, code) in codes.iter().enumerate() {
        if code.is_empty() {
            return Err(usage(
                format!("kieliluettelossa --languages \"{list}\" on tyhjä kielikoodi"),
                "kirjoita kielikoodit pilkuilla erotettuina ilman ylimääräisiä pilkkuja, esim. --languages fi,sv",
            ));
        }
        if !known.contains(code) {
            return Err(usage(
                format!(
                    "kieltä \"{code}\" ei voi käyttää: oletusteemassa ei ole sen kielitiedostoa themes/default/i18n/{code}.toml"
                ),
                format!(
                    "käytettävissä olevat kielet: {}; esim. --languages fi,sv",
                    known.join(", ")
                ),
            ));
        }
        if codes[..i].contains(code) {
            return Err(usage(
                format!("kieli \"{code}\" on kieliluettelossa kahdesti"),
                "kirjoita jokainen kieli vain kerran, esim. --languages fi,sv",
            ));
        }
    }
    if codes[0] != MAIN_LANGUAGE {
        let mut fixed = vec![MAIN_LANGUAGE.to_string()];
        fixed.extend(codes.iter().filter(|c| *c != MAIN_LANGUAGE).cloned());
        return Err(usage(
            format!(
                "sivuston pääkieleksi (ensimmäinen kieli) annettiin \"{}\", mutta hyte init tekee sivuston, jonka pääkieli on suomi",
                codes[0]
            ),
            format!(
                "kirjoita suomi ensimmäiseksi: --languages {}; muut kielet ovat käännöksiä",
                fixed.join(",")
            ),
        ));
    }
    Ok(codes.into_iter().skip(1).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(e: Error) -> String {
        match e {
            Error::Usage(m) => m,
            other => panic!("not a usage error: {other}"),
        }
    }

    #[test]
    fn municipalities_are_names_each_once() {
        assert_eq!(municipalities(" Aa, Bb ,Öö ").unwrap(), ["Aa", "Bb", "Öö"]);
        let m = message(municipalities(" , ").unwrap_err());
        assert!(
            m.contains("on tyhjä") && m.contains("--municipalities \""),
            "{m}"
        );
        let m = message(municipalities("Aa,,Bb").unwrap_err());
        assert!(m.contains("tyhjä nimi"), "{m}");
        let m = message(municipalities("Äijälä, aijala").unwrap_err());
        assert!(m.contains("kahdesti (\"Äijälä\" ja \"aijala\")"), "{m}");
        let m = message(municipalities("Aa, !!").unwrap_err());
        assert!(m.contains("\"!!\""), "{m}");
    }

    #[test]
    fn languages_are_the_themes_finnish_first() {
        assert_eq!(languages("fi").unwrap(), Vec::<String>::new());
        assert_eq!(languages("fi, SV").unwrap(), ["sv"]);
        let m = message(languages("fi,de").unwrap_err());
        assert!(m.contains("themes/default/i18n/de.toml"), "{m}");
        assert!(m.contains("en, fi, sv"), "{m}");
        let m = message(languages("sv,fi").unwrap_err());
        assert!(m.contains("--languages fi,sv"), "{m}");
        let m = message(languages("fi,sv,sv").unwrap_err());
        assert!(m.contains("kahdesti"), "{m}");
        assert!(languages("").is_err() && languages("fi,").is_err());
    }
}
