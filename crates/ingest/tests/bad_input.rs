//! Each kind of bad input is one skipped document with its origin and a clear reason; the
//! documents after it are still read.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use tacitus_ingest::{Article, Articles, Input, ReadOptions, Skipped, discover};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    File::create(&path).unwrap().write_all(bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// Reads `path` then a good document, checks the good one still comes, and returns what
/// `path` gave.
fn read_then_good(path: &Path, options: ReadOptions) -> Vec<Result<Article, Skipped>> {
    let good = write(
        path.parent().unwrap(),
        "zz-good.txt",
        b"Headline\nTalks went on.",
    );
    let inputs = vec![
        Input {
            path: path.to_path_buf(),
            size: 0,
        },
        Input {
            path: good,
            size: 0,
        },
    ];
    let mut out: Vec<_> = Articles::new(inputs, options).collect();
    let last = out
        .pop()
        .expect("the good document")
        .expect("the good document reads");
    assert_eq!(last.text, "Talks went on.");
    out
}

/// The one skip `path` gives.
fn skip_of(path: &Path, options: ReadOptions) -> Skipped {
    let out = read_then_good(path, options);
    assert_eq!(out.len(), 1, "{out:?}");
    let skip = out.into_iter().next().unwrap().expect_err("a skip");
    assert_eq!(skip.origin, path.display().to_string());
    skip
}

fn reason(path: &Path) -> String {
    skip_of(path, ReadOptions::default()).reason
}

#[test]
fn missing_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    assert!(reason(&dir.path().join("gone.txt")).starts_with("cannot open: No such file"));
    let sub = dir.path().join("folder.txt");
    std::fs::create_dir(&sub).unwrap();
    assert!(
        reason(&sub).starts_with("cannot read: Is a directory"),
        "{}",
        reason(&sub)
    );

    use std::os::unix::fs::PermissionsExt;
    let locked = write(dir.path(), "locked.txt", b"Secret\nText.");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if File::open(&locked).is_err() {
        assert_eq!(
            reason(&locked),
            "cannot open: Permission denied (os error 13)"
        );
    } else {
        // Running as root: permissions do not stop reading, and the file reads normally.
        assert_eq!(
            read_then_good(&locked, ReadOptions::default())[0]
                .as_ref()
                .unwrap()
                .text,
            "Text."
        );
    }
}

#[test]
fn binary_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    assert_eq!(reason(&png), "binary data, not text: contains NUL bytes");
    let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8 | 1).collect();
    let noisy = write(dir.path(), "noise", &noise);
    assert!(
        reason(&noisy).contains("control characters"),
        "{}",
        reason(&noisy)
    );
    let lines = write(dir.path(), "bin.jsonl", b"\x00\x01\x02{}");
    assert_eq!(reason(&lines), "binary data, not text: contains NUL bytes");
}

#[test]
fn empty_documents() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(reason(&write(dir.path(), "empty.txt", b"")), "no text");
    assert_eq!(
        reason(&write(dir.path(), "blank.html", b" \n\t \n")),
        "no text"
    );
    let furniture =
        b"<html><body><nav><p>Home</p></nav><script>x()</script><footer>(c)</footer></body></html>";
    assert_eq!(reason(&write(dir.path(), "nav.html", furniture)), "no text");
    assert_eq!(
        reason(&write(dir.path(), "title.txt", b"TEHRAN (Reuters) -\n")),
        "no text"
    );
    assert_eq!(
        reason(&write(
            dir.path(),
            "empty.rss",
            b"<rss version=\"2.0\"><channel><title>x</title></channel></rss>"
        )),
        "feed has no items"
    );
}

#[test]
fn oversized_documents_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.html");
    File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    assert_eq!(
        reason(&huge),
        "document is 104857600 bytes, over the limit of 16777216 bytes"
    );
    let (inputs, _) = discover(std::slice::from_ref(&huge));
    let mut articles = Articles::new(inputs, ReadOptions::default());
    assert!(articles.next().unwrap().is_err());
    assert_eq!(
        articles.bytes_read(),
        100 * 1024 * 1024,
        "a refused file counts as done"
    );

    let small = ReadOptions {
        max_bytes: 1000,
        ..ReadOptions::default()
    };
    let sniffed = write(
        dir.path(),
        "page",
        &[b"<p>".as_slice(), &[b'a'; 2000]].concat(),
    );
    assert_eq!(
        skip_of(&sniffed, small.clone()).reason,
        "document is 2003 bytes, over the limit of 1000 bytes"
    );
    let long_line = write(
        dir.path(),
        "big.jsonl",
        format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"ok\"}}",
            "a".repeat(2000)
        )
        .as_bytes(),
    );
    let out = read_then_good(&long_line, small);
    assert_eq!(
        out[0].as_ref().unwrap_err().reason,
        "line is over the limit of 1000 bytes"
    );
    assert_eq!(out[1].as_ref().unwrap().text, "ok");
}

#[test]
fn gzip_bomb_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = write(dir.path(), "bomb.txt.gz", &gzip(&vec![b'a'; 20 << 20]));
    assert!(std::fs::metadata(&bomb).unwrap().len() < 100_000);
    let options = ReadOptions {
        max_bytes: 1 << 20,
        ..ReadOptions::default()
    };
    assert_eq!(
        skip_of(&bomb, options).reason,
        "document is over the limit of 1048576 bytes after decompression"
    );
}

#[test]
fn truncated_and_fake_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let text: String = (0..2000)
        .map(|i| format!("Sentence number {i} about talks. "))
        .collect();
    let whole = gzip(format!("Title\n{text}").as_bytes());
    let cut = write(dir.path(), "cut.txt.gz", &whole[..whole.len() / 2]);
    let r = reason(&cut);
    assert!(r.starts_with("truncated or corrupt gzip data"), "{r}");

    let lines: String = (0..3000)
        .map(|i| format!("{{\"text\": \"story {i}\"}}\n"))
        .collect();
    let packed = gzip(lines.as_bytes());
    let cut_lines = write(dir.path(), "cut.jsonl.gz", &packed[..packed.len() * 2 / 3]);
    let out = read_then_good(&cut_lines, ReadOptions::default());
    let (last, good) = out.split_last().unwrap();
    assert!(
        good.len() > 100 && good.iter().all(Result::is_ok),
        "lines before the cut are read"
    );
    let last = last.as_ref().unwrap_err();
    assert!(
        last.reason.starts_with("truncated or corrupt gzip data"),
        "{}",
        last.reason
    );
    assert!(
        last.origin
            .starts_with(&format!("{}:", cut_lines.display()))
    );

    let fake = write(dir.path(), "fake.html.gz", b"<p>not compressed</p>");
    assert_eq!(
        reason(&fake),
        "corrupt gzip data: the file does not start with the gzip signature"
    );
}

/// Runs `f` on a thread with a 2 MiB stack, as test threads and many servers have.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn html_nested_100000_deep_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<html><body>{}<p>deep</p></body></html>",
        "<div>".repeat(100_000)
    );
    let path = write(dir.path(), "deep.html", page.as_bytes());
    let r = on_small_stack(move || reason(&path));
    assert_eq!(r, "HTML nested deeper than 512 elements");

    let shallow = ReadOptions {
        max_depth: 100_000,
        ..ReadOptions::default()
    };
    let tolerant = format!(
        "<html><body>{}<p>deep text</p></body></html>",
        "<div>".repeat(3000)
    );
    let path = write(dir.path(), "deep3000.html", tolerant.as_bytes());
    let text = on_small_stack(move || {
        let out = read_then_good(&path, shallow);
        out[0].as_ref().map(|a| a.text.clone()).unwrap()
    });
    assert_eq!(
        text, "deep text",
        "walks are iterative: deep but allowed pages read on a small stack"
    );
}

#[test]
fn deep_feeds_and_json_do_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let content = format!("{}x", "<div>".repeat(100_000))
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>F</title><item><description>{content}</description></item></channel></rss>"
    );
    let deep_item = write(dir.path(), "deep.rss", feed.as_bytes());
    let xml = format!(
        "<rss version=\"2.0\"><channel>{}</channel></rss>",
        "<x>".repeat(100_000) + &"</x>".repeat(100_000)
    );
    let deep_xml = write(dir.path(), "deepxml.rss", xml.as_bytes());
    let json = format!(
        "{{\"text\": {}1{}}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let deep_json = write(dir.path(), "deep.jsonl", json.as_bytes());
    let (a, b, c) = on_small_stack(move || {
        let item = read_then_good(&deep_item, ReadOptions::default());
        let xml = read_then_good(&deep_xml, ReadOptions::default());
        let json = read_then_good(&deep_json, ReadOptions::default());
        (item, xml, json)
    });
    assert_eq!(
        a[0].as_ref().unwrap_err().reason,
        "HTML nested deeper than 512 elements"
    );
    assert!(a[0].as_ref().unwrap_err().origin.ends_with("deep.rss#1"));
    assert_eq!(b[0].as_ref().unwrap_err().reason, "feed has no items");
    assert!(
        c[0].as_ref()
            .unwrap_err()
            .reason
            .starts_with("invalid JSON: recursion limit exceeded")
    );
}

#[test]
fn invalid_json_and_feeds() {
    let dir = tempfile::tempdir().unwrap();
    let doc = write(dir.path(), "bad.json", b"[{\"text\": \"a\"},");
    assert!(
        reason(&doc).starts_with("invalid JSON: EOF while parsing"),
        "{}",
        reason(&doc)
    );
    let not_object = write(dir.path(), "str.jsonl", b"\"just a string\"\n");
    let out = read_then_good(&not_object, ReadOptions::default());
    assert_eq!(
        out[0].as_ref().unwrap_err().reason,
        "JSON value is a string, not an object"
    );
    let broken = write(
        dir.path(),
        "broken.rss",
        b"<rss version=\"2.0\"><channel><title>x</title><item><title>a</item>",
    );
    let r = reason(&broken);
    assert!(r.starts_with("not a valid RSS/Atom feed"), "{r}");
    let html_as_feed = write(
        dir.path(),
        "page.xml",
        b"<?xml version=\"1.0\"?><note><to>x</to></note>",
    );
    assert_eq!(
        reason(&html_as_feed),
        "not a valid RSS/Atom feed: unable to parse feed: no root element"
    );
}

#[test]
fn tags_with_absurd_attribute_counts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let attrs: String = (0..50_000).map(|i| format!(" a{i}")).collect();
    let page = write(
        dir.path(),
        "attrs.html",
        format!("<div{attrs}><p>text</p></div>").as_bytes(),
    );
    assert_eq!(reason(&page), "an HTML tag has more than 1000 attributes");
}

#[test]
fn one_bad_document_does_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt.gz", b"not gzip");
    write(d, "b.bin", b"\x00\x00\x00");
    write(d, "c.rss", b"<rss><oops");
    write(d, "d.txt", b"Fine\nA good story.");
    write(
        d,
        "e.jsonl",
        b"{\"text\": \"line one\"}\nnot json\n{\"text\": \"line three\"}\n",
    );
    write(d, "f.html", b"");
    let (inputs, skips) = discover(&[d.to_path_buf()]);
    assert!(skips.is_empty());
    let out: Vec<_> = Articles::new(inputs, ReadOptions::default()).collect();
    let texts: Vec<&str> = out
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(texts, ["A good story.", "line one", "line three"]);
    let origins: Vec<String> = out
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|s| s.origin.rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(
        origins,
        ["a.txt.gz", "b.bin", "c.rss", "e.jsonl:2", "f.html"]
    );
}
