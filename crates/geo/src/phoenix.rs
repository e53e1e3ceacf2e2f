//! Reading country names out of the CAMEO (Phoenix / TABARI) country actor dictionary.
//!
//! The dictionary lists each country as a block: a head name (`IRAN_  [IRN]`), `+` lines with
//! the other names it goes by (`+IRANIAN`, `+PERSIA_`, `+TEHRAN_` …), and code lines
//! (`\t[GEO >911221]`) when the code is not on the head line. Blocks for institutions and
//! people follow with longer codes (`[RUSGOV]`); only blocks whose current code is a bare
//! three-letter country code are country blocks. Underscores stand for spaces, a trailing
//! underscore marks a word boundary, `#` starts a comment.

/// One country block: its ISO-3 code and every name it lists (head included), spelled with
/// spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CountryBlock {
    /// ISO-3 (CAMEO country) code.
    pub iso3: String,
    /// The names, in file order.
    pub names: Vec<String>,
}

/// Turns a dictionary name into text: underscores to spaces, no trailing boundary mark.
/// Names with parentheses, commas, digits or other markup are dropped.
fn clean(name: &str) -> Option<String> {
    let name = name.trim().trim_end_matches('_').replace('_', " ");
    let name = name.trim();
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '\''));
    ok.then(|| name.to_string())
}

/// The codes in bracket groups of a line: `[IRN]`, `[GEO >911221]` → ("GEO", open-ended).
fn codes(line: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let mut parts = inner.split_whitespace();
        if let Some(code) = parts.next() {
            let date = parts.next();
            let current = date.is_none_or(|d| d.starts_with('>'));
            out.push((code.to_string(), current));
        }
        rest = &rest[open + close + 1..];
    }
    out
}

/// The country blocks of a dictionary text. Never fails: unreadable lines are skipped.
pub(crate) fn country_blocks(text: &str) -> Vec<CountryBlock> {
    let mut blocks = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut block_codes: Vec<(String, bool)> = Vec::new();
    let mut flush = |names: &mut Vec<String>, block_codes: &mut Vec<(String, bool)>| {
        let code = block_codes
            .iter()
            .find(|(c, current)| *current && is_country_code(c))
            .map(|(c, _)| c.clone());
        if let Some(iso3) = code
            && !names.is_empty()
        {
            blocks.push(CountryBlock {
                iso3,
                names: std::mem::take(names),
            });
        }
        names.clear();
        block_codes.clear();
    };
    for raw in text.lines() {
        let line = raw.split('#').next().unwrap_or("");
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let body = line.trim();
        if let Some(alias) = body.strip_prefix('+') {
            names.extend(clean(alias.split('[').next().unwrap_or("")));
        } else if indented && body.starts_with('[') {
            block_codes.extend(codes(body));
        } else if !indented {
            flush(&mut names, &mut block_codes);
            let head = body.split('[').next().unwrap_or("");
            names.extend(clean(head));
            block_codes.extend(codes(body));
        }
    }
    flush(&mut names, &mut block_codes);
    blocks
}

/// Whether a CAMEO code is a bare country code (three capital letters).
fn is_country_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# comment\n\
IRAN_  [IRN]\n\
+IRANIAN\n\
+PERSIA_ \n\
+GEORGIA_(COUNTRY)_ \n\
ISLAMIC_CONSULTATIVE_ASSEMBLY\n\
+GUARDIAN_COUNCIL\n\
\t[IRNGOVLEG]\n\
GEORGIA_\n\
+GEORGIAN_ \n\
+TBILISI_ \n\
\t[USRGEO <910409]\n\
\t[GEO >911221]\n\
KREMLIN_\n\
\t[RUSGOV]\n";

    #[test]
    fn reads_country_blocks_only() {
        let b = country_blocks(SAMPLE);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].iso3, "IRN");
        assert_eq!(b[0].names, ["IRAN", "IRANIAN", "PERSIA"]);
        assert_eq!(b[1].iso3, "GEO");
        assert_eq!(b[1].names, ["GEORGIA", "GEORGIAN", "TBILISI"]);
    }

    #[test]
    fn garbage_does_not_panic() {
        assert!(country_blocks("[[[\n+\n\t[\n]]]").is_empty());
    }
}
