//! The compiled lexicon: VADER's word valences merged with the modifier word lists.
//!
//! The lexicon text is not shipped with Tacitus; `tacitus setup` reads `vader_lexicon.txt` from the
//! vaderSentiment wheel, compiles it once with [`Lexicon::from_vader`] and saves it as a model file.
//! Only the (token, valence) pairs are stored, sorted, so the file is byte-for-byte reproducible;
//! the modifier roles are merged back in when it is read, which keeps the word lists in the code
//! that interprets them.

use std::path::Path;

use rustc_hash::FxHashMap;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ToneError;
use crate::words::{self, Entry, LEXICON};

/// Model-file kind of a saved lexicon.
const KIND: &str = "tone";
/// Schema version of a saved lexicon, checked when it is loaded.
pub const MODEL_VERSION: u32 = 1;
/// Largest magnitude of a valence VADER's rating scale allows.
const MAX_VALENCE: f64 = 4.0;

/// A compiled sentiment lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
    /// Every lexicon word and modifier word, with what the scorer needs to know about it.
    entries: FxHashMap<Box<str>, Entry>,
    /// Number of lexicon words (modifier-only entries not counted).
    words: usize,
}

impl Lexicon {
    /// Parses the text of VADER's `vader_lexicon.txt`: one `token<TAB>mean<TAB>…` line per word.
    ///
    /// Blank lines are skipped, a later line for the same token replaces an earlier one (as the
    /// package's own loader does), and tokens are kept as written (lookups are lower-cased).
    /// A line without a tab-separated valence in −4..+4 is an error naming the 1-based line.
    pub fn from_vader(text: &str) -> Result<Lexicon, ToneError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut pairs = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.trim_start().is_empty() {
                continue;
            }
            let bad = |reason: String| ToneError::Lexicon {
                line: n + 1,
                reason,
            };
            let mut fields = line.split('\t');
            let token = fields.next().unwrap_or_default().trim();
            let valence = fields
                .next()
                .ok_or_else(|| bad("expected token<TAB>valence".to_string()))?
                .trim();
            let valence: f64 = valence
                .parse()
                .map_err(|_| bad(format!("valence {valence:?} is not a number")))?;
            check(token, valence).map_err(bad)?;
            pairs.push((token, valence));
        }
        Ok(Lexicon::build(pairs))
    }

    /// Writes the lexicon as a Tacitus model file of kind "tone".
    pub fn save(&self, path: &Path) -> Result<(), ToneError> {
        Ok(tacitus_modelfile::save(path, KIND, MODEL_VERSION, self)?)
    }

    /// Reads a lexicon written by [`Lexicon::save`].
    pub fn load(path: &Path) -> Result<Lexicon, ToneError> {
        Ok(tacitus_modelfile::load(path, KIND, MODEL_VERSION)?)
    }

    /// Number of lexicon words.
    pub fn len(&self) -> usize {
        self.words
    }

    /// Whether the lexicon has no words.
    pub fn is_empty(&self) -> bool {
        self.words == 0
    }

    /// What is known about a lower-cased token; the default entry for an unknown one.
    pub(crate) fn entry(&self, lower: &str) -> Entry {
        self.entries.get(lower).copied().unwrap_or_default()
    }

    /// Compiles checked (token, valence) pairs; a later pair for a token wins.
    fn build<'a>(pairs: impl IntoIterator<Item = (&'a str, f64)>) -> Lexicon {
        let mut entries: FxHashMap<Box<str>, Entry> = FxHashMap::default();
        for (token, valence) in pairs {
            let e = entries.entry(token.into()).or_default();
            e.valence = valence;
            e.flags |= LEXICON;
        }
        let words = entries.len();
        for (word, boost, flags) in words::modifiers() {
            let e = entries.entry(word.into()).or_default();
            if boost != 0.0 {
                e.boost = boost;
            }
            e.flags |= flags;
        }
        Lexicon { entries, words }
    }

    /// The lexicon words and valences, sorted by token.
    fn pairs(&self) -> Vec<(&str, f64)> {
        let mut pairs: Vec<(&str, f64)> = self
            .entries
            .iter()
            .filter(|(_, e)| e.has(LEXICON))
            .map(|(k, e)| (&**k, e.valence))
            .collect();
        pairs.sort_unstable_by(|a, b| a.0.cmp(b.0));
        pairs
    }
}

/// Why a (token, valence) pair cannot be a lexicon entry, if it cannot.
fn check(token: &str, valence: f64) -> Result<(), String> {
    if token.is_empty() {
        return Err("empty token".to_string());
    }
    if !(valence.is_finite() && valence.abs() <= MAX_VALENCE) {
        return Err(format!("valence {valence} outside -4..4"));
    }
    Ok(())
}

impl Serialize for Lexicon {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.pairs().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Lexicon {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let pairs = Vec::<(String, f64)>::deserialize(deserializer)?;
        for (token, valence) in &pairs {
            check(token, *valence).map_err(D::Error::custom)?;
        }
        Ok(Lexicon::build(pairs.iter().map(|(t, v)| (t.as_str(), *v))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "good\t1.9\t0.9434\t[2, 1, 2, 2]\r\n:D\t2.3\t1.1\t[]\r\n\r\nok\t1.6\t0.5\t[]\r\nok\t1.2\t0.4\t[]\r\n";

    #[test]
    fn parses_crlf_duplicates_and_keeps_case() {
        let lex = Lexicon::from_vader(TEXT).unwrap();
        assert_eq!(lex.len(), 3);
        assert!(!lex.is_empty());
        assert_eq!(lex.entry("good").valence, 1.9);
        assert_eq!(lex.entry("ok").valence, 1.2);
        assert_eq!(lex.entry(":D").valence, 2.3);
        assert!(!lex.entry(":d").has(LEXICON));
        assert!(lex.entry("very").boost > 0.0 && !lex.entry("very").has(LEXICON));
        assert!(Lexicon::from_vader("").unwrap().is_empty());
    }

    #[test]
    fn bad_lines_name_their_number() {
        for (text, line, what) in [
            ("good\t1.9\nbad\n", 2, "expected"),
            ("good\t1.9\n\nbad\tawful\n", 3, "not a number"),
            ("good\t9.5\n", 1, "outside"),
            ("good\tNaN\n", 1, "outside"),
            ("\t1.0\n", 1, "empty token"),
        ] {
            let err = Lexicon::from_vader(text).unwrap_err();
            assert!(
                matches!(err, ToneError::Lexicon { line: l, .. } if l == line),
                "{text:?}: {err}"
            );
            assert!(err.to_string().contains(what), "{text:?}: {err}");
        }
    }

    #[test]
    fn save_load_round_trip_is_reproducible() {
        let dir = std::env::temp_dir().join(format!("tacitus-tone-{}", std::process::id()));
        let (a, b) = (dir.join("a.model"), dir.join("b.model"));
        let lex = Lexicon::from_vader(TEXT).unwrap();
        lex.save(&a).unwrap();
        let back = Lexicon::load(&a).unwrap();
        assert_eq!(back, lex);
        back.save(&b).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
        std::fs::write(&b, b"not a model").unwrap();
        assert!(matches!(Lexicon::load(&b), Err(ToneError::Model(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
