//! Tests that need no data: training on a tiny hand-made treebank, saving and loading, robustness
//! and the span properties. Behaviour on real text is tested in `tests/ewt.rs`.

use proptest::prelude::*;
use std::sync::OnceLock;

use super::*;

const TINY: &str = "# newdoc id = d1
# text = I don't know Mr. Smith's plan.
1\tI\t_\t_\t_\t_\t_\t_\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\t_\t_\t_\t_\t_\t_\t_\t_
3\tn't\t_\t_\t_\t_\t_\t_\t_\t_
4\tknow\t_\t_\t_\t_\t_\t_\t_\t_
5\tMr.\t_\t_\t_\t_\t_\t_\t_\t_
6-7\tSmith's\t_\t_\t_\t_\t_\t_\t_\t_
6\tSmith\t_\t_\t_\t_\t_\t_\t_\t_
7\t's\t_\t_\t_\t_\t_\t_\t_\t_
8\tplan\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
9\t.\t_\t_\t_\t_\t_\t_\t_\t_

# text = It costs $5, (roughly).
1\tIt\t_\t_\t_\t_\t_\t_\t_\t_
2\tcosts\t_\t_\t_\t_\t_\t_\t_\t_
3\t$\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
4\t5\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
5\t,\t_\t_\t_\t_\t_\t_\t_\t_
6\t(\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
7\troughly\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
8\t)\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
9\t.\t_\t_\t_\t_\t_\t_\t_\t_

# newpar
# text = You cannot go
1-2\tcannot\t_\t_\t_\t_\t_\t_\t_\t_
1\tcan\t_\t_\t_\t_\t_\t_\t_\t_
2\tnot\t_\t_\t_\t_\t_\t_\t_\t_
3\tgo\t_\t_\t_\t_\t_\t_\t_\t_

";

fn tiny() -> &'static Tokenizer {
    static T: OnceLock<Tokenizer> = OnceLock::new();
    T.get_or_init(|| {
        let mut data = tacitus_conllu::parse_str(TINY).unwrap();
        // Shift the "You" of the last sentence into the MWT-free first position check.
        data[2].words.insert(0, tacitus_conllu::Word::new("You"));
        for m in &mut data[2].multiwords {
            m.first += 1;
            m.last += 1;
        }
        let many: Vec<_> = (0..20).flat_map(|_| data.clone()).collect();
        Tokenizer::train(&many)
    })
}

/// Surface forms of the tokens, per sentence.
fn surfaces(text: &str, out: &[SentenceSpan]) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    out.iter()
        .map(|s| {
            s.tokens
                .iter()
                .map(|t| chars[t.start..t.end].iter().collect())
                .collect()
        })
        .collect()
}

#[test]
fn learns_from_a_tiny_treebank() {
    let text = "I don't know Mr. Smith's plan. It costs $5, (roughly).\n\nYou cannot go";
    let out = tiny().split(text);
    let sents = surfaces(text, &out);
    // A blank line always ends a sentence; the rest is up to a model trained on three sentences.
    assert_eq!(sents.last().unwrap(), &["You", "cannot", "go"]);
    assert_eq!(
        sents.concat(),
        [
            "I", "don't", "know", "Mr.", "Smith's", "plan", ".", "It", "costs", "$", "5", ",", "(",
            "roughly", ")", ".", "You", "cannot", "go"
        ]
    );
    let dont = &out[0].tokens[1];
    assert_eq!(
        dont.words,
        vec![
            WordSpan {
                form: "do".into(),
                start: 2,
                end: 4
            },
            WordSpan {
                form: "n't".into(),
                start: 4,
                end: 7
            },
        ]
    );
    let forms: Vec<&str> = out[out.len() - 1].tokens[1]
        .words
        .iter()
        .map(|w| w.form.as_str())
        .collect();
    assert_eq!(forms, ["can", "not"]);
}

#[test]
fn save_and_load_give_the_same_tokenizer() {
    let dir = std::env::temp_dir().join(format!("tacitus-text-{}", std::process::id()));
    let path = dir.join("tok.bin");
    tiny().save(&path).unwrap();
    let back = Tokenizer::load(&path).unwrap();
    let text = "I don't know Mr. Smith's plan. You cannot go";
    assert_eq!(back.split(text), tiny().split(text));
    // Deterministic: saving again gives the same bytes.
    let bytes = std::fs::read(&path).unwrap();
    Tokenizer::train(&tacitus_conllu::parse_str(TINY).unwrap());
    back.save(&path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn training_is_deterministic() {
    let data = tacitus_conllu::parse_str(TINY).unwrap();
    let (a, b) = (Tokenizer::train(&data), Tokenizer::train(&data));
    assert_eq!(a.boundary, b.boundary);
    assert_eq!(a.sentence, b.sentence);
    assert_eq!(a.lexicon_words, b.lexicon_words);
    assert_eq!(a.splitter.to_parts(), b.splitter.to_parts());
}

#[test]
fn empty_and_blank_input() {
    assert!(tiny().split("").is_empty());
    assert!(tiny().split(" \n\n\t \u{a0}").is_empty());
    assert!(Tokenizer::train(&[]).split("a b. c").len() <= 2);
}

#[test]
fn sentences_are_capped() {
    let text = "word ".repeat(100_000);
    let out = tiny().split(&text);
    assert!(out.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    assert_eq!(out.iter().map(|s| s.tokens.len()).sum::<usize>(), 100_000);
}

#[test]
fn long_stretches_are_cut_into_pieces() {
    let text = "x".repeat(MAX_STRETCH * 3 + 7);
    let out = tiny().split(&text);
    let tokens: Vec<&TokenSpan> = out.iter().flat_map(|s| &s.tokens).collect();
    assert_eq!(tokens.len(), 4);
    assert!(tokens.iter().all(|t| t.end - t.start <= MAX_STRETCH));
    assert_eq!(tokens.last().map(|t| t.end), Some(text.len()));
}

#[test]
fn binary_junk_does_not_panic() {
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    check_spans(&text, &tiny().split(&text));
}

/// The span invariants every output must satisfy.
fn check_spans(text: &str, out: &[SentenceSpan]) {
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for s in out {
        assert!(!s.tokens.is_empty());
        assert_eq!(s.start, s.tokens[0].start);
        assert_eq!(s.end, s.tokens[s.tokens.len() - 1].end);
        for t in &s.tokens {
            assert!(t.start >= last_end && t.start < t.end && t.end <= chars.len());
            assert!(!chars[t.start..t.end].iter().any(|c| c.is_whitespace()));
            assert!(!t.words.is_empty());
            let mut word_end = t.start;
            for w in &t.words {
                assert!(w.start >= t.start && w.end <= t.end && w.start < w.end);
                let slice: String = chars[w.start..w.end].iter().collect();
                if w.end - w.start < t.end - t.start || t.words.len() == 1 {
                    // A word with its own part of the token: ordered, and its form is the slice.
                    assert!(w.start >= word_end);
                    assert_eq!(w.form, slice);
                    word_end = w.end;
                }
            }
            last_end = t.end;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_sound_on_any_text(text in "\\PC{0,80}") {
        check_spans(&text, &tiny().split(&text));
    }

    #[test]
    fn spans_are_sound_on_texty_strings(
        text in "([A-Za-z]{1,6}|[0-9]{1,4}|[ .,;:!?'\"()$%&/@-]|\u{2019}|\u{201c}|\u{201d}|\u{2014}|n't|'s|\n|  ){0,40}"
    ) {
        check_spans(&text, &tiny().split(&text));
    }
}

/// 50 MB on one line, words and punctuation without a single boundary-worthy gap; run with
/// `cargo test --release -p tacitus-text -- --ignored`.
#[test]
#[ignore = "slow in debug builds"]
fn fifty_megabytes_on_one_line() {
    let unit = "abc,def-ghi(jkl)\u{e9}\u{2019}s";
    let text = unit.repeat(50_000_000 / unit.len());
    let start = std::time::Instant::now();
    let out = tiny().split(&text);
    let secs = start.elapsed().as_secs_f64();
    assert!(out.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    let chars = text.chars().count();
    assert_eq!(out.last().map(|s| s.end), Some(chars));
    eprintln!("{:.1}M chars/s", chars as f64 / secs / 1e6);
}
