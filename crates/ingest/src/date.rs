//! Publication dates as publishers write them. Metadata carries ISO 8601 / RFC 3339 mostly,
//! RFC 2822 in feeds and mail-like exports, `YYYYMMDD` in GDELT-style dumps and plain prose
//! (`June 14, 2024 3:05 PM EDT`) elsewhere; one liberal reader takes them all, and gives
//! `None` rather than a guess when day and month could be either way round (`03/05/2024`).

use tacitus_dataset::{Date, Timestamp};

/// English month names and abbreviations, `None` for anything else.
pub(crate) fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let i = MONTHS.iter().position(|m| {
        w == *m || (w.len() >= 3 && m.starts_with(w.as_str()) && (w.len() == 3 || w == "sept"))
    })?;
    Some(i as u8 + 1)
}

/// Offsets of the zone abbreviations seen in news metadata, in seconds east of UTC.
fn zone(word: &str) -> Option<i64> {
    let hours = match word.to_ascii_uppercase().as_str() {
        "Z" | "UT" | "UTC" | "GMT" => 0,
        "BST" | "CET" | "WAT" => 1,
        "CEST" | "EET" | "CAT" | "SAST" => 2,
        "EEST" | "MSK" | "EAT" => 3,
        "IST" => return Some(19_800),
        "JST" | "KST" => 9,
        "EDT" => -4,
        "EST" | "CDT" => -5,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        _ => return None,
    };
    Some(hours * 3600)
}

/// `+HHMM`, `+HH:MM`, `-HH`, as seconds east of UTC.
fn offset(token: &str) -> Option<i64> {
    let sign = match token.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = token[1..].replace(':', "");
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i64, i64) = match digits.len() {
        2 => (digits.parse().ok()?, 0),
        4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// `H:MM[:SS[.fff]]` as hour, minute, second.
fn clock(token: &str) -> Option<(u32, u32, u32)> {
    let mut parts = token.split(':');
    let h = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let s = match parts.next() {
        Some(s) => s.split(['.', ',']).next()?.parse().ok()?,
        None => 0,
    };
    (parts.next().is_none() && h < 24 && m < 60 && s <= 60).then_some((h, m, s))
}

/// A number of 1–4 ASCII digits, with an ordinal suffix allowed (`14th`).
fn number(token: &str) -> Option<(u32, usize)> {
    let t = token
        .strip_suffix("st")
        .or_else(|| token.strip_suffix("nd"))
        .or_else(|| token.strip_suffix("rd"))
        .or_else(|| token.strip_suffix("th"))
        .unwrap_or(token);
    (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Some((t.parse().ok()?, t.len())))
        .flatten()
}

/// A four-digit year, or a two-digit one (`24` is 2024, `98` is 1998).
fn year(n: u32, digits: usize) -> Option<u16> {
    match digits {
        4 => u16::try_from(n).ok(),
        2 => u16::try_from(if n < 70 { 2000 + n } else { 1900 + n }).ok(),
        _ => None,
    }
}

/// A string of digits only: `YYYYMMDD`, `YYYYMMDDHHMM[SS]` or Unix seconds (9–10 digits).
fn digits_only(s: &str) -> Option<Timestamp> {
    let n = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    match s.len() {
        8 | 12 | 14 => {
            let date = Date::new(
                u16::try_from(n(0..4)?).ok()?,
                u8::try_from(n(4..6)?).ok()?,
                u8::try_from(n(6..8)?).ok()?,
            )?;
            let (h, m, sec) = match s.len() {
                8 => (0, 0, 0),
                12 => (n(8..10)?, n(10..12)?, 0),
                _ => (n(8..10)?, n(10..12)?, n(12..14)?),
            };
            Timestamp::from_civil(date, h, m, sec)
        }
        9 | 10 => Some(Timestamp(s.parse().ok()?)),
        _ => None,
    }
}

/// Reads a publication time from metadata; zone-less times are UTC.
pub(crate) fn parse(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return digits_only(s);
    }
    Timestamp::parse_iso(s).or_else(|| prose(s))
}

/// Dates in words and loose numeric forms: RFC 2822, `June 14, 2024`, `14 June 2024 15:05`,
/// `2024/06/14`, `2024-06-14 15:05:00 +0300`, `14.06.2024`.
fn prose(s: &str) -> Option<Timestamp> {
    let (mut y, mut mo, mut d) = (None::<u16>, None::<u8>, None::<u8>);
    let (mut time, mut shift, mut pm) = (None, 0i64, None::<bool>);
    let mut bare: Vec<(u32, usize)> = Vec::new();
    let mut tokens = Vec::new();
    for raw in s.split([' ', ',', '\t']).filter(|t| !t.is_empty()) {
        // `2024-06-14T15:05` and `15:05+03:00` split into their parts.
        let raw = raw.trim_matches(|c| c == '(' || c == ')');
        match raw.split_once(['T', 't']) {
            Some((a, b)) if a.contains(['-', '/', '.']) && b.contains(':') => {
                tokens.push(a);
                tokens.push(b);
            }
            _ => tokens.push(raw),
        }
    }
    for token in tokens {
        if let Some(m) = month(token) {
            mo.get_or_insert(m);
        } else if let Some(z) = offset(token).filter(|_| time.is_some()) {
            shift = z;
        } else if token.contains(':') {
            let (t, zone_part) = match token.find(['+', '-', 'Z', 'z']) {
                Some(i) => (&token[..i], Some(&token[i..])),
                None => (token, None),
            };
            time = Some(clock(t)?);
            if let Some(z) = zone_part {
                shift = offset(z).or_else(|| zone(z))?;
            }
        } else if let Some(z) = zone(token).filter(|_| time.is_some() || y.is_some()) {
            shift = z;
        } else if token.eq_ignore_ascii_case("am") || token.eq_ignore_ascii_case("pm") {
            pm = Some(token.eq_ignore_ascii_case("pm"));
        } else if let Some(parts) = numeric_date(token) {
            (y, mo, d) = (Some(parts.0), Some(parts.1), Some(parts.2));
        } else if let Some(n) = number(token) {
            bare.push(n);
        } else if token.chars().all(|c| c.is_alphabetic() || c == '.') {
            // Weekdays, "at", "on", "Published", "Updated": words that carry no date.
        } else {
            return None;
        }
    }
    for (n, digits) in bare {
        if digits == 4 && y.is_none() {
            y = year(n, 4);
        } else if digits <= 2 && d.is_none() && mo.is_some() {
            d = u8::try_from(n).ok();
        } else if digits == 2 && y.is_none() && d.is_some() {
            y = year(n, 2);
        } else {
            return None;
        }
    }
    let date = Date::new(y?, mo?, d?)?;
    let (mut h, m, sec) = time.unwrap_or((0, 0, 0));
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    Some(Timestamp(Timestamp::from_civil(date, h, m, sec)?.0 - shift))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `DD.MM.YYYY`, `DD/MM/YYYY` or `MM/DD/YYYY` when unambiguous.
fn numeric_date(token: &str) -> Option<(u16, u8, u8)> {
    let sep = token.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = token.split(sep).collect();
    let [a, b, c] = parts[..] else { return None };
    let n = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u16>().ok())
            .flatten()
    };
    let (a, b, c, a_len) = (n(a)?, n(b)?, n(c)?, a.len());
    let small = |x: u16| u8::try_from(x).ok();
    if a_len == 4 {
        return Some((a, small(b)?, small(c)?));
    }
    if parts[2].len() != 4 {
        return None;
    }
    let (day, month) = match sep {
        '.' => (a, b),
        _ if a > 12 => (a, b),
        _ if b > 12 => (b, a),
        _ if a == b => (a, b),
        _ => return None,
    };
    Some((c, small(month)?, small(day)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(y: u16, mo: u8, d: u8, h: u32, mi: u32, s: u32) -> Option<Timestamp> {
        Timestamp::from_civil(Date::new(y, mo, d).unwrap(), h, mi, s)
    }

    #[test]
    fn iso_and_rfc3339() {
        assert_eq!(parse("2024-03-05T14:30:07Z"), at(2024, 3, 5, 14, 30, 7));
        assert_eq!(
            parse("2024-03-05T16:30:07+02:00"),
            at(2024, 3, 5, 14, 30, 7)
        );
        assert_eq!(
            parse("2024-03-05T16:30:07.5+0200"),
            at(2024, 3, 5, 14, 30, 7)
        );
        assert_eq!(parse("2024-03-05 14:30:07 UTC"), at(2024, 3, 5, 14, 30, 7));
        assert_eq!(
            parse("2024-03-05 16:30:07 +02:00"),
            at(2024, 3, 5, 14, 30, 7)
        );
        assert_eq!(parse("2024-03-05"), at(2024, 3, 5, 0, 0, 0));
    }

    #[test]
    fn rfc2822() {
        assert_eq!(
            parse("Tue, 05 Mar 2024 14:30:07 +0000"),
            at(2024, 3, 5, 14, 30, 7)
        );
        assert_eq!(
            parse("Tue, 5 Mar 2024 09:30:07 EST"),
            at(2024, 3, 5, 14, 30, 7)
        );
        assert_eq!(parse("05 Mar 24 14:30 GMT"), at(2024, 3, 5, 14, 30, 0));
    }

    #[test]
    fn digits() {
        assert_eq!(parse("20240305"), at(2024, 3, 5, 0, 0, 0));
        assert_eq!(parse("20240305143007"), at(2024, 3, 5, 14, 30, 7));
        assert_eq!(parse("1709649007"), at(2024, 3, 5, 14, 30, 7));
        assert_eq!(parse("20241305"), None);
    }

    #[test]
    fn prose_dates() {
        assert_eq!(parse("June 14, 2024"), at(2024, 6, 14, 0, 0, 0));
        assert_eq!(parse("14 June 2024"), at(2024, 6, 14, 0, 0, 0));
        assert_eq!(
            parse("Sept. 3rd, 2023 at 3:05 PM EDT"),
            at(2023, 9, 3, 19, 5, 0)
        );
        assert_eq!(
            parse("Published Friday 14 June 2024 12:00 am"),
            at(2024, 6, 14, 0, 0, 0)
        );
        assert_eq!(parse("2024/06/14"), at(2024, 6, 14, 0, 0, 0));
        assert_eq!(parse("14.06.2024"), at(2024, 6, 14, 0, 0, 0));
        assert_eq!(parse("06/14/2024"), at(2024, 6, 14, 0, 0, 0));
    }

    #[test]
    fn refuses_guesses() {
        assert_eq!(parse("03/05/2024"), None);
        assert_eq!(parse("yesterday"), None);
        assert_eq!(parse("June 2024"), None);
        assert_eq!(parse("February 30, 2024"), None);
        assert_eq!(parse("June 14, 2024 25:00"), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = parse(&s);
        }

        #[test]
        fn rfc3339_round_trips(secs in 0i64..4_000_000_000) {
            let t = Timestamp(secs);
            prop_assert_eq!(parse(&t.to_string()), Some(t));
        }
    }
}
