//! Countries for the actors the dictionaries leave without one, from the state they deal with.
//!
//! *Police*, *the opposition*, *dissidents* and *members of the Muslim Brotherhood* get no
//! country from the Phoenix dictionaries (`---COP`, `---OPP`), yet when a sentence names one
//! state only and the event is one a state does to its own people or they to it (an arrest, a
//! ban, a rebuke, a demand, an appeal), expert coders give them that state's country:
//! *Egyptian police arrested dozens of members of the Muslim Brotherhood* is EGY → EGY, and
//! users count events by the actors' countries. Force and shows of force (CAMEO roots 15, 18–20)
//! are left alone, since armies fight abroad, unless police, courts or a legislature take part
//! (*security forces opened fire on protesters*), and so are cooperation, aid and concessions
//! (03–08), which states mostly give to others; where the event's place is named, the
//! gazetteer decides those later.
//!
//! An act a state does at home without naming anyone (*lifted a nationwide curfew*, *banned
//! the party*) is done to its own people: [`home_target`] gives it the state's country as
//! target, which `require_dyad` would otherwise drop.

use crate::coder::{Found, is_clause_rel};
use crate::event::{Citation, Event};
use crate::mentions::{Mention, UNKNOWN_COUNTRY, actor_country, actor_roles};
use crate::tree::Tree;

/// First codes that name no state: international, non-governmental and militant groups,
/// companies, the news media and elites named without a country (Phoenix's international
/// actors: *BBC* is `MED`), and the regions of the CAMEO actor code book.
const NOT_STATES: &[&str] = &[
    "IGO", "NGO", "IMG", "MNC", "INT", "MED", "ELI", "AFR", "ASA", "BLK", "CAS", "CAU", "CFR",
    "EAF", "EEU", "EUR", "LAM", "MEA", "NAF", "PGS", "SAF", "SAM", "SAS", "SEA", "WAF", "WEU",
    "WST",
];

/// Roles of the state itself: government, police, judiciary, legislature.
const STATE_ROLES: &[&str] = &["GOV", "COP", "JUD", "LEG"];

/// Roles that check a state's government from inside: its opposition, parties, legislature
/// and courts.
const HOME_CHECKS: &[&str] = &["OPP", "PTY", "LEG", "JUD"];

/// The country of an actor's code and its first role (`EGYCOP` → `EGY`, `COP`), when the code
/// names a country.
fn country_role(code: &str) -> Option<(&str, &str)> {
    let country = actor_country(code).filter(|c| !NOT_STATES.contains(c))?;
    Some((country, actor_roles(code).next().unwrap_or("")))
}

/// The country of a state actor's code (`EGYCOP` → `EGY`, `EGY` → `EGY`), if it is one.
pub(crate) fn state_country(code: &str) -> Option<&str> {
    let (country, role) = country_role(code)?;
    (role.is_empty() || STATE_ROLES.contains(&role)).then_some(country)
}

/// Roles of a state that act at home only: police, courts, legislature.
const HOME_ROLES: &[&str] = &["COP", "JUD", "LEG"];

/// The country whose state a country-less actor belongs to, from the actor on the other side:
/// a state's for a country-less group (*police arrested members of the Muslim Brotherhood*),
/// any of the country's actors for country-less police, courts or legislature, which act at
/// home only (*the interior minister warned that police would deal firmly with protesters*),
/// that of its opposition, legislature or courts for a country-less government, army or
/// intelligence service (*the opposition BNP demanded that the prime minister resign*). A
/// country-less government facing another state is a foreign one (*the government accused
/// Iran*).
fn home_country<'c>(stateless: &str, other: &'c str) -> Option<&'c str> {
    let role = actor_roles(stateless).next();
    if role.is_some_and(|r| HOME_ROLES.contains(&r)) {
        country_role(other).map(|(country, _)| country)
    } else if role.is_some_and(|r| STATE_ROLES.contains(&r) || r == "MIL" || r == "SPY") {
        let (country, role) = country_role(other)?;
        HOME_CHECKS.contains(&role).then_some(country)
    } else {
        state_country(other)
    }
}

/// Whether an event of this CAMEO root is one a state does to its own people, or they to it.
fn is_domestic_kind(root: &str) -> bool {
    matches!(
        root,
        "02" | "09" | "10" | "11" | "12" | "13" | "14" | "16" | "17"
    )
}

/// Whether an actor is police, a court or a legislature, which act at home only, so that any
/// event of theirs, force included (*security forces opened fire on protesters*), is one
/// within their state.
fn acts_at_home(code: &str) -> bool {
    actor_roles(code).any(|r| HOME_ROLES.contains(&r))
}

/// Gives each country-less actor of a sentence's `events` the country of the state on the other
/// side of its event, or of the one state named where the other side is an international body
/// or company, when that state's country is the only one the sentence's `mentions` name.
pub(crate) fn assign(events: &mut [Event], mentions: &[Mention]) {
    let mut countries = mentions
        .iter()
        .filter_map(|m| actor_country(&m.code))
        .filter(|c| *c != UNKNOWN_COUNTRY && !NOT_STATES.contains(c));
    let Some(only) = countries.next() else {
        return;
    };
    if countries.any(|c| c != only) {
        return;
    }
    for e in events.iter_mut() {
        let (Some(source), Some(target)) = (&mut e.source, &mut e.target) else {
            continue;
        };
        let kind = is_domestic_kind(&e.root_code)
            || acts_at_home(&source.code)
            || acts_at_home(&target.code);
        let (stateless, other, cites) = if source.code.starts_with(UNKNOWN_COUNTRY) {
            (source, &*target, &mut e.rule.source)
        } else if target.code.starts_with(UNKNOWN_COUNTRY) {
            (target, &*source, &mut e.rule.target)
        } else {
            continue;
        };
        // An international body deals with states: the country-less side is of the one state
        // named (*the African Union congratulated President-elect Hakainde Hichilema*).
        let facing_no_state = actor_country(&other.code).is_some_and(|c| NOT_STATES.contains(&c));
        if !facing_no_state && (!kind || home_country(&stateless.code, &other.code) != Some(only)) {
            continue;
        }
        stateless.code = format!("{only}{}", &stateless.code[UNKNOWN_COUNTRY.len()..]);
        cites.push(Citation {
            entry: format!("{} → {only}", other.text),
            at: "context (the only state named)".to_string(),
        });
    }
}

/// Whether a CAMEO code is an act a state does to its own people when it names no one:
/// investigating (09), coercing (17: arrests, bans, curfews, emergencies; not expulsions,
/// 174, of foreigners) and easing restrictions or dissent, acceding to demands and releasing
/// persons (081–084; not sanctions, foreign involvement or military de-escalation).
fn is_home_act(code: &tacitus_dict::EventCode) -> bool {
    matches!(code.root(), "09" | "17") && code.base() != "174"
        || matches!(code.base(), "081" | "082" | "083" | "084")
}

/// The target of an act a state does at home to no one named, when the sentence names that
/// state's country only: its own people, in the words of the verb's object (*Sri Lankan
/// authorities lifted a nationwide curfew* is LKA → LKA 0813, the target's words *a
/// nationwide curfew*; *Russia's election commission barred anti-war politician Boris
/// Nadezhdin*). Expert coders code such acts so; left without a target, `require_dyad` would
/// drop them.
pub(crate) fn home_target(tree: &Tree<'_>, mentions: &[Mention], f: &Found) -> Option<Mention> {
    if f.target.is_some() || !is_home_act(&f.code) {
        return None;
    }
    let country = state_country(&mentions.get(f.source?)?.code)?;
    let foreign = mentions
        .iter()
        .filter_map(|m| actor_country(&m.code))
        .any(|c| c != country && c != UNKNOWN_COUNTRY);
    if foreign {
        return None;
    }
    let object = tree.children_rel(f.at, "obj").next()?;
    let words = tree.subtree_without(object, &|c| {
        is_clause_rel(tree.rel(c)) || matches!(tree.rel(c), "acl" | "conj" | "cc")
    });
    Some(Mention {
        head: object,
        first: words.iter().copied().min().unwrap_or(object),
        last: words.iter().copied().max().unwrap_or(object),
        code: country.to_string(),
        cites: vec![Citation {
            entry: format!("{country}, acting at home"),
            at: "context (the state's own people)".to_string(),
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_countries_in_their_own_roles() {
        assert_eq!(state_country("EGYCOP"), Some("EGY"));
        assert_eq!(state_country("ZWEGOV"), Some("ZWE"));
        assert_eq!(state_country("CHN"), Some("CHN"));
        // An army fights abroad; a company or the UN is no state.
        assert_eq!(state_country("USAMIL"), None);
        assert_eq!(state_country("IGOUNO"), None);
        assert_eq!(state_country("---GOV"), None);
        assert_eq!(state_country("EG"), None);
    }

    #[test]
    fn a_stateless_actor_takes_the_country_it_is_at_home_in() {
        assert_eq!(home_country("---OPP", "ZWEGOV"), Some("ZWE"));
        assert_eq!(home_country("---GOV", "BGDOPP"), Some("BGD"));
        assert_eq!(home_country("---GOV", "UKRLEG"), Some("UKR"));
        // Police and courts act at home: the minister's police are the minister's country's.
        assert_eq!(home_country("---COP", "KENGOV"), Some("KEN"));
        assert_eq!(home_country("---JUD", "MMRMIL"), Some("MMR"));
        assert_eq!(home_country("---COP", "IGOUNO"), None);
        // The government of no stated country dealing with a state is another state's.
        assert_eq!(home_country("---GOV", "IRN"), None);
        assert_eq!(home_country("---MIL", "IRNGOV"), None);
        assert_eq!(home_country("---OPP", "IRNOPP"), None);
    }

    #[test]
    fn police_courts_and_legislatures_act_at_home() {
        assert!(acts_at_home("IRNCOP"));
        assert!(acts_at_home("---JUD"));
        assert!(!acts_at_home("IRNMIL"));
        assert!(!acts_at_home("---OPP"));
    }

    #[test]
    fn acts_a_state_does_to_its_own_people() {
        let code = |c: &str| tacitus_dict::EventCode::parse(c).expect("code");
        for c in ["090", "173", "1723", "0813", "0841", "083"] {
            assert!(is_home_act(&code(c)), "{c}");
        }
        for c in ["174", "087", "085", "190", "111"] {
            assert!(!is_home_act(&code(c)), "{c}");
        }
    }

    #[test]
    fn media_and_regions_are_no_states() {
        assert_eq!(state_country("MED"), None);
        assert_eq!(state_country("MEA"), None);
        assert_eq!(state_country("CAF"), Some("CAF"));
    }

    #[test]
    fn kinds_a_state_does_at_home() {
        assert!(is_domestic_kind("17"));
        assert!(is_domestic_kind("02"));
        for root in ["04", "06", "15", "18", "19", "20"] {
            assert!(!is_domestic_kind(root), "{root}");
        }
    }
}
