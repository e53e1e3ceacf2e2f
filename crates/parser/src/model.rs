//! The trained parser: greedy inference and the model file.

use std::cell::RefCell;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tacitus_conllu::Sentence;
use tacitus_modelfile::ModelError;
use tacitus_perceptron::{Table, best_of};

use crate::features::{Tokens, extract};
use crate::transition::{Actions, State};

/// Model file kind.
const KIND: &str = "parser";
/// Schema version of the serialized [`Parser`]; bump on any change to features or layout.
const VERSION: u32 = 2;

/// A trained labelled dependency parser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parser {
    /// Dependency labels (full DEPREL, with subtypes), sorted.
    pub(crate) labels: Vec<String>,
    /// Index of `root` in `labels`.
    pub(crate) root_label: u16,
    /// Label for punctuation left headless by the transitions.
    pub(crate) punct_label: u16,
    /// Label for other words left headless by the transitions.
    pub(crate) fallback_label: u16,
    /// Scores of the labelled transitions.
    pub(crate) table: Table,
}

/// Buffers reused across the transitions of one sentence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub toks: Tokens,
    pub state: State,
    pub feats: Vec<u64>,
    pub scores: Vec<f32>,
}

impl Parser {
    pub(crate) fn actions(&self) -> Actions {
        Actions {
            n_labels: self.labels.len(),
            root_label: self.root_label,
        }
    }

    /// Parses `sentence`, filling every word's head and deprel with a single-rooted tree.
    pub fn parse(&self, sentence: &mut Sentence) {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        SCRATCH.with(|sc| match sc.try_borrow_mut() {
            Ok(mut sc) => self.parse_with(sentence, &mut sc),
            Err(_) => self.parse_with(sentence, &mut Scratch::default()),
        });
    }

    fn parse_with(&self, sentence: &mut Sentence, sc: &mut Scratch) {
        let acts = self.actions();
        sc.toks.fill(sentence);
        sc.state.reset(sentence.words.len());
        sc.scores.resize(acts.n_classes(), 0.0);
        while !sc.state.terminal() {
            if let Some((mv, l)) = sc.state.forced(&acts) {
                sc.state.apply(mv, l);
                continue;
            }
            extract(&sc.state, &sc.toks, &mut sc.feats);
            self.table.scores(&sc.feats, &mut sc.scores);
            let legality = sc.state.legality(&acts);
            // Some transition is always legal before the end; `finish` would cope otherwise.
            let Some(best) = best_of(&sc.scores, |c| State::legal_class(&acts, legality, c)) else {
                break;
            };
            let (mv, l) = acts.decode(best);
            sc.state.apply(mv, l);
        }
        let words = &sentence.words;
        sc.state.finish(
            &acts,
            |w| words[w - 1].upos == "PUNCT",
            self.punct_label,
            self.fallback_label,
        );
        for (i, w) in sentence.words.iter_mut().enumerate() {
            w.head = Some(sc.state.head[i + 1] as usize);
            w.deprel
                .clone_from(&self.labels[sc.state.label[i + 1] as usize]);
        }
    }

    /// Writes the model to `path` (model file kind "parser").
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        tacitus_modelfile::save(path, KIND, VERSION, self)
    }

    /// Reads a model written by [`Parser::save`].
    pub fn load(path: &Path) -> Result<Parser, ModelError> {
        let p: Parser = tacitus_modelfile::load(path, KIND, VERSION)?;
        let n = p.labels.len();
        let ok = n > 0
            && n < u16::MAX as usize / 2
            && [p.root_label, p.punct_label, p.fallback_label]
                .iter()
                .all(|&l| (l as usize) < n)
            && p.table.n_classes() == p.actions().n_classes();
        if ok {
            Ok(p)
        } else {
            Err(ModelError::Corrupt {
                path: path.to_path_buf(),
                what: "inconsistent label set".into(),
            })
        }
    }

    /// Number of features and of (feature, class) weights in the model.
    pub fn size(&self) -> (usize, usize) {
        (self.table.n_features(), self.table.n_weights())
    }

    /// The dependency labels this parser predicts.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
}
