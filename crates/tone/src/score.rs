//! Scoring: from a sentence's tokens to each token's adjusted valence, and from those to tones.
//!
//! The rules are the ones Hutto & Gilbert (2014) describe for VADER, with the constants they
//! report, so that scores agree with the vaderSentiment package users already know. Each token is
//! looked up once; the rules then only read the looked-up entries of the token and of the three
//! tokens before it, so a sentence costs one hash lookup per token and one small buffer.

use crate::lexicon::Lexicon;
use crate::words::{
    self, AT_VERY, BOOST, BUT, DOUBT, Entry, KIND_SORT, LEAST, LEXICON, NEGATOR, NEVER, NO, OF,
    OR_NOR, SO_THIS, WITHOUT,
};
use crate::{DocumentTone, SentenceTone};

/// Added away from zero to an ALL-CAPS sentiment word or modifier in mixed-case text.
const CAPS: f64 = 0.733;
/// Factor applied to a negated sentiment word.
const NEGATE: f64 = -0.74;
/// Factor applied to a sentiment word after "never so" / "never this".
const NEVER_SO: f64 = 1.25;
/// Weight of an intensifier at distance 1, 2 and 3 before the sentiment word.
const DISTANCE: [f64; 3] = [1.0, 0.95, 0.9];
/// Factor of the words before the first "but".
const BEFORE_BUT: f64 = 0.5;
/// Factor of the words after the first "but".
const AFTER_BUT: f64 = 1.5;
/// Added per exclamation mark, for at most [`MAX_EXCLAIM`] of them.
const EXCLAIM: f64 = 0.292;
/// Most exclamation marks that count.
const MAX_EXCLAIM: usize = 4;
/// Added per question mark when there are two or three.
const QUESTION: f64 = 0.18;
/// Added for four or more question marks.
const MANY_QUESTIONS: f64 = 0.96;
/// Normalisation constant of the compound score: x / sqrt(x² + ALPHA).
const ALPHA: f64 = 15.0;

/// One token of a sentence, looked up.
#[derive(Debug, Clone, Copy)]
struct Token {
    /// What the lexicon and the word lists say about the lower-cased token.
    entry: Entry,
    /// Whether the token is in capitals (has upper-case letters and no lower-case ones).
    caps: bool,
    /// Whether the token counts as a word: has a letter or digit, or is a lexicon entry.
    word: bool,
}

/// Buffers reused across the sentences of a document.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The current token, lower-cased.
    lower: String,
    /// The sentence's tokens.
    tokens: Vec<Token>,
    /// The adjusted valence of each token (0 for tokens without sentiment).
    valences: Vec<f64>,
}

/// Whether `c` is stripped from the ends of a token: ASCII punctuation (as Python's
/// `string.punctuation`) and typographic quotes, dashes and ellipses.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{2018}'..='\u{201f}' | '\u{2013}' | '\u{2014}' | '\u{2026}' | '«' | '»' | '‹' | '›'
        )
}

/// The part of a whitespace-separated token that is looked up: the token without surrounding
/// punctuation, or the whole token when that would leave two characters or fewer (":)", ":-(").
fn core(token: &str) -> &str {
    let stripped = token.trim_matches(is_punct);
    if stripped.chars().nth(2).is_none() {
        token
    } else {
        stripped
    }
}

/// Direction in which an intensifier moves valence `v`: away from zero, up when `v` is 0.
fn intensify(v: f64) -> f64 {
    if v < 0.0 { -1.0 } else { 1.0 }
}

/// Direction in which capitals move valence `v`: away from zero, down when `v` is 0 (an
/// emphatic "NO" before a sentiment word reads as negative).
fn emphasise(v: f64) -> f64 {
    if v > 0.0 { 1.0 } else { -1.0 }
}

impl Lexicon {
    /// Tokenises `text` into `s.tokens` and scores each token into `s.valences`.
    fn score(&self, text: &str, s: &mut Scratch) {
        s.tokens.clear();
        s.valences.clear();
        let mut capitals = 0usize;
        for raw in text.split_whitespace() {
            let core = core(raw);
            s.lower.clear();
            let (mut upper, mut lower, mut alnum) = (false, false, false);
            for c in core.chars() {
                upper |= c.is_uppercase();
                lower |= c.is_lowercase();
                alnum |= c.is_alphanumeric();
                if c.is_ascii() {
                    s.lower.push(c.to_ascii_lowercase());
                } else {
                    s.lower.extend(c.to_lowercase());
                }
            }
            let mut entry = self.entry(&s.lower);
            if words::is_contracted_negation(&s.lower) {
                entry.flags |= NEGATOR;
            }
            let caps = upper && !lower;
            capitals += usize::from(caps);
            let word = alnum || entry.has(LEXICON);
            s.tokens.push(Token { entry, caps, word });
        }
        let mixed_case = capitals > 0 && capitals < s.tokens.len();
        let but = s.tokens.iter().position(|t| t.entry.has(BUT));
        for i in 0..s.tokens.len() {
            let v = valence(&s.tokens, i, mixed_case);
            let v = match but {
                Some(b) if i < b => v * BEFORE_BUT,
                Some(b) if i > b => v * AFTER_BUT,
                _ => v,
            };
            s.valences.push(v);
        }
    }

    /// Tone of one sentence (VADER's scores).
    pub fn sentence(&self, text: &str) -> SentenceTone {
        let mut s = Scratch::default();
        self.score(text, &mut s);
        sentence_tone(text, &s.valences)
    }

    /// Tone of a document, on GDELT's scale, from its sentences.
    ///
    /// A word is positive when its adjusted valence (after negation, intensifiers, capitals and
    /// "but" weighting, before punctuation emphasis, which belongs to the sentence) is above zero,
    /// negative when below; tokens without letters, digits or a lexicon entry are not words.
    pub fn document<'a>(&self, sentences: impl IntoIterator<Item = &'a str>) -> DocumentTone {
        let mut s = Scratch::default();
        let (mut words, mut positive, mut negative) = (0u64, 0u64, 0u64);
        for text in sentences {
            self.score(text, &mut s);
            for (t, &v) in s.tokens.iter().zip(&s.valences) {
                words += u64::from(t.word);
                positive += u64::from(v > 0.0);
                negative += u64::from(v < 0.0);
            }
        }
        if words == 0 {
            return DocumentTone::default();
        }
        let percent = |n: u64| 100.0 * n as f64 / words as f64;
        let (positive, negative) = (percent(positive), percent(negative));
        DocumentTone {
            tone: (positive - negative) as f32,
            positive: positive as f32,
            negative: negative as f32,
            polarity: (positive + negative) as f32,
            words: u32::try_from(words).unwrap_or(u32::MAX),
        }
    }
}

/// The adjusted valence of token `i`: its lexicon valence changed by the tokens before it.
fn valence(tokens: &[Token], i: usize, mixed_case: bool) -> f64 {
    let t = tokens[i];
    let next = tokens.get(i + 1).map(|t| t.entry);
    let next_has = |flag| next.is_some_and(|e| e.has(flag));
    // Modifiers carry no sentiment, nor does "kind" in "kind of".
    if !t.entry.has(LEXICON) || t.entry.boost != 0.0 || (t.entry.has(KIND_SORT) && next_has(OF)) {
        return 0.0;
    }
    // The token `d` places back, if it exists and is not itself a sentiment word: sentiment
    // words are not modifiers.
    let back = |d: usize| {
        i.checked_sub(d)
            .map(|j| tokens[j])
            .filter(|t| !t.entry.has(LEXICON))
    };
    let back_has = |d: usize, flag| back(d).is_some_and(|t| t.entry.has(flag));
    let any_back_has = |d: usize, flag| i.checked_sub(d).is_some_and(|j| tokens[j].entry.has(flag));

    // "no" reverses the next two words ("no problem", "no real problem") and a third after
    // "or"/"nor"; before a sentiment word, "no" itself is a determiner without valence ("no
    // deal"), though intensifiers before it still count, as in VADER ("absolutely no doubt").
    let mut v = if any_back_has(1, NO)
        || any_back_has(2, NO)
        || (any_back_has(3, NO) && back_has(1, OR_NOR))
    {
        t.entry.valence * NEGATE
    } else if t.entry.has(NO) && next_has(LEXICON) {
        0.0
    } else {
        t.entry.valence
    };
    if t.caps && mixed_case {
        v += CAPS * emphasise(v);
    }
    for d in 1..=3 {
        let Some(p) = back(d) else {
            if i < d {
                break;
            }
            continue;
        };
        if p.entry.boost != 0.0 {
            let caps = if p.caps && mixed_case {
                CAPS * emphasise(v)
            } else {
                0.0
            };
            v += (p.entry.boost * intensify(v) + caps) * DISTANCE[d - 1];
        }
        if d == 1 && p.entry.has(OF) && any_back_has(2, KIND_SORT) {
            v -= intensify(v) * BOOST;
        }
        v *= match d {
            1 => negation(p.entry.has(NEGATOR)),
            2 => {
                if p.entry.has(NEVER) && back_has(1, SO_THIS) {
                    NEVER_SO
                } else if p.entry.has(WITHOUT) && any_back_has(1, DOUBT) {
                    1.0
                } else {
                    negation(p.entry.has(NEGATOR))
                }
            }
            // vaderSentiment 3.3.2 also intensifies any word straight after "so" or "this" when
            // three tokens precede it; kept so that scores agree with the package.
            _ => {
                if back_has(1, SO_THIS) || (p.entry.has(NEVER) && back_has(2, SO_THIS)) {
                    NEVER_SO
                } else if p.entry.has(WITHOUT) && (any_back_has(1, DOUBT) || any_back_has(2, DOUBT))
                {
                    1.0
                } else {
                    negation(p.entry.has(NEGATOR))
                }
            }
        };
    }
    if back_has(1, LEAST) && !any_back_has(2, AT_VERY) {
        v *= NEGATE;
    }
    v
}

/// The factor of a negation: [`NEGATE`] when `negated`, else 1.
fn negation(negated: bool) -> f64 {
    if negated { NEGATE } else { 1.0 }
}

/// VADER's compound score and proportions from the adjusted valences of a sentence's tokens.
fn sentence_tone(text: &str, valences: &[f64]) -> SentenceTone {
    if valences.is_empty() {
        return SentenceTone::default();
    }
    let exclaims = text.bytes().filter(|&b| b == b'!').count().min(MAX_EXCLAIM);
    let questions = text.bytes().filter(|&b| b == b'?').count();
    let emphasis = EXCLAIM * exclaims as f64
        + match questions {
            0 | 1 => 0.0,
            2 | 3 => QUESTION * questions as f64,
            _ => MANY_QUESTIONS,
        };
    let sum: f64 = valences.iter().sum();
    let x = if sum > 0.0 {
        sum + emphasis
    } else if sum < 0.0 {
        sum - emphasis
    } else {
        0.0
    };
    let compound = (x / (x * x + ALPHA).sqrt()).clamp(-1.0, 1.0);

    let (mut pos, mut neg, mut neutral) = (0.0f64, 0.0f64, 0.0f64);
    for &v in valences {
        if v > 0.0 {
            pos += v + 1.0;
        } else if v < 0.0 {
            neg += 1.0 - v;
        } else {
            neutral += 1.0;
        }
    }
    if pos > neg {
        pos += emphasis;
    } else if neg > pos {
        neg += emphasis;
    }
    let total = pos + neg + neutral;
    SentenceTone {
        compound: compound as f32,
        positive: (pos / total) as f32,
        negative: (neg / total) as f32,
        neutral: (neutral / total) as f32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few of VADER's valences, for the rule tests.
    const LEX: &str = "good\t1.9\nbad\t-2.5\nhappy\t2.7\nno\t-1.2\nproblem\t-1.7\ndoubt\t-1.5\n\
                       kind\t2.4\n:)\t2.0\nfailed\t-2.3\n";

    fn lex() -> Lexicon {
        Lexicon::from_vader(LEX).unwrap()
    }

    /// Compound scores of the vaderSentiment 3.3.2 package for short phrases, one rule each.
    #[test]
    fn rules_match_the_package() {
        let lex = lex();
        for (text, vader) in [
            ("good", 0.4404),
            ("not good", -0.3412),
            ("not very good", -0.3865),
            ("it isnt good", -0.3412),
            ("never so good", 0.5777),
            ("never this good", 0.5228),
            ("least good", -0.3412),
            ("at least good", 0.4404),
            ("very least good", 0.4902),
            ("no good", -0.3412),
            ("no problem", 0.3089),
            ("no or good", -0.5583),
            ("it was NO good", -0.4835),
            ("without doubt good", 0.6136),
            ("GOOD day", 0.5622),
            ("GOOD DAY", 0.4404),
            ("VERY good day", 0.6028),
            ("it was kind of good", 0.3832),
            ("we are so happy", 0.6948),
            ("are so happy", 0.6115),
            ("good but bad", -0.5859),
            ("bad but good", 0.3818),
            ("good but bad but good", 0.0129),
            ("it was good?", 0.4404),
            ("it was good??", 0.504),
            ("it was good???", 0.533),
            ("it was good????", 0.594),
            ("it was good!!!!!", 0.6209),
            ("good :)", 0.7096),
            ("(good)", 0.4404),
            ("good's", 0.0),
        ] {
            let got = lex.sentence(text).compound;
            assert!((got - vader).abs() < 5e-4, "{text:?}: {got}, VADER {vader}");
        }
    }

    #[test]
    fn proportions() {
        let lex = lex();
        let t = lex.sentence("- good -");
        assert!((t.positive - 0.592).abs() < 5e-4 && (t.neutral - 0.408).abs() < 5e-4);
        assert_eq!(t.negative, 0.0);
        let t = lex.sentence("the the");
        assert_eq!((t.compound, t.neutral), (0.0, 1.0));
        assert_eq!(lex.sentence(" \t\n"), SentenceTone::default());
    }

    /// Where this crate departs from the package on purpose.
    #[test]
    fn deliberate_departures() {
        let lex = lex();
        // "kind of" dampens towards zero whatever the sign (the package makes "kind of bad" worse).
        let bad = lex.sentence("it was bad").compound;
        let kind_of_bad = lex.sentence("it was kind of bad").compound;
        assert!(
            bad < kind_of_bad && kind_of_bad < 0.0,
            "{bad} {kind_of_bad}"
        );
        // Typographic quotes are stripped like ASCII ones, and "n’t" negates like "n't".
        let plain = lex.sentence("they didn't call it \"good\"");
        assert_eq!(
            lex.sentence("they didn\u{2019}t call it \u{201c}good\u{201d}"),
            plain
        );
        assert!(plain.compound < 0.0);
    }

    #[test]
    fn document_scale() {
        let lex = lex();
        // Words: it, was, not, good, the, talks, failed, :) — one positive, two negative.
        let d = lex.document(["It was not good.", "The talks failed... :)"]);
        assert_eq!(d.words, 8);
        assert_eq!(d.positive, 12.5);
        assert_eq!(d.negative, 25.0);
        assert_eq!(d.tone, -12.5);
        assert_eq!(d.polarity, 37.5);
        assert_eq!(lex.document(["", "-- ..."]), DocumentTone::default());
        assert_eq!(lex.document([] as [&str; 0]), DocumentTone::default());
    }
}
