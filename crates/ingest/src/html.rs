//! Main-text extraction from news pages. A page carries the story among navigation, weather
//! and market widgets, share bars, related-story lists, newsletter boxes, comments and
//! consent banners; coding those would invent events. The story is found as the
//! `[itemprop=articleBody]`, else the `<article>` holding most of the page's paragraph text,
//! else the block whose paragraphs hold the most text (links not counted), and boilerplate
//! inside it is dropped by element (`nav`, `aside`, `form`, …), by ARIA role and by class, id
//! and `aria-label` words. A class is not trusted over the text, though: an element holding
//! more than half of the page's paragraph text is the story, whatever its class says.
//!
//! When the page's JSON-LD `articleBody` is longer than what the markup gave (pages that
//! render the story with scripts), it is the text.
//!
//! Every walk over the tree is iterative (html5ever builds any depth; [`crate::nesting`]
//! refuses absurd depths before parsing because the parser itself slows down on them).

use std::collections::{HashMap, HashSet};

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};
use tacitus_dataset::Article;

use crate::error::ReadError;
use crate::{meta, nesting, text};

/// Elements that are never story text.
const DROP_TAGS: &[&str] = &[
    "aside",
    "audio",
    "button",
    "canvas",
    "dialog",
    "embed",
    "figcaption",
    "figure",
    "footer",
    "form",
    "head",
    "header",
    "iframe",
    "img",
    "input",
    "label",
    "link",
    "map",
    "menu",
    "meta",
    "nav",
    "noscript",
    "object",
    "picture",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
];

/// ARIA roles of page furniture.
const DROP_ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "form",
    "menu",
    "menubar",
    "navigation",
    "search",
    "toolbar",
];

/// Words of class names and ids that mark boilerplate (`share-bar`, `relatedStories`).
const DROP_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adverts",
    "author",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "credit",
    "disqus",
    "embed",
    "footer",
    "forecast",
    "gdpr",
    "header",
    "markets",
    "masthead",
    "menu",
    "modal",
    "more",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "overlay",
    "popular",
    "popup",
    "promo",
    "quotes",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "stock",
    "stocks",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "ticker",
    "toolbar",
    "trending",
    "weather",
];

/// Pieces of run-together class names that mark boilerplate (`sharebar`, `cookiebanner`).
const DROP_PIECES: &[&str] = &[
    "advert",
    "breadcrumb",
    "consent",
    "cookie",
    "newsletter",
    "outbrain",
    "paywall",
    "promo",
    "recommend",
    "related",
    "sharebar",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "subscribe",
    "taboola",
    "ticker",
    "tweet",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
];

/// Whether the element itself is page furniture by its name, role or visibility.
fn furniture(el: &Element) -> bool {
    let hidden = el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        });
    hidden
        || DROP_TAGS.contains(&el.name())
        || el
            .attr("role")
            .is_some_and(|r| DROP_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
}

/// Splits `share-bar relatedStories` into `share`, `bar`, `related`, `stories`.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_alphanumeric() {
            prev_lower = false;
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether the element's class, id or `aria-label` names boilerplate.
fn boilerplate_name(el: &Element) -> bool {
    let names = [
        el.attr("class"),
        el.attr("id"),
        el.attr("aria-label"),
        el.attr("data-component"),
    ];
    names.into_iter().flatten().any(|v| {
        let lower = v.to_lowercase();
        words(v).iter().any(|w| DROP_WORDS.contains(&w.as_str()))
            || DROP_PIECES.iter().any(|p| lower.contains(p))
    })
}

/// What the analysis of a page found.
struct Analysis {
    /// Elements left out with their content.
    dropped: HashSet<ego_tree::NodeId>,
    /// Each element's paragraph text (characters outside links) outside dropped elements.
    kept: HashMap<ego_tree::NodeId, usize>,
    /// Readability-style block scores: a paragraph's text to its parent, half to the parent's
    /// parent.
    scores: HashMap<ego_tree::NodeId, usize>,
}

/// Paragraph text of each element (links not counted), with `skip` subtrees left out; each
/// `<p>`'s own count in `own`.
fn paragraph_text(
    top: NodeRef<'_, Node>,
    skip: &dyn Fn(NodeRef<'_, Node>) -> bool,
) -> (
    HashMap<ego_tree::NodeId, usize>,
    HashMap<ego_tree::NodeId, usize>,
) {
    let (mut totals, mut own) = (HashMap::new(), HashMap::new());
    let mut sums: Vec<usize> = vec![0];
    let (mut links, mut paragraph) = (0usize, None::<(ego_tree::NodeId, usize)>);
    let mut skipping = None;
    for edge in top.traverse() {
        match edge {
            Edge::Open(_) if skipping.is_some() => {}
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if skip(node) {
                        skipping = Some(node.id());
                        continue;
                    }
                    sums.push(0);
                    match el.name() {
                        "a" => links += 1,
                        "p" if paragraph.is_none() => paragraph = Some((node.id(), 0)),
                        _ => {}
                    }
                }
                Node::Text(t) if links == 0 => {
                    if let Some((_, n)) = paragraph.as_mut() {
                        *n += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() || !node.value().is_element() {
                    continue;
                }
                let mut total = sums.pop().unwrap_or(0);
                match paragraph {
                    Some((id, n)) if id == node.id() => {
                        own.insert(id, n);
                        total += n;
                        paragraph = None;
                    }
                    _ => {}
                }
                if node.value().as_element().is_some_and(|e| e.name() == "a") {
                    links -= 1;
                }
                if total > 0 {
                    totals.insert(node.id(), total);
                }
                if let Some(parent) = sums.last_mut() {
                    *parent += total;
                }
            }
        }
    }
    (totals, own)
}

/// Decides what is boilerplate and scores the blocks of the tree under `top`.
fn analyse(top: NodeRef<'_, Node>) -> Analysis {
    let is_furniture = |n: NodeRef<'_, Node>| n.value().as_element().is_some_and(furniture);
    let (totals, _) = paragraph_text(top, &is_furniture);
    let page = totals.values().copied().max().unwrap_or(0);
    let mut dropped = HashSet::new();
    for node in top.descendants() {
        if let Node::Element(el) = node.value() {
            let story = totals.get(&node.id()).copied().unwrap_or(0) * 2 > page;
            if furniture(el) || (!story && boilerplate_name(el)) {
                dropped.insert(node.id());
            }
        }
    }
    let (kept, own) = paragraph_text(top, &|n| dropped.contains(&n.id()));
    let mut scores: HashMap<ego_tree::NodeId, usize> = HashMap::new();
    for (&id, &n) in own.iter().filter(|(_, n)| **n >= 25) {
        let parent = top.tree().get(id).and_then(|p| p.parent());
        if let Some(parent) = parent {
            *scores.entry(parent.id()).or_default() += n;
            if let Some(grand) = parent.parent() {
                *scores.entry(grand.id()).or_default() += n / 2;
            }
        }
    }
    Analysis {
        dropped,
        kept,
        scores,
    }
}

/// The element holding the story.
fn story_root<'a>(top: NodeRef<'a, Node>, a: &Analysis) -> NodeRef<'a, Node> {
    let tree = top.tree();
    let kept = |n: &NodeRef<'_, Node>| a.kept.get(&n.id()).copied().unwrap_or(0);
    let in_dropped = |n: &NodeRef<'_, Node>| {
        std::iter::once(*n)
            .chain(n.ancestors())
            .any(|x| a.dropped.contains(&x.id()))
    };
    let page = a.kept.values().copied().max().unwrap_or(0);
    let best = |pred: &dyn Fn(&Element) -> bool| {
        top.descendants()
            .filter(|n| n.value().as_element().is_some_and(pred) && kept(n) > 0 && !in_dropped(n))
            .max_by_key(|n| kept(n))
    };
    if let Some(body) = best(&|e| {
        e.attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody"))
    }) {
        return body;
    }
    if let Some(article) = best(&|e| e.name() == "article").filter(|n| kept(n) * 2 >= page) {
        return article;
    }
    let scored = a
        .scores
        .iter()
        .max_by_key(|(id, s)| (**s, std::cmp::Reverse(**id)));
    if let Some(block) = scored.and_then(|(id, _)| tree.get(*id)) {
        return block;
    }
    top.descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        .unwrap_or(top)
}

/// Paragraphs being collected.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    space: bool,
}

impl Paragraphs {
    /// Appends text, white space collapsed.
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.current.is_empty() && !self.current.ends_with('\n') {
                    self.current.push(' ');
                }
                self.space = false;
                self.current.push(c);
            }
        }
    }

    /// A `<br>`: a line break, or a paragraph break after another.
    fn line_break(&mut self) {
        if self.current.ends_with('\n') {
            self.end();
        } else if !self.current.is_empty() {
            self.current.push('\n');
        }
        self.space = false;
    }

    /// Ends the paragraph.
    fn end(&mut self) {
        let p = self.current.trim();
        if !p.is_empty() {
            self.done.push(p.to_string());
        }
        self.current.clear();
        self.space = false;
    }
}

/// The text under `root` without dropped elements, one paragraph per block.
fn text_of(root: NodeRef<'_, Node>, dropped: &HashSet<ego_tree::NodeId>) -> Vec<String> {
    let mut out = Paragraphs::default();
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Element(_) if dropped.contains(&node.id()) => skipping = Some(node.id()),
                Node::Element(el) if el.name() == "br" => out.line_break(),
                Node::Element(el) if BLOCKS.contains(&el.name()) => out.end(),
                Node::Element(el) if matches!(el.name(), "td" | "th") => out.text(" "),
                Node::Text(t) => out.text(t),
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            Edge::Close(node) if skipping.is_none() => {
                if node
                    .value()
                    .as_element()
                    .is_some_and(|e| BLOCKS.contains(&e.name()))
                {
                    out.end();
                }
            }
            Edge::Close(_) => {}
        }
    }
    out.end();
    out.done
}

/// Reads a whole news page: metadata and the story's text.
pub(crate) fn page(html: &str, origin: &str, max_depth: usize) -> Result<Article, ReadError> {
    nesting::check(html, max_depth)?;
    let doc = Html::parse_document(html);
    let top = doc.tree.root();
    let analysis = analyse(top);
    let root = story_root(top, &analysis);
    let mut paragraphs = text_of(root, &analysis.dropped);
    let meta = meta::read(&doc);
    let title = meta.title.or_else(|| {
        top.descendants()
            .filter(|n| !analysis.dropped.contains(&n.id()))
            .find_map(|n| {
                n.value()
                    .as_element()
                    .filter(|e| e.name() == "h1")
                    .map(|_| n)
            })
            .map(|h1| text_of(h1, &HashSet::new()).join(" "))
            .filter(|t| !t.is_empty())
    });
    if let (Some(first), Some(t)) = (paragraphs.first(), title.as_deref())
        && first.eq_ignore_ascii_case(t.trim())
    {
        paragraphs.remove(0);
    }
    let mut body = paragraphs.join("\n\n");
    // JSON-LD `articleBody` stands in when the markup gave less (script-rendered pages).
    if let Some(ld) = meta.body.map(|b| text::tidy(&b))
        && ld.chars().count() > body.chars().count()
    {
        body = ld;
    }
    Ok(Article {
        origin: origin.to_string(),
        id: meta.id,
        url: meta.url,
        title,
        text: body,
        published: meta.published,
        source: meta.source,
        ..Article::default()
    })
}

/// The text of an HTML fragment (a feed item's content), boilerplate dropped.
pub(crate) fn fragment(html: &str, max_depth: usize) -> Result<String, ReadError> {
    nesting::check(html, max_depth)?;
    let doc = Html::parse_fragment(html);
    let top = doc.tree.root();
    let analysis = analyse(top);
    Ok(text_of(top, &analysis.dropped).join("\n\n"))
}
