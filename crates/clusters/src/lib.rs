//! Distributional word clusters learned from unlabelled text, as features for the tagger (and any
//! other model that meets words it has rarely or never seen in its treebank).
//!
//! A treebank of 200k words leaves most of the vocabulary of news unseen, and the tagger's errors
//! concentrate there (proper vs common nouns, verbs vs adjectives vs nouns). Words that occur in
//! similar contexts in plain text tend to share their part of speech, so grouping words by their
//! neighbours in a larger unlabelled corpus gives the tagger a feature that generalises from the
//! words it knows to the words it does not (Koo, Carreras & Collins 2008, "Simple Semi-supervised
//! Dependency Parsing"; Owoputi et al. 2013 for tagging).
//!
//! The clusters maximise the likelihood of a class bigram model, as in Brown et al. (1992),
//! "Class-Based n-gram Models of Natural Language", but are found with the exchange algorithm
//! (Kneser & Ney 1993; Martin, Liermann & Ney 1998), which is much faster than Brown's bottom-up
//! merging: each word in turn moves to the class that most improves the likelihood, until few words
//! move. Instead of Brown's bit-string prefixes the model keeps several granularities (by default
//! 32, 128 and 512 classes, each trained separately), which a feature extractor uses the way it
//! would use prefixes of different lengths. Training is deterministic.
//!
//! Tacitus trains them on the word forms of UD English EWT train (Silveira et al. 2014) plus the
//! headlines and texts of the synthetic news stories from NGEC-2025, tokenized with the Tacitus
//! tokenizer: about 1.2 million tokens. The EWT dev set is never used, so that it still measures.
//!
//! Words are looked up case-folded and with every ASCII digit read as `0` ([`normalize`]); words
//! seen fewer than [`ClusterOptions::min_count`] times get no cluster.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tacitus_modelfile::ModelError;

/// Model kind written in the file header.
const KIND: &str = "clusters";
/// Schema version of [`WordClusters`]' serialized form.
const VERSION: u32 = 1;
/// Values of `x ln x` below this are taken from a table.
const TABLE: usize = 1 << 16;

/// Settings for [`WordClusters::train`].
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterOptions {
    /// Number of classes of each granularity, coarse to fine (each at most 65,535).
    pub sizes: Vec<usize>,
    /// Words seen fewer times than this get no cluster.
    pub min_count: u32,
    /// Most passes of the exchange algorithm over the vocabulary, per granularity.
    pub max_passes: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            sizes: vec![32, 128, 512],
            min_count: 3,
            max_passes: 10,
        }
    }
}

/// Word clusters at several granularities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordClusters {
    /// Number of classes of each granularity, coarse to fine.
    sizes: Vec<u16>,
    /// Normalized words, sorted (byte order), without duplicates.
    words: Vec<String>,
    /// Class of `words[i]` at granularity `g` is `ids[i * sizes.len() + g]`.
    ids: Vec<u16>,
}

/// The normalized form of a word: lower case, ASCII digits read as `0`.
pub fn normalize(word: &str) -> String {
    normalized_chars(word).collect()
}

/// The characters of [`normalize`]`(word)`, without allocating.
fn normalized_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
}

impl WordClusters {
    /// Clusters the words of `sentences` (tokenized unlabelled text). Deterministic.
    pub fn train(sentences: &[Vec<String>], opts: &ClusterOptions) -> WordClusters {
        let corpus = Corpus::new(sentences, opts.min_count.max(1));
        let sizes: Vec<u16> = opts
            .sizes
            .iter()
            .map(|&k| k.clamp(1, corpus.vocab.len().clamp(1, u16::MAX as usize)) as u16)
            .collect();
        let classes: Vec<Vec<u16>> = sizes
            .iter()
            .map(|&k| exchange(&corpus, k as usize, opts.max_passes))
            .collect();
        let mut order: Vec<usize> = (0..corpus.vocab.len()).collect();
        order.sort_by(|&a, &b| corpus.vocab[a].cmp(&corpus.vocab[b]));
        let ids = order
            .iter()
            .flat_map(|&w| classes.iter().map(move |c| c[w]))
            .collect();
        let words = order.iter().map(|&w| corpus.vocab[w].clone()).collect();
        WordClusters { sizes, words, ids }
    }

    /// The word's class at each granularity, coarse to fine; `None` for words too rare to cluster.
    pub fn path(&self, word: &str) -> Option<&[u16]> {
        let levels = self.sizes.len();
        let i = self
            .words
            .binary_search_by(|w| w.chars().cmp(normalized_chars(word)))
            .ok()?;
        self.ids.get(i * levels..(i + 1) * levels)
    }

    /// Every clustered word (normalized, in byte order) with its classes, coarse to fine.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u16])> {
        let levels = self.sizes.len().max(1);
        self.words
            .iter()
            .map(String::as_str)
            .zip(self.ids.chunks(levels))
    }

    /// Number of classes of each granularity, coarse to fine.
    pub fn sizes(&self) -> &[u16] {
        &self.sizes
    }

    /// Number of clustered words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether the fields agree with each other (as [`WordClusters::train`] makes them).
    pub fn is_consistent(&self) -> bool {
        let levels = self.sizes.len();
        self.words.windows(2).all(|w| w[0] < w[1])
            && Some(self.ids.len()) == self.words.len().checked_mul(levels)
            && self
                .ids
                .chunks(levels.max(1))
                .all(|c| c.iter().zip(&self.sizes).all(|(id, k)| id < k))
    }

    /// Writes the clusters to `path` (model kind "clusters").
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        tacitus_modelfile::save(path, KIND, VERSION, self)
    }

    /// Reads clusters written by [`WordClusters::save`], refusing damaged or inconsistent files.
    pub fn load(path: &Path) -> Result<WordClusters, ModelError> {
        let c: WordClusters = tacitus_modelfile::load(path, KIND, VERSION)?;
        if !c.is_consistent() {
            return Err(ModelError::Corrupt {
                path: path.to_path_buf(),
                what: "inconsistent clusters".into(),
            });
        }
        Ok(c)
    }
}

/// The corpus as word numbers and bigram counts. Words `0..vocab.len()` are the clustered words
/// by falling frequency; then come the sentence boundary and one word for all rare words.
struct Corpus {
    /// Clustered words, most frequent first.
    vocab: Vec<String>,
    /// Occurrences of every word number.
    count: Vec<u64>,
    /// For each word `w`, the words `v` that follow it with the bigram count, as CSR rows.
    right: Csr,
    /// For each word `w`, the words `u` that precede it with the bigram count.
    left: Csr,
}

/// A sparse matrix in compressed rows.
struct Csr {
    start: Vec<usize>,
    entries: Vec<(u32, u64)>,
}

impl Csr {
    /// Builds rows `0..rows` from (row, column, count) triples sorted by row then column.
    fn new(rows: usize, triples: &[(u32, u32, u64)]) -> Csr {
        let mut start = vec![0usize; rows + 1];
        for &(r, _, _) in triples {
            start[r as usize + 1] += 1;
        }
        for i in 0..rows {
            start[i + 1] += start[i];
        }
        let entries = triples.iter().map(|&(_, c, n)| (c, n)).collect();
        Csr { start, entries }
    }

    /// Row `r`'s (column, count) entries.
    fn row(&self, r: usize) -> &[(u32, u64)] {
        &self.entries[self.start[r]..self.start[r + 1]]
    }
}

impl Corpus {
    fn new(sentences: &[Vec<String>], min_count: u32) -> Corpus {
        let mut freq: HashMap<String, u64> = HashMap::new();
        for w in sentences.iter().flatten() {
            *freq.entry(normalize(w)).or_default() += 1;
        }
        let mut vocab: Vec<(String, u64)> = freq
            .into_iter()
            .filter(|&(_, n)| n >= u64::from(min_count))
            .collect();
        vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let v = vocab.len();
        let (boundary, rare) = (v as u32, v as u32 + 1);
        let index: HashMap<&str, u32> = vocab
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (w.as_str(), i as u32))
            .collect();
        let mut count: Vec<u64> = vocab.iter().map(|(_, n)| *n).collect();
        count.extend([0, 0]);
        let mut bigrams: HashMap<(u32, u32), u64> = HashMap::new();
        let mut scratch = String::new();
        for s in sentences.iter().filter(|s| !s.is_empty()) {
            let mut prev = boundary;
            count[boundary as usize] += 1;
            for w in s {
                scratch.clear();
                scratch.extend(normalized_chars(w));
                let id = index.get(scratch.as_str()).copied().unwrap_or(rare);
                if id == rare {
                    count[rare as usize] += 1;
                }
                *bigrams.entry((prev, id)).or_default() += 1;
                prev = id;
            }
            *bigrams.entry((prev, boundary)).or_default() += 1;
        }
        let mut triples: Vec<(u32, u32, u64)> =
            bigrams.into_iter().map(|((a, b), n)| (a, b, n)).collect();
        triples.sort_unstable();
        let right = Csr::new(v + 2, &triples);
        let mut swapped: Vec<(u32, u32, u64)> = triples.iter().map(|&(a, b, n)| (b, a, n)).collect();
        swapped.sort_unstable();
        let left = Csr::new(v + 2, &swapped);
        Corpus {
            vocab: vocab.into_iter().map(|(w, _)| w).collect(),
            count,
            right,
            left,
        }
    }
}

/// `x ln x`, from a table for small `x`.
struct XLogX(Vec<f64>);

impl XLogX {
    fn new() -> XLogX {
        XLogX((0..TABLE).map(|x| plain_xlogx(x as u64)).collect())
    }

    #[inline]
    fn get(&self, x: u64) -> f64 {
        match self.0.get(x as usize) {
            Some(&v) => v,
            None => plain_xlogx(x),
        }
    }
}

/// `x ln x`, with `0 ln 0 = 0`.
fn plain_xlogx(x: u64) -> f64 {
    if x == 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// A dense sparse-accumulator: counts per class with the list of classes touched.
struct Accumulator {
    value: Vec<u64>,
    touched: Vec<usize>,
}

impl Accumulator {
    fn new(n: usize) -> Accumulator {
        Accumulator {
            value: vec![0; n],
            touched: Vec::new(),
        }
    }

    fn clear(&mut self) {
        for &c in &self.touched {
            self.value[c] = 0;
        }
        self.touched.clear();
    }

    fn add(&mut self, c: usize, n: u64) {
        if self.value[c] == 0 {
            self.touched.push(c);
        }
        self.value[c] += n;
    }
}

/// Classes `0..k` of the clustered words of `corpus`, by the exchange algorithm.
///
/// The objective is the log-likelihood of the class bigram model up to constants,
/// `Σ N(c,d) ln N(c,d) − 2 Σ N(c) ln N(c)`. The sentence boundary and the rare words keep classes
/// `k` and `k + 1` of their own.
fn exchange(corpus: &Corpus, k: usize, max_passes: usize) -> Vec<u16> {
    let v = corpus.vocab.len();
    let n = k + 2;
    // Initial classes: round robin by frequency, so each class starts with words of all ranks.
    let mut class: Vec<usize> = (0..v).map(|w| w % k).chain([k, k + 1]).collect();
    // Class bigram counts, and their transpose so both are read along rows.
    let mut m = vec![0u64; n * n];
    let mut mt = vec![0u64; n * n];
    let mut total = vec![0u64; n];
    for w in 0..v + 2 {
        total[class[w]] += corpus.count[w];
        for &(u, c) in corpus.right.row(w) {
            let (a, b) = (class[w], class[u as usize]);
            m[a * n + b] += c;
            mt[b * n + a] += c;
        }
    }
    let f = XLogX::new();
    let mut right = Accumulator::new(n);
    let mut left = Accumulator::new(n);
    for _ in 0..max_passes {
        let mut moved = 0usize;
        for w in 0..v {
            right.clear();
            left.clear();
            let mut own = 0u64;
            for &(u, c) in corpus.right.row(w) {
                if u as usize == w {
                    own += c;
                } else {
                    right.add(class[u as usize], c);
                }
            }
            for &(u, c) in corpus.left.row(w) {
                if u as usize != w {
                    left.add(class[u as usize], c);
                }
            }
            let nw = corpus.count[w];
            let from = class[w];
            // Take the word out of its class.
            for &d in &right.touched {
                m[from * n + d] -= right.value[d];
                mt[d * n + from] -= right.value[d];
            }
            for &c in &left.touched {
                m[c * n + from] -= left.value[c];
                mt[from * n + c] -= left.value[c];
            }
            m[from * n + from] -= own;
            mt[from * n + from] -= own;
            total[from] -= nw;
            // The gain of putting it into each class.
            let gain = |b: usize| {
                let (row, col) = (&m[b * n..(b + 1) * n], &mt[b * n..(b + 1) * n]);
                let mut g = 0.0;
                for &d in right.touched.iter().filter(|&&d| d != b) {
                    g += f.get(row[d] + right.value[d]) - f.get(row[d]);
                }
                for &c in left.touched.iter().filter(|&&c| c != b) {
                    g += f.get(col[c] + left.value[c]) - f.get(col[c]);
                }
                let diag = row[b] + right.value[b] + left.value[b] + own;
                g += f.get(diag) - f.get(row[b]);
                g - 2.0 * (f.get(total[b] + nw) - f.get(total[b]))
            };
            let stay = gain(from);
            let (mut best, mut best_gain) = (from, stay);
            for b in (0..k).filter(|&b| b != from) {
                let g = gain(b);
                if g > best_gain + 1e-9 * best_gain.abs().max(1.0) {
                    (best, best_gain) = (b, g);
                }
            }
            // Put it into the best class.
            for &d in &right.touched {
                m[best * n + d] += right.value[d];
                mt[d * n + best] += right.value[d];
            }
            for &c in &left.touched {
                m[c * n + best] += left.value[c];
                mt[best * n + c] += left.value[c];
            }
            m[best * n + best] += own;
            mt[best * n + best] += own;
            total[best] += nw;
            if best != from {
                class[w] = best;
                moved += 1;
            }
        }
        if moved * 1000 <= v {
            break;
        }
    }
    class.truncate(v);
    class.into_iter().map(|c| c as u16).collect()
}

#[cfg(test)]
mod tests;
