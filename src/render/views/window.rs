//! Cross views a phone can carry. A page that gathers every year (a
//! municipality's, a priority area's, the schedule, the front page's
//! upcoming sessions) shows the newest years in full and lists the rest
//! with links to their year and group pages, so that no page grows with
//! the number of years or groups.
//!
//! The limits are set so that a county's real record (a handful of
//! years, a dozen or two groups a year) stays complete: the real site's
//! pages are the same as without them. A site of a hundred years of a
//! hundred groups keeps every generated page under 200 KB.

use serde::Serialize;

/// Years shown in full on a municipality's or a priority area's page,
/// newest first.
pub const FULL_YEARS: usize = 5;

/// Findings shown in full on one such page, at most: a year that would
/// bring the page over it is listed, with its counts, instead.
pub const FULL_FINDINGS: usize = 250;

/// Sessions in the schedule's table, at most. A year's sessions ahead (or
/// past) are shown all or none, and the years left out are listed.
pub const FULL_SESSIONS: usize = 200;

/// Upcoming sessions listed on the front page; the schedule has the rest.
pub const UPCOMING: usize = 20;

/// A cross view cut in two: what is shown in full, and the years listed
/// after it with links.
#[derive(Debug, Serialize)]
pub struct Windowed<T> {
    pub full: Vec<T>,
    pub earlier: Vec<T>,
}

/// How many of the first items (newest first, each with its weight) go in
/// full: at most `items`, while the weights together stay within
/// `budget`. The first item that does not fit ends the run, so what is in
/// full is always the newest.
pub fn in_full(weights: impl IntoIterator<Item = usize>, items: usize, budget: usize) -> usize {
    let mut total = 0;
    let mut n = 0;
    for w in weights.into_iter().take(items) {
        if total + w > budget {
            break;
        }
        total += w;
        n += 1;
    }
    n
}

/// `items` cut at `n`.
pub fn split<T>(mut items: Vec<T>, n: usize) -> Windowed<T> {
    let earlier = items.split_off(n.min(items.len()));
    Windowed {
        full: items,
        earlier,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_years_go_in_full_until_a_year_does_not_fit() {
        assert_eq!(in_full([10, 20, 30], 5, 100), 3);
        assert_eq!(in_full([10, 20, 30, 40, 50, 60], 5, 1000), 5);
        // The third does not fit; the fourth would, but it is older.
        assert_eq!(in_full([100, 100, 100, 1], 5, 250), 2);
        assert_eq!(in_full([300, 1], 5, 250), 0);
        assert_eq!(in_full(Vec::new(), 5, 250), 0);
    }

    #[test]
    fn split_keeps_the_order() {
        let w = split(vec![1, 2, 3, 4], 3);
        assert_eq!((w.full, w.earlier), (vec![1, 2, 3], vec![4]));
        let w = split(vec![1], 3);
        assert_eq!((w.full, w.earlier), (vec![1], vec![]));
    }
}
