//! Loads the real Phoenix and PETRARCH validation dictionaries from `$TACITUS_DATA`
//! (default `../shared/data` beside the workspace) and checks counts and known entries.

use std::path::PathBuf;
use std::time::Instant;

use tacitus_dict::{
    Date, EventCode, PatternElement, PatternTerm, PhoenixSet, load_actors, load_agents,
    load_discards, load_verbs,
};

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("TACITUS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    if dir.join("cameo").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: no dictionaries at {} (set TACITUS_DATA)",
            dir.display()
        );
        None
    }
}

/// The text of a 1-based line of a file (files are read once and cached).
fn line_of(path: &str, line: u32) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<String, Vec<String>>>> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap();
    let lines = cache.entry(path.to_string()).or_insert_with(|| {
        let bytes = std::fs::read(path).unwrap();
        String::from_utf8_lossy(&bytes)
            .lines()
            .map(str::to_string)
            .collect()
    });
    lines.get(line as usize - 1).cloned().unwrap_or_default()
}

#[test]
fn phoenix_set_loads_with_plausible_counts() {
    let Some(dir) = data_dir() else { return };
    let start = Instant::now();
    let set = PhoenixSet::load(&dir).unwrap();
    let took = start.elapsed();
    assert!(took.as_secs_f64() < 10.0, "load took {took:?}");

    let v = &set.verbs;
    assert!(v.synsets.len() >= 30, "{} synsets", v.synsets.len());
    assert!(v.families.len() >= 300, "{} families", v.families.len());
    assert!(v.verbs.len() >= 1500, "{} verbs", v.verbs.len());
    assert!(v.patterns.len() >= 4000, "{} patterns", v.patterns.len());
    assert!(!v.transformations.is_empty());
    assert!(
        set.actors.entries.len() >= 20_000,
        "{} actors",
        set.actors.entries.len()
    );
    assert!(
        set.agents.entries.len() >= 2000,
        "{} agents",
        set.agents.entries.len()
    );
    assert!(set.discards.entries.len() >= 400);
    assert!(set.issues.entries.len() >= 1000);
    assert!(set.goldstein.scores.len() >= 300);
    assert!(set.plover.mappings.len() >= 250);

    // Goldstein and PLOVER.
    let c190 = EventCode::parse("190").unwrap();
    assert_eq!(set.goldstein.get(&c190), Some(-10.0));
    let m = set.plover.get(&EventCode::parse("043").unwrap()).unwrap();
    assert_eq!(
        (m.event.as_str(), m.mode.as_deref()),
        ("CONSULT", Some("visit"))
    );
    assert_eq!(
        set.descriptions.get(&EventCode::parse("01").unwrap()),
        Some("MAKE PUBLIC STATEMENT")
    );

    // An actor with a USA code, chosen by date.
    let obama = set.actors.lookup_text("President Barack Obama");
    assert!(!obama.is_empty());
    let codes = obama[0].codes_on(Date::new(2012, 6, 1).unwrap());
    assert!(
        codes.iter().any(|c| c.as_str().starts_with("USA")),
        "{codes:?}"
    );
    let usa = set.actors.lookup_text("United States of America");
    assert_eq!(usa[0].codes[0].0.as_str(), "USA");

    // An agent: "Israeli troops" → ISRMIL.
    let troops = set.agents.lookup(&["TROOPS".to_string()]);
    assert_eq!(troops[0].code.apply("ISR"), "ISRMIL");

    // A verb pattern with a code, citing its line.
    let ask = v.families.iter().position(|f| f.name == "ASK").unwrap();
    let p = v
        .family_patterns(ask)
        .find(|p| {
            p.after
                == [PatternElement::Term(PatternTerm::Word(
                    "EXTRADITION".into(),
                ))]
        })
        .unwrap();
    assert_eq!(p.code.forward.as_ref().unwrap().as_str(), "0213");
    assert!(line_of(&p.line.file, p.line.line).starts_with("- * EXTRADITION"));

    // Every entry's location points at the line it came from.
    for p in &v.patterns {
        assert!(
            line_of(&p.line.file, p.line.line)
                .trim_start()
                .starts_with('-')
        );
    }
    let e = &set.actors.entries[1000];
    let text = line_of(&e.line.file, e.line.line).to_uppercase();
    assert!(
        text.contains(&e.names[0].words[0]),
        "{text:?} vs {:?}",
        e.names[0]
    );
    let verb = v.verbs.iter().find(|x| x.base.verb == "RUSH").unwrap();
    assert!(line_of(&verb.line.file, verb.line.line).starts_with("RUSH"));

    // Known, reported irregularities in the shipped files.
    assert!(
        v.warnings
            .iter()
            .any(|w| w.message.contains("repeated ending"))
    );
    assert!(
        set.actors
            .warnings
            .iter()
            .any(|w| w.message.contains("digits"))
    );
}

#[test]
fn petrarch_validation_dictionaries_load() {
    let Some(dir) = data_dir() else { return };
    let t = dir.join("petrarch-unit-tests");
    let verbs = load_verbs(&t.join("PETR.Validate.verbs.2.0.txt")).unwrap();
    assert!(verbs.patterns.len() > 100, "{}", verbs.patterns.len());
    assert!(
        verbs
            .patterns
            .iter()
            .any(|p| p.before == [PatternElement::Compound])
    );
    let actors = load_actors(&t.join("PETR.Validate.actors.txt")).unwrap();
    let arnor = actors.lookup_text("Arnor");
    assert!(!arnor.is_empty());
    assert!(arnor[0].codes[0].0.as_str().starts_with("ARN"));
    let agents = load_agents(&t.join("PETR.Validate.agents.txt")).unwrap();
    assert!(!agents.entries.is_empty());
    let discards = load_discards(&t.join("PETR.Validate.discards.txt")).unwrap();
    assert!(!discards.entries.is_empty());
}
