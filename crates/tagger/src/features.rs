//! Feature extraction, shared by training and tagging so the two can never disagree.
//!
//! Each word is first reduced to a [`Token`] of pre-hashed lexical values (forms, affixes, shape,
//! orthographic flags), computed once per sentence. The per-position features then only mix these
//! hashes with a template number and the neighbouring tags, which keeps tagging free of string work.

use tacitus_perceptron::{Feature, hash_str};

/// Longest prefix length used as a feature.
const MAX_PREFIX: usize = 3;
/// Longest suffix length used as a feature.
const MAX_SUFFIX: usize = 4;
/// Longest (collapsed) shape kept; longer shapes are cut, which bounds the work on junk input.
const MAX_SHAPE: usize = 12;

/// Orthographic flag: the word contains a digit.
const HAS_DIGIT: u8 = 1;
/// Orthographic flag: the word contains a hyphen.
const HAS_HYPHEN: u8 = 1 << 1;
/// Orthographic flag: the word contains an upper-case letter.
const HAS_UPPER: u8 = 1 << 2;
/// Orthographic flag: the word starts with an upper-case letter.
const INIT_UPPER: u8 = 1 << 3;
/// Orthographic flag: the word has letters and all of them are upper case.
const ALL_UPPER: u8 = 1 << 4;
/// Orthographic flag: the word contains a period.
const HAS_PERIOD: u8 = 1 << 5;
/// Orthographic flag: the word contains no letter at all.
const NO_ALPHA: u8 = 1 << 6;

/// Feature templates; the numbers are part of the model format.
#[derive(Clone, Copy)]
#[repr(u32)]
enum T {
    Bias,
    Form,
    Lower,
    Prefix,
    Suffix,
    Shape,
    Flag,
    FlagFirst,
    PrevWord,
    PrevWord2,
    NextWord,
    NextWord2,
    PrevSuffix,
    NextSuffix,
    PrevShape,
    NextShape,
    PrevWordWord,
    WordNextWord,
    PrevTag,
    PrevTag2,
    PrevTags,
    PrevTagWord,
    PrevTagSuffix,
    NextTag,
    NextTag2,
    NextTags,
    PrevNextTag,
    NextTagWord,
}

#[inline]
fn f(t: T) -> Feature {
    Feature::new(t as u32)
}

/// Pre-hashed lexical values of one word (or of a sentence boundary).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Hash of the form as written: the tag dictionary key.
    pub form: u64,
    /// Hash of the lower-cased form.
    pub(crate) lower: u64,
    /// Hashes of the lower-cased prefixes of 1..=MAX_PREFIX characters; 0 where the word is shorter.
    prefix: [u64; MAX_PREFIX],
    /// Hashes of the lower-cased suffixes of 1..=MAX_SUFFIX characters; 0 where the word is shorter.
    suffix: [u64; MAX_SUFFIX],
    /// Hash of the collapsed word shape (see [`shape`]).
    shape: u64,
    /// Orthographic flags (`HAS_*`, `INIT_UPPER`, ...).
    flags: u8,
}

impl Token {
    /// The token for a word form; `lower` is scratch space.
    pub(crate) fn new(form: &str, lower: &mut String) -> Token {
        lower.clear();
        let mut flags = 0u8;
        let mut letters = 0usize;
        let mut uppers = 0usize;
        for (i, c) in form.chars().enumerate() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    uppers += 1;
                    flags |= HAS_UPPER;
                    if i == 0 {
                        flags |= INIT_UPPER;
                    }
                }
            } else if c.is_numeric() {
                flags |= HAS_DIGIT;
            } else if c == '-' {
                flags |= HAS_HYPHEN;
            } else if c == '.' {
                flags |= HAS_PERIOD;
            }
            lower.extend(c.to_lowercase());
        }
        if letters == 0 {
            flags |= NO_ALPHA;
        } else if uppers == letters {
            flags |= ALL_UPPER;
        }
        let mut prefix = [0u64; MAX_PREFIX];
        let mut ends = lower.char_indices().map(|(i, c)| i + c.len_utf8());
        for p in &mut prefix {
            match ends.next() {
                Some(end) => *p = hash_str(&lower[..end]),
                None => break,
            }
        }
        let mut suffix = [0u64; MAX_SUFFIX];
        let mut starts = lower.char_indices().rev().map(|(i, _)| i);
        for s in &mut suffix {
            match starts.next() {
                Some(start) => *s = hash_str(&lower[start..]),
                None => break,
            }
        }
        Token {
            form: hash_str(form),
            lower: hash_str(lower),
            prefix,
            suffix,
            shape: shape(form),
            flags,
        }
    }

    /// The pseudo-token before the first word (`end` false) or after the last one (`end` true).
    fn boundary(end: bool) -> Token {
        let h = hash_str(if end { "\u{0}END" } else { "\u{0}START" });
        Token {
            form: h,
            lower: h,
            prefix: [h; MAX_PREFIX],
            suffix: [h; MAX_SUFFIX],
            shape: h,
            flags: 0,
        }
    }
}

/// Tokens for a sentence's forms, with two boundary tokens on each side: word `i` is at `i + 2`.
pub(crate) fn tokens<'a>(forms: impl IntoIterator<Item = &'a str>) -> Vec<Token> {
    let mut lower = String::new();
    let start = Token::boundary(false);
    let end = Token::boundary(true);
    let mut out = vec![start, start];
    out.extend(forms.into_iter().map(|w| Token::new(w, &mut lower)));
    out.extend([end, end]);
    out
}

/// Hash of a word's collapsed shape: letters become `X`/`x`, digits `d`, other characters stay;
/// runs of the same symbol count once ("Hello-World99" → "Xx-Xxd").
pub(crate) fn shape(form: &str) -> u64 {
    let mut h = Feature::new(u32::MAX);
    let mut last = None;
    let mut n = 0;
    for c in form.chars() {
        let s = shape_char(c);
        if last != Some(s) {
            h = h.int(s as u64);
            last = Some(s);
            n += 1;
            if n == MAX_SHAPE {
                break;
            }
        }
    }
    h.finish()
}

/// The shape symbol of one character.
fn shape_char(c: char) -> char {
    if c.is_alphabetic() {
        if c.is_uppercase() { 'X' } else { 'x' }
    } else if c.is_numeric() {
        'd'
    } else if c.is_ascii() {
        c
    } else {
        'o'
    }
}

/// Tags around the word being tagged; classes are `u16`, boundaries use the values below.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    /// Tag of the previous word, or [`START`].
    pub prev: u64,
    /// Tag two words back, or [`START`].
    pub prev2: u64,
    /// First-pass tags of the next two words (or [`END`]); `None` in the first pass.
    pub next: Option<(u64, u64)>,
}

/// Tag value before the sentence.
pub(crate) const START: u64 = 1 << 20;
/// Tag value after the sentence.
pub(crate) const END: u64 = (1 << 20) + 1;

/// Writes into `out` the features of word `i` (0-based) of `tokens` (as built by [`tokens`]) that
/// depend only on the words: both passes use them, so they are looked up once.
pub(crate) fn extract_words(tokens: &[Token], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let (p2, p1, w, n1, n2) = (
        &tokens[i],
        &tokens[i + 1],
        &tokens[i + 2],
        &tokens[i + 3],
        &tokens[i + 4],
    );
    out.push(f(T::Bias).finish());
    out.push(f(T::Form).int(w.form).finish());
    out.push(f(T::Lower).int(w.lower).finish());
    for (k, &h) in w.prefix.iter().enumerate().filter(|(_, h)| **h != 0) {
        out.push(f(T::Prefix).int(k as u64).int(h).finish());
    }
    for (k, &h) in w.suffix.iter().enumerate().filter(|(_, h)| **h != 0) {
        out.push(f(T::Suffix).int(k as u64).int(h).finish());
    }
    out.push(f(T::Shape).int(w.shape).finish());
    for bit in (0..8).map(|b| 1u8 << b).filter(|b| w.flags & b != 0) {
        out.push(f(T::Flag).int(bit as u64).finish());
    }
    if i == 0 {
        out.push(f(T::FlagFirst).int(w.flags as u64).finish());
    }
    out.push(f(T::PrevWord).int(p1.lower).finish());
    out.push(f(T::PrevWord2).int(p2.lower).finish());
    out.push(f(T::NextWord).int(n1.lower).finish());
    out.push(f(T::NextWord2).int(n2.lower).finish());
    out.push(f(T::PrevSuffix).int(p1.suffix[2]).finish());
    out.push(f(T::NextSuffix).int(n1.suffix[2]).finish());
    out.push(f(T::PrevShape).int(p1.shape).finish());
    out.push(f(T::NextShape).int(n1.shape).finish());
    out.push(f(T::PrevWordWord).int(p1.lower).int(w.lower).finish());
    out.push(f(T::WordNextWord).int(w.lower).int(n1.lower).finish());
}

/// Appends to `out` the features of word `i` of `tokens` that depend on the surrounding tags.
pub(crate) fn extract_tags(tokens: &[Token], i: usize, ctx: Context, out: &mut Vec<u64>) {
    let w = &tokens[i + 2];
    out.push(f(T::PrevTag).int(ctx.prev).finish());
    out.push(f(T::PrevTag2).int(ctx.prev2).finish());
    out.push(f(T::PrevTags).int(ctx.prev).int(ctx.prev2).finish());
    out.push(f(T::PrevTagWord).int(ctx.prev).int(w.lower).finish());
    out.push(f(T::PrevTagSuffix).int(ctx.prev).int(w.suffix[2]).finish());
    if let Some((next, next2)) = ctx.next {
        out.push(f(T::NextTag).int(next).finish());
        out.push(f(T::NextTag2).int(next2).finish());
        out.push(f(T::NextTags).int(next).int(next2).finish());
        out.push(f(T::PrevNextTag).int(ctx.prev).int(next).finish());
        out.push(f(T::NextTagWord).int(next).int(w.lower).finish());
    }
}

/// The tag context of word `i` given the tags chosen so far and, in the second pass, the first.
#[inline]
pub(crate) fn context(done: &[u16], i: usize, first: Option<&[u16]>) -> Context {
    let tag = |j: Option<usize>, edge: u64, src: &[u16]| {
        j.and_then(|j| src.get(j)).map_or(edge, |&t| t as u64)
    };
    Context {
        prev: tag(i.checked_sub(1), START, done),
        prev2: tag(i.checked_sub(2), START, done),
        next: first.map(|f| (tag(Some(i + 1), END, f), tag(Some(i + 2), END, f))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs_and_classes() {
        assert_eq!(shape("Hello-World99"), shape("Xy-Zzzzzz1"));
        assert_ne!(shape("Hello"), shape("hello"));
        assert_ne!(shape("1,000"), shape("1.000"));
        assert_eq!(shape("ÉCOLE"), shape("SCHOOL"));
        assert_eq!(shape(&"ab1".repeat(1000)), shape(&"ab1".repeat(10)));
    }

    #[test]
    fn tokens_carry_flags_and_affixes() {
        let mut s = String::new();
        let t = Token::new("U.S.", &mut s);
        assert_eq!(s, "u.s.");
        assert_ne!(t.flags & ALL_UPPER, 0);
        assert_ne!(t.flags & INIT_UPPER, 0);
        assert_ne!(t.flags & HAS_PERIOD, 0);
        assert_eq!(t.flags & HAS_DIGIT, 0);
        let dogs = Token::new("Dogs", &mut s);
        let cats = Token::new("cats", &mut s);
        assert_eq!(dogs.suffix[0], cats.suffix[0]); // "s"
        assert_ne!(dogs.suffix[1], cats.suffix[1]); // "gs" vs "ts"
        assert_ne!(dogs.suffix[1], 0);
        assert_eq!(
            Token::new("Dogs", &mut s).lower,
            Token::new("dogs", &mut s).lower
        );
        let a = Token::new("a", &mut s);
        assert_ne!(a.prefix[0], 0);
        assert_eq!((a.prefix[1], a.suffix[3]), (0, 0));
        let n = Token::new("1999", &mut s);
        assert_ne!(n.flags & HAS_DIGIT, 0);
        assert_ne!(n.flags & NO_ALPHA, 0);
        // Multi-byte characters are cut on character boundaries.
        assert_ne!(Token::new("naïve", &mut s).suffix[3], 0);
    }

    #[test]
    fn extraction_is_padded_and_context_sensitive() {
        let toks = tokens(["I", "saw", "her"]);
        assert_eq!(toks.len(), 7);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        extract_words(&toks, 0, &mut a);
        extract_words(&toks, 2, &mut b);
        assert_eq!(a.len(), b.len());
        assert_ne!(a, b);
        let n = a.len();
        extract_tags(&toks, 0, context(&[], 0, None), &mut a);
        b.clear();
        extract_tags(&toks, 0, context(&[], 0, Some(&[1, 2, 3])), &mut b);
        assert!(b.len() > a.len() - n);
        assert_eq!(a[n..], b[..a.len() - n]);
    }
}
