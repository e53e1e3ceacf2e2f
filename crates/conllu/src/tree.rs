//! A readable drawing of a dependency tree, for people rather than programs.

use crate::Sentence;

/// Draws the sentence's tree with box-drawing lines: one word per line, `form UPOS relation`.
///
/// Children follow their head in text order. Words not reachable from the root (unannotated or
/// cyclic input) are listed at the end, marked `(detached)`.
pub fn render_tree(s: &Sentence) -> String {
    let n = s.words.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (i, w) in s.words.iter().enumerate() {
        if let Some(h) = w.head.filter(|&h| h <= n) {
            children[h].push(i + 1);
        }
    }
    let mut out = String::new();
    let mut seen = vec![false; n + 1];
    let mut stack: Vec<(usize, String, bool)> = children[0]
        .iter()
        .rev()
        .map(|&c| (c, String::new(), true))
        .collect();
    while let Some((node, prefix, root)) = stack.pop() {
        if std::mem::replace(&mut seen[node], true) {
            continue;
        }
        let w = &s.words[node - 1];
        out.push_str(&prefix);
        out.push_str(&format!("{} {} {}\n", w.form, w.upos, w.deprel));
        let kids = &children[node];
        let base = if root {
            String::new()
        } else {
            prefix.replace("├─ ", "│  ").replace("└─ ", "   ")
        };
        for (k, &c) in kids.iter().enumerate().rev() {
            let branch = if k + 1 == kids.len() {
                "└─ "
            } else {
                "├─ "
            };
            stack.push((c, format!("{base}{branch}"), false));
        }
    }
    for (i, w) in s.words.iter().enumerate() {
        if !seen[i + 1] {
            out.push_str(&format!("{} {} {} (detached)\n", w.form, w.upos, w.deprel));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_str;

    #[test]
    fn draws_nested_children_in_order() {
        let text = "1\tBush\t_\tPROPN\t_\t_\t2\tnsubj\t_\t_\n2\tnominated\t_\tVERB\t_\t_\t0\troot\t_\t_\n3\ttwo\t_\tNUM\t_\t_\t4\tnummod\t_\t_\n4\tjudges\t_\tNOUN\t_\t_\t2\tobj\t_\t_\n\n";
        let s = &parse_str(text).unwrap()[0];
        assert_eq!(
            render_tree(s),
            "nominated VERB root\n├─ Bush PROPN nsubj\n└─ judges NOUN obj\n   └─ two NUM nummod\n"
        );
    }

    #[test]
    fn survives_cycles() {
        let text = "1\ta\t_\tX\t_\t_\t2\tdep\t_\t_\n2\tb\t_\tX\t_\t_\t1\tdep\t_\t_\n\n";
        let s = &parse_str(text).unwrap()[0];
        assert_eq!(render_tree(s), "a X dep (detached)\nb X dep (detached)\n");
    }
}
