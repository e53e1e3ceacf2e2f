//! Tree checks and pseudo-projective lifting of training trees (Nivre & Nilsson 2005).
//!
//! The arc-eager system only builds projective trees, but one English Web Treebank training
//! sentence in 44 has a crossing arc (354 of 204,577 arcs). Training on such a tree as it is would ask the oracle for arcs it
//! cannot build, so each non-projective arc is lifted first: its dependent is re-attached to its
//! head's head, shortest arcs first, until the tree is projective. Labels are kept as they are (no
//! label encoding), so parsing predicts the lifted, projective tree and no deprojectivization runs:
//! the few crossing arcs of new text (0.14% of EWT dev arcs) are lost, in exchange
//! for a label set that stays small and a parser that never guesses where to lower an arc.
//!
//! Heads are given as a slice where `heads[i]` is the head of word `i + 1`: 0 for the root,
//! 1-based otherwise.

/// Whether `heads` is a tree: every head in range, no word its own ancestor.
pub(crate) fn is_tree(heads: &[u32]) -> bool {
    let n = heads.len();
    if heads.iter().any(|&h| h as usize > n) {
        return false;
    }
    // 0 = unvisited, 1 = on the current path, 2 = known to reach the root.
    let mut mark = vec![0u8; n + 1];
    mark[0] = 2;
    let mut path = Vec::new();
    for w in 1..=n {
        let mut x = w;
        while mark[x] == 0 {
            mark[x] = 1;
            path.push(x);
            x = heads[x - 1] as usize;
        }
        if mark[x] == 1 {
            return false;
        }
        for p in path.drain(..) {
            mark[p] = 2;
        }
    }
    true
}

/// Whether word `a` dominates word `k` (or is the root, 0); `heads` must be a tree.
fn dominates(heads: &[u32], a: usize, mut k: usize) -> bool {
    loop {
        if k == a {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = heads[k - 1] as usize;
    }
}

/// The shortest non-projective arc (leftmost on ties), as its dependent.
fn smallest_crossing(heads: &[u32]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for d in 1..=heads.len() {
        let h = heads[d - 1] as usize;
        let (lo, hi) = (h.min(d), h.max(d));
        let span = hi - lo;
        if best.is_some_and(|(s, _)| span >= s) {
            continue;
        }
        if (lo + 1..hi).any(|k| !dominates(heads, h, k)) {
            best = Some((span, d));
        }
    }
    best.map(|(_, d)| d)
}

/// Whether the tree `heads` has no crossing arcs.
#[cfg(test)]
pub(crate) fn is_projective(heads: &[u32]) -> bool {
    smallest_crossing(heads).is_none()
}

/// Lifts non-projective arcs until the tree is projective; returns how many lifts it made.
/// `heads` must be a tree (see [`is_tree`]).
pub(crate) fn projectivize(heads: &mut [u32]) -> usize {
    let mut lifts = 0;
    while let Some(d) = smallest_crossing(heads) {
        let h = heads[d - 1] as usize;
        // Arcs from the root never cross, so `h` is a word.
        heads[d - 1] = heads[h - 1];
        lifts += 1;
    }
    lifts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_trees() {
        assert!(is_tree(&[]));
        assert!(is_tree(&[2, 0, 2]));
        assert!(!is_tree(&[2, 1]));
        assert!(!is_tree(&[1]));
        assert!(!is_tree(&[4, 0]));
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // "A hearing is scheduled on the issue today": hearing -> issue crosses "is scheduled".
        let mut heads = vec![2, 4, 4, 0, 7, 7, 2, 4];
        assert!(!is_projective(&heads));
        assert_eq!(projectivize(&mut heads), 1);
        assert!(is_projective(&heads));
        assert!(is_tree(&heads));
        assert_eq!(heads, vec![2, 4, 4, 0, 7, 7, 4, 4]);
    }

    #[test]
    fn lifting_leaves_projective_trees_alone() {
        let heads = vec![2, 0, 4, 2, 2];
        let mut lifted = heads.clone();
        assert!(is_projective(&heads));
        assert_eq!(projectivize(&mut lifted), 0);
        assert_eq!(lifted, heads);
    }

    #[test]
    fn random_trees_end_projective() {
        let mut rng = crate::rng::Rng::new(3);
        for n in 1..30 {
            for _ in 0..30 {
                // Random tree: each word's head is the root or an earlier-placed word.
                let mut order: Vec<usize> = (1..=n).collect();
                rng.shuffle(&mut order);
                let mut heads = vec![0u32; n];
                for (i, &w) in order.iter().enumerate().skip(1) {
                    heads[w - 1] = order[rng.below(i)] as u32;
                }
                assert!(is_tree(&heads));
                projectivize(&mut heads);
                assert!(is_tree(&heads));
                assert!(is_projective(&heads));
            }
        }
    }
}
