//! Reading the user's news files into [`Article`]s, the input of coding.
//!
//! News reaches an event-data engine in many shapes: plain text, JSON-lines exports of a
//! corpus, saved web pages, RSS and Atom feeds, any of them gzipped, or piped in. This crate
//! turns them all into one [`Article`] shape (headline, body text with paragraphs separated by
//! blank lines, publication time, outlet, place of the dateline), so coding need not know
//! where a story came from. A batch is a stream: [`discover`] expands the paths given,
//! [`Articles`] yields one `Result` per document in a fixed order, and one bad document (a
//! truncated gzip, a binary file, an invalid JSON line, a page nested 100,000 deep) is one
//! [`Skipped`] with a reason, never the end of the batch. Formats, field mapping, limits and
//! every skip reason are described in `docs/INGEST.md`.

mod articles;
mod date;
mod dateline;
mod decode;
mod discover;
mod error;
mod feed;
mod html;
mod jsonl;
mod meta;
mod nesting;
mod text;

pub use articles::Articles;
pub use dateline::{Dateline, dateline};
pub use discover::{Input, discover};
pub use tacitus_dataset::{Article, Date, Skipped, Timestamp};

/// Limits and defaults for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest document accepted, in bytes after decompression (for JSON lines: one line).
    pub max_bytes: u64,
    /// Deepest HTML element nesting accepted.
    pub max_depth: usize,
    /// Publication date of articles whose metadata and dateline give none (the CLI's
    /// `--date`); also the year of a dateline without one.
    pub default_date: Option<Date>,
}

impl Default for ReadOptions {
    /// 16 MiB, 512 levels, no default date.
    fn default() -> ReadOptions {
        ReadOptions {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 512,
            default_date: None,
        }
    }
}

/// Parses a publication time as metadata writes it: ISO 8601 / RFC 3339, RFC 2822,
/// `YYYYMMDD[HHMM[SS]]`, Unix seconds, or words (`June 14, 2024 3:05 PM EDT`).
pub fn parse_date(s: &str) -> Option<Timestamp> {
    date::parse(s)
}
