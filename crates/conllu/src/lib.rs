//! CoNLL-U, the Universal Dependencies file format: data types, reader and writer.
//!
//! Every stage of the pipeline exchanges sentences in these types, and the treebanks the models are
//! trained on arrive in this format. The reader keeps everything it does not interpret (comments,
//! empty nodes, MISC) so that reading and writing a file gives back the same bytes.
//!
//! Format reference: <https://universaldependencies.org/format.html>.

mod read;
mod tree;
mod write;

pub use read::{ReadError, Reader, parse_str};
pub use tree::render_tree;
pub use write::{write_sentence, write_str};

/// One syntactic word: a line of a CoNLL-U sentence with an integer ID.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// Word form (FORM).
    pub form: String,
    /// Lemma (LEMMA); `_` when unknown.
    pub lemma: String,
    /// Universal part-of-speech tag (UPOS).
    pub upos: String,
    /// Language-specific tag (XPOS), the Penn Treebank tag for English.
    pub xpos: String,
    /// Morphological features (FEATS), kept as written.
    pub feats: String,
    /// Head word: 0 for the root, 1-based word index otherwise; `None` when unannotated.
    pub head: Option<usize>,
    /// Universal dependency relation to the head (DEPREL).
    pub deprel: String,
    /// Enhanced dependencies (DEPS), kept as written.
    pub deps: String,
    /// Miscellaneous annotation (MISC), kept as written.
    pub misc: String,
}

impl Word {
    /// A word with only its form set and every other column `_`.
    pub fn new(form: impl Into<String>) -> Self {
        let u = || "_".to_string();
        Word {
            form: form.into(),
            lemma: u(),
            upos: u(),
            xpos: u(),
            feats: u(),
            head: None,
            deprel: u(),
            deps: u(),
            misc: u(),
        }
    }

    /// Whether MISC says no space follows this word (`SpaceAfter=No`).
    pub fn no_space_after(&self) -> bool {
        misc_has(&self.misc, "SpaceAfter=No")
    }
}

/// A multiword token: a range line `first-last` spanning several syntactic words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiwordToken {
    /// 1-based index of the first word it covers.
    pub first: usize,
    /// 1-based index of the last word it covers (inclusive).
    pub last: usize,
    /// Surface form of the whole token.
    pub form: String,
    /// Miscellaneous annotation (MISC), kept as written.
    pub misc: String,
}

impl MultiwordToken {
    /// Whether MISC says no space follows this token (`SpaceAfter=No`).
    pub fn no_space_after(&self) -> bool {
        misc_has(&self.misc, "SpaceAfter=No")
    }
}

/// A line that this crate keeps but does not interpret (an empty node `n.m`), with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpaqueLine {
    /// Number of words that precede it.
    pub after_word: usize,
    /// The whole line, without its newline.
    pub line: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// Comment lines, without the leading `#` and one following space.
    pub comments: Vec<String>,
    /// Syntactic words in order; word `i` has CoNLL-U ID `i + 1`.
    pub words: Vec<Word>,
    /// Multiword tokens, in order.
    pub multiwords: Vec<MultiwordToken>,
    /// Empty nodes and other kept lines.
    pub opaque: Vec<OpaqueLine>,
}

impl Sentence {
    /// Value of a `key = value` comment such as `sent_id` or `text`.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let rest = c.strip_prefix(key)?.trim_start();
            rest.strip_prefix('=').map(str::trim)
        })
    }

    /// Whether a `# key ...` comment (such as `newdoc` or `newpar`) is present.
    pub fn has_comment(&self, key: &str) -> bool {
        self.comments
            .iter()
            .any(|c| c == key || c.starts_with(&format!("{key} ")))
    }

    /// Sets (or replaces) a `key = value` comment.
    pub fn set_meta(&mut self, key: &str, value: &str) {
        let line = format!("{key} = {value}");
        match self.comments.iter_mut().find(|c| {
            c.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        }) {
            Some(c) => *c = line,
            None => self.comments.push(line),
        }
    }

    /// Surface tokens as (first word, last word) 0-based inclusive index ranges, in order.
    pub fn token_spans(&self) -> Vec<(usize, usize)> {
        let mut spans = Vec::with_capacity(self.words.len());
        let mut mwt = self.multiwords.iter().peekable();
        let mut i = 0;
        while i < self.words.len() {
            while mwt.peek().is_some_and(|m| m.last < i + 1) {
                mwt.next();
            }
            match mwt.peek() {
                Some(m) if m.first == i + 1 && m.last > m.first => {
                    let last = (m.last - 1).min(self.words.len() - 1);
                    spans.push((i, last));
                    i = last + 1;
                }
                _ => {
                    spans.push((i, i));
                    i += 1;
                }
            }
        }
        spans
    }

    /// The surface form and MISC of the token covering words `first..=last`.
    pub fn token_form(&self, first: usize, last: usize) -> (&str, &str) {
        if first == last {
            let w = &self.words[first];
            return (&w.form, &w.misc);
        }
        match self
            .multiwords
            .iter()
            .find(|m| m.first == first + 1 && m.last == last + 1)
        {
            Some(m) => (&m.form, &m.misc),
            None => (&self.words[first].form, &self.words[first].misc),
        }
    }
}

/// Whether a MISC column contains the `|`-separated item `item`.
pub fn misc_has(misc: &str, item: &str) -> bool {
    misc.split('|').any(|m| m == item)
}

/// Value of a `Key=Value` item in a MISC column.
pub fn misc_get<'a>(misc: &'a str, key: &str) -> Option<&'a str> {
    misc.split('|')
        .find_map(|m| m.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
}

/// Adds or replaces a `Key=Value` item in a MISC column, keeping the others in order.
pub fn misc_set(misc: &str, key: &str, value: &str) -> String {
    let item = format!("{key}={value}");
    let mut items: Vec<&str> = misc
        .split('|')
        .filter(|m| !m.is_empty() && *m != "_")
        .collect();
    match items
        .iter()
        .position(|m| m.strip_prefix(key).is_some_and(|r| r.starts_with('=')))
    {
        Some(p) => items[p] = &item,
        None => items.push(&item),
    }
    items.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misc_helpers() {
        assert_eq!(misc_set("_", "TokenRange", "0:3"), "TokenRange=0:3");
        assert_eq!(
            misc_set("SpaceAfter=No", "TokenRange", "0:3"),
            "SpaceAfter=No|TokenRange=0:3"
        );
        assert_eq!(
            misc_set("TokenRange=1:2|X=y", "TokenRange", "0:3"),
            "TokenRange=0:3|X=y"
        );
        assert_eq!(
            misc_get("SpaceAfter=No|TokenRange=0:3", "TokenRange"),
            Some("0:3")
        );
        assert!(misc_has("A=b|SpaceAfter=No", "SpaceAfter=No"));
        assert!(!misc_has("SpaceAfter=Nope", "SpaceAfter=No"));
    }

    #[test]
    fn token_spans_follow_multiword_tokens() {
        let text = "# text = I don't know\n1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\tknow\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        let s = &parse_str(text).unwrap()[0];
        assert_eq!(s.token_spans(), vec![(0, 0), (1, 2), (3, 3)]);
        assert_eq!(s.token_form(1, 2).0, "don't");
        assert_eq!(s.meta("text"), Some("I don't know"));
    }
}
