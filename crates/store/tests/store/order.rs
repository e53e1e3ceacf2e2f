//! The dataset is a function of the set of stored articles: any order, any batches, any
//! repetition give byte-identical events, mentions and disputes.

use proptest::prelude::*;
use tacitus_dataset::CodedArticle;
use tacitus_store::{Options, Store};

use crate::common::{Dump, Report, article, dump, prose};

// Few actors and codes, so that articles often share event keys and disputes arise.
const ACTORS: [&str; 4] = ["IRN", "USA", "USASPY", ""];
const CODES: [&str; 2] = ["036", "190"];
/// Story seeds: in the first two, variants 0 and 2 are not near-duplicates but 1 is near
/// both; in the last all three are near one another.
const STORIES: [u64; 3] = [0, 3, 14];
const OUTLETS: [&str; 4] = ["reuters", "bbc", "irna", "ap"];

/// An article to generate: its story and variant (variants of one story overlap: 0 and 2
/// are too far apart to be near-duplicates, 1 is near both, so it can merge their
/// clusters), outlet, day, hour and reports (sentence, source, target, code, negated).
#[derive(Debug, Clone)]
struct Spec {
    story: usize,
    variant: usize,
    outlet: usize,
    day: i64,
    hour: u32,
    reports: Vec<(usize, usize, usize, usize, bool)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        0usize..3,
        0usize..3,
        0usize..4,
        0i64..6,
        0u32..24,
        prop::collection::vec(
            (0usize..9, 0usize..4, 0usize..4, 0usize..2, any::<bool>()),
            1..5,
        ),
    )
        .prop_map(|(story, variant, outlet, day, hour, reports)| Spec {
            story,
            variant,
            outlet,
            day,
            hour,
            reports,
        })
}

fn build(i: usize, s: &Spec) -> CodedArticle {
    let words = prose(STORIES[s.story], 180);
    let words: Vec<&str> = words.split(' ').skip(10 * s.variant).take(160).collect();
    let sentences: Vec<String> = words
        .chunks(20)
        .map(|c| format!("{}.", c.join(" ")))
        .collect();
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let reports: Vec<Report> = s
        .reports
        .iter()
        .map(|&(sentence, src, tgt, code, negated)| Report {
            sentence,
            source: Some(ACTORS[src])
                .filter(|a| !a.is_empty())
                .map(str::to_string),
            target: Some(ACTORS[tgt])
                .filter(|a| !a.is_empty())
                .map(str::to_string),
            code: CODES[code].to_string(),
            negated: negated && sentence == 8,
        })
        .collect();
    let mut a = article(
        OUTLETS[s.outlet],
        s.day,
        s.hour,
        "Report",
        &[&refs[..2], &refs[2..4], &refs[4..]],
        &reports,
    );
    // One headline for all, so that copies differ only in their variant; the id makes
    // each article its own.
    a.article.id = Some(i.to_string());
    a.hash = a.article.hash();
    a
}

/// A reproducible shuffle.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        items.swap(i, (seed % (i as u64 + 1)) as usize);
    }
}

/// A fresh store with `window`, filled batch by batch.
fn fill(window: u32, batches: &[&[CodedArticle]]) -> (tempfile::TempDir, Dump) {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        window_days: Some(window),
    };
    let mut store = Store::open_with(dir.path().join("events.db"), options).unwrap();
    for b in batches {
        store.insert(b).unwrap();
    }
    let d = dump(&store);
    (dir, d)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn any_order_and_batching_gives_the_same_dataset(
        specs in prop::collection::vec(spec(), 1..24),
        seed in 1u64..,
        window in 0u32..3,
        cuts in prop::collection::vec(any::<usize>(), 0..4),
    ) {
        let mut articles: Vec<CodedArticle> =
            specs.iter().enumerate().map(|(i, s)| build(i, s)).collect();
        articles.push(articles[0].clone());
        let (_a, together) = fill(window, &[&articles]);
        prop_assert!(!together.events.is_empty());

        let mut shuffled = articles.clone();
        shuffle(&mut shuffled, seed);
        let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (shuffled.len() + 1)).collect();
        cuts.push(0);
        cuts.push(shuffled.len());
        cuts.sort_unstable();
        let mut batches: Vec<&[CodedArticle]> =
            cuts.windows(2).map(|w| &shuffled[w[0]..w[1]]).collect();
        batches.push(&articles);
        let (_b, split) = fill(window, &batches);
        prop_assert_eq!(&together.stats, &split.stats);
        prop_assert_eq!(together.json(), split.json());

        let reversed: Vec<&[CodedArticle]> =
            articles.iter().rev().map(std::slice::from_ref).collect();
        let (_c, one_by_one) = fill(window, &reversed);
        prop_assert_eq!(&together.stats, &one_by_one.stats);
        prop_assert_eq!(together.json(), one_by_one.json());
    }
}

#[test]
fn variants_bridge_clusters() {
    let signature = |story, variant| {
        let s = Spec {
            story,
            variant,
            outlet: 0,
            day: 0,
            hour: 0,
            reports: vec![(0, 0, 1, 0, false)],
        };
        tacitus_dedup::Signature::of(&build(variant, &s).text).unwrap()
    };
    let near = |story, a, b| {
        signature(story, a).similarity(&signature(story, b)) >= tacitus_dedup::NEAR_DUPLICATE
    };
    for story in 0..2 {
        assert!(near(story, 0, 1) && near(story, 1, 2) && !near(story, 0, 2));
    }
    assert!(near(2, 0, 1) && near(2, 1, 2) && near(2, 0, 2));
}
