//! Training: perceptron updates with lazily averaged weights.

use std::collections::HashMap;

use crate::model::{Model, best_of};

#[derive(Debug, Clone, Copy)]
struct Weight {
    class: u16,
    /// Current weight.
    w: f32,
    /// Sum of the weight over every step up to `stamp`.
    total: f64,
    /// Step at which `total` was last brought up to date.
    stamp: u64,
}

/// An averaged perceptron being trained.
#[derive(Debug)]
pub struct Trainer {
    n_classes: usize,
    weights: HashMap<u64, Vec<Weight>>,
    step: u64,
}

impl Trainer {
    /// A trainer for `n_classes` classes (at most 65,536).
    pub fn new(n_classes: usize) -> Self {
        assert!(n_classes <= u16::MAX as usize + 1, "too many classes");
        Trainer {
            n_classes,
            weights: HashMap::new(),
            step: 0,
        }
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Current (not averaged) scores of `features`, into `scores` after zeroing it.
    pub fn scores(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        self.add_scores(features, scores);
    }

    /// Adds the current (not averaged) weights of `features` onto `scores` as they are.
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(ws) = self.weights.get(f) {
                for w in ws {
                    if let Some(s) = scores.get_mut(w.class as usize) {
                        *s += w.w;
                    }
                }
            }
        }
    }

    /// Highest-scoring class under the current weights.
    pub fn predict(&self, features: &[u64]) -> usize {
        let mut scores = vec![0.0; self.n_classes];
        self.scores(features, &mut scores);
        best_of(&scores, |_| true).unwrap_or(0)
    }

    /// One training example: rewards `truth` and penalises `guess` when they differ. Counts a step.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.step += 1;
        if truth == guess {
            return;
        }
        for &f in features {
            let ws = self.weights.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let step = self.step;
                let w = match ws.iter_mut().position(|w| w.class as usize == class) {
                    Some(p) => &mut ws[p],
                    None => {
                        ws.push(Weight {
                            class: class as u16,
                            w: 0.0,
                            total: 0.0,
                            stamp: step,
                        });
                        ws.last_mut().expect("just pushed")
                    }
                };
                w.total += (step - w.stamp) as f64 * w.w as f64;
                w.stamp = step;
                w.w += delta;
            }
        }
    }

    /// The averaged model; weights whose magnitude is at most `prune` are dropped.
    pub fn average(&self, prune: f32) -> Model {
        self.average_where(prune, |_| true)
    }

    /// The averaged model of the features `keep` accepts (e.g. those seen often enough to be
    /// trusted); weights whose magnitude is at most `prune` are dropped.
    pub fn average_where(&self, prune: f32, keep: impl Fn(u64) -> bool) -> Model {
        average_ensemble(std::slice::from_ref(self), prune, keep)
    }

    /// Averaged weights of feature `f`, by class.
    fn averaged(&self, f: u64) -> impl Iterator<Item = (u16, f64)> + '_ {
        let step = self.step.max(1) as f64;
        self.weights.get(&f).into_iter().flatten().map(move |w| {
            let total = w.total + (self.step - w.stamp) as f64 * w.w as f64;
            (w.class, total / step)
        })
    }
}

/// One model from several trainers of the same classes (e.g. trained with different seeds): the
/// mean of their averaged weights, so its scores are the mean of theirs (an ensemble at the cost
/// of one model). Only features `keep` accepts are kept; weights of magnitude at most `prune` are
/// dropped.
pub fn average_ensemble(trainers: &[Trainer], prune: f32, keep: impl Fn(u64) -> bool) -> Model {
    let n_classes = trainers.first().map_or(0, |t| t.n_classes);
    let mut features: Vec<u64> = trainers
        .iter()
        .flat_map(|t| t.weights.keys().copied())
        .filter(|&f| keep(f))
        .collect();
    features.sort_unstable();
    features.dedup();
    let k = trainers.len().max(1) as f64;
    let mut sum = vec![0.0f64; n_classes];
    let mut touched = vec![false; n_classes];
    let rows: Vec<(u64, Vec<(u16, f32)>)> = features
        .into_iter()
        .filter_map(|f| {
            for t in trainers {
                for (c, w) in t.averaged(f) {
                    sum[c as usize] += w;
                    touched[c as usize] = true;
                }
            }
            let mut row = Vec::new();
            for c in 0..n_classes {
                if std::mem::take(&mut touched[c]) {
                    let w = (std::mem::take(&mut sum[c]) / k) as f32;
                    if w.abs() > prune {
                        row.push((c as u16, w));
                    }
                }
            }
            (!row.is_empty()).then_some((f, row))
        })
        .collect();
    Model::from_rows(n_classes, rows)
}
