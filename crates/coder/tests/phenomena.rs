//! One test per coding phenomenon, over hand-checked trees.
//!
//! Each sentence is a fixture in `tests/fixtures/*.conllu`: a tree first produced by
//! `tacitus parse` and then corrected by hand to the UD English EWT analysis, so that these
//! tests exercise the coder and not the parser. Dictionaries are small and inline. A failing
//! case prints the sentence, the expected events and the events the coder produced.
//!
//! Every document coded here also goes through [`provenance`]: the character offsets of each
//! event's source, target, verb and reporter must slice the document text to the recorded text.

use std::collections::HashMap;
use std::fmt;

use tacitus_coder::{
    Coder, Date, Document, DocumentEvents, Event, Lexicon, LexiconParts, Options, Participant,
    Section, Via,
};
use tacitus_conllu::{Sentence, misc_get, parse_str};
use tacitus_nlp::{Parsed, Span};

// ---------------------------------------------------------------------------------------------
// Dictionaries
// ---------------------------------------------------------------------------------------------

const VERBS_FILE: &str = "test.verbs";
const ACTORS_FILE: &str = "test.actors";
const AGENTS_FILE: &str = "test.agents";
const DISCARDS_FILE: &str = "test.discards";

const VERBS: &str = "\
# Verbs for the phenomena tests (PETRARCH-2 format).

--- ATTACK [190] ---
ATTACK
- * (WITH ROCKETS) [195]

--- MEET [040:040] ---
MEET {MEETS MET MEETING}
- * DEADLINE [---]

--- ACCUSE [112] ---
ACCUSE
- * + (OF ESPIONAGE) [1125]

--- CONDEMN [111] ---
CONDEMN

--- THREATEN [130] ---
THREATEN

--- SAY [010] ---
SAY {SAYS SAID SAYING}

--- RESTORE [---] ---
RESTORE
- * TIES [050]
- * {DIPLOMATIC TIES} (WITH +) [054]
";

const ACTORS: &str = "\
# Actors for the phenomena tests.
ISRAEL [ISR]
+ISRAELI
IRAN [IRN]
GONDOR_ [GON]
UNITED_NATIONS [IGOUNO]
UNITED_STATES [USA]
REUTERS [MED]
BRAZIL [BRA]
ARGENTIN [ARG]
DONALD_TRUMP
+TRUMP
\t[USAELI 150616-170120]
\t[USAGOV 170120-210120]
";

const AGENTS: &str = "\
TROOPS {} [~MIL]
SOLDIER [~MIL]
GOVERNMENT [~GOV]
POLICE {} [~COP]
MILITARY [~MIL]
OPPOSITION [~OPP]
PROTESTER [~OPP]
REPORTER [~MED]
ARTILLERY [~MIL]
EMBASSY_IN {} [~GOV]
";

const DISCARDS: &str = "\
WORLD CUP
+VIDEO GAME
1997
";

/// `file:line` of the first line of `text` that is `needle`, else the first that contains it.
fn at(file: &str, text: &str, needle: &str) -> String {
    let line = text
        .lines()
        .position(|l| l.trim() == needle)
        .or_else(|| text.lines().position(|l| l.contains(needle)))
        .unwrap_or_else(|| panic!("{needle:?} not in {file}"));
    format!("{file}:{}", line + 1)
}

fn lexicon_with(verbs: &str) -> Lexicon {
    Lexicon::compile(LexiconParts {
        verbs: tacitus_dict::parse_verbs(verbs, VERBS_FILE).expect("verbs"),
        actors: tacitus_dict::parse_actors(ACTORS, ACTORS_FILE).expect("actors"),
        agents: tacitus_dict::parse_agents(AGENTS, AGENTS_FILE).expect("agents"),
        discards: tacitus_dict::parse_discards(DISCARDS, DISCARDS_FILE).expect("discards"),
        goldstein: None,
        plover: None,
    })
}

fn coder_with(verbs: &str, require_dyad: bool) -> Coder {
    Coder::new(
        lexicon_with(verbs),
        Options {
            require_dyad,
            ..Options::default()
        },
    )
}

fn coder() -> Coder {
    coder_with(VERBS, true)
}

fn date(y: u16, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

fn default_date() -> Option<Date> {
    date(2015, 6, 1)
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/// The sentences of a fixture file by `sent_id`.
struct Fixture {
    name: &'static str,
    sentences: HashMap<String, Sentence>,
}

fn fixture(name: &'static str, text: &str) -> Fixture {
    let mut sentences = HashMap::new();
    for s in parse_str(text).unwrap_or_else(|e| panic!("{name}: {e}")) {
        let id = s
            .meta("sent_id")
            .unwrap_or_else(|| panic!("{name}: sentence without sent_id"))
            .to_string();
        assert!(s.meta("text").is_some(), "{name}/{id}: no # text");
        assert!(
            sentences.insert(id.clone(), s).is_none(),
            "{name}: duplicate {id}"
        );
    }
    Fixture { name, sentences }
}

macro_rules! fixture {
    ($name:literal) => {
        fixture($name, include_str!(concat!("fixtures/", $name, ".conllu")))
    };
}

/// `TokenRange=START:END` of a word.
fn token_range(misc: &str) -> Option<(usize, usize)> {
    let (s, e) = misc_get(misc, "TokenRange")?.split_once(':')?;
    Some((s.parse().ok()?, e.parse().ok()?))
}

/// A document made of fixture sentences `ids`, joined by one space, with each sentence's
/// `Parsed` shifted to document offsets.
fn document(fx: &Fixture, ids: &[&str], date: Option<Date>) -> (Document, Vec<(Section, Parsed)>) {
    let mut text = String::new();
    let mut parsed = Vec::new();
    for id in ids {
        let s = fx
            .sentences
            .get(*id)
            .unwrap_or_else(|| panic!("{}: no sentence {id}", fx.name));
        if !text.is_empty() {
            text.push(' ');
        }
        let base = text.chars().count();
        let sentence_text = s.meta("text").unwrap_or_default();
        text.push_str(sentence_text);
        let mut word_spans = Vec::with_capacity(s.words.len());
        for w in &s.words {
            let (start, end) = token_range(&w.misc)
                .unwrap_or_else(|| panic!("{}/{id}: {:?} has no TokenRange", fx.name, w.form));
            let got: String = sentence_text
                .chars()
                .skip(start)
                .take(end - start)
                .collect();
            assert_eq!(got, w.form, "{}/{id}: TokenRange of {:?}", fx.name, w.form);
            word_spans.push(Span {
                start: base + start,
                end: base + end,
            });
        }
        let span = Span {
            start: base,
            end: base + sentence_text.chars().count(),
        };
        parsed.push((
            Section::Body,
            Parsed {
                sentence: s.clone(),
                span,
                word_spans,
            },
        ));
    }
    let doc = Document {
        id: ids.join("+"),
        text,
        has_headline: false,
        date,
        place: None,
    };
    (doc, parsed)
}

// ---------------------------------------------------------------------------------------------
// Events as compared
// ---------------------------------------------------------------------------------------------

/// The parts of an event a test states: codes and flags.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Ev {
    source: Option<String>,
    target: Option<String>,
    code: String,
    negated: bool,
    modality: Option<String>,
    reported_by: Option<String>,
}

/// An expected event; `-` for a missing source or target.
fn ev(source: &str, target: &str, code: &str) -> Ev {
    let opt = |s: &str| (s != "-").then(|| s.to_string());
    Ev {
        source: opt(source),
        target: opt(target),
        code: code.to_string(),
        negated: false,
        modality: None,
        reported_by: None,
    }
}

impl Ev {
    fn negated(mut self) -> Ev {
        self.negated = true;
        self
    }

    fn modality(mut self, m: &str) -> Ev {
        self.modality = Some(m.to_string());
        self
    }

    fn reported_by(mut self, code: &str) -> Ev {
        self.reported_by = Some(code.to_string());
        self
    }

    fn of(e: &Event) -> Ev {
        let code = |p: &Option<Participant>| p.as_ref().map(|p| p.code.clone());
        Ev {
            source: code(&e.source),
            target: code(&e.target),
            code: e.event_code.clone(),
            negated: e.negated,
            modality: e.modality.clone(),
            reported_by: code(&e.reported_by),
        }
    }
}

impl fmt::Display for Ev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
        write!(
            f,
            "{} -> {} {}",
            o(&self.source),
            o(&self.target),
            self.code
        )?;
        if self.negated {
            write!(f, " negated")?;
        }
        if let Some(m) = &self.modality {
            write!(f, " modality={m}")?;
        }
        if let Some(r) = &self.reported_by {
            write!(f, " reported_by={r}")?;
        }
        Ok(())
    }
}

/// An event with the words and rules behind it, for failure messages.
fn describe(e: &Event) -> String {
    let p = |p: &Option<Participant>| {
        p.as_ref().map_or("-".to_string(), |p| {
            format!("{:?}@{}..{}", p.text, p.start, p.end)
        })
    };
    let pattern = e
        .rule
        .pattern
        .as_ref()
        .map_or("none".to_string(), |c| format!("{:?} at {}", c.entry, c.at));
    format!(
        "{}   [source {} | target {} | verb {:?}@{}..{} | reported_by {} | verb rule {:?} at {} | pattern {}]",
        Ev::of(e),
        p(&e.source),
        p(&e.target),
        e.verb.text,
        e.verb.start,
        e.verb.end,
        p(&e.reported_by),
        e.rule.verb.entry,
        e.rule.verb.at,
        pattern
    )
}

// ---------------------------------------------------------------------------------------------
// Running and checking
// ---------------------------------------------------------------------------------------------

/// One coded document.
struct Run {
    doc: Document,
    out: DocumentEvents,
}

impl Run {
    fn events(&self) -> &[Event] {
        &self.out.events
    }

    /// The first event with this event code.
    fn with_code(&self, code: &str) -> Option<&Event> {
        self.events().iter().find(|e| e.event_code == code)
    }

    fn got(&self) -> String {
        if self.events().is_empty() {
            return "    (no events)".to_string();
        }
        self.events()
            .iter()
            .map(|e| format!("    {}", describe(e)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Collects every failure of a test and reports them together.
#[derive(Default)]
struct Check {
    failures: Vec<String>,
}

impl Check {
    fn new() -> Check {
        Check::default()
    }

    /// Codes fixture sentences `ids` as one document, checking provenance of every event.
    fn run(&mut self, coder: &Coder, fx: &Fixture, ids: &[&str], date: Option<Date>) -> Run {
        let (doc, parsed) = document(fx, ids, date);
        let out = coder.code_parsed(&doc, &parsed);
        let run = Run { doc, out };
        for problem in provenance(&run.doc, run.events()) {
            self.failures.push(format!(
                "sentence: {:?}\n  provenance: {problem}",
                run.doc.text
            ));
        }
        run
    }

    /// The document's events must be exactly `expected` (in any order).
    fn expect(&mut self, run: &Run, expected: &[Ev]) {
        let mut want: Vec<Ev> = expected.to_vec();
        let mut got: Vec<Ev> = run.events().iter().map(Ev::of).collect();
        want.sort();
        got.sort();
        if want != got {
            let want_text = if want.is_empty() {
                "    (no events)".to_string()
            } else {
                want.iter()
                    .map(|e| format!("    {e}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            self.failures.push(format!(
                "sentence: {:?} (date {:?})\n  expected:\n{want_text}\n  got:\n{}",
                run.doc.text,
                run.doc.date.map(|d| d.to_string()),
                run.got()
            ));
        }
    }

    /// A further property of a run.
    fn that(&mut self, ok: bool, run: &Run, what: &str) {
        if !ok {
            self.failures.push(format!(
                "sentence: {:?}\n  expected: {what}\n  got:\n{}",
                run.doc.text,
                run.got()
            ));
        }
    }

    fn finish(self) {
        if !self.failures.is_empty() {
            panic!(
                "{} failure(s):\n\n{}",
                self.failures.len(),
                self.failures.join("\n\n")
            );
        }
    }
}

/// The characters `start..end` of `text`.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Problems with the offsets of events: each recorded `text` must be the document's characters
/// at its `start..end`, and the rule must cite its dictionary entries.
fn provenance(doc: &Document, events: &[Event]) -> Vec<String> {
    let mut out = Vec::new();
    let n = doc.text.chars().count();
    for e in events {
        let mut spans: Vec<(&str, &str, usize, usize)> =
            vec![("verb", e.verb.text.as_str(), e.verb.start, e.verb.end)];
        for (what, p) in [
            ("source", &e.source),
            ("target", &e.target),
            ("reported_by", &e.reported_by),
        ] {
            if let Some(p) = p {
                spans.push((what, p.text.as_str(), p.start, p.end));
            }
        }
        for (what, text, start, end) in spans {
            let slice = chars(&doc.text, start, end);
            if start >= end || end > n || slice != text {
                out.push(format!(
                    "{what} of {}: offsets {start}..{end} give {slice:?}, recorded {text:?}",
                    describe(e)
                ));
            }
        }
        if !e.rule.verb.at.starts_with(&format!("{VERBS_FILE}:")) {
            out.push(format!("verb rule not cited: {}", describe(e)));
        }
        for (what, p, cites) in [
            ("source", &e.source, &e.rule.source),
            ("target", &e.target, &e.rule.target),
        ] {
            if p.is_some() && cites.is_empty() {
                out.push(format!(
                    "{what} has no dictionary citation: {}",
                    describe(e)
                ));
            }
        }
        if e.doc_id != doc.id {
            out.push(format!("doc_id {:?} is not {:?}", e.doc_id, doc.id));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 1. Simple dyad
// ---------------------------------------------------------------------------------------------

#[test]
fn simple_dyad() {
    let fx = fixture!("dyad");
    let coder = coder();
    let mut c = Check::new();

    let run = c.run(&coder, &fx, &["dyad-attack"], default_date());
    c.expect(&run, &[ev("ISRMIL", "IRN", "190")]);
    if let Some(e) = run.events().first() {
        let source = e.source.as_ref().map(|p| p.text.as_str());
        c.that(
            source == Some("Israeli troops"),
            &run,
            "source text \"Israeli troops\" (actor and agent words)",
        );
        c.that(e.verb.text == "attacked", &run, "verb text \"attacked\"");
        let cites: Vec<&str> = e.rule.source.iter().map(|c| c.at.as_str()).collect();
        let actor = at(ACTORS_FILE, ACTORS, "+ISRAELI");
        let israel = at(ACTORS_FILE, ACTORS, "ISRAEL [ISR]");
        let agent = at(AGENTS_FILE, AGENTS, "TROOPS");
        c.that(
            (cites.contains(&actor.as_str()) || cites.contains(&israel.as_str()))
                && cites.contains(&agent.as_str()),
            &run,
            &format!(
                "source cites the ISRAEL entry ({israel}) and TROOPS ({agent}), got {cites:?}"
            ),
        );
        c.that(
            e.rule.verb.at == at(VERBS_FILE, VERBS, "ATTACK") && e.rule.pattern.is_none(),
            &run,
            "verb rule ATTACK, no pattern",
        );
    }

    // A verb that is not in the dictionary codes nothing.
    let run = c.run(&coder, &fx, &["dyad-unknown-verb"], default_date());
    c.expect(&run, &[]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 2. Multi-word names and stems
// ---------------------------------------------------------------------------------------------

#[test]
fn multiword_names_and_stems() {
    let fx = fixture!("names");
    let coder = coder();
    let mut c = Check::new();

    let run = c.run(&coder, &fx, &["names-united-states"], default_date());
    c.expect(&run, &[ev("USA", "IRN", "112")]);
    if let Some(e) = run.events().first() {
        let source = e.source.as_ref().map(|p| p.text.as_str());
        c.that(
            source == Some("United States"),
            &run,
            "source text \"United States\" (both words of the name)",
        );
    }

    // The same name as an object.
    let run = c.run(&coder, &fx, &["names-united-states-object"], default_date());
    c.expect(&run, &[ev("IRN", "USA", "112")]);
    if let Some(e) = run.events().first() {
        let target = e.target.as_ref().map(|p| p.text.as_str());
        c.that(
            target == Some("United States"),
            &run,
            "target text \"United States\"",
        );
    }

    // `ARGENTIN` is a stem: it matches "Argentine".
    let run = c.run(&coder, &fx, &["names-argentine"], default_date());
    c.expect(&run, &[ev("ARGMIL", "GON", "190")]);

    // `GONDOR_` is exact: "Gondorian" is no actor, so the troops have no country (PETRARCH's
    // unknown country `---`), and are not GONMIL.
    let run = c.run(&coder, &fx, &["names-gondorian"], default_date());
    c.expect(&run, &[ev("---MIL", "IRN", "190")]);

    // An agent whose words end in a preposition (`EMBASSY_IN`) belongs to the actor before it,
    // not to the place after it: "the Israeli embassy in Iran" is Israel's.
    let run = c.run(&coder, &fx, &["names-owner-before-place"], default_date());
    c.expect(&run, &[ev("ISRGOV", "GON", "111")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 3. Date-restricted roles
// ---------------------------------------------------------------------------------------------

#[test]
fn date_restricted_roles() {
    let fx = fixture!("dates");
    let coder = coder();
    let mut c = Check::new();
    let ids = ["dates-trump"];

    let run = c.run(&coder, &fx, &ids, date(2016, 6, 1));
    c.expect(&run, &[ev("USAELI", "IRN", "112")]);
    let run = c.run(&coder, &fx, &ids, date(2018, 3, 1));
    c.expect(&run, &[ev("USAGOV", "IRN", "112")]);
    // Ranges are half-open: on the hand-over day the new role applies.
    let run = c.run(&coder, &fx, &ids, date(2017, 1, 20));
    c.expect(&run, &[ev("USAGOV", "IRN", "112")]);
    // A synonym takes the entry's dated codes.
    let run = c.run(&coder, &fx, &["dates-trump-synonym"], date(2018, 3, 1));
    c.expect(&run, &[ev("USAGOV", "IRN", "112")]);
    let run = c.run(&coder, &fx, &["dates-trump-synonym"], date(2016, 6, 1));
    c.expect(&run, &[ev("USAELI", "IRN", "112")]);
    // Outside every range the name codes no actor.
    let run = c.run(&coder, &fx, &ids, date(2014, 1, 1));
    c.expect(&run, &[]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 4. Compound actors
// ---------------------------------------------------------------------------------------------

#[test]
fn compound_actors() {
    let fx = fixture!("compound");
    let coder = coder();
    let mut c = Check::new();

    let run = c.run(&coder, &fx, &["compound-source"], default_date());
    c.expect(&run, &[ev("BRA", "IRN", "111"), ev("USA", "IRN", "111")]);

    let run = c.run(&coder, &fx, &["compound-target"], default_date());
    c.expect(&run, &[ev("GON", "IRN", "112"), ev("GON", "ISR", "112")]);

    let run = c.run(&coder, &fx, &["compound-both"], default_date());
    c.expect(
        &run,
        &[
            ev("BRA", "IRN", "111"),
            ev("BRA", "ISR", "111"),
            ev("ARG", "IRN", "111"),
            ev("ARG", "ISR", "111"),
        ],
    );

    // Three conjuncts with a comma.
    let run = c.run(&coder, &fx, &["compound-three"], default_date());
    c.expect(
        &run,
        &[
            ev("BRA", "IRN", "111"),
            ev("ARG", "IRN", "111"),
            ev("ISR", "IRN", "111"),
        ],
    );
    c.finish();
}

/// "Japan and South Korea" read by the parser as one name (*Japan* a compound of *Korea*) is
/// still two actors: a conjunction between two actors of one phrase parts them.
#[test]
fn a_conjunction_parts_actors_read_as_one_name() {
    let fx = fixture!("compound");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["compound-as-name"], default_date());
    c.expect(&run, &[ev("BRA", "IRN", "111"), ev("USA", "IRN", "111")]);
    c.finish();
}

/// A headline's comma for *and*: the apposition of a singular subject of a plural verb is a
/// second subject (*Sudan's army, RSF agree to 24-hour ceasefire*).
#[test]
fn a_headline_comma_joins_two_subjects() {
    let fx = fixture!("compound");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["compound-headline-comma"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "190"), ev("GON", "IRN", "190")]);
    c.finish();
}

/// "Israeli and Iranian troops": conjoined country adjectives under one agent noun are two
/// actors, each with the agent's role.
#[test]

fn compound_adjectives_share_the_agent() {
    let fx = fixture!("compound");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["compound-adjectives"], default_date());
    c.expect(
        &run,
        &[ev("ISRMIL", "GON", "190"), ev("IRNMIL", "GON", "190")],
    );
    c.finish();
}

/// A compound source's cooperation is between its conjuncts, not with the topic after the
/// verb ("agreed to share intelligence on terrorist groups").
#[test]
fn a_compound_source_cooperates_with_itself_not_its_topic() {
    let fx = fixture!("compound");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["compound-topic"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "050"), ev("GON", "IRN", "050")]);
    c.finish();
}

/// Conjoined verbs: the second verb takes the first one's subject.
#[test]
fn compound_verbs() {
    let fx = fixture!("compound");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["compound-verbs"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "190"), ev("IRN", "ISR", "112")]);
    c.finish();
}

/// "Iran condemned and attacked Gondor": UD attaches the shared object to the first conjunct,
/// and it is the object of both verbs.
#[test]

fn compound_verbs_share_the_object() {
    let fx = fixture!("compound");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(
        &coder,
        &fx,
        &["compound-verbs-shared-object"],
        default_date(),
    );
    c.expect(&run, &[ev("IRN", "GON", "111"), ev("IRN", "GON", "190")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 5. Possessives and "agent from country"
// ---------------------------------------------------------------------------------------------

#[test]
fn possessive_and_of_phrases() {
    let fx = fixture!("possessive");
    let coder = coder();
    let mut c = Check::new();

    let run = c.run(&coder, &fx, &["poss-government"], default_date());
    c.expect(&run, &[ev("GONGOV", "IRN", "112")]);

    let run = c.run(&coder, &fx, &["poss-soldiers-from"], default_date());
    c.expect(&run, &[ev("GONMIL", "IRN", "190")]);

    let run = c.run(&coder, &fx, &["poss-police"], default_date());
    c.expect(&run, &[ev("IRNMIL", "GONCOP", "190")]);

    // A possessive target, after non-ASCII text (offsets count characters).
    let run = c.run(&coder, &fx, &["poss-target-unicode"], default_date());
    c.expect(&run, &[ev("ISR", "IRNGOV", "112")]);
    if let Some(e) = run.events().first() {
        let target = e.target.as_ref().map(|p| (p.text.as_str(), p.start, p.end));
        c.that(
            target == Some(("Iran’s government", 38, 55)),
            &run,
            "target \"Iran’s government\" at characters 38..55",
        );
    }

    // An agent with no country gets PETRARCH's unknown country `---`.
    let run = c.run(&coder, &fx, &["poss-no-country"], default_date());
    c.expect(&run, &[ev("---GOV", "IRN", "112")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 6. Passive voice
// ---------------------------------------------------------------------------------------------

#[test]
fn passive_by_phrase_is_the_source() {
    let fx = fixture!("passive");
    let coder = coder();
    let mut c = Check::new();

    // EWT's `obl:agent`, and a plain `obl` with "by" as older treebanks have it.
    for id in ["passive-by", "passive-by-obl"] {
        let run = c.run(&coder, &fx, &[id], default_date());
        c.expect(&run, &[ev("IRNMIL", "GON", "190")]);
        // The rule says how each side was found.
        let vias = run.events().iter().all(|e| {
            e.rule.source_via == Some(Via::ByPhrase)
                && e.rule.target_via == Some(Via::PassiveSubject)
        });
        c.that(
            vias,
            &run,
            "source_via by_phrase and target_via passive_subject",
        );
    }
    // A compound by-phrase: one event per agent.
    let run = c.run(&coder, &fx, &["passive-compound-agent"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "190"), ev("ISR", "GON", "190")]);
    // The active sentence codes the same event.
    let run = c.run(&coder, &fx, &["passive-active"], default_date());
    c.expect(&run, &[ev("IRNMIL", "GON", "190")]);

    // Without a by-phrase there is no source: no dyad, no event; with monads allowed the
    // passive subject is the target.
    let run = c.run(&coder, &fx, &["passive-no-agent"], default_date());
    c.expect(&run, &[]);
    let monads = coder_with(VERBS, false);
    let run = c.run(&monads, &fx, &["passive-no-agent"], default_date());
    c.expect(&run, &[ev("-", "GON", "190")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 7. Paired codes
// ---------------------------------------------------------------------------------------------

#[test]
fn paired_code_codes_both_directions() {
    let fx = fixture!("paired");
    let coder = coder();
    let mut c = Check::new();

    let run = c.run(&coder, &fx, &["paired-meet"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "040"), ev("IRN", "ISR", "040")]);

    // A plain code runs one way only.
    let run = c.run(&coder, &fx, &["paired-accuse"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "112")]);

    // A compound subject with no target codes between its conjuncts when the code is paired...
    let run = c.run(&coder, &fx, &["paired-compound"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "040"), ev("IRN", "ISR", "040")]);
    // ...or when it is cooperation (CAMEO 03-06)...
    let run = c.run(&coder, &fx, &["compound-cooperation"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "050"), ev("IRN", "ISR", "050")]);
    // ...but not when it is plain conflict.
    let run = c.run(&coder, &fx, &["compound-plain-no-target"], default_date());
    c.expect(&run, &[]);
    c.finish();
}

#[test]
fn shallow_fallback_for_verbless_parses() {
    let fx = fixture!("shallow");
    let coder = coder();
    let mut c = Check::new();
    // No word tagged VERB: the dictionary verb form between two actors carries the event.
    let run = c.run(&coder, &fx, &["shallow-headline"], default_date());
    c.expect(&run, &[ev("ISRMIL", "IRN", "190")]);
    // With a verb in the sentence, a plural noun is not read as a verb.
    let run = c.run(&coder, &fx, &["shallow-noun-phrase"], default_date());
    c.expect(&run, &[]);
    // A headline's bare present after a plural noun is a verb, after an adjective a noun.
    let run = c.run(&coder, &fx, &["shallow-bare-present"], default_date());
    c.expect(&run, &[ev("IRNMIL", "GON", "190")]);
    let run = c.run(
        &coder,
        &fx,
        &["shallow-noun-after-adjective"],
        default_date(),
    );
    c.expect(&run, &[]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 8. Verb patterns
// ---------------------------------------------------------------------------------------------

/// The event's pattern must be the one on the line of `VERBS` containing `needle`.
fn expect_pattern(c: &mut Check, run: &Run, code: &str, needle: &str, entry: &str) {
    let want = at(VERBS_FILE, VERBS, needle);
    let got = run
        .with_code(code)
        .and_then(|e| e.rule.pattern.as_ref())
        .map(|p| (p.entry.clone(), p.at.clone()));
    c.that(
        got == Some((entry.to_string(), want.clone())),
        run,
        &format!("event {code} cites pattern {entry:?} at {want}, got {got:?}"),
    );
}

#[test]
fn patterns() {
    let fx = fixture!("patterns");
    let coder = coder();
    let mut c = Check::new();

    // A word in a prepositional phrase beats the verb's own code.
    let run = c.run(&coder, &fx, &["pat-rockets"], default_date());
    c.expect(&run, &[ev("IRNMIL", "GON", "195")]);
    expect_pattern(&mut c, &run, "195", "(WITH ROCKETS)", "* (WITH ROCKETS)");
    let run = c.run(&coder, &fx, &["pat-default"], default_date());
    c.expect(&run, &[ev("IRNMIL", "GON", "190")]);
    c.that(
        run.events().iter().all(|e| e.rule.pattern.is_none()),
        &run,
        "no pattern cited when the verb's own code applies",
    );

    // A pattern with a target marker and a preposition.
    let run = c.run(&coder, &fx, &["pat-espionage"], default_date());
    c.expect(&run, &[ev("GON", "IRN", "1125")]);
    expect_pattern(&mut c, &run, "1125", "(OF ESPIONAGE)", "* + (OF ESPIONAGE)");
    let run = c.run(&coder, &fx, &["pat-accuse-default"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "112")]);

    // Patterns over a family whose own code is null; the more specific one wins.
    let run = c.run(&coder, &fx, &["pat-ties"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "050")]);
    expect_pattern(&mut c, &run, "050", "- * TIES [050]", "* TIES");
    let run = c.run(&coder, &fx, &["pat-diplomatic-ties"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "054")]);
    expect_pattern(
        &mut c,
        &run,
        "054",
        "{DIPLOMATIC TIES}",
        "* {DIPLOMATIC TIES} (WITH +)",
    );
    let run = c.run(&coder, &fx, &["pat-order"], default_date());
    c.expect(&run, &[]);

    // A `[---]` pattern blocks coding ("met a deadline" is no meeting) ...
    let run = c.run(&coder, &fx, &["pat-deadline"], default_date());
    c.expect(&run, &[]);
    // ... and it is the pattern that does: without it the verb's code applies.
    let unblocked = coder_with(&VERBS.replace("- * DEADLINE [---]\n", ""), true);
    let run = c.run(&unblocked, &fx, &["pat-deadline"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "040"), ev("GON", "IRN", "040")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 9. Control verbs (xcomp)
// ---------------------------------------------------------------------------------------------

#[test]
fn xcomp_takes_the_controller_as_source() {
    let fx = fixture!("xcomp");
    let coder = coder();
    let mut c = Check::new();

    // Subject control: Iran agreed, Iran restores.
    let run = c.run(&coder, &fx, &["xcomp-subject-control"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "050")]);
    expect_pattern(&mut c, &run, "050", "- * TIES [050]", "* TIES");
    if let Some(e) = run.with_code("050") {
        c.that(e.verb.text == "restore", &run, "verb text \"restore\"");
        c.that(
            e.rule.source_via == Some(Via::Controller),
            &run,
            "source_via controller",
        );
    }

    // Object control: Gondor urged Iran, Iran restores.
    let run = c.run(&coder, &fx, &["xcomp-object-control"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "050")]);
    if let Some(e) = run.with_code("050") {
        c.that(
            e.rule.source_via == Some(Via::Controller),
            &run,
            "source_via controller",
        );
    }

    // A time between the verb and its infinitive, which the parser reads as a purpose clause
    // (advcl, kept so in the fixture): still one threat to attack, not an attack.
    let run = c.run(&coder, &fx, &["xcomp-after-adjunct"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "1384")]);

    // ", saying ..." is said by the one who urged, even hung from the infinitive.
    let monadic = coder_with(VERBS, false);
    let run = c.run(&monadic, &fx, &["saying-under-infinitive"], default_date());
    let said_by = run.with_code("010").and_then(|e| e.source.as_ref());
    c.that(
        said_by.is_some_and(|s| s.code == "GON"),
        &run,
        "010 said by GON",
    );
    c.finish();
}

/// A court's *of* gerund and a disapproval's *for* gerund are the charge, not an event: *Iran
/// convicted an Israeli soldier of attacking Gondor* codes no attack.
#[test]
fn a_conviction_names_its_charge_not_an_event() {
    let fx = fixture!("xcomp");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["convicted-of"], default_date());
    c.expect(&run, &[]);
    // So is a disapproval's *for* gerund: *Iran condemned Israel for attacking Gondor*.
    let run = c.run(&coder, &fx, &["condemned-for"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "111")]);
    c.finish();
}

/// What a verb of stopping stops is not done: *Israel stopped attacking Iran* is no attack.
#[test]
fn a_stopped_act_is_not_done() {
    let fx = fixture!("xcomp");
    let monadic = coder_with(VERBS, false);
    let mut c = Check::new();
    let run = c.run(&monadic, &fx, &["stop-gerund"], default_date());
    c.expect(&run, &[]);
    c.finish();
}

/// A governing verb's pattern met only inside a *that*-clause with its own subject describes
/// that clause, not the governing act: *demanded that Israel free the soldiers held in its
/// jails* is a demand for their release (1053), not, by `* JAILS`, a demand for detention.
#[test]
fn a_pattern_inside_a_complement_does_not_code_the_governing_verb() {
    let fx = fixture!("xcomp");
    let verbs = "--- DEMAND [100] ---\nDEMAND\n- * JAILS [173]\n\n--- FREE [0841] ---\nFREE\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["demand-pattern-inside"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "1053")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 10. Negation
// ---------------------------------------------------------------------------------------------

#[test]
fn negation() {
    let fx = fixture!("negation");
    let coder = coder();
    let mut c = Check::new();

    let run = c.run(&coder, &fx, &["neg-not"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "190").negated()]);
    let run = c.run(&coder, &fx, &["neg-nt"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "190").negated()]);
    let run = c.run(&coder, &fx, &["neg-never"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "190").negated()]);
    // A negated threat to attack is one negated event, the threat's.
    let run = c.run(&coder, &fx, &["neg-xcomp"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "1384").negated()]);
    let run = c.run(&coder, &fx, &["neg-none"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "190")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 11. Modality
// ---------------------------------------------------------------------------------------------

#[test]
fn modality() {
    let fx = fixture!("modality");
    let coder = coder();
    let mut c = Check::new();

    let run = c.run(&coder, &fx, &["mod-may"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "190").modality("may")]);
    // An attack announced is a threat of conventional attack.
    let run = c.run(&coder, &fx, &["mod-will"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "1384").modality("will")]);
    let run = c.run(&coder, &fx, &["mod-plan"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "1384").modality("plan")]);
    // Ready to meet: an intention to meet (036), one way only.
    let run = c.run(&coder, &fx, &["mod-ready"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "036").modality("ready")]);
    let run = c.run(&coder, &fx, &["mod-none"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "190")]);
    // What a condition names did not happen: the threat only, no condemnation.
    let run = c.run(&coder, &fx, &["if-condition"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "1384")]);
    // Also where the parser hangs the *if* from the condition's subject.
    let run = c.run(&coder, &fx, &["if-on-subject"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "1384")]);
    // Nor does a participle of comparison ("as expected by economists"), even one-sided.
    let monadic = coder_with(VERBS, false);
    let run = c.run(&monadic, &fx, &["as-comparison"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "190")]);
    c.finish();
}

#[test]
fn a_threat_or_refusal_and_its_complement_are_one_event() {
    let fx = fixture!("modality");
    let coder = coder();
    let mut c = Check::new();
    // A threat to attack is a threat of conventional attack, not an attack.
    let run = c.run(&coder, &fx, &["mod-threaten"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "1384")]);
    if let Some(e) = run.with_code("1384") {
        c.that(
            e.verb.text == "threatened",
            &run,
            "verb text \"threatened\"",
        );
        let complement = e.rule.complement.as_ref().map(|c| c.entry.as_str());
        c.that(complement == Some("ATTACK"), &run, "complement ATTACK");
    }
    // A refusal with no code of its own turns its complement into a rejection.
    let run = c.run(&coder, &fx, &["mod-refuse"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "120").modality("refuse")]);
    c.finish();
}

/// A refusal with a code of its own (*declined to comment* 011) is the event: what was refused
/// did not happen, and whom it concerned is the refusal's target.
#[test]
fn a_coded_refusal_drops_what_it_refused() {
    let fx = fixture!("modality");
    let verbs =
        "--- REFUSE [---] ---\nDECLINE\n- * COMMENT [011]\n\n--- COMMENT [010] ---\nCOMMENT\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["mod-decline-comment"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "011")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 12. Reported speech
// ---------------------------------------------------------------------------------------------

#[test]
fn reported_speech() {
    let fx = fixture!("reported");
    let coder = coder();
    let mut c = Check::new();

    // "X said Y attacked Z": the reported event, and no SAY event X -> Y.
    let run = c.run(&coder, &fx, &["rep-ccomp"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "190").reported_by("GON")]);
    if let Some(e) = run.with_code("190") {
        let r = e.reported_by.as_ref().map(|p| p.text.as_str());
        c.that(r == Some("Gondor"), &run, "reported_by text \"Gondor\"");
    }

    // "Y attacked Z, X said": EWT makes "said" the root and the report its ccomp; the UD
    // guidelines' parataxis reading must code the same.
    for id in ["rep-postposed", "rep-parataxis"] {
        let run = c.run(&coder, &fx, &[id], default_date());
        c.expect(&run, &[ev("IRN", "ISR", "190").reported_by("GON")]);
    }

    // A quotation (curly quotes: offsets count characters, not bytes) by a possessed agent.
    let run = c.run(&coder, &fx, &["rep-quoted"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "190").reported_by("GONGOV")]);
    if let Some(e) = run.with_code("190") {
        let r = e.reported_by.as_ref().map(|p| p.text.as_str());
        c.that(
            r == Some("Gondor’s government"),
            &run,
            "reported_by text \"Gondor’s government\"",
        );
    }

    // With a complementizer and a perfect; negated inside the report.
    let run = c.run(&coder, &fx, &["rep-that"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "190").reported_by("GON")]);
    let run = c.run(&coder, &fx, &["rep-negated"], default_date());
    c.expect(
        &run,
        &[ev("IRN", "ISR", "190").negated().reported_by("GON")],
    );

    let run = c.run(&coder, &fx, &["rep-none"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "190")]);

    // What was said names no event: the statement is about the actor it names, the speaker's
    // own country yielding to another one.
    let run = c.run(&coder, &fx, &["rep-topic"], default_date());
    c.expect(&run, &[ev("GON", "ISR", "010")]);
    if let Some(e) = run.with_code("010") {
        let via = e.rule.target_via;
        c.that(via == Some(Via::Complement), &run, "target via complement");
    }
    let run = c.run(&coder, &fx, &["rep-topic-abroad"], default_date());
    c.expect(&run, &[ev("GON", "ISR", "010")]);
    // A one-sided event said (the report is of it, not of Iran), and a speaker of no country,
    // give no statement.
    for id in ["rep-one-sided", "rep-unknown-speaker"] {
        let run = c.run(&coder, &fx, &[id], default_date());
        c.expect(&run, &[]);
    }
    // What a participle of speech says explains the act it hangs from: no statement.
    let run = c.run(&coder, &fx, &["rep-explains"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "190")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 13. Discards
// ---------------------------------------------------------------------------------------------

#[test]
fn discards() {
    let fx = fixture!("discards");
    let coder = coder();
    let mut c = Check::new();

    // A sentence discard removes its sentence only.
    let run = c.run(&coder, &fx, &["disc-sentence"], default_date());
    c.expect(&run, &[]);
    c.that(
        run.out.discarded_by.is_none(),
        &run,
        "discarded_by None for a sentence discard",
    );
    let run = c.run(
        &coder,
        &fx,
        &["disc-sentence", "disc-other"],
        default_date(),
    );
    c.expect(&run, &[ev("ISR", "IRN", "112")]);
    if let Some(e) = run.events().first() {
        c.that(e.sentence == 1, &run, "the event is in sentence 1");
    }

    // A bare year discards the events dated to it, not the sentence naming it.
    let run = c.run(&coder, &fx, &["disc-year"], default_date());
    c.expect(&run, &[]);
    let run = c.run(&coder, &fx, &["disc-year-relative"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "112")]);
    let run = c.run(&coder, &fx, &["disc-year-since"], default_date());
    c.expect(&run, &[ev("GON", "IRN", "112")]);

    // A story discard removes every event of the document, wherever it is.
    let run = c.run(&coder, &fx, &["disc-story-1"], default_date());
    c.expect(&run, &[ev("IRNMIL", "GON", "190")]);
    let run = c.run(
        &coder,
        &fx,
        &["disc-story-1", "disc-story-2"],
        default_date(),
    );
    c.expect(&run, &[]);
    let want = at(DISCARDS_FILE, DISCARDS, "+VIDEO GAME");
    c.that(
        run.out.discarded_by.as_deref() == Some(want.as_str()),
        &run,
        &format!(
            "discarded_by {want:?}, got {:?}",
            run.out.discarded_by.as_deref()
        ),
    );
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 14. require_dyad
// ---------------------------------------------------------------------------------------------

#[test]
fn require_dyad_option() {
    let fx = fixture!("require_dyad");
    let mut c = Check::new();
    let dyads = coder();
    let monads = coder_with(VERBS, false);

    let run = c.run(&dyads, &fx, &["dyad-no-target"], default_date());
    c.expect(&run, &[]);
    let run = c.run(&monads, &fx, &["dyad-no-target"], default_date());
    c.expect(&run, &[ev("IRNMIL", "-", "190")]);
    if let Some(e) = run.events().first() {
        c.that(e.target.is_none(), &run, "target None");
    }

    let run = c.run(&dyads, &fx, &["dyad-no-source"], default_date());
    c.expect(&run, &[]);
    let run = c.run(&monads, &fx, &["dyad-no-source"], default_date());
    c.expect(&run, &[ev("-", "GON", "190")]);
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// 15. Provenance over everything
// ---------------------------------------------------------------------------------------------

/// Every fixture sentence, coded alone and all of a file's sentences as one document, under
/// both options and several dates: offsets always slice the text that the event records.
#[test]
fn provenance_of_every_event() {
    let fixtures = [
        fixture!("dyad"),
        fixture!("names"),
        fixture!("dates"),
        fixture!("compound"),
        fixture!("possessive"),
        fixture!("passive"),
        fixture!("paired"),
        fixture!("patterns"),
        fixture!("xcomp"),
        fixture!("negation"),
        fixture!("modality"),
        fixture!("reported"),
        fixture!("discards"),
        fixture!("require_dyad"),
    ];
    let coders = [coder(), coder_with(VERBS, false)];
    let dates = [default_date(), date(2018, 3, 1), None];
    let mut c = Check::new();
    let mut events = 0;
    let mut offset_events = 0;
    for fx in &fixtures {
        let mut ids: Vec<&str> = fx.sentences.keys().map(String::as_str).collect();
        ids.sort_unstable();
        for coder in &coders {
            for d in dates {
                for id in &ids {
                    events += c.run(coder, fx, &[id], d).events().len();
                }
                // Together, so that later sentences have non-zero document offsets (story
                // discards aside, which leave no events to check).
                let all: Vec<&str> = ids
                    .iter()
                    .copied()
                    .filter(|id| !id.starts_with("disc-story-2"))
                    .collect();
                let run = c.run(coder, fx, &all, d);
                offset_events += run
                    .events()
                    .iter()
                    .filter(|e| e.verb.start > 0 && e.sentence > 0)
                    .count();
            }
        }
    }
    assert!(events > 100, "only {events} events: the check is vacuous");
    assert!(
        offset_events > 50,
        "only {offset_events} events beyond the first sentence"
    );
    c.finish();
}

// ---------------------------------------------------------------------------------------------
// Parser slips the coder repairs, and phrases that look like actors and are not
// ---------------------------------------------------------------------------------------------

/// Trees as the parser gets them wrong on news: a root noun whose verb hangs as an `acl`, an
/// object taken for an indirect object, an infinitive taken for a purpose clause, a speaker
/// taken for a conjunct, a participle taken for a clause.
#[test]
fn parser_slips_are_repaired() {
    let fx = fixture!("slips");
    let coder = coder();
    let mut c = Check::new();

    // "government" is the root and "attacked" an acl of "police": both conjuncts attacked.
    let run = c.run(&coder, &fx, &["slip-acl-root-coordination"], default_date());
    c.expect(
        &run,
        &[ev("BRAGOV", "IRN", "190"), ev("ISRCOP", "IRN", "190")],
    );

    // A participle with a direct object is active, whatever its tag.
    let run = c.run(&coder, &fx, &["slip-acl-with-object"], default_date());
    c.expect(&run, &[ev("ISRCOP", "IRNMIL", "190")]);

    // "asked the United States to attack": the (indirect) object is the attacker.
    let run = c.run(&coder, &fx, &["slip-iobj-controller"], default_date());
    c.expect(&run, &[ev("USA", "GON", "190")]);

    // Two subjects where the parser missed the coordination: both attacked.
    let run = c.run(&coder, &fx, &["slip-two-subjects"], default_date());
    c.expect(
        &run,
        &[ev("BRAGOV", "IRN", "190"), ev("ISRCOP", "IRN", "190")],
    );

    // "said on Monday it had attacked Iran", the clause hung from "Monday" as a relative
    // clause: it is what Israel said.
    let run = c.run(&coder, &fx, &["slip-clause-after-time"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "190").reported_by("ISR")]);

    // "invited the Iranian government to meet Gondor", the infinitive parsed as advcl.
    let run = c.run(&coder, &fx, &["slip-infinitive-purpose"], default_date());
    c.expect(
        &run,
        &[ev("IRNGOV", "GON", "040"), ev("GON", "IRNGOV", "040")],
    );

    // "attacking Gondor, Iranian police said", the police hung from Gondor as a conjunct:
    // they are who said it, not a second target.
    let run = c.run(&coder, &fx, &["slip-conjunct-speaker"], default_date());
    c.expect(&run, &[ev("ISRMIL", "GON", "190").reported_by("IRNCOP")]);

    // "attacked at dawn, Iranian police told reporters", the police hung from the dawn as an
    // apposition: they told it, they were not attacked.
    let monadic = coder_with(VERBS, false);
    let run = c.run(&monadic, &fx, &["slip-apposition-speaker"], default_date());
    c.expect(&run, &[ev("ISRMIL", "-", "190")]);

    // "attacked former President Donald Trump on Monday.", the object hung from the full
    // stop as its subject (as the parser does): Trump is what was attacked.
    let run = c.run(&coder, &fx, &["slip-object-under-punct"], date(2018, 6, 1));
    c.expect(&run, &[ev("ISRMIL", "USAGOV", "190")]);

    // "condemned five detained Iranian soldiers", the participle read as a clause with the
    // soldiers as its object: the soldiers are what was condemned.
    let run = c.run(&coder, &fx, &["slip-participle-clause"], default_date());
    c.expect(&run, &[ev("ISR", "IRNMIL", "111")]);
    c.finish();
}

/// A bare `(ON)` pattern ("called on") is not met by a date: *telephoned Gondor on Monday* is a
/// telephone call (talking by telephone is mutual).
#[test]
fn a_time_is_no_preposition_of_a_pattern() {
    let fx = fixture!("slips");
    let verbs = "--- TELEPHONE [041] ---\nTELEPHONE\n- * (ON) [020]\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["time-not-target"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "041"), ev("GON", "IRN", "041")]);
    c.finish();
}

/// "the military aid to Iran" names no military; "Brazilian police and government" are both
/// Brazilian; "met in Gondor" is where they met, not whom.
#[test]
fn phrases_that_are_not_actors() {
    let fx = fixture!("slips");
    let coder = coder();
    let mut c = Check::new();

    let run = c.run(&coder, &fx, &["thing-adjective"], default_date());
    c.expect(&run, &[ev("BRA", "IRN", "111")]);

    let run = c.run(&coder, &fx, &["shared-country"], default_date());
    c.expect(
        &run,
        &[ev("BRACOP", "IRN", "190"), ev("BRAGOV", "IRN", "190")],
    );

    let run = c.run(&coder, &fx, &["place-not-partner"], default_date());
    c.expect(&run, &[ev("BRA", "ARG", "040"), ev("ARG", "BRA", "040")]);

    // "said so at a news conference in Gondor": said nothing to Gondor.
    let run = c.run(&coder, &fx, &["statement-venue"], default_date());
    c.expect(&run, &[]);

    // "troops ..., according to the Iranian government" hung from "troops": the source's
    // code is not joined with the government's agent.
    let run = c.run(&coder, &fx, &["according-to"], default_date());
    c.expect(&run, &[ev("ISRMIL", "GON", "190")]);
    c.finish();
}

/// "Iran accused Israel of attacking Gondor": the attack is Iran's charge, not an event; the
/// accusation is.
#[test]
fn the_charge_of_an_accusation_is_no_event() {
    let fx = fixture!("slips");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["accused-of-gerund"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "112")]);
    // The parser hangs the *of* clause from the accused as often as from the verb.
    let run = c.run(&coder, &fx, &["accused-of-acl"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "112")]);
    c.finish();
}

/// A verb with no subject of its own takes its governing verb's, as that verb finds it; an
/// infinitive or gerund with none is not given the last actor before it.
#[test]
fn subjects_are_inherited_through_the_tree_not_guessed() {
    let fx = fixture!("slips");
    let coder = coder_with(&format!("{VERBS}\n--- KILL [190] ---\nKILL\n"), true);
    let mut c = Check::new();

    // "were ordered to attack": the passive subject attacks.
    let run = c.run(&coder, &fx, &["passive-raising"], default_date());
    c.expect(&run, &[ev("ISRMIL", "GON", "190")]);

    // "killing" hangs from "attacked", itself an acl of the root noun "troops".
    let run = c.run(&coder, &fx, &["slip-acl-advcl"], default_date());
    c.expect(
        &run,
        &[ev("ISRMIL", "GON", "190"), ev("ISRMIL", "IRNMIL", "190")],
    );

    // "condemned the plan to attack Israel": nobody named attacks (the condemnation stands).
    let run = c.run(&coder, &fx, &["infinitive-of-noun"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "111")]);
    c.finish();
}

/// A country-less group dealt with by the one state a sentence names is that state's own
/// (*Israeli police condemned the opposition*), with the reason in the rule; not when an army
/// uses force (armies fight abroad) nor when another country is named. Police, courts and
/// legislatures act at home only; force by or against protesters is a riot or repression.
#[test]
fn actors_without_a_country_at_home_in_the_only_state_named() {
    let fx = fixture!("context");
    let coder = coder();
    let mut c = Check::new();

    let run = c.run(&coder, &fx, &["home-police"], default_date());
    c.expect(&run, &[ev("ISRCOP", "ISROPP", "111")]);
    let cited = run.events().first().is_some_and(|e| {
        e.rule
            .target
            .iter()
            .any(|t| t.entry == "Israeli police → ISR" && t.at.starts_with("context"))
    });
    c.that(cited, &run, "the target's country cited from the police");

    // Force against the opposition is repression (175), not fighting, and the army's country
    // is not the opposition's for it.
    let run = c.run(&coder, &fx, &["home-force"], default_date());
    c.expect(&run, &[ev("ISRMIL", "---OPP", "175")]);

    // Police act at home only: force included, and facing their government.
    let run = c.run(&coder, &fx, &["home-repression"], default_date());
    c.expect(&run, &[ev("ISRCOP", "ISROPP", "175")]);
    let recoded = run
        .events()
        .first()
        .and_then(|e| e.rule.refinement.as_ref())
        .is_some_and(|r| r.entry.contains("violent repression"));
    c.that(recoded, &run, "the recoding cited in the rule");
    let run = c.run(&coder, &fx, &["home-government-police"], default_date());
    c.expect(&run, &[ev("ISRGOV", "ISRCOP", "130")]);

    // An international body deals with states: the police are those of the one state named.
    let run = c.run(&coder, &fx, &["home-igo"], default_date());
    c.expect(&run, &[ev("IGOUNO", "ISRCOP", "111").reported_by("ISR")]);

    // Protesters' force is a riot.
    let run = c.run(&coder, &fx, &["home-riot"], default_date());
    c.expect(&run, &[ev("ISROPP", "ISRCOP", "145")]);

    let run = c.run(&coder, &fx, &["home-two-countries"], default_date());
    c.expect(
        &run,
        &[ev("ISRCOP", "---OPP", "111"), ev("IRN", "---OPP", "111")],
    );
    c.finish();
}

/// A state acting at home on no one named acts on its own people (*The Israeli government
/// imposed a curfew*: ISR → ISR), in the words of the verb's object; not where the sentence
/// names another country, nor for a light verb's idiom (*took office*).
#[test]
fn acts_at_home_target_the_states_own_people() {
    let fx = fixture!("context");
    let verbs = "--- IMPOSE [172] ---\nIMPOSE\n- * CURFEW [1723]\n\
                 --- TAKE [171] ---\nTAKE {TAKES TOOK TAKEN TAKING}\n\
                 --- SAY [010] ---\nSAY {SAYS SAID SAYING}\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["home-curfew"], default_date());
    c.expect(&run, &[ev("ISRGOV", "ISR", "1723")]);
    let target = run.events().first().and_then(|e| e.target.as_ref());
    c.that(
        target.is_some_and(|t| t.text == "a curfew"),
        &run,
        "the target's words are the object's",
    );
    let cited = run.events().first().is_some_and(|e| {
        e.rule
            .target
            .iter()
            .any(|t| t.at == "context (the state's own people)")
    });
    c.that(cited, &run, "the state's own people cited");
    let run = c.run(&coder, &fx, &["home-curfew-foreign"], default_date());
    c.expect(&run, &[]);
    let run = c.run(&coder, &fx, &["home-light-verb"], default_date());
    c.expect(&run, &[]);
    c.finish();
}

/// Killing a hundred or more who were not fighting is a mass killing (202), fewer a
/// crackdown or a fight; the dead of an armed side fell fighting.
#[test]
fn mass_killings() {
    let fx = fixture!("context");
    let coder = coder_with("--- KILL [190] ---\nKILL\n", true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["mass-hundreds"], default_date());
    c.expect(&run, &[ev("ISRCOP", "ISROPP", "202")]);
    let run = c.run(&coder, &fx, &["mass-few"], default_date());
    c.expect(&run, &[ev("ISRCOP", "ISROPP", "175")]);
    let run = c.run(&coder, &fx, &["mass-soldiers"], default_date());
    c.expect(&run, &[ev("ISRMIL", "IRNMIL", "190")]);
    c.finish();
}

/// The overlay's patterns for common news verbs: judicial cooperation is with the country that
/// receives the person extradited, not with the person; dismissing talks rejects them (125);
/// using nerve gas is the use of chemical weapons (2041); voicing pessimism is a pessimistic
/// comment (012); extending a curfew imposes one (1723); an embargo is a sanction (163).
#[test]
fn overlay_verb_patterns() {
    let fx = fixture!("patterns");
    let coder = coder_with(tacitus_coder::VERB_OVERLAY, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["extradited-to"], default_date());
    c.expect(&run, &[ev("ISR", "GON", "063")]);
    let run = c.run(&coder, &fx, &["dismissed-talks"], default_date());
    c.expect(&run, &[ev("ISR", "GON", "125")]);
    let run = c.run(&coder, &fx, &["used-chemical"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "2041")]);
    let run = c.run(&coder, &fx, &["voiced-pessimism"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "012")]);
    let run = c.run(&coder, &fx, &["extended-curfew"], default_date());
    c.expect(&run, &[ev("ISR", "GON", "1723")]);
    let run = c.run(&coder, &fx, &["imposed-embargo"], default_date());
    c.expect(&run, &[ev("ISR", "GON", "163")]);
    c.finish();
}

/// A pattern word is not met by a time or inside a phrase of circumstance (*on Monday*,
/// *during a night of protests*), only where the verb's own words are.
#[test]
fn pattern_words_are_not_met_by_the_scene() {
    let fx = fixture!("context");
    let verbs = "--- CONDEMN [111] ---\nCONDEMN\n- * ON [190]\n- * PROTEST [141]\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    for id in ["time-word", "circumstance"] {
        let run = c.run(&coder, &fx, &[id], default_date());
        c.expect(&run, &[ev("IRN", "ISR", "111")]);
    }
    let run = c.run(&coder, &fx, &["named-noun"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "141")]);
    c.finish();
}

/// A participle used as an adjective is no verb and no pattern noun: *protested against the
/// planned visit* is a protest (a state's: an official complaint, 114), not opposition to a
/// plan (127), and nobody planned.
#[test]
fn adjectival_participles_name_nothing() {
    let fx = fixture!("patterns");
    let verbs = "--- PROTEST [140] ---\nPROTEST\n- * PLAN [127]\n\n--- PLAN [030] ---\nPLAN\n";
    let coder = coder_with(verbs, false);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["pat-participle"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "114")]);
    c.finish();
}

/// A pattern's preposition completes the verb or the pattern's noun, not a phrase nested in
/// another one: *lodged a protest with Israel over the detention of soldiers* is a protest
/// (110), not `- * PROTEST (OF)` (140).
#[test]
fn pattern_prepositions_are_not_nested_in_other_phrases() {
    let fx = fixture!("patterns");
    let verbs = "--- LODGE [---] ---\nLODGE\n- * PROTEST [110]\n- * PROTEST (OF) [140]\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["pat-nested-prep"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "110")]);
    c.finish();
}

/// A multi-word verb's preposition past the verb's object opens a phrase of its own: *gave a
/// speech in Gondor* is no *give in* (080), *gave in to Gondor* is.
#[test]
fn a_preposition_past_the_object_is_no_particle() {
    let fx = fixture!("patterns");
    let verbs = "--- YIELD [080] ---\n+GIVE_IN {+GIVES_IN +GAVE_IN +GIVEN_IN }\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["particle-past-object"], default_date());
    c.expect(&run, &[]);
    let run = c.run(&coder, &fx, &["particle-adjacent"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "080")]);
    c.finish();
}

/// An *of* phrase completes its noun, and a pattern's preposition after it may belong to the
/// verb even where the parser hung it from the *of* phrase: *extradited a commander of the
/// rebel group to Israel* is judicial cooperation with Israel.
#[test]
fn a_pattern_preposition_may_follow_an_of_phrase() {
    let fx = fixture!("patterns");
    let verbs = "--- EXTRADITE [---] ---\nEXTRADITE\n- * (TO +) [063]\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["pat-after-of"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "063")]);
    c.finish();
}

/// An infinitive's *to* is no preposition: *welcomed Israel's application to join the
/// alliance* is praise (051), not CAMEO.2.0's `- * (TO)` welcome of a visitor (043).
#[test]
fn an_infinitive_marker_is_no_preposition() {
    let fx = fixture!("patterns");
    let verbs = "--- WELCOME [051] ---\nWELCOME\n- * (TO) [043]\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["pat-infinitive-to"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "051")]);
    c.finish();
}

/// Cooperation by a compound source is between its conjuncts when the only actor after the
/// verb is an agent of no country that is not its object (*cooperated in the training of
/// police*).
#[test]
fn cooperation_of_a_compound_source_passes_over_stray_agents() {
    let fx = fixture!("compound");
    let verbs = "--- COOPERATE [060] ---\nCOOPERATE\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["comp-stray-agent"], default_date());
    c.expect(&run, &[ev("BRA", "ARG", "060"), ev("ARG", "BRA", "060")]);
    c.finish();
}

/// One of a compound source's own countries named again after the verb is no partner: *Brazil
/// and Argentina signed a deal for Argentine exports* is between the two.
#[test]
fn a_compound_source_does_not_act_on_its_own_member() {
    let fx = fixture!("compound");
    let coder = coder_with("--- SIGN [057] ---\nSIGN\n", true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["comp-own-country"], default_date());
    c.expect(&run, &[ev("BRA", "ARG", "057"), ev("ARG", "BRA", "057")]);
    c.finish();
}

/// A statement is not made to its audience: *told reporters that Israel was wrong* is about
/// Israel (what was said), *told Israel* codes a statement to Israel.
#[test]
fn statements_are_not_made_to_their_audience() {
    let fx = fixture!("context");
    let verbs = "--- TELL [010] ---\nTELL {TELLS TOLD TELLING}\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["audience"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "010")]);
    if let Some(e) = run.with_code("010") {
        c.that(
            e.rule.target_via == Some(Via::Complement),
            &run,
            "target from what was said, not the audience",
        );
    }
    let run = c.run(&coder, &fx, &["addressee"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "010")]);
    // An agent of no country told something is an audience too, and so are the
    // international media (Phoenix codes Reuters `MED`).
    for id in ["audience-soldiers", "audience-agency"] {
        let run = c.run(&coder, &fx, &[id], default_date());
        c.expect(&run, &[]);
    }
    c.finish();
}

/// A state's protest to another is an official complaint (114), its people's a protest (14).
#[test]
fn a_state_protests_officially() {
    let fx = fixture!("context");
    let coder = coder_with("--- PROTEST [140] ---\nPROTEST\n", true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["state-protest"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "114")]);
    let run = c.run(&coder, &fx, &["people-protest"], default_date());
    c.expect(&run, &[ev("ISROPP", "IRN", "140")]);
    c.finish();
}

/// A place stands in for the target only where no one else is named: *attacked protesters in
/// a raid in Gondor* is against the protesters, not Gondor.
#[test]
fn a_place_does_not_displace_a_named_target() {
    let fx = fixture!("context");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["venue-not-over-patient"], default_date());
    let target = run.events().first().and_then(|e| e.target.as_ref());
    c.that(
        target.is_some_and(|t| t.text == "protesters"),
        &run,
        "the protesters as target",
    );
    c.finish();
}

/// A place named in the subject's phrase is not who acts: *a car bomb in Gondor attacked
/// Israeli troops* has no source (though an object's place may be its target).
#[test]
fn a_place_in_the_subject_is_not_the_source() {
    let fx = fixture!("context");
    let monadic = coder_with(VERBS, false);
    let mut c = Check::new();
    let run = c.run(&monadic, &fx, &["place-not-agent"], default_date());
    c.expect(&run, &[ev("-", "ISRMIL", "190")]);
    c.finish();
}

/// A statement is not made to the place it was made in, however deep the phrase (*said in a
/// report to the council in Israel*, *told a news conference in Israel*).
#[test]
fn statements_are_not_made_to_their_setting() {
    let fx = fixture!("context");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["setting-deep"], default_date());
    c.expect(&run, &[]);
    // Nor to the place its audience met in: *told a news conference in Israel*.
    let tell = coder_with(&format!("{VERBS}\n--- TELL [010] ---\nTELL\n"), true);
    let run = c.run(&tell, &fx, &["setting-object"], default_date());
    c.expect(&run, &[]);
    // A place inside what the statement is about is the topic's: *claimed responsibility for
    // the attack in Israel*.
    let claim = coder_with("--- CLAIM [015] ---\nCLAIM\n", true);
    let run = c.run(&claim, &fx, &["setting-topic"], default_date());
    c.expect(&run, &[ev("GON", "ISR", "015")]);
    c.finish();
}

const MEET_ONE_WAY: &str = "--- MEET [040] ---\nMEET {MEETS MET MEETING}\n";

/// "Israeli and Iranian delegations" are two actors; where a compound source met is no partner
/// (*in Gondor*, *off Gondor's coast*, *in the Brazilian capital*): they met each other.
#[test]
fn conjoined_modifiers_and_places_of_meetings() {
    let fx = fixture!("context");
    let coder = coder_with(MEET_ONE_WAY, true);
    let mut c = Check::new();
    for id in ["modifier-conjuncts", "venue-owner", "venue-demonym"] {
        let run = c.run(&coder, &fx, &[id], default_date());
        c.expect(&run, &[ev("ISR", "IRN", "040"), ev("IRN", "ISR", "040")]);
    }
    c.finish();
}

/// Meeting is mutual even where the dictionary gives one code: *Israel met Iran* is Iran
/// meeting Israel too. A meeting announced (*will meet*) is the intention to meet (036), of the
/// one who announced it; PETRARCH's reading (the act) is an option.
#[test]
fn meetings_both_ways_and_announced_acts_as_intentions() {
    let fx = fixture!("context");
    let coder = coder_with(MEET_ONE_WAY, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["mutual"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "040"), ev("IRN", "ISR", "040")]);
    let run = c.run(&coder, &fx, &["future"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "036").modality("will")]);

    let mut as_petrarch = coder_with(MEET_ONE_WAY, true);
    as_petrarch.set_options(Options {
        require_dyad: true,
        future_intent: false,
    });
    let run = c.run(&as_petrarch, &fx, &["future"], default_date());
    c.expect(
        &run,
        &[
            ev("ISR", "IRN", "040").modality("will"),
            ev("IRN", "ISR", "040").modality("will"),
        ],
    );
    c.finish();
}

/// A pronoun's antecedent may be a passive's subject: *Israel was attacked as it condemned
/// Iran*.
#[test]
fn a_passive_subject_is_an_antecedent() {
    let fx = fixture!("context");
    let coder = coder();
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["passive-antecedent"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "111")]);
    c.finish();
}

/// An agent the pattern's own words name is no target: *exchanged artillery fire* is fire
/// between the two who exchanged it.
#[test]
fn the_pattern_noun_names_no_target() {
    let fx = fixture!("context");
    let verbs = "--- EXCHANGE [---] ---\nEXCHANGE\n- * FIRE [193:193]\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["pattern-agent"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "193"), ev("IRN", "ISR", "193")]);
    // The agent word itself matched (*artillery*, nearer the verb than *fire*): still no target.
    let verbs = "--- EXCHANGE [---] ---\nEXCHANGE\n- * FIRE [193:193]\n- * ARTILLERY [194:194]\n";
    let coder = coder_with(verbs, true);
    let run = c.run(&coder, &fx, &["pattern-agent"], default_date());
    c.expect(&run, &[ev("ISR", "IRN", "194"), ev("IRN", "ISR", "194")]);
    c.finish();
}

/// Of equally specific patterns, the one whose words lie nearest the verb wins: *demolished the
/// homes of Israeli soldiers* destroys homes (1712), it does not disarm soldiers (082).
#[test]
fn the_nearest_of_equal_patterns_wins() {
    let fx = fixture!("patterns");
    let verbs = "--- DESTROY [190] ---\nDEMOLISH\n- * SOLDIER [082]\n- * HOMES [1712]\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["pat-nearest"], default_date());
    c.expect(&run, &[ev("IRN", "ISRMIL", "1712")]);
    c.finish();
}

/// What a noun's infinitive names is no fact (*calls to attack Israel*); under a rejection it is
/// what is rejected, even when the parser hangs it from the verb.
#[test]
fn infinitives_of_calls_are_not_events() {
    let fx = fixture!("context");
    let verbs = format!("{VERBS}\n--- REJECT [120] ---\nREJECT\n- * CALL [122]\n");
    let coder = coder_with(&verbs, true);
    let mut c = Check::new();
    let run = c.run(&coder, &fx, &["noun-infinitive"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "111")]);
    let run = c.run(&coder, &fx, &["rejected-infinitive"], default_date());
    c.that(
        !run.events().is_empty() && run.events().iter().all(|e| e.root_code == "12"),
        &run,
        "a rejection, no attack",
    );
    c.finish();
}

/// The actor after a verb is preferred to the place it happened in (*protested in Gondor
/// against Israel*), unless the place is where one went (*arrived in Gondor*).
#[test]
fn actors_after_the_verb_before_its_place() {
    let fx = fixture!("context");
    let verbs = "--- PROTEST [140] ---\nPROTEST\n\n--- ARRIVE [042] ---\nARRIVE\n";
    let coder = coder_with(verbs, true);
    let mut c = Check::new();
    // (Iran's protest to Israel is an official complaint, 114.)
    let run = c.run(&coder, &fx, &["venue-before-target"], default_date());
    c.expect(&run, &[ev("IRN", "ISR", "114")]);
    let run = c.run(&coder, &fx, &["journey"], default_date());
    c.expect(&run, &[ev("IRN", "GON", "042")]);
    c.finish();
}
