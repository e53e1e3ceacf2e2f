//! Labelled dependency parser producing Universal Dependencies trees.
//!
//! The event coder reads who did what to whom from subject, object and oblique relations, so every
//! sentence needs a fast, reasonably accurate labelled tree. This is a greedy transition-based
//! parser in the style of Zhang & Nivre (2011):
//!
//! - **Transitions**: arc-eager (Nivre 2003), labelled transitions predicted jointly (shift,
//!   reduce, left-arc(label), right-arc(label)), with the artificial root at the end of the
//!   buffer (Ballesteros & Nivre 2013) so the sentence root is chosen last. Preconditions on the
//!   transitions make every complete sequence a single-rooted tree; parsing takes at most
//!   2n + 1 transitions, each in constant time.
//! - **Features**: the non-local templates of Zhang & Nivre (2011) (distance, valency, second-
//!   and third-order children and heads, label sets), trimmed for cache-friendly scoring, scored
//!   by the sparse averaged perceptron of `tacitus-perceptron`.
//! - **Training**: the dynamic oracle of Goldberg & Nivre (2012) with exploration: after two
//!   passes on the gold path, training follows the model's own (possibly wrong) transitions nine
//!   times in ten and updates towards the best zero-cost transition, so the parser learns to
//!   recover from its own mistakes. Features seen once in the first pass are dropped.
//! - **Non-projectivity**: the transitions only build projective trees. Training trees are made
//!   projective by lifting crossing arcs to the head's head, shortest first (Nivre & Nilsson
//!   2005), keeping their labels (no label encoding, no deprojectivization): in EWT only 0.17% of
//!   training arcs and 0.14% of dev arcs cross, too few to pay for a larger label set. Output
//!   trees are projective.
//!
//! Trained on the UD English Web Treebank (Silveira et al. 2014), CC BY-SA 4.0.

mod features;
mod model;
mod oracle;
mod projective;
mod rng;
mod train;
mod transition;

pub use model::Parser;
pub use train::TrainOptions;

/// Revision of what this crate's training and decoding produce: raised with every change that
/// alters a trained model or, for the tagger, the tags it gives the parser's training. `tacitus
/// setup` retrains a model whose recorded revision differs, so an old model is never measured
/// as a new one.
pub const TRAINING_REVISION: u32 = 2;
