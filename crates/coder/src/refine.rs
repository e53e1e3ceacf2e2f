//! Code-book distinctions the verb dictionary cannot draw: riots, crackdowns, mass killings,
//! official complaints.
//!
//! The verb dictionary codes *torched*, *opened fire* or *killed* as assaults and fights (CAMEO
//! roots 18 and 19) whoever does them to whomever, but CAMEO tells apart force used in protest
//! (*protest violently, riot*, 145), a state's force against protesters at home (*use tactics
//! of violent repression*, 175) and the killing of many who were not fighting (*engage in mass
//! killings*, 202). Who the actors are and how many were killed draw the line, so a sentence
//! about a riot or a massacre is not counted as a battle.

use tacitus_dict::EventCode;

use crate::coder::Found;
use crate::domestic;
use crate::event::Citation;
use crate::mentions::{Mention, UNKNOWN_COUNTRY, actor_country, actor_roles};
use crate::tree::Tree;

/// Roles of those who use force for a state.
const SECURITY: &[&str] = &["COP", "MIL", "GOV", "SPY"];

/// Roles of organised armed groups: their force is fighting, not protest.
const ARMED: &[&str] = &["MIL", "REB", "UAF", "INS", "SEP"];

/// Whether an actor code names protesters or dissidents (Phoenix's `~OPP`: *protesters*,
/// *rioters*, *demonstrators*, *activists*) and no armed group.
fn is_protest(code: &str) -> bool {
    actor_roles(code).any(|r| r == "OPP") && !is_armed(code)
}

/// Whether an actor code names a state's police, army, government or intelligence service.
fn is_security(code: &str) -> bool {
    actor_roles(code).any(|r| SECURITY.contains(&r))
}

/// Whether two actors may be of one country: the same country, or either of none known.
fn at_home(a: &str, b: &str) -> bool {
    let country = |c| actor_country(c).filter(|&c| c != UNKNOWN_COUNTRY);
    match (country(a), country(b)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The code-book code for force between these actors, when it is not fighting: 145 for force
/// used by protesters, 175 for a state's force against protesters at home.
fn street_code(source: &str, target: Option<&str>) -> Option<&'static str> {
    if is_protest(source) {
        return Some("145");
    }
    let target = target?;
    (is_security(source) && is_protest(target) && at_home(source, target)).then_some("175")
}

/// Verbs of killing (lemmas, as the tree spells them).
const KILLING: &[&str] = &["KILL", "MASSACRE", "SLAUGHTER", "MURDER", "EXECUTE"];

/// The fewest killed that CAMEO's *mass killings* (202) is taken to mean here: the code book
/// gives no number; a hundred or more non-combatants is what wire reports of massacres name.
const MASS: u64 = 100;

/// Words that count the killed in hundreds or more (*hundreds of protesters*).
const MANY: &[&str] = &["HUNDREDS", "THOUSANDS", "TENS"];

/// How many a noun phrase headed at word `w` counts, when a number or *hundreds* says (*at
/// least 160 people*, *1,200 villagers*, *hundreds of protesters*).
fn count_of(tree: &Tree<'_>, w: usize) -> Option<u64> {
    let count = |i: usize| {
        if MANY.contains(&tree.upper[i]) {
            Some(MASS)
        } else {
            tree.upper[i].replace(',', "").parse().ok()
        }
    };
    count(w).or_else(|| tree.children_rel(w, "nummod").find_map(count))
}

/// Whether the killing verb at word `v` killed at least [`MASS`]: its object, or the subject of
/// its passive.
fn kills_many(tree: &Tree<'_>, v: usize) -> bool {
    KILLING.contains(&tree.lemma[v])
        && tree.children[v].iter().any(|&c| {
            matches!(tree.rel(c), "obj" | "nsubj:pass")
                && count_of(tree, c).is_some_and(|n| n >= MASS)
        })
}

/// Whether an actor code names an armed side, whose dead fell fighting.
fn is_armed(code: &str) -> bool {
    actor_roles(code).any(|r| ARMED.contains(&r))
}

/// Whether an actor code names a state or its government (*China*, *the Philippines*,
/// `JPNGOV`), which protests through diplomatic channels, not in the street.
fn is_state(code: &str) -> bool {
    domestic::state_country(code).is_some() && actor_roles(code).next().is_none_or(|r| r == "GOV")
}

/// Whether a protest is a state's to another state or an international body: *complain
/// officially* (114), not the street protest (14) the verb dictionary gives *protested* (*the
/// Philippines protested to China over the use of water cannon*).
fn official_complaint(code: &EventCode, source: &str, target: Option<&str>) -> bool {
    let abroad = |t: &str| {
        t.starts_with("IGO")
            || actor_country(t).is_some_and(|c| c != UNKNOWN_COUNTRY && !at_home(source, t))
    };
    code.root() == "14" && code.base() != "145" && is_state(source) && target.is_some_and(abroad)
}

/// Whether the source of a protest at verb `v` names a state, not its people: *protest* or
/// *complain* (or *summoned … to protest*) said of a name that is no plural of a people (*the
/// Philippines protested*, not *Iranians protested*).
fn protest_by_state(tree: &Tree<'_>, v: usize, m: &Mention) -> bool {
    let people = matches!(tree.words[m.head].xpos.as_str(), "NNS" | "NNPS")
        && !tree.upper[m.head].eq_ignore_ascii_case(tree.lemma[m.head]);
    matches!(tree.lemma[v], "PROTEST" | "COMPLAIN" | "SUMMON") && !people
}

/// Recodes the assaults and fights (CAMEO 18, 19) among `out` that are mass killings, riots or
/// crackdowns, and the protests that are a state's official complaints.
pub(crate) fn recode(tree: &Tree<'_>, out: &mut [Found], mentions: &[Mention]) {
    for f in out.iter_mut() {
        if let Some(m) = f.source.map(|m| &mentions[m]) {
            let target = f.target.map(|m| mentions[m].code.as_str());
            if official_complaint(&f.code, &m.code, target)
                && protest_by_state(tree, f.at, m)
                && let Some(code) = EventCode::parse("114")
            {
                f.refinement = Some(Citation {
                    entry: format!(
                        "{} a state's protest to another: complain officially (114)",
                        f.code.as_str()
                    ),
                    at: "CAMEO code book".to_string(),
                });
                f.code = code;
                continue;
            }
        }
        if !matches!(f.code.root(), "18" | "19") {
            continue;
        }
        let Some(source) = f.source.map(|m| mentions[m].code.as_str()) else {
            continue;
        };
        let target = f.target.map(|m| mentions[m].code.as_str());
        let mass = kills_many(tree, f.at) && !target.is_some_and(is_armed);
        let code = if mass {
            Some("202")
        } else {
            street_code(source, target)
        };
        let Some(code) = code.and_then(EventCode::parse) else {
            continue;
        };
        let what = match code.as_str() {
            "202" => "a hundred or more killed, not in battle: mass killings",
            "145" => "force used by protesters: protest violently, riot",
            _ => "a state's force against protesters at home: violent repression",
        };
        f.refinement = Some(Citation {
            entry: format!("{} {what} ({})", f.code.as_str(), code.as_str()),
            at: "CAMEO code book".to_string(),
        });
        f.code = code;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn armed_sides_fall_fighting() {
        assert!(is_armed("IRNMIL"));
        assert!(is_armed("---REB"));
        assert!(!is_armed("IRNOPP"));
        assert!(!is_armed("---PPL"));
    }

    #[test]
    fn rioters_protest_violently() {
        assert_eq!(street_code("FRAOPP", Some("FRA")), Some("145"));
        assert_eq!(street_code("---OPP", None), Some("145"));
        // Armed opposition fights.
        assert_eq!(street_code("SYROPPMIL", Some("SYRMIL")), None);
        assert_eq!(street_code("---REB", Some("NGA")), None);
    }

    #[test]
    fn states_complain_officially() {
        let c = |s: &str| EventCode::parse(s).expect("code");
        assert!(official_complaint(&c("140"), "PHL", Some("CHN")));
        assert!(official_complaint(&c("141"), "CHNGOV", Some("JPNGOV")));
        assert!(official_complaint(&c("140"), "TWN", Some("IGOUNO")));
        // Protesters, a riot, or a protest at home stay protests.
        assert!(!official_complaint(&c("140"), "PHLOPP", Some("CHN")));
        assert!(!official_complaint(&c("140"), "CUB", Some("---CVL")));
        assert!(!official_complaint(&c("145"), "PHL", Some("CHN")));
        assert!(!official_complaint(&c("140"), "PHL", Some("PHLGOV")));
        assert!(!official_complaint(&c("140"), "PHL", None));
    }

    #[test]
    fn security_forces_repress_protesters_at_home() {
        assert_eq!(street_code("IRNCOP", Some("---OPP")), Some("175"));
        assert_eq!(street_code("IRNMIL", Some("IRNOPP")), Some("175"));
        // Abroad, or against an armed group or civilians, force stays force.
        assert_eq!(street_code("ISRMIL", Some("PSEOPP")), None);
        assert_eq!(street_code("IRNCOP", Some("---REB")), None);
        assert_eq!(street_code("IRNCOP", Some("IRNCVL")), None);
        assert_eq!(street_code("IRNCOP", None), None);
    }
}
