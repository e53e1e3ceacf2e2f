//! CoNLL-U writer: the inverse of the reader.

use std::fmt::Write;

use crate::Sentence;

/// Appends one sentence, with its closing blank line, to `out`.
pub fn write_sentence(out: &mut String, s: &Sentence) {
    for c in &s.comments {
        if c.is_empty() {
            out.push_str("#\n");
        } else {
            let _ = writeln!(out, "# {c}");
        }
    }
    let mut mwt = s.multiwords.iter().peekable();
    let mut opaque = s.opaque.iter().peekable();
    for (i, w) in s.words.iter().enumerate() {
        while let Some(o) = opaque.next_if(|o| o.after_word == i) {
            let _ = writeln!(out, "{}", o.line);
        }
        while let Some(m) = mwt.next_if(|m| m.first == i + 1) {
            let _ = writeln!(
                out,
                "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                m.first, m.last, m.form, m.misc
            );
        }
        let head = w.head.map_or_else(|| "_".to_string(), |h| h.to_string());
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            w.form,
            w.lemma,
            w.upos,
            w.xpos,
            w.feats,
            head,
            w.deprel,
            w.deps,
            w.misc
        );
    }
    for o in opaque {
        let _ = writeln!(out, "{}", o.line);
    }
    out.push('\n');
}

/// Writes sentences as one CoNLL-U document.
pub fn write_str(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(&mut out, s);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{parse_str, write_str};
    use proptest::prelude::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n3.1\tx\tx\tX\tX\t_\t_\t_\t4:dep\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n\n";

    #[test]
    fn round_trip_sample() {
        let s = parse_str(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].multiwords.len(), 1);
        assert_eq!(write_str(&s), SAMPLE);
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse_str("# c\n1\tx\n").unwrap_err().to_string();
        assert!(err.starts_with("line 2:"), "{err}");
        let err = parse_str("1\ta\t_\t_\t_\t_\t9\t_\t_\t_\n\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("outside"), "{err}");
        let err = parse_str("2\ta\t_\t_\t_\t_\t0\t_\t_\t_\n\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("out of sequence"), "{err}");
    }

    fn field() -> impl Strategy<Value = String> {
        "[A-Za-z0-9.,'=|:-]{1,8}"
    }

    proptest! {
        #[test]
        fn round_trip_generated(forms in proptest::collection::vec((field(), field(), 0usize..6), 1..12)) {
            let n = forms.len();
            let mut text = String::from("# text = generated\n");
            for (i, (form, misc, h)) in forms.iter().enumerate() {
                text.push_str(&format!("{}\t{}\t_\tNOUN\tNN\t_\t{}\tdep\t_\t{}\n", i + 1, form, h % (n + 1), misc));
            }
            text.push('\n');
            let parsed = parse_str(&text).unwrap();
            prop_assert_eq!(write_str(&parsed), text);
        }
    }
}
