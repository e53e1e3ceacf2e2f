//! Inference: a frozen feature → (class, weight) table.

use serde::{Deserialize, Serialize};

/// A trained perceptron, ready to score. Deserializing checks the table is well formed, so a
/// damaged model is refused instead of panicking or looping when scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawModel")]
pub struct Model {
    n_classes: usize,
    /// Open-addressing table of features; key 0 marks an empty slot. Length is a power of two.
    /// Each slot holds its key and where its weights are, so a lookup touches one cache line.
    slots: Vec<Slot>,
    /// The (class, weight) pairs of every sparse feature, slot after slot.
    entries: Vec<Entry>,
    /// Rows of `n_classes` weights, for features with weights for most classes: adding a whole
    /// row is faster than adding scattered entries, and takes no more space.
    dense: Vec<f32>,
}

/// `len` of a slot whose weights are row `start` of [`Model::dense`].
const DENSE: u32 = u32::MAX;

/// One feature of the table: its hash and the range of its entries (or its dense row).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// One weight of a feature.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Entry {
    class: u16,
    weight: f32,
}

/// [`Model`]'s fields as serialized, before their consistency is checked.
#[derive(Deserialize)]
struct RawModel {
    n_classes: usize,
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    dense: Vec<f32>,
}

impl TryFrom<RawModel> for Model {
    type Error = &'static str;

    fn try_from(m: RawModel) -> Result<Self, Self::Error> {
        if !m.slots.len().is_power_of_two() || !m.slots.iter().any(|s| s.key == 0) {
            return Err("perceptron table size is not a power of two with a free slot");
        }
        let rows = m.dense.len().checked_div(m.n_classes).unwrap_or(0);
        if rows * m.n_classes != m.dense.len() {
            return Err("perceptron dense weights are not whole rows");
        }
        let in_range = |s: &Slot| match s.len {
            DENSE => (s.start as usize) < rows,
            len => (s.start as usize)
                .checked_add(len as usize)
                .is_some_and(|e| e <= m.entries.len()),
        };
        if !m.slots.iter().all(in_range) {
            return Err("perceptron weight offsets are out of range");
        }
        if m.entries.iter().any(|e| e.class as usize >= m.n_classes) {
            return Err("perceptron class out of range");
        }
        Ok(Model {
            n_classes: m.n_classes,
            slots: m.slots,
            entries: m.entries,
            dense: m.dense,
        })
    }
}

impl Model {
    /// Builds the table from (feature, [(class, weight)]) rows, in the given (deterministic) order.
    pub(crate) fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Self {
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![Slot::default(); cap];
        let mut entries = Vec::new();
        let mut dense = Vec::new();
        for (key, row) in rows {
            let mut i = (key as usize) & mask;
            while slots[i].key != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = if row.len() * 2 > n_classes {
                let start = dense.len();
                dense.resize(start + n_classes, 0.0);
                for (class, weight) in row {
                    dense[start + class as usize] = weight;
                }
                Slot {
                    key,
                    start: (start / n_classes) as u32,
                    len: DENSE,
                }
            } else {
                let start = entries.len() as u32;
                entries.extend(row.iter().map(|&(class, weight)| Entry { class, weight }));
                Slot {
                    key,
                    start,
                    len: row.len() as u32,
                }
            };
        }
        Model {
            n_classes,
            slots,
            entries,
            dense,
        }
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of (feature, class) weights stored (dense rows count every class).
    pub fn n_weights(&self) -> usize {
        self.entries.len() + self.dense.len()
    }

    /// Number of features stored.
    pub fn n_features(&self) -> usize {
        self.slots.iter().filter(|s| s.key != 0).count()
    }

    /// Every feature with its (class, weight) pairs, in table order, classes ascending: what
    /// [`Model`] was built from, for repacking into a [`crate::Table`].
    pub(crate) fn rows(&self) -> impl Iterator<Item = (u64, Vec<(u16, f32)>)> + '_ {
        self.slots.iter().filter(|s| s.key != 0).map(|s| {
            let row = if s.len == DENSE {
                let a = s.start as usize * self.n_classes;
                self.dense[a..a + self.n_classes]
                    .iter()
                    .enumerate()
                    .filter(|&(_, &w)| w != 0.0)
                    .map(|(c, &w)| (c as u16, w))
                    .collect()
            } else {
                let (a, b) = (s.start as usize, s.start as usize + s.len as usize);
                self.entries[a..b]
                    .iter()
                    .map(|e| (e.class, e.weight))
                    .collect()
            };
            (s.key, row)
        })
    }

    #[inline]
    fn slot(&self, key: u64) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let s = &self.slots[i];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds the weights of `features` into `scores` (length [`Self::n_classes`]), after zeroing it.
    #[inline]
    pub fn scores(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        self.add_scores(features, scores);
    }

    /// Adds the weights of `features` onto `scores` as they are, e.g. onto cached partial scores.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        // Find every feature's weights first, then add them: the table lookups are independent
        // cache misses, and this lets the processor overlap them.
        let mut found = [(0u32, 0u32); 64];
        for chunk in features.chunks(found.len()) {
            let mut n = 0;
            for &f in chunk {
                if let Some(s) = self.slot(f) {
                    found[n] = (s.start, s.len);
                    n += 1;
                }
            }
            for &(start, len) in &found[..n] {
                if len == DENSE {
                    let a = start as usize * self.n_classes;
                    let row = self.dense.get(a..a + self.n_classes).unwrap_or(&[]);
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += *w;
                    }
                    continue;
                }
                let (a, b) = (start as usize, start as usize + len as usize);
                for e in self.entries.get(a..b).unwrap_or(&[]) {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.weight;
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
