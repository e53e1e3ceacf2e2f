//! Aggregation: reports of one event key on nearby days become one event.
//!
//! An event key is (source code, target code, event code, negated). Reports of one key whose
//! publication days are at most the window apart, transitively, are one event: the connected
//! components of the key's reports sorted by day. Everything about an event (its id, date,
//! first report, counts) is a function of its component alone, so when a batch adds reports
//! only the components within the window of the new days need recomputing, and the result is
//! the one a recomputation from scratch would give. Events of one key never overlap and are
//! more than the window apart, so at most the events whose day range comes within the window
//! of a new day can merge with it.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{ErrorCode, Transaction, params};
use tacitus_dataset::{EventId, Timestamp};

use crate::error::{Context, Error, Result};

/// What makes reports candidates for one event.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    /// Source actor code.
    pub source: Option<String>,
    /// Target actor code.
    pub target: Option<String>,
    /// Full CAMEO event code.
    pub code: String,
    /// Whether the reports deny it.
    pub negated: bool,
}

/// Where a report comes from: already stored, or new in this batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A stored mention (its row id) and the event it belongs to now.
    Stored {
        /// The mention's row id.
        mention: i64,
        /// Its event before this batch.
        event: i64,
    },
    /// The batch's new mention at this index.
    New(usize),
}

/// What aggregation needs to know about one report.
#[derive(Debug, Clone)]
pub struct Report {
    /// Stored or new.
    pub origin: Origin,
    /// The document's row id.
    pub doc: i64,
    /// The document's publication time (seconds).
    pub published: i64,
    /// The document's hash (big-endian bytes), to order reports published together.
    pub hash: Vec<u8>,
    /// Sentence index in the document.
    pub sentence: i64,
    /// Position among the document's coded events.
    pub ord: i64,
    /// The document's near-duplicate cluster (its first member's row id).
    pub cluster: i64,
    /// Whether the sentence is in the lead.
    pub lead: bool,
    /// Whether the sentence is the headline.
    pub headline: bool,
    /// The document's URL, else its origin.
    pub address: String,
    /// The words naming the source.
    pub source_name: Option<String>,
    /// The words naming the target.
    pub target_name: Option<String>,
    /// Three-digit base code.
    pub base_code: String,
    /// Two-digit root code.
    pub root_code: String,
    /// Quad class.
    pub quad_class: Option<i64>,
    /// Goldstein score.
    pub goldstein: Option<f64>,
    /// PLOVER event type.
    pub plover_event: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
    /// Ids of the action's, the source's and the target's places.
    pub places: [Option<i64>; 3],
    /// The document's tone.
    pub doc_tone: Option<f32>,
}

impl Report {
    /// The publication day.
    fn day(&self) -> i64 {
        Timestamp(self.published).day_number()
    }
}

/// An event as its row in `events` (without `disputed`, which disputes set).
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    /// Content-derived id.
    pub id: i64,
    /// First report's day.
    pub date: i64,
    /// Last report's day.
    pub last_day: i64,
    /// First report's publication time.
    pub added: i64,
    /// The key.
    pub key: Key,
    /// First report's words for the source.
    pub source_name: Option<String>,
    /// First report's words for the target.
    pub target_name: Option<String>,
    /// Base code of the first report.
    pub base_code: String,
    /// Root code of the first report.
    pub root_code: String,
    /// Quad class of the first report.
    pub quad_class: Option<i64>,
    /// Goldstein score of the first report.
    pub goldstein: Option<f64>,
    /// PLOVER event type of the first report.
    pub plover_event: Option<String>,
    /// PLOVER mode of the first report.
    pub plover_mode: Option<String>,
    /// Whether a report is in a lead.
    pub is_root: bool,
    /// Reports.
    pub num_mentions: i64,
    /// Distinct clusters.
    pub num_sources: i64,
    /// Distinct documents.
    pub num_articles: i64,
    /// First report's address.
    pub source_url: String,
    /// First report's places: action, source, target.
    pub places: [Option<i64>; 3],
    /// Mean tone of the reports' documents.
    pub avg_tone: Option<f64>,
    /// How each near-duplicate cluster of its reports told it (not a column: disputes use
    /// it).
    pub told: BTreeMap<i64, Told>,
}

/// Where the documents of one near-duplicate cluster report an event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Told {
    /// In a headline.
    pub headline: bool,
    /// In a body.
    pub body: bool,
}

impl Told {
    /// Adds a report, told in a headline or a body.
    pub fn add(&mut self, headline: bool) {
        if headline {
            self.headline = true;
        } else {
            self.body = true;
        }
    }
}

/// The events of one key's reports: components over days at most `window` apart, each with
/// its reports (first report first).
pub fn aggregate(key: &Key, mut reports: Vec<Report>, window: i64) -> Vec<(EventRow, Vec<Report>)> {
    reports.sort_by(|a, b| {
        (a.published, &a.hash, a.sentence, a.ord).cmp(&(b.published, &b.hash, b.sentence, b.ord))
    });
    let mut out = Vec::new();
    let mut current: Vec<Report> = Vec::new();
    for r in reports {
        if current
            .last()
            .is_some_and(|last| r.day() - last.day() > window)
        {
            let done = std::mem::take(&mut current);
            out.push((event_of(key, &done), done));
        }
        current.push(r);
    }
    if !current.is_empty() {
        out.push((event_of(key, &current), current));
    }
    out
}

/// The event of one component (reports sorted, first first).
fn event_of(key: &Key, reports: &[Report]) -> EventRow {
    let first = &reports[0];
    let date = first.day();
    let day = Timestamp(first.published)
        .date()
        .map(|d| d.to_string())
        .unwrap_or_default();
    let id = EventId::of(&[
        key.source.as_deref().unwrap_or(""),
        key.target.as_deref().unwrap_or(""),
        &key.code,
        if key.negated { "1" } else { "0" },
        &day,
    ]);
    let docs: BTreeSet<i64> = reports.iter().map(|r| r.doc).collect();
    let mut told: BTreeMap<i64, Told> = BTreeMap::new();
    for r in reports {
        told.entry(r.cluster).or_default().add(r.headline);
    }
    EventRow {
        id: id.0,
        date,
        last_day: reports.last().map_or(date, Report::day),
        added: first.published,
        key: key.clone(),
        source_name: first.source_name.clone(),
        target_name: first.target_name.clone(),
        base_code: first.base_code.clone(),
        root_code: first.root_code.clone(),
        quad_class: first.quad_class,
        goldstein: first.goldstein,
        plover_event: first.plover_event.clone(),
        plover_mode: first.plover_mode.clone(),
        is_root: reports.iter().any(|r| r.lead),
        num_mentions: reports.len() as i64,
        num_sources: told.len() as i64,
        num_articles: docs.len() as i64,
        source_url: first.address.clone(),
        places: first.places,
        avg_tone: mean(reports.iter().filter_map(|r| r.doc_tone)),
        told,
    }
}

/// The mean of some tones, if there are any (summed in order: deterministic).
fn mean(tones: impl Iterator<Item = f32>) -> Option<f64> {
    let (sum, n) = tones.fold((0.0f64, 0u32), |(s, n), t| (s + f64::from(t), n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// The report columns read back for aggregation (`m`: mentions, `d`: documents,
/// `s`: sentences).
const REPORT_COLUMNS: &str = "m.id, m.event, m.doc, d.published, d.hash, m.sentence, m.ord, \
     d.cluster, s.lead, COALESCE(NULLIF(d.url, ''), d.origin), m.source_text, m.target_text, \
     m.base_code, m.root_code, m.quad_class, m.goldstein, m.plover_event, m.plover_mode, \
     s.section, m.action_place, m.source_place, m.target_place, d.tone";

/// A stored report from a row of [`REPORT_COLUMNS`].
fn stored_report(r: &rusqlite::Row<'_>) -> rusqlite::Result<Report> {
    Ok(Report {
        origin: Origin::Stored {
            mention: r.get(0)?,
            event: r.get(1)?,
        },
        doc: r.get(2)?,
        published: r.get(3)?,
        hash: r.get(4)?,
        sentence: r.get(5)?,
        ord: r.get(6)?,
        cluster: r.get(7)?,
        lead: r.get(8)?,
        address: r.get(9)?,
        source_name: r.get(10)?,
        target_name: r.get(11)?,
        base_code: r.get(12)?,
        root_code: r.get(13)?,
        quad_class: r.get(14)?,
        goldstein: r.get(15)?,
        plover_event: r.get(16)?,
        plover_mode: r.get(17)?,
        headline: r.get::<_, i64>(18)? == 0,
        places: [r.get(19)?, r.get(20)?, r.get(21)?],
        doc_tone: r.get::<_, Option<f64>>(22)?.map(|t| t as f32),
    })
}

/// What a recomputation changed.
#[derive(Debug, Default)]
pub struct Changed {
    /// Events written (created or rewritten), whose disputes must be recomputed.
    pub events: BTreeMap<i64, EventRow>,
    /// Of those, the ones that existed before (only they can have stored disputes).
    pub rewritten: BTreeSet<i64>,
    /// Events that no longer exist (merged into others or re-dated).
    pub deleted: BTreeSet<i64>,
}

/// The events of a key (source, target, code, negated) starting on or before a day, latest
/// first.
pub const NEAR: &str = "SELECT id, last_day FROM events WHERE source IS ?1 AND target IS ?2 \
     AND event_code = ?3 AND negated = ?4 AND date <= ?5 ORDER BY date DESC";

/// The stored events of `key` whose day range comes within `window` of `day`. Events of a
/// key are disjoint and in order, so going back from the last one starting by `day + window`,
/// the first that ends before `day - window` ends the search.
fn near(
    tx: &Transaction<'_>,
    key: &Key,
    day: i64,
    window: i64,
    out: &mut BTreeSet<i64>,
) -> Result<()> {
    let what = "finding events of a key";
    let mut stmt = tx.prepare_cached(NEAR).ctx(what)?;
    let mut rows = stmt
        .query(params![
            key.source,
            key.target,
            key.code,
            key.negated,
            day + window
        ])
        .ctx(what)?;
    while let Some(row) = rows.next().ctx(what)? {
        if row.get::<_, i64>(1).ctx(what)? < day - window {
            break;
        }
        out.insert(row.get(0).ctx(what)?);
    }
    Ok(())
}

/// Recomputes the events of every key near the given days, with the batch's new reports
/// (by key); `insert_new` stores new report `i` as a mention of an event.
pub fn recompute(
    tx: &Transaction<'_>,
    window: i64,
    days: &BTreeMap<Key, BTreeSet<i64>>,
    mut new: BTreeMap<Key, Vec<Report>>,
    mut insert_new: impl FnMut(&Report, usize, i64) -> Result<()>,
) -> Result<Changed> {
    let mut changed = Changed::default();
    for (key, days) in days {
        let mut affected = BTreeSet::new();
        for &day in days {
            near(tx, key, day, window, &mut affected)?;
        }
        let mut reports = new.remove(key).unwrap_or_default();
        let mut load = tx
            .prepare_cached(&format!(
                "SELECT {REPORT_COLUMNS} FROM mentions m JOIN documents d ON d.id = m.doc \
                 JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence WHERE m.event = ?1"
            ))
            .ctx("reading the reports of an event")?;
        for &id in &affected {
            let rows = load
                .query_map([id], stored_report)
                .ctx("reading the reports of an event")?;
            for r in rows {
                reports.push(r.ctx("reading the reports of an event")?);
            }
        }
        let events = aggregate(key, reports, window);
        let ids: BTreeSet<i64> = events.iter().map(|(e, _)| e.id).collect();
        for &gone in affected.difference(&ids) {
            tx.prepare_cached("DELETE FROM events WHERE id = ?1")
                .and_then(|mut s| s.execute([gone]))
                .ctx("removing a merged event")?;
            changed.deleted.insert(gone);
        }
        for (event, members) in events {
            let exists = affected.contains(&event.id);
            write(tx, &event, exists)?;
            if exists {
                changed.rewritten.insert(event.id);
            }
            for m in &members {
                match m.origin {
                    Origin::Stored {
                        mention,
                        event: old,
                    } if old != event.id => {
                        tx.prepare_cached("UPDATE mentions SET event = ?1 WHERE id = ?2")
                            .and_then(|mut s| s.execute([event.id, mention]))
                            .ctx("moving a report to its event")?;
                    }
                    Origin::Stored { .. } => {}
                    Origin::New(i) => insert_new(m, i, event.id)?,
                }
            }
            changed.events.insert(event.id, event);
        }
    }
    Ok(changed)
}

/// Writes an event: updates it when it `exists` (keeping `disputed`), else inserts it.
fn write(tx: &Transaction<'_>, e: &EventRow, exists: bool) -> Result<()> {
    let sql = if exists {
        "UPDATE events SET date = ?2, last_day = ?3, added = ?4, source = ?5, source_name = ?6, \
         target = ?7, target_name = ?8, event_code = ?9, base_code = ?10, root_code = ?11, \
         quad_class = ?12, goldstein = ?13, plover_event = ?14, plover_mode = ?15, \
         negated = ?16, is_root = ?17, num_mentions = ?18, num_sources = ?19, \
         num_articles = ?20, source_url = ?21, action_place = ?22, source_place = ?23, \
         target_place = ?24, avg_tone = ?25 WHERE id = ?1"
    } else {
        "INSERT INTO events (id, date, last_day, added, source, source_name, target, \
         target_name, event_code, base_code, root_code, quad_class, goldstein, plover_event, \
         plover_mode, negated, is_root, num_mentions, num_sources, num_articles, source_url, \
         action_place, source_place, target_place, avg_tone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, \
         ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, \
         ?25)"
    };
    tx.prepare_cached(sql)
        .and_then(|mut s| {
            s.execute(params![
                e.id,
                e.date,
                e.last_day,
                e.added,
                e.key.source,
                e.source_name,
                e.key.target,
                e.target_name,
                e.key.code,
                e.base_code,
                e.root_code,
                e.quad_class,
                e.goldstein,
                e.plover_event,
                e.plover_mode,
                e.key.negated,
                e.is_root,
                e.num_mentions,
                e.num_sources,
                e.num_articles,
                e.source_url,
                e.places[0],
                e.places[1],
                e.places[2],
                e.avg_tone,
            ])
        })
        .map_err(|err| match err.sqlite_error_code() {
            // A new id already taken: another event hashed to it.
            Some(ErrorCode::ConstraintViolation) if !exists => Error::IdCollision(e.id),
            _ => Error::Sqlite {
                context: "writing an event".into(),
                source: err,
            },
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(day: i64, doc: i64, cluster: i64) -> Report {
        Report {
            origin: Origin::New(doc as usize),
            doc,
            published: day * 86_400 + 3600,
            hash: vec![doc as u8],
            sentence: 0,
            ord: 0,
            cluster,
            lead: false,
            headline: false,
            address: format!("doc{doc}"),
            source_name: None,
            target_name: None,
            base_code: "042".into(),
            root_code: "04".into(),
            quad_class: Some(1),
            goldstein: Some(1.9),
            plover_event: None,
            plover_mode: None,
            places: [None; 3],
            doc_tone: None,
        }
    }

    fn key() -> Key {
        Key {
            source: Some("USA".into()),
            target: Some("IRN".into()),
            code: "042".into(),
            negated: false,
        }
    }

    #[test]
    fn components_follow_the_window() {
        let spans = |days: &[i64], window| -> Vec<(i64, i64, i64)> {
            let reports = days
                .iter()
                .enumerate()
                .map(|(i, &d)| report(d, i as i64, i as i64));
            aggregate(&key(), reports.collect(), window)
                .into_iter()
                .map(|(e, _)| (e.date, e.last_day, e.num_mentions))
                .collect()
        };
        assert_eq!(spans(&[1, 2], 1), vec![(1, 2, 2)]);
        assert_eq!(spans(&[1, 4], 1), vec![(1, 1, 1), (4, 4, 1)]);
        assert_eq!(spans(&[4, 1, 3, 2], 1), vec![(1, 4, 4)]);
        assert_eq!(spans(&[1, 4], 3), vec![(1, 4, 2)]);
        assert_eq!(spans(&[1, 1, 2], 0), vec![(1, 1, 2), (2, 2, 1)]);
    }

    #[test]
    fn counts_documents_and_clusters() {
        let mut a = report(5, 1, 1);
        a.lead = true;
        let b = report(5, 2, 1);
        let mut c = report(5, 3, 3);
        c.sentence = 2;
        let mut d = c.clone();
        d.sentence = 4;
        let events = aggregate(&key(), vec![d, c, b, a], 1);
        assert_eq!(events.len(), 1);
        let e = &events[0].0;
        assert_eq!((e.num_mentions, e.num_articles, e.num_sources), (4, 3, 2));
        assert!(e.is_root);
        assert_eq!(e.source_url, "doc1");
    }
}
