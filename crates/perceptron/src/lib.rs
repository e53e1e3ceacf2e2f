//! Sparse averaged perceptron: the linear classifier behind the tagger, the parser and the
//! sentence segmenter.
//!
//! Features are 64-bit hashes of (template, values), so callers build them without allocating
//! strings. Most features only ever touch a few classes, so weights are stored per feature as a
//! short list of (class, weight) pairs: this keeps models small with a hundred classes and keeps
//! scoring to a handful of additions per feature. Training ([`Trainer`]) averages the weights over
//! every update (Collins 2002) into a [`Model`]; inference packs the model into a [`Table`], an
//! open-addressing table laid out so that most features cost one memory fetch.

mod model;
mod table;
mod trainer;

pub use model::{Model, best_of};
pub use table::{MAX_CLASSES, Table, TooManyClasses};
pub use trainer::{Trainer, average_ensemble};

/// Seed every feature hash starts from.
const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const MUL: u64 = 0x9e37_79b9_7f4a_7c15;

/// Incremental builder of one feature hash: a template number followed by its values.
#[derive(Debug, Clone, Copy)]
pub struct Feature(u64);

impl Feature {
    /// Starts a feature of template `template`.
    #[inline]
    pub fn new(template: u32) -> Self {
        Feature(SEED).int(template as u64)
    }

    /// Mixes in an integer value.
    #[inline]
    pub fn int(self, v: u64) -> Self {
        Feature((self.0 ^ v).wrapping_mul(MUL).rotate_left(29))
    }

    /// Mixes in a string value.
    #[inline]
    pub fn str(self, s: &str) -> Self {
        let mut h = self.int(s.len() as u64);
        let mut chunks = s.as_bytes().chunks_exact(8);
        for c in &mut chunks {
            h = h.int(u64::from_le_bytes(c.try_into().expect("chunk of 8")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            h = h.int(u64::from_le_bytes(b));
        }
        h
    }

    /// The finished hash; never 0.
    #[inline]
    pub fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h | 1
    }
}

/// Hash of a string on its own, for interning words as feature values.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    Feature(SEED).str(s).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_separate_templates_and_values() {
        let a = Feature::new(1).str("dog").finish();
        assert_eq!(a, Feature::new(1).str("dog").finish());
        assert_ne!(a, Feature::new(2).str("dog").finish());
        assert_ne!(a, Feature::new(1).str("dogs").finish());
        assert_ne!(
            Feature::new(1).str("ab").str("c").finish(),
            Feature::new(1).str("a").str("bc").finish()
        );
        assert_ne!(a, 0);
    }

    #[test]
    fn ensemble_scores_are_the_mean_of_its_members() {
        let feats: Vec<Vec<u64>> = (0..40u64)
            .map(|i| {
                vec![
                    Feature::new(0).int(i % 5).finish(),
                    Feature::new(1).int(i % 3).finish(),
                ]
            })
            .collect();
        let train = |offset: usize| {
            let mut t = Trainer::new(3);
            for (i, f) in feats.iter().enumerate().cycle().skip(offset).take(120) {
                let guess = t.predict(f);
                t.update(f, i % 3, guess);
            }
            t
        };
        let (a, b) = (train(0), train(7));
        let table = |m: &Model| Table::new(m).unwrap();
        let (ma, mb) = (table(&a.average(0.0)), table(&b.average(0.0)));
        let both = table(&average_ensemble(&[a, b], 0.0, |_| true));
        let (mut sa, mut sb, mut s) = (vec![0.0; 3], vec![0.0; 3], vec![0.0; 3]);
        for f in &feats {
            ma.scores(f, &mut sa);
            mb.scores(f, &mut sb);
            both.scores(f, &mut s);
            for c in 0..3 {
                assert!(
                    (s[c] - (sa[c] + sb[c]) / 2.0).abs() < 1e-4,
                    "{s:?} {sa:?} {sb:?}"
                );
            }
        }
    }

    #[test]
    fn learns_a_separable_problem_and_survives_serialization() {
        // Class = which of three "words" is present; class 0 is never right, so ties are errors.
        let data: Vec<(Vec<u64>, usize)> = (0..60)
            .map(|i| {
                let c = 1 + i % 3;
                (
                    vec![
                        Feature::new(0).int(c as u64).finish(),
                        Feature::new(1).int(i as u64 % 7).finish(),
                    ],
                    c,
                )
            })
            .collect();
        let mut t = Trainer::new(4);
        for _ in 0..10 {
            for (f, gold) in &data {
                let guess = t.predict(f);
                t.update(f, *gold, guess);
            }
        }
        let m = Table::new(&t.average(0.0)).unwrap();
        let mut scores = vec![0.0; 4];
        for (f, gold) in &data {
            m.scores(f, &mut scores);
            assert_eq!(best_of(&scores, |_| true), Some(*gold), "{scores:?}");
        }
        let bytes = serde_json::to_vec(&m).unwrap();
        let back: Table = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(back, m);

        // Damaged tables are refused when read, never scored.
        let good: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let damage = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v = good.clone();
            f(&mut v);
            serde_json::from_value::<Table>(v).is_err()
        };
        assert!(damage(&|v| v["n_classes"] = 0.into()));
        assert!(damage(&|v| v["slots"].as_array_mut().unwrap().truncate(3)));
        assert!(damage(&|v| {
            for s in v["slots"].as_array_mut().unwrap() {
                s["fp"] = 7.into();
            }
        }));
        assert!(damage(&|v| {
            for s in v["slots"].as_array_mut().unwrap() {
                if s["fp"] != 0 {
                    s["meta"] = (200u32 << 8 | 40).into();
                }
            }
        }));
    }
}
