//! The trained lemmatizer: lookup, rule application and its model file.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tacitus_conllu::{Sentence, Word};
use tacitus_modelfile::ModelError;
use tacitus_perceptron::{Feature, hash_str};

/// Model kind written in the file header.
const KIND: &str = "lemmatizer";
/// Schema version of [`Lemmatizer`]'s serialized form.
const VERSION: u32 = 1;

/// Longest suffix (in characters) an edit rule is keyed on.
pub(crate) const MAX_SUFFIX: usize = 6;

/// A suffix edit: remove `strip` characters from the end of the word, then append `append`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub(crate) struct Rule {
    pub strip: u32,
    pub append: String,
}

impl Rule {
    /// The rule turning `from` into `to`.
    pub(crate) fn between(from: &str, to: &str) -> Rule {
        let common = from
            .chars()
            .zip(to.chars())
            .take_while(|(a, b)| a == b)
            .count();
        Rule {
            strip: (from.chars().count() - common) as u32,
            append: to.chars().skip(common).collect(),
        }
    }

    /// The stem `word` keeps under this rule, `None` if the rule strips more than the word has.
    fn stem<'a>(&self, word: &'a str) -> Option<&'a str> {
        let keep = word.chars().count().checked_sub(self.strip as usize)?;
        let end = word.char_indices().nth(keep).map_or(word.len(), |(i, _)| i);
        Some(&word[..end])
    }

    /// `word` edited by this rule, `None` if the rule strips more than the word has.
    fn apply(&self, word: &str) -> Option<String> {
        self.stem(word).map(|stem| format!("{stem}{}", self.append))
    }
}

/// How a lemma's case follows its form's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub(crate) enum Case {
    /// All lower case ("The" → "the").
    Lower,
    /// Lower case but for an upper-case first letter ("kerala" → "Kerala").
    Title,
    /// As in the form ("U.S." → "U.S.", "NASA" → "NASA").
    Keep,
}

impl Case {
    /// The case convention `lemma` follows, given its lower-cased form `low`.
    pub(crate) fn of(lemma: &str, low: &str) -> Case {
        if lemma == low {
            Case::Lower
        } else if lemma == capitalize(low) {
            Case::Title
        } else {
            Case::Keep
        }
    }
}

/// Whether `form` is a number with thousands separators ("1,200", "3,202.61").
pub(crate) fn is_grouped_number(form: &str) -> bool {
    let int = form.split_once('.').map_or(form, |(i, _)| i);
    let frac_ok = form
        .split_once('.')
        .is_none_or(|(_, f)| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    let mut groups = int.split(',');
    let head_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let mut rest = groups.peekable();
    let has_rest = rest.peek().is_some();
    head_ok
        && frac_ok
        && has_rest
        && rest.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// The case pattern of a word, which decides (with the XPOS) whether its lemma keeps case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// No upper-case letter.
    Lower,
    /// Upper-case first letter, not all upper case.
    Title,
    /// Two or more letters, all upper case.
    Upper,
    /// Anything else ("iPhone").
    Mixed,
}

/// The [`Shape`] of `form`.
pub(crate) fn shape(form: &str) -> Shape {
    let mut letters = form.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Shape::Lower;
    };
    let (mut n, mut upper) = (1, usize::from(first.is_uppercase()));
    for c in letters {
        n += 1;
        upper += usize::from(c.is_uppercase());
    }
    match (first.is_uppercase(), upper) {
        (_, 0) => Shape::Lower,
        (true, u) if u == n && n > 1 => Shape::Upper,
        (true, 1) => Shape::Title,
        _ => Shape::Mixed,
    }
}

/// Lower-cases `s` (Unicode-aware).
pub(crate) fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        s.to_lowercase().into()
    } else {
        s.into()
    }
}

/// Key of a (form, XPOS) pair.
pub(crate) fn key(form: &str, xpos: &str) -> u64 {
    Feature::new(0).str(form).str(xpos).finish()
}

/// Key of a (suffix length, suffix, XPOS) triple.
pub(crate) fn suffix_key(len: usize, suffix: &str, xpos: &str) -> u64 {
    Feature::new(1)
        .int(len as u64)
        .str(suffix)
        .str(xpos)
        .finish()
}

/// Key of an (XPOS, word shape) pair.
pub(crate) fn case_key(xpos: &str, shape: Shape) -> u64 {
    Feature::new(2).str(xpos).int(shape as u64).finish()
}

/// Key of a (lower-cased form, UPOS, XPOS) triple, for FEATS.
pub(crate) fn feats_key(lower: &str, upos: &str, xpos: &str) -> u64 {
    Feature::new(3).str(lower).str(upos).str(xpos).finish()
}

/// Key of a (UPOS, XPOS) pair, for FEATS.
pub(crate) fn tags_key(upos: &str, xpos: &str) -> u64 {
    Feature::new(4).str(upos).str(xpos).finish()
}

/// Value stored under `k` in a table sorted by key.
///
/// Keys are hashes, spread evenly over `u64`, so a key's place is predictable: the search starts
/// where the key should be and widens from there, touching a few neighbouring cache lines instead
/// of a binary search's scattered ones.
#[inline]
fn find<T: Copy>(table: &[(u64, T)], k: u64) -> Option<T> {
    let n = table.len();
    if n == 0 {
        return None;
    }
    let guess = ((u128::from(k) * n as u128) >> 64) as usize;
    let (mut lo, mut hi) = (guess, guess + 1);
    let mut step = 1;
    while lo > 0 && table[lo].0 > k {
        lo = lo.saturating_sub(step);
        step *= 2;
    }
    step = 1;
    while hi < n && table[hi - 1].0 < k {
        hi = (hi + step).min(n);
        step *= 2;
    }
    table[lo..hi]
        .binary_search_by_key(&k, |e| e.0)
        .ok()
        .map(|i| table[lo + i].1)
}

/// A trained lemmatizer. Every table is sorted by key, so equal data gives identical model files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lemmatizer {
    /// Distinct lemmas and FEATS values, referred to by index.
    pub(crate) strings: Vec<String>,
    /// Distinct edit rules, referred to by index.
    pub(crate) rules: Vec<Rule>,
    /// (form, XPOS) → lemma (index into `strings`), for forms seen in training.
    pub(crate) exact: Vec<(u64, u32)>,
    /// (lower-cased form, XPOS) → rule from the lower-cased form to the lower-cased lemma.
    pub(crate) lowered: Vec<(u64, u32)>,
    /// (suffix length, lower-cased suffix, XPOS) → rule, for unseen words.
    pub(crate) suffixes: Vec<(u64, u32)>,
    /// Hashes of every lower-cased lemma in training, sorted: a suffix rule whose result is a
    /// known lemma is preferred over a longer one that makes up a word.
    pub(crate) lemmas: Vec<u64>,
    /// (XPOS, word shape) → how the lemma's case follows the form's.
    pub(crate) case: Vec<(u64, Case)>,
    /// Whether numbers lose their thousands separators ("1,200" → "1200").
    pub(crate) ungroup_numbers: bool,
    /// (lower-cased form, UPOS, XPOS) → FEATS where it differs from the tags' usual FEATS.
    pub(crate) word_feats: Vec<(u64, u32)>,
    /// (UPOS, XPOS) → most frequent FEATS.
    pub(crate) tag_feats: Vec<(u64, u32)>,
}

impl Lemmatizer {
    /// Fills `lemma` and `feats` of every word of `sentence` from its form, UPOS and XPOS.
    pub fn lemmatize(&self, sentence: &mut Sentence) {
        for w in &mut sentence.words {
            self.lemmatize_word(w);
        }
    }

    /// Fills `lemma` and `feats` of one word.
    fn lemmatize_word(&self, w: &mut Word) {
        let low = lower(&w.form);
        let lemma = match find(&self.exact, key(&w.form, &w.xpos)) {
            Some(s) => self.strings[s as usize].clone(),
            None => self.guess(&w.form, &low, &w.xpos),
        };
        w.lemma = lemma;
        let feats = find(&self.word_feats, feats_key(&low, &w.upos, &w.xpos))
            .or_else(|| find(&self.tag_feats, tags_key(&w.upos, &w.xpos)));
        w.feats = feats.map_or_else(|| "_".to_string(), |f| self.strings[f as usize].clone());
    }

    /// The lemma of a (form, XPOS) not seen in training; `low` is the lower-cased form.
    fn guess(&self, form: &str, low: &str, xpos: &str) -> String {
        if self.ungroup_numbers && is_grouped_number(form) {
            return form.replace(',', "");
        }
        let rule = find(&self.lowered, key(low, xpos))
            .or_else(|| self.suffix_rule(low, xpos))
            .and_then(|r| self.rules.get(r as usize));
        let shape = shape(form);
        match find(&self.case, case_key(xpos, shape)).unwrap_or(Case::Lower) {
            Case::Lower => rule
                .and_then(|r| r.apply(low))
                .unwrap_or_else(|| low.into()),
            Case::Title => capitalize(
                &rule
                    .and_then(|r| r.apply(low))
                    .unwrap_or_else(|| low.into()),
            ),
            Case::Keep => match rule.map(|r| (r, r.stem(form))) {
                None | Some((_, None)) => form.to_string(),
                Some((r, Some(""))) if shape == Shape::Title => capitalize(&r.append),
                Some((r, Some(stem))) if shape == Shape::Upper => {
                    format!("{stem}{}", r.append.to_uppercase())
                }
                Some((r, Some(stem))) => format!("{stem}{}", r.append),
            },
        }
    }

    /// The suffix rule for an unseen lower-cased word: the one keyed on the longest suffix whose
    /// result is a known lemma, else the one keyed on the longest suffix.
    fn suffix_rule(&self, low: &str, xpos: &str) -> Option<u32> {
        let starts: Vec<usize> = low.char_indices().map(|(i, _)| i).collect();
        let mut longest = None;
        for n in (0..=MAX_SUFFIX.min(starts.len().saturating_sub(1))).rev() {
            let from = if n == 0 {
                low.len()
            } else {
                starts[starts.len() - n]
            };
            let Some(r) = find(&self.suffixes, suffix_key(n, &low[from..], xpos)) else {
                continue;
            };
            let lemma = self.rules.get(r as usize).and_then(|rule| rule.apply(low));
            if lemma.is_some_and(|l| self.lemmas.binary_search(&hash_str(&l)).is_ok()) {
                return Some(r);
            }
            longest.get_or_insert(r);
        }
        longest
    }

    /// Writes the lemmatizer to `path` (model kind "lemmatizer").
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        tacitus_modelfile::save(path, KIND, VERSION, self)
    }

    /// Reads a lemmatizer written by [`Lemmatizer::save`], refusing damaged or inconsistent files.
    pub fn load(path: &Path) -> Result<Lemmatizer, ModelError> {
        let m: Lemmatizer = tacitus_modelfile::load(path, KIND, VERSION)?;
        let ok = |t: &[(u64, u32)], n: usize| {
            t.iter().all(|e| (e.1 as usize) < n) && t.windows(2).all(|w| w[0].0 < w[1].0)
        };
        let (s, r) = (m.strings.len(), m.rules.len());
        let consistent = ok(&m.exact, s)
            && ok(&m.word_feats, s)
            && ok(&m.tag_feats, s)
            && ok(&m.lowered, r)
            && ok(&m.suffixes, r)
            && m.lemmas.windows(2).all(|w| w[0] < w[1])
            && m.case.windows(2).all(|w| w[0].0 < w[1].0);
        if !consistent {
            return Err(ModelError::Corrupt {
                path: path.to_path_buf(),
                what: "inconsistent lemma tables".into(),
            });
        }
        Ok(m)
    }
}

/// `s` with its first character upper-cased.
pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_edit_suffixes() {
        let r = Rule::between("studies", "study");
        assert_eq!(
            r,
            Rule {
                strip: 3,
                append: "y".into()
            }
        );
        assert_eq!(r.stem("flies"), Some("fl"));
        assert_eq!(r.stem("es"), None);
        assert_eq!(Rule::between("went", "go").stem("went"), Some(""));
        assert_eq!(Rule::between("naïve", "naïve").stem("naïve"), Some("naïve"));
        assert_eq!(Rule::between("cafés", "café").stem("cafés"), Some("café"));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("dog"), Shape::Lower);
        assert_eq!(shape("Dog"), Shape::Title);
        assert_eq!(shape("U.S."), Shape::Upper);
        assert_eq!(shape("A"), Shape::Title);
        assert_eq!(shape("iPhone"), Shape::Mixed);
        assert_eq!(shape("42"), Shape::Lower);
        assert_eq!(capitalize("go"), "Go");
        assert_eq!(Case::of("the", "the"), Case::Lower);
        assert_eq!(Case::of("Kerala", "kerala"), Case::Title);
        assert_eq!(Case::of("U.S.", "u.s."), Case::Keep);
        for n in ["1,200", "200,000", "3,202.61"] {
            assert!(is_grouped_number(n), "{n}");
        }
        for n in [
            "1200", "3,40", "7,5", ",200", "1,2000", "a,bcd", "1,200.", "",
        ] {
            assert!(!is_grouped_number(n), "{n}");
        }
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn find_agrees_with_binary_search() {
        let mut x = 0x1234_5678_9abc_def0u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for n in [0usize, 1, 2, 3, 17, 1000] {
            // Clustered keys (high bits cleared) defeat the position guess: the search must widen.
            for clustered in [false, true] {
                let mut table: Vec<(u64, u32)> = (0..n)
                    .map(|i| (if clustered { next() >> 20 } else { next() }, i as u32))
                    .collect();
                table.sort_unstable();
                table.dedup_by_key(|e| e.0);
                for &(k, v) in &table {
                    assert_eq!(find(&table, k), Some(v));
                }
                for _ in 0..200 {
                    let k = next();
                    let want = table
                        .binary_search_by_key(&k, |e| e.0)
                        .ok()
                        .map(|i| table[i].1);
                    assert_eq!(find(&table, k), want);
                }
            }
        }
    }
}
