//! PLOVER event records as JSON lines, in the spirit of POLECAT's released JSON.
//!
//! POLECAT (the PLOVER-coded successor of ICEWS) gives each event an id, a date, an
//! `event_type` and `event_mode`, and its actors with their country and sector codes. Tacitus
//! adds what makes a record auditable: every report of the event with the article it came from,
//! the sentence, the character spans of the actors and verb, and the dictionary entries and
//! pattern that produced it; whether it was negated, hedged or reported speech; the disputes
//! with other accounts; and the CAMEO code, Goldstein score and quad class, to join with
//! CAMEO/GDELT data. Like POLECAT's location fields, each event has the place where it happened
//! and where its actors are, and its tone; each report has its own places, each with how it was
//! chosen, and the tone of its sentence and article. Keys are snake_case and come in the order
//! of the structs below, so the same records always give the same bytes.

use std::io::Write;

use serde::Serialize;
use tacitus_coder::{Participant, Rule, VerbSpan};
use tacitus_dataset::{
    Actor, Dispute, DisputeKind, DisputeScope, EventId, EventRecord, EventTone, How, Located,
    MentionRecord, Place, Section,
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
    /// GDELT's AvgTone: the mean document tone of the reports.
    avg_tone: Option<f32>,
    /// Where it happened (GDELT's ActionGeo), as its first report says.
    action_geo: Option<PlaceOut<'a>>,
    /// Where the source is (Actor1Geo).
    source_geo: Option<PlaceOut<'a>>,
    /// Where the target is (Actor2Geo).
    target_geo: Option<PlaceOut<'a>>,
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

/// A place, with everything GDELT's `*Geo_` columns carry.
#[derive(Serialize)]
struct PlaceOut<'a> {
    /// `country`, `us_state`, `us_city`, `world_city` or `world_state` (GDELT's Geo_Type 1–5).
    kind: &'static str,
    full_name: &'a str,
    country_iso3: &'a str,
    country_fips: &'a str,
    adm1: Option<&'a str>,
    lat: f64,
    lon: f64,
    feature_id: &'a str,
}

/// A report's place, with how it was chosen.
#[derive(Serialize)]
struct LocatedOut<'a> {
    #[serde(flatten)]
    place: PlaceOut<'a>,
    how: How,
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
    /// The VADER compound score of the sentence and the GDELT tone of the article.
    tone: Option<&'a EventTone>,
    action_geo: Option<LocatedOut<'a>>,
    source_geo: Option<LocatedOut<'a>>,
    target_geo: Option<LocatedOut<'a>>,
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
            let geo = m.coded.geo.as_ref();
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
                tone: m.coded.tone.as_ref(),
                action_geo: located(geo.and_then(|g| g.action.as_ref())),
                source_geo: located(geo.and_then(|g| g.source.as_ref())),
                target_geo: located(geo.and_then(|g| g.target.as_ref())),
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
        avg_tone: e.avg_tone,
        action_geo: e.action_geo.as_ref().map(place),
        source_geo: e.source_geo.as_ref().map(place),
        target_geo: e.target_geo.as_ref().map(place),
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

fn place(p: &Place) -> PlaceOut<'_> {
    PlaceOut {
        kind: p.kind.label(),
        full_name: &p.full_name,
        country_iso3: &p.country_iso3,
        country_fips: &p.country_fips,
        adm1: p.adm1.as_deref(),
        lat: p.lat,
        lon: p.lon,
        feature_id: &p.feature_id,
    }
}

fn located(l: Option<&Located>) -> Option<LocatedOut<'_>> {
    l.map(|l| LocatedOut {
        place: place(&l.place),
        how: l.how,
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
        for k in ["avg_tone", "action_geo", "source_geo", "target_geo"] {
            assert_eq!(v[k], Value::Null, "{k}");
        }
        for k in ["tone", "action_geo", "source_geo", "target_geo"] {
            assert_eq!(r[k], Value::Null, "{k}");
        }
    }

    #[test]
    fn places_and_tone() {
        let items = [(
            fixtures::placed_event(),
            vec![fixtures::placed_mention()],
            vec![],
        )];
        let text = lines(&items).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["avg_tone"], -3.25);
        let aleppo = json!({"kind": "world_city", "full_name": "Aleppo, Halab, Syria",
            "country_iso3": "SYR", "country_fips": "SY", "adm1": "SY09",
            "lat": 36.20124, "lon": 37.16117, "feature_id": "170063"});
        let israel = json!({"kind": "country", "full_name": "Israel", "country_iso3": "ISR",
            "country_fips": "IS", "adm1": "IS", "lat": 31.76904, "lon": 35.21633,
            "feature_id": "IS"});
        assert_eq!(v["action_geo"], aleppo);
        assert_eq!(v["source_geo"], israel);
        assert_eq!(v["target_geo"], Value::Null);
        let r = &v["reports"][0];
        // f32 values are written with their shortest form, not widened to f64.
        assert!(text.contains(r#""tone":{"sentence":-0.6808,"document":-3.25}"#));
        let with_how = |mut p: Value, how: &str| {
            p["how"] = json!(how);
            p
        };
        assert_eq!(r["action_geo"], with_how(aleppo, "clause"));
        assert_eq!(r["source_geo"], with_how(israel, "actor_country"));
        assert_eq!(r["target_geo"], Value::Null);
        assert!(text.contains(r#""feature_id":"170063","how":"clause"}"#));
    }

    #[test]
    fn non_finite_numbers_are_null() {
        let mut e = fixtures::placed_event();
        e.avg_tone = Some(f32::NAN);
        e.action_geo.as_mut().unwrap().lat = f64::INFINITY;
        let v: Value = serde_json::from_str(&lines(&[(e, vec![], vec![])]).unwrap()).unwrap();
        assert_eq!(v["avg_tone"], Value::Null);
        assert_eq!(v["action_geo"]["lat"], Value::Null);
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
            "\"avg_tone\"",
            "\"action_geo\"",
            "\"source_geo\"",
            "\"target_geo\"",
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
