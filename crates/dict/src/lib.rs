//! Readers for the PETRARCH-2/TABARI event-coding dictionaries.
//!
//! The CAMEO event coder needs the Phoenix dictionaries (verb patterns, actors, agents,
//! discards, issues) and the CAMEO lookup tables (Goldstein scale, event descriptions,
//! CAMEO→PLOVER) as typed data, so that matching code never re-parses text and every coded
//! event can cite the dictionary entry (file and line) that produced it.
//!
//! Every reader is strict: a malformed entry is a [`DictError::Syntax`] naming the file and
//! line, never silently dropped. Entries that are well formed but that PETRARCH-2 would
//! ignore at coding time (a pattern using an undefined synset) are kept and reported as
//! [`Warning`]s. The formats follow the PETRARCH-2 documentation and reader (MIT, Open
//! Event Data Alliance); `docs/DICTIONARIES.md` lists the ambiguities and how they were
//! resolved.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod actors;
pub mod agents;
pub mod codes;
pub mod discards;
pub mod issues;
pub mod phoenix;
pub mod tables;
mod text;
pub mod verbs;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use actors::{ActorDictionary, ActorEntry, load_actors, parse_actors};
pub use agents::{AgentCode, AgentDictionary, AgentEntry, load_agents, parse_agents};
pub use codes::{ActorCode, Date, DateRange, EventCode, VerbCode};
pub use discards::{DiscardEntry, DiscardList, DiscardScope, load_discards, parse_discards};
pub use issues::{IssueEntry, IssueExclusion, IssueList, load_issues, parse_issues};
pub use phoenix::PhoenixSet;
pub use tables::{
    CameoToPlover, EventDescriptions, GoldsteinTable, PloverMapping, load_cameo_to_plover,
    load_event_descriptions, load_goldstein, parse_cameo_to_plover, parse_event_descriptions,
    parse_goldstein,
};
pub use verbs::{
    Pattern, PatternElement, PatternTerm, Synset, SynsetMember, Transformation, VerbDictionary,
    VerbEntry, VerbFamily, VerbForm, load_verbs, parse_verbs,
};

/// Errors from reading a dictionary file.
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    /// The file could not be read.
    #[error("cannot read {file}")]
    Io {
        /// The file that could not be read.
        file: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// An entry does not follow the format.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The file (as given to the reader).
        file: Arc<str>,
        /// 1-based line number of the malformed entry.
        line: u32,
        /// What is wrong.
        message: String,
    },
}

/// Where a dictionary entry comes from: file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Loc {
    /// The file name as given to the reader.
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

impl Loc {
    /// Builds a syntax error at this location.
    pub fn error(&self, message: impl Into<String>) -> DictError {
        DictError::Syntax {
            file: self.file.clone(),
            line: self.line,
            message: message.into(),
        }
    }
}

/// A well-formed entry that PETRARCH-2 would ignore or treat specially when coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where the entry is.
    pub loc: Loc,
    /// What is odd about it.
    pub message: String,
}

/// A dictionary phrase: upper-case words that must occur consecutively.
///
/// Underscores and blanks both separate words (PETRARCH-2 treats them alike). A trailing
/// `_` in the source marks a phrase that must not be stemmed or pluralised (`exact`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phrase {
    /// The words, upper-cased.
    pub words: Vec<String>,
    /// Whether the source ended in `_` (no stemming, no plural, must end at a word boundary).
    pub exact: bool,
}

impl Phrase {
    /// Parses `A_B C_` style text into a phrase; `None` when it has no words.
    pub fn parse(text: &str) -> Option<Phrase> {
        let t = text.trim();
        let exact = t.ends_with('_');
        let words: Vec<String> = t
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_uppercase())
            .collect();
        if words.is_empty() {
            None
        } else {
            Some(Phrase { words, exact })
        }
    }

    /// The words joined with single spaces.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words.join(" "))
    }
}

/// Reads a file to a string, naming it in the error.
pub(crate) fn read(path: &Path) -> Result<String, DictError> {
    let bytes = std::fs::read(path).map_err(|source| DictError::Io {
        file: path.to_path_buf(),
        source,
    })?;
    // Some dictionaries carry stray Latin-1 bytes; decode lossily rather than fail.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// The file name used in locations for `path`.
pub(crate) fn file_name(path: &Path) -> Arc<str> {
    Arc::from(path.display().to_string())
}
