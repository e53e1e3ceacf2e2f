//! Training: counting lemmas, edit rules, case conventions and FEATS in a treebank.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::Hash;

use tacitus_conllu::Sentence;

use tacitus_perceptron::hash_str;

use crate::model::{
    Case, Lemmatizer, MAX_SUFFIX, Rule, case_key, feats_key, is_grouped_number, key, lower, shape,
    suffix_key, tags_key,
};

/// A suffix rule is kept only when at least this many distinct training words support it…
const MIN_SUFFIX_SUPPORT: usize = 2;
/// …and it is right for at least this share of them.
const MIN_SUFFIX_SHARE: f64 = 0.5;

/// Counts of values per key.
type Counts<K, V> = HashMap<K, HashMap<V, usize>>;

/// The most frequent value of each key (ties go to the smallest value), sorted by key.
fn majority<K: Ord + Copy, V: Ord + Clone>(counts: Counts<K, V>) -> Vec<(K, V, usize, usize)> {
    let mut out: Vec<(K, V, usize, usize)> = counts
        .into_iter()
        .filter_map(|(k, by_value)| {
            let total = by_value.values().sum();
            let (v, n) = by_value
                .into_iter()
                .max_by_key(|(v, n)| (*n, Reverse(v.clone())))?;
            Some((k, v, n, total))
        })
        .collect();
    out.sort_by_key(|e| e.0);
    out
}

/// Adds one occurrence of `v` under `k`.
fn count<K: Hash + Eq, V: Hash + Eq>(counts: &mut Counts<K, V>, k: K, v: V) {
    *counts.entry(k).or_default().entry(v).or_default() += 1;
}

/// Assigns dense indices to values in sorted order, so the model does not depend on hash order.
struct Interner<T: Ord>(BTreeMap<T, u32>);

impl<T: Ord + Clone> Interner<T> {
    fn new(values: impl IntoIterator<Item = T>) -> Self {
        let set: BTreeSet<T> = values.into_iter().collect();
        Interner(set.into_iter().zip(0..).collect())
    }

    fn id(&self, v: &T) -> u32 {
        self.0[v]
    }

    fn into_vec(self) -> Vec<T> {
        self.0.into_keys().collect()
    }
}

impl Lemmatizer {
    /// Learns lemmas, edit rules and FEATS from the forms, tags, lemmas and FEATS of `sentences`.
    /// Deterministic: the same sentences give the same model.
    pub fn train(sentences: &[Sentence]) -> Lemmatizer {
        let words = || {
            sentences
                .iter()
                .flat_map(|s| &s.words)
                .filter(|w| w.lemma != "_" || w.form == "_")
        };
        let mut exact: Counts<u64, &str> = HashMap::new();
        let mut lowered: Counts<u64, Rule> = HashMap::new();
        let mut case: Counts<u64, Case> = HashMap::new();
        let mut ungroup: Counts<(), bool> = HashMap::new();
        let mut types: BTreeSet<(String, &str, String)> = BTreeSet::new();
        let mut word_feats: Counts<(u64, u64), &str> = HashMap::new();
        let mut tag_feats: Counts<u64, &str> = HashMap::new();
        for w in words() {
            let low = lower(&w.form).into_owned();
            let low_lemma = lower(&w.lemma).into_owned();
            count(&mut exact, key(&w.form, &w.xpos), w.lemma.as_str());
            count(
                &mut lowered,
                key(&low, &w.xpos),
                Rule::between(&low, &low_lemma),
            );
            types.insert((low.clone(), w.xpos.as_str(), low_lemma.clone()));
            count(
                &mut case,
                case_key(&w.xpos, shape(&w.form)),
                Case::of(&w.lemma, &low_lemma),
            );
            if is_grouped_number(&w.form) {
                count(&mut ungroup, (), w.lemma == w.form.replace(',', ""));
            }
            let tags = tags_key(&w.upos, &w.xpos);
            let word = feats_key(&low, &w.upos, &w.xpos);
            count(&mut word_feats, (word, tags), w.feats.as_str());
            count(&mut tag_feats, tags, w.feats.as_str());
        }
        // Suffix rules count word types, not tokens: unseen words are rare words, which follow
        // the regular patterns of the many rare types rather than the irregular frequent ones.
        let mut suffixes: Counts<u64, Rule> = HashMap::new();
        for (low, xpos, lemma) in &types {
            let rule = Rule::between(low, lemma);
            let starts: Vec<usize> = low.char_indices().map(|(i, _)| i).collect();
            // A rule keyed on a suffix may only rewrite that suffix.
            for n in rule.strip as usize..=MAX_SUFFIX.min(starts.len().saturating_sub(1)) {
                let from = if n == 0 {
                    low.len()
                } else {
                    starts[starts.len() - n]
                };
                count(
                    &mut suffixes,
                    suffix_key(n, &low[from..], xpos),
                    rule.clone(),
                );
            }
        }

        let exact = majority(exact);
        let lowered = majority(lowered);
        let suffixes: Vec<_> = majority(suffixes)
            .into_iter()
            .filter(|&(_, _, n, total)| {
                n >= MIN_SUFFIX_SUPPORT && n as f64 >= MIN_SUFFIX_SHARE * total as f64
            })
            .collect();
        let tag_feats = majority(tag_feats);
        let usual: HashMap<u64, &str> = tag_feats.iter().map(|e| (e.0, e.1)).collect();
        // A word's FEATS are stored only where they differ from its tags' usual FEATS.
        let mut word_feats: Vec<_> = majority(word_feats)
            .into_iter()
            .filter(|e| usual.get(&e.0.1) != Some(&e.1))
            .map(|((word, _), v, n, total)| (word, v, n, total))
            .collect();
        word_feats.dedup_by_key(|e| e.0);

        let strings = Interner::new(
            exact
                .iter()
                .map(|e| e.1)
                .chain(tag_feats.iter().map(|e| e.1))
                .chain(word_feats.iter().map(|e| e.1))
                .map(str::to_string),
        );
        let rules = Interner::new(
            lowered
                .iter()
                .map(|e| e.1.clone())
                .chain(suffixes.iter().map(|e| e.1.clone())),
        );
        let by_string = |t: Vec<(u64, &str, usize, usize)>| -> Vec<(u64, u32)> {
            t.into_iter()
                .map(|e| (e.0, strings.id(&e.1.to_string())))
                .collect()
        };
        let by_rule = |t: Vec<(u64, Rule, usize, usize)>| -> Vec<(u64, u32)> {
            t.into_iter().map(|e| (e.0, rules.id(&e.1))).collect()
        };
        let exact = by_string(exact);
        let word_feats = by_string(word_feats);
        let tag_feats = by_string(tag_feats);
        let lowered = by_rule(lowered);
        let suffixes = by_rule(suffixes);
        let mut lemmas: Vec<u64> = types.iter().map(|(_, _, l)| hash_str(l)).collect();
        lemmas.sort_unstable();
        lemmas.dedup();
        Lemmatizer {
            strings: strings.into_vec(),
            rules: rules.into_vec(),
            exact,
            lowered,
            suffixes,
            lemmas,
            case: majority(case).into_iter().map(|e| (e.0, e.1)).collect(),
            ungroup_numbers: majority(ungroup).first().is_some_and(|e| e.1),
            word_feats,
            tag_feats,
        }
    }
}
