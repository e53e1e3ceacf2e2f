//! A tokenizer for place finding: words with character and byte offsets, their name keys, their
//! capitalisation and what separates them from the previous word.
//!
//! The coder counts offsets in characters (Unicode scalar values), Rust strings index bytes;
//! every token keeps both so that nothing ever slices a string at a character offset. Words are
//! split at hyphens (so "Iranian-backed" yields "Iranian", "Port-au-Prince" three words that
//! rejoin as a name) and keep inner dots and apostrophes ("U.S.", "Sana'a"); a possessive "'s"
//! is dropped from the key but stays inside the span.

use crate::fold::{is_apostrophe, push_word_key};

/// What stands between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Only white space (or nothing).
    Space,
    /// A hyphen or dash with no space around it.
    Hyphen,
    /// A comma (with any white space).
    Comma,
    /// A full stop (an abbreviation's, or a sentence end).
    Period,
    /// Any other punctuation, a line break or a quotation mark.
    Other,
}

/// One word of the text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset after the last character (a possessive "'s" included).
    pub end: usize,
    /// Byte offset of the first character.
    pub bstart: usize,
    /// Byte offset after the last character.
    pub bend: usize,
    /// Byte range of the name key in [`Tokens::keys`].
    key: (usize, usize),
    /// The first character is upper case.
    pub cap: bool,
    /// Every letter is upper case.
    pub upper: bool,
    /// Ends in a possessive "'s" (or a bare apostrophe).
    pub poss: bool,
    /// First word of its sentence (or after a quotation mark, colon or line break).
    pub initial: bool,
    /// What separates it from the previous token.
    pub sep: Sep,
    /// Index of its sentence in the caller's sentence list (0 when none was given).
    pub sentence: usize,
}

/// The tokens of a text and their keys.
pub(crate) struct Tokens {
    /// The tokens in text order.
    pub toks: Vec<Token>,
    /// All keys, concatenated.
    keys: String,
}

impl Tokens {
    /// The name key of token `i`.
    pub fn key(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].key;
        &self.keys[a..b]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }
}

/// Sentence spans sorted by start, with their index in the caller's list.
struct Sentences {
    spans: Vec<(usize, usize, usize)>,
}

impl Sentences {
    fn new(sentences: &[(usize, usize)]) -> Sentences {
        let mut spans: Vec<(usize, usize, usize)> = sentences
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| (s, e.max(s), i))
            .collect();
        spans.sort_unstable();
        Sentences { spans }
    }

    /// Index (in the caller's list) of the sentence holding character offset `pos`: the last
    /// sentence starting at or before it, or the first one.
    fn at(&self, pos: usize) -> usize {
        let n = self.spans.partition_point(|s| s.0 <= pos);
        match n
            .checked_sub(1)
            .and_then(|k| self.spans.get(k))
            .or(self.spans.first())
        {
            Some(s) => s.2,
            None => 0,
        }
    }
}

/// Whether `c` continues a word.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether a word written before a full stop is an abbreviation: St, Ste, Mt, Ft or a title.
fn is_abbreviation(word: &str) -> bool {
    if word.len() > 5 {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    matches!(lower.as_str(), "st" | "ste" | "mt" | "ft") || crate::words::is_title(&lower)
}

/// Splits `text` into tokens; `sentences` are character spans (may be empty or unordered).
pub(crate) fn tokenize(text: &str, sentences: &[(usize, usize)]) -> Tokens {
    let sents = Sentences::new(sentences);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut toks: Vec<Token> = Vec::with_capacity(n / 5 + 1);
    let mut keys = String::with_capacity(text.len());
    let mut i = 0;
    let mut gap_start = 0;
    while i < n {
        let c = chars[i].1;
        if !is_word(c) {
            i += 1;
            continue;
        }
        let start = i;
        let mut has_dot = false;
        while i < n {
            let c = chars[i].1;
            let next = chars.get(i + 1).map(|x| x.1);
            if is_word(c) {
                i += 1;
            } else if (is_apostrophe(c) || c == '.') && next.is_some_and(is_word) && i > start {
                has_dot |= c == '.';
                i += 1;
            } else {
                break;
            }
        }
        // "U.S.", single letters and abbreviations ("St.", "Gen.") keep their final dot.
        if i < n && chars[i].1 == '.' {
            let word = &text[chars[start].0..chars[i].0];
            if has_dot || i - start == 1 || is_abbreviation(word) {
                i += 1;
            }
        }
        let end = i;
        let bstart = chars[start].0;
        let bend = chars.get(end).map_or(text.len(), |x| x.0);
        let word = &text[bstart..bend];
        let (sep, breaks) = separator(&chars[gap_start..start]);
        gap_start = end;
        let sentence = sents.at(start);
        let first_in_sentence = toks.last().is_none_or(|t| t.sentence != sentence);
        let key_start = keys.len();
        push_word_key(word, &mut keys);
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        // A contraction ("I've", "Don't") is not a name.
        let contraction = word.rfind(is_apostrophe).is_some_and(|a| {
            matches!(
                word[a..]
                    .chars()
                    .skip(1)
                    .collect::<String>()
                    .to_ascii_lowercase()
                    .as_str(),
                "ve" | "re" | "ll" | "d" | "m" | "t"
            )
        });
        let cap = !contraction && word.chars().next().is_some_and(char::is_uppercase);
        let upper = cap && letters.clone().count() >= 1 && letters.all(char::is_uppercase);
        let prev_abbrev = toks.last().is_some_and(|t| t.end - t.start <= 3);
        let poss = crate::fold::strip_possessive(word).len() < word.len()
            || chars.get(end).is_some_and(|x| is_apostrophe(x.1));
        toks.push(Token {
            start,
            end,
            bstart,
            bend,
            key: (key_start, keys.len()),
            cap,
            upper,
            poss,
            initial: first_in_sentence
                || breaks
                || (sentences.is_empty() && sep == Sep::Period && !prev_abbrev),
            sep,
            sentence,
        });
    }
    Tokens { toks, keys }
}

/// Classifies the characters between two tokens; the flag says whether they end a clause or
/// open a quotation (so the next word may be capitalised for that reason alone).
fn separator(gap: &[(usize, char)]) -> (Sep, bool) {
    let mut sep = Sep::Space;
    let mut space = false;
    let mut breaks = false;
    for &(_, c) in gap {
        match c {
            '\n' | '\r' => {
                breaks = true;
                sep = Sep::Other;
            }
            c if c.is_whitespace() => space = true,
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' if sep == Sep::Space && !space => {
                sep = Sep::Hyphen
            }
            ',' if matches!(sep, Sep::Space | Sep::Comma) => sep = Sep::Comma,
            '.' if matches!(sep, Sep::Space | Sep::Period) => sep = Sep::Period,
            '!' | '?' | ':' | ';' | '"' | '\u{201C}' | '\u{201D}' | '(' | '[' => {
                breaks = true;
                sep = Sep::Other;
            }
            _ => sep = Sep::Other,
        }
    }
    if sep == Sep::Hyphen && space {
        sep = Sep::Other;
    }
    (sep, breaks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_characters() {
        let t = tokenize("Zürich's São Paulo, U.S.-led Port-au-Prince.", &[]);
        let words: Vec<&str> = (0..t.len()).map(|i| t.key(i)).collect();
        assert_eq!(
            words,
            [
                "zurich", "sao", "paulo", "us", "led", "port", "au", "prince"
            ]
        );
        assert_eq!((t.toks[0].start, t.toks[0].end), (0, 8));
        assert_eq!(t.toks[1].start, 9);
        assert_eq!(t.toks[3].sep, Sep::Comma);
        assert_eq!(t.toks[4].sep, Sep::Hyphen);
        assert!(t.toks[3].upper && t.toks[3].cap);
        let t = tokenize("St. Petersburg and Gen. Austin.", &[]);
        assert_eq!(t.toks[1].sep, Sep::Space);
        assert_eq!(t.toks[4].sep, Sep::Space);
        assert_eq!(t.toks[4].end, 30);
    }

    #[test]
    fn sentences_and_initials() {
        let text = "Police said. Troops left Gaza. \"Aleppo fell\"";
        let t = tokenize(text, &[(0, 12), (13, 30), (31, 44)]);
        assert!(t.toks[0].initial);
        assert!(t.toks[2].initial && t.toks[2].sentence == 1);
        assert!(!t.toks[4].initial);
        assert!(t.toks[5].initial && t.toks[5].sentence == 2);
    }
}
