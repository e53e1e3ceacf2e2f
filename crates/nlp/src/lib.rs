//! The NLP pipeline: raw text to sentences, tokens, tags, lemmas and dependency trees.
//!
//! Each stage lives in its own crate (`tacitus-text`, `tacitus-tagger`, `tacitus-lemma`,
//! `tacitus-parser`); this crate ties them together as one [`Pipeline`], trains them all from a data
//! directory ([`setup`]) and keeps every word's character offsets into the input, because every event
//! found later must point back to the words it came from.

mod pipeline;
pub mod setup;

use std::path::PathBuf;

pub use pipeline::{Parsed, Pipeline, Span, strip_annotation};

/// An error while setting up, loading or running the pipeline.
#[derive(Debug, thiserror::Error)]
pub enum NlpError {
    /// A model file could not be read or written.
    #[error(transparent)]
    Model(#[from] tacitus_modelfile::ModelError),
    /// A data file could not be read.
    #[error("{path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A treebank file is malformed.
    #[error("{path}")]
    Treebank {
        /// The file.
        path: PathBuf,
        /// What is wrong, with its line.
        source: tacitus_conllu::ReadError,
    },
    /// No models are installed in the models directory.
    #[error("no models in {dir}: run `tacitus setup --data DIR` first")]
    NoModels {
        /// The models directory.
        dir: PathBuf,
    },
}

/// Reads every sentence of a CoNLL-U file.
pub fn read_treebank(path: &std::path::Path) -> Result<Vec<tacitus_conllu::Sentence>, NlpError> {
    let text = std::fs::read_to_string(path).map_err(|source| NlpError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    tacitus_conllu::parse_str(&text).map_err(|source| NlpError::Treebank {
        path: path.to_path_buf(),
        source,
    })
}
