//! Size and speed, measured by hand (ignored by default):
//! `cargo test -p tacitus-store --release --test store measure -- --ignored --nocapture`.

use std::time::Instant;

use tacitus_coder::Citation;
use tacitus_dataset::{CodedArticle, Date};
use tacitus_store::{Filter, Store};

use crate::common::{Report, article, prose};

/// A reproducible stream of numbers.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    /// Skewed towards small values, as actor frequencies are.
    fn skewed(&mut self, n: u64) -> u64 {
        let x = self.below(1 << 20) as f64 / f64::from(1 << 20);
        ((x * x * x) * n as f64) as u64
    }
}

const COUNTRIES: [&str; 40] = [
    "USA", "IRN", "ISR", "RUS", "UKR", "CHN", "GBR", "FRA", "DEU", "TUR", "SYR", "IRQ", "LBN",
    "SAU", "EGY", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "YEM", "QAT", "OMN", "JOR", "PSE",
    "BRA", "MEX", "NGA", "ETH", "SDN", "LBY", "VEN", "COL", "ARE", "KWT", "BHR", "AZE", "ARM",
    "GEO",
];
const ROLES: [&str; 8] = ["", "", "", "GOV", "MIL", "GOV", "OPP", "SPY"];
const CODES: [&str; 20] = [
    "010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "111", "112",
    "120", "130", "163", "172", "173", "190", "193",
];

fn actor(rng: &mut Rng) -> String {
    let c = COUNTRIES[rng.skewed(40) as usize];
    format!("{c}{}", ROLES[rng.below(8) as usize])
}

/// Articles over three years: 400-word bodies in five paragraphs, four reports each, one in
/// five a syndicated copy of an earlier story.
struct Corpus {
    rng: Rng,
    stories: Vec<(u64, i64, Vec<Report>)>,
    made: usize,
}

impl Corpus {
    fn new() -> Corpus {
        Corpus {
            rng: Rng(0x2545_f491_4f6c_dd1d),
            stories: Vec::new(),
            made: 0,
        }
    }
}

impl Iterator for Corpus {
    type Item = CodedArticle;

    fn next(&mut self) -> Option<CodedArticle> {
        let rng = &mut self.rng;
        let i = self.made;
        self.made += 1;
        let (seed, day, reports) = if i > 10 && rng.below(5) == 0 {
            self.stories[rng.below(self.stories.len() as u64) as usize].clone()
        } else {
            let reports = (0..4)
                .map(|_| {
                    let mut r = Report {
                        sentence: rng.below(21) as usize,
                        source: Some(actor(rng)),
                        target: Some(actor(rng)),
                        code: CODES[rng.skewed(20) as usize].to_string(),
                        negated: rng.below(30) == 0,
                    };
                    if rng.below(6) == 0 {
                        r.target = None;
                    }
                    r
                })
                .collect();
            let story = (i as u64, rng.below(3 * 365) as i64, reports);
            self.stories.push(story.clone());
            story
        };
        let text = prose(seed, 400);
        let words: Vec<&str> = text.split(' ').collect();
        let sentences: Vec<String> = words
            .chunks(20)
            .map(|c| format!("{}.", c.join(" ")))
            .collect();
        let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
        let paragraphs: Vec<&[&str]> = refs.chunks(4).collect();
        let outlet = format!("outlet{}.example", rng.below(300));
        let mut a = article(
            &outlet,
            day,
            rng.below(24) as u32,
            &format!("Story {seed} as told by {outlet}"),
            &paragraphs,
            &reports,
        );
        // Rules as the coder cites them: verb entry, pattern, actor entries.
        for e in &mut a.events {
            e.rule.pattern = Some(Citation {
                entry: format!("- * MEET WITH + [{}]", e.event_code),
                at: format!("CAMEO.verbpatterns.txt:{}", 1000 + rng.below(9000)),
            });
            e.rule.source = vec![Citation {
                entry: e.source.as_ref().map_or(String::new(), |p| p.code.clone()),
                at: format!("Phoenix.Countries.actors.txt:{}", rng.below(60_000)),
            }];
        }
        Some(a)
    }
}

#[test]
#[ignore]
fn bytes_per_event_and_insert_rate() {
    let n = 10_000;
    let articles: Vec<CodedArticle> = Corpus::new().take(n).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let mut store = Store::open(&path).unwrap();
    let start = Instant::now();
    let mut last = start;
    for (i, batch) in articles.chunks(128).enumerate() {
        store.insert(batch).unwrap();
        if (i + 1) * 128 % 2048 == 0 {
            let now = Instant::now();
            println!(
                "{:>6} articles: {:.0} articles/s over the last 2048",
                (i + 1) * 128,
                2048.0 / (now - last).as_secs_f64()
            );
            last = now;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let stats = store.stats().unwrap();
    drop(store);
    let bytes = std::fs::metadata(&path).unwrap().len();
    let text: usize = articles.iter().map(|a| a.text.len()).sum();
    println!("{stats:?}");
    println!(
        "{n} articles in {secs:.2} s: {:.0} articles/s, {:.0} reports/s",
        n as f64 / secs,
        stats.mentions as f64 / secs
    );
    println!(
        "{bytes} bytes: {:.0} per event, {:.0} per mention, {:.0} per article; article text is \
         {:.0} bytes per event",
        bytes as f64 / stats.events as f64,
        bytes as f64 / stats.mentions as f64,
        bytes as f64 / n as f64,
        text as f64 / stats.events as f64
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut sizes = conn
        .prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
        .unwrap();
    let rows = sizes
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .unwrap();
    for row in rows {
        let (name, size) = row.unwrap();
        println!(
            "{name:>28}: {:>6.0} bytes per event",
            size as f64 / stats.events as f64
        );
    }
    assert!(bytes as f64 / (stats.events as f64) < 3072.0);
}

#[test]
#[ignore]
fn dyad_month_on_a_million_events() {
    // A store filled through `Store::insert`, as ingest fills it; set TACITUS_BENCH_DB to
    // keep it (a second run reuses it and only times the queries).
    let dir = tempfile::tempdir().unwrap();
    let path = std::env::var_os("TACITUS_BENCH_DB")
        .map_or_else(|| dir.path().join("events.db"), std::path::PathBuf::from);
    let mut store = Store::open(&path).unwrap();
    let start = Instant::now();
    let mut articles = Corpus::new();
    let mut events = store.stats().unwrap().events;
    // Counting is slow on a big store: count every 40 batches, stop past a million.
    while events < 1_000_000 {
        for _ in 0..40 {
            let batch: Vec<CodedArticle> = articles.by_ref().take(256).collect();
            store.insert(&batch).unwrap();
        }
        events = store.stats().unwrap().events;
        println!(
            "{:>7} articles, {events:>7} events, {:.0} s",
            articles.made,
            start.elapsed().as_secs_f64()
        );
    }
    println!(
        "{} events from {} articles in {:.1} s; {} bytes",
        events,
        articles.made,
        start.elapsed().as_secs_f64(),
        std::fs::metadata(&path).unwrap().len()
    );
    drop(store);
    let store = Store::open(&path).unwrap();
    let month = |source: &str, target: &str| Filter {
        source: Some(source.into()),
        target: Some(target.into()),
        from: Date::new(2025, 3, 1),
        to: Date::new(2025, 3, 31),
        ..Filter::default()
    };
    for (name, filter) in [
        ("USA→IRN, March 2025", month("USA", "IRN")),
        ("IRNGOV→USA, March 2025", month("IRNGOV", "USA")),
        ("GEO→ARM, March 2025", month("GEO", "ARM")),
        (
            "country USA, March 2025",
            Filter {
                country: Some("USA".into()),
                from: Date::new(2025, 3, 1),
                to: Date::new(2025, 3, 31),
                ..Filter::default()
            },
        ),
    ] {
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..11 {
            let t = Instant::now();
            found = 0;
            store
                .for_each_event(&filter, |_| {
                    found += 1;
                    Ok::<(), tacitus_store::Error>(())
                })
                .unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name}: {found} events, median {:.2} ms, worst {:.2} ms",
            times[5], times[10]
        );
        if name.contains('→') {
            assert!(times[5] < 100.0);
        }
    }
}
