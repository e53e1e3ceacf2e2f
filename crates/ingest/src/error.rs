//! Why a document was skipped. Each variant's message is the `reason` of a
//! [`Skipped`](tacitus_dataset::Skipped), written for the person running the batch.

use std::io;

/// What went wrong reading one document.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    /// The file could not be opened (missing, permission denied, …).
    #[error("cannot open: {0}")]
    Open(io::Error),
    /// Reading failed part-way.
    #[error("cannot read: {0}")]
    Read(io::Error),
    /// The file on disk is over the limit; it was not read.
    #[error("document is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    /// The document grew over the limit while being read (decompressed or from standard input).
    #[error("document is over the limit of {limit} bytes{}", if *.gzip { " after decompression" } else { "" })]
    TooLargeRead { limit: u64, gzip: bool },
    /// One line of a JSON-lines file is over the limit.
    #[error("line is over the limit of {limit} bytes")]
    LineTooLong { limit: u64 },
    /// The gzip stream ends early or is damaged.
    #[error("truncated or corrupt gzip data: {0}")]
    Gzip(io::Error),
    /// A `.gz` file without the gzip signature.
    #[error("corrupt gzip data: the file does not start with the gzip signature")]
    NotGzip,
    /// Bytes that are not text in any encoding.
    #[error("binary data, not text: {0}")]
    Binary(String),
    /// Bytes invalid in the encoding the document declares.
    #[error("not valid {0} text")]
    Undecodable(&'static str),
    /// Nothing left once markup and boilerplate are removed.
    #[error("no text")]
    Empty,
    /// HTML nested deeper than the limit.
    #[error("HTML nested deeper than {0} elements")]
    TooDeep(usize),
    /// One HTML tag with an absurd number of attributes.
    #[error("an HTML tag has more than {0} attributes")]
    TooManyAttributes(usize),
    /// A JSON line or document that does not parse.
    #[error("invalid JSON: {0}")]
    Json(serde_json::Error),
    /// JSON that parses but is not an object.
    #[error("JSON value is {0}, not an object")]
    NotObject(&'static str),
    /// A JSON object without a `text` or `body` string.
    #[error("no text: the object has no non-empty \"text\" or \"body\" string")]
    NoTextField,
    /// A feed without items.
    #[error("feed has no items")]
    NoItems,
    /// XML that is not an RSS or Atom feed.
    #[error("not a valid RSS/Atom feed: {0}")]
    Feed(feed_rs::parser::ParseFeedError),
}
