//! The frozen scoring table: a trained [`Model`]'s weights repacked for fast lookups.
//!
//! Scoring speed is set by the cache misses of the feature lookups, mostly for rare word features
//! whose weights are nowhere near the cache. So the table spends one cache line fetch on most
//! features instead of two: a slot holds a 32-bit fingerprint of its feature and, for the many
//! features with at most [`INLINE`] weights, the weights themselves; only longer lists live apart.
//! Weights are packed with their class in 32 bits (the float's 22 high bits: relative error below
//! 2^-13, which changes no parsing decision measured on EWT dev). Features with weights for most classes
//! (the frequent tag and label features, which stay cached) keep a dense row of `f32`.
//!
//! A feature is found by its home slot and a 32-bit fingerprint; a feature the model lacks that
//! agrees with one it has on both (about one lookup in a billion) gets that one's weights, which
//! costs at most a decision, never safety.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::Model;

/// Weights kept in the slot itself: a slot is then 32 bytes, two to a cache line.
const INLINE: usize = 6;
/// Filter bits per feature.
const FILTER_BITS: usize = 16;
/// Bits of a packed weight that hold its class.
const CLASS_BITS: u32 = 10;
const CLASS_MASK: u32 = (1 << CLASS_BITS) - 1;
/// Most classes a [`Table`] can score.
pub const MAX_CLASSES: usize = 1 << CLASS_BITS;
/// `len` of a slot whose weights are a dense row.
const DENSE: u32 = 0xff;

/// One feature: fingerprint (0 for an empty slot), where its weights are and the inline weights.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[repr(C, align(32))]
struct Slot {
    fp: u32,
    /// Number of weights (low 8 bits, [`DENSE`] for a dense row), then the index of the first
    /// weight in [`Table::entries`] or the dense row.
    meta: u32,
    inline: [u32; INLINE],
}

impl Slot {
    #[inline]
    fn len(&self) -> u32 {
        self.meta & 0xff
    }

    #[inline]
    fn start(&self) -> usize {
        (self.meta >> 8) as usize
    }
}

/// A trained perceptron repacked for fast scoring (at most [`MAX_CLASSES`] classes): weights
/// rounded to 22 bits, features known by a 32-bit fingerprint. Deserializing checks the table is
/// well formed, so a damaged one is refused instead of panicking when scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawTable")]
pub struct Table {
    n_classes: usize,
    /// Open-addressing table, length a power of two, with at least one empty slot.
    slots: Vec<Slot>,
    /// Packed weights of the features with more than [`INLINE`] and fewer than half the classes.
    entries: Vec<u32>,
    /// Rows of `n_classes` weights.
    dense: Vec<f32>,
    /// One bit per bucket of fingerprints, set where some feature's falls: small enough to stay
    /// cached, it answers most lookups of features the model lacks (many word pairs) without
    /// touching the slots. Rebuilt from the slots when read.
    #[serde(skip)]
    filter: Vec<u64>,
}

/// [`Table`]'s fields as serialized, before their consistency is checked.
#[derive(Deserialize)]
struct RawTable {
    n_classes: usize,
    slots: Vec<Slot>,
    entries: Vec<u32>,
    dense: Vec<f32>,
}

impl TryFrom<RawTable> for Table {
    type Error = &'static str;

    fn try_from(t: RawTable) -> Result<Self, Self::Error> {
        if !t.slots.len().is_power_of_two() || !t.slots.iter().any(|s| s.fp == 0) {
            return Err("scoring table size is not a power of two with a free slot");
        }
        if t.n_classes == 0 || t.n_classes > MAX_CLASSES {
            return Err("scoring table has no classes or too many");
        }
        let rows = t.dense.len() / t.n_classes;
        if rows * t.n_classes != t.dense.len() {
            return Err("scoring table dense weights are not whole rows");
        }
        let class_ok = |e: &u32| ((e & CLASS_MASK) as usize) < t.n_classes;
        let slot_ok = |s: &Slot| match s.len() {
            DENSE => s.start() < rows,
            len if len as usize <= INLINE => s.inline[..len as usize].iter().all(class_ok),
            len => s.start() + len as usize <= t.entries.len(),
        };
        if !t.slots.iter().all(slot_ok) || !t.entries.iter().all(class_ok) {
            return Err("scoring table weights are out of range");
        }
        Ok(Table::with_filter(t.n_classes, t.slots, t.entries, t.dense))
    }
}

/// The fingerprint of feature `key`, never 0: a mix of all its bits, so that features sharing a
/// home slot still differ in it.
#[inline]
fn fingerprint(key: u64) -> u32 {
    (key.wrapping_mul(0xd6e8_feb8_6659_fd93) >> 32) as u32 | 1
}

/// The home slot of feature `key` (its low bit is always set, so it is left out).
#[inline]
fn home(key: u64) -> usize {
    (key >> 1) as usize
}

/// Bit of fingerprint `fp` in a filter of `bits` bits (a power of two).
#[inline]
fn bucket(fp: u32, bits: usize) -> usize {
    (u64::from(fp).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (bits - 1)
}

/// `weight` rounded to the 22 high bits of its float, with `class` in the low bits.
fn pack(class: u16, weight: f32) -> u32 {
    let bits = weight.to_bits().wrapping_add(1 << (CLASS_BITS - 1)) & !CLASS_MASK;
    bits | u32::from(class)
}

#[inline]
fn unpack(e: u32) -> (usize, f32) {
    ((e & CLASS_MASK) as usize, f32::from_bits(e & !CLASS_MASK))
}

/// The error of [`Table::new`] for a model with more than [`MAX_CLASSES`] classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyClasses {
    /// The model's number of classes.
    pub n_classes: usize,
}

impl fmt::Display for TooManyClasses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} classes, more than a scoring table's {MAX_CLASSES}",
            self.n_classes
        )
    }
}

impl std::error::Error for TooManyClasses {}

impl Table {
    /// Repacks the weights of `model`, deterministically; fails if it has more than
    /// [`MAX_CLASSES`] classes.
    pub fn new(model: &Model) -> Result<Self, TooManyClasses> {
        let n_classes = model.n_classes();
        if n_classes > MAX_CLASSES {
            return Err(TooManyClasses { n_classes });
        }
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = model.rows().collect();
        rows.sort_unstable_by_key(|r| r.0);
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![Slot::default(); cap];
        let (mut entries, mut dense) = (Vec::new(), Vec::new());
        for (key, row) in rows {
            let mut i = home(key) & mask;
            while slots[i].fp != 0 {
                i = (i + 1) & mask;
            }
            let mut slot = Slot {
                fp: fingerprint(key),
                meta: row.len() as u32,
                inline: [0; INLINE],
            };
            if row.len() * 2 > n_classes {
                slot.meta = DENSE | ((dense.len() / n_classes) as u32) << 8;
                let start = dense.len();
                dense.resize(start + n_classes, 0.0);
                for (class, weight) in row {
                    dense[start + class as usize] = weight;
                }
            } else if row.len() <= INLINE {
                for (e, &(class, weight)) in slot.inline.iter_mut().zip(&row) {
                    *e = pack(class, weight);
                }
            } else {
                slot.meta |= (entries.len() as u32) << 8;
                entries.extend(row.iter().map(|&(class, weight)| pack(class, weight)));
            }
            slots[i] = slot;
        }
        Ok(Table::with_filter(n_classes, slots, entries, dense))
    }

    /// The table of these fields, with its [`Table::filter`] built.
    fn with_filter(n_classes: usize, slots: Vec<Slot>, entries: Vec<u32>, dense: Vec<f32>) -> Self {
        let features = slots.iter().filter(|s| s.fp != 0).count();
        let bits = (features * FILTER_BITS).next_power_of_two().max(64);
        let mut filter = vec![0u64; bits / 64];
        for s in slots.iter().filter(|s| s.fp != 0) {
            let b = bucket(s.fp, bits);
            filter[b / 64] |= 1 << (b % 64);
        }
        Table {
            n_classes,
            slots,
            entries,
            dense,
            filter,
        }
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features stored.
    pub fn n_features(&self) -> usize {
        self.slots.iter().filter(|s| s.fp != 0).count()
    }

    /// Number of (feature, class) weights stored (dense rows count every class).
    pub fn n_weights(&self) -> usize {
        let inline: usize = self
            .slots
            .iter()
            .map(|s| match s.len() {
                DENSE => 0,
                len if len as usize <= INLINE => len as usize,
                _ => 0,
            })
            .sum();
        inline + self.entries.len() + self.dense.len()
    }

    #[inline]
    fn slot(&self, key: u64) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let fp = fingerprint(key);
        let b = bucket(fp, self.filter.len() * 64);
        if self.filter[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        let mut i = home(key) & mask;
        loop {
            let s = &self.slots[i];
            if s.fp == fp {
                return Some(s);
            }
            if s.fp == 0 {
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
        // Most lookups miss the cache, and a miss waits for memory. So the work goes in three
        // rounds over a chunk of features: ask for every feature's filter word and home slot, then
        // find the slots (now cached) and ask for the weights kept apart, then add the weights.
        // The misses of a round overlap instead of following one another.
        let mask = self.slots.len() - 1;
        let bits = self.filter.len() * 64;
        let mut found = [Slot::default(); 96];
        for chunk in features.chunks(found.len()) {
            for &f in chunk {
                prefetch(&self.filter[bucket(fingerprint(f), bits) / 64]);
                prefetch(&self.slots[home(f) & mask]);
            }
            let mut n = 0;
            for &f in chunk {
                if let Some(s) = self.slot(f) {
                    match s.len() {
                        DENSE => {
                            if let Some(w) = self.dense.get(s.start() * self.n_classes) {
                                prefetch(w);
                            }
                        }
                        len if len as usize <= INLINE => {}
                        _ => {
                            if let Some(w) = self.entries.get(s.start()) {
                                prefetch(w);
                            }
                        }
                    }
                    found[n] = *s;
                    n += 1;
                }
            }
            // The weights kept apart come last, giving their fetches the most time.
            for s in found[..n].iter().filter(|s| s.len() as usize <= INLINE) {
                for &e in &s.inline[..s.len() as usize] {
                    add(scores, e);
                }
            }
            for s in found[..n].iter().filter(|s| s.len() as usize > INLINE) {
                let a = s.start();
                if s.len() == DENSE {
                    let row = self.dense.get(a * self.n_classes..(a + 1) * self.n_classes);
                    for (s, w) in scores.iter_mut().zip(row.unwrap_or(&[])) {
                        *s += *w;
                    }
                } else {
                    let row = self.entries.get(a..a + s.len() as usize);
                    for &e in row.unwrap_or(&[]) {
                        add(scores, e);
                    }
                }
            }
        }
    }
}

/// Adds packed weight `e` to its class's score.
#[inline(always)]
fn add(scores: &mut [f32], e: u32) {
    let (class, weight) = unpack(e);
    if let Some(s) = scores.get_mut(class) {
        *s += weight;
    }
}

/// Asks the processor to bring the cache line holding `value` closer, without waiting for it.
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: `_mm_prefetch` needs SSE, which every x86_64 processor has (it is in the
        // target's baseline). A prefetch is only a hint: it reads nothing the program sees, never
        // faults, and the pointer comes from a live reference.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast::<i8>()) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Trainer;

    #[test]
    fn scores_like_the_model_it_repacks() {
        // Features touching 1 to 20 of 20 classes: inline, separate and dense weights.
        let n = 20;
        let mut t = Trainer::new(n);
        let feats: Vec<u64> = (0..300u64)
            .map(|i| (i * 0x9e37_79b9 + 7) << 3 | 1)
            .collect();
        for (i, &f) in feats.iter().enumerate() {
            for c in 0..=(i % n) {
                t.update(&[f, feats[0]], c, (c + 1) % n);
            }
        }
        let model = t.average(0.0);
        let table = Table::new(&model).unwrap();
        assert_eq!(table.n_features(), model.n_features());
        // Reference: the model's weights summed exactly.
        let rows: std::collections::HashMap<u64, Vec<(u16, f32)>> = model.rows().collect();
        let (mut a, mut b) = (vec![0.0; n], vec![0.0; n]);
        for chunk in feats.chunks(7).chain([&[12345u64, 99][..]]) {
            a.iter_mut().for_each(|x| *x = 0.0);
            for (c, w) in chunk.iter().filter_map(|f| rows.get(f)).flatten() {
                a[*c as usize] += w;
            }
            table.scores(chunk, &mut b);
            for (x, y) in a.iter().zip(&b) {
                assert!((x - y).abs() <= 1e-3 * (1.0 + x.abs()), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn too_many_classes_is_an_error() {
        let mut t = Trainer::new(MAX_CLASSES + 1);
        t.update(&[3], MAX_CLASSES, 0);
        let err = Table::new(&t.average(0.0)).unwrap_err();
        assert_eq!(err.n_classes, MAX_CLASSES + 1);
        let mut t = Trainer::new(MAX_CLASSES);
        t.update(&[3], MAX_CLASSES - 1, 0);
        assert!(Table::new(&t.average(0.0)).is_ok());
    }

    #[test]
    fn packing_keeps_class_and_nearly_all_of_the_weight() {
        for (class, w) in [(0u16, 1.0f32), (1023, -0.3), (57, 12345.678), (3, -1e-6)] {
            let (c, back) = unpack(pack(class, w));
            assert_eq!(c, class as usize);
            assert!((back - w).abs() <= w.abs() * 2f32.powi(-13), "{w} {back}");
        }
    }
}
