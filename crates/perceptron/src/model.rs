//! Inference: a frozen feature → (class, weight) table.

use serde::{Deserialize, Serialize};

/// A trained perceptron, ready to score. Deserializing checks the table is well formed, so a
/// damaged model is refused instead of panicking or looping when scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawModel")]
pub struct Model {
    n_classes: usize,
    /// Open-addressing table of feature hashes; 0 marks an empty slot. Length is a power of two.
    keys: Vec<u64>,
    /// For slot `i`, its entries are `classes[start[i]..start[i + 1]]` (and the same in `weights`).
    start: Vec<u32>,
    classes: Vec<u16>,
    weights: Vec<f32>,
}

/// [`Model`]'s fields as serialized, before their consistency is checked.
#[derive(Deserialize)]
struct RawModel {
    n_classes: usize,
    keys: Vec<u64>,
    start: Vec<u32>,
    classes: Vec<u16>,
    weights: Vec<f32>,
}

impl TryFrom<RawModel> for Model {
    type Error = &'static str;

    fn try_from(m: RawModel) -> Result<Self, Self::Error> {
        if !m.keys.len().is_power_of_two() || !m.keys.contains(&0) {
            return Err("perceptron table size is not a power of two with a free slot");
        }
        if m.start.len() != m.keys.len() + 1
            || m.start.first() != Some(&0)
            || m.start.windows(2).any(|w| w[0] > w[1])
            || m.start.last().map(|&l| l as usize) != Some(m.classes.len())
            || m.classes.len() != m.weights.len()
        {
            return Err("perceptron weight offsets are inconsistent");
        }
        if m.classes.iter().any(|&c| c as usize >= m.n_classes) {
            return Err("perceptron class out of range");
        }
        Ok(Model {
            n_classes: m.n_classes,
            keys: m.keys,
            start: m.start,
            classes: m.classes,
            weights: m.weights,
        })
    }
}

impl Model {
    /// Builds the table from (feature, [(class, weight)]) rows, in the given (deterministic) order.
    pub(crate) fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Self {
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slot_of = vec![usize::MAX; rows.len()];
        let mut keys = vec![0u64; cap];
        for (r, (key, _)) in rows.iter().enumerate() {
            let mut i = (*key as usize) & mask;
            while keys[i] != 0 {
                i = (i + 1) & mask;
            }
            keys[i] = *key;
            slot_of[r] = i;
        }
        let mut row_at = vec![usize::MAX; cap];
        for (r, &s) in slot_of.iter().enumerate() {
            row_at[s] = r;
        }
        let mut start = Vec::with_capacity(cap + 1);
        let mut classes = Vec::new();
        let mut weights = Vec::new();
        for &r in &row_at {
            start.push(classes.len() as u32);
            if r != usize::MAX {
                for &(c, w) in &rows[r].1 {
                    classes.push(c);
                    weights.push(w);
                }
            }
        }
        start.push(classes.len() as u32);
        Model {
            n_classes,
            keys,
            start,
            classes,
            weights,
        }
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of (feature, class) weights stored.
    pub fn n_weights(&self) -> usize {
        self.weights.len()
    }

    #[inline]
    fn slot(&self, key: u64) -> Option<usize> {
        let mask = self.keys.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(i);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds the weights of `features` into `scores` (length [`Self::n_classes`]), after zeroing it.
    #[inline]
    pub fn scores(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            if let Some(i) = self.slot(f) {
                let (a, b) = (self.start[i] as usize, self.start[i + 1] as usize);
                for (c, w) in self.classes[a..b].iter().zip(&self.weights[a..b]) {
                    if let Some(s) = scores.get_mut(*c as usize) {
                        *s += *w;
                    }
                }
            }
        }
    }

    /// Index of the highest score (the first on ties).
    #[inline]
    pub fn best(&self, scores: &[f32]) -> usize {
        best_of(scores, |_| true).unwrap_or(0)
    }
}

/// Index of the highest score among the classes `allowed` accepts (the first on ties).
#[inline]
pub fn best_of(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}
