//! Training every model of the pipeline from the data directory.
//!
//! Setup is deterministic (the same data gives byte-identical model files) and idempotent: a
//! manifest records, for each model, the fingerprint of the data, the Tacitus version and the
//! training revision of the code it was built from (each model crate's `TRAINING_REVISION`; the
//! parser's includes the tagger's, whose tags it is trained on), and a model whose record still
//! matches is not trained again.
//!
//! The parser is trained on part-of-speech tags predicted by taggers that did not see the sentence
//! (jackknifing), so it learns to cope with the tagger's mistakes it will meet at run time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tacitus_conllu::Sentence;
use tacitus_lemma::Lemmatizer;
use tacitus_parser::Parser;
use tacitus_tagger::Tagger;
use tacitus_text::Tokenizer;

use crate::{NlpError, read_treebank};

/// Training treebank, relative to the data directory.
pub const TRAIN_TREEBANK: &str = "ud-english-ewt/train.conllu";
/// Development treebank, relative to the data directory.
pub const DEV_TREEBANK: &str = "ud-english-ewt/dev.conllu";

/// Paths of the model files in a models directory.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    /// Tokenizer and sentence segmenter.
    pub tokenizer: PathBuf,
    /// Part-of-speech tagger.
    pub tagger: PathBuf,
    /// Lemmatizer.
    pub lemmatizer: PathBuf,
    /// Dependency parser.
    pub parser: PathBuf,
    /// What each model was built from.
    pub manifest: PathBuf,
}

impl ModelFiles {
    /// The files of the models directory `dir`.
    pub fn new(dir: &Path) -> Self {
        ModelFiles {
            tokenizer: dir.join("tokenizer.bin"),
            tagger: dir.join("tagger.bin"),
            lemmatizer: dir.join("lemmatizer.bin"),
            parser: dir.join("parser.bin"),
            manifest: dir.join("manifest.json"),
        }
    }
}

/// Settings of a setup run.
#[derive(Debug, Clone)]
pub struct SetupOptions {
    /// Number of folds for jackknifed parser training tags; 0 or 1 trains the parser on gold tags.
    pub jackknife_folds: usize,
    /// Retrain every model even when its record says it is up to date.
    pub force: bool,
    /// Use only the first N training sentences (for quick experiments and tests).
    pub limit: Option<usize>,
    /// Tagger training settings.
    pub tagger: tacitus_tagger::TrainOptions,
    /// Parser training settings.
    pub parser: tacitus_parser::TrainOptions,
}

impl Default for SetupOptions {
    fn default() -> Self {
        SetupOptions {
            jackknife_folds: 4,
            force: false,
            limit: None,
            tagger: tacitus_tagger::TrainOptions {
                ensemble: 5,
                ..Default::default()
            },
            parser: tacitus_parser::TrainOptions {
                ensemble: 2,
                ..Default::default()
            },
        }
    }
}

/// What a setup run did for one model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Outcome {
    /// The model was trained and written.
    Trained,
    /// The model was already up to date.
    UpToDate,
}

/// Reports progress of a training stage: (stage, done, total).
pub type Progress<'a> = &'a (dyn Fn(&str, usize, usize) + Sync);

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
struct Manifest {
    models: BTreeMap<String, String>,
}

/// Trains every model that is missing or out of date from `data_dir` into `models_dir`.
pub fn setup(
    data_dir: &Path,
    models_dir: &Path,
    opts: &SetupOptions,
    progress: Progress,
) -> Result<BTreeMap<String, Outcome>, NlpError> {
    let train_path = data_dir.join(TRAIN_TREEBANK);
    let bytes = std::fs::read(&train_path).map_err(|source| NlpError::Io {
        path: train_path.clone(),
        source,
    })?;
    let record = format!(
        "tacitus {} data crc32 {:08x} len {} limit {:?} folds {}",
        env!("CARGO_PKG_VERSION"),
        crc32fast::hash(&bytes),
        bytes.len(),
        opts.limit,
        opts.jackknife_folds
    );
    drop(bytes);
    let files = ModelFiles::new(models_dir);
    let mut manifest: Manifest = std::fs::read(&files.manifest)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    // A model is up to date when its record matches and its file loads with this build (a file
    // from another model version, or a damaged one, is rebuilt).
    let loads = |name: &str, path: &Path| match name {
        "tokenizer" => Tokenizer::load(path).is_ok(),
        "tagger" => Tagger::load(path).is_ok(),
        "lemmatizer" => Lemmatizer::load(path).is_ok(),
        _ => Parser::load(path).is_ok(),
    };
    let revision = |name: &str| match name {
        "tokenizer" => format!("{record} revision {}", tacitus_text::TRAINING_REVISION),
        "tagger" => format!("{record} revision {}", tacitus_tagger::TRAINING_REVISION),
        "lemmatizer" => format!("{record} revision {}", tacitus_lemma::TRAINING_REVISION),
        _ => format!(
            "{record} revision {}.{}",
            tacitus_parser::TRAINING_REVISION,
            tacitus_tagger::TRAINING_REVISION
        ),
    };
    let todo = |name: &str, path: &Path| {
        opts.force || manifest.models.get(name) != Some(&revision(name)) || !loads(name, path)
    };
    let stages = [
        ("tokenizer", &files.tokenizer),
        ("tagger", &files.tagger),
        ("lemmatizer", &files.lemmatizer),
        ("parser", &files.parser),
    ];
    let mut outcomes = BTreeMap::new();
    let pending: Vec<&str> = stages
        .iter()
        .filter(|(n, p)| todo(n, p))
        .map(|(n, _)| *n)
        .collect();
    for (name, _) in &stages {
        outcomes.insert(name.to_string(), Outcome::UpToDate);
    }
    if pending.is_empty() {
        return Ok(outcomes);
    }
    let mut train = read_treebank(&train_path)?;
    if let Some(n) = opts.limit {
        train.truncate(n);
    }
    let wants = |n: &str| pending.contains(&n);

    let ((tokenizer, lemmatizer), (tagger, parser)) = rayon::join(
        || {
            let tok = wants("tokenizer").then(|| {
                progress("tokenizer", 0, 1);
                let t = Tokenizer::train(&train);
                progress("tokenizer", 1, 1);
                t
            });
            let lem = wants("lemmatizer").then(|| {
                progress("lemmatizer", 0, 1);
                let l = Lemmatizer::train(&train);
                progress("lemmatizer", 1, 1);
                l
            });
            (tok, lem)
        },
        || {
            let tagger = wants("tagger")
                .then(|| Tagger::train(&train, &opts.tagger, &mut |d, t| progress("tagger", d, t)));
            let parser = wants("parser").then(|| {
                let tagged = jackknife(&train, opts, progress);
                Parser::train(&tagged, &opts.parser, &mut |d, t| progress("parser", d, t))
            });
            (tagger, parser)
        },
    );
    if let Some(m) = tokenizer {
        m.save(&files.tokenizer)?;
    }
    if let Some(m) = tagger {
        m.save(&files.tagger)?;
    }
    if let Some(m) = lemmatizer {
        m.save(&files.lemmatizer)?;
    }
    if let Some(m) = parser {
        m.save(&files.parser)?;
    }
    for name in pending {
        manifest.models.insert(name.to_string(), revision(name));
        outcomes.insert(name.to_string(), Outcome::Trained);
    }
    let json = serde_json::to_vec_pretty(&manifest).expect("manifest serializes");
    std::fs::write(&files.manifest, json).map_err(|source| NlpError::Io {
        path: files.manifest.clone(),
        source,
    })?;
    Ok(outcomes)
}

/// The training sentences with tags predicted by taggers trained on the other folds.
fn jackknife(train: &[Sentence], opts: &SetupOptions, progress: Progress) -> Vec<Sentence> {
    let k = opts.jackknife_folds;
    if k < 2 {
        return train.to_vec();
    }
    let fold_of = |i: usize| i % k;
    let tagged: Vec<Vec<(usize, Sentence)>> = {
        use rayon::prelude::*;
        (0..k)
            .into_par_iter()
            .map(|f| {
                let rest: Vec<Sentence> = train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| fold_of(*i) != f)
                    .map(|(_, s)| s.clone())
                    .collect();
                let stage = format!("jackknife {}/{k}", f + 1);
                // One run per fold is enough to show the parser the tagger's kind of mistakes.
                let single = tacitus_tagger::TrainOptions {
                    ensemble: 1,
                    ..opts.tagger.clone()
                };
                let tagger = Tagger::train(&rest, &single, &mut |d, t| progress(&stage, d, t));
                train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| fold_of(*i) == f)
                    .map(|(i, s)| {
                        let mut s = s.clone();
                        tagger.tag(&mut s);
                        (i, s)
                    })
                    .collect()
            })
            .collect()
    };
    let mut out: Vec<Option<Sentence>> = vec![None; train.len()];
    for (i, s) in tagged.into_iter().flatten() {
        out[i] = Some(s);
    }
    out.into_iter()
        .zip(train)
        .map(|(s, gold)| s.unwrap_or_else(|| gold.clone()))
        .collect()
}
