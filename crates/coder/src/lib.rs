//! The CAMEO event coder: who did what to whom, from PETRARCH-format dictionaries over
//! Tacitus's own dependency trees, every event traceable to its words and rules.
//!
//! TABARI matched patterns over a shallow parse and PETRARCH-2 over constituency trees from
//! CoreNLP. Tacitus codes from the UD trees its own parser builds: the tree says who the
//! subject, object and by-phrase of a verb are, which conjuncts make a compound actor and which
//! clause is reported speech, while the dictionaries' verb patterns are matched over the words
//! of the verb's clause as TABARI matched them. Every [`Event`] records the sentence, the
//! character spans of its actors and verb, and the dictionary entries (file and line) that
//! produced it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod coder;
mod complement;
mod document;
mod domestic;
mod event;
mod headline;
mod lexicon;
mod mentions;
mod pattern;
mod refine;
mod tree;
mod trie;

pub use coder::Options;
pub use document::{Coder, Document, DocumentEvents};
pub use event::{
    Citation, Event, EventGeo, EventTone, Participant, Rule, Section, SentenceSpan, VerbSpan, Via,
};
pub use lexicon::{
    AGENT_OVERLAY, AGENT_OVERLAY_NAME, Lexicon, LexiconParts, OVERLAY, OVERLAY_NAME, VERB_OVERLAY,
    VERB_OVERLAY_NAME,
};
pub use mentions::{UNKNOWN_COUNTRY, actor_country};
pub use tacitus_dict::{Date, DictError};
