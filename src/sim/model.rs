//! The compiled model the engine runs on (`simulation.md` §11, step 1): dense indices in sorted
//! id order, consumer and producer indexes, teams (declared, implicit and fallback), settings
//! and the scenario's faults.

use super::calendar::Cal;
use super::schedule::Sched;

/// Resolved settings (`simulation.md` §3.7, Switchboard's defaults).
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct Settings {
    pub sim_start: i64,
    pub horizon_start: i64,
    pub horizon_end: i64,
    pub alert_delay: i64,
    pub triage: i64,
    pub triage_lineage: i64,
    pub lineage: bool,
    pub no_owner_delay: i64,
    pub cascade_rerun: bool,
    pub fallback_team: String,
    pub seed: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            sim_start: 0,
            horizon_start: 4320,
            horizon_end: 14400,
            alert_delay: 5,
            triage: 120,
            triage_lineage: 15,
            lineage: false,
            no_owner_delay: 240,
            cascade_rerun: false,
            fallback_team: "it-service-desk".to_owned(),
            seed: 0,
        }
    }
}

/// A team with its calendar.
#[derive(Debug, Clone)]
pub struct Team {
    /// Id.
    pub id: String,
    /// Coverage calendar.
    pub cal: Cal,
    /// Declared in the model (not implicit, not only the fallback).
    pub declared: bool,
}

/// A system.
#[derive(Debug, Clone)]
pub struct System {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A dataset.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Full id.
    pub id: String,
    /// System index.
    pub system: u32,
    /// System of record.
    pub source: bool,
    /// Freshness SLA.
    pub stale_after: Option<i64>,
    /// Owner (blast radius only).
    pub owner: Option<String>,
}

/// Retry policy.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct Retry {
    pub max_attempts: i64,
    pub base: i64,
    pub factor: f64,
    pub cap: i64,
    pub full_jitter: bool,
}

/// A flow.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Flow {
    pub id: String,
    /// Input dataset indices, in listed order.
    pub inputs: Vec<u32>,
    pub output: u32,
    pub sched: Sched,
    pub duration: i64,
    /// Owner team index.
    pub owner: Option<u32>,
    pub validation: i64,
    pub job_alert: bool,
    pub retry: Retry,
    pub buffered: bool,
    pub dlq: bool,
    pub queue_age_alarm: Option<i64>,
    pub loss: f64,
}

/// What a monitor checks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MonKind {
    /// Age ≥ threshold minutes.
    Freshness(i64),
    /// Completeness < threshold.
    Volume(f64),
    /// A taint with detectability ≤ threshold.
    Quality(i64),
}

/// A monitor.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Monitor {
    pub id: String,
    pub dataset: u32,
    pub kind: MonKind,
    pub every: i64,
    pub offset: i64,
    pub owner: Option<u32>,
}

/// A process dependency.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Dep {
    pub dataset: u32,
    pub max_age: i64,
    pub min_completeness: f64,
}

/// A business process.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Process {
    pub id: String,
    /// Owner team index.
    pub owner: u32,
    pub deps: Vec<Dep>,
    pub cal: Cal,
    pub notice_after: Option<i64>,
}

/// A fault kind with its parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FaultKind {
    /// Runs fail.
    Fail,
    /// Runs fail silently.
    Silent,
    /// Completeness × fraction.
    Partial(f64),
    /// Commits late.
    Delay(i64),
    /// Tainted data.
    Semantic,
}

impl FaultKind {
    /// The kind's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Fail => "fail",
            Self::Silent => "silent",
            Self::Partial(_) => "partial",
            Self::Delay(_) => "delay",
            Self::Semantic => "semantic",
        }
    }
}

/// A fault of the scenario.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Fault {
    pub id: String,
    pub flow: u32,
    pub kind: FaultKind,
    pub start: i64,
    pub end: Option<i64>,
    pub repair_minutes: i64,
    pub detectability: i64,
}

/// A compiled, validated model with its settings.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Model {
    pub teams: Vec<Team>,
    pub systems: Vec<System>,
    pub datasets: Vec<Dataset>,
    pub flows: Vec<Flow>,
    pub monitors: Vec<Monitor>,
    pub processes: Vec<Process>,
    pub settings: Settings,
    /// Consumer flows of each dataset, sorted.
    pub consumers: Vec<Vec<u32>>,
    /// Producer flow of each dataset.
    pub producer: Vec<Option<u32>>,
    /// Monitors on each dataset, sorted.
    pub mon_by_ds: Vec<Vec<u32>>,
    /// Processes depending on each dataset, sorted.
    pub proc_by_ds: Vec<Vec<u32>>,
    /// Ids of the datasets some flow produces, sorted (every report lists them).
    pub produced_ids: std::sync::Arc<[String]>,
    /// Ids of all systems, sorted.
    pub system_ids: std::sync::Arc<[String]>,
    /// Rank of `flow:<id>` among all signal objects.
    pub obj_rank_flow: Vec<u32>,
    /// Rank of `dataset:<id>`.
    pub obj_rank_ds: Vec<u32>,
    /// Rank of `process:<id>`.
    pub obj_rank_proc: Vec<u32>,
}

impl Model {
    /// The datasets produced by some flow, sorted.
    pub fn produced(&self) -> Vec<u32> {
        (0..self.datasets.len() as u32)
            .filter(|&d| self.producer[d as usize].is_some())
            .collect()
    }

    /// Index of a flow by id.
    pub fn flow_ix(&self, id: &str) -> Option<u32> {
        self.flows
            .binary_search_by(|f| f.id.as_str().cmp(id))
            .ok()
            .map(|i| i as u32)
    }

    /// Index of a team by id.
    pub fn team_ix(&self, id: &str) -> Option<u32> {
        self.teams
            .binary_search_by(|f| f.id.as_str().cmp(id))
            .ok()
            .map(|i| i as u32)
    }
}
