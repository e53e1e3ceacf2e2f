//! Part-of-speech tagger: Universal (UPOS) and Penn Treebank (XPOS) tags for each word.
//!
//! Every later stage (lemmas, the parser, the event coder's verb and noun-phrase patterns) reads
//! these tags, so the tagger must be accurate on web and news English and fast enough to leave
//! most of the time budget to parsing. It is a greedy averaged perceptron (Collins 2002) over rich
//! lexical features, predicting the joint UPOS|XPOS pair so the two tags always agree. Tagging is
//! two passes: the second pass also sees the first pass's tags of the next two words. Frequent
//! unambiguous words are tagged from a dictionary without scoring.

mod features;
mod model;
mod train;

pub use model::Tagger;
pub use train::TrainOptions;
