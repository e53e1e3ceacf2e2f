//! The Phoenix dictionary set as one value, so the coder and tools load it in one call.

use std::path::{Path, PathBuf};

use crate::{
    ActorDictionary, AgentDictionary, CameoToPlover, DictError, DiscardList, EventDescriptions,
    GoldsteinTable, IssueList, VerbDictionary,
};

/// Verb dictionary file name in the `cameo` folder.
pub const VERBS: &str = "CAMEO.2.0.txt";
/// Actor dictionary file names in the `cameo` folder, in load order.
pub const ACTORS: [&str; 3] = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
];
/// Agent dictionary file name.
pub const AGENTS: &str = "Phoenix.agents.txt";
/// Discard list file name.
pub const DISCARDS: &str = "Phoenix.discards.txt";
/// Issue list file name.
pub const ISSUES: &str = "Phoenix.IssueCoding.txt";
/// Goldstein table file name.
pub const GOLDSTEIN: &str = "CAMEO.goldsteinscale.txt";
/// Event description file name.
pub const EVENT_CODES: &str = "CAMEO.eventcodes.txt";
/// CAMEO→PLOVER file name in the `plover` folder.
pub const CAMEO2PLOVER: &str = "CAMEO2PLOVER-2021.txt";

/// The full Phoenix set: verbs, actors, agents, discards, issues and the CAMEO tables.
#[derive(Debug, Clone)]
pub struct PhoenixSet {
    /// The CAMEO verb dictionary.
    pub verbs: VerbDictionary,
    /// The three actor files, merged in load order.
    pub actors: ActorDictionary,
    /// The agents.
    pub agents: AgentDictionary,
    /// The discard list.
    pub discards: DiscardList,
    /// The issue list.
    pub issues: IssueList,
    /// Goldstein scores.
    pub goldstein: GoldsteinTable,
    /// CAMEO event descriptions.
    pub descriptions: EventDescriptions,
    /// CAMEO→PLOVER.
    pub plover: CameoToPlover,
}

impl PhoenixSet {
    /// Loads the set from a data directory holding `cameo/` and `plover/`.
    pub fn load(data_dir: &Path) -> Result<PhoenixSet, DictError> {
        PhoenixSet::load_from(
            &data_dir.join("cameo"),
            &data_dir.join("plover").join(CAMEO2PLOVER),
        )
    }

    /// Loads the set from a folder of Phoenix files and a CAMEO→PLOVER table.
    pub fn load_from(cameo_dir: &Path, plover_table: &Path) -> Result<PhoenixSet, DictError> {
        let cameo = |f: &str| -> PathBuf { cameo_dir.join(f) };
        let mut actors = ActorDictionary::default();
        for f in ACTORS {
            actors.extend(crate::load_actors(&cameo(f))?);
        }
        Ok(PhoenixSet {
            verbs: crate::load_verbs(&cameo(VERBS))?,
            actors,
            agents: crate::load_agents(&cameo(AGENTS))?,
            discards: crate::load_discards(&cameo(DISCARDS))?,
            issues: crate::load_issues(&cameo(ISSUES))?,
            goldstein: crate::load_goldstein(&cameo(GOLDSTEIN))?,
            descriptions: crate::load_event_descriptions(&cameo(EVENT_CODES))?,
            plover: crate::load_cameo_to_plover(plover_table)?,
        })
    }
}
