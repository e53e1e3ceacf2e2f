//! The trained tagger: inference and its model file.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tacitus_conllu::Sentence;
use tacitus_modelfile::ModelError;
use tacitus_perceptron::{Table, best_of};

use crate::features::{Context, Token, context, extract_tags, extract_words, tokens};
use crate::train::MAX_TAGS;

/// Model kind written in the file header.
const KIND: &str = "tagger";
/// Schema version of [`Tagger`]'s serialized form; bump on any change to it or to the features.
const VERSION: u32 = 2;

/// A trained part-of-speech tagger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tagger {
    /// Class `c` is the joint tag `tags[c]` = (UPOS, XPOS).
    pub(crate) tags: Vec<(String, String)>,
    /// Tag dictionary: (hash of form, class) sorted by hash, for frequent unambiguous words.
    pub(crate) dict: Vec<(u64, u16)>,
    /// Weights of both passes in one table, so that a word feature is looked up once for both:
    /// classes `0..n` score the first pass (which sees the words and the tags to the left),
    /// classes `n..2n` the second (which also sees the first pass's tags to the right).
    pub(crate) model: Table,
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
        let n = self.tags.len();
        // Second-pass scores of each word's word features, found during the first pass.
        let mut later = vec![0.0f32; fixed.len() * n];
        let mut scores = vec![0.0f32; 2 * n];
        let mut feats = Vec::with_capacity(64);
        let first = decode(&fixed, None, |i, ctx| {
            extract_words(toks, i, &mut feats);
            self.model.scores(&feats, &mut scores);
            later[i * n..(i + 1) * n].copy_from_slice(&scores[n..]);
            feats.clear();
            extract_tags(toks, i, ctx, &mut feats);
            self.model.add_scores(&feats, &mut scores);
            best_of(&scores[..n], |_| true).unwrap_or(0) as u16
        });
        decode(&fixed, Some(&first), |i, ctx| {
            scores[n..].copy_from_slice(&later[i * n..(i + 1) * n]);
            feats.clear();
            extract_tags(toks, i, ctx, &mut feats);
            self.model.add_scores(&feats, &mut scores);
            best_of(&scores[n..], |_| true).unwrap_or(0) as u16
        })
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
            && n <= MAX_TAGS
            && t.model.n_classes() == 2 * n
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

    /// Number of (feature, class) weights in the model.
    pub fn n_weights(&self) -> usize {
        self.model.n_weights()
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

/// Tags a sentence left to right: dictionary words get their `fixed` class, the others whatever
/// `choose(word index, tag context)` returns. `first` holds the first pass's classes in the
/// second pass.
pub(crate) fn decode(
    fixed: &[Option<u16>],
    first: Option<&[u16]>,
    mut choose: impl FnMut(usize, Context) -> u16,
) -> Vec<u16> {
    let mut out: Vec<u16> = Vec::with_capacity(fixed.len());
    for (i, fix) in fixed.iter().enumerate() {
        let class = match *fix {
            Some(c) => c,
            None => choose(i, context(&out, i, first)),
        };
        out.push(class);
    }
    out
}
