//! Trained weights: the averaged perceptron as plain rows, before they are packed for scoring.

/// The averaged weights of a trained perceptron: each feature with its (class, weight) pairs.
///
/// Scoring is done by a [`crate::Table`] built from it; this form only carries the weights from
/// training to the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    n_classes: usize,
    /// (feature, [(class, weight)]) with classes ascending, in the deterministic order given.
    rows: Vec<(u64, Vec<(u16, f32)>)>,
}

impl Model {
    /// The model of these rows, kept in the (deterministic) order given.
    pub(crate) fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Self {
        Model { n_classes, rows }
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with a weight.
    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Number of (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.rows.iter().map(|(_, r)| r.len()).sum()
    }

    /// Every feature with its (class, weight) pairs, classes ascending.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (u64, Vec<(u16, f32)>)> + '_ {
        self.rows.iter().cloned()
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
