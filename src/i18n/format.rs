//! Dates, times and lists in the words of a language: the `[format]`,
//! `[format.months]` and `[list]` tables of its language file. Finnish and
//! Finland-Swedish write 7.10.2025 and 9.00; English "7 October 2025" and
//! 9:00.

use jiff::civil::{Date, Time};

use super::Strings;

impl Strings {
    /// A date as the language writes it; d.m.yyyy where the file has no
    /// format.
    pub fn date(&self, d: Date) -> String {
        let pattern = self.get("format.date").unwrap_or("{d}.{m}.{y}");
        let month = self
            .get(&format!("format.months.{}", d.month()))
            .unwrap_or_default();
        pattern
            .replace("{d}", &d.day().to_string())
            .replace("{month}", month)
            .replace("{m}", &d.month().to_string())
            .replace("{y}", &d.year().to_string())
    }

    /// A time of day as the language writes it; h.mm where the file has
    /// no format.
    pub fn time(&self, t: Time) -> String {
        let pattern = self.get("format.time").unwrap_or("{h}.{mm}");
        pattern
            .replace("{h}", &t.hour().to_string())
            .replace("{mm}", &format!("{:02}", t.minute()))
    }

    /// Names joined as a list: "A, B ja C", "A, B och C".
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        let and = self.get("list.and").unwrap_or("ja");
        let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        match items.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn words(lang: &str) -> super::Strings {
        super::super::load(Path::new("/nonexistent"), "default", lang).unwrap()
    }

    #[test]
    fn each_language_writes_dates_times_and_lists_its_way() {
        let d = jiff::civil::date(2025, 10, 7);
        let t = jiff::civil::time(9, 5, 0, 0);
        assert_eq!(words("fi").date(d), "7.10.2025");
        assert_eq!(words("sv").date(d), "7.10.2025");
        assert_eq!(words("en").date(d), "7 October 2025");
        assert_eq!(words("fi").time(t), "9.05");
        assert_eq!(words("en").time(t), "9:05");
        assert_eq!(words("fi").list(&["A", "B", "C"]), "A, B ja C");
        assert_eq!(words("sv").list(&["A", "B"]), "A och B");
    }
}
