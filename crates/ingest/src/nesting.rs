//! A cheap look at HTML nesting before parsing. html5ever copes with any depth, but its tree
//! builder searches the stack of open elements for most start tags, so 100,000 nested `<div>`
//! take it most of a minute, and a tag with a hundred thousand attributes is quadratic too.
//! This scan follows the tree builder's stack closely enough to bound both: it counts the
//! elements that stay open until closed (not `p`, `li`, table cells and the other elements
//! whose end tags are implied, nor void elements), pops to the matching start on an end tag,
//! and skips comments and the raw text of `script`, `style` and the like.

use crate::error::ReadError;

/// The most attributes accepted on one tag.
pub(crate) const MAX_ATTRIBUTES: usize = 1000;

/// Elements without content.
const VOID: [&str; 17] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source",
];

/// Elements whose end tag the parser implies, so that they do not pile up.
const IMPLIED: [&str; 23] = [
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// Elements whose content is text up to their end tag.
const RAW: [&str; 9] = [
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// Elements that close an open element of the same name when they start.
const NO_SELF_NESTING: [&str; 11] = [
    "a", "button", "form", "h1", "h2", "h3", "h4", "h5", "h6", "nobr", "select",
];

/// The position just after the first `needle` (ASCII, any case) at or after `from`.
fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| from + i + needle.len())
}

/// Refuses HTML that would nest deeper than `max_depth` elements or has a tag with more than
/// [`MAX_ATTRIBUTES`] attributes.
pub(crate) fn check(html: &str, max_depth: usize) -> Result<(), ReadError> {
    let b = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut foreign = 0usize;
    let mut i = 0;
    while let Some(lt) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        i += lt + 1;
        if b[i..].starts_with(b"!--") {
            i = find_ci(b, i + 3, b"-->").unwrap_or(b.len());
            continue;
        }
        let end_tag = b.get(i) == Some(&b'/');
        let name_start = i + usize::from(end_tag);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':'))
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            // `<!doctype>`, `<?xml …>`, or a stray `<` in text.
            if matches!(b.get(i), Some(b'!' | b'?')) {
                i = find_ci(b, i, b">").unwrap_or(b.len());
            }
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let (tag_end, self_closing, attributes) = scan_tag(b, name_start + name_len);
        i = tag_end;
        if attributes > MAX_ATTRIBUTES {
            return Err(ReadError::TooManyAttributes(MAX_ATTRIBUTES));
        }
        if end_tag {
            if let Some(at) = open.iter().rposition(|n| *n == name) {
                foreign -= open[at..].iter().filter(|n| is_foreign(n)).count();
                open.truncate(at);
            }
            continue;
        }
        if RAW.contains(&name.as_str()) {
            i = find_ci(b, i, format!("</{name}").as_bytes()).unwrap_or(b.len());
            continue;
        }
        if name == "plaintext" {
            break;
        }
        if VOID.contains(&name.as_str()) || IMPLIED.contains(&name.as_str()) {
            continue;
        }
        if self_closing && foreign > 0 {
            continue;
        }
        if NO_SELF_NESTING.contains(&name.as_str())
            && let Some(at) = open.iter().rposition(|n| *n == name)
        {
            foreign -= open[at..].iter().filter(|n| is_foreign(n)).count();
            open.truncate(at);
        }
        foreign += usize::from(is_foreign(&name));
        open.push(name);
        if open.len() > max_depth {
            return Err(ReadError::TooDeep(max_depth));
        }
    }
    Ok(())
}

/// `svg` and `math`, inside which `<x/>` closes itself.
fn is_foreign(name: &str) -> bool {
    name == "svg" || name == "math"
}

/// Where the scan of a tag is.
#[derive(PartialEq)]
enum In {
    Between,
    Name,
    AfterEquals,
    Value,
}

/// From just after a tag's name: where the tag ends, whether it ends in `/>`, and how many
/// attributes it has.
fn scan_tag(b: &[u8], mut i: usize) -> (usize, bool, usize) {
    let (mut attributes, mut state, mut last) = (0, In::Between, 0u8);
    while let Some(&c) = b.get(i) {
        match c {
            b'>' => return (i + 1, last == b'/', attributes),
            b'"' | b'\'' if state == In::AfterEquals => {
                i = b[i + 1..]
                    .iter()
                    .position(|&q| q == c)
                    .map_or(b.len(), |p| i + 2 + p);
                state = In::Between;
                last = c;
                continue;
            }
            b'=' if state != In::Value => state = In::AfterEquals,
            c if c.is_ascii_whitespace() && state != In::AfterEquals => state = In::Between,
            b'/' if state != In::Value => state = In::Between,
            c if c.is_ascii_whitespace() => {}
            _ => match state {
                In::Between => {
                    attributes += 1;
                    state = In::Name;
                }
                In::AfterEquals => state = In::Value,
                In::Name | In::Value => {}
            },
        }
        if !c.is_ascii_whitespace() {
            last = c;
        }
        i += 1;
    }
    (b.len(), false, attributes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_divs_are_refused() {
        let html = "<div>".repeat(100_000);
        assert!(matches!(check(&html, 512), Err(ReadError::TooDeep(512))));
        assert!(check(&"<div>".repeat(512), 512).is_ok());
    }

    #[test]
    fn implied_and_closed_elements_do_not_count() {
        let page = format!(
            "<!doctype html><html><body>{}{}{}<script>{}</script><!-- {} --></body></html>",
            "<p>para".repeat(2000),
            "<div><span>x</span></div>".repeat(2000),
            "<ul><li>a<li>b</ul><img src=x><br/>".repeat(2000),
            "<div>".repeat(2000),
            "<div>".repeat(2000),
        );
        assert!(check(&page, 16).is_ok());
        let svg = format!("<svg>{}</svg>", "<path d='M0 0'/>".repeat(2000));
        assert!(check(&svg, 16).is_ok());
        assert!(check(&"<a href=x>link ".repeat(2000), 16).is_ok());
    }

    #[test]
    fn attributes_are_counted() {
        let many = format!(
            "<div {}>",
            (0..1001)
                .map(|i| format!("a{i}=\"v>\""))
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(matches!(
            check(&many, 512),
            Err(ReadError::TooManyAttributes(1000))
        ));
        let few = format!(
            "<div {}>",
            (0..1000)
                .map(|i| format!("a{i}=x/y{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(check(&few, 512).is_ok());
    }
}
