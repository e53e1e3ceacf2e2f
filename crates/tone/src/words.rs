//! The closed-class words that change the sentiment of their neighbours.
//!
//! The lexicon only says how positive or negative a word is on its own; these lists say which
//! words intensify, dampen or reverse the words after them. They are English function words and
//! adverbs chosen to agree with the lists the VADER authors describe, so that scores match the
//! published package; each word gets its role as a bit in [`Entry::flags`] when the lexicon is
//! compiled, so scoring a token costs one hash lookup.

/// What the scorer knows about one lower-cased token.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Entry {
    /// Mean valence from the lexicon (−4..+4), 0 when the word is not a lexicon word.
    pub(crate) valence: f64,
    /// Intensity added to (positive) or taken from (negative) the next sentiment words.
    pub(crate) boost: f64,
    /// Roles of the word, a set of the flag constants below.
    pub(crate) flags: u16,
}

impl Entry {
    /// Whether the word has every role in `flag`.
    pub(crate) fn has(self, flag: u16) -> bool {
        self.flags & flag == flag
    }
}

/// The word is in the sentiment lexicon.
pub(crate) const LEXICON: u16 = 1;
/// The word reverses a sentiment word up to three tokens after it ("not", "never", "isn't").
pub(crate) const NEGATOR: u16 = 1 << 1;
/// "no": a determiner before a sentiment word, a negator of the next two words.
pub(crate) const NO: u16 = 1 << 2;
/// "or" / "nor": lets "no" reach a third word ("no good or bad").
pub(crate) const OR_NOR: u16 = 1 << 3;
/// "never": with "so"/"this" it intensifies instead of negating ("never so good").
pub(crate) const NEVER: u16 = 1 << 4;
/// "so" / "this": the intensifying partner of "never".
pub(crate) const SO_THIS: u16 = 1 << 5;
/// "without": does not negate across "doubt" ("without doubt").
pub(crate) const WITHOUT: u16 = 1 << 6;
/// "doubt": the partner of "without".
pub(crate) const DOUBT: u16 = 1 << 7;
/// "kind" / "sort": with a following "of", a dampener.
pub(crate) const KIND_SORT: u16 = 1 << 8;
/// "of": the second word of "kind of" / "sort of".
pub(crate) const OF: u16 = 1 << 9;
/// "least": reverses the next word unless after "at" or "very".
pub(crate) const LEAST: u16 = 1 << 10;
/// "at" / "very": stop "least" from reversing ("at least", "very least").
pub(crate) const AT_VERY: u16 = 1 << 11;
/// "but": shifts weight from the words before it to the words after it.
pub(crate) const BUT: u16 = 1 << 12;

/// How much an intensifier or dampener moves the next sentiment word.
pub(crate) const BOOST: f64 = 0.293;

/// Adverbs and adjectives that intensify the sentiment word after them.
const INTENSIFIERS: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flippin",
    "flipping",
    "frackin",
    "fracking",
    "frickin",
    "fricking",
    "friggin",
    "frigging",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "fully",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];

/// Adverbs and adjectives that dampen the sentiment word after them.
const DAMPENERS: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "kind-of",
    "kinda",
    "kindof",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sort-of",
    "sorta",
    "sortof",
];

/// Negators written out; any other word ending in "n't" is a negator too.
const NEGATORS: &[&str] = &[
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "despite", "didnt", "doesnt", "dont",
    "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neednt", "neither", "never", "none",
    "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "rarely", "seldom", "shant", "shouldnt",
    "uh-uh", "uhuh", "wasnt", "werent", "without", "wont", "wouldnt",
];

/// Words with a structural role, and that role.
const MARKERS: &[(&str, u16)] = &[
    ("no", NO),
    ("or", OR_NOR),
    ("nor", OR_NOR),
    ("never", NEVER),
    ("so", SO_THIS),
    ("this", SO_THIS),
    ("without", WITHOUT),
    ("doubt", DOUBT),
    ("kind", KIND_SORT),
    ("sort", KIND_SORT),
    ("of", OF),
    ("least", LEAST),
    ("at", AT_VERY),
    ("very", AT_VERY),
    ("but", BUT),
];

/// Every modifier word with the boost and flags it contributes to its entry.
pub(crate) fn modifiers() -> impl Iterator<Item = (&'static str, f64, u16)> {
    let up = INTENSIFIERS.iter().map(|w| (*w, BOOST, 0));
    let down = DAMPENERS.iter().map(|w| (*w, -BOOST, 0));
    let not = NEGATORS.iter().map(|w| (*w, 0.0, NEGATOR));
    let marks = MARKERS.iter().map(|&(w, f)| (w, 0.0, f));
    up.chain(down).chain(not).chain(marks)
}

/// Whether a lower-cased token is a contracted negation ("isn't", "don’t").
pub(crate) fn is_contracted_negation(lower: &str) -> bool {
    lower.ends_with("n't") || lower.ends_with("n\u{2019}t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_and_disjoint() {
        for (w, _, _) in modifiers() {
            assert_eq!(w, w.to_lowercase(), "{w}");
        }
        for w in INTENSIFIERS {
            assert!(!DAMPENERS.contains(w) && !NEGATORS.contains(w), "{w}");
        }
        assert!(is_contracted_negation("isn't") && is_contracted_negation("don\u{2019}t"));
        assert!(!is_contracted_negation("nothing"));
    }
}
