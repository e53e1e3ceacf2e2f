//! The CAMEO verb dictionary (`CAMEO.2.0.txt`): synonym sets, verb families, verbs with
//! their forms, verb patterns and transformations, parsed into structured form so the coder
//! matches patterns against dependency trees without re-reading text.
//!
//! Format (PETRARCH-2 syntax):
//! - `&NAME` starts a synonym set (synset); following `+PHRASE` lines are its members.
//! - `--- NAME [CODE] ---` starts a verb family; `[---]` is the null code.
//! - A verb line is `VERB {FORMS} [CODE]` (forms and code optional); multi-word verbs join
//!   words with `_` and mark the verb with `+` (`+CORDON_OFF`, `WIRE_+TAP`).
//! - A pattern line is `- PRE * POST [CODE] # note`: `*` is the verb; words are nouns (heads),
//!   `{A B}` a noun phrase (last word the head), `(PREP ...)` a prepositional phrase, `&NAME`
//!   a synset, `$` the source, `+` the target, `^` a skip marker and `%` a compound marker.
//! - `~ a (b c VERB2) VERB1 = x y CODE` is a transformation.
//! - Codes are `[forward:reverse]` pairs (see [`VerbCode`]).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::agents::regular_plural;
use crate::codes::VerbCode;
use crate::text::lines;
use crate::{DictError, Loc, Phrase, Warning};

/// A member of a synonym set.
#[derive(Debug, Clone, PartialEq)]
pub struct SynsetMember {
    /// The words when the member is plain words (`exact` if written with a trailing `_`);
    /// `None` for members that embed a synset or a prepositional phrase (test dictionary).
    pub phrase: Option<Phrase>,
    /// The member parsed as pattern elements (words, `&SYN`, `(PREP ...)`).
    pub elements: Vec<PatternElement>,
    /// The regular plural, unless the member or the set name ends in `_`.
    pub plural: Option<Phrase>,
    /// Where the member is.
    pub line: Loc,
}

/// A synonym set `&NAME`.
#[derive(Debug, Clone, PartialEq)]
pub struct Synset {
    /// The name without `&` (e.g. `CURRENCY`, `AUXVERB1_`).
    pub name: String,
    /// The members in file order.
    pub members: Vec<SynsetMember>,
    /// Where the set is defined.
    pub line: Loc,
}

/// A verb family `--- NAME [CODE] ---`: synonymous verbs sharing patterns.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbFamily {
    /// The family name, e.g. `ACCELERATE`.
    pub name: String,
    /// The family's default code for its verbs.
    pub code: VerbCode,
    /// Where the header is.
    pub line: Loc,
}

/// One inflected (or base) form of a verb, with the particles of a multi-word verb.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VerbForm {
    /// Words before the verb (`WIRE` in `WIRE_+TAP`).
    pub before: Vec<String>,
    /// The verb word itself.
    pub verb: String,
    /// Words after the verb (`OFF` in `+CORDON_OFF`).
    pub after: Vec<String>,
}

/// A verb in a family.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbEntry {
    /// Index of its family in [`VerbDictionary::families`].
    pub family: usize,
    /// The base form.
    pub base: VerbForm,
    /// All forms: the base, then the `{...}` forms or the generated regular ones.
    pub forms: Vec<VerbForm>,
    /// The code of the isolated verb: its own `[...]`, else the family's.
    pub code: VerbCode,
    /// Whether the code was given on the verb line.
    pub own_code: bool,
    /// Where the verb is.
    pub line: Loc,
}

/// A word or a synset reference inside a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PatternTerm {
    /// A literal word (upper case).
    Word(String),
    /// `&NAME`: any member of the synset.
    Synset(String),
}

/// One element of a verb pattern, before or after the verb.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PatternElement {
    /// A single noun (or word) such as `AID`, or a synset.
    Term(PatternTerm),
    /// `{A B C}`: a noun phrase whose last term is the head.
    Phrase(Vec<PatternTerm>),
    /// `(PREP ...)`: a prepositional phrase; the objects may contain nouns, phrases and markers.
    Prep {
        /// The preposition.
        prep: PatternTerm,
        /// What follows it inside the parentheses.
        objects: Vec<PatternElement>,
    },
    /// `$`: the source actor goes here.
    Source,
    /// `+`: the target actor goes here.
    Target,
    /// `^`: skip marker (TABARI: skip the following noun phrase).
    Skip,
    /// `%`: compound-actor marker (TABARI: code between the conjoined actors).
    Compound,
}

/// A verb pattern `- PRE * POST [CODE]` of a family.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Index of its family in [`VerbDictionary::families`].
    pub family: usize,
    /// Elements before the verb, in order.
    pub before: Vec<PatternElement>,
    /// Elements after the verb, in order.
    pub after: Vec<PatternElement>,
    /// The code the pattern assigns.
    pub code: VerbCode,
    /// The trailing comment (usually the verb the pattern was written for).
    pub note: Option<String>,
    /// Where the pattern is.
    pub line: Loc,
}

impl Pattern {
    /// Every synset the pattern refers to.
    pub fn synsets(&self) -> Vec<&str> {
        fn walk<'a>(els: &'a [PatternElement], out: &mut Vec<&'a str>) {
            for e in els {
                match e {
                    PatternElement::Term(PatternTerm::Synset(s)) => out.push(s),
                    PatternElement::Phrase(ts) => out.extend(ts.iter().filter_map(|t| match t {
                        PatternTerm::Synset(s) => Some(s.as_str()),
                        PatternTerm::Word(_) => None,
                    })),
                    PatternElement::Prep { prep, objects } => {
                        if let PatternTerm::Synset(s) = prep {
                            out.push(s);
                        }
                        walk(objects, out);
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.before, &mut out);
        walk(&self.after, &mut out);
        out
    }
}

/// A transformation `~ a (b c VERB2) VERB1 = x y CODE` (postfix notation, PETRARCH-2).
#[derive(Debug, Clone, PartialEq)]
pub struct Transformation {
    /// Source variable of the outer verb.
    pub source: String,
    /// Source variable of the inner verb (`.` unspecified, `_` absent).
    pub inner_source: String,
    /// Target variable of the inner verb.
    pub inner_target: String,
    /// The inner verb(s), split at `_` (`WILL_ATTACK` → WILL, ATTACK); `Q` is any verb.
    pub inner_verb: Vec<String>,
    /// The outer verb.
    pub verb: String,
    /// Result source variable.
    pub result_source: String,
    /// Result target variable.
    pub result_target: String,
    /// Result code, or `Q` for the inner verb's code.
    pub result_code: String,
    /// Where it is.
    pub line: Loc,
}

/// The parsed verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    /// Synonym sets in file order.
    pub synsets: Vec<Synset>,
    /// Verb families in file order.
    pub families: Vec<VerbFamily>,
    /// Verbs in file order.
    pub verbs: Vec<VerbEntry>,
    /// Verb patterns in file order.
    pub patterns: Vec<Pattern>,
    /// Transformations in file order.
    pub transformations: Vec<Transformation>,
    /// Well-formed entries PETRARCH-2 ignores or treats specially (undefined synsets, ...).
    pub warnings: Vec<Warning>,
    synset_index: HashMap<String, usize>,
}

impl VerbDictionary {
    /// The synset with this name (without `&`).
    pub fn synset(&self, name: &str) -> Option<&Synset> {
        self.synset_index
            .get(name)
            .and_then(|&i| self.synsets.get(i))
    }

    /// The patterns of a family.
    pub fn family_patterns(&self, family: usize) -> impl Iterator<Item = &Pattern> {
        self.patterns.iter().filter(move |p| p.family == family)
    }

    /// Appends another verb dictionary (an overlay): its families, verbs and patterns follow
    /// these, and its synsets join those of the same name. An overlay family all of whose verbs
    /// these already list in one family adds its patterns to that family instead (an overlay
    /// `DELIVER` with `- * &WEAPON [072]` extends CAMEO.2.0's `DELIVER`); a verb listed twice
    /// belongs to its first family, the one a coder finds first.
    pub fn extend(&mut self, other: VerbDictionary) {
        let offset = self.families.len();
        let mut known: HashMap<&VerbForm, usize> = HashMap::new();
        for v in &self.verbs {
            known.entry(&v.base).or_insert(v.family);
        }
        // The family each overlay family's patterns go to.
        let target: Vec<usize> = (0..other.families.len())
            .map(|f| {
                let mut homes = other
                    .verbs
                    .iter()
                    .filter(|v| v.family == f)
                    .map(|v| known.get(&v.base).copied());
                match homes.next() {
                    Some(Some(home)) if homes.all(|h| h == Some(home)) => home,
                    _ => f + offset,
                }
            })
            .collect();
        let extends = |f: usize| target[f] < offset;
        self.families.extend(other.families);
        self.verbs.extend(
            other
                .verbs
                .into_iter()
                .filter(|v| !extends(v.family))
                .map(|mut v| {
                    v.family += offset;
                    v
                }),
        );
        self.patterns
            .extend(other.patterns.into_iter().map(|mut p| {
                p.family = target[p.family];
                p
            }));
        for s in other.synsets {
            match self.synset_index.get(&s.name) {
                Some(&i) => self.synsets[i].members.extend(s.members),
                None => {
                    self.synset_index.insert(s.name.clone(), self.synsets.len());
                    self.synsets.push(s);
                }
            }
        }
        self.transformations.extend(other.transformations);
        self.warnings.extend(other.warnings);
    }

    /// Whether every synset the pattern uses is defined (PETRARCH-2 ignores it otherwise).
    pub fn pattern_is_usable(&self, p: &Pattern) -> bool {
        p.synsets()
            .iter()
            .all(|s| self.synset_index.contains_key(*s))
    }
}

/// Parses a verb word such as `+CORDON_OFF`, `WIRE_+TAP` or `HURRY` into a form.
fn parse_form(word: &str, loc: &Loc) -> Result<VerbForm, DictError> {
    let parts: Vec<&str> = word.split('_').filter(|p| !p.is_empty()).collect();
    let bad = |m: &str| loc.error(format!("verb {word:?}: {m}"));
    let valid =
        |p: &str| !p.is_empty() && !p.contains(['[', ']', '{', '}', '(', ')', '*', '&', '+']);
    if parts.is_empty() {
        return Err(bad("no words"));
    }
    let marked: Vec<usize> = (0..parts.len())
        .filter(|&i| parts[i].starts_with('+'))
        .collect();
    let at = match (parts.len(), marked.as_slice()) {
        (1, []) | (1, [0]) => 0,
        (_, [i]) => *i,
        (_, []) => return Err(bad("a multi-word verb must mark its verb with '+'")),
        _ => return Err(bad("more than one '+'")),
    };
    let up = |p: &str| p.trim_start_matches('+').to_uppercase();
    let verb = up(parts[at]);
    if !valid(&verb) || !parts.iter().enumerate().all(|(i, p)| i == at || valid(p)) {
        return Err(bad("unexpected character"));
    }
    Ok(VerbForm {
        before: parts[..at].iter().map(|p| up(p)).collect(),
        verb,
        after: parts[at + 1..].iter().map(|p| up(p)).collect(),
    })
}

/// The regular forms of a verb (third person, past, gerund) as PETRARCH-2 builds them.
fn regular_forms(v: &str) -> [String; 3] {
    // PETRARCH-2 adds ES after S, X, Z only ("RUSHS"); SH and CH are added here.
    let third = if v.ends_with(['S', 'X', 'Z']) || v.ends_with("SH") || v.ends_with("CH") {
        format!("{v}ES")
    } else if let Some(s) = v.strip_suffix('Y') {
        format!("{s}IES")
    } else {
        format!("{v}S")
    };
    let past = if v.ends_with('E') {
        format!("{v}D")
    } else {
        format!("{v}ED")
    };
    let before_e = v.strip_suffix('E').and_then(|s| s.chars().last());
    let ing = match before_e {
        Some(c) if !"AEIOU".contains(c) => format!("{}ING", &v[..v.len() - 1]),
        _ => format!("{v}ING"),
    };
    [third, past, ing]
}

/// Reads `[CODE]` at the end of `text`; returns the text before it and the code.
fn trailing_code<'a>(text: &'a str, loc: &Loc) -> Result<(&'a str, Option<VerbCode>), DictError> {
    let t = text.trim_end();
    let Some(body) = t.strip_suffix(']') else {
        if t.contains(['[', ']']) {
            return Err(loc.error("code must be the last thing on the line, as [CODE]"));
        }
        return Ok((t, None));
    };
    let Some(open) = body.rfind('[') else {
        return Err(loc.error("']' without '['"));
    };
    let code = VerbCode::parse(&body[open + 1..])
        .ok_or_else(|| loc.error(format!("invalid event code [{}]", &body[open + 1..])))?;
    let rest = &body[..open];
    if rest.contains(['[', ']']) {
        return Err(loc.error("more than one [CODE]"));
    }
    Ok((rest, Some(code)))
}

fn parse_term(tok: &str, loc: &Loc) -> Result<PatternTerm, DictError> {
    if let Some(name) = tok.strip_prefix('&') {
        if name.is_empty() || name.contains('&') {
            return Err(loc.error(format!("bad synset reference {tok:?}")));
        }
        return Ok(PatternTerm::Synset(name.to_uppercase()));
    }
    if tok.is_empty() || tok.contains(['(', ')', '{', '}', '[', ']', '*', '$', '^', '%', '&']) {
        return Err(loc.error(format!("unexpected token {tok:?} in pattern")));
    }
    Ok(PatternTerm::Word(tok.to_uppercase()))
}

/// Splits pattern text into tokens, keeping `(`, `)`, `{`, `}`, `*` as their own tokens.
fn pattern_tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || "(){}*".contains(c) {
            if let Some(s) = start.take() {
                out.push(&text[s..i]);
            }
            if !c.is_whitespace() {
                out.push(&text[i..i + c.len_utf8()]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Parses the elements on one side of the `*`.
fn parse_side(tokens: &[&str], loc: &Loc) -> Result<Vec<PatternElement>, DictError> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut prep: Option<(Option<PatternTerm>, Vec<PatternElement>)> = None;
    while let Some(&tok) = tokens.get(i) {
        i += 1;
        let el = match tok {
            "(" => {
                if prep.is_some() {
                    return Err(loc.error("nested '(' in pattern"));
                }
                prep = Some((None, Vec::new()));
                continue;
            }
            ")" => {
                let Some((p, objects)) = prep.take() else {
                    return Err(loc.error("')' without '('"));
                };
                let prep = p.ok_or_else(|| loc.error("empty '()' in pattern"))?;
                out.push(PatternElement::Prep { prep, objects });
                continue;
            }
            "{" => {
                let mut terms = Vec::new();
                loop {
                    let Some(&t) = tokens.get(i) else {
                        return Err(loc.error("missing '}' in pattern"));
                    };
                    i += 1;
                    if t == "}" {
                        break;
                    }
                    terms.push(parse_term(t, loc)?);
                }
                if terms.is_empty() {
                    return Err(loc.error("empty '{}' in pattern"));
                }
                PatternElement::Phrase(terms)
            }
            "}" => return Err(loc.error("'}' without '{'")),
            "$" => PatternElement::Source,
            "+" => PatternElement::Target,
            "^" => PatternElement::Skip,
            "%" => PatternElement::Compound,
            // `A_B` joins consecutive words as everywhere in these files: a noun phrase.
            // `A_B` joins consecutive words as everywhere in these files: a noun phrase.
            // Synset names may contain `_` (`&FIGHT_CRIM`): from a `&` on, the rest of the
            // token is the synset name.
            t if t.contains('_') && !t.starts_with('&') => {
                let (words, synset) = match t.find('&') {
                    Some(p) => (&t[..p], Some(&t[p..])),
                    None => (t, None),
                };
                let mut terms = words
                    .split('_')
                    .filter(|w| !w.is_empty())
                    .map(|w| parse_term(w, loc))
                    .collect::<Result<Vec<_>, _>>()?;
                if let Some(s) = synset {
                    terms.push(parse_term(s, loc)?);
                }
                match terms.len() {
                    0 => return Err(loc.error(format!("unexpected token {t:?} in pattern"))),
                    1 => PatternElement::Term(terms.remove(0)),
                    _ => PatternElement::Phrase(terms),
                }
            }
            t => PatternElement::Term(parse_term(t, loc)?),
        };
        match prep.as_mut() {
            Some((p @ None, _)) => match el {
                PatternElement::Term(t) => *p = Some(t),
                _ => return Err(loc.error("a '(' must start with a preposition")),
            },
            Some((Some(_), objects)) => objects.push(el),
            None => out.push(el),
        }
    }
    if prep.is_some() {
        return Err(loc.error("missing ')' in pattern"));
    }
    Ok(out)
}

/// Parses the text between `-` and the code into the elements before and after `*`.
#[allow(clippy::type_complexity)]
fn parse_pattern_body(
    body: &str,
    loc: &Loc,
) -> Result<(Vec<PatternElement>, Vec<PatternElement>), DictError> {
    let toks = pattern_tokens(body);
    let stars: Vec<usize> = (0..toks.len()).filter(|&i| toks[i] == "*").collect();
    let [star] = stars.as_slice() else {
        return Err(loc.error("pattern needs exactly one '*' for the verb"));
    };
    Ok((
        parse_side(&toks[..*star], loc)?,
        parse_side(&toks[star + 1..], loc)?,
    ))
}

fn parse_transformation(text: &str, loc: &Loc) -> Result<Transformation, DictError> {
    let bad = || loc.error("transformation must read '~ a (b c VERB2) VERB1 = x y CODE'");
    let (lhs, rhs) = text.split_once('=').ok_or_else(bad)?;
    let toks = pattern_tokens(lhs);
    let [s, "(", s2, t2, v2, ")", v1] = toks.as_slice() else {
        return Err(bad());
    };
    let r: Vec<&str> = rhs.split_whitespace().collect();
    let [rs, rt, rc] = r.as_slice() else {
        return Err(bad());
    };
    Ok(Transformation {
        source: s.to_string(),
        inner_source: s2.to_string(),
        inner_target: t2.to_string(),
        inner_verb: v2
            .split('_')
            .filter(|w| !w.is_empty())
            .map(str::to_uppercase)
            .collect(),
        verb: v1.to_uppercase(),
        result_source: rs.to_string(),
        result_target: rt.to_string(),
        result_code: rc.to_string(),
        line: loc.clone(),
    })
}

/// Parses a verb dictionary from text; `file` names it in locations and errors.
pub fn parse_verbs(input: &str, file: &str) -> Result<VerbDictionary, DictError> {
    let file: Arc<str> = Arc::from(file);
    let mut d = VerbDictionary::default();
    // The synset currently receiving '+' members; None once verb families start.
    let mut synset: Option<usize> = None;
    for line in lines(input) {
        let loc = Loc {
            file: file.clone(),
            line: line.no,
        };
        let t = line.text.trim();
        if let Some(name) = t.strip_prefix('&') {
            let name = name.trim();
            if name.is_empty() || name.contains(char::is_whitespace) || name.contains('&') {
                return Err(loc.error("synset header must be '&NAME'"));
            }
            let name = name.to_uppercase();
            let idx = match d.synset_index.get(&name) {
                Some(&i) => {
                    d.warnings.push(Warning {
                        loc: loc.clone(),
                        message: format!(
                            "synset &{name} defined again; members are merged (PETRARCH-2)"
                        ),
                    });
                    i
                }
                None => {
                    d.synsets.push(Synset {
                        name: name.clone(),
                        members: Vec::new(),
                        line: loc.clone(),
                    });
                    d.synset_index.insert(name, d.synsets.len() - 1);
                    d.synsets.len() - 1
                }
            };
            synset = Some(idx);
        } else if t.starts_with("---") {
            let inner = t
                .trim_start_matches('-')
                .trim_end_matches(|c: char| c == '-' || c.is_whitespace())
                .trim();
            let (name, code) = trailing_code(inner, &loc)?;
            let code = code.ok_or_else(|| loc.error("verb family header needs [CODE]"))?;
            let name = name.trim();
            if name.is_empty() || name.contains(char::is_whitespace) {
                return Err(loc.error("verb family header must be '--- NAME [CODE] ---'"));
            }
            d.families.push(VerbFamily {
                name: name.to_uppercase(),
                code,
                line: loc,
            });
            synset = None;
        } else if let Some(body) = t
            .strip_prefix('-')
            .or_else(|| t.starts_with('*').then_some(t))
        {
            if !t.starts_with('-') {
                // `* (TO QUESTION) [110]` in PETR.Validate.verbs.2.0.txt: a pattern without
                // its '-'. Read as a pattern and reported.
                d.warnings.push(Warning {
                    loc: loc.clone(),
                    message: "pattern line without its leading '-' read as a pattern".to_string(),
                });
            }
            let family = d
                .families
                .len()
                .checked_sub(1)
                .ok_or_else(|| loc.error("pattern before any verb family"))?;
            let (body, code) = trailing_code(body, &loc)?;
            let code = code.ok_or_else(|| loc.error("pattern needs a [CODE] at the end"))?;
            let (before, after) = match parse_pattern_body(body, &loc) {
                Ok(sides) => sides,
                Err(e) => {
                    // Copy-paste artefact in CAMEO.2.0.txt: the pattern's own ending repeated
                    // just before the code (`(WITH VISIT)    VISIT)[042:043]`). Drop the copy
                    // and report it; anything else stays an error.
                    let t = body.trim_end();
                    let cut = t
                        .rfind(char::is_whitespace)
                        .map(|i| (t[..i].trim_end(), t[i..].trim()));
                    match cut {
                        Some((head, tail)) if !tail.is_empty() && head.ends_with(tail) => {
                            let sides = parse_pattern_body(head, &loc).map_err(|_| e)?;
                            d.warnings.push(Warning {
                                loc: loc.clone(),
                                message: format!(
                                    "repeated ending {tail:?} before the code ignored"
                                ),
                            });
                            sides
                        }
                        _ => return Err(e),
                    }
                }
            };
            d.patterns.push(Pattern {
                family,
                before,
                after,
                code,
                note: line.comment.filter(|c| !c.is_empty()).map(str::to_string),
                line: loc,
            });
        } else if let Some(body) = t.strip_prefix('~') {
            let tr = parse_transformation(body, &loc)?;
            d.transformations.push(tr);
        } else if let (Some(idx), Some(member)) = (synset, t.strip_prefix('+')) {
            if member.contains(['[', ']', '{', '}', '*', '$', '^', '%', '+']) {
                return Err(loc.error("synset members may not contain markers or brackets"));
            }
            let elements = parse_side(&pattern_tokens(member), &loc)?;
            if elements.is_empty() {
                return Err(loc.error("synset member has no words"));
            }
            // Plain words form a phrase; members embedding `&SYN` or `(...)` (the validation
            // dictionary's "whacky" cases) are kept as elements only.
            let phrase = if member.contains(['&', '(', ')']) {
                None
            } else {
                Phrase::parse(member)
            };
            let Some(set) = d.synsets.get_mut(idx) else {
                return Err(loc.error("internal: synset index"));
            };
            let plural = phrase
                .as_ref()
                .filter(|p| !p.exact && !set.name.ends_with('_'))
                .map(regular_plural);
            set.members.push(SynsetMember {
                phrase,
                elements,
                plural,
                line: loc,
            });
        } else {
            let family = d.families.len().checked_sub(1).ok_or_else(|| {
                loc.error("verb before any verb family (or '+' outside a synset)")
            })?;
            // `;` starts a TABARI-style comment on a few verb lines.
            let t = t.split(';').next().unwrap_or("");
            let (body, own) = trailing_code(t, &loc)?;
            let (main, forms_text) = match body.split_once('{') {
                Some((m, f)) => {
                    let Some((f, after)) = f.split_once('}') else {
                        return Err(loc.error("missing '}' after verb forms"));
                    };
                    if !after.trim().is_empty() {
                        return Err(loc.error("unexpected text after verb forms"));
                    }
                    (m.trim(), Some(f))
                }
                None => (body.trim(), None),
            };
            if main.contains(char::is_whitespace) {
                return Err(loc.error(format!("verb {main:?} has blanks: join words with '_'")));
            }
            let base = parse_form(main, &loc)?;
            let mut forms = vec![base.clone()];
            match forms_text {
                Some(f) => {
                    for w in f.split_whitespace() {
                        let form = parse_form(w, &loc)?;
                        if !forms.contains(&form) {
                            forms.push(form);
                        }
                    }
                }
                None => {
                    for v in regular_forms(&base.verb) {
                        forms.push(VerbForm {
                            before: base.before.clone(),
                            verb: v,
                            after: base.after.clone(),
                        });
                    }
                }
            }
            let family_code = d
                .families
                .get(family)
                .map(|f| f.code.clone())
                .unwrap_or_default();
            d.verbs.push(VerbEntry {
                family,
                base,
                forms,
                own_code: own.is_some(),
                code: own.unwrap_or(family_code),
                line: loc,
            });
        }
    }
    let mut undefined = Vec::new();
    for p in &d.patterns {
        for s in p.synsets() {
            if !d.synset_index.contains_key(s) {
                undefined.push(Warning {
                    loc: p.line.clone(),
                    message: format!(
                        "pattern uses undefined synset &{s}; PETRARCH-2 ignores the pattern"
                    ),
                });
            }
        }
    }
    for set in &d.synsets {
        for m in &set.members {
            let probe = Pattern {
                family: 0,
                before: m.elements.clone(),
                after: Vec::new(),
                code: VerbCode::default(),
                note: None,
                line: m.line.clone(),
            };
            for s in probe.synsets() {
                if !d.synset_index.contains_key(s) {
                    undefined.push(Warning {
                        loc: m.line.clone(),
                        message: format!("synset member uses undefined synset &{s}"),
                    });
                }
            }
        }
    }
    d.warnings.extend(undefined);
    Ok(d)
}

/// Reads a verb dictionary file.
pub fn load_verbs(path: &Path) -> Result<VerbDictionary, DictError> {
    parse_verbs(&crate::read(path)?, &crate::file_name(path))
}

#[cfg(test)]
mod tests {
    #[test]
    fn extend_offsets_families_and_merges_synsets() {
        let mut a = parse_verbs(
            "&ARMS\n+GUN\n--- FIRE [190] ---\nFIRE\n- * &ARMS [195]\n",
            "a",
        )
        .unwrap();
        let b = parse_verbs(
            "&ARMS\n+RIFLE\n--- URGE [020] ---\nURGE\n- * &ARMS [0212]\n",
            "b",
        )
        .unwrap();
        a.extend(b);
        assert_eq!(a.families.len(), 2);
        assert_eq!(
            a.verbs[1].family, 1,
            "the overlay's verb points at its own family"
        );
        assert_eq!(a.patterns[1].family, 1);
        assert_eq!(a.synset("ARMS").unwrap().members.len(), 2);
        assert!(a.pattern_is_usable(&a.patterns[1]));
    }

    #[test]
    fn an_overlay_of_known_verbs_extends_their_family() {
        let mut a = parse_verbs("--- FIRE [190] ---\nFIRE\n- * GUN [195]\n", "a").unwrap();
        let b = parse_verbs(
            "--- FIRE [---] ---\nFIRE\n- * ROCKET [195]\n--- URGE [020] ---\nURGE\n",
            "b",
        )
        .unwrap();
        a.extend(b);
        assert_eq!(a.verbs.len(), 2, "FIRE is listed once, URGE added");
        assert_eq!(a.verbs[1].family, 2, "URGE in its own family");
        assert_eq!(a.patterns.len(), 2);
        assert_eq!(
            a.patterns[1].family, 0,
            "the new FIRE pattern is the old family's"
        );
    }

    #[test]
    fn a_verb_listed_twice_is_extended_in_its_first_family() {
        let mut a = parse_verbs(
            "--- FIRE [190] ---\nFIRE\n--- SACK [---] ---\nFIRE\n- * MINISTER [---]\n",
            "a",
        )
        .unwrap();
        let b = parse_verbs("--- FIRE [---] ---\nFIRE\n- * ROCKET [195]\n", "b").unwrap();
        a.extend(b);
        let rocket = a.patterns.last().expect("the overlay's pattern");
        assert_eq!(rocket.family, 0, "the first FIRE family");
    }

    use super::*;

    const SAMPLE: &str = "\
# header
&CURRENCY
+DOLLAR
+CASH_
+RUPEE

&AUXVERB1_
+WAS
+&CURRENCY
+(TO THE END)

--- ACCELERATE [---] ---
HURRY {HURRIES HURRYING HURRIED };shan   8/30/93
RUSH
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}
WIRE_+TAP
PETITION [020]
- * (TO)                   [042:043]     # RUSH
- &MILITARY * {&CURRENCY AID} (OVER {&WEAPON ATTACK}) [154] # RUSH
- $ * (AS &NEGOTIATOR) (IN TALK) (WITH +) [045]
- * OFF (FROM ^) [:173]
- % * [050]
- FIGHTER_&AIRCRAFT * &FIGHT_CRIM [195]
* (TO QUESTION) [110]
- * VENTURE (WITH VISIT)          VISIT)[042:043]  # MAKE

---  OFFEND   [:110]---  ---
OFFEND

~ a (a b ATTACK) SAY = a b 015
~ a (b . ATTACK ) WANT = a b 021
";

    fn w(s: &str) -> PatternElement {
        PatternElement::Term(PatternTerm::Word(s.into()))
    }
    fn syn(s: &str) -> PatternTerm {
        PatternTerm::Synset(s.into())
    }

    #[test]
    fn parses_structure() {
        let d = parse_verbs(SAMPLE, "v.txt").unwrap();
        assert_eq!(d.synsets.len(), 2);
        let cur = d.synset("CURRENCY").unwrap();
        assert_eq!(cur.members.len(), 3);
        assert_eq!(cur.members[0].plural.as_ref().unwrap().text(), "DOLLARS");
        assert_eq!(cur.members[2].phrase.as_ref().unwrap().text(), "RUPEE");
        assert!(cur.members[1].plural.is_none());
        let aux = d.synset("AUXVERB1_").unwrap();
        assert!(aux.members[0].plural.is_none());
        assert_eq!(
            aux.members[1].elements,
            vec![PatternElement::Term(syn("CURRENCY"))]
        );
        assert!(aux.members[2].phrase.is_none());
        assert!(matches!(
            aux.members[2].elements[0],
            PatternElement::Prep { .. }
        ));
        assert_eq!(d.families.len(), 2);
        assert!(d.families[0].code.is_null());
        assert_eq!(d.families[1].code.reverse.as_ref().unwrap().as_str(), "110");

        assert_eq!(d.verbs.len(), 6);
        let hurry: Vec<&str> = d.verbs[0].forms.iter().map(|f| f.verb.as_str()).collect();
        assert_eq!(hurry, vec!["HURRY", "HURRIES", "HURRYING", "HURRIED"]);
        let rush: Vec<&str> = d.verbs[1].forms.iter().map(|f| f.verb.as_str()).collect();
        assert_eq!(rush, vec!["RUSH", "RUSHES", "RUSHED", "RUSHING"]);
        let cordon = &d.verbs[2];
        assert_eq!(cordon.base.after, vec!["OFF"]);
        assert_eq!(cordon.forms[1].verb, "CORDONED");
        let tap = &d.verbs[3];
        assert_eq!(
            (tap.base.before.as_slice(), tap.base.verb.as_str()),
            (&["WIRE".to_string()][..], "TAP")
        );
        assert_eq!(tap.forms[2].verb, "TAPED"); // PETRARCH-2 regular rule, no consonant doubling
        assert!(d.verbs[4].own_code);
        assert_eq!(d.verbs[4].code.forward.as_ref().unwrap().as_str(), "020");
        assert_eq!(d.verbs[5].family, 1);

        assert_eq!(d.patterns.len(), 8);
        assert!(
            d.warnings
                .iter()
                .any(|w| w.loc.line == 24 && w.message.contains("leading"))
        );
        assert_eq!(
            d.patterns[5].before,
            vec![PatternElement::Phrase(vec![
                PatternTerm::Word("FIGHTER".into()),
                syn("AIRCRAFT")
            ])]
        );
        assert_eq!(d.patterns[7].after.len(), 2);
        assert!(
            d.warnings
                .iter()
                .any(|w| w.loc.line == 25 && w.message.contains("repeated"))
        );
        let p0 = &d.patterns[0];
        assert_eq!(
            p0.after,
            vec![PatternElement::Prep {
                prep: PatternTerm::Word("TO".into()),
                objects: vec![]
            }]
        );
        assert_eq!(p0.code.to_string(), "042:043");
        assert_eq!(p0.note.as_deref(), Some("RUSH"));
        assert_eq!(p0.line.line, 18);
        let p1 = &d.patterns[1];
        assert_eq!(p1.before, vec![PatternElement::Term(syn("MILITARY"))]);
        assert_eq!(
            p1.after,
            vec![
                PatternElement::Phrase(vec![syn("CURRENCY"), PatternTerm::Word("AID".into())]),
                PatternElement::Prep {
                    prep: PatternTerm::Word("OVER".into()),
                    objects: vec![PatternElement::Phrase(vec![
                        syn("WEAPON"),
                        PatternTerm::Word("ATTACK".into())
                    ])]
                },
            ]
        );
        assert!(!d.pattern_is_usable(p1));
        let p2 = &d.patterns[2];
        assert_eq!(p2.before, vec![PatternElement::Source]);
        assert_eq!(
            p2.after[2],
            PatternElement::Prep {
                prep: PatternTerm::Word("WITH".into()),
                objects: vec![PatternElement::Target]
            }
        );
        let p3 = &d.patterns[3];
        assert_eq!(p3.after[0], w("OFF"));
        assert_eq!(
            p3.after[1],
            PatternElement::Prep {
                prep: PatternTerm::Word("FROM".into()),
                objects: vec![PatternElement::Skip]
            }
        );
        assert!(p3.code.forward.is_none());
        assert_eq!(d.patterns[4].before, vec![PatternElement::Compound]);

        assert_eq!(d.transformations.len(), 2);
        let t = &d.transformations[1];
        assert_eq!(
            (
                t.inner_target.as_str(),
                t.verb.as_str(),
                t.result_code.as_str()
            ),
            (".", "WANT", "021")
        );
        // MILITARY, WEAPON, NEGOTIATOR, AIRCRAFT, FIGHT_CRIM are undefined here.
        assert_eq!(
            d.warnings
                .iter()
                .filter(|w| w.message.contains("undefined"))
                .count(),
            5
        );
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let head = "--- F [010] ---\n";
        for (body, line) in [
            ("- * AID\n", 2),
            ("- AID [010]\n", 2),
            ("- * * AID [010]\n", 2),
            ("- * (TO [010]\n", 2),
            ("- * TO) [010]\n", 2),
            ("- * {TO [010]\n", 2),
            ("- * {} [010]\n", 2),
            ("- * () [010]\n", 2),
            ("- * ((TO)) [010]\n", 2),
            ("- * AID [01 0]\n", 2),
            ("- * (ON X) X) Y) [010]\n", 2),
            ("- * AID [010] [020]\n", 2),
            ("CORDON_OFF\n", 2),
            ("+A_+B\n", 2),
            ("RUN AWAY\n", 2),
            ("RUN {RAN\n", 2),
            ("~ a b = c\n", 2),
            ("--- NOCODE ---\n", 2),
            ("&\n", 2),
        ] {
            let text = format!("{head}{body}");
            match parse_verbs(&text, "bad.txt") {
                Err(DictError::Syntax { file, line: l, .. }) => {
                    assert_eq!((&*file, l), ("bad.txt", line), "{body:?}")
                }
                other => panic!("{body:?}: expected a syntax error, got {other:?}"),
            }
        }
        for text in ["- * AID [010]\n", "RUN\n", "+X\n"] {
            assert!(parse_verbs(text, "bad").is_err(), "{text:?}");
        }
    }
}
