//! Issue lists (`*.IssueCoding.txt`): phrases that tag an event with issues (education,
//! atrocities, ...), read so events can carry them.
//!
//! Format (PETRARCH-2): `<ISSUE CATEGORY="...">` … `</ISSUE>` sections of `phrase [CODE]`
//! lines. In a phrase `n:word` also matches the regular plural, `v:word` the regular verb
//! forms (`S`, `ED`/`D`, `ING`), and `a+b` both `a b` and `a-b`; all forms are expanded
//! here. `~phrase` (sentence) and `~~phrase` (story) are exclusion phrases.

use std::path::Path;
use std::sync::Arc;

use crate::text::lines;
use crate::{DictError, Loc, Phrase, Warning};

/// One issue phrase with its expanded forms.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueEntry {
    /// The phrase as written (upper-cased), e.g. `ETHNIC V:PURGE`.
    pub pattern: String,
    /// Every word sequence the pattern matches.
    pub forms: Vec<Phrase>,
    /// The issue code, e.g. `ID_ATROCITY`.
    pub code: String,
    /// The enclosing `<ISSUE CATEGORY="...">`, if any.
    pub category: Option<String>,
    /// Where the entry is.
    pub line: Loc,
}

/// An exclusion phrase: when found, issues of its section are not coded.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueExclusion {
    /// The phrase.
    pub phrase: Phrase,
    /// `true` for `~~` (whole story), `false` for `~` (sentence).
    pub story: bool,
    /// The enclosing category, if any.
    pub category: Option<String>,
    /// Where the entry is.
    pub line: Loc,
}

/// The issue phrases and exclusions of a file, in file order.
#[derive(Debug, Clone, Default)]
pub struct IssueList {
    /// Issue phrases.
    pub entries: Vec<IssueEntry>,
    /// Exclusion phrases.
    pub exclusions: Vec<IssueExclusion>,
    /// Lines PETRARCH-2 tolerates (skipped or partly read), with what was done.
    pub warnings: Vec<Warning>,
}

/// Expands `n:`, `v:` and `+` in an (upper-case) issue pattern into word sequences.
fn expand(pattern: &str) -> Vec<Vec<String>> {
    let mut forms: Vec<Vec<String>> = vec![Vec::new()];
    for word in pattern.split_whitespace() {
        let alts: Vec<Vec<String>> = if let Some(w) = word.strip_prefix("N:") {
            let plural = match w.strip_suffix('Y') {
                Some(s) => format!("{s}IES"),
                None => format!("{w}S"),
            };
            vec![split_plus(w), split_plus(&plural)]
                .into_iter()
                .flatten()
                .collect()
        } else if let Some(w) = word.strip_prefix("V:") {
            let (ed, ing) = match w.strip_suffix('E') {
                Some(s) => (format!("{w}D"), format!("{s}ING")),
                None => (format!("{w}ED"), format!("{w}ING")),
            };
            [w.to_string(), format!("{w}S"), ed, ing]
                .iter()
                .flat_map(|f| split_plus(f))
                .collect()
        } else {
            split_plus(word)
        };
        let mut next = Vec::with_capacity(forms.len() * alts.len());
        for f in &forms {
            for a in &alts {
                let mut g = f.clone();
                g.extend(a.iter().cloned());
                next.push(g);
            }
        }
        forms = next;
        if forms.len() > MAX_FORMS {
            return Vec::new();
        }
    }
    forms
}

/// Expansion limit for one issue pattern (guards against pathological input).
const MAX_FORMS: usize = 4096;

/// `A+B` → [[A, B], [A-B]]; a word without `+` → [[word]].
fn split_plus(word: &str) -> Vec<Vec<String>> {
    if word.contains('+') {
        let parts: Vec<String> = word
            .split('+')
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        vec![parts.clone(), vec![parts.join("-")]]
    } else {
        vec![vec![word.to_string()]]
    }
}

/// Parses an issue list from text; `file` names it in locations and errors.
pub fn parse_issues(input: &str, file: &str) -> Result<IssueList, DictError> {
    let file: Arc<str> = Arc::from(file);
    let mut list = IssueList::default();
    let mut category: Option<String> = None;
    for line in lines(input) {
        let loc = Loc {
            file: file.clone(),
            line: line.no,
        };
        let t = line.text.trim();
        if t.starts_with("</ISSUE") {
            category = None;
            continue;
        }
        if let Some(rest) = t.strip_prefix("<ISSUE") {
            let cat = rest
                .split_once("CATEGORY=\"")
                .and_then(|(_, r)| r.split_once('"'))
                .map(|(c, _)| c.to_string());
            category = Some(cat.ok_or_else(|| loc.error("<ISSUE> without CATEGORY=\"...\""))?);
            continue;
        }
        if let Some(rest) = t.strip_prefix('~') {
            let (story, rest) = match rest.strip_prefix('~') {
                Some(r) => (true, r),
                None => (false, rest),
            };
            let phrase =
                Phrase::parse(rest).ok_or_else(|| loc.error("exclusion phrase has no words"))?;
            list.exclusions.push(IssueExclusion {
                phrase,
                story,
                category: category.clone(),
                line: loc,
            });
            continue;
        }
        let Some((pattern, rest)) = t.split_once('[') else {
            // PETRARCH-2 silently skips lines without a code; they are reported here.
            if Phrase::parse(t).is_some() && !t.contains([']', '{', '}']) {
                list.warnings.push(Warning {
                    loc,
                    message: format!(
                        "issue phrase {t:?} has no [CODE]; skipped as PETRARCH-2 does"
                    ),
                });
                continue;
            }
            return Err(loc.error("issue phrase has no [CODE]"));
        };
        let Some((code, after)) = rest.split_once(']') else {
            return Err(loc.error("missing ']' after issue code"));
        };
        let code = code.trim();
        if code.is_empty() || code.contains(char::is_whitespace) {
            return Err(loc.error(format!("malformed issue code [{code}]")));
        }
        if !after.trim().is_empty() {
            // PETRARCH-2 reads the first phrase and code and ignores the rest of the line.
            list.warnings.push(Warning {
                loc: loc.clone(),
                message: format!("text after the issue code ignored: {:?}", after.trim()),
            });
        }
        let pattern = pattern.trim().to_uppercase();
        if pattern.is_empty() {
            return Err(loc.error("issue line has no phrase"));
        }
        let forms: Vec<Phrase> = expand(&pattern)
            .into_iter()
            .filter(|w| !w.is_empty())
            .map(|words| Phrase {
                words,
                exact: false,
            })
            .collect();
        if forms.is_empty() {
            return Err(loc.error(format!(
                "issue phrase has no words or over {MAX_FORMS} forms"
            )));
        }
        list.entries.push(IssueEntry {
            pattern,
            forms,
            code: code.to_string(),
            category: category.clone(),
            line: loc,
        });
    }
    Ok(list)
}

/// Reads an issue list file.
pub fn load_issues(path: &Path) -> Result<IssueList, DictError> {
    parse_issues(&crate::read(path)?, &crate::file_name(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_issues() {
        let text = "<ISSUE CATEGORY=\"ID_ATROCITY\">\nn:atrocity [ID_ATROCITY]\nethnic v:purge [ID_ATROCITY]\nal+zarqawi network [TERR]\n~~Armenian genocide # hist\n</ISSUE>\nfoo [X]\n";
        let l = parse_issues(text, "i").unwrap();
        assert_eq!(l.entries.len(), 4);
        let forms: Vec<String> = l.entries[0].forms.iter().map(Phrase::text).collect();
        assert_eq!(forms, vec!["ATROCITY", "ATROCITIES"]);
        let forms: Vec<String> = l.entries[1].forms.iter().map(Phrase::text).collect();
        assert_eq!(
            forms,
            vec![
                "ETHNIC PURGE",
                "ETHNIC PURGES",
                "ETHNIC PURGED",
                "ETHNIC PURGING"
            ]
        );
        let forms: Vec<String> = l.entries[2].forms.iter().map(Phrase::text).collect();
        assert_eq!(forms, vec!["AL ZARQAWI NETWORK", "AL-ZARQAWI NETWORK"]);
        assert_eq!(l.entries[0].category.as_deref(), Some("ID_ATROCITY"));
        assert!(l.entries[3].category.is_none());
        assert!(l.exclusions[0].story);
        assert_eq!(l.exclusions[0].line.line, 5);
        let l = parse_issues("eurozone\naqim [T] [T]\n", "i").unwrap();
        assert_eq!(l.entries.len(), 1);
        assert_eq!(l.warnings.len(), 2);
    }

    #[test]
    fn malformed_issues() {
        for (text, line) in [
            ("school]\n", 1),
            ("x [A\n", 1),
            ("[A]\n", 1),
            ("x [A B]\n", 1),
            ("<ISSUE TYPE=\"x\">\n", 1),
        ] {
            match parse_issues(text, "bad") {
                Err(DictError::Syntax { line: l, .. }) => assert_eq!(l, line),
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }
}
