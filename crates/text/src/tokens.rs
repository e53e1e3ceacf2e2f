//! Surface tokens: where, inside a whitespace-free stretch of text, one token ends and the next
//! begins.
//!
//! Only positions next to a non-alphanumeric character (or between a letter and a digit) can be
//! boundaries, so plain words cost nothing. At each such position, left to right, an averaged
//! perceptron decides, seeing the characters around it, the piece of token started so far, the
//! rest of the stretch and whether those are known tokens (the lexicon of tokens with punctuation
//! in them seen in the treebank, plus hand-listed news abbreviations). This learns the treebank's
//! conventions (`U.S.` whole, `$` `5`, `3.5` `%`, `and` `/` `or`, `al` `-` `Qaeda` but `e-mail`)
//! instead of hard-coding them. URLs and e-mail addresses are kept whole by rule.

use tacitus_perceptron::Table;

use crate::chars::{BOS, EOS, ascii_like, class, hash_seq, is_url_like, lexicon_key, shape};
use tacitus_perceptron::Feature;

/// Longest piece looked up in the lexicon or used as a lexical feature.
const MAX_PIECE: usize = 24;

/// Whether a token boundary may fall between `l` and `r`.
#[inline]
pub(crate) fn is_candidate(l: char, r: char) -> bool {
    !((l.is_alphabetic() && r.is_alphabetic()) || (l.is_numeric() && r.is_numeric()))
}

/// A whitespace-free stretch of text, with its folded copy (see [`crate::chars::fold`]).
pub(crate) struct Stretch<'a> {
    pub chars: &'a [char],
    pub lower: &'a [char],
}

impl Stretch<'_> {
    #[inline]
    fn at(&self, i: isize) -> u64 {
        if i < 0 {
            BOS
        } else {
            self.chars.get(i as usize).map_or(EOS, |&c| class(c))
        }
    }

    #[inline]
    fn raw(&self, i: isize) -> u64 {
        if i < 0 {
            BOS
        } else {
            self.chars.get(i as usize).map_or(EOS, |&c| c as u64)
        }
    }

    #[inline]
    fn ascii(&self, i: isize) -> u64 {
        if i < 0 {
            BOS
        } else {
            self.chars
                .get(i as usize)
                .map_or(EOS, |&c| ascii_like(c) as u64)
        }
    }

    #[inline]
    fn known(&self, a: usize, b: usize, known: &impl Fn(u64) -> bool) -> bool {
        b > a
            && b - a <= MAX_PIECE
            && b <= self.lower.len()
            && known(lexicon_key(&self.lower[a..b]))
    }

    /// Features of a boundary before character `p`, the current token having started at `b`.
    pub(crate) fn features(
        &self,
        b: usize,
        p: usize,
        known: &impl Fn(u64) -> bool,
        out: &mut Vec<u64>,
    ) {
        out.clear();
        let n = self.chars.len();
        let q = p as isize;
        let (l, r) = (self.raw(q - 1), self.raw(q));
        let (ll, rr) = (self.raw(q - 2), self.raw(q + 1));
        let (cl, cr) = (self.at(q - 1), self.at(q));
        out.push(Feature::new(0).finish());
        out.push(Feature::new(1).int(l).int(r).finish());
        out.push(Feature::new(2).int(ll).int(l).int(r).finish());
        out.push(Feature::new(3).int(l).int(r).int(rr).finish());
        let mut w = Feature::new(4);
        for k in -3..3 {
            w = w.int(self.at(q + k));
        }
        out.push(w.finish());
        out.push(
            Feature::new(5)
                .int(self.at(q - 2))
                .int(cl)
                .int(cr)
                .int(self.at(q + 1))
                .finish(),
        );
        // The token so far and the rest of the stretch.
        let left = &self.lower[b..p];
        let right = &self.lower[p..];
        if left.len() <= MAX_PIECE {
            out.push(hash_seq(6, left).int(r).finish());
        }
        out.push(shape(Feature::new(7).int(r), left.iter().copied(), 6).finish());
        if right.len() <= MAX_PIECE {
            out.push(hash_seq(8, right).int(l).finish());
        }
        out.push(shape(Feature::new(9).int(l), right.iter().copied(), 6).finish());
        // Alphanumeric runs on either side.
        let run_start = left
            .iter()
            .rposition(|c| !c.is_alphanumeric())
            .map_or(0, |i| i + 1);
        let lrun = &left[run_start..];
        if lrun.len() <= MAX_PIECE {
            out.push(hash_seq(10, lrun).int(r).finish());
        }
        let skip = usize::from(!self.chars[p].is_alphanumeric());
        let rs = (p + skip).min(n);
        let run_end = self.lower[rs..]
            .iter()
            .position(|c| !c.is_alphanumeric())
            .map_or(n, |i| rs + i);
        if run_end - rs <= MAX_PIECE {
            out.push(
                hash_seq(11, &self.lower[rs..run_end])
                    .int(l)
                    .int(r)
                    .finish(),
            );
        }
        // Lexicon: the token so far, the token so far plus this character, the whole rest.
        let bits = u64::from(self.known(b, p, known))
            | u64::from(self.known(b, p + 1, known)) << 1
            | u64::from(self.known(b, n, known)) << 2
            | u64::from(self.known(p, n, known)) << 3;
        out.push(Feature::new(12).int(bits).int(cl).int(cr).finish());
        out.push(Feature::new(13).int(bits).int(l).int(r).finish());
        // Distances to the token start and to the stretch end.
        let d_left = (p - b).min(4) as u64;
        let d_right = (n - p).min(3) as u64;
        out.push(
            Feature::new(14)
                .int(d_left)
                .int(d_right)
                .int(cl)
                .int(cr)
                .finish(),
        );
        out.push(Feature::new(15).int(d_right).int(l).int(r).finish());
        // Run-length shape of a short stretch (`999-9999`), and which run this position starts.
        if n <= MAX_PIECE {
            let mut f = Feature::new(19);
            let (mut runs, mut at, mut last, mut len) = (0u64, 0u64, 0u64, 0u64);
            for (i, &c) in self.chars.iter().enumerate() {
                let k = class(c);
                if k != last || i == p {
                    if i > 0 {
                        f = f.int(last).int(len.min(5));
                    }
                    runs += 1;
                    (last, len) = (k, 0);
                }
                if i == p {
                    at = runs;
                }
                len += 1;
            }
            out.push(f.int(last).int(len.min(5)).int(at).finish());
        }
        // Around typographic characters, the same windows with their ASCII counterparts (only
        // there, so that plain ASCII text sees exactly the features it was trained on).
        let (all, al, ar, arr) = (
            self.ascii(q - 2),
            self.ascii(q - 1),
            self.ascii(q),
            self.ascii(q + 1),
        );
        if (all, al, ar, arr) != (ll, l, r, rr) {
            out.push(Feature::new(1).int(al).int(ar).finish());
            out.push(Feature::new(2).int(all).int(al).int(ar).finish());
            out.push(Feature::new(3).int(al).int(ar).int(arr).finish());
        }
    }

    /// Token start positions (besides 0) chosen by `decide` at each candidate, left to right;
    /// `decide(features, p)` says whether `p` starts a token. URLs, e-mail addresses and file
    /// names (found with `protect`, scratch space) are tokens by rule.
    pub(crate) fn walk(
        &self,
        known: &impl Fn(u64) -> bool,
        feats: &mut Vec<u64>,
        starts: &mut Vec<usize>,
        protect: &mut Vec<(usize, usize)>,
        mut decide: impl FnMut(&[u64], usize) -> bool,
    ) {
        starts.clear();
        protected_spans(self.chars, protect);
        let mut spans = protect.iter().copied().peekable();
        let mut b = 0;
        for p in 1..self.chars.len() {
            while spans.peek().is_some_and(|s| s.1 < p) {
                spans.next();
            }
            let forced = match spans.peek() {
                Some(&(a, e)) if p == a || p == e => Some(true),
                Some(&(a, e)) if a < p && p < e => Some(false),
                _ => None,
            };
            let start = match forced {
                Some(f) => f,
                None if is_candidate(self.chars[p - 1], self.chars[p]) => {
                    self.features(b, p, known, feats);
                    decide(feats, p)
                }
                None => false,
            };
            if start {
                starts.push(p);
                b = p;
            }
        }
    }
}

/// Whether a character can be part of a URL, e-mail address or file name.
fn url_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '.' | '_' | '-' | '@' | '/' | ':' | '?' | '=' | '&' | '%' | '#' | '~' | '+'
        )
}

/// Spans of a stretch that are URLs, e-mail addresses or file names, in order.
pub(crate) fn protected_spans(chars: &[char], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut i = 0;
    while i < chars.len() {
        if !url_char(chars[i]) {
            i += 1;
            continue;
        }
        let a = i;
        while i < chars.len() && url_char(chars[i]) {
            i += 1;
        }
        let mut e = i;
        while e > a && matches!(chars[e - 1], '.' | ':' | '?' | '-') {
            e -= 1;
        }
        let plain = chars[a..e].iter().all(|c| c.is_alphanumeric());
        if !plain && is_url_like(&chars[a..e]) {
            out.push((a, e));
        }
    }
}

/// Decides with a trained model: a boundary where class 1 outscores class 0.
#[inline]
pub(crate) fn model_decides(model: &Table, feats: &[u64], scores: &mut [f32; 2]) -> bool {
    model.scores(feats, scores);
    scores[1] > scores[0]
}
