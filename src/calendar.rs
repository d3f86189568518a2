//! The build's date. Whether a session or a year is ahead or past is
//! derived from its dates and today's date in the site's time zone, never
//! only from a typed status. `SOURCE_DATE_EPOCH` (seconds since 1970, the
//! reproducible-builds convention) sets the moment instead of the clock,
//! so that two builds with the same value are byte-identical.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::Error;

/// Today's date in `tz`: from `SOURCE_DATE_EPOCH` when it is set, else
/// from the clock.
pub fn today(tz: &TimeZone) -> Result<Date, Error> {
    let moment = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => from_epoch(&value)?,
        Err(_) => Timestamp::now(),
    };
    Ok(moment.to_zoned_datetime(tz.clone()).date())
}

fn from_epoch(value: &str) -> Result<Timestamp, Error> {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| Timestamp::from_second(s).ok())
        .ok_or_else(|| {
            Error::Usage(format!(
                "ympäristömuuttuja SOURCE_DATE_EPOCH = \"{value}\" ei ole sekuntimäärä vuoden 1970 alusta; anna se kokonaislukuna (esim. SOURCE_DATE_EPOCH=1772323200) tai poista se, jolloin päivä on tämä päivä"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_epoch_is_a_date_in_the_sites_time_zone() {
        let helsinki = TimeZone::get("Europe/Helsinki").unwrap();
        // 2026-02-28 22:30 UTC is already 1 March in Helsinki.
        let t = from_epoch("1772317800").unwrap();
        assert_eq!(
            t.to_zoned_datetime(helsinki).date(),
            jiff::civil::date(2026, 3, 1)
        );
        assert_eq!(
            t.to_zoned_datetime(TimeZone::UTC).date(),
            jiff::civil::date(2026, 2, 28)
        );
        assert!(from_epoch("huomenna").is_err());
    }
}
