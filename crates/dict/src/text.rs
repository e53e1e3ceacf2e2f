//! Line handling shared by the readers: comments and blank lines, as PETRARCH-2 skips them.

/// One significant line of a dictionary file.
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: u32,
    /// The content with comments removed, trimmed at the end.
    pub text: &'a str,
    /// The text after the first `#`, if any, trimmed.
    pub comment: Option<&'a str>,
}

/// The byte index of the first `#` outside `[...]` (a `#` inside a code bracket, as in the
/// test dictionary's `[###]`, is part of the code).
fn comment_start(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'#' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// Iterates the lines that carry content: `#` starts a comment anywhere on a line (PETRARCH-2
/// cuts at the first `#`, here the first outside `[...]`), `<!-- ... -->` comments (possibly spanning lines) are removed, and
/// blank lines are skipped.
pub(crate) fn lines(input: &str) -> impl Iterator<Item = Line<'_>> {
    let mut in_xml_comment = false;
    input.lines().enumerate().filter_map(move |(i, raw)| {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let mut text = raw;
        if in_xml_comment {
            match text.find("-->") {
                Some(p) => {
                    in_xml_comment = false;
                    text = &text[p + 3..];
                }
                None => return None,
            }
        }
        let (body, comment) = match comment_start(text) {
            Some(p) => (&text[..p], Some(text[p + 1..].trim())),
            None => (text, None),
        };
        let mut body = body;
        if let Some(p) = body.find("<!--") {
            match body[p..].find("-->") {
                Some(q) if body[p + q + 3..].trim().is_empty() => body = &body[..p],
                Some(_) => body = &body[..p],
                None => {
                    in_xml_comment = true;
                    body = &body[..p];
                }
            }
        } else if body.trim_start().starts_with("<!") {
            body = "";
        }
        let body = body.trim_end();
        if body.trim().is_empty() {
            None
        } else {
            Some(Line {
                no,
                text: body,
                comment,
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_blanks() {
        let input = "# header\n\nA [X] # note\n<!-- one\ntwo -->\n<!-- x --> \nB\n";
        let got: Vec<_> = lines(input).map(|l| (l.no, l.text, l.comment)).collect();
        assert_eq!(got, vec![(3, "A [X]", Some("note")), (7, "B", None)]);
    }
}
