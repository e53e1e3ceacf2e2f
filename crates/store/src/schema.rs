//! The schema and its migrations.
//!
//! A store outlives the program that wrote it, so its layout is versioned: `PRAGMA
//! user_version` counts the migrations applied, and opening a store applies the missing ones
//! in order, each in its own transaction. Migrations only add (tables, columns, indexes):
//! nothing stored is ever dropped. A file from a newer build is refused rather than guessed
//! at.

use rusqlite::{Connection, OptionalExtension, params};
use tacitus_dedup::{BANDS, NEAR_DUPLICATE, PERMUTATIONS, SHINGLE};

use crate::error::{Context, Error, Result};

/// The migrations, in order: migration `i` takes the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[V1, V2];

/// Version 1: documents and their sentences, the band index, events, mentions, disputes.
const V1: &str = "
CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE outlets (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    hash         BLOB NOT NULL UNIQUE,
    cluster      INTEGER NOT NULL REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
    published    INTEGER NOT NULL,
    outlet       INTEGER REFERENCES outlets(id),
    chars        INTEGER NOT NULL,
    words        INTEGER NOT NULL,
    doc_id       TEXT,
    url          TEXT,
    title        TEXT,
    place        TEXT,
    origin       TEXT NOT NULL,
    discarded_by TEXT,
    event_doc_id TEXT,
    event_date   TEXT,
    metadata     TEXT,
    signature    BLOB,
    text         TEXT NOT NULL
);
CREATE INDEX documents_cluster ON documents(cluster);

CREATE TABLE sentences (
    doc        INTEGER NOT NULL REFERENCES documents(id),
    idx        INTEGER NOT NULL,
    section    INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    lead       INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE bands (
    band INTEGER NOT NULL,
    doc  INTEGER NOT NULL REFERENCES documents(id),
    PRIMARY KEY (band, doc)
) WITHOUT ROWID;

CREATE TABLE rules (
    id   INTEGER PRIMARY KEY,
    json TEXT NOT NULL
);

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    date         INTEGER NOT NULL,
    last_day     INTEGER NOT NULL,
    added        INTEGER NOT NULL,
    source       TEXT,
    source_name  TEXT,
    target       TEXT,
    target_name  TEXT,
    event_code   TEXT NOT NULL,
    base_code    TEXT NOT NULL,
    root_code    TEXT NOT NULL,
    quad_class   INTEGER,
    goldstein    REAL,
    plover_event TEXT,
    plover_mode  TEXT,
    negated      INTEGER NOT NULL,
    is_root      INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources  INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    disputed     INTEGER NOT NULL DEFAULT 0,
    source_url   TEXT NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_key ON events(source, target, event_code, negated, date);
CREATE INDEX events_target ON events(substr(target, 1, 3), date);
CREATE INDEX events_dyad ON events(substr(source, 1, 3), substr(target, 1, 3), date);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    event        INTEGER NOT NULL REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
    doc          INTEGER NOT NULL,
    sentence     INTEGER NOT NULL,
    ord          INTEGER NOT NULL,
    source_text  TEXT,
    source_start INTEGER,
    source_end   INTEGER,
    target_text  TEXT,
    target_start INTEGER,
    target_end   INTEGER,
    verb_text    TEXT NOT NULL,
    verb_start   INTEGER NOT NULL,
    verb_end     INTEGER NOT NULL,
    base_code    TEXT NOT NULL,
    root_code    TEXT NOT NULL,
    quad_class   INTEGER,
    goldstein    REAL,
    plover_event TEXT,
    plover_mode  TEXT,
    modality     TEXT,
    reported_by  TEXT,
    rule         INTEGER NOT NULL REFERENCES rules(id),
    extra        TEXT,
    FOREIGN KEY (doc, sentence) REFERENCES sentences(doc, idx)
);
CREATE INDEX mentions_event ON mentions(event);
CREATE INDEX mentions_doc ON mentions(doc);

CREATE TABLE disputes (
    a     INTEGER NOT NULL REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
    b     INTEGER NOT NULL REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
    kind  TEXT NOT NULL,
    scope TEXT NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX disputes_b ON disputes(b);
";

/// Version 2: where events happened and how they were told. Places are interned (one row
/// per distinct place, as JSON); reports keep the sentence's tone and each role's place and
/// how it was chosen, documents their tone, events their first report's places and the mean
/// tone of their reports' documents (GDELT's AvgTone).
const V2: &str = "
CREATE TABLE places (
    id   INTEGER PRIMARY KEY,
    json TEXT NOT NULL
);
ALTER TABLE documents ADD COLUMN tone REAL;
ALTER TABLE mentions ADD COLUMN tone REAL;
ALTER TABLE mentions ADD COLUMN action_place INTEGER REFERENCES places(id);
ALTER TABLE mentions ADD COLUMN action_how TEXT;
ALTER TABLE mentions ADD COLUMN source_place INTEGER REFERENCES places(id);
ALTER TABLE mentions ADD COLUMN source_how TEXT;
ALTER TABLE mentions ADD COLUMN target_place INTEGER REFERENCES places(id);
ALTER TABLE mentions ADD COLUMN target_how TEXT;
ALTER TABLE events ADD COLUMN action_place INTEGER REFERENCES places(id);
ALTER TABLE events ADD COLUMN source_place INTEGER REFERENCES places(id);
ALTER TABLE events ADD COLUMN target_place INTEGER REFERENCES places(id);
ALTER TABLE events ADD COLUMN avg_tone REAL;
";

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// The MinHash parameters signatures were made with: stored signatures and bands are only
/// comparable with the same ones.
fn minhash() -> String {
    format!(
        "{PERMUTATIONS} permutations, {BANDS} bands, {SHINGLE}-word shingles, near {NEAR_DUPLICATE}"
    )
}

/// Sets the connection up and brings the schema to [`VERSION`]; returns the store's window
/// in days (`window` when the store is new, else the stored one, which `window` must match).
pub fn prepare(conn: &mut Connection, path: &str, window: Option<u32>) -> Result<u32> {
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .ctx_with(|| format!("reading the schema version of {path}"))?;
    if found > VERSION {
        return Err(Error::NewerSchema {
            path: path.to_string(),
            found,
            supported: VERSION,
        });
    }
    if found == 0 {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .ctx("reading the schema")?;
        if tables > 0 {
            return Err(Error::NotAStore {
                path: path.to_string(),
            });
        }
    }
    // WAL: readers do not block the writer; NORMAL: no fsync per commit (still atomic);
    // checkpoints every 32 MB of log, not 4, so that pages rewritten by consecutive
    // batches reach the database file once.
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .ctx("setting WAL mode")?;
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = NORMAL;
         PRAGMA busy_timeout = 10000;
         PRAGMA wal_autocheckpoint = 8192;
         PRAGMA cache_size = -65536;
         PRAGMA temp_store = MEMORY;",
    )
    .ctx("setting up the connection")?;
    for (version, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction().ctx("starting a migration")?;
        tx.execute_batch(sql)
            .ctx_with(|| format!("migrating {path} to version {}", version + 1))?;
        tx.pragma_update(None, "user_version", version as i64 + 1)
            .ctx("recording the schema version")?;
        tx.commit().ctx("committing a migration")?;
    }
    let window = setting(
        conn,
        path,
        "window_days",
        window.unwrap_or(1),
        window.is_some(),
    )?;
    setting(conn, path, "minhash", minhash(), true)?;
    Ok(window)
}

/// Reads setting `name`, storing `value` when there is none; when `check` and the stored
/// value differs, the store is refused.
fn setting<T>(conn: &Connection, path: &str, name: &'static str, value: T, check: bool) -> Result<T>
where
    T: ToString + std::str::FromStr,
{
    let stored: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()
        .ctx("reading the store's settings")?;
    match stored {
        None => {
            conn.execute(
                "INSERT INTO meta (name, value) VALUES (?1, ?2)",
                params![name, value.to_string()],
            )
            .ctx("recording the store's settings")?;
            Ok(value)
        }
        Some(s) if check && s != value.to_string() => Err(Error::Setting {
            path: path.to_string(),
            name,
            stored: s,
            requested: value.to_string(),
        }),
        Some(s) => s
            .parse()
            .map_err(|_| Error::Corrupt(format!("setting {name} = {s:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_store_is_migrated_keeping_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let mut conn = Connection::open(&path).unwrap();
        conn.execute_batch(V1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO meta (name, value) VALUES ('window_days', '1'), ('minhash', ?1)",
            [minhash()],
        )
        .unwrap();
        conn.execute("INSERT INTO outlets (name) VALUES ('Example News')", [])
            .unwrap();
        assert_eq!(prepare(&mut conn, "old.db", None).unwrap(), 1);
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, VERSION);
        let kept: String = conn
            .query_row("SELECT name FROM outlets", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, "Example News");
        for (table, column) in [
            ("documents", "tone"),
            ("mentions", "action_place"),
            ("events", "avg_tone"),
        ] {
            conn.prepare(&format!("SELECT {column} FROM {table}"))
                .unwrap_or_else(|e| panic!("{table}.{column}: {e}"));
        }
    }
}
