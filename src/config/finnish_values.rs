//! Dates and times written the Finnish way, where TOML wants its own.
//!
//! Finnish authors write `13.11.2025` and `9.00` or `09:00`; TOML wants a
//! date bare as `2025-11-13` and hyte a time in quotes as `"09:00"`. The
//! parser's error for such a value says nothing an author would recognise
//! ("invalid float"), so [`super::explain_toml`] reads the value at the
//! error's position (that line only, never a search of the text) and, if it
//! is a date or time, answers with the line to write.

/// A value as the author wrote it, found at an error's position.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Written<'a> {
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
pub(super) fn written_at(source: &str, at: usize) -> Option<Written<'_>> {
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
pub(super) fn finnish_date_or_time(
    w: &Written,
    raw: &str,
    place: &str,
) -> Option<(String, String)> {
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
        crate::config::explain_toml(&e, source, "sivun alkutiedoissa (front matter)")
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
    fn any_position_of_any_text_is_safe() {
        for text in [
            "päivä = 13.11.2025 # ö\n",
            "ä = 'ö\nx = \"9:00",
            "=\"",
            "'",
            "\u{feff}date=1.2.2025",
            "a = \"ä\" = 1.1.2025",
        ] {
            for at in 0..text.len() + 2 {
                let _ = written_at(text, at);
            }
        }
    }
}
