//! The CSV columns as a typed Parquet file, written with the parquet crate's column writers
//! (no Arrow: it would triple the build for a flat table).
//!
//! Rows are buffered column by column and written as a row group every
//! [`DEFAULT_ROW_GROUP_SIZE`] events, so memory is bounded by one group however large the
//! export. Types: `id` INT64; `date` DATE; `added` TIMESTAMP (milliseconds, UTC); codes, names
//! and the URL UTF-8 strings; `quad_class` and the `*_geo_type` numbers INT32; `goldstein` and
//! `avg_tone` FLOAT; latitudes and longitudes DOUBLE; the flags BOOLEAN; the counts unsigned
//! 32-bit integers. Columns that can be missing are optional (nullable).
//! Pages are uncompressed (the crate is built without codecs), dictionary-encoded where that
//! helps, which it does for codes.

use std::io::Write;
use std::sync::Arc;

use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DataType, DoubleType, FloatType};
use parquet::data_type::{Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedFileWriter, SerializedRowGroupWriter};
use parquet::schema::parser::parse_message_type;
use tacitus_dataset::{EventRecord, Place, Timestamp};

use crate::{ExportError, Summary, places};

/// Events per row group unless [`ParquetWriter::with_row_group_size`] says otherwise.
pub const DEFAULT_ROW_GROUP_SIZE: usize = 65_536;

/// The schema; column order and names are [`crate::CSV_COLUMNS`].
const SCHEMA: &str = "
message tacitus_event {
  REQUIRED INT64 id;
  REQUIRED INT32 date (DATE);
  REQUIRED INT64 added (TIMESTAMP(MILLIS,true));
  OPTIONAL BYTE_ARRAY source_code (STRING);
  OPTIONAL BYTE_ARRAY source_name (STRING);
  OPTIONAL BYTE_ARRAY target_code (STRING);
  OPTIONAL BYTE_ARRAY target_name (STRING);
  REQUIRED BYTE_ARRAY event_code (STRING);
  REQUIRED BYTE_ARRAY base_code (STRING);
  REQUIRED BYTE_ARRAY root_code (STRING);
  OPTIONAL INT32 quad_class;
  OPTIONAL FLOAT goldstein;
  OPTIONAL BYTE_ARRAY plover_event (STRING);
  OPTIONAL BYTE_ARRAY plover_mode (STRING);
  REQUIRED BOOLEAN negated;
  REQUIRED BOOLEAN is_root;
  REQUIRED INT32 num_mentions (INTEGER(32,false));
  REQUIRED INT32 num_sources (INTEGER(32,false));
  REQUIRED INT32 num_articles (INTEGER(32,false));
  REQUIRED BOOLEAN disputed;
  REQUIRED BYTE_ARRAY source_url (STRING);
  OPTIONAL FLOAT avg_tone;
  OPTIONAL INT32 action_geo_type;
  OPTIONAL BYTE_ARRAY action_geo_name (STRING);
  OPTIONAL BYTE_ARRAY action_geo_country (STRING);
  OPTIONAL DOUBLE action_geo_lat;
  OPTIONAL DOUBLE action_geo_lon;
  OPTIONAL BYTE_ARRAY action_geo_feature_id (STRING);
  OPTIONAL INT32 source_geo_type;
  OPTIONAL BYTE_ARRAY source_geo_name (STRING);
  OPTIONAL BYTE_ARRAY source_geo_country (STRING);
  OPTIONAL DOUBLE source_geo_lat;
  OPTIONAL DOUBLE source_geo_lon;
  OPTIONAL BYTE_ARRAY source_geo_feature_id (STRING);
  OPTIONAL INT32 target_geo_type;
  OPTIONAL BYTE_ARRAY target_geo_name (STRING);
  OPTIONAL BYTE_ARRAY target_geo_country (STRING);
  OPTIONAL DOUBLE target_geo_lat;
  OPTIONAL DOUBLE target_geo_lon;
  OPTIONAL BYTE_ARRAY target_geo_feature_id (STRING);
}";

/// Writes events to a Parquet file, one row group per [`DEFAULT_ROW_GROUP_SIZE`] events.
#[derive(Debug)]
pub struct ParquetWriter<W: Write + Send> {
    file: SerializedFileWriter<W>,
    cols: Columns,
    row_group_size: usize,
    summary: Summary,
}

impl<W: Write + Send> ParquetWriter<W> {
    /// A writer to `out` with row groups of [`DEFAULT_ROW_GROUP_SIZE`] events.
    pub fn new(out: W) -> Result<ParquetWriter<W>, ExportError> {
        ParquetWriter::with_row_group_size(out, DEFAULT_ROW_GROUP_SIZE)
    }

    /// A writer to `out` with row groups of `rows` events (at least one).
    pub fn with_row_group_size(out: W, rows: usize) -> Result<ParquetWriter<W>, ExportError> {
        let rows = rows.max(1);
        let schema = Arc::new(parse_message_type(SCHEMA)?);
        let props = WriterProperties::builder()
            .set_max_row_group_size(rows)
            .build();
        Ok(ParquetWriter {
            file: SerializedFileWriter::new(out, schema, Arc::new(props))?,
            cols: Columns::default(),
            row_group_size: rows,
            summary: Summary::default(),
        })
    }

    /// Adds one event (negated ones too: the `negated` column marks them); writes a row group
    /// when one is full.
    pub fn write(&mut self, e: &EventRecord) -> Result<(), ExportError> {
        self.cols.push(e);
        self.summary.written += 1;
        if self.cols.len() >= self.row_group_size {
            self.flush_group()?;
        }
        Ok(())
    }

    /// What has been written so far.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// Writes the last row group and the footer, flushes the output and returns the totals.
    pub fn finish(mut self) -> Result<Summary, ExportError> {
        if self.cols.len() > 0 {
            self.flush_group()?;
        }
        let mut out = self.file.into_inner()?;
        out.flush()?;
        Ok(self.summary)
    }

    fn flush_group(&mut self) -> Result<(), ExportError> {
        let mut rg = self.file.next_row_group()?;
        let c = std::mem::take(&mut self.cols);
        column::<Int64Type, W>(&mut rg, &c.id, None)?;
        column::<Int32Type, W>(&mut rg, &c.date, None)?;
        column::<Int64Type, W>(&mut rg, &c.added, None)?;
        for o in [
            &c.source_code,
            &c.source_name,
            &c.target_code,
            &c.target_name,
        ] {
            optional::<ByteArrayType, W>(&mut rg, o)?;
        }
        for v in [&c.event_code, &c.base_code, &c.root_code] {
            column::<ByteArrayType, W>(&mut rg, v, None)?;
        }
        optional::<Int32Type, W>(&mut rg, &c.quad_class)?;
        optional::<FloatType, W>(&mut rg, &c.goldstein)?;
        for o in [&c.plover_event, &c.plover_mode] {
            optional::<ByteArrayType, W>(&mut rg, o)?;
        }
        column::<BoolType, W>(&mut rg, &c.negated, None)?;
        column::<BoolType, W>(&mut rg, &c.is_root, None)?;
        for v in [&c.num_mentions, &c.num_sources, &c.num_articles] {
            column::<Int32Type, W>(&mut rg, v, None)?;
        }
        column::<BoolType, W>(&mut rg, &c.disputed, None)?;
        column::<ByteArrayType, W>(&mut rg, &c.source_url, None)?;
        optional::<FloatType, W>(&mut rg, &c.avg_tone)?;
        for g in &c.geo {
            g.write(&mut rg)?;
        }
        rg.close()?;
        Ok(())
    }
}

/// Writes the next column of the row group.
fn column<T: DataType, W: Write + Send>(
    rg: &mut SerializedRowGroupWriter<'_, W>,
    values: &[T::T],
    defs: Option<&[i16]>,
) -> Result<(), ParquetError> {
    let mut col = rg
        .next_column()?
        .ok_or_else(|| ParquetError::General("the schema has fewer columns than written".into()))?;
    col.typed::<T>().write_batch(values, defs, None)?;
    col.close()
}

/// Writes the next column of the row group, an optional one.
fn optional<T: DataType, W: Write + Send>(
    rg: &mut SerializedRowGroupWriter<'_, W>,
    o: &Optional<T::T>,
) -> Result<(), ParquetError> {
    column::<T, W>(rg, &o.values, Some(&o.defs))
}

/// Values of an optional column, with its definition levels (1 present, 0 null).
#[derive(Debug, Default)]
struct Optional<T> {
    values: Vec<T>,
    defs: Vec<i16>,
}

impl<T> Optional<T> {
    fn push(&mut self, v: Option<T>) {
        match v {
            Some(v) => {
                self.values.push(v);
                self.defs.push(1);
            }
            None => self.defs.push(0),
        }
    }
}

/// The six `{role}_geo_*` columns of one of an event's places, all null when it has none.
#[derive(Debug, Default)]
struct GeoColumns {
    kind: Optional<i32>,
    name: Optional<ByteArray>,
    country: Optional<ByteArray>,
    lat: Optional<f64>,
    lon: Optional<f64>,
    feature_id: Optional<ByteArray>,
}

impl GeoColumns {
    fn push(&mut self, place: Option<&Place>) {
        self.kind.push(place.map(|p| i32::from(p.kind.code())));
        self.name.push(place.map(|p| text(&p.full_name)));
        self.country.push(place.map(|p| text(&p.country_iso3)));
        self.lat.push(place.map(|p| p.lat));
        self.lon.push(place.map(|p| p.lon));
        self.feature_id.push(place.map(|p| text(&p.feature_id)));
    }

    fn write<W: Write + Send>(
        &self,
        rg: &mut SerializedRowGroupWriter<'_, W>,
    ) -> Result<(), ParquetError> {
        optional::<Int32Type, W>(rg, &self.kind)?;
        optional::<ByteArrayType, W>(rg, &self.name)?;
        optional::<ByteArrayType, W>(rg, &self.country)?;
        optional::<DoubleType, W>(rg, &self.lat)?;
        optional::<DoubleType, W>(rg, &self.lon)?;
        optional::<ByteArrayType, W>(rg, &self.feature_id)
    }
}

/// A UTF-8 string value.
fn text(s: &str) -> ByteArray {
    ByteArray::from(s.as_bytes().to_vec())
}

/// One row group's values, column by column.
#[derive(Debug, Default)]
struct Columns {
    id: Vec<i64>,
    date: Vec<i32>,
    added: Vec<i64>,
    source_code: Optional<ByteArray>,
    source_name: Optional<ByteArray>,
    target_code: Optional<ByteArray>,
    target_name: Optional<ByteArray>,
    event_code: Vec<ByteArray>,
    base_code: Vec<ByteArray>,
    root_code: Vec<ByteArray>,
    quad_class: Optional<i32>,
    goldstein: Optional<f32>,
    plover_event: Optional<ByteArray>,
    plover_mode: Optional<ByteArray>,
    negated: Vec<bool>,
    is_root: Vec<bool>,
    num_mentions: Vec<i32>,
    num_sources: Vec<i32>,
    num_articles: Vec<i32>,
    disputed: Vec<bool>,
    source_url: Vec<ByteArray>,
    avg_tone: Optional<f32>,
    /// The places, in the order of [`places`].
    geo: [GeoColumns; 3],
}

impl Columns {
    fn len(&self) -> usize {
        self.id.len()
    }

    fn push(&mut self, e: &EventRecord) {
        // UINT_32 columns hold the unsigned value's bits in an INT32.
        let count = |n: u32| i32::from_ne_bytes(n.to_ne_bytes());
        self.id.push(e.id.0);
        // Days since 1970-01-01; the dataset's years (0–65535) all fit in an i32 of days.
        self.date
            .push(Timestamp::from_date(e.date).day_number() as i32);
        self.added.push(e.added.0.saturating_mul(1000));
        self.source_code
            .push(e.source.as_ref().map(|a| text(&a.code)));
        self.source_name
            .push(e.source.as_ref().map(|a| text(&a.name)));
        self.target_code
            .push(e.target.as_ref().map(|a| text(&a.code)));
        self.target_name
            .push(e.target.as_ref().map(|a| text(&a.name)));
        self.event_code.push(text(&e.event_code));
        self.base_code.push(text(&e.base_code));
        self.root_code.push(text(&e.root_code));
        self.quad_class.push(e.quad_class.map(i32::from));
        self.goldstein.push(e.goldstein);
        self.plover_event.push(e.plover_event.as_deref().map(text));
        self.plover_mode.push(e.plover_mode.as_deref().map(text));
        self.negated.push(e.negated);
        self.is_root.push(e.is_root);
        self.num_mentions.push(count(e.num_mentions));
        self.num_sources.push(count(e.num_sources));
        self.num_articles.push(count(e.num_articles));
        self.disputed.push(e.disputed);
        self.source_url.push(text(&e.source_url));
        self.avg_tone.push(e.avg_tone);
        for (g, p) in self.geo.iter_mut().zip(places(e)) {
            g.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    use tacitus_dataset::{EventId, Timestamp};

    use super::*;
    use crate::{CSV_COLUMNS, GEO_ROLES, fixtures};

    fn parquet(records: &[EventRecord], group: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut w = ParquetWriter::with_row_group_size(&mut out, group).unwrap();
        for r in records {
            w.write(r).unwrap();
        }
        assert_eq!(w.finish().unwrap().written, records.len() as u64);
        out
    }

    fn read(bytes: Vec<u8>) -> (usize, Vec<Vec<(String, Field)>>) {
        let reader = SerializedFileReader::new(Bytes::from(bytes)).unwrap();
        let groups = reader.metadata().num_row_groups();
        let rows = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| {
                r.unwrap()
                    .get_column_iter()
                    .map(|(n, f)| (n.clone(), f.clone()))
                    .collect()
            })
            .collect();
        (groups, rows)
    }

    #[test]
    fn round_trip() {
        let mut second = fixtures::event();
        second.id = EventId(7);
        second.target = None;
        second.quad_class = None;
        second.goldstein = None;
        second.plover_event = None;
        second.plover_mode = Some("with \"quotes\", commas".into());
        second.negated = true;
        second.num_mentions = u32::MAX;
        second.added = Timestamp(0);
        second.avg_tone = Some(0.0);
        second.action_geo = Some(fixtures::israel());
        let (groups, rows) = read(parquet(&[fixtures::placed_event(), second], 64));
        assert_eq!(groups, 1);
        assert_eq!(rows.len(), 2);
        let names: Vec<&str> = rows[0].iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, CSV_COLUMNS);
        let s = |v: &str| Field::Str(v.to_string());
        let first: Vec<Field> = rows[0].iter().map(|(_, f)| f.clone()).collect();
        assert_eq!(
            first,
            [
                Field::Long(123_456_789),
                Field::Date(19_787),
                Field::TimestampMillis(1_709_649_007_000),
                s("ISRMIL"),
                s("Israeli troops"),
                s("PSE"),
                s("Palestinians"),
                s("190"),
                s("190"),
                s("19"),
                Field::Int(4),
                Field::Float(-10.0),
                s("ASSAULT"),
                Field::Null,
                Field::Bool(false),
                Field::Bool(true),
                Field::UInt(2),
                Field::UInt(1),
                Field::UInt(2),
                Field::Bool(false),
                s("https://example.org/news/1"),
                Field::Float(-3.25),
                Field::Int(4),
                s("Aleppo, Halab, Syria"),
                s("SYR"),
                Field::Double(36.20124),
                Field::Double(37.16117),
                s("170063"),
                Field::Int(1),
                s("Israel"),
                s("ISR"),
                Field::Double(31.76904),
                Field::Double(35.21633),
                s("IS"),
                Field::Null,
                Field::Null,
                Field::Null,
                Field::Null,
                Field::Null,
                Field::Null,
            ]
        );
        let field = |name: &str| {
            rows[1]
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, f)| f.clone())
                .unwrap()
        };
        assert_eq!(field("id"), Field::Long(7));
        assert_eq!(field("added"), Field::TimestampMillis(0));
        assert_eq!(field("target_code"), Field::Null);
        assert_eq!(field("target_name"), Field::Null);
        assert_eq!(field("quad_class"), Field::Null);
        assert_eq!(field("goldstein"), Field::Null);
        assert_eq!(field("plover_event"), Field::Null);
        assert_eq!(field("plover_mode"), s("with \"quotes\", commas"));
        assert_eq!(field("negated"), Field::Bool(true));
        assert_eq!(field("num_mentions"), Field::UInt(u32::MAX));
        assert_eq!(field("avg_tone"), Field::Float(0.0));
        assert_eq!(field("action_geo_type"), Field::Int(1));
        assert_eq!(field("action_geo_name"), s("Israel"));
        assert_eq!(field("action_geo_lon"), Field::Double(35.21633));
        assert_eq!(field("source_geo_type"), Field::Null);
        assert_eq!(field("source_geo_lat"), Field::Null);
        assert_eq!(field("target_geo_feature_id"), Field::Null);
    }

    #[test]
    fn place_and_tone_column_types() {
        let reader = SerializedFileReader::new(Bytes::from(parquet(&[], 4))).unwrap();
        let schema = reader.metadata().file_metadata().schema_descr_ptr();
        let got: Vec<(String, String, bool)> = schema.columns()[21..]
            .iter()
            .map(|c| {
                let optional = c.self_type().is_optional();
                (
                    c.name().to_string(),
                    c.physical_type().to_string(),
                    optional,
                )
            })
            .collect();
        let geo = [
            "INT32",
            "BYTE_ARRAY",
            "BYTE_ARRAY",
            "DOUBLE",
            "DOUBLE",
            "BYTE_ARRAY",
        ];
        let want: Vec<(String, String, bool)> = std::iter::once("FLOAT")
            .chain(geo.repeat(GEO_ROLES.len()))
            .zip(&CSV_COLUMNS[21..])
            .map(|(t, name)| (name.to_string(), t.to_string(), true))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn non_finite_numbers_are_written() {
        let mut e = fixtures::placed_event();
        e.avg_tone = Some(f32::NAN);
        e.action_geo.as_mut().unwrap().lat = f64::INFINITY;
        e.source_geo.as_mut().unwrap().lon = f64::NAN;
        let (_, rows) = read(parquet(&[e, fixtures::placed_event()], 64));
        let field = |name: &str| rows[0].iter().find(|(n, _)| n == name).unwrap().1.clone();
        assert!(matches!(field("avg_tone"), Field::Float(t) if t.is_nan()));
        assert_eq!(field("action_geo_lat"), Field::Double(f64::INFINITY));
        assert!(matches!(field("source_geo_lon"), Field::Double(l) if l.is_nan()));
    }

    #[test]
    fn row_groups_bound_memory() {
        let records: Vec<EventRecord> = (0..10)
            .map(|i| {
                let mut e = fixtures::event();
                e.id = EventId(i);
                e
            })
            .collect();
        let (groups, rows) = read(parquet(&records, 4));
        assert_eq!(groups, 3);
        let ids: Vec<Field> = rows.iter().map(|r| r[0].1.clone()).collect();
        assert_eq!(ids, (0..10).map(Field::Long).collect::<Vec<_>>());
    }

    #[test]
    fn empty_and_deterministic() {
        let (groups, rows) = read(parquet(&[], 4));
        assert_eq!((groups, rows.len()), (0, 0));
        let records = [fixtures::event(), fixtures::event()];
        assert_eq!(parquet(&records, 1), parquet(&records, 1));
    }
}
