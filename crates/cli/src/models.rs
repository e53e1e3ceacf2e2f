//! `tacitus setup`, and finding (or building) the models every other command needs.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Args;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use tacitus_nlp::setup::{Outcome, SetupOptions, TRAIN_TREEBANK, setup};
use tacitus_nlp::{NlpError, Pipeline};

use crate::Dirs;

/// Options of `tacitus setup`.
#[derive(Args)]
pub struct SetupArgs {
    /// Retrain every model even if it is up to date
    #[arg(long)]
    force: bool,
    /// Train on the first N sentences only (quick experiments)
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Folds for jackknifed parser training tags (0 = train the parser on gold tags)
    #[arg(long, value_name = "K", default_value_t = SetupOptions::default().jackknife_folds)]
    folds: usize,
}

impl Dirs {
    /// The models directory: `--models`, `TACITUS_MODELS`, or the user's cache directory.
    pub fn models_dir(&self) -> PathBuf {
        self.models.clone().unwrap_or_else(|| {
            dirs::cache_dir()
                .unwrap_or_else(std::env::temp_dir)
                .join("tacitus")
                .join("models")
        })
    }

    /// Loads the pipeline, building the models first when none are installed yet.
    pub fn pipeline(&self) -> Result<Pipeline> {
        let dir = self.models_dir();
        match Pipeline::load(&dir) {
            Err(NlpError::NoModels { .. }) => {
                if !self.data.join(TRAIN_TREEBANK).exists() {
                    bail!(
                        "no models in {} and no training data in {} (use --data DIR or TACITUS_DATA)",
                        dir.display(),
                        self.data.display()
                    );
                }
                eprintln!(
                    "tacitus: no models in {}; building them from {} (once, a few minutes)",
                    dir.display(),
                    self.data.display()
                );
                build(self, &SetupOptions::default())?;
                Ok(Pipeline::load(&dir)?)
            }
            other => Ok(other?),
        }
    }
}

/// Runs `tacitus setup`.
pub fn run_setup(dirs: &Dirs, args: &SetupArgs) -> Result<()> {
    let opts = SetupOptions {
        force: args.force,
        limit: args.limit,
        jackknife_folds: args.folds,
        ..Default::default()
    };
    build(dirs, &opts)
}

fn build(dirs: &Dirs, opts: &SetupOptions) -> Result<()> {
    let models = dirs.models_dir();
    let started = Instant::now();
    let multi = MultiProgress::new();
    let bars: Mutex<BTreeMap<String, ProgressBar>> = Mutex::new(BTreeMap::new());
    let style = ProgressStyle::with_template("{prefix:>14} {bar:30} {pos}/{len} {elapsed}")
        .expect("valid template");
    let progress = |stage: &str, done: usize, total: usize| {
        let mut bars = bars.lock().unwrap_or_else(|e| e.into_inner());
        let bar = bars.entry(stage.to_string()).or_insert_with(|| {
            let b = multi.add(ProgressBar::new(total as u64));
            b.set_style(style.clone());
            b.set_prefix(stage.to_string());
            b
        });
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        if done >= total {
            bar.finish();
        }
    };
    let outcomes = setup(&dirs.data, &models, opts, &progress)
        .with_context(|| format!("setting up models in {}", models.display()))?;
    for (name, outcome) in &outcomes {
        let what = match outcome {
            Outcome::Trained => "trained",
            Outcome::UpToDate => "up to date",
        };
        eprintln!("{name:>12}: {what}");
    }
    for (name, built) in crate::enrich::setup(dirs, opts.force)? {
        eprintln!("{name:>12}: {}", if built { "built" } else { "up to date" });
    }
    eprintln!(
        "models in {} ({:.1} s)",
        models.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
