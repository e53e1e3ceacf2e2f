//! Character classes and hashing of character sequences, shared by both classifiers.

use tacitus_perceptron::Feature;

/// Class value standing for "before the start" in character windows.
pub(crate) const BOS: u64 = 1;
/// Class value standing for "after the end" in character windows.
pub(crate) const EOS: u64 = 2;

/// Coarse class of a character: `A` upper-case letter, `a` other letter, `9` digit, otherwise the
/// character itself (punctuation and symbols matter individually).
#[inline]
pub(crate) fn class(c: char) -> u64 {
    if c.is_alphabetic() {
        if c.is_uppercase() {
            'A' as u64
        } else {
            'a' as u64
        }
    } else if c.is_numeric() {
        '9' as u64
    } else {
        c as u64
    }
}

/// Lower-case of a character, one character for one (multi-character mappings keep the first).
#[inline]
pub(crate) fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Hash of a character sequence under template `t`.
#[inline]
pub(crate) fn hash_seq(t: u32, s: &[char]) -> Feature {
    s.iter()
        .fold(Feature::new(t).int(s.len() as u64), |f, &c| f.int(c as u64))
}

/// Hash of the shape of a sequence: its classes with repeats collapsed, at most `cap` of them.
#[inline]
pub(crate) fn shape(f: Feature, s: impl Iterator<Item = char>, cap: usize) -> Feature {
    let mut f = f;
    let mut last = 0;
    let mut n = 0;
    for c in s {
        let k = class(c);
        if k != last {
            if n == cap {
                return f.int(EOS);
            }
            f = f.int(k);
            last = k;
            n += 1;
        }
    }
    f
}

/// Template under which lexicon entries (lower-cased tokens) are hashed.
pub(crate) const LEXICON: u32 = 1000;

/// Lexicon key of a lower-cased character sequence.
#[inline]
pub(crate) fn lexicon_key(lowered: &[char]) -> u64 {
    hash_seq(LEXICON, lowered).finish()
}

/// Lexicon key of a string (lower-cased here).
pub(crate) fn lexicon_key_str(s: &str) -> u64 {
    let v: Vec<char> = s.chars().map(lower).collect();
    lexicon_key(&v)
}

/// Whether a string looks like a URL, a web address or an e-mail address.
pub(crate) fn is_url_like(s: &[char]) -> bool {
    let n = s.len();
    if n < 5 {
        return false;
    }
    const PATTERNS: [&[char]; 3] = [
        &[':', '/', '/'],
        &['w', 'w', 'w', '.'],
        &['m', 'a', 'i', 'l', 't', 'o', ':'],
    ];
    if PATTERNS.iter().any(|p| {
        s.windows(p.len())
            .any(|w| w.iter().zip(p.iter()).all(|(a, b)| lower(*a) == *b))
    }) {
        return true;
    }
    // user@host.tld
    match s.iter().position(|&c| c == '@') {
        Some(at) if at > 0 && s[at - 1].is_alphanumeric() => {
            let host = &s[at + 1..];
            host.first().is_some_and(|c| c.is_alphanumeric())
                && host
                    .iter()
                    .rposition(|&c| c == '.')
                    .is_some_and(|d| host.get(d + 1).is_some_and(|c| c.is_alphabetic()))
        }
        _ => false,
    }
}
