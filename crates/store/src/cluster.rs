//! Near-duplicate clusters: syndicated and lightly edited copies of one story.
//!
//! Two documents are linked when they share a MinHash band and their signatures agree on at
//! least [`NEAR_DUPLICATE`] of their values: a property of the pair alone, so the set of
//! links does not depend on the order documents arrive in. Clusters are the connected
//! components of the links, named by their member with the smallest (publication time, hash).
//! Documents are never removed, so a new document can only merge clusters: each document's
//! `cluster` column always holds the component of the stored set.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use rusqlite::{Transaction, params_from_iter};
use tacitus_dedup::{BANDS, NEAR_DUPLICATE, Signature};

use crate::error::{Context, Error, Result};

/// The documents sharing a band with a signature (its [`BANDS`] bands as parameters).
static FIND: LazyLock<String> = LazyLock::new(|| {
    let list: Vec<String> = (1..=BANDS).map(|i| format!("?{i}")).collect();
    format!("SELECT doc FROM bands WHERE band IN ({})", list.join(", "))
});

/// Indexes a document (the last parameter) under its bands.
static INDEX: LazyLock<String> = LazyLock::new(|| {
    let doc = BANDS + 1;
    let rows: Vec<String> = (1..=BANDS).map(|i| format!("(?{i}, ?{doc})")).collect();
    format!(
        "INSERT OR IGNORE INTO bands (band, doc) VALUES {}",
        rows.join(", ")
    )
});

/// Adds stored document `doc` (inserted as its own cluster) to the band index and merges
/// the clusters of the documents it duplicates; documents whose cluster changed are added to
/// `moved`.
pub fn add(
    tx: &Transaction<'_>,
    doc: i64,
    signature: Option<&Signature>,
    moved: &mut BTreeSet<i64>,
) -> Result<()> {
    let Some(signature) = signature else {
        return Ok(());
    };
    let bands = signature.bands();
    let values: Vec<i64> = bands.iter().map(|&b| b as i64).collect();
    let candidates = {
        let what = "looking up near-duplicates";
        let mut find = tx.prepare_cached(&FIND).ctx(what)?;
        find.query_map(params_from_iter(&values), |r| r.get::<_, i64>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<BTreeSet<i64>>>())
            .ctx(what)?
    };
    tx.prepare_cached(&INDEX)
        .and_then(|mut s| s.execute(params_from_iter(values.iter().chain([&doc]))))
        .ctx("indexing bands")?;
    let mut clusters = BTreeSet::new();
    {
        let mut read = tx
            .prepare_cached("SELECT signature, cluster FROM documents WHERE id = ?1")
            .ctx("reading a signature")?;
        for c in candidates {
            let (bytes, cluster): (Vec<u8>, i64) = read
                .query_row([c], |r| Ok((r.get(0)?, r.get(1)?)))
                .ctx("reading a signature")?;
            let other = Signature::from_bytes(&bytes)
                .ok_or_else(|| Error::Corrupt(format!("signature of document row {c}")))?;
            if signature.similarity(&other) >= NEAR_DUPLICATE {
                clusters.insert(cluster);
            }
        }
    }
    if clusters.is_empty() {
        return Ok(());
    }
    clusters.insert(doc);
    // The first member of the union is the first of the clusters' first members.
    let mut first: Option<((i64, Vec<u8>), i64)> = None;
    {
        let mut order = tx
            .prepare_cached("SELECT published, hash FROM documents WHERE id = ?1")
            .ctx("ordering a cluster")?;
        for &c in &clusters {
            let at: (i64, Vec<u8>) = order
                .query_row([c], |r| Ok((r.get(0)?, r.get(1)?)))
                .ctx("ordering a cluster")?;
            if first.as_ref().is_none_or(|(best, _)| at < *best) {
                first = Some((at, c));
            }
        }
    }
    let Some((_, name)) = first else {
        return Ok(());
    };
    let mut members = tx
        .prepare_cached("SELECT id FROM documents WHERE cluster = ?1")
        .ctx("merging clusters")?;
    let mut rename = tx
        .prepare_cached("UPDATE documents SET cluster = ?1 WHERE cluster = ?2")
        .ctx("merging clusters")?;
    for &c in clusters.iter().filter(|&&c| c != name) {
        let ids = members
            .query_map([c], |r| r.get::<_, i64>(0))
            .ctx("merging clusters")?;
        for id in ids {
            moved.insert(id.ctx("merging clusters")?);
        }
        rename.execute([name, c]).ctx("merging clusters")?;
    }
    Ok(())
}
