//! Aggregation of reports into events: the window, the first report, the lead.

use tacitus_dataset::{Actor, EventId, Timestamp};
use tacitus_store::{Filter, Options, Store};

use crate::common::{article, day, events, fresh, prose, report};

/// A one-sentence story about `body` on day `d` in `outlet`, reporting USA→IRN 042.
fn visit(outlet: &str, d: i64, hour: u32, seed: u64) -> tacitus_dataset::CodedArticle {
    let body = prose(seed, 40);
    article(
        outlet,
        d,
        hour,
        &format!("Envoy visits, story {seed}"),
        &[&[&body]],
        &[report(1, "USA", "IRN", "042")],
    )
}

#[test]
fn reports_a_day_apart_are_one_event() {
    let (_dir, mut store) = fresh();
    store
        .insert(&[visit("a", 1, 9, 1), visit("b", 2, 9, 2)])
        .unwrap();
    let all = events(&store, &Filter::default());
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].date, day(1));
    assert_eq!(
        (all[0].num_mentions, all[0].num_articles, all[0].num_sources),
        (2, 2, 2)
    );
}

#[test]
fn reports_three_days_apart_are_two_events() {
    let (_dir, mut store) = fresh();
    store
        .insert(&[visit("a", 1, 9, 1), visit("b", 4, 9, 2)])
        .unwrap();
    let dates: Vec<_> = events(&store, &Filter::default())
        .iter()
        .map(|e| e.date)
        .collect();
    assert_eq!(dates, vec![day(1), day(4)]);
}

#[test]
fn a_bridging_report_merges_two_events() {
    let (_dir, mut store) = fresh();
    store
        .insert(&[visit("a", 1, 9, 1), visit("b", 3, 9, 2)])
        .unwrap();
    let before = events(&store, &Filter::default());
    assert_eq!(before.len(), 2);
    store.insert(&[visit("c", 2, 9, 3)]).unwrap();
    let after = events(&store, &Filter::default());
    assert_eq!(after.len(), 1);
    assert_eq!(
        after[0].id, before[0].id,
        "the first day, hence the id, is kept"
    );
    assert_eq!(after[0].num_mentions, 3);
    assert!(store.event(before[1].id).unwrap().is_none());
    assert_eq!(store.mentions_of(after[0].id).unwrap().len(), 3);
    assert!(store.mentions_of(before[1].id).unwrap().is_empty());
}

#[test]
fn an_earlier_report_re_dates_the_event() {
    let (_dir, mut store) = fresh();
    store.insert(&[visit("a", 2, 9, 1)]).unwrap();
    let old = events(&store, &Filter::default())[0].id;
    store.insert(&[visit("b", 1, 23, 2)]).unwrap();
    let all = events(&store, &Filter::default());
    assert_eq!(all.len(), 1);
    let e = &all[0];
    assert_ne!(e.id, old);
    assert_eq!(
        e.id,
        EventId::of(&["USA", "IRN", "042", "0", &day(1).to_string()])
    );
    assert_eq!(e.date, day(1));
    assert_eq!(e.added, Timestamp::from_civil(day(1), 23, 0, 0).unwrap());
    assert_eq!(e.source_url, "https://b/1/Envoyvisitsstory2");
    assert_eq!(
        e.source,
        Some(Actor {
            code: "USA".into(),
            name: "usa in b".into()
        })
    );
    assert!(store.event(old).unwrap().is_none());
}

#[test]
fn a_wider_window_joins_more_days() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        window_days: Some(3),
    };
    let mut store = Store::open_with(dir.path().join("w.db"), options).unwrap();
    store
        .insert(&[
            visit("a", 1, 9, 1),
            visit("b", 4, 9, 2),
            visit("c", 8, 9, 3),
        ])
        .unwrap();
    let counts: Vec<_> = events(&store, &Filter::default())
        .iter()
        .map(|e| e.num_mentions)
        .collect();
    assert_eq!(counts, vec![2, 1]);
}

#[test]
fn several_sentences_of_one_article_are_one_event() {
    let (_dir, mut store) = fresh();
    let a = article(
        "wire",
        0,
        9,
        "US envoy in Tehran",
        &[
            &["The US envoy visited Iran.", "It was the first visit."],
            &["He visited Iran again."],
        ],
        &[
            report(1, "USA", "IRN", "042"),
            report(3, "USA", "IRN", "042"),
            report(3, "USA", "IRN", "043"),
        ],
    );
    store.insert(&[a]).unwrap();
    let all = events(&store, &Filter::default());
    assert_eq!(all.len(), 2);
    let visit = all.iter().find(|e| e.event_code == "042").unwrap();
    assert_eq!(
        (visit.num_mentions, visit.num_articles, visit.num_sources),
        (2, 1, 1)
    );
    let sentences: Vec<_> = store
        .mentions_of(visit.id)
        .unwrap()
        .iter()
        .map(|m| m.coded.sentence)
        .collect();
    assert_eq!(sentences, vec![1, 3]);
}

#[test]
fn negation_and_missing_actors_make_other_keys() {
    let (_dir, mut store) = fresh();
    let mut denied = report(1, "USA", "IRN", "042");
    denied.negated = true;
    let a = article(
        "wire",
        0,
        9,
        "Visit or not",
        &[&["One.", "Two.", "Three."]],
        &[
            report(1, "USA", "IRN", "042"),
            denied,
            report(2, "USA", "", "042"),
            report(3, "", "IRN", "042"),
        ],
    );
    store.insert(&[a]).unwrap();
    let all = events(&store, &Filter::default());
    assert_eq!(all.len(), 4);
    assert_eq!(all.iter().filter(|e| e.negated).count(), 1);
    assert_eq!(all.iter().filter(|e| e.target.is_none()).count(), 1);
    assert_eq!(all.iter().filter(|e| e.source.is_none()).count(), 1);
}

#[test]
fn the_lead_is_the_headline_and_the_first_paragraph() {
    let (_dir, mut store) = fresh();
    let a = article(
        "wire",
        0,
        9,
        "Israel strikes",
        &[
            &["Israel hit Lebanon.", "Syria hit Lebanon."],
            &["Iraq hit Lebanon."],
        ],
        &[
            report(0, "ISR", "LBN", "190"),
            report(2, "SYR", "LBN", "190"),
            report(3, "IRQ", "LBN", "190"),
        ],
    );
    store.insert(&[a]).unwrap();
    let root = |code: &str| {
        events(&store, &Filter::default())
            .into_iter()
            .find(|e| e.source.as_ref().unwrap().code == code)
            .unwrap()
            .is_root
    };
    assert!(root("ISR"));
    assert!(root("SYR"));
    assert!(!root("IRQ"));
}

#[test]
fn a_late_report_joins_an_event_that_began_long_before() {
    let (_dir, mut store) = fresh();
    store
        .insert(&[
            visit("a", 1, 9, 1),
            visit("b", 2, 9, 2),
            visit("c", 3, 9, 3),
        ])
        .unwrap();
    store.insert(&[visit("d", 4, 9, 4)]).unwrap();
    let all = events(&store, &Filter::default());
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].date, all[0].num_mentions), (day(1), 4));
}
