//! Sentence boundaries: after which tokens a sentence ends.
//!
//! Every token is a candidate; an averaged perceptron decides from the token, its neighbours,
//! their shapes and capitalisation, whether the token is a known abbreviation, the whitespace
//! after it (none, spaces, one line break) and the length of the sentence so far. Web and news
//! text often ends sentences without punctuation (headlines, datelines, sign-offs), which is why
//! this is learned rather than a rule about full stops. Two things are rules: a blank line always
//! ends a sentence, and a sentence is cut after [`MAX_SENTENCE_TOKENS`] tokens so that input
//! without boundaries cannot make unbounded sentences downstream.

use tacitus_perceptron::Feature;

use crate::chars::{BOS, EOS, class, fold, lexicon_key, shape};

/// Longest sentence, in tokens, before a boundary is forced.
pub const MAX_SENTENCE_TOKENS: usize = 500;

/// Tokens longer than this are described by their shape only.
const MAX_LEXICAL: usize = 20;

/// Whitespace between two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// The next token follows directly.
    None = 0,
    /// Spaces or tabs.
    Space = 1,
    /// One line break.
    Line = 2,
    /// Two or more line breaks: a paragraph break.
    Blank = 3,
}

impl Gap {
    /// Classifies the whitespace between two tokens.
    pub(crate) fn of(ws: impl Iterator<Item = char>) -> Gap {
        let mut gap = Gap::None;
        let mut newlines = 0;
        for c in ws {
            if c == '\n' || c == '\u{2029}' || c == '\u{85}' || c == '\u{2028}' {
                newlines += 1;
            }
            gap = Gap::Space;
        }
        match newlines {
            0 => gap,
            1 => Gap::Line,
            _ => Gap::Blank,
        }
    }
}

/// What the segmenter needs to know about one token, computed once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokInfo {
    word: u64,
    shape: u64,
    first: u64,
    last: u64,
    abbrev: bool,
    punct_only: bool,
    pub(crate) gap: Gap,
}

impl TokInfo {
    /// Describes a token (its characters) followed by `gap`.
    pub(crate) fn new(chars: &[char], gap: Gap, known: &impl Fn(u64) -> bool) -> TokInfo {
        let long = chars.len() > MAX_LEXICAL;
        let word = if long {
            shape(Feature::new(20), chars.iter().copied(), 6).finish()
        } else {
            chars
                .iter()
                .fold(Feature::new(21), |f, &c| f.int(fold(c) as u64))
                .finish()
        };
        let abbrev = !long
            && chars.len() > 1
            && chars.last() == Some(&'.')
            && chars.iter().any(|c| c.is_alphabetic())
            && {
                let lowered: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
                known(lexicon_key(&lowered))
            };
        TokInfo {
            word,
            shape: shape(Feature::new(22), chars.iter().copied(), 5).finish(),
            first: chars.first().map_or(EOS, |&c| class(c)),
            last: chars.last().map_or(BOS, |&c| class(c)),
            abbrev,
            punct_only: !chars.iter().any(|c| c.is_alphanumeric()),
            gap,
        }
    }
}

fn length_bucket(n: usize) -> u64 {
    match n {
        0..=3 => n as u64,
        4..=5 => 4,
        6..=10 => 5,
        11..=20 => 6,
        21..=40 => 7,
        _ => 8,
    }
}

/// Features of a sentence boundary after token `i`, the sentence so far having `since` tokens
/// before it.
pub(crate) fn features(toks: &[TokInfo], i: usize, since: usize, out: &mut Vec<u64>) {
    out.clear();
    let none = TokInfo {
        word: BOS,
        shape: BOS,
        first: EOS,
        last: BOS,
        abbrev: false,
        punct_only: false,
        gap: Gap::Space,
    };
    let t = toks[i];
    let prev = if i > 0 { toks[i - 1] } else { none };
    let next = toks.get(i + 1).copied().unwrap_or(none);
    let next2 = toks.get(i + 2).copied().unwrap_or(none);
    let g = t.gap as u64;
    out.push(Feature::new(0).int(g).finish());
    out.push(Feature::new(1).int(t.word).finish());
    out.push(Feature::new(2).int(next.word).finish());
    out.push(Feature::new(3).int(prev.word).int(t.word).finish());
    out.push(Feature::new(4).int(t.word).int(next.word).finish());
    out.push(Feature::new(5).int(t.shape).int(next.shape).finish());
    out.push(Feature::new(6).int(g).int(t.last).int(next.first).finish());
    out.push(Feature::new(7).int(g).int(t.shape).finish());
    out.push(
        Feature::new(8)
            .int(u64::from(t.abbrev))
            .int(next.first)
            .int(g)
            .finish(),
    );
    out.push(
        Feature::new(9)
            .int(length_bucket(since + 1))
            .int(u64::from(t.punct_only))
            .finish(),
    );
    out.push(
        Feature::new(10)
            .int(prev.shape)
            .int(t.word)
            .int(next.shape)
            .finish(),
    );
    out.push(Feature::new(11).int(t.word).int(next.first).int(g).finish());
    out.push(Feature::new(12).int(next.word).int(next2.first).finish());
    out.push(
        Feature::new(13)
            .int(prev.last)
            .int(t.word)
            .int(next.first)
            .finish(),
    );
    out.push(
        Feature::new(14)
            .int(g)
            .int(next.shape)
            .int(prev.gap as u64)
            .finish(),
    );
    out.push(
        Feature::new(15)
            .int(t.word)
            .int(next.word)
            .int(next2.first)
            .finish(),
    );
}
