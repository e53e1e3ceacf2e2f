//! Title-case headlines recased for the parser.
//!
//! A headline in Title Case ("Troops Withdraw From Disputed Border Town") defeats a tagger
//! trained on running text: every word looks like a name, so verbs go unfound. Before such a
//! headline is parsed, its words lose their capital unless they belong to a dictionary actor
//! name or are acronyms. Only letters change case, one character for one, so every offset into
//! the original text stays valid, and events still quote the headline as written.

use crate::lexicon::Lexicon;

/// Whether a line is written in Title Case: most of its longer words (after the first) start
/// with a capital.
pub(crate) fn is_title_case(line: &str) -> bool {
    let long: Vec<&str> = words(line)
        .skip(1)
        .map(|(_, w)| w)
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 3 && capitalised * 10 >= long.len() * 7
}

/// The line with the capitals of ordinary words lowered (same length in characters).
pub(crate) fn recase(line: &str, lex: &Lexicon) -> String {
    let spans: Vec<(usize, &str)> = words(line).collect();
    let upper: Vec<String> = spans.iter().map(|(_, w)| w.to_uppercase()).collect();
    let tokens: Vec<&str> = upper.iter().map(String::as_str).collect();
    let mut keep = vec![false; spans.len()];
    for f in lex.actor_trie.scan(&tokens) {
        keep[f.start..f.end].iter_mut().for_each(|k| *k = true);
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for (k, (start, w)) in spans.iter().enumerate() {
        out.push_str(&line[at..*start]);
        let acronym = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && w.chars().count() >= 2;
        if keep[k] || acronym || k == 0 {
            out.push_str(w);
        } else {
            out.extend(w.chars().map(lower_one));
        }
        at = start + w.len();
    }
    out.push_str(&line[at..]);
    out
}

/// The lower case of `c` when it is a single character, else `c` itself.
fn lower_one(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// Words (letters, digits, inner apostrophes and hyphens) with their byte offsets.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '-' || c == '.';
    let mut rest = line.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|&(_, c)| c.is_alphanumeric())?;
        let mut end = line.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word(c) {
                end = i;
                break;
            }
            rest.next();
        }
        let w = line[start..end].trim_end_matches(['\'', '-', '.']);
        Some((start, w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconParts;

    fn lexicon() -> Lexicon {
        Lexicon::compile(LexiconParts {
            verbs: tacitus_dict::parse_verbs("--- ATTACK [190] ---\nATTACK\n", "v").unwrap(),
            actors: tacitus_dict::parse_actors("DOMINICAN_REPUBLIC [DOM]\nISRAEL [ISR]\n", "a")
                .unwrap(),
            agents: Default::default(),
            discards: Default::default(),
            goldstein: None,
            plover: None,
        })
    }

    #[test]
    fn title_case_is_recognised() {
        assert!(is_title_case(
            "Over Half of Haiti Teachers Now Out on Wildcat Strike"
        ));
        assert!(!is_title_case(
            "Israeli troops withdraw from the disputed border town"
        ));
        assert!(!is_title_case("Short Line"));
    }

    #[test]
    fn ordinary_words_lose_their_capitals_names_and_acronyms_keep_them() {
        let line = "Israeli Jets Strike Targets in Dominican Republic, UN Says";
        let got = recase(line, &lexicon());
        assert_eq!(
            got,
            "Israeli jets strike targets in Dominican Republic, UN says"
        );
        assert_eq!(got.chars().count(), line.chars().count());
    }

    proptest::proptest! {
        #[test]
        fn recasing_any_text_keeps_its_length(line in "\\PC{0,60}") {
            let got = recase(&line, &lexicon());
            proptest::prop_assert_eq!(got.chars().count(), line.chars().count());
            let _ = is_title_case(&line);
        }
    }

    #[test]
    fn recasing_keeps_every_character_offset() {
        let line = "İstanbul Talks Resume — Ärzte Ohne Grenzen Warn";
        let got = recase(line, &lexicon());
        assert_eq!(got.chars().count(), line.chars().count(), "{got}");
    }
}
