//! CAMEO lookup tables: Goldstein scores, event descriptions, CAMEO→PLOVER, read so each
//! coded event can carry its score, description and PLOVER event/mode.
//!
//! Formats: `CAMEO.goldsteinscale.txt` and `CAMEO.eventcodes.txt` are GDELT's tab-separated
//! tables with a header line; `CAMEO2PLOVER-2021.txt` has `code: EVENT, MODE, CONTEXT # note`
//! lines (and `code: EVENT` lines for root codes).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::codes::EventCode;
use crate::text::lines;
use crate::{DictError, Loc, Warning};

/// Goldstein conflict–cooperation scores (−10 … +10) by CAMEO code.
#[derive(Debug, Clone, Default)]
pub struct GoldsteinTable {
    /// Score and source line per code.
    pub scores: HashMap<EventCode, (f32, Loc)>,
}

impl GoldsteinTable {
    /// The score of exactly this code.
    pub fn get(&self, code: &EventCode) -> Option<f32> {
        self.scores.get(code).map(|(s, _)| *s)
    }

    /// The score of the code, else of its base code, else of its root code.
    pub fn score(&self, code: &EventCode) -> Option<f32> {
        self.get(code)
            .or_else(|| self.get(&code.base_code()))
            .or_else(|| self.get(&code.root_code()))
    }
}

/// CAMEO event descriptions by code.
#[derive(Debug, Clone, Default)]
pub struct EventDescriptions {
    /// Description and source line per code.
    pub descriptions: HashMap<EventCode, (String, Loc)>,
}

impl EventDescriptions {
    /// The description of exactly this code.
    pub fn get(&self, code: &EventCode) -> Option<&str> {
        self.descriptions.get(code).map(|(s, _)| s.as_str())
    }
}

/// The PLOVER event, mode and context of one CAMEO code.
#[derive(Debug, Clone, PartialEq)]
pub struct PloverMapping {
    /// PLOVER event type, e.g. `AGREE`.
    pub event: String,
    /// PLOVER mode, e.g. `visit`; `None` when blank.
    pub mode: Option<String>,
    /// PLOVER context, e.g. `diplomatic`; `None` when blank.
    pub context: Option<String>,
    /// The CAMEO description in the trailing comment, if any.
    pub note: Option<String>,
    /// Where the mapping is.
    pub line: Loc,
}

/// The CAMEO→PLOVER table.
#[derive(Debug, Clone, Default)]
pub struct CameoToPlover {
    /// Mapping per CAMEO code.
    pub mappings: HashMap<EventCode, PloverMapping>,
    /// Repeated codes (the first mapping is kept).
    pub warnings: Vec<Warning>,
}

impl CameoToPlover {
    /// The mapping of the code, else of its base code, else of its root code.
    pub fn get(&self, code: &EventCode) -> Option<&PloverMapping> {
        self.mappings
            .get(code)
            .or_else(|| self.mappings.get(&code.base_code()))
            .or_else(|| self.mappings.get(&code.root_code()))
    }
}

/// Parses tab-separated `code<TAB>value` lines after a header, calling `f` per row.
fn parse_tsv(
    input: &str,
    file: &str,
    mut f: impl FnMut(EventCode, &str, Loc) -> Result<(), DictError>,
) -> Result<(), DictError> {
    let file: Arc<str> = Arc::from(file);
    for (i, raw) in input.lines().enumerate() {
        let loc = Loc {
            file: file.clone(),
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') || (i == 0 && t.starts_with("CAMEO")) {
            continue;
        }
        let Some((code, value)) = t.split_once('\t') else {
            return Err(loc.error("expected CODE<TAB>VALUE"));
        };
        let code = EventCode::parse(code)
            .filter(EventCode::is_cameo)
            .ok_or_else(|| loc.error(format!("invalid CAMEO code {:?}", code.trim())))?;
        f(code, value.trim(), loc)?;
    }
    Ok(())
}

/// Parses a Goldstein table from text.
pub fn parse_goldstein(input: &str, file: &str) -> Result<GoldsteinTable, DictError> {
    let mut t = GoldsteinTable::default();
    parse_tsv(input, file, |code, value, loc| {
        let s: f32 = value
            .parse()
            .ok()
            .filter(|s: &f32| (-10.0..=10.0).contains(s))
            .ok_or_else(|| loc.error(format!("invalid Goldstein score {value:?}")))?;
        if t.scores.insert(code.clone(), (s, loc.clone())).is_some() {
            return Err(loc.error(format!("duplicate code {code}")));
        }
        Ok(())
    })?;
    Ok(t)
}

/// Parses CAMEO event descriptions from text.
pub fn parse_event_descriptions(input: &str, file: &str) -> Result<EventDescriptions, DictError> {
    let mut t = EventDescriptions::default();
    parse_tsv(input, file, |code, value, loc| {
        if value.is_empty() {
            return Err(loc.error("empty description"));
        }
        t.descriptions.insert(code, (value.to_string(), loc));
        Ok(())
    })?;
    Ok(t)
}

/// Parses the CAMEO→PLOVER table from text.
pub fn parse_cameo_to_plover(input: &str, file: &str) -> Result<CameoToPlover, DictError> {
    let file: Arc<str> = Arc::from(file);
    let mut t = CameoToPlover::default();
    for line in lines(input) {
        let loc = Loc {
            file: file.clone(),
            line: line.no,
        };
        if line.text.trim().bytes().all(|b| b == b'~') {
            continue; // `~~~~~` closes the table in CAMEO2PLOVER-2021.txt
        }
        let Some((code, rest)) = line.text.split_once(':') else {
            return Err(loc.error("expected CODE: EVENT, MODE, CONTEXT"));
        };
        let code = EventCode::parse(code)
            .filter(EventCode::is_cameo)
            .ok_or_else(|| loc.error(format!("invalid CAMEO code {:?}", code.trim())))?;
        let mut fields = rest.split(',').map(str::trim);
        let event = fields.next().unwrap_or("").to_string();
        if event.is_empty()
            || !event
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(loc.error(format!("invalid PLOVER event {event:?}")));
        }
        let opt = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(str::to_string);
        let mode = opt(fields.next());
        let context = opt(fields.next());
        if fields.next().is_some() {
            return Err(loc.error("more than three fields"));
        }
        let note = line.comment.filter(|c| !c.is_empty()).map(str::to_string);
        if let Some(first) = t.mappings.get(&code) {
            // CAMEO2PLOVER-2021 heads both halves of root 08 (CONCEDE, RETREAT) with `08:`
            // and lists 175 twice; the first mapping is kept and the repeat reported.
            t.warnings.push(Warning {
                message: format!(
                    "code {code} mapped again (first at line {}); first kept",
                    first.line.line
                ),
                loc,
            });
            continue;
        }
        t.mappings.insert(
            code,
            PloverMapping {
                event,
                mode,
                context,
                note,
                line: loc,
            },
        );
    }
    Ok(t)
}

/// Reads a Goldstein table file.
pub fn load_goldstein(path: &Path) -> Result<GoldsteinTable, DictError> {
    parse_goldstein(&crate::read(path)?, &crate::file_name(path))
}

/// Reads a CAMEO event description file.
pub fn load_event_descriptions(path: &Path) -> Result<EventDescriptions, DictError> {
    parse_event_descriptions(&crate::read(path)?, &crate::file_name(path))
}

/// Reads the CAMEO→PLOVER table file.
pub fn load_cameo_to_plover(path: &Path) -> Result<CameoToPlover, DictError> {
    parse_cameo_to_plover(&crate::read(path)?, &crate::file_name(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> EventCode {
        EventCode::parse(s).unwrap()
    }

    #[test]
    fn goldstein() {
        let t = parse_goldstein(
            "CAMEOEVENTCODE\tGOLDSTEINSCALE\n19\t-10.0\n190\t-10.0\n0356\t5\n",
            "g",
        )
        .unwrap();
        assert_eq!(t.get(&code("190")), Some(-10.0));
        assert_eq!(t.score(&code("1951")), Some(-10.0));
        assert_eq!(t.scores[&code("0356")].1.line, 4);
        for bad in [
            "CAMEO\n19 -10\n",
            "CAMEO\n19\tx\n",
            "CAMEO\n19\t11\n",
            "CAMEO\n1\t1\n",
            "19\t1\n19\t1\n",
        ] {
            assert!(
                matches!(parse_goldstein(bad, "g"), Err(DictError::Syntax { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn descriptions() {
        let t = parse_event_descriptions(
            "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tMAKE PUBLIC STATEMENT\n",
            "e",
        )
        .unwrap();
        assert_eq!(t.get(&code("01")), Some("MAKE PUBLIC STATEMENT"));
        assert!(parse_event_descriptions("01\t\n", "e").is_err());
    }

    #[test]
    fn plover() {
        let text = "# c\n03: AGREE\n043: CONSULT, visit,   # Host a visit\n0813: RETREAT, ,   legal # Ease curfew  21.09.17: \"ease\"\n~~~~~\n";
        let t = parse_cameo_to_plover(text, "p").unwrap();
        let m = t.get(&code("043")).unwrap();
        assert_eq!(
            (m.event.as_str(), m.mode.as_deref(), m.context.as_deref()),
            ("CONSULT", Some("visit"), None)
        );
        assert_eq!(
            t.get(&code("0813")).unwrap().context.as_deref(),
            Some("legal")
        );
        assert_eq!(t.get(&code("0399")).unwrap().event, "AGREE");
        let t = parse_cameo_to_plover("08: CONCEDE\n08: RETREAT\n", "p").unwrap();
        assert_eq!(t.get(&code("08")).unwrap().event, "CONCEDE");
        assert_eq!(t.warnings[0].loc.line, 2);
        for bad in ["03 AGREE\n", "03: \n", "03: A, b, c, d\n", "3: A\n"] {
            assert!(parse_cameo_to_plover(bad, "p").is_err(), "{bad:?}");
        }
    }
}
