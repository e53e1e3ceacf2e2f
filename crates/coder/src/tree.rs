//! A read-only view of one parsed sentence as a tree: children, subtrees and upper-case word
//! forms, computed once so the coder's many walks are cheap.

use tacitus_conllu::Word;

/// The upper-case forms and lemmas of a sentence's words, in one buffer (two allocations per
/// sentence, not two per word).
pub(crate) struct Spellings {
    text: String,
    /// End of each form, then of each lemma, in `text`.
    ends: Vec<usize>,
}

impl Spellings {
    /// Upper-cases the forms and lemmas of `words`.
    pub fn new(words: &[Word]) -> Spellings {
        let mut text = String::with_capacity(words.iter().map(|w| w.form.len() * 2).sum());
        let mut ends = Vec::with_capacity(words.len() * 2);
        for w in words
            .iter()
            .map(|w| &w.form)
            .chain(words.iter().map(|w| &w.lemma))
        {
            text.extend(w.chars().flat_map(char::to_uppercase));
            ends.push(text.len());
        }
        Spellings { text, ends }
    }

    /// The `k`-th string: forms first, then lemmas.
    fn get(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.text[start..self.ends[k]]
    }
}

/// One sentence's words with tree links (0-based indices).
pub(crate) struct Tree<'a> {
    pub words: &'a [Word],
    /// Upper-case forms, the alphabet of the dictionaries.
    pub upper: Vec<&'a str>,
    /// Upper-case lemmas.
    pub lemma: Vec<&'a str>,
    /// Head of each word; `None` for the root (or an unattached word).
    pub head: Vec<Option<usize>>,
    /// Children of each word, in order.
    pub children: Vec<Vec<usize>>,
    /// Last word of each word's subtree (subtrees of projective trees are contiguous; for the
    /// rest this bounds them).
    pub right: Vec<usize>,
    /// Relation of each word, as the parser gave it or as [`object_under_punctuation`],
    /// [`object_as_said_subject`], [`conjunct_as_speaker`], [`participle_as_modifier`],
    /// [`controlled`], [`clause_after_time`] and [`relative_as_complement`] repair it.
    rels: Vec<&'a str>,
}

/// Verbs whose *to* infinitive is their complement (`xcomp`) when nothing but adjuncts stand
/// between them (*pledged on Monday to provide aid*, *threatened on Sunday to strike*).
const CONTROL_VERBS: &[&str] = &[
    "THREATEN", "PLAN", "INTEND", "PROMISE", "VOW", "PLEDGE", "PREPARE", "PROPOSE", "OFFER",
    "DECIDE", "AGREE", "REFUSE",
];

/// The relation of word `i`: `xcomp` for a subjectless *to* infinitive the parser made an
/// adverbial clause of a control verb with no object (the parser reads a time or place phrase
/// between them as the end of the verb's arguments), else the parser's.
fn controlled<'a>(
    words: &'a [Word],
    lemma: &[&str],
    head: &[Option<usize>],
    children: &[Vec<usize>],
    i: usize,
) -> &'a str {
    let rel = words[i].deprel.as_str();
    let Some(h) = head[i] else { return rel };
    if rel != "advcl" {
        return rel;
    }
    let deprel = |c: &usize| words[*c].deprel.as_str();
    let infinitive = children[i]
        .iter()
        .any(|c| deprel(c) == "mark" && words[*c].form.eq_ignore_ascii_case("to"))
        && !children[i].iter().any(|c| deprel(c).starts_with("nsubj"));
    let object = children[h]
        .iter()
        .any(|c| matches!(deprel(c), "obj" | "iobj"));
    if h < i && infinitive && !object && CONTROL_VERBS.contains(&lemma[h]) {
        "xcomp"
    } else {
        rel
    }
}

/// The verb a clause with its own subject belongs to when the parser hung it from the time
/// phrase between them as a relative clause (*said on Monday he had ordered a siege*, *said
/// Saturday it had withdrawn*): news puts the time there, web text seldom does. `None` for
/// every other word, for true relative clauses (*the day which changed everything*) and for
/// clauses set off by punctuation (*on Monday, which Gondor condemned*).
fn clause_after_time(
    words: &[Word],
    lemma: &[&str],
    head: &[Option<usize>],
    i: usize,
) -> Option<usize> {
    if !words[i].deprel.starts_with("acl") {
        return None;
    }
    let t = head[i].filter(|&t| t < i && TIME_WORDS.contains(&lemma[t]))?;
    if !matches!(
        words[t].deprel.as_str(),
        "obl" | "obl:tmod" | "obl:npmod" | "nmod:tmod"
    ) {
        return None;
    }
    let v = head[t].filter(|&v| v < t && words[v].upos == "VERB")?;
    let relative = |c: usize| {
        matches!(words[c].xpos.as_str(), "WDT" | "WP" | "WP$" | "WRB")
            || (words[c].form.eq_ignore_ascii_case("that") && words[c].deprel != "mark")
    };
    let children = children_of(head, i);
    let mut subject = false;
    for c in children {
        if relative(c) {
            return None;
        }
        subject |= words[c].deprel.starts_with("nsubj");
    }
    let comma = words[t + 1..i].iter().any(|w| w.upos == "PUNCT");
    (subject && !comma).then_some(v)
}

/// The noun a clause belongs to when the parser made a relative clause the complement of a verb
/// further left (*demanded that NATO pull back troops deployed in countries that joined the
/// alliance*: *joined* under *demanded*). The clause's subject is a relative pronoun right after
/// that noun; `None` when the noun is the verb's own argument (*told Reuters that ...*, where
/// the parser may read *that* as the subject), for every other word and every other relation.
fn relative_as_complement(words: &[Word], head: &[Option<usize>], i: usize) -> Option<usize> {
    if words[i].deprel != "ccomp" {
        return None;
    }
    let h = head[i]?;
    let s = (0..i).find(|&c| head[c] == Some(i) && words[c].deprel.starts_with("nsubj"))?;
    let pronoun = words[s].upos == "PRON"
        && ["that", "which", "who"]
            .iter()
            .any(|r| words[s].form.eq_ignore_ascii_case(r));
    let n = s.checked_sub(1).filter(|&n| n > h)?;
    let noun = matches!(words[n].upos.as_str(), "NOUN" | "PROPN");
    let first = (h + 1..s).all(|c| head[c] != Some(i));
    (pronoun && noun && first && head[n] != Some(h)).then_some(n)
}

/// Verbs of speech whose noun-phrase object the parser may have taken from the clause said.
const SAYING: &[&str] = &[
    "SAY", "ADD", "CLAIM", "INSIST", "ARGUE", "STRESS", "NOTE", "ASSERT",
];

/// The predicate whose subject object `i` of a verb of speech really is, when the parser read
/// the subject of what was said as the verb's object and hung the rest elsewhere (*saying
/// Washington's hopes for dialogue would only bring disappointment*, *saying Moscow's concerns
/// were legitimate*): a predicate without a subject right after the object's phrase, a verb
/// with an auxiliary or a word with a copula, attached above the verb of speech. `None` for
/// every other word.
fn object_as_said_subject(
    words: &[Word],
    lemma: &[&str],
    head: &[Option<usize>],
    i: usize,
) -> Option<usize> {
    if words[i].deprel != "obj" || !matches!(words[i].upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    let s = head[i].filter(|&s| s < i && SAYING.contains(&lemma[s]))?;
    let (_, end) = phrase(head, i);
    // The predicate is the first word after the phrase that is not one of its own auxiliaries,
    // copula or adverbs.
    let v = (end + 1..words.len()).find(|&v| {
        !matches!(
            words[v].deprel.as_str(),
            "aux" | "aux:pass" | "cop" | "advmod"
        ) || head[v].is_none_or(|h| h <= end)
    })?;
    let between = (end + 1..v).all(|w| head[w] == Some(v));
    let helped =
        children_of(head, v).any(|c| c < v && matches!(words[c].deprel.as_str(), "aux" | "cop"));
    let subject = children_of(head, v)
        .any(|c| words[c].deprel.starts_with("nsubj") || words[c].deprel == "expl");
    let above = head[v].is_some_and(|h| dominated(head, s, h));
    (between && helped && !subject && above).then_some(v)
}

/// The verb of speech whose subject noun `i` really is, when the parser joined it to the noun
/// phrase before it as a conjunct or apposition (*opened fire, killing three people, rights
/// groups said*: *groups* under *people*; *to rebuild its power grid, Prime Minister Fumio
/// Kishida told a conference*): a conjunct with no conjunction or an apposition, set off by a
/// comma and followed right after its phrase by a verb of speech (or *tell*) that has no
/// subject. `None` for every other word.
fn conjunct_as_speaker(
    words: &[Word],
    lemma: &[&str],
    head: &[Option<usize>],
    i: usize,
) -> Option<usize> {
    if !matches!(words[i].deprel.as_str(), "conj" | "appos")
        || !matches!(words[i].upos.as_str(), "NOUN" | "PROPN")
    {
        return None;
    }
    if children_of(head, i).any(|c| words[c].deprel == "cc") {
        return None;
    }
    let (start, end) = phrase(head, i);
    // The comma is the phrase's first word or the one before it.
    let comma = words[start].form == "," || (start > 0 && words[start - 1].form == ",");
    let v = end + 1;
    let speech = v < words.len()
        && words[v].upos == "VERB"
        && (SAYING.contains(&lemma[v]) || lemma[v] == "TELL");
    (comma
        && speech
        && !children_of(head, v).any(|c| words[c].deprel.starts_with("nsubj"))
        && !dominated(head, v, i))
    .then_some(v)
}

/// The noun a past participle modifies when the parser made the participle a clause with the
/// noun as its object (*Iran freed five detained Americans*: *detained* a complement of
/// *freed*): a participle under a verb with a determiner or number of its own on its left — a
/// clause has neither — and its object right after it. `None` for every other word.
fn participle_as_modifier(words: &[Word], head: &[Option<usize>], v: usize) -> Option<usize> {
    if words[v].upos != "VERB" || !matches!(words[v].xpos.as_str(), "VBN" | "VBD") {
        return None;
    }
    let h = head[v].filter(|&h| h < v && words[h].upos == "VERB")?;
    if !matches!(
        words[v].deprel.as_str(),
        "ccomp" | "xcomp" | "obj" | "advcl"
    ) {
        return None;
    }
    let determined =
        v > 0 && head[v - 1] == Some(v) && matches!(words[v - 1].deprel.as_str(), "det" | "nummod");
    let n = (v + 1..words.len()).find(|&c| head[c] == Some(v))?;
    let object = words[n].deprel == "obj"
        && matches!(words[n].upos.as_str(), "NOUN" | "PROPN")
        && (v + 1..n).all(|w| dominated(head, w, n));
    (determined && object && head[h] != Some(v)).then_some(n)
}

/// The verb whose object noun `n` is, when the parser hung the object from the sentence's
/// final punctuation as a subject (*Police detained former Prime Minister Imran Khan on
/// Tuesday.*: *Imran* an `nsubj` of the full stop, *former* an `amod` of it): a noun under
/// punctuation, its phrase right after a verb (not of speech) with no object of its own that
/// the punctuation hangs from. `None` for every other word.
fn object_under_punctuation(
    words: &[Word],
    lemma: &[&str],
    head: &[Option<usize>],
    n: usize,
) -> Option<usize> {
    if !matches!(words[n].upos.as_str(), "NOUN" | "PROPN")
        || !matches!(words[n].deprel.as_str(), "nsubj" | "obj")
    {
        return None;
    }
    let p = head[n].filter(|&p| p > n && words[p].upos == "PUNCT")?;
    // Not a verb of speech, after which such a noun is the subject of what was said.
    let v = head[p].filter(|&v| {
        v < n
            && words[v].upos == "VERB"
            && !SAYING.contains(&lemma[v])
            && !matches!(lemma[v], "TELL" | "REPORT")
    })?;
    let object = children_of(head, v).any(|c| words[c].deprel == "obj");
    // The noun's phrase follows the verb at once.
    let next = (v + 1..n).all(|w| head[w] == Some(p) || dominated(head, w, n));
    (!object && next).then_some(v)
}

/// The words whose head is `v`, in order (the repairs work on heads still being changed, before
/// the tree's own child lists exist).
fn children_of(head: &[Option<usize>], v: usize) -> impl Iterator<Item = usize> + '_ {
    (0..head.len()).filter(move |&c| head[c] == Some(v))
}

/// The first and last word of the unbroken run of words around `i` that `i` dominates.
fn phrase(head: &[Option<usize>], i: usize) -> (usize, usize) {
    let mut start = i;
    while start > 0 && dominated(head, start - 1, i) {
        start -= 1;
    }
    let mut end = i;
    while end + 1 < head.len() && dominated(head, end + 1, i) {
        end += 1;
    }
    (start, end)
}

/// Whether word `w` lies in the subtree of `top` (bounded, so a cycle cannot loop).
fn dominated(head: &[Option<usize>], w: usize, top: usize) -> bool {
    let mut x = Some(w);
    for _ in 0..=head.len() {
        match x {
            Some(y) if y == top => return true,
            Some(y) => x = head[y],
            None => return false,
        }
    }
    false
}

impl<'a> Tree<'a> {
    /// Builds the view over `words` and their `spellings`; heads out of range are roots.
    pub fn new(words: &'a [Word], spellings: &'a Spellings) -> Tree<'a> {
        let n = words.len();
        let mut head: Vec<Option<usize>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| match w.head {
                Some(h) if h >= 1 && h <= n && h - 1 != i => Some(h - 1),
                _ => None,
            })
            .collect();
        let lemma: Vec<&str> = (0..n).map(|i| spellings.get(n + i)).collect();
        let mut repaired: Vec<Option<&'static str>> = vec![None; n];
        for i in 0..n {
            if let Some(v) = object_under_punctuation(words, &lemma, &head, i) {
                // Its modifiers hung from the punctuation too come back to it.
                let p = head[i];
                for w in v + 1..i {
                    if head[w] == p && words[w].deprel != "punct" {
                        head[w] = Some(i);
                    }
                }
                head[i] = Some(v);
                repaired[i] = Some("obj");
            }
        }
        for i in 0..n {
            if let Some(v) = object_as_said_subject(words, &lemma, &head, i) {
                head[v] = head[i];
                repaired[v] = Some("ccomp");
                head[i] = Some(v);
                repaired[i] = Some("nsubj");
            }
        }
        for i in 0..n {
            if let Some(v) = conjunct_as_speaker(words, &lemma, &head, i) {
                head[i] = Some(v);
                repaired[i] = Some("nsubj");
            }
            if let Some(noun) = participle_as_modifier(words, &head, i) {
                let h = head[i];
                for (c, hc) in head.iter_mut().enumerate() {
                    if *hc == Some(i) && c != noun {
                        *hc = if c < i { Some(noun) } else { h };
                    }
                }
                head[noun] = h;
                repaired[noun] = Some("obj");
                head[i] = Some(noun);
                repaired[i] = Some("amod");
            }
        }
        for i in 0..n {
            if let Some(v) = clause_after_time(words, &lemma, &head, i) {
                head[i] = Some(v);
                repaired[i] = Some("ccomp");
            } else if let Some(noun) = relative_as_complement(words, &head, i) {
                head[i] = Some(noun);
                repaired[i] = Some("acl:relcl");
            }
        }
        let mut children = vec![Vec::new(); n];
        for (i, h) in head.iter().enumerate() {
            if let Some(h) = *h {
                children[h].push(i);
            }
        }
        let mut right: Vec<usize> = (0..n).collect();
        // Push each word's position up its chain of heads (bounded: a cycle stops at n steps).
        for i in 0..n {
            let mut h = head[i];
            let mut steps = 0;
            while let Some(x) = h {
                if steps > n {
                    break;
                }
                right[x] = right[x].max(i);
                h = head[x];
                steps += 1;
            }
        }
        let rels = (0..n)
            .map(|i| repaired[i].unwrap_or_else(|| controlled(words, &lemma, &head, &children, i)))
            .collect();
        Tree {
            words,
            upper: (0..n).map(|i| spellings.get(i)).collect(),
            lemma,
            head,
            children,
            right,
            rels,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The relation of word `i` (`nsubj:pass`).
    pub fn rel(&self, i: usize) -> &str {
        self.rels[i]
    }

    /// The universal part of the relation of word `i` (`nsubj`).
    pub fn base_rel(&self, i: usize) -> &str {
        let r = self.rel(i);
        r.split(':').next().unwrap_or(r)
    }

    /// UPOS of word `i`.
    pub fn upos(&self, i: usize) -> &str {
        &self.words[i].upos
    }

    /// Children of `i` with relation `rel` (exact, e.g. `obj`, `nsubj:pass`).
    pub fn children_rel<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel)
    }

    /// Whether word `i` has a case marker of any tag ("according to" is tagged a verb).
    pub fn has_case(&self, i: usize) -> bool {
        self.children[i].iter().any(|&c| self.rel(c) == "case")
    }

    /// The case marker (preposition) attached to `i`, upper case.
    pub fn case_of(&self, i: usize) -> Option<&str> {
        self.children[i]
            .iter()
            .find(|&&c| self.rel(c) == "case" && self.upos(c) == "ADP")
            .map(|&c| self.upper[c])
    }

    /// Whether word `i` heads a time expression (*on Monday*, *in March*, *last week*).
    pub fn is_time(&self, i: usize) -> bool {
        TIME_WORDS.contains(&self.lemma[i])
    }

    /// The year verb `v`'s own time phrase names (*in 1997*, *in March 1997*, *on 3 May
    /// 1997*), as written; `None` without one, and for *since* (*has operated since 1990* is
    /// still so).
    pub fn year_of(&self, v: usize) -> Option<&str> {
        let year = |w: usize| is_year(self.upper[w]).then_some(self.upper[w]);
        let time_phrases = self.children[v].iter().filter(|&&c| {
            matches!(self.base_rel(c), "obl" | "nmod") && self.case_of(c) != Some("SINCE")
        });
        for &c in time_phrases {
            if let Some(y) = year(c) {
                return Some(y);
            }
            // A date: the year is a part of the month or day (*March 1997*, *3 May 1997*).
            if self.is_time(c) || self.upos(c) == "NUM" {
                let parts = self.children[c].iter().filter(|&&p| {
                    matches!(
                        self.base_rel(p),
                        "nummod" | "compound" | "flat" | "nmod" | "obl"
                    )
                });
                if let Some(y) = parts.filter_map(|&p| year(p)).next() {
                    return Some(y);
                }
            }
        }
        None
    }

    /// Whether word `w` lies in the subtree of `top`.
    pub fn dominates(&self, top: usize, w: usize) -> bool {
        dominated(&self.head, w, top)
    }

    /// Words of the subtree of `i`, in order, leaving out the subtrees of children for which
    /// `cut` says true.
    pub fn subtree_without(&self, i: usize, cut: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![i];
        let mut steps = 0;
        while let Some(x) = stack.pop() {
            steps += 1;
            if steps > self.len() + 1 {
                break;
            }
            out.push(x);
            for &c in &self.children[x] {
                if !cut(c) {
                    stack.push(c);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether a word (upper case) is a year: four ASCII digits.
pub(crate) fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// Nouns of time (lemmas in upper case): a phrase they head says when, not to whom.
const TIME_WORDS: &[&str] = &[
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
    "DAY",
    "WEEK",
    "WEEKEND",
    "MONTH",
    "YEAR",
    "NIGHT",
    "MORNING",
    "AFTERNOON",
    "EVENING",
    "HOUR",
    "DECADE",
    "TODAY",
    "TONIGHT",
    "YESTERDAY",
    "TOMORROW",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree of a CoNLL-U sentence given as (form, lemma, upos, xpos, head, deprel) rows.
    fn with_tree(rows: &[(&str, &str, &str, &str, usize, &str)], check: impl Fn(&Tree)) {
        let words: Vec<Word> = rows
            .iter()
            .map(|&(form, lemma, upos, xpos, head, deprel)| Word {
                lemma: lemma.into(),
                upos: upos.into(),
                xpos: xpos.into(),
                head: Some(head),
                deprel: deprel.into(),
                ..Word::new(form)
            })
            .collect();
        let spellings = Spellings::new(&words);
        check(&Tree::new(&words, &spellings));
    }

    #[test]
    fn a_clause_hung_from_a_time_joins_the_verb_before_it() {
        // "Israel said on Monday it had attacked Iran", "attacked" under "Monday".
        let said = [
            ("Israel", "Israel", "PROPN", "NNP", 2, "nsubj"),
            ("said", "say", "VERB", "VBD", 0, "root"),
            ("on", "on", "ADP", "IN", 4, "case"),
            ("Monday", "Monday", "PROPN", "NNP", 2, "obl"),
            ("it", "it", "PRON", "PRP", 7, "nsubj"),
            ("had", "have", "AUX", "VBD", 7, "aux"),
            ("attacked", "attack", "VERB", "VBN", 4, "acl:relcl"),
            ("Iran", "Iran", "PROPN", "NNP", 7, "obj"),
        ];
        with_tree(&said, |t| {
            assert_eq!((t.head[6], t.rel(6)), (Some(1), "ccomp"));
            assert!(t.children[1].contains(&6) && !t.children[3].contains(&6));
            assert_eq!(t.right[1], 7);
        });
        // "Gondor attacked Iran on Monday, which Israel condemned": a relative clause stays.
        let which = [
            ("Gondor", "Gondor", "PROPN", "NNP", 2, "nsubj"),
            ("attacked", "attack", "VERB", "VBD", 0, "root"),
            ("Iran", "Iran", "PROPN", "NNP", 2, "obj"),
            ("on", "on", "ADP", "IN", 5, "case"),
            ("Monday", "Monday", "PROPN", "NNP", 2, "obl"),
            (",", ",", "PUNCT", ",", 9, "punct"),
            ("which", "which", "PRON", "WDT", 9, "obj"),
            ("Israel", "Israel", "PROPN", "NNP", 9, "nsubj"),
            ("condemned", "condemn", "VERB", "VBD", 5, "acl:relcl"),
        ];
        with_tree(&which, |t| {
            assert_eq!((t.head[8], t.rel(8)), (Some(4), "acl:relcl"));
        });
    }

    #[test]
    fn an_object_of_saying_before_a_subjectless_predicate_is_its_subject() {
        // "Gondor attacked Iran, saying Arnor's troops would leave", parsed with "troops" the
        // object of "saying" and "leave" a clause of "attacked".
        let saying = [
            ("Gondor", "Gondor", "PROPN", "NNP", 2, "nsubj"),
            ("attacked", "attack", "VERB", "VBD", 0, "root"),
            ("Iran", "Iran", "PROPN", "NNP", 2, "obj"),
            (",", ",", "PUNCT", ",", 5, "punct"),
            ("saying", "say", "VERB", "VBG", 2, "advcl"),
            ("Arnor", "Arnor", "PROPN", "NNP", 8, "nmod:poss"),
            ("'s", "'s", "PART", "POS", 6, "case"),
            ("troops", "troops", "NOUN", "NNS", 5, "obj"),
            ("would", "would", "AUX", "MD", 10, "aux"),
            ("leave", "leave", "VERB", "VB", 2, "advcl"),
        ];
        with_tree(&saying, |t| {
            assert_eq!((t.head[7], t.rel(7)), (Some(9), "nsubj"));
            assert_eq!((t.head[9], t.rel(9)), (Some(4), "ccomp"));
            assert_eq!(t.right[4], 9);
        });
        // "Gondor said a prayer and left": no auxiliary or copula, so no clause was said.
        let prayer = [
            ("Gondor", "Gondor", "PROPN", "NNP", 2, "nsubj"),
            ("said", "say", "VERB", "VBD", 0, "root"),
            ("a", "a", "DET", "DT", 4, "det"),
            ("prayer", "prayer", "NOUN", "NN", 2, "obj"),
            ("and", "and", "CCONJ", "CC", 6, "cc"),
            ("left", "leave", "VERB", "VBD", 2, "conj"),
        ];
        with_tree(&prayer, |t| {
            assert_eq!((t.head[3], t.rel(3)), (Some(1), "obj"));
            assert_eq!((t.head[5], t.rel(5)), (Some(1), "conj"));
        });
    }

    #[test]
    fn a_relative_clause_read_as_a_complement_joins_its_noun() {
        // "Gondor demanded that Arnor withdraw troops from towns that joined Mordor", with
        // "joined" under "demanded".
        let joined = [
            ("Gondor", "Gondor", "PROPN", "NNP", 2, "nsubj"),
            ("demanded", "demand", "VERB", "VBD", 0, "root"),
            ("that", "that", "SCONJ", "IN", 5, "mark"),
            ("Arnor", "Arnor", "PROPN", "NNP", 5, "nsubj"),
            ("withdraw", "withdraw", "VERB", "VB", 2, "ccomp"),
            ("troops", "troops", "NOUN", "NNS", 5, "obj"),
            ("from", "from", "ADP", "IN", 8, "case"),
            ("towns", "town", "NOUN", "NNS", 5, "obl"),
            ("that", "that", "PRON", "WDT", 10, "nsubj"),
            ("joined", "join", "VERB", "VBD", 2, "ccomp"),
            ("Mordor", "Mordor", "PROPN", "NNP", 10, "obj"),
        ];
        with_tree(&joined, |t| {
            assert_eq!((t.head[9], t.rel(9)), (Some(7), "acl:relcl"));
            assert_eq!((t.head[4], t.rel(4)), (Some(1), "ccomp"));
        });
        // "Gondor told Arnor that Mordor had attacked", "that" read as the subject: the noun is
        // the verb's object, so the complement stays.
        let told = [
            ("Gondor", "Gondor", "PROPN", "NNP", 2, "nsubj"),
            ("told", "tell", "VERB", "VBD", 0, "root"),
            ("Arnor", "Arnor", "PROPN", "NNP", 2, "obj"),
            ("that", "that", "PRON", "WDT", 7, "nsubj"),
            ("Mordor", "Mordor", "PROPN", "NNP", 7, "nsubj"),
            ("had", "have", "AUX", "VBD", 7, "aux"),
            ("attacked", "attack", "VERB", "VBN", 2, "ccomp"),
        ];
        with_tree(&told, |t| {
            assert_eq!((t.head[6], t.rel(6)), (Some(1), "ccomp"));
        });
    }
}
