//! Content-derived identifiers, stable across runs, platforms and input order: the basis of
//! idempotent ingest and of byte-identical exports.

use std::fmt;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

/// XXH3 fed each field length-prefixed, so that no two field lists collide by shifting text
/// from one field to the next.
fn delimited(fields: &[&str]) -> Xxh3 {
    let mut h = Xxh3::new();
    for f in fields {
        h.update(&(f.len() as u64).to_le_bytes());
        h.update(f.as_bytes());
    }
    h
}

/// A 128-bit hash of an article's identity (XXH3-128 over its fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocumentHash(pub u128);

impl DocumentHash {
    /// Hashes fields in order.
    pub fn of(fields: &[&str]) -> DocumentHash {
        DocumentHash(delimited(fields).digest128())
    }

    /// Big-endian bytes, for storage.
    pub fn to_bytes(self) -> [u8; 16] {
        self.0.to_be_bytes()
    }

    /// From [`DocumentHash::to_bytes`]; `None` unless 16 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Option<DocumentHash> {
        Some(DocumentHash(u128::from_be_bytes(bytes.try_into().ok()?)))
    }
}

impl fmt::Display for DocumentHash {
    /// 32 lowercase hex digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

/// GDELT's `GLOBALEVENTID`: a positive 63-bit integer derived from the event's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub i64);

impl EventId {
    /// The id of an event given the fields that define it (joined unambiguously).
    pub fn of(fields: &[&str]) -> EventId {
        // Never 0 and never negative: loaders read it as a signed 64-bit integer.
        EventId((delimited(fields).digest() >> 1).max(1) as i64)
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_delimited() {
        assert_ne!(
            DocumentHash::of(&["ab", "c"]),
            DocumentHash::of(&["a", "bc"])
        );
        assert_ne!(EventId::of(&["ab", "c"]), EventId::of(&["a", "bc"]));
        assert_eq!(DocumentHash::of(&["x"]), DocumentHash::of(&["x"]));
    }

    #[test]
    fn bytes_round_trip() {
        let h = DocumentHash::of(&["story"]);
        assert_eq!(DocumentHash::from_bytes(&h.to_bytes()), Some(h));
        assert_eq!(DocumentHash::from_bytes(&[1, 2]), None);
        assert_eq!(h.to_string().len(), 32);
    }

    #[test]
    fn event_ids_are_stable() {
        // Stored and exported ids must not change: XXH3-64 of the length-prefixed fields.
        let mut bytes = Vec::new();
        for f in ["IRN", "ISR", "111"] {
            bytes.extend_from_slice(&(f.len() as u64).to_le_bytes());
            bytes.extend_from_slice(f.as_bytes());
        }
        let expected = (xxhash_rust::xxh3::xxh3_64(&bytes) >> 1) as i64;
        assert_eq!(EventId::of(&["IRN", "ISR", "111"]).0, expected);
    }

    #[test]
    fn event_ids_are_positive() {
        for i in 0..1000 {
            assert!(EventId::of(&[&i.to_string()]).0 > 0);
        }
    }
}
