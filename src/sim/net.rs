//! The compiled network the engine runs on (`simulation.md` §11, step 1): dense indices in sorted
//! id order, consumer and producer indexes, teams (declared, implicit and fallback), settings
//! and the scenario's faults.

use super::calendar::Cal;
use super::schedule::Sched;

/// The engine runs on the document's own settings (`simulation.md` §3.7).
pub use crate::model::Settings;

/// A team with its calendar.
#[derive(Debug, Clone)]
pub struct NetTeam {
    /// Id.
    pub id: String,
    /// Coverage calendar.
    pub cal: Cal,
    /// Declared in the model (not implicit, not only the fallback).
    pub declared: bool,
}

/// A system.
#[derive(Debug, Clone)]
pub struct NetSystem {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A dataset.
#[derive(Debug, Clone)]
pub struct NetDataset {
    /// Full id.
    pub id: String,
    /// NetSystem index.
    pub system: u32,
    /// NetSystem of record.
    pub source: bool,
    /// Freshness SLA.
    pub stale_after: Option<i64>,
    /// Owner (blast radius only).
    pub owner: Option<String>,
}

/// NetRetry policy.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct NetRetry {
    pub max_attempts: i64,
    pub base: i64,
    pub factor: f64,
    pub cap: i64,
    pub full_jitter: bool,
}

/// A flow.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct NetFlow {
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
    pub retry: NetRetry,
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
pub struct NetMonitor {
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
pub struct NetDep {
    pub dataset: u32,
    pub max_age: i64,
    pub min_completeness: f64,
}

/// A business process.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct NetProcess {
    pub id: String,
    /// Owner team index.
    pub owner: u32,
    pub deps: Vec<NetDep>,
    pub cal: Cal,
    pub notice_after: Option<i64>,
}

/// A fault kind with its parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NetFaultKind {
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

impl NetFaultKind {
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
pub struct NetFault {
    pub id: String,
    pub flow: u32,
    pub kind: NetFaultKind,
    pub start: i64,
    pub end: Option<i64>,
    pub repair_minutes: i64,
    pub detectability: i64,
}

/// A compiled, validated model with its settings.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Network {
    pub teams: Vec<NetTeam>,
    pub systems: Vec<NetSystem>,
    pub datasets: Vec<NetDataset>,
    pub flows: Vec<NetFlow>,
    pub monitors: Vec<NetMonitor>,
    pub processes: Vec<NetProcess>,
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

impl Network {
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

/// The entities of a network, each sorted by id, before the indexes are built.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct NetParts {
    pub teams: Vec<NetTeam>,
    pub systems: Vec<NetSystem>,
    pub datasets: Vec<NetDataset>,
    pub flows: Vec<NetFlow>,
    pub monitors: Vec<NetMonitor>,
    pub processes: Vec<NetProcess>,
    pub settings: Settings,
}

impl Network {
    /// Builds the indexes of §11, step 1 over checked, sorted parts: consumers and producer of
    /// each dataset, monitors and processes by dataset, and the ranks of the signal objects.
    pub fn assemble(p: NetParts) -> Self {
        let nd = p.datasets.len();
        let mut consumers: Vec<Vec<u32>> = vec![Vec::new(); nd];
        let mut producer: Vec<Option<u32>> = vec![None; nd];
        for (fi, f) in p.flows.iter().enumerate() {
            for &x in &f.inputs {
                consumers[x as usize].push(fi as u32);
            }
            producer[f.output as usize] = Some(fi as u32);
        }
        let mut mon_by_ds = vec![Vec::new(); nd];
        for (i, m) in p.monitors.iter().enumerate() {
            mon_by_ds[m.dataset as usize].push(i as u32);
        }
        let mut proc_by_ds: Vec<Vec<u32>> = vec![Vec::new(); nd];
        for (i, pr) in p.processes.iter().enumerate() {
            for dp in &pr.deps {
                proc_by_ds[dp.dataset as usize].push(i as u32);
            }
        }
        let (obj_rank_flow, obj_rank_ds, obj_rank_proc) = object_ranks(&p);
        let produced_ids: std::sync::Arc<[String]> = p
            .datasets
            .iter()
            .zip(&producer)
            .filter(|(_, pr)| pr.is_some())
            .map(|(d, _)| d.id.clone())
            .collect();
        let system_ids: std::sync::Arc<[String]> = p.systems.iter().map(|s| s.id.clone()).collect();
        Self {
            produced_ids,
            system_ids,
            teams: p.teams,
            systems: p.systems,
            datasets: p.datasets,
            flows: p.flows,
            monitors: p.monitors,
            processes: p.processes,
            settings: p.settings,
            consumers,
            producer,
            mon_by_ds,
            proc_by_ds,
            obj_rank_flow,
            obj_rank_ds,
            obj_rank_proc,
        }
    }
}

/// Ranks of `flow:<id>`, `dataset:<id>` and `process:<id>` among all signal objects in string
/// order.
fn object_ranks(p: &NetParts) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let mut objs: Vec<(String, u8, u32)> = Vec::new();
    objs.extend(
        p.flows
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("flow:{}", f.id), 0, i as u32)),
    );
    objs.extend(
        p.datasets
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("dataset:{}", f.id), 1, i as u32)),
    );
    objs.extend(
        p.processes
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("process:{}", f.id), 2, i as u32)),
    );
    objs.sort_unstable();
    let mut flow = vec![0; p.flows.len()];
    let mut ds = vec![0; p.datasets.len()];
    let mut process = vec![0; p.processes.len()];
    for (rank, (_, kind, i)) in objs.iter().enumerate() {
        let r = rank as u32;
        match kind {
            0 => flow[*i as usize] = r,
            1 => ds[*i as usize] = r,
            _ => process[*i as usize] = r,
        }
    }
    (flow, ds, process)
}
