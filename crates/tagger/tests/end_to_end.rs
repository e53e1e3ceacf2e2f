//! End-to-end checks on UD English EWT: learning, model files, and robustness to odd input.
//!
//! The treebank is read from `$TACITUS_DATA` or `../shared/data` next to the workspace; tests that
//! need it print a message and pass when it is missing.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use tacitus_conllu::{Reader, Sentence, Word};
use tacitus_tagger::{Tagger, TrainOptions};

fn data_file(name: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("TACITUS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let path = dir.join("ud-english-ewt").join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: {} not found", path.display());
        None
    }
}

fn read(path: &Path, limit: usize) -> Vec<Sentence> {
    let mut r = Reader::new(BufReader::new(File::open(path).unwrap()));
    let mut out = Vec::new();
    while out.len() < limit {
        match r.next_sentence().unwrap() {
            Some(s) => out.push(s),
            None => break,
        }
    }
    out
}

fn small_model() -> Option<(Tagger, Vec<Sentence>, Vec<Sentence>)> {
    let train = read(&data_file("train.conllu")?, 300);
    let dev = read(&data_file("dev.conllu")?, usize::MAX);
    let opts = TrainOptions::default();
    let mut calls = 0;
    let tagger = Tagger::train(&train, &opts, &mut |done, total| {
        calls += 1;
        assert_eq!((done, total), (calls, opts.iterations));
    });
    assert_eq!(calls, opts.iterations);
    Some((tagger, train, dev))
}

fn tag_all(tagger: &Tagger, sentences: &[Sentence]) -> Vec<Sentence> {
    sentences
        .iter()
        .map(|s| {
            let mut s = s.clone();
            for w in &mut s.words {
                (w.upos, w.xpos) = ("_".into(), "_".into());
            }
            tagger.tag(&mut s);
            s
        })
        .collect()
}

fn accuracy(gold: &[Sentence], guess: impl Fn(&Word) -> String) -> f64 {
    let words: Vec<&Word> = gold.iter().flat_map(|s| &s.words).collect();
    let right = words.iter().filter(|w| guess(w) == w.upos).count();
    right as f64 / words.len() as f64
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("tacitus-tagger-{}-{name}", std::process::id()))
}

#[test]
fn learns_well_above_the_most_frequent_tag_baseline_and_round_trips() {
    let Some((tagger, train, dev)) = small_model() else {
        return;
    };
    // Baseline: each word's most frequent training UPOS, else the most frequent UPOS overall.
    let mut by_word: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    let mut overall: HashMap<&str, usize> = HashMap::new();
    for w in train.iter().flat_map(|s| &s.words) {
        *by_word
            .entry(&w.form)
            .or_default()
            .entry(&w.upos)
            .or_default() += 1;
        *overall.entry(&w.upos).or_default() += 1;
    }
    let top = |m: &HashMap<&str, usize>| {
        m.iter()
            .max_by_key(|&(t, n)| (*n, std::cmp::Reverse(*t)))
            .map(|(t, _)| t.to_string())
            .unwrap()
    };
    let fallback = top(&overall);
    let baseline = accuracy(&dev, |w| {
        by_word.get(w.form.as_str()).map_or(fallback.clone(), top)
    });

    let tagged = tag_all(&tagger, &dev);
    let (mut right, mut total) = (0, 0);
    for (g, t) in dev.iter().zip(&tagged) {
        total += g.words.len();
        right += g
            .words
            .iter()
            .zip(&t.words)
            .filter(|(g, t)| g.upos == t.upos)
            .count();
    }
    let acc = right as f64 / total as f64;
    eprintln!("dev UPOS {acc:.4}, most-frequent-tag baseline {baseline:.4}");
    assert!(acc > baseline + 0.05, "{acc} vs baseline {baseline}");
    // Every word gets a UPOS and an XPOS from the tag set.
    assert!(
        tagged
            .iter()
            .flat_map(|s| &s.words)
            .all(|w| w.upos != "_" && w.xpos != "_")
    );

    let path = tmp("roundtrip.model");
    tagger.save(&path).unwrap();
    let back = Tagger::load(&path).unwrap();
    assert_eq!(back, tagger);
    assert_eq!(tag_all(&back, &dev[..200]), tag_all(&tagger, &dev[..200]));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn training_is_deterministic_to_the_byte() {
    let Some(path) = data_file("train.conllu") else {
        return;
    };
    let train = read(&path, 100);
    let opts = TrainOptions {
        iterations: 3,
        ..TrainOptions::default()
    };
    let (a, b) = (tmp("det-a.model"), tmp("det-b.model"));
    Tagger::train(&train, &opts, &mut |_, _| {})
        .save(&a)
        .unwrap();
    Tagger::train(&train, &opts, &mut |_, _| {})
        .save(&b)
        .unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    for p in [a, b] {
        std::fs::remove_file(p).unwrap();
    }
}

fn toy_tagger() -> Tagger {
    let text = "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\t_\n\n";
    let train = tacitus_conllu::parse_str(text).unwrap();
    Tagger::train(&train, &TrainOptions::default(), &mut |_, _| {})
}

#[test]
fn corrupt_or_foreign_model_files_are_errors() {
    let tagger = toy_tagger();
    let path = tmp("corrupt.model");
    tagger.save(&path).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    std::fs::write(&path, &bytes).unwrap();
    assert!(Tagger::load(&path).is_err());
    bytes.truncate(40);
    std::fs::write(&path, &bytes).unwrap();
    assert!(Tagger::load(&path).is_err());
    std::fs::write(&path, b"not a model").unwrap();
    assert!(Tagger::load(&path).is_err());
    // A well-formed file of another kind is refused too.
    tacitus_modelfile::save(&path, "tagger", 1, &(1u32, "x".to_string())).unwrap();
    assert!(Tagger::load(&path).is_err());
    assert!(Tagger::load(&tmp("missing.model")).is_err());
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn odd_input_does_not_panic() {
    let tagger = toy_tagger();
    let mut empty = Sentence::default();
    tagger.tag(&mut empty);
    assert!(empty.words.is_empty());

    let junk = [
        "",
        "\u{0}",
        "ǅ",
        "🙂🙂🙂",
        "-",
        "x".repeat(5000).as_str(),
        "İ",
        "1,2.3",
    ]
    .map(str::to_string);
    let mut big = Sentence {
        words: (0..100_000)
            .map(|i| Word::new(junk[i % junk.len()].clone()))
            .collect(),
        ..Sentence::default()
    };
    tagger.tag(&mut big);
    assert!(
        big.words
            .iter()
            .all(|w| ["DET", "NOUN", "VERB"].contains(&w.upos.as_str()))
    );
}
