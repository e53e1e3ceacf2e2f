//! What can go wrong with a store, said so that a person can act on it: which file, which
//! document, which setting.

/// A store error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite failed while doing `context`.
    #[error("{context}")]
    Sqlite {
        /// What the store was doing (with the document's origin when there is one).
        context: String,
        /// SQLite's error.
        #[source]
        source: rusqlite::Error,
    },
    /// The file was written by a newer Tacitus: its schema version is unknown here.
    #[error(
        "{path}: store schema version {found} is newer than this build understands (up to \
         {supported}); open it with a newer Tacitus"
    )]
    NewerSchema {
        /// The store file.
        path: String,
        /// Its `user_version`.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The file is an SQLite database but not a Tacitus store.
    #[error("{path}: an SQLite file with tables but no store schema version; not a Tacitus store")]
    NotAStore {
        /// The file.
        path: String,
    },
    /// The store was built with another setting than the one asked for.
    #[error("{path}: the store was built with {name} = {stored}, not {requested}")]
    Setting {
        /// The store file.
        path: String,
        /// The setting (`window_days`, `minhash`).
        name: &'static str,
        /// Its stored value.
        stored: String,
        /// The value asked for.
        requested: String,
    },
    /// A coded article is inconsistent (an event outside its sentences, a span past the text).
    #[error("{origin}: {reason}")]
    InvalidArticle {
        /// Where the article was read.
        origin: String,
        /// What is wrong.
        reason: String,
    },
    /// A query filter cannot be applied.
    #[error("invalid filter: {0}")]
    InvalidFilter(String),
    /// Two different events hashed to one id (astronomically rare; reported, never merged).
    #[error("event id {0} was derived for two different events")]
    IdCollision(i64),
    /// Stored data cannot be read back (edited by hand, or damaged).
    #[error("corrupt store: {0}")]
    Corrupt(String),
}

/// A store result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Adds what the store was doing to an SQLite error.
pub(crate) trait Context<T> {
    /// Context given as a fixed phrase.
    fn ctx(self, what: &str) -> Result<T>;
    /// Context built only when there is an error.
    fn ctx_with(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T> Context<T> for rusqlite::Result<T> {
    fn ctx(self, what: &str) -> Result<T> {
        self.map_err(|source| Error::Sqlite {
            context: what.to_string(),
            source,
        })
    }

    fn ctx_with(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| Error::Sqlite {
            context: what(),
            source,
        })
    }
}
