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

use tacitus_perceptron::Model;

use crate::chars::{BOS, EOS, class, hash_seq, is_url_like, lexicon_key, shape};
use tacitus_perceptron::Feature;

/// Longest piece looked up in the lexicon or used as a lexical feature.
const MAX_PIECE: usize = 24;

/// Whether a token boundary may fall between `l` and `r`.
#[inline]
pub(crate) fn is_candidate(l: char, r: char) -> bool {
    !((l.is_alphabetic() && r.is_alphabetic()) || (l.is_numeric() && r.is_numeric()))
}

/// A whitespace-free stretch of text, with its lower-cased copy.
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
    }

    /// Token start positions (besides 0) chosen by `decide` at each candidate, left to right;
    /// `decide(features, p)` says whether `p` starts a token.
    pub(crate) fn walk(
        &self,
        known: &impl Fn(u64) -> bool,
        feats: &mut Vec<u64>,
        starts: &mut Vec<usize>,
        mut decide: impl FnMut(&[u64], usize) -> bool,
    ) {
        starts.clear();
        let mut b = 0;
        for p in 1..self.chars.len() {
            if !is_candidate(self.chars[p - 1], self.chars[p]) {
                continue;
            }
            self.features(b, p, known, feats);
            if decide(feats, p) {
                starts.push(p);
                b = p;
            }
        }
    }
}

/// Characters peeled off the front of a URL-like stretch as tokens of their own.
const URL_OPEN: &[char] = &['(', '[', '{', '<', '"', '\'', '“', '‘', '«'];
/// Characters peeled off the end of a URL-like stretch as tokens of their own.
const URL_CLOSE: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', '\'', '”', '’', '»',
];

/// Token starts for a stretch that is a URL or e-mail address: leading and trailing punctuation
/// become single-character tokens, the rest stays whole. `None` when the stretch is not URL-like.
pub(crate) fn url_starts(chars: &[char], starts: &mut Vec<usize>) -> Option<()> {
    let a = chars.iter().take_while(|c| URL_OPEN.contains(c)).count();
    let mut e = chars.len();
    while e > a && URL_CLOSE.contains(&chars[e - 1]) {
        e -= 1;
    }
    if e <= a || !is_url_like(&chars[a..e]) {
        return None;
    }
    starts.clear();
    starts.extend(1..=a);
    starts.extend(e..chars.len());
    starts.retain(|&s| s > 0 && s < chars.len());
    starts.dedup();
    Some(())
}

/// Decides with a trained model: a boundary where class 1 outscores class 0.
#[inline]
pub(crate) fn model_decides(model: &Model, feats: &[u64], scores: &mut [f32; 2]) -> bool {
    model.scores(feats, scores);
    scores[1] > scores[0]
}
