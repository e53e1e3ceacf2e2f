//! Discard lists (`*.discards.txt`): phrases that stop a sentence (or, with `+`, a whole
//! story) from being coded — sports, entertainment, history — so they never yield events.
//!
//! Format (PETRARCH-2): one phrase per line; a leading `+` makes it story-level; a trailing
//! `_` requires a word boundary at the end, otherwise the last word is a stem. Matching is
//! case-insensitive, so phrases are upper-cased.

use std::path::Path;
use std::sync::Arc;

use crate::text::lines;
use crate::{DictError, Loc, Phrase};

/// Whether a discard phrase drops the sentence or the whole story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiscardScope {
    /// The sentence containing the phrase is not coded.
    Sentence,
    /// The story containing the phrase is not coded (`+` prefix).
    Story,
}

/// One discard phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscardEntry {
    /// The phrase (`exact` when written with a trailing `_`).
    pub phrase: Phrase,
    /// Sentence or story level.
    pub scope: DiscardScope,
    /// Where the entry is.
    pub line: Loc,
}

/// The discard phrases of a file, in file order.
#[derive(Debug, Clone, Default)]
pub struct DiscardList {
    /// All entries.
    pub entries: Vec<DiscardEntry>,
}

/// Parses a discard list from text; `file` names it in locations and errors.
pub fn parse_discards(input: &str, file: &str) -> Result<DiscardList, DictError> {
    let file: Arc<str> = Arc::from(file);
    let mut list = DiscardList::default();
    for line in lines(input) {
        let loc = Loc {
            file: file.clone(),
            line: line.no,
        };
        let t = line.text.trim();
        let (scope, t) = match t.strip_prefix('+') {
            Some(rest) => (DiscardScope::Story, rest),
            None => (DiscardScope::Sentence, t),
        };
        if t.contains(['[', ']', '{', '}']) {
            return Err(loc.error(format!("unexpected bracket in discard phrase {t:?}")));
        }
        let phrase = Phrase::parse(t).ok_or_else(|| loc.error("discard line has no words"))?;
        list.entries.push(DiscardEntry {
            phrase,
            scope,
            line: loc,
        });
    }
    Ok(list)
}

/// Reads a discard list file.
pub fn load_discards(path: &Path) -> Result<DiscardList, DictError> {
    parse_discards(&crate::read(path)?, &crate::file_name(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_discards() {
        let d =
            parse_discards("# c\n+ACADEMY AWARD # x\nbaseball\nWORLD_CUP_\n1914\n", "d").unwrap();
        assert_eq!(d.entries.len(), 4);
        assert_eq!(d.entries[0].scope, DiscardScope::Story);
        assert_eq!(d.entries[0].phrase.text(), "ACADEMY AWARD");
        assert_eq!(d.entries[1].phrase.text(), "BASEBALL");
        assert!(d.entries[2].phrase.exact);
        assert_eq!(d.entries[3].line.line, 5);
    }

    #[test]
    fn malformed_discards() {
        for (text, line) in [("ok\n+\n", 2), ("X [USA]\n", 1)] {
            match parse_discards(text, "bad") {
                Err(DictError::Syntax { line: l, .. }) => assert_eq!(l, line),
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }
}
