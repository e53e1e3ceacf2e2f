//! JSON lines (one article object a line) and JSON documents (one object, or an array of
//! them). JSON lines are read as a stream, one bounded line at a time, because exports of this
//! kind run to gigabytes; a bad line is one skipped document and the next line is read.

use std::io::{self, BufRead};

use serde_json::{Map, Value};
use tacitus_dataset::{Article, Skipped};

use crate::error::ReadError;
use crate::{date, decode, text};

/// Removes and returns the first of `keys` holding a non-empty string; other values stay.
fn take_string(map: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    let key = keys.iter().find(|k| {
        map.get(**k)
            .and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    })?;
    match map.remove(*key) {
        Some(Value::String(s)) => Some(s.trim().to_string()),
        _ => None,
    }
}

/// The name of a JSON value's type, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Maps one JSON object to an article: `id`, `url`, `title`|`headline`, `text`|`body`,
/// `date`, `source`; everything else (and a `date` that cannot be read) goes to `metadata`.
pub(crate) fn article(value: Value, origin: String) -> Result<Article, ReadError> {
    let Value::Object(mut map) = value else {
        return Err(ReadError::NotObject(kind(&value)));
    };
    let text = take_string(&mut map, &["text", "body"]).ok_or(ReadError::NoTextField)?;
    let id = match map.get("id") {
        Some(Value::Number(n)) => {
            let n = n.to_string();
            map.remove("id");
            Some(n)
        }
        _ => take_string(&mut map, &["id"]),
    };
    let published = match map.get("date") {
        Some(Value::String(s)) => date::parse(s),
        Some(Value::Number(n)) => date::parse(&n.to_string()),
        _ => None,
    };
    if published.is_some() {
        map.remove("date");
    }
    Ok(Article {
        origin,
        id,
        url: take_string(&mut map, &["url"]),
        title: take_string(&mut map, &["title", "headline"]),
        text: text::tidy(&text),
        published,
        source: take_string(&mut map, &["source"]),
        place: None,
        metadata: map,
    })
}

/// Reads one line of at most `limit` bytes into `buf` (without its `\n`). `Ok(None)` at the
/// end of input, `Ok(Some(true))` for a line over the limit, which is consumed but not kept.
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, limit: u64) -> io::Result<Option<bool>> {
    buf.clear();
    let (mut any, mut too_long) = (false, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        if !too_long {
            if (buf.len() + chunk.len()) as u64 > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = chunk.len() + usize::from(newline.is_some());
        reader.consume(used);
        if newline.is_some() {
            return Ok(Some(too_long));
        }
    }
}

/// A JSON-lines stream: one article (or skip) per non-blank line, origin `path:LINE`.
pub(crate) struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    path: String,
    line: u64,
    limit: u64,
    gzip: bool,
    buf: Vec<u8>,
    done: bool,
}

impl JsonLines {
    /// Reads `reader` (decompressed already when `gzip`), lines up to `limit` bytes.
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send>,
        path: String,
        limit: u64,
        gzip: bool,
    ) -> JsonLines {
        JsonLines {
            reader,
            path,
            line: 0,
            limit,
            gzip,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The article on the line just read.
    fn parse(&self) -> Result<Article, ReadError> {
        let text = decode::decode(&self.buf, None)?;
        let value = serde_json::from_str(&text).map_err(ReadError::Json)?;
        article(value, format!("{}:{}", self.path, self.line))
    }
}

impl Iterator for JsonLines {
    type Item = Result<Article, Skipped>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            let result = match read_line(&mut self.reader, &mut self.buf, self.limit) {
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(false)) if self.buf.trim_ascii().is_empty() => continue,
                Ok(Some(false)) => self.parse(),
                Ok(Some(true)) => Err(ReadError::LineTooLong { limit: self.limit }),
                Err(e) => {
                    self.done = true;
                    Err(if self.gzip {
                        ReadError::Gzip(e)
                    } else {
                        ReadError::Read(e)
                    })
                }
            };
            let origin = || format!("{}:{}", self.path, self.line);
            return Some(result.map_err(|e| Skipped {
                origin: origin(),
                reason: e.to_string(),
            }));
        }
        None
    }
}

/// Reads a JSON document: one object (origin `path:LINE`, the line it starts on) or an array
/// of objects (origin `path#N`, N from 1).
pub(crate) fn document(text: &str, path: &str) -> Vec<Result<Article, Skipped>> {
    let skip = |origin: String, e: ReadError| Skipped {
        origin,
        reason: e.to_string(),
    };
    match serde_json::from_str::<Value>(text) {
        Err(e) => vec![Err(skip(path.to_string(), ReadError::Json(e)))],
        Ok(Value::Array(items)) if items.is_empty() => {
            vec![Err(skip(path.to_string(), ReadError::Empty))]
        }
        Ok(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let origin = format!("{path}#{}", i + 1);
                article(v, origin.clone()).map_err(|e| skip(origin, e))
            })
            .collect(),
        Ok(v) => {
            let leading = &text[..text.len() - text.trim_start().len()];
            let origin = format!("{path}:{}", 1 + leading.matches('\n').count());
            vec![article(v, origin.clone()).map_err(|e| skip(origin, e))]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str, limit: u64) -> Vec<Result<Article, Skipped>> {
        let reader = io::Cursor::new(s.as_bytes().to_vec());
        JsonLines::new(Box::new(reader), "f.jsonl".into(), limit, false).collect()
    }

    #[test]
    fn maps_fields_and_keeps_the_rest() {
        let out = lines(
            r#"{"id": 7, "headline": "H", "body": "B\r\n\r\n\r\nC", "date": "20240305", "source": "Reuters", "url": "http://x/1", "lang": "en", "tags": ["a"]}"#,
            1000,
        );
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.origin, "f.jsonl:1");
        assert_eq!(a.id.as_deref(), Some("7"));
        assert_eq!(a.title.as_deref(), Some("H"));
        assert_eq!(a.text, "B\n\nC");
        assert_eq!(a.published.unwrap().sqldate(), "20240305");
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.url.as_deref(), Some("http://x/1"));
        assert_eq!(a.metadata.len(), 2);
        assert_eq!(a.metadata["tags"], serde_json::json!(["a"]));
    }

    #[test]
    fn unreadable_date_stays_in_metadata() {
        let out = lines(
            r#"{"text": "t", "date": "sometime", "title": "", "headline": "H"}"#,
            1000,
        );
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.published, None);
        assert_eq!(a.metadata["date"], "sometime");
        assert_eq!(a.title.as_deref(), Some("H"));
    }

    #[test]
    fn bad_lines_are_skipped_one_by_one() {
        let out = lines(
            "{\"text\": \"one\"}\n\n{not json\n[1]\n{\"title\": \"no text\"}\n\u{7f}\u{1}\u{2}\n{\"text\": \"two\"}",
            1000,
        );
        let reasons: Vec<String> = out
            .iter()
            .map(|r| match r {
                Ok(a) => format!("ok {} {}", a.origin, a.text),
                Err(s) => format!("skip {} {}", s.origin, s.reason),
            })
            .collect();
        assert_eq!(reasons[0], "ok f.jsonl:1 one");
        assert!(
            reasons[1].starts_with("skip f.jsonl:3 invalid JSON: key must be a string"),
            "{}",
            reasons[1]
        );
        assert_eq!(
            reasons[2],
            "skip f.jsonl:4 JSON value is an array, not an object"
        );
        assert!(reasons[3].starts_with("skip f.jsonl:5 no text"));
        assert_eq!(
            reasons[4],
            "skip f.jsonl:6 binary data, not text: 3 control characters"
        );
        assert_eq!(reasons[5], "ok f.jsonl:7 two");
        assert_eq!(reasons.len(), 6);
    }

    #[test]
    fn long_lines_are_skipped_without_being_kept() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(100));
        let out = lines(&format!("{long}\n{{\"text\": \"short\"}}\n"), 50);
        assert_eq!(
            out[0].as_ref().unwrap_err().reason,
            "line is over the limit of 50 bytes"
        );
        assert_eq!(out[1].as_ref().unwrap().origin, "f.jsonl:2");
    }

    #[test]
    fn documents() {
        let one = document("\n\n{\"text\": \"t\"}", "d.json");
        assert_eq!(one[0].as_ref().unwrap().origin, "d.json:3");
        let many = document("[{\"text\": \"a\"}, 3, {\"body\": \"b\"}]", "d.json");
        assert_eq!(many[0].as_ref().unwrap().origin, "d.json#1");
        assert_eq!(
            many[1].as_ref().unwrap_err().reason,
            "JSON value is a number, not an object"
        );
        assert_eq!(many[2].as_ref().unwrap().text, "b");
        assert_eq!(
            document("[]", "e.json")[0].as_ref().unwrap_err().reason,
            "no text"
        );
        assert!(
            document("{", "e.json")[0]
                .as_ref()
                .unwrap_err()
                .reason
                .starts_with("invalid JSON")
        );
    }
}
