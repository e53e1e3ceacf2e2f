//! A readable CSV of the events: one header row, one row per event, quoted as RFC 4180 says
//! (fields with a comma, a double quote or a line break are enclosed in double quotes, inner
//! quotes doubled; records end with CRLF), so spreadsheets and `pandas.read_csv` read any name
//! or URL back as written.

use std::io::Write;

use tacitus_dataset::{EventRecord, Place};

use crate::gdelt::goldstein;
use crate::{ExportError, Summary, places};

/// The header row of [`CsvWriter`], also the column names of [`crate::ParquetWriter`].
pub const CSV_COLUMNS: [&str; 40] = [
    "id",
    "date",
    "added",
    "source_code",
    "source_name",
    "target_code",
    "target_name",
    "event_code",
    "base_code",
    "root_code",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "negated",
    "is_root",
    "num_mentions",
    "num_sources",
    "num_articles",
    "disputed",
    "source_url",
    "avg_tone",
    "action_geo_type",
    "action_geo_name",
    "action_geo_country",
    "action_geo_lat",
    "action_geo_lon",
    "action_geo_feature_id",
    "source_geo_type",
    "source_geo_name",
    "source_geo_country",
    "source_geo_lat",
    "source_geo_lon",
    "source_geo_feature_id",
    "target_geo_type",
    "target_geo_name",
    "target_geo_country",
    "target_geo_lat",
    "target_geo_lon",
    "target_geo_feature_id",
];

/// Writes events as CSV with a header row.
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    out: W,
    line: String,
    header_written: bool,
    summary: Summary,
}

impl<W: Write> CsvWriter<W> {
    /// A writer to `out`; the header is written with the first event, or by [`finish`] when
    /// there is none (buffer `out`: rows are written one `write_all` each).
    ///
    /// [`finish`]: CsvWriter::finish
    pub fn new(out: W) -> CsvWriter<W> {
        CsvWriter {
            out,
            line: String::new(),
            header_written: false,
            summary: Summary::default(),
        }
    }

    /// Writes one event (negated ones too: the `negated` column marks them).
    pub fn write(&mut self, e: &EventRecord) -> Result<(), ExportError> {
        self.header()?;
        let date = e.date.to_string();
        let added = e.added.to_string();
        let quad = e.quad_class.map(|q| q.to_string()).unwrap_or_default();
        let gold = e.goldstein.map(goldstein).unwrap_or_default();
        let (mentions, sources, articles) = (
            e.num_mentions.to_string(),
            e.num_sources.to_string(),
            e.num_articles.to_string(),
        );
        let id = e.id.to_string();
        let tone = e.avg_tone.map(|t| t.to_string()).unwrap_or_default();
        let geo = places(e).map(geo_fields);
        let fields: [&str; 22] = [
            &id,
            &date,
            &added,
            e.source.as_ref().map_or("", |a| &a.code),
            e.source.as_ref().map_or("", |a| &a.name),
            e.target.as_ref().map_or("", |a| &a.code),
            e.target.as_ref().map_or("", |a| &a.name),
            &e.event_code,
            &e.base_code,
            &e.root_code,
            &quad,
            &gold,
            e.plover_event.as_deref().unwrap_or(""),
            e.plover_mode.as_deref().unwrap_or(""),
            bool_str(e.negated),
            bool_str(e.is_root),
            &mentions,
            &sources,
            &articles,
            bool_str(e.disputed),
            &e.source_url,
            &tone,
        ];
        let geo = geo.iter().flatten().map(String::as_str);
        self.line.clear();
        record(&mut self.line, fields.into_iter().chain(geo));
        self.out.write_all(self.line.as_bytes())?;
        self.summary.written += 1;
        Ok(())
    }

    /// What has been written so far.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// Writes the header if no event came, flushes the output and returns the totals.
    pub fn finish(mut self) -> Result<Summary, ExportError> {
        self.header()?;
        self.out.flush()?;
        Ok(self.summary)
    }

    fn header(&mut self) -> Result<(), ExportError> {
        if !self.header_written {
            self.line.clear();
            record(&mut self.line, CSV_COLUMNS);
            self.out.write_all(self.line.as_bytes())?;
            self.header_written = true;
        }
        Ok(())
    }
}

fn bool_str(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// The six `{role}_geo_*` fields of a place: GDELT type number, full name, ISO-3 country,
/// latitude, longitude, feature id; all empty when there is none.
fn geo_fields(place: Option<&Place>) -> [String; 6] {
    let Some(p) = place else {
        return Default::default();
    };
    [
        p.kind.code().to_string(),
        p.full_name.clone(),
        p.country_iso3.clone(),
        p.lat.to_string(),
        p.lon.to_string(),
        p.feature_id.clone(),
    ]
}

/// Appends one CSV record, quoting fields as RFC 4180 requires, ended by CRLF.
fn record<'a>(line: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&f.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(f);
        }
    }
    line.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use tacitus_dataset::Actor;

    use super::*;
    use crate::{GEO_ROLES, fixtures};

    fn csv(records: &[EventRecord]) -> String {
        let mut out = Vec::new();
        let mut w = CsvWriter::new(&mut out);
        for r in records {
            w.write(r).unwrap();
        }
        assert_eq!(w.finish().unwrap().written, records.len() as u64);
        String::from_utf8(out).unwrap()
    }

    /// A small RFC 4180 reader, to check that what is written reads back.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        rows
    }

    #[test]
    fn header_and_exact_row() {
        let text = csv(&[fixtures::event()]);
        assert_eq!(
            text,
            "id,date,added,source_code,source_name,target_code,target_name,event_code,\
             base_code,root_code,quad_class,goldstein,plover_event,plover_mode,negated,is_root,\
             num_mentions,num_sources,num_articles,disputed,source_url,avg_tone,\
             action_geo_type,action_geo_name,action_geo_country,action_geo_lat,action_geo_lon,\
             action_geo_feature_id,source_geo_type,source_geo_name,source_geo_country,\
             source_geo_lat,source_geo_lon,source_geo_feature_id,target_geo_type,\
             target_geo_name,target_geo_country,target_geo_lat,target_geo_lon,\
             target_geo_feature_id\r\n\
             123456789,2024-03-05,2024-03-05T14:30:07Z,ISRMIL,Israeli troops,PSE,Palestinians,\
             190,190,19,4,-10.0,ASSAULT,,false,true,2,1,2,false,https://example.org/news/1,\
             ,,,,,,,,,,,,,,,,,,\r\n"
        );
    }

    #[test]
    fn places_and_tone_columns() {
        let geo: Vec<String> = GEO_ROLES
            .iter()
            .flat_map(|r| {
                ["type", "name", "country", "lat", "lon", "feature_id"]
                    .map(|f| format!("{r}_geo_{f}"))
            })
            .collect();
        assert_eq!(CSV_COLUMNS[21], "avg_tone");
        assert_eq!(CSV_COLUMNS[22..], geo[..]);
        let text = csv(&[fixtures::placed_event()]);
        let row = text.split("\r\n").nth(1).unwrap();
        assert!(row.ends_with(
            ",https://example.org/news/1,-3.25,\
             4,\"Aleppo, Halab, Syria\",SYR,36.20124,37.16117,170063,\
             1,Israel,ISR,31.76904,35.21633,IS,\
             ,,,,,"
        ));
        let rows = parse(&text);
        assert_eq!(rows[1].len(), CSV_COLUMNS.len());
        assert_eq!(rows[1][23], "Aleppo, Halab, Syria");
    }

    #[test]
    fn empty_export_still_has_its_header() {
        let text = csv(&[]);
        assert_eq!(parse(&text), vec![CSV_COLUMNS.map(String::from).to_vec()]);
    }

    #[test]
    fn commas_quotes_and_newlines_are_quoted() {
        let mut e = fixtures::event();
        e.negated = true;
        e.source = Some(Actor {
            code: "USAGOV".into(),
            name: "the \"U.S.\" government, in\nWashington\r\n".into(),
        });
        e.source_url = "https://x.org/?a=1,2".into();
        let text = csv(&[e.clone(), fixtures::event()]);
        assert!(text.contains("\"the \"\"U.S.\"\" government, in\nWashington\r\n\""));
        let rows = parse(&text);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        assert_eq!(rows[1][4], "the \"U.S.\" government, in\nWashington\r\n");
        assert_eq!(rows[1][14], "true");
        assert_eq!(rows[1][20], "https://x.org/?a=1,2");
        assert_eq!(rows[2][4], "Israeli troops");
    }
}
