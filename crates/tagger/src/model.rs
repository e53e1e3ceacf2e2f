//! The trained tagger: inference and its model file.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tacitus_conllu::Sentence;
use tacitus_modelfile::ModelError;
use tacitus_perceptron::{Table, best_of, hash_str};

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
        let written_as_sentence = sentence
            .words
            .first()
            .is_some_and(|w| w.form.starts_with(|c: char| c.is_uppercase()))
            && sentence.words.last().is_some_and(|w| w.form == ".");
        let classes = self.classes(&toks, written_as_sentence);
        for (w, c) in sentence.words.iter_mut().zip(classes) {
            let (upos, xpos) = &self.tags[c as usize];
            w.upos.clone_from(upos);
            w.xpos.clone_from(xpos);
        }
    }

    /// The class of every word of `toks` (as built by [`tokens`]); `written_as_sentence` when
    /// the words open with a capital and end with a full stop.
    fn classes(&self, toks: &[Token], written_as_sentence: bool) -> Vec<u16> {
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
        let verb = self.verb_classes();
        // How far below its participle reading each word's past-tense reading scored.
        let mut past_margin = vec![f32::NEG_INFINITY; fixed.len()];
        let mut out = decode(&fixed, Some(&first), |i, ctx| {
            scores[n..].copy_from_slice(&later[i * n..(i + 1) * n]);
            feats.clear();
            extract_tags(toks, i, ctx, &mut feats);
            self.model.add_scores(&feats, &mut scores);
            let best = best_of(&scores[n..], |_| true).unwrap_or(0) as u16;
            if let Some(v) = &verb
                && best == v.participle
            {
                past_margin[i] = scores[n + v.past as usize] - scores[n + v.participle as usize];
            }
            best
        });
        if let Some(v) = verb.as_ref().filter(|_| written_as_sentence) {
            v.past_after_plural_subjects(&self.tags, toks, &mut out);
            v.past_after_opening_subject(&self.tags, toks, &mut out);
            v.give_a_finite_verb(&self.tags, &mut out, &past_margin);
        }
        if let Some(v) = &verb {
            v.base_in_mandative_clauses(&self.tags, toks, &mut out);
        }
        out
    }

    /// The classes of the past tense and the past participle, when the tag set has both.
    fn verb_classes(&self) -> Option<VerbClasses> {
        let class = |xpos: &str| {
            self.tags
                .iter()
                .position(|(u, x)| u == "VERB" && x == xpos)
                .map(|c| c as u16)
        };
        Some(VerbClasses {
            past: class("VBD")?,
            participle: class("VBN")?,
            base: class("VB"),
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

/// The past-tense and past-participle classes, between which news sentences are most often
/// mistagged.
struct VerbClasses {
    past: u16,
    participle: u16,
    /// The base form (VB), when the tag set has it.
    base: Option<u16>,
}

/// Words that open a time after a verb ("approved Friday", "reached last week").
const TIMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "next",
    "this",
    "early",
    "late",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "overnight",
];

/// Whether word `i` of `toks` (as built by [`tokens`]) is one of `words` (lower case).
fn word_in(toks: &[Token], i: usize, words: &[&str]) -> bool {
    toks.get(i + 2)
        .is_some_and(|t| words.iter().any(|w| hash_str(w) == t.lower))
}

/// Whether word `i` of `toks` (as built by [`tokens`]) opens a time.
fn is_time(toks: &[Token], i: usize) -> bool {
    word_in(toks, i, TIMES)
}

/// Words that open an approximate number ("killed at least 160", "arrested more than 100").
const QUANTITY_OPENERS: &[&[&str]] = &[
    &["at", "least"],
    &["more", "than"],
    &["up", "to"],
    &["over"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["roughly"],
    &["some"],
];

/// Whether word `i` of `toks` (as built by [`tokens`]) opens an approximate number: an opener
/// right before a word `classes` tags as a number (CD).
fn opens_quantity(tags: &[(String, String)], toks: &[Token], classes: &[u16], i: usize) -> bool {
    QUANTITY_OPENERS.iter().any(|opener| {
        opener
            .iter()
            .enumerate()
            .all(|(k, w)| word_in(toks, i + k, &[w]))
            && classes
                .get(i + opener.len())
                .is_some_and(|&c| xpos_of(tags, c) == "CD")
    })
}

/// The fine tag of class `c`.
fn xpos_of(tags: &[(String, String)], c: u16) -> &str {
    tags.get(c as usize).map_or("", |t| t.1.as_str())
}

/// Whether word `i` is a finite verb as `classes` tag it: a past or present tense, a modal,
/// or a base form not after *to*, a modal or another base form.
fn is_finite(tags: &[(String, String)], classes: &[u16], i: usize) -> bool {
    let x = xpos_of(tags, classes[i]);
    FINITE.contains(&x)
        || (x == "VB" && (i == 0 || !matches!(xpos_of(tags, classes[i - 1]), "TO" | "MD" | "VB")))
}

/// Forms of the verbs whose *that*-clause takes the base form of its verb (the mandative
/// subjunctive: "demanded that Israel free the prisoners", "urged that he resign").
const MANDATIVE: &[&str] = &[
    "demand",
    "demands",
    "demanded",
    "demanding",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "urge",
    "urges",
    "urged",
    "urging",
    "request",
    "requests",
    "requested",
    "requesting",
    "require",
    "requires",
    "required",
    "requiring",
    "recommend",
    "recommends",
    "recommended",
    "recommending",
    "propose",
    "proposes",
    "proposed",
    "proposing",
    "order",
    "orders",
    "ordered",
    "ordering",
];

/// Fine tags of verbs that make a clause finite.
const FINITE: &[&str] = &["VBD", "VBZ", "VBP", "MD"];

impl VerbClasses {
    /// In a sentence written as one (capital first, full stop last), a participle right after a
    /// plural noun (or an adverb after one) and before the start of a noun phrase is a past
    /// tense, whatever else the sentence holds ("Israeli jets bombed targets near Aleppo, Syria
    /// said", "police fired tear gas", "jihadists killed at least 160 people", "Russian forces
    /// systematically tortured detainees"): a passive participle takes no object. Not before a
    /// time noun ("others made today").
    fn past_after_plural_subjects(
        &self,
        tags: &[(String, String)],
        toks: &[Token],
        classes: &mut [u16],
    ) {
        let xpos = |c: u16| xpos_of(tags, c);
        let plural = |c: u16| matches!(xpos(c), "NNS" | "NNPS");
        for i in 1..classes.len().saturating_sub(1) {
            let subject = plural(classes[i - 1])
                || (i >= 2 && xpos(classes[i - 1]) == "RB" && plural(classes[i - 2]));
            if classes[i] == self.participle
                && subject
                && match xpos(classes[i + 1]) {
                    "DT" | "PRP$" | "CD" | "NNS" | "JJ" => true,
                    "NN" => !is_time(toks, i + 1),
                    _ => opens_quantity(tags, toks, classes, i + 1),
                }
            {
                classes[i] = self.past;
            }
        }
    }

    /// In a sentence written as one, a participle right after the noun phrase that opens the
    /// sentence and before the start of another or an approximate number is a past tense:
    /// "Turkish police detained Istanbul's mayor", "A court sentenced Nurettin Yigit", "A
    /// suicide bomber killed at least 59 people", where the words before it can only be its
    /// subject; also with a day between them ("Russia's election commission on Thursday barred
    /// Boris Nadezhdin"). Not before a time ("the resolution approved Friday requires"), a
    /// plural noun ("pro-government armed groups") or a word `toks` (as built by [`tokens`])
    /// leaves out.
    fn past_after_opening_subject(
        &self,
        tags: &[(String, String)],
        toks: &[Token],
        classes: &mut [u16],
    ) {
        let xpos = |c: u16| xpos_of(tags, c);
        let Some(i) = classes.iter().position(|&c| {
            !matches!(
                xpos(c),
                "DT" | "PDT"
                    | "JJ"
                    | "NN"
                    | "NNS"
                    | "NNP"
                    | "NNPS"
                    | "CD"
                    | "PRP$"
                    | "POS"
                    | "HYPH"
            )
        }) else {
            return;
        };
        // A day may stand between the subject and its verb: "Russia's election commission on
        // Thursday barred ...".
        let on_day = word_in(toks, i, &["on"]) && is_time(toks, i + 1);
        let verb = if on_day { i + 2 } else { i };
        if i > 0
            && classes.get(verb) == Some(&self.participle)
            && matches!(xpos(classes[i - 1]), "NN" | "NNS" | "NNP" | "NNPS")
            && (classes
                .get(verb + 1)
                .is_some_and(|&c| matches!(xpos(c), "DT" | "PRP$" | "CD" | "JJ" | "NNP" | "NNPS"))
                || opens_quantity(tags, toks, classes, verb + 1))
            && !is_time(toks, verb + 1)
        {
            classes[verb] = self.past;
        }
    }

    /// A *that*-clause after a verb of demand (within the four words before *that*: "demanded
    /// on Saturday that") whose tags leave it without a finite verb has its verb in the base
    /// form: the first word read as a singular noun, an adjective or a participle that follows
    /// a noun or pronoun and is not followed by one, up to the clause's first comma, colon or
    /// full stop ("Israel free all Palestinian prisoners", "Prime Minister Sheikh Hasina resign
    /// and hand power", "the peace process continue", where a tagger trained on web text reads
    /// an adjective or a noun).
    fn base_in_mandative_clauses(
        &self,
        tags: &[(String, String)],
        toks: &[Token],
        classes: &mut [u16],
    ) {
        let Some(base) = self.base else {
            return;
        };
        let xpos = |c: u16| xpos_of(tags, c);
        let that_word = hash_str("that");
        for that in 1..classes.len() {
            if toks.get(that + 2).is_none_or(|t| t.lower != that_word)
                || !(that.saturating_sub(4)..that).any(|i| word_in(toks, i, MANDATIVE))
            {
                continue;
            }
            let end = (that + 1..classes.len())
                .find(|&i| matches!(xpos(classes[i]), "," | ":" | "."))
                .unwrap_or(classes.len());
            if (that + 1..end).any(|i| is_finite(tags, classes, i)) {
                continue;
            }
            let noun = |i: usize| matches!(xpos(classes[i]), "NN" | "NNS" | "NNP" | "NNPS" | "POS");
            let verb = (that + 2..end).find(|&i| {
                matches!(xpos(classes[i - 1]), "NN" | "NNS" | "NNP" | "NNPS" | "PRP")
                    && matches!(xpos(classes[i]), "NN" | "JJ" | "VBN")
                    && !(i + 1 < classes.len() && noun(i + 1))
            });
            if let Some(i) = verb {
                classes[i] = base;
            }
        }
    }

    /// A sentence written as one whose tags leave it without a finite verb, but with a
    /// participle that follows a noun and is followed by what may be its object or a
    /// preposition, has that participle read as a past tense: "Russian troops attacked rebel
    /// positions", where a tagger trained on web text reads a noun phrase with a participle. Of
    /// several such participles, the one whose past-tense reading scored best.
    fn give_a_finite_verb(&self, tags: &[(String, String)], classes: &mut [u16], margin: &[f32]) {
        let xpos = |c: u16| xpos_of(tags, c);
        if (0..classes.len()).any(|i| is_finite(tags, classes, i)) {
            return;
        }
        let candidate = |i: usize| {
            classes[i] == self.participle
                && i > 0
                && classes[..i]
                    .iter()
                    .any(|&c| matches!(xpos(c), "NN" | "NNS" | "NNP" | "NNPS" | "PRP"))
                && classes.get(i + 1).is_some_and(|&c| {
                    matches!(
                        xpos(c),
                        "DT" | "PDT"
                            | "PRP$"
                            | "PRP"
                            | "NN"
                            | "NNS"
                            | "NNP"
                            | "NNPS"
                            | "JJ"
                            | "CD"
                            | "IN"
                            | "RP"
                    )
                })
        };
        let best = (0..classes.len())
            .filter(|&i| candidate(i))
            .max_by(|&a, &b| margin[a].total_cmp(&margin[b]).then(b.cmp(&a)));
        if let Some(i) = best {
            classes[i] = self.past;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tags() -> Vec<(String, String)> {
        [
            "NNS JJ",
            "VBN VERB",
            "VBD VERB",
            "NN NOUN",
            ". PUNCT",
            "VBZ VERB",
            "RB ADV",
            "NNP PROPN",
            "IN ADP",
            "CD NUM",
            "VB VERB",
            "JJ ADJ",
            "DT DET",
        ]
        .iter()
        .map(|t| {
            let (x, u) = t.split_once(' ').unwrap_or_default();
            (u.to_string(), x.to_string())
        })
        .collect()
    }

    fn verbs() -> VerbClasses {
        VerbClasses {
            participle: 1,
            past: 2,
            base: Some(10),
        }
    }

    #[test]
    fn a_sentence_without_a_finite_verb_gets_its_best_past_tense() {
        // Two participles after nouns, each before a noun: the second's past-tense reading
        // scored better.
        let mut classes = vec![3u16, 1, 3, 1, 3, 4];
        let margin = [f32::NEG_INFINITY, -2.0, f32::NEG_INFINITY, -0.5, 0.0, 0.0];
        verbs().give_a_finite_verb(&tags(), &mut classes, &margin);
        assert_eq!(classes, vec![3, 1, 3, 2, 3, 4]);
    }

    #[test]
    fn a_participle_between_a_plural_and_an_object_is_a_past_tense() {
        let plural = |words: &[&str], classes: &[u16]| {
            let mut classes = classes.to_vec();
            let toks = tokens(words.iter().copied());
            verbs().past_after_plural_subjects(&tags(), &toks, &mut classes);
            classes
        };
        assert_eq!(
            plural(&["troops", "fired", "gas", "."], &[0, 1, 3, 4]),
            vec![0, 2, 3, 4]
        );
        // An approximate number after it: "jihadists killed at least 160 people".
        assert_eq!(
            plural(
                &["jihadists", "killed", "at", "least", "160", "."],
                &[0, 1, 8, 6, 9, 4]
            ),
            vec![0, 2, 8, 6, 9, 4]
        );
        // An adverb between: "forces systematically tortured detainees".
        assert_eq!(
            plural(
                &["forces", "systematically", "tortured", "detainees", "."],
                &[0, 6, 1, 0, 4]
            ),
            vec![0, 6, 2, 0, 4]
        );
        // A time noun after it: "others made today".
        assert_eq!(
            plural(&["others", "made", "today", "."], &[0, 1, 3, 4]),
            vec![0, 1, 3, 4]
        );
    }

    #[test]
    fn a_participle_after_the_opening_noun_phrase_is_a_past_tense() {
        let opening = |words: &[&str], classes: &[u16]| {
            let mut classes = classes.to_vec();
            verbs().past_after_opening_subject(
                &tags(),
                &tokens(words.iter().copied()),
                &mut classes,
            );
            classes
        };
        let detained = ["police", "detained", "Imamoglu", "."];
        assert_eq!(opening(&detained, &[3, 1, 7, 4]), vec![3, 2, 7, 4]);
        // A time after it: "the resolution approved Friday requires ...".
        let approved = ["resolution", "approved", "Friday", "requires", "."];
        assert_eq!(opening(&approved, &[3, 1, 7, 5, 4]), vec![3, 1, 7, 5, 4]);
        // Not the opening noun phrase: "Ali says police detained Omar".
        let later = ["Ali", "says", "police", "detained", "Omar", "."];
        assert_eq!(opening(&later, &[7, 5, 3, 1, 7, 4]), vec![7, 5, 3, 1, 7, 4]);
        // A day between the subject and the verb: "police on Monday detained Omar".
        let on_day = ["police", "on", "Monday", "detained", "Omar", "."];
        assert_eq!(
            opening(&on_day, &[3, 8, 7, 1, 7, 4]),
            vec![3, 8, 7, 2, 7, 4]
        );
        // An approximate number after it: "bomber killed at least 59 people".
        let killed = ["bomber", "killed", "at", "least", "59", "people", "."];
        assert_eq!(
            opening(&killed, &[3, 1, 8, 6, 9, 0, 4]),
            vec![3, 2, 8, 6, 9, 0, 4]
        );
    }

    #[test]
    fn a_demand_that_clause_takes_a_base_form() {
        let mandative = |words: &[&str], classes: &[u16]| {
            let mut classes = classes.to_vec();
            verbs().base_in_mandative_clauses(
                &tags(),
                &tokens(words.iter().copied()),
                &mut classes,
            );
            classes
        };
        let free = [
            "Hamas",
            "demanded",
            "that",
            "Israel",
            "free",
            "all",
            "prisoners",
            ".",
        ];
        let classes = [7, 2, 8, 7, 11, 12, 0, 4];
        assert_eq!(mandative(&free, &classes), vec![7, 2, 8, 7, 10, 12, 0, 4]);
        // Not after a verb of saying, nor where the clause has a finite verb.
        let said = [
            "Hamas",
            "said",
            "that",
            "Israel",
            "free",
            "all",
            "prisoners",
            ".",
        ];
        assert_eq!(mandative(&said, &classes), classes.to_vec());
        let frees = [
            "Hamas",
            "demanded",
            "that",
            "Israel",
            "frees",
            "prisoners",
            ".",
        ];
        let classes = [7, 2, 8, 7, 5, 0, 4];
        assert_eq!(mandative(&frees, &classes), classes.to_vec());
    }

    #[test]
    fn a_finite_verb_or_no_object_leaves_the_participle() {
        let margin = [0.0; 6];
        // "troops attacked positions , police says ."
        let mut with_finite = vec![3u16, 1, 3, 3, 5, 4];
        verbs().give_a_finite_verb(&tags(), &mut with_finite, &margin);
        assert_eq!(with_finite, vec![3, 1, 3, 3, 5, 4]);
        // "service highly recommended ." (nothing after the participle)
        let mut fragment = vec![3u16, 6, 1, 4];
        verbs().give_a_finite_verb(&tags(), &mut fragment, &margin[..4]);
        assert_eq!(fragment, vec![3, 6, 1, 4]);
    }
}
