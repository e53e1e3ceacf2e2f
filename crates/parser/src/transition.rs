//! The arc-eager transition system (Nivre 2003) with an artificial root at the stack bottom.
//!
//! A configuration keeps, besides stack and buffer, everything the feature templates read about the
//! partial tree (two leftmost and two rightmost children, valencies, label sets), updated
//! incrementally, so that every transition and every feature lookup is constant time and parsing
//! is linear in the sentence length. The root may take a single dependent, which keeps the output
//! single-rooted; [`State::finish`] attaches whatever the transitions left headless.

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
    /// Stack of token indices; the root (0) stays at the bottom.
    pub stack: Vec<u32>,
    /// First buffer token; the buffer is `b0..=n`, empty when `b0 > n`.
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
}

impl State {
    /// Resets to the initial configuration for `n` words, reusing the buffers.
    pub fn reset(&mut self, n: usize) {
        let len = n + 1;
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
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
        self.in_stack[0] = true;
        self.root_child = NONE;
    }

    /// Whether the buffer is empty, which ends parsing.
    #[inline]
    pub fn terminal(&self) -> bool {
        self.b0 as usize > self.n
    }

    /// The stack top.
    #[inline]
    pub fn s0(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    /// Whether transition `mv` with `label` is allowed here.
    #[inline]
    pub fn legal(&self, acts: &Actions, mv: Move, label: u16) -> bool {
        if self.terminal() {
            return false;
        }
        let s0 = self.s0();
        match mv {
            Move::Shift => true,
            Move::Reduce => s0 != 0 && self.head[s0 as usize] != NONE,
            Move::Left => s0 != 0 && self.head[s0 as usize] == NONE && label != acts.root_label,
            Move::Right => {
                if s0 == 0 {
                    label == acts.root_label && self.root_child == NONE
                } else {
                    label != acts.root_label
                }
            }
        }
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
        if self.stack.len() > 1 {
            let s = self.stack.pop().unwrap_or(0);
            self.in_stack[s as usize] = false;
        }
    }

    fn push_b0(&mut self) {
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
                self.add_arc(self.b0, s0, label);
                self.pop();
            }
            Move::Right => {
                self.add_arc(s0, self.b0, label);
                self.push_b0();
            }
        }
    }

    /// Completes the tree: the first headless word becomes the root if the root has no dependent,
    /// every other headless word is attached to the root's dependent with `punct` (for words
    /// `is_punct` accepts) or `fallback`.
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
                    assert!(steps <= 2 * n, "at most 2n transitions");
                }
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
