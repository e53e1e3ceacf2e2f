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

/// `n` articles over a year: 400-word bodies in five paragraphs, four reports each, one in
/// five a syndicated copy of an earlier story.
fn corpus(n: usize) -> Vec<CodedArticle> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut out = Vec::with_capacity(n);
    let mut stories: Vec<(u64, i64, Vec<Report>)> = Vec::new();
    for i in 0..n {
        let (seed, day, reports) = if i > 10 && rng.below(5) == 0 {
            stories[rng.below(stories.len() as u64) as usize].clone()
        } else {
            let reports = (0..4)
                .map(|_| {
                    let mut r = Report {
                        sentence: rng.below(21) as usize,
                        source: Some(actor(&mut rng)),
                        target: Some(actor(&mut rng)),
                        code: CODES[rng.skewed(20) as usize].to_string(),
                        negated: rng.below(30) == 0,
                    };
                    if rng.below(6) == 0 {
                        r.target = None;
                    }
                    r
                })
                .collect();
            let story = (i as u64, rng.below(365) as i64, reports);
            stories.push(story.clone());
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
        out.push(a);
    }
    out
}

#[test]
#[ignore]
fn bytes_per_event_and_insert_rate() {
    let n = 10_000;
    let articles = corpus(n);
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
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    drop(Store::open(&path).unwrap());
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let start = Instant::now();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO events (id, date, last_day, added, source, source_name, target, \
                 target_name, event_code, base_code, root_code, quad_class, goldstein, negated, \
                 is_root, num_mentions, num_sources, num_articles, source_url) VALUES \
                 (?1, ?2, ?2, ?2 * 86400 + 3600, ?3, 'someone', ?4, 'someone else', ?5, ?5, \
                 substr(?5, 1, 2), 1, 1.5, 0, 1, 2, 1, 2, 'https://example.com/story')",
            )
            .unwrap();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let first = 19_000;
        for i in 0..1_000_000i64 {
            let day = first + rng.below(3 * 365) as i64;
            let code = CODES[rng.skewed(20) as usize];
            insert
                .execute(rusqlite::params![
                    i + 1,
                    day,
                    actor(&mut rng),
                    actor(&mut rng),
                    code
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    drop(conn);
    println!(
        "1,000,000 events written in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let store = Store::open(&path).unwrap();
    let month = |source: &str, target: &str| Filter {
        source: Some(source.into()),
        target: Some(target.into()),
        from: Date::new(2022, 3, 1),
        to: Date::new(2022, 3, 31),
        ..Filter::default()
    };
    for (name, filter) in [
        ("USA→IRN, March 2022", month("USA", "IRN")),
        ("IRNGOV→USA, March 2022", month("IRNGOV", "USA")),
        ("GEO→ARM, March 2022", month("GEO", "ARM")),
        (
            "country USA, March 2022",
            Filter {
                country: Some("USA".into()),
                from: Date::new(2022, 3, 1),
                to: Date::new(2022, 3, 31),
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
