//! The vocabulary of an event dataset, shared by ingest, store and exporters.
//!
//! A news [`Article`] is read, coded into a [`CodedArticle`] and stored; the store aggregates
//! the reports of one happening into an [`EventRecord`] with its [`MentionRecord`]s and links
//! disagreeing accounts by [`Dispute`]s. Identifiers ([`DocumentHash`], [`EventId`]) and times
//! ([`Timestamp`]) are derived from content only, so the same inputs in any order give the
//! same dataset.

mod article;
mod hash;
mod record;
mod time;

pub use article::{Article, Skipped};
pub use hash::{DocumentHash, EventId};
pub use record::{
    Actor, CodedArticle, Dispute, DisputeKind, DisputeScope, EventRecord, MentionRecord,
};
pub use tacitus_coder::{Date, Event, EventGeo, EventTone, Section, SentenceSpan};
pub use tacitus_geo::{How, Located, Place};
pub use time::Timestamp;
