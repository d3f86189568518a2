//! Characters that may not go out. Every file a build writes as text
//! (pages, `atom.xml`, `sitemap.xml`, the calendars, the CSV) holds only
//! what all of its formats accept; an author can still write anything, by
//! a stray byte, a character reference such as `&#142;` or a TOML escape
//! such as `"\f"` or `"\u0001"`. Every writer of text passes it here.
//!
//! The rule is XML 1.0's, the strictest of them: its `Char` production
//! (tab, line feed and carriage return, and nothing else below U+0020),
//! without the characters it discourages (DEL, the C1 controls and the
//! noncharacters, §2.2). That leaves what HTML needs (tab, line feed and
//! carriage return: no HTML page needs a form feed) and drops what the
//! HTML parser reports as errors (controls and noncharacters, U+0085
//! too). iCalendar TEXT allows no control but tab; its writer escapes line
//! feeds and drops carriage returns before this rule.

/// Whether `c` may not go out: every control character but tab, line feed
/// and carriage return (form feed and vertical tab included: XML 1.0 has
/// no place for them), and the Unicode noncharacters.
pub fn forbidden(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => false,
        // C0 controls: not XML 1.0 characters at all.
        '\0'..='\u{1F}' => true,
        // DEL and the C1 controls, U+0085 (NEL) among them: discouraged in
        // XML 1.0, parse errors in HTML, garbage in a spreadsheet.
        '\u{7F}'..='\u{9F}' => true,
        // Noncharacters: U+FDD0–U+FDEF and the last two of every plane
        // (U+FFFE and U+FFFF are not XML characters at all).
        '\u{FDD0}'..='\u{FDEF}' => true,
        c => (c as u32 & 0xFFFE) == 0xFFFE,
    }
}

/// `text` with every [`forbidden`] character replaced by U+FFFD, as
/// CommonMark asks for NUL. Borrowed when there is none, which is nearly
/// always.
pub fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    // Every forbidden character is a C0 control or DEL, or starts with a
    // byte that Finnish and Swedish letters never do (0xC2 for the C1
    // controls, 0xEF for U+FDD0–U+FFFF, 0xF0–0xF4 for the other planes):
    // a scan of the bytes settles nearly every text.
    // Written without branches, in blocks, so that the compiler can test
    // many bytes at once.
    let suspect = |b: u8| {
        (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')
            | (b == 0x7F)
            | (b == 0xC2)
            | (b == 0xEF)
            | (b >= 0xF0)
    };
    let bytes = text.as_bytes();
    if bytes
        .chunks(64)
        .any(|c| c.iter().fold(false, |any, &b| any | suspect(b)))
        && text.chars().any(forbidden)
    {
        text.chars()
            .map(|c| if forbidden(c) { '\u{FFFD}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_misses_no_forbidden_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("ä{c}ö");
            let replaced = matches!(without_controls(&text), std::borrow::Cow::Owned(_));
            assert_eq!(replaced, forbidden(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn controls_and_noncharacters_are_replaced() {
        assert_eq!(
            without_controls("a\0b\u{1}c\u{7f}d\u{85}e\u{FFFE}f\u{FDD0}g\x0Ch\x0Bi"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h\u{FFFD}i"
        );
        assert!(matches!(
            without_controls("tab\tline\nä\r\u{A0}\u{FFFD}\u{10FFFD}"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// XML 1.0 (fifth edition) §2.2: `Char ::= #x9 | #xA | #xD |
    /// [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
    fn xml_char(c: char) -> bool {
        matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
    }

    /// XML 1.0 §2.2's discouraged characters.
    fn discouraged(c: char) -> bool {
        matches!(c as u32, 0x7F..=0x84 | 0x86..=0x9F | 0xFDD0..=0xFDEF)
            || (c as u32 & 0xFFFE) == 0xFFFE
    }

    #[test]
    fn what_goes_out_is_xml_and_html() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let allowed = xml_char(c) && !discouraged(c) && c != '\u{85}';
            assert_eq!(forbidden(c), !allowed, "{c:?}");
            // HTML: no control but ASCII whitespace, no noncharacter.
            if !forbidden(c) && c.is_control() {
                assert!(matches!(c, '\t' | '\n' | '\r'), "{c:?}");
            }
        }
    }
}
