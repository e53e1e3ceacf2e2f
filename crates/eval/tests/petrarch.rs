//! Tests of the PETRARCH validation reader and scorer: the real unit-test suite, a small fixture,
//! malformed input, scoring arithmetic, and a property that parsing never panics.
//!
//! Data directory: `$TACITUS_DATA` or `../shared/data` relative to the workspace root; the tests
//! that need it print a message and pass when it is missing.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use tacitus_eval::petrarch::{
    CategoryScore, Config, Date, Expected, Outcome, PetrarchError, Record, Triple, ValidationFile,
    score,
};

fn suite_path() -> PathBuf {
    std::env::var("TACITUS_DATA")
        .map_or_else(
            |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
            PathBuf::from,
        )
        .join("petrarch-unit-tests/PETR.UnitTest.records.xml")
}

fn suite() -> Option<ValidationFile> {
    let path = suite_path();
    if !path.exists() {
        eprintln!("skipping: {} not found (set TACITUS_DATA)", path.display());
        return None;
    }
    Some(ValidationFile::load(&path).expect("the PETRARCH suite loads"))
}

fn t(source: &str, target: &str, code: &str) -> Triple {
    Triple::new(source, target, code)
}

fn rec<'a>(v: &'a ValidationFile, id: &str) -> &'a Record {
    v.record(id).unwrap_or_else(|| panic!("record {id}"))
}

#[test]
fn suite_has_284_records_280_evaluated() {
    let Some(v) = suite() else { return };
    assert_eq!(v.records.len(), 284);
    assert_eq!(v.evaluated().count(), 280);
    assert!(!rec(&v, "DEMO_04").evaluated);
}

#[test]
fn suite_records_read_as_written() {
    let Some(v) = suite() else { return };
    let demo = rec(&v, "DEMO_00");
    assert_eq!(
        demo.expected,
        Expected::Events(vec![t("ARN", "GON", "050")])
    );
    assert_eq!(demo.category, "DEMO");
    assert_eq!(
        demo.date,
        Some(Date {
            year: 1995,
            month: 1,
            day: 1
        })
    );
    assert_eq!(demo.line, 62);
    assert!(demo.evaluated);
    assert_eq!(
        demo.text,
        "Arnor is about to restore full diplomatic ties with Gondor almost five years after \
         crowds trashed its embassy."
    );
    assert_eq!(rec(&v, "DEMO_24").expected, Expected::NoEvents);
    // Quoted new-actor codes are kept with their quotes.
    assert!(
        rec(&v, "DEMO_22")
            .expected
            .triples()
            .contains(&t("\"INJURY TOLL\"", "OSG", "190"))
    );
    // A record without <EventCoding> expects nothing; an expected error expects no events.
    assert_eq!(rec(&v, "PATTERN_06").expected, Expected::NoEvents);
    let discard = rec(&v, "DISCARD_01");
    assert_eq!(discard.expected, Expected::NoEvents);
    assert_eq!(discard.error.as_deref(), Some("storydiscard"));
    assert_eq!(rec(&v, "FINAL-RECORD").expected, Expected::NoEvents);
}

#[test]
fn suite_config_switches_between_records() {
    let Some(v) = suite() else { return };
    let dyad = |id: &str| rec(&v, id).config.require_dyad;
    assert!(dyad("DEMO_00"));
    assert!(dyad("COMPOUND_02"));
    assert!(!dyad("COMPOUND_03"));
    assert!(!dyad("COMPOUND_04"));
    assert!(dyad("COMPOUND_05"));
    let first = &v.records[0].config;
    assert_eq!(
        first.other.get("stop_on_error").map(String::as_str),
        Some("True")
    );
    assert_eq!(first.new_actor_length, 0);
    assert_eq!(first.comma_emax, None);
    assert_eq!(rec(&v, "DEMO_22").config.new_actor_length, 4);
    assert_eq!(rec(&v, "DEMO_23").config.new_actor_length, 0);
}

#[test]
fn suite_environment_names_existing_dictionaries() {
    let Some(v) = suite() else { return };
    let env = &v.environment;
    let verbs = env.verbs.as_ref().expect("verb file");
    assert!(verbs.ends_with("PETR.Validate.verbs.2.0.txt"));
    assert!(verbs.exists(), "{}", verbs.display());
    assert_eq!(env.actors.len(), 1);
    assert!(env.actors[0].ends_with("PETR.Validate.actors.txt"));
    for p in env.actors.iter().chain(&env.agents).chain(&env.discards) {
        assert!(p.exists(), "{}", p.display());
    }
    assert_eq!(env.issues, None);
}

#[test]
fn suite_scores_perfectly_against_itself() {
    let Some(v) = suite() else { return };
    let outcomes = v
        .evaluated()
        .map(|r| r.outcome(r.expected.triples().to_vec()))
        .collect();
    let report = score(outcomes);
    assert_eq!((report.records, report.passed), (280, 280));
    assert_eq!(report.pass_rate, 100.0);
    assert_eq!(report.event_precision, 100.0);
    assert_eq!(report.event_recall, 100.0);
    assert!(report.failures.is_empty());
    assert_eq!(
        report
            .by_category
            .values()
            .map(|c| c.records)
            .sum::<usize>(),
        280
    );
}

const FIXTURE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Validation>
<Environment>
  <Verbfile> verbs.txt </Verbfile>
  <Actorfile>a1.txt, sub/a2.txt ,</Actorfile>
  <Actorfile>a3.txt</Actorfile>
  <Issuefile>issues.txt</Issuefile>
  <Config option="comma_min" value=" 2 " />
</Environment>
<Sentences>
<Sentence source="DEMO" date="20000229" id="A" sentence="TRUE">
<!-- a comment -->
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<EventCoding eventcode="040" sourcecode="&quot;NEW ACTOR&quot;" targetcode="GON" />
<Text>
  Arnor &amp; Gondor
	restore   ties &lt;again&gt;.
</Text>
<Parse>(ROOT (S (NP Arnor)))</Parse>
</Sentence>
<Config option="require_dyad" value="FALSE" />
<Config option="new_actor_length" value="4" />
<Config option="comma_emax" value="0" />
<Sentence source="DEMO" category="CAT" id="B" sentence="false">
<EventCoding noevents="True"> </EventCoding>
<Text>No <!-- inner --> events.</Text>
</Sentence>
<Config option="require_dyad" value="true" />
<Sentence source="ERROR" id="C" sentence="true">
<EventCoding error="storydiscard" />
<Text/>
</Sentence>
</Sentences>
</Validation>
"#;

#[test]
fn fixture_reads_environment_records_and_config() {
    let base = Path::new("/data/tests");
    let v = ValidationFile::parse(FIXTURE, base).unwrap();
    let env = &v.environment;
    assert_eq!(env.verbs, Some(base.join("verbs.txt")));
    assert_eq!(
        env.actors,
        vec![
            base.join("a1.txt"),
            base.join("sub/a2.txt"),
            base.join("a3.txt")
        ]
    );
    assert_eq!(env.agents, None);
    assert_eq!(env.issues, Some(base.join("issues.txt")));

    assert_eq!(v.records.len(), 3);
    assert_eq!(
        v.evaluated().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["A", "C"]
    );

    let a = &v.records[0];
    assert_eq!(a.category, "DEMO");
    assert_eq!(a.line, 11);
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2000-02-29"));
    assert_eq!(a.text, "Arnor & Gondor restore ties <again>.");
    assert_eq!(
        a.expected,
        Expected::Events(vec![
            t("ARN", "GON", "050"),
            t("\"NEW ACTOR\"", "GON", "040")
        ])
    );
    assert_eq!(a.error, None);
    let mut want = Config::default();
    want.other.insert("comma_min".into(), "2".into());
    assert_eq!(a.config, want);

    let b = &v.records[1];
    assert_eq!(b.category, "CAT");
    assert_eq!(b.date, None);
    assert!(!b.evaluated);
    assert_eq!(b.text, "No events.");
    assert_eq!(b.expected, Expected::NoEvents);
    assert!(!b.config.require_dyad);
    assert_eq!(b.config.new_actor_length, 4);
    assert_eq!(b.config.comma_emax, Some(0));

    let c = &v.records[2];
    assert_eq!(c.text, "");
    assert_eq!(c.expected, Expected::NoEvents);
    assert_eq!(c.error.as_deref(), Some("storydiscard"));
    assert!(c.config.require_dyad);
    assert_eq!(c.config.new_actor_length, 4);
}

fn parse_err(xml: &str) -> PetrarchError {
    ValidationFile::parse(xml, Path::new(".")).expect_err("should fail")
}

fn format_line(xml: &str) -> (u32, String) {
    match parse_err(xml) {
        PetrarchError::Format { line, message } => (line, message),
        e => panic!("expected a format error, got {e:?}"),
    }
}

#[test]
fn malformed_files_give_typed_errors() {
    assert!(matches!(
        parse_err("<Validation>\n<Sentences>\n</Validation>"),
        PetrarchError::Xml { line: 3, .. }
    ));
    let (line, msg) = format_line(
        "<Validation>\n<Sentence id=\"X\" sentence=\"true\">\n<EventCoding noevents=\"true\"/>\n\
         </Sentence></Validation>",
    );
    assert_eq!(line, 2);
    assert!(msg.contains("no <Text>"), "{msg}");
    let (line, msg) = format_line(
        "<Validation>\n\n<Config option=\"require_dyad\" value=\"maybe\"/></Validation>",
    );
    assert_eq!(line, 3);
    assert!(msg.contains("require_dyad"), "{msg}");
    let (_, msg) = format_line(
        "<Validation><Sentence id=\"X\"><EventCoding eventcode=\"050\" sourcecode=\"A\"/>\
         <Text>t</Text></Sentence></Validation>",
    );
    assert!(msg.contains("targetcode"), "{msg}");
    let (_, msg) = format_line(
        "<Validation><Sentence id=\"X\" date=\"19950230\"><Text>t</Text></Sentence></Validation>",
    );
    assert!(msg.contains("date"), "{msg}");
    let (_, msg) = format_line("<Validation><Sentence><Text>t</Text></Sentence></Validation>");
    assert!(msg.contains("id"), "{msg}");
    let (_, msg) = format_line(
        "<Validation><Sentence id=\"X\"><EventCoding noevents=\"true\"/>\
         <EventCoding eventcode=\"1\" sourcecode=\"A\" targetcode=\"B\"/><Text>t</Text>\
         </Sentence></Validation>",
    );
    assert!(msg.contains("both"), "{msg}");
    let (line, _) = format_line("<Other/>");
    assert_eq!(line, 1);
    let missing = Path::new("/nonexistent/petrarch.xml");
    match ValidationFile::load(missing) {
        Err(PetrarchError::Io { path, .. }) => assert_eq!(path, missing),
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

/// A record with the given category and expected triples (`None`: no events).
fn record(id: &str, category: &str, expected: Option<Vec<Triple>>) -> Record {
    Record {
        id: id.into(),
        category: category.into(),
        date: None,
        evaluated: true,
        text: String::new(),
        expected: expected.map_or(Expected::NoEvents, Expected::Events),
        error: None,
        config: Config::default(),
        line: 1,
    }
}

#[test]
fn outcome_compares_sets() {
    let r = record(
        "A",
        "DEMO",
        Some(vec![t("ARN", "GON", "050"), t("GON", "ARN", "050")]),
    );
    let o = r.outcome(vec![
        t("GON", "ARN", "050"),
        t("ARN", "GON", "050"),
        t("GON", "ARN", "050"),
    ]);
    assert!(o.passed, "order and duplicates do not matter");
    assert_eq!(o.got, vec![t("ARN", "GON", "050"), t("GON", "ARN", "050")]);
    assert!(
        !r.outcome(vec![
            t("ARN", "GON", "050"),
            t("GON", "ARN", "050"),
            t("ARN", "OSG", "050")
        ])
        .passed,
        "an extra triple fails"
    );
    assert!(!r.outcome(vec![t("ARN", "GON", "050")]).passed);
    let none = record("B", "DEMO", None);
    assert!(none.outcome(vec![]).passed);
    assert!(!none.outcome(vec![t("ARN", "GON", "050")]).passed);
}

#[test]
fn score_counts_triples_and_categories() {
    let ab = t("A", "B", "010");
    let ba = t("B", "A", "010");
    let ac = t("A", "C", "020");
    let outcomes: Vec<Outcome> = vec![
        // Pass: 2 expected, 2 coded, 2 right.
        record("1", "X", Some(vec![ab.clone(), ba.clone()])).outcome(vec![ba.clone(), ab.clone()]),
        // Fail, extra triple: 1 expected, 2 coded, 1 right.
        record("2", "X", Some(vec![ab.clone()])).outcome(vec![ab.clone(), ac.clone()]),
        // Fail, missed: 2 expected, 0 coded.
        record("3", "Y", Some(vec![ab.clone(), ac.clone()])).outcome(vec![]),
        // Pass: nothing expected, nothing coded.
        record("4", "Y", None).outcome(vec![]),
        // Fail: nothing expected, 1 coded.
        record("5", "Z", None).outcome(vec![ba.clone()]),
    ];
    let r = score(outcomes);
    assert_eq!((r.records, r.passed), (5, 2));
    assert_eq!(r.pass_rate, 40.0);
    // TP = 2 + 1 = 3; coded = 2 + 2 + 1 = 5; expected = 2 + 1 + 2 = 5.
    assert_eq!(
        (r.true_positives, r.got_triples, r.expected_triples),
        (3, 5, 5)
    );
    assert!((r.event_precision - 60.0).abs() < 1e-9);
    assert!((r.event_recall - 60.0).abs() < 1e-9);
    let cat = |c: &str| r.by_category[c];
    assert_eq!(
        cat("X"),
        CategoryScore {
            records: 2,
            passed: 1
        }
    );
    assert_eq!(
        cat("Y"),
        CategoryScore {
            records: 2,
            passed: 1
        }
    );
    assert_eq!(
        cat("Z"),
        CategoryScore {
            records: 1,
            passed: 0
        }
    );
    let failed: Vec<&str> = r.failures.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(failed, ["2", "3", "5"]);

    // Unequal precision and recall: 1 right of 1 coded, of 4 expected.
    let r = score(vec![
        record("1", "X", Some(vec![ab.clone(), ba.clone(), ac.clone()])).outcome(vec![ab.clone()]),
        record("2", "X", Some(vec![t("C", "A", "030")])).outcome(vec![]),
    ]);
    assert_eq!(r.event_precision, 100.0);
    assert_eq!(r.event_recall, 25.0);

    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["by_category"]["X"]["records"], 2);
    assert_eq!(json["event_recall"], 25.0);
    assert!(json.get("failures").is_none());
}

#[test]
fn empty_denominators() {
    let r = score(vec![]);
    assert_eq!((r.records, r.pass_rate), (0, 0.0));
    assert_eq!((r.event_precision, r.event_recall), (100.0, 100.0));
    // Only no-event records, all passed: no error was made.
    let r = score(vec![record("1", "X", None).outcome(vec![])]);
    assert_eq!(
        (r.pass_rate, r.event_precision, r.event_recall),
        (100.0, 100.0, 100.0)
    );
    // Nothing coded although events were expected: precision 0, not 100.
    let r = score(vec![
        record("1", "X", Some(vec![t("A", "B", "010")])).outcome(vec![]),
    ]);
    assert_eq!((r.event_precision, r.event_recall), (0.0, 0.0));
    // Events coded where none were expected: recall 0.
    let r = score(vec![
        record("1", "X", None).outcome(vec![t("A", "B", "010")]),
    ]);
    assert_eq!((r.event_precision, r.event_recall), (0.0, 0.0));
}

/// Pieces of validation-file syntax, to reach deeper than random text does.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<Validation>".to_string()),
        Just("</Validation>".to_string()),
        Just("<Environment>".to_string()),
        Just("</Environment>".to_string()),
        Just("<Actorfile>a, b</Actorfile>".to_string()),
        Just("<Sentence id=\"X\" date=\"19950101\" sentence=\"true\">".to_string()),
        Just("<Sentence date=\"99999999\">".to_string()),
        Just("</Sentence>".to_string()),
        Just("<Text>".to_string()),
        Just("</Text>".to_string()),
        Just("<EventCoding eventcode=\"050\" sourcecode=\"A\" targetcode=\"B\"/>".to_string()),
        Just("<EventCoding noevents=\"x\"/>".to_string()),
        Just("<EventCoding error=\"e\"/>".to_string()),
        Just("<Config option=\"require_dyad\" value=\"False\"/>".to_string()),
        Just("<Config option=\"new_actor_length\" value=\"-1\"/>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("&amp;&quot;&#xFFFF;&#0;".to_string()),
        "[ -~\u{e9}\u{feff}\n\t]{0,8}",
    ]
}

proptest! {
    #[test]
    fn parse_never_panics_on_text(s in "\\PC*") {
        let _ = ValidationFile::parse(&s, Path::new("."));
    }

    #[test]
    fn parse_never_panics_on_fragments(parts in prop::collection::vec(fragment(), 0..24)) {
        let xml = parts.concat();
        let _ = ValidationFile::parse(&xml, Path::new("."));
        let wrapped = format!("<Validation>{xml}</Validation>");
        if let Ok(v) = ValidationFile::parse(&wrapped, Path::new(".")) {
            let outcomes = v.evaluated().map(|r| r.outcome(vec![])).collect();
            let report = score(outcomes);
            prop_assert!(report.passed <= report.records);
        }
    }
}

#[test]
fn config_nested_in_a_record_is_not_applied() {
    let xml = "<Validation><Sentence id=\"A\"><Parse><Config option=\"require_dyad\" \
               value=\"false\"/></Parse><Text>a</Text></Sentence>\
               <Sentence id=\"B\"><Text>b</Text></Sentence></Validation>";
    let v = ValidationFile::parse(xml, Path::new(".")).unwrap();
    assert!(v.records.iter().all(|r| r.config.require_dyad));
    let (_, msg) = format_line(
        "<Validation><Sentence id=\"A\"><Config option=\"x\" value=\"1\"/><Text>a</Text>\
         </Sentence></Validation>",
    );
    assert!(msg.contains("<Config> inside"), "{msg}");
}
