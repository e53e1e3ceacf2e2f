//! GDELT 2.0 event and mention tables, byte for byte in GDELT's layout.
//!
//! GDELT publishes tab-separated files with no header and `\n` line ends (the GDELT Event
//! Database Data Format Codebook V2.0, 2015); tools built for them count columns, not names,
//! so a row must always have exactly 61 (events) or 16 (mentions) fields. Text fields are
//! therefore cleaned: tabs, line breaks and other control characters become spaces. Fields
//! Tacitus does not compute (ADM2 codes, confidence) are empty, as GDELT leaves unknown fields
//! empty; a `Geo_Type` with no place is `0`, as in GDELT.
//!
//! GDELT has no negation field: a negated event ("did not attack") written here would read as
//! an attack. Both writers leave negated events (and their reports) out and count them.

use std::borrow::Cow;
use std::io::Write;
use std::marker::PhantomData;

use tacitus_dataset::{Actor, Date, EventRecord, MentionRecord, Place};

use crate::{ActorParts, ExportError, Summary};

/// The 61 columns of a GDELT 2.0 event row, in order.
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 16 columns of a GDELT 2.0 mention row, in order.
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// GDELT's `MentionType` for a document from the open web, identified by its URL.
const MENTION_WEB: &str = "1";
/// GDELT's `MentionType` for a document known only by a textual citation: Tacitus uses it for
/// articles read from files, identified by where they were read (`path:LINE`, `path#N`).
const MENTION_CITATION_ONLY: &str = "2";

/// A record with a row in one of GDELT's tables.
pub trait GdeltRow {
    /// Whether it is negated (GDELT has no field for that, so it is left out).
    fn negated(&self) -> bool;
    /// Appends its row, `\n` included.
    fn row(&self, line: &mut String);
}

impl GdeltRow for EventRecord {
    fn negated(&self) -> bool {
        self.negated
    }

    fn row(&self, line: &mut String) {
        event_row(self, line);
    }
}

impl GdeltRow for MentionRecord {
    /// Negation is part of an event's identity, so the reports of a negated event are
    /// negated too.
    fn negated(&self) -> bool {
        self.coded.negated
    }

    fn row(&self, line: &mut String) {
        mention_row(self, line);
    }
}

/// Writes the rows of one GDELT 2.0 table, leaving negated records out.
#[derive(Debug)]
pub struct GdeltWriter<W: Write, R> {
    out: W,
    line: String,
    summary: Summary,
    rows: PhantomData<fn(&R)>,
}

/// Writes GDELT 2.0 event rows (the `*.export.CSV` table, 61 columns).
pub type GdeltEventWriter<W> = GdeltWriter<W, EventRecord>;

/// Writes GDELT 2.0 mention rows (the `*.mentions.CSV` table, 16 columns).
pub type GdeltMentionWriter<W> = GdeltWriter<W, MentionRecord>;

impl<W: Write, R: GdeltRow> GdeltWriter<W, R> {
    /// A writer to `out` (buffer it: rows are written one `write_all` each).
    pub fn new(out: W) -> GdeltWriter<W, R> {
        GdeltWriter {
            out,
            line: String::new(),
            summary: Summary::default(),
            rows: PhantomData,
        }
    }

    /// Writes one record as a row, or counts it as skipped when it is negated.
    pub fn write(&mut self, record: &R) -> Result<(), ExportError> {
        if record.negated() {
            self.summary.skipped_negated += 1;
            return Ok(());
        }
        self.line.clear();
        record.row(&mut self.line);
        self.out.write_all(self.line.as_bytes())?;
        self.summary.written += 1;
        Ok(())
    }

    /// What has been written and left out so far.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// Flushes the output and returns the totals.
    pub fn finish(mut self) -> Result<Summary, ExportError> {
        self.out.flush()?;
        Ok(self.summary)
    }
}

/// Appends fields separated by tabs, the last followed by `\n`.
struct Row<'a> {
    line: &'a mut String,
    first: bool,
}

impl Row<'_> {
    fn field(&mut self, value: &str) {
        if !self.first {
            self.line.push('\t');
        }
        self.first = false;
        self.line.push_str(&clean(value));
    }

    fn opt(&mut self, value: Option<&str>) {
        self.field(value.unwrap_or(""));
    }

    fn empty(&mut self, n: usize) {
        for _ in 0..n {
            self.field("");
        }
    }

    fn end(self) {
        self.line.push('\n');
    }
}

/// Text with every character that could break a row (tab, line break, any other control
/// character, Unicode line and paragraph separators) replaced by a space.
fn clean(s: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() || c == '\u{2028}' || c == '\u{2029}';
    if s.contains(bad) {
        Cow::Owned(s.chars().map(|c| if bad(c) { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

fn event_row(e: &EventRecord, line: &mut String) {
    let mut row = Row { line, first: true };
    let Date { year, month, day } = e.date;
    row.field(&e.id.to_string());
    row.field(&format!("{year:04}{month:02}{day:02}"));
    row.field(&format!("{year:04}{month:02}"));
    row.field(&format!("{year:04}"));
    row.field(&fraction_date(e.date));
    actor_fields(&mut row, e.source.as_ref());
    actor_fields(&mut row, e.target.as_ref());
    row.field(if e.is_root { "1" } else { "0" });
    row.field(&e.event_code);
    row.field(&e.base_code);
    row.field(&e.root_code);
    row.field(&e.quad_class.map(|q| q.to_string()).unwrap_or_default());
    row.field(&e.goldstein.map(goldstein).unwrap_or_default());
    row.field(&e.num_mentions.to_string());
    row.field(&e.num_sources.to_string());
    row.field(&e.num_articles.to_string());
    row.field(&e.avg_tone.map(|t| t.to_string()).unwrap_or_default());
    for place in [&e.source_geo, &e.target_geo, &e.action_geo] {
        geo_fields(&mut row, place.as_ref());
    }
    row.field(&e.added.gdelt());
    row.field(&e.source_url);
    row.end();
}

/// The eight `*Geo_` columns of a place: type (`0` when none), full name, FIPS country code,
/// ADM1 code, ADM2 code (not computed), latitude, longitude, feature id.
fn geo_fields(row: &mut Row<'_>, place: Option<&Place>) {
    let Some(p) = place else {
        row.field("0");
        row.empty(7);
        return;
    };
    row.field(&p.kind.code().to_string());
    row.field(&p.full_name);
    row.field(&p.country_fips);
    row.opt(p.adm1.as_deref());
    row.empty(1);
    row.field(&p.lat.to_string());
    row.field(&p.lon.to_string());
    row.field(&p.feature_id);
}

fn actor_fields(row: &mut Row<'_>, actor: Option<&Actor>) {
    let Some(actor) = actor else {
        row.empty(10);
        return;
    };
    let p = ActorParts::parse(&actor.code);
    // GDELT writes an actor of unknown country by its role alone (`MIL`, not `---MIL`).
    row.field(actor.code.strip_prefix("---").unwrap_or(&actor.code));
    row.field(&actor.name.to_uppercase());
    for part in [
        &p.country,
        &p.known_group,
        &p.ethnic,
        &p.religion1,
        &p.religion2,
        &p.type1,
        &p.type2,
        &p.type3,
    ] {
        row.opt(part.as_deref());
    }
}

fn mention_row(m: &MentionRecord, line: &mut String) {
    let mut row = Row { line, first: true };
    let url = m.url.as_deref().filter(|u| !u.trim().is_empty());
    row.field(&m.event_id.to_string());
    row.field(&m.event_added.gdelt());
    row.field(&m.published.gdelt());
    row.field(if url.is_some() {
        MENTION_WEB
    } else {
        MENTION_CITATION_ONLY
    });
    row.field(&source_name(m.outlet.as_deref(), url));
    row.field(url.unwrap_or(&m.origin));
    row.field(&(m.coded.sentence + 1).to_string());
    let offset = |start: Option<usize>| start.map_or_else(|| "-1".to_string(), |s| s.to_string());
    row.field(&offset(m.coded.source.as_ref().map(|p| p.start)));
    row.field(&offset(m.coded.target.as_ref().map(|p| p.start)));
    row.field(&m.coded.verb.start.to_string());
    row.field("1"); // InRawText: coded from the text as read, never rewritten.
    row.empty(1); // Confidence: the coder gives none.
    row.field(&m.doc_chars.to_string());
    let tone = m.coded.tone.map(|t| t.document.to_string());
    row.field(tone.as_deref().unwrap_or(""));
    row.empty(2); // MentionDocTranslationInfo (English input), Extras.
    row.end();
}

/// `MentionSourceName`: the outlet as given, else the URL's host without `www.` (GDELT names
/// web sources by domain).
fn source_name(outlet: Option<&str>, url: Option<&str>) -> String {
    if let Some(o) = outlet.filter(|o| !o.trim().is_empty()) {
        return o.to_string();
    }
    let Some(url) = url else {
        return String::new();
    };
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.to_ascii_lowercase()
}

/// GDELT's `FractionDate`: the year plus `((month − 1) × 30 + day) / 365` to four decimals.
///
/// The codebook writes `(MONTH * 30 + DAY) / 365`, but GDELT's files count the months before
/// the date (2026-07-02 is `2026.4986`, 2026-06-25 `2026.4795`, 2017-05-07 `2017.3479`); this
/// follows the files. Integer arithmetic, rounded half up, so every platform gives the same
/// digits.
pub(crate) fn fraction_date(d: Date) -> String {
    let days = (u32::from(d.month) - 1) * 30 + u32::from(d.day);
    let frac = (days * 20_000 + 365) / 730;
    format!("{:04}.{frac:04}", d.year)
}

/// A Goldstein score as GDELT 2.0 writes it: the shortest decimal that reads back as the same
/// value, always with a fractional digit (`-10.0`, `2.8`, `0.0`). Not a number is empty.
pub(crate) fn goldstein(g: f32) -> String {
    if !g.is_finite() {
        return String::new();
    }
    let g = if g == 0.0 { 0.0 } else { g };
    format!("{g:?}")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tacitus_dataset::Actor;

    use super::*;
    use crate::fixtures;

    fn events(records: &[EventRecord]) -> (String, Summary) {
        let mut out = Vec::new();
        let mut w = GdeltEventWriter::new(&mut out);
        for r in records {
            w.write(r).unwrap();
        }
        let s = w.finish().unwrap();
        (String::from_utf8(out).unwrap(), s)
    }

    fn mentions(records: &[MentionRecord]) -> (String, Summary) {
        let mut out = Vec::new();
        let mut w = GdeltMentionWriter::new(&mut out);
        for r in records {
            w.write(r).unwrap();
        }
        let s = w.finish().unwrap();
        (String::from_utf8(out).unwrap(), s)
    }

    #[test]
    fn exact_event_row() {
        let (text, summary) = events(&[fixtures::event()]);
        let expected = [
            "123456789",
            "20240305",
            "202403",
            "2024",
            "2024.1781",
            "ISRMIL",
            "ISRAELI TROOPS",
            "ISR",
            "",
            "",
            "",
            "",
            "MIL",
            "",
            "",
            "PSE",
            "PALESTINIANS",
            "PSE",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "1",
            "190",
            "190",
            "19",
            "4",
            "-10.0",
            "2",
            "1",
            "2",
            "",
            "0",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "0",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "0",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "20240305143007",
            "https://example.org/news/1",
        ]
        .join("\t")
            + "\n";
        assert_eq!(text, expected);
        assert_eq!(
            summary,
            Summary {
                written: 1,
                skipped_negated: 0
            }
        );
    }

    #[test]
    fn missing_actor_and_scores_are_empty() {
        let mut e = fixtures::event();
        e.target = None;
        e.quad_class = None;
        e.goldstein = None;
        e.is_root = false;
        let (text, _) = events(&[e]);
        let f: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
        assert_eq!(f.len(), 61);
        assert!(f[15..25].iter().all(|x| x.is_empty()));
        assert_eq!((f[25], f[29], f[30]), ("0", "", ""));
    }

    #[test]
    fn places_and_tone_fill_their_columns() {
        let (text, _) = events(&[fixtures::placed_event()]);
        let f: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
        assert_eq!(f.len(), 61);
        assert_eq!(f[34], "-3.25");
        let israel = ["1", "Israel", "IS", "IS", "", "31.76904", "35.21633", "IS"];
        assert_eq!(f[35..43], israel);
        assert_eq!(f[43..51], ["0", "", "", "", "", "", "", ""]);
        let aleppo = [
            "4",
            "Aleppo, Halab, Syria",
            "SY",
            "SY09",
            "",
            "36.20124",
            "37.16117",
            "170063",
        ];
        assert_eq!(f[51..59], aleppo);
        let (text, _) = mentions(&[fixtures::placed_mention()]);
        assert_eq!(text.split('\t').nth(13), Some("-3.25"));
    }

    #[test]
    fn negated_events_and_reports_are_left_out() {
        let mut neg = fixtures::event();
        neg.negated = true;
        let (text, summary) = events(&[fixtures::event(), neg.clone(), fixtures::event()]);
        assert_eq!(text.lines().count(), 2);
        assert_eq!(
            summary,
            Summary {
                written: 2,
                skipped_negated: 1
            }
        );
        let mut m = fixtures::mention();
        m.coded.negated = true;
        let (text, summary) = mentions(&[m, fixtures::mention()]);
        assert_eq!(text.lines().count(), 1);
        assert_eq!(summary.skipped_negated, 1);
    }

    #[test]
    fn awkward_text_keeps_61_columns() {
        let mut e = fixtures::event();
        e.source = Some(Actor {
            code: "USA\tGOV".into(),
            name: "the \"U.S.\"\tgovernment,\nin\r\nWashington\u{2028}x\u{0}".into(),
        });
        e.source_url = "https://x.org/a\tb\nc".into();
        let (text, _) = events(&[e]);
        assert_eq!(text.matches('\n').count(), 1);
        let f: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
        assert_eq!(f.len(), 61);
        assert_eq!(f[5], "USA GOV");
        assert_eq!(f[6], "THE \"U.S.\" GOVERNMENT, IN  WASHINGTON X ");
        assert_eq!(f[60], "https://x.org/a b c");
    }

    #[test]
    fn exact_mention_row() {
        let (text, summary) = mentions(&[fixtures::mention()]);
        let expected = [
            "123456789",
            "20240305143007",
            "20240305153007",
            "1",
            "Example News",
            "https://www.example.org/news/1",
            "3",
            "120",
            "148",
            "135",
            "1",
            "",
            "2400",
            "",
            "",
            "",
        ]
        .join("\t")
            + "\n";
        assert_eq!(text, expected);
        assert_eq!(summary.written, 1);
    }

    #[test]
    fn mention_without_url_or_actors() {
        let mut m = fixtures::mention();
        m.url = None;
        m.outlet = None;
        m.coded.source = None;
        m.coded.target = None;
        m.coded.sentence = 0;
        let (text, _) = mentions(&[m]);
        let f: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
        assert_eq!(f.len(), 16);
        assert_eq!(
            &f[3..10],
            ["2", "", "feeds/example.xml#3", "1", "-1", "-1", "135"]
        );
    }

    #[test]
    fn source_names() {
        assert_eq!(
            source_name(Some("Reuters"), Some("https://x.com")),
            "Reuters"
        );
        assert_eq!(
            source_name(None, Some("https://www.BBC.co.uk:443/news?a=1")),
            "bbc.co.uk"
        );
        assert_eq!(
            source_name(Some(" "), Some("http://u@host.net/x")),
            "host.net"
        );
        assert_eq!(source_name(None, Some("example.org/path")), "example.org");
        assert_eq!(source_name(None, None), "");
    }

    #[test]
    fn fraction_dates_match_gdelt_files() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(fraction_date(d(2026, 7, 2)), "2026.4986");
        assert_eq!(fraction_date(d(2026, 6, 25)), "2026.4795");
        assert_eq!(fraction_date(d(2026, 6, 2)), "2026.4164");
        assert_eq!(fraction_date(d(2017, 5, 7)), "2017.3479");
        assert_eq!(fraction_date(d(2024, 1, 1)), "2024.0027");
        assert_eq!(fraction_date(d(2024, 12, 31)), "2024.9890");
        assert_eq!(fraction_date(d(995, 1, 1)), "0995.0027");
    }

    #[test]
    fn goldstein_as_gdelt_writes_it() {
        assert_eq!(goldstein(-10.0), "-10.0");
        assert_eq!(goldstein(2.8), "2.8");
        assert_eq!(goldstein(0.0), "0.0");
        assert_eq!(goldstein(-0.0), "0.0");
        assert_eq!(goldstein(1.9), "1.9");
        assert_eq!(goldstein(-7.2), "-7.2");
        assert_eq!(goldstein(f32::NAN), "");
    }

    #[test]
    fn output_is_deterministic() {
        let rows = [fixtures::event(), fixtures::event()];
        assert_eq!(events(&rows).0, events(&rows).0);
    }

    proptest! {
        #[test]
        fn any_text_keeps_the_shape(
            code in "\\PC{0,12}",
            name in any::<String>(),
            url in any::<String>(),
            outlet in any::<String>(),
            origin in any::<String>(),
        ) {
            let mut e = fixtures::event();
            e.source = Some(Actor { code: code.clone(), name: name.clone() });
            e.target = Some(Actor { code, name });
            e.source_url = url.clone();
            let (text, _) = events(&[e]);
            prop_assert!(text.ends_with('\n'));
            prop_assert_eq!(text.matches('\n').count(), 1);
            prop_assert_eq!(text.trim_end_matches('\n').split('\t').count(), 61);

            let mut m = fixtures::mention();
            m.url = Some(url);
            m.outlet = Some(outlet);
            m.origin = origin;
            let (text, _) = mentions(&[m]);
            prop_assert_eq!(text.matches('\n').count(), 1);
            prop_assert_eq!(text.trim_end_matches('\n').split('\t').count(), 16);
        }
    }
}
