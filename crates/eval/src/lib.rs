//! Scoring of predicted CoNLL-U against gold: tagging, lemmatisation and parsing accuracy on gold
//! tokenization, and the CoNLL 2018 shared-task metrics on raw text.
//!
//! Numbers reported by Tacitus must be comparable with published ones, so [`score_raw`] follows the
//! official CoNLL 2018 evaluation script (`conll18_ud_eval.py`, Straka & Popel): gold and system are
//! aligned on their non-whitespace characters; tokens and sentences score by exact character spans;
//! words outside multiword tokens align by span, words inside a *multiword span* (the smallest
//! stretch of text containing whole gold and system multiword tokens) align by the longest common
//! subsequence of their lowercased forms; every other metric is an F1 over aligned words.
//!
//! Conventions shared by both entry points:
//! - **LAS compares only the universal part of DEPREL** (the part before `:`), so `nmod:poss` and
//!   `nmod` are the same relation; UAS compares heads only.
//! - A gold lemma `_` (unannotated) accepts any predicted lemma.
//! - Scores are percentages in 0–100; a metric over zero words is 0.
//!
//! [`petrarch`] reads PETRARCH validation files and scores coded events against them;
//! [`events`] scores coded events leniently against a user's gold file.

mod align;
pub mod events;
pub mod petrarch;

use tacitus_conllu::Sentence;

pub use align::score_raw;

/// Gold and predicted data that cannot be compared.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EvalError {
    /// The two sides have different numbers of sentences.
    #[error("gold has {gold} sentences, prediction has {pred}")]
    SentenceCount {
        /// Gold sentence count.
        gold: usize,
        /// Predicted sentence count.
        pred: usize,
    },
    /// A predicted sentence does not have the gold sentence's words.
    #[error("sentence {index} ({id}): {detail}")]
    WordMismatch {
        /// 0-based index of the sentence.
        index: usize,
        /// Its `sent_id`, or `?` when it has none.
        id: String,
        /// What differs.
        detail: String,
    },
    /// The texts under the two tokenizations differ (ignoring whitespace).
    #[error("gold and prediction differ at character {offset}: gold {gold:?}, prediction {pred:?}")]
    TextMismatch {
        /// Index of the first differing non-whitespace character.
        offset: usize,
        /// Up to 20 gold characters from there.
        gold: String,
        /// Up to 20 predicted characters from there.
        pred: String,
    },
    /// A word or token form is empty once whitespace is removed.
    #[error("sentence {index}: a form is empty once spaces are removed")]
    EmptyForm {
        /// 0-based index of the sentence (on the side that has it).
        index: usize,
    },
}

/// Accuracies on gold tokenization, as percentages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoldTokScores {
    /// Universal POS accuracy.
    pub upos: f64,
    /// Language-specific POS accuracy.
    pub xpos: f64,
    /// Lemma accuracy (gold `_` accepts anything).
    pub lemma: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score on universal relations.
    pub las: f64,
    /// Number of words scored.
    pub words: usize,
}

/// F1 scores on raw text as computed by the CoNLL 2018 script, as percentages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawScores {
    /// Surface tokens with exactly matching spans.
    pub tokens_f1: f64,
    /// Sentences with exactly matching spans.
    pub sentences_f1: f64,
    /// Aligned syntactic words.
    pub words_f1: f64,
    /// Aligned words with the right UPOS.
    pub upos_f1: f64,
    /// Aligned words with the right XPOS.
    pub xpos_f1: f64,
    /// Aligned words with the right lemma.
    pub lemma_f1: f64,
    /// Aligned words whose head is aligned to the gold head.
    pub uas_f1: f64,
    /// As UAS, with the universal relation right too.
    pub las_f1: f64,
}

/// The universal part of a dependency relation (`nmod:poss` → `nmod`).
pub fn universal_deprel(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Whether a predicted lemma counts as right (a gold `_` accepts anything).
fn lemma_ok(gold: &str, pred: &str) -> bool {
    gold == "_" || gold == pred
}

fn percent(correct: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * correct as f64 / total as f64
    }
}

/// Scores predictions made on the gold words: every sentence must have the same word forms.
pub fn score_gold_tok(gold: &[Sentence], pred: &[Sentence]) -> Result<GoldTokScores, EvalError> {
    if gold.len() != pred.len() {
        return Err(EvalError::SentenceCount {
            gold: gold.len(),
            pred: pred.len(),
        });
    }
    let (mut upos, mut xpos, mut lemma, mut uas, mut las, mut words) = (0, 0, 0, 0, 0, 0);
    for (index, (g, p)) in gold.iter().zip(pred).enumerate() {
        let mismatch = |detail: String| EvalError::WordMismatch {
            index,
            id: g.meta("sent_id").unwrap_or("?").to_string(),
            detail,
        };
        if g.words.len() != p.words.len() {
            return Err(mismatch(format!(
                "gold has {} words, prediction has {}",
                g.words.len(),
                p.words.len()
            )));
        }
        for (i, (gw, pw)) in g.words.iter().zip(&p.words).enumerate() {
            if gw.form != pw.form {
                return Err(mismatch(format!(
                    "word {} is {:?} in gold, {:?} in prediction",
                    i + 1,
                    gw.form,
                    pw.form
                )));
            }
            words += 1;
            upos += usize::from(gw.upos == pw.upos);
            xpos += usize::from(gw.xpos == pw.xpos);
            lemma += usize::from(lemma_ok(&gw.lemma, &pw.lemma));
            if gw.head.is_some() && gw.head == pw.head {
                uas += 1;
                las += usize::from(universal_deprel(&gw.deprel) == universal_deprel(&pw.deprel));
            }
        }
    }
    Ok(GoldTokScores {
        upos: percent(upos, words),
        xpos: percent(xpos, words),
        lemma: percent(lemma, words),
        uas: percent(uas, words),
        las: percent(las, words),
        words,
    })
}

/// The text of one sentence: its `# text` comment, else its tokens joined as MISC `SpaceAfter` says.
pub fn sentence_text(s: &Sentence) -> String {
    if let Some(t) = s.meta("text") {
        return t.to_string();
    }
    let mut out = String::new();
    for (first, last) in s.token_spans() {
        let (form, misc) = s.token_form(first, last);
        out.push_str(form);
        if !tacitus_conllu::misc_has(misc, "SpaceAfter=No") {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The document text to parse in raw-text evaluation: sentences joined by a space within a
/// paragraph and by a blank line at `# newpar` / `# newdoc`, ending with a newline.
pub fn raw_text(gold: &[Sentence]) -> String {
    let mut out = String::new();
    for (i, s) in gold.iter().enumerate() {
        if i > 0 {
            if s.has_comment("newpar") || s.has_comment("newdoc") {
                out.push_str("\n\n");
            } else {
                out.push(' ');
            }
        }
        out.push_str(&sentence_text(s));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
