//! What the store takes in (a coded article) and gives out (events, their reports and the
//! disputes between accounts), shared by the store and the exporters.

use serde::{Deserialize, Serialize};
use tacitus_coder::{Date, Event, SentenceSpan};
use tacitus_geo::Place;

use crate::{Article, DocumentHash, EventId, Timestamp};

/// An article after coding: what the store keeps of one document.
#[derive(Debug, Clone)]
pub struct CodedArticle {
    /// The article as read.
    pub article: Article,
    /// Its identity ([`Article::hash`]).
    pub hash: DocumentHash,
    /// The text that was coded ([`Article::coded_text`]); event offsets count characters in it.
    pub text: String,
    /// Its sentences, headline first.
    pub sentences: Vec<SentenceSpan>,
    /// Words analysed.
    pub words: usize,
    /// Coded events, in sentence order (each a report of an event).
    pub events: Vec<Event>,
    /// The discard entry that removed the whole story, if one did.
    pub discarded_by: Option<String>,
    /// When it was published: its own date, else its dateline's, else the one given on the
    /// command line (an article with none is not stored: its events could not be dated).
    pub published: Timestamp,
}

/// An actor of an event: its CAMEO code and the words of its first report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// CAMEO actor code (`IRNGOV`).
    pub code: String,
    /// The words naming it in the first report (`Iran's government`).
    pub name: String,
}

/// One event of the dataset: every report of the same dyad and code within the date window,
/// across all articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Content-derived id (GDELT's `GLOBALEVENTID`).
    pub id: EventId,
    /// Day of the first report (GDELT's `SQLDATE`).
    pub date: Date,
    /// Publication time of the first report (GDELT's `DATEADDED`).
    pub added: Timestamp,
    /// Who acted.
    pub source: Option<Actor>,
    /// Whom it was done to.
    pub target: Option<Actor>,
    /// Full CAMEO event code.
    pub event_code: String,
    /// Three-digit base code.
    pub base_code: String,
    /// Two-digit root code.
    pub root_code: String,
    /// CAMEO quad class (1–4).
    pub quad_class: Option<u8>,
    /// Goldstein score of the event code.
    pub goldstein: Option<f32>,
    /// PLOVER event type.
    pub plover_event: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
    /// Whether the reports say it did not happen ("did not attack").
    pub negated: bool,
    /// Whether any report is in the lead (headline or first paragraph): GDELT's `IsRootEvent`.
    pub is_root: bool,
    /// Reports (sentences) of the event, over all articles.
    pub num_mentions: u32,
    /// Independent sources: near-duplicate and syndicated copies count once.
    pub num_sources: u32,
    /// Articles with at least one report.
    pub num_articles: u32,
    /// Whether another account of the same kind of event names the actors otherwise.
    pub disputed: bool,
    /// Address of the first report (its URL, else where it was read).
    pub source_url: String,
    /// Where the first report says it happened (GDELT's ActionGeo).
    pub action_geo: Option<Place>,
    /// Where the first report places the source (Actor1Geo).
    pub source_geo: Option<Place>,
    /// Where the first report places the target (Actor2Geo).
    pub target_geo: Option<Place>,
    /// Mean tone of the documents of its reports (GDELT's AvgTone).
    pub avg_tone: Option<f32>,
}

/// One report of an event: a sentence of an article that coded it (GDELT's mention).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// The event reported.
    pub event_id: EventId,
    /// The event's first-report time (GDELT's `EventTimeDate`).
    pub event_added: Timestamp,
    /// Publication time of this article (GDELT's `MentionTimeDate`).
    pub published: Timestamp,
    /// The article.
    pub document: DocumentHash,
    /// The first article of its near-duplicate cluster (itself when it has no copies).
    pub cluster: DocumentHash,
    /// The outlet (GDELT's `MentionSourceName`).
    pub outlet: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// Where the article was read.
    pub origin: String,
    /// Characters in the coded text (GDELT's `MentionDocLen`).
    pub doc_chars: u32,
    /// Whether the sentence is in the lead: the headline or the first paragraph.
    pub is_root: bool,
    /// The sentence, as it stands in the article.
    pub sentence_text: String,
    /// The coded report: section, sentence index, spans, verb, rule, negation, modality.
    pub coded: Event,
}

/// How two accounts of the same kind of event differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeKind {
    /// Source and target exchanged ("Iran sought talks with the US" / "the US reached out to
    /// Iran").
    Swapped,
    /// Same target, another source.
    OtherSource,
    /// Same source, another target.
    OtherTarget,
}

/// Where the disagreeing accounts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeScope {
    /// One story: its headline against its body.
    Story,
    /// Independent sources.
    Sources,
}

/// A link between two events that are disputed accounts of one happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Dispute {
    /// One account.
    pub event: EventId,
    /// The other account.
    pub other: EventId,
    /// How they differ.
    pub kind: DisputeKind,
    /// Where they come from.
    pub scope: DisputeScope,
}
