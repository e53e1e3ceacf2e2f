//! Actor recognition: dictionary actors and agents found in the words, grouped by noun phrase
//! and joined into CAMEO codes ("Israeli troops" → ISR + ~MIL → ISRMIL).
//!
//! Matching is over word forms (longest phrase first, as TABARI and PETRARCH do); grouping
//! uses the tree, so that "soldiers from Gondor", "Gondor's government" and "the ambassadors of
//! Arnor, Osgiliath and Gondor" each end up as the actors a reader sees.

use tacitus_dict::{AgentCode, Date};

use crate::event::Citation;
use crate::lexicon::{ActorHit, Lexicon};
use crate::tree::Tree;

/// One actor in a sentence: a code and the words naming it.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The noun-phrase head the mention belongs to.
    pub head: usize,
    /// First word of the naming words.
    pub first: usize,
    /// Last word of the naming words (inclusive).
    pub last: usize,
    /// The joined CAMEO code.
    pub code: String,
    /// The actor and agent entries behind the code.
    pub cites: Vec<Citation>,
}

/// A dictionary match over words `start..end`.
#[derive(Debug, Clone)]
struct Match {
    start: usize,
    end: usize,
    /// The word of the match whose head lies outside it.
    head: usize,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    Actor(Vec<ActorHit>),
    /// A null-coded actor name: the words are taken, nothing is coded.
    Blocked,
    Agent(AgentCode, Citation),
}

/// The country part of an agent's code when no actor names the country.
pub const UNKNOWN_COUNTRY: &str = "---";

/// The country part of a CAMEO actor code, when it names one (`IRNGOV` → `IRN`; `---MIL` has
/// none).
pub fn actor_country(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    c.bytes().all(|b| b.is_ascii_uppercase()).then_some(c)
}

/// The three-letter roles after the country part of an actor code (`IRNGOVMIL` → `GOV`,
/// `MIL`).
pub(crate) fn actor_roles(code: &str) -> impl Iterator<Item = &str> {
    (3..code.len())
        .step_by(3)
        .filter_map(|k| code.get(k..k + 3))
}

/// Relations that stay inside one noun phrase when grouping matches.
fn is_np_internal(rel: &str) -> bool {
    matches!(
        rel,
        "compound"
            | "amod"
            | "flat"
            | "flat:name"
            | "nmod:poss"
            | "nmod:desc"
            | "fixed"
            | "goeswith"
            | "nmod:npmod"
    )
}

/// Prepositions that let an agent take a country from its phrase ("soldiers from Gondor").
fn borrows_through(prep: &str) -> bool {
    matches!(prep, "OF" | "FROM" | "IN" | "FOR" | "AT")
}

/// Every actor mention of the sentence, ordered by first word.
pub(crate) fn find(lex: &Lexicon, tree: &Tree<'_>, date: Option<Date>) -> Vec<Mention> {
    let matches = scan(lex, tree, date);
    if matches.is_empty() {
        return Vec::new();
    }
    // Group each match under its noun-phrase head.
    let n = tree.len();
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut group_of: Vec<usize> = matches.iter().map(|m| np_head(tree, m.head)).collect();
    // An actor next to an agent is one phrase ("Arnor security officials") even where the tree
    // attaches the actor elsewhere, and so is a country next to a person of that country ("U.S.
    // Secretary of State Antony Blinken"): a match alone in its group joins its right
    // neighbour's (the right-hand word heads an English noun phrase).
    for k in (1..matches.len()).rev() {
        let (a, b) = (&matches[k - 1], &matches[k]);
        let alone = !group_of
            .iter()
            .enumerate()
            .any(|(o, &g)| o != k - 1 && g == group_of[k - 1]);
        // An agent right between two actors keeps the one before it, which joins it next:
        // "the Swedish embassy in Baghdad" (agent `EMBASSY_IN`) is Sweden's, not Iraq's.
        let owned = k >= 2
            && is_agent(a)
            && !is_agent(b)
            && matches[k - 2].end == a.start
            && matches!(matches[k - 2].kind, Kind::Actor(_));
        if a.end == b.start && alone && !owned && (is_agent(a) || is_agent(b) || refines(a, b)) {
            group_of[k - 1] = group_of[k];
        }
    }
    for (mi, &g) in group_of.iter().enumerate() {
        groups[g].push(mi);
    }
    let has_actor = |g: &[usize]| {
        g.iter()
            .any(|&mi| matches!(matches[mi].kind, Kind::Actor(_)))
    };
    let has_agent = |g: &[usize]| g.iter().any(|&mi| is_agent(&matches[mi]));
    // Agent-only phrases borrow the countries of an "of/from/in" phrase (and its conjuncts).
    let mut borrowed: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut absorbed = vec![false; n];
    for g in 0..n {
        if groups[g].is_empty() || has_actor(&groups[g]) {
            continue;
        }
        for &c in &tree.children[g] {
            let r = tree.rel(c);
            if !(r == "nmod" || r == "obl") || !tree.case_of(c).is_some_and(borrows_through) {
                continue;
            }
            let mut heads = vec![c];
            conjuncts(tree, c, &mut heads);
            let with: Vec<usize> = heads
                .into_iter()
                .filter(|&h| has_actor(&groups[h]) && !has_agent(&groups[h]))
                .collect();
            if !with.is_empty() {
                for &h in &with {
                    absorbed[h] = true;
                }
                borrowed[g] = with;
                break;
            }
        }
    }
    // An agent-only conjunct shares the countries of its coordination: "Danish media and
    // government", "lawmakers and officials in Arnor and Gondor".
    for g in 0..n {
        if groups[g].is_empty() || has_actor(&groups[g]) || !borrowed[g].is_empty() {
            continue;
        }
        let first = match tree.head[g] {
            Some(h) if tree.rel(g) == "conj" => h,
            _ => g,
        };
        let mut members = vec![first];
        conjuncts(tree, first, &mut members);
        let lender = members.into_iter().filter(|&h| h != g).find_map(|h| {
            if !borrowed[h].is_empty() {
                Some(borrowed[h].clone())
            } else {
                let modifier = groups[h]
                    .iter()
                    .any(|&mi| matches!(matches[mi].kind, Kind::Actor(_)) && matches[mi].end <= h);
                (modifier && has_agent(&groups[h])).then(|| vec![h])
            }
        });
        if let Some(with) = lender {
            borrowed[g] = with;
        }
    }
    // Conjoined actors under one agent ("Israeli and Iranian troops") are one actor each.
    let mut conjoined: Vec<Vec<usize>> = vec![Vec::new(); n];
    for g in 0..n {
        if !has_agent(&groups[g]) {
            continue;
        }
        for &mi in &groups[g] {
            if is_agent(&matches[mi]) {
                continue;
            }
            let mut heads = Vec::new();
            conjuncts(tree, matches[mi].head, &mut heads);
            for h in heads {
                if h != g && has_actor(&groups[h]) && !has_agent(&groups[h]) && !absorbed[h] {
                    absorbed[h] = true;
                    conjoined[g].push(h);
                }
            }
        }
    }
    let mut out = Vec::new();
    for g in 0..n {
        if groups[g].is_empty() || absorbed[g] {
            continue;
        }
        let agents: Vec<(&AgentCode, &Citation, usize, usize)> = groups[g]
            .iter()
            .filter_map(|&mi| match &matches[mi].kind {
                Kind::Agent(code, cite) => Some((code, cite, matches[mi].start, matches[mi].end)),
                _ => None,
            })
            .collect();
        // The match sets each giving one actor: the group's own, its conjoined actors', or
        // those of the phrase it borrows its country from.
        let units: Vec<(usize, Vec<usize>)> = if borrowed[g].is_empty() {
            let mut own: Vec<(usize, Vec<usize>)> = split_conjoined(tree, &matches, &groups[g])
                .into_iter()
                .map(|u| (g, u))
                .collect();
            own.extend(conjoined[g].iter().map(|&h| (h, groups[h].clone())));
            own
        } else {
            borrowed[g]
                .iter()
                .map(|&h| (h, groups[h].clone()))
                .collect()
        };
        let several = units.len() > 1;
        for (ag, unit) in units {
            let unit = unit.as_slice();
            // An agent with no country is coded with PETRARCH's unknown country `---`.
            let (mut code, mut cites, first, last) = match pick_actor(&matches, unit) {
                Some((hit, first, last)) => (
                    hit.code.clone(),
                    vec![Citation {
                        entry: words_text(tree, first, last),
                        at: hit.loc.to_string(),
                    }],
                    first,
                    last,
                ),
                None if !agents.is_empty() && ag == g && !several => {
                    let (_, _, s, e) = agents[0];
                    (UNKNOWN_COUNTRY.to_string(), Vec::new(), s, e - 1)
                }
                None => continue,
            };
            // The naming words: every match of the unit ("U.S. Secretary of State ...").
            let (mut lo, mut hi) = (first, last);
            for &mi in unit {
                lo = lo.min(matches[mi].start);
                hi = hi.max(matches[mi].end - 1);
            }
            if ag != g && !borrowed[g].is_empty() {
                // The borrowing phrase's own words name the actor too.
                for &mi in &groups[g] {
                    lo = lo.min(matches[mi].start);
                    hi = hi.max(matches[mi].end - 1);
                }
            }
            for (agent, cite, s, e) in &agents {
                code = join_agent(&code, agent);
                cites.push((*cite).clone());
                lo = lo.min(*s);
                hi = hi.max(e - 1);
            }
            out.push(Mention {
                head: g,
                first: lo,
                last: hi,
                code,
                cites,
            });
        }
    }
    out.sort_by_key(|m| (m.first, m.head));
    out
}

/// A group's matches as actor sets: an actor conjoined to another actor of the group (in the
/// tree, or by a conjunction between them) stands alone (with the group's agents), the rest
/// stay together.
fn split_conjoined(tree: &Tree<'_>, matches: &[Match], group: &[usize]) -> Vec<Vec<usize>> {
    let inside = |w: usize, other: usize| {
        let m = &matches[other];
        (m.start..m.end).contains(&w)
    };
    let mut base = Vec::new();
    let mut alone = Vec::new();
    for &mi in group {
        let m = &matches[mi];
        let h = m.head;
        let conj_of_actor = !is_agent(m)
            && tree.rel(h) == "conj"
            && tree.head[h].is_some_and(|x| {
                group
                    .iter()
                    .any(|&o| o != mi && !is_agent(&matches[o]) && inside(x, o))
            });
        // "Japan and South Korea" that the parser made one name (*Japan* a compound of
        // *Korea*): an actor right after a conjunction that follows another actor of the group.
        let after_conjunction = !is_agent(m)
            && m.start >= 2
            && tree.upos(m.start - 1) == "CCONJ"
            && group
                .iter()
                .any(|&o| o != mi && !is_agent(&matches[o]) && matches[o].end == m.start - 1);
        if conj_of_actor || after_conjunction {
            alone.push(vec![mi]);
        } else {
            base.push(mi);
        }
    }
    let mut out = vec![base];
    out.extend(alone);
    out
}

/// Whether actor match `b` is a more specific actor of `a`'s country (USA, then USAGOV).
fn refines(a: &Match, b: &Match) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::Actor(x), Kind::Actor(y)) => x.iter().any(|x| {
            y.iter()
                .any(|y| y.code.len() > x.code.len() && y.code.starts_with(x.code.as_str()))
        }),
        _ => false,
    }
}

fn is_agent(m: &Match) -> bool {
    matches!(m.kind, Kind::Agent(..))
}

/// Longest actor or agent phrase at each position, left to right; an actor wins a tie.
fn scan(lex: &Lexicon, tree: &Tree<'_>, date: Option<Date>) -> Vec<Match> {
    let tokens = &tree.upper;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Any tag but punctuation: the tagger mistags unknown names ("Pyongyang" as a verb).
        if tree.upos(i) == "PUNCT" {
            i += 1;
            continue;
        }
        let agent = lex.agent_trie.longest_at(tokens, i);
        let g_end = agent.as_ref().map_or(0, |f| f.end);
        let actor = lex.actor_trie.longest_at(tokens, i).map(|f| {
            let kind = actor_kind(lex, &f.values, date);
            (f, kind)
        });
        match (actor, agent) {
            // An actor that codes today (or a null-coded name) wins unless an agent is longer.
            (Some((f, Some(kind))), agent) if f.end >= g_end || agent.is_none() => {
                i = f.end;
                out.push(Match {
                    start: f.start,
                    end: f.end,
                    head: match_head(tree, f.start, f.end),
                    kind,
                });
            }
            (_, Some(f)) if modifies_a_thing(tree, f.start, f.end) => i = f.end,
            (_, Some(f)) => {
                if let Some((code, loc)) = f.values.first().and_then(|&v| lex.agent(v)) {
                    out.push(Match {
                        start: f.start,
                        end: f.end,
                        head: match_head(tree, f.start, f.end),
                        kind: Kind::Agent(
                            code.clone(),
                            Citation {
                                entry: words_text(tree, f.start, f.end - 1),
                                at: loc.to_string(),
                            },
                        ),
                    });
                }
                i = f.end;
            }
            // Names whose roles all lie outside this date are not actors today.
            (Some((f, None)), None) => i = f.end,
            (Some(_), None) | (None, None) => i += 1,
        }
    }
    out
}

/// Nouns of things and deeds that an agent adjective describes without naming anyone:
/// "military aid", "military action", "diplomatic relations".
const THINGS: &[&str] = &[
    "ACTION",
    "AID",
    "ASSISTANCE",
    "BASE",
    "BUDGET",
    "CAMPAIGN",
    "CAPABILITY",
    "COOPERATION",
    "DRILL",
    "EQUIPMENT",
    "EXERCISE",
    "HARDWARE",
    "HELP",
    "INTERVENTION",
    "OFFENSIVE",
    "OPERATION",
    "PACKAGE",
    "PRESENCE",
    "PRESSURE",
    "SPENDING",
    "SUPPLY",
    "SUPPORT",
    "TIE",
    "RELATION",
    "TRAINING",
    "VEHICLE",
    "WEAPON",
];

/// Whether the agent words `start..end` are one adjective describing a thing, not a person.
fn modifies_a_thing(tree: &Tree<'_>, start: usize, end: usize) -> bool {
    end == start + 1
        && tree.upos(start) == "ADJ"
        && tree.rel(start) == "amod"
        && tree.head[start].is_some_and(|h| THINGS.contains(&tree.lemma[h]))
}

/// What an actor name stands for on `date`: the codes of the last entry (overlays load last)
/// that has some, a block for a null-coded name, or nothing.
fn actor_kind(lex: &Lexicon, entries: &[u32], date: Option<Date>) -> Option<Kind> {
    let mut blocked = false;
    for &v in entries.iter().rev() {
        let hits = lex.actor_codes(v, date);
        if !hits.is_empty() {
            return Some(Kind::Actor(hits));
        }
        blocked |= lex.actor_is_null(v);
    }
    blocked.then_some(Kind::Blocked)
}

/// The word of `start..end` whose head lies outside it (the last one if several).
fn match_head(tree: &Tree<'_>, start: usize, end: usize) -> usize {
    (start..end)
        .rev()
        .find(|&i| tree.head[i].is_none_or(|h| h < start || h >= end))
        .unwrap_or(end - 1)
}

/// Climbs from `i` through noun-phrase-internal relations to the phrase's head.
pub(crate) fn np_head(tree: &Tree<'_>, mut i: usize) -> usize {
    let mut steps = 0;
    // A bare `nmod` (no preposition) is a name the parser failed to flatten ("Secretary of
    // State Antony Blinken"); a conjunct of a modifier modifies the same noun ("Russian and
    // Ukrainian delegations").
    let modifier_conjunct = |i: usize| {
        tree.rel(i) == "conj" && tree.head[i].is_some_and(|h| is_np_internal(tree.rel(h)))
    };
    while is_np_internal(tree.rel(i))
        || (tree.rel(i) == "nmod" && !tree.has_case(i))
        || modifier_conjunct(i)
    {
        match tree.head[i] {
            Some(h) if steps <= tree.len() => {
                i = h;
                steps += 1;
            }
            _ => break,
        }
    }
    i
}

/// Pushes the conjuncts of `i` (recursively) onto `out`; in a list that has conjuncts, and after
/// a singular subject of a plural verb, an apposition is one more member ("Mordor, the awful
/// Arnor, and Gondor", "Sudan's army, RSF agree").
pub(crate) fn conjuncts(tree: &Tree<'_>, i: usize, out: &mut Vec<usize>) {
    let has_conj = tree.children_rel(i, "conj").next().is_some();
    // A singular subject of a plural verb: its apposition is a second subject, as headlines
    // write "and" (*Sudan's army, RSF agree to 24-hour ceasefire*).
    let plural_verb = tree.rel(i).starts_with("nsubj")
        && matches!(tree.words[i].xpos.as_str(), "NN" | "NNP")
        && tree.head[i].is_some_and(|v| tree.words[v].xpos == "VBP");
    for &c in &tree.children[i] {
        let member = tree.rel(c) == "conj" || ((has_conj || plural_verb) && tree.rel(c) == "appos");
        if member && !out.contains(&c) {
            out.push(c);
            conjuncts(tree, c, out);
        }
    }
}

/// The actor code of a group: the most specific one, a bare country yielding to a longer code
/// that starts with it; among equals the one nearest the head (rightmost).
fn pick_actor<'m>(matches: &'m [Match], group: &[usize]) -> Option<(&'m ActorHit, usize, usize)> {
    let actors: Vec<(&ActorHit, usize, usize)> = group
        .iter()
        .filter_map(|&mi| match &matches[mi].kind {
            Kind::Actor(h) => h
                .first()
                .map(|h| (h, matches[mi].start, matches[mi].end - 1)),
            _ => None,
        })
        .collect();
    let mut best: Option<(&ActorHit, usize, usize)> = None;
    for a in actors {
        best = match best {
            None => Some(a),
            Some(b) => {
                let (ac, bc) = (&a.0.code, &b.0.code);
                if bc.starts_with(ac.as_str()) && bc.len() > ac.len() {
                    Some(b)
                } else {
                    Some(a)
                }
            }
        };
    }
    best
}

/// Joins an agent to an actor code unless the code already carries that role.
fn join_agent(code: &str, agent: &AgentCode) -> String {
    let role = agent.code().as_str();
    let roles = code.get(3..).unwrap_or("");
    match agent {
        AgentCode::Suffix(_) if roles.contains(role) => code.to_string(),
        AgentCode::Prefix(_) if code.starts_with(role) => code.to_string(),
        _ => agent.apply(code),
    }
}

/// The words `first..=last` joined as they stand (spaces between words).
pub(crate) fn words_text(tree: &Tree<'_>, first: usize, last: usize) -> String {
    let mut s = String::new();
    for i in first..=last.min(tree.len().saturating_sub(1)) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&tree.words[i].form);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_roles_of_actor_codes() {
        assert_eq!(actor_country("IRNGOV"), Some("IRN"));
        assert_eq!(actor_country("USA"), Some("USA"));
        assert_eq!(actor_country("---MIL"), None);
        assert_eq!(actor_country("MI"), None);
        assert_eq!(actor_roles("IRNGOVMIL").collect::<Vec<_>>(), ["GOV", "MIL"]);
        assert_eq!(actor_roles("---MIL").collect::<Vec<_>>(), ["MIL"]);
        // A broken last block is no role.
        assert_eq!(actor_roles("IRNGOVM").collect::<Vec<_>>(), ["GOV"]);
        assert_eq!(actor_roles("USA").count(), 0);
    }
}
