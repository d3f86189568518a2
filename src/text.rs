//! Characters that may not go out. HTML, XML 1.0 and iCalendar TEXT all
//! forbid control characters (and HTML noncharacters); an author can still
//! write one, by a stray byte, a character reference such as `&#142;` or a
//! TOML escape such as `"\u0001"`. Every writer of text passes it here.

/// Whether HTML forbids `c` in a page: control characters but tab, line
/// feed, form feed and carriage return, and noncharacters.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\x0C' | '\r'))
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// `text` with every [`forbidden`] character replaced by U+FFFD, as
/// CommonMark asks for NUL. Borrowed when there is none, which is nearly
/// always.
pub fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(forbidden) {
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
    fn controls_and_noncharacters_are_replaced() {
        assert_eq!(
            without_controls("a\0b\u{1}c\u{7f}d\u{85}e\u{FFFE}f\u{FDD0}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}"
        );
        assert!(matches!(
            without_controls("tab\tline\nform\x0Cä\r"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
