//! `tacitus eval events`: the coder against a user's own gold events, matched leniently.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use tacitus_coder::{Date, Document};
use tacitus_eval::events::{CodedEvent, GoldRecord, outcome, score};

use crate::Dirs;
use crate::code::{CoderArgs, code_in_parallel, parse_date};

/// Options of `tacitus eval events`.
#[derive(Args)]
pub struct EvalEventsArgs {
    /// Gold file, one JSON object per line: {"id", "text", "date"?, "events": [{"source"?,
    /// "target"?, "code"? | "plover"?}]} (see docs/USAGE.md)
    #[arg(value_name = "GOLD.jsonl")]
    file: PathBuf,
    /// Date of the records that give none (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Print one JSON object (scores and misses) instead of the report
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    coder: CoderArgs,
}

/// Runs `tacitus eval events`.
pub fn run(dirs: &Dirs, args: &EvalEventsArgs) -> Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let mut records: Vec<GoldRecord> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<GoldRecord>(line) {
            Ok(r) => records.push(r),
            // A bad record is reported and skipped, never the end of the run.
            Err(e) => eprintln!(
                "warning: skipping {}:{}: not a gold record: {e}",
                args.file.display(),
                i + 1
            ),
        }
    }
    let mut docs = Vec::with_capacity(records.len());
    for r in &records {
        let date = match r.date.as_deref() {
            Some(d) => Some(
                parse_date(d)
                    .map_err(anyhow::Error::msg)
                    .with_context(|| format!("record {} of {}", r.id, args.file.display()))?,
            ),
            None => args.date,
        };
        docs.push(Document {
            id: r.id.clone(),
            text: r.text.clone(),
            has_headline: false,
            date,
            place: None,
        });
    }
    let coder = args.coder.coder(dirs)?;
    let pipeline = dirs.pipeline()?;
    let enricher = args.coder.enricher(dirs)?;
    let coded = code_in_parallel(&coder, &pipeline, enricher.as_ref(), &docs);
    let code = |p: &Option<tacitus_coder::Participant>| {
        p.as_ref().map_or_else(String::new, |p| p.code.clone())
    };
    let outcomes = records
        .iter()
        .zip(coded)
        .map(|(r, c)| {
            let got = c
                .events
                .iter()
                .map(|e| CodedEvent {
                    source: code(&e.source),
                    target: code(&e.target),
                    code: e.event_code.clone(),
                    plover: e.plover_event.clone(),
                })
                .collect();
            outcome(r, got, |c| coder.lexicon().plover_event(c))
        })
        .collect();
    let report = score(outcomes);
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(());
    }
    let side = |s: &Option<String>| s.clone().unwrap_or_else(|| "*".into());
    let blank = |s: &str| if s.is_empty() { "-" } else { s }.to_string();
    for m in &report.misses {
        println!(
            "MISS {} ({} of {} found)",
            m.id,
            m.matched,
            m.expected.len()
        );
        println!("  text:     {}", m.text);
        let expected: Vec<String> = m
            .expected
            .iter()
            .map(|g| {
                let kind = g
                    .code
                    .clone()
                    .or_else(|| g.plover.clone())
                    .unwrap_or_default();
                format!("{}>{}:{kind}", side(&g.source), side(&g.target))
            })
            .collect();
        let got: Vec<String> = m
            .got
            .iter()
            .map(|c| {
                let plover = c.plover.as_deref().unwrap_or("-");
                format!(
                    "{}>{}:{}/{plover}",
                    blank(&c.source),
                    blank(&c.target),
                    c.code
                )
            })
            .collect();
        println!("  expected: {}", expected.join(" "));
        println!("  got:      {}", got.join(" "));
    }
    println!(
        "\n{} records, {} gold events, {} coded: event precision {:.3}, recall {:.3}, F1 {:.3}",
        report.records,
        report.gold_events,
        report.coded_events,
        report.event_precision,
        report.event_recall,
        report.event_f1
    );
    println!(
        "PLOVER types: precision {:.3}, recall {:.3}, F1 {:.3}",
        report.plover_type_precision, report.plover_type_recall, report.plover_type_f1
    );
    Ok(())
}
