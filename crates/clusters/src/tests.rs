//! Unit tests: determinism, clustering of words in similar contexts, lookup and model files.

use super::*;

/// A tiny corpus where animals and verbs fill fixed slots of the same sentence frames.
fn corpus() -> Vec<Vec<String>> {
    let animals = ["cat", "dog", "horse", "cow", "goat"];
    let verbs = ["eats", "sees", "likes", "chases"];
    let things = ["grass", "bread", "rice", "fish"];
    let mut out = Vec::new();
    for (i, a) in animals.iter().enumerate() {
        for (j, v) in verbs.iter().enumerate() {
            let t = things[(i + j) % things.len()];
            let s = format!("the {a} {v} some {t} .");
            out.push(s.split(' ').map(String::from).collect());
            let s = format!("a big {a} often {v} the {t} today .");
            out.push(s.split(' ').map(String::from).collect());
        }
    }
    out
}

fn opts() -> ClusterOptions {
    ClusterOptions {
        sizes: vec![4, 8],
        min_count: 2,
        max_passes: 20,
    }
}

#[test]
fn training_is_deterministic() {
    let a = WordClusters::train(&corpus(), &opts());
    let b = WordClusters::train(&corpus(), &opts());
    assert_eq!(a, b);
    assert!(a.is_consistent());
    assert_eq!(a.sizes(), &[4, 8]);
}

#[test]
fn words_in_similar_contexts_share_a_cluster() {
    let c = WordClusters::train(&corpus(), &opts());
    let fine = |w: &str| c.path(w).map(|p| p[1]);
    let cat = fine("cat");
    assert!(cat.is_some());
    for w in ["dog", "horse", "cow", "goat"] {
        assert_eq!(fine(w), cat, "{w}");
    }
    let eats = fine("eats");
    for w in ["sees", "likes", "chases"] {
        assert_eq!(fine(w), eats, "{w}");
    }
    assert_ne!(cat, eats);
    assert_ne!(fine("grass"), eats);
    assert_ne!(fine("grass"), cat);
}

#[test]
fn lookup_normalizes_and_skips_rare_words() {
    let mut sents = corpus();
    sents.push(vec!["In".into(), "1999".into(), "unique".into()]);
    sents.push(vec!["in".into(), "2024".into()]);
    let c = WordClusters::train(&sents, &opts());
    assert_eq!(c.path("CAT"), c.path("cat"));
    assert!(c.path("0000").is_some());
    assert_eq!(c.path("1985"), c.path("0000"));
    assert_eq!(c.path("IN"), c.path("in"));
    assert!(c.path("unique").is_none());
    assert!(c.path("").is_none());
    assert!(c.path("ÉCOLE\u{0}").is_none());
    assert_eq!(normalize("Ab12"), "ab00");
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let empty = WordClusters::train(&[], &ClusterOptions::default());
    assert!(empty.is_empty());
    assert!(empty.path("the").is_none());
    let one = vec![vec!["x".to_string()]; 3];
    let odd = ClusterOptions {
        sizes: vec![0, 1, 100_000],
        min_count: 0,
        max_passes: 3,
    };
    let c = WordClusters::train(&one, &odd);
    assert_eq!(c.len(), 1);
    assert_eq!(c.path("x"), Some(&[0u16, 0, 0][..]));
    assert!(WordClusters::train(&[vec![]], &odd).is_empty());
}

#[test]
fn save_load_round_trip() {
    let c = WordClusters::train(&corpus(), &opts());
    let dir = std::env::temp_dir().join(format!("tacitus-clusters-{}", std::process::id()));
    let path = dir.join("clusters.bin");
    c.save(&path).unwrap();
    assert_eq!(WordClusters::load(&path).unwrap(), c);
    std::fs::write(&path, b"not a model").unwrap();
    assert!(WordClusters::load(&path).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

