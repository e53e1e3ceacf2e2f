//! `tacitus bench`: throughput on one thread and on all cores, and peak memory.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use rayon::prelude::*;
use serde_json::json;
use tacitus_coder::{Coder, Document, Options};

use crate::code::{DOCS_PER_TASK, code_chunk};
use tacitus_conllu::Sentence;
use tacitus_nlp::{read_treebank, strip_annotation};

use crate::Dirs;
use crate::eval::print_report;

/// What to measure.
#[derive(Subcommand)]
pub enum BenchCommand {
    /// Tagging + lemmas + parsing of a treebank's words (gold tokenization)
    Parse(BenchParseArgs),
    /// `tacitus code` end to end (tokenize, tag, parse, code) over news stories
    Code(BenchCodeArgs),
    /// Write a synthetic news corpus of any size (for ingest and store benchmarks)
    Corpus(crate::corpus::CorpusArgs),
}

/// Options of `tacitus bench code`.
#[derive(Args)]
pub struct BenchCodeArgs {
    /// Stories as JSON lines with `headline` and `text` (the synthetic-news format)
    #[arg(value_name = "FILE.jsonl")]
    file: PathBuf,
    /// Use only the first N stories
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Document date for actor roles (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::code::parse_date)]
    date: Option<tacitus_coder::Date>,
    /// Print one JSON object instead of a table
    #[arg(long)]
    json: bool,
    /// Minimum seconds to run each measurement (median pass reported)
    #[arg(long, default_value_t = 3.0)]
    seconds: f64,
}

/// Options of `tacitus bench parse`.
#[derive(Args)]
pub struct BenchParseArgs {
    /// Treebank whose words are parsed (CoNLL-U)
    #[arg(value_name = "FILE.conllu")]
    file: PathBuf,
    /// Print one JSON object instead of a table
    #[arg(long)]
    json: bool,
    /// Minimum seconds to run each measurement (the file is parsed again until reached; the
    /// median pass is reported)
    #[arg(long, default_value_t = 3.0)]
    seconds: f64,
}

/// Runs `tacitus bench ...`.
pub fn run(dirs: &Dirs, cmd: &BenchCommand) -> Result<()> {
    let args = match cmd {
        BenchCommand::Parse(args) => args,
        BenchCommand::Code(args) => return run_code(dirs, args),
        BenchCommand::Corpus(args) => return crate::corpus::run(dirs, args),
    };
    let gold = read_treebank(&args.file)?;
    let pipeline = dirs.pipeline()?;
    // Annotation reads only forms and overwrites every column it fills, so each pass over the
    // same sentences does the whole work again, with no copying in the timed loop.
    let mut input: Vec<Sentence> = gold.iter().map(strip_annotation).collect();
    let words: usize = input.iter().map(|s| s.words.len()).sum();
    let min = Duration::from_secs_f64(args.seconds.max(0.0));
    let one = measure(min, words, || pipeline.annotate_many(&mut input));
    let all = measure(min, words, || {
        input
            .par_chunks_mut(64)
            .for_each(|c| pipeline.annotate_many(c));
    });
    let report = json!({
        "words": words,
        "sentences": input.len(),
        "threads": rayon::current_num_threads(),
        "words_per_second_1t": one.round(),
        "words_per_second_all": all.round(),
        "sentences_per_second_1t": (one * input.len() as f64 / words.max(1) as f64).round(),
        "peak_rss_mb": peak_rss_mb(),
    });
    print_report(&report, args.json);
    Ok(())
}

/// Runs `tacitus bench code`: the whole of `tacitus code` on one thread and on all cores, and
/// the time coding adds to parsing.
fn run_code(dirs: &Dirs, args: &BenchCodeArgs) -> Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if args.limit.is_some_and(|n| docs.len() >= n) {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", args.file.display(), i + 1))?;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        docs.push(Document {
            id: field("id"),
            text: format!("{}\n\n{}", field("headline"), field("text")),
            has_headline: true,
            date: args.date,
            place: None,
        });
    }
    if docs.is_empty() {
        bail!("no stories in {}", args.file.display());
    }
    let coder = Coder::new(dirs.lexicon(None, &[])?, Options::default());
    let pipeline = dirs.pipeline()?;
    let loading = Instant::now();
    let enricher = dirs.enricher(None)?;
    let load_seconds = loading.elapsed().as_secs_f64();
    let coded: Vec<_> = docs
        .chunks(DOCS_PER_TASK)
        .flat_map(|c| coder.code_many(&pipeline, c))
        .collect();
    let words: usize = coded.iter().map(|c| c.words).sum();
    let events: usize = coded.iter().map(|c| c.events.len()).sum();
    let min = Duration::from_secs_f64(args.seconds.max(0.0));
    // Parsing, coding and places with tone are timed apart within the same pass, so their
    // ratios do not depend on how busy the machine was in one pass or another.
    let (mut coding_share, mut geo_tone_share) = (Vec::new(), Vec::new());
    let code_1t = measure(min, words, || {
        let (mut parsing, mut coding, mut enriching) =
            (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        for chunk in docs.chunks(DOCS_PER_TASK) {
            let t = Instant::now();
            let parsed = coder.parse_many(&pipeline, chunk);
            let t2 = Instant::now();
            let mut coded: Vec<_> = chunk
                .iter()
                .zip(&parsed)
                .map(|(d, p)| coder.code_parsed(d, p))
                .collect();
            let t3 = Instant::now();
            for (d, c) in chunk.iter().zip(&mut coded) {
                enricher.enrich(d, c);
            }
            std::hint::black_box(coded);
            parsing += t2 - t;
            coding += t3 - t2;
            enriching += t3.elapsed();
        }
        coding_share.push(coding.as_secs_f64() / parsing.as_secs_f64().max(1e-9));
        geo_tone_share.push(enriching.as_secs_f64() / (parsing + coding).as_secs_f64().max(1e-9));
    });
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let overhead = median(coding_share);
    let geo_tone = median(geo_tone_share);
    let code_all = measure(min, words, || {
        docs.par_chunks(DOCS_PER_TASK).for_each(|c| {
            std::hint::black_box(code_chunk(&coder, &pipeline, Some(&enricher), c));
        });
    });
    let per_doc = docs.len() as f64 / words.max(1) as f64;
    let report = json!({
        "documents": docs.len(),
        "words": words,
        "events": events,
        "threads": rayon::current_num_threads(),
        "words_per_second_1t": code_1t.round(),
        "words_per_second_all": code_all.round(),
        "documents_per_second_1t": (code_1t * per_doc).round(),
        "documents_per_second_all": (code_all * per_doc).round(),
        "coding_overhead_percent": (overhead * 1000.0).round() / 10.0,
        "geo_tone_overhead_percent": (geo_tone * 1000.0).round() / 10.0,
        "geo_tone_load_seconds": (load_seconds * 1000.0).round() / 1000.0,
        "peak_rss_mb": peak_rss_mb(),
    });
    print_report(&report, args.json);
    Ok(())
}

/// Words per second of `pass`: the median over passes run until at least `min` has elapsed (and
/// at least three), so a burst of other work on the machine does not decide the figure.
fn measure(min: Duration, words: usize, mut pass: impl FnMut()) -> f64 {
    let started = Instant::now();
    let mut rates = Vec::new();
    while rates.len() < 3 || started.elapsed() < min {
        let t = Instant::now();
        pass();
        rates.push(words as f64 / t.elapsed().as_secs_f64().max(1e-9));
    }
    rates.sort_by(f64::total_cmp);
    rates[rates.len() / 2]
}

/// Peak resident memory of this process in MB (VmHWM), 0 where the system does not say.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| (kb / 1024.0 * 10.0).round() / 10.0)
}
