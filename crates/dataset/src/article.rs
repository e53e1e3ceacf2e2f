//! An article as read from the user's files, before coding: the words and what its metadata
//! says about when, where and by whom it was published.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::Timestamp;
use crate::hash::DocumentHash;

/// One news article, from any input format.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Where it was read: a path, `path:LINE` for JSON lines, `path#N` for feed items, `-`.
    pub origin: String,
    /// The publisher's identifier (JSON `id`, feed item guid, `og:url`).
    pub id: Option<String>,
    /// Canonical address of the page.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Body text, paragraphs separated by blank lines, dateline removed.
    pub text: String,
    /// Publication time.
    pub published: Option<Timestamp>,
    /// The outlet (`Reuters`, `bbc.co.uk`).
    pub source: Option<String>,
    /// The place of the dateline (`TEHRAN`), when there is one.
    pub place: Option<String>,
    /// Every other field the input carried (JSON lines), kept as given.
    pub metadata: Map<String, Value>,
}

impl Article {
    /// The identity of the article: the same article read twice, from any path, hashes the same.
    pub fn hash(&self) -> DocumentHash {
        DocumentHash::of(&[
            self.id.as_deref().unwrap_or(""),
            self.url.as_deref().unwrap_or(""),
            self.source.as_deref().unwrap_or(""),
            self.title.as_deref().unwrap_or(""),
            &self.text,
        ])
    }

    /// The text handed to the coder: the headline on its own line, a blank line, the body.
    pub fn coded_text(&self) -> String {
        match self.title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => {
                let mut s = String::with_capacity(t.len() + 2 + self.text.len());
                // A headline is one line: inner line breaks would split it.
                for (i, line) in t.lines().enumerate() {
                    if i > 0 {
                        s.push(' ');
                    }
                    s.push_str(line.trim());
                }
                s.push_str("\n\n");
                s.push_str(&self.text);
                s
            }
            _ => self.text.clone(),
        }
    }

    /// Whether the coded text starts with a headline line.
    pub fn has_headline(&self) -> bool {
        self.title.as_deref().is_some_and(|t| !t.trim().is_empty())
    }
}

/// A document that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The path (or `path:LINE`, `path#N`, `-`).
    pub origin: String,
    /// What was wrong, for a person to read.
    pub reason: String,
}
