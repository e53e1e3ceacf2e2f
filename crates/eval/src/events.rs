//! Scoring coded events against a user's gold file, leniently, as event data is judged.
//!
//! Expert-coded sets rarely agree with a coder on the exact actor code (`IRNGOV` or `IRN`?) or
//! on the leaf of the CAMEO tree (`0353` or `035`?), yet those are not what users count: dyads of
//! countries and kinds of events are. So an event matches a gold event when their actors'
//! countries (the first three letters of the codes) and their CAMEO root codes agree, or, where
//! the gold gives a PLOVER type instead of a CAMEO code, their PLOVER types; a gold side left
//! out matches any actor. Matching is one to one. PLOVER types are also scored per record, as
//! the set of types coded against the set the gold names.
//!
//! The gold file has one JSON object per line:
//! `{"id": "w1", "text": "...", "date": "2024-06-14", "events": [{"source": "IRN", "target":
//! "ISR", "code": "190", "plover": "ASSAULT"}]}` (`date`, `source`, `target` and one of `code`
//! and `plover` may be left out; `"events": []` means the text reports no event).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// One record of a gold file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldRecord {
    /// Identifier, reported with the record's misses.
    pub id: String,
    /// The text to code (body only).
    pub text: String,
    /// The document date (`YYYY-MM-DD`), which chooses the actors' roles.
    #[serde(default)]
    pub date: Option<String>,
    /// The events the text reports.
    pub events: Vec<GoldEvent>,
}

/// One expected event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEvent {
    /// Source actor or country code; absent matches any.
    #[serde(default)]
    pub source: Option<String>,
    /// Target actor or country code; absent matches any.
    #[serde(default)]
    pub target: Option<String>,
    /// CAMEO event code, compared by its root (first two digits).
    #[serde(default)]
    pub code: Option<String>,
    /// PLOVER event type, compared when `code` is absent and in the type scores.
    #[serde(default)]
    pub plover: Option<String>,
}

/// One coded event, reduced to what lenient matching compares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodedEvent {
    /// Source actor code (empty when absent).
    pub source: String,
    /// Target actor code (empty when absent).
    pub target: String,
    /// CAMEO event code.
    pub code: String,
    /// PLOVER event type, when the code has one.
    pub plover: Option<String>,
}

/// A record's outcome: what was expected and what was coded.
#[derive(Debug, Clone, Serialize)]
pub struct EventOutcome {
    /// The record's identifier.
    pub id: String,
    /// The text.
    pub text: String,
    /// Expected events, each with its PLOVER type filled in where the gold left it to the code.
    pub expected: Vec<GoldEvent>,
    /// Coded events.
    pub got: Vec<CodedEvent>,
    /// Gold events matched.
    pub matched: usize,
}

impl EventOutcome {
    /// Whether every expected event was found and nothing else was coded.
    pub fn exact(&self) -> bool {
        self.matched == self.expected.len() && self.matched == self.got.len()
    }
}

/// Lenient event scores over a gold file, as fractions in 0–1.
#[derive(Debug, Clone, Serialize)]
pub struct EventReport {
    /// Records scored.
    pub records: usize,
    /// Gold events.
    pub gold_events: usize,
    /// Coded events.
    pub coded_events: usize,
    /// Matched events over coded events.
    pub event_precision: f64,
    /// Matched events over gold events.
    pub event_recall: f64,
    /// Harmonic mean of the two.
    pub event_f1: f64,
    /// PLOVER types coded that the record's gold names, over types coded.
    pub plover_type_precision: f64,
    /// PLOVER types the gold names that were coded, over types named.
    pub plover_type_recall: f64,
    /// Harmonic mean of the two.
    pub plover_type_f1: f64,
    /// Records not coded exactly as the gold says, in file order.
    pub misses: Vec<EventOutcome>,
}

/// The country part of an actor code (`IRNGOV` → `IRN`).
fn country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// The CAMEO root of an event code (`0353` → `03`).
fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// Whether coded event `c` is gold event `g`.
fn matches(g: &GoldEvent, c: &CodedEvent) -> bool {
    let side = |want: &Option<String>, got: &str| {
        want.as_deref()
            .is_none_or(|w| !got.is_empty() && country(w) == country(got))
    };
    let kind = match (&g.code, &g.plover) {
        (Some(code), _) => root(code) == root(&c.code),
        (None, Some(p)) => c.plover.as_deref() == Some(p.as_str()),
        (None, None) => true,
    };
    kind && side(&g.source, &c.source) && side(&g.target, &c.target)
}

/// The outcome of one record; `plover_of` gives a CAMEO code's PLOVER type.
pub fn outcome(
    record: &GoldRecord,
    got: Vec<CodedEvent>,
    plover_of: impl Fn(&str) -> Option<String>,
) -> EventOutcome {
    let expected: Vec<GoldEvent> = record
        .events
        .iter()
        .map(|g| GoldEvent {
            plover: g
                .plover
                .clone()
                .or_else(|| g.code.as_deref().and_then(&plover_of)),
            ..g.clone()
        })
        .collect();
    let mut used = vec![false; got.len()];
    let mut matched = 0;
    for g in &expected {
        if let Some(k) = (0..got.len()).find(|&k| !used[k] && matches(g, &got[k])) {
            used[k] = true;
            matched += 1;
        }
    }
    EventOutcome {
        id: record.id.clone(),
        text: record.text.clone(),
        expected,
        got,
        matched,
    }
}

/// Scores the outcomes of a gold file.
pub fn score(outcomes: Vec<EventOutcome>) -> EventReport {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |p: f64, r: f64| {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let (mut gold, mut coded, mut matched) = (0, 0, 0);
    let (mut types_gold, mut types_coded, mut types_both) = (0, 0, 0);
    for o in &outcomes {
        gold += o.expected.len();
        coded += o.got.len();
        matched += o.matched;
        let want: BTreeSet<&str> = o
            .expected
            .iter()
            .filter_map(|g| g.plover.as_deref())
            .collect();
        let have: BTreeSet<&str> = o.got.iter().filter_map(|c| c.plover.as_deref()).collect();
        types_gold += want.len();
        types_coded += have.len();
        types_both += want.intersection(&have).count();
    }
    let (p, r) = (ratio(matched, coded), ratio(matched, gold));
    let (tp, tr) = (
        ratio(types_both, types_coded),
        ratio(types_both, types_gold),
    );
    EventReport {
        records: outcomes.len(),
        gold_events: gold,
        coded_events: coded,
        event_precision: p,
        event_recall: r,
        event_f1: f1(p, r),
        plover_type_precision: tp,
        plover_type_recall: tr,
        plover_type_f1: f1(tp, tr),
        misses: outcomes.into_iter().filter(|o| !o.exact()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coded(source: &str, target: &str, code: &str, plover: Option<&str>) -> CodedEvent {
        CodedEvent {
            source: source.into(),
            target: target.into(),
            code: code.into(),
            plover: plover.map(str::to_string),
        }
    }

    fn record(events: &str) -> GoldRecord {
        serde_json::from_str(&format!(
            r#"{{"id": "r", "text": "t", "events": {events}}}"#
        ))
        .unwrap()
    }

    fn plover(code: &str) -> Option<String> {
        match &code[..2] {
            "19" => Some("ASSAULT".into()),
            "04" => Some("CONSULT".into()),
            _ => None,
        }
    }

    #[test]
    fn countries_and_roots_match_leniently() {
        let r = record(r#"[{"source": "IRN", "target": "ISR", "code": "190"}]"#);
        let o = outcome(
            &r,
            vec![coded("IRNMIL", "ISRGOV", "195", Some("ASSAULT"))],
            plover,
        );
        assert_eq!(o.matched, 1);
        assert_eq!(o.expected[0].plover.as_deref(), Some("ASSAULT"));
        let o = outcome(
            &r,
            vec![coded("IRQ", "ISR", "190", Some("ASSAULT"))],
            plover,
        );
        assert_eq!(o.matched, 0);
        let o = outcome(
            &r,
            vec![coded("IRN", "ISR", "040", Some("CONSULT"))],
            plover,
        );
        assert_eq!(o.matched, 0);
    }

    #[test]
    fn absent_sides_match_anything_and_matching_is_one_to_one() {
        let r = record(
            r#"[{"source": "IRN", "plover": "ASSAULT"}, {"source": "IRN", "plover": "ASSAULT"}]"#,
        );
        let o = outcome(
            &r,
            vec![coded("IRNMIL", "", "190", Some("ASSAULT"))],
            plover,
        );
        assert_eq!(o.matched, 1);
        assert!(!o.exact());
    }

    #[test]
    fn scores_count_events_and_types() {
        let a = outcome(
            &record(r#"[{"source": "IRN", "target": "ISR", "code": "190"}]"#),
            vec![
                coded("IRN", "ISR", "190", Some("ASSAULT")),
                coded("ISR", "IRN", "040", Some("CONSULT")),
            ],
            plover,
        );
        let b = outcome(&record("[]"), vec![], plover);
        let s = score(vec![a, b]);
        assert_eq!((s.records, s.gold_events, s.coded_events), (2, 1, 2));
        assert_eq!(s.event_precision, 0.5);
        assert_eq!(s.event_recall, 1.0);
        assert_eq!(s.plover_type_precision, 0.5);
        assert_eq!(s.plover_type_recall, 1.0);
        assert_eq!(s.misses.len(), 1);
    }

    #[test]
    fn a_gold_line_needs_id_text_and_events() {
        assert!(serde_json::from_str::<GoldRecord>(r#"{"id": "x", "text": "t"}"#).is_err());
    }
}
