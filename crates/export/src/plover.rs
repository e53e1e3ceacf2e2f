//! PLOVER event records as JSON lines, in the spirit of POLECAT's released JSON.
//!
//! POLECAT (the PLOVER-coded successor of ICEWS) gives each event an id, a date, an
//! `event_type` and `event_mode`, and its actors with their country and sector codes. Tacitus
//! adds what makes a record auditable: every report of the event with the article it came from,
//! the sentence, the character spans of the actors and verb, and the dictionary entries and
//! pattern that produced it; whether it was negated, hedged or reported speech; the disputes
//! with other accounts; and the CAMEO code, Goldstein score and quad class, to join with
//! CAMEO/GDELT data. Keys are snake_case and come in the order of the structs below, so the same
//! records always give the same bytes.

use std::io::Write;

use serde::Serialize;
use tacitus_coder::{Participant, Rule, VerbSpan};
use tacitus_dataset::{
    Actor, Dispute, DisputeKind, DisputeScope, EventId, EventRecord, MentionRecord, Section,
};

use crate::{ActorParts, ExportError, Summary};

/// Writes one JSON object per event, each on its own line.
#[derive(Debug)]
pub struct PloverWriter<W: Write> {
    out: W,
    buf: Vec<u8>,
    summary: Summary,
}

impl<W: Write> PloverWriter<W> {
    /// A writer to `out` (buffer it: each line is written with one `write_all`).
    pub fn new(out: W) -> PloverWriter<W> {
        PloverWriter {
            out,
            buf: Vec::new(),
            summary: Summary::default(),
        }
    }

    /// Writes `event` with its reports (in the order given) and the disputes it takes part in
    /// (sorted by the other event, then kind and scope; repeats dropped). Negated events are
    /// written, with `"negated": true`.
    ///
    /// Fails with [`ExportError::Unrelated`] when a report or dispute belongs to another event.
    pub fn write(
        &mut self,
        event: &EventRecord,
        reports: &[MentionRecord],
        disputes: &[Dispute],
    ) -> Result<(), ExportError> {
        let record = record(event, reports, disputes)?;
        self.buf.clear();
        serde_json::to_writer(&mut self.buf, &record)?;
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)?;
        self.summary.written += 1;
        Ok(())
    }

    /// What has been written so far.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// Flushes the output and returns the totals.
    pub fn finish(mut self) -> Result<Summary, ExportError> {
        self.out.flush()?;
        Ok(self.summary)
    }
}

/// One event.
#[derive(Serialize)]
struct Record<'a> {
    /// The event id (GDELT's `GLOBALEVENTID`).
    id: EventId,
    /// Day of the first report, `YYYY-MM-DD`.
    date: String,
    /// Publication time of the first report, RFC 3339 UTC.
    added: String,
    /// PLOVER event type (`ASSAULT`).
    event_type: Option<&'a str>,
    /// PLOVER mode.
    event_mode: Option<&'a str>,
    /// Whether the reports say it did not happen.
    negated: bool,
    source: Option<ActorOut<'a>>,
    target: Option<ActorOut<'a>>,
    cameo: Cameo<'a>,
    is_root: bool,
    num_mentions: u32,
    num_sources: u32,
    num_articles: u32,
    disputed: bool,
    disputes: Vec<DisputeOut>,
    source_url: &'a str,
    reports: Vec<Report<'a>>,
}

/// An actor with its code broken into parts.
#[derive(Serialize)]
struct ActorOut<'a> {
    code: &'a str,
    name: &'a str,
    country: Option<String>,
    known_group: Option<String>,
    ethnic: Option<String>,
    religions: Vec<String>,
    /// The role codes (GDELT's types; PLOVER's sectors).
    sectors: Vec<String>,
}

/// The CAMEO coding, for joining with CAMEO and GDELT data.
#[derive(Serialize)]
struct Cameo<'a> {
    event_code: &'a str,
    base_code: &'a str,
    root_code: &'a str,
    quad_class: Option<u8>,
    goldstein: Option<f32>,
}

/// Another account this event is disputed against.
#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct DisputeOut {
    other: EventId,
    kind: DisputeKind,
    scope: DisputeScope,
}

/// One report: the sentence of an article that coded the event, and how.
#[derive(Serialize)]
struct Report<'a> {
    /// The article's hash (32 hex digits).
    document: String,
    /// The first article of its near-duplicate cluster.
    cluster: String,
    url: Option<&'a str>,
    origin: &'a str,
    outlet: Option<&'a str>,
    published: String,
    doc_chars: u32,
    section: Section,
    /// Sentence index in the article, from 0 (headline first).
    sentence: usize,
    is_root: bool,
    text: &'a str,
    source: Option<&'a Participant>,
    target: Option<&'a Participant>,
    verb: &'a VerbSpan,
    negated: bool,
    modality: Option<&'a str>,
    reported_by: Option<&'a Participant>,
    rule: &'a Rule,
}

fn record<'a>(
    e: &'a EventRecord,
    reports: &'a [MentionRecord],
    disputes: &[Dispute],
) -> Result<Record<'a>, ExportError> {
    let mut others = Vec::with_capacity(disputes.len());
    for d in disputes {
        let other = if d.event == e.id {
            d.other
        } else if d.other == e.id {
            d.event
        } else {
            return Err(ExportError::Unrelated {
                event: e.id,
                found: d.event,
            });
        };
        others.push(DisputeOut {
            other,
            kind: d.kind,
            scope: d.scope,
        });
    }
    others.sort();
    others.dedup();
    let reports = reports
        .iter()
        .map(|m| {
            if m.event_id != e.id {
                return Err(ExportError::Unrelated {
                    event: e.id,
                    found: m.event_id,
                });
            }
            Ok(Report {
                document: m.document.to_string(),
                cluster: m.cluster.to_string(),
                url: m.url.as_deref(),
                origin: &m.origin,
                outlet: m.outlet.as_deref(),
                published: m.published.to_string(),
                doc_chars: m.doc_chars,
                section: m.coded.section,
                sentence: m.coded.sentence,
                is_root: m.is_root,
                text: &m.sentence_text,
                source: m.coded.source.as_ref(),
                target: m.coded.target.as_ref(),
                verb: &m.coded.verb,
                negated: m.coded.negated,
                modality: m.coded.modality.as_deref(),
                reported_by: m.coded.reported_by.as_ref(),
                rule: &m.coded.rule,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Record {
        id: e.id,
        date: e.date.to_string(),
        added: e.added.to_string(),
        event_type: e.plover_event.as_deref(),
        event_mode: e.plover_mode.as_deref(),
        negated: e.negated,
        source: e.source.as_ref().map(actor),
        target: e.target.as_ref().map(actor),
        cameo: Cameo {
            event_code: &e.event_code,
            base_code: &e.base_code,
            root_code: &e.root_code,
            quad_class: e.quad_class,
            goldstein: e.goldstein,
        },
        is_root: e.is_root,
        num_mentions: e.num_mentions,
        num_sources: e.num_sources,
        num_articles: e.num_articles,
        disputed: e.disputed,
        disputes: others,
        source_url: &e.source_url,
        reports,
    })
}

fn actor(a: &Actor) -> ActorOut<'_> {
    let p = ActorParts::parse(&a.code);
    ActorOut {
        code: &a.code,
        name: &a.name,
        religions: p.religions().into_iter().map(String::from).collect(),
        sectors: p.types().into_iter().map(String::from).collect(),
        country: p.country,
        known_group: p.known_group,
        ethnic: p.ethnic,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};
    use tacitus_coder::Participant;

    use super::*;
    use crate::fixtures;

    fn lines(
        items: &[(EventRecord, Vec<MentionRecord>, Vec<Dispute>)],
    ) -> Result<String, ExportError> {
        let mut out = Vec::new();
        let mut w = PloverWriter::new(&mut out);
        for (e, m, d) in items {
            w.write(e, m, d)?;
        }
        assert_eq!(w.finish()?.written, items.len() as u64);
        Ok(String::from_utf8(out).unwrap())
    }

    fn dispute(event: i64, other: i64, kind: DisputeKind) -> Dispute {
        Dispute {
            event: EventId(event),
            other: EventId(other),
            kind,
            scope: DisputeScope::Sources,
        }
    }

    #[test]
    fn fields_of_an_event() {
        let mut e = fixtures::event();
        e.disputed = true;
        let mut m = fixtures::mention();
        m.coded.modality = Some("may".into());
        m.coded.reported_by = Some(Participant {
            code: "PSEGOV".into(),
            text: "officials".into(),
            start: 170,
            end: 179,
        });
        let disputes = vec![
            dispute(123_456_789, 9, DisputeKind::OtherTarget),
            dispute(5, 123_456_789, DisputeKind::Swapped),
            dispute(123_456_789, 9, DisputeKind::OtherTarget),
        ];
        let text = lines(&[(e, vec![m], disputes)]).unwrap();
        assert_eq!(text.lines().count(), 1);
        assert!(text.ends_with('\n'));
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["id"], 123_456_789);
        assert_eq!(v["date"], "2024-03-05");
        assert_eq!(v["added"], "2024-03-05T14:30:07Z");
        assert_eq!(v["event_type"], "ASSAULT");
        assert_eq!(v["event_mode"], Value::Null);
        assert_eq!(v["negated"], false);
        assert_eq!(
            v["source"],
            json!({"code": "ISRMIL", "name": "Israeli troops", "country": "ISR",
                   "known_group": null, "ethnic": null, "religions": [], "sectors": ["MIL"]})
        );
        assert_eq!(v["target"]["country"], "PSE");
        assert_eq!(
            v["cameo"],
            json!({"event_code": "190", "base_code": "190", "root_code": "19",
                   "quad_class": 4, "goldstein": -10.0})
        );
        assert_eq!(
            (&v["num_mentions"], &v["num_sources"], &v["num_articles"]),
            (&json!(2), &json!(1), &json!(2))
        );
        assert_eq!(v["disputed"], true);
        assert_eq!(
            v["disputes"],
            json!([{"other": 5, "kind": "swapped", "scope": "sources"},
                   {"other": 9, "kind": "other_target", "scope": "sources"}])
        );
        let r = &v["reports"][0];
        assert_eq!(r["document"], "0123456789abcdef0123456789abcdef");
        assert_eq!(r["url"], "https://www.example.org/news/1");
        assert_eq!(r["origin"], "feeds/example.xml#3");
        assert_eq!(r["outlet"], "Example News");
        assert_eq!(r["published"], "2024-03-05T15:30:07Z");
        assert_eq!(r["section"], "body");
        assert_eq!(r["sentence"], 2);
        assert_eq!(
            r["text"],
            "Israeli troops killed Palestinians, officials said."
        );
        assert_eq!(
            r["source"],
            json!({"code": "ISRMIL", "text": "Israeli troops", "start": 120, "end": 134})
        );
        assert_eq!(
            r["verb"],
            json!({"text": "killed", "start": 135, "end": 141})
        );
        assert_eq!(r["rule"]["verb"]["at"], "CAMEO.2.0.txt:8817");
        assert_eq!(r["rule"]["source_via"], "subject");
        assert_eq!(r["modality"], "may");
        assert_eq!(r["reported_by"]["text"], "officials");
        assert_eq!(r["negated"], false);
    }

    #[test]
    fn key_order_is_stable() {
        let text = lines(&[(fixtures::event(), vec![fixtures::mention()], vec![])]).unwrap();
        let keys = [
            "\"id\"",
            "\"date\"",
            "\"added\"",
            "\"event_type\"",
            "\"event_mode\"",
            "\"negated\"",
            "\"source\"",
            "\"target\"",
            "\"cameo\"",
            "\"is_root\"",
            "\"num_mentions\"",
            "\"disputed\"",
            "\"disputes\"",
            "\"source_url\"",
            "\"reports\"",
        ];
        let at: Vec<usize> = keys.iter().map(|k| text.find(k).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        assert_eq!(
            text,
            lines(&[(fixtures::event(), vec![fixtures::mention()], vec![])]).unwrap()
        );
    }

    #[test]
    fn negated_events_are_kept_and_marked() {
        let mut e = fixtures::event();
        e.negated = true;
        e.source = None;
        let text = lines(&[(e, vec![], vec![])]).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["negated"], true);
        assert_eq!(v["source"], Value::Null);
        assert_eq!(v["reports"], json!([]));
    }

    #[test]
    fn unrelated_reports_and_disputes_are_refused() {
        let mut m = fixtures::mention();
        m.event_id = EventId(1);
        let err = lines(&[(fixtures::event(), vec![m], vec![])]).unwrap_err();
        assert!(matches!(
            err,
            ExportError::Unrelated {
                found: EventId(1),
                ..
            }
        ));
        let d = dispute(1, 2, DisputeKind::OtherSource);
        let err = lines(&[(fixtures::event(), vec![], vec![d])]).unwrap_err();
        assert!(matches!(err, ExportError::Unrelated { .. }));
    }
}
