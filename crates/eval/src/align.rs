//! Raw-text scoring: the character alignment of the CoNLL 2018 shared-task evaluation.

use tacitus_conllu::{Sentence, Word};

use crate::{EvalError, RawScores, lemma_ok, universal_deprel};

/// Multiword spans whose LCS table would exceed this many cells are aligned greedily instead
/// (never reached by real treebanks; keeps memory bounded on pathological input).
const MAX_LCS_CELLS: usize = 4_000_000;

/// Head of a word, resolved to a document-wide word index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parent {
    Root,
    Word(usize),
    Missing,
}

/// A syntactic word placed on the character axis.
struct AWord<'a> {
    /// Character span of the word, or of its whole token for a multiword token's word.
    start: usize,
    end: usize,
    multi: bool,
    /// Lowercased form without spaces, for LCS alignment.
    lower: String,
    parent: Parent,
    word: &'a Word,
}

/// One side (gold or system) of the comparison.
struct Doc<'a> {
    chars: Vec<char>,
    tokens: Vec<(usize, usize)>,
    sentences: Vec<(usize, usize)>,
    words: Vec<AWord<'a>>,
}

/// Unicode general category Zs (space separators), which the official script removes from forms.
fn is_space_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

impl<'a> Doc<'a> {
    fn new(sentences: &'a [Sentence]) -> Result<Self, EvalError> {
        let mut doc = Doc {
            chars: Vec::new(),
            tokens: Vec::new(),
            sentences: Vec::new(),
            words: Vec::new(),
        };
        for (index, s) in sentences.iter().enumerate() {
            let sent_start = doc.chars.len();
            let word_base = doc.words.len();
            for (first, last) in s.token_spans() {
                let (form, _) = s.token_form(first, last);
                let start = doc.chars.len();
                doc.chars
                    .extend(form.chars().filter(|&c| !is_space_separator(c)));
                let end = doc.chars.len();
                if end == start {
                    return Err(EvalError::EmptyForm { index });
                }
                doc.tokens.push((start, end));
                for w in &s.words[first..=last] {
                    let lower: String = w
                        .form
                        .chars()
                        .filter(|&c| !is_space_separator(c))
                        .flat_map(char::to_lowercase)
                        .collect();
                    let parent = match w.head {
                        Some(0) => Parent::Root,
                        Some(h) if h <= s.words.len() => Parent::Word(word_base + h - 1),
                        _ => Parent::Missing,
                    };
                    doc.words.push(AWord {
                        start,
                        end,
                        multi: last > first,
                        lower,
                        parent,
                        word: w,
                    });
                }
            }
            if doc.chars.len() > sent_start {
                doc.sentences.push((sent_start, doc.chars.len()));
            }
        }
        Ok(doc)
    }
}

/// Number of spans present, with identical start and end, on both sides.
fn matching_spans(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> usize {
    let (mut gi, mut pi, mut correct) = (0, 0, 0);
    while gi < gold.len() && pi < pred.len() {
        let (g, p) = (gold[gi], pred[pi]);
        if p.0 < g.0 {
            pi += 1;
        } else if g.0 < p.0 {
            gi += 1;
        } else {
            correct += usize::from(g.1 == p.1);
            gi += 1;
            pi += 1;
        }
    }
    correct
}

/// Whether word `i` lies past the multiword span ending at `end`.
fn past(words: &[AWord], i: usize, end: usize) -> bool {
    match words.get(i) {
        None => true,
        Some(w) if w.multi => w.start >= end,
        Some(w) => w.end > end,
    }
}

/// Aligns words: `map[system word] = Some(gold word)`.
fn align(gold: &[AWord], pred: &[AWord]) -> Vec<Option<usize>> {
    let mut map = vec![None; pred.len()];
    let (mut gi, mut pi) = (0, 0);
    while gi < gold.len() && pi < pred.len() {
        if gold[gi].multi || pred[pi].multi {
            // Find the smallest span holding whole multiword tokens of both sides.
            let mut end;
            if gold[gi].multi {
                end = gold[gi].end;
                if !pred[pi].multi && pred[pi].start < gold[gi].start {
                    pi += 1;
                }
            } else {
                end = pred[pi].end;
                if gold[gi].start < pred[pi].start {
                    gi += 1;
                }
            }
            let (gs, ps) = (gi, pi);
            while !past(gold, gi, end) || !past(pred, pi, end) {
                let take_gold =
                    gi < gold.len() && (pi >= pred.len() || gold[gi].start <= pred[pi].start);
                let w = if take_gold { &gold[gi] } else { &pred[pi] };
                if w.multi && w.end > end {
                    end = w.end;
                }
                if take_gold {
                    gi += 1;
                } else {
                    pi += 1;
                }
            }
            lcs_align(&gold[gs..gi], &pred[ps..pi], gs, ps, &mut map);
        } else if (gold[gi].start, gold[gi].end) == (pred[pi].start, pred[pi].end) {
            map[pi] = Some(gi);
            gi += 1;
            pi += 1;
        } else if gold[gi].start <= pred[pi].start {
            gi += 1;
        } else {
            pi += 1;
        }
    }
    map
}

/// Aligns the words of one multiword span by the longest common subsequence of lowercased forms.
fn lcs_align(g: &[AWord], p: &[AWord], g0: usize, p0: usize, map: &mut [Option<usize>]) {
    let (n, m) = (g.len(), p.len());
    if n == 0 || m == 0 {
        return;
    }
    let same = |i: usize, j: usize| g[i].lower == p[j].lower;
    // Walks both sides, pairing equal words; on a mismatch `skip_gold(i, j)` says which side moves.
    let mut walk = |skip_gold: &dyn Fn(usize, usize) -> bool| {
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if same(i, j) {
                map[p0 + j] = Some(g0 + i);
                i += 1;
                j += 1;
            } else if skip_gold(i, j) {
                i += 1;
            } else {
                j += 1;
            }
        }
    };
    if (n + 1).saturating_mul(m + 1) > MAX_LCS_CELLS {
        // Too large for the table: a greedy walk that skips on the longer side.
        walk(&|i, j| n - i > m - j);
        return;
    }
    // lcs[i][j]: LCS length of g[i..] and p[j..].
    let w = m + 1;
    let mut lcs = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let diag = if same(i, j) {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                0
            };
            lcs[i * w + j] = diag.max(lcs[(i + 1) * w + j]).max(lcs[i * w + j + 1]);
        }
    }
    walk(&|i, j| lcs[i * w + j] == lcs[(i + 1) * w + j]);
}

fn f1(correct: usize, gold: usize, pred: usize) -> f64 {
    if gold + pred == 0 {
        0.0
    } else {
        200.0 * correct as f64 / (gold + pred) as f64
    }
}

/// Scores a prediction on raw text exactly as the CoNLL 2018 shared-task script does.
pub fn score_raw(gold: &[Sentence], pred: &[Sentence]) -> Result<RawScores, EvalError> {
    let g = Doc::new(gold)?;
    let p = Doc::new(pred)?;
    if g.chars != p.chars {
        let offset = g
            .chars
            .iter()
            .zip(&p.chars)
            .take_while(|(a, b)| a == b)
            .count();
        let tail = |c: &[char]| c.iter().skip(offset).take(20).collect::<String>();
        return Err(EvalError::TextMismatch {
            offset,
            gold: tail(&g.chars),
            pred: tail(&p.chars),
        });
    }
    let map = align(&g.words, &p.words);
    let (mut aligned, mut upos, mut xpos, mut lemma, mut uas, mut las) = (0, 0, 0, 0, 0, 0);
    for (pi, gi) in map.iter().enumerate() {
        let Some(gi) = *gi else { continue };
        let (gw, pw) = (&g.words[gi], &p.words[pi]);
        aligned += 1;
        upos += usize::from(gw.word.upos == pw.word.upos);
        xpos += usize::from(gw.word.xpos == pw.word.xpos);
        lemma += usize::from(lemma_ok(&gw.word.lemma, &pw.word.lemma));
        let head_ok = match (gw.parent, pw.parent) {
            (Parent::Root, Parent::Root) => true,
            (Parent::Word(gh), Parent::Word(ph)) => map[ph] == Some(gh),
            _ => false,
        };
        if head_ok {
            uas += 1;
            las +=
                usize::from(universal_deprel(&gw.word.deprel) == universal_deprel(&pw.word.deprel));
        }
    }
    let (gn, pn) = (g.words.len(), p.words.len());
    Ok(RawScores {
        tokens_f1: f1(
            matching_spans(&g.tokens, &p.tokens),
            g.tokens.len(),
            p.tokens.len(),
        ),
        sentences_f1: f1(
            matching_spans(&g.sentences, &p.sentences),
            g.sentences.len(),
            p.sentences.len(),
        ),
        words_f1: f1(aligned, gn, pn),
        upos_f1: f1(upos, gn, pn),
        xpos_f1: f1(xpos, gn, pn),
        lemma_f1: f1(lemma, gn, pn),
        uas_f1: f1(uas, gn, pn),
        las_f1: f1(las, gn, pn),
    })
}
