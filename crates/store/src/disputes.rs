//! Disputed accounts: two events that look like one happening told two ways.
//!
//! A headline says Iran sought talks with the CIA, another outlet says the US reached out to
//! Iran: two events of one root code, days within the window, with source and target
//! exchanged. Merging them would pick a side; dropping one would hide the disagreement. Both
//! are kept, each marked `disputed`, and the pair is linked.
//!
//! Two accounts disagree only where they are told apart: by independent sources (no
//! near-duplicate cluster reports both), or by one story's headline against its body (the
//! headline's account is not repeated in the body, and the body's is not in the headline).
//! Two events a story tells side by side (a sentence with two subjects, a reciprocal meeting)
//! are two events, not a dispute. An actor of unknown country (`---MIL`) never counts as
//! another actor: it is the same side told with less detail.
//!
//! Whether a pair is disputed depends only on the two events and how the clusters of their
//! documents tell them, so recomputing the disputes of every event a batch wrote (and
//! forgetting those of events it removed) keeps the stored disputes equal to a
//! recomputation from scratch.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{Transaction, params};
use tacitus_dataset::{DisputeKind, DisputeScope};

use crate::error::{Context, Result};
use crate::events::{Changed, Told};

/// How an event's reports are told, per near-duplicate cluster.
type Tellings = BTreeMap<i64, Told>;

/// How two events' accounts meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meeting {
    /// No cluster reports both: independent sources.
    Apart,
    /// A cluster tells one only in its headline and the other only in its body.
    HeadlineAgainstBody,
    /// Clusters report both side by side.
    Together,
}

/// How the accounts of two events meet.
fn meeting(a: &Tellings, b: &Tellings) -> Meeting {
    let only = |t: &Told, headline: bool| t.headline == headline && t.body != headline;
    let mut shared = false;
    for (cluster, ta) in a {
        let Some(tb) = b.get(cluster) else { continue };
        shared = true;
        if (only(ta, true) && only(tb, false)) || (only(ta, false) && only(tb, true)) {
            return Meeting::HeadlineAgainstBody;
        }
    }
    if shared {
        Meeting::Together
    } else {
        Meeting::Apart
    }
}

/// What a dispute depends on, for one event.
#[derive(Debug, Clone)]
struct Account {
    source: Option<String>,
    target: Option<String>,
    root: String,
    date: i64,
    negated: bool,
}

/// The country part of an actor code: its first three characters.
fn country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// Whether a code's country is unknown (`---MIL`).
fn unknown(code: &str) -> bool {
    code.starts_with("---")
}

/// Whether two codes name different actors (neither is a refinement of the other: `IRN`
/// and `IRNGOV` are one actor told at two levels of detail; `---MIL` may be anyone's).
fn differs(x: &str, y: &str) -> bool {
    !x.starts_with(y) && !y.starts_with(x) && !unknown(x) && !unknown(y)
}

/// Whether `b` tells `a` with source and target exchanged: between countries when the two
/// sides are of different countries, else (one country) between the exact actors.
fn swapped(a: &Account, b: &Account) -> bool {
    let (Some(asrc), Some(atgt), Some(bsrc), Some(btgt)) = (
        a.source.as_deref(),
        a.target.as_deref(),
        b.source.as_deref(),
        b.target.as_deref(),
    ) else {
        return false;
    };
    if country(asrc) != country(btgt) || country(atgt) != country(bsrc) {
        return false;
    }
    if country(asrc) != country(atgt) && !unknown(asrc) && !unknown(atgt) {
        return true;
    }
    asrc != atgt && asrc == btgt && atgt == bsrc
}

/// How `b` differs from `a` when one role is the same actor and the other another actor
/// (both roles named in both).
fn other_role(a: &Account, b: &Account) -> Option<DisputeKind> {
    let (asrc, atgt, bsrc, btgt) = (
        a.source.as_deref()?,
        a.target.as_deref()?,
        b.source.as_deref()?,
        b.target.as_deref()?,
    );
    if atgt == btgt && differs(asrc, bsrc) {
        Some(DisputeKind::OtherSource)
    } else if asrc == bsrc && differs(atgt, btgt) {
        Some(DisputeKind::OtherTarget)
    } else {
        None
    }
}

/// How a kind is stored.
pub fn kind_name(kind: DisputeKind) -> &'static str {
    match kind {
        DisputeKind::Swapped => "swapped",
        DisputeKind::OtherSource => "other_source",
        DisputeKind::OtherTarget => "other_target",
    }
}

/// A stored kind.
pub fn kind_of(name: &str) -> Option<DisputeKind> {
    match name {
        "swapped" => Some(DisputeKind::Swapped),
        "other_source" => Some(DisputeKind::OtherSource),
        "other_target" => Some(DisputeKind::OtherTarget),
        _ => None,
    }
}

/// How a scope is stored.
pub fn scope_name(scope: DisputeScope) -> &'static str {
    match scope {
        DisputeScope::Story => "story",
        DisputeScope::Sources => "sources",
    }
}

/// A stored scope.
pub fn scope_of(name: &str) -> Option<DisputeScope> {
    match name {
        "story" => Some(DisputeScope::Story),
        "sources" => Some(DisputeScope::Sources),
        _ => None,
    }
}

/// Events' accounts and tellings: those the batch wrote from memory, others read once.
struct Reader<'a, 'c> {
    tx: &'a Transaction<'c>,
    accounts: HashMap<i64, Account>,
    tellings: HashMap<i64, Tellings>,
}

impl Reader<'_, '_> {
    fn account(&mut self, id: i64) -> Result<Account> {
        if let Some(a) = self.accounts.get(&id) {
            return Ok(a.clone());
        }
        let a = self
            .tx
            .prepare_cached(
                "SELECT source, target, root_code, date, negated FROM events WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok(Account {
                        source: r.get(0)?,
                        target: r.get(1)?,
                        root: r.get(2)?,
                        date: r.get(3)?,
                        negated: r.get(4)?,
                    })
                })
            })
            .ctx("reading an event for disputes")?;
        self.accounts.insert(id, a.clone());
        Ok(a)
    }

    /// How the near-duplicate clusters of an event's documents tell it.
    fn tellings(&mut self, id: i64) -> Result<Tellings> {
        if let Some(t) = self.tellings.get(&id) {
            return Ok(t.clone());
        }
        let what = "reading how an event is told";
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT d.cluster, s.section FROM mentions m JOIN documents d ON d.id = m.doc \
                 JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence WHERE m.event = ?1",
            )
            .ctx(what)?;
        let mut t = Tellings::new();
        let rows = stmt
            .query_map([id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? == 0))
            })
            .ctx(what)?;
        for row in rows {
            let (cluster, headline) = row.ctx(what)?;
            t.entry(cluster).or_default().add(headline);
        }
        self.tellings.insert(id, t.clone());
        Ok(t)
    }

    /// How the accounts of two events meet.
    fn meeting(&mut self, a: i64, b: i64) -> Result<Meeting> {
        let ta = self.tellings(a)?;
        Ok(meeting(&ta, &self.tellings(b)?))
    }
}

/// Events of one root code and negation whose source and target countries are given,
/// starting between two days.
pub const SWAPPED: &str = "SELECT id FROM events WHERE substr(source, 1, 3) = ?2 \
     AND substr(target, 1, 3) = ?3 AND date BETWEEN ?4 AND ?5 AND root_code = ?1 \
     AND negated = ?6";

/// The events reported by the documents of one cluster.
pub const STORY: &str =
    "SELECT m.event FROM documents d JOIN mentions m ON m.doc = d.id WHERE d.cluster = ?1";

/// Ids from a one-column query.
fn ids(tx: &Transaction<'_>, sql: &str, args: impl rusqlite::Params) -> Result<Vec<i64>> {
    tx.prepare_cached(sql)
        .and_then(|mut s| {
            s.query_map(args, |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()
        })
        .ctx("querying disputes")
}

/// Recomputes the disputes of the events a batch wrote and removed, and the `disputed` flag
/// of every event whose disputes may have changed (an event is disputed exactly when it has
/// a dispute, so an event that had none and gains none keeps its flag).
pub fn recompute(tx: &Transaction<'_>, window: i64, changed: &Changed) -> Result<()> {
    let mut flag = BTreeSet::new();
    for &id in changed.rewritten.iter().chain(&changed.deleted) {
        for sql in [
            "DELETE FROM disputes WHERE a = ?1 RETURNING b",
            "DELETE FROM disputes WHERE b = ?1 RETURNING a",
        ] {
            let partners = ids(tx, sql, [id])?;
            if !partners.is_empty() {
                flag.insert(id);
                flag.extend(partners);
            }
        }
    }
    let mut reader = Reader {
        tx,
        accounts: HashMap::new(),
        tellings: HashMap::new(),
    };
    for (&id, e) in &changed.events {
        let account = Account {
            source: e.key.source.clone(),
            target: e.key.target.clone(),
            root: e.root_code.clone(),
            date: e.date,
            negated: e.key.negated,
        };
        reader.accounts.insert(id, account);
        reader.tellings.insert(id, e.told.clone());
    }
    let mut found: Vec<(i64, i64, DisputeKind, DisputeScope)> = Vec::new();
    for &id in changed.events.keys() {
        let a = reader.account(id)?;
        if let (Some(src), Some(tgt)) = (a.source.as_deref(), a.target.as_deref()) {
            let candidates = ids(
                tx,
                SWAPPED,
                params![
                    a.root,
                    country(tgt),
                    country(src),
                    a.date - window,
                    a.date + window,
                    a.negated
                ],
            )?;
            for other in candidates.into_iter().filter(|&o| o != id) {
                if !swapped(&a, &reader.account(other)?) {
                    continue;
                }
                let scope = match reader.meeting(id, other)? {
                    Meeting::Apart => DisputeScope::Sources,
                    Meeting::HeadlineAgainstBody => DisputeScope::Story,
                    Meeting::Together => continue,
                };
                found.push((id, other, DisputeKind::Swapped, scope));
            }
        }
        if a.source.is_none() || a.target.is_none() {
            continue;
        }
        let mut story = BTreeSet::new();
        for cluster in reader.tellings(id)?.into_keys() {
            story.extend(ids(tx, STORY, [cluster])?);
        }
        for other in story.into_iter().filter(|&o| o != id) {
            let b = reader.account(other)?;
            if b.root != a.root || b.negated != a.negated || (b.date - a.date).abs() > window {
                continue;
            }
            if let Some(kind) = other_role(&a, &b)
                && reader.meeting(id, other)? == Meeting::HeadlineAgainstBody
            {
                found.push((id, other, kind, DisputeScope::Story));
            }
        }
    }
    let mut insert = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO disputes (a, b, kind, scope) VALUES (?1, ?2, ?3, ?4)",
        )
        .ctx("storing a dispute")?;
    for (x, y, kind, scope) in found {
        insert
            .execute(params![
                x.min(y),
                x.max(y),
                kind_name(kind),
                scope_name(scope)
            ])
            .ctx("storing a dispute")?;
        flag.insert(x);
        flag.insert(y);
    }
    let mut set = tx
        .prepare_cached(
            "UPDATE events SET disputed = (EXISTS (SELECT 1 FROM disputes WHERE a = ?1) \
             OR EXISTS (SELECT 1 FROM disputes WHERE b = ?1)) WHERE id = ?1",
        )
        .ctx("marking disputed events")?;
    for id in flag {
        set.execute([id]).ctx("marking disputed events")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(source: Option<&str>, target: Option<&str>) -> Account {
        Account {
            source: source.map(str::to_string),
            target: target.map(str::to_string),
            root: "03".into(),
            date: 0,
            negated: false,
        }
    }

    #[test]
    fn swaps_between_countries_and_within_one() {
        let iran_cia = account(Some("IRN"), Some("USASPY"));
        let us_iran = account(Some("USA"), Some("IRN"));
        assert!(swapped(&iran_cia, &us_iran));
        assert!(swapped(&us_iran, &iran_cia));
        assert!(!swapped(&us_iran, &account(Some("USA"), Some("IRQ"))));
        assert!(!swapped(&us_iran, &account(None, Some("USA"))));
        let gov_mil = account(Some("IRNGOV"), Some("IRNMIL"));
        assert!(swapped(&gov_mil, &account(Some("IRNMIL"), Some("IRNGOV"))));
        assert!(!swapped(&gov_mil, &account(Some("IRNGOV"), Some("IRNREB"))));
        let unknown_army = account(Some("---MIL"), Some("IRN"));
        assert!(!swapped(
            &unknown_army,
            &account(Some("IRN"), Some("---GOV"))
        ));
        assert!(swapped(
            &unknown_army,
            &account(Some("IRN"), Some("---MIL"))
        ));
    }

    #[test]
    fn other_roles_need_different_actors() {
        let a = account(Some("ISR"), Some("LBN"));
        assert_eq!(
            other_role(&a, &account(Some("SYR"), Some("LBN"))),
            Some(DisputeKind::OtherSource)
        );
        assert_eq!(
            other_role(&a, &account(Some("ISR"), Some("SYR"))),
            Some(DisputeKind::OtherTarget)
        );
        assert_eq!(other_role(&a, &account(Some("ISRMIL"), Some("LBN"))), None);
        assert_eq!(other_role(&a, &account(None, Some("LBN"))), None);
        assert_eq!(other_role(&a, &account(Some("SYR"), Some("IRQ"))), None);
        let army = account(Some("SYRMIL"), Some("LBN"));
        assert_eq!(
            other_role(&army, &account(Some("---MIL"), Some("LBN"))),
            None
        );
    }

    #[test]
    fn accounts_meet_apart_side_by_side_or_headline_against_body() {
        let told = |cells: &[(i64, bool, bool)]| -> Tellings {
            cells
                .iter()
                .map(|&(c, headline, body)| (c, Told { headline, body }))
                .collect()
        };
        let headline = told(&[(1, true, false)]);
        let body = told(&[(1, false, true)]);
        let both = told(&[(1, true, true)]);
        assert_eq!(meeting(&headline, &body), Meeting::HeadlineAgainstBody);
        assert_eq!(meeting(&body, &headline), Meeting::HeadlineAgainstBody);
        assert_eq!(meeting(&headline, &headline), Meeting::Together);
        assert_eq!(meeting(&both, &body), Meeting::Together);
        assert_eq!(meeting(&body, &body), Meeting::Together);
        assert_eq!(
            meeting(&headline, &told(&[(2, false, true)])),
            Meeting::Apart
        );
        let two = told(&[(2, true, true), (1, false, true)]);
        assert_eq!(meeting(&headline, &two), Meeting::HeadlineAgainstBody);
    }

    #[test]
    fn names_round_trip() {
        for k in [
            DisputeKind::Swapped,
            DisputeKind::OtherSource,
            DisputeKind::OtherTarget,
        ] {
            assert_eq!(kind_of(kind_name(k)), Some(k));
        }
        for s in [DisputeScope::Story, DisputeScope::Sources] {
            assert_eq!(scope_of(scope_name(s)), Some(s));
        }
    }
}
