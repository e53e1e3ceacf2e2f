//! The dynamic oracle for labelled arc-eager parsing (Goldberg & Nivre 2012).
//!
//! A static oracle only knows the one transition sequence that builds the gold tree, so a parser
//! trained with it never learns what to do after its own mistakes. The dynamic oracle instead gives
//! the cost of every transition from any configuration: how many gold arcs, still reachable, it
//! makes unreachable (a wrong label counts as one lost arc). Training follows the model's own
//! prediction most of the time and updates towards the best zero-cost transition. Arc-eager is
//! arc-decomposable, so for a projective gold tree these costs are exact and each takes time
//! proportional to one word's number of gold children.

use crate::transition::{Actions, Move, NONE, State};

/// The gold tree of one training sentence, over tokens `0..=n` (0 the root).
#[derive(Debug, Clone)]
pub(crate) struct Gold {
    /// Gold head of each token ([`NONE`] for the root).
    pub head: Vec<u32>,
    /// Gold label index of each token.
    pub label: Vec<u16>,
    /// Gold children of token `t` are `children[start[t]..start[t + 1]]`.
    start: Vec<u32>,
    children: Vec<u32>,
}

impl Gold {
    /// The gold tree of words with `heads` (0 root, 1-based) and label indices `labels`.
    pub fn new(heads: &[u32], labels: &[u16]) -> Self {
        let n = heads.len();
        let mut head = Vec::with_capacity(n + 1);
        head.push(NONE);
        head.extend_from_slice(heads);
        let mut label = Vec::with_capacity(n + 1);
        label.push(0);
        label.extend_from_slice(labels);
        let mut count = vec![0u32; n + 2];
        for &h in heads {
            count[h as usize + 1] += 1;
        }
        for t in 1..count.len() {
            count[t] += count[t - 1];
        }
        let start = count.clone();
        let mut fill = count;
        let mut children = vec![0u32; n];
        for (i, &h) in heads.iter().enumerate() {
            children[fill[h as usize] as usize] = i as u32 + 1;
            fill[h as usize] += 1;
        }
        Gold {
            head,
            label,
            start,
            children,
        }
    }

    fn children(&self, t: u32) -> &[u32] {
        let t = t as usize;
        &self.children[self.start[t] as usize..self.start[t + 1] as usize]
    }

    /// Gold children of `t` still on the stack without a head: arcs lost once `t` leaves the buffer.
    fn headless_children_on_stack(&self, st: &State, t: u32) -> u32 {
        self.children(t)
            .iter()
            .filter(|&&c| st.in_stack[c as usize] && st.head[c as usize] == NONE)
            .count() as u32
    }

    /// Fills `costs[c]` with the cost of class `c`, `u32::MAX` where `legal[c]` is false.
    pub fn costs(&self, st: &State, acts: &Actions, legal: &[bool], costs: &mut Vec<u32>) {
        costs.clear();
        costs.resize(acts.n_classes(), u32::MAX);
        // Buffer positions: the words `b..=n`, then the root at `n + 1`.
        let end = st.n as u32 + 1;
        let pos = |t: u32| if t == 0 { end } else { t };
        let b = st.b0;
        let front = st.front();
        let s0 = st.s0();
        let (mut shift, mut right) = (0, 0);
        if front != 0 {
            let gh_b = self.head[b as usize];
            let b_head_on_stack = u32::from(st.in_stack[gh_b as usize]);
            let b_deps_on_stack = self.headless_children_on_stack(st, b);
            shift = b_head_on_stack + b_deps_on_stack;
            right =
                u32::from(gh_b != s0 && (b_head_on_stack == 1 || pos(gh_b) > b)) + b_deps_on_stack;
        }
        let (mut reduce, mut left, mut gh_s0) = (0, 0, NONE);
        if s0 != NONE {
            let s0_deps_in_buffer = self.children(s0).iter().filter(|&&c| c >= b).count() as u32;
            gh_s0 = self.head[s0 as usize];
            reduce = s0_deps_in_buffer;
            left = s0_deps_in_buffer + u32::from(gh_s0 != NONE && pos(gh_s0) > b);
        }
        for (c, cost) in costs.iter_mut().enumerate() {
            if !legal[c] {
                continue;
            }
            let (mv, l) = acts.decode(c);
            *cost = match mv {
                Move::Shift => shift,
                Move::Reduce => reduce,
                Move::Left => left + u32::from(gh_s0 == front && self.label[s0 as usize] != l),
                Move::Right => {
                    let gh_b = self.head[b as usize];
                    right + u32::from(gh_b == s0 && self.label[b as usize] != l)
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projective::{is_projective, is_tree, projectivize};
    use crate::rng::Rng;

    const ACTS: Actions = Actions {
        n_labels: 3,
        root_label: 0,
    };

    fn random_projective_tree(rng: &mut Rng, n: usize) -> (Vec<u32>, Vec<u16>) {
        let mut order: Vec<usize> = (1..=n).collect();
        rng.shuffle(&mut order);
        let mut heads = vec![0u32; n];
        for (i, &w) in order.iter().enumerate().skip(1) {
            heads[w - 1] = order[rng.below(i)] as u32;
        }
        projectivize(&mut heads);
        let labels = heads
            .iter()
            .map(|&h| if h == 0 { 0 } else { 1 + rng.below(2) as u16 })
            .collect();
        (heads, labels)
    }

    /// Follows zero-cost transitions, picking among them with `pick`, and returns the tree built.
    fn follow(gold: &Gold, n: usize, mut pick: impl FnMut(&[usize]) -> usize) -> State {
        let mut st = State::default();
        st.reset(n);
        let (mut mask, mut costs) = (Vec::new(), Vec::new());
        while !st.terminal() {
            st.legal_mask(&ACTS, &mut mask);
            gold.costs(&st, &ACTS, &mask, &mut costs);
            let zero: Vec<usize> = (0..costs.len()).filter(|&c| costs[c] == 0).collect();
            assert!(!zero.is_empty(), "no zero-cost transition");
            let (mv, l) = ACTS.decode(pick(&zero));
            st.apply(mv, l);
        }
        st
    }

    #[test]
    fn zero_cost_sequences_rebuild_the_gold_tree() {
        let mut rng = Rng::new(11);
        for n in 1..25 {
            for _ in 0..20 {
                let (heads, labels) = random_projective_tree(&mut rng, n);
                assert!(is_tree(&heads) && is_projective(&heads));
                let gold = Gold::new(&heads, &labels);
                // The static oracle's order (first zero-cost class) and random choices alike.
                for st in [
                    follow(&gold, n, |z| z[0]),
                    follow(&gold, n, |z| z[z.len() - 1]),
                    follow(&gold, n, |z| z[rng.below(z.len())]),
                ] {
                    assert_eq!(&st.head[1..], &heads[..]);
                    assert_eq!(&st.label[1..], &labels[..]);
                }
            }
        }
    }

    #[test]
    fn costs_count_lost_arcs_after_mistakes() {
        let mut rng = Rng::new(5);
        for n in 2..15 {
            for _ in 0..30 {
                let (heads, labels) = random_projective_tree(&mut rng, n);
                let gold = Gold::new(&heads, &labels);
                let mut st = State::default();
                st.reset(n);
                let (mut mask, mut costs) = (Vec::new(), Vec::new());
                let mut lost = 0;
                while !st.terminal() {
                    st.legal_mask(&ACTS, &mut mask);
                    gold.costs(&st, &ACTS, &mask, &mut costs);
                    let legal: Vec<usize> = (0..mask.len()).filter(|&c| mask[c]).collect();
                    let c = legal[rng.below(legal.len())];
                    lost += costs[c];
                    let (mv, l) = ACTS.decode(c);
                    st.apply(mv, l);
                }
                // Every correct arc was never lost and every lost arc was counted once, except
                // arcs to the root lost to the single-root rule, which the costs do not foresee.
                let correct = (1..=n)
                    .filter(|&w| st.head[w] == heads[w - 1] && st.label[w] == labels[w - 1])
                    .count() as u32;
                assert!(
                    correct + lost >= n as u32 - 1,
                    "{correct} + {lost} < {n} - 1"
                );
                assert!(correct + lost <= n as u32);
            }
        }
    }
}
