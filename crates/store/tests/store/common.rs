//! Builds coded articles for the store's tests, and reads a whole store back.

use tacitus_coder::{Citation, Participant, Rule, VerbSpan};
use tacitus_dataset::{
    Article, CodedArticle, Date, Dispute, Event, EventRecord, MentionRecord, Section, SentenceSpan,
    Timestamp,
};
use tacitus_store::{Filter, Stats, Store};

/// A report to code into an article: sentence index, source, target, event code.
#[derive(Debug, Clone)]
pub struct Report {
    pub sentence: usize,
    pub source: Option<String>,
    pub target: Option<String>,
    pub code: String,
    pub negated: bool,
}

/// A report of `code` by `source` against `target` in sentence `sentence`.
pub fn report(sentence: usize, source: &str, target: &str, code: &str) -> Report {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Report {
        sentence,
        source: opt(source),
        target: opt(target),
        code: code.to_string(),
        negated: false,
    }
}

/// The day `n` days after 2024-03-01.
pub fn day(n: i64) -> Date {
    Timestamp((19_783 + n) * 86_400).date().unwrap()
}

/// An article of `outlet` published on day `d` at `hour`, with a headline and paragraphs of
/// sentences (the headline is sentence 0, then the body's sentences in order).
pub fn article(
    outlet: &str,
    d: i64,
    hour: u32,
    title: &str,
    paragraphs: &[&[&str]],
    reports: &[Report],
) -> CodedArticle {
    let body: Vec<String> = paragraphs.iter().map(|p| p.join(" ")).collect();
    let slug: String = title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(24)
        .collect();
    let article = Article {
        origin: format!("{outlet}/{d}/{slug}.json"),
        id: None,
        url: Some(format!("https://{outlet}/{d}/{slug}")),
        title: Some(title.to_string()),
        text: body.join("\n\n"),
        published: Some(Timestamp::from_civil(day(d), hour, 0, 0).unwrap()),
        source: Some(outlet.to_string()),
        place: None,
        metadata: Default::default(),
    };
    let text = article.coded_text();
    let mut sentences = vec![SentenceSpan {
        section: Section::Headline,
        start: 0,
        end: title.chars().count(),
    }];
    let mut at = title.chars().count() + 2;
    for p in paragraphs {
        for s in p.iter() {
            let n = s.chars().count();
            sentences.push(SentenceSpan {
                section: Section::Body,
                start: at,
                end: at + n,
            });
            at += n + 1;
        }
        at += 1;
    }
    let date = day(d).to_string();
    let events = reports
        .iter()
        .map(|r| {
            let s = sentences[r.sentence];
            let who = |code: &Option<String>, at: usize| {
                code.as_ref().map(|c| Participant {
                    code: c.clone(),
                    text: format!("{} in {outlet}", c.to_lowercase()),
                    start: at,
                    end: at + 1,
                })
            };
            Event {
                doc_id: article.origin.clone(),
                section: s.section,
                sentence: r.sentence,
                source: who(&r.source, s.start),
                target: who(&r.target, s.end - 1),
                verb: VerbSpan {
                    text: "met".into(),
                    start: s.start,
                    end: s.start + 1,
                },
                event_code: r.code.clone(),
                base_code: r.code[..3.min(r.code.len())].to_string(),
                root_code: r.code[..2.min(r.code.len())].to_string(),
                quad_class: Some(if r.code.as_str() < "06" { 1 } else { 4 }),
                goldstein: Some(if r.code.as_str() < "06" { 3.5 } else { -9.0 }),
                plover_event: Some("CONSULT".into()),
                plover_mode: None,
                negated: r.negated,
                modality: None,
                reported_by: None,
                rule: Rule {
                    verb: Citation {
                        entry: format!("VERB {}", r.code),
                        at: "verbs.txt:1".into(),
                    },
                    pattern: None,
                    source: vec![],
                    target: vec![],
                    source_via: None,
                    target_via: None,
                    complement: None,
                    refinement: None,
                },
                date: Some(date.clone()),
                geo: None,
                tone: None,
            }
        })
        .collect();
    CodedArticle {
        hash: article.hash(),
        sentences,
        words: text.split_whitespace().count(),
        text,
        events,
        discarded_by: None,
        published: article.published.unwrap(),
        article,
    }
}

/// A story body of `n` distinct words: different seeds give unrelated texts.
pub fn prose(seed: u64, n: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ter", "sun", "va", "dre", "po", "lis", "gan", "or", "ben", "ru", "shi",
        "tal", "ex",
    ];
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut words = Vec::with_capacity(n);
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let a = SYLLABLES[(x % 16) as usize];
        let b = SYLLABLES[((x >> 8) % 16) as usize];
        let c = SYLLABLES[((x >> 16) % 16) as usize];
        words.push(format!("{a}{b}{c}"));
    }
    words.join(" ")
}

/// Everything a store gives out, in its order.
#[derive(Debug, PartialEq)]
pub struct Dump {
    pub events: Vec<EventRecord>,
    pub mentions: Vec<MentionRecord>,
    pub disputes: Vec<Dispute>,
    pub stats: Stats,
}

impl Dump {
    /// The JSON text of the dump (events, mentions, disputes), for byte comparisons.
    pub fn json(&self) -> String {
        serde_json::to_string(&(&self.events, &self.mentions, &self.disputes)).unwrap()
    }
}

/// Reads every event, mention and dispute of a store.
pub fn dump(store: &Store) -> Dump {
    let all = Filter::default();
    let mut events = Vec::new();
    store
        .for_each_event(&all, |e| {
            events.push(e);
            Ok::<(), tacitus_store::Error>(())
        })
        .unwrap();
    let mut mentions = Vec::new();
    store
        .for_each_mention(&all, |m| {
            mentions.push(m);
            Ok::<(), tacitus_store::Error>(())
        })
        .unwrap();
    let mut disputes = Vec::new();
    store
        .for_each_dispute(&all, |d| {
            disputes.push(d);
            Ok::<(), tacitus_store::Error>(())
        })
        .unwrap();
    Dump {
        events,
        mentions,
        disputes,
        stats: store.stats().unwrap(),
    }
}

/// The events a filter selects.
pub fn events(store: &Store, filter: &Filter) -> Vec<EventRecord> {
    let mut out = Vec::new();
    store
        .for_each_event(filter, |e| {
            out.push(e);
            Ok::<(), tacitus_store::Error>(())
        })
        .unwrap();
    out
}

/// A fresh store in a temporary directory (kept alive by the returned guard).
pub fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("events.db")).unwrap();
    (dir, store)
}
