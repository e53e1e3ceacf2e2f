//! Reading the dataset: events by filter, their mentions and their disputes.
//!
//! Outputs must be byte-identical for the same stored set, so everything is read in a total
//! order: events by (date, id), mentions by (publication time, document hash, sentence,
//! position), disputes by event id. Filters become SQL with bound parameters only; code
//! prefixes become ranges (`code >= p AND code < p || U+10FFFF`) that the indexes on
//! (source, target, …, date) and (target, date) can seek, so a dyad over a month reads a few
//! index pages however large the store.

use rusqlite::types::{Type, Value};
use rusqlite::{OptionalExtension, Row, params_from_iter};
use tacitus_coder::{Participant, VerbSpan};
use tacitus_dataset::{
    Actor, Date, Dispute, DocumentHash, Event, EventGeo, EventId, EventRecord, EventTone, Located,
    MentionRecord, Place, Section, Timestamp,
};

use crate::disputes::{kind_of, scope_of};
use crate::error::{Context, Error, Result};
use crate::{Store, date_of, day_of};

/// Which events to read. Every field narrows the selection; the default selects all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// An actor code prefix, on either side (`IRN`, `USAGOV`).
    pub actor: Option<String>,
    /// A three-letter country code, on either side.
    pub country: Option<String>,
    /// A source code prefix.
    pub source: Option<String>,
    /// A target code prefix (with `source`, a dyad).
    pub target: Option<String>,
    /// An event code prefix (`19` is every kind of fighting).
    pub event_code: Option<String>,
    /// A root code, exactly (`19`).
    pub root_code: Option<String>,
    /// A quad class (1–4).
    pub quad_class: Option<u8>,
    /// First day, inclusive.
    pub from: Option<Date>,
    /// Last day, inclusive.
    pub to: Option<Date>,
    /// An outlet, exactly as stored: events with a report from it.
    pub outlet: Option<String>,
    /// Only disputed events (`true`) or only undisputed ones (`false`).
    pub disputed: Option<bool>,
    /// Events with a report whose sentence contains this text (ASCII letters in any case).
    pub text: Option<String>,
    /// At most this many events (the first in order).
    pub limit: Option<u64>,
}

/// A WHERE clause being built, with its parameters.
#[derive(Default)]
struct Conditions {
    terms: Vec<String>,
    params: Vec<Value>,
}

impl Conditions {
    /// Adds a parameter, returning its placeholder.
    fn param(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }

    /// `column` starts with `prefix`, as an index-friendly range; from three characters on,
    /// also as an equality on the country part, which the (country, country, date) index
    /// seeks.
    fn prefix(&mut self, column: &str, prefix: &str) -> String {
        if prefix.is_empty() {
            return format!("{column} IS NOT NULL");
        }
        let lo = self.param(prefix.to_string());
        let hi = self.param(format!("{prefix}\u{10FFFF}"));
        let range = format!("{column} >= {lo} AND {column} < {hi}");
        match prefix.char_indices().nth(3) {
            _ if prefix.chars().count() < 3 => format!("({range})"),
            at => {
                let country = &prefix[..at.map_or(prefix.len(), |(i, _)| i)];
                let c = self.param(country.to_string());
                format!("(substr({column}, 1, 3) = {c} AND {range})")
            }
        }
    }
}

impl Filter {
    /// `SELECT columns FROM events e WHERE … ORDER BY e.date, e.id LIMIT …`, with parameters.
    pub(crate) fn select(&self, columns: &str) -> Result<(String, Vec<Value>)> {
        let mut c = Conditions::default();
        if let Some(p) = &self.actor {
            let (s, t) = (c.prefix("e.source", p), c.prefix("e.target", p));
            c.terms.push(format!("({s} OR {t})"));
        }
        if let Some(country) = &self.country {
            if country.chars().count() != 3 {
                return Err(Error::InvalidFilter(format!(
                    "a country is a three-letter code, not {country:?}"
                )));
            }
            let (s, t) = (c.prefix("e.source", country), c.prefix("e.target", country));
            c.terms.push(format!("({s} OR {t})"));
        }
        if let Some(p) = &self.source {
            let t = c.prefix("e.source", p);
            c.terms.push(t);
        }
        if let Some(p) = &self.target {
            let t = c.prefix("e.target", p);
            c.terms.push(t);
        }
        if let Some(p) = &self.event_code {
            let t = c.prefix("e.event_code", p);
            c.terms.push(t);
        }
        if let Some(root) = &self.root_code {
            let t = format!("e.root_code = {}", c.param(root.clone()));
            c.terms.push(t);
        }
        if let Some(q) = self.quad_class {
            let t = format!("e.quad_class = {}", c.param(i64::from(q)));
            c.terms.push(t);
        }
        if let Some(from) = self.from {
            let t = format!("e.date >= {}", c.param(day_of(from)));
            c.terms.push(t);
        }
        if let Some(to) = self.to {
            let t = format!("e.date <= {}", c.param(day_of(to)));
            c.terms.push(t);
        }
        if let Some(d) = self.disputed {
            let t = format!("e.disputed = {}", c.param(i64::from(d)));
            c.terms.push(t);
        }
        if let Some(outlet) = &self.outlet {
            let p = c.param(outlet.clone());
            c.terms.push(format!(
                "EXISTS (SELECT 1 FROM mentions m JOIN documents d ON d.id = m.doc \
                 WHERE m.event = e.id AND d.outlet = (SELECT id FROM outlets WHERE name = {p}))"
            ));
        }
        if let Some(text) = &self.text {
            let escaped: String = text
                .chars()
                .flat_map(|ch| match ch {
                    '%' | '_' | '\\' => vec!['\\', ch],
                    _ => vec![ch],
                })
                .collect();
            let p = c.param(format!("%{escaped}%"));
            c.terms.push(format!(
                "EXISTS (SELECT 1 FROM mentions m JOIN sentences s ON s.doc = m.doc \
                 AND s.idx = m.sentence JOIN documents d ON d.id = m.doc WHERE m.event = e.id \
                 AND substr(d.text, s.char_start + 1, s.char_end - s.char_start) \
                 LIKE {p} ESCAPE '\\')"
            ));
        }
        let mut sql = format!("SELECT {columns} FROM events e");
        if !c.terms.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&c.terms.join(" AND "));
        }
        sql.push_str(" ORDER BY e.date, e.id");
        if let Some(limit) = self.limit {
            let p = c.param(i64::try_from(limit).unwrap_or(i64::MAX));
            sql.push_str(&format!(" LIMIT {p}"));
        }
        Ok((sql, c.params))
    }
}

/// The columns [`event_record`] reads.
const EVENT_COLUMNS: &str = "e.id, e.date, e.added, e.source, e.source_name, e.target, \
     e.target_name, e.event_code, e.base_code, e.root_code, e.quad_class, e.goldstein, \
     e.plover_event, e.plover_mode, e.negated, e.is_root, e.num_mentions, e.num_sources, \
     e.num_articles, e.disputed, e.source_url, \
     (SELECT json FROM places WHERE id = e.action_place), \
     (SELECT json FROM places WHERE id = e.source_place), \
     (SELECT json FROM places WHERE id = e.target_place), e.avg_tone";

/// A conversion failure for column `col`.
fn bad(col: usize, what: impl Into<String>) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, Type::Text, what.into().into())
}

/// An actor from its code and name columns.
fn actor(r: &Row<'_>, code: usize) -> rusqlite::Result<Option<Actor>> {
    let name: Option<String> = r.get(code + 1)?;
    Ok(r.get::<_, Option<String>>(code)?.map(|code| Actor {
        code,
        name: name.unwrap_or_default(),
    }))
}

/// A quad class column.
fn quad(r: &Row<'_>, col: usize) -> rusqlite::Result<Option<u8>> {
    r.get::<_, Option<i64>>(col)?
        .map(|q| u8::try_from(q).map_err(|_| bad(col, format!("quad class {q}"))))
        .transpose()
}

/// An event from a row of [`EVENT_COLUMNS`].
fn event_record(r: &Row<'_>) -> rusqlite::Result<EventRecord> {
    Ok(EventRecord {
        id: EventId(r.get(0)?),
        date: date_of(r.get(1)?)?,
        added: Timestamp(r.get(2)?),
        source: actor(r, 3)?,
        target: actor(r, 5)?,
        event_code: r.get(7)?,
        base_code: r.get(8)?,
        root_code: r.get(9)?,
        quad_class: quad(r, 10)?,
        goldstein: r.get::<_, Option<f64>>(11)?.map(|g| g as f32),
        plover_event: r.get(12)?,
        plover_mode: r.get(13)?,
        negated: r.get(14)?,
        is_root: r.get(15)?,
        num_mentions: r.get(16)?,
        num_sources: r.get(17)?,
        num_articles: r.get(18)?,
        disputed: r.get(19)?,
        source_url: r.get(20)?,
        action_geo: place(r, 21)?,
        source_geo: place(r, 22)?,
        target_geo: place(r, 23)?,
        avg_tone: r.get::<_, Option<f64>>(24)?.map(|t| t as f32),
    })
}

/// A place from its JSON column.
fn place(r: &Row<'_>, col: usize) -> rusqlite::Result<Option<Place>> {
    r.get::<_, Option<String>>(col)?
        .map(|s| json(col, &s))
        .transpose()
}

/// A place and how it was chosen, from its JSON and `how` columns.
fn located(r: &Row<'_>, col: usize) -> rusqlite::Result<Option<Located>> {
    let Some(place) = place(r, col)? else {
        return Ok(None);
    };
    let how: String = r.get(col + 1)?;
    let how = serde_json::from_value(serde_json::Value::String(how))
        .map_err(|e| bad(col + 1, e.to_string()))?;
    Ok(Some(Located { place, how }))
}

/// The mentions of one event, in order.
const MENTIONS: &str = "SELECT e.id, e.added, d.published, d.hash, c.hash, o.name, d.url, \
     d.origin, d.chars, s.lead, substr(d.text, s.char_start + 1, s.char_end - s.char_start), \
     d.event_doc_id, d.event_date, m.extra, s.section, m.sentence, \
     e.source, m.source_text, m.source_start, m.source_end, \
     e.target, m.target_text, m.target_start, m.target_end, \
     m.verb_text, m.verb_start, m.verb_end, e.event_code, m.base_code, m.root_code, \
     m.quad_class, m.goldstein, m.plover_event, m.plover_mode, e.negated, m.modality, \
     m.reported_by, r.json, m.tone, d.tone, \
     (SELECT json FROM places WHERE id = m.action_place), m.action_how, \
     (SELECT json FROM places WHERE id = m.source_place), m.source_how, \
     (SELECT json FROM places WHERE id = m.target_place), m.target_how \
     FROM mentions m JOIN events e ON e.id = m.event JOIN documents d ON d.id = m.doc \
     JOIN documents c ON c.id = d.cluster LEFT JOIN outlets o ON o.id = d.outlet \
     JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence JOIN rules r ON r.id = m.rule \
     WHERE m.event = ?1 ORDER BY d.published, d.hash, m.sentence, m.ord";

/// A document hash column.
fn hash(r: &Row<'_>, col: usize) -> rusqlite::Result<DocumentHash> {
    DocumentHash::from_bytes(&r.get::<_, Vec<u8>>(col)?).ok_or_else(|| bad(col, "not a hash"))
}

/// A JSON column.
fn json<T: serde::de::DeserializeOwned>(col: usize, s: &str) -> rusqlite::Result<T> {
    serde_json::from_str(s).map_err(|e| bad(col, e.to_string()))
}

/// A participant from its code, text, start and end columns.
fn participant(r: &Row<'_>, col: usize) -> rusqlite::Result<Option<Participant>> {
    let Some(code) = r.get::<_, Option<String>>(col)? else {
        return Ok(None);
    };
    let at = |c: usize| -> rusqlite::Result<usize> {
        Ok(r.get::<_, Option<i64>>(c)?.unwrap_or(0) as usize)
    };
    Ok(Some(Participant {
        code,
        text: r.get::<_, Option<String>>(col + 1)?.unwrap_or_default(),
        start: at(col + 2)?,
        end: at(col + 3)?,
    }))
}

/// A mention from a row of [`MENTIONS`].
fn mention_record(r: &Row<'_>) -> rusqlite::Result<MentionRecord> {
    // Per-report doc_id and date, where they differ from the document's first report.
    let extra: Option<serde_json::Map<String, serde_json::Value>> = r
        .get::<_, Option<String>>(13)?
        .map(|s| json(13, &s))
        .transpose()?;
    let field = |name: &str, col: usize| -> rusqlite::Result<Option<String>> {
        match extra.as_ref().and_then(|m| m.get(name)) {
            Some(v) => Ok(v.as_str().map(str::to_string)),
            None => r.get(col),
        }
    };
    let section = match r.get::<_, i64>(14)? {
        0 => Section::Headline,
        _ => Section::Body,
    };
    let reported_by: Option<String> = r.get(36)?;
    let tone = match (r.get::<_, Option<f64>>(38)?, r.get::<_, Option<f64>>(39)?) {
        (Some(sentence), Some(document)) => Some(EventTone {
            sentence: sentence as f32,
            document: document as f32,
        }),
        _ => None,
    };
    // Places and tone are given together: a report with a tone was geocoded, even where
    // no place was found.
    let places = [located(r, 40)?, located(r, 42)?, located(r, 44)?];
    let coded = Event {
        doc_id: field("doc_id", 11)?.unwrap_or_default(),
        section,
        sentence: r.get::<_, i64>(15)? as usize,
        source: participant(r, 16)?,
        target: participant(r, 20)?,
        verb: VerbSpan {
            text: r.get(24)?,
            start: r.get::<_, i64>(25)? as usize,
            end: r.get::<_, i64>(26)? as usize,
        },
        event_code: r.get(27)?,
        base_code: r.get(28)?,
        root_code: r.get(29)?,
        quad_class: quad(r, 30)?,
        goldstein: r.get::<_, Option<f64>>(31)?.map(|g| g as f32),
        plover_event: r.get(32)?,
        plover_mode: r.get(33)?,
        negated: r.get(34)?,
        modality: r.get(35)?,
        reported_by: reported_by.map(|s| json(36, &s)).transpose()?,
        rule: json(37, &r.get::<_, String>(37)?)?,
        date: field("date", 12)?,
        geo: (tone.is_some() || places.iter().any(Option::is_some)).then(|| {
            let [action, source, target] = places;
            EventGeo {
                action,
                source,
                target,
            }
        }),
        tone,
    };
    Ok(MentionRecord {
        event_id: EventId(r.get(0)?),
        event_added: Timestamp(r.get(1)?),
        published: Timestamp(r.get(2)?),
        document: hash(r, 3)?,
        cluster: hash(r, 4)?,
        outlet: r.get(5)?,
        url: r.get(6)?,
        origin: r.get(7)?,
        doc_chars: r.get(8)?,
        is_root: r.get(9)?,
        sentence_text: r.get(10)?,
        coded,
    })
}

impl Store {
    /// Calls `f` with every event the filter selects, in (date, id) order, streaming.
    pub fn for_each_event<E, F>(&self, filter: &Filter, mut f: F) -> Result<(), E>
    where
        E: From<Error>,
        F: FnMut(EventRecord) -> Result<(), E>,
    {
        let (sql, params) = filter.select(EVENT_COLUMNS)?;
        let mut stmt = self.conn.prepare(&sql).ctx("querying events")?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .ctx("querying events")?;
        while let Some(row) = rows.next().ctx("reading events")? {
            f(event_record(row).ctx("reading an event")?)?;
        }
        Ok(())
    }

    /// The event with this id, if stored.
    pub fn event(&self, id: EventId) -> Result<Option<EventRecord>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?1"
            ))
            .and_then(|mut s| s.query_row([id.0], event_record).optional())
            .ctx("reading an event")
    }

    /// The reports of an event, by (publication time, document hash, sentence).
    pub fn mentions_of(&self, id: EventId) -> Result<Vec<MentionRecord>> {
        let mut out = Vec::new();
        self.each_mention(id, |m| {
            out.push(m);
            Ok::<(), Error>(())
        })?;
        Ok(out)
    }

    /// Calls `f` with every mention of `id`, in order.
    fn each_mention<E, F>(&self, id: EventId, mut f: F) -> Result<(), E>
    where
        E: From<Error>,
        F: FnMut(MentionRecord) -> Result<(), E>,
    {
        let mut stmt = self
            .conn
            .prepare_cached(MENTIONS)
            .ctx("querying mentions")?;
        let mut rows = stmt.query([id.0]).ctx("querying mentions")?;
        while let Some(row) = rows.next().ctx("reading mentions")? {
            f(mention_record(row).ctx("reading a mention")?)?;
        }
        Ok(())
    }

    /// Calls `f` with every mention of every event the filter selects: events in (date, id)
    /// order, each event's mentions in [`Store::mentions_of`] order; streaming.
    pub fn for_each_mention<E, F>(&self, filter: &Filter, mut f: F) -> Result<(), E>
    where
        E: From<Error>,
        F: FnMut(MentionRecord) -> Result<(), E>,
    {
        let (sql, params) = filter.select("e.id")?;
        let mut stmt = self.conn.prepare(&sql).ctx("querying events")?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .ctx("querying events")?;
        while let Some(row) = rows.next().ctx("reading events")? {
            let id = EventId(row.get(0).ctx("reading an event id")?);
            self.each_mention(id, &mut f)?;
        }
        Ok(())
    }

    /// The disputes of an event, seen from it (`event` is `id`), by the other event's id.
    pub fn disputes_of(&self, id: EventId) -> Result<Vec<Dispute>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT b, kind, scope FROM disputes WHERE a = ?1 \
                 UNION ALL SELECT a, kind, scope FROM disputes WHERE b = ?1 ORDER BY 1",
            )
            .ctx("querying disputes")?;
        let rows = stmt
            .query_map([id.0], |r| dispute(r, id.0, r.get(0)?))
            .ctx("querying disputes")?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .ctx("reading disputes")
    }

    /// Calls `f` once per disputed pair with at least one event the filter selects, the
    /// smaller id as `event`, by (event, other).
    pub fn for_each_dispute<E, F>(&self, filter: &Filter, mut f: F) -> Result<(), E>
    where
        E: From<Error>,
        F: FnMut(Dispute) -> Result<(), E>,
    {
        let (events, params) = filter.select("e.id")?;
        let sql = format!(
            "WITH f(id) AS ({events}) SELECT a, b, kind, scope FROM disputes \
             WHERE a IN (SELECT id FROM f) OR b IN (SELECT id FROM f) ORDER BY a, b"
        );
        let mut stmt = self.conn.prepare(&sql).ctx("querying disputes")?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .ctx("querying disputes")?;
        while let Some(row) = rows.next().ctx("reading disputes")? {
            let pair = row
                .get(0)
                .and_then(|a| dispute(row, a, row.get(1)?))
                .ctx("reading a dispute")?;
            f(pair)?;
        }
        Ok(())
    }
}

/// A dispute between `event` and `other` from a row whose last two columns are kind, scope.
fn dispute(r: &Row<'_>, event: i64, other: i64) -> rusqlite::Result<Dispute> {
    let n = r.as_ref().column_count();
    let kind: String = r.get(n - 2)?;
    let scope: String = r.get(n - 1)?;
    Ok(Dispute {
        event: EventId(event),
        other: EventId(other),
        kind: kind_of(&kind).ok_or_else(|| bad(n - 2, format!("dispute kind {kind:?}")))?,
        scope: scope_of(&scope).ok_or_else(|| bad(n - 1, format!("dispute scope {scope:?}")))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(store: &Store, sql: &str, params: Vec<Value>) -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt
            .query_map(params_from_iter(params), |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn indexes_serve_dyads_keys_and_disputes() {
        let store = Store::open(":memory:").unwrap();
        let s = |x: &str| Some(x.to_string());
        let month = |f: Filter| Filter {
            from: Date::new(2024, 3, 1),
            to: Date::new(2024, 3, 31),
            ..f
        };
        let filtered = |f: Filter| {
            let (sql, params) = f.select("e.id").unwrap();
            plan(&store, &sql, params)
        };
        let dyad = filtered(month(Filter {
            source: s("IRNGOV"),
            target: s("USA"),
            ..Filter::default()
        }));
        assert!(
            dyad.contains("USING INDEX events_dyad (<expr>=? AND <expr>=? AND date>? AND date<?)"),
            "{dyad}"
        );
        let target = filtered(Filter {
            target: s("USA"),
            ..Filter::default()
        });
        assert!(
            target.contains("USING INDEX events_target (<expr>=?)"),
            "{target}"
        );
        let all = filtered(Filter::default());
        assert_eq!(all, "SCAN e USING COVERING INDEX events_date");
        let near = plan(
            &store,
            crate::events::NEAR,
            vec![
                Value::Null,
                "IRN".to_string().into(),
                "190".to_string().into(),
                0.into(),
                1.into(),
            ],
        );
        assert_eq!(
            near,
            "SEARCH events USING INDEX events_key (source=? AND target=? AND event_code=? AND \
             negated=? AND date<?)"
        );
        let swapped = plan(
            &store,
            crate::disputes::SWAPPED,
            vec![
                "03".to_string().into(),
                "USA".to_string().into(),
                "IRN".to_string().into(),
                1.into(),
                2.into(),
                0.into(),
            ],
        );
        assert!(
            swapped
                .contains("USING INDEX events_dyad (<expr>=? AND <expr>=? AND date>? AND date<?)"),
            "{swapped}"
        );
        let story = plan(&store, crate::disputes::STORY, vec![1.into()]);
        assert!(
            story.contains("events")
                || (story.contains("documents_cluster") && story.contains("mentions_doc")),
            "{story}"
        );
    }
}
