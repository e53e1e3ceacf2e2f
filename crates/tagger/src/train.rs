//! Training: the tag set, the tag dictionary and both perceptron passes from a treebank.
//!
//! Both passes learn together, sentence by sentence: the first pass tags greedily with its current
//! weights (its own mistakes become the history it learns from, as at tagging time), and the second
//! pass learns from those same first-pass guesses as its right context, so it sees realistic errors.
//! [`TrainOptions::min_count`] can drop rarely seen features for a smaller, faster model; by default
//! every feature is kept, which is slightly more accurate.

use std::collections::{BTreeMap, HashMap};

use tacitus_conllu::{Sentence, Word};
use tacitus_perceptron::{MAX_CLASSES, Table, Trainer, average_ensemble, best_of, hash_str};

use crate::features::{Token, extract_tags, extract_words, tokens};
use crate::model::{Tagger, decode, dictionary_classes};

/// Most (UPOS, XPOS) pairs a tagger distinguishes: both passes' classes must fit the scoring
/// table (EWT has about 50).
pub(crate) const MAX_TAGS: usize = MAX_CLASSES / 2;

/// A word needs at least this many training occurrences to enter the tag dictionary…
const DICT_MIN_COUNT: usize = 20;
/// …and this share of them with a single tag.
const DICT_MIN_SHARE: f64 = 0.99;

/// Settings for [`Tagger::train`].
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub iterations: usize,
    /// Seed of the sentence shuffle; the same seed and data give the same model.
    pub seed: u64,
    /// Averaged weights of at most this magnitude are dropped from the model.
    pub prune: f32,
    /// Features seen fewer times than this (in either pass of the first iteration) are dropped.
    pub min_count: u32,
    /// Number of taggers trained with successive seeds and merged into one model whose scores
    /// are the mean of theirs (an ensemble at the tagging cost of one model).
    pub ensemble: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 10,
            seed: 1,
            prune: 0.0,
            min_count: 1,
            ensemble: 1,
        }
    }
}

/// One training sentence, ready to learn from.
struct Example {
    toks: Vec<Token>,
    gold: Vec<u16>,
    fixed: Vec<Option<u16>>,
}

impl Tagger {
    /// Trains a tagger on the UPOS and XPOS of `sentences`, calling `progress(done, total)` after
    /// each iteration. Deterministic given `opts.seed`.
    pub fn train(
        sentences: &[Sentence],
        opts: &TrainOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Tagger {
        let tags = tag_set(sentences);
        let class_of: HashMap<(&str, &str), u16> = tags
            .iter()
            .enumerate()
            .map(|(c, (u, x))| ((u.as_str(), x.as_str()), c as u16))
            .collect();
        let dict = tag_dict(sentences, &class_of);
        let examples: Vec<Example> = sentences
            .iter()
            .filter(|s| !s.words.is_empty())
            .map(|s| {
                let toks = tokens(s.words.iter().map(|w| w.form.as_str()));
                let fixed = dictionary_classes(&dict, &toks);
                let gold = s.words.iter().map(|w| class(&class_of, w)).collect();
                Example { toks, gold, fixed }
            })
            .collect();

        let n = tags.len();
        let runs = opts.ensemble.max(1);
        let total = runs * opts.iterations;
        let mut trainers = Vec::with_capacity(runs);
        let mut seen: [HashMap<u64, u32>; 2] = Default::default();
        for r in 0..runs {
            let seed = opts.seed.wrapping_add(r as u64);
            let count = opts.min_count > 1 && r == 0;
            let trainer = train_run(
                &examples,
                n,
                opts.iterations,
                seed,
                count.then_some(&mut seen),
                &mut |it| progress(r * opts.iterations + it, total),
            );
            trainers.push(trainer);
        }
        let count = |f: u64| seen.iter().filter_map(|s| s.get(&f)).max().copied();
        let model = average_ensemble(&trainers, opts.prune, |f| {
            opts.min_count <= 1 || count(f) >= Some(opts.min_count)
        });
        // `tag_set` keeps at most MAX_TAGS tags, so both passes fit the table.
        let model = Table::new(&model).expect("at most MAX_TAGS tags");
        Tagger { tags, dict, model }
    }
}

/// One perceptron trained over `iterations` shuffled passes; counts each feature's occurrences in
/// the first iteration into `seen` when given.
fn train_run(
    examples: &[Example],
    n: usize,
    iterations: usize,
    seed: u64,
    mut seen: Option<&mut [HashMap<u64, u32>; 2]>,
    progress: &mut dyn FnMut(usize),
) -> Trainer {
    // Classes 0..n are the first pass's, n..2n the second's (see `Tagger::model`).
    let mut trainer = Trainer::new(2 * n);
    let mut scores = vec![0.0f32; 2 * n];
    let mut feats = Vec::with_capacity(64);
    let mut rng = SplitMix64(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for it in 0..iterations {
        let mut learn = |ex: &Example, pass: usize, i: usize, ctx| {
            extract_words(&ex.toks, i, &mut feats);
            extract_tags(&ex.toks, i, ctx, &mut feats);
            if let Some(seen) = seen.as_deref_mut().filter(|_| it == 0) {
                for &f in &feats {
                    *seen[pass].entry(f).or_default() += 1;
                }
            }
            trainer.scores(&feats, &mut scores);
            let offset = pass * n;
            let guess = best_of(&scores[offset..offset + n], |_| true).unwrap_or(0);
            trainer.update(&feats, offset + ex.gold[i] as usize, offset + guess);
            guess as u16
        };
        shuffle(&mut order, &mut rng);
        for &e in &order {
            let ex = &examples[e];
            let guesses = decode(&ex.fixed, None, |i, c| learn(ex, 0, i, c));
            decode(&ex.fixed, Some(&guesses), |i, c| learn(ex, 1, i, c));
        }
        progress(it + 1);
    }
    trainer
}

/// The class of a training word's tags (0 for pairs left out of an absurdly large tag set).
fn class(class_of: &HashMap<(&str, &str), u16>, w: &Word) -> u16 {
    class_of
        .get(&(w.upos.as_str(), w.xpos.as_str()))
        .copied()
        .unwrap_or(0)
}

/// Every (UPOS, XPOS) pair in the data, sorted.
fn tag_set(sentences: &[Sentence]) -> Vec<(String, String)> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for w in sentences.iter().flat_map(|s| &s.words) {
        *counts.entry((&w.upos, &w.xpos)).or_default() += 1;
    }
    let mut by_count: Vec<((&str, &str), usize)> = counts.into_iter().collect();
    // Both passes' classes must fit the scoring table's classes; absurd tag sets lose the
    // rarest pairs (their words train as the first tag).
    by_count.sort_by_key(|&(pair, n)| (std::cmp::Reverse(n), pair));
    by_count.truncate(MAX_TAGS);
    let mut tags: Vec<(String, String)> = by_count
        .into_iter()
        .map(|((u, x), _)| (u.to_string(), x.to_string()))
        .collect();
    tags.sort();
    if tags.is_empty() {
        tags.push(("X".into(), "_".into()));
    }
    tags
}

/// Frequent words that (almost) always carry one tag, as (form hash, class) sorted by hash.
fn tag_dict(sentences: &[Sentence], class_of: &HashMap<(&str, &str), u16>) -> Vec<(u64, u16)> {
    let mut counts: BTreeMap<&str, BTreeMap<u16, usize>> = BTreeMap::new();
    for w in sentences.iter().flat_map(|s| &s.words) {
        let c = class(class_of, w);
        *counts.entry(&w.form).or_default().entry(c).or_default() += 1;
    }
    let mut dict: Vec<(u64, u16)> = counts
        .into_iter()
        .filter_map(|(form, by_class)| {
            let total: usize = by_class.values().sum();
            let (&class, &n) = by_class
                .iter()
                .max_by_key(|&(c, n)| (*n, std::cmp::Reverse(*c)))?;
            (total >= DICT_MIN_COUNT && n as f64 >= DICT_MIN_SHARE * total as f64)
                .then(|| (hash_str(form), class))
        })
        .collect();
    dict.sort_unstable();
    dict.dedup_by_key(|e| e.0);
    dict
}

/// A small, fast, seedable random number generator (Steele et al. 2014), for the shuffle.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Fisher–Yates shuffle.
fn shuffle<T>(items: &mut [T], rng: &mut SplitMix64) {
    for i in (1..items.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_seeded_permutation() {
        let mut a: Vec<usize> = (0..50).collect();
        let mut b = a.clone();
        shuffle(&mut a, &mut SplitMix64(7));
        shuffle(&mut b, &mut SplitMix64(7));
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
        a.sort();
        assert_eq!(a, (0..50).collect::<Vec<_>>());
    }
}
