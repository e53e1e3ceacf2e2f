//! Scoring ActionGeo against a hand-labelled evaluation set.
//!
//! The set (`crates/geo/eval/actiongeo.jsonl`) is one JSON object per line: a sentence, its
//! dateline, the event verb, the gold country (ISO-3) and city (or null), and optionally the
//! source and target actors' countries. Each sentence is geocoded as a document of its own, the
//! way the coder would see it, so the score measures the whole path: finding, resolution and
//! the ActionGeo order.

use serde::{Deserialize, Serialize};

use crate::{Gazetteer, GeoDocument, GeoError, How};

/// One labelled sentence.
#[derive(Deserialize)]
struct Item {
    id: String,
    text: String,
    #[serde(default)]
    dateline: Option<String>,
    verb: String,
    country: String,
    #[serde(default)]
    city: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    target: Option<String>,
}

/// A sentence whose ActionGeo was wrong (in country or city).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    /// The item's id.
    pub id: String,
    /// Gold country (ISO-3).
    pub expected_country: String,
    /// Gold city, if any.
    pub expected_city: Option<String>,
    /// Full name of the place chosen (`None` when there was none).
    pub got: Option<String>,
    /// Country chosen (ISO-3).
    pub got_country: Option<String>,
    /// How it was chosen.
    pub how: Option<How>,
}

/// ActionGeo accuracy over an evaluation set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GeoScore {
    /// Sentences scored.
    pub sentences: usize,
    /// Sentences whose ActionGeo country is the gold country.
    pub country_correct: usize,
    /// Sentences with a gold city.
    pub city_total: usize,
    /// Of those, sentences whose ActionGeo is a city of the gold country going by the gold name
    /// (its own name or an alternate one).
    pub city_correct: usize,
    /// The sentences got wrong.
    pub misses: Vec<Miss>,
}

impl GeoScore {
    /// Country accuracy (0 when there were no sentences).
    pub fn country_accuracy(&self) -> f64 {
        ratio(self.country_correct, self.sentences)
    }

    /// City accuracy over the sentences with a gold city.
    pub fn city_accuracy(&self) -> f64 {
        ratio(self.city_correct, self.city_total)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Geocodes each sentence of a JSONL evaluation set as its own document and scores its
/// ActionGeo: the verb is the first occurrence of `verb`, the actor countries are `source` and
/// `target`. Blank lines are skipped; a line that is not a valid item is an error.
pub fn evaluate(gaz: &Gazetteer, eval_jsonl: &str) -> Result<GeoScore, GeoError> {
    let mut score = GeoScore::default();
    for (n, line) in eval_jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item: Item = serde_json::from_str(line).map_err(|e| GeoError::EvalLine {
            line: n + 1,
            what: e.to_string(),
        })?;
        let Some(byte) = item.text.find(&item.verb) else {
            return Err(GeoError::EvalLine {
                line: n + 1,
                what: format!("verb {:?} not in the text", item.verb),
            });
        };
        let start = item.text[..byte].chars().count();
        let verb = (start, start + item.verb.chars().count());
        let actors: Vec<String> = item.source.iter().chain(&item.target).cloned().collect();
        let len = item.text.chars().count();
        let doc = GeoDocument {
            text: &item.text,
            sentences: &[(0, len)],
            dateline: item.dateline.as_deref(),
            actor_countries: &actors,
        };
        let places = gaz.locate(&doc);
        let got = places.action_geo(gaz, 0, verb, item.source.as_deref(), item.target.as_deref());
        score.sentences += 1;
        let country_ok = got
            .as_ref()
            .is_some_and(|g| g.place.country_iso3 == item.country);
        let city_ok = item.city.as_ref().map(|city| {
            country_ok
                && got
                    .as_ref()
                    .is_some_and(|g| g.place.kind.is_city() && gaz.place_has_name(&g.place, city))
        });
        score.country_correct += usize::from(country_ok);
        if let Some(ok) = city_ok {
            score.city_total += 1;
            score.city_correct += usize::from(ok);
        }
        if !country_ok || city_ok == Some(false) {
            score.misses.push(Miss {
                id: item.id,
                expected_country: item.country,
                expected_city: item.city,
                got: got.as_ref().map(|g| g.place.full_name.clone()),
                got_country: got.as_ref().map(|g| g.place.country_iso3.clone()),
                how: got.map(|g| g.how),
            });
        }
    }
    Ok(score)
}
