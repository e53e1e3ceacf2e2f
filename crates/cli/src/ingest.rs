//! `tacitus ingest`: folders of news in any supported format, coded and stored as an event
//! dataset in one SQLite file, resumable, with every bad document reported and skipped.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use tacitus_coder::{Coder, Date, Document};
use tacitus_dataset::{Article, CodedArticle, DocumentHash, Skipped, Timestamp};
use tacitus_ingest::{Articles, ReadOptions, discover};
use tacitus_nlp::Pipeline;
use tacitus_store::Store;

use crate::Dirs;
use crate::code::{CoderArgs, code_in_parallel, parse_date};
use crate::enrich::Enricher;
use crate::store::DbArgs;

/// Articles coded and stored together (one transaction).
const BATCH: usize = 256;

/// Exit status when the run finished but skipped some documents.
pub const EXIT_SKIPPED: i32 = 2;

/// Options of `tacitus ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Files or directories (searched recursively): text, JSON lines, HTML, RSS/Atom, any of
    /// them gzipped; - for standard input
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
    /// Publication date of documents whose metadata and dateline give none
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Largest document accepted, in bytes (after decompression)
    #[arg(long, value_name = "BYTES", default_value_t = ReadOptions::default().max_bytes)]
    max_bytes: u64,
    #[command(flatten)]
    coder: CoderArgs,
}

/// Counts for the closing summary.
#[derive(Default)]
struct Tally {
    read: usize,
    stored: usize,
    unchanged: usize,
    sentences: usize,
    words: usize,
    reports: usize,
    discarded: usize,
    /// Skip reasons with how many documents each (first origins kept as examples).
    skipped: Vec<Skipped>,
}

/// Runs `tacitus ingest`; returns whether any document was skipped.
pub fn run(dirs: &Dirs, args: &IngestArgs) -> Result<bool> {
    let coder = args.coder.coder(dirs)?;
    let pipeline = dirs.pipeline()?;
    let enricher = args.coder.enricher(dirs)?;
    let mut store = args.db.open()?;
    let (inputs, unreadable) = discover(&args.inputs);
    let total: u64 = inputs.iter().map(|i| i.size).sum();
    let progress = ProgressBar::new(total).with_style(
        ProgressStyle::with_template(
            "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec}, eta {eta} · {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let mut tally = Tally::default();
    for s in unreadable {
        report_skip(&progress, &mut tally, s);
    }
    let options = ReadOptions {
        max_bytes: args.max_bytes,
        default_date: args.date,
        ..ReadOptions::default()
    };
    let mut articles = Articles::new(inputs, options);
    let mut batch: Vec<Pending> = Vec::with_capacity(BATCH);
    // Hashes taken into the current batch: an article twice in one run is stored once.
    let mut pending: HashSet<DocumentHash> = HashSet::new();
    loop {
        let next = articles.next();
        let done = next.is_none();
        match next {
            Some(Err(s)) => report_skip(&progress, &mut tally, s),
            Some(Ok(article)) => {
                tally.read += 1;
                if let Some(published) = article.published {
                    let hash = article.hash();
                    let stored = store
                        .contains(hash)
                        .with_context(|| format!("reading {}", args.db.path.display()))?;
                    if stored || !pending.insert(hash) {
                        tally.unchanged += 1;
                    } else {
                        batch.push(Pending {
                            hash,
                            published,
                            article,
                        });
                    }
                } else {
                    let s = Skipped {
                        origin: article.origin,
                        reason: "no publication date in its metadata or dateline (give --date YYYY-MM-DD)".into(),
                    };
                    report_skip(&progress, &mut tally, s);
                }
            }
            None => {}
        }
        if batch.len() >= BATCH || (done && !batch.is_empty()) {
            let coded = code_batch(
                &coder,
                &pipeline,
                enricher.as_ref(),
                std::mem::take(&mut batch),
            );
            store_batch(&mut store, &progress, &mut tally, coded)?;
            pending.clear();
            progress.set_message(format!(
                "{} documents, {} events",
                tally.stored, tally.reports
            ));
        }
        progress.set_position(articles.bytes_read());
        if done {
            break;
        }
    }
    progress.finish_and_clear();
    print_summary(&tally, &store, started.elapsed().as_secs_f64())?;
    Ok(!tally.skipped.is_empty())
}

/// An article to be coded and stored.
struct Pending {
    hash: DocumentHash,
    published: Timestamp,
    article: Article,
}

/// Codes a batch on all cores.
fn code_batch(
    coder: &Coder,
    pipeline: &Pipeline,
    enricher: Option<&Enricher>,
    batch: Vec<Pending>,
) -> Vec<CodedArticle> {
    let docs: Vec<Document> = batch
        .iter()
        .map(|p| Document {
            id: p.hash.to_string(),
            text: p.article.coded_text(),
            has_headline: p.article.has_headline(),
            date: p.published.date(),
            place: p.article.place.clone(),
        })
        .collect();
    let coded = code_in_parallel(coder, pipeline, enricher, &docs);
    batch
        .into_iter()
        .zip(docs)
        .zip(coded)
        .map(|((p, doc), events)| CodedArticle {
            published: p.published,
            hash: p.hash,
            text: doc.text,
            sentences: events.sentences,
            words: events.words,
            events: events.events,
            discarded_by: events.discarded_by,
            article: p.article,
        })
        .collect()
}

/// Stores a coded batch in one transaction; should the store refuse it, the articles are
/// stored one by one so that only the offending one is skipped.
fn store_batch(
    store: &mut Store,
    progress: &ProgressBar,
    tally: &mut Tally,
    coded: Vec<CodedArticle>,
) -> Result<()> {
    let count = |tally: &mut Tally, c: &CodedArticle| {
        tally.sentences += c.sentences.len();
        tally.words += c.words;
        tally.reports += c.events.len();
        tally.discarded += usize::from(c.discarded_by.is_some());
    };
    match store.insert(&coded) {
        Ok(summary) => {
            tally.stored += summary.inserted;
            tally.unchanged += summary.unchanged;
            coded.iter().for_each(|c| count(tally, c));
        }
        Err(batch_error) => {
            let why = anyhow::Error::new(batch_error);
            progress.suspend(|| eprintln!("warning: {why:#}; storing the batch one by one"));
            for c in &coded {
                match store.insert(std::slice::from_ref(c)) {
                    Ok(summary) => {
                        tally.stored += summary.inserted;
                        tally.unchanged += summary.unchanged;
                        count(tally, c);
                    }
                    Err(e) => report_skip(
                        progress,
                        tally,
                        Skipped {
                            origin: c.article.origin.clone(),
                            reason: format!("not stored: {:#}", anyhow::Error::new(e)),
                        },
                    ),
                }
            }
        }
    }
    Ok(())
}

fn report_skip(progress: &ProgressBar, tally: &mut Tally, s: Skipped) {
    progress.suspend(|| eprintln!("skipped {}: {}", s.origin, s.reason));
    tally.skipped.push(s);
}

/// The closing summary (on standard error, so standard output stays clean for scripts).
fn print_summary(tally: &Tally, store: &Store, seconds: f64) -> Result<()> {
    let stats = store.stats().context("reading the store's counts")?;
    eprintln!(
        "ingested {} documents in {seconds:.1} s ({:.0} words/s): {} stored, {} already stored, {} discarded by the dictionaries; {} sentences, {} event reports",
        tally.read,
        tally.words as f64 / seconds.max(1e-9),
        tally.stored,
        tally.unchanged,
        tally.discarded,
        tally.sentences,
        tally.reports,
    );
    eprintln!(
        "store now holds {} documents ({} near-duplicates), {} events ({} disputed) from {} outlets",
        stats.documents, stats.duplicates, stats.events, stats.disputed, stats.outlets
    );
    if !tally.skipped.is_empty() {
        let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &tally.skipped {
            *reasons.entry(reason_kind(&s.reason)).or_default() += 1;
        }
        eprintln!("skipped {} documents:", tally.skipped.len());
        for (reason, n) in reasons {
            eprintln!("  {n:>6}  {reason}");
        }
    }
    Ok(())
}

/// The general part of a skip reason (before any `:` detail), to group them.
fn reason_kind(reason: &str) -> &str {
    reason.split(':').next().unwrap_or(reason).trim()
}
