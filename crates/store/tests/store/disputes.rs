//! Disputed accounts: swapped roles across sources and within one story, other actors in one
//! story, and disputes that follow events as they merge.

use tacitus_dataset::{CodedArticle, Dispute, DisputeKind, DisputeScope, EventRecord};
use tacitus_store::{Filter, Store};

use crate::common::{article, events, fresh, prose, report};

/// A story (its own text, from `seed`) on day `d` with one report in its first paragraph.
fn story(outlet: &str, d: i64, seed: u64, source: &str, target: &str, code: &str) -> CodedArticle {
    let body = prose(seed, 60);
    article(
        outlet,
        d,
        9,
        &format!("Story {seed}"),
        &[&[&body]],
        &[report(1, source, target, code)],
    )
}

fn find(store: &Store, source: &str, target: &str) -> EventRecord {
    events(store, &Filter::default())
        .into_iter()
        .find(|e| {
            e.source.as_ref().map(|a| a.code.as_str()) == Some(source)
                && e.target.as_ref().map(|a| a.code.as_str()) == Some(target)
        })
        .unwrap()
}

#[test]
fn swapped_roles_across_sources() {
    let (_dir, mut store) = fresh();
    store
        .insert(&[
            story("irna", 0, 1, "IRN", "USASPY", "036"),
            story("cnn", 1, 2, "USA", "IRN", "031"),
        ])
        .unwrap();
    let (a, b) = (find(&store, "IRN", "USASPY"), find(&store, "USA", "IRN"));
    assert!(a.disputed && b.disputed);
    let seen_from_a = store.disputes_of(a.id).unwrap();
    assert_eq!(
        seen_from_a,
        vec![Dispute {
            event: a.id,
            other: b.id,
            kind: DisputeKind::Swapped,
            scope: DisputeScope::Sources
        }]
    );
    let seen_from_b = store.disputes_of(b.id).unwrap();
    assert_eq!((seen_from_b[0].event, seen_from_b[0].other), (b.id, a.id));
    let mut pairs = Vec::new();
    store
        .for_each_dispute(&Filter::default(), |d| {
            pairs.push(d);
            Ok::<(), tacitus_store::Error>(())
        })
        .unwrap();
    assert_eq!(pairs.len(), 1);
    assert_eq!(store.stats().unwrap().disputed, 2);
}

#[test]
fn headline_against_body_is_a_dispute_within_the_story() {
    let (_dir, mut store) = fresh();
    let a = article(
        "irna",
        0,
        9,
        "Iran sought talks with the CIA",
        &[&["The US reached out to Iran, officials said."]],
        &[
            report(0, "IRN", "USASPY", "036"),
            report(1, "USA", "IRN", "036"),
        ],
    );
    store.insert(&[a]).unwrap();
    let d = store.disputes_of(find(&store, "IRN", "USASPY").id).unwrap();
    assert_eq!(
        (d[0].kind, d[0].scope),
        (DisputeKind::Swapped, DisputeScope::Story)
    );
}

#[test]
fn another_source_within_one_story() {
    let (_dir, mut store) = fresh();
    let a = article(
        "wire",
        0,
        9,
        "Israel strikes Lebanon",
        &[&["Syria's army shelled Lebanon, a monitor said."]],
        &[
            report(0, "ISR", "LBN", "190"),
            report(1, "SYR", "LBN", "195"),
        ],
    );
    store.insert(&[a]).unwrap();
    let d = store.disputes_of(find(&store, "ISR", "LBN").id).unwrap();
    assert_eq!(
        (d[0].kind, d[0].scope),
        (DisputeKind::OtherSource, DisputeScope::Story)
    );
    // Across independent sources the same difference is two events, not a dispute.
    store
        .insert(&[
            story("a", 5, 1, "ISR", "LBN", "190"),
            story("b", 5, 2, "ISR", "SYR", "190"),
        ])
        .unwrap();
    assert_eq!(store.stats().unwrap().disputed, 2);
}

#[test]
fn accounts_told_side_by_side_are_not_disputes() {
    let (_dir, mut store) = fresh();
    // One sentence with two subjects; a reciprocal meeting; a headline the body repeats.
    let a = article(
        "wire",
        0,
        9,
        "Israel strikes Lebanon",
        &[
            &["Israel struck Lebanon, a monitor said."],
            &["Israel and Syria shelled Lebanon.", "Iran and the US met."],
        ],
        &[
            report(0, "ISR", "LBN", "190"),
            report(1, "ISR", "LBN", "190"),
            report(2, "ISR", "LBN", "195"),
            report(2, "SYR", "LBN", "195"),
            report(3, "IRN", "USA", "040"),
            report(3, "USA", "IRN", "040"),
        ],
    );
    // An actor of unknown country is not another actor.
    let b = article(
        "agency",
        0,
        10,
        "Syrian army shells Lebanon",
        &[&["Soldiers shelled Lebanon overnight."]],
        &[
            report(0, "SYRMIL", "LBN", "195"),
            report(1, "---MIL", "LBN", "195"),
        ],
    );
    store.insert(&[a, b]).unwrap();
    assert_eq!(store.stats().unwrap().disputed, 0);
}

#[test]
fn no_dispute_without_the_same_root_and_nearby_days() {
    let (_dir, mut store) = fresh();
    store
        .insert(&[
            story("a", 0, 1, "IRN", "USA", "036"),
            story("b", 0, 2, "USA", "IRN", "190"),
            story("c", 3, 3, "USA", "IRN", "036"),
            story("d", 0, 4, "IRNGOV", "IRNMIL", "036"),
            story("e", 0, 5, "IRNGOV", "IRNREB", "036"),
        ])
        .unwrap();
    assert_eq!(store.stats().unwrap().disputed, 0);
    store
        .insert(&[story("f", 0, 6, "IRNMIL", "IRNGOV", "036")])
        .unwrap();
    let d = store
        .disputes_of(find(&store, "IRNGOV", "IRNMIL").id)
        .unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(store.stats().unwrap().disputed, 2);
}

#[test]
fn disputes_follow_events_that_merge() {
    let (_dir, mut store) = fresh();
    store
        .insert(&[
            story("a", 2, 1, "IRN", "USA", "036"),
            story("b", 3, 2, "USA", "IRN", "036"),
        ])
        .unwrap();
    let old = find(&store, "IRN", "USA");
    assert!(old.disputed);
    // An earlier report of Iran's move re-dates it out of the window of the US account.
    store
        .insert(&[story("c", 1, 3, "IRN", "USA", "036")])
        .unwrap();
    let new = find(&store, "IRN", "USA");
    assert_ne!(new.id, old.id);
    assert!(!new.disputed);
    assert!(!find(&store, "USA", "IRN").disputed);
    assert!(store.disputes_of(old.id).unwrap().is_empty());
    assert_eq!(store.stats().unwrap().disputed, 0);
    // A US account on day 1 disputes the re-dated event; the day-3 one stays apart.
    store
        .insert(&[story("d", 0, 4, "USA", "IRN", "036")])
        .unwrap();
    let us = find(&store, "USA", "IRN");
    let d = store.disputes_of(new.id).unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].other, us.id);
    assert_eq!(store.stats().unwrap().disputed, 2);
}
