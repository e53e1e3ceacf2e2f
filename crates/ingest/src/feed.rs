//! RSS and Atom feeds, parsed by `feed-rs`: each item is one article, its HTML content
//! reduced to text by the page extractor, the feed's own title as the source.

use feed_rs::model::{Entry, Feed};
use tacitus_dataset::{Article, Skipped, Timestamp};

use crate::error::ReadError;
use crate::{decode, html, text};

/// Whether `s` holds markup: a tag, an end tag or a comment.
fn has_markup(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!')))
}

/// Text from an item's field: HTML (by type or by look) through the extractor, else tidied.
fn field_text(content: &str, media_type: &str, max_depth: usize) -> Result<String, ReadError> {
    if media_type.contains("html") || has_markup(content) {
        html::fragment(content, max_depth)
    } else {
        Ok(text::tidy(content))
    }
}

/// The bytes to hand to the XML parser: as they are when UTF-8 or when the prolog names an
/// encoding (the parser decodes it), else decoded by the crate's charset policy.
fn xml_bytes(bytes: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, ReadError> {
    if let Some(why) = decode::binary(bytes).filter(|_| decode::bom(bytes).is_none()) {
        return Err(ReadError::Binary(why));
    }
    let prolog = &bytes[..bytes.len().min(200)];
    let declares = prolog.starts_with(b"<?xml") && prolog.windows(8).any(|w| w == b"encoding");
    if declares || std::str::from_utf8(bytes).is_ok() {
        return Ok(bytes.into());
    }
    Ok(decode::decode(bytes, None)?
        .into_owned()
        .into_bytes()
        .into())
}

/// One item as an article.
fn item(feed: &Feed, entry: Entry, origin: String, max_depth: usize) -> Result<Article, ReadError> {
    let body = match (&entry.content, &entry.summary) {
        (Some(c), _) if c.body.as_deref().is_some_and(|b| !b.trim().is_empty()) => field_text(
            c.body.as_deref().unwrap_or(""),
            c.content_type.as_ref(),
            max_depth,
        )?,
        (_, Some(s)) => field_text(&s.content, s.content_type.as_ref(), max_depth)?,
        _ => String::new(),
    };
    let title = match &entry.title {
        Some(t) => {
            Some(field_text(&t.content, t.content_type.as_ref(), max_depth)?.replace("\n\n", " "))
        }
        None => None,
    };
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first());
    Ok(Article {
        origin,
        id: Some(entry.id.trim().to_string()).filter(|s| !s.is_empty()),
        url: link
            .map(|l| l.href.trim().to_string())
            .filter(|s| !s.is_empty()),
        title: title.filter(|t| !t.trim().is_empty()),
        text: body,
        published: entry
            .published
            .or(entry.updated)
            .map(|t| Timestamp(t.timestamp())),
        source: feed
            .title
            .as_ref()
            .map(|t| t.content.trim().to_string())
            .filter(|s| !s.is_empty()),
        ..Article::default()
    })
}

/// Reads a feed document: one article per item, origin `path#N` (N from 1).
pub(crate) fn read(bytes: &[u8], path: &str, max_depth: usize) -> Vec<Result<Article, Skipped>> {
    let skip = |origin: String, e: ReadError| Skipped {
        origin,
        reason: e.to_string(),
    };
    let parsed = xml_bytes(bytes).and_then(|b| {
        feed_rs::parser::Builder::new()
            .id_generator(|_, _, _| String::new())
            .sanitize_content(false)
            .build()
            .parse(&b[..])
            .map_err(ReadError::Feed)
    });
    let mut feed = match parsed {
        Ok(feed) => feed,
        Err(e) => return vec![Err(skip(path.to_string(), e))],
    };
    if feed.entries.is_empty() {
        return vec![Err(skip(path.to_string(), ReadError::NoItems))];
    }
    let entries = std::mem::take(&mut feed.entries);
    entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let origin = format!("{path}#{}", i + 1);
            item(&feed, entry, origin.clone(), max_depth).map_err(|e| skip(origin, e))
        })
        .collect()
}
