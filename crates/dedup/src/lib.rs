//! Near-duplicate detection for news articles.
//!
//! A wire story reprinted by forty outlets, with a new headline here and a trimmed paragraph
//! there, is one source, not forty. Comparing every pair of articles is quadratic, so each
//! article gets a [`Signature`]: the MinHash of its word shingles, whose agreement between two
//! articles estimates the Jaccard similarity of their shingle sets. Signatures are cut into
//! [`BANDS`] bands ([`Signature::bands`]); articles sharing any band are candidates, and a
//! candidate pair whose [`Signature::similarity`] reaches [`NEAR_DUPLICATE`] is a duplicate.
//! With 16 bands of 4 rows, a pair at similarity 0.8 becomes a candidate with probability
//! above 0.999, a pair at 0.3 with probability about 0.12.
//!
//! Everything is derived from the text with fixed seeds: the same text always gives the same
//! signature, on any machine, in any order of arrival.

use xxhash_rust::xxh3::xxh3_64;

/// Hash functions in a signature.
pub const PERMUTATIONS: usize = 64;
/// Bands the signature is cut into for candidate lookup.
pub const BANDS: usize = 16;
/// Rows (hash values) per band.
const ROWS: usize = PERMUTATIONS / BANDS;
/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Estimated Jaccard similarity from which two articles are near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.8;

/// The MinHash signature of a text's word shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    mins: [u32; PERMUTATIONS],
}

/// SplitMix64's finaliser: a bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The seed of permutation `i` (fixed: signatures are stored and compared across runs).
fn seed(i: usize) -> u64 {
    mix(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1))
}

impl Signature {
    /// The signature of `text`: words are runs of letters and digits, lower-cased; shingles
    /// are [`SHINGLE`] consecutive words (a shorter text is one shingle). `None` for a text
    /// without words.
    pub fn of(text: &str) -> Option<Signature> {
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| xxh3_64(w.to_lowercase().as_bytes()))
            .collect();
        if words.is_empty() {
            return None;
        }
        let seeds: [u64; PERMUTATIONS] = std::array::from_fn(seed);
        let mut mins = [u32::MAX; PERMUTATIONS];
        for shingle in words.windows(SHINGLE.min(words.len())) {
            let h = shingle
                .iter()
                .fold(0u64, |acc, &w| mix(acc.rotate_left(5) ^ w));
            for (m, s) in mins.iter_mut().zip(seeds) {
                *m = (*m).min((mix(h ^ s) >> 32) as u32);
            }
        }
        Some(Signature { mins })
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets (0 … 1).
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / PERMUTATIONS as f64
    }

    /// One hash per band: texts sharing a band value are candidate duplicates. Band `i`'s
    /// value mixes in `i`, so equal values always mean the same band.
    pub fn bands(&self) -> [u64; BANDS] {
        std::array::from_fn(|b| {
            self.mins[b * ROWS..(b + 1) * ROWS]
                .iter()
                .fold(seed(PERMUTATIONS + b), |acc, &m| mix(acc ^ u64::from(m)))
        })
    }

    /// Little-endian bytes, for storage ([`PERMUTATIONS`] × 4).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.mins.iter().flat_map(|m| m.to_le_bytes()).collect()
    }

    /// From [`Signature::to_bytes`]; `None` when the length is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != PERMUTATIONS * 4 {
            return None;
        }
        let mut mins = [0u32; PERMUTATIONS];
        for (m, c) in mins.iter_mut().zip(bytes.chunks_exact(4)) {
            *m = u32::from_le_bytes(c.try_into().ok()?);
        }
        Some(Signature { mins })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const STORY: &str = "TEHRAN - Iran's foreign minister met his Omani counterpart on Sunday to \
        discuss the resumption of indirect talks with the United States over the nuclear \
        programme, state media reported. The two ministers also spoke about regional security, \
        shipping in the Strait of Hormuz and the situation in Yemen, where a truce has largely \
        held since April. Officials in Washington declined to comment on the meeting.";

    fn shares_band(a: &Signature, b: &Signature) -> bool {
        a.bands().iter().zip(b.bands()).any(|(x, y)| *x == y)
    }

    #[test]
    fn syndicated_copy_is_a_near_duplicate() {
        let copy = format!("Iran and Oman discuss talks\n\n{STORY} (Reporting by staff.)");
        let a = Signature::of(STORY).unwrap();
        let b = Signature::of(&copy).unwrap();
        assert!(a.similarity(&b) >= NEAR_DUPLICATE, "{}", a.similarity(&b));
        assert!(shares_band(&a, &b));
    }

    #[test]
    fn different_stories_are_not() {
        let other = "KYIV - Ukraine's army said on Monday it had repelled several attacks near \
            the eastern town, while the government asked European partners for more air \
            defence systems ahead of the winter and a conference on reconstruction.";
        let a = Signature::of(STORY).unwrap();
        let b = Signature::of(other).unwrap();
        assert!(a.similarity(&b) < 0.2, "{}", a.similarity(&b));
    }

    #[test]
    fn case_and_punctuation_do_not_matter() {
        let shouted = STORY.to_uppercase().replace(',', " ;");
        assert_eq!(Signature::of(STORY), Signature::of(&shouted));
    }

    #[test]
    fn wordless_text_has_no_signature() {
        assert_eq!(Signature::of(" -- ... !"), None);
        assert!(Signature::of("Talks").is_some());
    }

    #[test]
    fn bytes_round_trip() {
        let s = Signature::of(STORY).unwrap();
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s));
        assert_eq!(Signature::from_bytes(&[0; 7]), None);
    }

    proptest! {
        #[test]
        fn similarity_is_symmetric_and_bounded(a in "\\PC{0,200}", b in "\\PC{0,200}") {
            if let (Some(x), Some(y)) = (Signature::of(&a), Signature::of(&b)) {
                let s = x.similarity(&y);
                prop_assert!((0.0..=1.0).contains(&s));
                prop_assert_eq!(s, y.similarity(&x));
                prop_assert_eq!(x.similarity(&x), 1.0);
            }
        }
    }
}
