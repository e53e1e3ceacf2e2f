//! CAMEO actor codes broken into GDELT's actor fields.
//!
//! A CAMEO actor code is a run of three-letter blocks (`USAGOVMIL`, `IGOUNOHLHWHO`,
//! `NGOTZACHRPRO214`): where the actor is from, which known organisation it is, its ethnic and
//! religious affiliation, and its roles. GDELT publishes the parts in separate columns so users
//! can filter on them without parsing codes; the tables below say which block is which. They
//! follow the CAMEO codebook (Schrodt, *CAMEO Conflict and Mediation Event Observations Event
//! and Actor Codebook*, version 1.1b3, 2012: chapter 3 for countries, regions, roles and
//! international actors, chapter 4 (CAMEORCS) for religions, chapter 5 (CAMEOECS) for ethnic
//! groups) as GDELT's lookup tables (`CAMEO.country.txt`, `CAMEO.knowngroup.txt`,
//! `CAMEO.religion.txt`, `CAMEO.ethnic.txt`) list them, plus the few codes the Phoenix and
//! Tacitus dictionaries use that those tables lack (each marked where it is listed).
//!
//! The rules, in order:
//! - A block of digits (CAMEORCS's denominational detail, `PRO214`) is skipped.
//! - A lower-case block is an ethnic group (CAMEOECS codes are lower case); so are the upper-case
//!   `ARB`, `KUR` and `PAL` GDELT's ethnic table also lists.
//! - The country is the first block that is a country or region code. Past the first block a
//!   code that is also a religion (`MUS`: Mauritius, or *Muslim* in the Phoenix agents) is read
//!   as the religion: Phoenix writes `IMGMUSISI`, an armed Muslim group, never Mauritius there.
//! - The known group is the last known-group block, the most specific organisation
//!   (`IGOUNOHLHWHO` is the WHO); earlier ones (`UNO`) are roles, as GDELT's type table has them.
//! - The first two religion blocks are the religions (`CHRCTH`: Christian, then Catholic).
//! - Every other block is a role (type), in order, and so is a block whose slot is already
//!   taken (a second country, a third religion). GDELT has room for three roles; a fourth and
//!   later are dropped (the full code stays in `Actor1Code`).

/// The parts of a CAMEO actor code, as GDELT's `Actor1CountryCode` … `Actor1Type3Code` hold them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorParts {
    /// Country or region (`USA`, `EUR`, `WST`).
    pub country: Option<String>,
    /// Known organisation (`UNO`, `NAT`, `HMS`).
    pub known_group: Option<String>,
    /// Ethnic group (`kur`, `ARB`).
    pub ethnic: Option<String>,
    /// First religion (`CHR`, `MOS`).
    pub religion1: Option<String>,
    /// Second religion (`CTH`, `SUN`).
    pub religion2: Option<String>,
    /// First role (`GOV`, `IGO`).
    pub type1: Option<String>,
    /// Second role.
    pub type2: Option<String>,
    /// Third role.
    pub type3: Option<String>,
}

/// What one block of a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country,
    Known,
    Ethnic,
    Religion,
    Role,
    Skip,
}

impl ActorParts {
    /// Splits a CAMEO actor code into its parts (see the module documentation for the rules).
    pub fn parse(code: &str) -> ActorParts {
        let chars: Vec<char> = code.trim().chars().collect();
        let blocks: Vec<String> = chars.chunks(3).map(|c| c.iter().collect()).collect();
        let mut kinds: Vec<Kind> = Vec::with_capacity(blocks.len());
        let mut have_country = false;
        for (i, b) in blocks.iter().enumerate() {
            // `---` is PETRARCH's "country unknown": no block at all for GDELT.
            let kind = if b == "---" || b.chars().all(|c| c.is_ascii_digit()) {
                Kind::Skip
            } else if b.chars().all(|c| c.is_ascii_lowercase())
                || ETHNIC_UPPER.contains(&b.as_str())
            {
                Kind::Ethnic
            } else if !have_country && is_country(b) && (i == 0 || !is_religion(b)) {
                have_country = true;
                Kind::Country
            } else if is_known_group(b) {
                Kind::Known
            } else if is_religion(b) {
                Kind::Religion
            } else {
                Kind::Role
            };
            kinds.push(kind);
        }
        // Only the last known group is the organisation; earlier ones are its parents (roles).
        if let Some(last) = kinds.iter().rposition(|k| *k == Kind::Known) {
            for k in &mut kinds[..last] {
                if *k == Kind::Known {
                    *k = Kind::Role;
                }
            }
        }
        let mut parts = ActorParts::default();
        let mut roles: Vec<String> = Vec::new();
        for (b, kind) in blocks.into_iter().zip(kinds) {
            let slot = match kind {
                Kind::Skip => continue,
                Kind::Country => &mut parts.country,
                Kind::Known => &mut parts.known_group,
                Kind::Ethnic => &mut parts.ethnic,
                Kind::Religion if parts.religion1.is_none() => &mut parts.religion1,
                Kind::Religion => &mut parts.religion2,
                Kind::Role => {
                    roles.push(b);
                    continue;
                }
            };
            if slot.is_none() {
                *slot = Some(b);
            } else {
                roles.push(b);
            }
        }
        let mut roles = roles.into_iter();
        parts.type1 = roles.next();
        parts.type2 = roles.next();
        parts.type3 = roles.next();
        parts
    }

    /// The roles present, in order.
    pub fn types(&self) -> Vec<&str> {
        [&self.type1, &self.type2, &self.type3]
            .into_iter()
            .filter_map(|t| t.as_deref())
            .collect()
    }

    /// The religions present, in order.
    pub fn religions(&self) -> Vec<&str> {
        [&self.religion1, &self.religion2]
            .into_iter()
            .filter_map(|t| t.as_deref())
            .collect()
    }
}

fn is_country(b: &str) -> bool {
    COUNTRIES.binary_search(&b).is_ok() || REGIONS.binary_search(&b).is_ok()
}

fn is_known_group(b: &str) -> bool {
    KNOWN_GROUPS.binary_search(&b).is_ok()
}

fn is_religion(b: &str) -> bool {
    RELIGIONS.binary_search(&b).is_ok()
}

/// Country codes: ISO 3166-1 alpha-3, which CAMEO uses for states (CAMEO codebook, chapter 3),
/// plus the codes CAMEO and its CountryInfo dictionary keep for states that
/// changed or have none: `ANT` Netherlands Antilles, `CSK` Czechoslovakia, `DDR` East Germany,
/// `FRY` Federal Republic of Yugoslavia, `IMY` Isle of Man (GDELT), `KRJ` Serbian Krajina, `KSV`
/// Kosovo, `MTN` Montenegro (GDELT), `ROM` Romania (pre-2002 ISO), `SCG` Serbia and Montenegro,
/// `SRP` Republika Srpska, `SUN` Soviet Union (CountryInfo), `TMP` East Timor, `USR` USSR, `YUG`
/// Yugoslavia. Sorted.
const COUNTRIES: &[&str] = &[
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ANT", "ARE", "ARG", "ARM", "ASM", "ATA",
    "ATF", "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR",
    "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA",
    "CAF", "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM",
    "CPV", "CRI", "CSK", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DDR", "DEU", "DJI", "DMA",
    "DNK", "DOM", "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK",
    "FRA", "FRO", "FRY", "FSM", "GAB", "GBR", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB",
    "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD", "HND", "HRV",
    "HTI", "HUN", "IDN", "IMN", "IMY", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA",
    "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KRJ", "KSV",
    "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC",
    "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNE",
    "MNG", "MNP", "MOZ", "MRT", "MSR", "MTN", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM", "NCL",
    "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN",
    "PCN", "PER", "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT",
    "REU", "ROM", "ROU", "RUS", "RWA", "SAU", "SCG", "SDN", "SEN", "SGP", "SGS", "SHN", "SJM",
    "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SRP", "SSD", "STP", "SUN", "SUR", "SVK",
    "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM",
    "TLS", "TMP", "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY",
    "USA", "USR", "UZB", "VAT", "VCT", "VEN", "VGB", "VIR", "VNM", "VUT", "WLF", "WSM", "YEM",
    "YUG", "ZAF", "ZMB", "ZWE",
];

/// CAMEO's regional codes and the sub-state areas it codes like countries (CAMEO codebook,
/// chapter 3; GDELT's `CAMEO.country.txt`): Africa, Asia, Baghdad, Balkans, Caribbean, Caucasus,
/// Central Africa, Central Asia, Central Europe, East Indies, Eastern Africa, Eastern Europe,
/// Europe, Gaza Strip, Latin America, Middle East, Mediterranean, North Africa, North America,
/// Persian Gulf, Scandinavia, South America, South Asia, Southeast Asia, Southern Africa, West
/// Africa, West Bank, the West. Sorted.
const REGIONS: &[&str] = &[
    "AFR", "ASA", "BAG", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR",
    "GZS", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF",
    "WSB", "WST",
];

/// Known groups: the international organisations, parties and armed groups CAMEO codes by name
/// (CAMEO codebook, chapter 3, international actors; GDELT's `CAMEO.knowngroup.txt`), plus `ISI`
/// (Islamic State, used by the Tacitus overlay dictionary). Sorted.
const KNOWN_GROUPS: &[&str] = &[
    "AAM", "ABD", "ACC", "ADB", "AEU", "AFB", "ALQ", "AMF", "AML", "AMN", "AMU", "ANO", "APE",
    "ARL", "ASL", "ASN", "ATD", "BCA", "BIS", "BTH", "CEM", "CFA", "CIS", "CMN", "COE", "CPA",
    "CPC", "CRC", "CSS", "CWN", "DFL", "EBR", "ECA", "EEC", "EFT", "ENN", "FAO", "FID", "FIS",
    "FLN", "FTA", "GCC", "GIA", "GOE", "GOS", "GSP", "GSS", "HCH", "HCR", "HEZ", "HIP", "HMS",
    "HRW", "IAC", "IAD", "IAE", "IAF", "ICC", "ICG", "ICJ", "ICO", "IDB", "IGC", "IHF", "ILO",
    "IMF", "IOM", "IPU", "IRC", "ISI", "ISJ", "ITP", "JUR", "KDP", "KID", "LBA", "LKD", "MBR",
    "MRZ", "MSF", "MSP", "NAT", "NEP", "NON", "OAS", "OAU", "OIC", "OPC", "PAP", "PFL", "PLF",
    "PLO", "PLS", "PMD", "PRC", "PSE", "RCR", "RND", "SAA", "SAD", "SCE", "SHA", "SOT", "TAL",
    "UEM", "UNO", "WAD", "WAM", "WAS", "WBK", "WCT", "WEF", "WFP", "WHO", "WTO", "XFM",
];

/// Religions: CAMEORCS's top-level codes and the second-level ones GDELT lists (CAMEO codebook,
/// chapter 4; GDELT's `CAMEO.religion.txt`), `REL` (CAMEORCS: unspecified religious) and `MUS`
/// (the Phoenix agents' code for Muslim, where CAMEO writes `MOS`). Sorted.
const RELIGIONS: &[&str] = &[
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "MUS", "NRM", "PAG", "PRO", "REL", "SFI",
    "SHI", "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO",
];

/// The upper-case entries of GDELT's ethnic table (`CAMEO.ethnic.txt`): Arab, Kurd, Palestinian.
/// Every other CAMEOECS code is lower case (CAMEO codebook, chapter 5).
const ETHNIC_UPPER: &[&str] = &["ARB", "KUR", "PAL"];

#[cfg(test)]
mod tests {
    use super::*;

    /// (country, known group, ethnic, religions, roles), borrowed.
    type View<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Vec<&'a str>,
        Vec<&'a str>,
    );

    fn view(p: &ActorParts) -> View<'_> {
        (
            p.country.as_deref(),
            p.known_group.as_deref(),
            p.ethnic.as_deref(),
            p.religions(),
            p.types(),
        )
    }

    fn check(code: &str, expected: View<'_>) {
        let p = ActorParts::parse(code);
        assert_eq!(view(&p), expected, "{code}");
    }

    #[test]
    fn tables_are_sorted_unique_three_letter_codes() {
        for table in [COUNTRIES, REGIONS, KNOWN_GROUPS, RELIGIONS, ETHNIC_UPPER] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
            assert!(
                table
                    .iter()
                    .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
            );
        }
        // No region is also a country.
        assert!(REGIONS.iter().all(|r| COUNTRIES.binary_search(r).is_err()));
    }

    #[test]
    fn country_and_roles() {
        check(
            "USAGOVMIL",
            (Some("USA"), None, None, vec![], vec!["GOV", "MIL"]),
        );
        check("ISRMIL", (Some("ISR"), None, None, vec![], vec!["MIL"]));
        check("IRN", (Some("IRN"), None, None, vec![], vec![]));
        // PETRARCH's unknown-country marker is no block at all.
        check("---MIL", (None, None, None, vec![], vec!["MIL"]));
        let p = ActorParts::parse("USAGOVMIL");
        assert_eq!(
            (p.type1.as_deref(), p.type2.as_deref(), p.type3.as_deref()),
            (Some("GOV"), Some("MIL"), None)
        );
    }

    #[test]
    fn organisations() {
        // The United Nations: an IGO, no country.
        check("IGOUNO", (None, Some("UNO"), None, vec![], vec!["IGO"]));
        // The European Union: a European IGO.
        check(
            "IGOEUREEC",
            (Some("EUR"), Some("EEC"), None, vec![], vec!["IGO"]),
        );
        // NATO: an IGO of the West.
        check(
            "IGOWSTNAT",
            (Some("WST"), Some("NAT"), None, vec![], vec!["IGO"]),
        );
        // The WHO, a UN agency: the WHO is the organisation, the UN a parent role.
        check(
            "IGOUNOHLHWHO",
            (None, Some("WHO"), None, vec![], vec!["IGO", "UNO", "HLH"]),
        );
        // Amnesty International.
        check(
            "NGOHRIAMN",
            (None, Some("AMN"), None, vec![], vec!["NGO", "HRI"]),
        );
        // Hamas, coded as Palestinian rebels.
        check(
            "PSEREBHMS",
            (Some("PSE"), Some("HMS"), None, vec![], vec!["REB"]),
        );
        // A company from the United States.
        check(
            "MNCUSAMED",
            (Some("USA"), None, None, vec![], vec!["MNC", "MED"]),
        );
    }

    #[test]
    fn religions_and_ethnic_groups() {
        // CAMEORCS's numeric detail is skipped.
        check(
            "NGOTZACHRPRO214",
            (Some("TZA"), None, None, vec!["CHR", "PRO"], vec!["NGO"]),
        );
        // Islamic State: Muslim after the IMG prefix, not Mauritius.
        check(
            "IMGMUSISI",
            (None, Some("ISI"), None, vec!["MUS"], vec!["IMG"]),
        );
        // Chechen militants: Muslim, in Russia.
        check(
            "IMGMUSRUSCNY",
            (Some("RUS"), None, None, vec!["MUS"], vec!["IMG", "CNY"]),
        );
        // The Organisation of Islamic Cooperation.
        check(
            "IGOMOSOIC",
            (None, Some("OIC"), None, vec!["MOS"], vec!["IGO"]),
        );
        // Ethnic groups: CAMEOECS lower case, and GDELT's upper-case Arab.
        check("IRQkur", (Some("IRQ"), None, Some("kur"), vec![], vec![]));
        check(
            "NGOARBHRI",
            (None, None, Some("ARB"), vec![], vec!["NGO", "HRI"]),
        );
        // The first block is the country even when it is also a religion code: Mauritius.
        check("MUSGOV", (Some("MUS"), None, None, vec![], vec!["GOV"]));
    }

    #[test]
    fn roles_only_and_overflow() {
        check("GOV", (None, None, None, vec![], vec!["GOV"]));
        // A fourth role has no column.
        check(
            "USAGOVMILSPYLEG",
            (Some("USA"), None, None, vec![], vec!["GOV", "MIL", "SPY"]),
        );
        // A second country becomes a role.
        check(
            "MNCCHNHKG",
            (Some("CHN"), None, None, vec![], vec!["MNC", "HKG"]),
        );
        check(
            "SUNRUSLEG",
            (Some("SUN"), None, None, vec![], vec!["RUS", "LEG"]),
        );
        // Three religions: the third is a role.
        check(
            "CHRCTHPRO",
            (None, None, None, vec!["CHR", "CTH"], vec!["PRO"]),
        );
    }

    #[test]
    fn odd_input() {
        assert_eq!(ActorParts::parse(""), ActorParts::default());
        assert_eq!(ActorParts::parse("   "), ActorParts::default());
        // A short tail is kept as a role rather than lost.
        check("USAGO", (Some("USA"), None, None, vec![], vec!["GO"]));
        // Non-ASCII does not panic.
        check("ÜSAĞOV", (None, None, None, vec![], vec!["ÜSA", "ĞOV"]));
    }

    #[test]
    fn parts_are_blocks_of_the_code() {
        // Every code the Phoenix and Tacitus dictionaries use most: whatever the code, each
        // part is one of its blocks and nothing but digits is lost (bar a fourth role).
        for code in [
            "USAGOVMIL",
            "IGOUNODEVWBK",
            "NGOCHRCTHDEV",
            "IMGSEAMUSJMA",
            "IGOARBBUSAPE",
            "MNCUSAHLH",
        ] {
            let p = ActorParts::parse(code);
            let (country, known, ethnic, religions, types) = view(&p);
            let mut all: Vec<&str> = Vec::new();
            all.extend(country);
            all.extend(known);
            all.extend(ethnic);
            all.extend(religions);
            all.extend(types);
            for b in &all {
                assert!(code.contains(b), "{code}: {b}");
            }
            assert_eq!(
                all.iter().map(|b| b.len()).sum::<usize>(),
                code.len(),
                "{code}"
            );
        }
    }
}
