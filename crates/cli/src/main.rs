//! `tacitus`: the command-line front end of the Tacitus event-data engine.

mod bench;
mod code;
mod corpus;
mod enrich;
mod eval;
mod geo;
mod gold;
mod ingest;
mod input;
mod models;
mod parse;
mod petrarch;
mod store;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// mimalloc: the pipeline allocates many small strings per sentence, and it serves them faster
/// than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tacitus reads news and writes down who did what to whom, when and where.
#[derive(Parser)]
#[command(
    name = "tacitus",
    version,
    about,
    long_about = None,
    after_help = "Examples:\n  tacitus setup --data ../shared/data        build the models (once)\n  tacitus parse examples/article.txt          text to CoNLL-U trees with offsets\n  echo 'Troops left Kabul.' | tacitus parse --format tree -\n  tacitus code --date 2024-05-01 examples/article.txt   events as JSON lines\n  tacitus geo examples/article.txt                 places found and how each was resolved\n  tacitus ingest --date 2024-06-14 news/            articles to an event store (tacitus.db)\n  tacitus query --dyad USA,IRN --from 2024-06-01       events of a dyad\n  tacitus series --actor IRN --by week                 counts and Goldstein sums\n  tacitus export --format gdelt --out events.tsv       GDELT 2.0 events\n  tacitus eval parse --gold dev.conllu --json\n  tacitus eval petrarch PETR.UnitTest.records.xml\n  tacitus eval geo crates/geo/eval/actiongeo.jsonl\n  tacitus bench parse dev.conllu --json\n\nDocumentation: docs/USAGE.md"
)]
struct Cli {
    #[command(flatten)]
    dirs: Dirs,
    /// Worker threads for parsing and coding [default: one per core]
    #[arg(long, global = true, env = "TACITUS_THREADS", value_name = "N")]
    threads: Option<usize>,
    #[command(subcommand)]
    command: Command,
}

/// Where the data sets and the trained models live.
#[derive(Args, Clone)]
pub struct Dirs {
    /// Data directory the models are built from (UD treebank, dictionaries)
    #[arg(
        long,
        global = true,
        env = "TACITUS_DATA",
        default_value = "../shared/data"
    )]
    pub data: PathBuf,
    /// Models directory [default: <user cache dir>/tacitus/models]
    #[arg(long, global = true, env = "TACITUS_MODELS")]
    models: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Build every model from the data directory (deterministic; skips what is up to date)
    Setup(models::SetupArgs),
    /// Raw text to CoNLL-U dependency trees, with each token's character offsets
    Parse(parse::ParseArgs),
    /// Code events from plain-text articles (CAMEO, with PLOVER and Goldstein), as JSON lines
    Code(code::CodeArgs),
    /// The places of an article, how each was resolved, and where its events happened
    Geo(geo::GeoArgs),
    /// Code and store articles (text, JSON lines, HTML, RSS/Atom, gzipped) as an event dataset
    Ingest(ingest::IngestArgs),
    /// Write the stored events as GDELT 2.0 events or mentions, PLOVER JSON, CSV or Parquet
    Export(store::ExportArgs),
    /// List stored events by actor, dyad, code, date, outlet, dispute or text
    Query(store::QueryArgs),
    /// Event counts and Goldstein sums per day, week or month
    Series(store::SeriesArgs),
    /// Score the pipeline against gold data
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Measure throughput and peak memory
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

fn main() {
    let cli = Cli::parse();
    if let Some(n) = cli.threads {
        // Only fails when a pool was built already, which nothing does before this line.
        if let Err(err) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            eprintln!("error: setting up {n} threads: {err}");
            std::process::exit(1);
        }
    }
    let result = match cli.command {
        Command::Setup(args) => models::run_setup(&cli.dirs, &args),
        Command::Parse(args) => parse::run(&cli.dirs, &args),
        Command::Code(args) => code::run(&cli.dirs, &args),
        Command::Geo(args) => geo::run(&cli.dirs, &args),
        Command::Ingest(args) => match ingest::run(&cli.dirs, &args) {
            // Finished, but some documents were skipped: say so in the exit status.
            Ok(true) => std::process::exit(ingest::EXIT_SKIPPED),
            other => other.map(drop),
        },
        Command::Export(args) => store::export(&args),
        Command::Query(args) => store::query(&args),
        Command::Series(args) => store::series(&args),
        Command::Eval(cmd) => eval::run(&cli.dirs, &cmd),
        Command::Bench(cmd) => bench::run(&cli.dirs, &cmd),
    };
    if let Err(err) = result {
        eprintln!("error: {err:#}");
        std::process::exit(1);
    }
}
