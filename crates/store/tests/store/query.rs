//! Filters, series and counts.

use tacitus_dataset::{CodedArticle, Date};
use tacitus_store::{Bucket, Error, Filter, SeriesPoint, Store};

use crate::common::{article, day, events, fresh, prose, report};

/// Stories on days 0–40 in three outlets: a few dyads and codes.
fn stories() -> Vec<CodedArticle> {
    let one = |outlet: &str, d: i64, seed: u64, sentence: &str, r: [&str; 3]| {
        let body = prose(seed, 30);
        article(
            outlet,
            d,
            9,
            &format!("Story {seed}"),
            &[&[sentence, &body]],
            &[report(1, r[0], r[1], r[2])],
        )
    };
    vec![
        one(
            "reuters",
            0,
            1,
            "Iran met Oman in Muscat.",
            ["IRNGOV", "OMN", "040"],
        ),
        one(
            "reuters",
            2,
            2,
            "The US sanctioned Iran.",
            ["USA", "IRN", "163"],
        ),
        one(
            "bbc",
            2,
            3,
            "Iran's army fired at US drones.",
            ["IRNMIL", "USA", "190"],
        ),
        one(
            "bbc",
            9,
            4,
            "Oman hosted Iranian envoys.",
            ["OMN", "IRN", "042"],
        ),
        one(
            "ap",
            31,
            5,
            "The US Navy seized an Iranian boat.",
            ["USAMIL", "IRN", "190"],
        ),
        one(
            "ap",
            40,
            6,
            "Iran denied the US report.",
            ["IRN", "USA", "190"],
        ),
    ]
}

fn store() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = fresh();
    store.insert(&stories()).unwrap();
    (dir, store)
}

/// The (source, target, code) of the events a filter selects.
fn select(store: &Store, filter: Filter) -> Vec<String> {
    events(store, &filter)
        .iter()
        .map(|e| {
            format!(
                "{}>{} {}",
                e.source.as_ref().unwrap().code,
                e.target.as_ref().unwrap().code,
                e.event_code
            )
        })
        .collect()
}

#[test]
fn filters_narrow_the_events() {
    let (_dir, store) = store();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(select(&store, Filter::default()).len(), 6);
    assert_eq!(
        select(
            &store,
            Filter {
                source: s("IRN"),
                target: s("USA"),
                ..Filter::default()
            }
        ),
        ["IRNMIL>USA 190", "IRN>USA 190"]
    );
    assert_eq!(
        select(
            &store,
            Filter {
                actor: s("OMN"),
                ..Filter::default()
            }
        ),
        ["IRNGOV>OMN 040", "OMN>IRN 042"]
    );
    assert_eq!(
        select(
            &store,
            Filter {
                country: s("USA"),
                ..Filter::default()
            }
        )
        .len(),
        4
    );
    assert_eq!(
        select(
            &store,
            Filter {
                event_code: s("04"),
                ..Filter::default()
            }
        ),
        ["IRNGOV>OMN 040", "OMN>IRN 042"]
    );
    assert_eq!(
        select(
            &store,
            Filter {
                root_code: s("19"),
                ..Filter::default()
            }
        )
        .len(),
        3
    );
    assert_eq!(
        select(
            &store,
            Filter {
                quad_class: Some(4),
                ..Filter::default()
            }
        )
        .len(),
        4
    );
    let mut march = select(
        &store,
        Filter {
            from: Some(day(2)),
            to: Some(day(9)),
            ..Filter::default()
        },
    );
    march.sort();
    assert_eq!(march, ["IRNMIL>USA 190", "OMN>IRN 042", "USA>IRN 163"]);
    assert_eq!(
        select(
            &store,
            Filter {
                outlet: s("ap"),
                ..Filter::default()
            }
        ),
        ["USAMIL>IRN 190", "IRN>USA 190"]
    );
    assert_eq!(
        select(
            &store,
            Filter {
                text: s("iranian"),
                ..Filter::default()
            }
        ),
        ["OMN>IRN 042", "USAMIL>IRN 190"]
    );
    assert!(
        select(
            &store,
            Filter {
                text: s("100%"),
                ..Filter::default()
            }
        )
        .is_empty()
    );
    assert_eq!(
        select(
            &store,
            Filter {
                limit: Some(2),
                ..Filter::default()
            }
        )
        .len(),
        2
    );
    assert_eq!(
        select(
            &store,
            Filter {
                disputed: Some(true),
                ..Filter::default()
            }
        )
        .len(),
        0
    );
    assert!(matches!(
        store.for_each_event(
            &Filter {
                country: s("US"),
                ..Filter::default()
            },
            |_| Ok::<(), Error>(())
        ),
        Err(Error::InvalidFilter(_))
    ));
}

#[test]
fn series_by_day_week_and_month() {
    let (_dir, store) = store();
    let point = |d: Date, events, goldstein: f64| SeriesPoint {
        period: d,
        events,
        mentions: events,
        goldstein_sum: goldstein,
        goldstein_mean: Some(goldstein / events as f64),
    };
    let months = store.series(&Filter::default(), Bucket::Month).unwrap();
    // Days 0–9 are March 2024 (3.5, -9, -9, 3.5), days 31 and 40 April (-9, -9).
    assert_eq!(
        months,
        vec![
            point(Date::new(2024, 3, 1).unwrap(), 4, -11.0),
            point(Date::new(2024, 4, 1).unwrap(), 2, -18.0),
        ]
    );
    // 2024-03-01 is a Friday: its week began on Monday 26 February.
    let weeks = store.series(&Filter::default(), Bucket::Week).unwrap();
    assert_eq!(weeks[0], point(Date::new(2024, 2, 26).unwrap(), 3, -14.5));
    assert_eq!(weeks[1].period, Date::new(2024, 3, 4).unwrap());
    let days = store
        .series(
            &Filter {
                root_code: Some("19".into()),
                ..Filter::default()
            },
            Bucket::Day,
        )
        .unwrap();
    assert_eq!(
        days.iter().map(|p| p.period).collect::<Vec<_>>(),
        vec![day(2), day(31), day(40)]
    );
    assert!(
        store
            .series(
                &Filter {
                    outlet: Some("nobody".into()),
                    ..Filter::default()
                },
                Bucket::Day
            )
            .unwrap()
            .is_empty()
    );
}

#[test]
fn stats_count_what_is_stored() {
    let (_dir, store) = store();
    let s = store.stats().unwrap();
    assert_eq!(
        (
            s.documents,
            s.duplicates,
            s.sentences,
            s.events,
            s.mentions,
            s.disputed,
            s.outlets
        ),
        (6, 0, 18, 6, 6, 0, 3)
    );
}
