//! End-to-end checks on a slice of UD English EWT: accuracy well above a trivial baseline,
//! save/load round trip, determinism, and robustness on empty and very long sentences.
//!
//! Data directory: `$TACITUS_DATA` or `../shared/data` relative to the workspace root; the tests
//! that need it print a message and pass when it is missing.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

use tacitus_conllu::{Reader, Sentence, Word};
use tacitus_parser::{Parser, TrainOptions};

fn ewt(file: &str) -> Option<Vec<Sentence>> {
    let data = std::env::var("TACITUS_DATA").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
        PathBuf::from,
    );
    let path = data.join("ud-english-ewt").join(file);
    let Ok(f) = std::fs::File::open(&path) else {
        eprintln!("skipping: {} not found (set TACITUS_DATA)", path.display());
        return None;
    };
    let mut r = Reader::new(std::io::BufReader::new(f));
    let mut out = Vec::new();
    while let Some(s) = r.next_sentence().expect("valid CoNLL-U") {
        out.push(s);
    }
    Some(out)
}

fn options() -> TrainOptions {
    TrainOptions {
        iterations: 4,
        ..TrainOptions::default()
    }
}

/// The parser trained on the first 300 training sentences, and the dev set.
fn trained() -> Option<&'static (Parser, Vec<Sentence>)> {
    static CELL: OnceLock<Option<(Parser, Vec<Sentence>)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut train = ewt("train.conllu")?;
        train.truncate(300);
        let dev = ewt("dev.conllu")?;
        Some((Parser::train(&train, &options(), &mut |_, _| {}), dev))
    })
    .as_ref()
}

fn stripped(s: &Sentence) -> Sentence {
    let mut s = s.clone();
    for w in &mut s.words {
        w.head = None;
        w.deprel = "_".into();
    }
    s
}

fn assert_tree(s: &Sentence) {
    let n = s.words.len();
    let heads: Vec<usize> = s.words.iter().map(|w| w.head.expect("head set")).collect();
    assert_eq!(
        heads.iter().filter(|&&h| h == 0).count(),
        usize::from(n > 0)
    );
    for start in 1..=n {
        let (mut x, mut steps) = (start, 0);
        while x != 0 {
            assert!(heads[x - 1] <= n, "head out of range");
            x = heads[x - 1];
            steps += 1;
            assert!(steps <= n, "cycle through word {start}");
        }
    }
    assert!(
        s.words
            .iter()
            .all(|w| !w.deprel.is_empty() && w.deprel != "_")
    );
}

#[test]
fn beats_attach_to_previous_word_by_far() {
    let Some((parser, dev)) = trained() else {
        return;
    };
    let (mut total, mut correct, mut baseline) = (0usize, 0usize, 0usize);
    for g in dev {
        let mut p = stripped(g);
        parser.parse(&mut p);
        assert_tree(&p);
        for (i, (gw, pw)) in g.words.iter().zip(&p.words).enumerate() {
            total += 1;
            correct += usize::from(gw.head == pw.head);
            baseline += usize::from(gw.head == Some(i));
        }
    }
    let (uas, base) = (
        correct as f64 / total as f64,
        baseline as f64 / total as f64,
    );
    eprintln!("UAS {uas:.3} vs attach-to-previous {base:.3}");
    assert!(uas > base + 0.25, "UAS {uas:.3}, baseline {base:.3}");
}

#[test]
fn save_load_round_trip_and_deterministic_training() {
    let Some((parser, dev)) = trained() else {
        return;
    };
    let dir = std::env::temp_dir();
    let a = dir.join(format!(
        "tacitus-parser-test-{}-a.model",
        std::process::id()
    ));
    let b = dir.join(format!(
        "tacitus-parser-test-{}-b.model",
        std::process::id()
    ));
    parser.save(&a).unwrap();
    let loaded = Parser::load(&a).unwrap();
    assert_eq!(&loaded, parser);
    for g in dev.iter().take(200) {
        let (mut x, mut y) = (stripped(g), stripped(g));
        parser.parse(&mut x);
        loaded.parse(&mut y);
        assert_eq!(x, y);
    }
    let mut train = ewt("train.conllu").unwrap();
    train.truncate(300);
    Parser::train(&train, &options(), &mut |_, _| {})
        .save(&b)
        .unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let _ = std::fs::remove_file(&a);
    let _ = std::fs::remove_file(&b);
}

fn tiny_parser() -> Parser {
    let text = "1\tDogs\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tbark\t_\tVERB\tVBP\t_\t0\troot\t_\t_\n3\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    let train = tacitus_conllu::parse_str(text).unwrap();
    Parser::train(&train, &TrainOptions::default(), &mut |_, _| {})
}

fn long_sentence(n: usize) -> Sentence {
    let mut s = Sentence::default();
    let forms = ["the", "dog", "barked", "at", "cats", ",", "and", "ran", "."];
    let tags = [
        "DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT", "CCONJ", "VERB", "PUNCT",
    ];
    for i in 0..n {
        let mut w = Word::new(forms[i % forms.len()]);
        w.upos = tags[i % tags.len()].into();
        s.words.push(w);
    }
    s
}

#[test]
fn empty_untagged_and_very_long_sentences() {
    let parser = match trained() {
        Some((p, _)) => p.clone(),
        None => tiny_parser(),
    };
    let mut empty = Sentence::default();
    parser.parse(&mut empty);
    assert!(empty.words.is_empty());

    let mut untagged = Sentence {
        words: ["", "_", "x\u{301}", "ÉTÉ"].map(Word::new).to_vec(),
        ..Sentence::default()
    };
    parser.parse(&mut untagged);
    assert_tree(&untagged);

    let mut timings = Vec::new();
    for n in [10_000, 100_000] {
        let mut s = long_sentence(n);
        let t = Instant::now();
        parser.parse(&mut s);
        timings.push(t.elapsed().as_secs_f64());
        assert_tree(&s);
    }
    // Linear time: ten times the words takes about ten times as long (quadratic would be 100).
    assert!(
        timings[1] < 40.0 * timings[0] + 0.5,
        "not linear: {timings:?}"
    );
}

#[test]
fn degenerate_training_data_and_bad_model_files() {
    // No usable sentence: the parser still produces trees.
    let mut broken = long_sentence(5);
    broken.words[0].head = Some(99);
    let parser = Parser::train(&[broken], &TrainOptions::default(), &mut |_, _| {});
    let mut s = long_sentence(30);
    parser.parse(&mut s);
    assert_tree(&s);

    let path =
        std::env::temp_dir().join(format!("tacitus-parser-bad-{}.model", std::process::id()));
    std::fs::write(&path, b"not a model").unwrap();
    assert!(Parser::load(&path).is_err());
    let _ = std::fs::remove_file(&path);
    assert!(Parser::load(&path).is_err());
}

/// Parsers of several seeds, trained on parallel threads, merge into one model that is the same
/// on every run and still parses well above the baseline.
#[test]
fn seed_ensemble_is_deterministic() {
    let Some((single, dev)) = trained() else {
        return;
    };
    let Some(mut train) = ewt("train.conllu") else {
        return;
    };
    train.truncate(300);
    let opts = TrainOptions {
        ensemble: 2,
        ..options()
    };
    let a = Parser::train(&train, &opts, &mut |_, _| {});
    let b = Parser::train(&train, &opts, &mut |_, _| {});
    assert_eq!(a, b);
    assert_ne!(&a, single);
    let (mut correct, mut total) = (0usize, 0usize);
    for g in dev.iter().take(300) {
        let mut p = stripped(g);
        a.parse(&mut p);
        for (gw, pw) in g.words.iter().zip(&p.words) {
            total += 1;
            correct += usize::from(gw.head == pw.head);
        }
    }
    let uas = correct as f64 / total as f64;
    assert!(uas > 0.6, "ensemble UAS {uas:.3}");
}
