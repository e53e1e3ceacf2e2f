//! A word trie for dictionary phrases, so each token position is tried against every phrase in
//! one walk instead of one lookup per phrase.
//!
//! PETRARCH-2 and TABARI read a dictionary word without a trailing `_` as a stem: `ARGENTIN`
//! matches `ARGENTINA` and `ARGENTINIAN`. Here the last word of such a phrase matches a token
//! that starts with it and goes on with one of the endings of demonyms and plurals
//! ([`DEMONYM_ENDINGS`] for actors, [`AGENT_ENDINGS`] for agents), which keeps that reading without letting `MALI` match `MALIGNANT` or the
//! acronym `PLA` match `PLANT`.

use rustc_hash::FxHashMap as HashMap;

/// What may follow an actor stem in a word it matches: plural and demonym endings.
pub const DEMONYM_ENDINGS: &[&str] = &[
    "S", "ES", "A", "E", "I", "IS", "N", "NS", "AN", "ANS", "IAN", "IANS", "ESE", "ISH", "INE",
    "INES", "ER", "ERS", "I'S", "'S",
];

/// What may follow an agent stem (`DEFENCE_MINIST`, `LEGISLAT`): endings of nouns for people
/// and bodies, not adjectives (`DIPLOMAT` must not match `DIPLOMATIC`).
pub const AGENT_ENDINGS: &[&str] = &[
    "S", "ES", "ER", "ERS", "RY", "RIES", "OR", "ORS", "URE", "URES", "Y", "IES", "IST", "ISTS",
];

/// The longest ending allowed in either list.
const MAX_STEM_SUFFIX: usize = 4;

/// The shortest stem (in bytes) that matches by prefix: three-letter stems are acronyms (`PLA`
/// must not match *plans*).
const MIN_STEM: usize = 4;

#[derive(Debug, Default, Clone)]
struct Node {
    children: HashMap<Box<str>, u32>,
    /// Values of phrases ending here that must match the last word exactly.
    exact: Vec<u32>,
    /// Values of phrases ending here whose last word is a stem.
    stem: Vec<u32>,
}

/// Phrases of upper-case words, each with a value (an index into the caller's entries).
#[derive(Debug, Clone)]
pub struct Trie {
    nodes: Vec<Node>,
    /// What may follow a stem in a word it matches.
    endings: &'static [&'static str],
}

impl Default for Trie {
    fn default() -> Self {
        Trie::with_endings(DEMONYM_ENDINGS)
    }
}

/// A phrase found in a token sequence: tokens `start..end` and the values of its phrases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The values of every phrase matching exactly these tokens, in insertion order.
    pub values: Vec<u32>,
}

impl Trie {
    /// An empty trie whose stems match words that go on with one of `endings`.
    pub fn with_endings(endings: &'static [&'static str]) -> Trie {
        Trie {
            nodes: vec![Node::default()],
            endings,
        }
    }

    /// Adds a phrase; `exact` forbids the stem reading of its last word. A word with an inner
    /// hyphen (`AL-QAEDA`) is also added as the tokenizer splits it (`AL - QAEDA`).
    pub fn insert(&mut self, words: &[String], exact: bool, value: u32) {
        let split = split_hyphens(words);
        if split.len() != words.len() {
            self.insert_words(&split, exact, value);
        }
        self.insert_words(words, exact, value);
    }

    fn insert_words(&mut self, words: &[String], exact: bool, value: u32) {
        if words.is_empty() {
            return;
        }
        let mut node = 0usize;
        for w in words {
            let next = self.nodes.len() as u32;
            let child = *self.nodes[node]
                .children
                .entry(w.as_str().into())
                .or_insert(next);
            if child == next {
                self.nodes.push(Node::default());
            }
            node = child as usize;
        }
        let n = &mut self.nodes[node];
        let list = if exact || words.last().is_some_and(|w| !stemmable(w)) {
            &mut n.exact
        } else {
            &mut n.stem
        };
        if !list.contains(&value) {
            list.push(value);
        }
    }

    /// The longest phrase starting at token `start`, if any.
    pub fn longest_at(&self, tokens: &[&str], start: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut node = 0usize;
        for (j, tok) in tokens.iter().enumerate().skip(start) {
            // Stem readings of this token end a phrase here but are never walked through.
            if let Some(found) = self.stem_end(node, tok) {
                best = Some(Found {
                    start,
                    end: j + 1,
                    values: found,
                });
            }
            let Some(&child) = self.nodes[node].children.get(*tok) else {
                break;
            };
            node = child as usize;
            let n = &self.nodes[node];
            if !n.exact.is_empty() || !n.stem.is_empty() {
                let mut values = n.exact.clone();
                for v in &n.stem {
                    if !values.contains(v) {
                        values.push(*v);
                    }
                }
                best = Some(Found {
                    start,
                    end: j + 1,
                    values,
                });
            }
        }
        best
    }

    /// Values of stem phrases under `node` whose last word is a proper prefix of `tok`.
    fn stem_end(&self, node: usize, tok: &str) -> Option<Vec<u32>> {
        if !stemmable(tok) {
            return None;
        }
        let children = &self.nodes[node].children;
        let shortest = tok.len().saturating_sub(MAX_STEM_SUFFIX).max(MIN_STEM);
        (shortest..tok.len()).rev().find_map(|len| {
            let prefix = tok.get(..len)?;
            if !self.endings.contains(&tok.get(len..)?) {
                return None;
            }
            let &c = children.get(prefix)?;
            let stem = &self.nodes[c as usize].stem;
            (!stem.is_empty()).then(|| stem.clone())
        })
    }

    /// Every non-overlapping longest phrase, scanning left to right.
    pub fn scan(&self, tokens: &[&str]) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(tokens, i) {
                Some(f) => {
                    i = f.end;
                    out.push(f);
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Words with each inner hyphen made a word of its own, as the tokenizer splits them
/// (`JAE-MYUNG` → `JAE`, `-`, `MYUNG`).
pub(crate) fn split_hyphens(words: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let inner = w.trim_matches('-').contains('-');
        if !inner {
            out.push(w.clone());
            continue;
        }
        for (k, part) in w.split('-').enumerate() {
            if k > 0 {
                out.push("-".to_string());
            }
            if !part.is_empty() {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// Whether a word is all letters (possibly with inner hyphens or apostrophes), so a stem
/// reading makes sense for it.
fn stemmable(w: &str) -> bool {
    w.len() >= MIN_STEM
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn longest_exact_and_stem_matches() {
        let mut t = Trie::default();
        t.insert(&words("UNITED STATES"), true, 1);
        t.insert(&words("UNITED"), true, 2);
        t.insert(&words("ARGENTIN"), false, 3);
        t.insert(&words("ARNOR"), true, 4);
        let toks = [
            "THE",
            "UNITED",
            "STATES",
            "AND",
            "ARGENTINA",
            "ARNORIAN",
            "ARNOR",
        ];
        let found = t.scan(&toks);
        let got: Vec<(usize, usize, Vec<u32>)> = found
            .into_iter()
            .map(|f| (f.start, f.end, f.values))
            .collect();
        assert_eq!(
            got,
            vec![(1, 3, vec![1]), (4, 5, vec![3]), (6, 7, vec![4])],
            "exact ARNOR_ must not match ARNORIAN; stem ARGENTIN must match ARGENTINA"
        );
    }

    #[test]
    fn hyphenated_names_match_split_tokens() {
        let mut t = Trie::default();
        t.insert(&words("LEE JAE-MYUNG"), true, 1);
        let found = t
            .longest_at(&["LEE", "JAE", "-", "MYUNG", "SAID"], 0)
            .unwrap();
        assert_eq!((found.end, found.values), (4, vec![1]));
        assert!(
            t.longest_at(&["LEE", "JAE-MYUNG"], 0).is_some(),
            "unsplit form too"
        );
        // Non-ASCII letters next to the edges, and leading or trailing hyphens.
        let got = split_hyphens(&words("BARZANÎ -AL ÎA-B- A-Î"));
        assert_eq!(got, words("BARZANÎ -AL ÎA - B - A - Î"));
    }

    proptest::proptest! {
        #[test]
        fn any_phrase_and_tokens_are_matched_without_panic(
            phrase in proptest::collection::vec("\\PC{1,8}", 1..4),
            tokens in proptest::collection::vec("\\PC{1,8}", 0..8),
            exact in proptest::bool::ANY,
        ) {
            let phrase: Vec<String> = phrase.iter().map(|w| w.to_uppercase()).collect();
            let tokens: Vec<String> = tokens.iter().map(|w| w.to_uppercase()).collect();
            let mut t = Trie::default();
            t.insert(&phrase, exact, 7);
            let toks: Vec<&str> = tokens.iter().map(String::as_str).collect();
            for f in t.scan(&toks) {
                proptest::prop_assert!(f.start < f.end && f.end <= toks.len());
            }
            // The phrase itself, split as the tokenizer splits it, is always found.
            let split = split_hyphens(&phrase);
            let own: Vec<&str> = split.iter().map(String::as_str).collect();
            proptest::prop_assert!(t.longest_at(&own, 0).is_some_and(|f| f.end == own.len()));
        }
    }

    #[test]
    fn stems_do_not_match_long_extensions() {
        let mut t = Trie::default();
        t.insert(&words("MALI"), false, 1);
        t.insert(&words("PLA"), false, 2);
        assert!(t.longest_at(&["MALIAN"], 0).is_some());
        assert!(t.longest_at(&["MALIGNANT"], 0).is_none());
        assert!(
            t.longest_at(&["PLANT"], 0).is_none(),
            "PLA must not match PLANT"
        );
    }
}
