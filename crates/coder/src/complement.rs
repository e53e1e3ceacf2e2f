//! A verb of intent, appeal, demand, refusal or threat and the event its complement names are
//! one event, not two.
//!
//! *North Korea threatened to attack South Korea* reports a threat, not an attack; *the EU urged
//! Israel to resume talks* an appeal, not talks. Coded verb by verb, such sentences give the
//! governing verb's generic code (130, 020) and a second, false event from the complement
//! (190, 046). CAMEO has codes for the combinations (*threaten conventional attack* 1384, *appeal
//! to meet or negotiate* 026), so the complement's event refines the governing verb's code and
//! is dropped. A refusal without a dictionary code of its own (*Israel refused to negotiate with
//! Hamas*) turns its complement's event into the rejection (120; 125 for a refusal to meet).

use tacitus_dict::EventCode;

/// CAMEO roots of governing verbs whose complement is not (yet) a fact.
const GOVERNING_ROOTS: &[&str] = &["02", "03", "10", "12", "13"];

/// Verbs of refusal: their complement's event is what is refused.
pub(crate) const REFUSE: &[&str] = &["REFUSE", "DECLINE", "REJECT"];

/// Whether an event with `code` governs the event of its complement (relation `rel`,
/// `infinitive` when it is a *to* infinitive): appeals, intentions and demands govern
/// infinitives and *that*-clauses, refusals and threats infinitives only (*warned that Iran had
/// attacked* reports a fact). An appeal's, demand's or rejection's infinitive the parser made a
/// purpose clause (*urged Israel to resume talks*, *rejected calls to release a tourist*) is its
/// complement too.
pub(crate) fn governs(code: &EventCode, rel: &str, infinitive: bool) -> bool {
    let root = code.root();
    let asks = matches!(root, "02" | "10");
    GOVERNING_ROOTS.contains(&root)
        && (rel == "xcomp"
            || (rel == "ccomp" && (asks || root == "03"))
            || (rel == "advcl" && infinitive && (asks || root == "12")))
}

/// The code of a governing event with `code` once its complement's event `content` is known:
/// the CAMEO code of the combination when `code` is its root's generic one, else `code` itself.
pub(crate) fn combine(code: &EventCode, content: &EventCode) -> EventCode {
    let generic = code.as_str().len() == 2 || code.base().ends_with('0');
    if !generic {
        return code.clone();
    }
    combined(code.root(), content)
        .and_then(EventCode::parse)
        .unwrap_or_else(|| code.clone())
}

/// The intention to do what `content` names, or the threat of it for force and sanctions
/// (*will visit* 042 → 036, *will strike* 190 → 1384), where the code book has one.
pub(crate) fn announced(content: &EventCode) -> Option<EventCode> {
    combined("03", content).and_then(EventCode::parse)
}

/// The rejection of what a refusal's complement names (*refused to meet*: 125).
pub(crate) fn refusal(content: &EventCode) -> Option<EventCode> {
    combined("12", content).and_then(EventCode::parse)
}

/// CAMEO's codes for one governing root over cooperative content, by the content's root.
struct Combinations {
    /// Over consultation (04): to meet or negotiate, and to mediate (045).
    meet: (&'static str, &'static str),
    /// Over diplomatic cooperation (05).
    diplomatic: &'static str,
    /// Over material cooperation (06), aid (07) and concessions (08): the sub-codes in the
    /// order of the content's third digit (economic, military, judicial, intelligence; ...),
    /// then the generic code.
    material: (&'static [&'static str], &'static str),
    aid: (&'static [&'static str], &'static str),
    concessions: (&'static [&'static str], &'static str),
}

const APPEAL: Combinations = Combinations {
    meet: ("026", "028"),
    diplomatic: "022",
    material: (&["0211", "0212", "0213", "0214"], "021"),
    aid: (&["0231", "0232", "0233", "0234"], "023"),
    concessions: (
        &["0251", "0252", "024", "0253", "0254", "0255", "0256"],
        "025",
    ),
};

const INTENT: Combinations = Combinations {
    meet: ("036", "039"),
    diplomatic: "032",
    material: (&["0311", "0312", "0313", "0314"], "031"),
    aid: (&["0331", "0332", "0333", "0334"], "033"),
    concessions: (
        &["0351", "0352", "034", "0353", "0354", "0355", "0356"],
        "035",
    ),
};

const DEMAND: Combinations = Combinations {
    meet: ("106", "108"),
    diplomatic: "102",
    material: (&["1011", "1012", "1013", "1014"], "101"),
    aid: (&["1031", "1032", "1033", "1034"], "103"),
    concessions: (
        &["1051", "1052", "104", "1053", "1054", "1055", "1056"],
        "105",
    ),
};

const REFUSAL: Combinations = Combinations {
    meet: ("125", "126"),
    diplomatic: "120",
    material: (&["1211", "1212"], "121"),
    aid: (&["1221", "1222", "1223", "1224"], "122"),
    concessions: (
        &["1241", "1242", "123", "1243", "1244", "1245", "1246"],
        "124",
    ),
};

/// The CAMEO code for governing root `root` over `content`, where the code book has one.
fn combined(root: &str, content: &EventCode) -> Option<&'static str> {
    let (r, base) = (content.root(), content.base());
    let family = match root {
        "02" => Some(&APPEAL),
        "03" => Some(&INTENT),
        "10" => Some(&DEMAND),
        "12" => Some(&REFUSAL),
        _ => None,
    };
    let pick = |(codes, generic): (&[&'static str], &'static str)| {
        let k = base
            .as_bytes()
            .get(2)
            .map_or(0, |d| d.wrapping_sub(b'0') as usize);
        codes.get(k.wrapping_sub(1)).copied().unwrap_or(generic)
    };
    if let Some(f) = family {
        match r {
            "04" => return Some(if base == "045" { f.meet.1 } else { f.meet.0 }),
            "05" => return Some(f.diplomatic),
            "06" => return Some(pick(f.material)),
            "07" => return Some(pick(f.aid)),
            "08" => return Some(pick(f.concessions)),
            _ => {}
        }
    }
    match (root, r) {
        // Vowing violence or sanctions is threatening them.
        ("03" | "13", "16") => Some(match base {
            "161" => "1313",
            "162" => "1311",
            "163" => "1312",
            _ => "131",
        }),
        ("03" | "13", "17") => Some("137"),
        ("03" | "13", "18") => Some("1383"),
        ("03" | "13", "19") => Some(match base {
            "191" => "1381",
            "192" => "1382",
            _ => "1384",
        }),
        ("03" | "13", "20") => Some("1385"),
        ("13", "14") => Some("133"),
        ("12", "01") => Some("011"),
        ("12", _) => Some("120"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> EventCode {
        EventCode::parse(s).unwrap()
    }

    #[test]
    fn generic_codes_take_the_combination() {
        assert_eq!(combine(&c("130"), &c("190")).as_str(), "1384");
        assert_eq!(combine(&c("130"), &c("192")).as_str(), "1382");
        assert_eq!(combine(&c("130"), &c("163")).as_str(), "1312");
        assert_eq!(combine(&c("020"), &c("046")).as_str(), "026");
        assert_eq!(combine(&c("030"), &c("0841")).as_str(), "0353");
        assert_eq!(combine(&c("030"), &c("072")).as_str(), "0332");
        assert_eq!(combine(&c("100"), &c("0874")).as_str(), "1056");
        assert_eq!(combine(&c("100"), &c("083")).as_str(), "104");
        assert_eq!(combine(&c("120"), &c("046")).as_str(), "125");
        assert_eq!(combine(&c("030"), &c("045")).as_str(), "039");
        assert_eq!(refusal(&c("050")).unwrap().as_str(), "120");
        assert_eq!(refusal(&c("0841")).unwrap().as_str(), "1243");
        assert_eq!(refusal(&c("010")).unwrap().as_str(), "011");
    }

    #[test]
    fn specific_codes_and_unknown_combinations_stay() {
        assert_eq!(combine(&c("0332"), &c("190")).as_str(), "0332");
        assert_eq!(combine(&c("138"), &c("190")).as_str(), "138");
        assert_eq!(combine(&c("020"), &c("190")).as_str(), "020");
        assert_eq!(combine(&c("130"), &c("040")).as_str(), "130");
    }

    #[test]
    fn what_each_governing_code_governs() {
        assert!(governs(&c("130"), "xcomp", true));
        assert!(!governs(&c("130"), "ccomp", false));
        assert!(governs(&c("100"), "ccomp", false));
        assert!(!governs(&c("190"), "xcomp", true));
        assert!(!governs(&c("010"), "ccomp", false));
        assert!(governs(&c("020"), "advcl", true));
        assert!(!governs(&c("020"), "advcl", false));
        assert!(!governs(&c("130"), "advcl", true));
    }
}
