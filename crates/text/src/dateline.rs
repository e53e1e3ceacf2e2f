//! News datelines (`TEHRAN, June 14 (Reuters) -`) as sentences of their own.
//!
//! A dateline is not part of the clause it precedes, and a parser trained on web text (which has
//! none) attaches the whole story to the place name when they share a sentence. Splitting it off
//! gives the story's first clause a tree of its own, which is what the event coder needs.

/// Longest dateline, in tokens, before its dash.
const MAX_DATELINE: usize = 16;
/// Fewest tokens that must follow the dash for the split to be worth it.
const MIN_REST: usize = 3;

/// Marks the dash that closes a dateline at the start of a sentence as a sentence end.
///
/// `token(i)` gives token `i`'s surface and whether white space precedes it; `ends[i]` says
/// whether a sentence ends after token `i`. A dateline is a run of capitalised words, numbers,
/// commas, periods and a parenthesised agency, starting with a word in capitals (`GENEVA`) or
/// containing the parenthesis, then a dash with white space before it (so `US-China` is no
/// dateline).
pub(crate) fn split_datelines<'a>(token: impl Fn(usize) -> (&'a str, bool), ends: &mut [bool]) {
    let mut start = 0;
    while start < ends.len() {
        let end = (start..ends.len())
            .find(|&i| ends[i])
            .unwrap_or(ends.len() - 1);
        if let Some(dash) = dateline_dash(&token, start, end) {
            ends[dash] = true;
        }
        start = end + 1;
    }
}

/// The index of the dash closing a dateline that opens the sentence `start..=end`.
fn dateline_dash<'a>(
    token: &impl Fn(usize) -> (&'a str, bool),
    start: usize,
    end: usize,
) -> Option<usize> {
    let surfaces = |i| token(i).0;
    let limit = end.min(start + MAX_DATELINE);
    let dash = (start + 1..=limit).find(|&i| matches!(surfaces(i), "-" | "--" | "–" | "—"))?;
    if !token(dash).1 {
        return None;
    }
    if end - dash < MIN_REST {
        return None;
    }
    let shouted = |s: &str| {
        s.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !s.chars().any(char::is_lowercase)
    };
    let agency = (start..dash).any(|i| surfaces(i) == ")");
    let fits = (start..dash).all(|i| {
        let s = surfaces(i);
        matches!(s, "," | "(" | ")" | ".")
            || s.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    (fits && (shouted(surfaces(start)) || agency)).then_some(dash)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits space-separated tokens; a token written `+x` has no space before it.
    fn split(tokens: &str) -> Vec<String> {
        let toks: Vec<(&str, bool)> = tokens
            .split(' ')
            .map(|t| t.strip_prefix('+').map_or((t, true), |t| (t, false)))
            .collect();
        let mut ends = vec![false; toks.len()];
        ends[toks.len() - 1] = true;
        split_datelines(|i| toks[i], &mut ends);
        let mut out = vec![String::new()];
        for (t, e) in toks.iter().zip(&ends) {
            let last = out.last_mut().unwrap();
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(t.0);
            if *e {
                out.push(String::new());
            }
        }
        out.pop();
        out
    }

    #[test]
    fn splits_wire_datelines() {
        assert_eq!(
            split("TEHRAN , June 14 ( Reuters ) - Iran said on Sunday ."),
            ["TEHRAN , June 14 ( Reuters ) -", "Iran said on Sunday ."]
        );
        assert_eq!(
            split("NEW YORK — Stocks fell sharply ."),
            ["NEW YORK —", "Stocks fell sharply ."]
        );
        assert_eq!(
            split("Kabul , Afghanistan ( AP ) -- Taliban fighters attacked a post ."),
            [
                "Kabul , Afghanistan ( AP ) --",
                "Taliban fighters attacked a post ."
            ]
        );
    }

    #[test]
    fn leaves_ordinary_sentences_alone() {
        for s in [
            "US - China trade grew after WASHINGTON talks .",
            "The talks - which began in May - ended .",
            "Paris - the capital - is large .",
            "US +- +China trade grew .",
            "TEHRAN - .",
        ] {
            assert_eq!(split(s), [s.replace('+', "")], "{s}");
        }
    }
}
