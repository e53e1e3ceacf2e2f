//! Training: an averaged perceptron over labelled transitions, with the dynamic oracle and
//! exploration of the model's own mistakes (Goldberg & Nivre 2012).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tacitus_conllu::Sentence;
use tacitus_perceptron::{MAX_CLASSES, Table, Trainer, average_ensemble, best_of};

use crate::features::{Tokens, extract};
use crate::model::{Parser, Scratch};
use crate::oracle::Gold;
use crate::projective::{is_tree, projectivize};
use crate::rng::Rng;
use crate::transition::Actions;

/// Settings of [`Parser::train`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub iterations: usize,
    /// Seed of the sentence shuffling and of exploration.
    pub seed: u64,
    /// Passes made on the gold path before exploration starts.
    pub explore_after: usize,
    /// Probability of following the model's wrong prediction once exploring.
    pub explore_prob: f64,
    /// Averaged weights of magnitude at most this are dropped from the model.
    pub prune: f32,
    /// Features seen in fewer configurations than this during the first pass are dropped from
    /// the model: they are noise, and a smaller table keeps parsing in cache.
    pub min_count: u32,
    /// Number of parsers trained with successive seeds (on parallel threads) and merged into
    /// one model whose scores are the mean of theirs: an ensemble at the parsing cost of one
    /// model, steadier than any single seed.
    pub ensemble: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 15,
            seed: 1,
            explore_after: 2,
            explore_prob: 0.9,
            prune: 0.0,
            min_count: 3,
            ensemble: 1,
        }
    }
}

/// A training sentence: hashed tokens and its (projectivized) gold tree.
struct Example {
    toks: Tokens,
    gold: Gold,
}

/// Most labels the scoring table can tell apart (two arc classes per label, plus shift and reduce).
const MAX_LABELS: usize = (MAX_CLASSES - 2) / 2;

/// The sorted label set, with `root`, `punct` and `dep` always present; past [`MAX_LABELS`], the
/// rarest labels are left out (sentences using them are not trained on).
fn label_set(sentences: &[Sentence]) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = ["root", "punct", "dep"]
        .into_iter()
        .map(|l| (l, usize::MAX))
        .collect();
    for w in sentences.iter().flat_map(|s| &s.words) {
        if !w.deprel.is_empty() && w.deprel != "_" {
            let c = counts.entry(&w.deprel).or_default();
            *c = c.saturating_add(1);
        }
    }
    let mut by_count: Vec<(&str, usize)> = counts.into_iter().collect();
    by_count.sort_by_key(|&(l, n)| (std::cmp::Reverse(n), l));
    by_count.truncate(MAX_LABELS);
    let set: BTreeSet<&str> = by_count.into_iter().map(|(l, _)| l).collect();
    set.into_iter().map(str::to_string).collect()
}

/// The example for `s`, or `None` when its annotation is not a tree with known labels.
fn example(s: &Sentence, labels: &[String]) -> Option<Example> {
    let mut heads = Vec::with_capacity(s.words.len());
    let mut labs = Vec::with_capacity(s.words.len());
    for w in &s.words {
        heads.push(u32::try_from(w.head?).ok()?);
        labs.push(labels.binary_search(&w.deprel).ok()? as u16);
    }
    if !is_tree(&heads) || heads.iter().filter(|&&h| h == 0).count() != 1 {
        return None;
    }
    projectivize(&mut heads);
    let mut toks = Tokens::default();
    toks.fill(s);
    Some(Example {
        toks,
        gold: Gold::new(&heads, &labs),
    })
}

impl Parser {
    /// Trains on sentences whose words carry form, upos, xpos and gold head/deprel; sentences
    /// whose annotation is not a single-rooted tree are skipped. `progress(done, total)` is called
    /// after each pass. The model depends only on the data and `opts` (the seed included).
    /// At most 511 labels are learned, the most frequent.
    pub fn train(
        sentences: &[Sentence],
        opts: &TrainOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Parser {
        let labels = label_set(sentences);
        let index = |l: &str| labels.binary_search_by(|x| x.as_str().cmp(l)).unwrap_or(0) as u16;
        let acts = Actions {
            n_labels: labels.len(),
            root_label: index("root"),
        };
        let examples: Vec<Example> = sentences
            .iter()
            .filter_map(|s| example(s, &labels))
            .collect();
        // Run 0 on this thread (it reports progress), the others on threads of their own.
        let runs = opts.ensemble.max(1);
        let trained: Vec<(Trainer, HashMap<u64, u32>)> = std::thread::scope(|scope| {
            let others: Vec<_> = (1..runs)
                .map(|r| {
                    let (examples, acts) = (&examples, &acts);
                    let seed = opts.seed.wrapping_add(r as u64);
                    scope.spawn(move || train_run(examples, acts, opts, seed, &mut |_| {}))
                })
                .collect();
            let first = train_run(&examples, &acts, opts, opts.seed, &mut |done| {
                progress(done, opts.iterations)
            });
            std::iter::once(first)
                .chain(
                    others
                        .into_iter()
                        .map(|h| h.join().expect("a training thread panicked")),
                )
                .collect()
        });
        let (trainers, counts): (Vec<Trainer>, Vec<HashMap<u64, u32>>) =
            trained.into_iter().unzip();
        let seen = |f: u64| counts.iter().filter_map(|c| c.get(&f)).max().copied();
        Parser {
            root_label: acts.root_label,
            punct_label: index("punct"),
            fallback_label: index("dep"),
            labels,
            // `label_set` keeps the classes within the table's limit.
            table: Table::new(&average_ensemble(&trainers, opts.prune, |f| {
                seen(f).is_some_and(|c| c >= opts.min_count)
            }))
            .expect("at most MAX_LABELS labels"),
        }
    }
}

/// One perceptron trained over `opts.iterations` shuffled passes with `seed`, and how often each
/// feature was seen in the first pass; `progress(done)` after each pass.
fn train_run(
    examples: &[Example],
    acts: &Actions,
    opts: &TrainOptions,
    seed: u64,
    progress: &mut dyn FnMut(usize),
) -> (Trainer, HashMap<u64, u32>) {
    let mut trainer = Trainer::new(acts.n_classes());
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut sc = Scratch::default();
    let (mut legal, mut costs) = (Vec::new(), Vec::new());
    sc.scores.resize(acts.n_classes(), 0.0);
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for iter in 0..opts.iterations {
        rng.shuffle(&mut order);
        let explore = iter >= opts.explore_after;
        for &e in &order {
            let ex = &examples[e];
            let st = &mut sc.state;
            st.reset(ex.toks.toks.len() - 1);
            while !st.terminal() {
                extract(st, &ex.toks, &mut sc.feats);
                if iter == 0 {
                    for &f in &sc.feats {
                        *counts.entry(f).or_default() += 1;
                    }
                }
                trainer.scores(&sc.feats, &mut sc.scores);
                st.legal_mask(acts, &mut legal);
                ex.gold.costs(st, acts, &legal, &mut costs);
                let Some(guess) = best_of(&sc.scores, |c| legal[c]) else {
                    break;
                };
                let min = costs.iter().copied().min().unwrap_or(0);
                let truth = best_of(&sc.scores, |c| costs[c] == min).unwrap_or(guess);
                trainer.update(&sc.feats, truth, guess);
                let next = if costs[guess] == min || (explore && rng.unit() < opts.explore_prob) {
                    guess
                } else {
                    truth
                };
                let (mv, l) = acts.decode(next);
                st.apply(mv, l);
            }
        }
        progress(iter + 1);
    }
    (trainer, counts)
}
