//! The dictionaries compiled for coding: tries over actor, agent and discard phrases, verbs
//! indexed by word, and patterns with their synsets resolved, so coding a sentence never scans
//! a dictionary.

use std::collections::HashMap as StdHashMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::path::Path;

use tacitus_dict::{
    ActorCode, ActorDictionary, AgentCode, AgentDictionary, CameoToPlover, Date, DateRange,
    DictError, DiscardList, DiscardScope, EventCode, GoldsteinTable, Loc, Pattern, PatternElement,
    PatternTerm, PhoenixSet, VerbCode, VerbDictionary, VerbForm,
};

use crate::tree::is_year;
use crate::trie::{AGENT_ENDINGS, Trie, split_hyphens};

/// A word or synset to match against tokens.
#[derive(Debug, Clone)]
pub(crate) enum Unit {
    /// A literal word (upper case).
    Word(String),
    /// Index into [`Lexicon::synsets`].
    Synset(usize),
}

/// One element of a compiled pattern.
#[derive(Debug, Clone)]
pub(crate) enum Element {
    /// Consecutive units (a word, a synset, or a `{...}` noun phrase).
    Seq(Vec<Unit>),
    /// A preposition and what must follow it inside its phrase.
    Prep { prep: Unit, objects: Vec<Element> },
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: the source is compound; code between its conjuncts.
    Compound,
    /// `^`: pass over the next noun phrase.
    Skip,
}

/// A verb pattern ready to match.
#[derive(Debug, Clone)]
pub(crate) struct CompiledPattern {
    pub before: Vec<Element>,
    pub after: Vec<Element>,
    pub code: VerbCode,
    pub text: String,
    pub loc: Loc,
    /// Number of literal units: more specific patterns win.
    pub weight: u32,
    /// Literal words the pattern needs: a sentence lacking one cannot match it.
    pub required: Vec<String>,
}

/// A verb form as matched: the verb word and the particles around it.
#[derive(Debug, Clone)]
pub(crate) struct FormRef {
    pub verb: u32,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// The participants' codes a role resolution gives: actor codes with their entry.
#[derive(Debug, Clone)]
pub(crate) struct ActorHit {
    pub code: String,
    pub loc: Loc,
}

/// Every dictionary and table the coder uses, compiled for matching.
pub struct Lexicon {
    pub(crate) verbs: VerbDictionary,
    actors: ActorDictionary,
    agents: AgentDictionary,
    pub(crate) actor_trie: Trie,
    pub(crate) agent_trie: Trie,
    discard_trie: Trie,
    /// Each discard's entry and whether it discards the whole story.
    discard_entries: Vec<(Loc, bool)>,
    /// Sentence discards that are a bare year (Phoenix lists 1914–2013): they mark events of
    /// that year as history (see [`Lexicon::is_historical_year`]).
    year_discards: FxHashSet<String>,
    forms: HashMap<String, Vec<FormRef>>,
    bases: HashMap<String, Vec<u32>>,
    pub(crate) patterns: Vec<Vec<CompiledPattern>>,
    /// Each synset's members (and their plurals), indexed by first word.
    pub(crate) synsets: Vec<HashMap<String, Vec<Vec<String>>>>,
    goldstein: Option<GoldsteinTable>,
    plover: Option<CameoToPlover>,
}

/// The dictionary parts a [`Lexicon`] is compiled from.
pub struct LexiconParts {
    /// Verb patterns.
    pub verbs: VerbDictionary,
    /// Actors, base files first and overlays last.
    pub actors: ActorDictionary,
    /// Agents.
    pub agents: AgentDictionary,
    /// Discards.
    pub discards: DiscardList,
    /// Goldstein scores, when available.
    pub goldstein: Option<GoldsteinTable>,
    /// CAMEO→PLOVER, when available.
    pub plover: Option<CameoToPlover>,
}

/// The overlay actor dictionary shipped with Tacitus (2015–2026 leaders, agencies, armed groups).
pub const OVERLAY: &str = include_str!("../../../dicts/Tacitus.overlay.actors.txt");

/// The overlay's file name as events cite it.
pub const OVERLAY_NAME: &str = "dicts/Tacitus.overlay.actors.txt";

/// The overlay verb dictionary shipped with Tacitus (news verbs CAMEO.2.0 lacks).
pub const VERB_OVERLAY: &str = include_str!("../../../dicts/Tacitus.overlay.verbs.txt");

/// The verb overlay's file name as events cite it.
pub const VERB_OVERLAY_NAME: &str = "dicts/Tacitus.overlay.verbs.txt";

/// The overlay agent dictionary shipped with Tacitus (role words Phoenix lacks).
pub const AGENT_OVERLAY: &str = include_str!("../../../dicts/Tacitus.overlay.agents.txt");

/// The agent overlay's file name as events cite it.
pub const AGENT_OVERLAY_NAME: &str = "dicts/Tacitus.overlay.agents.txt";

impl Lexicon {
    /// The Phoenix set (a folder of its files and the CAMEO→PLOVER table), plus the built-in
    /// overlay and any user overlays, loaded in that order.
    pub fn phoenix(
        cameo_dir: &Path,
        plover_table: &Path,
        overlays: &[&Path],
    ) -> Result<Lexicon, DictError> {
        let set = PhoenixSet::load_from(cameo_dir, plover_table)?;
        let mut verbs = set.verbs;
        verbs.extend(tacitus_dict::parse_verbs(VERB_OVERLAY, VERB_OVERLAY_NAME)?);
        let mut agents = set.agents;
        agents.extend(tacitus_dict::parse_agents(
            AGENT_OVERLAY,
            AGENT_OVERLAY_NAME,
        )?);
        let mut actors = set.actors;
        actors.extend(tacitus_dict::parse_actors(OVERLAY, OVERLAY_NAME)?);
        for path in overlays {
            actors.extend(tacitus_dict::load_actors(path)?);
        }
        Ok(Lexicon::compile(LexiconParts {
            verbs,
            actors,
            agents,
            discards: set.discards,
            goldstein: Some(set.goldstein),
            plover: Some(set.plover),
        }))
    }

    /// Compiles dictionaries into matchers.
    pub fn compile(parts: LexiconParts) -> Lexicon {
        let LexiconParts {
            verbs,
            actors,
            agents,
            discards,
            goldstein,
            plover,
        } = parts;
        let mut actor_trie = Trie::default();
        for (i, e) in actors.entries.iter().enumerate() {
            for n in &e.names {
                actor_trie.insert(&n.words, n.exact, i as u32);
            }
        }
        let mut agent_trie = Trie::with_endings(AGENT_ENDINGS);
        for (i, e) in agents.entries.iter().enumerate() {
            agent_trie.insert(
                &e.phrase.words,
                e.phrase.exact || e.marker.is_some(),
                i as u32,
            );
            if let Some(p) = &e.plural {
                agent_trie.insert(&p.words, true, i as u32);
            }
        }
        let mut discard_trie = Trie::default();
        let mut discard_entries = Vec::new();
        let mut year_discards = FxHashSet::default();
        for e in &discards.entries {
            if let [word] = e.phrase.words.as_slice()
                && e.scope == DiscardScope::Sentence
                && is_year(word)
            {
                year_discards.insert(word.clone());
                continue;
            }
            discard_trie.insert(
                &e.phrase.words,
                e.phrase.exact,
                discard_entries.len() as u32,
            );
            discard_entries.push((e.line.clone(), e.scope == DiscardScope::Story));
        }
        let mut forms: HashMap<String, Vec<FormRef>> = HashMap::default();
        let mut bases: HashMap<String, Vec<u32>> = HashMap::default();
        for (i, v) in verbs.verbs.iter().enumerate() {
            for f in &v.forms {
                add_form(&mut forms, i as u32, f);
            }
            bases.entry(v.base.verb.clone()).or_default().push(i as u32);
        }
        let synset_names: StdHashMap<&str, usize> = verbs
            .synsets
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.as_str(), i))
            .collect();
        let synsets = verbs
            .synsets
            .iter()
            .map(|s| {
                let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
                for m in &s.members {
                    for p in m.phrase.iter().chain(m.plural.iter()) {
                        // Words as the tokenizer gives them: `CEASE-FIRE` is three tokens.
                        let words = split_hyphens(&p.words);
                        if let Some(first) = words.first() {
                            by_first
                                .entry(first.clone())
                                .or_default()
                                .push(words.clone());
                        }
                    }
                }
                // Longest first, so a multi-word member wins over its first word.
                for alts in by_first.values_mut() {
                    alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
                }
                by_first
            })
            .collect();
        let mut patterns: Vec<Vec<CompiledPattern>> = vec![Vec::new(); verbs.families.len()];
        for p in &verbs.patterns {
            if !verbs.pattern_is_usable(p) {
                continue;
            }
            if let Some(list) = patterns.get_mut(p.family) {
                list.push(compile_pattern(p, &synset_names));
            }
        }
        // Files in the order they were loaded: an overlay's pattern wins over an equally
        // specific one of the files loaded before it.
        let mut files: Vec<&str> = Vec::new();
        for p in &verbs.patterns {
            if !files.contains(&&*p.line.file) {
                files.push(&p.line.file);
            }
        }
        let rank = |p: &CompiledPattern| files.iter().position(|f| **f == *p.loc.file);
        for list in &mut patterns {
            // Stable: among equally specific patterns of one file the first wins.
            list.sort_by_key(|p| (std::cmp::Reverse(p.weight), std::cmp::Reverse(rank(p))));
        }
        Lexicon {
            verbs,
            actors,
            agents,
            actor_trie,
            agent_trie,
            discard_trie,
            discard_entries,
            year_discards,
            forms,
            bases,
            patterns,
            synsets,
            goldstein,
            plover,
        }
    }

    /// Verb forms whose verb word is `word` (upper case).
    pub(crate) fn forms(&self, word: &str) -> &[FormRef] {
        self.forms.get(word).map_or(&[], Vec::as_slice)
    }

    /// Verbs whose base form is `lemma` (upper case).
    pub(crate) fn bases(&self, lemma: &str) -> &[u32] {
        self.bases.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// The actor codes of entry `i` on `date` (with no date: open-ended or default roles,
    /// else the last role listed), with the entry's location.
    pub(crate) fn actor_codes(&self, i: u32, date: Option<Date>) -> Vec<ActorHit> {
        let Some(e) = self.actors.entries.get(i as usize) else {
            return Vec::new();
        };
        let codes: Vec<&ActorCode> = match date {
            Some(d) => e.codes_on(d),
            None => {
                let open: Vec<&ActorCode> = e
                    .codes
                    .iter()
                    .filter(|(_, r)| matches!(r, DateRange::After(_)))
                    .map(|(c, _)| c)
                    .collect();
                let defaults: Vec<&ActorCode> = e
                    .codes
                    .iter()
                    .filter(|(_, r)| r.is_always())
                    .map(|(c, _)| c)
                    .collect();
                if !open.is_empty() {
                    open
                } else if !defaults.is_empty() {
                    defaults
                } else {
                    e.codes.last().map(|(c, _)| c).into_iter().collect()
                }
            }
        };
        codes
            .into_iter()
            .filter(|c| !c.is_null())
            .map(|c| ActorHit {
                code: c.as_str().to_string(),
                loc: e.line.clone(),
            })
            .collect()
    }

    /// Whether actor entry `i` is null-coded (`[---]`): a name that blocks coding.
    pub(crate) fn actor_is_null(&self, i: u32) -> bool {
        self.actors
            .entries
            .get(i as usize)
            .is_some_and(|e| e.codes.is_empty() || e.codes.iter().all(|(c, _)| c.is_null()))
    }

    /// The agent code of agent entry `i`, with its location.
    pub(crate) fn agent(&self, i: u32) -> Option<(&AgentCode, &Loc)> {
        self.agents
            .entries
            .get(i as usize)
            .map(|e| (&e.code, &e.line))
    }

    /// A discard phrase in `tokens` (a story discard first), with whether it discards the
    /// whole story.
    pub(crate) fn discard(&self, tokens: &[&str]) -> Option<(bool, &Loc)> {
        let mut found: Option<(bool, &Loc)> = None;
        for f in self.discard_trie.scan(tokens) {
            for &v in &f.values {
                let Some((loc, story)) = self.discard_entries.get(v as usize) else {
                    continue;
                };
                if *story {
                    return Some((true, loc));
                }
                found.get_or_insert((false, loc));
            }
        }
        found
    }

    /// Whether the discards list `word` (`1997`) as a bare year.
    ///
    /// Phoenix discards every sentence that names one of the years 1914–2013, to keep
    /// retrospective reporting out; news names years in passing (*countries that joined the
    /// alliance after 1997*), so Tacitus drops only the events whose own verb is dated to such
    /// a year (*attacked Iran in 1997*).
    pub(crate) fn is_historical_year(&self, word: &str) -> bool {
        self.year_discards.contains(word)
    }

    /// The Goldstein score of a code (falling back to its base and root).
    pub(crate) fn goldstein(&self, code: &EventCode) -> Option<f32> {
        self.goldstein.as_ref().and_then(|g| g.score(code))
    }

    /// The PLOVER event type of a CAMEO code written as text (`"190"` → `ASSAULT`).
    pub fn plover_event(&self, code: &str) -> Option<String> {
        EventCode::parse(code).and_then(|c| self.plover(&c).0)
    }

    /// The PLOVER event and mode of a CAMEO code.
    pub(crate) fn plover(&self, code: &EventCode) -> (Option<String>, Option<String>) {
        match self.plover.as_ref().and_then(|p| p.get(code)) {
            Some(m) => (Some(m.event.clone()), m.mode.clone()),
            None => (None, None),
        }
    }
}

fn add_form(forms: &mut HashMap<String, Vec<FormRef>>, verb: u32, f: &VerbForm) {
    let list = forms.entry(f.verb.clone()).or_default();
    if !list
        .iter()
        .any(|r| r.verb == verb && r.before == f.before && r.after == f.after)
    {
        list.push(FormRef {
            verb,
            before: f.before.clone(),
            after: f.after.clone(),
        });
    }
}

fn compile_pattern(p: &Pattern, synsets: &StdHashMap<&str, usize>) -> CompiledPattern {
    let mut weight = 0;
    let before = compile_elements(&p.before, synsets, &mut weight);
    let after = compile_elements(&p.after, synsets, &mut weight);
    let mut required = Vec::new();
    literal_words(&before, &mut required);
    literal_words(&after, &mut required);
    CompiledPattern {
        before,
        after,
        required,
        code: p.code.clone(),
        text: pattern_text(p),
        loc: p.line.clone(),
        weight,
    }
}

/// The literal words of elements (not those inside synsets).
fn literal_words(els: &[Element], out: &mut Vec<String>) {
    for e in els {
        match e {
            Element::Seq(units) => out.extend(units.iter().filter_map(|u| match u {
                Unit::Word(w) => Some(w.clone()),
                Unit::Synset(_) => None,
            })),
            Element::Prep { prep, objects } => {
                if let Unit::Word(w) = prep {
                    out.push(w.clone());
                }
                literal_words(objects, out);
            }
            _ => {}
        }
    }
}

/// The units of a pattern term: a hyphenated word becomes its parts and hyphens, as the
/// tokenizer splits it.
fn compile_units(t: &PatternTerm, synsets: &StdHashMap<&str, usize>) -> Vec<Unit> {
    match t {
        PatternTerm::Word(w) => split_hyphens(std::slice::from_ref(w))
            .into_iter()
            .map(Unit::Word)
            .collect(),
        PatternTerm::Synset(s) => vec![
            synsets
                .get(s.as_str())
                .map_or_else(|| Unit::Word(format!("&{s}")), |&i| Unit::Synset(i)),
        ],
    }
}

fn compile_elements(
    els: &[PatternElement],
    synsets: &StdHashMap<&str, usize>,
    weight: &mut u32,
) -> Vec<Element> {
    let mut out = Vec::new();
    for e in els {
        match e {
            PatternElement::Term(t) => {
                *weight += 2;
                out.push(Element::Seq(compile_units(t, synsets)));
            }
            PatternElement::Phrase(ts) => {
                *weight += 2 * ts.len() as u32;
                out.push(Element::Seq(
                    ts.iter().flat_map(|t| compile_units(t, synsets)).collect(),
                ));
            }
            PatternElement::Prep { prep, objects } => {
                *weight += 2;
                // A preposition is one word; a hyphenated one keeps its first part.
                let prep = compile_units(prep, synsets).swap_remove(0);
                out.push(Element::Prep {
                    prep,
                    objects: compile_elements(objects, synsets, weight),
                });
            }
            PatternElement::Source => {
                *weight += 1;
                out.push(Element::Source);
            }
            PatternElement::Target => {
                *weight += 1;
                out.push(Element::Target);
            }
            PatternElement::Compound => {
                *weight += 1;
                out.push(Element::Compound);
            }
            PatternElement::Skip => out.push(Element::Skip),
        }
    }
    out
}

/// The pattern as written, for the event's `rule`.
fn pattern_text(p: &Pattern) -> String {
    fn term(t: &PatternTerm) -> String {
        match t {
            PatternTerm::Word(w) => w.clone(),
            PatternTerm::Synset(s) => format!("&{s}"),
        }
    }
    fn els(e: &[PatternElement]) -> Vec<String> {
        e.iter()
            .map(|e| match e {
                PatternElement::Term(t) => term(t),
                PatternElement::Phrase(ts) => {
                    format!("{{{}}}", ts.iter().map(term).collect::<Vec<_>>().join(" "))
                }
                PatternElement::Prep { prep, objects } => {
                    let mut s = format!("({}", term(prep));
                    for o in els(objects) {
                        s.push(' ');
                        s.push_str(&o);
                    }
                    s.push(')');
                    s
                }
                PatternElement::Source => "$".into(),
                PatternElement::Target => "+".into(),
                PatternElement::Skip => "^".into(),
                PatternElement::Compound => "%".into(),
            })
            .collect()
    }
    let mut parts = els(&p.before);
    parts.push("*".into());
    parts.extend(els(&p.after));
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlay_pattern_wins_over_an_equally_specific_base_one() {
        let mut verbs = tacitus_dict::parse_verbs(
            "--- FIGHT [190] ---\nFIGHT\nATTACK\n- * PLANE [---]\n- * TANK [193]\n",
            "base.verbs",
        )
        .unwrap();
        verbs.extend(
            tacitus_dict::parse_verbs(
                "--- ATTACK [---] ---\nATTACK\n- * PLANE [190]\n",
                "overlay.verbs",
            )
            .unwrap(),
        );
        let lex = Lexicon::compile(LexiconParts {
            verbs,
            actors: Default::default(),
            agents: Default::default(),
            discards: Default::default(),
            goldstein: None,
            plover: None,
        });
        let order: Vec<(&str, u32)> = lex.patterns[0]
            .iter()
            .map(|p| (&*p.loc.file, p.loc.line))
            .collect();
        assert_eq!(
            order,
            [("overlay.verbs", 3), ("base.verbs", 4), ("base.verbs", 5)]
        );
    }

    #[test]
    fn the_built_in_overlays_read_cleanly() {
        let verbs = tacitus_dict::parse_verbs(VERB_OVERLAY, VERB_OVERLAY_NAME).unwrap();
        assert!(verbs.warnings.is_empty(), "{:?}", verbs.warnings);
        let bases: Vec<&str> = verbs.verbs.iter().map(|v| v.base.verb.as_str()).collect();
        assert!(
            bases.contains(&"URGE") && bases.contains(&"SANCTION"),
            "{bases:?}"
        );
        let actors = tacitus_dict::parse_actors(OVERLAY, OVERLAY_NAME).unwrap();
        assert!(actors.warnings.is_empty(), "{:?}", actors.warnings);
        let agents = tacitus_dict::parse_agents(AGENT_OVERLAY, AGENT_OVERLAY_NAME).unwrap();
        assert!(agents.warnings.is_empty(), "{:?}", agents.warnings);
        assert!(
            agents
                .entries
                .iter()
                .any(|a| a.phrase.words == ["OFFICIAL"])
        );
    }
}
