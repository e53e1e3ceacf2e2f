//! Streaming CoNLL-U reader with line-numbered errors.

use std::io::BufRead;

use crate::{MultiwordToken, OpaqueLine, Sentence, Word};

/// A CoNLL-U input that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The underlying reader failed.
    #[error("line {line}")]
    Io {
        /// 1-based line number where reading failed.
        line: usize,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line does not follow the format.
    #[error("line {line}: {message}")]
    Format {
        /// 1-based line number of the offending line.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

/// Reads sentences one at a time from a buffered CoNLL-U source.
pub struct Reader<R> {
    input: R,
    line_no: usize,
    buf: String,
}

impl<R: BufRead> Reader<R> {
    /// A reader over `input`.
    pub fn new(input: R) -> Self {
        Reader {
            input,
            line_no: 0,
            buf: String::new(),
        }
    }

    fn format_error(&self, message: impl Into<String>) -> ReadError {
        ReadError::Format {
            line: self.line_no,
            message: message.into(),
        }
    }

    /// The next sentence, `None` at the end of input.
    pub fn next_sentence(&mut self) -> Result<Option<Sentence>, ReadError> {
        let mut sentence = Sentence::default();
        let mut started = false;
        loop {
            self.buf.clear();
            let n = self
                .input
                .read_line(&mut self.buf)
                .map_err(|source| ReadError::Io {
                    line: self.line_no + 1,
                    source,
                })?;
            if n == 0 {
                return Ok(started.then_some(sentence));
            }
            self.line_no += 1;
            let line = self.buf.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                if started {
                    return Ok(Some(sentence));
                }
                continue;
            }
            started = true;
            if let Some(c) = line.strip_prefix('#') {
                let c = c.strip_prefix(' ').unwrap_or(c);
                sentence.comments.push(c.to_string());
                continue;
            }
            let line = line.to_string();
            self.push_line(&mut sentence, &line)?;
        }
    }

    fn push_line(&self, sentence: &mut Sentence, line: &str) -> Result<(), ReadError> {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(self.format_error(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let id = cols[0];
        if id.contains('.') {
            sentence.opaque.push(OpaqueLine {
                after_word: sentence.words.len(),
                line: line.to_string(),
            });
            return Ok(());
        }
        if let Some((a, b)) = id.split_once('-') {
            let first = self.parse_index(a)?;
            let last = self.parse_index(b)?;
            if first == 0 || last < first || first != sentence.words.len() + 1 {
                return Err(self.format_error(format!("bad multiword token range {id}")));
            }
            sentence.multiwords.push(MultiwordToken {
                first,
                last,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            return Ok(());
        }
        let index = self.parse_index(id)?;
        if index != sentence.words.len() + 1 {
            return Err(self.format_error(format!(
                "word ID {index} out of sequence (expected {})",
                sentence.words.len() + 1
            )));
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(self.parse_index(h)?),
        };
        sentence.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
        Ok(())
    }

    fn parse_index(&self, s: &str) -> Result<usize, ReadError> {
        s.parse()
            .map_err(|_| self.format_error(format!("not a word index: {s:?}")))
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Sentence, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_sentence().transpose()
    }
}

/// Reads every sentence of a CoNLL-U string and checks each head points inside its sentence.
pub fn parse_str(text: &str) -> Result<Vec<Sentence>, ReadError> {
    let mut reader = Reader::new(text.as_bytes());
    let mut out = Vec::new();
    while let Some(s) = reader.next_sentence()? {
        if let Some(w) = s
            .words
            .iter()
            .find(|w| w.head.is_some_and(|h| h > s.words.len()))
        {
            return Err(ReadError::Format {
                line: reader.line_no,
                message: format!("head of {:?} points outside its sentence", w.form),
            });
        }
        out.push(s);
    }
    Ok(out)
}
