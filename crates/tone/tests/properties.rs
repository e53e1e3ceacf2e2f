//! Scoring is total: any text gives finite scores in their documented ranges, deterministically.

use proptest::prelude::*;
use tacitus_tone::{DocumentTone, Lexicon, SentenceTone};

/// A small lexicon whose words the generated texts use often.
const LEX: &str =
    "good\t1.9\nbad\t-2.5\nno\t-1.2\nkind\t2.4\ndoubt\t-1.5\n:)\t2.0\nmax\t4.0\nmin\t-4.0\n";

/// Tokens that exercise every rule.
const WORDS: &[&str] = &[
    "good",
    "GOOD",
    "bad",
    "BAD",
    "no",
    "NO",
    "not",
    "never",
    "so",
    "this",
    "very",
    "VERY",
    "extremely",
    "barely",
    "kind",
    "of",
    "sort",
    "least",
    "at",
    "but",
    "without",
    "doubt",
    "isn't",
    "nor",
    "or",
    "max",
    "MAX",
    "min",
    ":)",
    "!",
    "??",
    "!!!!",
    "the",
    "\u{201c}good\u{201d}",
];

fn check_sentence(t: SentenceTone) {
    for x in [t.compound, t.positive, t.negative, t.neutral] {
        assert!(x.is_finite(), "{t:?}");
    }
    assert!((-1.0..=1.0).contains(&t.compound), "{t:?}");
    for x in [t.positive, t.negative, t.neutral] {
        assert!((0.0..=1.0).contains(&x), "{t:?}");
    }
    let sum = t.positive + t.negative + t.neutral;
    assert!(sum == 0.0 || (sum - 1.0).abs() < 1e-5, "{t:?}");
}

fn check_document(d: DocumentTone) {
    for x in [d.tone, d.positive, d.negative, d.polarity] {
        assert!(x.is_finite(), "{d:?}");
    }
    assert!((-100.0..=100.0).contains(&d.tone), "{d:?}");
    for x in [d.positive, d.negative, d.polarity] {
        assert!((0.0..=100.0 + 1e-3).contains(&x), "{d:?}");
    }
    if d.words == 0 {
        assert_eq!(d, DocumentTone::default());
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*", more in "\\PC*") {
        let lex = Lexicon::from_vader(LEX).unwrap();
        let t = lex.sentence(&text);
        check_sentence(t);
        prop_assert_eq!(t, lex.sentence(&text));
        check_document(lex.document([text.as_str(), more.as_str()]));
    }

    #[test]
    fn rule_words_stay_in_range(
        words in prop::collection::vec(prop::sample::select(WORDS), 0..200),
    ) {
        let lex = Lexicon::from_vader(LEX).unwrap();
        let text = words.join(" ");
        check_sentence(lex.sentence(&text));
        let d = lex.document(words.iter().copied());
        check_document(d);
        prop_assert_eq!(d, lex.document(words.iter().copied()));
    }

    #[test]
    fn arbitrary_lexicon_text_never_panics(text in "\\PC*") {
        if let Ok(lex) = Lexicon::from_vader(&text) {
            check_sentence(lex.sentence(&text));
        }
    }
}
