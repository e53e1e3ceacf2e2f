//! Labelled dependency parser producing Universal Dependencies trees.
//!
//! The event coder reads who did what to whom from subject, object and oblique relations, so every
//! sentence needs a fast, reasonably accurate labelled tree. This is a greedy transition-based
//! parser in the style of Zhang & Nivre (2011):
//!
//! - **Transitions**: arc-eager (Nivre 2003) with the artificial root at the bottom of the stack,
//!   labelled transitions predicted jointly (shift, reduce, left-arc(label), right-arc(label)).
//!   The root takes one dependent, and words the transitions leave headless are attached
//!   afterwards , so the output is always a single-rooted tree, built in
//!   linear time.
//! - **Features**: the rich non-local templates of Zhang & Nivre (2011), scored by
//!   the sparse averaged perceptron of `tacitus-perceptron`.
//! - **Training**: the dynamic oracle of Goldberg & Nivre (2012) with exploration: the parser learns to recover from its own mistakes.
//! - **Non-projectivity**: training trees are made projective by lifting crossing arcs
//!   (Nivre & Nilsson 2005) without label encoding. Output trees are projective.
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
