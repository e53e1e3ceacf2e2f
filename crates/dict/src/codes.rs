//! CAMEO event codes, actor codes and the date restrictions on actor codes.
//!
//! Codes are kept as validated strings: the coder compares and prints them, and CAMEO's
//! hierarchy is positional (root = 2 characters, base = 3), so a string newtype is enough.

use std::fmt;

/// A CAMEO event code such as `"0356"`. Dictionaries also hold non-CAMEO codes that
/// PETRARCH-2 maps to its nearest category (`075A`, `102b`, `080!`, the test file's `+++`),
/// so any 1–8 printable ASCII characters other than brackets, `:` and blanks are accepted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventCode(String);

impl EventCode {
    /// Parses an event code (see the type's docs for what is accepted).
    pub fn parse(s: &str) -> Option<EventCode> {
        let s = s.trim();
        if (1..=8).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_graphic() && !b"[]:".contains(&b))
        {
            Some(EventCode(s.to_string()))
        } else {
            None
        }
    }

    /// Whether the code is a CAMEO-shaped code: 2–4 ASCII digits.
    pub fn is_cameo(&self) -> bool {
        (2..=4).contains(&self.0.len()) && self.0.bytes().all(|b| b.is_ascii_digit())
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The root (cue category) code: the first two characters, e.g. `"03"` for `"0356"`.
    pub fn root(&self) -> &str {
        &self.0[..self.0.len().min(2)]
    }

    /// The base code: the first three characters, e.g. `"035"` for `"0356"` (the code itself
    /// when it has only two).
    pub fn base(&self) -> &str {
        &self.0[..self.0.len().min(3)]
    }

    /// The root code as an [`EventCode`].
    pub fn root_code(&self) -> EventCode {
        EventCode(self.root().to_string())
    }

    /// The base code as an [`EventCode`].
    pub fn base_code(&self) -> EventCode {
        EventCode(self.base().to_string())
    }

    /// The CAMEO quad class (1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict) of a numeric root 01–20; `None` otherwise.
    pub fn quad_class(&self) -> Option<u8> {
        match self.root().parse::<u8>().ok()? {
            1..=5 => Some(1),
            6..=8 => Some(2),
            9..=13 => Some(3),
            14..=20 => Some(4),
            _ => None,
        }
    }
}

impl fmt::Display for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The code a verb or pattern assigns: `[forward:reverse]`, TABARI's paired codes.
///
/// `[040:040]` codes 040 from source to target and 040 back from target to source ("X met Y"
/// is also "Y met X"); `[043:042]` codes X→Y 043 and Y→X 042 ("X hosted Y": Y visited X);
/// `[:173]` codes only the reverse event; `[---]` is the null code (no event). A plain
/// `[190]` codes only the forward event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct VerbCode {
    /// The code of the source→target event; `None` for the null code `---`.
    pub forward: Option<EventCode>,
    /// The code of the paired target→source event, when given after `:`.
    pub reverse: Option<EventCode>,
}

impl VerbCode {
    /// Parses the text between `[` and `]`; `None` when it is not a code.
    pub fn parse(s: &str) -> Option<VerbCode> {
        let s = s.trim();
        let one = |t: &str| -> Option<Option<EventCode>> {
            let t = t.trim();
            if t.is_empty() || t == "---" {
                Some(None)
            } else {
                EventCode::parse(t).map(Some)
            }
        };
        match s.split_once(':') {
            Some((a, p)) => Some(VerbCode {
                forward: one(a)?,
                reverse: one(p)?,
            }),
            None => Some(VerbCode {
                forward: one(s)?,
                reverse: None,
            }),
        }
    }

    /// Whether this is the null code (neither voice codes an event).
    pub fn is_null(&self) -> bool {
        self.forward.is_none() && self.reverse.is_none()
    }
}

impl fmt::Display for VerbCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = self.forward.as_ref().map_or("---", |c| c.as_str());
        match &self.reverse {
            Some(p) => write!(f, "{a}:{p}"),
            None => f.write_str(a),
        }
    }
}

/// A CAMEO actor code such as `USAGOV` or `IGOUNO`, or an agent code such as `MIL`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode(String);

impl ActorCode {
    /// Parses an actor code, upper-cased: printable ASCII without blanks, brackets or `~`.
    /// Besides CAMEO codes (`USAGOV`) the files use `---` (null: known, not an actor) and,
    /// in the validation dictionary, TABARI's `+++` and `/`-joined compound codes
    /// (`FRO/BIL/SAM`).
    pub fn parse(s: &str) -> Option<ActorCode> {
        let s = s.trim();
        if !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_graphic() && !b"[]~".contains(&b))
        {
            Some(ActorCode(s.to_ascii_uppercase()))
        } else {
            None
        }
    }

    /// The parts of a `/`-joined compound code (TABARI); a single code gives itself.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        self.0.split('/').filter(|p| !p.is_empty())
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the null code `---`.
    pub fn is_null(&self) -> bool {
        self.0 == "---"
    }

    /// Whether this is a CAMEO-shaped code (ASCII letters and digits only).
    pub fn is_cameo(&self) -> bool {
        self.0.bytes().all(|b| b.is_ascii_alphanumeric())
    }

    /// The first three characters: the country or international-actor part (`USA`, `IGO`).
    pub fn country(&self) -> &str {
        &self.0[..self.0.len().min(3)]
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A calendar date (proleptic Gregorian), ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2009.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31 (valid for the month).
    pub day: u8,
}

impl Date {
    /// Builds a date, checking the day against the month and leap years.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Parses a dictionary date strictly: `YYMMDD` (6 digits; YY ≤ 30 is 20YY, else 19YY,
    /// as in KEDS/TABARI/PETRARCH) or `YYYYMMDD` (8 digits).
    pub fn parse_dict(s: &str) -> Option<Date> {
        match s.len() {
            6 | 8 => Date::parse_petrarch(s),
            _ => None,
        }
    }

    /// Parses a dictionary date as PETRARCH-2's `dstr_to_ordate` does: 8 or more digits are
    /// `YYYYMMDD` from the first 8 (trailing junk ignored), 6 or 7 digits `YYMMDD` from the
    /// first 6.
    pub fn parse_petrarch(s: &str) -> Option<Date> {
        if s.len() < 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u16>().ok());
        if s.len() >= 8 {
            Date::new(
                n(0..4)?,
                u8::try_from(n(4..6)?).ok()?,
                u8::try_from(n(6..8)?).ok()?,
            )
        } else {
            let yy = n(0..2)?;
            let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            Date::new(
                year,
                u8::try_from(n(2..4)?).ok()?,
                u8::try_from(n(4..6)?).ok()?,
            )
        }
    }

    /// Parses an ISO date `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }
}

/// Dates read and write as `YYYY-MM-DD` strings.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s:?}")))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// When an actor code applies, with PETRARCH-2's coder semantics: the start of a range is
/// included, the end excluded (so a role change on day D gives the new role on D).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateRange {
    /// No restriction: the default code.
    Always,
    /// `<date`: strictly before the date.
    Before(Date),
    /// `>date`: on or after the date.
    After(Date),
    /// `date-date`: from the first date (included) to the second (excluded).
    Between(Date, Date),
}

impl DateRange {
    /// Parses a restriction strictly: `""`, `<d`, `>d`, `d-d` with 6- or 8-digit dates.
    pub fn parse(s: &str) -> Option<DateRange> {
        match DateRange::parse_petrarch(s)? {
            (r, None) => Some(r),
            (_, Some(_)) => None,
        }
    }

    /// Parses a restriction as PETRARCH-2 reads it, returning a note when the text is only
    /// readable leniently: dates of 7 or more than 8 digits (see [`Date::parse_petrarch`]) and
    /// a bare date without `<`, `>` or `-` (PETRARCH-2's coder treats it as `>date`).
    pub fn parse_petrarch(s: &str) -> Option<(DateRange, Option<String>)> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if s.is_empty() {
            return Some((DateRange::Always, None));
        }
        let mut notes: Vec<String> = Vec::new();
        let mut date = |d: &str| -> Option<Date> {
            if d.len() != 6 && d.len() != 8 {
                notes.push(format!(
                    "date {d:?} has {} digits; read as PETRARCH-2 does",
                    d.len()
                ));
            }
            Date::parse_petrarch(d)
        };
        let range = if let Some(d) = s.strip_prefix('<') {
            DateRange::Before(date(d)?)
        } else if let Some(d) = s.strip_prefix('>') {
            DateRange::After(date(d)?)
        } else if let Some((a, b)) = s.split_once('-') {
            DateRange::Between(date(a)?, date(b)?)
        } else {
            let d = date(&s)?;
            notes.push(format!(
                "bare date {s:?} read as '>{s}' (PETRARCH-2 coder behaviour)"
            ));
            DateRange::After(d)
        };
        let note = (!notes.is_empty()).then(|| notes.join("; "));
        Some((range, note))
    }

    /// Whether `date` falls in the range.
    pub fn contains(&self, date: Date) -> bool {
        match *self {
            DateRange::Always => true,
            DateRange::Before(d) => date < d,
            DateRange::After(d) => date >= d,
            DateRange::Between(a, b) => a <= date && date < b,
        }
    }

    /// Whether this is the unrestricted (default) range.
    pub fn is_always(&self) -> bool {
        matches!(self, DateRange::Always)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_code_helpers() {
        let c = EventCode::parse("0356").unwrap();
        assert_eq!((c.root(), c.base()), ("03", "035"));
        assert_eq!(c.quad_class(), Some(1));
        assert_eq!(EventCode::parse("19").unwrap().base(), "19");
        assert_eq!(EventCode::parse("190").unwrap().quad_class(), Some(4));
        assert!(EventCode::parse("0 1").is_none());
        assert!(EventCode::parse("01:2").is_none());
        assert!(EventCode::parse("080!").is_some_and(|c| !c.is_cameo()));
        assert_eq!(EventCode::parse("1").unwrap().root(), "1");
    }

    #[test]
    fn verb_codes() {
        let c = VerbCode::parse("042:043").unwrap();
        assert_eq!(c.forward.unwrap().as_str(), "042");
        assert_eq!(c.reverse.unwrap().as_str(), "043");
        let c = VerbCode::parse(":173").unwrap();
        assert!(c.forward.is_none());
        assert!(VerbCode::parse("---").unwrap().is_null());
        assert_eq!(VerbCode::parse("164:164").unwrap().to_string(), "164:164");
        assert!(VerbCode::parse("ab c").is_none());
        assert!(VerbCode::parse("a:b:c").is_none());
    }

    #[test]
    fn dates_and_ranges() {
        assert_eq!(Date::parse_dict("090120"), Date::new(2009, 1, 20));
        assert_eq!(Date::parse_dict("510724"), Date::new(1951, 7, 24));
        assert_eq!(Date::parse_dict("20070101"), Date::new(2007, 1, 1));
        assert!(Date::parse_dict("20100931").is_none());
        assert!(Date::parse_dict("2004017").is_none());
        let r = DateRange::parse("090120-170120").unwrap();
        assert!(r.contains(Date::new(2009, 1, 20).unwrap()));
        assert!(r.contains(Date::new(2017, 1, 19).unwrap()));
        assert!(!r.contains(Date::new(2017, 1, 20).unwrap()));
        let r = DateRange::parse(">011222").unwrap();
        assert!(r.contains(Date::new(2020, 1, 1).unwrap()));
        assert!(
            !DateRange::parse("<011222")
                .unwrap()
                .contains(Date::new(2002, 1, 1).unwrap())
        );
        assert!(DateRange::parse("x-y").is_none());
        assert!(DateRange::parse("20121204").is_none());
        let (r, note) = DateRange::parse_petrarch("20121204").unwrap();
        assert_eq!(r, DateRange::After(Date::new(2012, 12, 4).unwrap()));
        assert!(note.is_some());
        let (r, _) = DateRange::parse_petrarch(">201005011").unwrap();
        assert_eq!(r, DateRange::After(Date::new(2010, 5, 1).unwrap()));
        let (r, _) = DateRange::parse_petrarch("9008223-911221").unwrap();
        assert_eq!(
            r,
            DateRange::Between(
                Date::new(1990, 8, 22).unwrap(),
                Date::new(1991, 12, 21).unwrap()
            )
        );
        assert!(DateRange::parse_petrarch("0901-1701").is_none());
    }
}
