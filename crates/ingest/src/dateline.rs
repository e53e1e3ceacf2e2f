//! Datelines: the `TEHRAN, June 14 (Reuters) -` that wire stories open with. It names where
//! the story was filed, often by whom and when, and it is not part of the first sentence: the
//! coder would read `TEHRAN` as the subject of what follows. Recognising one must not eat an
//! ordinary first sentence (`Iran, the US and China agreed - …`), so a dateline needs a place
//! in capitals (`WASHINGTON —`, `NEW DELHI:`), or a place followed by an agency or a date
//! (`Kyiv (Reuters) -`, `Paris, June 14 —`), and every part of it must look like what it is.

use tacitus_dataset::Date;

use crate::date::month;

/// A dateline at the start of a story: "TEHRAN, June 14 (Reuters) -".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Where the story was filed, with its region when given: `TEHRAN`, `KYIV, Ukraine`.
    pub place: String,
    /// The date written in it: year (when given), month, day.
    pub date: Option<(Option<u16>, u8, u8)>,
    /// The agency or wire named in it: `Reuters`, `AP`, `PRNewswire`.
    pub source: Option<String>,
    /// Bytes to strip from the start of the text: the dateline, its dash and the space after.
    pub len: usize,
}

/// Section labels that stand in capitals before a dash and are not places.
const SLUGS: [&str; 24] = [
    "ADVISORY",
    "ANALYSIS",
    "BREAKING",
    "COMMENTARY",
    "CORRECTED",
    "CORRECTION",
    "EDITORIAL",
    "EXCLUSIVE",
    "EXPLAINER",
    "FACTBOX",
    "FEATURE",
    "FLASH",
    "INTERVIEW",
    "LIVE",
    "NOTE",
    "OPINION",
    "PHOTOS",
    "REPORT",
    "REVIEW",
    "SPECIAL",
    "UPDATE",
    "UPDATED",
    "URGENT",
    "WARNING",
];

/// News agencies, which open some stories in place of a place (`AFP -- …`).
const AGENCIES: &[&str] = &[
    "AAP", "AFP", "ANI", "ANSA", "AP", "APA", "BELGA", "BERNAMA", "DPA", "EFE", "IANS", "INTERFAX",
    "IRNA", "KYODO", "MENA", "PTI", "REUTERS", "RIA", "SPUTNIK", "TASS", "UNIAN", "UPI", "WAM",
    "XINHUA", "YONHAP",
];

/// Small words allowed inside place names (`Isle of Man`, `Rio de Janeiro`).
const CONNECTORS: [&str; 9] = ["of", "de", "da", "do", "del", "la", "le", "al", "el"];

/// The dash characters that end a dateline.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Finds a dateline at the start of `text` (after leading white space).
pub fn dateline(text: &str) -> Option<Dateline> {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let mut chars = rest[..line_end]
        .char_indices()
        .take_while(|&(i, _)| i < 200)
        .peekable();
    while let Some((i, c)) = chars.next() {
        if !is_dash(c) && c != ':' {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek().filter(|&&(_, d)| is_dash(d) && c != ':') {
            end = j + d.len_utf8();
            chars.next();
        }
        let followed_by_space = rest[end..].chars().next().is_none_or(char::is_whitespace);
        // A lone hyphen or a colon inside a word (`US-led`, `10:30`) is no separator.
        if !followed_by_space && ((c == '-' && end - i == 1) || c == ':') {
            continue;
        }
        let head = parse_head(rest[..i].trim_end())?;
        if c == ':' && !head.capitals {
            return None;
        }
        let spaces = rest[end..].len() - rest[end..].trim_start().len();
        return Some(Dateline {
            place: head.place,
            date: head.date,
            source: head.source,
            len: start + end + spaces,
        });
    }
    None
}

/// What comes before the dash, read.
struct Head {
    place: String,
    date: Option<(Option<u16>, u8, u8)>,
    source: Option<String>,
    capitals: bool,
}

/// Reads `PLACE[, Region…][, Month Day[, Year]] [(Agency)|/Agency/]`.
fn parse_head(head: &str) -> Option<Head> {
    let (rest, source) = split_agency(head)?;
    let mut segments = rest.split(',').map(str::trim);
    let place = segments.next().filter(|p| is_place(p))?;
    let capitals = is_capitals(place);
    let upper = place.to_uppercase();
    if (capitals && SLUGS.contains(&place))
        || AGENCIES.contains(&upper.as_str())
        || is_weekday(place)
        || month(place).is_some()
    {
        return None;
    }
    let mut regions = Vec::new();
    let mut date = None;
    let mut segments = segments.peekable();
    while let Some(segment) = segments.next() {
        if date.is_some() {
            return None;
        }
        if let Some((m, d, y)) = month_day(segment) {
            let y = match y {
                Some(y) => Some(y),
                None => segments
                    .next_if(|s| is_year(s))
                    .and_then(|s| s.parse().ok()),
            };
            date = Some((y, m, d));
        } else if is_weekday(segment) {
            continue;
        } else if is_place(segment) {
            regions.push(segment);
        } else {
            return None;
        }
    }
    if !capitals && source.is_none() && date.is_none() {
        return None;
    }
    let mut full = place.to_string();
    for r in regions {
        full.push_str(", ");
        full.push_str(r);
    }
    Some(Head {
        place: full,
        date,
        source,
        capitals,
    })
}

/// Splits a trailing `(Agency)` or `/Agency/` off the head; `None` when the head is only that.
fn split_agency(head: &str) -> Option<(&str, Option<String>)> {
    let open = match head.chars().last() {
        Some(')') => '(',
        Some('/') => '/',
        _ => return Some((head, None)),
    };
    let inner = &head[..head.len() - 1];
    let at = inner.rfind(open)?;
    let agency = inner[at + 1..].trim();
    let ok = !agency.is_empty()
        && agency.len() <= 40
        && agency.split_whitespace().count() <= 5
        && agency.chars().next().is_some_and(char::is_alphanumeric)
        && agency
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '&' | '-' | '\''));
    let rest = inner[..at].trim_end().trim_end_matches(',').trim_end();
    (ok && !rest.is_empty()).then(|| (rest, Some(agency.to_string())))
}

/// A place name: one to five capitalised words of letters (`ST. PETERSBURG`, `Calif.`,
/// `GAZA CITY/CAIRO`, `Rio de Janeiro`).
fn is_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && s.len() <= 50
        && words.iter().enumerate().all(|(i, w)| {
            (i > 0 && CONNECTORS.contains(w))
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '/')))
        })
}

/// Whether every letter is a capital, with at least two letters (`LONDON`, `N.Y.` is not).
fn is_capitals(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && s.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// `June 14`, `14 June`, `Jan. 5`, `June 14 2024`, `5 June 2024`: month, day and year.
fn month_day(s: &str) -> Option<(u8, u8, Option<u16>)> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let day = |w: &str| {
        (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u8>().ok())
            .flatten()
    };
    let (m, d, y) = match words[..] {
        [a, b] => month(a)
            .zip(day(b))
            .or_else(|| month(b).zip(day(a)))
            .map(|(m, d)| (m, d, None)),
        [a, b, c] if is_year(c) => month(a)
            .zip(day(b))
            .or_else(|| month(b).zip(day(a)))
            .map(|(m, d)| (m, d, c.parse().ok())),
        _ => None,
    }?;
    Date::new(y.unwrap_or(2000), m, d).map(|_| (m, d, y))
}

/// Four digits, 1900–2099.
fn is_year(s: &str) -> bool {
    s.len() == 4
        && (s.starts_with("19") || s.starts_with("20"))
        && s.bytes().all(|b| b.is_ascii_digit())
}

/// `Tuesday`, `Tue.`: a weekday, which datelines sometimes carry instead of a date.
fn is_weekday(s: &str) -> bool {
    let w = s.trim_end_matches('.').to_ascii_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| w == *d || (w.len() >= 3 && d.starts_with(w.as_str()) && w.len() <= 4))
}

/// The calendar date of a dateline's date: its own year, else the most recent such day not
/// after `default` (so `Dec 31` read with a default of 2024-01-02 is 2023-12-31).
pub(crate) fn resolve(date: (Option<u16>, u8, u8), default: Option<Date>) -> Option<Date> {
    let (year, month, day) = date;
    if let Some(y) = year {
        return Date::new(y, month, day);
    }
    let default = default?;
    let mut y = default.year;
    if (month, day) > (default.month, default.day) {
        y = y.checked_sub(1)?;
    }
    // 29 February goes back to the last leap year.
    (0..8).find_map(|back| Date::new(y.checked_sub(back)?, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A dateline's date as written.
    type Written = Option<(Option<u16>, u8, u8)>;

    /// Place, date, source and what is left of the text.
    fn parts(text: &str) -> Option<(String, Written, Option<String>, String)> {
        dateline(text).map(|d| (d.place, d.date, d.source, text[d.len..].to_string()))
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            parts("TEHRAN, June 14 (Reuters) - Iran said on Friday"),
            Some((
                "TEHRAN".into(),
                Some((None, 6, 14)),
                Some("Reuters".into()),
                "Iran said on Friday".into()
            ))
        );
        assert_eq!(
            parts("WASHINGTON (AP) — The Senate voted"),
            Some((
                "WASHINGTON".into(),
                None,
                Some("AP".into()),
                "The Senate voted".into()
            ))
        );
        assert_eq!(
            parts("KYIV, Ukraine, March 3, 2024 /PRNewswire/ -- The company"),
            Some((
                "KYIV, Ukraine".into(),
                Some((Some(2024), 3, 3)),
                Some("PRNewswire".into()),
                "The company".into()
            ))
        );
        assert_eq!(
            parts("LONDON, 5 June (BBC) – Ministers met"),
            Some((
                "LONDON".into(),
                Some((None, 6, 5)),
                Some("BBC".into()),
                "Ministers met".into()
            ))
        );
        assert_eq!(
            parts("  ST. PETERSBURG, Russia, Jan. 5 (Xinhua) --Officials"),
            Some((
                "ST. PETERSBURG, Russia".into(),
                Some((None, 1, 5)),
                Some("Xinhua".into()),
                "Officials".into()
            ))
        );
    }

    #[test]
    fn capitals_alone_or_colon() {
        assert_eq!(
            parts("GAZA CITY/CAIRO — Talks").map(|p| p.0),
            Some("GAZA CITY/CAIRO".into())
        );
        assert_eq!(
            parts("NEW DELHI: The government").map(|p| p.3),
            Some("The government".into())
        );
        assert_eq!(
            parts("WASHINGTON—President").map(|p| p.3),
            Some("President".into())
        );
        assert_eq!(
            parts("Kyiv (Reuters) - Russia").map(|p| p.0),
            Some("Kyiv".into())
        );
        assert_eq!(
            parts("Paris, June 14 - Talks").map(|p| p.1),
            Some(Some((None, 6, 14)))
        );
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(
            dateline("Iran, the US and China agreed - for now - to talk."),
            None
        );
        assert_eq!(
            dateline("US-led forces struck targets - officials said."),
            None
        );
        assert_eq!(dateline("Tehran - The capital woke up."), None);
        assert_eq!(dateline("Officials said: the talks failed."), None);
        assert_eq!(dateline("BREAKING - Iran says"), None);
        assert_eq!(dateline("AFP -- Protesters gathered"), None);
        assert_eq!(
            dateline("Tuesday, August 6, 2017 (Venezuelanalysis.com) -- A day"),
            None
        );
        assert_eq!(dateline("March 5 (Reuters) - Shares fell"), None);
        assert_eq!(dateline("At 10:30 the talks began."), None);
        assert_eq!(dateline("(Reuters) - Iran said"), None);
        assert_eq!(dateline("LONDON\n- Ministers"), None);
        assert_eq!(dateline("TEHRAN, June 31 (Reuters) - x"), None);
    }

    #[test]
    fn year_from_default() {
        let d = |y, m, day| Date::new(y, m, day);
        assert_eq!(resolve((None, 6, 14), d(2024, 6, 20)), d(2024, 6, 14));
        assert_eq!(resolve((None, 12, 31), d(2024, 1, 2)), d(2023, 12, 31));
        assert_eq!(resolve((None, 2, 29), d(2023, 6, 1)), d(2020, 2, 29));
        assert_eq!(resolve((Some(2019), 3, 3), d(2024, 1, 1)), d(2019, 3, 3));
        assert_eq!(resolve((None, 3, 3), None), None);
    }

    proptest! {
        #[test]
        fn never_panics_and_len_is_a_boundary(s in "\\PC{0,80}") {
            if let Some(d) = dateline(&s) {
                prop_assert!(s.is_char_boundary(d.len));
                prop_assert!(d.len <= s.len());
                prop_assert!(!d.place.is_empty());
            }
        }

        #[test]
        fn dateline_shaped_strings(
            place in "[A-Z\u{c0}-\u{de}]{1,8}( [A-Z]{1,6})?",
            sep in prop::sample::select(vec![" - ", " -- ", " — ", "—", " – ", ": "]),
            agency in prop::option::of("[A-Za-z]{1,8}"),
            tail in "\\PC{0,20}",
        ) {
            let s = match &agency {
                Some(a) => format!("{place} ({a}){sep}{tail}"),
                None => format!("{place}{sep}{tail}"),
            };
            if let Some(d) = dateline(&s) {
                prop_assert!(s.is_char_boundary(d.len));
                prop_assert_eq!(d.source, agency);
            }
        }
    }
}
