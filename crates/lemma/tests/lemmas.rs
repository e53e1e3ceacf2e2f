//! Lemmatizer behaviour on hand-written cases, on a toy treebank and (when present) on UD English
//! EWT, read from `$TACITUS_DATA` or `../shared/data` next to the workspace.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use tacitus_conllu::{Reader, Sentence, Word, parse_str};
use tacitus_lemma::Lemmatizer;

fn word(form: &str, upos: &str, xpos: &str) -> Word {
    Word {
        upos: upos.into(),
        xpos: xpos.into(),
        ..Word::new(form)
    }
}

/// Lemmas of (form, UPOS, XPOS) triples, tagged as one sentence.
fn lemmas(m: &Lemmatizer, words: &[(&str, &str, &str)]) -> Vec<String> {
    let mut s = Sentence {
        words: words.iter().map(|&(f, u, x)| word(f, u, x)).collect(),
        ..Sentence::default()
    };
    m.lemmatize(&mut s);
    s.words.into_iter().map(|w| w.lemma).collect()
}

fn toy() -> Lemmatizer {
    let mut text = String::new();
    let rows = [
        ("cats", "cat", "NOUN", "NNS", "Number=Plur"),
        ("dogs", "dog", "NOUN", "NNS", "Number=Plur"),
        ("hats", "hat", "NOUN", "NNS", "Number=Plur"),
        ("cities", "city", "NOUN", "NNS", "Number=Plur"),
        ("flies", "fly", "NOUN", "NNS", "Number=Plur"),
        (
            "went",
            "go",
            "VERB",
            "VBD",
            "Mood=Ind|Tense=Past|VerbForm=Fin",
        ),
        (
            "Went",
            "go",
            "VERB",
            "VBD",
            "Mood=Ind|Tense=Past|VerbForm=Fin",
        ),
        ("Paris", "Paris", "PROPN", "NNP", "Number=Sing"),
        ("London", "London", "PROPN", "NNP", "Number=Sing"),
        ("The", "the", "DET", "DT", "Definite=Def|PronType=Art"),
        ("Big", "big", "ADJ", "JJ", "Degree=Pos"),
        ("Red", "red", "ADJ", "JJ", "Degree=Pos"),
    ];
    for (i, (f, l, u, x, feats)) in rows.iter().enumerate() {
        text += &format!("{}\t{f}\t{l}\t{u}\t{x}\t{feats}\t0\troot\t_\t_\n", i + 1);
    }
    text += "\n";
    Lemmatizer::train(&parse_str(&text).unwrap())
}

#[test]
fn learns_lookups_suffix_rules_and_case() {
    let m = toy();
    assert_eq!(
        lemmas(
            &m,
            &[
                ("went", "VERB", "VBD"),
                ("WENT", "VERB", "VBD"),
                ("bats", "NOUN", "NNS"),
                ("Bats", "NOUN", "NNS"),
                ("ponies", "NOUN", "NNS"),
                ("Berlin", "PROPN", "NNP"),
                ("Small", "ADJ", "JJ"),
                ("42", "NUM", "CD"),
                ("", "X", "XX"),
            ]
        ),
        [
            "go", "go", "bat", "bat", "pony", "Berlin", "small", "42", ""
        ]
    );
    let mut s = Sentence {
        words: vec![word("mats", "NOUN", "NNS"), word("Rome", "PROPN", "NNP")],
        ..Sentence::default()
    };
    m.lemmatize(&mut s);
    assert_eq!(s.words[0].feats, "Number=Plur");
    assert_eq!(s.words[1].feats, "Number=Sing");
}

#[test]
fn training_is_deterministic_and_round_trips() {
    let dir = std::env::temp_dir().join(format!("tacitus-lemma-{}", std::process::id()));
    let (a, b) = (dir.join("a.model"), dir.join("b.model"));
    toy().save(&a).unwrap();
    toy().save(&b).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(Lemmatizer::load(&a).unwrap(), toy());

    let mut bytes = std::fs::read(&a).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    std::fs::write(&a, &bytes).unwrap();
    assert!(Lemmatizer::load(&a).is_err());
    std::fs::write(&a, b"junk").unwrap();
    assert!(Lemmatizer::load(&a).is_err());
    tacitus_modelfile::save(&a, "lemmatizer", 1, &vec![1u8, 2, 3]).unwrap();
    assert!(Lemmatizer::load(&a).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn odd_input_does_not_panic() {
    let m = toy();
    let mut empty = Sentence::default();
    m.lemmatize(&mut empty);
    let junk = ["\u{0}", "ǅǅ", "🙂s", "İS", "ies", "s", "-", "x"];
    let words: Vec<(&str, &str, &str)> = junk
        .iter()
        .flat_map(|f| [(*f, "NOUN", "NNS"), (*f, "PROPN", "NNP"), (*f, "_", "_")])
        .collect();
    assert_eq!(lemmas(&m, &words).len(), words.len());
}

fn read_train() -> Option<Vec<Sentence>> {
    let dir = std::env::var_os("TACITUS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let path = dir.join("ud-english-ewt/train.conllu");
    let Ok(file) = File::open(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return None;
    };
    let mut r = Reader::new(BufReader::new(file));
    let mut out = Vec::new();
    while let Some(s) = r.next_sentence().unwrap() {
        out.push(s);
    }
    Some(out)
}

#[test]
fn english_treebank_cases() {
    let Some(train) = read_train() else {
        return;
    };
    let m = Lemmatizer::train(&train);
    assert_eq!(
        lemmas(
            &m,
            &[
                ("went", "VERB", "VBD"),
                ("children", "NOUN", "NNS"),
                ("better", "ADJ", "JJR"),
                ("U.S.", "PROPN", "NNP"),
                ("I", "PRON", "PRP"),
                ("me", "PRON", "PRP"),
                ("was", "AUX", "VBD"),
                ("studies", "VERB", "VBZ"),
                ("The", "DET", "DT"),
                // Unseen words follow the learned suffix rules.
                ("glorbified", "VERB", "VBD"),
                ("blickets", "NOUN", "NNS"),
                ("zorbing", "VERB", "VBG"),
                ("Quuxland", "PROPN", "NNP"),
                ("1,234", "NUM", "CD"), // EWT drops thousands separators
                (";", "PUNCT", ":"),
            ]
        ),
        [
            "go", "child", "good", "U.S.", "I", "I", "be", "study", "the", "glorbify", "blicket",
            "zorb", "Quuxland", "1234", ";"
        ]
    );
}
