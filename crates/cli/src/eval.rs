//! `tacitus eval`: scores against gold data.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use serde_json::json;
use tacitus_conllu::Sentence;
use tacitus_nlp::{read_treebank, strip_annotation};

use crate::Dirs;

/// What to evaluate.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Tagging, lemmas and dependency trees against a gold CoNLL-U treebank
    Parse(EvalParseArgs),
    /// The event coder against a PETRARCH validation file, coded from raw text
    Petrarch(EvalPetrarchArgs),
    /// ActionGeo (where events happened) against a JSON-lines evaluation set
    Geo(crate::geo::EvalGeoArgs),
    /// The event coder against your own gold events (JSON lines), matched by country and root
    /// code or PLOVER type
    Events(crate::gold::EvalEventsArgs),
}

/// Options of `tacitus eval petrarch`.
#[derive(Args)]
pub struct EvalPetrarchArgs {
    /// PETRARCH validation file (XML); its <Environment> names the dictionaries
    #[arg(value_name = "FILE.xml")]
    pub file: PathBuf,
    /// Print one JSON object instead of the report of failures
    #[arg(long)]
    pub json: bool,
}

/// Options of `tacitus eval parse`.
#[derive(Args)]
pub struct EvalParseArgs {
    /// Gold treebank (CoNLL-U)
    #[arg(long, value_name = "FILE.conllu")]
    gold: PathBuf,
    /// Parse the gold `# text` lines from scratch and score as the CoNLL 2018 shared task does
    #[arg(long)]
    raw: bool,
    /// Print one JSON object instead of a table
    #[arg(long)]
    json: bool,
    /// Also write the predicted trees to this CoNLL-U file (for error analysis)
    #[arg(long, value_name = "FILE.conllu")]
    out: Option<PathBuf>,
}

/// Runs `tacitus eval ...`.
pub fn run(dirs: &Dirs, cmd: &EvalCommand) -> Result<()> {
    let args = match cmd {
        EvalCommand::Parse(args) => args,
        EvalCommand::Petrarch(args) => return crate::petrarch::run(dirs, args),
        EvalCommand::Geo(args) => return crate::geo::eval(dirs, args),
        EvalCommand::Events(args) => return crate::gold::run(dirs, args),
    };
    let gold = read_treebank(&args.gold)?;
    let pipeline = dirs.pipeline()?;
    let report = if args.raw {
        let text = tacitus_eval::raw_text(&gold);
        let mut pred: Vec<Sentence> = Vec::new();
        pipeline.analyse(&text, |p| pred.push(p.sentence));
        write_predicted(args, &pred)?;
        let s = tacitus_eval::score_raw(&gold, &pred).context("scoring")?;
        json!({
            "tokens_f1": s.tokens_f1, "sentences_f1": s.sentences_f1, "words_f1": s.words_f1,
            "upos_f1": s.upos_f1, "xpos_f1": s.xpos_f1, "lemma_f1": s.lemma_f1,
            "uas_f1": s.uas_f1, "las_f1": s.las_f1,
        })
    } else {
        let mut pred: Vec<Sentence> = gold.iter().map(strip_annotation).collect();
        let started = Instant::now();
        pipeline.annotate_many(&mut pred);
        let secs = started.elapsed().as_secs_f64();
        write_predicted(args, &pred)?;
        let s = tacitus_eval::score_gold_tok(&gold, &pred).context("scoring")?;
        json!({
            "upos": s.upos, "xpos": s.xpos, "lemma": s.lemma, "uas": s.uas, "las": s.las,
            "words": s.words, "words_per_second": (s.words as f64 / secs.max(1e-9)).round(),
        })
    };
    print_report(&report, args.json);
    Ok(())
}

/// Writes the predicted trees where `--out` asks for them.
fn write_predicted(args: &EvalParseArgs, pred: &[Sentence]) -> Result<()> {
    if let Some(out) = &args.out {
        std::fs::write(out, tacitus_conllu::write_str(pred))
            .with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(())
}

/// Prints a flat JSON object as one line of JSON or as an aligned table.
pub fn print_report(report: &serde_json::Value, as_json: bool) {
    if as_json {
        println!("{report}");
        return;
    }
    if let Some(map) = report.as_object() {
        for (k, v) in map {
            match v.as_f64() {
                Some(f) if v.is_f64() => println!("{k:>20}  {f:.2}"),
                _ => println!("{k:>20}  {v}"),
            }
        }
    }
}
