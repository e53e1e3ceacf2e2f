//! Writers that turn the event dataset into the files other tools read.
//!
//! The store hands over events ([`tacitus_dataset::EventRecord`]), their reports
//! ([`tacitus_dataset::MentionRecord`]) and the disputes between accounts
//! ([`tacitus_dataset::Dispute`]) in a deterministic order; each writer here streams
//! them to any [`std::io::Write`], one record at a time, so memory stays bounded however many
//! events there are, and the same records always give the same bytes (no clock, no hash-map
//! order). The formats:
//!
//! - [`Format::Gdelt`] ([`GdeltEventWriter`]): GDELT 2.0's 61-column event table, so existing
//!   GDELT loaders, schemas and notebooks work unchanged;
//! - [`Format::GdeltMentions`] ([`GdeltMentionWriter`]): GDELT 2.0's 16-column mentions table;
//! - [`Format::Plover`] ([`PloverWriter`]): JSON lines in the spirit of POLECAT, with every
//!   report, its spans and the dictionary entries behind it, so any event can be audited;
//! - [`Format::Csv`] ([`CsvWriter`]): a readable subset, for spreadsheets;
//! - [`Format::Parquet`] ([`ParquetWriter`]): the same columns, typed, for data frames.
//!
//! GDELT has no place for a negated event ("did not attack"), so the GDELT writers leave
//! negated events and their reports out and count them ([`Summary::skipped_negated`]); the
//! other formats carry a `negated` field. See docs/EXPORT.md for every column.

mod actor;
mod csv;
mod gdelt;
mod parquet_file;
mod plover;

use std::fmt;
use std::str::FromStr;

pub use actor::ActorParts;
pub use csv::{CSV_COLUMNS, CsvWriter};
pub use gdelt::{
    GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, GdeltEventWriter, GdeltMentionWriter, GdeltRow,
    GdeltWriter,
};
pub use parquet_file::{DEFAULT_ROW_GROUP_SIZE, ParquetWriter};
pub use plover::PloverWriter;
use tacitus_dataset::{EventId, EventRecord, Place};

/// An export format, named as `tacitus export --format` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// GDELT 2.0 events (`gdelt`).
    Gdelt,
    /// GDELT 2.0 mentions (`gdelt-mentions`).
    GdeltMentions,
    /// PLOVER/POLECAT-style JSON lines (`plover`).
    Plover,
    /// CSV with a header row (`csv`).
    Csv,
    /// Parquet (`parquet`).
    Parquet,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Format; 5] = [
        Format::Gdelt,
        Format::GdeltMentions,
        Format::Plover,
        Format::Csv,
        Format::Parquet,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Gdelt => "gdelt",
            Format::GdeltMentions => "gdelt-mentions",
            Format::Plover => "plover",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    /// Parses a command-line name (exact, lower case).
    fn from_str(s: &str) -> Result<Format, ExportError> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| ExportError::UnknownFormat(s.to_string()))
    }
}

/// What went wrong while exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing to the output failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// A record could not be encoded as JSON.
    #[error("cannot encode a PLOVER record: {0}")]
    Json(#[from] serde_json::Error),
    /// The Parquet encoder failed.
    #[error("cannot write Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// A report or dispute handed with an event belongs to another event.
    #[error("a report or dispute of event {found} was handed with event {event}")]
    Unrelated {
        /// The event being written.
        event: EventId,
        /// The event the report or dispute belongs to.
        found: EventId,
    },
    /// The format name is not one of [`Format::ALL`].
    #[error("unknown export format `{0}` (expected gdelt, gdelt-mentions, plover, csv or parquet)")]
    UnknownFormat(String),
}

/// What a writer wrote and what it left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Rows (or JSON lines) written.
    pub written: u64,
    /// Negated events (or their reports) left out: GDELT has no field to mark them.
    pub skipped_negated: u64,
}

/// An event's three places in the order the CSV and Parquet columns take them: where it
/// happened, where the source is, where the target is (the column prefixes `GEO_ROLES`).
fn places(e: &EventRecord) -> [Option<&Place>; 3] {
    [&e.action_geo, &e.source_geo, &e.target_geo].map(Option::as_ref)
}

/// The column-name prefixes of [`places`], in the same order.
#[cfg(test)]
const GEO_ROLES: [&str; 3] = ["action", "source", "target"];

#[cfg(test)]
mod fixtures;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>().unwrap(), f);
            assert_eq!(f.to_string(), f.name());
        }
        let err = "json".parse::<Format>().unwrap_err();
        assert!(err.to_string().contains("`json`"));
        assert!("GDELT".parse::<Format>().is_err());
    }
}
