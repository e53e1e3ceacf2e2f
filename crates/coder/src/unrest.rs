//! Force in the politics of the street: riots and crackdowns.
//!
//! CAMEO keeps fighting between organised sides (roots 18 and 19) apart from violence in
//! protest: rioters who torch cars *protest violently, riot* (145), and police or soldiers who
//! fire on protesters at home *use tactics of violent repression* (175). Coded verb by verb,
//! both come out of the verb dictionary as assaults (*torched* 180, *opened fire* 190), which
//! would count unrest as war; who the actors are tells them apart.

use tacitus_dict::EventCode;

use crate::coder::Found;
use crate::event::Citation;
use crate::mentions::{Mention, UNKNOWN_COUNTRY, actor_country, actor_roles};

/// Roles of those who use force for a state.
const SECURITY: &[&str] = &["COP", "MIL", "GOV", "SPY"];

/// Roles of organised armed groups: their force is fighting, not protest.
const ARMED: &[&str] = &["MIL", "REB", "UAF", "INS", "SEP"];

/// Whether an actor code names protesters or dissidents (Phoenix's `~OPP`: *protesters*,
/// *rioters*, *demonstrators*, *activists*) and no armed group.
fn is_protest(code: &str) -> bool {
    actor_roles(code).any(|r| r == "OPP") && !actor_roles(code).any(|r| ARMED.contains(&r))
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

/// Recodes the assaults and fights (CAMEO 18, 19) among `out` that are riots or crackdowns.
pub(crate) fn recode(out: &mut [Found], mentions: &[Mention]) {
    for f in out.iter_mut() {
        if !matches!(f.code.root(), "18" | "19") {
            continue;
        }
        let Some(source) = f.source.map(|m| mentions[m].code.as_str()) else {
            continue;
        };
        let target = f.target.map(|m| mentions[m].code.as_str());
        let Some(code) = street_code(source, target).and_then(EventCode::parse) else {
            continue;
        };
        let what = if code.as_str() == "145" {
            "force used by protesters: protest violently, riot"
        } else {
            "a state's force against protesters at home: violent repression"
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
    fn rioters_protest_violently() {
        assert_eq!(street_code("FRAOPP", Some("FRA")), Some("145"));
        assert_eq!(street_code("---OPP", None), Some("145"));
        // Armed opposition fights.
        assert_eq!(street_code("SYROPPMIL", Some("SYRMIL")), None);
        assert_eq!(street_code("---REB", Some("NGA")), None);
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
