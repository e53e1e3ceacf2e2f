//! Character classes and hashing of character sequences, shared by both classifiers.

use tacitus_perceptron::Feature;

/// Class value standing for "before the start" in character windows.
pub(crate) const BOS: u64 = 1;
/// Class value standing for "after the end" in character windows.
pub(crate) const EOS: u64 = 2;

/// Coarse class of a character: `A` upper-case letter, `a` other letter, `9` digit, otherwise the
/// character itself (punctuation and symbols matter individually) with typographic quotes and
/// dashes as their ASCII counterparts.
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
        ascii_like(c) as u64
    }
}

/// A typographic character mapped to its ASCII counterpart (curly quotes, dashes), so that what
/// the treebank teaches about `'`, `"` and `-` carries over; other characters unchanged.
#[inline]
pub(crate) fn ascii_like(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        _ => c,
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

/// Lower-case with typographic characters as ASCII: the key used for lexical features.
#[inline]
pub(crate) fn fold(c: char) -> char {
    ascii_like(lower(c))
}

/// Template under which lexicon entries (lower-cased tokens) are hashed.
pub(crate) const LEXICON: u32 = 1000;

/// Lexicon key of a folded (see [`fold`]) character sequence.
#[inline]
pub(crate) fn lexicon_key(lowered: &[char]) -> u64 {
    hash_seq(LEXICON, lowered).finish()
}

/// Lexicon key of a string (folded here).
pub(crate) fn lexicon_key_str(s: &str) -> u64 {
    let v: Vec<char> = s.chars().map(fold).collect();
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
    // user@host.tld (also Google Groups' shortened "user...@host.tld")
    if let Some(at) = s.iter().position(|&c| c == '@') {
        let host = &s[at + 1..];
        return s[..at].iter().any(|c| c.is_alphanumeric())
            && host.first().is_some_and(|c| c.is_alphanumeric())
            && host
                .iter()
                .rposition(|&c| c == '.')
                .is_some_and(|d| host.get(d + 1).is_some_and(|c| c.is_alphabetic()));
    }
    is_file_or_domain(s)
}

/// Endings that make `name.ending` a file or domain name.
const ENDINGS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "co.uk", "ac.uk", "uk", "ca",
    "de", "fr", "au", "in", "ru", "cn", "jp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pdf",
    "txt", "rtf", "htm", "html", "asp", "aspx", "php", "jsp", "jpg", "jpeg", "gif", "png", "zip",
    "exe", "csv", "xml", "mp3", "wav", "avi", "mov", "mpg",
];

/// Whether `s` is `name.ending` with a known file or domain ending and a name of letters, digits,
/// `_`, `-` and inner dots.
fn is_file_or_domain(s: &[char]) -> bool {
    let Some(dot) = s.iter().position(|&c| c == '.') else {
        return false;
    };
    let name = &s[..dot];
    if name.is_empty()
        || !name
            .iter()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        || !name.iter().any(|c| c.is_alphabetic())
    {
        return false;
    }
    let rest: String = s[dot + 1..].iter().map(|&c| lower(c)).collect();
    let last = rest.rsplit('.').next().unwrap_or("");
    rest.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && !rest.contains("..")
        && ENDINGS.contains(&last)
}
