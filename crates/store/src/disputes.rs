//! Disputed accounts: two events that look like one happening told two ways.
//!
//! A headline says Iran sought talks with the CIA, another outlet says the US reached out to
//! Iran: two events of one root code, days within the window, with source and target
//! exchanged. Merging them would pick a side; dropping one would hide the disagreement. Both
//! are kept, each marked `disputed`, and the pair is linked. Whether a pair is disputed
//! depends only on the two events and the clusters of their documents, so recomputing the
//! disputes of every event a batch wrote (and forgetting those of events it removed) keeps
//! the stored disputes equal to a recomputation from scratch.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Transaction, params};
use tacitus_dataset::{DisputeKind, DisputeScope};

use crate::error::{Context, Result};
use crate::events::Changed;

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

/// Whether two codes name different actors (neither is a refinement of the other: `IRN`
/// and `IRNGOV` are one actor told at two levels of detail).
fn differs(x: &str, y: &str) -> bool {
    !x.starts_with(y) && !y.starts_with(x)
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
    if country(asrc) != country(atgt) {
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

/// Events' accounts and clusters: those the batch wrote from memory, others read once.
struct Reader<'a, 'c> {
    tx: &'a Transaction<'c>,
    accounts: HashMap<i64, Account>,
    clusters: HashMap<i64, BTreeSet<i64>>,
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

    /// The near-duplicate clusters of an event's documents.
    fn clusters(&mut self, id: i64) -> Result<BTreeSet<i64>> {
        if let Some(c) = self.clusters.get(&id) {
            return Ok(c.clone());
        }
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT DISTINCT d.cluster FROM mentions m JOIN documents d ON d.id = m.doc \
                 WHERE m.event = ?1",
            )
            .ctx("reading an event's clusters")?;
        let c = stmt
            .query_map([id], |r| r.get::<_, i64>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<BTreeSet<i64>>>())
            .ctx("reading an event's clusters")?;
        self.clusters.insert(id, c.clone());
        Ok(c)
    }

    /// Whether two events share a document or a near-duplicate cluster.
    fn same_story(&mut self, a: i64, b: i64) -> Result<bool> {
        let ca = self.clusters(a)?;
        Ok(!ca.is_disjoint(&self.clusters(b)?))
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
        clusters: HashMap::new(),
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
        reader.clusters.insert(id, e.clusters.clone());
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
                if swapped(&a, &reader.account(other)?) {
                    let scope = if reader.same_story(id, other)? {
                        DisputeScope::Story
                    } else {
                        DisputeScope::Sources
                    };
                    found.push((id, other, DisputeKind::Swapped, scope));
                }
            }
        }
        if a.source.is_none() || a.target.is_none() {
            continue;
        }
        let mut story = BTreeSet::new();
        for cluster in reader.clusters(id)? {
            story.extend(ids(tx, STORY, [cluster])?);
        }
        for other in story.into_iter().filter(|&o| o != id) {
            let b = reader.account(other)?;
            if b.root != a.root || b.negated != a.negated || (b.date - a.date).abs() > window {
                continue;
            }
            if let Some(kind) = other_role(&a, &b) {
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
