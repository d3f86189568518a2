//! iCalendar (RFC 5545) files of the sessions: `/aikataulu.ics` and one per
//! year. Written by hand because the format is small and the details that
//! matter are exact: CRLF line ends, lines folded at 75 octets without
//! splitting a UTF-8 character, text escaping, a VTIMEZONE for local times,
//! and UIDs and DTSTAMPs that stay the same from build to build.

use jiff::civil::Date;

use crate::model::{Session, Site};
use crate::slug::slugify;

/// Europe/Helsinki as iCalendar: EET in winter, EEST from the last Sunday
/// of March to the last Sunday of October (EU rules since 1996).
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki\r\n\
BEGIN:STANDARD\r\nDTSTART:19961027T040000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nTZNAME:EET\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
BEGIN:DAYLIGHT\r\nDTSTART:19960331T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nTZNAME:EEST\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

/// Escapes TEXT values: backslash, semicolon, comma and newlines; what
/// may not go out ([`crate::text::forbidden`]: RFC 5545 allows no control
/// character but tab in TEXT) becomes U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if crate::text::forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded: at most 75 octets a line, continuation lines
/// starting with a space, never inside a UTF-8 character.
pub fn line(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + 8);
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn date_value(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The sessions of `years` (all years if None) with a date, as a calendar.
pub fn calendar(site: &Site, year: Option<i32>) -> String {
    let c = &site.config;
    let host = c
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or(&c.base_url)
        .split('/')
        .next()
        .unwrap_or("hyte");
    // DTSTAMP must not change between builds of the same content: the
    // latest update date of the content stands for "when this was made".
    let stamp = site
        .pages
        .iter()
        .filter_map(|p| p.updated)
        .max()
        .map(|d| format!("{}T000000Z", date_value(d)))
        .unwrap_or_else(|| "19700101T000000Z".into());
    let mut out = String::new();
    out.push_str("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hyte//hyte ");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str(&format!(
        "//{}\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
        c.language.to_uppercase()
    ));
    let name = match year {
        Some(y) => format!("{} {y}", c.title),
        None => c.title.clone(),
    };
    out.push_str(&line(&format!("X-WR-CALNAME:{}", escape(&name))));
    out.push_str("X-WR-TIMEZONE:Europe/Helsinki\r\n");
    out.push_str(VTIMEZONE);
    for y in site
        .years
        .iter()
        .filter(|y| year.is_none_or(|n| n == y.number))
    {
        for s in &y.sessions {
            if let Some(date) = s.date {
                out.push_str(&event(site, y.number, s, date, host, &stamp));
            }
        }
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn event(site: &Site, year: i32, s: &Session, date: Date, host: &str, stamp: &str) -> String {
    let c = &site.config;
    let mut e = String::from("BEGIN:VEVENT\r\n");
    // Stable: the same session gets the same UID in every build.
    let uid = format!("{year}-{}-{}@{host}", date_value(date), slugify(&s.title));
    e.push_str(&line(&format!("UID:{uid}")));
    e.push_str(&format!("DTSTAMP:{stamp}\r\n"));
    match s.start_time {
        Some(start) => {
            let local = |t: jiff::civil::Time| {
                format!("{}T{:02}{:02}00", date_value(date), t.hour(), t.minute())
            };
            e.push_str(&format!(
                "DTSTART;TZID=Europe/Helsinki:{}\r\n",
                local(start)
            ));
            let end = s.end_time.unwrap_or(start);
            let end_date = s.end_date.unwrap_or(date);
            e.push_str(&format!(
                "DTEND;TZID=Europe/Helsinki:{}T{:02}{:02}00\r\n",
                date_value(end_date),
                end.hour(),
                end.minute()
            ));
        }
        None => {
            // All day: DTEND is the day after the last day.
            let last = s.end_date.unwrap_or(date);
            let after = last.tomorrow().unwrap_or(last);
            e.push_str(&format!("DTSTART;VALUE=DATE:{}\r\n", date_value(date)));
            e.push_str(&format!("DTEND;VALUE=DATE:{}\r\n", date_value(after)));
        }
    }
    e.push_str(&line(&format!("SUMMARY:{}", escape(&s.title))));
    let mut description = s.description.clone();
    if let Some(g) = s.group.and_then(|g| site.group(g)) {
        let names: Vec<&str> = g
            .municipalities
            .iter()
            .map(|m| c.municipalities[m.0].name.as_str())
            .collect();
        if !description.is_empty() {
            description.push('\n');
        }
        let line = site.words.text("calendar.municipalities");
        description.push_str(&line.replace("{names}", &names.join(", ")));
    }
    if !description.is_empty() {
        e.push_str(&line(&format!("DESCRIPTION:{}", escape(&description))));
    }
    if let Some(location) = &s.location {
        e.push_str(&line(&format!("LOCATION:{}", escape(location))));
    }
    let url = match s.page {
        Some(p) => c.absolute(&site.pages[p].url),
        None => c.absolute(&format!("/{year}/")),
    };
    e.push_str(&line(&format!("URL:{url}")));
    e.push_str(if s.planned {
        "STATUS:TENTATIVE\r\n"
    } else {
        "STATUS:CONFIRMED\r\n"
    });
    e.push_str("END:VEVENT\r\n");
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(
            escape("a\u{1}b\tc\u{8e}d\x0Ce\u{FFFF}"),
            "a\u{FFFD}b\tc\u{FFFD}d\u{FFFD}e\u{FFFD}"
        );
        assert_eq!(escape("a\r\nb"), "a\\nb");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let text = format!("SUMMARY:{}", "ä".repeat(100));
        let folded = line(&text);
        assert!(folded.ends_with("\r\n"));
        for (i, l) in folded.trim_end_matches("\r\n").split("\r\n").enumerate() {
            assert!(l.len() <= 75, "line {i} has {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '));
            }
        }
        // Unfolding gives the text back.
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), text);
    }

    #[test]
    fn short_lines_are_left_alone() {
        assert_eq!(line("VERSION:2.0"), "VERSION:2.0\r\n");
    }
}
