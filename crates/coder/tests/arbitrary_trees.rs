//! Property test: the coder never panics on any tree (cycles, self-loops, heads out of range,
//! odd relations and tags), and every span it records slices the document to its text.

use proptest::prelude::*;
use tacitus_coder::{Coder, Document, Lexicon, LexiconParts, Options, Section};
use tacitus_conllu::{Sentence, Word};
use tacitus_nlp::{Parsed, Span};

const VERBS: &str = "--- ATTACK [190] ---\nATTACK\n- * (WITH ROCKETS) [195]\n- % * [190]\n\
--- MEET [040:040] ---\nMEET {MEETS MET MEETING}\n- + * $ [042]\n- * ^ (IN +) [043]\n\
--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n";
const ACTORS: &str = "ISRAEL [ISR]\n+ISRAELI\nIRAN [IRN]\nGONDOR_ [GON]\nUNITED_STATES [USA]\n";
const AGENTS: &str = "TROOPS {} [~MIL]\nOFFICIAL [~GOV]\nPOLICE {} [~COP]\n";

const FORMS: &[&str] = &[
    "Israel", "Israeli", "Iran", "Gondor", "United", "States", "troops", "official", "police",
    "attacked", "met", "said", "not", "may", "and", "with", "rockets", "in", "by", "the", "Zürich",
    "’s", "was", ",", ".", "it", "who",
];
const RELS: &[&str] = &[
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "obl",
    "nmod",
    "nmod:poss",
    "compound",
    "amod",
    "conj",
    "cc",
    "case",
    "advmod",
    "aux",
    "aux:pass",
    "xcomp",
    "ccomp",
    "advcl",
    "acl",
    "acl:relcl",
    "parataxis",
    "appos",
    "flat",
    "root",
    "punct",
    "mark",
    "dep",
];
const TAGS: &[&str] = &[
    "NOUN", "PROPN", "VERB", "ADJ", "ADP", "PRON", "AUX", "PUNCT", "ADV",
];

fn lexicon() -> Lexicon {
    Lexicon::compile(LexiconParts {
        verbs: tacitus_dict::parse_verbs(VERBS, "v").unwrap(),
        actors: tacitus_dict::parse_actors(ACTORS, "a").unwrap(),
        agents: tacitus_dict::parse_agents(AGENTS, "g").unwrap(),
        discards: Default::default(),
        goldstein: None,
        plover: None,
    })
}

/// A sentence of `words` (form, head, relation, tag indices) as text and as a parse.
fn build(words: &[(usize, usize, usize, usize)]) -> (String, Parsed) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut sentence = Sentence::default();
    for &(f, head, rel, tag) in words {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.chars().count();
        let form = FORMS[f % FORMS.len()];
        text.push_str(form);
        spans.push(Span {
            start,
            end: start + form.chars().count(),
        });
        let mut w = Word::new(form);
        w.lemma = form.to_lowercase();
        w.upos = TAGS[tag % TAGS.len()].to_string();
        w.deprel = RELS[rel % RELS.len()].to_string();
        w.head = Some(head % (words.len() + 2));
        sentence.words.push(w);
    }
    let span = Span {
        start: 0,
        end: text.chars().count(),
    };
    (
        text,
        Parsed {
            sentence,
            span,
            word_spans: spans,
        },
    )
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn any_tree_codes_without_panic_and_spans_slice_the_text(
        words in prop::collection::vec((0usize..64, 0usize..64, 0usize..64, 0usize..64), 1..24),
        require_dyad in any::<bool>(),
    ) {
        let coder = Coder::new(
            lexicon(),
            Options {
                require_dyad,
                ..Options::default()
            },
        );
        let (text, parsed) = build(&words);
        let doc = Document { id: "p".into(), text: text.clone(), has_headline: false, date: None, place: None };
        let out = coder.code_parsed(&doc, &[(Section::Body, parsed)]);
        for e in &out.events {
            prop_assert_eq!(e.sentence, 0);
            for p in [&e.source, &e.target, &e.reported_by].into_iter().flatten() {
                prop_assert!(p.start <= p.end && p.end <= text.chars().count());
                prop_assert_eq!(slice(&text, p.start, p.end), p.text.clone());
            }
            prop_assert_eq!(slice(&text, e.verb.start, e.verb.end), e.verb.text.clone());
            if require_dyad {
                prop_assert!(e.source.is_some() && e.target.is_some());
            }
        }
    }
}

#[test]
fn the_generator_builds_trees_the_coder_codes() {
    // "Israel attacked Iran" through the same builder: the property above is not vacuous.
    let (text, parsed) = build(&[(0, 2, 0, 1), (9, 0, 23, 2), (2, 2, 2, 1)]);
    let coder = Coder::new(lexicon(), Options::default());
    let doc = Document {
        id: "p".into(),
        text,
        has_headline: false,
        date: None,
        place: None,
    };
    let events = coder.code_parsed(&doc, &[(Section::Body, parsed)]).events;
    let got: Vec<(String, String, String)> = events
        .iter()
        .map(|e| {
            (
                e.source.as_ref().map_or("-".into(), |p| p.code.clone()),
                e.target.as_ref().map_or("-".into(), |p| p.code.clone()),
                e.event_code.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("ISR".into(), "IRN".into(), "190".into())],
        "{}",
        doc.text
    );
}
