//! End-to-end tests of the `tacitus` binary: setup on a slice of the treebank, then every command.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use tacitus_conllu::{Reader, misc_get};

/// Training sentences used by these tests: enough to learn, quick to train.
const SLICE: &str = "400";

fn data_dir() -> PathBuf {
    std::env::var_os("TACITUS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

fn tacitus(models: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tacitus"));
    c.arg("--models").arg(models).arg("--data").arg(data_dir());
    // The GeoNames and VADER wheels are fetched once for every test's models.
    c.env(
        "TACITUS_WHEELS",
        std::env::temp_dir().join("tacitus-test-wheels"),
    );
    c
}

fn run(mut cmd: Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tacitus runs");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("tacitus finishes");
    writer.join().expect("stdin writer");
    out
}

fn setup_into(dir: &Path) -> Output {
    let mut c = tacitus(dir);
    c.args(["setup", "--limit", SLICE, "--folds", "2"]);
    run(c, b"")
}

/// Models trained once for the whole test binary.
fn models() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("tacitus-cli-test-{}", std::process::id()));
        let out = setup_into(&dir);
        assert!(
            out.status.success(),
            "setup failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

fn parse(input: &[u8]) -> Output {
    let mut c = tacitus(models());
    c.args(["parse", "-"]);
    run(c, input)
}

/// Checks the CoNLL-U output against the text it came from; returns the number of sentences.
fn check_conllu(text: &str, conllu: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let slice = |range: &str| -> String {
        let (s, e) = range.split_once(':').expect("START:END");
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        assert!(s < e && e <= chars.len(), "range {range} outside text");
        chars[s..e].iter().collect()
    };
    let mut n = 0;
    for s in Reader::new(conllu.as_bytes()) {
        let s = s.expect("output is valid CoNLL-U");
        n += 1;
        assert!(s.meta("sent_id").is_some() && s.meta("text").is_some());
        let roots = s.words.iter().filter(|w| w.head == Some(0)).count();
        assert_eq!(roots, 1, "one root in {:?}", s.meta("text"));
        for w in &s.words {
            let h = w.head.expect("every word has a head");
            assert!(h <= s.words.len());
            assert_ne!(w.upos, "_");
            assert_ne!(w.deprel, "_");
        }
        for (first, last) in s.token_spans() {
            let (form, misc) = s.token_form(first, last);
            let range = misc_get(misc, "TokenRange").expect("TokenRange on every token");
            assert_eq!(slice(range), form, "token range slices the text");
            if first != last {
                for w in &s.words[first..=last] {
                    if let Some(r) = misc_get(&w.misc, "TokenRange") {
                        let got = slice(r);
                        assert!(
                            got == w.form || form.contains(&got),
                            "word range {r} of {:?}",
                            w.form
                        );
                    }
                }
            }
        }
    }
    n
}

#[test]
fn setup_is_deterministic_and_idempotent() {
    let first = models();
    let again = setup_into(first);
    assert!(again.status.success());
    let log = String::from_utf8_lossy(&again.stderr);
    assert_eq!(log.matches("up to date").count(), 6, "{log}");

    let second = std::env::temp_dir().join(format!("tacitus-cli-test-{}-b", std::process::id()));
    assert!(setup_into(&second).status.success());
    for f in [
        "tokenizer.bin",
        "tagger.bin",
        "lemmatizer.bin",
        "parser.bin",
        "manifest.json",
        "gazetteer.bin",
        "tone.bin",
    ] {
        let a = std::fs::read(first.join(f)).unwrap();
        let b = std::fs::read(second.join(f)).unwrap();
        assert!(a == b, "{f} differs between two setups");
    }

    // A damaged model is rebuilt even though its manifest record still matches.
    std::fs::write(second.join("parser.bin"), b"TACITUSM damaged").unwrap();
    let repaired = setup_into(&second);
    let log = String::from_utf8_lossy(&repaired.stderr);
    assert!(log.contains("parser: trained"), "{log}");
    assert_eq!(log.matches("up to date").count(), 5, "{log}");
    assert!(
        std::fs::read(second.join("parser.bin")).unwrap()
            == std::fs::read(first.join("parser.bin")).unwrap()
    );

    // A model recorded from older training code (another revision) is rebuilt, the others kept.
    let manifest = std::fs::read_to_string(second.join("manifest.json")).unwrap();
    let tagger_line = manifest
        .lines()
        .find(|l| l.contains("\"tagger\""))
        .expect("tagger record");
    let older = tagger_line.replace(" revision ", " revision 0");
    assert_ne!(older, tagger_line, "the record names a revision");
    std::fs::write(
        second.join("manifest.json"),
        manifest.replace(tagger_line, &older),
    )
    .unwrap();
    let retrained = setup_into(&second);
    let log = String::from_utf8_lossy(&retrained.stderr);
    assert!(log.contains("tagger: trained"), "{log}");
    assert_eq!(log.matches("up to date").count(), 5, "{log}");
    let _ = std::fs::remove_dir_all(&second);
}

#[test]
fn parses_the_example_article() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/article.txt"),
    )
    .unwrap();
    let out = parse(text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conllu = String::from_utf8(out.stdout).unwrap();
    assert!(check_conllu(&text, &conllu) >= 6);
    assert!(
        conllu.contains("\tdid\t") || conllu.contains("\tdo\t"),
        "didn't is split"
    );
}

#[test]
fn bad_input_is_handled() {
    // Empty input: no sentences, a warning, success.
    let out = parse(b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no sentences"));

    // Binary junk and invalid UTF-8: decoded lossily with a warning, offsets still valid.
    let junk: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let out = parse(&junk);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
    let text = String::from_utf8_lossy(&junk);
    check_conllu(&text, &String::from_utf8(out.stdout).unwrap());

    // More than one 1 MiB window of non-ASCII text: windows end on character boundaries and
    // offsets stay document-global.
    let accented = "Él dijo «sí» — 東京 ☃. ".repeat(45_000);
    let out = parse(accented.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_conllu(&accented, &String::from_utf8(out.stdout).unwrap());

    // A 100,000-token "sentence".
    let long = "word ".repeat(100_000);
    let out = parse(long.as_bytes());
    assert!(out.status.success());
    let conllu = String::from_utf8(out.stdout).unwrap();
    assert!(
        check_conllu(&long, &conllu) > 1,
        "the run is cut into bounded sentences"
    );
}

#[test]
fn a_50_mb_single_line_is_handled() {
    // 50 MB on one line: 1,000-letter runs with a space between them.
    let chunk = format!("{} ", "abcd".repeat(250));
    let line = chunk.repeat(50_000_000 / chunk.len());
    let out = parse(line.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.is_empty());
}

/// Runs `tacitus ARGS FILE` on the test models; its JSON output must have every key in `keys`.
fn json_output(args: &[&str], file: &Path, keys: &[&str]) -> serde_json::Value {
    let mut c = tacitus(models());
    c.args(args).arg(file);
    let out = run(c, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in keys {
        assert!(v.get(k).is_some(), "missing {k} in {v}");
    }
    v
}

#[test]
fn eval_and_bench_report_their_keys() {
    let gold = data_dir().join("ud-english-ewt/dev.conllu");
    let text = std::fs::read_to_string(&gold).unwrap();
    let slice: String = text.split_inclusive("\n\n").take(60).collect();
    let small = std::env::temp_dir().join(format!(
        "tacitus-cli-test-{}-gold.conllu",
        std::process::id()
    ));
    std::fs::write(&small, slice).unwrap();

    let json = |args: &[&str], keys: &[&str]| json_output(args, &small, keys);

    let v = json(
        &["eval", "parse", "--json", "--gold"],
        &[
            "upos",
            "xpos",
            "lemma",
            "uas",
            "las",
            "words",
            "words_per_second",
        ],
    );
    // Trained on a slice, the parser must still beat a trivial baseline by far.
    assert!(v["upos"].as_f64().unwrap() > 80.0, "{v}");
    assert!(v["uas"].as_f64().unwrap() > 60.0, "{v}");

    let v = json(
        &["eval", "parse", "--raw", "--json", "--gold"],
        &["tokens_f1", "sentences_f1", "upos_f1", "uas_f1", "las_f1"],
    );
    assert!(v["tokens_f1"].as_f64().unwrap() > 95.0, "{v}");

    let keys = ["words_per_second_1t", "words_per_second_all", "peak_rss_mb"];
    let v = json(&["bench", "parse", "--json", "--seconds", "0.1"], &keys);
    for k in keys {
        assert!(v[k].as_f64().unwrap() > 0.0, "{k} in {v}");
    }
    let _ = std::fs::remove_file(&small);
}

#[test]
fn damaged_models_give_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("tacitus-cli-test-{}-bad", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in [
        "tokenizer.bin",
        "tagger.bin",
        "lemmatizer.bin",
        "parser.bin",
    ] {
        std::fs::copy(models().join(f), dir.join(f)).unwrap();
    }
    std::fs::write(dir.join("parser.bin"), b"TACITUSM garbage").unwrap();
    let mut c = tacitus(&dir);
    c.args(["parse", "-"]);
    let out = run(c, b"Hello world.");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("parser.bin") && err.contains("corrupt"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The keys every event record carries (issue 3's contract).
const EVENT_KEYS: &[&str] = &[
    "doc_id",
    "section",
    "sentence",
    "source",
    "target",
    "verb",
    "event_code",
    "base_code",
    "root_code",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "negated",
    "reported_by",
    "rule",
    "date",
];

/// Characters `start..end` of `text` (Unicode scalar values, as the offsets count).
fn char_slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take(end.saturating_sub(start) as usize)
        .collect()
}

/// Checks that every span of an event slices `text` to the recorded text.
fn check_spans(text: &str, event: &serde_json::Value) {
    for key in ["source", "target", "verb", "reported_by"] {
        let span = &event[key];
        if span.is_null() {
            continue;
        }
        let (start, end) = (
            span["start"].as_u64().unwrap(),
            span["end"].as_u64().unwrap(),
        );
        let got = char_slice(text, start, end);
        assert_eq!(
            got,
            span["text"].as_str().unwrap(),
            "{key} span {start}..{end} of event {event} does not slice the input"
        );
    }
}

#[test]
fn code_writes_traceable_events_with_the_contract_keys() {
    let lines = "Israeli troops attacked Iran on Monday.\n\
                 \n\
                 Russia accused Ukraine of shelling the plant.\n\
                 Iran and Syria condemned Israel.\n\
                 Ça va: the French president met the Chinese president in Paris.\n";
    let mut c = tacitus(models());
    c.args(["code", "--lines", "--date", "2019-06-01", "-"]);
    let out = run(c, lines.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let events: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON event"))
        .collect();
    assert!(!events.is_empty(), "no events from:\n{lines}");
    let docs: Vec<&str> = lines.lines().collect();
    for e in &events {
        for k in EVENT_KEYS {
            assert!(e.get(k).is_some(), "missing {k} in {e}");
        }
        // With --lines, doc_id is the 1-based line number and offsets count into that line.
        let id: usize = e["doc_id"]
            .as_str()
            .unwrap()
            .parse()
            .expect("numeric doc_id");
        assert!(
            !docs[id - 1].trim().is_empty(),
            "doc_id {id} names a blank line"
        );
        assert_eq!(e["section"], "body");
        assert_eq!(e["date"], "2019-06-01");
        check_spans(docs[id - 1], e);
    }
}

#[test]
fn events_carry_places_and_tone() {
    let article = "Syria accuses Israel of strikes\n\n\
                   DAMASCUS, May 2 (Reuters) - Israeli jets bombed targets near Aleppo on \
                   Thursday, killing civilians, Syria said. Police arrested protesters in \
                   Paris, Texas.\n";
    let mut c = tacitus(models());
    c.args(["code", "--date", "2024-05-02", "-"]);
    let out = run(c, article.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let bombed = events
        .iter()
        .find(|e| e["verb"]["text"] == "bombed")
        .unwrap_or_else(|| panic!("no bombing event in {events:?}"));
    let action = &bombed["geo"]["action"];
    assert_eq!(action["place"]["full_name"], "Aleppo, Syria", "{bombed}");
    assert_eq!(action["place"]["country_fips"], "SY");
    assert_eq!(action["how"], "clause");
    assert_eq!(bombed["geo"]["source"]["place"]["country_iso3"], "ISR");
    let tone = &bombed["tone"];
    assert!(tone["sentence"].as_f64().unwrap() < 0.0, "{tone}");
    assert!(tone["document"].as_f64().unwrap() < 0.0, "{tone}");

    // Without places and tone the events are the same, with neither key.
    let mut c = tacitus(models());
    c.args(["code", "--no-geo-tone", "--date", "2024-05-02", "-"]);
    let plain = String::from_utf8(run(c, article.as_bytes()).stdout).unwrap();
    assert_eq!(plain.lines().count(), events.len());
    assert!(
        !plain.contains("\"geo\"") && !plain.contains("\"tone\""),
        "{plain}"
    );

    // `geo` explains each place: candidates and why the winner won.
    let mut c = tacitus(models());
    c.args(["geo", "--json", "--date", "2024-05-02", "-"]);
    let out = run(c, article.as_bytes());
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["dateline"]["place"]["full_name"], "Damascus, Syria");
    let paris = report["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["text"] == "Paris, Texas")
        .unwrap_or_else(|| panic!("Paris, Texas not found: {report}"));
    assert_eq!(paris["place"]["country_iso3"], "USA");
    assert!(paris["why"].as_str().unwrap().contains("Texas"), "{paris}");
}

#[test]
fn eval_geo_meets_its_targets() {
    let set = Path::new(env!("CARGO_MANIFEST_DIR")).join("../geo/eval/actiongeo.jsonl");
    let mut c = tacitus(models());
    c.args(["eval", "geo", "--json"]).arg(&set);
    let out = run(c, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["sentences"].as_u64().unwrap() >= 150, "{report}");
    assert!(
        report["country_accuracy"].as_f64().unwrap() >= 0.92,
        "{report}"
    );
    assert!(
        report["city_accuracy"].as_f64().unwrap() >= 0.80,
        "{report}"
    );
}

#[test]
fn code_reads_articles_with_headlines_and_skips_unreadable_files() {
    let dir = std::env::temp_dir().join(format!("tacitus-cli-code-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let article = dir.join("a.txt");
    let text = "\nIsrael attacks Iran\n\nIsraeli troops attacked Iran on Monday, officials said.\n";
    std::fs::write(&article, text).unwrap();
    let mut c = tacitus(models());
    c.arg("code").arg(&article).arg(dir.join("missing.txt"));
    let out = run(c, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("missing.txt"),
        "no warning for the missing file: {stderr}"
    );
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        check_spans(text, &e);
        let section = e["section"].as_str().unwrap();
        let start = e["verb"]["start"].as_u64().unwrap();
        // The headline is the first non-empty line (characters 1..20 here).
        assert_eq!(section == "headline", start < 20, "section of {e}");
    }
}

#[test]
fn code_rejects_a_bad_date_clearly() {
    let mut c = tacitus(models());
    c.args(["code", "--date", "2019-13-01", "-"]);
    let out = run(c, b"Israel attacked Iran.");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("YYYY-MM-DD"), "unclear error: {stderr}");
}

#[test]
fn eval_events_scores_a_gold_file_leniently() {
    let gold = std::env::temp_dir().join(format!("tacitus-cli-gold-{}.jsonl", std::process::id()));
    std::fs::write(
        &gold,
        concat!(
            r#"{"id": "a", "date": "2020-06-01", "text": "Israeli troops attacked Iranian soldiers.", "events": [{"source": "ISR", "target": "IRN", "code": "190"}]}"#,
            "\n",
            r#"{"id": "b", "text": "Brazil criticised Argentina.", "events": [{"source": "BRA", "target": "ARG", "plover": "ACCUSE"}]}"#,
            "\nnot json\n",
            r#"{"id": "c", "text": "The weather was fine.", "events": []}"#,
            "\n"
        ),
    )
    .unwrap();
    let mut c = tacitus(models());
    c.args(["eval", "events", "--json"]).arg(&gold);
    let out = run(c, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The malformed line is reported and skipped.
    assert!(String::from_utf8_lossy(&out.stderr).contains(".jsonl:3"));
    let _ = std::fs::remove_file(&gold);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["records"], 3, "{v}");
    assert_eq!(v["gold_events"], 2, "{v}");
    assert_eq!(v["event_recall"], 1.0, "{v}");
    assert_eq!(v["plover_type_recall"], 1.0, "{v}");
    for k in [
        "event_precision",
        "event_f1",
        "plover_type_precision",
        "plover_type_f1",
        "misses",
    ] {
        assert!(v.get(k).is_some(), "missing {k} in {v}");
    }
}

#[test]
fn eval_petrarch_and_bench_code_report_their_keys() {
    let xml = data_dir().join("petrarch-unit-tests/PETR.UnitTest.records.xml");
    let v = json_output(
        &["eval", "petrarch", "--json"],
        &xml,
        &[
            "records",
            "passed",
            "event_precision",
            "event_recall",
            "by_category",
        ],
    );
    assert_eq!(v["records"], 280);
    assert!(v["by_category"]["DEMO"]["records"].as_u64().unwrap() > 0);

    let stories = data_dir().join("synthetic-news/train.jsonl");
    let v = json_output(
        &["bench", "code", "--json", "--limit", "20", "--seconds", "0"],
        &stories,
        &[
            "words_per_second_1t",
            "words_per_second_all",
            "documents_per_second_1t",
            "coding_overhead_percent",
            "peak_rss_mb",
        ],
    );
    assert_eq!(v["documents"], 20);
}

/// A folder of news in every input format, with one bad document of each kind.
fn news_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tacitus-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("wire")).unwrap();
    let story = "Israeli troops attacked Iran on Monday, officials said.\n\n\
                 Russia accused Ukraine of shelling the plant. Iran and Syria condemned Israel.\n";
    std::fs::write(
        dir.join("wire/reuters.txt"),
        format!("Israel attacks Iran\n\nTEHRAN, June 14 (Reuters) - {story}"),
    )
    .unwrap();
    // The same wire story printed by another outlet.
    std::fs::write(
        dir.join("wire/copy.txt"),
        format!("Israeli troops attack Iran\n\nTEHRAN, June 14 (AP) - {story}"),
    )
    .unwrap();
    std::fs::write(
        dir.join("feed.jsonl"),
        "{\"id\": \"n1\", \"url\": \"https://news.example/n1\", \"title\": \"Iran condemns Israel\", \"text\": \"Iran condemned Israel on Tuesday. The French president met the Chinese president in Paris.\", \"date\": \"2024-06-18T09:30:00Z\", \"source\": \"Example News\", \"desk\": \"world\"}\n\
         {not json\n\
         {\"id\": \"n2\", \"title\": \"Talks\", \"text\": \"Russia accused Ukraine of shelling the plant.\", \"date\": \"2024-07-02\", \"source\": \"Example News\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("page.html"),
        "<!doctype html><html><head><title>Syria condemns Israel</title>\
         <meta property=\"article:published_time\" content=\"2024-06-20T12:00:00Z\">\
         <meta property=\"og:site_name\" content=\"Example Daily\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>Syria condemns Israel</h1><p>Syria condemned Israel on Thursday.</p>\
         <p>Israeli troops attacked Iran, officials said.</p></article>\
         <div class=\"cookie-banner\">We use cookies.</div></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), "  \n\n").unwrap();
    std::fs::write(
        dir.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0],
    )
    .unwrap();
    std::fs::write(dir.join("deep.html"), "<div>".repeat(100_000)).unwrap();
    // A gzip stream cut in the middle.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(story.repeat(50).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(dir.join("cut.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    dir
}

fn ingest(db: &Path, inputs: &[PathBuf], extra: &[&str]) -> Output {
    let mut c = tacitus(models());
    c.arg("ingest").arg("--db").arg(db).args(extra).args(inputs);
    run(c, b"")
}

fn export(db: &Path, format: &str) -> Vec<u8> {
    let mut c = tacitus(models());
    c.args(["export", "--format", format, "--db"]).arg(db);
    let out = run(c, b"");
    assert!(
        out.status.success(),
        "export {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn ingest_stores_a_dataset_skipping_bad_documents() {
    let dir = news_folder("ingest");
    let db = dir.with_extension("db");
    let _ = std::fs::remove_file(&db);
    let first = ingest(&db, std::slice::from_ref(&dir), &["--date", "2024-06-30"]);
    let stderr = String::from_utf8_lossy(&first.stderr);
    // Finished, with skips: exit status 2, each bad document named.
    assert_eq!(first.status.code(), Some(2), "{stderr}");
    for bad in [
        "empty.txt",
        "binary.txt",
        "cut.txt.gz",
        "feed.jsonl:2",
        "deep.html",
    ] {
        assert!(stderr.contains(bad), "{bad} not reported: {stderr}");
    }
    let gdelt = export(&db, "gdelt");
    let gdelt = String::from_utf8(gdelt).unwrap();
    assert!(!gdelt.is_empty(), "no events: {stderr}");
    for row in gdelt.lines() {
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields.len(), 61, "{row}");
        assert!(fields[1].starts_with("2024"), "SQLDATE of {row}");
        // AvgTone, then Actor1Geo, Actor2Geo and ActionGeo (type, name, FIPS country, ...).
        assert!(fields[34].parse::<f32>().is_ok(), "AvgTone of {row}");
        assert_ne!(fields[51], "0", "ActionGeo_Type of {row}");
        assert!(!fields[52].is_empty(), "ActionGeo_FullName of {row}");
        assert_eq!(fields[53].len(), 2, "ActionGeo_CountryCode (FIPS) of {row}");
        assert!(fields[57].parse::<f64>().is_ok(), "ActionGeo_Long of {row}");
    }
    for row in String::from_utf8(export(&db, "gdelt-mentions"))
        .unwrap()
        .lines()
    {
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields.len(), 16, "{row}");
        assert!(fields[13].parse::<f32>().is_ok(), "MentionDocTone of {row}");
    }
    let plover = String::from_utf8(export(&db, "plover")).unwrap();
    for line in plover.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            v["reports"].as_array().is_some_and(|r| !r.is_empty()),
            "{v}"
        );
    }
    // The syndicated copy is one source: some event has two articles but one source.
    assert!(
        plover.lines().any(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["num_articles"] == 2 && v["num_sources"] == 1
        }),
        "{plover}"
    );

    // Ingesting again changes nothing.
    let again = ingest(&db, std::slice::from_ref(&dir), &["--date", "2024-06-30"]);
    let log = String::from_utf8_lossy(&again.stderr);
    assert!(log.contains("0 stored"), "{log}");
    assert_eq!(export(&db, "gdelt"), gdelt.as_bytes());

    // The same inputs in another order, in two runs (as after an interrupted one), give the
    // same dataset byte for byte.
    let other = dir.with_extension("other.db");
    let _ = std::fs::remove_file(&other);
    let mut files: Vec<PathBuf> = [
        "page.html",
        "feed.jsonl",
        "wire/copy.txt",
        "wire/reuters.txt",
    ]
    .iter()
    .map(|f| dir.join(f))
    .collect();
    ingest(&other, &files[2..], &["--date", "2024-06-30"]);
    files.reverse();
    ingest(&other, &files, &["--date", "2024-06-30"]);
    for format in ["gdelt", "gdelt-mentions", "plover", "csv"] {
        assert!(
            export(&other, format) == export(&db, format),
            "{format} export depends on input order"
        );
    }
}

#[test]
fn query_and_series_read_the_store() {
    let dir = news_folder("query");
    let db = dir.with_extension("db");
    let _ = std::fs::remove_file(&db);
    ingest(&db, std::slice::from_ref(&dir), &["--date", "2024-06-30"]);
    let mut c = tacitus(models());
    c.args(["query", "--format", "json", "--limit", "0", "--db"])
        .arg(&db);
    let out = run(c, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!events.is_empty());
    let total: u64 = events.len() as u64;
    let mut c = tacitus(models());
    c.args(["series", "--by", "month", "--format", "json", "--db"])
        .arg(&db);
    let out = run(c, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let counted: u64 = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["events"]
                .as_u64()
                .unwrap()
        })
        .sum();
    assert_eq!(counted, total, "the monthly series counts every event once");
    // A filter narrows: every event of --country IRN has an IRN actor.
    let mut c = tacitus(models());
    c.args(["query", "--country", "IRN", "--format", "json", "--db"])
        .arg(&db);
    let out = run(c, b"");
    for l in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        let codes = [&v["source"]["code"], &v["target"]["code"]];
        assert!(
            codes
                .iter()
                .any(|c| c.as_str().is_some_and(|c| c.starts_with("IRN"))),
            "{v}"
        );
    }
    // Reading commands never create a store.
    let mut c = tacitus(models());
    c.args(["query", "--db"]).arg(dir.join("none.db"));
    let out = run(c, b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store"));
}
