//! The arc-eager transition system (Nivre 2003) with the artificial root at the end of the buffer.
//!
//! With the root last (Ballesteros & Nivre 2013), the sentence's root word is chosen at the very
//! end, once everything else is attached, rather than as soon as it is met. A configuration keeps,
//! besides stack and buffer, everything the feature templates read about the partial tree (two
//! leftmost and two rightmost children, valencies, label sets), updated incrementally, so that
//! every transition and every feature lookup is constant time and parsing is linear in the
//! sentence length. Preconditions on the transitions (see [`State::legal`]) guarantee that every
//! complete transition sequence builds a single-rooted tree.

/// Marks "no token" in head and child slots.
pub(crate) const NONE: u32 = u32::MAX;

/// The four kinds of transition; the arcs carry a label index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    /// Push the first buffer word onto the stack.
    Shift,
    /// Pop the stack top, which already has a head.
    Reduce,
    /// Attach the stack top to the first buffer word and pop it.
    Left,
    /// Attach the first buffer word to the stack top and push it.
    Right,
}

/// Numbering of labelled transitions as classifier classes: shift, reduce, left-arcs, right-arcs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Actions {
    /// Number of dependency labels.
    pub n_labels: usize,
    /// Index of the `root` label, the only label of the arc from the artificial root.
    pub root_label: u16,
}

impl Actions {
    /// Number of classes: two unlabelled and two labelled transition kinds.
    pub fn n_classes(&self) -> usize {
        2 + 2 * self.n_labels
    }

    /// Transition of a class.
    pub fn decode(&self, class: usize) -> (Move, u16) {
        match class {
            0 => (Move::Shift, 0),
            1 => (Move::Reduce, 0),
            c if c < 2 + self.n_labels => (Move::Left, (c - 2) as u16),
            c => (Move::Right, (c - 2 - self.n_labels) as u16),
        }
    }
}

/// A parser configuration over tokens `0..=n`, token 0 being the artificial root.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// Number of words.
    pub n: usize,
    /// Stack of word indices.
    pub stack: Vec<u32>,
    /// First buffer word; the buffer is `b0..=n` followed by the root (token 0), which is all
    /// that is left when `b0 > n`.
    pub b0: u32,
    /// Head of each token, [`NONE`] while unattached.
    pub head: Vec<u32>,
    /// Label index of each attached token.
    pub label: Vec<u16>,
    /// Leftmost child.
    pub l1: Vec<u32>,
    /// Second leftmost child.
    pub l2: Vec<u32>,
    /// Rightmost child.
    pub r1: Vec<u32>,
    /// Second rightmost child.
    pub r2: Vec<u32>,
    /// Number of left children.
    pub nl: Vec<u16>,
    /// Number of right children.
    pub nr: Vec<u16>,
    /// Set of left children's labels, one bit per label (modulo 64).
    pub lset: Vec<u64>,
    /// Set of right children's labels, one bit per label (modulo 64).
    pub rset: Vec<u64>,
    /// Whether each token is on the stack.
    pub in_stack: Vec<bool>,
    /// The dependent of the artificial root, once attached.
    pub root_child: u32,
    /// Number of words on the stack without a head.
    pub headless: u32,
}

impl State {
    /// Resets to the initial configuration for `n` words, reusing the buffers.
    pub fn reset(&mut self, n: usize) {
        let len = n + 1;
        self.n = n;
        self.stack.clear();
        self.b0 = 1;
        for (v, x) in [
            (&mut self.head, NONE),
            (&mut self.l1, NONE),
            (&mut self.l2, NONE),
            (&mut self.r1, NONE),
            (&mut self.r2, NONE),
        ] {
            v.clear();
            v.resize(len, x);
        }
        self.label.clear();
        self.label.resize(len, 0);
        self.nl.clear();
        self.nl.resize(len, 0);
        self.nr.clear();
        self.nr.resize(len, 0);
        self.lset.clear();
        self.lset.resize(len, 0);
        self.rset.clear();
        self.rset.resize(len, 0);
        self.in_stack.clear();
        self.in_stack.resize(len, false);
        self.root_child = NONE;
        self.headless = 0;
    }

    /// Whether parsing is over: the buffer holds only the root and every stacked word has a head.
    #[inline]
    pub fn terminal(&self) -> bool {
        self.b0 as usize > self.n && self.headless == 0
    }

    /// The stack top, [`NONE`] when the stack is empty.
    #[inline]
    pub fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// The first buffer token: a word, or the root (0) once the words are used up.
    #[inline]
    pub fn front(&self) -> u32 {
        if self.b0 as usize > self.n {
            0
        } else {
            self.b0
        }
    }

    /// Whether transition `mv` with `label` is allowed here.
    ///
    /// Besides the usual preconditions, the root takes exactly one dependent, by a left-arc from
    /// the end, and so at most one word may still be headless when the last word leaves the
    /// buffer. These rules never block the gold tree of a projective sentence, and from any
    /// configuration they leave some transition legal until the tree is complete.
    #[inline]
    pub fn legal(&self, acts: &Actions, mv: Move, label: u16) -> bool {
        if self.terminal() {
            return false;
        }
        let s0 = self.s0();
        let words_left = self.b0 as usize <= self.n;
        let last = self.b0 as usize == self.n;
        match mv {
            Move::Shift => words_left && !(last && self.headless > 0),
            Move::Reduce => s0 != NONE && self.head[s0 as usize] != NONE,
            Move::Left => {
                s0 != NONE
                    && self.head[s0 as usize] == NONE
                    && if words_left {
                        label != acts.root_label
                    } else {
                        label == acts.root_label && self.headless == 1
                    }
            }
            Move::Right => {
                s0 != NONE && words_left && label != acts.root_label && !(last && self.headless > 1)
            }
        }
    }

    /// The only legal transition, when the configuration leaves no choice: an empty stack must
    /// shift, and once the words are used up each stacked word is reduced or, headless, becomes
    /// the root's dependent. `None` when there is a choice (or, past the end, nothing legal).
    #[inline]
    pub fn forced(&self, acts: &Actions) -> Option<(Move, u16)> {
        let s0 = self.s0();
        let only = if s0 == NONE {
            (Move::Shift, 0)
        } else if self.b0 as usize > self.n {
            if self.head[s0 as usize] == NONE {
                (Move::Left, acts.root_label)
            } else {
                (Move::Reduce, 0)
            }
        } else {
            return None;
        };
        self.legal(acts, only.0, only.1).then_some(only)
    }

    /// Whether class `c` is legal here, as [`State::legal`] says, from a [`State::legality`]
    /// computed once per configuration instead of once per class.
    #[inline]
    pub fn legal_class(acts: &Actions, legality: [bool; 5], c: usize) -> bool {
        let [shift, reduce, left, left_root, right] = legality;
        match acts.decode(c) {
            (Move::Shift, _) => shift,
            (Move::Reduce, _) => reduce,
            (Move::Left, l) if l == acts.root_label => left_root,
            (Move::Left, _) => left,
            (Move::Right, l) => right && l != acts.root_label,
        }
    }

    /// Legality of shift, reduce, left-arc with a label other than root, left-arc with root and
    /// right-arc with a label other than root (right-arc with root is never legal): the label
    /// only matters by being root or not.
    #[inline]
    pub fn legality(&self, acts: &Actions) -> [bool; 5] {
        let other = if acts.root_label == 0 { 1 } else { 0 };
        [
            self.legal(acts, Move::Shift, 0),
            self.legal(acts, Move::Reduce, 0),
            self.legal(acts, Move::Left, other),
            self.legal(acts, Move::Left, acts.root_label),
            self.legal(acts, Move::Right, other),
        ]
    }

    /// Fills `mask[c]` with whether class `c` is legal here.
    pub fn legal_mask(&self, acts: &Actions, mask: &mut Vec<bool>) {
        mask.clear();
        mask.extend((0..acts.n_classes()).map(|c| {
            let (mv, l) = acts.decode(c);
            self.legal(acts, mv, l)
        }));
    }

    fn add_arc(&mut self, h: u32, d: u32, label: u16) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = label;
        if h == 0 {
            self.root_child = d;
        }
        let bit = 1u64 << (label % 64);
        if d < h {
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.lset[hu] |= bit;
            if self.l1[hu] == NONE || d < self.l1[hu] {
                self.l2[hu] = self.l1[hu];
                self.l1[hu] = d;
            } else if self.l2[hu] == NONE || d < self.l2[hu] {
                self.l2[hu] = d;
            }
        } else {
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.rset[hu] |= bit;
            if self.r1[hu] == NONE || d > self.r1[hu] {
                self.r2[hu] = self.r1[hu];
                self.r1[hu] = d;
            } else if self.r2[hu] == NONE || d > self.r2[hu] {
                self.r2[hu] = d;
            }
        }
    }

    fn pop(&mut self) {
        if let Some(s) = self.stack.pop() {
            self.in_stack[s as usize] = false;
            if self.head[s as usize] == NONE {
                self.headless -= 1;
            }
        }
    }

    fn push_b0(&mut self) {
        if self.head[self.b0 as usize] == NONE {
            self.headless += 1;
        }
        self.in_stack[self.b0 as usize] = true;
        self.stack.push(self.b0);
        self.b0 += 1;
    }

    /// Applies a transition; the caller has checked it is legal.
    pub fn apply(&mut self, mv: Move, label: u16) {
        let s0 = self.s0();
        match mv {
            Move::Shift => self.push_b0(),
            Move::Reduce => self.pop(),
            Move::Left => {
                self.pop();
                self.add_arc(self.front(), s0, label);
            }
            Move::Right => {
                self.add_arc(s0, self.b0, label);
                self.push_b0();
            }
        }
    }

    /// Completes the tree, should the transitions have left a word headless (the rules of
    /// [`State::legal`] prevent it; this is a safety net): the first headless word becomes the
    /// root if the root has no dependent, every other one is attached to the root's dependent
    /// with `punct` (for words `is_punct` accepts) or `fallback`.
    pub fn finish(
        &mut self,
        acts: &Actions,
        is_punct: impl Fn(usize) -> bool,
        punct: u16,
        fallback: u16,
    ) {
        for w in 1..=self.n {
            if self.head[w] != NONE {
                continue;
            }
            if self.root_child == NONE {
                self.add_arc(0, w as u32, acts.root_label);
            } else {
                let label = if is_punct(w) { punct } else { fallback };
                self.add_arc(self.root_child, w as u32, label);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_distinct_transitions() {
        let acts = Actions {
            n_labels: 5,
            root_label: 2,
        };
        let all: std::collections::BTreeSet<String> = (0..acts.n_classes())
            .map(|c| format!("{:?}", acts.decode(c)))
            .collect();
        assert_eq!(all.len(), 12);
    }

    #[test]
    fn any_legal_sequence_gives_a_single_rooted_tree() {
        let acts = Actions {
            n_labels: 4,
            root_label: 0,
        };
        let mut rng = crate::rng::Rng::new(7);
        let mut st = State::default();
        let mut mask = Vec::new();
        for n in 0..40 {
            for _ in 0..20 {
                st.reset(n);
                let mut steps = 0;
                while !st.terminal() {
                    st.legal_mask(&acts, &mut mask);
                    let legal: Vec<usize> = (0..mask.len()).filter(|&c| mask[c]).collect();
                    let c = legal[rng.below(legal.len())];
                    let (mv, l) = acts.decode(c);
                    st.apply(mv, l);
                    steps += 1;
                    assert!(steps <= 2 * n + 1, "at most 2n + 1 transitions");
                }
                assert!((1..=n).all(|w| st.head[w] != NONE), "a word left headless");
                st.finish(&acts, |_| false, 1, 1);
                assert!(crate::projective::is_tree(&st.head[1..]), "{:?}", &st.head);
                assert_eq!(
                    (1..=n).filter(|&w| st.head[w] == 0).count(),
                    usize::from(n > 0)
                );
            }
        }
    }
}
