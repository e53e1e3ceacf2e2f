//! Trains the parser on UD English EWT train (gold tags), evaluates UAS/LAS on dev, and reports
//! parsing speed, training time and model size.
//!
//! `cargo run --release -p tacitus-parser --example parser_eval -- [iterations] [max_train_sentences]
//! [model] [prune] [min_count]`: with a model path, the model is also saved there; with 0 iterations it is loaded from
//! there instead of trained. `DEV_FILE` evaluates on another file than EWT dev (e.g. dev with
//! predicted tags). `PARSE_RUNS` sets how many timed parses of dev to take the best of. `EXPLORE_PROB` and `EXPLORE_AFTER` override the exploration options.
//! Data directory: `$TACITUS_DATA` or `../shared/data`.

use std::path::PathBuf;
use std::time::Instant;

use tacitus_conllu::{Reader, Sentence};
use tacitus_parser::{Parser, TrainOptions};

fn read(path: &PathBuf) -> Vec<Sentence> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut r = Reader::new(std::io::BufReader::new(f));
    let mut out = Vec::new();
    while let Some(s) = r.next_sentence().expect("valid CoNLL-U") {
        out.push(s);
    }
    out
}

fn universal(l: &str) -> &str {
    l.split(':').next().unwrap_or(l)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut opts = TrainOptions::default();
    if let Some(i) = args.get(1) {
        opts.iterations = i.parse().expect("iterations");
    }
    if let Some(p) = args.get(4) {
        opts.prune = p.parse().expect("prune");
    }
    if let Some(m) = args.get(5) {
        opts.min_count = m.parse().expect("min_count");
    }
    if let Ok(p) = std::env::var("EXPLORE_PROB") {
        opts.explore_prob = p.parse().expect("EXPLORE_PROB");
    }
    if let Ok(p) = std::env::var("EXPLORE_AFTER") {
        opts.explore_after = p.parse().expect("EXPLORE_AFTER");
    }
    let limit: usize = args
        .get(2)
        .map_or(usize::MAX, |s| s.parse().expect("limit"));
    let data = std::env::var("TACITUS_DATA").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
        PathBuf::from,
    );
    let ewt = data.join("ud-english-ewt");
    let mut train = if opts.iterations > 0 {
        read(&ewt.join("train.conllu"))
    } else {
        Vec::new()
    };
    train.truncate(limit);
    let dev_path = std::env::var("DEV_FILE").map_or_else(|_| ewt.join("dev.conllu"), PathBuf::from);
    let dev = read(&dev_path);

    let keep = args.get(3).map(PathBuf::from);
    let path = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("tacitus-parser-{}.model", std::process::id()))
    });
    let t = Instant::now();
    if opts.iterations > 0 {
        let parser = Parser::train(&train, &opts, &mut |i, n| {
            eprintln!("  pass {i}/{n} at {:.1}s", t.elapsed().as_secs_f64())
        });
        parser.save(&path).expect("save");
    }
    let train_s = t.elapsed().as_secs_f64();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let t = Instant::now();
    let parser = Parser::load(&path).expect("load");
    let load_s = t.elapsed().as_secs_f64();
    if keep.is_none() {
        let _ = std::fs::remove_file(&path);
    }

    let mut parsed = dev.clone();
    for s in &mut parsed {
        for w in &mut s.words {
            w.head = None;
            w.deprel = "_".into();
        }
    }
    let words: usize = dev.iter().map(|s| s.words.len()).sum();
    // Best of several runs (`PARSE_RUNS`, default 3): the machine is shared.
    let runs: usize = std::env::var("PARSE_RUNS").map_or(3, |r| r.parse().expect("PARSE_RUNS"));
    let mut parse_s = f64::INFINITY;
    for _ in 0..runs {
        let t = Instant::now();
        for s in &mut parsed {
            parser.parse(s);
        }
        parse_s = parse_s.min(t.elapsed().as_secs_f64());
    }

    if let Ok(out) = std::env::var("PARSED_OUT") {
        std::fs::write(out, tacitus_conllu::write_str(&parsed)).expect("write parsed dev");
    }
    let (features, weights) = parser.size();
    let (mut uas, mut las, mut full) = (0usize, 0usize, 0usize);
    for (g, p) in dev.iter().zip(&parsed) {
        for (gw, pw) in g.words.iter().zip(&p.words) {
            if gw.head == pw.head {
                uas += 1;
                if universal(&gw.deprel) == universal(&pw.deprel) {
                    las += 1;
                }
                if gw.deprel == pw.deprel {
                    full += 1;
                }
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / words as f64;
    println!(
        "train {} sentences, {} passes: {train_s:.1}s; model {:.1} MB ({features} features, {weights} weights), loads in {load_s:.2}s",
        train.len(),
        opts.iterations,
        size as f64 / 1e6
    );
    println!(
        "{}: UAS {:.2}  LAS {:.2}  (full-label LAS {:.2})  {:.0} words/s",
        dev_path.display(),
        pct(uas),
        pct(las),
        pct(full),
        words as f64 / parse_s
    );
}
