//! The event store: coded articles kept in one SQLite file, aggregated into events.
//!
//! A coder reports events sentence by sentence; an analyst wants happenings. The store keeps
//! every coded article (its text, sentences and reports) and derives from them the dataset:
//! reports of one dyad and event code on nearby days become one [`EventRecord`], syndicated
//! copies of one story count as one source, and accounts that disagree about who did what to
//! whom are kept apart and linked by [`Dispute`]s.
//!
//! Everything derived is a pure function of the *set* of stored documents: the same articles
//! inserted in any order, in any batches, any number of times, give byte-identical outputs.
//! Each [`Store::insert`] is one transaction that recomputes only what the new articles touch
//! (their event keys, the near-duplicate clusters they join, the disputes of the events that
//! changed), and gives the same result as computing everything from scratch. The rules are
//! written out in `docs/STORE.md`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod cluster;
mod disputes;
mod error;
mod events;
mod insert;
mod query;
mod schema;
mod series;

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use tacitus_dataset::{CodedArticle, Date, DocumentHash, Timestamp};

pub use error::{Error, Result};
pub use query::Filter;
pub use schema::VERSION as SCHEMA_VERSION;
pub use series::{Bucket, SeriesPoint};
pub use tacitus_dataset::{Dispute, DisputeKind, DisputeScope, EventRecord, MentionRecord};

use error::Context;

/// How a store aggregates, fixed when it is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Reports of one event key whose days are at most this many days apart (transitively)
    /// are one event. `None`: the stored value, or 1 for a new store; a value that differs
    /// from the stored one is refused.
    pub window_days: Option<u32>,
}

/// What one [`Store::insert`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InsertSummary {
    /// Articles stored.
    pub inserted: usize,
    /// Articles already stored (by hash), left as they were.
    pub unchanged: usize,
    /// Reports (coded events) stored.
    pub mentions: usize,
    /// Events created or rewritten.
    pub events: usize,
}

/// What a store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Stored documents.
    pub documents: u64,
    /// Documents in a near-duplicate cluster with at least one other.
    pub duplicates: u64,
    /// Sentences of the stored documents.
    pub sentences: u64,
    /// Events.
    pub events: u64,
    /// Reports of events.
    pub mentions: u64,
    /// Events with at least one dispute.
    pub disputed: u64,
    /// Distinct outlets.
    pub outlets: u64,
}

/// An event store: one SQLite file.
pub struct Store {
    conn: Connection,
    window: u32,
}

impl Store {
    /// Opens the store at `path`, creating it when absent, with default [`Options`].
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_with(path, Options::default())
    }

    /// Opens the store at `path`, creating it with `options` when absent; applies pending
    /// migrations and refuses a file from a newer schema or built with other options.
    pub fn open_with(path: impl AsRef<Path>, options: Options) -> Result<Store> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let mut conn = Connection::open(path).ctx_with(|| format!("opening {name}"))?;
        let window = schema::prepare(&mut conn, &name, options.window_days)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store { conn, window })
    }

    /// The aggregation window, in days.
    pub fn window_days(&self) -> u32 {
        self.window
    }

    /// Whether the article with this hash is stored (so that a resumed run can skip it
    /// before parsing).
    pub fn contains(&self, hash: DocumentHash) -> Result<bool> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")
            .ctx("looking up a document")?;
        stmt.query_row([&hash.to_bytes()[..]], |_| Ok(()))
            .optional()
            .map(|found| found.is_some())
            .ctx("looking up a document")
    }

    /// Stores a batch of coded articles in one transaction and recomputes what they touch.
    /// Articles already stored are skipped; on error nothing of the batch is stored.
    pub fn insert(&mut self, batch: &[CodedArticle]) -> Result<InsertSummary> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx("starting a transaction")?;
        let summary = insert::batch(&tx, batch, i64::from(self.window))?;
        tx.commit().ctx("committing the batch")?;
        Ok(summary)
    }

    /// Counts of what the store holds.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<u64> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .ctx("counting")
        };
        Ok(Stats {
            documents: count("SELECT count(*) FROM documents")?,
            duplicates: count(
                "SELECT count(*) FROM documents d WHERE EXISTS \
                 (SELECT 1 FROM documents o WHERE o.cluster = d.cluster AND o.id <> d.id)",
            )?,
            sentences: count("SELECT count(*) FROM sentences")?,
            events: count("SELECT count(*) FROM events")?,
            mentions: count("SELECT count(*) FROM mentions")?,
            disputed: count("SELECT count(*) FROM events WHERE disputed = 1")?,
            outlets: count("SELECT count(*) FROM outlets")?,
        })
    }
}

/// Days since 1970-01-01 of a date (how the store keeps dates).
fn day_of(date: Date) -> i64 {
    Timestamp::from_date(date).day_number()
}

/// The date of a stored day number.
fn date_of(day: i64) -> rusqlite::Result<Date> {
    Timestamp(day * 86_400).date().ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Integer,
            format!("day {day} is not a date").into(),
        )
    })
}
