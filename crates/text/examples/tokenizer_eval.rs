//! Measures the tokenizer on raw text: trains on a treebank's train split, splits the raw text of
//! its dev split (as the CoNLL 2018 shared task built it) and scores tokens, sentences and words
//! with the shared-task metrics, plus speed.
//!
//! Usage: `cargo run --release -p tacitus-text --example tokenizer_eval -- [TRAIN.conllu] [DEV.conllu]`
//! (defaults: UD English EWT under /work/shared/data).

use std::time::Instant;

use tacitus_conllu::{MultiwordToken, Sentence, Word, parse_str};
use tacitus_text::{SentenceSpan, Tokenizer};

fn read(path: &str) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Sentences of words only (no annotation), as CoNLL-U types.
fn to_conllu(text: &str, spans: &[SentenceSpan]) -> Vec<Sentence> {
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    spans
        .iter()
        .map(|s| {
            let mut out = Sentence::default();
            for t in &s.tokens {
                if t.words.len() > 1 {
                    out.multiwords.push(MultiwordToken {
                        first: out.words.len() + 1,
                        last: out.words.len() + t.words.len(),
                        form: text[byte_at[t.start]..byte_at[t.end]].to_string(),
                        misc: "_".to_string(),
                    });
                }
                out.words
                    .extend(t.words.iter().map(|w| Word::new(w.form.clone())));
            }
            out
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = "/work/shared/data/ud-english-ewt";
    let train_path = args
        .get(1)
        .cloned()
        .unwrap_or(format!("{data}/train.conllu"));
    let dev_path = args.get(2).cloned().unwrap_or(format!("{data}/dev.conllu"));
    let train = read(&train_path);
    let t0 = Instant::now();
    let tok = Tokenizer::train(&train);
    eprintln!("trained in {:.1}s", t0.elapsed().as_secs_f64());
    let gold = read(&dev_path);
    let raw = tacitus_eval::raw_text(&gold);
    let reps = 5;
    let t0 = Instant::now();
    let mut spans = Vec::new();
    for _ in 0..reps {
        spans = tok.split(&raw);
    }
    let secs = t0.elapsed().as_secs_f64() / reps as f64;
    let pred = to_conllu(&raw, &spans);
    let s = tacitus_eval::score_raw(&gold, &pred).expect("same text");
    println!(
        "tokens F1 {:.2}  sentences F1 {:.2}  words F1 {:.2}  speed {:.2}M chars/s",
        s.tokens_f1,
        s.sentences_f1,
        s.words_f1,
        raw.chars().count() as f64 / secs / 1e6
    );
    if std::env::var_os("DUMP").is_some() {
        std::fs::write("/tmp/pred.conllu", tacitus_conllu::write_str(&pred)).ok();
    }
}
