//! The stream of articles: inputs opened one after another, each format detected, its
//! documents read and finished (dateline, default date). Whole-document formats are read
//! into memory up to `max_bytes`; JSON lines stream.

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::read::MultiGzDecoder;
use tacitus_dataset::{Article, Skipped, Timestamp};

use crate::error::ReadError;
use crate::jsonl::JsonLines;
use crate::{Input, ReadOptions, dateline, decode, feed, html, jsonl, meta, text};

/// How much of an input is looked at to tell its format.
const SNIFF: usize = 64 * 1024;

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    JsonLines,
    Json,
    Html,
    Feed,
}

/// The format an extension names (after any `.gz`), and whether the name ends in `.gz`.
fn by_extension(path: &std::path::Path) -> (Option<Format>, bool) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (name, gz) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let format = match name.rsplit_once('.').map(|(_, e)| e) {
        Some("txt" | "text") => Some(Format::Text),
        Some("jsonl" | "ndjson") => Some(Format::JsonLines),
        Some("json") => Some(Format::Json),
        Some("html" | "htm" | "xhtml" | "shtml") => Some(Format::Html),
        Some("rss" | "atom" | "xml") => Some(Format::Feed),
        _ => None,
    };
    (format, gz)
}

/// Whether `hay` starts with `needle`, ASCII case ignored.
fn starts_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// Whether `hay` contains `needle`, ASCII case ignored.
fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// JSON lines when the first line is a whole object, else one JSON document.
fn json_kind(start: &[u8]) -> Format {
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    let first = start
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    if first.starts_with(b"{") && first.ends_with(b"}") {
        Format::JsonLines
    } else {
        Format::Json
    }
}

/// Tells the format from the first bytes of a document.
fn sniff(head: &[u8]) -> Format {
    let skip = decode::bom(head).map_or(0, |(_, n)| n);
    let start = head[skip..].trim_ascii_start();
    let feed = |h: &[u8]| {
        [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
            .iter()
            .any(|n| contains_ci(h, n))
    };
    match start.first() {
        Some(b'{') => json_kind(start),
        Some(b'[') => Format::Json,
        Some(b'<') if starts_ci(start, b"<?xml") => {
            if contains_ci(start, b"<html") && !feed(start) {
                Format::Html
            } else {
                Format::Feed
            }
        }
        Some(b'<')
            if [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
                .iter()
                .any(|n| starts_ci(start, n)) =>
        {
            Format::Feed
        }
        Some(b'<') => Format::Html,
        _ => Format::Text,
    }
}

/// Counts the bytes read from an input, for [`Articles::bytes_read`].
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A readable stream.
type Stream = Box<dyn Read + Send>;

/// A stream that failed: it gives its error when read.
struct Failed(io::ErrorKind, String);

impl Read for Failed {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(self.0, self.1.clone()))
    }
}

/// Reads up to `n` bytes (fewer only at the end of input), and the stream that gives them
/// again followed by the rest. An error after some bytes is kept for the reader to meet
/// after them, so that the lines of a truncated file before the damage are still read.
fn peek(mut reader: Stream, n: usize) -> io::Result<(Vec<u8>, Stream)> {
    let mut head = Vec::with_capacity(n);
    let rest: Stream = match (&mut reader).take(n as u64).read_to_end(&mut head) {
        Ok(_) => reader,
        Err(e) if !head.is_empty() => Box::new(Failed(e.kind(), e.to_string())),
        Err(e) => return Err(e),
    };
    Ok((head.clone(), Box::new(Cursor::new(head).chain(rest))))
}

/// Whether a format is read as a whole document (all but JSON lines).
fn whole(format: Format) -> bool {
    format != Format::JsonLines
}

/// Reads one input's stream: `size` on disk when known, the format and `.gz` its name says.
fn read_stream(
    raw: Stream,
    size: Option<u64>,
    (by_name, gz_name): (Option<Format>, bool),
    origin: String,
    options: &ReadOptions,
) -> Result<Source, ReadError> {
    let limit = options.max_bytes;
    let (head, stream) = peek(raw, SNIFF).map_err(ReadError::Read)?;
    let gzip = head.starts_with(&[0x1f, 0x8b]);
    let (head, stream) = if gzip {
        peek(Box::new(MultiGzDecoder::new(stream)), SNIFF).map_err(ReadError::Gzip)?
    } else if gz_name {
        return Err(ReadError::NotGzip);
    } else {
        (head, stream)
    };
    if head.trim_ascii().is_empty() {
        return Err(ReadError::Empty);
    }
    let bom = decode::bom(&head);
    if bom.is_none() && head.contains(&0) {
        return Err(ReadError::Binary("contains NUL bytes".into()));
    }
    let format = match by_name {
        Some(Format::Json) => json_kind(head.trim_ascii_start()),
        Some(f) => f,
        None => sniff(&head),
    };
    if let Some(size) = size.filter(|&s| !gzip && whole(format) && s > limit) {
        return Err(ReadError::TooLarge { size, limit });
    }
    if format == Format::JsonLines && bom.is_none_or(|(e, _)| e == encoding_rs::UTF_8) {
        let reader = BufReader::with_capacity(SNIFF, stream);
        return Ok(Source::Lines(JsonLines::new(
            Box::new(reader),
            origin,
            limit,
            gzip,
        )));
    }
    let mut bytes = Vec::new();
    stream
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(if gzip {
            ReadError::Gzip
        } else {
            ReadError::Read
        })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLargeRead { limit, gzip });
    }
    let depth = options.max_depth;
    let docs = match format {
        Format::Text => vec![Ok(text::read(&decode::decode(&bytes, None)?, &origin))],
        Format::Html => {
            let declared = meta::declared_charset(&bytes);
            vec![Ok(html::page(
                &decode::decode(&bytes, declared)?,
                &origin,
                depth,
            )?)]
        }
        Format::Json => jsonl::document(&decode::decode(&bytes, None)?, &origin),
        Format::Feed => feed::read(&bytes, &origin, depth),
        Format::JsonLines => {
            // UTF-16 JSON lines: decoded whole, then read line by line.
            let utf8 = decode::decode(&bytes, None)?.into_owned().into_bytes();
            JsonLines::new(Box::new(Cursor::new(utf8)), origin, limit, false).collect()
        }
    };
    Ok(Source::Read(docs.into_iter()))
}

/// The documents of one input still to hand out.
enum Source {
    /// A JSON-lines stream.
    Lines(JsonLines),
    /// Documents read already.
    Read(std::vec::IntoIter<Result<Article, Skipped>>),
}

impl Iterator for Source {
    type Item = Result<Article, Skipped>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Source::Lines(lines) => lines.next(),
            Source::Read(docs) => docs.next(),
        }
    }
}

/// Streams articles from inputs in order, one Result per document.
pub struct Articles {
    inputs: std::vec::IntoIter<Input>,
    options: ReadOptions,
    current: Option<(u64, Source)>,
    finished_bytes: u64,
    counter: Arc<AtomicU64>,
}

impl Articles {
    /// Reads `inputs` in the order given.
    pub fn new(inputs: Vec<Input>, options: ReadOptions) -> Articles {
        Articles {
            inputs: inputs.into_iter(),
            options,
            current: None,
            finished_bytes: 0,
            counter: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Input bytes consumed so far, for a progress bar whose total is the sum of
    /// [`Input::size`]: a finished input counts its whole size, read or skipped.
    pub fn bytes_read(&self) -> u64 {
        self.finished_bytes + self.counter.load(Ordering::Relaxed)
    }

    /// Counts the input just finished as done.
    fn close(&mut self, size: u64) {
        self.finished_bytes += size.max(self.counter.swap(0, Ordering::Relaxed));
    }

    /// Opens an input and reads it (whole documents) or starts streaming it (JSON lines).
    fn open(&self, input: &Input) -> Result<Source, ReadError> {
        let (by_name, gz_name) = by_extension(&input.path);
        let count = self.counter.clone();
        if input.is_stdin() {
            let raw = Box::new(Counting {
                inner: io::stdin(),
                count,
            });
            return read_stream(raw, None, (None, false), "-".into(), &self.options);
        }
        let file = File::open(&input.path).map_err(ReadError::Open)?;
        let size = file.metadata().map_or(input.size, |m| m.len());
        let limit = self.options.max_bytes;
        // A `.json` file may hold JSON lines, which stream: it waits for the sniff.
        let surely_whole = by_name.is_some_and(|f| whole(f) && f != Format::Json);
        if !gz_name && surely_whole && size > limit {
            return Err(ReadError::TooLarge { size, limit });
        }
        let raw = Box::new(Counting { inner: file, count });
        let origin = input.path.display().to_string();
        read_stream(raw, Some(size), (by_name, gz_name), origin, &self.options)
    }

    /// A document's last touches: its dateline read and stripped, the default date applied,
    /// and a document left without text refused.
    fn finish(&self, mut a: Article) -> Result<Article, Skipped> {
        if let Some(d) = dateline::dateline(&a.text) {
            a.text = a.text[d.len..].trim_start().to_string();
            a.place = Some(d.place);
            a.source = a.source.or(d.source);
            if a.published.is_none() {
                a.published = d
                    .date
                    .and_then(|date| dateline::resolve(date, self.options.default_date))
                    .map(Timestamp::from_date);
            }
        }
        if a.published.is_none() {
            a.published = self.options.default_date.map(Timestamp::from_date);
        }
        if a.text.trim().is_empty() {
            return Err(Skipped {
                origin: a.origin,
                reason: ReadError::Empty.to_string(),
            });
        }
        Ok(a)
    }
}

impl Iterator for Articles {
    type Item = Result<Article, Skipped>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((size, source)) = &mut self.current {
                if let Some(doc) = source.next() {
                    return Some(doc.and_then(|a| self.finish(a)));
                }
                let size = *size;
                self.current = None;
                self.close(size);
            }
            let input = self.inputs.next()?;
            self.counter.store(0, Ordering::Relaxed);
            match self.open(&input) {
                Ok(source) => self.current = Some((input.size, source)),
                Err(e) => {
                    self.close(input.size);
                    let origin = input.path.display().to_string();
                    return Some(Err(Skipped {
                        origin,
                        reason: e.to_string(),
                    }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sniffing() {
        assert_eq!(
            sniff(b"  {\"text\": \"a\"}\n{\"text\": \"b\"}"),
            Format::JsonLines
        );
        assert_eq!(sniff(b"{\n  \"text\": \"a\"\n}"), Format::Json);
        assert_eq!(sniff(b"\xef\xbb\xbf[{}]"), Format::Json);
        assert_eq!(
            json_kind(b"\xef\xbb\xbf{\"text\": \"a\"}\n{}"),
            Format::JsonLines
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><html>"), Format::Html);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"TEHRAN (Reuters) - <b>"), Format::Text);
    }

    #[test]
    fn extensions() {
        let f = |p: &str| by_extension(std::path::Path::new(p));
        assert_eq!(f("a/b.JSONL.gz"), (Some(Format::JsonLines), true));
        assert_eq!(f("x.htm"), (Some(Format::Html), false));
        assert_eq!(f("feed.atom"), (Some(Format::Feed), false));
        assert_eq!(f("notes"), (None, false));
        assert_eq!(f("story.gz"), (None, true));
    }

    /// Every document read from `bytes` as if named with `format` (and `.gz`).
    fn read_bytes(
        bytes: Vec<u8>,
        format: Option<Format>,
        gz: bool,
    ) -> Vec<Result<Article, Skipped>> {
        let options = ReadOptions {
            max_bytes: 1 << 16,
            max_depth: 64,
            default_date: None,
        };
        match read_stream(
            Box::new(Cursor::new(bytes)),
            None,
            (format, gz),
            "t".into(),
            &options,
        ) {
            Ok(source) => source.collect(),
            Err(e) => vec![Err(Skipped {
                origin: "t".into(),
                reason: e.to_string(),
            })],
        }
    }

    const FORMATS: [Option<Format>; 6] = [
        None,
        Some(Format::Text),
        Some(Format::JsonLines),
        Some(Format::Json),
        Some(Format::Html),
        Some(Format::Feed),
    ];

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            for format in FORMATS {
                for gz in [false, true] {
                    let out = read_bytes(bytes.clone(), format, gz);
                    prop_assert!(out.iter().all(|r| r.as_ref().is_ok_and(|a| a.origin.starts_with('t'))
                        || r.as_ref().is_err_and(|s| !s.reason.is_empty())));
                }
            }
        }

        #[test]
        fn markup_shaped_text_never_panics(s in "(<[a-z!/?]{0,6}( [a-z]{1,3}=\"?[^>]{0,8})?/?>|[^<]{0,12}|\\{|\\}|\n){0,40}") {
            for format in FORMATS {
                let _ = read_bytes(s.clone().into_bytes(), format, false);
            }
        }

        #[test]
        fn gzipped_documents_read_like_plain_ones(text in "[A-Za-z ]{1,40}\n[A-Za-z ]{1,80}") {
            use std::io::Write;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(text.as_bytes()).unwrap();
            let packed = read_bytes(gz.finish().unwrap(), Some(Format::Text), true);
            prop_assert_eq!(packed, read_bytes(text.into_bytes(), Some(Format::Text), false));
        }
    }

    #[test]
    fn articles_can_move_to_another_thread() {
        fn send<T: Send>() {}
        send::<Articles>();
    }
}
