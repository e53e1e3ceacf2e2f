//! Each input format read end to end through the public API, from the fixtures.

use std::io::Write;
use std::path::{Path, PathBuf};

use tacitus_ingest::{Article, Articles, Date, Input, ReadOptions, Skipped, Timestamp, discover};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read_with(paths: &[PathBuf], options: ReadOptions) -> Vec<Result<Article, Skipped>> {
    let (inputs, skips) = discover(paths);
    assert!(skips.is_empty(), "{skips:?}");
    Articles::new(inputs, options).collect()
}

fn read(paths: &[PathBuf]) -> Vec<Result<Article, Skipped>> {
    read_with(paths, ReadOptions::default())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    path
}

fn ts(s: &str) -> Option<Timestamp> {
    Timestamp::parse_iso(s)
}

#[test]
fn news_page_keeps_the_story_and_drops_the_furniture() {
    let out = read(&[fixture("news.html")]);
    assert_eq!(out.len(), 1);
    let a = out[0].as_ref().unwrap();
    assert!(a.origin.ends_with("tests/fixtures/news.html"));
    assert_eq!(
        a.title.as_deref(),
        Some("Iran and Iraq agree to reopen border crossings")
    );
    assert_eq!(
        a.text,
        "Iran and Iraq agreed on Friday to reopen three border crossings closed since March, \
         the Iranian foreign ministry said.\n\n\
         The two governments will also set up a joint commission on trade and pilgrim traffic, \
         a ministry spokesman told reporters in Tehran.\n\n\
         Iraqi officials welcomed the decision\nand said talks would continue next month."
    );
    for furniture in [
        "cookie",
        "31°C",
        "DOW",
        "Share",
        "Related",
        "Oil prices",
        "Basra",
        "newsletter",
        "Great news",
        "©",
        "Trucks",
        "Jane Doe",
        "dataLayer",
        "color: red",
        "World",
    ] {
        assert!(
            !a.text.contains(furniture),
            "{furniture:?} left in the text"
        );
    }
    assert_eq!(a.place.as_deref(), Some("TEHRAN"));
    assert_eq!(a.source.as_deref(), Some("Daily Planet"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.dailyplanet.example/world/iran-iraq-border")
    );
    assert_eq!(
        a.id.as_deref(),
        Some("https://www.dailyplanet.example/world/iran-iraq-border-123")
    );
    assert_eq!(a.published, ts("2024-06-14T06:00:00Z"));
}

#[test]
fn page_without_article_element_uses_the_densest_block() {
    let dir = tempfile::tempdir().unwrap();
    let html = r#"<html><head><title>Strike ends - Gazette</title>
        <meta property="og:site_name" content="Gazette"></head><body>
        <div id="menu"><p>Home</p><p>World news and the latest headlines from everywhere</p></div>
        <div class="col">
          <div class="main-content sharing-enabled">
            <p>Dock workers in Antwerp ended their strike on Monday after a pay deal was agreed.</p>
            <p>The union said members would return to work on Tuesday morning, ending a week of disruption.</p>
          </div>
          <div class="sidebar"><p>Most read: a long list of other stories that nobody asked for today.</p></div>
        </div></body></html>"#;
    let out = read(&[write(dir.path(), "page.htm", html.as_bytes())]);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("Strike ends"));
    assert_eq!(a.source.as_deref(), Some("Gazette"));
    assert!(a.text.starts_with("Dock workers in Antwerp"));
    assert!(a.text.ends_with("ending a week of disruption."));
    assert!(!a.text.contains("Most read") && !a.text.contains("World news"));
}

#[test]
fn json_ld_body_and_host_fill_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let html = r#"<!doctype html><html><head>
        <link rel="canonical" href="https://www.example.org/story/9">
        <script type="application/ld+json">[{"@type": "WebSite"},
          {"@type": "NewsArticle", "headline": "Flood warning", "dateCreated": "June 3, 2024",
           "articleBody": "Rivers rose across Bavaria.\n\nTowns were evacuated."}]</script>
        </head><body><div id="app"></div><time datetime="2020-01-01">old</time></body></html>"#;
    let out = read(&[write(dir.path(), "ld.html", html.as_bytes())]);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("Flood warning"));
    assert_eq!(
        a.text,
        "Rivers rose across Bavaria.\n\nTowns were evacuated."
    );
    assert_eq!(a.source.as_deref(), Some("example.org"));
    assert_eq!(a.published, ts("2024-06-03"));
    assert_eq!(a.id, None);
}

#[test]
fn legacy_charsets() {
    let dir = tempfile::tempdir().unwrap();
    let (koi8, _, _) = encoding_rs::KOI8_R
        .encode("<p>Москва и Минск подписали соглашение о торговле и транспорте.</p>");
    let mut page = b"<html><head><meta charset=\"koi8-r\"></head><body>".to_vec();
    page.extend_from_slice(&koi8);
    let latin1 = b"Caf\xe9 talks\n\nMinisters met in S\xe3o Paulo.";
    let out = read(&[
        write(dir.path(), "a.html", &page),
        write(dir.path(), "b.txt", latin1),
    ]);
    assert_eq!(
        out[0].as_ref().unwrap().text,
        "Москва и Минск подписали соглашение о торговле и транспорте."
    );
    let b = out[1].as_ref().unwrap();
    assert_eq!(b.title.as_deref(), Some("Café talks"));
    assert_eq!(b.text, "Ministers met in São Paulo.");
}

#[test]
fn rss_items_are_articles() {
    let out = read(&[fixture("feed.rss")]);
    assert_eq!(out.len(), 3);
    let a = out[0].as_ref().unwrap();
    assert!(a.origin.ends_with("feed.rss#1"));
    assert_eq!(a.id.as_deref(), Some("wire-1001"));
    assert_eq!(a.url.as_deref(), Some("https://wire.example/minsk"));
    assert_eq!(a.title.as_deref(), Some("Protesters rally in Minsk"));
    assert_eq!(
        a.text,
        "Thousands of protesters rallied in Minsk on Tuesday.\n\nPolice detained dozens."
    );
    assert_eq!(a.place.as_deref(), Some("MINSK"));
    assert_eq!(a.source.as_deref(), Some("World News Wire"));
    assert_eq!(a.published, ts("2024-03-05T14:30:07Z"));
    let b = out[1].as_ref().unwrap();
    assert_eq!(
        b.text,
        "Negotiators met again in Geneva on Wednesday & said progress was slow."
    );
    assert_eq!(b.published, ts("2024-03-06T08:00:00Z"));
    let c = out[2].as_ref().unwrap_err();
    assert!(c.origin.ends_with("feed.rss#3"));
    assert_eq!(c.reason, "no text");
}

#[test]
fn atom_entries_are_articles() {
    let out = read(&[fixture("feed.atom")]);
    assert_eq!(out.len(), 2);
    let a = out[0].as_ref().unwrap();
    assert!(a.origin.ends_with("feed.atom#1"));
    assert_eq!(a.title.as_deref(), Some("Ceasefire talks planned"));
    assert_eq!(a.text, "Officials announced talks.");
    assert_eq!(a.place.as_deref(), Some("KYIV, Ukraine"));
    assert_eq!(a.source.as_deref(), Some("Kyiv Bulletin"));
    assert_eq!(a.published, ts("2024-03-03T08:00:00Z"));
    let b = out[1].as_ref().unwrap();
    assert_eq!(
        b.published,
        ts("2024-03-04T09:00:00Z"),
        "updated stands in for published"
    );
    assert_eq!(b.url, None);
}

/// Lines of the JSON-lines fixture as `origin-suffix: text or reason`.
fn summary(out: &[Result<Article, Skipped>]) -> Vec<String> {
    out.iter()
        .map(|r| match r {
            Ok(a) => format!("{}: {}", a.origin.rsplit('/').next().unwrap(), a.text),
            Err(s) => format!(
                "{}: SKIP {}",
                s.origin.rsplit('/').next().unwrap(),
                s.reason
            ),
        })
        .collect()
}

#[test]
fn json_lines_with_a_bad_line() {
    let out = read(&[fixture("lines.jsonl")]);
    assert_eq!(
        summary(&out),
        [
            "lines.jsonl:1: Teachers walked out across Haiti.",
            "lines.jsonl:2: Mediators met again on Tuesday.",
            "lines.jsonl:3: SKIP invalid JSON: EOF while parsing a string at line 1 column 54",
            "lines.jsonl:4: SKIP no text: the object has no non-empty \"text\" or \"body\" string",
            "lines.jsonl:6: Iran, the US and China agreed - for now - to keep talking.",
        ]
    );
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("Strike spreads in Haiti"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.place.as_deref(), Some("PORT-AU-PRINCE"));
    assert_eq!(a.metadata.get("lang").and_then(|v| v.as_str()), Some("en"));
    let doha = out[1].as_ref().unwrap();
    assert_eq!(
        doha.published, None,
        "a year-less dateline gives no date without a default"
    );
    assert_eq!(
        doha.source, None,
        "a dateline without an agency names no source"
    );
    let last = out[4].as_ref().unwrap();
    assert_eq!(last.place, None);
    assert_eq!(last.id.as_deref(), Some("5"));
    assert_eq!(last.published, ts("2024-01-01"));
}

#[test]
fn gzip_reads_like_the_plain_file() {
    let plain = summary(&read(&[fixture("lines.jsonl")]));
    let packed = summary(&read(&[fixture("lines.jsonl.gz")]));
    let unzipped: Vec<String> = packed
        .iter()
        .map(|l| l.replacen(".jsonl.gz:", ".jsonl:", 1))
        .collect();
    assert_eq!(unzipped, plain);
}

#[test]
fn default_date_fills_and_resolves_years() {
    let options = ReadOptions {
        default_date: Date::new(2024, 6, 20),
        ..ReadOptions::default()
    };
    let out = read_with(&[fixture("lines.jsonl"), fixture("dateline.txt")], options);
    let doha = out[1].as_ref().unwrap();
    assert_eq!(doha.published, ts("2024-01-09"));
    let a = out[0].as_ref().unwrap();
    assert_eq!(
        a.published,
        ts("2024-03-05T10:00:00Z"),
        "metadata wins over the default"
    );
    let txt = out[5].as_ref().unwrap();
    assert_eq!(txt.title.as_deref(), Some("Senate passes aid bill"));
    assert_eq!(
        txt.text,
        "The Senate passed a foreign aid bill on Tuesday.\n\nThe House votes next week."
    );
    assert_eq!(txt.place.as_deref(), Some("WASHINGTON"));
    assert_eq!(txt.source.as_deref(), Some("AP"));
    assert_eq!(txt.published, ts("2024-06-20"));
}

#[test]
fn json_documents() {
    let dir = tempfile::tempdir().unwrap();
    let one = write(
        dir.path(),
        "one.json",
        b"{\n  \"title\": \"T\",\n  \"text\": \"Body.\"\n}\n",
    );
    let many = write(
        dir.path(),
        "many.json",
        br#"[{"text": "A."}, {"headline": "x"}, {"body": "B."}]"#,
    );
    let out = read(&[one, many]);
    assert_eq!(
        summary(&out),
        [
            "one.json:1: Body.",
            "many.json#1: A.",
            "many.json#2: SKIP no text: the object has no non-empty \"text\" or \"body\" string",
            "many.json#3: B.",
        ]
    );
}

#[test]
fn unknown_extensions_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let html = write(
        dir.path(),
        "a.page",
        b"<!DOCTYPE html><html><body><p>Hello from a page.</p></body></html>",
    );
    let lines = write(
        dir.path(),
        "b.dump",
        b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n",
    );
    let feed = write(dir.path(), "c", b"<rss version=\"2.0\"><channel><title>F</title><item><description>Item text.</description></item></channel></rss>");
    let text = write(dir.path(), "d.md", b"Title\nBody text.");
    let out = read(&[html, lines, feed, text]);
    assert_eq!(
        summary(&out),
        [
            "a.page: Hello from a page.",
            "b.dump:1: one",
            "b.dump:2: two",
            "c#1: Item text.",
            "d.md: Body text."
        ]
    );
}

#[test]
fn discovery_is_sorted_recursive_and_skips_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("b/sub")).unwrap();
    std::fs::create_dir_all(d.join(".git")).unwrap();
    for name in [
        "z.txt",
        "a.txt",
        "b/sub/c.txt",
        "b/a.txt",
        ".hidden.txt",
        ".git/x.txt",
        "b.txt",
    ] {
        write(d, name, b"x");
    }
    std::os::unix::fs::symlink(d, d.join("b/loop")).unwrap();
    let (inputs, skips) = discover(&[
        d.to_path_buf(),
        d.join(".hidden.txt"),
        d.join("missing.txt"),
    ]);
    let names: Vec<String> = inputs
        .iter()
        .map(|i| i.path.strip_prefix(d).unwrap().display().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "a.txt",
            "b/a.txt",
            "b/sub/c.txt",
            "b.txt",
            "z.txt",
            ".hidden.txt"
        ]
    );
    assert!(inputs.iter().all(|i| i.size == 1));
    assert_eq!(skips.len(), 1);
    assert!(skips[0].origin.ends_with("missing.txt"));
    assert!(
        skips[0].reason.starts_with("cannot read: No such file"),
        "{}",
        skips[0].reason
    );
    let (stdin, _) = discover(&[PathBuf::from("-")]);
    assert_eq!(
        stdin,
        [Input {
            path: "-".into(),
            size: 0
        }]
    );
}

#[test]
fn bytes_read_reaches_the_total() {
    let (inputs, _) = discover(&[fixture("")]);
    let total: u64 = inputs.iter().map(|i| i.size).sum();
    let mut articles = Articles::new(inputs, ReadOptions::default());
    assert_eq!(articles.bytes_read(), 0);
    let first = articles.next();
    assert!(first.is_some());
    let partway = articles.bytes_read();
    assert!(partway > 0 && partway < total, "{partway} of {total}");
    let rest = articles.by_ref().count();
    assert!(rest > 10);
    assert_eq!(articles.bytes_read(), total);
}

/// Standard input, read in a child copy of this test binary (the parent pipes a document in).
#[test]
fn standard_input_is_sniffed() {
    if std::env::var_os("TACITUS_INGEST_STDIN_CHILD").is_some() {
        let out: Vec<_> = Articles::new(
            vec![Input {
                path: "-".into(),
                size: 0,
            }],
            ReadOptions::default(),
        )
        .collect();
        for r in out {
            match r {
                Ok(a) => println!(
                    "ARTICLE {} {} {}",
                    a.origin,
                    a.place.unwrap_or_default(),
                    a.text
                ),
                Err(s) => println!("SKIP {} {}", s.origin, s.reason),
            }
        }
        return;
    }
    let run = |input: &[u8]| {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "standard_input_is_sniffed",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("TACITUS_INGEST_STDIN_CHILD", "1")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            // The harness may print `test … ` on the same line first.
            .filter_map(|l| {
                l.find("ARTICLE ")
                    .or_else(|| l.find("SKIP "))
                    .map(|i| l[i..].to_string())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        run(b"{\"text\": \"LONDON (Reuters) - One.\"}\n{bad\n"),
        [
            "ARTICLE -:1 LONDON One.",
            "SKIP -:2 invalid JSON: key must be a string at line 1 column 2"
        ]
    );
    let page = std::fs::read(fixture("news.html")).unwrap();
    let html = run(&page);
    assert_eq!(html.len(), 1);
    assert!(
        html[0].starts_with("ARTICLE - TEHRAN Iran and Iraq agreed"),
        "{}",
        html[0]
    );
    assert_eq!(
        run(&gzip_bytes(b"Title\nBody from a pipe.")),
        ["ARTICLE -  Body from a pipe."]
    );
    assert_eq!(run(b""), ["SKIP - no text"]);
}

fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}
