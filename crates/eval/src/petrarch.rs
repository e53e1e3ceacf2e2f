//! Reading of PETRARCH validation files and scoring of coded events against them.
//!
//! The PETRARCH unit-test suite (`PETR.UnitTest.records.xml`, as UniversalPetrarch maintains it)
//! is the reference for whether a CAMEO coder treats actors, agents, compounds, verb patterns and
//! the rest as PETRARCH does, so Tacitus reads the suite in its own XML format, with the options
//! it switches between records, instead of a converted copy that could drift from it.
//!
//! Conventions:
//! - A `<Config option="…" value="…"/>` applies to every `<Sentence>` after it in document order,
//!   whether it stands in `<Environment>` or between records; boolean values are
//!   case-insensitive (`true`/`false`, also `yes`/`no`, `on`/`off`, `1`/`0`).
//! - A record expects no events when it says `<EventCoding noevents="True"/>`, when it names an
//!   expected error (`<EventCoding error="storydiscard"/>`, kept in [`Record::error`]) and when
//!   it has no `<EventCoding>` at all (as PETRARCH treats it). `<Parse>` elements are ignored.
//! - A record passes when the *set* of triples coded equals the set expected: order and
//!   duplicates do not matter.
//! - Precision and recall are micro-averaged over triples of the scored records, each record's
//!   triples taken as a set, and are percentages in 0–100 like the rest of this crate. A ratio
//!   with a zero denominator is 100 when nothing was expected *and* nothing was coded (no error
//!   was made), else 0; a pass rate over zero records is 0.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use roxmltree::{Document, Node};
use serde::Serialize;
pub use tacitus_dict::Date;

/// A validation file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum PetrarchError {
    /// The file cannot be read (missing, unreadable, not UTF-8).
    #[error("cannot read {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        #[source]
        source: std::io::Error,
    },
    /// The text is not well-formed XML.
    #[error("line {line}: invalid XML: {message}")]
    Xml {
        /// 1-based line of the error.
        line: u32,
        /// The XML parser's message.
        message: String,
    },
    /// Well-formed XML that is not a valid PETRARCH validation file.
    #[error("line {line}: {message}")]
    Format {
        /// 1-based line of the offending element.
        line: u32,
        /// What is wrong.
        message: String,
    },
}

/// A PETRARCH validation file: the dictionaries it names and its test records, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationFile {
    /// The dictionaries named in `<Environment>`.
    pub environment: Environment,
    /// Every `<Sentence>`, evaluated or not, in file order (ids need not be unique).
    pub records: Vec<Record>,
}

/// The dictionary files an `<Environment>` names, resolved against the XML file's directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// `<Verbfile>`.
    pub verbs: Option<PathBuf>,
    /// Every `<Actorfile>`, each possibly a comma-separated list, in order.
    pub actors: Vec<PathBuf>,
    /// `<Agentfile>`.
    pub agents: Option<PathBuf>,
    /// `<Discardfile>`.
    pub discards: Option<PathBuf>,
    /// `<Issuefile>`.
    pub issues: Option<PathBuf>,
}

/// The coder options in effect for a record, as set by the `<Config>` elements before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Code only events with both a source and a target (PETRARCH default: true).
    pub require_dyad: bool,
    /// Length of the code given to unknown actors; 0 turns that off (default).
    pub new_actor_length: u32,
    /// `comma_emax`, when set.
    pub comma_emax: Option<u32>,
    /// Every other option, by name as written, with its value as written (trimmed).
    pub other: BTreeMap<String, String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            require_dyad: true,
            new_actor_length: 0,
            comma_emax: None,
            other: BTreeMap::new(),
        }
    }
}

impl Config {
    /// Sets one option from its text value; the error says why the value is not valid.
    pub fn set(&mut self, option: &str, value: &str) -> Result<(), String> {
        let option = option.trim();
        let value = value.trim();
        let number = || {
            value
                .parse::<u32>()
                .map_err(|_| format!("option {option}: {value:?} is not a non-negative integer"))
        };
        match option.to_ascii_lowercase().as_str() {
            "require_dyad" => {
                self.require_dyad = parse_bool(value)
                    .ok_or_else(|| format!("option {option}: {value:?} is not a boolean"))?;
            }
            "new_actor_length" => self.new_actor_length = number()?,
            "comma_emax" => self.comma_emax = Some(number()?),
            _ => {
                self.other.insert(option.to_string(), value.to_string());
            }
        }
        Ok(())
    }
}

/// A boolean as PETRARCH's configuration reader accepts it, case-insensitively.
fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Some(true),
        "false" | "no" | "off" | "0" => Some(false),
        _ => None,
    }
}

/// One event: source actor code, target actor code and CAMEO event code, as written in the file.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize)]
pub struct Triple {
    /// Source actor code (`ARN`, `---GOV`, or a quoted new actor such as `"INJURY TOLL"`).
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO event code (`050`).
    pub event_code: String,
}

impl Triple {
    /// A triple from its source, target and event code.
    pub fn new(
        source: impl Into<String>,
        target: impl Into<String>,
        event_code: impl Into<String>,
    ) -> Self {
        Triple {
            source: source.into(),
            target: target.into(),
            event_code: event_code.into(),
        }
    }
}

impl fmt::Display for Triple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}, {}, {})", self.source, self.target, self.event_code)
    }
}

/// The events a record should code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// No event at all.
    NoEvents,
    /// These events, in file order.
    Events(Vec<Triple>),
}

impl Expected {
    /// The expected triples (none for [`Expected::NoEvents`]).
    pub fn triples(&self) -> &[Triple] {
        match self {
            Expected::NoEvents => &[],
            Expected::Events(t) => t,
        }
    }
}

/// One `<Sentence>` test record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The `id` attribute.
    pub id: String,
    /// The `category` attribute, else the `source` attribute, else empty.
    pub category: String,
    /// The `date` attribute, when present.
    pub date: Option<Date>,
    /// Whether the record is scored (`sentence="true"`, case-insensitive).
    pub evaluated: bool,
    /// The `<Text>` content, entities decoded, whitespace runs collapsed to one space, trimmed.
    pub text: String,
    /// The events expected.
    pub expected: Expected,
    /// The error PETRARCH should report instead of coding (`<EventCoding error="…"/>`), if any.
    pub error: Option<String>,
    /// The options in effect for this record.
    pub config: Config,
    /// 1-based line of the `<Sentence>` start tag.
    pub line: u32,
}

impl Record {
    /// Compares the events coded for this record with the expected ones, as sets.
    ///
    /// The outcome's `got` is sorted with duplicates removed.
    pub fn outcome(&self, got: Vec<Triple>) -> Outcome {
        let got: BTreeSet<Triple> = got.into_iter().collect();
        let expected: BTreeSet<&Triple> = self.expected.triples().iter().collect();
        let passed = got.len() == expected.len() && got.iter().all(|t| expected.contains(t));
        Outcome {
            id: self.id.clone(),
            category: self.category.clone(),
            text: self.text.clone(),
            line: self.line,
            expected: self.expected.clone(),
            got: got.into_iter().collect(),
            passed,
        }
    }
}

/// The result of coding one evaluated record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Record id.
    pub id: String,
    /// Record category.
    pub category: String,
    /// Record text.
    pub text: String,
    /// Line of the record in the validation file.
    pub line: u32,
    /// The events expected.
    pub expected: Expected,
    /// The events coded.
    pub got: Vec<Triple>,
    /// Whether the coded set equals the expected set.
    pub passed: bool,
}

/// Records and passes in one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CategoryScore {
    /// Records scored.
    pub records: usize,
    /// Records passed.
    pub passed: usize,
}

/// Scores over a validation run; percentages in 0–100.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PetrarchReport {
    /// Records scored.
    pub records: usize,
    /// Records whose coded set equals the expected set.
    pub passed: usize,
    /// `passed` as a percentage of `records`.
    pub pass_rate: f64,
    /// Correct triples as a percentage of coded triples (micro-averaged).
    pub event_precision: f64,
    /// Correct triples as a percentage of expected triples (micro-averaged).
    pub event_recall: f64,
    /// Coded triples that were expected, summed over records.
    pub true_positives: usize,
    /// Distinct coded triples, summed over records.
    pub got_triples: usize,
    /// Distinct expected triples, summed over records.
    pub expected_triples: usize,
    /// Counts per record category.
    pub by_category: BTreeMap<String, CategoryScore>,
    /// The outcomes that did not pass, in input order.
    #[serde(skip)]
    pub failures: Vec<Outcome>,
}

/// `100 * part / whole`; a zero `whole` gives 100 when `no_errors`, else 0.
fn ratio(part: usize, whole: usize, no_errors: bool) -> f64 {
    if whole == 0 {
        if no_errors { 100.0 } else { 0.0 }
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Scores the outcomes of the evaluated records (their `passed` flags are taken as they are).
pub fn score(outcomes: Vec<Outcome>) -> PetrarchReport {
    let (mut records, mut passed, mut tp, mut got_n, mut exp_n) = (0, 0, 0, 0, 0);
    let mut by_category: BTreeMap<String, CategoryScore> = BTreeMap::new();
    let mut failures = Vec::new();
    for o in outcomes {
        let expected: BTreeSet<&Triple> = o.expected.triples().iter().collect();
        let got: BTreeSet<&Triple> = o.got.iter().collect();
        tp += got.intersection(&expected).count();
        got_n += got.len();
        exp_n += expected.len();
        records += 1;
        let cat = by_category.entry(o.category.clone()).or_default();
        cat.records += 1;
        if o.passed {
            passed += 1;
            cat.passed += 1;
        } else {
            failures.push(o);
        }
    }
    let nothing = got_n == 0 && exp_n == 0;
    PetrarchReport {
        records,
        passed,
        pass_rate: ratio(passed, records, false),
        event_precision: ratio(tp, got_n, nothing),
        event_recall: ratio(tp, exp_n, nothing),
        true_positives: tp,
        got_triples: got_n,
        expected_triples: exp_n,
        by_category,
        failures,
    }
}

impl ValidationFile {
    /// Reads a validation file; dictionary paths resolve against its directory.
    pub fn load(path: &Path) -> Result<ValidationFile, PetrarchError> {
        let xml = std::fs::read_to_string(path).map_err(|source| PetrarchError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&xml, path.parent().unwrap_or(Path::new("")))
    }

    /// Parses the text of a validation file; dictionary paths resolve against `base_dir`.
    pub fn parse(xml: &str, base_dir: &Path) -> Result<ValidationFile, PetrarchError> {
        let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
        let doc = Document::parse(xml).map_err(|e| PetrarchError::Xml {
            line: e.pos().row,
            message: e.to_string(),
        })?;
        let lines = Lines::new(xml);
        let root = doc.root_element();
        if root.tag_name().name() != "Validation" {
            return Err(format_error(
                &lines,
                root,
                format!(
                    "the root element is <{}>, not <Validation>",
                    root.tag_name().name()
                ),
            ));
        }
        let mut environment = Environment::default();
        let mut config = Config::default();
        let mut records = Vec::new();
        // End of the last <Sentence> read: its contents are the record's, not the walk's.
        let mut skip_until = 0;
        for node in root.descendants().filter(Node::is_element) {
            let range = node.range();
            if range.start < skip_until {
                continue;
            }
            match node.tag_name().name() {
                "Config" => apply_config(&mut config, node, &lines)?,
                "Environment" => read_environment(&mut environment, node, base_dir),
                "Sentence" => {
                    records.push(read_record(node, &config, &lines)?);
                    skip_until = range.end;
                }
                _ => {}
            }
        }
        Ok(ValidationFile {
            environment,
            records,
        })
    }

    /// The records marked for evaluation, in file order.
    pub fn evaluated(&self) -> impl Iterator<Item = &Record> {
        self.records.iter().filter(|r| r.evaluated)
    }

    /// The first record with this id.
    pub fn record(&self, id: &str) -> Option<&Record> {
        self.records.iter().find(|r| r.id == id)
    }
}

/// Byte offset → 1-based line number.
struct Lines {
    newlines: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Self {
        Lines {
            newlines: text.match_indices('\n').map(|(i, _)| i).collect(),
        }
    }

    fn line(&self, pos: usize) -> u32 {
        let n = self.newlines.partition_point(|&i| i < pos) + 1;
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

fn format_error(lines: &Lines, node: Node, message: String) -> PetrarchError {
    PetrarchError::Format {
        line: lines.line(node.range().start),
        message,
    }
}

/// All text inside an element, in order.
fn inner_text(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

fn apply_config(config: &mut Config, node: Node, lines: &Lines) -> Result<(), PetrarchError> {
    let Some(option) = node.attribute("option") else {
        return Err(format_error(
            lines,
            node,
            "<Config> without an option attribute".into(),
        ));
    };
    let Some(value) = node.attribute("value") else {
        return Err(format_error(
            lines,
            node,
            format!("<Config option=\"{option}\"> without a value attribute"),
        ));
    };
    config
        .set(option, value)
        .map_err(|m| format_error(lines, node, m))
}

fn read_environment(env: &mut Environment, node: Node, base_dir: &Path) {
    for child in node.children().filter(Node::is_element) {
        let text = inner_text(child);
        let paths = text
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| base_dir.join(p));
        let slot = match child.tag_name().name() {
            "Actorfile" => {
                env.actors.extend(paths);
                continue;
            }
            "Verbfile" => &mut env.verbs,
            "Agentfile" => &mut env.agents,
            "Discardfile" => &mut env.discards,
            "Issuefile" => &mut env.issues,
            _ => continue,
        };
        // A later element overrides an earlier one; an empty one changes nothing.
        let p = text.trim();
        if !p.is_empty() {
            *slot = Some(base_dir.join(p));
        }
    }
}

fn read_record(node: Node, config: &Config, lines: &Lines) -> Result<Record, PetrarchError> {
    let err = |n: Node, m: String| format_error(lines, n, m);
    let Some(id) = node.attribute("id") else {
        return Err(err(node, "<Sentence> without an id attribute".into()));
    };
    let category = node
        .attribute("category")
        .or_else(|| node.attribute("source"))
        .unwrap_or("")
        .to_string();
    let date = match node.attribute("date") {
        None => None,
        Some(d) => Some(
            Date::parse_dict(d.trim())
                .filter(|_| d.trim().len() == 8)
                .ok_or_else(|| {
                    err(
                        node,
                        format!("record {id}: date {d:?} is not a valid YYYYMMDD date"),
                    )
                })?,
        ),
    };
    let evaluated = node
        .attribute("sentence")
        .is_some_and(|s| s.trim().eq_ignore_ascii_case("true"));

    let mut text = None;
    let mut triples = Vec::new();
    let mut noevents = false;
    let mut error = None;
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "Text" => {
                if text.is_some() {
                    return Err(err(child, format!("record {id} has more than one <Text>")));
                }
                let raw = inner_text(child);
                text = Some(raw.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            "EventCoding" => {
                let no = match child.attribute("noevents") {
                    None => false,
                    Some(v) => parse_bool(v).ok_or_else(|| {
                        err(
                            child,
                            format!("record {id}: noevents={v:?} is not a boolean"),
                        )
                    })?,
                };
                let e = child.attribute("error");
                match child.attribute("eventcode") {
                    Some(code) => {
                        let (Some(source), Some(target)) =
                            (child.attribute("sourcecode"), child.attribute("targetcode"))
                        else {
                            return Err(err(
                                child,
                                format!(
                                    "record {id}: <EventCoding eventcode=\"{code}\"> needs both \
                                     sourcecode and targetcode"
                                ),
                            ));
                        };
                        triples.push(Triple::new(source, target, code));
                    }
                    None if no || e.is_some() => {}
                    None => {
                        return Err(err(
                            child,
                            format!(
                                "record {id}: <EventCoding> has none of eventcode, \
                                 noevents=\"true\" or error"
                            ),
                        ));
                    }
                }
                noevents |= no;
                if error.is_none() {
                    error = e.map(str::to_string);
                }
            }
            "Config" => {
                return Err(err(
                    child,
                    format!("record {id}: <Config> inside a <Sentence>; put it between records"),
                ));
            }
            _ => {}
        }
    }
    let Some(text) = text else {
        return Err(err(node, format!("record {id} has no <Text>")));
    };
    if !triples.is_empty() && (noevents || error.is_some()) {
        let what = if noevents { "noevents" } else { "an error" };
        return Err(err(
            node,
            format!("record {id} expects both events and {what}"),
        ));
    }
    Ok(Record {
        id: id.to_string(),
        category,
        date,
        evaluated,
        text,
        expected: if triples.is_empty() {
            Expected::NoEvents
        } else {
            Expected::Events(triples)
        },
        error,
        config: config.clone(),
        line: lines.line(node.range().start),
    })
}
