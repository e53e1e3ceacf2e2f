//! Lemmatizer: the dictionary form of each word ("went" → "go", "children" → "child"), and the
//! morphological features (FEATS) that the form and tags determine.
//!
//! The event coder matches verbs and nouns by lemma, so the lemma must be right for every inflection
//! of a dictionary entry, including words never seen in training. The model is data-driven and
//! needs only a tagged treebank: the most frequent lemma of each (form, XPOS) seen in training, then
//! of each (lower-cased form, XPOS), and for unseen words a suffix edit rule ("-ies" → "-y" for NNS)
//! learned per XPOS from the longest reliable suffix. Case follows the treebank's convention, learned
//! per XPOS and word shape: proper nouns keep their case, other words are lower-cased.

mod model;
mod train;

pub use model::Lemmatizer;
