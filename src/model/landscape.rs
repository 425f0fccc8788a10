//! The document: a landscape with its teams, systems, contracts, flows, monitors, processes,
//! scenarios and settings, plus lookups by id.
//!
//! Depends on the other `model` files only.

use serde::{Deserialize, Serialize};

use super::defaults;

use super::contract::Contract;
use super::flow::Flow;
use super::process::{Monitor, Process};
use super::scenario::{Scenario, Settings};
use super::system::{Dataset, System, Team, dataset_full_id};

/// The current version of the file format.
pub const FORMAT_VERSION: u32 = 1;

/// An integration landscape: everything a document holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Landscape {
    /// The file format version (see `file::migrate`).
    pub format: u32,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub description: String,
    /// Overrides the RabbitMQ virtual host of the exports (`exports.md` §1.1).
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub export_vhost: Option<String>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub settings: Settings,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub teams: Vec<Team>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub systems: Vec<System>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub contracts: Vec<Contract>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub flows: Vec<Flow>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub monitors: Vec<Monitor>,
    /// Business processes, in model order (`simulation.md` §3.1 uses it for implicit teams).
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub processes: Vec<Process>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub scenarios: Vec<Scenario>,
}

impl Default for Landscape {
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            name: String::new(),
            description: String::new(),
            export_vhost: None,
            settings: Settings::default(),
            teams: Vec::new(),
            systems: Vec::new(),
            contracts: Vec::new(),
            flows: Vec::new(),
            monitors: Vec::new(),
            processes: Vec::new(),
            scenarios: Vec::new(),
        }
    }
}

/// A dataset together with the system that holds it.
#[derive(Debug, Clone, Copy)]
pub struct DatasetRef<'a> {
    pub system: &'a System,
    pub dataset: &'a Dataset,
}

impl DatasetRef<'_> {
    /// The full id `SYSTEM.dataset`.
    pub fn full_id(&self) -> String {
        dataset_full_id(&self.system.id, &self.dataset.id)
    }
}

impl Landscape {
    /// The team with this id.
    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    /// The system with this id.
    pub fn system(&self, id: &str) -> Option<&System> {
        self.systems.iter().find(|s| s.id == id)
    }

    /// The flow with this id.
    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.id == id)
    }

    /// The contract with this id.
    pub fn contract(&self, id: &str) -> Option<&Contract> {
        self.contracts.iter().find(|c| c.id == id)
    }

    /// The process with this id.
    pub fn process(&self, id: &str) -> Option<&Process> {
        self.processes.iter().find(|p| p.id == id)
    }

    /// The scenario with this id.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Every dataset with its system, in document order.
    pub fn datasets(&self) -> impl Iterator<Item = DatasetRef<'_>> {
        self.systems.iter().flat_map(|system| {
            system
                .datasets
                .iter()
                .map(move |dataset| DatasetRef { system, dataset })
        })
    }

    /// The dataset with this full id (`SYSTEM.dataset`).
    ///
    /// System ids may themselves contain dots, so every system whose id is a prefix is tried.
    pub fn dataset(&self, full_id: &str) -> Option<DatasetRef<'_>> {
        self.systems.iter().find_map(|system| {
            let local = full_id
                .strip_prefix(system.id.as_str())?
                .strip_prefix('.')?;
            let dataset = system.datasets.iter().find(|d| d.id == local)?;
            Some(DatasetRef { system, dataset })
        })
    }

    /// The id of the system holding the dataset with this full id.
    pub fn system_of_dataset(&self, full_id: &str) -> Option<&str> {
        self.dataset(full_id).map(|d| d.system.id.as_str())
    }

    /// The flow that writes the dataset with this full id.
    pub fn producer_of(&self, full_id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.output == full_id)
    }

    /// The ids of the systems a flow reads from (sorted, without duplicates).
    pub fn flow_source_systems(&self, flow: &Flow) -> Vec<String> {
        let mut systems: Vec<String> = flow
            .inputs
            .iter()
            .filter_map(|input| self.system_of_dataset(input).map(str::to_owned))
            .collect();
        systems.sort();
        systems.dedup();
        systems
    }

    /// The id of the system a flow writes to.
    pub fn flow_target_system(&self, flow: &Flow) -> Option<&str> {
        self.system_of_dataset(&flow.output)
    }
}
