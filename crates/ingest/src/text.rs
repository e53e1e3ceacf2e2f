//! Plain text: the first non-empty line is the headline, the rest is the body. Also the
//! white-space tidying every format's body goes through, so that paragraphs always come out
//! separated by exactly one blank line.

use tacitus_dataset::Article;

/// Tidies a body: line breaks to `\n`, trailing spaces off each line, runs of blank lines to
/// one, no blank lines at either end.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text
        .lines()
        .map(|l| l.trim_end_matches(['\r', ' ', '\t', '\u{a0}']))
    {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// Reads a plain-text document. A document of a single line is all body, no headline.
pub(crate) fn read(text: &str, origin: &str) -> Article {
    let text = tidy(text);
    let (title, body) = match text.split_once('\n') {
        Some((first, rest)) => (
            Some(first.trim().to_string()),
            rest.trim_start().to_string(),
        ),
        None => (None, text),
    };
    Article {
        origin: origin.to_string(),
        title,
        text: body,
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_then_body() {
        let a = read(
            "\r\n  Iran and Iraq sign accord \r\n\r\n\r\nFirst paragraph.\r\nstill first.\r\n\r\nSecond.\n\n",
            "a.txt",
        );
        assert_eq!(a.title.as_deref(), Some("Iran and Iraq sign accord"));
        assert_eq!(a.text, "First paragraph.\nstill first.\n\nSecond.");
        assert_eq!(a.origin, "a.txt");
    }

    #[test]
    fn one_line_is_body() {
        let a = read("Protesters marched in Minsk.\n", "-");
        assert_eq!(a.title, None);
        assert_eq!(a.text, "Protesters marched in Minsk.");
    }
}
