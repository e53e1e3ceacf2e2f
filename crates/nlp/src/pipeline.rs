//! Running the trained stages over text, a window at a time so memory stays bounded.

use std::path::Path;

use tacitus_conllu::{MultiwordToken, Sentence, Word, misc_set};
use tacitus_lemma::Lemmatizer;
use tacitus_parser::Parser;
use tacitus_tagger::Tagger;
use tacitus_text::{SentenceSpan, Tokenizer};

use crate::NlpError;
use crate::setup::ModelFiles;

/// Text is split into windows of about this many bytes; only the last, possibly cut, sentence of a
/// window is carried into the next one.
const WINDOW_BYTES: usize = 1 << 20;

/// A half-open range of character offsets (Unicode scalar values) into the input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// One analysed sentence: its tree, and where it and each of its words stand in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The sentence as CoNLL-U, with `text` comment and `TokenRange` in MISC.
    pub sentence: Sentence,
    /// The sentence's span in the input.
    pub span: Span,
    /// Each syntactic word's span, parallel to `sentence.words`.
    pub word_spans: Vec<Span>,
}

/// The trained models, ready to analyse text.
pub struct Pipeline {
    tokenizer: Tokenizer,
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
}

impl Pipeline {
    /// Loads every model from a models directory.
    pub fn load(dir: &Path) -> Result<Pipeline, NlpError> {
        let files = ModelFiles::new(dir);
        if !files.tagger.exists() {
            return Err(NlpError::NoModels {
                dir: dir.to_path_buf(),
            });
        }
        Ok(Pipeline {
            tokenizer: Tokenizer::load(&files.tokenizer)?,
            tagger: Tagger::load(&files.tagger)?,
            lemmatizer: Lemmatizer::load(&files.lemmatizer)?,
            parser: Parser::load(&files.parser)?,
        })
    }

    /// Tags, lemmatises and parses a sentence whose words are already given.
    pub fn annotate(&self, sentence: &mut Sentence) {
        self.tagger.tag(sentence);
        self.lemmatizer.lemmatize(sentence);
        self.parser.parse(sentence);
    }

    /// Splits `text` into sentences, analyses each and hands it to `emit`, in order.
    pub fn analyse(&self, text: &str, mut emit: impl FnMut(Parsed)) {
        let mut byte = 0;
        let mut char_base = 0;
        let mut next_id = 1;
        while byte < text.len() {
            let end = window_end(text, byte);
            let window = &text[byte..end];
            let last = end == text.len();
            let spans = self.tokenizer.split(window);
            let chars: Vec<char> = window.chars().collect();
            let keep = if last || spans.len() <= 1 {
                spans.len()
            } else {
                spans.len() - 1
            };
            for span in &spans[..keep] {
                let mut parsed = to_parsed(&chars, span, char_base, next_id);
                self.annotate(&mut parsed.sentence);
                emit(parsed);
                next_id += 1;
            }
            if last {
                break;
            }
            let resume = spans.get(keep).map_or(chars.len(), |s| s.start);
            byte += chars[..resume].iter().map(|c| c.len_utf8()).sum::<usize>();
            char_base += resume;
        }
    }
}

/// The end of the window starting at `start`: at most [`WINDOW_BYTES`] on, backed up to white space
/// when there is some nearby, always on a character boundary and always past `start`.
fn window_end(text: &str, start: usize) -> usize {
    if text.len() - start <= WINDOW_BYTES {
        return text.len();
    }
    let mut end = start + WINDOW_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let floor = end.saturating_sub(4096).max(start + 1);
    match text[floor..end].rfind(char::is_whitespace) {
        Some(i) => floor + i + 1,
        None => end,
    }
}

fn to_parsed(chars: &[char], span: &SentenceSpan, base: usize, id: usize) -> Parsed {
    let mut sentence = Sentence::default();
    sentence.set_meta("sent_id", &id.to_string());
    let text: String = chars[span.start..span.end]
        .iter()
        .map(|&c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    sentence.set_meta("text", &text);
    let mut word_spans = Vec::new();
    let range = |s: usize, e: usize| format!("{}:{}", s + base, e + base);
    for token in &span.tokens {
        let space_after = chars.get(token.end).is_none_or(|c| c.is_whitespace());
        let mut misc = if space_after {
            String::new()
        } else {
            "SpaceAfter=No".to_string()
        };
        misc = misc_set(&misc, "TokenRange", &range(token.start, token.end));
        if token.words.len() > 1 {
            sentence.multiwords.push(MultiwordToken {
                first: sentence.words.len() + 1,
                last: sentence.words.len() + token.words.len(),
                form: chars[token.start..token.end].iter().collect(),
                misc,
            });
            for w in &token.words {
                let mut word = Word::new(clean_form(&w.form));
                word.misc = misc_set("_", "TokenRange", &range(w.start, w.end));
                sentence.words.push(word);
                word_spans.push(Span {
                    start: w.start + base,
                    end: w.end + base,
                });
            }
        } else {
            let mut word = Word::new(clean_form(&token.words.first().map_or_else(
                || chars[token.start..token.end].iter().collect::<String>(),
                |w| w.form.clone(),
            )));
            word.misc = misc;
            sentence.words.push(word);
            word_spans.push(Span {
                start: token.start + base,
                end: token.end + base,
            });
        }
    }
    Parsed {
        sentence,
        span: Span {
            start: span.start + base,
            end: span.end + base,
        },
        word_spans,
    }
}

/// A form safe for a CoNLL-U column: no tabs or line breaks, never empty.
fn clean_form(form: &str) -> String {
    let f: String = form
        .chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect();
    if f.is_empty() { "_".to_string() } else { f }
}

/// A copy of a gold sentence with only its words' forms and its multiword tokens, for re-annotation.
pub fn strip_annotation(gold: &Sentence) -> Sentence {
    Sentence {
        comments: gold.comments.clone(),
        words: gold
            .words
            .iter()
            .map(|w| Word::new(w.form.clone()))
            .collect(),
        multiwords: gold.multiwords.clone(),
        opaque: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_end_respects_boundaries() {
        let text = "é".repeat(WINDOW_BYTES);
        let end = window_end(&text, 0);
        assert!(text.is_char_boundary(end) && end > 0 && end <= WINDOW_BYTES);
        let text = format!("{} {}", "a".repeat(WINDOW_BYTES - 10), "b".repeat(100));
        assert_eq!(window_end(&text, 0), WINDOW_BYTES - 9);
        assert_eq!(window_end("short", 0), 5);
    }
}
