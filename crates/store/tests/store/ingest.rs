//! Storing batches: idempotence, all-or-nothing, and what a stored report gives back.

use tacitus_dataset::{DocumentHash, Section};
use tacitus_store::{Error, Filter, Store};

use crate::common::{article, dump, fresh, report};

fn batch() -> Vec<tacitus_dataset::CodedArticle> {
    vec![
        article(
            "wire",
            0,
            9,
            "Iran and Oman hold talks",
            &[
                &["Iran met Oman.", "They spoke."],
                &["Later the US commented."],
            ],
            &[report(0, "IRN", "OMN", "040"), report(3, "USA", "", "010")],
        ),
        article(
            "daily",
            1,
            12,
            "Israel strikes Lebanon",
            &[&["Israel hit targets in Lebanon."]],
            &[report(1, "ISR", "LBN", "190")],
        ),
    ]
}

#[test]
fn inserting_twice_changes_nothing() {
    let (_dir, mut store) = fresh();
    let first = store.insert(&batch()).unwrap();
    assert_eq!((first.inserted, first.unchanged, first.mentions), (2, 0, 3));
    let before = dump(&store);
    let again = store.insert(&batch()).unwrap();
    assert_eq!(
        (
            again.inserted,
            again.unchanged,
            again.mentions,
            again.events
        ),
        (0, 2, 0, 0)
    );
    assert_eq!(dump(&store), before);
    for a in batch() {
        assert!(store.contains(a.hash).unwrap());
    }
    assert!(!store.contains(DocumentHash(7)).unwrap());
}

#[test]
fn a_repeated_article_in_one_batch_is_stored_once() {
    let (_dir, mut store) = fresh();
    let mut twice = batch();
    twice.push(twice[0].clone());
    let s = store.insert(&twice).unwrap();
    assert_eq!((s.inserted, s.unchanged), (2, 1));
    assert_eq!(store.stats().unwrap().mentions, 3);
}

#[test]
fn a_bad_article_rolls_the_whole_batch_back() {
    let (_dir, mut store) = fresh();
    let mut bad = batch();
    bad[1].events[0].sentence = 9;
    let origin = bad[1].article.origin.clone();
    match store.insert(&bad) {
        Err(e @ Error::InvalidArticle { .. }) => {
            assert!(e.to_string().starts_with(&origin), "{e}");
        }
        other => panic!("expected an invalid article, got {other:?}"),
    }
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events, stats.outlets), (0, 0, 0));
    assert!(!store.contains(bad[0].hash).unwrap());
    // The store is usable afterwards and the good article goes in.
    assert_eq!(store.insert(&bad[..1]).unwrap().inserted, 1);
}

#[test]
fn a_span_past_the_text_is_refused() {
    let (_dir, mut store) = fresh();
    let mut bad = batch();
    bad[0].sentences[1].end = 10_000;
    assert!(matches!(
        store.insert(&bad),
        Err(Error::InvalidArticle { .. })
    ));
    assert_eq!(store.stats().unwrap().documents, 0);
}

#[test]
fn a_mention_gives_back_the_coded_report_and_its_sentence() {
    let (_dir, mut store) = fresh();
    let articles = batch();
    store.insert(&articles).unwrap();
    let a = &articles[0];
    let events = crate::common::events(&store, &Filter::default());
    let talks = events.iter().find(|e| e.event_code == "040").unwrap();
    let mentions = store.mentions_of(talks.id).unwrap();
    assert_eq!(mentions.len(), 1);
    let m = &mentions[0];
    assert_eq!(m.coded, a.events[0]);
    assert_eq!(m.sentence_text, "Iran and Oman hold talks");
    assert_eq!(m.document, a.hash);
    assert_eq!(m.cluster, a.hash);
    assert_eq!(m.outlet.as_deref(), Some("wire"));
    assert_eq!(m.url, a.article.url);
    assert_eq!(m.origin, a.article.origin);
    assert_eq!(m.doc_chars as usize, a.text.chars().count());
    assert_eq!(m.published, a.published);
    assert_eq!(m.event_added, talks.added);
    assert!(m.is_root);
    let later = events.iter().find(|e| e.event_code == "010").unwrap();
    let m = &store.mentions_of(later.id).unwrap()[0];
    assert_eq!(m.sentence_text, "Later the US commented.");
    assert_eq!(m.coded.section, Section::Body);
    assert_eq!(m.coded, a.events[1]);
    assert!(!m.is_root);
}

#[test]
fn a_report_keeps_its_own_doc_id_and_date() {
    let (_dir, mut store) = fresh();
    let mut a = batch().remove(0);
    a.events[1].doc_id = "other".into();
    a.events[1].date = None;
    store.insert(std::slice::from_ref(&a)).unwrap();
    let mut coded = Vec::new();
    store
        .for_each_mention(&Filter::default(), |m| {
            coded.push(m.coded);
            Ok::<(), Error>(())
        })
        .unwrap();
    coded.sort_by_key(|e| e.sentence);
    assert_eq!(coded, a.events);
}

#[test]
fn a_discarded_story_is_stored_without_events() {
    let (_dir, mut store) = fresh();
    let mut a = batch().remove(0);
    a.events.clear();
    a.discarded_by = Some("discards.txt:3".into());
    store.insert(std::slice::from_ref(&a)).unwrap();
    assert!(store.contains(a.hash).unwrap());
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.sentences, stats.events), (1, 4, 0));
}

#[test]
fn references_hold_after_many_batches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let mut store = Store::open(&path).unwrap();
    for d in 0..6 {
        let a = article(
            "wire",
            d,
            8,
            &format!("Day {d}"),
            &[&["Iran met Oman."]],
            &[
                report(1, "IRN", "OMN", "040"),
                report(0, "OMN", "IRN", "040"),
            ],
        );
        store.insert(&[a]).unwrap();
    }
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}
