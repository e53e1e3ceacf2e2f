//! Hand-built records shared by the writers' tests: one event ("Israeli troops killed
//! Palestinians") and its report, with every field set to a value a test can check.

use tacitus_coder::{Citation, Participant, Rule, VerbSpan, Via};
use tacitus_dataset::{
    Actor, Date, DocumentHash, Event, EventId, EventRecord, MentionRecord, Section, Timestamp,
};

/// 2024-03-05T14:30:07Z.
pub fn added() -> Timestamp {
    Timestamp::from_civil(Date::new(2024, 3, 5).unwrap(), 14, 30, 7).unwrap()
}

/// The event: ISRMIL killed PSE, 190, one report.
pub fn event() -> EventRecord {
    EventRecord {
        id: EventId(123_456_789),
        date: Date::new(2024, 3, 5).unwrap(),
        added: added(),
        source: Some(Actor {
            code: "ISRMIL".into(),
            name: "Israeli troops".into(),
        }),
        target: Some(Actor {
            code: "PSE".into(),
            name: "Palestinians".into(),
        }),
        event_code: "190".into(),
        base_code: "190".into(),
        root_code: "19".into(),
        quad_class: Some(4),
        goldstein: Some(-10.0),
        plover_event: Some("ASSAULT".into()),
        plover_mode: None,
        negated: false,
        is_root: true,
        num_mentions: 2,
        num_sources: 1,
        num_articles: 2,
        disputed: false,
        source_url: "https://example.org/news/1".into(),
        action_geo: None,
        source_geo: None,
        target_geo: None,
        avg_tone: None,
    }
}

/// The coded report behind [`event`]: the third sentence, in the lead paragraph.
pub fn coded() -> Event {
    Event {
        doc_id: "1".into(),
        section: Section::Body,
        sentence: 2,
        source: Some(Participant {
            code: "ISRMIL".into(),
            text: "Israeli troops".into(),
            start: 120,
            end: 134,
        }),
        target: Some(Participant {
            code: "PSE".into(),
            text: "Palestinians".into(),
            start: 148,
            end: 160,
        }),
        verb: VerbSpan {
            text: "killed".into(),
            start: 135,
            end: 141,
        },
        event_code: "190".into(),
        base_code: "190".into(),
        root_code: "19".into(),
        quad_class: Some(4),
        goldstein: Some(-10.0),
        plover_event: Some("ASSAULT".into()),
        plover_mode: None,
        negated: false,
        modality: None,
        reported_by: None,
        rule: Rule {
            verb: Citation {
                entry: "KILL".into(),
                at: "CAMEO.2.0.txt:8817".into(),
            },
            pattern: None,
            source: vec![Citation {
                entry: "ISRAELI".into(),
                at: "Phoenix.Countries.actors.txt:100".into(),
            }],
            target: vec![],
            source_via: Some(Via::Subject),
            target_via: Some(Via::Object),
        },
        date: Some("2024-03-05".into()),
        geo: None,
        tone: None,
    }
}

/// The report of [`event`] in an article read from the web.
pub fn mention() -> MentionRecord {
    MentionRecord {
        event_id: EventId(123_456_789),
        event_added: added(),
        published: Timestamp(added().0 + 3600),
        document: DocumentHash(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef),
        cluster: DocumentHash(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef),
        outlet: Some("Example News".into()),
        url: Some("https://www.example.org/news/1".into()),
        origin: "feeds/example.xml#3".into(),
        doc_chars: 2400,
        is_root: true,
        sentence_text: "Israeli troops killed Palestinians, officials said.".into(),
        coded: coded(),
    }
}
