//! What a news page says about itself: headline, publication time, outlet, address. Pages
//! say it twice over, in `<meta>` tags (Open Graph, Dublin Core, publishers' own names) and in
//! JSON-LD (`NewsArticle`), and each is missing somewhere; both are read and merged in a
//! fixed order of trust.

use encoding_rs::Encoding;
use scraper::{Html, Node};
use serde_json::Value;
use tacitus_dataset::Timestamp;

use crate::date;

/// `<meta>` names that carry the publication time, in order of trust.
const DATE_NAMES: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];

/// JSON-LD types that are the page's story.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// A page's metadata.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Publication time.
    pub published: Option<Timestamp>,
    /// The outlet.
    pub source: Option<String>,
    /// Canonical address.
    pub url: Option<String>,
    /// The publisher's identifier (`og:url`).
    pub id: Option<String>,
    /// JSON-LD `articleBody`, for pages whose markup holds no story text.
    pub body: Option<String>,
}

/// The story's fields from JSON-LD.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

/// A string field, trimmed, non-empty.
fn string(v: Option<&Value>) -> Option<String> {
    let s = v?.as_str()?.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Whether a JSON-LD node is of one of the story types.
fn is_article(node: &Value) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

/// Reads one JSON-LD block: the first story node at the top, in an array, or in `@graph`.
fn linked_data(json: &str) -> Option<LinkedData> {
    let value: Value = serde_json::from_str(json.trim()).ok()?;
    let mut nodes: Vec<&Value> = Vec::new();
    let tops: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        v => vec![v],
    };
    for top in tops {
        nodes.push(top);
        if let Some(Value::Array(graph)) = top.get("@graph") {
            nodes.extend(graph.iter());
        }
    }
    let story = nodes.iter().find(|n| is_article(n))?;
    let by_id = |id: &str| {
        nodes
            .iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
    };
    let publisher = match story.get("publisher") {
        Some(Value::Array(ps)) => ps.first(),
        p => p,
    };
    let publisher = match publisher {
        Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(p @ Value::Object(_)) => string(p.get("name")).or_else(|| {
            let id = p.get("@id")?.as_str()?;
            string(by_id(id)?.get("name"))
        }),
        _ => None,
    };
    let url = string(story.get("url")).or_else(|| match story.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(v) => string(v.get("@id")),
        None => None,
    });
    Some(LinkedData {
        headline: string(story.get("headline")).or_else(|| string(story.get("name"))),
        published: string(story.get("datePublished")).or_else(|| string(story.get("dateCreated"))),
        publisher,
        url,
        body: string(story.get("articleBody")),
    })
}

/// The host of an absolute URL without `www.`: `https://www.bbc.co.uk/news` → `bbc.co.uk`.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && !host.starts_with('.')).then(|| host.to_string())
}

/// Cuts a trailing ` | Outlet` or ` - Outlet` that repeats the source off a headline.
fn without_site(title: &str, source: Option<&str>) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(source) = source {
        for sep in [" | ", " - ", " – ", " — "] {
            if let Some((head, tail)) = title.rsplit_once(sep)
                && tail.eq_ignore_ascii_case(source.trim())
                && !head.is_empty()
            {
                return head.to_string();
            }
        }
    }
    title
}

/// Reads a parsed page's metadata.
pub(crate) fn read(doc: &Html) -> Meta {
    let mut metas: Vec<(String, String)> = Vec::new();
    let (mut canonical, mut time, mut title_tag) = (None, None, None);
    let mut linked = LinkedData::default();
    for node in doc.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "meta" => {
                let key = el
                    .attr("property")
                    .or(el.attr("name"))
                    .or(el.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, el.attr("content").or(el.attr("datetime")))
                    && !v.trim().is_empty()
                {
                    metas.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                }
            }
            "link"
                if el.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("canonical"))
                }) =>
            {
                canonical = canonical.or(el.attr("href").map(|h| h.trim().to_string()));
            }
            "time" => {
                let main =
                    el.attr("itemprop") == Some("datePublished") || el.attr("pubdate").is_some();
                if let Some(t) = el.attr("datetime").and_then(date::parse) {
                    match time {
                        None => time = Some((t, main)),
                        Some((_, false)) if main => time = Some((t, true)),
                        _ => {}
                    }
                }
            }
            "title" if title_tag.is_none() => {
                let t: String = node
                    .descendants()
                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                    .collect();
                title_tag = Some(t).filter(|t| !t.trim().is_empty());
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let json: String = node
                    .children()
                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                    .collect();
                if let Some(found) = linked_data(&json) {
                    linked.headline = linked.headline.or(found.headline);
                    linked.published = linked.published.or(found.published);
                    linked.publisher = linked.publisher.or(found.publisher);
                    linked.url = linked.url.or(found.url);
                    linked.body = linked.body.or(found.body);
                }
            }
            _ => {}
        }
    }
    let meta = |k: &str| {
        metas
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    let published = DATE_NAMES
        .iter()
        .find_map(|k| meta(k).and_then(|v| date::parse(&v)))
        .or_else(|| linked.published.as_deref().and_then(date::parse))
        .or(time.map(|(t, _)| t));
    let og_url = meta("og:url");
    let url = canonical
        .filter(|c| !c.is_empty())
        .or(og_url.clone())
        .or(linked.url);
    let source = meta("og:site_name")
        .or(linked.publisher)
        .or_else(|| meta("application-name"))
        .or_else(|| url.as_deref().and_then(host));
    let title = meta("og:title")
        .or(linked.headline)
        .or_else(|| meta("twitter:title"))
        .or(title_tag)
        .map(|t| without_site(&t, source.as_deref()))
        .filter(|t| !t.is_empty());
    Meta {
        title,
        published,
        source,
        url,
        id: og_url,
        body: linked.body,
    }
}

/// The charset a page declares in its first 4 KiB (`<meta charset>` or `http-equiv`).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].windows(5).position(|w| w == b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = tag.windows(7).position(|w| w == b"charset") {
            let value = tag[c + 7..]
                .iter()
                .skip_while(|b| {
                    b.is_ascii_whitespace() || **b == b'=' || **b == b'"' || **b == b'\''
                })
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .copied()
                .collect::<Vec<u8>>();
            if let Some(e) = Encoding::for_label(&value) {
                return Some(e);
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.bbc.co.uk/news/1?x#y").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            host("http://user@Example.com:8080").as_deref(),
            Some("example.com")
        );
        assert_eq!(host("/news/1"), None);
        assert_eq!(host("http://localhost/"), None);
    }

    #[test]
    fn json_ld_graph_and_publisher_reference() {
        let ld = r##"{"@context": "https://schema.org", "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Daily Planet"},
            {"@type": ["NewsArticle"], "headline": "H", "datePublished": "2024-06-14T08:00:00+02:00",
             "publisher": {"@id": "#org"}, "mainEntityOfPage": {"@id": "https://dp.example/a"}}]}"##;
        let d = linked_data(ld).unwrap();
        assert_eq!(d.headline.as_deref(), Some("H"));
        assert_eq!(d.publisher.as_deref(), Some("Daily Planet"));
        assert_eq!(d.url.as_deref(), Some("https://dp.example/a"));
        assert!(linked_data(r#"{"@type": "WebSite", "name": "x"}"#).is_none());
    }

    #[test]
    fn titles_lose_the_site_name() {
        assert_eq!(
            without_site("Talks  fail | Reuters", Some("Reuters")),
            "Talks fail"
        );
        assert_eq!(
            without_site("Talks fail - again", Some("Reuters")),
            "Talks fail - again"
        );
    }

    #[test]
    fn charsets() {
        assert_eq!(
            declared_charset(b"<html><meta charset=\"ISO-8859-1\">").map(|e| e.name()),
            Some("windows-1252")
        );
        assert_eq!(
            declared_charset(b"<META http-equiv=Content-Type content='text/html; charset=koi8-r'>")
                .map(|e| e.name()),
            Some("KOI8-R")
        );
        assert_eq!(declared_charset(b"<meta name=x><p>charset=utf-8"), None);
    }
}
