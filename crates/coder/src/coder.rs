//! Coding one sentence: find the dictionary verbs, their source and target actors in the tree,
//! the pattern that fits, and whether the event is negated, hedged or reported.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use tacitus_dict::{EventCode, VerbCode};

use crate::complement;
use crate::domestic;
use crate::event::Citation;
use crate::lexicon::Lexicon;
use crate::mentions::{self, Mention, UNKNOWN_COUNTRY, conjuncts};
use crate::pattern::{Binding, Context};
use crate::refine;
use crate::tree::Tree;

/// Switches that change what counts as an event (PETRARCH's `<Config>` options).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Code an event only when both source and target are known (PETRARCH default: true).
    pub require_dyad: bool,
    /// Code an act announced for the future ("will visit") as the intention to do it (036),
    /// as the CAMEO manual does, rather than as the act, as PETRARCH-2 does.
    pub future_intent: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            require_dyad: true,
            future_intent: true,
        }
    }
}

/// An event found in one sentence, in terms of the sentence's words and mentions.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub source: Option<usize>,
    pub target: Option<usize>,
    pub source_via: Option<Via>,
    pub target_via: Option<Via>,
    /// The verb word and the particles matched with it.
    pub verb_words: Vec<usize>,
    pub code: EventCode,
    pub verb_cite: Citation,
    pub pattern_cite: Option<Citation>,
    /// The words the pattern's literal elements matched.
    pub pattern_words: Vec<usize>,
    pub negated: bool,
    pub modality: Option<String>,
    pub reported_by: Option<usize>,
    /// The verb word.
    pub at: usize,
    /// The other verb's entry when a governing verb and its complement are one event.
    pub complement_cite: Option<Citation>,
    /// Whether this is the other side of a paired or mutual code (target → source).
    pub paired: bool,
    /// The code-book rule that recoded the verb's code by who the actors are.
    pub refinement: Option<Citation>,
    /// The target when no actor is named: the state's own people, for an act a state does at
    /// home (see [`domestic::home_target`]).
    pub home_target: Option<Mention>,
}

impl Found {
    /// The target's mention: the named actor, else the state's own people.
    pub fn target_mention<'m>(&'m self, mentions: &'m [Mention]) -> Option<&'m Mention> {
        self.target
            .and_then(|m| mentions.get(m))
            .or(self.home_target.as_ref())
    }
}

/// How a participant of an event was found, as its `rule` records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// The verb's subject.
    Subject,
    /// The subject of a passive verb (the one acted upon).
    PassiveSubject,
    /// The *by*-phrase of a passive verb.
    ByPhrase,
    /// The verb's object.
    Object,
    /// The object of the conjoined verb before ("condemned and attacked Gondor").
    SharedObject,
    /// The first actor after the verb in its clause.
    ActorAfterVerb,
    /// The subject of the verb this one is conjoined to.
    ConjunctSubject,
    /// The controller of an infinitive: the object ("urged Bree to help") or the subject.
    Controller,
    /// The noun a relative or participial clause modifies.
    ModifiedNoun,
    /// The subject of the verb an adverbial clause depends on.
    GoverningSubject,
    /// A pronoun's antecedent, the subject of a verb above it.
    PronounAntecedent,
    /// The last actor before the verb outside a prepositional phrase (no subject in the tree).
    PrecedingActor,
    /// A `$` in the pattern.
    PatternSource,
    /// A `+` in the pattern.
    PatternTarget,
    /// Another conjunct of a compound source ("Grenada and Egypt signed ...").
    Conjunct,
    /// The actor the complement names, for a governing verb that names none: who is asked to
    /// act (*demanded that Israel free the prisoners*) or whom the act would strike
    /// (*rejected calls to attack Israel*).
    Complement,
    /// The actor next to the verb in a verbless parse (TABARI-style fallback).
    Adjacent,
}

/// Mentions found for one side of a verb, and how.
struct Side {
    mentions: Vec<usize>,
    via: Via,
}

impl Side {
    fn new(mentions: Vec<usize>, via: Via) -> Side {
        Side { mentions, via }
    }

    /// The side, its `via` replaced by `to` when it is `from`.
    fn with_via(self, from: Via, to: Via) -> Side {
        let via = if self.via == from { to } else { self.via };
        Side { via, ..self }
    }
}

/// Verbs that report speech: their clausal complement is what was said, coded on its own.
const SPEECH: &[&str] = &[
    "SAY",
    "TELL",
    "CLAIM",
    "STATE",
    "REPORT",
    "ANNOUNCE",
    "ADD",
    "NOTE",
    "INSIST",
    "ALLEGE",
    "ASSERT",
    "DECLARE",
    "CONFIRM",
    "EXPLAIN",
    "WRITE",
    "TWEET",
    "POST",
    "QUOTE",
    "ACKNOWLEDGE",
];

/// Governing verbs that make the event in their complement not (yet) a fact.
const MODAL_GOVERNORS: &[&str] = &[
    "THREATEN", "PLAN", "INTEND", "WANT", "SEEK", "PROMISE", "VOW", "HOPE", "EXPECT", "PLEDGE",
    "PREPARE", "CONSIDER", "PROPOSE", "OFFER", "AIM", "TRY", "ATTEMPT", "REFUSE", "DECIDE",
    // Adjectives of readiness ("was ready to resume negotiations").
    "READY", "WILLING", "PREPARED",
];

const MODAL_AUX: &[&str] = &[
    "MAY", "MIGHT", "COULD", "WOULD", "SHOULD", "WILL", "CAN", "MUST", "SHALL",
];

/// Relations whose subtrees are separate clauses wherever they occur.
pub(crate) fn is_clause_rel(rel: &str) -> bool {
    matches!(
        rel,
        "advcl"
            | "parataxis"
            | "acl:relcl"
            | "csubj"
            | "csubj:pass"
            | "punct"
            | "list"
            | "reparandum"
    )
}

/// Relations of a verb's own dependents that are not part of what it does to whom.
fn is_frame_rel(rel: &str) -> bool {
    matches!(
        rel,
        "conj"
            | "nsubj"
            | "nsubj:pass"
            | "expl"
            | "aux"
            | "aux:pass"
            | "cop"
            | "mark"
            | "cc"
            | "discourse"
            | "vocative"
            | "dep"
    )
}

/// A verb being coded: where it is, its dictionary entry, and the sentence's spellings.
struct Verb<'a> {
    at: usize,
    hit: &'a VerbHit,
    vocabulary: &'a FxHashSet<&'a str>,
}

/// A dictionary verb matched at a word.
struct VerbHit {
    verb: u32,
    words: Vec<usize>,
}

/// Light verbs, whose object carries the meaning (*took office*, *gave a speech*, *made
/// progress*, *held talks*): without a pattern naming that object they name no event, since
/// the code their family would give them belongs to the family's head verb (*take* is in
/// CAMEO.2.0's APPREHEND family, 171; *give* in GRANT, 060).
const LIGHT_VERBS: &[&str] = &["TAKE", "MAKE", "GIVE", "HAVE", "GET", "HOLD", "KEEP", "PUT"];

/// Codes every event of one sentence.
pub(crate) fn code_sentence(
    lex: &Lexicon,
    tree: &Tree<'_>,
    mentions: &[Mention],
    options: Options,
) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    if mentions.is_empty() {
        return out;
    }
    let dyads = options.require_dyad;
    let options = Options {
        require_dyad: false,
        ..options
    };
    // Every spelling in the sentence, so patterns needing an absent word are skipped unseen.
    let mut vocabulary: FxHashSet<&str> = FxHashSet::default();
    for (&form, &lemma) in tree.upper.iter().zip(&tree.lemma) {
        vocabulary.insert(form);
        vocabulary.insert(lemma);
        for suffix in ["S", "ES"] {
            if let Some(stem) = form.strip_suffix(suffix) {
                vocabulary.insert(stem);
            }
        }
    }
    for i in 0..tree.len() {
        if tree.upos(i) != "VERB" {
            continue;
        }
        // An infinitive modifying a noun names no fact: "calls to release a tourist", "the
        // decision to withdraw"; nor does a participle used as an adjective ("the planned
        // burning of a Koran").
        if (tree.rel(i) == "acl" && is_infinitive(tree, i))
            || tree.rel(i) == "amod"
            || names_no_fact(tree, i)
            || is_history(lex, tree, i)
        {
            continue;
        }
        let Some(hit) = verb_at(lex, tree, i) else {
            continue;
        };
        let verb = Verb {
            at: i,
            hit: &hit,
            vocabulary: &vocabulary,
        };
        let clause = tree_clause(tree, mentions, i, &hit);
        code_verb(lex, tree, mentions, options, &verb, clause, &mut out);
    }
    join_complements(lex, tree, mentions, &mut out);
    if options.future_intent {
        announce(&mut out);
    }
    // Only where the parser found no verb at all: otherwise a plural noun ("Israeli attacks on
    // Iran were reported") would be read as a verb.
    if (0..tree.len()).all(|i| tree.upos(i) != "VERB") {
        for i in 0..tree.len() {
            let finite = looks_finite(tree.upper[i]) || plural_agreement(tree, i);
            if !matches!(tree.upos(i), "NOUN" | "PROPN" | "ADJ")
                || !finite
                || is_history(lex, tree, i)
            {
                continue;
            }
            let Some(hit) = verb_by_form(lex, tree, i) else {
                continue;
            };
            let Some(clause) = shallow_clause(tree, mentions, i) else {
                continue;
            };
            let verb = Verb {
                at: i,
                hit: &hit,
                vocabulary: &vocabulary,
            };
            code_verb(lex, tree, mentions, options, &verb, clause, &mut out);
        }
    }
    refine::recode(tree, &mut out, mentions);
    for f in out.iter_mut().filter(|f| f.target.is_none()) {
        f.home_target = domestic::home_target(tree, mentions, f);
    }
    statement_topics(tree, mentions, &mut out);
    if dyads {
        out.retain(|f| f.source.is_some() && f.target_mention(mentions).is_some());
    }
    out
}

/// A statement whose *that*-clause names no event is about the actor that clause names:
/// *Kishida said he was confident that relations with South Korea were heading in a healthy
/// direction* is Japan's statement about South Korea (JPN→KOR 010), where *X said Y attacked
/// Z* is Y's attack, reported by X, and *X said Y attacked* reports Y's act (an event of the
/// clause's own verb, or of an infinitive it controls, blocks the statement even when
/// one-sided), and so does the act a participle of speech explains (*North Korea dismissed
/// talks with the United States, saying Washington's hopes would bring disappointment*). The speaker's own state is
/// not what it talks about (*Pandor said that Pretoria shared Namibia's view*: ZAF→NAM), and
/// another country comes before the speaker's own people (*Petro said peace talks with the
/// ELN rebels would produce a ceasefire*: COLGOV→COLREB only where no other is named); the
/// media, legislatures and agents of no country are not what a statement is about, and a
/// speaker of no known country (*the Interior Ministry said*) makes no statement worth coding.
fn statement_topics(tree: &Tree<'_>, mentions: &[Mention], out: &mut [Found]) {
    for x in 0..out.len() {
        let f = &out[x];
        let Some(source) = f.source else { continue };
        if f.target_mention(mentions).is_some()
            || f.code.root() != "01"
            || !SPEECH.contains(&tree.lemma[f.at])
        {
            continue;
        }
        let Some(home) = mentions::actor_country(&mentions[source].code) else {
            continue;
        };
        // The clause's own verb and the infinitives it controls ("is about to restore ties").
        let mut heads: Vec<usize> = tree.children_rel(f.at, "ccomp").collect();
        let mut k = 0;
        while k < heads.len() {
            heads.extend(tree.children_rel(heads[k], "xcomp"));
            k += 1;
        }
        let said: Vec<usize> = heads
            .iter()
            .flat_map(|&c| tree.subtree_without(c, &|_| false))
            .collect();
        let dyadic = |g: &Found| g.source.is_some() && g.target_mention(mentions).is_some();
        // "X dismissed talks with Y, saying ...": what was said explains the act already coded.
        let explains =
            tree.head[f.at].filter(|_| matches!(tree.rel(f.at), "advcl" | "conj" | "parataxis"));
        let reported = out.iter().any(|g| {
            heads.contains(&g.at)
                || (said.contains(&g.at) && dyadic(g))
                || (Some(g.at) == explains && dyadic(g))
        });
        if reported {
            continue;
        }
        let topics: Vec<usize> = (0..mentions.len())
            .filter(|&m| said.contains(&mentions[m].head))
            .filter(|&m| {
                let code = mentions[m].code.as_str();
                !is_audience(code)
                    && !code.starts_with(UNKNOWN_COUNTRY)
                    && domestic::state_country(code) != Some(home)
            })
            .collect();
        let abroad = topics
            .iter()
            .find(|&&m| mentions::actor_country(&mentions[m].code) != Some(home));
        if let Some(&m) = abroad.or(topics.first()) {
            out[x].target = Some(m);
            out[x].target_via = Some(Via::Complement);
        }
    }
}

/// Whether verb `i` is dated to a year the discards list as history (*attacked Iran in 1997*).
fn is_history(lex: &Lexicon, tree: &Tree<'_>, i: usize) -> bool {
    tree.year_of(i).is_some_and(|y| lex.is_historical_year(y))
}

/// Verbs of stopping, whose gerund names what stops (*stop bombing*, *ceased firing*).
const CESSATION: &[&str] = &[
    "STOP",
    "CEASE",
    "HALT",
    "END",
    "QUIT",
    "SUSPEND",
    "DISCONTINUE",
];

/// Whether verb `i` names nothing that happened: it is in a condition (*if*, *unless*), or
/// conjoined or infinitive under one (*would respond with force if drones again violated its
/// airspace* reports no violation), or is a subjectless participle of comparison (*as expected
/// by economists*, *as agreed*).
fn names_no_fact(tree: &Tree<'_>, i: usize) -> bool {
    // What is stopped is not done: *called on Israel to stop bombing civilians*.
    let stopped = tree.words[i].xpos == "VBG"
        && tree.rel(i) == "xcomp"
        && tree.head[i].is_some_and(|h| CESSATION.contains(&tree.lemma[h]));
    if stopped {
        return true;
    }
    let comparison = tree.words[i].xpos == "VBN"
        && tree.children_rel(i, "mark").any(|m| tree.upper[m] == "AS")
        && !tree.children[i]
            .iter()
            .any(|&c| tree.base_rel(c) == "nsubj");
    if comparison {
        return true;
    }
    let conditional = |w: usize| {
        tree.children_rel(w, "mark")
            .any(|m| matches!(tree.upper[m], "IF" | "UNLESS"))
    };
    let mut v = i;
    for _ in 0..tree.len() {
        // The parser sometimes hangs the *if* from the clause's subject: "if South Korean
        // drones again violated its airspace".
        let marked = conditional(v) || tree.children_rel(v, "nsubj").any(conditional);
        if marked {
            return true;
        }
        match tree.head[v] {
            Some(h) if matches!(tree.base_rel(v), "conj" | "xcomp") => v = h,
            _ => return false,
        }
    }
    false
}

/// Makes a governing verb of intent, appeal, demand, refusal or threat and its complement's
/// event one event (see [`complement`]): the complement's event refines the governing event's
/// code and is dropped; under a refusal with no event of its own, it becomes the rejection.
/// What a disapproval's or a court's *of* clause (a disapproval's *for* clause) names is the
/// charge, not an event (*accused Kyiv of supporting armed groups*, *convicted of killing*,
/// *criticised Hungary for blocking aid*).
fn join_complements(lex: &Lexicon, tree: &Tree<'_>, mentions: &[Mention], out: &mut Vec<Found>) {
    let mut dropped = vec![false; out.len()];
    for x in 0..out.len() {
        let Some(h) = tree.head[out[x].at] else {
            continue;
        };
        let rel = tree.rel(out[x].at);
        // The accusing verb: the head of the *of* clause, or the verb whose object the parser
        // hung it from (*accused the Rapid Support Forces of killing civilians*).
        let accuser = match rel {
            "advcl" => Some(h),
            "acl" if tree.rel(h) == "obj" => tree.head[h],
            _ => None,
        };
        let charge = accuser.is_some_and(|a| {
            let marked = |m: &str| {
                tree.children[out[x].at]
                    .iter()
                    .any(|&c| tree.rel(c) == "mark" && tree.upper[c] == m)
            };
            let disapproval = out.iter().any(|g| g.at == a && g.code.root() == "11");
            (marked("OF") && (disapproval || JUDGE.contains(&tree.lemma[a])))
                || (marked("FOR") && disapproval)
        });
        if charge {
            dropped[x] = true;
            continue;
        }
        let infinitive = is_infinitive(tree, out[x].at);
        // A governing verb's pattern met only inside the complement describes the complement
        // (*demanded that Israel free prisoners held in its jails* is no demand for detention
        // by `* &DETENTION`): the verb governs with its own code.
        let subject = tree.children_rel(out[x].at, "nsubj").next().is_some();
        for g in 0..out.len() {
            let inside = subject
                && !out[g].pattern_words.is_empty()
                && out[g]
                    .pattern_words
                    .iter()
                    .all(|&w| w != out[x].at && tree.dominates(out[x].at, w));
            if out[g].at != h || dropped[g] || !inside {
                continue;
            }
            let entry =
                verb_at(lex, tree, h).and_then(|hit| lex.verbs.verbs.get(hit.verb as usize));
            let own = entry.and_then(|e| e.code.forward.clone());
            let own = own.filter(|c| {
                complement::governs(c, rel, infinitive) && c.root() != out[g].code.root()
            });
            if let Some(own) = own {
                out[g].code = own;
                out[g].pattern_cite = None;
                out[g].pattern_words.clear();
            }
        }
        let (content, cite) = (out[x].code.clone(), out[x].verb_cite.clone());
        let mut governed = false;
        for g in 0..out.len() {
            if out[g].at != h || dropped[g] || !complement::governs(&out[g].code, rel, infinitive) {
                continue;
            }
            governed = true;
            if out[g].target.is_none() {
                let code = |m: Option<usize>| m.map(|m| mentions[m].code.as_str());
                let governor = code(out[g].source);
                let (source, target) = (out[x].source, out[x].target);
                let named = if source.is_some() && code(source) != governor {
                    source
                } else {
                    target
                };
                out[g].target = named.filter(|&m| Some(mentions[m].code.as_str()) != governor);
                out[g].target_via = out[g].target.map(|_| Via::Complement);
            }
            let code = complement::combine(&out[g].code, &content);
            if code != out[g].code {
                out[g].code = code;
                out[g].complement_cite = Some(cite.clone());
            }
        }
        if governed {
            dropped[x] = true;
            continue;
        }
        let refusal = (rel == "xcomp" || (rel == "advcl" && infinitive))
            && complement::REFUSE.contains(&tree.lemma[h]);
        // A refusal coded by a pattern of its own (*declined to comment* 011) already says what
        // was refused: what it refused did not happen, and whom it concerned is the refusal's
        // target when it names none (*declined to comment on the detention of a Taiwanese
        // businessman*).
        if refusal && out.iter().any(|f| f.at == h) {
            let concerned = out[x].target;
            for f in out.iter_mut().filter(|f| f.at == h && f.target.is_none()) {
                f.target = concerned.filter(|&t| Some(t) != f.source);
                f.target_via = f.target.map(|_| Via::Complement);
            }
            dropped[x] = true;
            continue;
        }
        if let Some(code) = refusal.then(|| complement::refusal(&content)).flatten() {
            // Only the refuser refuses: not the other side of a paired code.
            let refuser = arguments(tree, mentions, h, is_passive(tree, h)).0.mentions;
            if out[x].source.is_none_or(|s| !refuser.contains(&s)) {
                dropped[x] = true;
                continue;
            }
            let entry =
                verb_at(lex, tree, h).and_then(|hit| lex.verbs.verbs.get(hit.verb as usize));
            out[x].complement_cite = entry.map(|e| Citation {
                entry: verb_text(e),
                at: e.line.to_string(),
            });
            out[x].code = code;
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
}

/// Modalities of an act said to be coming: *will*, *would*, *shall*, the governing verbs of
/// plans and promises, and readiness (*ready to resume negotiations*).
const ANNOUNCING: &[&str] = &[
    "will", "would", "shall", "plan", "intend", "promise", "vow", "pledge", "ready", "willing",
    "prepared",
];

/// Acts a sentence says will happen are announced, not done: an intention to do them (*will
/// visit Serbia* 036), a threat where they are force or sanctions (*would respond with force*
/// 138x). The other side of a paired code did nothing yet.
fn announce(out: &mut Vec<Found>) {
    let intent = |f: &Found| {
        let future = f
            .modality
            .as_deref()
            .is_some_and(|m| ANNOUNCING.contains(&m));
        future.then(|| complement::announced(&f.code)).flatten()
    };
    out.retain(|f| !(f.paired && intent(f).is_some()));
    for f in out.iter_mut() {
        if let Some(code) = intent(f) {
            f.code = code;
        }
    }
}

/// The longest dictionary verb at word `i`, by form or by lemma (the form on a tie), so that a
/// multi-word verb listed by its base form (`+SEND_MILITARY_AID`) is found under *sent*.
fn verb_at(lex: &Lexicon, tree: &Tree<'_>, i: usize) -> Option<VerbHit> {
    let mut best = verb_by_form(lex, tree, i);
    for &v in lex.bases(tree.lemma[i]) {
        if let Some(e) = lex.verbs.verbs.get(v as usize) {
            consider(tree, i, &mut best, v, &e.base.before, &e.base.after);
        }
    }
    best
}

/// The longest dictionary verb form written as word `i`.
fn verb_by_form(lex: &Lexicon, tree: &Tree<'_>, i: usize) -> Option<VerbHit> {
    let mut best: Option<VerbHit> = None;
    for f in lex.forms(tree.upper[i]) {
        consider(tree, i, &mut best, f.verb, &f.before, &f.after);
    }
    best
}

/// Keeps verb `verb` as `best` if its particles are there and it is longer.
fn consider(
    tree: &Tree<'_>,
    i: usize,
    best: &mut Option<VerbHit>,
    verb: u32,
    before: &[String],
    after: &[String],
) {
    let Some(words) = particles(tree, i, before, after) else {
        return;
    };
    if best.as_ref().is_none_or(|b| words.len() > b.words.len()) {
        *best = Some(VerbHit { verb, words });
    }
}

/// Whether a word looks like a finite verb of a headline (`visits`, `attacked`).
fn looks_finite(form: &str) -> bool {
    form.len() > 3 && (form.ends_with('S') || form.ends_with("ED"))
}

/// Whether word `i` may be a headline's bare present tense after a name or plural noun
/// (*Taliban announce ceasefire*, *Rebels seize town*): lower case, after a noun or name, not
/// after an adjective (*Israeli attack on Gaza* is a noun).
fn plural_agreement(tree: &Tree<'_>, i: usize) -> bool {
    i > 0
        && matches!(tree.upos(i - 1), "NOUN" | "PROPN")
        && tree.words[i].form.chars().all(|c| c.is_lowercase())
}

/// Particles that follow a verb's object as often as they precede it (*pulled its troops out
/// of*, *handed the suspects over to*).
const ADVERB_PARTICLES: &[&str] = &["OUT", "OFF", "UP", "DOWN", "AWAY", "BACK", "OVER"];

/// The words of a multi-word verb around word `i`: `before` immediately precedes it, `after`
/// follows in order within the next few words (a preposition not past the verb's object);
/// `None` when they are not there.
fn particles(tree: &Tree<'_>, i: usize, before: &[String], after: &[String]) -> Option<Vec<usize>> {
    let mut words = Vec::with_capacity(1 + before.len() + after.len());
    if before.len() > i {
        return None;
    }
    for (k, w) in before.iter().enumerate() {
        let j = i - before.len() + k;
        if tree.upper[j] != w {
            return None;
        }
        words.push(j);
    }
    words.push(i);
    let mut j = i + 1;
    for w in after {
        let limit = (j + 4).min(tree.len());
        // A preposition past the verb's object opens a phrase of its own, not a particle
        // (*gave a campaign speech in Nara* is no *give in*; *met on Wednesday with* is
        // *meet with*).
        let past_object = |k: usize| {
            tree.rel(k) == "case"
                && !ADVERB_PARTICLES.contains(&tree.upper[k])
                && tree
                    .children_rel(i, "obj")
                    .any(|o| !tree.is_time(o) && (j..k).any(|w| tree.dominates(o, w)))
        };
        let found = (j..limit).find(|&k| tree.upper[k] == w && !past_object(k))?;
        words.push(found);
        j = found + 1;
    }
    Some(words)
}

/// The words and arguments a verb is coded from.
struct Clause {
    /// Words before the verb that pre-verb patterns see.
    pre: Vec<usize>,
    /// Words after the verb that patterns see.
    post: Vec<usize>,
    /// Mentions of who acts.
    agent_side: Side,
    /// Mentions of whom it is done to.
    patient_side: Side,
}

/// The clause of verb `i` as the tree gives it.
fn tree_clause(tree: &Tree<'_>, mentions: &[Mention], i: usize, hit: &VerbHit) -> Clause {
    let passive = is_passive(tree, i);
    let speech = SPEECH.contains(&tree.lemma[i]);
    let region = tree.subtree_without(i, &|c| {
        let r = tree.rel(c);
        is_clause_rel(r)
            || (tree.head[c] == Some(i) && (is_frame_rel(r) || (speech && r == "ccomp")))
            || (tree.head[c] != Some(i) && r == "ccomp")
    });
    let post: Vec<usize> = region
        .iter()
        .copied()
        .filter(|&t| t > i && !hit.words.contains(&t))
        .collect();
    let pre: Vec<usize> = tree
        .subtree_without(i, &|c| {
            let r = tree.rel(c);
            is_clause_rel(r)
                || (tree.head[c] == Some(i) && r != "nsubj" && r != "nsubj:pass" && is_frame_rel(r))
        })
        .into_iter()
        .filter(|&t| t < i && !hit.words.contains(&t))
        .collect();
    let (agent_side, patient_side) = arguments(tree, mentions, i, passive);
    Clause {
        pre,
        post,
        agent_side,
        patient_side,
    }
}

/// For a sentence the parser gave no usable verb (headline style, "X leader visits Y" tagged
/// as nouns): a dictionary verb form between two actors, coded TABARI-style from the words
/// around it, the actor just before as source and the first after as target.
fn shallow_clause(tree: &Tree<'_>, mentions: &[Mention], i: usize) -> Option<Clause> {
    let before = mentions
        .iter()
        .rposition(|m| m.last < i && i - m.last <= 1)?;
    let after = mentions.iter().position(|m| m.first > i)?;
    let post: Vec<usize> = (i + 1..tree.len())
        .filter(|&t| tree.upos(t) != "PUNCT")
        .collect();
    Some(Clause {
        pre: (0..i).collect(),
        post,
        agent_side: Side::new(
            with_conjunct_mentions(tree, mentions, before),
            Via::Adjacent,
        ),
        patient_side: Side::new(with_conjunct_mentions(tree, mentions, after), Via::Adjacent),
    })
}

fn code_verb(
    lex: &Lexicon,
    tree: &Tree<'_>,
    mentions: &[Mention],
    options: Options,
    verb: &Verb<'_>,
    clause: Clause,
    out: &mut Vec<Found>,
) {
    let (i, hit) = (verb.at, verb.hit);
    let Some(entry) = lex.verbs.verbs.get(hit.verb as usize) else {
        return;
    };
    let Clause {
        pre,
        post,
        agent_side,
        patient_side,
    } = clause;
    let ctx = Context {
        lex,
        tree,
        mentions,
        sources: agent_side.mentions.len(),
    };
    // The most specific pattern that matches; among equally specific ones, the one whose words
    // lie nearest the verb (*demolished the homes of Palestinian militants* is `* HOMES`, not
    // `* MILITANT`), then the first in the file.
    let mut chosen: Option<(&VerbCode, Binding, Option<Citation>)> = None;
    let mut best: Option<(u32, usize)> = None;
    if let Some(list) = lex.patterns.get(entry.family) {
        for p in list {
            if best.is_some_and(|(weight, _)| p.weight < weight) {
                break;
            }
            if !p
                .required
                .iter()
                .all(|w| verb.vocabulary.contains(w.as_str()))
            {
                continue;
            }
            if let Some(b) = ctx.matches(p, &pre, &post) {
                let distance = b.words.iter().map(|&w| w.abs_diff(i)).min().unwrap_or(0);
                if best.is_some_and(|(_, d)| distance >= d) {
                    continue;
                }
                best = Some((p.weight, distance));
                let cite = Citation {
                    entry: p.text.clone(),
                    at: p.loc.to_string(),
                };
                chosen = Some((&p.code, b, Some(cite)));
            }
        }
    }
    let (code, binding, pattern_cite) = chosen.unwrap_or((&entry.code, Binding::default(), None));
    let light =
        pattern_cite.is_none() && hit.words.len() == 1 && LIGHT_VERBS.contains(&tree.lemma[i]);
    if code.is_null() || light {
        return;
    }
    let verb_cite = Citation {
        entry: verb_text(entry),
        at: entry.line.to_string(),
    };

    let (sources, source_via) = match binding.source {
        Some(m) => (
            with_conjunct_mentions(tree, mentions, m),
            Via::PatternSource,
        ),
        None => (agent_side.mentions, agent_side.via),
    };
    // A statement is not made to its audience ("told reporters", "told parliament", "telling
    // pilgrims") nor to the place it is made in ("speaking at a news conference in Ankara"); an
    // agent of no country after a verb of speech is its audience or what was said ("saying at
    // least 49 of its soldiers had been killed"), not whom the statement concerns.
    let statement = code.forward.as_ref().is_some_and(|c| c.root() == "01");
    let audience = |m: usize| {
        statement
            && (is_audience(&mentions[m].code) || mentions[m].code.starts_with(UNKNOWN_COUNTRY))
    };
    let (targets, target_via) = match binding.target {
        Some(m) => (
            with_conjunct_mentions(tree, mentions, m),
            Via::PatternTarget,
        ),
        None if binding.compound => (Vec::new(), Via::Conjunct),
        None => {
            let (mut t, mut via) = (patient_side.mentions, patient_side.via);
            // Nor is an agent of no country that the pattern's own words name ("exchanged
            // artillery fire", "formed a government") acted upon; "expelled an Iraqi diplomat"
            // and "rejected protesters' demands" are.
            let named = |m: usize| {
                let m = &mentions[m];
                (binding.words.contains(&m.head)
                    || (m.first..=m.last).any(|w| binding.words.contains(&w)))
                    && m.code.starts_with(UNKNOWN_COUNTRY)
                    && (m.first..=m.last).all(|w| tree.rel(w) != "nmod:poss")
            };
            t.retain(|&m| {
                let setting = statement && is_setting(tree, i, &mentions[m]);
                !(audience(m) || named(m) || setting)
            });
            // An object with no known country ("sent troops to Syria") yields to an actor
            // after it whose country is known.
            let unknown = |t: &[usize]| {
                t.iter()
                    .all(|&m| mentions[m].code.starts_with(UNKNOWN_COUNTRY))
            };
            if t.is_empty() || unknown(&t) {
                let mut exclude: Vec<usize> = sources
                    .iter()
                    .chain(&t)
                    .copied()
                    .chain((0..mentions.len()).filter(|&m| audience(m) || named(m)))
                    .collect();
                // An actor after the verb is preferred to the place it happened in
                // ("protested in Tel Aviv against the government"), unless the place is where
                // one went ("arrived in Gondor"); a statement is never made to its place.
                let journey = MOTION.contains(&tree.lemma[i]);
                let venues = (0..mentions.len()).filter(|&m| {
                    !journey
                        && (is_venue(tree, i, &mentions[m])
                            || (statement && is_setting(tree, i, &mentions[m])))
                });
                let all = exclude.len();
                exclude.extend(venues);
                let mut later = first_mention_in(tree, mentions, &post, &exclude);
                // The place stands in only where nothing else is named: *killed six
                // militants in a raid in Khyber Pakhtunkhwa* is against the militants.
                if later.is_empty() && !statement && t.is_empty() {
                    later = first_mention_in(tree, mentions, &post, &exclude[..all]);
                }
                if t.is_empty() || (!later.is_empty() && !unknown(&later)) {
                    t = later;
                    via = Via::ActorAfterVerb;
                }
            }
            (t, via)
        }
    };
    let negated = is_negated(tree, i);
    let modality = modality(tree, i);
    let reported_by = reporter(tree, mentions, i);
    let forward = code.forward.clone();
    // Meeting is mutual: "X met Y" is Y meeting X too.
    let reverse = code.reverse.clone().or_else(|| {
        forward
            .clone()
            .filter(|c| is_mutual(c) && MUTUAL.contains(&tree.lemma[i]))
    });
    let mut push = |s: Option<usize>, t: Option<usize>, (s_via, t_via): (Via, Via)| {
        let code_of = |m: Option<usize>| m.map(|m| mentions[m].code.as_str());
        if s.is_some() && code_of(s) == code_of(t) {
            return;
        }
        if s.is_none() && t.is_none() {
            return;
        }
        if options.require_dyad && (s.is_none() || t.is_none()) {
            return;
        }
        // The paired code's event runs the other way ("X met Y": Y met X too).
        let pairs = [
            (forward.as_ref(), s, t, s_via, t_via, false),
            (reverse.as_ref(), t, s, t_via, s_via, true),
        ];
        for (c, s, t, s_via, t_via, paired) in pairs {
            let Some(c) = c else { continue };
            if s.is_none() && (t.is_none() || options.require_dyad) {
                continue;
            }
            // One event per (source, target, code) in a sentence: "agreed to restore
            // relations" is one act, not two.
            let dup = out.iter().any(|f| {
                &f.code == c && code_of(f.source) == code_of(s) && code_of(f.target) == code_of(t)
            });
            if dup {
                continue;
            }
            out.push(Found {
                source: s,
                target: t,
                source_via: s.map(|_| s_via),
                target_via: t.map(|_| t_via),
                verb_words: hit.words.clone(),
                code: c.clone(),
                verb_cite: verb_cite.clone(),
                pattern_cite: pattern_cite.clone(),
                pattern_words: binding.words.clone(),
                negated,
                modality: modality.clone(),
                reported_by,
                at: i,
                complement_cite: None,
                paired,
                refinement: None,
                home_target: None,
            });
        }
    };
    // A compound source with no target codes between its conjuncts when the pattern says so
    // (`%`), when the code is paired ("Grenada and Egypt signed a trade agreement") and when it
    // is cooperation ("Saudi Arabia and Iran agreed to restore relations").
    // Nor is the place a compound source met in their partner ("resumed talks in Havana").
    // Nor is the topic an actor after the verb is found in ("agreed to share intelligence on
    // terrorist groups").
    let topic = |t: usize| {
        matches!(
            tree.case_of(mentions[t].head),
            Some("ON" | "ABOUT" | "OVER" | "REGARDING")
        )
    };
    // Nor, for cooperation, an agent of no country named after the verb but not its object
    // ("pledged to expand cooperation in energy and trade settlement").
    let stray = |t: usize| {
        target_via == Via::ActorAfterVerb
            && mentions[t].code.starts_with(UNKNOWN_COUNTRY)
            && forward.as_ref().is_some_and(is_cooperation)
    };
    let only_venue = target_via != Via::PatternTarget
        && targets
            .iter()
            .all(|&t| is_venue(tree, i, &mentions[t]) || topic(t) || stray(t));
    // Nor is one of the compound source's own countries, named again after the verb (*Egypt
    // and Ethiopia agreed to finalise a deal on the Grand Ethiopian Renaissance Dam*).
    let country = |m: usize| mentions::actor_country(&mentions[m].code);
    let own = target_via != Via::PatternTarget
        && !targets.is_empty()
        && targets
            .iter()
            .all(|&t| country(t).is_some() && sources.iter().any(|&s| country(s) == country(t)));
    let reciprocal = (targets.is_empty() || only_venue || own)
        && sources.len() >= 2
        && (reverse.is_some() || forward.as_ref().is_some_and(is_cooperation));
    if (binding.compound || reciprocal) && binding.target.is_none() {
        for &a in &sources {
            for &b in &sources {
                if a != b {
                    push(Some(a), Some(b), (source_via, Via::Conjunct));
                }
            }
        }
        return;
    }
    let via = (source_via, target_via);
    match (sources.is_empty(), targets.is_empty()) {
        (false, false) => {
            for &s in &sources {
                for &t in &targets {
                    push(Some(s), Some(t), via);
                }
            }
        }
        (false, true) => sources.iter().for_each(|&s| push(Some(s), None, via)),
        (true, false) => targets.iter().for_each(|&t| push(None, Some(t), via)),
        (true, true) => {}
    }
}

/// Whether mention `m` is where verb `i` happened: a proper noun in a phrase of place (*in*,
/// *at*, *off*, *near*, *along*) of the verb ("in Havana"), of a noun there ("at a news
/// conference in Ankara") or the name that owns such a place ("in the Sea of Japan", "off
/// India's west coast", "in Syria's Idlib province").
fn is_venue(tree: &Tree<'_>, i: usize, m: &Mention) -> bool {
    let w = if tree.upos(m.head) == "PROPN" || PLACE_NOUNS.contains(&tree.lemma[m.head]) {
        m.head
    } else {
        // A name inside the phrase ("India's west coast" is headed by "coast").
        match (m.first..=m.last).find(|&w| tree.upos(w) == "PROPN") {
            Some(w) => w,
            None => return false,
        }
    };
    let at = |x: usize| {
        matches!(
            tree.case_of(x),
            Some("IN" | "AT" | "OFF" | "NEAR" | "ALONG" | "INSIDE" | "OUTSIDE")
        )
    };
    let mut x = w;
    let owner = tree.case_of(x) == Some("OF") || matches!(tree.rel(x), "nmod:poss" | "compound");
    if owner
        && let Some(h) = tree.head[x]
        && at(h)
    {
        x = h;
    }
    if !at(x) {
        return false;
    }
    match tree.head[x] {
        Some(h) if h == i => tree.base_rel(x) == "obl",
        // "at a news conference in Ankara", "discussed the situation in Syria".
        Some(h) => {
            tree.head[h] == Some(i)
                && ((tree.base_rel(h) == "obl" && at(h)) || tree.base_rel(h) == "obj")
        }
        None => false,
    }
}

/// Whether mention `m` is a name in an *in* or *at* phrase anywhere in the phrases or object
/// after verb `i`, outside what the statement is about: where a statement was made, however
/// deep (*said in a report to the Human Rights Council in Geneva*, *told a reconstruction
/// conference in Tokyo*).
fn is_setting(tree: &Tree<'_>, i: usize, m: &Mention) -> bool {
    if tree.upos(m.head) != "PROPN" || !matches!(tree.case_of(m.head), Some("IN" | "AT")) {
        return false;
    }
    let mut x = m.head;
    for _ in 0..tree.len() {
        // A place inside what the statement is about is the topic's (*claimed responsibility
        // for the attack in Kabul*, *expressed shock over developments in Bangladesh*).
        if x != m.head && matches!(tree.case_of(x), Some(p) if TOPIC_PREPOSITIONS.contains(&p)) {
            return false;
        }
        match tree.head[x] {
            Some(h) if h == i => return matches!(tree.base_rel(x), "obl" | "obj"),
            Some(h) if matches!(tree.base_rel(x), "nmod" | "obl") => x = h,
            _ => return false,
        }
    }
    false
}

/// Prepositions of what a statement is about (not *on*, which is as often a time).
const TOPIC_PREPOSITIONS: &[&str] = &["OVER", "ABOUT", "CONCERNING", "REGARDING", "FOR"];

/// Verbs of going somewhere: the place is whom they visit.
const MOTION: &[&str] = &[
    "ARRIVE", "TRAVEL", "GO", "COME", "FLY", "RETURN", "VISIT", "LAND", "TOUR",
];

/// Nouns of places a demonym can name (*in the Saudi city of Jeddah*, *in the Syrian capital*).
const PLACE_NOUNS: &[&str] = &[
    "CITY", "CAPITAL", "TOWN", "VILLAGE", "PROVINCE", "REGION", "PORT", "COAST", "RESORT",
];

/// Whether an actor code is the news media (`---MED`, `AUSMED`, and Phoenix's international
/// media: Reuters and the BBC are `MED`) or a legislature (`CANLEG`): those a statement is
/// made to, not about.
fn is_audience(code: &str) -> bool {
    code.starts_with("MED") || mentions::actor_roles(code).any(|r| r == "MED" || r == "LEG")
}

/// Verbs of consultation both sides do alike (many other verbs share their families' codes:
/// *presented credentials* is 040 too).
const MUTUAL: &[&str] = &["MEET", "TALK", "NEGOTIATE", "CONFER", "PHONE", "TELEPHONE"];

/// Whether a code is consultation both sides do alike: meeting, talking by telephone, meeting
/// elsewhere, negotiating (CAMEO 040, 041, 044, 046), unlike visiting and hosting or mediating.
fn is_mutual(code: &EventCode) -> bool {
    matches!(code.base(), "040" | "041" | "044" | "046")
}

/// Whether a code is cooperation done with others: intent to cooperate, consultation,
/// diplomatic or material cooperation (CAMEO roots 03–06).
fn is_cooperation(code: &EventCode) -> bool {
    matches!(code.root(), "03" | "04" | "05" | "06")
}

fn verb_text(e: &tacitus_dict::VerbEntry) -> String {
    let f = &e.base;
    let mut words: Vec<&str> = f.before.iter().map(String::as_str).collect();
    words.push(&f.verb);
    words.extend(f.after.iter().map(String::as_str));
    words.join(" ")
}

fn is_passive(tree: &Tree<'_>, i: usize) -> bool {
    tree.children[i]
        .iter()
        .any(|&c| matches!(tree.rel(c), "nsubj:pass" | "aux:pass" | "obl:agent"))
        // "Turkish police detained dozens", parsed as a noun modified by a participle: a
        // participle with a direct object is active.
        || (tree.rel(i) == "acl"
            && tree.words[i].xpos == "VBN"
            && tree.children_rel(i, "obj").next().is_none())
}

/// The mentions on the agent side (who acts) and on the patient side (to whom) of verb `i`.
fn arguments(tree: &Tree<'_>, mentions: &[Mention], i: usize, passive: bool) -> (Side, Side) {
    let by_phrase = tree.children[i]
        .iter()
        .copied()
        .find(|&c| tree.base_rel(c) == "obl" && tree.case_of(c) == Some("BY"));
    if passive {
        let agent = Side::new(
            by_phrase
                .map(|c| agents_of(tree, mentions, c))
                .unwrap_or_default(),
            Via::ByPhrase,
        );
        let patient = match tree.children_rel(i, "nsubj:pass").next() {
            Some(s) => {
                resolve_subject(tree, mentions, i, s).with_via(Via::Subject, Via::PassiveSubject)
            }
            None if tree.rel(i) == "acl" => Side::new(
                tree.head[i]
                    .map(|h| actors_of(tree, mentions, h))
                    .unwrap_or_default(),
                Via::ModifiedNoun,
            ),
            None => inherited_subject(tree, mentions, i),
        };
        return (agent, patient);
    }
    let mut subjects = tree.children_rel(i, "nsubj");
    let mut agent = match subjects.next() {
        Some(s) => {
            let mut side = resolve_subject(tree, mentions, i, s);
            // "Colombia's government and the rebels resumed talks", parsed with two subjects
            // joined by a conjunction, and no verb between them, instead of one coordination:
            // both act.
            let joined = |a: usize, b: usize| {
                b < i
                    && (a + 1..b).any(|c| tree.rel(c) == "cc")
                    && (a + 1..b).all(|c| tree.upos(c) != "VERB")
            };
            for s2 in subjects.filter(|&s2| joined(s, s2)) {
                let s = s2;
                for m in resolve_subject(tree, mentions, i, s).mentions {
                    if !side.mentions.contains(&m) {
                        side.mentions.push(m);
                    }
                }
            }
            side
        }
        None => inherited_subject(tree, mentions, i),
    };
    // Only a finite verb lacks a subject by mistake; an infinitive or a gerund ("efforts to
    // help", "the road leading to Bangkok") has none to find.
    let non_finite = is_infinitive(tree, i)
        || tree.words[i].xpos == "VBG"
        || (tree.rel(i) == "acl" && tree.words[i].xpos == "VBN");
    if agent.mentions.is_empty() && tree.children_rel(i, "nsubj").next().is_none() && !non_finite {
        agent = Side::new(
            preceding_bare_mention(tree, mentions, i),
            Via::PrecedingActor,
        );
    }
    let object = tree
        .children_rel(i, "obj")
        .chain(tree.children_rel(i, "iobj"))
        .map(|o| actors_of(tree, mentions, o))
        .find(|m| !m.is_empty());
    let patient = match object {
        Some(m) => Side::new(m, Via::Object),
        // "Iran condemned and attacked Gondor": the object after both verbs is shared.
        None if tree.rel(i) == "conj" => Side::new(
            tree.head[i]
                .into_iter()
                .flat_map(|h| {
                    tree.children_rel(h, "obj")
                        .filter(|&o| o > i)
                        .collect::<Vec<_>>()
                })
                .map(|o| actors_of(tree, mentions, o))
                .find(|m| !m.is_empty())
                .unwrap_or_default(),
            Via::SharedObject,
        ),
        None => Side::new(Vec::new(), Via::Object),
    };
    let patient = Side::new(
        patient
            .mentions
            .into_iter()
            .filter(|m| !agent.mentions.contains(m))
            .collect(),
        patient.via,
    );
    (agent, patient)
}

/// When the tree gives a verb no subject (often a mistagged name), the last actor before it
/// that is not inside a prepositional phrase, as TABARI would take it.
fn preceding_bare_mention(tree: &Tree<'_>, mentions: &[Mention], i: usize) -> Vec<usize> {
    let last =
        mentions.iter().enumerate().rev().find(|(_, m)| {
            m.last < i && tree.case_of(m.head).is_none() && tree.rel(m.head) != "obj"
        });
    match last {
        Some((mi, _)) => with_conjunct_mentions(tree, mentions, mi),
        None => Vec::new(),
    }
}

/// The actors of subject word `s` of verb `i`; relative and personal pronouns take their
/// antecedent from the tree.
fn resolve_subject(tree: &Tree<'_>, mentions: &[Mention], i: usize, s: usize) -> Side {
    let direct = agents_of(tree, mentions, s);
    if !direct.is_empty() || tree.upos(s) != "PRON" {
        return Side::new(direct, Via::Subject);
    }
    if tree.rel(i) == "acl:relcl" {
        let head = tree.head[i].map(|h| agents_of(tree, mentions, h));
        return Side::new(head.unwrap_or_default(), Via::ModifiedNoun);
    }
    if matches!(tree.lemma[s], "IT" | "THEY" | "HE" | "SHE" | "WE") {
        return Side::new(governing_subject(tree, mentions, i), Via::PronounAntecedent);
    }
    Side::new(Vec::new(), Via::Subject)
}

/// For a verb without a subject: its conjunct's, controller's or head noun's actors.
fn inherited_subject(tree: &Tree<'_>, mentions: &[Mention], i: usize) -> Side {
    let none = |via| Side::new(Vec::new(), via);
    let Some(h) = tree.head[i] else {
        return none(Via::Subject);
    };
    match tree.rel(i) {
        "conj" if tree.upos(h) == "VERB" => {
            let side = arguments(tree, mentions, h, is_passive(tree, h)).0;
            Side::new(side.mentions, Via::ConjunctSubject)
        }
        "xcomp" => {
            // Object control ("urged Bree to help") else subject control.
            let side = match controlling_object(tree, mentions, h) {
                Some(o) => Side::new(o, Via::Controller),
                None => surface_subject(tree, mentions, h),
            };
            side.with_via(Via::Subject, Via::Controller)
        }
        "acl" | "acl:relcl" => {
            // "Colombia's government and the rebels resumed talks", parsed as a root noun
            // modified by the verb: the whole coordination is the subject.
            let noun = match tree.rel(i) {
                "acl" => root_coordination(tree, h).unwrap_or(h),
                _ => h,
            };
            Side::new(agents_of(tree, mentions, noun), Via::ModifiedNoun)
        }
        "advcl" => {
            // The object does what an of/for gerund or an object-control infinitive says
            // ("accused Russia of attacking", "invited the president to visit Delhi", parsed
            // as a purpose clause); otherwise the governing verb's subject, found as that verb
            // finds it ("warplanes struck Gaza, killing twelve").
            let controlled = is_gerund_complement(tree, i)
                || (is_infinitive(tree, i) && OBJECT_CONTROL.contains(&tree.lemma[h]));
            match controlled.then(|| controlling_object(tree, mentions, h)) {
                Some(Some(o)) => Side::new(o, Via::Controller),
                _ => surface_subject(tree, mentions, speaker_clause(tree, i, h))
                    .with_via(Via::Subject, Via::GoverningSubject),
            }
        }
        _ => none(Via::Subject),
    }
}

/// The verb whose subject speaks in participle `i` of a speech verb set off by a comma under
/// verb `h` (*urged Armenia to resume talks, saying …*: the one who urged, though the parser
/// hangs *saying* from *resume*): `h`, or the verb above the infinitives `h` is in.
fn speaker_clause(tree: &Tree<'_>, i: usize, h: usize) -> usize {
    let comma = i > 0 && tree.upper[i - 1] == ",";
    if !(comma && tree.words[i].xpos == "VBG" && SPEECH.contains(&tree.lemma[i])) {
        return h;
    }
    let mut v = h;
    for _ in 0..tree.len() {
        let up = matches!(tree.rel(v), "xcomp" | "advcl") && is_infinitive(tree, v);
        match tree.head[v] {
            Some(top) if up => v = top,
            _ => break,
        }
    }
    v
}

/// The subject of verb `h` as written, active or passive ("Gollum was seen to break in": the
/// one seen breaks in), else the one it inherits.
fn surface_subject(tree: &Tree<'_>, mentions: &[Mention], h: usize) -> Side {
    let written = tree
        .children_rel(h, "nsubj")
        .chain(tree.children_rel(h, "nsubj:pass"))
        .next();
    match written {
        Some(s) => resolve_subject(tree, mentions, h, s),
        None => inherited_subject(tree, mentions, h),
    }
}

/// The first conjunct of noun `h`'s coordination when that is the sentence's root.
fn root_coordination(tree: &Tree<'_>, mut h: usize) -> Option<usize> {
    for _ in 0..tree.len() {
        match tree.rel(h) {
            "root" => return Some(h),
            "conj" => h = tree.head[h]?,
            _ => return None,
        }
    }
    None
}

/// Verbs whose object, when they have one, is the subject of their infinitive ("asked Iran to
/// free", "urged", "invited"): the parser often attaches that infinitive as a purpose clause.
const OBJECT_CONTROL: &[&str] = &[
    "ADVISE",
    "ALLOW",
    "ASK",
    "AUTHORIZE",
    "AUTHORISE",
    "COMPEL",
    "ENCOURAGE",
    "FORCE",
    "INVITE",
    "ORDER",
    "PERMIT",
    "PERSUADE",
    "PRESS",
    "PRESSURE",
    "PUSH",
    "REQUEST",
    "TELL",
    "URGE",
];

/// The actors of the object (or indirect object) of verb `h`, if it has any.
fn controlling_object(tree: &Tree<'_>, mentions: &[Mention], h: usize) -> Option<Vec<usize>> {
    tree.children_rel(h, "obj")
        .chain(tree.children_rel(h, "iobj"))
        .map(|o| actors_of(tree, mentions, o))
        .find(|m| !m.is_empty())
}

/// Whether verb `i` is an `of`/`for` gerund without a subject of its own ("accused Iran of
/// attacking").
fn is_gerund_complement(tree: &Tree<'_>, i: usize) -> bool {
    tree.words[i].xpos == "VBG"
        && tree
            .children_rel(i, "mark")
            .any(|m| matches!(tree.upper[m], "OF" | "FOR"))
        && tree.children_rel(i, "nsubj").next().is_none()
}

/// Verbs of a court whose *of* gerund is the charge judged (*a man convicted of killing a
/// police officer*), not an event of the day.
const JUDGE: &[&str] = &["CONVICT", "ACQUIT", "CLEAR", "FIND", "INDICT"];

/// Verbs whose `of`/`for` gerund is what they allege: the accuser reports that event.
const ALLEGE: &[&str] = &["ACCUSE", "BLAME", "CHARGE", "SUSPECT"];

/// Whether verb `i` is a bare `to` infinitive without a subject of its own.
fn is_infinitive(tree: &Tree<'_>, i: usize) -> bool {
    tree.children_rel(i, "mark").any(|m| tree.upper[m] == "TO")
        && tree.children_rel(i, "nsubj").next().is_none()
}

/// The subject actors of the nearest verb above `i` that has some (pronoun antecedent), a
/// passive's included (*Abe was shot as he gave a speech*).
fn governing_subject(tree: &Tree<'_>, mentions: &[Mention], i: usize) -> Vec<usize> {
    let mut x = tree.head[i];
    let mut steps = 0;
    while let Some(h) = x {
        steps += 1;
        if steps > tree.len() {
            break;
        }
        let subject = tree.children[h]
            .iter()
            .copied()
            .find(|&c| matches!(tree.rel(c), "nsubj" | "nsubj:pass"));
        if let Some(s) = subject {
            let a = agents_of(tree, mentions, s);
            if !a.is_empty() {
                return a;
            }
        }
        x = tree.head[h];
    }
    Vec::new()
}

/// The mentions of the noun phrase headed by `w` and its conjuncts; when the phrase names no
/// actor itself, the first actor inside it (with that actor's conjuncts).
fn actors_of(tree: &Tree<'_>, mentions: &[Mention], w: usize) -> Vec<usize> {
    phrase_actors(tree, mentions, w, true)
}

/// The actors of the noun phrase headed by `w` as one who acts: as [`actors_of`], but not a
/// place the phrase names (*a suicide bombing in Tajikistan that killed 24 people*: the
/// bombing is not Tajikistan's, though *condemned abuses in China* is about China).
fn agents_of(tree: &Tree<'_>, mentions: &[Mention], w: usize) -> Vec<usize> {
    phrase_actors(tree, mentions, w, false)
}

/// [`actors_of`] and [`agents_of`]: with or without the places in *in* phrases.
fn phrase_actors(tree: &Tree<'_>, mentions: &[Mention], w: usize, places: bool) -> Vec<usize> {
    let w = mentions::np_head(tree, w);
    let mut heads = vec![w];
    conjuncts(tree, w, &mut heads);
    let direct = headed_by(mentions, &heads);
    if !direct.is_empty() {
        return direct;
    }
    let inside = tree.subtree_without(w, &|c| {
        is_clause_rel(tree.rel(c))
            || matches!(tree.rel(c), "acl" | "ccomp" | "xcomp")
            || (!places && tree.case_of(c) == Some("IN"))
    });
    first_mention_in(tree, mentions, &inside, &[])
}

/// The first mention whose words start in `words` (not in `exclude`), with its conjuncts.
fn first_mention_in(
    tree: &Tree<'_>,
    mentions: &[Mention],
    words: &[usize],
    exclude: &[usize],
) -> Vec<usize> {
    let first = mentions
        .iter()
        .enumerate()
        .find(|(mi, m)| !exclude.contains(mi) && words.binary_search(&m.first).is_ok());
    match first {
        Some((mi, _)) => with_conjunct_mentions(tree, mentions, mi)
            .into_iter()
            .filter(|m| !exclude.contains(m))
            .collect(),
        None => Vec::new(),
    }
}

/// Mention `m` and the mentions of its head's conjuncts.
fn with_conjunct_mentions(tree: &Tree<'_>, mentions: &[Mention], m: usize) -> Vec<usize> {
    let mut heads = vec![mentions[m].head];
    conjuncts(tree, mentions[m].head, &mut heads);
    let mut out = vec![m];
    out.extend(
        headed_by(mentions, &heads[1..])
            .into_iter()
            .filter(|&i| i != m),
    );
    out
}

/// The mentions whose noun-phrase head is one of `heads`, in order.
fn headed_by(mentions: &[Mention], heads: &[usize]) -> Vec<usize> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| heads.contains(&m.head))
        .map(|(i, _)| i)
        .collect()
}

fn is_negation(tree: &Tree<'_>, c: usize) -> bool {
    tree.base_rel(c) == "advmod" && matches!(tree.upper[c], "NOT" | "N'T" | "NEVER")
}

/// Whether verb `i` (or the verb controlling it) is negated.
fn is_negated(tree: &Tree<'_>, i: usize) -> bool {
    let own = tree.children[i].iter().any(|&c| is_negation(tree, c));
    own || (tree.rel(i) == "xcomp"
        && tree.head[i].is_some_and(|h| tree.children[h].iter().any(|&c| is_negation(tree, c))))
}

/// A modal auxiliary of verb `i`, or the verb that governs it ("threatened to attack").
fn modality(tree: &Tree<'_>, i: usize) -> Option<String> {
    let aux = tree.children[i]
        .iter()
        .find(|&&c| tree.rel(c) == "aux" && MODAL_AUX.contains(&tree.lemma[c]))
        .map(|&c| tree.lemma[c].to_lowercase());
    aux.or_else(|| {
        let h = tree.head[i]?;
        (tree.rel(i) == "xcomp" && MODAL_GOVERNORS.contains(&tree.lemma[h]))
            .then(|| tree.lemma[h].to_lowercase())
    })
}

/// Who reported the event: the subject of a speech verb above its clause ("X said Y attacked
/// Z") or beside it ("Y attacked Z, X said").
fn reporter(tree: &Tree<'_>, mentions: &[Mention], i: usize) -> Option<usize> {
    let speech = |v: usize| SPEECH.contains(&tree.lemma[v]);
    let subject = |v: usize| {
        tree.children_rel(v, "nsubj")
            .next()
            .and_then(|s| actors_of(tree, mentions, s).first().copied())
    };
    // The clause the event belongs to: up from a participle, infinitive or conjunct ("Y
    // crossed the border, attacking Z, X said": X reports the attack too).
    let mut v = i;
    for _ in 0..tree.len() {
        if let Some(h) = tree.head[v]
            && matches!(tree.rel(v), "ccomp" | "parataxis")
            && speech(h)
            && let Some(m) = subject(h)
        {
            return Some(m);
        }
        match tree.head[v] {
            Some(h)
                if matches!(tree.rel(v), "advcl" | "xcomp" | "conj")
                    && tree.upos(h) == "VERB"
                    && !speech(h) =>
            {
                v = h
            }
            _ => break,
        }
    }
    // "X suspected Y of attacking Z": the attack is X's account (under a disapproval coded as
    // one, "accused", it is the charge and not coded at all).
    if let Some(h) = tree.head[i]
        && tree.rel(i) == "advcl"
        && is_gerund_complement(tree, i)
        && ALLEGE.contains(&tree.lemma[h])
        && let Some(m) = subject(h)
    {
        return Some(m);
    }
    let beside = |v: usize| {
        tree.children[v]
            .iter()
            .copied()
            .filter(|&c| c != i && tree.rel(c) == "parataxis" && speech(c))
            .find_map(subject)
    };
    // A speech verb in parataxis under the event's verb, or (when the parser hung both off
    // another word) under the same head.
    beside(i).or_else(|| beside(v)).or_else(|| {
        let h = tree.head[i]?;
        (tree.rel(i) == "parataxis").then(|| beside(h)).flatten()
    })
}
