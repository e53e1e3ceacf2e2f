//! Sentence and document tone from the VADER sentiment lexicon.
//!
//! Event records carry the tone of the article they came from, as GDELT's do, so that users can
//! weigh or filter events by how the press reported them. Sentences are scored with the rules of
//! VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
//! Social Media Text", ICWSM): a lexicon of word valences adjusted by negation, intensifiers,
//! capitals, "but" and punctuation. The lexicon (MIT licence, C.J. Hutto) is not part of Tacitus:
//! setup reads it from the vaderSentiment 3.3.2 package and compiles it with
//! [`Lexicon::from_vader`].
//!
//! [`Lexicon::sentence`] gives VADER's scores for one sentence; [`Lexicon::document`] gives a
//! document's tone on GDELT's V2 scale: the percentages of its words that carry positive and
//! negative sentiment, and their difference. Scoring never fails and never panics: every input
//! gives finite scores in their documented ranges, the same on every run and machine.

mod lexicon;
mod score;
mod words;

use serde::{Deserialize, Serialize};

pub use lexicon::{Lexicon, MODEL_VERSION};

/// A lexicon that could not be read, parsed or written.
#[derive(Debug, thiserror::Error)]
pub enum ToneError {
    /// A line of the VADER lexicon text is malformed.
    #[error("VADER lexicon line {line}: {reason}")]
    Lexicon {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The saved lexicon could not be written or read.
    #[error(transparent)]
    Model(#[from] tacitus_modelfile::ModelError),
}

/// Tone of one sentence (VADER's scores).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct SentenceTone {
    /// Normalised sum of the adjusted valences, −1 (most negative) to +1 (most positive).
    pub compound: f32,
    /// Share of the sentence's sentiment mass that is positive, 0..1.
    pub positive: f32,
    /// Share of the sentence's sentiment mass that is negative, 0..1.
    pub negative: f32,
    /// Share of tokens without sentiment, 0..1; the three shares sum to 1 (all 0 for no tokens).
    pub neutral: f32,
}

/// Tone of a document, on GDELT's scale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentTone {
    /// `positive − negative`, −100..+100 (news is typically −10..+10); GDELT's AvgTone.
    pub tone: f32,
    /// Percentage of words whose adjusted valence is positive, 0..100.
    pub positive: f32,
    /// Percentage of words whose adjusted valence is negative, 0..100.
    pub negative: f32,
    /// `positive + negative`: percentage of words that carry sentiment, 0..100.
    pub polarity: f32,
    /// Number of words scored.
    pub words: u32,
}
