//! Tokenizer and sentence segmenter for news English that keeps character offsets.
//!
//! Everything downstream (tagger, parser, event coder) works on sentences of syntactic words, and
//! what it finds must point back into the original article, so every token and word carries its
//! span in the input, counted in Unicode scalar values (`text.chars()`), end exclusive: a Python
//! slice `text[start:end]` gives the token back.
//!
//! Conventions are those of the Universal Dependencies English Web Treebank (EWT, v2.15), learned
//! from its training split rather than written down, in three steps:
//!
//! 1. **Tokens** (module `tokens`): inside each whitespace-free stretch an averaged perceptron decides,
//!    at each position next to punctuation, whether a new token starts. It sees the characters
//!    around, the token so far and a lexicon of treebank tokens containing punctuation plus a hand
//!    list of news abbreviations (`Gen.`, `Jan.`, `Calif.`). So `U.S.`, `Dr.`, `e-mail`, `:-)`
//!    stay whole, while `$5` → `$` `5`, `3.5%` → `3.5` `%`, `al-Qaeda` → `al` `-` `Qaeda`, and
//!    `(Reuters)` → `(` `Reuters` `)`, as in EWT. URLs and e-mail addresses are kept whole by rule.
//! 2. **Sentences** (module `sentences`): a second perceptron decides after every token whether the
//!    sentence ends, from the tokens around, capitalisation, abbreviations, line breaks and the
//!    sentence length; a blank line always ends a sentence; a sentence is cut after
//!    [`MAX_SENTENCE_TOKENS`] tokens; a news dateline (`TEHRAN, June 14 (Reuters) -`) becomes a
//!    sentence of its own (module `dateline`).
//! 3. **Words** (module `mwt`): tokens are split into syntactic words where EWT writes multiword tokens
//!    (`don't` → `do` `n't`, `Bush's` → `Bush` `'s`, `cannot` → `can` `not`, `gonna` → `gon`
//!    `na`), each word with the span of its part of the token.
//!
//! Robustness: any `&str` is accepted; whitespace-free stretches longer than [`MAX_STRETCH`]
//! characters are cut into pieces of that length (a token never spans two pieces); time and
//! memory are linear in the input.
//!
//! Training data: UD English EWT (CC BY-SA 4.0), github.com/UniversalDependencies/UD_English-EWT.

mod chars;
mod dateline;
mod mwt;
mod sentences;
mod tokens;
mod train;

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tacitus_modelfile::ModelError;
use tacitus_perceptron::Table;

pub use sentences::MAX_SENTENCE_TOKENS;

/// Revision of what this crate's training and decoding produce: raised with every change that
/// alters a trained model or, for the tagger, the tags it gives the parser's training. `tacitus
/// setup` retrains a model whose recorded revision differs, so an old model is never measured
/// as a new one.
pub const TRAINING_REVISION: u32 = 1;

use chars::{fold, lexicon_key_str};
use mwt::Splitter;
use sentences::{Gap, TokInfo};
use tokens::{Stretch, model_decides};

/// Longest whitespace-free stretch tokenized as one; longer ones are cut into pieces.
pub const MAX_STRETCH: usize = 2000;

/// Model-file kind of a saved tokenizer.
const KIND: &str = "tokenizer";
/// Schema version of the saved tokenizer.
const VERSION: u32 = 2;

/// A syntactic word: its form and its span in the text (char offsets, Unicode scalar values,
/// end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordSpan {
    /// The word; equal to the text of its span unless the treebank normalises it.
    pub form: String,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A surface token; more than one word means a multiword token such as "don't" -> "do" + "n't".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Its syntactic words, in order.
    pub words: Vec<WordSpan>,
}

/// A sentence: its span (first token start to last token end) and its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Its tokens, in order.
    pub tokens: Vec<TokenSpan>,
}

/// Trained tokenizer and sentence segmenter.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    boundary: Table,
    sentence: Table,
    lexicon_words: Vec<String>,
    lexicon: HashSet<u64>,
    splitter: Splitter,
}

/// The saved form of a [`Tokenizer`]; everything sorted so that files are reproducible.
#[derive(Serialize, Deserialize)]
struct Saved {
    boundary: Table,
    sentence: Table,
    lexicon: Vec<String>,
    mwt: Vec<(String, Vec<String>)>,
    whole: Vec<String>,
}

/// A token found by the scanner, before sentence segmentation.
#[derive(Debug, Clone, Copy)]
struct RawTok {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

/// Reusable buffers for tokenizing one stretch.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    lower: Vec<char>,
    bytes: Vec<usize>,
    feats: Vec<u64>,
    starts: Vec<usize>,
    protect: Vec<(usize, usize)>,
}

impl Tokenizer {
    fn from_parts(
        boundary: Table,
        sentence: Table,
        mut lexicon_words: Vec<String>,
        splitter: Splitter,
    ) -> Tokenizer {
        lexicon_words.sort();
        lexicon_words.dedup();
        let lexicon = lexicon_words.iter().map(|w| lexicon_key_str(w)).collect();
        Tokenizer {
            boundary,
            sentence,
            lexicon_words,
            lexicon,
            splitter,
        }
    }

    /// Trains on treebank sentences (their `# newpar`/`# newdoc` comments mark paragraphs);
    /// deterministic.
    pub fn train(sentences: &[tacitus_conllu::Sentence]) -> Tokenizer {
        train::train(sentences)
    }

    /// Writes the tokenizer as a model file of kind `tokenizer`.
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        let (mwt, whole) = self.splitter.to_parts();
        let saved = Saved {
            boundary: self.boundary.clone(),
            sentence: self.sentence.clone(),
            lexicon: self.lexicon_words.clone(),
            mwt,
            whole,
        };
        tacitus_modelfile::save(path, KIND, VERSION, &saved)
    }

    /// Reads a tokenizer written by [`Tokenizer::save`].
    pub fn load(path: &Path) -> Result<Tokenizer, ModelError> {
        let s: Saved = tacitus_modelfile::load(path, KIND, VERSION)?;
        Ok(Tokenizer::from_parts(
            s.boundary,
            s.sentence,
            s.lexicon,
            Splitter::from_parts(s.mwt, s.whole),
        ))
    }

    fn known(&self) -> impl Fn(u64) -> bool + '_ {
        |h| self.lexicon.contains(&h)
    }

    /// Splits text into sentences of tokens of words, with character offsets.
    pub fn split(&self, text: &str) -> Vec<SentenceSpan> {
        let mut toks: Vec<RawTok> = Vec::new();
        let mut infos: Vec<TokInfo> = Vec::new();
        let mut scratch = Scratch::default();
        let known = self.known();
        scan(text, |stretch_start, piece, gap_before| {
            if let (Some(g), Some(last)) = (gap_before, infos.last_mut()) {
                last.gap = g;
            }
            self.tokenize_piece(
                piece,
                stretch_start,
                &known,
                &mut scratch,
                &mut toks,
                &mut infos,
            );
        });
        let mut ends = self.sentence_ends(&infos);
        dateline::split_datelines(
            |i| {
                let t = &toks[i];
                let spaced = i == 0 || toks[i - 1].end < t.start;
                (&text[t.byte_start..t.byte_end], spaced)
            },
            &mut ends,
        );
        self.build(text, &toks, &ends)
    }

    /// Tokenizes one whitespace-free piece whose bytes are `piece` (offsets into the text).
    fn tokenize_piece(
        &self,
        piece: Piece<'_>,
        base: usize,
        known: &impl Fn(u64) -> bool,
        s: &mut Scratch,
        toks: &mut Vec<RawTok>,
        infos: &mut Vec<TokInfo>,
    ) {
        s.chars.clear();
        s.bytes.clear();
        for (b, c) in piece.text.char_indices() {
            s.chars.push(c);
            s.bytes.push(piece.byte_start + b);
        }
        s.bytes.push(piece.byte_start + piece.text.len());
        s.lower.clear();
        s.lower.extend(s.chars.iter().map(|&c| fold(c)));
        let stretch = Stretch {
            chars: &s.chars,
            lower: &s.lower,
        };
        let mut scores = [0.0f32; 2];
        let model = &self.boundary;
        stretch.walk(
            known,
            &mut s.feats,
            &mut s.starts,
            &mut s.protect,
            |f, _| model_decides(model, f, &mut scores),
        );
        let n = s.chars.len();
        let mut a = 0;
        for &e in s.starts.iter().chain(std::iter::once(&n)) {
            if e <= a {
                continue;
            }
            toks.push(RawTok {
                start: base + a,
                end: base + e,
                byte_start: s.bytes[a],
                byte_end: s.bytes[e],
            });
            infos.push(TokInfo::new(&s.chars[a..e], Gap::None, known));
            a = e;
        }
    }

    /// For each token, whether a sentence ends after it.
    fn sentence_ends(&self, infos: &[TokInfo]) -> Vec<bool> {
        let mut ends = vec![false; infos.len()];
        let mut feats = Vec::new();
        let mut scores = [0.0f32; 2];
        let mut since = 0;
        for i in 0..infos.len() {
            let end = i + 1 == infos.len()
                || infos[i].gap == Gap::Blank
                || since + 1 >= MAX_SENTENCE_TOKENS
                || {
                    sentences::features(infos, i, since, &mut feats);
                    model_decides(&self.sentence, &feats, &mut scores)
                };
            ends[i] = end;
            since = if end { 0 } else { since + 1 };
        }
        ends
    }

    /// Assembles sentences, splitting tokens into words.
    fn build(&self, text: &str, toks: &[RawTok], ends: &[bool]) -> Vec<SentenceSpan> {
        let mut out = Vec::new();
        let mut current: Vec<TokenSpan> = Vec::new();
        let (mut buf, mut lowered, mut parts, mut chars, mut offs) = (
            String::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        for (t, &end) in toks.iter().zip(ends) {
            let surface = &text[t.byte_start..t.byte_end];
            chars.clear();
            offs.clear();
            for (b, c) in surface.char_indices() {
                chars.push(c);
                offs.push(b);
            }
            offs.push(surface.len());
            self.splitter
                .split(&chars, &mut buf, &mut lowered, &mut parts);
            let words = parts
                .drain(..)
                .map(|(a, e, form)| WordSpan {
                    form: form.unwrap_or_else(|| surface[offs[a]..offs[e]].to_string()),
                    start: t.start + a,
                    end: t.start + e,
                })
                .collect();
            current.push(TokenSpan {
                start: t.start,
                end: t.end,
                words,
            });
            if end {
                out.push(SentenceSpan {
                    start: current[0].start,
                    end: current[current.len() - 1].end,
                    tokens: std::mem::take(&mut current),
                });
            }
        }
        out
    }
}

/// A whitespace-free piece of the text.
#[derive(Debug, Clone, Copy)]
struct Piece<'a> {
    /// The piece.
    text: &'a str,
    /// Its byte offset in the text.
    byte_start: usize,
}

/// Calls `f(char offset, piece, gap before)` for every whitespace-free piece of `text`, in order;
/// the gap is `None` between pieces of one over-long stretch.
fn scan(text: &str, mut f: impl FnMut(usize, Piece<'_>, Option<Gap>)) {
    let mut ws_newlines = 0usize;
    let mut ws_any = false;
    let mut start: Option<(usize, usize, usize)> = None; // (char, byte, chars so far)
    let emit = |f: &mut dyn FnMut(usize, Piece<'_>, Option<Gap>),
                s: (usize, usize, usize),
                end_byte: usize,
                gap: Option<Gap>| {
        f(
            s.0,
            Piece {
                text: &text[s.1..end_byte],
                byte_start: s.1,
            },
            gap,
        );
    };
    let mut pending_gap: Option<Gap> = None;
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                emit(&mut f, s, bi, pending_gap.take());
            }
            ws_any = true;
            if matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}') {
                ws_newlines += 1;
            }
        } else {
            match &mut start {
                None => {
                    pending_gap = Some(match (ws_any, ws_newlines) {
                        (false, _) => Gap::None,
                        (true, 0) => Gap::Space,
                        (true, 1) => Gap::Line,
                        _ => Gap::Blank,
                    });
                    ws_any = false;
                    ws_newlines = 0;
                    start = Some((ci, bi, 1));
                }
                Some(s) if s.2 == MAX_STRETCH => {
                    let done = *s;
                    *s = (ci, bi, 1);
                    emit(&mut f, done, bi, pending_gap.take());
                }
                Some(s) => s.2 += 1,
            }
        }
    }
    if let Some(s) = start {
        emit(&mut f, s, text.len(), pending_gap.take());
    }
}

#[cfg(test)]
mod tests;
