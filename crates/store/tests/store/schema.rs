//! Creating, migrating, reopening and refusing store files.

use tacitus_store::{Error, Options, SCHEMA_VERSION, Store};

use crate::common::{article, report};

#[test]
fn creates_the_schema_and_reopens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let a = article(
        "wire",
        0,
        9,
        "Talks",
        &[&["Iran met Oman."]],
        &[report(1, "IRN", "OMN", "040")],
    );
    {
        let mut store = Store::open(&path).unwrap();
        store.insert(std::slice::from_ref(&a)).unwrap();
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert!(store.contains(a.hash).unwrap());
    assert_eq!(store.stats().unwrap().events, 1);
}

#[test]
fn refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    match Store::open(&path) {
        Err(
            e @ Error::NewerSchema {
                found, supported, ..
            },
        ) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
            assert!(e.to_string().contains("newer Tacitus"), "{e}");
        }
        other => panic!("expected a refusal, got {:?}", other.err()),
    }
}

#[test]
fn refuses_a_foreign_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x)").unwrap();
    drop(conn);
    assert!(matches!(Store::open(&path), Err(Error::NotAStore { .. })));
}

#[test]
fn the_window_is_fixed_when_the_store_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let three = Options {
        window_days: Some(3),
    };
    assert_eq!(Store::open_with(&path, three).unwrap().window_days(), 3);
    assert_eq!(Store::open(&path).unwrap().window_days(), 3);
    assert_eq!(Store::open_with(&path, three).unwrap().window_days(), 3);
    let one = Options {
        window_days: Some(1),
    };
    assert!(matches!(
        Store::open_with(&path, one),
        Err(Error::Setting {
            name: "window_days",
            ..
        })
    ));
    let fresh = dir.path().join("fresh.db");
    assert_eq!(Store::open(&fresh).unwrap().window_days(), 1);
}
