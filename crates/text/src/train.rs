//! Training both classifiers from treebank sentences.
//!
//! The treebank is rendered back into running text (tokens joined as `SpaceAfter` says, sentences
//! by a space, paragraphs by a blank line or, in a share of cases, a single line break, and a few
//! in-sentence spaces replaced by line breaks, as in hard-wrapped text), so the models see text
//! shaped like their input. Lexicon features are computed with 4-fold jackknifing (a token's own
//! fold does not count), so the models learn how far to trust the lexicon on unseen text.

use std::collections::{HashMap, HashSet};

use tacitus_conllu::Sentence;
use tacitus_perceptron::{Feature, Table, Trainer};

use crate::chars::{fold, lexicon_key, lower};
use crate::mwt::Splitter;
use crate::sentences::{self, Gap, TokInfo};
use crate::tokens::Stretch;
use crate::{MAX_SENTENCE_TOKENS, Tokenizer};

const FOLDS: usize = 4;
const TOKEN_EPOCHS: usize = 6;
const SENTENCE_EPOCHS: usize = 8;

/// News abbreviations that end in a full stop, beyond those the treebank has.
const ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "cpl.",
    "pvt.", "adm.", "cmdr.", "gov.", "sen.", "rep.", "reps.", "pres.", "amb.", "sec.", "supt.",
    "insp.", "det.", "hon.", "rev.", "fr.", "st.", "jr.", "sr.", "messrs.", "mme.", "mlle.",
    "inc.", "corp.", "co.", "ltd.", "llc.", "plc.", "bros.", "assn.", "dept.", "univ.", "govt.",
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
    "dec.", "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.",
    "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.",
    "kan.", "kans.", "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.",
    "neb.", "nev.", "okla.", "ore.", "pa.", "tenn.", "tex.", "va.", "vt.", "wash.", "wis.", "wyo.",
    "n.y.", "n.j.", "n.h.", "n.m.", "n.c.", "n.d.", "s.c.", "s.d.", "r.i.", "d.c.", "u.s.", "u.k.",
    "u.n.", "e.u.", "u.s.a.", "a.m.", "p.m.", "no.", "nos.", "vol.", "vs.", "v.", "etc.", "e.g.",
    "i.e.", "approx.", "est.", "ft.", "mt.", "ave.", "blvd.", "rd.", "fig.", "ibid.", "cf.", "al.",
    "ph.d.", "b.a.", "m.a.", "m.d.", "a.d.", "b.c.",
];

/// Emoticons, kept whole.
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":d", ":-d", ":p", ":-p", ":o", ":-o", ":/", ":-/",
    ":'(", ":|", "=)", "<3", "^_^", "^^", "xd", ":]", ":[", ";-(", "8)", "8-)",
];

/// The treebank rendered as text, with the gold analysis.
struct Rendered {
    text: Vec<char>,
    /// Token spans (chars), in order.
    tokens: Vec<(usize, usize)>,
    /// Whether a sentence ends after each token.
    sent_end: Vec<bool>,
    /// Jackknife fold of each token.
    fold: Vec<u8>,
    /// (lower-cased surface, lower-cased words) of each token.
    analyses: Vec<(String, Vec<String>)>,
}

/// A deterministic pseudo-random number in 0..100 for the given indices.
fn percent(a: usize, b: usize) -> u64 {
    Feature::new(77).int(a as u64).int(b as u64).finish() % 100
}

fn lowercase(s: &str) -> String {
    s.chars().map(lower).collect()
}

fn render(sentences: &[Sentence]) -> Rendered {
    let mut r = Rendered {
        text: Vec::new(),
        tokens: Vec::new(),
        sent_end: Vec::new(),
        fold: Vec::new(),
        analyses: Vec::new(),
    };
    for (si, s) in sentences.iter().enumerate() {
        let spans = s.token_spans();
        if spans.is_empty() {
            continue;
        }
        if !r.text.is_empty() {
            if s.has_comment("newpar") || s.has_comment("newdoc") {
                r.text.push('\n');
                if percent(si, usize::MAX) >= 40 {
                    r.text.push('\n');
                }
            } else {
                r.text.push(' ');
            }
        }
        for (ti, &(first, last)) in spans.iter().enumerate() {
            let (form, misc) = s.token_form(first, last);
            let start = r.text.len();
            r.text.extend(form.chars());
            r.tokens.push((start, r.text.len()));
            r.sent_end.push(ti + 1 == spans.len());
            r.fold.push((si % FOLDS) as u8);
            r.analyses.push((
                lowercase(form),
                s.words[first..=last]
                    .iter()
                    .map(|w| lowercase(&w.form))
                    .collect(),
            ));
            if ti + 1 < spans.len() && !tacitus_conllu::misc_has(misc, "SpaceAfter=No") {
                r.text.push(if percent(si, ti) == 0 { '\n' } else { ' ' });
            }
        }
    }
    r
}

/// Lexicon counts per fold, and the hand list.
struct Lexicon {
    counts: HashMap<u64, [u32; FOLDS]>,
    hand: HashSet<u64>,
}

impl Lexicon {
    /// Whether `key` is known without the evidence of fold `fold`.
    fn known_without(&self, fold: u8) -> impl Fn(u64) -> bool + '_ {
        move |key| {
            self.hand.contains(&key)
                || self.counts.get(&key).is_some_and(|c| {
                    c.iter()
                        .enumerate()
                        .any(|(f, &n)| f != fold as usize && n > 0)
                })
        }
    }
}

/// Whether a token belongs in the lexicon: it has a character other than a letter or digit.
pub(crate) fn lexicon_worthy(s: &str) -> bool {
    s.chars().any(|c| !c.is_alphanumeric())
}

pub(crate) fn train(sentences: &[Sentence]) -> Tokenizer {
    let r = render(sentences);
    let mut words: Vec<String> = ABBREVIATIONS
        .iter()
        .chain(EMOTICONS)
        .map(|s| s.to_string())
        .collect();
    let mut lex = Lexicon {
        counts: HashMap::new(),
        hand: words
            .iter()
            .map(|w| crate::chars::lexicon_key_str(w))
            .collect(),
    };
    for (i, &(a, b)) in r.tokens.iter().enumerate() {
        let form: String = r.text[a..b].iter().collect();
        if lexicon_worthy(&form) && b - a <= 24 {
            let lowered: Vec<char> = r.text[a..b].iter().map(|&c| fold(c)).collect();
            lex.counts.entry(lexicon_key(&lowered)).or_default()[r.fold[i] as usize] += 1;
            words.push(lowered.into_iter().collect());
        }
    }

    // Token boundaries.
    let mut is_start = vec![false; r.text.len() + 1];
    let mut fold_at = vec![0u8; r.text.len() + 1];
    for (i, &(a, b)) in r.tokens.iter().enumerate() {
        is_start[a] = true;
        fold_at[a..b].fill(r.fold[i]);
    }
    let mut pieces = Vec::new();
    crate::scan(&r.text.iter().collect::<String>(), |start, piece, _| {
        pieces.push((start, start + piece.text.chars().count()));
    });
    let lowered: Vec<char> = r.text.iter().map(|&c| fold(c)).collect();
    let mut trainer = Trainer::new(2);
    let (mut feats, mut starts, mut protect) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..TOKEN_EPOCHS {
        for &(a, b) in &pieces {
            let stretch = Stretch {
                chars: &r.text[a..b],
                lower: &lowered[a..b],
            };
            let known = lex.known_without(fold_at[a]);
            stretch.walk(&known, &mut feats, &mut starts, &mut protect, |f, p| {
                let gold = usize::from(is_start[a + p]);
                let guess = trainer.predict(f);
                trainer.update(f, gold, guess);
                gold == 1
            });
        }
    }
    let boundary = two_class_table(&trainer);

    // Sentence boundaries.
    let infos: Vec<TokInfo> = r
        .tokens
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| {
            let next = r.tokens.get(i + 1).map_or(r.text.len(), |t| t.0);
            let gap = if i + 1 == r.tokens.len() {
                Gap::Blank
            } else {
                Gap::of(r.text[b..next].iter().copied())
            };
            TokInfo::new(&r.text[a..b], gap, &lex.known_without(r.fold[i]))
        })
        .collect();
    let mut trainer = Trainer::new(2);
    for _ in 0..SENTENCE_EPOCHS {
        let mut since = 0;
        for i in 0..infos.len() {
            let gold = r.sent_end[i];
            if infos[i].gap != Gap::Blank && since + 1 < MAX_SENTENCE_TOKENS {
                sentences::features(&infos, i, since, &mut feats);
                let guess = trainer.predict(&feats);
                trainer.update(&feats, usize::from(gold), guess);
            }
            since = if gold { 0 } else { since + 1 };
        }
    }
    let sentence = two_class_table(&trainer);

    let splitter = Splitter::learn(r.analyses.into_iter());
    Tokenizer::from_parts(boundary, sentence, words, splitter)
}

/// The scoring table of a two-class (yes/no) trainer.
fn two_class_table(trainer: &Trainer) -> Table {
    // Two classes always fit a table (its limit is in the hundreds).
    Table::new(&trainer.average(0.0)).expect("two classes fit a scoring table")
}
