//! Hand-built records shared by the writers' tests: one event ("Israeli troops killed
//! Palestinians") and its report, with every field set to a value a test can check; and the
//! same event and report geocoded and scored for tone.

use tacitus_coder::{Citation, Participant, Rule, VerbSpan, Via};
use tacitus_dataset::{
    Actor, Date, DocumentHash, Event, EventGeo, EventId, EventRecord, EventTone, How, Located,
    MentionRecord, Place, Section, Timestamp,
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
            complement: None,
            refinement: None,
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

/// A world city with an admin-1 code and a comma in its name (GeoNames 170063).
pub fn aleppo() -> Place {
    Place {
        // GeoType is not re-exported by the dataset crate; its label names it.
        kind: serde_json::from_str("\"world_city\"").unwrap(),
        full_name: "Aleppo, Halab, Syria".into(),
        country_iso3: "SYR".into(),
        country_fips: "SY".into(),
        adm1: Some("SY09".into()),
        lat: 36.20124,
        lon: 37.16117,
        feature_id: "170063".into(),
    }
}

/// A country, placed at its capital.
pub fn israel() -> Place {
    Place {
        kind: serde_json::from_str("\"country\"").unwrap(),
        full_name: "Israel".into(),
        country_iso3: "ISR".into(),
        country_fips: "IS".into(),
        adm1: Some("IS".into()),
        lat: 31.76904,
        lon: 35.21633,
        feature_id: "IS".into(),
    }
}

/// [`event`] in Aleppo, its source in Israel, its target unplaced, with a tone.
pub fn placed_event() -> EventRecord {
    EventRecord {
        action_geo: Some(aleppo()),
        source_geo: Some(israel()),
        target_geo: None,
        avg_tone: Some(-3.25),
        ..event()
    }
}

/// [`mention`] with the places and tone behind [`placed_event`].
pub fn placed_mention() -> MentionRecord {
    let mut m = mention();
    m.coded.geo = Some(EventGeo {
        action: Some(Located {
            place: aleppo(),
            how: How::Clause,
        }),
        source: Some(Located {
            place: israel(),
            how: How::ActorCountry,
        }),
        target: None,
    });
    m.coded.tone = Some(EventTone {
        sentence: -0.6808,
        document: -3.25,
    });
    m
}
