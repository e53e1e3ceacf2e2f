//! `tacitus bench corpus`: synthetic news corpora of any size for benchmarks, built from the
//! synthetic-news stories in the data directory, with syndicated copies and datelines, so that
//! ingest, duplicate detection and the store are measured on article-shaped input.
//!
//! The stories are not true; the corpora are for measuring, never for facts. Generation is
//! seeded: the same arguments give the same files.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use serde_json::json;
use tacitus_dataset::{Date, Timestamp};

use crate::Dirs;

/// Options of `tacitus bench corpus`.
#[derive(Args)]
pub struct CorpusArgs {
    /// Articles to write
    #[arg(long, default_value_t = 10_000)]
    articles: usize,
    /// Output directory (created; text articles go in sub-folders of 1,000)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// File layout
    #[arg(long, value_enum, default_value_t = Layout::Text)]
    format: Layout,
    /// Share of articles that are syndicated copies of an earlier one (0–1)
    #[arg(long, default_value_t = 0.15)]
    syndicated: f64,
    /// Seed of the generator
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// How the corpus is laid out on disk.
#[derive(Clone, Copy, ValueEnum)]
enum Layout {
    /// One text file per article: headline, blank line, dateline and body
    Text,
    /// One `corpus.jsonl` with id, url, title, text, date and source
    Jsonl,
}

/// Outlets articles are attributed to.
const OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "AFP",
    "BBC",
    "Al Jazeera",
    "Xinhua",
    "Anadolu",
    "Kyodo",
    "DPA",
    "EFE",
    "The Guardian",
    "The Hindu",
];

/// Dateline places.
const PLACES: &[&str] = &[
    "WASHINGTON",
    "MOSCOW",
    "BEIJING",
    "TEHRAN",
    "KYIV",
    "CAIRO",
    "NAIROBI",
    "BRUSSELS",
    "NEW DELHI",
    "BRASILIA",
    "JERUSALEM",
    "ANKARA",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// SplitMix64: a small, seeded, portable generator (the corpus must not depend on a crate's
/// choice of algorithm).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// A story of the synthetic-news set.
struct Story {
    headline: String,
    text: String,
}

/// One generated article.
struct Generated {
    story: usize,
    outlet: &'static str,
    place: &'static str,
    published: Timestamp,
}

fn read_stories(path: &Path) -> Result<Vec<Story>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut stories = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), i + 1))?;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").trim();
        if !field("text").is_empty() {
            stories.push(Story {
                headline: field("headline").to_string(),
                text: field("text").to_string(),
            });
        }
    }
    if stories.is_empty() {
        bail!("no stories in {}", path.display());
    }
    Ok(stories)
}

/// Runs `tacitus bench corpus`.
pub fn run(dirs: &Dirs, args: &CorpusArgs) -> Result<()> {
    if !(0.0..=1.0).contains(&args.syndicated) {
        bail!("--syndicated must be between 0 and 1");
    }
    let stories = read_stories(&dirs.data.join("synthetic-news/train.jsonl"))?;
    let mut rng = Rng(args.seed);
    let start = Timestamp::from_date(Date::new(2024, 1, 1).expect("a valid date"));
    let mut made: Vec<Generated> = Vec::with_capacity(args.articles);
    for _ in 0..args.articles {
        let article = if !made.is_empty() && rng.chance(args.syndicated) {
            // A copy of an earlier article by another outlet, the same day or the next.
            let original = &made[rng.below(made.len())];
            Generated {
                story: original.story,
                outlet: OUTLETS[rng.below(OUTLETS.len())],
                place: original.place,
                published: Timestamp(
                    original.published.0 + rng.below(2) as i64 * 86_400 + rng.below(3600) as i64,
                ),
            }
        } else {
            Generated {
                story: rng.below(stories.len()),
                outlet: OUTLETS[rng.below(OUTLETS.len())],
                place: PLACES[rng.below(PLACES.len())],
                published: Timestamp(start.0 + rng.below(366 * 86_400) as i64),
            }
        };
        made.push(article);
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    match args.format {
        Layout::Text => write_text(&args.out, &stories, &made)?,
        Layout::Jsonl => write_jsonl(&args.out, &stories, &made)?,
    }
    let words: usize = made
        .iter()
        .map(|g| stories[g.story].text.split_whitespace().count())
        .sum();
    eprintln!(
        "wrote {} articles ({words} body words) to {}",
        made.len(),
        args.out.display()
    );
    Ok(())
}

/// The dateline of an article: `TEHRAN, June 14 (Reuters) - `.
fn dateline(g: &Generated) -> String {
    let date = g.published.date().expect("a generated date is valid");
    format!(
        "{}, {} {} ({}) - ",
        g.place,
        MONTHS[usize::from(date.month) - 1],
        date.day,
        g.outlet
    )
}

fn write_text(out: &Path, stories: &[Story], made: &[Generated]) -> Result<()> {
    for (i, g) in made.iter().enumerate() {
        let dir = out.join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let story = &stories[g.story];
        let path = dir.join(format!("{i:07}.txt"));
        let body = format!("{}\n\n{}{}\n", story.headline, dateline(g), story.text);
        std::fs::write(&path, body).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

fn write_jsonl(out: &Path, stories: &[Story], made: &[Generated]) -> Result<()> {
    let path = out.join("corpus.jsonl");
    let file =
        std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    let mut w = BufWriter::new(file);
    for (i, g) in made.iter().enumerate() {
        let story = &stories[g.story];
        let slug = g.outlet.to_lowercase().replace(' ', "");
        let line = json!({
            "id": format!("synthetic-{i:07}"),
            "url": format!("https://{slug}.example/{i:07}"),
            "title": story.headline,
            "text": format!("{}{}", dateline(g), story.text),
            "date": g.published.to_string(),
            "source": g.outlet,
        });
        writeln!(w, "{line}").with_context(|| format!("writing {}", path.display()))?;
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))
}
