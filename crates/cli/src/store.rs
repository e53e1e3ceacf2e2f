//! The dataset commands: `export`, `query` and `series` over a store made by `ingest`, and
//! the arguments they share (the store file and the event filters).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use serde_json::json;
use tacitus_coder::Date;
use tacitus_export::{
    CsvWriter, Format, GdeltEventWriter, GdeltMentionWriter, ParquetWriter, PloverWriter, Summary,
};
use tacitus_store::{Bucket, Filter, Store};

use crate::code::parse_date;

/// The store file.
#[derive(Args)]
pub struct DbArgs {
    /// The event store (one SQLite file; created by `ingest` when absent)
    #[arg(
        long = "db",
        value_name = "FILE",
        env = "TACITUS_DB",
        default_value = "tacitus.db"
    )]
    pub path: PathBuf,
}

impl DbArgs {
    /// Opens (or creates) the store.
    pub fn open(&self) -> Result<Store> {
        Store::open(&self.path)
            .with_context(|| format!("opening the store {}", self.path.display()))
    }

    /// Opens a store that must exist already (reading commands never create one).
    fn open_existing(&self) -> Result<Store> {
        if !self.path.exists() {
            bail!(
                "no store at {} (make one with `tacitus ingest PATH… --db {}`)",
                self.path.display(),
                self.path.display()
            );
        }
        self.open()
    }
}

/// Which events a command reads.
#[derive(Args, Default)]
pub struct FilterArgs {
    /// Actor code prefix on either side (IRN, USAGOV)
    #[arg(long, value_name = "CODE")]
    actor: Option<String>,
    /// Three-letter country code on either side
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    /// Source actor code prefix
    #[arg(long, value_name = "CODE")]
    source: Option<String>,
    /// Target actor code prefix
    #[arg(long, value_name = "CODE")]
    target: Option<String>,
    /// A dyad: source and target code prefixes
    #[arg(long, value_name = "SOURCE,TARGET", conflicts_with_all = ["source", "target"])]
    dyad: Option<String>,
    /// CAMEO event code prefix (19 is every kind of fighting)
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// CAMEO root code (two digits)
    #[arg(long, value_name = "NN")]
    root: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    #[arg(long, value_name = "1-4", value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Option<u8>,
    /// First day (inclusive)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    from: Option<Date>,
    /// Last day (inclusive)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    to: Option<Date>,
    /// Only events with a report from this outlet
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// Only events whose accounts disagree
    #[arg(long)]
    disputed: bool,
    /// Only events with a report whose sentence contains this text
    #[arg(long, value_name = "TEXT")]
    text: Option<String>,
}

impl FilterArgs {
    /// The store filter.
    fn filter(&self, limit: Option<u64>) -> Result<Filter> {
        let (mut source, mut target) = (self.source.clone(), self.target.clone());
        if let Some(dyad) = &self.dyad {
            let Some((s, t)) = dyad.split_once(',') else {
                bail!("--dyad takes SOURCE,TARGET (e.g. --dyad USA,IRN), not {dyad:?}");
            };
            source = Some(s.trim().to_uppercase());
            target = Some(t.trim().to_uppercase());
        }
        let upper = |o: &Option<String>| o.as_ref().map(|s| s.trim().to_uppercase());
        Ok(Filter {
            actor: upper(&self.actor),
            country: upper(&self.country),
            source: upper(&source),
            target: upper(&target),
            event_code: self.code.clone(),
            root_code: self.root.clone(),
            quad_class: self.quad,
            from: self.from,
            to: self.to,
            outlet: self.outlet.clone(),
            disputed: self.disputed.then_some(true),
            text: self.text.clone(),
            limit,
        })
    }
}

/// Options of `tacitus export`.
#[derive(Args)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_parser = parse_format)]
    format: Format,
    #[command(flatten)]
    db: DbArgs,
    /// Output file [default: standard output; required for parquet]
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
        .map_err(|e: tacitus_export::ExportError| e.to_string())
}

/// Runs `tacitus export`.
pub fn export(args: &ExportArgs) -> Result<()> {
    let store = args.db.open_existing()?;
    let filter = args.filter.filter(None)?;
    let summary = match &args.out {
        Some(path) => {
            // Written beside the target and renamed at the end: a failed export leaves no
            // half file where a loader would find it.
            let partial = path.with_extension("partial");
            let file = File::create(&partial)
                .with_context(|| format!("creating {}", partial.display()))?;
            let summary = write_export(&store, &filter, args.format, file)?;
            std::fs::rename(&partial, path)
                .with_context(|| format!("renaming {} to {}", partial.display(), path.display()))?;
            summary
        }
        None if args.format == Format::Parquet => {
            bail!("parquet is binary: give --out FILE.parquet")
        }
        None => match write_export(&store, &filter, args.format, std::io::stdout()) {
            Err(e) if is_broken_pipe(&e) => return Ok(()),
            other => other?,
        },
    };
    let left_out = if summary.skipped_negated > 0 {
        format!(
            " ({} negated left out: GDELT has no field for them)",
            summary.skipped_negated
        )
    } else {
        String::new()
    };
    eprintln!(
        "exported {} {} rows{left_out}",
        summary.written, args.format
    );
    Ok(())
}

/// Whether the error is a closed reader (`| head`); an export error's I/O cause is in the
/// chain as its source.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Streams the selected events (or their reports) to `out` in `format`.
fn write_export<W: Write + Send>(
    store: &Store,
    filter: &Filter,
    format: Format,
    out: W,
) -> Result<Summary> {
    let out = BufWriter::with_capacity(1 << 16, out);
    let summary = match format {
        Format::Gdelt => {
            let mut w = GdeltEventWriter::new(out);
            store.for_each_event(filter, |e| w.write(&e).map_err(anyhow::Error::from))?;
            w.finish()?
        }
        Format::GdeltMentions => {
            let mut w = GdeltMentionWriter::new(out);
            store.for_each_mention(filter, |m| w.write(&m).map_err(anyhow::Error::from))?;
            w.finish()?
        }
        Format::Csv => {
            let mut w = CsvWriter::new(out);
            store.for_each_event(filter, |e| w.write(&e).map_err(anyhow::Error::from))?;
            w.finish()?
        }
        Format::Parquet => {
            let mut w = ParquetWriter::new(out)?;
            store.for_each_event(filter, |e| w.write(&e).map_err(anyhow::Error::from))?;
            w.finish()?
        }
        Format::Plover => {
            let mut w = PloverWriter::new(out);
            store.for_each_event(filter, |e| {
                let reports = store.mentions_of(e.id)?;
                let disputes = store.disputes_of(e.id)?;
                w.write(&e, &reports, &disputes)?;
                Ok::<(), anyhow::Error>(())
            })?;
            w.finish()?
        }
    };
    Ok(summary)
}

/// How `query` and `series` print.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Output {
    /// Aligned columns for reading
    Table,
    /// One JSON object per line
    Json,
    /// CSV with a header row
    Csv,
}

/// Options of `tacitus query`.
#[derive(Args)]
pub struct QueryArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// At most this many events (0: all)
    #[arg(long, default_value_t = 50)]
    limit: u64,
    /// Output format
    #[arg(long, value_enum, default_value_t = Output::Table)]
    format: Output,
}

/// Runs `tacitus query`.
pub fn query(args: &QueryArgs) -> Result<()> {
    let store = args.db.open_existing()?;
    let filter = args.filter.filter((args.limit > 0).then_some(args.limit))?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match args.format {
        Output::Csv => {
            let mut w = CsvWriter::new(&mut out);
            store
                .for_each_event(&filter, |e| w.write(&e).map_err(anyhow::Error::from))
                .and_then(|()| w.finish().map(drop).map_err(anyhow::Error::from))
        }
        Output::Json => store.for_each_event(&filter, |e| {
            let reports = store.mentions_of(e.id)?;
            let mut v = serde_json::to_value(&e)?;
            v["sentence"] = json!(reports.first().map(|m| m.sentence_text.as_str()));
            writeln!(out, "{v}")?;
            Ok::<(), anyhow::Error>(())
        }),
        Output::Table => {
            let mut rows = Vec::new();
            store.for_each_event(&filter, |e| {
                let first = store.mentions_of(e.id)?.into_iter().next();
                let code = |a: &Option<tacitus_dataset::Actor>| {
                    a.as_ref().map_or("-".to_string(), |a| a.code.clone())
                };
                rows.push(vec![
                    e.date.to_string(),
                    e.id.to_string(),
                    code(&e.source),
                    code(&e.target),
                    e.event_code.clone(),
                    e.quad_class.map_or("-".into(), |q| q.to_string()),
                    e.goldstein.map_or("-".into(), |g| format!("{g:.1}")),
                    e.num_mentions.to_string(),
                    e.num_sources.to_string(),
                    if e.disputed { "yes" } else { "" }.to_string(),
                    first.map_or(String::new(), |m| excerpt(&m.sentence_text, 70)),
                ]);
                Ok::<(), anyhow::Error>(())
            })?;
            let header = [
                "date",
                "event",
                "source",
                "target",
                "code",
                "quad",
                "gold",
                "ment",
                "srcs",
                "disputed",
                "first report",
            ];
            if rows.is_empty() {
                eprintln!("no events match");
            }
            print_table(&mut out, &header, &rows)
        }
    };
    match result.and_then(|()| out.flush().map_err(anyhow::Error::from)) {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

/// The first `n` characters of a sentence, with an ellipsis when cut, on one line.
fn excerpt(s: &str, n: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        return flat;
    }
    let mut cut: String = flat.chars().take(n - 1).collect();
    cut.push('…');
    cut
}

/// Writes rows under a header, columns padded to their widest cell.
fn print_table(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(cell);
            } else {
                s.push_str(&format!("{cell:<w$}  "));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for row in rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/// The period length of `series`.
#[derive(Clone, Copy, ValueEnum)]
enum Period {
    /// Per day
    Day,
    /// Per week (Monday to Sunday)
    Week,
    /// Per calendar month
    Month,
}

/// Options of `tacitus series`.
#[derive(Args)]
pub struct SeriesArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Period length
    #[arg(long, value_enum, default_value_t = Period::Month)]
    by: Period,
    /// Output format
    #[arg(long, value_enum, default_value_t = Output::Table)]
    format: Output,
}

/// Runs `tacitus series`.
pub fn series(args: &SeriesArgs) -> Result<()> {
    let store = args.db.open_existing()?;
    let filter = args.filter.filter(None)?;
    let bucket = match args.by {
        Period::Day => Bucket::Day,
        Period::Week => Bucket::Week,
        Period::Month => Bucket::Month,
    };
    let points = store.series(&filter, bucket)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mean = |m: Option<f64>| m.map_or(String::new(), |g| format!("{g:.3}"));
    let result = match args.format {
        Output::Json => points.iter().try_for_each(|p| {
            let v = json!({
                "period": p.period.to_string(),
                "events": p.events,
                "mentions": p.mentions,
                "goldstein_sum": p.goldstein_sum,
                "goldstein_mean": p.goldstein_mean,
            });
            writeln!(out, "{v}")
        }),
        Output::Csv => writeln!(out, "period,events,mentions,goldstein_sum,goldstein_mean")
            .and_then(|()| {
                points.iter().try_for_each(|p| {
                    writeln!(
                        out,
                        "{},{},{},{:.3},{}",
                        p.period,
                        p.events,
                        p.mentions,
                        p.goldstein_sum,
                        mean(p.goldstein_mean)
                    )
                })
            }),
        Output::Table => {
            let rows: Vec<Vec<String>> = points
                .iter()
                .map(|p| {
                    vec![
                        p.period.to_string(),
                        p.events.to_string(),
                        p.mentions.to_string(),
                        format!("{:.1}", p.goldstein_sum),
                        mean(p.goldstein_mean),
                    ]
                })
                .collect();
            let header = [
                "period",
                "events",
                "mentions",
                "goldstein_sum",
                "goldstein_mean",
            ];
            print_table(&mut out, &header, &rows).map_err(std::io::Error::other)
        }
    };
    match result.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing output"),
    }
}
