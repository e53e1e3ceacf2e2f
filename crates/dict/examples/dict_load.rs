//! Loads the Phoenix dictionary set and prints entry counts and the load time.
//!
//! Usage: `cargo run --release -p tacitus-dict --example dict_load [DATA_DIR]`
//! (default `$TACITUS_DATA`, else `../shared/data`); `-v` lists the warnings.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let dir = std::env::args()
        .skip(1)
        .find(|a| a != "-v")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TACITUS_DATA").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("../shared/data"));
    let start = Instant::now();
    let set = match tacitus_dict::PhoenixSet::load(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let elapsed = start.elapsed();
    let v = &set.verbs;
    println!("synsets       {}", v.synsets.len());
    println!("verb families {}", v.families.len());
    println!("verbs         {}", v.verbs.len());
    println!("patterns      {}", v.patterns.len());
    println!("transforms    {}", v.transformations.len());
    println!("verb warnings {}", v.warnings.len());
    println!(
        "actors        {} ({} names)",
        set.actors.entries.len(),
        set.actors.name_count()
    );
    println!("actor warnings {}", set.actors.warnings.len());
    println!("agents        {}", set.agents.entries.len());
    println!("discards      {}", set.discards.entries.len());
    println!(
        "issues        {} (+{} exclusions)",
        set.issues.entries.len(),
        set.issues.exclusions.len()
    );
    println!("goldstein     {}", set.goldstein.scores.len());
    println!("event codes   {}", set.descriptions.descriptions.len());
    println!("cameo→plover  {}", set.plover.mappings.len());
    println!(
        "other warnings agents {} issues {} plover {}",
        set.agents.warnings.len(),
        set.issues.warnings.len(),
        set.plover.warnings.len()
    );
    if verbose {
        let all = v
            .warnings
            .iter()
            .chain(&set.actors.warnings)
            .chain(&set.agents.warnings);
        for w in all.chain(&set.issues.warnings).chain(&set.plover.warnings) {
            println!("warning: {}: {}", w.loc, w.message);
        }
    }
    println!("loaded in {:.1} ms", elapsed.as_secs_f64() * 1000.0);
}
