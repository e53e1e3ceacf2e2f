//! `tacitus eval petrarch`: the coder against a PETRARCH validation file, from raw text.

use anyhow::{Context, Result, bail};
use tacitus_coder::{Coder, Document, Lexicon, LexiconParts, Options};
use tacitus_eval::petrarch::{Environment, Triple, ValidationFile, score};

use crate::Dirs;
use crate::eval::EvalPetrarchArgs;

/// Runs `tacitus eval petrarch`.
pub fn run(dirs: &Dirs, args: &EvalPetrarchArgs) -> Result<()> {
    let file = ValidationFile::load(&args.file)?;
    let lexicon = environment_lexicon(dirs, &file.environment)
        .with_context(|| format!("loading the dictionaries {} names", args.file.display()))?;
    let mut coder = Coder::new(lexicon, Options::default());
    let pipeline = dirs.pipeline()?;
    let mut outcomes = Vec::new();
    for record in file.evaluated() {
        // PETRARCH-2 codes an announced act as the act ("will abandon ties" 080).
        coder.set_options(Options {
            require_dyad: record.config.require_dyad,
            future_intent: false,
        });
        let doc = Document {
            id: record.id.clone(),
            text: record.text.clone(),
            has_headline: false,
            date: record.date,
            place: None,
        };
        let coded = coder.code(&pipeline, &doc);
        let got: Vec<Triple> = coded
            .events
            .iter()
            .map(|e| {
                let code = |p: &Option<tacitus_coder::Participant>| {
                    p.as_ref()
                        .map_or_else(|| "---".to_string(), |p| p.code.clone())
                };
                Triple::new(code(&e.source), code(&e.target), e.event_code.clone())
            })
            .collect();
        outcomes.push(record.outcome(got));
    }
    let report = score(outcomes);
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(());
    }
    for f in &report.failures {
        println!("FAIL {} [{}] (line {})", f.id, f.category, f.line);
        println!("  sentence: {}", f.text);
        println!("  expected: {}", list(f.expected.triples()));
        println!("  got:      {}", list(&f.got));
    }
    println!(
        "\n{} of {} records passed ({:.1}%); event precision {:.1}%, recall {:.1}%",
        report.passed,
        report.records,
        report.pass_rate,
        report.event_precision,
        report.event_recall
    );
    for (cat, s) in &report.by_category {
        println!("  {cat:>10}  {:>3} / {:<3}", s.passed, s.records);
    }
    Ok(())
}

fn list(triples: &[Triple]) -> String {
    if triples.is_empty() {
        return "(none)".into();
    }
    triples
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lexicon an `<Environment>` names; tables (Goldstein, PLOVER) from the data directory.
fn environment_lexicon(dirs: &Dirs, env: &Environment) -> Result<Lexicon> {
    let Some(verbs) = &env.verbs else {
        bail!("the <Environment> names no <Verbfile>");
    };
    let mut actors = tacitus_dict::ActorDictionary::default();
    for a in &env.actors {
        actors.extend(tacitus_dict::load_actors(a)?);
    }
    let agents = match &env.agents {
        Some(a) => tacitus_dict::load_agents(a)?,
        None => Default::default(),
    };
    let discards = match &env.discards {
        Some(d) => tacitus_dict::load_discards(d)?,
        None => Default::default(),
    };
    let cameo = dirs.data.join("cameo");
    let plover = dirs
        .data
        .join("plover")
        .join(tacitus_dict::phoenix::CAMEO2PLOVER);
    Ok(Lexicon::compile(LexiconParts {
        verbs: tacitus_dict::load_verbs(verbs)?,
        actors,
        agents,
        discards,
        goldstein: tacitus_dict::load_goldstein(&cameo.join(tacitus_dict::phoenix::GOLDSTEIN)).ok(),
        plover: tacitus_dict::load_cameo_to_plover(&plover).ok(),
    }))
}
