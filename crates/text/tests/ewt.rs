//! Behaviour on news and web English with the tokenizer trained on UD English EWT.
//!
//! Data directory: `$TACITUS_DATA` or `../shared/data` relative to the workspace root; the tests
//! are skipped (with a message) when the treebank is not there.

use std::path::PathBuf;
use std::sync::OnceLock;

use tacitus_text::{SentenceSpan, Tokenizer};

fn ewt() -> Option<&'static Tokenizer> {
    static T: OnceLock<Option<Tokenizer>> = OnceLock::new();
    T.get_or_init(|| {
        let data = std::env::var("TACITUS_DATA").map_or_else(
            |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
            PathBuf::from,
        );
        let path = data.join("ud-english-ewt/train.conllu");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping: {} not found (set TACITUS_DATA)", path.display());
            return None;
        };
        Some(Tokenizer::train(
            &tacitus_conllu::parse_str(&text).expect("valid CoNLL-U"),
        ))
    })
    .as_ref()
}

/// Token surfaces per sentence, with `+` joining the words of multiword tokens.
fn analyse(text: &str) -> Option<Vec<Vec<String>>> {
    let out: Vec<SentenceSpan> = ewt()?.split(text);
    let chars: Vec<char> = text.chars().collect();
    Some(
        out.iter()
            .map(|s| {
                s.tokens
                    .iter()
                    .map(|t| {
                        let surface: String = chars[t.start..t.end].iter().collect();
                        if t.words.len() == 1 {
                            surface
                        } else {
                            t.words
                                .iter()
                                .map(|w| w.form.as_str())
                                .collect::<Vec<_>>()
                                .join("+")
                        }
                    })
                    .collect()
            })
            .collect(),
    )
}

/// Asserts the tokens of `text`, all sentences together, written space-separated.
fn tokens(text: &str, want: &str) {
    let Some(got) = analyse(text) else { return };
    assert_eq!(got.concat().join(" "), want, "{text:?}");
}

/// Asserts the sentences of `text`, written as their tokens space-separated.
fn sentences(text: &str, want: &[&str]) {
    let Some(got) = analyse(text) else { return };
    let got: Vec<String> = got.iter().map(|s| s.join(" ")).collect();
    assert_eq!(got, want, "{text:?}");
}

#[test]
fn contractions_are_multiword_tokens() {
    tokens("I don't know.", "I do+n't know .");
    tokens("We can't, they won't.", "We ca+n't , they wo+n't .");
    tokens(
        "You cannot go, I'm gonna stay.",
        "You can+not go , I+'m gon+na stay .",
    );
    tokens("They’re here and it’s fine", "They+’re here and it+’s fine");
    let Some(t) = ewt() else { return };
    let s = t.split("I don't");
    let w = &s[0].tokens[1].words;
    assert_eq!((w[0].start, w[0].end, w[1].start, w[1].end), (2, 4, 4, 7));
}

#[test]
fn possessives_are_split() {
    tokens(
        "Bush's plan and the parents' car",
        "Bush+'s plan and the parents+' car",
    );
    tokens("Iran’s nuclear programme", "Iran+’s nuclear programme");
}

#[test]
fn abbreviations_and_titles() {
    sentences(
        "Gen. Smith met Mr. Jones of Acme Inc. on Jan. 5 in the U.S. capital.",
        &["Gen. Smith met Mr. Jones of Acme Inc. on Jan. 5 in the U.S. capital ."],
    );
    tokens("Dr. No, i.e. a film.", "Dr. No , i.e. a film .");
}

#[test]
fn hyphens_follow_ewt() {
    tokens("al-Qaeda", "al - Qaeda");
    tokens("a follow-up e-mail", "a follow - up e-mail");
}

#[test]
fn news_datelines() {
    // The dateline is a sentence of its own, so the story's first clause gets its own tree.
    sentences(
        "TEHRAN, June 14 (Reuters) - Iran said on Sunday it would not stop.",
        &[
            "TEHRAN , June 14 ( Reuters ) -",
            "Iran said on Sunday it would not stop .",
        ],
    );
}

#[test]
fn quotes_dashes_and_ellipsis() {
    tokens(
        "\"We will win,\" he said -- and left...",
        "\" We will win , \" he said -- and left ...",
    );
    tokens(
        "“Yes,” she said — then ‘maybe’ – no…",
        "“ Yes , ” she said — then ‘ maybe ’ – no …",
    );
}

#[test]
fn numbers_and_money() {
    tokens(
        "It cost $5 or 1,000.50 euros, up 3.5% on 12/03/2001.",
        "It cost $ 5 or 1,000.50 euros , up 3.5 % on 12/03/2001 .",
    );
}

#[test]
fn urls_emails_and_emoticons() {
    tokens(
        "See http://www.example.com/a?b=c. Or mail john.doe@example.com :)",
        "See http://www.example.com/a?b=c . Or mail john.doe@example.com :)",
    );
    tokens("(www.reuters.com)", "( www.reuters.com )");
}

#[test]
fn sentence_boundaries() {
    sentences(
        "He left. She stayed! Did they? Yes.",
        &["He left .", "She stayed !", "Did they ?", "Yes ."],
    );
    sentences(
        "Iran warns Israel\n\nIran warned Israel on Sunday.",
        &["Iran warns Israel", "Iran warned Israel on Sunday ."],
    );
}

#[test]
fn offsets_point_into_the_text() {
    let Some(t) = ewt() else { return };
    let text = "«Zürich» — naïve café's “test”. Ünïcödé's fine!";
    let chars: Vec<char> = text.chars().collect();
    for s in t.split(text) {
        for tok in &s.tokens {
            for w in &tok.words {
                let slice: String = chars[w.start..w.end].iter().collect();
                assert_eq!(w.form, slice);
            }
        }
    }
}
