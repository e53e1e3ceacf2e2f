//! Verb-pattern matching over the words around a verb.
//!
//! A pattern's elements must appear in order, with other words allowed between them (the
//! TABARI reading of a blank); the words of a `{...}` phrase or a multi-word synset member must
//! be consecutive. `(PREP ...)` matches a preposition and then its objects inside the
//! preposition's phrase. `$` and `+` bind the first actor mention found at that point.

use crate::lexicon::{CompiledPattern, Element, Lexicon, Unit};
use crate::mentions::Mention;
use crate::tree::Tree;

/// What a matched pattern bound.
#[derive(Debug, Clone, Default)]
pub(crate) struct Binding {
    /// Mention bound by `$`.
    pub source: Option<usize>,
    /// Mention bound by `+`.
    pub target: Option<usize>,
    /// Whether the pattern asks for coding between conjoined sources (`%`).
    pub compound: bool,
    /// Words matched by literal elements.
    pub words: Vec<usize>,
}

/// Everything a match needs to look at.
pub(crate) struct Context<'a> {
    pub lex: &'a Lexicon,
    pub tree: &'a Tree<'a>,
    pub mentions: &'a [Mention],
    /// Number of conjoined source actors of the verb.
    pub sources: usize,
}

impl Context<'_> {
    /// Matches `p` with `pre` the words before the verb and `post` those after (both in order).
    pub fn matches(&self, p: &CompiledPattern, pre: &[usize], post: &[usize]) -> Option<Binding> {
        let mut b = Binding::default();
        if !p.before.is_empty() {
            self.elements(&p.before, pre, 0, &mut b)?;
        }
        if !p.after.is_empty() {
            self.elements(&p.after, post, 0, &mut b)?;
        }
        Some(b)
    }

    /// Matches `els` in order over `region[from..]`; returns the position after the last match.
    fn elements(
        &self,
        els: &[Element],
        region: &[usize],
        from: usize,
        b: &mut Binding,
    ) -> Option<usize> {
        let mut pos = from;
        for e in els {
            pos = self.element(e, region, pos, b)?;
        }
        Some(pos)
    }

    fn element(
        &self,
        e: &Element,
        region: &[usize],
        from: usize,
        b: &mut Binding,
    ) -> Option<usize> {
        match e {
            Element::Compound => {
                b.compound = true;
                (self.sources >= 2).then_some(from)
            }
            Element::Skip => Some(match self.mention_from(region, from, b) {
                Some((_, next)) => next,
                None => from,
            }),
            Element::Source | Element::Target => {
                let (m, next) = self.mention_from(region, from, b)?;
                if matches!(e, Element::Source) {
                    b.source = Some(m);
                } else {
                    b.target = Some(m);
                }
                Some(next)
            }
            Element::Seq(units) => (from..region.len()).find_map(|r| {
                let end = self.seq_at(units, region[r])?;
                if self.in_circumstance(region[r]) {
                    return None;
                }
                b.words.extend(region[r]..end);
                Some(position_after(region, end - 1))
            }),
            Element::Prep { prep, objects } => (from..region.len()).find_map(|r| {
                let j = region[r];
                // An infinitive's *to* is no preposition (*welcomed Finland's application to
                // join the alliance* is no `* (TO)` welcome to a place).
                if self.tree.upos(j) == "PART" {
                    return None;
                }
                let after_prep = self.unit_at(prep, j)?;
                if self.nested(j, region, b) {
                    return None;
                }
                // The phrase a preposition introduces is its head's subtree; a bare `(ON)`
                // is not met by a time ("telephoned Tokyo on Monday" is no call on Tokyo).
                let limit = match self.tree.head[j] {
                    Some(h) if h > j => {
                        if objects.is_empty() && self.tree.is_time(h) {
                            return None;
                        }
                        self.tree.right[h]
                    }
                    _ => j,
                };
                let inner: Vec<usize> = region
                    .iter()
                    .copied()
                    .filter(|&t| t >= after_prep && t <= limit)
                    .collect();
                let mut trial = b.clone();
                trial.words.extend(j..after_prep);
                let used = self.elements(objects, &inner, 0, &mut trial)?;
                let last = if used == 0 {
                    after_prep - 1
                } else {
                    inner[used - 1]
                };
                *b = trial;
                Some(position_after(region, last))
            }),
        }
    }

    /// Whether preposition `j` opens a phrase inside another prepositional phrase that the
    /// pattern has not matched: *lodged a protest with China over the detention of an
    /// employee* is no `- * PROTEST (OF)`, whose *of* must complete the protest or the verb.
    fn nested(&self, j: usize, region: &[usize], b: &Binding) -> bool {
        let tree = self.tree;
        let Some(mut x) = tree.head[j].and_then(|h| tree.head[h]) else {
            return false;
        };
        for _ in 0..tree.len() {
            if b.words.contains(&x) || region.binary_search(&x).is_err() {
                return false;
            }
            // An *of* phrase completes its noun and lets a later phrase attach above it
            // (*extradited a commander of the FARC to the United States*).
            if tree
                .children_rel(x, "case")
                .any(|c| !b.words.contains(&c) && tree.upper[c] != "OF")
            {
                return true;
            }
            match tree.head[x] {
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    }

    /// Whether word `j` only says when or amid what the verb happened: the preposition of a
    /// time (*demanded on Thursday*: no `* ON`, *pressed on*) or a word inside a phrase of time
    /// or circumstance the pattern did not name (*detained 100 people during a night of
    /// protests*: no `* PROTEST`, *held a protest*).
    fn in_circumstance(&self, j: usize) -> bool {
        let tree = self.tree;
        if tree.rel(j) == "case" && tree.head[j].is_some_and(|h| tree.is_time(h)) {
            return true;
        }
        let mut x = j;
        for _ in 0..tree.len() {
            if tree.base_rel(x) == "obl"
                && tree.children[x].iter().any(|&c| {
                    c < j && tree.rel(c) == "case" && CIRCUMSTANCE.contains(&tree.upper[c])
                })
            {
                return true;
            }
            match tree.head[x] {
                Some(h) if !crate::coder::is_clause_rel(tree.rel(x)) => x = h,
                _ => return false,
            }
        }
        false
    }

    /// The first mention not yet bound that starts in `region[from..]`.
    fn mention_from(&self, region: &[usize], from: usize, b: &Binding) -> Option<(usize, usize)> {
        let start = *region.get(from)?;
        let (mi, m) = self.mentions.iter().enumerate().find(|(mi, m)| {
            m.first >= start
                && region.binary_search(&m.first).is_ok()
                && b.source != Some(*mi)
                && b.target != Some(*mi)
        })?;
        Some((mi, position_after(region, m.last)))
    }

    /// Matches consecutive units from word `j`; returns the word after the match.
    fn seq_at(&self, units: &[Unit], j: usize) -> Option<usize> {
        let mut at = j;
        for u in units {
            at = self.unit_at(u, at)?;
        }
        Some(at)
    }

    /// Matches one unit at word `j`; returns the word after it.
    fn unit_at(&self, u: &Unit, j: usize) -> Option<usize> {
        match u {
            Unit::Word(w) => self.word_is(j, w).then_some(j + 1),
            Unit::Synset(s) => {
                let index = self.lex.synsets.get(*s)?;
                self.spellings(j)?.into_iter().find_map(|first| {
                    index.get(first)?.iter().find_map(|alt| {
                        alt.iter()
                            .enumerate()
                            .skip(1)
                            .all(|(k, w)| self.word_is(j + k, w))
                            .then_some(j + alt.len())
                    })
                })
            }
        }
    }

    /// The dictionary spellings word `j` may stand for: its form, its lemma, and its form
    /// without a plural ending.
    fn spellings(&self, j: usize) -> Option<[&str; 4]> {
        let form = *self.tree.upper.get(j)?;
        let strip = |suffix: &str| form.strip_suffix(suffix).unwrap_or(form);
        Some([form, self.lemma(j), strip("S"), strip("ES")])
    }

    /// The lemma word `j` matches as, or its form for a participle used as an adjective: *the
    /// planned burning* names no plan, *the disputed islands* no dispute.
    fn lemma(&self, j: usize) -> &str {
        let participle = self.tree.rel(j) == "amod" && self.tree.words[j].xpos.starts_with("VB");
        if participle {
            self.tree.upper[j]
        } else {
            self.tree.lemma[j]
        }
    }

    /// Whether word `j` is the dictionary word `w` (form, lemma or regular plural).
    fn word_is(&self, j: usize, w: &str) -> bool {
        let Some(&form) = self.tree.upper.get(j) else {
            return false;
        };
        form == w
            || self.lemma(j) == w
            || form
                .strip_prefix(w)
                .is_some_and(|rest| rest == "S" || rest == "ES")
    }
}

/// Prepositions of phrases that set the scene of an event rather than complete its verb.
const CIRCUMSTANCE: &[&str] = &[
    "DURING",
    "AMID",
    "AMIDST",
    "AFTER",
    "BEFORE",
    "SINCE",
    "UNTIL",
    "DESPITE",
    "FOLLOWING",
];

/// The index in `region` of the first word after word `last`.
fn position_after(region: &[usize], last: usize) -> usize {
    region.partition_point(|&t| t <= last)
}
