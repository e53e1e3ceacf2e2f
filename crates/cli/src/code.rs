//! `tacitus code`: plain-text articles in, coded CAMEO events out as JSON lines.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use tacitus_coder::{Coder, Date, Document, DocumentEvents, Lexicon, Options};
use tacitus_nlp::Pipeline;

use crate::Dirs;
use crate::enrich::Enricher;
use crate::input::read_text;

/// Documents a thread parses together.
pub const DOCS_PER_TASK: usize = 16;

/// Options of `tacitus code`.
#[derive(Args)]
pub struct CodeArgs {
    /// Article files (first non-empty line is the headline, the rest the body), or - for stdin
    #[arg(default_value = "-")]
    inputs: Vec<PathBuf>,
    /// Document date (YYYY-MM-DD): chooses actors' roles (who was president then)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Each non-empty line is a document of its own (body only); doc_id is its line number
    #[arg(long)]
    lines: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    #[command(flatten)]
    coder: CoderArgs,
}

/// Dictionaries and options of the coder, shared by `code` and `ingest`.
#[derive(Args)]
pub struct CoderArgs {
    /// Dictionary directory holding the Phoenix files [default: DATA/cameo]
    #[arg(long, value_name = "DIR")]
    dicts: Option<PathBuf>,
    /// Extra actor dictionaries (same format), loaded after the built-in overlay; may repeat
    #[arg(long = "actors", value_name = "FILE")]
    overlays: Vec<PathBuf>,
    /// Also code events with only a source or only a target
    #[arg(long)]
    no_require_dyad: bool,
    /// Code acts announced for the future ("will visit") as the acts, as PETRARCH-2 does, not
    /// as intentions (036)
    #[arg(long)]
    no_future_intent: bool,
    /// Places of your own (districts, camps, bases) added to the gazetteer: see docs/GEO.md
    #[arg(long, value_name = "FILE", env = "TACITUS_PLACES")]
    places: Option<PathBuf>,
    /// Leave events without places and tone (code only)
    #[arg(long)]
    no_geo_tone: bool,
}

impl CoderArgs {
    /// The coder these arguments ask for.
    pub fn coder(&self, dirs: &Dirs) -> Result<Coder> {
        let lexicon = dirs.lexicon(self.dicts.as_deref(), &self.overlays)?;
        let options = Options {
            require_dyad: !self.no_require_dyad,
            future_intent: !self.no_future_intent,
        };
        Ok(Coder::new(lexicon, options))
    }

    /// The geocoder and tone lexicon, unless `--no-geo-tone`.
    pub fn enricher(&self, dirs: &Dirs) -> Result<Option<Enricher>> {
        if self.no_geo_tone {
            return Ok(None);
        }
        dirs.enricher(self.places.as_deref()).map(Some)
    }
}

/// How events are written.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object per event, one per line
    Jsonl,
}

/// The place a dateline at the start of `text` names ("TEHRAN, June 14 (Reuters) -").
fn dateline_place(text: &str) -> Option<String> {
    tacitus_ingest::dateline(text).map(|d| d.place)
}

/// The place of an article's dateline, which opens its body (after the headline line).
pub fn article_dateline(text: &str) -> Option<String> {
    dateline_place(text.trim_start().split_once('\n').map_or("", |(_, b)| b))
}

/// Parses a `YYYY-MM-DD` date for clap.
pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

impl Dirs {
    /// The Phoenix lexicon (from `dicts`, default `DATA/cameo`) with the built-in overlay and
    /// the user's overlays.
    pub fn lexicon(&self, dicts: Option<&Path>, overlays: &[PathBuf]) -> Result<Lexicon> {
        let cameo = dicts.map_or_else(|| self.data.join("cameo"), Path::to_path_buf);
        // A CAMEO→PLOVER table beside the dictionaries wins over the data directory's.
        let beside = cameo.join(tacitus_dict::phoenix::CAMEO2PLOVER);
        let plover = if beside.exists() {
            beside
        } else {
            self.data
                .join("plover")
                .join(tacitus_dict::phoenix::CAMEO2PLOVER)
        };
        let overlays: Vec<&Path> = overlays.iter().map(PathBuf::as_path).collect();
        Lexicon::phoenix(&cameo, &plover, &overlays)
            .with_context(|| format!("loading the dictionaries from {}", cameo.display()))
    }
}

/// Codes documents on all cores, a few per task (so the pipeline batches their sentences),
/// results in input order.
pub fn code_in_parallel(
    coder: &Coder,
    pipeline: &Pipeline,
    enricher: Option<&Enricher>,
    docs: &[Document],
) -> Vec<DocumentEvents> {
    docs.par_chunks(DOCS_PER_TASK)
        .flat_map_iter(|c| code_chunk(coder, pipeline, enricher, c))
        .collect()
}

/// Codes a few documents on this thread, with places and tone when there is an enricher.
pub fn code_chunk(
    coder: &Coder,
    pipeline: &Pipeline,
    enricher: Option<&Enricher>,
    docs: &[Document],
) -> Vec<DocumentEvents> {
    let mut coded = coder.code_many(pipeline, docs);
    if let Some(enricher) = enricher {
        for (doc, events) in docs.iter().zip(&mut coded) {
            enricher.enrich(doc, events);
        }
    }
    coded
}

/// Runs `tacitus code`.
pub fn run(dirs: &Dirs, args: &CodeArgs) -> Result<()> {
    let coder = args.coder.coder(dirs)?;
    let pipeline = dirs.pipeline()?;
    let enricher = args.coder.enricher(dirs)?;
    let mut docs: Vec<Document> = Vec::new();
    for input in &args.inputs {
        let text = match read_text(input) {
            Ok(t) => t,
            Err(e) => {
                // A bad document is reported and skipped, never the end of the batch.
                eprintln!("warning: skipping {}: {e:#}", input.display());
                continue;
            }
        };
        if args.lines {
            let mut n = 0;
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                n += 1;
                let id = if args.inputs.len() > 1 {
                    format!("{}:{}", input.display(), i + 1)
                } else {
                    (i + 1).to_string()
                };
                docs.push(Document {
                    id,
                    text: line.to_string(),
                    has_headline: false,
                    date: args.date,
                    place: dateline_place(line),
                });
            }
            if n == 0 {
                eprintln!("warning: {} has no non-empty lines", input.display());
            }
        } else {
            docs.push(Document {
                id: input.display().to_string(),
                place: article_dateline(&text),
                text,
                has_headline: true,
                date: args.date,
            });
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    // A progress bar on a terminal only (indicatif draws nothing when stderr is not one).
    let progress = ProgressBar::new(docs.len() as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} documents, {per_sec}, eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let (mut sentences, mut events_written, mut discarded) = (0usize, 0usize, 0usize);
    // Code in parallel a batch at a time (each thread taking a few documents together, so the
    // pipeline batches their sentences), writing in input order.
    for batch in docs.chunks(256) {
        let coded = code_in_parallel(&coder, &pipeline, enricher.as_ref(), batch);
        for (doc, events) in batch.iter().zip(coded) {
            sentences += events.sentences.len();
            if let Some(by) = &events.discarded_by {
                discarded += 1;
                progress.suspend(|| eprintln!("note: {} discarded as a whole by {by}", doc.id));
            }
            for e in &events.events {
                let line = serde_json::to_string(e).context("serialising an event")?;
                let written = writeln!(out, "{line}");
                if let Err(e) = written {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        return Ok(());
                    }
                    return Err(e).context("writing output");
                }
                events_written += 1;
            }
        }
        progress.inc(batch.len() as u64);
    }
    progress.finish_and_clear();
    // On a terminal, a closing summary; elsewhere stderr is kept for warnings.
    if !progress.is_hidden() {
        eprintln!(
            "coded {} documents ({sentences} sentences, {discarded} discarded): {events_written} events in {:.1} s",
            docs.len(),
            started.elapsed().as_secs_f64()
        );
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing output"),
    }
}
