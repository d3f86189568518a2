//! TOML errors in Finnish, for `site.toml` and content files' front matter.
//!
//! The toml crate explains a problem in English, in the words of its
//! grammar ("invalid type: string, expected a TOML datetime"). Authors are
//! not programmers: this module says the same in Finnish, in their words,
//! with what to write instead (an example, the keys that fit, the close
//! match of a misspelt key). The crate's own text is kept at the end of
//! syntax and type errors, for whoever helps the author.

use super::finnish_values::{finnish_date_or_time, written_at};
use super::one_of;
use crate::diagnostic::suggest;

const DATE_HELP: &str =
    "kirjoita päivämäärä ilman lainausmerkkejä muodossa VVVV-KK-PP, esim. date = 2025-10-23";

/// The first line of a TOML error message, without the position toml adds.
pub fn toml_message(e: &toml::de::Error) -> String {
    e.message().trim().to_string()
}

/// A TOML error in Finnish: what is wrong (message) and what to do (help).
/// `source` is the text that was parsed (the error's span points into it);
/// `place` says where, as an inessive phrase such as
/// "site.toml-tiedostossa" or "sivun alkutiedoissa (front matter)". The
/// toml crate's own English text is kept at the end of syntax and type
/// errors, for whoever helps the author.
///
/// A date or time written the Finnish way (`date = 13.11.2025`,
/// `start_time = 09:00`) is recognised from the value at the error's span,
/// and the help gives the line to write instead.
pub fn explain_toml(e: &toml::de::Error, source: &str, place: &str) -> (String, String) {
    let raw = toml_message(e);
    let written = e.span().and_then(|span| written_at(source, span.start));
    if let Some(explained) = written.and_then(|w| finnish_date_or_time(&w, &raw, place)) {
        return explained;
    }
    explain_toml_message(&raw, place)
}

/// [`explain_toml`] of the crate's message `raw`.
fn explain_toml_message(raw: &str, place: &str) -> (String, String) {
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        return unknown_field(rest, place);
    }
    if let Some(rest) = raw.strip_prefix("missing field ") {
        return missing_field(rest, place);
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        return unknown_variant(rest, place);
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        return invalid_type(raw, rest, place);
    }
    if raw.starts_with("duplicate key") || raw.starts_with("duplicate table") {
        return (
            format!("sama avain tai taulukko on kirjoitettu kahdesti {place}"),
            "poista toinen niistä: jokainen avain kirjoitetaan vain kerran; toistuvat taulukot kirjoitetaan kaksinkertaisiin hakasulkeisiin, esim. [[sessions]]".to_string(),
        );
    }
    if raw.starts_with("invalid date") || raw.starts_with("invalid time") {
        return invalid_date(raw, place);
    }
    let (what, help) = syntax(raw);
    (
        format!("kirjoitusvirhe {place}: {what} (TOML: {raw})"),
        help.to_string(),
    )
}

/// The names between backticks in `text`: toml writes keys and values so.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// "unknown field `x`, expected one of `a`, `b`": the close key, or the
/// keys that fit.
fn unknown_field(rest: &str, place: &str) -> (String, String) {
    let names = backticked(rest);
    let key = names.first().cloned().unwrap_or_default();
    let allowed: Vec<&str> = names.iter().skip(1).map(String::as_str).collect();
    let list = allowed
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let close = suggest(&key, allowed.iter().copied());
    let help = match (close.first(), allowed.is_empty()) {
        (Some(c), _) => format!("tarkoititko `{c}`? Tähän kohtaan käyvät avaimet: {list}"),
        (None, false) => {
            format!("poista avain tai korjaa sen nimi; tähän kohtaan käyvät avaimet: {list}")
        }
        (None, true) => "poista avain: tähän kohtaan ei kuulu avaimia".to_string(),
    };
    (format!("tuntematon avain `{key}` {place}"), help)
}

/// "missing field `x`": an example of the key to add.
fn missing_field(rest: &str, place: &str) -> (String, String) {
    let key = backticked(rest).into_iter().next().unwrap_or_default();
    let help = match key_example(&key) {
        Some(example) => format!("lisää avain, esim. {example}"),
        None => format!(
            "lisää avain `{key}` arvoineen; avaimet on kuvattu tiedostossa docs/content-format.md"
        ),
    };
    (format!("puuttuva avain `{key}` {place}"), help)
}

/// "unknown variant `x`, expected one of `a`, `b`": the values that fit,
/// each with its meaning in Finnish.
fn unknown_variant(rest: &str, place: &str) -> (String, String) {
    let names = backticked(rest);
    let value = names.first().cloned().unwrap_or_default();
    let allowed: Vec<String> = names
        .iter()
        .skip(1)
        .map(|v| match value_gloss(v) {
            Some(gloss) => format!("\"{v}\" ({gloss})"),
            None => format!("\"{v}\""),
        })
        .collect();
    (
        format!("arvo \"{value}\" ei käy {place}"),
        format!("käytä jotakin näistä: {}", one_of(&allowed)),
    )
}

/// "invalid type: …, expected a string": what kind of value belongs here,
/// and how it is written.
fn invalid_type(raw: &str, rest: &str, place: &str) -> (String, String) {
    let expected = rest.rsplit_once("expected ").map_or("", |(_, e)| e);
    let (what, help) = if expected.contains("string") {
        (
            "teksti",
            "kirjoita teksti lainausmerkkeihin, esim. title = \"Sivun otsikko\"",
        )
    } else if expected.contains("date") {
        ("päivämäärä", DATE_HELP)
    } else if expected.contains("sequence") {
        (
            "luettelo",
            "kirjoita luettelo hakasulkeisiin, esim. municipalities = [\"Jyväskylä\", \"Muurame\"]",
        )
    } else if expected.contains("bool") {
        (
            "totuusarvo",
            "kirjoita true (kyllä) tai false (ei) ilman lainausmerkkejä, esim. draft = true",
        )
    } else if expected.contains("i64") || expected.contains("u32") || expected.contains("integer") {
        (
            "kokonaisluku",
            "kirjoita kokonaisluku ilman lainausmerkkejä, esim. weight = 2",
        )
    } else {
        (
            "toisenlainen arvo",
            "katso tiedostosta docs/content-format.md, millainen arvo avaimelle kirjoitetaan",
        )
    };
    (
        format!("väärän tyyppinen arvo {place}: tähän kuuluu {what} (TOML: {raw})"),
        help.to_string(),
    )
}

/// "invalid date, expected month between 01 and 12" and the like.
fn invalid_date(raw: &str, place: &str) -> (String, String) {
    let detail = if let Some(range) = raw.split("expected month between ").nth(1) {
        format!("kuukauden pitää olla {}", range.replace(" and ", "–"))
    } else if let Some(range) = raw.split("expected day between ").nth(1) {
        format!("päivän pitää olla {}", range.replace(" and ", "–"))
    } else if raw.contains("two-digit") || raw.contains("four-digit") {
        "vuosi kirjoitetaan neljällä numerolla, kuukausi ja päivä kahdella (2025-03-07)".to_string()
    } else {
        "päivämäärä tai kellonaika on kirjoitettu väärin".to_string()
    };
    (
        format!("päivämäärä ei kelpaa {place}: {detail} (TOML: {raw})"),
        DATE_HELP.to_string(),
    )
}

/// A syntax error: what is wrong in the author's words, and how to write it.
fn syntax(raw: &str) -> (&'static str, &'static str) {
    if raw.starts_with("string values must be quoted") {
        (
            "teksti pitää kirjoittaa lainausmerkkeihin",
            "kirjoita teksti tavallisiin lainausmerkkeihin, esim. status = \"held\"; kaarevat lainausmerkit “ ” eivät käy, eivätkä päivämäärät ja luvut tarvitse lainausmerkkejä",
        )
    } else if raw.contains("basic string") || raw.contains("literal string") {
        (
            "tekstin loppulainausmerkki puuttuu",
            "lisää tekstin loppuun lainausmerkki (\"); monirivinen teksti alkaa ja päättyy kolmeen lainausmerkkiin (\"\"\")",
        )
    } else if raw.starts_with("key with no value") {
        (
            "avaimelta puuttuu arvo",
            "kirjoita avain, yhtäsuuruusmerkki ja arvo, esim. title = \"Sivun otsikko\"",
        )
    } else if raw.starts_with("unclosed array table") || raw.starts_with("unclosed table") {
        (
            "taulukon otsikosta puuttuu ]",
            "kirjoita taulukon otsikko kokonaan hakasulkeisiin omalle rivilleen, esim. [[sessions]] tai [[goals]]",
        )
    } else if raw.starts_with("missing comma between array elements") {
        (
            "luettelon arvojen välistä puuttuu pilkku, tai luettelon lopusta puuttuu ]",
            "erota luettelon arvot pilkuilla ja lopeta luettelo hakasulkeeseen, esim. municipalities = [\"Jyväskylä\", \"Muurame\"]",
        )
    } else if raw.starts_with("unclosed array") {
        (
            "luettelon lopusta puuttuu ]",
            "lopeta luettelo hakasulkeeseen, esim. municipalities = [\"Jyväskylä\", \"Muurame\"]",
        )
    } else if raw.starts_with("unexpected key or value") {
        (
            "rivillä on ylimääräistä tekstiä arvon jälkeen",
            "kirjoita jokainen avain omalle rivilleen; useampi arvo kirjoitetaan luetteloksi hakasulkeisiin, esim. [\"A\", \"B\"]",
        )
    } else if raw.contains("keys cannot be empty") {
        (
            "rivin alusta puuttuu avaimen nimi",
            "kirjoita avaimen nimi ennen yhtäsuuruusmerkkiä, esim. location = \"Etäkokous\"",
        )
    } else if raw.contains("escape") || raw.contains("unicode") {
        (
            "tekstissä on kenoviiva (\\), joka ei käy",
            "kenoviiva aloittaa lainausmerkeissä erikoismerkin; kirjoita sen tilalle kaksi kenoviivaa (\\\\) tai käytä heittomerkkejä ('…')",
        )
    } else {
        (
            "TOML-kirjoitusasu on virheellinen",
            "tarkista rivi: teksti kirjoitetaan lainausmerkkeihin (\"…\"), päivämäärä ilman lainausmerkkejä (2025-10-23) ja luettelo hakasulkeisiin ([\"A\", \"B\"])",
        )
    }
}

/// An example of a key that is required somewhere, for "add it" help.
fn key_example(key: &str) -> Option<&'static str> {
    Some(match key {
        "title" => "title = \"Sivun otsikko\"",
        "status" => "status = \"held\" (tai \"ongoing\" tai \"planned\")",
        "municipalities" => "municipalities = [\"Jyväskylä\", \"Muurame\"]",
        "date" => "date = 2025-10-23",
        "body" => "body = \"Aluehallitus\"",
        "priority" => "priority = \"Arjen turvallisuus\"",
        "target_group" => "target_group = \"Ikääntyneiden palvelut\"",
        "goal" => "goal = \"Iäkkäiden toimintakyky vahvistuu.\"",
        "name" => "name = \"Jyväskylä\"",
        "base_url" => "base_url = \"https://example.org/\"",
        "id" => "id = \"koonti-2025\"",
        _ => return None,
    })
}

/// What a value of a fixed set means, in Finnish.
fn value_gloss(value: &str) -> Option<&'static str> {
    Some(match value {
        "held" => "pidetty",
        "ongoing" => "käynnissä",
        "planned" => "suunnitteilla",
        "full" => "täyttää vaatimukset",
        "partial" => "täyttää vaatimukset osittain",
        "none" => "ei täytä vaatimuksia",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_errors_are_explained_in_finnish() {
        let place = "sivun alkutiedoissa (front matter)";
        let (m, h) = explain_toml_message(
            "unknown field `municipalites`, expected one of `title`, `municipalities`, `date`",
            place,
        );
        assert_eq!(
            m,
            "tuntematon avain `municipalites` sivun alkutiedoissa (front matter)"
        );
        assert!(h.starts_with("tarkoititko `municipalities`?"), "{h}");
        let (m, h) = explain_toml_message("missing field `title`", place);
        assert_eq!(
            m,
            "puuttuva avain `title` sivun alkutiedoissa (front matter)"
        );
        assert!(h.contains("title = \"Sivun otsikko\""));
        let (m, h) = explain_toml_message(
            "unknown variant `suunniteltu`, expected one of `held`, `ongoing`, `planned`",
            place,
        );
        assert!(m.starts_with("arvo \"suunniteltu\" ei käy"), "{m}");
        assert!(h.contains("\"ongoing\" (käynnissä) tai \"planned\""), "{h}");
        let raw = "invalid type: string \"14.10.2030\", expected a TOML datetime";
        let (m, h) = explain_toml_message(raw, place);
        assert!(m.contains("tähän kuuluu päivämäärä"), "{m}");
        assert!(m.ends_with(&format!("(TOML: {raw})")), "{m}");
        assert!(h.contains("2025-10-23"));
        let (m, _) = explain_toml_message("invalid date, expected month between 01 and 12", place);
        assert!(m.contains("kuukauden pitää olla 01–12"), "{m}");
        let (m, _) = explain_toml_message("invalid basic string, expected `\"`", place);
        assert!(m.starts_with("kirjoitusvirhe sivun alkutiedoissa"), "{m}");
        assert!(m.contains("loppulainausmerkki puuttuu"), "{m}");
    }
}
