//! Actor dictionaries (`*.actors.txt`): names and synonyms mapped to actor codes, with
//! date-restricted roles, so the coder can pick the role an actor held on the document date.
//!
//! Format (PETRARCH-2, after TABARI): an entry starts with a primary phrase, optionally
//! followed on the same line by one or more `[CODE]` / `[CODE restriction]`; `+phrase` lines
//! add synonyms; lines starting with `[` (usually indented with a tab) add date-restricted
//! codes. Restrictions: `<date`, `>date`, `date-date` (inclusive), dates `YYMMDD` or
//! `YYYYMMDD`. An entry with no code is kept with no codes (PETRARCH-2: a null code).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::codes::{ActorCode, Date, DateRange};
use crate::text::lines;
use crate::{DictError, Loc, Phrase, Warning};

/// One actor: its names and its codes with their date restrictions.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// The primary phrase first, then the `+` synonyms.
    pub names: Vec<Phrase>,
    /// The codes, each with the dates it applies; empty for a null-coded actor.
    pub codes: Vec<(ActorCode, DateRange)>,
    /// Where the primary phrase is.
    pub line: Loc,
}

impl ActorEntry {
    /// The codes that apply on `date`: restricted codes whose range holds it (file order),
    /// else the unrestricted (default) codes, as the PETRARCH-2 docs describe.
    pub fn codes_on(&self, date: Date) -> Vec<&ActorCode> {
        let restricted: Vec<&ActorCode> = self
            .codes
            .iter()
            .filter(|(_, r)| !r.is_always() && r.contains(date))
            .map(|(c, _)| c)
            .collect();
        if !restricted.is_empty() {
            return restricted;
        }
        self.codes
            .iter()
            .filter(|(_, r)| r.is_always())
            .map(|(c, _)| c)
            .collect()
    }
}

/// The actors of one or more actor files, in file order.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    /// All entries, in load order.
    pub entries: Vec<ActorEntry>,
    /// Entries that parsed but deserve attention.
    pub warnings: Vec<Warning>,
    index: HashMap<Vec<String>, Vec<usize>>,
}

impl ActorDictionary {
    /// Appends the entries of another dictionary (later files win on conflict in the coder).
    pub fn extend(&mut self, other: ActorDictionary) {
        for e in other.entries {
            self.push(e);
        }
        self.warnings.extend(other.warnings);
    }

    fn push(&mut self, e: ActorEntry) {
        let i = self.entries.len();
        for n in &e.names {
            self.index.entry(n.words.clone()).or_default().push(i);
        }
        self.entries.push(e);
    }

    /// The entries having a name with exactly these (upper-case) words, in load order.
    pub fn lookup(&self, words: &[String]) -> impl Iterator<Item = &ActorEntry> {
        self.index
            .get(words)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.entries.get(i))
    }

    /// The entries having a name equal to `text` (blanks or underscores between words).
    pub fn lookup_text(&self, text: &str) -> Vec<&ActorEntry> {
        match Phrase::parse(text) {
            Some(p) => self.lookup(&p.words).collect(),
            None => Vec::new(),
        }
    }

    /// Number of distinct names (primary and synonyms).
    pub fn name_count(&self) -> usize {
        self.entries.iter().map(|e| e.names.len()).sum()
    }
}

/// Parses `[CODE]` / `[CODE restriction]` groups; `text` must consist only of such groups.
fn parse_code_groups(
    text: &str,
    loc: &Loc,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<(ActorCode, DateRange)>, DictError> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some(inner) = rest.strip_prefix('[') else {
            if out.is_empty() || rest.contains(['[', ']']) {
                return Err(loc.error(format!("expected '[CODE ...]', found {rest:?}")));
            }
            // Uncommented notes after the codes occur in the Phoenix files; PETRARCH-2 would
            // turn them into bogus codes. They are ignored and reported.
            warnings.push(Warning {
                loc: loc.clone(),
                message: format!("text after the codes ignored: {rest:?}"),
            });
            break;
        };
        let Some(end) = inner.find(']') else {
            return Err(loc.error("missing ']' after actor code"));
        };
        let group = inner[..end].trim();
        let (code, restriction) = match group.split_once(char::is_whitespace) {
            Some((c, r)) => (c, r),
            None => (group, ""),
        };
        let code = ActorCode::parse(code)
            .ok_or_else(|| loc.error(format!("invalid actor code {code:?}")))?;
        let (range, note) = DateRange::parse_petrarch(restriction).ok_or_else(|| {
            loc.error(format!(
                "invalid date restriction {restriction:?} (expected <date, >date or date-date; dates YYMMDD or YYYYMMDD)"
            ))
        })?;
        if let Some(message) = note {
            warnings.push(Warning {
                loc: loc.clone(),
                message,
            });
        }
        out.push((code, range));
        rest = inner[end + 1..].trim_start();
        // Tolerate a ';' comment (TABARI style) after the codes.
        if rest.starts_with(';') {
            break;
        }
    }
    Ok(out)
}

/// Splits a name line into the phrase text and the code groups after it.
fn split_name(text: &str) -> (&str, &str) {
    let name_end = [text.find('['), text.find(';')]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(text.len());
    let (name, rest) = text.split_at(name_end);
    if rest.starts_with(';') {
        (name, "")
    } else {
        (name, rest)
    }
}

/// Parses an actor dictionary from text; `file` names it in locations and errors.
pub fn parse_actors(input: &str, file: &str) -> Result<ActorDictionary, DictError> {
    let file: Arc<str> = Arc::from(file);
    let mut dict = ActorDictionary::default();
    let mut current: Option<ActorEntry> = None;
    for line in lines(input) {
        let loc = Loc {
            file: file.clone(),
            line: line.no,
        };
        let t = line.text.trim();
        if t.starts_with('[') {
            let Some(entry) = current.as_mut() else {
                return Err(loc.error("code line before any actor"));
            };
            entry
                .codes
                .extend(parse_code_groups(t, &loc, &mut dict.warnings)?);
        } else if let Some(syn) = t.strip_prefix('+') {
            let Some(entry) = current.as_mut() else {
                return Err(loc.error("synonym '+' before any actor"));
            };
            let (name, codes) = split_name(syn);
            let phrase =
                Phrase::parse(name).ok_or_else(|| loc.error("synonym line has no words"))?;
            entry.names.push(phrase);
            entry
                .codes
                .extend(parse_code_groups(codes, &loc, &mut dict.warnings)?);
        } else {
            if let Some(done) = current.take() {
                dict.push(done);
            }
            let (name, codes) = split_name(t);
            let phrase = Phrase::parse(name).ok_or_else(|| loc.error("actor line has no name"))?;
            let codes = parse_code_groups(codes, &loc, &mut dict.warnings)?;
            current = Some(ActorEntry {
                names: vec![phrase],
                codes,
                line: loc,
            });
        }
    }
    if let Some(done) = current.take() {
        dict.push(done);
    }
    for e in &dict.entries {
        if e.codes.is_empty() {
            dict.warnings.push(Warning {
                loc: e.line.clone(),
                message: format!(
                    "actor {} has no code (null-coded, as in PETRARCH-2)",
                    e.names[0]
                ),
            });
        }
    }
    Ok(dict)
}

/// Reads an actor dictionary file.
pub fn load_actors(path: &Path) -> Result<ActorDictionary, DictError> {
    parse_actors(&crate::read(path)?, &crate::file_name(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_ # capital

BARACK_OBAMA_
+PRESIDENT_OBAMA
\t[USAELI 080101-090119]
\t[USAGOV 090120-170120]
\t[USAELI >170121]
KOFI_ANNAN_ [IGOUNO 970101-061231] [GHA]
U.N._
";

    #[test]
    fn parses_entries() {
        let d = parse_actors(SAMPLE, "t.txt").unwrap();
        assert_eq!(d.entries.len(), 4);
        let afg = &d.entries[0];
        assert_eq!(afg.names.len(), 3);
        assert_eq!(afg.names[2].words, vec!["KABUL"]);
        assert!(afg.names[2].exact);
        assert_eq!(afg.line.line, 2);
        let obama = d.lookup_text("president obama")[0];
        assert_eq!(obama.codes.len(), 3);
        let on = |y, m, dd| {
            obama
                .codes_on(Date::new(y, m, dd).unwrap())
                .iter()
                .map(|c| c.as_str().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(on(2010, 5, 1), vec!["USAGOV"]);
        assert_eq!(on(2018, 5, 1), vec!["USAELI"]);
        assert!(on(1990, 1, 1).is_empty());
        let annan = &d.entries[2];
        assert_eq!(
            annan.codes_on(Date::new(2010, 1, 1).unwrap())[0].as_str(),
            "GHA"
        );
        assert!(d.entries[3].codes.is_empty());
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].loc.line, 12);
        let d = parse_actors("X [USA] junk\n", "t").unwrap();
        assert_eq!(d.entries[0].codes.len(), 1);
        assert!(d.warnings[0].message.contains("junk"));
        let d = parse_actors("X\n\t[USAGOV 2004017-20061201]\n", "t").unwrap();
        assert_eq!(d.warnings[0].loc.line, 2);
    }

    #[test]
    fn malformed_entries_name_the_line() {
        for (text, line) in [
            ("[USA]\n", 1),
            ("X\n+\n", 2),
            ("X [USA 0901-1701]\n", 1),
            ("X\n\t[USAGOV 090120-170120\n", 2),
            ("X [US]A]\n", 1),
            ("X [ ]\n", 1),
            ("X\n\t[USAGOV 20041-20061201]\n", 2),
            ("+Y\n", 1),
        ] {
            match parse_actors(text, "bad.txt") {
                Err(DictError::Syntax { file, line: l, .. }) => {
                    assert_eq!((&*file, l), ("bad.txt", line), "{text:?}")
                }
                other => panic!("{text:?}: expected a syntax error, got {other:?}"),
            }
        }
    }
}
