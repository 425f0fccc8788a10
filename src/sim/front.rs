//! The front door of the simulation: a landscape of the document model, compiled once into the
//! engine's network ([`Compiled`]), then any number of scenarios run on it, stored in the
//! document or not, as-is or with a control set. The fault-free baseline (§10) is paid once per
//! model revision: runs whose network agrees on everything the baseline depends on share it, in
//! memory and, through a [`BaselineStore`], across processes.
//!
//! ```no_run
//! # fn demo(landscape: &switchboard::model::Landscape) -> Result<(), switchboard::sim::SimError> {
//! let run = switchboard::sim::simulate_landscape(landscape, "friday-night", None)?;
//! let processes_hit = run.report.summary.impacted.len();
//! # let _ = processes_hit;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use crate::model::validate::validate_scenario;
use crate::model::{Change, ControlSet, Finding, Landscape, OwnerChange, Scenario, Settings};

use super::build;
use super::net::Network;
use super::run::{Baseline, RunResult, baseline, baseline_key, simulate, simulate_whole};

/// Why a simulation cannot run, in one line that says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SimError(pub String);

impl From<build::BuildError> for SimError {
    fn from(e: build::BuildError) -> Self {
        Self(e.0)
    }
}

/// Which flows a run simulates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Coverage {
    /// The fault cone when §10 allows it, else the whole graph (same report, faster).
    #[default]
    Auto,
    /// Every flow.
    WholeGraph,
}

/// Where a run's baseline came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaselineSource {
    /// Computed by this run.
    Computed,
    /// Shared with an earlier run on the same [`Compiled`].
    Shared,
    /// Read from the [`BaselineStore`] (e.g. the CLI's cache folder).
    Stored,
    /// Not needed: the run simulated the whole graph.
    NotNeeded,
}

impl BaselineSource {
    /// `computed`, `shared`, `cached` or `not needed`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Computed => "computed",
            Self::Shared => "shared",
            Self::Stored => "cached",
            Self::NotNeeded => "not needed",
        }
    }
}

/// Keeps baselines between processes, keyed by [`baseline_key`]. Implementations live where the
/// file system may be touched (the CLI); a failed save is silently dropped.
pub trait BaselineStore: Send + Sync {
    /// The stored baseline of this key, if any (a broken entry reads as none).
    fn load(&self, key: &str) -> Option<Baseline>;
    /// Stores the baseline of this key.
    fn save(&self, key: &str, baseline: &Baseline);
}

/// A landscape checked by `model::validate` and compiled once, ready for many runs.
pub struct Compiled {
    landscape: Landscape,
    net: Network,
    coverage: Coverage,
    baselines: Mutex<BTreeMap<String, Arc<Baseline>>>,
    store: Option<Box<dyn BaselineStore>>,
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled")
            .field("flows", &self.net.flows.len())
            .field("coverage", &self.coverage)
            .finish_non_exhaustive()
    }
}

/// One line for the first error finding, if any.
fn first_error(findings: &[Finding]) -> Result<(), SimError> {
    match findings
        .iter()
        .find(|f| f.severity == crate::model::Severity::Error)
    {
        Some(f) => Err(SimError(format!(
            "{} {}: {} ({})",
            f.entity_kind, f.entity_id, f.message, f.code
        ))),
        None => Ok(()),
    }
}

/// Whether a finding is about one scenario (checked when that scenario runs).
fn is_scenario_finding(f: &Finding) -> bool {
    matches!(f.entity_kind, "scenario" | "fault")
}

impl Compiled {
    /// Validates the landscape (§3.8, scenarios aside: each is checked when it runs) and
    /// compiles it with the document's settings.
    pub fn new(landscape: &Landscape) -> Result<Self, SimError> {
        let findings: Vec<Finding> = crate::model::validate(landscape)
            .into_iter()
            .filter(|f| !is_scenario_finding(f))
            .collect();
        first_error(&findings)?;
        let net = build::network(landscape, &landscape.settings)?;
        Ok(Self {
            landscape: landscape.clone(),
            net,
            coverage: Coverage::Auto,
            baselines: Mutex::new(BTreeMap::new()),
            store: None,
        })
    }

    /// The same, simulating with this coverage.
    #[must_use]
    pub fn with_coverage(mut self, coverage: Coverage) -> Self {
        self.coverage = coverage;
        self
    }

    /// The same, reading and writing baselines through this store.
    #[must_use]
    pub fn with_store(mut self, store: Box<dyn BaselineStore>) -> Self {
        self.store = Some(store);
        self
    }

    /// The compiled landscape.
    pub fn landscape(&self) -> &Landscape {
        &self.landscape
    }

    /// The network with the document's settings.
    pub fn network(&self) -> &Network {
        &self.net
    }

    /// The baseline of a network: shared, stored, or computed (and then kept and stored).
    fn baseline_for(&self, net: &Network) -> (Arc<Baseline>, BaselineSource) {
        let key = baseline_key(net);
        if let Some(b) = self.lock().get(&key) {
            return (Arc::clone(b), BaselineSource::Shared);
        }
        let stored = self.store.as_ref().and_then(|s| s.load(&key));
        let (b, source) = if let Some(b) = stored {
            (Arc::new(b), BaselineSource::Stored)
        } else {
            let b = baseline(net);
            if let Some(s) = &self.store {
                s.save(&key, &b);
            }
            (Arc::new(b), BaselineSource::Computed)
        };
        self.lock().insert(key, Arc::clone(&b));
        (b, source)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Arc<Baseline>>> {
        self.baselines
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The network for these settings and control changes.
    fn network_for(
        &self,
        settings: &Settings,
        control: Option<&ControlSet>,
    ) -> Result<Network, SimError> {
        let changes_model = |c: &&ControlSet| {
            c.changes
                .iter()
                .any(|ch| !matches!(ch, Change::Settings(_)))
        };
        let Some(control) = control.filter(changes_model) else {
            // Settings only: the compiled network is reused with the changed settings.
            let mut settings = settings.clone();
            for change in control.map(|c| c.changes.as_slice()).unwrap_or_default() {
                if let Change::Settings(o) = change {
                    settings = o.apply_to(&settings);
                }
            }
            build::check_horizon(&settings)?;
            if settings.fallback_team == self.landscape.settings.fallback_team {
                let mut net = self.net.clone();
                net.settings = settings;
                return Ok(net);
            }
            return Ok(build::network(&self.landscape, &settings)?);
        };
        let mut changed = self.landscape.clone();
        let mut settings = settings.clone();
        for change in &control.changes {
            apply_change(&mut changed, &mut settings, change);
        }
        let findings: Vec<Finding> = crate::model::validate(&changed)
            .into_iter()
            .filter(|f| !is_scenario_finding(f))
            .collect();
        first_error(&findings)
            .map_err(|e| SimError(format!("control \"{}\": {e}", control.name)))?;
        Ok(build::network(&changed, &settings)?)
    }
}

/// Applies one control change to a copy of the document and the run's settings.
fn apply_change(l: &mut Landscape, settings: &mut Settings, change: &Change) {
    match change {
        Change::Flow { flow, set } => {
            if let Some(f) = l.flows.iter_mut().find(|f| &f.id == flow) {
                set.schedule.clone_into_opt(&mut f.schedule);
                if let Some(x) = set.pattern {
                    f.pattern = x;
                }
                if let Some(x) = set.duration_minutes {
                    f.duration_minutes = x;
                }
                match &set.owner {
                    Some(OwnerChange::Team(t)) => f.owner = Some(t.clone()),
                    Some(OwnerChange::Nobody) => f.owner = None,
                    None => {}
                }
                if let Some(x) = &set.contract {
                    f.contract = Some(x.clone());
                }
                if let Some(x) = set.validation {
                    f.validation = x;
                }
                if let Some(x) = set.job_alert {
                    f.job_alert = x;
                }
                set.retry.clone_into_opt(&mut f.retry);
                if let Some(x) = set.buffered {
                    f.buffered = x;
                }
                if let Some(x) = set.dlq {
                    f.dlq = x;
                }
                if let Some(x) = set.queue_age_alarm_minutes {
                    f.queue_age_alarm_minutes = Some(x);
                }
                if let Some(x) = set.loss {
                    f.loss = x;
                }
                if let Some(x) = set.via_hub {
                    f.via_hub = x;
                }
            }
        }
        Change::Team { team, calendar } => {
            if let Some(t) = l.teams.iter_mut().find(|t| &t.id == team) {
                t.calendar = calendar.clone();
            }
        }
        Change::AddMonitor(m) => l.monitors.push(m.clone()),
        Change::Settings(o) => *settings = o.apply_to(settings),
    }
}

/// `Some(x)` replaces the target with a clone of `x`.
trait CloneIntoOpt<T> {
    fn clone_into_opt(&self, target: &mut T);
}

impl<T: Clone> CloneIntoOpt<T> for Option<T> {
    fn clone_into_opt(&self, target: &mut T) {
        if let Some(x) = self {
            target.clone_from(x);
        }
    }
}

fn list_or_none<'a>(it: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<&str> = it.collect();
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}

/// The control set of a scenario with this name, or an error listing the names.
fn find_control<'a>(sc: &'a Scenario, name: &str) -> Result<&'a ControlSet, SimError> {
    sc.controls.iter().find(|c| c.name == name).ok_or_else(|| {
        SimError(format!(
            "scenario {}: no control set '{name}' (control sets: {})",
            sc.id,
            list_or_none(sc.controls.iter().map(|c| c.name.as_str()))
        ))
    })
}

/// A scenario checked and compiled for one run: the network (with the control set applied) and
/// its faults.
struct PreparedRun {
    net: Network,
    faults: Vec<super::net::NetFault>,
}

/// Checks `scenario` (by `model::validate`'s rules) and compiles it, as-is or with its control
/// set named `control`, without simulating: every error `simulate_scenario` would give.
fn prepare(
    compiled: &Compiled,
    scenario: &Scenario,
    control: Option<&str>,
) -> Result<PreparedRun, SimError> {
    first_error(&validate_scenario(&compiled.landscape, scenario))?;
    let control = control
        .map(|name| find_control(scenario, name))
        .transpose()?;
    let settings = scenario.settings.apply_to(&compiled.landscape.settings);
    let net = compiled.network_for(&settings, control)?;
    let faults = build::faults(&net, &scenario.faults)?;
    if let Some(f) = faults.iter().find(|f| f.start < net.settings.sim_start) {
        return Err(SimError(format!(
            "fault {}: start {} is before sim_start {}",
            f.id, f.start, net.settings.sim_start
        )));
    }
    Ok(PreparedRun { net, faults })
}

/// What `simulate_scenario` would refuse for this scenario and control set, found without
/// simulating (`check` uses it, so a document `check` passes is one `simulate` runs).
pub fn preflight_scenario(
    compiled: &Compiled,
    scenario: &Scenario,
    control: Option<&str>,
) -> Result<(), SimError> {
    prepare(compiled, scenario, control).map(|_| ())
}

/// Runs `scenario` (stored in the document or not) on a compiled landscape, as-is or with its
/// control set named `control`. The scenario is checked by `model::validate`'s rules first.
pub fn simulate_scenario(
    compiled: &Compiled,
    scenario: &Scenario,
    control: Option<&str>,
) -> Result<RunResult, SimError> {
    let PreparedRun { net, faults } = prepare(compiled, scenario, control)?;
    let result = match compiled.coverage {
        Coverage::WholeGraph => simulate_whole(&net, &faults, scenario.deadline),
        Coverage::Auto => {
            let (base, source) = compiled.baseline_for(&net);
            let mut r = simulate(&net, &base, &faults, scenario.deadline);
            r.baseline = source;
            r
        }
    };
    super::run::within_budget(&scenario.id, result).map_err(|e| SimError(e.0))
}

/// The scenario of the document with this id, or an error listing the ids.
pub fn find_scenario<'a>(landscape: &'a Landscape, id: &str) -> Result<&'a Scenario, SimError> {
    landscape.scenario(id).ok_or_else(|| {
        SimError(format!(
            "no scenario '{id}' in the document (scenarios: {})",
            list_or_none(landscape.scenarios.iter().map(|s| s.id.as_str()))
        ))
    })
}

/// Runs the document's scenario `scenario_id` on a compiled landscape.
pub fn simulate_stored(
    compiled: &Compiled,
    scenario_id: &str,
    control: Option<&str>,
) -> Result<RunResult, SimError> {
    let scenario = find_scenario(&compiled.landscape, scenario_id)?;
    simulate_scenario(compiled, scenario, control)
}

/// Compiles the landscape and runs its scenario `scenario_id`, as-is or with a control set.
pub fn simulate_landscape(
    landscape: &Landscape,
    scenario_id: &str,
    control: Option<&str>,
) -> Result<RunResult, SimError> {
    find_scenario(landscape, scenario_id)?;
    simulate_stored(&Compiled::new(landscape)?, scenario_id, control)
}

/// Every control set of a scenario, in listed order, each with its run. The runs share the
/// compiled landscape and, where the controls leave it alone, the baseline.
pub fn compare_scenario_controls(
    compiled: &Compiled,
    scenario: &Scenario,
) -> Result<Vec<(String, RunResult)>, SimError> {
    scenario
        .controls
        .iter()
        .map(|c| {
            Ok((
                c.name.clone(),
                simulate_scenario(compiled, scenario, Some(&c.name))?,
            ))
        })
        .collect()
}
