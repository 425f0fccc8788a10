//! Validation of a landscape: findings with a severity, the offending entity and a message that
//! says what is wrong and how to fix it. Error findings make a document unusable for simulation
//! and export (`simulation.md` §3.8); warnings point at doubtful values.
//!
//! Depends on the other `model` files only.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::calendar::Calendar;
use super::flow::{Flow, Schedule};
use super::landscape::{DatasetRef, Landscape};
use super::process::MonitorCheck;
use super::scenario::{Change, FaultKind, Scenario};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// One problem found in a landscape.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// A stable rule code, e.g. `dangling-dataset`.
    pub code: &'static str,
    /// The kind of the offending entity: `system`, `flow`, …
    pub entity_kind: &'static str,
    /// The offending entity's id.
    pub entity_id: String,
    /// What is wrong and how to fix it.
    pub message: String,
    /// The offending field of the entity, when one field is at fault (e.g. `horizon_end`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

/// Validates the landscape. Findings are sorted: errors first, then by entity and rule.
pub fn validate(landscape: &Landscape) -> Vec<Finding> {
    let mut checker = Checker::new(landscape);
    checker.duplicate_ids();
    checker.teams_and_systems();
    checker.flows();
    checker.lineage_cycles();
    checker.monitors();
    checker.processes();
    checker.settings_and_scenarios();
    let mut findings = checker.findings;
    findings.extend(super::ranges::range_findings(landscape));
    findings.sort_by(|a, b| {
        b.severity.cmp(&a.severity).then_with(|| {
            (a.entity_kind, &a.entity_id, a.code, &a.message).cmp(&(
                b.entity_kind,
                &b.entity_id,
                b.code,
                &b.message,
            ))
        })
    });
    findings.dedup();
    findings
}

/// Validates one scenario against the landscape (stored in it or not), sorted like [`validate`].
pub fn validate_scenario(landscape: &Landscape, scenario: &Scenario) -> Vec<Finding> {
    let mut checker = Checker::new(landscape);
    checker.scenario(scenario);
    let mut findings = checker.findings;
    findings.sort();
    findings.dedup();
    findings
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Teams a flow or monitor may name as owner: declared, implicit through a process, or the
/// fallback team.
fn owner_teams(l: &Landscape) -> BTreeSet<&str> {
    l.teams
        .iter()
        .map(|t| t.id.as_str())
        .chain(l.processes.iter().map(|p| p.owner.as_str()))
        .chain(std::iter::once(l.settings.fallback_team.as_str()))
        .chain(
            l.scenarios
                .iter()
                .filter_map(|s| s.settings.fallback_team.as_deref()),
        )
        .collect()
}

struct Checker<'a> {
    landscape: &'a Landscape,
    findings: Vec<Finding>,
    /// Lookups by id, each built once on first use so that checking stays linear.
    index: Index<'a>,
}

/// Ids of a landscape indexed once (`Landscape::dataset` and friends scan a list per call).
#[derive(Default)]
struct Index<'a> {
    datasets: OnceCell<HashMap<String, DatasetRef<'a>>>,
    teams: OnceCell<HashSet<&'a str>>,
    contracts: OnceCell<HashSet<&'a str>>,
    flows: OnceCell<HashSet<&'a str>>,
}

impl<'a> Checker<'a> {
    fn new(landscape: &'a Landscape) -> Self {
        Self {
            landscape,
            findings: Vec::new(),
            index: Index::default(),
        }
    }

    /// The dataset with this full id.
    fn dataset(&self, full_id: &str) -> Option<DatasetRef<'a>> {
        let l = self.landscape;
        self.index
            .datasets
            .get_or_init(|| l.datasets().map(|d| (d.full_id(), d)).collect())
            .get(full_id)
            .copied()
    }

    fn has_team(&self, id: &str) -> bool {
        let l = self.landscape;
        self.index
            .teams
            .get_or_init(|| l.teams.iter().map(|t| t.id.as_str()).collect())
            .contains(id)
    }

    fn has_contract(&self, id: &str) -> bool {
        let l = self.landscape;
        self.index
            .contracts
            .get_or_init(|| l.contracts.iter().map(|c| c.id.as_str()).collect())
            .contains(id)
    }

    fn has_flow(&self, id: &str) -> bool {
        let l = self.landscape;
        self.index
            .flows
            .get_or_init(|| l.flows.iter().map(|f| f.id.as_str()).collect())
            .contains(id)
    }
}

impl Checker<'_> {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        entity_kind: &'static str,
        entity_id: &str,
        message: String,
    ) {
        self.findings.push(Finding {
            severity,
            code,
            entity_kind,
            entity_id: entity_id.to_owned(),
            message,
            field: None,
        });
    }

    fn error(
        &mut self,
        code: &'static str,
        entity_kind: &'static str,
        entity_id: &str,
        message: String,
    ) {
        self.push(Severity::Error, code, entity_kind, entity_id, message);
    }

    fn warning(
        &mut self,
        code: &'static str,
        entity_kind: &'static str,
        entity_id: &str,
        message: String,
    ) {
        self.push(Severity::Warning, code, entity_kind, entity_id, message);
    }

    fn duplicate_ids(&mut self) {
        let l = self.landscape;
        let dataset_ids: Vec<String> = l.datasets().map(|d| d.full_id()).collect();
        let kinds: [(&'static str, Vec<&str>); 8] = [
            ("team", l.teams.iter().map(|t| t.id.as_str()).collect()),
            ("system", l.systems.iter().map(|s| s.id.as_str()).collect()),
            (
                "contract",
                l.contracts.iter().map(|c| c.id.as_str()).collect(),
            ),
            ("flow", l.flows.iter().map(|f| f.id.as_str()).collect()),
            (
                "monitor",
                l.monitors.iter().map(|m| m.id.as_str()).collect(),
            ),
            (
                "process",
                l.processes.iter().map(|p| p.id.as_str()).collect(),
            ),
            (
                "scenario",
                l.scenarios.iter().map(|s| s.id.as_str()).collect(),
            ),
            ("dataset", dataset_ids.iter().map(String::as_str).collect()),
        ];
        for (kind, ids) in kinds {
            self.unique(kind, &ids);
        }
    }

    fn unique(&mut self, kind: &'static str, ids: &[&str]) {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for id in ids {
            *counts.entry(id).or_default() += 1;
        }
        for (id, count) in counts {
            if id.trim().is_empty() {
                self.error(
                    "empty-id",
                    kind,
                    id,
                    format!("a {kind} has an empty id; give it a short unique id"),
                );
            } else if count > 1 {
                self.error(
                    "duplicate-id",
                    kind,
                    id,
                    format!("{count} {kind}s have the id \"{id}\"; ids must be unique per kind, rename all but one"),
                );
            }
        }
    }

    fn team_ref(&mut self, kind: &'static str, id: &str, what: &str, team: Option<&String>) {
        if let Some(team) = team {
            if !self.has_team(team) {
                self.error(
                    "dangling-team",
                    kind,
                    id,
                    format!("{what} \"{team}\" is not a declared team; add the team or pick an existing one"),
                );
            }
        }
    }

    fn calendar(&mut self, kind: &'static str, id: &str, calendar: &Calendar) {
        if let Calendar::Windows(windows) = calendar {
            for window in windows {
                if window.days.is_empty() || window.start >= window.end {
                    self.error(
                        "invalid-calendar-window",
                        kind,
                        id,
                        format!(
                            "calendar window {} is empty: it needs at least one weekday and a start before its end",
                            window.describe()
                        ),
                    );
                }
            }
        }
        if !calendar.is_ever_open() {
            self.error(
                "calendar-never-open",
                kind,
                id,
                "the calendar is never open; add a window with weekdays and hours".to_owned(),
            );
        }
    }

    fn teams_and_systems(&mut self) {
        let l = self.landscape;
        for team in &l.teams {
            self.calendar("team", &team.id, &team.calendar);
        }
        for system in &l.systems {
            self.team_ref("system", &system.id, "owner", system.owner.as_ref());
            for dataset in &system.datasets {
                let full_id = super::system::dataset_full_id(&system.id, &dataset.id);
                self.team_ref("dataset", &full_id, "owner", dataset.owner.as_ref());
                if dataset.id.contains('.') {
                    self.warning(
                        "dotted-dataset-id",
                        "dataset",
                        &full_id,
                        "the dataset id contains '.', which makes its full id SYSTEM.dataset ambiguous; use '_' instead".to_owned(),
                    );
                }
                if dataset.source && dataset.stale_after_minutes.is_some() {
                    self.warning(
                        "source-with-sla",
                        "dataset",
                        &full_id,
                        "a source of record is always live, so its freshness SLA is never used; remove it".to_owned(),
                    );
                }
            }
        }
        for contract in &l.contracts {
            self.team_ref("contract", &contract.id, "owner", contract.owner.as_ref());
            if !super::contract::is_semver(&contract.version) {
                self.warning(
                    "contract-version-not-semver",
                    "contract",
                    &contract.id,
                    format!("version \"{}\" is not a semantic version; write it as MAJOR.MINOR.PATCH, e.g. 1.0.0", contract.version),
                );
            }
        }
    }

    fn flows(&mut self) {
        let l = self.landscape;
        let owners = owner_teams(self.landscape);
        let mut producers: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut consumed: BTreeSet<&str> = BTreeSet::new();
        for flow in &l.flows {
            producers
                .entry(flow.output.as_str())
                .or_default()
                .push(flow.id.as_str());
            consumed.extend(flow.inputs.iter().map(String::as_str));
        }
        for flow in &l.flows {
            self.flow_references(flow, &owners);
            self.flow_shape(flow);
        }
        for (dataset, flows) in &producers {
            if flows.len() > 1 {
                self.error(
                    "several-producers",
                    "dataset",
                    dataset,
                    format!("{} flows write this dataset ({}); each dataset has at most one producing flow", flows.len(), flows.join(", ")),
                );
            }
        }
        for input in consumed {
            if let Some(d) = self.dataset(input) {
                if !d.dataset.source && !producers.contains_key(input) {
                    self.error(
                        "unproduced-input",
                        "dataset",
                        input,
                        "a flow reads this dataset, but it is neither a source of record nor written by a flow; mark it as a source or add the flow that produces it".to_owned(),
                    );
                }
            }
        }
    }

    fn flow_references(&mut self, flow: &Flow, owners: &BTreeSet<&str>) {
        for input in &flow.inputs {
            if self.dataset(input).is_none() {
                self.error(
                    "dangling-dataset",
                    "flow",
                    &flow.id,
                    format!("input dataset \"{input}\" does not exist; write it as SYSTEM.dataset of an existing dataset"),
                );
            }
        }
        match self.dataset(&flow.output) {
            None => self.error(
                "dangling-dataset",
                "flow",
                &flow.id,
                format!("output dataset \"{}\" does not exist; write it as SYSTEM.dataset of an existing dataset", flow.output),
            ),
            Some(d) if d.dataset.source => self.error(
                "writes-source",
                "flow",
                &flow.id,
                format!("the output \"{}\" is a source of record, which no flow may write; write to a copy in the target system", flow.output),
            ),
            Some(_) => {}
        }
        if let Some(owner) = &flow.owner {
            if !owners.contains(owner.as_str()) {
                self.error(
                    "dangling-team",
                    "flow",
                    &flow.id,
                    format!(
                        "owner \"{owner}\" is not a team; add the team or pick an existing one"
                    ),
                );
            }
        }
        if let Some(contract) = &flow.contract {
            if !self.has_contract(contract) {
                self.error(
                    "dangling-contract",
                    "flow",
                    &flow.id,
                    format!("contract \"{contract}\" does not exist; add it to the contracts or pick an existing one"),
                );
            }
        }
    }

    fn flow_shape(&mut self, flow: &Flow) {
        let id = flow.id.as_str();
        if flow.inputs.is_empty() {
            self.error(
                "no-inputs",
                "flow",
                id,
                "the flow reads no dataset; add at least one input".to_owned(),
            );
        }
        let mut seen = BTreeSet::new();
        if flow.inputs.iter().any(|i| !seen.insert(i)) {
            self.error(
                "duplicate-input",
                "flow",
                id,
                "the flow lists an input twice; remove the repeat".to_owned(),
            );
        }
        match &flow.schedule {
            Schedule::Stream { .. } => {
                if flow.inputs.len() > 1 {
                    self.error(
                        "stream-inputs",
                        "flow",
                        id,
                        format!("a stream has exactly one input, this one has {}; split it or make it a batch flow", flow.inputs.len()),
                    );
                }
            }
            Schedule::Cron { times, days } => {
                if times.is_empty() || days.is_empty() {
                    self.error(
                        "empty-schedule",
                        "flow",
                        id,
                        "the schedule never fires; add a time and at least one weekday".to_owned(),
                    );
                }
                if times.iter().any(|t| t.minutes() >= 1440) {
                    self.error(
                        "schedule-out-of-range",
                        "flow",
                        id,
                        "a run time must be between 00:00 and 23:59".to_owned(),
                    );
                }
            }
            Schedule::Every { every_minutes, .. } => {
                if *every_minutes == 0 {
                    self.error(
                        "schedule-out-of-range",
                        "flow",
                        id,
                        "\"every\" must be at least 1 minute".to_owned(),
                    );
                }
            }
        }
        if !flow.is_stream() && flow.duration_minutes == 0 {
            self.error(
                "zero-duration",
                "flow",
                id,
                "a batch run lasts at least 1 minute; set its duration".to_owned(),
            );
        }
        if flow.retry.max_attempts == 0 {
            self.error(
                "retry-attempts",
                "flow",
                id,
                "max_attempts counts the first attempt, so it is at least 1".to_owned(),
            );
        }
        if !(flow.retry.factor.is_finite() && flow.retry.factor >= 0.0) {
            self.error(
                "retry-factor",
                "flow",
                id,
                "the retry factor must be a non-negative number".to_owned(),
            );
        }
        if !(0.0..=1.0).contains(&flow.loss) {
            self.error(
                "loss-out-of-range",
                "flow",
                id,
                format!("loss {} must be a fraction between 0 and 1", flow.loss),
            );
        }
    }

    fn lineage_cycles(&mut self) {
        let l = self.landscape;
        let mut graph = petgraph::graph::DiGraph::<&str, ()>::new();
        let mut nodes = BTreeMap::new();
        for flow in &l.flows {
            for dataset in flow.inputs.iter().chain(std::iter::once(&flow.output)) {
                nodes
                    .entry(dataset.as_str())
                    .or_insert_with(|| graph.add_node(dataset.as_str()));
            }
            for input in &flow.inputs {
                graph.add_edge(nodes[input.as_str()], nodes[flow.output.as_str()], ());
            }
        }
        for component in petgraph::algo::tarjan_scc(&graph) {
            let is_cycle =
                component.len() > 1 || component.iter().any(|&n| graph.contains_edge(n, n));
            if is_cycle {
                let mut names: Vec<&str> = component.iter().map(|&n| graph[n]).collect();
                names.sort_unstable();
                self.error(
                    "lineage-cycle",
                    "dataset",
                    names[0],
                    format!("the datasets {} feed each other in a cycle; break it by reading a source of record instead", names.join(" → ")),
                );
            }
        }
    }

    fn monitors(&mut self) {
        let l = self.landscape;
        let owners = owner_teams(self.landscape);
        for monitor in &l.monitors {
            let id = monitor.id.as_str();
            if self.dataset(&monitor.dataset).is_none() {
                self.error(
                    "dangling-dataset",
                    "monitor",
                    id,
                    format!("dataset \"{}\" does not exist", monitor.dataset),
                );
            }
            if let Some(owner) = &monitor.owner {
                if !owners.contains(owner.as_str()) {
                    self.error(
                        "dangling-team",
                        "monitor",
                        id,
                        format!("owner \"{owner}\" is not a team"),
                    );
                }
            }
            if monitor.every_minutes == 0 {
                self.error(
                    "schedule-out-of-range",
                    "monitor",
                    id,
                    "the check interval must be at least 1 minute".to_owned(),
                );
            }
            match monitor.check {
                MonitorCheck::Volume { min_completeness }
                    if !(0.0..=1.0).contains(&min_completeness) =>
                {
                    self.error(
                        "threshold-out-of-range",
                        "monitor",
                        id,
                        "a volume threshold is a fraction between 0 and 1".to_owned(),
                    );
                }
                MonitorCheck::Quality { max_detectability }
                    if !(1..=3).contains(&max_detectability) =>
                {
                    self.error(
                        "threshold-out-of-range",
                        "monitor",
                        id,
                        "a quality threshold is a detectability level 1, 2 or 3".to_owned(),
                    );
                }
                _ => {}
            }
        }
    }

    fn processes(&mut self) {
        let l = self.landscape;
        for process in &l.processes {
            let id = process.id.as_str();
            if process.owner.trim().is_empty() {
                self.error(
                    "no-process-owner",
                    "process",
                    id,
                    "a business process needs an owner (the business team that runs it)".to_owned(),
                );
            }
            self.calendar("process", id, &process.calendar);
            let mut seen = BTreeSet::new();
            for dependency in &process.dependencies {
                if !seen.insert(dependency.dataset.as_str()) {
                    self.error(
                        "duplicate-dependency",
                        "process",
                        id,
                        format!(
                            "dataset \"{}\" is listed twice; keep one dependency per dataset",
                            dependency.dataset
                        ),
                    );
                }
                if self.dataset(&dependency.dataset).is_none() {
                    self.error(
                        "dangling-dataset",
                        "process",
                        id,
                        format!("dependency \"{}\" does not exist; write it as SYSTEM.dataset of an existing dataset", dependency.dataset),
                    );
                }
                if !(0.0..=1.0).contains(&dependency.min_completeness) {
                    self.error(
                        "threshold-out-of-range",
                        "process",
                        id,
                        "min_completeness is a fraction between 0 and 1".to_owned(),
                    );
                }
            }
        }
    }

    fn settings_and_scenarios(&mut self) {
        let l = self.landscape;
        let base = &l.settings;
        if !(base.sim_start <= base.horizon_start && base.horizon_start < base.horizon_end) {
            self.error(
                "horizon-out-of-order",
                "landscape",
                &l.name,
                "settings need sim_start ≤ horizon_start < horizon_end".to_owned(),
            );
        }
        for scenario in &l.scenarios {
            self.scenario(scenario);
        }
    }

    /// The rules of one scenario: unique fault ids and control names, horizon order, faults.
    fn scenario(&mut self, scenario: &Scenario) {
        let l = self.landscape;
        let faults: Vec<&str> = scenario.faults.iter().map(|f| f.id.as_str()).collect();
        self.unique("fault", &faults);
        let mut names = BTreeSet::new();
        for control in &scenario.controls {
            if !names.insert(control.name.as_str()) {
                self.error(
                    "duplicate-control",
                    "scenario",
                    &scenario.id,
                    format!(
                        "two control sets are named \"{}\"; give each a distinct name",
                        control.name
                    ),
                );
            }
        }
        let settings = scenario.settings.apply_to(&l.settings);
        {
            let id = scenario.id.as_str();
            if !(settings.sim_start <= settings.horizon_start
                && settings.horizon_start < settings.horizon_end)
            {
                self.error(
                    "horizon-out-of-order",
                    "scenario",
                    id,
                    "settings need sim_start ≤ horizon_start < horizon_end".to_owned(),
                );
            }
            for fault in &scenario.faults {
                let fid = fault.id.as_str();
                if !self.has_flow(&fault.flow) {
                    self.error(
                        "dangling-flow",
                        "fault",
                        fid,
                        format!(
                            "flow \"{}\" does not exist; pick an existing flow",
                            fault.flow
                        ),
                    );
                }
                if fault.start < settings.sim_start {
                    self.error(
                        "fault-before-start",
                        "fault",
                        fid,
                        "the fault starts before the simulation starts".to_owned(),
                    );
                }
                if fault.end.is_some_and(|end| end <= fault.start) {
                    self.error(
                        "fault-end-order",
                        "fault",
                        fid,
                        "the fault must end after it starts (or never, until repaired)".to_owned(),
                    );
                }
                match fault.kind {
                    FaultKind::Partial { fraction } if !(0.0..=1.0).contains(&fraction) => {
                        self.error(
                            "fault-parameter",
                            "fault",
                            fid,
                            "a partial fault's fraction is between 0 and 1".to_owned(),
                        );
                    }
                    FaultKind::Semantic { detectability } if !(1..=3).contains(&detectability) => {
                        self.error(
                            "fault-parameter",
                            "fault",
                            fid,
                            "detectability is 1 (schema), 2 (values) or 3 (humans only)".to_owned(),
                        );
                    }
                    _ => {}
                }
            }
            for control in &scenario.controls {
                for change in &control.changes {
                    self.control_change(id, &control.name, change);
                }
            }
        }
    }

    fn control_change(&mut self, scenario_id: &str, control: &str, change: &Change) {
        match change {
            Change::Flow { flow, .. } if !self.has_flow(flow) => self.error(
                "dangling-flow",
                "scenario",
                scenario_id,
                format!("control \"{control}\" changes flow \"{flow}\", which does not exist"),
            ),
            Change::Team { team, .. } if !self.has_team(team) => self.error(
                "dangling-team",
                "scenario",
                scenario_id,
                format!(
                    "control \"{control}\" changes team \"{team}\", which is not a declared team"
                ),
            ),
            Change::AddMonitor(monitor) if self.dataset(&monitor.dataset).is_none() => self.error(
                "dangling-dataset",
                "scenario",
                scenario_id,
                format!(
                    "control \"{control}\" adds a monitor on \"{}\", which does not exist",
                    monitor.dataset
                ),
            ),
            _ => {}
        }
    }
}
