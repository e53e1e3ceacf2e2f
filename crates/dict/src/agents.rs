//! Agent dictionaries (`*.agents.txt`): generic nouns ("troops", "officials") mapped to
//! agent codes that the coder joins to a country ("Israeli troops" → ISR + MIL).
//!
//! Format (PETRARCH-2): `PHRASE {PLURAL} [~CODE]` or `[CODE~]`; `{}` suppresses the plural,
//! no braces means the regular plural (`Y`→`IES`, `S`→`SES`, else `+S`). Substitution
//! markers are defined by `!NAME! = A, B, C` and used inside phrases (`CONGRESS!PERSON!`);
//! each use expands to one entry per alternative, with no plural (PETRARCH-2 docs).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::codes::ActorCode;
use crate::text::lines;
use crate::{DictError, Loc, Phrase, Warning};

/// An agent code and which side of the actor code it goes on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AgentCode {
    /// `[~MIL]`: appended after the actor code (ISR + MIL → ISRMIL).
    Suffix(ActorCode),
    /// `[NGO~]`: put before the actor code (NGO + USA → NGOUSA).
    Prefix(ActorCode),
}

impl AgentCode {
    /// The code without its `~`.
    pub fn code(&self) -> &ActorCode {
        match self {
            AgentCode::Suffix(c) | AgentCode::Prefix(c) => c,
        }
    }

    /// Joins this agent to an actor code (`ISR` + `~MIL` → `ISRMIL`).
    pub fn apply(&self, actor: &str) -> String {
        match self {
            AgentCode::Suffix(c) => format!("{actor}{c}"),
            AgentCode::Prefix(c) => format!("{c}{actor}"),
        }
    }
}

/// One agent phrase (singular or, when given, plural form) and its code.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentEntry {
    /// The singular phrase (after any substitution marker is expanded).
    pub phrase: Phrase,
    /// The plural phrase: explicit `{...}`, generated, or `None` for `{}` and markers.
    pub plural: Option<Phrase>,
    /// The agent code.
    pub code: AgentCode,
    /// The substitution marker this entry was expanded from, if any.
    pub marker: Option<String>,
    /// Where the entry is.
    pub line: Loc,
}

/// The agents of an agent file, in file order.
#[derive(Debug, Clone, Default)]
pub struct AgentDictionary {
    /// All entries (marker uses expanded), in file order.
    pub entries: Vec<AgentEntry>,
    /// The substitution markers defined (`PERSON` → `[MAN, MEN, ...]`).
    pub markers: HashMap<String, Vec<String>>,
    /// Lines PETRARCH-2 tolerates (skipped or repaired), with what was done.
    pub warnings: Vec<Warning>,
}

impl AgentDictionary {
    /// Appends the entries and markers of another agent dictionary (an overlay).
    pub fn extend(&mut self, other: AgentDictionary) {
        self.entries.extend(other.entries);
        self.markers.extend(other.markers);
        self.warnings.extend(other.warnings);
    }

    /// The entries whose singular or plural has exactly these words.
    pub fn lookup(&self, words: &[String]) -> Vec<&AgentEntry> {
        self.entries
            .iter()
            .filter(|e| {
                e.phrase.words == words || e.plural.as_ref().is_some_and(|p| p.words == words)
            })
            .collect()
    }
}

/// The regular plural of a phrase, as PETRARCH-2 forms it on the last word.
pub(crate) fn regular_plural(p: &Phrase) -> Phrase {
    let mut words = p.words.clone();
    if let Some(last) = words.last_mut() {
        if let Some(stem) = last.strip_suffix('Y') {
            *last = format!("{stem}IES");
        } else {
            last.push_str(if last.ends_with('S') { "ES" } else { "S" });
        }
    }
    Phrase {
        words,
        exact: p.exact,
    }
}

fn parse_code(text: &str, loc: &Loc) -> Result<AgentCode, DictError> {
    let t = text.trim();
    let bad = || {
        loc.error(format!(
            "invalid agent code {t:?} (expected ~CODE or CODE~)"
        ))
    };
    if let Some(c) = t.strip_prefix('~') {
        Ok(AgentCode::Suffix(ActorCode::parse(c).ok_or_else(bad)?))
    } else if let Some(c) = t.strip_suffix('~') {
        Ok(AgentCode::Prefix(ActorCode::parse(c).ok_or_else(bad)?))
    } else {
        Err(bad())
    }
}

/// Parses an agent dictionary from text; `file` names it in locations and errors.
pub fn parse_agents(input: &str, file: &str) -> Result<AgentDictionary, DictError> {
    let file: Arc<str> = Arc::from(file);
    let mut dict = AgentDictionary::default();
    for line in lines(input) {
        let loc = Loc {
            file: file.clone(),
            line: line.no,
        };
        let t = line.text.trim();
        if t.starts_with('!') && t.contains('=') {
            let (lhs, rhs) = t.split_once('=').unwrap_or((t, ""));
            let name = lhs.trim();
            let name = name
                .strip_prefix('!')
                .and_then(|n| n.strip_suffix('!'))
                .filter(|n| !n.is_empty() && !n.contains('!'))
                .ok_or_else(|| loc.error("substitution marker must be written !NAME! = A, B"))?;
            let alts: Vec<String> = rhs
                .split(',')
                .map(|a| a.trim().to_uppercase())
                .filter(|a| !a.is_empty())
                .collect();
            if alts.is_empty() {
                return Err(loc.error(format!("substitution marker !{name}! has no alternatives")));
            }
            dict.markers.insert(name.to_uppercase(), alts);
            continue;
        }
        let Some((phrase_part, rest)) = t.split_once('[') else {
            // PETRARCH-2 skips such a line with a warning; a lone word without any code
            // (as in Phoenix.agents.txt) is reported the same way, anything else is an error.
            if Phrase::parse(t).is_some() && !t.contains([']', '{', '}', '!']) {
                dict.warnings.push(Warning {
                    loc,
                    message: format!("agent {t:?} has no [code]; skipped as PETRARCH-2 does"),
                });
                continue;
            }
            return Err(loc.error("agent has no [code]"));
        };
        let (code_text, after) = match rest.split_once(']') {
            Some(parts) => parts,
            // `[~ENV}` in Phoenix.agents.txt: a '}' typed for the ']'.
            None => match rest.trim_end().strip_suffix('}') {
                Some(code) if !code.contains(['{', '}']) => {
                    dict.warnings.push(Warning {
                        loc: loc.clone(),
                        message: "agent code closed with '}' instead of ']'".to_string(),
                    });
                    (code, "")
                }
                _ => return Err(loc.error("missing ']' after agent code")),
            },
        };
        if !after.trim().is_empty() {
            return Err(loc.error(format!(
                "unexpected text after the agent code: {:?}",
                after.trim()
            )));
        }
        let code = parse_code(code_text, &loc)?;
        if let Some(p) = phrase_part.find('!') {
            let tail = &phrase_part[p + 1..];
            let Some(q) = tail.find('!') else {
                return Err(loc.error("unterminated substitution marker"));
            };
            let name = tail[..q].to_uppercase();
            let Some(alts) = dict.markers.get(&name) else {
                return Err(loc.error(format!("substitution marker !{name}! is not defined above")));
            };
            let (before, after) = (&phrase_part[..p], &tail[q + 1..]);
            if after.contains('!') {
                dict.warnings.push(Warning {
                    loc: loc.clone(),
                    message: "only the first substitution marker is expanded (PETRARCH-2)"
                        .to_string(),
                });
            }
            let mut expanded = Vec::new();
            for alt in alts {
                let text = format!("{before}{alt}{after}");
                let phrase =
                    Phrase::parse(&text).ok_or_else(|| loc.error("agent phrase has no words"))?;
                expanded.push(AgentEntry {
                    phrase,
                    plural: None,
                    code: code.clone(),
                    marker: Some(name.clone()),
                    line: loc.clone(),
                });
            }
            dict.entries.extend(expanded);
            continue;
        }
        let (singular, plural) = match phrase_part.split_once('{') {
            Some((s, p)) => {
                let Some((p, after)) = p.split_once('}') else {
                    return Err(loc.error("missing '}' after the plural"));
                };
                if !after.trim().is_empty() {
                    return Err(loc.error("unexpected text between '}' and the code"));
                }
                (s, Some(p))
            }
            None => (phrase_part, None),
        };
        let phrase =
            Phrase::parse(singular).ok_or_else(|| loc.error("agent phrase has no words"))?;
        let plural = match plural {
            Some(p) => Phrase::parse(p),
            None => Some(regular_plural(&phrase)),
        };
        dict.entries.push(AgentEntry {
            phrase,
            plural,
            code,
            marker: None,
            line: loc,
        });
    }
    Ok(dict)
}

/// Reads an agent dictionary file.
pub fn load_agents(path: &Path) -> Result<AgentDictionary, DictError> {
    parse_agents(&crate::read(path)?, &crate::file_name(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
!PERSON! = MAN, MEN, WOMAN
TROOP [~MIL] # ab
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
ARMY [~MIL]
HUMAN_RIGHTS_BODY  [NGO~]
CONGRESS!PERSON![~LEG]
BOSS [~BUS]
";

    #[test]
    fn parses_agents() {
        let d = parse_agents(SAMPLE, "a.txt").unwrap();
        assert_eq!(d.entries.len(), 9);
        let troop = &d.entries[0];
        assert_eq!(troop.plural.as_ref().unwrap().text(), "TROOPS");
        assert_eq!(troop.code.apply("ISR"), "ISRMIL");
        assert_eq!(troop.line.line, 2);
        assert!(d.entries[1].plural.is_none());
        assert_eq!(
            d.entries[2].plural.as_ref().unwrap().text(),
            "ATTORNEYS GENERAL"
        );
        assert_eq!(d.entries[3].plural.as_ref().unwrap().text(), "ARMIES");
        assert_eq!(d.entries[4].code.apply("USA"), "NGOUSA");
        assert_eq!(d.entries[5].phrase.text(), "CONGRESSMAN");
        assert_eq!(d.entries[7].marker.as_deref(), Some("PERSON"));
        assert_eq!(d.entries[8].plural.as_ref().unwrap().text(), "BOSSES");
        assert_eq!(d.lookup(&["TROOPS".to_string()]).len(), 1);
        let d = parse_agents("ISLAMIC_EXTREMIST\nENV_DEPT [~ENV}\n", "a").unwrap();
        assert_eq!(d.entries.len(), 1);
        assert_eq!(d.entries[0].code.code().as_str(), "ENV");
        assert_eq!(
            d.warnings.iter().map(|w| w.loc.line).collect::<Vec<_>>(),
            vec![1, 2]
        );
    }

    #[test]
    fn malformed_agents() {
        for (text, line) in [
            ("TROOP [MIL]\n", 1),
            ("X]\n", 1),
            ("TROOP [~MIL}}\n", 1),
            ("# c\nTROOP {TROOPS [~MIL]\n", 2),
            ("CONGRESS!PERSON! [~LEG]\n", 1),
            ("!PERSON! = \n", 1),
            ("TROOP [~MIL\n", 1),
            ("[~MIL]\n", 1),
        ] {
            match parse_agents(text, "bad.txt") {
                Err(DictError::Syntax { line: l, .. }) => assert_eq!(l, line, "{text:?}"),
                other => panic!("{text:?}: expected a syntax error, got {other:?}"),
            }
        }
    }
}
