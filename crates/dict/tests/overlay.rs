//! Checks the Tacitus overlay actor dictionary (`dicts/Tacitus.overlay.actors.txt`): it parses
//! without warnings, is well formed (comments, unique names, CAMEO codes, no overlapping date
//! ranges) and gives the expected roles on known dates.

use std::collections::HashMap;
use std::path::PathBuf;

use tacitus_dict::{ActorDictionary, Date, DateRange, load_actors, parse_actors};

const OVERLAY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../dicts/Tacitus.overlay.actors.txt"
);

fn text() -> String {
    std::fs::read_to_string(OVERLAY).unwrap_or_else(|e| panic!("cannot read {OVERLAY}: {e}"))
}

fn overlay() -> ActorDictionary {
    parse_actors(&text(), "Tacitus.overlay.actors.txt")
        .unwrap_or_else(|e| panic!("overlay does not parse: {e}"))
}

fn date(iso: &str) -> Date {
    Date::parse_iso(iso).unwrap_or_else(|| panic!("bad test date {iso}"))
}

/// The codes the overlay gives `name` on `on` (the last entry with that name, as the coder
/// lets later entries win); `None` when no entry has the name.
fn codes(d: &ActorDictionary, name: &str, on: &str) -> Option<Vec<String>> {
    let entries = d.lookup_text(name);
    let e = entries.last()?;
    Some(
        e.codes_on(date(on))
            .iter()
            .map(|c| c.as_str().to_string())
            .collect(),
    )
}

#[test]
fn parses_without_warnings_and_is_large_enough() {
    let d = overlay();
    let warnings: Vec<String> = d
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.loc, w.message))
        .collect();
    assert!(
        warnings.is_empty(),
        "expected no warnings, got {}:\n{}",
        warnings.len(),
        warnings.join("\n")
    );
    assert!(
        d.entries.len() >= 300,
        "expected at least 300 entries, got {}",
        d.entries.len()
    );
}

#[test]
fn every_entry_has_a_comment_on_its_first_line() {
    let d = overlay();
    let text = text();
    let lines: Vec<&str> = text.lines().collect();
    let missing: Vec<String> = d
        .entries
        .iter()
        .filter(|e| {
            let raw = lines.get(e.line.line as usize - 1).copied().unwrap_or("");
            raw.split_once('#').is_none_or(|(_, c)| c.trim().len() < 10)
        })
        .map(|e| format!("line {}: {}", e.line.line, e.names[0]))
        .collect();
    assert!(
        missing.is_empty(),
        "expected a comment (role and dates) on every entry's first line; missing on:\n{}",
        missing.join("\n")
    );
}

#[test]
fn names_are_unique() {
    let d = overlay();
    let mut first: HashMap<Vec<String>, u32> = HashMap::new();
    let mut dups = Vec::new();
    for e in &d.entries {
        for n in &e.names {
            if let Some(l) = first.insert(n.words.clone(), e.line.line) {
                dups.push(format!(
                    "{n} (entry at line {}, already at line {l})",
                    e.line.line
                ));
            }
        }
    }
    assert!(
        dups.is_empty(),
        "expected each name in one entry only, got duplicates:\n{}",
        dups.join("\n")
    );
}

/// Bounds of a restricted range as (start, end), `None` meaning unbounded.
fn bounds(r: &DateRange) -> (Option<Date>, Option<Date>) {
    match *r {
        DateRange::Always => (None, None),
        DateRange::Before(d) => (None, Some(d)),
        DateRange::After(d) => (Some(d), None),
        DateRange::Between(a, b) => (Some(a), Some(b)),
    }
}

#[test]
fn codes_are_cameo_and_ranges_do_not_overlap() {
    let d = overlay();
    let mut problems = Vec::new();
    for e in &d.entries {
        let who = format!("line {} {}", e.line.line, e.names[0]);
        if e.codes.is_empty() {
            problems.push(format!("{who}: no code"));
        }
        for (c, r) in &e.codes {
            let s = c.as_str();
            // `[---]` blocks a phrase that is not an actor ("artificial intelligence").
            let blocked = c.is_null() && r.is_always();
            if !blocked && (!c.is_cameo() || !(3..=12).contains(&s.len()) || s.len() % 3 != 0) {
                problems.push(format!("{who}: code {s} is not a CAMEO actor code"));
            }
            if let (Some(a), Some(b)) = bounds(r)
                && a >= b
            {
                problems.push(format!("{who}: empty range {a}..{b} for {s}"));
            }
        }
        let restricted: Vec<_> = e
            .codes
            .iter()
            .filter(|(_, r)| !r.is_always())
            .map(|(c, r)| (c.as_str(), bounds(r)))
            .collect();
        for (i, (c1, (a1, b1))) in restricted.iter().enumerate() {
            for (c2, (a2, b2)) in &restricted[i + 1..] {
                // Half-open ranges [a, b) overlap when each starts before the other ends.
                let starts_before = |a: &Option<Date>, b: &Option<Date>| match (a, b) {
                    (Some(a), Some(b)) => a < b,
                    _ => true,
                };
                if starts_before(a1, b2) && starts_before(a2, b1) {
                    problems.push(format!("{who}: ranges of {c1} and {c2} overlap"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "expected CAMEO codes and non-overlapping ranges, got:\n{}",
        problems.join("\n")
    );
}

#[test]
fn roles_on_known_dates() {
    let d = overlay();
    // (name, date, expected code)
    let cases = [
        ("VOLODYMYR ZELENSKY", "2023-06-01", "UKRGOV"),
        ("ZELENSKYY", "2023-06-01", "UKRGOV"),
        ("ZELENSKIY", "2018-06-01", "UKRELI"),
        ("DONALD TRUMP", "2019-06-01", "USAGOV"),
        ("DONALD TRUMP", "2022-06-01", "USAELI"),
        ("DONALD TRUMP", "2025-06-01", "USAGOV"),
        // Hand-over day: the new role applies (half-open ranges).
        ("DONALD TRUMP", "2021-01-20", "USAELI"),
        ("JOE BIDEN", "2021-01-20", "USAGOV"),
        ("HOUTHIS", "2024-01-15", "YEMREB"),
        ("ANSAR ALLAH", "2016-01-01", "YEMREB"),
        ("HEZBOLLAH", "2024-09-01", "LBNREB"),
        ("HAMAS", "2023-10-07", "PSEREBHMS"),
        ("ISLAMIC JIHAD", "2023-10-07", "PSEREB"),
        ("ISIS", "2015-06-01", "IMGMUSISI"),
        ("IRGC", "2020-01-03", "IRNMIL"),
        ("CIA", "2020-01-01", "USASPY"),
        ("NATO", "2020-01-01", "IGOWSTNAT"),
        ("AFRICAN UNION", "2021-08-24", "IGOAFRAFU"),
        ("SHANGHAI COOPERATION ORGANISATION", "2024-07-04", "IGOCAS"),
        ("G20", "2023-09-09", "IGOBUS"),
        ("G7", "2023-05-19", "IGOGOS"),
        ("TALIBAN", "2020-02-29", "AFGREB"),
        ("TALIBAN", "2021-08-15", "AFGGOV"),
        ("AHMED AL-SHARAA", "2025-03-01", "SYRGOV"),
        ("ABU MOHAMMED AL-JOLANI", "2020-01-01", "SYRREB"),
        ("HAYAT TAHRIR AL-SHAM", "2024-12-07", "SYRREB"),
        ("HAYAT TAHRIR AL-SHAM", "2024-12-08", "SYRGOV"),
        ("BASHAR AL-ASSAD", "2020-01-01", "SYRGOV"),
        ("BASHAR AL-ASSAD", "2025-01-01", "SYRELI"),
        ("RAPID SUPPORT FORCES", "2022-01-01", "SDNMIL"),
        ("RSF", "2024-01-01", "SDNREB"),
        ("HEMEDTI", "2021-01-01", "SDNGOV"),
        ("SERGEI SHOIGU", "2020-01-01", "RUSGOVMIL"),
        ("SERGEI SHOIGU", "2025-01-01", "RUSGOV"),
        ("ANDREI BELOUSOV", "2024-06-01", "RUSGOVMIL"),
        ("VLADIMIR PUTIN", "2023-01-01", "RUSGOV"),
        ("WAGNER GROUP", "2023-06-24", "RUSUAF"),
        ("BENJAMIN NETANYAHU", "2022-01-01", "ISROPP"),
        ("NETANYAHU", "2024-01-01", "ISRGOV"),
        ("ISRAEL KATZ", "2025-01-01", "ISRGOVMIL"),
        ("LLOYD AUSTIN", "2023-01-01", "USAGOVMIL"),
        ("PETE HEGSETH", "2025-06-01", "USAGOVMIL"),
        ("KEIR STARMER", "2023-01-01", "GBROPP"),
        ("KEIR STARMER", "2024-07-05", "GBRGOV"),
        ("EBRAHIM RAISI", "2022-01-01", "IRNGOV"),
        ("EBRAHIM RAISI", "2024-06-01", "IRNELI"),
        ("MASOUD PEZESHKIAN", "2024-09-01", "IRNGOV"),
        ("KHAMENEI", "2025-06-01", "IRNGOV"),
        ("MOHAMMED BIN SALMAN", "2016-01-01", "SAUGOVMIL"),
        ("MOHAMMED BIN SALMAN", "2023-01-01", "SAUGOV"),
        ("YOON SUK YEOL", "2023-01-01", "KORGOV"),
        ("YOON SUK YEOL", "2025-05-01", "KORELI"),
        ("LAI CHING-TE", "2024-06-01", "TWNGOV"),
        ("JAIR BOLSONARO", "2024-01-01", "BRAOPP"),
        ("ABDEL FATTAH AL-SISI", "2013-01-01", "EGYGOVMIL"),
        ("KIM JONG UN", "2020-01-01", "PRKGOV"),
        ("M23", "2025-01-27", "CODREB"),
        ("AL-SHABAAB", "2020-01-01", "SOMREB"),
        ("BOKO HARAM", "2015-01-01", "NGAREB"),
        ("JNIM", "2022-01-01", "MLIREB"),
    ];
    let mut failures = Vec::new();
    for (name, on, want) in cases {
        match codes(&d, name, on) {
            None => failures.push(format!("{name} on {on}: expected {want}, got no entry")),
            Some(got) if got != [want] => {
                failures.push(format!("{name} on {on}: expected [{want}], got {got:?}"))
            }
            Some(_) => {}
        }
    }
    // A negative check, so that a wrongly open-ended range is caught.
    let trump = codes(&d, "DONALD TRUMP", "2022-06-01");
    if trump
        .as_ref()
        .is_none_or(|c| c.iter().any(|c| c == "USAGOV"))
    {
        failures.push(format!(
            "DONALD TRUMP on 2022-06-01: expected an entry without USAGOV, got {trump:?}"
        ));
    }
    assert!(
        failures.is_empty(),
        "{} of {} lookups failed:\n{}",
        failures.len(),
        cases.len() + 1,
        failures.join("\n")
    );
}

/// Loaded after the Phoenix actor files, the overlay's entries come last, so the coder
/// (later entries win) takes its codes. Skipped when the Phoenix files are not present.
#[test]
fn overlay_entries_follow_the_phoenix_ones() {
    let dir = std::env::var_os("TACITUS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
        .join("cameo");
    let files = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ];
    if !files.iter().all(|f| dir.join(f).is_file()) {
        eprintln!(
            "skipping: no Phoenix actor files at {} (set TACITUS_DATA)",
            dir.display()
        );
        return;
    }
    let mut all = ActorDictionary::default();
    for f in files {
        all.extend(load_actors(&dir.join(f)).unwrap());
    }
    let base = all.entries.len();
    all.extend(overlay());
    // Phoenix gives these names other codes (Hezbollah's old alias, a Lebanese group of
    // the same name); the overlay's entry must be the last one.
    for (name, on, want) in [
        ("ISLAMIC JIHAD", "2023-10-07", "PSEREB"),
        ("ANSAR ALLAH", "2024-01-01", "YEMREB"),
        ("TALIBAN", "2022-01-01", "AFGGOV"),
        ("DMITRY MEDVEDEV", "2022-01-01", "RUSGOV"),
    ] {
        let entries = all.lookup_text(name);
        let last = entries.last().copied();
        assert!(
            entries.len() >= 2,
            "{name}: expected entries in both Phoenix and the overlay, got {}",
            entries.len()
        );
        let got: Vec<String> = last
            .map(|e| {
                e.codes_on(date(on))
                    .iter()
                    .map(|c| c.as_str().to_string())
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            last.is_some_and(|e| e.line.file.contains("overlay")),
            "{name}: expected the last entry to come from the overlay, got {:?}",
            last.map(|e| e.line.to_string())
        );
        assert_eq!(
            got,
            [want],
            "{name} on {on}: expected [{want}], got {got:?}"
        );
    }
    assert!(all.entries.len() > base);
}
