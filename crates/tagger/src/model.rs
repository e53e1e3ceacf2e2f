//! The trained tagger: inference and its model file.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tacitus_conllu::Sentence;
use tacitus_modelfile::ModelError;
use tacitus_perceptron::Model;

use crate::features::{Token, context, extract, tokens};

/// Model kind written in the file header.
const KIND: &str = "tagger";
/// Schema version of [`Tagger`]'s serialized form; bump on any change to it or to the features.
const VERSION: u32 = 1;

/// A trained part-of-speech tagger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tagger {
    /// Class `c` is the joint tag `tags[c]` = (UPOS, XPOS).
    pub(crate) tags: Vec<(String, String)>,
    /// Tag dictionary: (hash of form, class) sorted by hash, for frequent unambiguous words.
    pub(crate) dict: Vec<(u64, u16)>,
    /// First pass: sees the words and the tags to the left.
    pub(crate) first: Model,
    /// Second pass: also sees the first pass's tags to the right.
    pub(crate) second: Model,
}

impl Tagger {
    /// Fills `upos` and `xpos` of every word of `sentence` from the forms.
    pub fn tag(&self, sentence: &mut Sentence) {
        let toks = tokens(sentence.words.iter().map(|w| w.form.as_str()));
        let classes = self.classes(&toks);
        for (w, c) in sentence.words.iter_mut().zip(classes) {
            let (upos, xpos) = &self.tags[c as usize];
            w.upos.clone_from(upos);
            w.xpos.clone_from(xpos);
        }
    }

    /// The class of every word of `toks` (as built by [`tokens`]).
    fn classes(&self, toks: &[Token]) -> Vec<u16> {
        let fixed = dictionary_classes(&self.dict, toks);
        let mut scores = vec![0.0f32; self.tags.len()];
        let mut best = |model: &Model, feats: &[u64]| {
            model.scores(feats, &mut scores);
            model.best(&scores) as u16
        };
        let first = decode(toks, &fixed, None, |_, f| best(&self.first, f));
        decode(toks, &fixed, Some(&first), |_, f| best(&self.second, f))
    }

    /// Writes the tagger to `path` (model kind "tagger").
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        tacitus_modelfile::save(path, KIND, VERSION, self)
    }

    /// Reads a tagger written by [`Tagger::save`], refusing files that are damaged or inconsistent.
    pub fn load(path: &Path) -> Result<Tagger, ModelError> {
        let t: Tagger = tacitus_modelfile::load(path, KIND, VERSION)?;
        let n = t.tags.len();
        let consistent = n > 0
            && n <= u16::MAX as usize
            && t.first.n_classes() == n
            && t.second.n_classes() == n
            && t.dict.iter().all(|&(_, c)| (c as usize) < n)
            && t.dict.windows(2).all(|w| w[0].0 < w[1].0);
        if !consistent {
            return Err(ModelError::Corrupt {
                path: path.to_path_buf(),
                what: "inconsistent tag set".into(),
            });
        }
        Ok(t)
    }

    /// Number of (feature, class) weights in both passes.
    pub fn n_weights(&self) -> usize {
        self.first.n_weights() + self.second.n_weights()
    }
}

/// The class `dict` gives each word of `toks`, `None` where the word must be scored.
pub(crate) fn dictionary_classes(dict: &[(u64, u16)], toks: &[Token]) -> Vec<Option<u16>> {
    let words = toks.get(2..toks.len().saturating_sub(2)).unwrap_or(&[]);
    words
        .iter()
        .map(|t| {
            dict.binary_search_by_key(&t.form, |&(h, _)| h)
                .ok()
                .map(|i| dict[i].1)
        })
        .collect()
}

/// Tags `toks` left to right: dictionary words get their `fixed` class, the others whatever
/// `choose(word index, features)` returns. `first` holds the first pass's classes in the second.
pub(crate) fn decode(
    toks: &[Token],
    fixed: &[Option<u16>],
    first: Option<&[u16]>,
    mut choose: impl FnMut(usize, &[u64]) -> u16,
) -> Vec<u16> {
    let mut out: Vec<u16> = Vec::with_capacity(fixed.len());
    let mut feats = Vec::with_capacity(64);
    for (i, fix) in fixed.iter().enumerate() {
        let class = match *fix {
            Some(c) => c,
            None => {
                extract(toks, i, context(&out, i, first), &mut feats);
                choose(i, &feats)
            }
        };
        out.push(class);
    }
    out
}
