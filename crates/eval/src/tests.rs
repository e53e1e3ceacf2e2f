use tacitus_conllu::{MultiwordToken, Sentence, Word, parse_str};

use super::*;

/// One sentence from tokens written as `form` or `surface word word...` (a multiword token).
fn sent(tokens: &[&str]) -> Sentence {
    let mut s = Sentence::default();
    for t in tokens {
        let parts: Vec<&str> = t.split(' ').collect();
        if parts.len() > 1 {
            s.multiwords.push(MultiwordToken {
                first: s.words.len() + 1,
                last: s.words.len() + parts.len() - 1,
                form: parts[0].to_string(),
                misc: "_".to_string(),
            });
            s.words.extend(parts[1..].iter().map(|w| Word::new(*w)));
        } else {
            s.words.push(Word::new(*t));
        }
    }
    s
}

fn words_f1(gold: &[&str], pred: &[&str]) -> f64 {
    score_raw(&[sent(gold)], &[sent(pred)]).unwrap().words_f1
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn word_alignment_matches_the_official_script() {
    // (gold, prediction, aligned words); F1 = 2 * aligned / (gold words + predicted words).
    let cases: &[(&[&str], &[&str], usize)] = &[
        (&["a"], &["a"], 1),
        (&["a", "b", "c"], &["a", "b", "c"], 3),
        (&["abc a b c"], &["a", "b", "c"], 3),
        (&["a", "bc b c", "d"], &["a", "b", "c", "d"], 4),
        (&["abcd a b c d"], &["ab a b", "cd c d"], 4),
        (&["abc a b c", "de d e"], &["a", "bcd b c d", "e"], 5),
        (&["abcd"], &["a", "b", "c", "d"], 0),
        (&["abc", "d"], &["a", "b", "c", "d"], 1),
        (&["a", "bc", "d"], &["a", "b", "c", "d"], 2),
        (&["a", "bc b c", "d"], &["a", "b", "cd"], 2),
        (
            &["abc a BX c", "def d EX f"],
            &["ab a b", "cd c d", "ef e f"],
            4,
        ),
        (&["ab a b", "cd bc d"], &["a", "bc", "d"], 2),
        (&["a", "bc b c", "d"], &["ab AX BX", "cd CX a"], 1),
    ];
    for (gold, pred, aligned) in cases {
        let n = |t: &[&str]| -> usize { t.iter().map(|x| x.split(' ').count().max(2) - 1).sum() };
        let want = 200.0 * *aligned as f64 / (n(gold) + n(pred)) as f64;
        let got = words_f1(gold, pred);
        assert!(close(got, want), "{gold:?} vs {pred:?}: {got} != {want}");
    }
}

#[test]
fn different_text_is_a_typed_error() {
    let err = score_raw(&[sent(&["a"])], &[sent(&["b"])]).unwrap_err();
    assert!(
        matches!(err, EvalError::TextMismatch { offset: 0, .. }),
        "{err}"
    );
}

const GOLD: &str = "# sent_id = s1
# text = I don't know.
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# sent_id = s2
# text = Go home
1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
2\thome\thome\tNOUN\tNN\t_\t1\tobl:npmod\t_\t_

";

#[test]
fn raw_scores_with_a_missed_sentence_boundary() {
    let gold = parse_str(GOLD).unwrap();
    // One sentence instead of two; "know" gets the wrong head; "home" loses its subtype.
    let pred = parse_str(
        "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
6\tGo\tgo\tVERB\tVB\t_\t4\tparataxis\t_\t_
7\thome\thome\tNOUN\tNN\t_\t6\tobl\t_\t_

",
    )
    .unwrap();
    let s = score_raw(&gold, &pred).unwrap();
    assert!(close(s.tokens_f1, 100.0));
    assert!(close(s.words_f1, 100.0));
    // Gold sentences: 2, predicted: 1, none matching.
    assert!(close(s.sentences_f1, 0.0));
    assert!(close(s.upos_f1, 100.0));
    // All heads right except "Go" (root in gold, attached in prediction): 6 of 7.
    assert!(close(s.uas_f1, 600.0 / 7.0), "{}", s.uas_f1);
    assert!(close(s.las_f1, 600.0 / 7.0), "{}", s.las_f1);
}

#[test]
fn raw_scores_with_tokenization_errors() {
    let gold = parse_str(GOLD).unwrap();
    // "don't" left whole, "know." one token.
    let mut pred = vec![sent(&["I", "don't", "know."]), sent(&["Go", "home"])];
    pred[1].words[0].head = Some(0);
    let s = score_raw(&gold, &pred).unwrap();
    // Gold tokens: I don't know . Go home (6); predicted 5; matching: I don't Go home (4).
    assert!(close(s.tokens_f1, 800.0 / 11.0), "{}", s.tokens_f1);
    // Gold words 7, predicted 5; aligned: I, Go, home (don't: LCS of do/n't vs don't finds none).
    assert!(close(s.words_f1, 600.0 / 12.0), "{}", s.words_f1);
    // Sentence spans are the same on both sides.
    assert!(close(s.sentences_f1, 100.0), "{}", s.sentences_f1);
    // Only "Go" has the right head (root).
    assert!(close(s.uas_f1, 200.0 / 12.0), "{}", s.uas_f1);
}

#[test]
fn gold_tok_scores_use_universal_relations() {
    let gold = parse_str(GOLD).unwrap();
    let mut pred = gold.clone();
    pred[0].words[0].upos = "NOUN".into();
    pred[0].words[3].head = Some(1);
    pred[1].words[1].deprel = "obl:tmod".into();
    pred[1].words[0].lemma = "went".into();
    let s = score_gold_tok(&gold, &pred).unwrap();
    assert_eq!(s.words, 7);
    assert!(close(s.upos, 600.0 / 7.0));
    assert!(close(s.xpos, 100.0));
    assert!(close(s.lemma, 600.0 / 7.0));
    assert!(close(s.uas, 600.0 / 7.0));
    assert!(
        close(s.las, 600.0 / 7.0),
        "obl:tmod counts as obl: {}",
        s.las
    );
}

#[test]
fn gold_tok_refuses_other_words() {
    let gold = parse_str(GOLD).unwrap();
    let mut pred = gold.clone();
    pred[1].words[1].form = "house".into();
    match score_gold_tok(&gold, &pred) {
        Err(EvalError::WordMismatch { index: 1, id, .. }) => assert_eq!(id, "s2"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        score_gold_tok(&gold, &pred[..1]),
        Err(EvalError::SentenceCount { gold: 2, pred: 1 })
    ));
}

#[test]
fn raw_text_follows_paragraphs() {
    let mut gold = parse_str(GOLD).unwrap();
    assert_eq!(raw_text(&gold), "I don't know. Go home\n");
    gold[1].comments.push("newpar".into());
    gold[1].comments.retain(|c| !c.starts_with("text"));
    assert_eq!(raw_text(&gold), "I don't know.\n\nGo home\n");
    assert_eq!(raw_text(&[]), "");
}
