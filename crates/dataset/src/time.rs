//! Publication times as whole seconds in UTC: GDELT's `DATEADDED` and `SQLDATE`, and the order
//! of reports, need nothing finer, and an integer sorts and hashes the same everywhere.

use std::fmt;

use serde::{Deserialize, Serialize};
use tacitus_coder::Date;

/// Seconds since 1970-01-01T00:00:00Z (UTC, no leap seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

/// Days from 1970-01-01 to a civil date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl Timestamp {
    /// Midnight UTC at the start of `date`.
    pub fn from_date(date: Date) -> Timestamp {
        Timestamp::from_civil(date, 0, 0, 0).unwrap_or(Timestamp(0))
    }

    /// `date` at `hour:minute:second` UTC; `None` when a part is out of range.
    pub fn from_civil(date: Date, hour: u32, minute: u32, second: u32) -> Option<Timestamp> {
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let days = days_from_civil(
            i64::from(date.year),
            i64::from(date.month),
            i64::from(date.day),
        );
        Some(Timestamp(
            days * 86_400 + i64::from(hour * 3600 + minute * 60 + second.min(59)),
        ))
    }

    /// Whole days since 1970-01-01.
    pub fn day_number(self) -> i64 {
        self.0.div_euclid(86_400)
    }

    /// The UTC calendar date; `None` outside years 0–65535.
    pub fn date(self) -> Option<Date> {
        let (y, m, d) = civil_from_days(self.day_number());
        Date::new(
            u16::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }

    /// Hour, minute and second of the day (UTC).
    pub fn time_of_day(self) -> (u32, u32, u32) {
        let s = self.0.rem_euclid(86_400) as u32;
        (s / 3600, s / 60 % 60, s % 60)
    }

    /// GDELT's `YYYYMMDDHHMMSS` (as in `DATEADDED`).
    pub fn gdelt(self) -> String {
        let (y, mo, d) = civil_from_days(self.day_number());
        let (h, mi, s) = self.time_of_day();
        format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}")
    }

    /// GDELT's `YYYYMMDD` (as in `SQLDATE`).
    pub fn sqldate(self) -> String {
        let (y, mo, d) = civil_from_days(self.day_number());
        format!("{y:04}{mo:02}{d:02}")
    }

    /// Parses ISO 8601 / RFC 3339: `YYYY-MM-DD`, optionally followed by `T` or a space,
    /// `HH:MM[:SS[.fff]]` and `Z` or `±HH[:MM]` (no zone is UTC).
    pub fn parse_iso(s: &str) -> Option<Timestamp> {
        let s = s.trim();
        let date = Date::parse_iso(s.get(..10)?)?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(Timestamp::from_date(date));
        }
        let rest = rest.strip_prefix(['T', 't', ' '])?;
        let num = |r: &str| -> Option<u32> {
            (r.len() == 2 && r.bytes().all(|b| b.is_ascii_digit()))
                .then(|| r.parse().ok())
                .flatten()
        };
        let hour = num(rest.get(..2)?)?;
        let minute = num(rest.get(3..5)?)?;
        (rest.as_bytes().get(2) == Some(&b':')).then_some(())?;
        let mut tail = &rest[5..];
        let mut second = 0;
        if let Some(t) = tail.strip_prefix(':') {
            second = num(t.get(..2)?)?;
            tail = &t[2..];
            if let Some(frac) = tail.strip_prefix(['.', ',']) {
                let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
                tail = &frac[digits..];
            }
        }
        let offset = match tail {
            "" | "Z" | "z" => 0,
            _ => {
                let sign = match tail.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let z = tail[1..].replace(':', "");
                let (h, m) = match z.len() {
                    2 => (num(&z)?, 0),
                    4 => (num(z.get(..2)?)?, num(z.get(2..)?)?),
                    _ => return None,
                };
                sign * i64::from(h * 3600 + m * 60)
            }
        };
        let local = Timestamp::from_civil(date, hour, minute, second)?;
        Some(Timestamp(local.0 - offset))
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC: `2024-03-05T14:30:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d) = civil_from_days(self.day_number());
        let (h, mi, s) = self.time_of_day();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_instants() {
        let d = Date::new(2024, 3, 5).unwrap();
        let t = Timestamp::from_civil(d, 14, 30, 7).unwrap();
        assert_eq!(t.0, 1_709_649_007);
        assert_eq!(t.gdelt(), "20240305143007");
        assert_eq!(t.sqldate(), "20240305");
        assert_eq!(t.to_string(), "2024-03-05T14:30:07Z");
        assert_eq!(t.date(), Some(d));
    }

    #[test]
    fn parses_iso_forms() {
        let utc = Timestamp::parse_iso("2024-03-05T14:30:07Z").unwrap();
        assert_eq!(Timestamp::parse_iso("2024-03-05T16:30:07+02:00"), Some(utc));
        assert_eq!(Timestamp::parse_iso("2024-03-05 14:30:07.123"), Some(utc));
        assert_eq!(
            Timestamp::parse_iso("2024-03-05"),
            Some(Timestamp::from_date(Date::new(2024, 3, 5).unwrap()))
        );
        assert_eq!(Timestamp::parse_iso("2024-02-30"), None);
        assert_eq!(Timestamp::parse_iso("2024-03-05T25:00"), None);
        assert_eq!(Timestamp::parse_iso("2024-03-05Tnoon"), None);
    }

    proptest! {
        #[test]
        fn civil_round_trip(days in -800_000i64..800_000) {
            let (y, m, d) = civil_from_days(days);
            prop_assert_eq!(days_from_civil(y, m, d), days);
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,40}") {
            let _ = Timestamp::parse_iso(&s);
        }

        #[test]
        fn display_parses_back(secs in 0i64..4_000_000_000) {
            let t = Timestamp(secs);
            prop_assert_eq!(Timestamp::parse_iso(&t.to_string()), Some(t));
        }
    }
}
