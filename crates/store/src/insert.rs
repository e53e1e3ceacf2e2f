//! Storing a batch: documents, sentences and reports in, then what they touch recomputed.
//!
//! Ingest must cost little next to parsing, so a batch is one transaction of prepared
//! statements: documents and their sentences are written, each new document joins its
//! near-duplicate cluster, the event keys of its reports (and of the reports of documents
//! whose cluster changed) are re-aggregated, and the disputes of the events written are
//! recomputed. A document already stored (by hash) is skipped: rerunning an interrupted
//! ingest resumes it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};
use tacitus_dataset::{CodedArticle, Event, EventId, Section};
use tacitus_dedup::Signature;
use tacitus_geo::Located;

use crate::error::{Context, Error, Result};
use crate::events::{self, Key, Origin, Report};
use crate::{InsertSummary, cluster, disputes};

/// The columns of a new mention that aggregation does not need.
struct MentionRow {
    source: Option<(i64, i64)>,
    target: Option<(i64, i64)>,
    verb: (String, i64, i64),
    modality: Option<String>,
    reported_by: Option<String>,
    rule: i64,
    extra: Option<String>,
    tone: Option<f32>,
    /// How the action's, the source's and the target's places were chosen.
    how: [Option<String>; 3],
}

/// A table of JSON values stored once each, under ids derived from their text.
#[derive(Clone, Copy)]
enum Table {
    Rules,
    Places,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Rules => "rules",
            Table::Places => "places",
        }
    }
}

/// Where the lead ends, in characters: after the headline line (when there is one), the end
/// of the first paragraph, i.e. the first blank line after some text.
fn lead_end(text: &str, has_headline: bool) -> usize {
    let mut lines = text.split_inclusive('\n');
    let mut at = 0;
    if has_headline {
        for line in lines.by_ref() {
            at += line.len();
            if !line.trim().is_empty() {
                break;
            }
        }
    }
    let mut seen_text = false;
    for line in lines {
        if line.trim().is_empty() {
            if seen_text {
                break;
            }
        } else {
            seen_text = true;
        }
        at += line.len();
    }
    text[..at].chars().count()
}

/// Checks that an article's spans fit its text and its events their sentences; returns
/// whether each sentence is in the lead.
fn validate(art: &CodedArticle) -> Result<Vec<bool>> {
    let invalid = |reason: String| Error::InvalidArticle {
        origin: art.article.origin.clone(),
        reason,
    };
    if art.published.date().is_none() {
        return Err(invalid(format!(
            "publication time {} is out of range",
            art.published.0
        )));
    }
    let chars = art.text.chars().count();
    let span = |what: &str, start: usize, end: usize| {
        if start <= end && end <= chars {
            Ok(())
        } else {
            Err(invalid(format!(
                "{what} spans {start}..{end}, past the text ({chars} characters)"
            )))
        }
    };
    for (i, s) in art.sentences.iter().enumerate() {
        span(&format!("sentence {i}"), s.start, s.end)?;
    }
    for (k, e) in art.events.iter().enumerate() {
        let Some(s) = art.sentences.get(e.sentence) else {
            return Err(invalid(format!(
                "event {k} is in sentence {}, but there are {} sentences",
                e.sentence,
                art.sentences.len()
            )));
        };
        if s.section != e.section {
            return Err(invalid(format!(
                "event {k}: its section is not its sentence's"
            )));
        }
        if e.event_code.is_empty() {
            return Err(invalid(format!("event {k} has no event code")));
        }
        span(&format!("event {k}'s verb"), e.verb.start, e.verb.end)?;
        for p in [&e.source, &e.target, &e.reported_by].into_iter().flatten() {
            span(&format!("event {k}'s actor"), p.start, p.end)?;
        }
    }
    let end = lead_end(&art.text, art.article.has_headline());
    Ok(art
        .sentences
        .iter()
        .map(|s| s.section == Section::Headline || s.start < end)
        .collect())
}

/// Row ids of outlets and rules, looked up once per batch.
struct Interned<'a, 'c> {
    tx: &'a Transaction<'c>,
    outlets: HashMap<String, i64>,
    json: HashMap<(u8, String), i64>,
}

impl Interned<'_, '_> {
    /// The id of an outlet, added when absent.
    fn outlet(&mut self, name: &str) -> Result<i64> {
        if let Some(&id) = self.outlets.get(name) {
            return Ok(id);
        }
        let what = "storing an outlet";
        let found = self
            .tx
            .prepare_cached("SELECT id FROM outlets WHERE name = ?1")
            .and_then(|mut s| s.query_row([name], |r| r.get(0)).optional())
            .ctx(what)?;
        let id = match found {
            Some(id) => id,
            None => {
                self.tx
                    .prepare_cached("INSERT INTO outlets (name) VALUES (?1)")
                    .and_then(|mut s| s.execute([name]))
                    .ctx(what)?;
                self.tx.last_insert_rowid()
            }
        };
        self.outlets.insert(name.to_string(), id);
        Ok(id)
    }

    /// The id of a JSON value in `table`: its 63-bit hash (the next free number in the
    /// astronomically rare case of a collision), so that no index on the text is needed.
    fn json(&mut self, table: Table, json: String) -> Result<i64> {
        let key = (table as u8, json);
        if let Some(&id) = self.json.get(&key) {
            return Ok(id);
        }
        let what = format!("storing one of the {}", table.name());
        let mut id = EventId::of(&[&key.1]).0;
        loop {
            let stored: Option<String> = self
                .tx
                .prepare_cached(&format!("SELECT json FROM {} WHERE id = ?1", table.name()))
                .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
                .ctx(&what)?;
            match stored {
                Some(s) if s == key.1 => break,
                Some(_) => id = id.checked_add(1).unwrap_or(1),
                None => {
                    self.tx
                        .prepare_cached(&format!(
                            "INSERT INTO {} (id, json) VALUES (?1, ?2)",
                            table.name()
                        ))
                        .and_then(|mut s| s.execute(params![id, key.1]))
                        .ctx(&what)?;
                    break;
                }
            }
        }
        self.json.insert(key, id);
        Ok(id)
    }

    /// The id of a place, and how it was chosen (as stored).
    fn place(&mut self, located: Option<&Located>) -> Result<(Option<i64>, Option<String>)> {
        let Some(l) = located else {
            return Ok((None, None));
        };
        let json = serde_json::to_string(&l.place)
            .map_err(|e| Error::Corrupt(format!("a place as JSON: {e}")))?;
        let how = serde_json::to_value(l.how)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string));
        Ok((Some(self.json(Table::Places, json)?), how))
    }
}

/// Sentences stored by one statement.
const SENTENCE_ROWS: usize = 8;

/// Stores one sentence.
static SENTENCE: LazyLock<String> = LazyLock::new(|| sentences(1));

/// Stores [`SENTENCE_ROWS`] sentences.
static SENTENCES: LazyLock<String> = LazyLock::new(|| sentences(SENTENCE_ROWS));

/// An INSERT of `n` sentences.
fn sentences(n: usize) -> String {
    let rows: Vec<String> = (0..n)
        .map(|r| {
            let p: Vec<String> = (1..=6).map(|c| format!("?{}", r * 6 + c)).collect();
            format!("({})", p.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO sentences (doc, idx, section, char_start, char_end, lead) VALUES {}",
        rows.join(", ")
    )
}

/// Stores one document (its own cluster for now) and its sentences.
fn store_document(
    tx: &Transaction<'_>,
    names: &mut Interned<'_, '_>,
    id: i64,
    art: &CodedArticle,
    leads: &[bool],
    signature: Option<&Signature>,
) -> Result<()> {
    let a = &art.article;
    let at = || format!("storing {}", a.origin);
    let outlet = a.source.as_deref().map(|s| names.outlet(s)).transpose()?;
    let first = art.events.first();
    let metadata =
        (!a.metadata.is_empty()).then(|| serde_json::Value::Object(a.metadata.clone()).to_string());
    tx.prepare_cached(
        "INSERT INTO documents (id, hash, cluster, published, outlet, chars, words, doc_id, url, \
         title, place, origin, discarded_by, event_doc_id, event_date, metadata, signature, text, \
         tone) VALUES (?1, ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
         ?17, ?18)",
    )
    .and_then(|mut s| {
        s.execute(params![
            id,
            &art.hash.to_bytes()[..],
            art.published.0,
            outlet,
            art.text.chars().count() as i64,
            art.words as i64,
            a.id,
            a.url,
            a.title,
            a.place,
            a.origin,
            art.discarded_by,
            first.map(|e| &e.doc_id),
            first.and_then(|e| e.date.as_ref()),
            metadata,
            signature.map(Signature::to_bytes),
            art.text,
            document_tone(art),
        ])
    })
    .ctx_with(at)?;
    let rows: Vec<[i64; 6]> = art
        .sentences
        .iter()
        .zip(leads)
        .enumerate()
        .map(|(i, (s, &lead))| {
            let section = i64::from(s.section == Section::Body);
            [
                id,
                i as i64,
                section,
                s.start as i64,
                s.end as i64,
                i64::from(lead),
            ]
        })
        .collect();
    let mut chunks = rows.chunks_exact(SENTENCE_ROWS);
    for chunk in chunks.by_ref() {
        tx.prepare_cached(&SENTENCES)
            .and_then(|mut s| s.execute(params_from_iter(chunk.iter().flatten())))
            .ctx_with(at)?;
    }
    for row in chunks.remainder() {
        tx.prepare_cached(&SENTENCE)
            .and_then(|mut s| s.execute(params_from_iter(row)))
            .ctx_with(at)?;
    }
    Ok(())
}

/// The fields of a report that differ from its document's first report (`doc_id`, `date`):
/// kept only when there are any.
fn extra(event: &Event, first: &Event) -> Option<String> {
    let mut m = serde_json::Map::new();
    if event.doc_id != first.doc_id {
        m.insert("doc_id".into(), event.doc_id.clone().into());
    }
    if event.date != first.date {
        m.insert("date".into(), event.date.clone().into());
    }
    (!m.is_empty()).then(|| serde_json::Value::Object(m).to_string())
}

/// Stores a batch (see the module documentation).
pub fn batch(tx: &Transaction<'_>, batch: &[CodedArticle], window: i64) -> Result<InsertSummary> {
    let mut summary = InsertSummary::default();
    let mut next: i64 = tx
        .query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM documents", [], |r| {
            r.get(0)
        })
        .ctx("numbering documents")?;
    let mut names = Interned {
        tx,
        outlets: HashMap::new(),
        json: HashMap::new(),
    };
    let mut stored = Vec::new();
    let mut moved = BTreeSet::new();
    let mut exists = tx
        .prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")
        .ctx("looking up a document")?;
    for art in batch {
        if exists
            .exists([&art.hash.to_bytes()[..]])
            .ctx("looking up a document")?
        {
            summary.unchanged += 1;
            continue;
        }
        let leads = validate(art)?;
        let id = next;
        next += 1;
        // The body alone: syndicated copies keep the wire's body but often get a new headline.
        let signature = Signature::of(&art.article.text);
        store_document(tx, &mut names, id, art, &leads, signature.as_ref())?;
        cluster::add(tx, id, signature.as_ref(), &mut moved)?;
        stored.push((id, art, leads));
        summary.inserted += 1;
    }
    let mut days: BTreeMap<Key, BTreeSet<i64>> = BTreeMap::new();
    let mut new: BTreeMap<Key, Vec<Report>> = BTreeMap::new();
    let mut rows = Vec::new();
    let mut cluster_of = tx
        .prepare_cached("SELECT cluster FROM documents WHERE id = ?1")
        .ctx("reading a cluster")?;
    for (id, art, leads) in &stored {
        let cluster: i64 = cluster_of
            .query_row([id], |r| r.get(0))
            .ctx("reading a cluster")?;
        let doc_tone = document_tone(art);
        let a = &art.article;
        let address = a
            .url
            .clone()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| a.origin.clone());
        for (ord, e) in art.events.iter().enumerate() {
            let key = Key {
                source: e.source.as_ref().map(|p| p.code.clone()),
                target: e.target.as_ref().map(|p| p.code.clone()),
                code: e.event_code.clone(),
                negated: e.negated,
            };
            let rule = serde_json::to_string(&e.rule).map_err(|err| Error::InvalidArticle {
                origin: a.origin.clone(),
                reason: format!("event {ord}'s rule: {err}"),
            })?;
            let reported_by = e
                .reported_by
                .as_ref()
                .map(serde_json::to_string)
                .transpose()
                .map_err(|err| Error::InvalidArticle {
                    origin: a.origin.clone(),
                    reason: format!("event {ord}'s reported_by: {err}"),
                })?;
            let span = |p: &tacitus_coder::Participant| (p.start as i64, p.end as i64);
            let geo = e.geo.as_ref();
            let (action_place, action_how) = names.place(geo.and_then(|g| g.action.as_ref()))?;
            let (source_place, source_how) = names.place(geo.and_then(|g| g.source.as_ref()))?;
            let (target_place, target_how) = names.place(geo.and_then(|g| g.target.as_ref()))?;
            rows.push(MentionRow {
                source: e.source.as_ref().map(span),
                target: e.target.as_ref().map(span),
                verb: (e.verb.text.clone(), e.verb.start as i64, e.verb.end as i64),
                modality: e.modality.clone(),
                reported_by,
                rule: names.json(Table::Rules, rule)?,
                extra: extra(e, &art.events[0]),
                tone: e.tone.map(|t| t.sentence),
                how: [action_how, source_how, target_how],
            });
            days.entry(key.clone())
                .or_default()
                .insert(art.published.day_number());
            new.entry(key).or_default().push(Report {
                origin: Origin::New(rows.len() - 1),
                doc: *id,
                published: art.published.0,
                hash: art.hash.to_bytes().to_vec(),
                sentence: e.sentence as i64,
                ord: ord as i64,
                cluster,
                lead: leads[e.sentence],
                headline: e.section == Section::Headline,
                address: address.clone(),
                source_name: e.source.as_ref().map(|p| p.text.clone()),
                target_name: e.target.as_ref().map(|p| p.text.clone()),
                base_code: e.base_code.clone(),
                root_code: e.root_code.clone(),
                quad_class: e.quad_class.map(i64::from),
                goldstein: e.goldstein.map(f64::from),
                plover_event: e.plover_event.clone(),
                plover_mode: e.plover_mode.clone(),
                places: [action_place, source_place, target_place],
                doc_tone,
            });
        }
    }
    // Events with reports in documents whose cluster changed count their sources anew.
    let mut of_doc = tx
        .prepare_cached(
            "SELECT e.source, e.target, e.event_code, e.negated, e.date FROM mentions m \
             JOIN events e ON e.id = m.event WHERE m.doc = ?1",
        )
        .ctx("reading the events of a moved document")?;
    for doc in moved {
        let touched = of_doc
            .query_map([doc], |r| {
                Ok((
                    Key {
                        source: r.get(0)?,
                        target: r.get(1)?,
                        code: r.get(2)?,
                        negated: r.get(3)?,
                    },
                    r.get::<_, i64>(4)?,
                ))
            })
            .ctx("reading the events of a moved document")?;
        for t in touched {
            let (key, day) = t.ctx("reading the events of a moved document")?;
            days.entry(key).or_default().insert(day);
        }
    }
    summary.mentions = rows.len();
    let changed = events::recompute(tx, window, &days, new, |report, i, event| {
        insert_mention(tx, report, &rows[i], event)
    })?;
    summary.events = changed.events.len();
    disputes::recompute(tx, window, &changed)?;
    Ok(summary)
}

/// A document's tone, as its events carry it (none without events).
fn document_tone(art: &CodedArticle) -> Option<f32> {
    art.events.iter().find_map(|e| e.tone.map(|t| t.document))
}

/// Stores a new report as a mention of `event`.
fn insert_mention(tx: &Transaction<'_>, r: &Report, m: &MentionRow, event: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO mentions (event, doc, sentence, ord, source_text, source_start, source_end, \
         target_text, target_start, target_end, verb_text, verb_start, verb_end, base_code, \
         root_code, quad_class, goldstein, plover_event, plover_mode, modality, reported_by, \
         rule, extra, tone, action_place, action_how, source_place, source_how, target_place, \
         target_how) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
         ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)",
    )
    .and_then(|mut s| {
        s.execute(params![
            event,
            r.doc,
            r.sentence,
            r.ord,
            r.source_name,
            m.source.map(|s| s.0),
            m.source.map(|s| s.1),
            r.target_name,
            m.target.map(|t| t.0),
            m.target.map(|t| t.1),
            m.verb.0,
            m.verb.1,
            m.verb.2,
            r.base_code,
            r.root_code,
            r.quad_class,
            r.goldstein,
            r.plover_event,
            r.plover_mode,
            m.modality,
            m.reported_by,
            m.rule,
            m.extra,
            m.tone,
            r.places[0],
            m.how[0],
            r.places[1],
            m.how[1],
            r.places[2],
            m.how[2],
        ])
    })
    .ctx("storing a report")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::lead_end;

    #[test]
    fn lead_is_headline_and_first_paragraph() {
        let text = "Talks resume\n\nFirst one. First two.\n\nSecond.";
        let end = lead_end(text, true);
        assert_eq!(&text[..end], "Talks resume\n\nFirst one. First two.\n");
        let plain = "\nFirst one.\nStill first.\n \nSecond.";
        assert_eq!(
            &plain[..lead_end(plain, false)],
            "\nFirst one.\nStill first.\n"
        );
        assert_eq!(lead_end("Only headline", true), 13);
        assert_eq!(lead_end("é\n\nx", false), 2);
    }
}
