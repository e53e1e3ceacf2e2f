//! Multiword tokens: surface tokens that are several syntactic words (`don't` → `do` `n't`,
//! `Bush's` → `Bush` `'s`, `cannot` → `can` `not`, `gonna` → `gon` `na`).
//!
//! The treebank's analyses are learned as a table (lower-cased surface → lower-cased words), kept
//! only where the token is analysed as several words more often than as one (EWT writes `its`
//! both ways; it stays one word). Tokens not in the table fall back to English clitic rules for
//! `n't`, `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m` and the plural possessive `s'`, unless the treebank
//! shows that token whole more often.

use std::collections::{HashMap, HashSet};

use crate::chars::lower;

/// Apostrophes the clitic rules accept.
const APOSTROPHES: &[char] = &['\'', '’', '`'];

/// Learned multiword analyses.
#[derive(Debug, Clone, Default)]
pub(crate) struct Splitter {
    table: HashMap<String, Vec<String>>,
    whole: HashSet<String>,
}

/// Where the clitic rules would split a lower-cased token, if anywhere.
pub(crate) fn clitic_split(t: &[char]) -> Option<usize> {
    let n = t.len();
    let apos = |i: usize| t.get(i).is_some_and(|c| APOSTROPHES.contains(c));
    let word_before = |i: usize| {
        i > 0
            && t[..i]
                .iter()
                .all(|c| c.is_alphanumeric() || *c == '.' || *c == '&')
    };
    // n't
    if n > 3 && t[n - 3] == 'n' && apos(n - 2) && t[n - 1] == 't' && word_before(n - 3) {
        return Some(n - 3);
    }
    // 's 'm 'd
    if n > 2 && apos(n - 2) && matches!(t[n - 1], 's' | 'm' | 'd') && word_before(n - 2) {
        return Some(n - 2);
    }
    // 're 've 'll
    if n > 3
        && apos(n - 3)
        && matches!((t[n - 2], t[n - 1]), ('r', 'e') | ('v', 'e') | ('l', 'l'))
        && word_before(n - 3)
    {
        return Some(n - 3);
    }
    // s'
    if n > 2 && apos(n - 1) && t[n - 2] == 's' && t[..n - 1].iter().all(|c| c.is_alphabetic()) {
        return Some(n - 1);
    }
    None
}

impl Splitter {
    /// Builds the splitter from (lower-cased surface, lower-cased words) observations; a
    /// single-word analysis has one word.
    pub(crate) fn learn(observations: impl Iterator<Item = (String, Vec<String>)>) -> Self {
        let mut counts: HashMap<String, HashMap<Vec<String>, u32>> = HashMap::new();
        for (surface, words) in observations {
            *counts.entry(surface).or_default().entry(words).or_default() += 1;
        }
        let mut table = HashMap::new();
        let mut whole = HashSet::new();
        for (surface, analyses) in counts {
            // Most frequent analysis; ties go to the smallest, for determinism.
            let Some((best, _)) = analyses
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            else {
                continue;
            };
            if best.len() > 1 {
                table.insert(surface, best.clone());
            } else {
                let chars: Vec<char> = surface.chars().collect();
                if clitic_split(&chars).is_some() {
                    whole.insert(surface);
                }
            }
        }
        Splitter { table, whole }
    }

    /// The table and the whole-token exceptions, sorted, for saving.
    pub(crate) fn to_parts(&self) -> (Vec<(String, Vec<String>)>, Vec<String>) {
        let mut table: Vec<_> = self
            .table
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        table.sort();
        let mut whole: Vec<_> = self.whole.iter().cloned().collect();
        whole.sort();
        (table, whole)
    }

    /// Rebuilds from saved parts.
    pub(crate) fn from_parts(table: Vec<(String, Vec<String>)>, whole: Vec<String>) -> Self {
        Splitter {
            table: table.into_iter().collect(),
            whole: whole.into_iter().collect(),
        }
    }

    /// Splits a token (its characters; `buf` and `lowered` are scratch space) into words: pushes
    /// `(start, end, normalised form)` relative to the token, where the form is `None` when it
    /// is the surface slice itself.
    pub(crate) fn split(
        &self,
        chars: &[char],
        buf: &mut String,
        lowered: &mut Vec<char>,
        out: &mut Vec<(usize, usize, Option<String>)>,
    ) {
        out.clear();
        let n = chars.len();
        if !(2..=24).contains(&n) {
            out.push((0, n, None));
            return;
        }
        lowered.clear();
        lowered.extend(chars.iter().map(|&c| lower(c)));
        buf.clear();
        buf.extend(lowered.iter());
        if let Some(words) = self.table.get(buf.as_str()) {
            let mut pos = 0;
            let mut spans = Vec::with_capacity(words.len());
            for w in words {
                let w: Vec<char> = w.chars().collect();
                match find(lowered, &w, pos) {
                    Some(s) => {
                        spans.push((s, s + w.len()));
                        pos = s + w.len();
                    }
                    None => break,
                }
            }
            if spans.len() == words.len() {
                out.extend(spans.into_iter().map(|(s, e)| (s, e, None)));
            } else {
                out.extend(words.iter().map(|w| (0, n, Some(w.clone()))));
            }
            return;
        }
        if let Some(k) = clitic_split(lowered).filter(|_| !self.whole.contains(buf.as_str())) {
            out.push((0, k, None));
            out.push((k, n, None));
            return;
        }
        out.push((0, n, None));
    }
}

/// First occurrence of `needle` in `hay` at or after `from`.
fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    (from..=hay.len().checked_sub(needle.len())?).find(|&i| hay[i..i + needle.len()] == *needle)
}
