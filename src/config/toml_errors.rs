//! TOML errors in Finnish, for `site.toml` and content files' front matter.
//!
//! The toml crate explains a problem in English, in the words of its
//! grammar ("invalid type: string, expected a TOML datetime"). Authors are
//! not programmers: this module says the same in Finnish, in their words,
//! with what to write instead (an example, the keys that fit, the close
//! match of a misspelt key). The crate's own text is kept at the end of
//! syntax and type errors, for whoever helps the author.

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

/// A value as the author wrote it, found at an error's position.
#[derive(Debug, PartialEq, Eq)]
struct Written<'a> {
    /// The key right before it on its line (`date`, `sessions.date`), if
    /// the value follows `key =`.
    key: Option<&'a str>,
    /// The value, without its quotes.
    value: &'a str,
    /// Whether it was written in quotes.
    quoted: bool,
}

/// The value that the byte `at` of `source` falls in: an unquoted run of
/// digits, `.` and `:` (how dates and times are written), or a one-line
/// string in quotes starting at `at`. Only the error's own line is read.
fn written_at(source: &str, at: usize) -> Option<Written<'_>> {
    let at = at.min(source.len());
    if !source.is_char_boundary(at) {
        return None;
    }
    let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[at..].find('\n').map_or(source.len(), |i| at + i);
    let line = &source[line_start..line_end];
    let at = at - line_start;
    let (start, value, quoted) = match line[at..].chars().next() {
        Some(q @ ('"' | '\'')) => {
            let inner = &line[at + 1..];
            (at, &inner[..inner.find(q)?], true)
        }
        _ => {
            let in_value = |b: &u8| b.is_ascii_digit() || *b == b'.' || *b == b':';
            let lb = line.as_bytes();
            let start = at - lb[..at].iter().rev().take_while(|b| in_value(b)).count();
            let end = at + lb[at..].iter().take_while(|b| in_value(b)).count();
            if lb.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) || start == end {
                return None;
            }
            (start, &line[start..end], false)
        }
    };
    let before = line[..start]
        .trim_end()
        .strip_suffix('=')
        .map(str::trim_end);
    let key = before.and_then(|b| {
        let is_key = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
        let key = &b[b.trim_end_matches(is_key).len()..];
        (!key.is_empty()).then_some(key)
    });
    Some(Written { key, value, quoted })
}

/// A date written `D.M.YYYY` as TOML writes it: `13.11.2025` → `2025-11-13`.
fn finnish_date(value: &str) -> Option<String> {
    let mut parts = value.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(d, 1..=2) || !digits(m, 1..=2) || !digits(y, 4..=4) {
        return None;
    }
    let (day, month): (u8, u8) = (d.parse().ok()?, m.parse().ok()?);
    ((1..=31).contains(&day) && (1..=12).contains(&month))
        .then(|| format!("{y}-{month:02}-{day:02}"))
}

/// A time written `9:00`, `09:00` or `09:00:00` (or, for a key that is a
/// time, `9.00`) as hyte reads it: `"09:00"`.
fn finnish_time(value: &str, time_key: bool) -> Option<String> {
    let mut parts = value.split(if time_key && !value.contains(':') {
        '.'
    } else {
        ':'
    });
    let (h, m, sec) = (parts.next()?, parts.next()?, parts.next());
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some()
        || !digits(h, 1..=2)
        || !digits(m, 2..=2)
        || sec.is_some_and(|s| s != "00")
    {
        return None;
    }
    let (hour, minute): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (hour <= 23 && minute <= 59).then(|| format!("{hour:02}:{minute:02}"))
}

/// The message and help for a date or time written the Finnish way: a date
/// `D.M.YYYY` (bare, or in quotes where a date belongs) or a bare time.
fn finnish_date_or_time(w: &Written, raw: &str, place: &str) -> Option<(String, String)> {
    let key = |default: &str| format!("{} = ", w.key.unwrap_or(default));
    let expects_date = raw.contains("expected a TOML datetime");
    if let Some(date) = finnish_date(w.value).filter(|_| !w.quoted || expects_date) {
        let (value, how) = if w.quoted {
            (
                format!("\"{}\"", w.value),
                "lainausmerkkeihin ja suomalaiseen tapaan",
            )
        } else {
            (w.value.to_string(), "suomalaiseen tapaan")
        };
        return Some((
            format!("päivämäärä {value} on kirjoitettu {how} {place} (TOML: {raw})"),
            format!(
                "kirjoita päivämäärä ilman lainausmerkkejä muodossa VVVV-KK-PP: {}{date}",
                key("date")
            ),
        ));
    }
    let time_key = w.key.is_some_and(|k| k.ends_with("time"));
    let time = finnish_time(w.value, time_key).filter(|_| !w.quoted)?;
    Some((
        format!(
            "kellonaika {} on kirjoitettu ilman lainausmerkkejä {place} (TOML: {raw})",
            w.value
        ),
        format!(
            "kirjoita kellonaika lainausmerkkeihin muodossa \"TT:MM\": {}\"{time}\"",
            key("start_time")
        ),
    ))
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

    /// The Finnish message and help of the error of parsing `source` as
    /// front matter with a date, a time and a title.
    fn explained(source: &str) -> (String, String) {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Page {
            title: Option<String>,
            date: Option<toml::value::Datetime>,
            start_time: Option<String>,
            sessions: Option<Vec<toml::Table>>,
        }
        let e = toml::from_str::<Page>(source).expect_err(source);
        explain_toml(&e, source, "sivun alkutiedoissa (front matter)")
    }

    #[test]
    fn unquoted_finnish_date_gets_the_date_to_write() {
        for (source, hint) in [
            ("title = \"x\"\ndate = 13.11.2025\n", "date = 2025-11-13"),
            ("date = 1.2.2025 # kokous\n", "date = 2025-02-01"),
            ("sessions = [{ date = 7.3.2026 }]\n", "date = 2026-03-07"),
            ("date = \"13.11.2025\"\n", "date = 2025-11-13"),
        ] {
            let (m, h) = explained(source);
            assert_eq!(
                h,
                format!("kirjoita päivämäärä ilman lainausmerkkejä muodossa VVVV-KK-PP: {hint}"),
                "{source:?}"
            );
            assert!(m.starts_with("päivämäärä "), "{m}");
            assert!(m.contains("suomalaiseen tapaan sivun alkutiedoissa"), "{m}");
        }
        let (m, _) = explained("date = 13.11.2025\n");
        assert_eq!(
            m,
            "päivämäärä 13.11.2025 on kirjoitettu suomalaiseen tapaan sivun alkutiedoissa (front matter) (TOML: invalid float, expected nothing)"
        );
    }

    #[test]
    fn unquoted_time_gets_the_quoted_time_to_write() {
        for (source, hint) in [
            ("start_time = 09:00\n", "start_time = \"09:00\""),
            ("title = 'x'\nstart_time = 9:00\n", "start_time = \"09:00\""),
            ("start_time = 14:30:00\n", "start_time = \"14:30\""),
            ("start_time = 9.15\n", "start_time = \"09:15\""),
            ("start_time = 09.15\n", "start_time = \"09:15\""),
        ] {
            let (m, h) = explained(source);
            assert_eq!(
                h,
                format!("kirjoita kellonaika lainausmerkkeihin muodossa \"TT:MM\": {hint}"),
                "{source:?}"
            );
            assert!(m.starts_with("kellonaika "), "{m}");
        }
        let (m, _) = explained("start_time = 09:00\n");
        assert_eq!(
            m,
            "kellonaika 09:00 on kirjoitettu ilman lainausmerkkejä sivun alkutiedoissa (front matter) (TOML: invalid type: map, expected a string)"
        );
    }

    #[test]
    fn other_values_keep_their_explanation() {
        // Not a date or time: the general explanation of the error.
        for source in [
            "date = 13.11.\n",
            "date = 32.1.2025\n",
            "title = 1.5\n",
            "start_time = 25:00\n",
            "date = \"huomenna\"\n",
            "title = \"13.11.2025\"\ndate = \"x\"\n",
        ] {
            let (m, h) = explained(source);
            assert!(
                !m.starts_with("päivämäärä ") || m.contains("ei kelpaa"),
                "{source:?}: {m}"
            );
            assert!(!m.starts_with("kellonaika "), "{source:?}: {m}");
            assert!(!h.contains(": date = 20"), "{source:?}: {h}");
        }
    }

    #[test]
    fn written_values_are_read_from_the_error_line_only() {
        let w = written_at("a = 1\nx.date = 13.11.2025\n", 16).unwrap();
        assert_eq!(
            w,
            Written {
                key: Some("x.date"),
                value: "13.11.2025",
                quoted: false
            }
        );
        assert_eq!(written_at("d = 'ä'", 5), None);
        assert_eq!(written_at("", 3), None);
    }

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
