//! `tacitus geo`: the places of an article, how each was resolved, and where its events
//! happened; `tacitus eval geo`: ActionGeo accuracy on an evaluation set.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use serde_json::json;
use tacitus_coder::{Date, Document};
use tacitus_geo::{Located, Place};

use crate::Dirs;
use crate::code::{CoderArgs, article_dateline, parse_date};
use crate::input::read_text;

/// Options of `tacitus geo`.
#[derive(Args)]
pub struct GeoArgs {
    /// Article file (first non-empty line is the headline, the rest the body), or - for stdin
    #[arg(default_value = "-")]
    input: PathBuf,
    /// Document date (YYYY-MM-DD): chooses actors' roles
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// The dateline's place, when the text does not open with one ("Paris, Texas")
    #[arg(long, value_name = "PLACE")]
    dateline: Option<String>,
    /// Print one JSON object (mentions with candidates and reasons, events with places)
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    coder: CoderArgs,
}

/// Options of `tacitus eval geo`.
#[derive(Args)]
pub struct EvalGeoArgs {
    /// Evaluation set (JSON lines: text, dateline, verb, country, city, source, target), e.g.
    /// crates/geo/eval/actiongeo.jsonl
    #[arg(value_name = "FILE.jsonl")]
    file: PathBuf,
    /// Places of your own added to the gazetteer
    #[arg(long, value_name = "FILE", env = "TACITUS_PLACES")]
    places: Option<PathBuf>,
    /// Print one JSON object (with every miss) instead of a table
    #[arg(long)]
    json: bool,
}

/// One line of a place for people: "Baghdad, Iraq (world city, 33.34, 44.40)".
fn describe(p: &Place) -> String {
    format!(
        "{} ({}, {:.2}, {:.2})",
        p.full_name,
        p.kind.label().replace('_', " "),
        p.lat,
        p.lon
    )
}

/// A located place for people, with how it was chosen.
fn describe_located(l: Option<&Located>) -> String {
    l.map_or_else(
        || "-".to_string(),
        |l| {
            let how = serde_json::to_value(l.how).unwrap_or_default();
            format!("{} [{}]", describe(&l.place), how.as_str().unwrap_or(""))
        },
    )
}

/// Runs `tacitus geo`.
pub fn run(dirs: &Dirs, args: &GeoArgs) -> Result<()> {
    let text = read_text(&args.input)?;
    let coder = args.coder.coder(dirs)?;
    let pipeline = dirs.pipeline()?;
    let Some(enricher) = args.coder.enricher(dirs)? else {
        anyhow::bail!("`tacitus geo` needs places: leave out --no-geo-tone");
    };
    let doc = Document {
        id: args.input.display().to_string(),
        place: args.dateline.clone().or_else(|| article_dateline(&text)),
        text,
        has_headline: true,
        date: args.date,
    };
    let mut coded = coder.code(&pipeline, &doc);
    let places = enricher.places(&doc, &coded);
    enricher.place_and_score(&doc, &mut coded, &places);
    if args.json {
        let events: Vec<_> = coded
            .events
            .iter()
            .map(|e| {
                json!({
                    "sentence": e.sentence, "event_code": e.event_code,
                    "source": e.source.as_ref().map(|p| &p.code),
                    "target": e.target.as_ref().map(|p| &p.code),
                    "verb": e.verb, "geo": e.geo,
                })
            })
            .collect();
        let report = json!({
            "dateline": places.dateline, "mentions": places.mentions, "events": events,
        });
        println!("{report}");
        return Ok(());
    }
    match &places.dateline {
        Some(d) => println!(
            "dateline  {:?} → {}  ({})",
            d.text,
            describe(&d.place),
            d.why
        ),
        None => println!("dateline  none"),
    }
    println!("\n{} place mentions", places.mentions.len());
    for m in &places.mentions {
        println!(
            "  {:?} (sentence {}, chars {}–{}) → {}\n      why: {}{}",
            m.text,
            m.sentence,
            m.start,
            m.end,
            describe(&m.place),
            m.why,
            if m.demonym { "; a demonym" } else { "" }
        );
        for c in m.candidates.iter().skip(1) {
            println!(
                "      also: {} ({}, population {}, score {:.2})",
                c.full_name,
                c.kind.label().replace('_', " "),
                c.population,
                c.score
            );
        }
    }
    println!("\n{} events", coded.events.len());
    for e in &coded.events {
        let code = |p: &Option<tacitus_coder::Participant>| {
            p.as_ref().map_or("-".to_string(), |p| p.code.clone())
        };
        let geo = e.geo.as_ref();
        println!(
            "  {} {} → {} ({:?}, sentence {})\n      action: {}\n      source: {}\n      target: {}",
            e.event_code,
            code(&e.source),
            code(&e.target),
            e.verb.text,
            e.sentence,
            describe_located(geo.and_then(|g| g.action.as_ref())),
            describe_located(geo.and_then(|g| g.source.as_ref())),
            describe_located(geo.and_then(|g| g.target.as_ref())),
        );
    }
    Ok(())
}

/// Runs `tacitus eval geo`.
pub fn eval(dirs: &Dirs, args: &EvalGeoArgs) -> Result<()> {
    let enricher = dirs.enricher(args.places.as_deref())?;
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let score = tacitus_geo::evaluate(enricher.gazetteer(), &text)
        .with_context(|| format!("scoring {}", args.file.display()))?;
    if args.json {
        let report = json!({
            "sentences": score.sentences,
            "country_accuracy": score.country_accuracy(),
            "city_sentences": score.city_total,
            "city_accuracy": score.city_accuracy(),
            "misses": score.misses,
        });
        println!("{report}");
        return Ok(());
    }
    println!("{:>20}  {}", "sentences", score.sentences);
    println!(
        "{:>20}  {:.2}%",
        "country accuracy",
        100.0 * score.country_accuracy()
    );
    println!("{:>20}  {}", "with a city", score.city_total);
    println!(
        "{:>20}  {:.2}%",
        "city accuracy",
        100.0 * score.city_accuracy()
    );
    for m in &score.misses {
        println!(
            "  miss {}: expected {}{}, got {}",
            m.id,
            m.expected_country,
            m.expected_city
                .as_ref()
                .map_or(String::new(), |c| format!(" / {c}")),
            m.got.as_deref().unwrap_or("nothing")
        );
    }
    Ok(())
}
