//! The coded event record: who did what to whom, with the words, offsets and dictionary
//! entries it came from, so that every event can be checked against its source.

use serde::{Deserialize, Serialize};
use tacitus_geo::Located;

pub use crate::coder::Via;

/// Which part of an article a sentence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// The headline (first non-empty line of an article file).
    Headline,
    /// The story body.
    Body,
}

/// Where a sentence lies in the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceSpan {
    /// Headline or body.
    pub section: Section,
    /// First character (Unicode scalar values into the document text).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// An actor as found in the text: its CAMEO code and the words naming it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// CAMEO actor code (`ISRMIL`), country and role codes joined.
    pub code: String,
    /// The words that name it, as they stand in the document.
    pub text: String,
    /// First character (Unicode scalar values into the document text).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// The words of the verb that carries the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerbSpan {
    /// The verb as written (with its particles when they are adjacent).
    pub text: String,
    /// First character in the document text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A dictionary entry that took part in coding an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// What the entry says (a verb, a pattern, an actor name).
    pub entry: String,
    /// `file:line` of the entry.
    pub at: String,
}

/// The rule that produced an event: verb entry, pattern (if one matched) and actor entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// The verb dictionary entry.
    pub verb: Citation,
    /// The pattern that matched; `null` when the verb's own code applied.
    pub pattern: Option<Citation>,
    /// The actor and agent entries behind the source code.
    pub source: Vec<Citation>,
    /// The actor and agent entries behind the target code.
    pub target: Vec<Citation>,
    /// How the source was found in the sentence (`subject`, `by_phrase`, `controller`, ...).
    pub source_via: Option<Via>,
    /// How the target was found (`object`, `passive_subject`, `pattern_target`, ...).
    pub target_via: Option<Via>,
    /// The other verb of a governing verb and its complement coded as one event (*threatened
    /// to attack*: the attack's entry on the threat; *refused to negotiate*: the refusal's on
    /// the negotiation); `null` for a verb coded alone.
    #[serde(default)]
    pub complement: Option<Citation>,
    /// The code-book rule that recoded the verb's code by who the actors are (*rioters*
    /// torching cars: 145, not 180); `null` when the verb's code stands.
    #[serde(default)]
    pub refinement: Option<Citation>,
}

/// One coded event, as written to JSON lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The document's identifier.
    pub doc_id: String,
    /// Headline or body.
    pub section: Section,
    /// Index of the sentence in the document, from 0 (headline sentences first).
    pub sentence: usize,
    /// Who acted; `null` when absent.
    pub source: Option<Participant>,
    /// Whom it was done to; `null` when absent.
    pub target: Option<Participant>,
    /// The verb.
    pub verb: VerbSpan,
    /// Full CAMEO event code, e.g. `0356`.
    pub event_code: String,
    /// The three-digit base code, e.g. `035`.
    pub base_code: String,
    /// The two-digit root code, e.g. `03`.
    pub root_code: String,
    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: Option<u8>,
    /// Goldstein score (−10 … +10) of the event code.
    pub goldstein: Option<f32>,
    /// PLOVER event type.
    pub plover_event: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
    /// Whether the verb is negated ("did not attack").
    pub negated: bool,
    /// Modality when the event is not asserted as fact: `may`, `threatened`, `will`, ...
    pub modality: Option<String>,
    /// Who said it, when the event is reported speech ("X said Y attacked Z").
    pub reported_by: Option<Participant>,
    /// The dictionary entries and pattern that fired.
    pub rule: Rule,
    /// The document date (`YYYY-MM-DD`), which chose the actors' roles.
    pub date: Option<String>,
    /// Where it happened and where its actors are, once the document is geocoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<EventGeo>,
    /// Tone of its sentence and of its document, once they are scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone: Option<EventTone>,
}

/// Where an event happened (GDELT's ActionGeo) and where its actors are (Actor1Geo,
/// Actor2Geo), each with how it was chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventGeo {
    /// Where the action happened.
    pub action: Option<Located>,
    /// Where the source actor is.
    pub source: Option<Located>,
    /// Where the target actor is.
    pub target: Option<Located>,
}

/// How an event was told: the tone of its sentence and of its whole document.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EventTone {
    /// The sentence's VADER compound score, −1 (most negative) … +1.
    pub sentence: f32,
    /// The document's tone on GDELT's scale: % positive words − % negative words.
    pub document: f32,
}
