//! The sweep's one door into the simulation engine: every call into `crate::sim` lives here, so
//! that the engine's front door can change without touching the sweep logic.
//!
//! `Prepared` holds the compiled model and its fault-free baseline (`simulation.md` §10), made
//! once per sweep; `Prepared::run` simulates one fault with them. `Prepared::run_with_controls`
//! applies a control set to a copy of the document and simulates it as a new model, exactly as
//! `switchboard simulate --control` does.

use crate::model::{Change, Landscape, Scenario};
use crate::sim::compile::{compile_fault, control_names};
use crate::sim::from_landscape::change as change_in;
use crate::sim::input::{CalendarIn, ControlIn, FaultIn, ParamsIn, ScenarioIn};
use crate::sim::net::Network as Model;
use crate::sim::report::{Label, SimReport};

use super::fault::BadState;
use crate::sim::run::{Baseline, baseline, run_spec, simulate};
use crate::sim::{Document, build_run, from_landscape};

use super::SweepError;
use super::fault::FaultSpec;

/// The id of the scenario the sweep builds in its working document.
const SCENARIO: &str = "sweep";
/// The name of the control set a fix is simulated as.
const CONTROL: &str = "fix";

/// A compiled model with its cached baseline and the document it came from.
#[derive(Debug, Clone)]
pub struct Prepared {
    doc: Document,
    model: Model,
    base: Baseline,
}

/// What one simulated fault did, in the terms the sweep ranks by.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Operating minutes of impact summed over all processes.
    pub impact: i64,
    /// Impacted processes, sorted.
    pub processes: Vec<String>,
    /// When a human saw a signal naming the fault.
    pub detected_at: Option<i64>,
    /// `detected_at - start`.
    pub ttd: Option<i64>,
    /// `"<signal> on <object> -> <team>"` of the detecting signal.
    pub detected_via: Option<String>,
    /// The channel of the detecting signal (`"human report"`, `"page (24x7 on-call)"`, …).
    pub channel: Option<String>,
    /// When the repair was done.
    pub repaired_at: Option<i64>,
    /// Sizes of the actual blast radius: datasets, systems, processes, teams.
    pub blast: [usize; 4],
    /// The dataset that went bad first, with its first bad state.
    pub first_dataset: Option<(String, BadState)>,
}

/// Facts about a flow that decide which standard controls apply to it.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowFacts {
    /// Event-driven.
    pub stream: bool,
    /// Number of inputs.
    pub inputs: usize,
    /// Owner team, if any.
    pub owner: Option<String>,
    /// The owner is a declared team (its calendar can be changed).
    pub owner_declared: bool,
    /// The owner's calendar is 24x7.
    pub owner_on_call: bool,
    pub job_alert: bool,
    pub max_attempts: i64,
    pub validation: i64,
    pub dlq: bool,
    pub buffered: bool,
    pub queue_age_alarm: bool,
}

/// Facts about a dataset for the monitor control.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetFacts {
    /// Freshness SLA in minutes.
    pub stale_after: Option<i64>,
    /// The owner, when it is a team that can receive a signal.
    pub owner_team: Option<String>,
}

/// The reference form of a landscape, for sweeping.
pub fn document_of(landscape: &Landscape) -> Result<Document, SweepError> {
    let mut copy = landscape.clone();
    copy.scenarios = vec![Scenario {
        id: SCENARIO.to_owned(),
        ..Scenario::default()
    }];
    Ok(from_landscape(&copy, SCENARIO)?)
}

fn working_doc(doc: &Document, faults: Vec<FaultIn>, controls: Vec<ControlIn>) -> Document {
    let mut d = doc.clone();
    d.scenarios = vec![ScenarioIn {
        id: SCENARIO.to_owned(),
        name: None,
        deadline: None,
        faults,
        settings: crate::sim::input::SettingsIn::default(),
        controls,
    }];
    d
}

fn fault_in(f: &FaultSpec) -> FaultIn {
    let mut params = ParamsIn::default();
    match f.kind {
        super::fault::SweepKind::Partial => params.fraction = Some(super::fault::PARTIAL_FRACTION),
        super::fault::SweepKind::Delay => params.minutes = Some(super::fault::DELAY_MINUTES),
        super::fault::SweepKind::Semantic => {
            params.detectability = Some(super::fault::SEMANTIC_DETECTABILITY);
        }
        super::fault::SweepKind::Fail | super::fault::SweepKind::Silent => {}
    }
    FaultIn {
        id: f.id(),
        flow: f.flow.clone(),
        kind: f.kind.name().to_owned(),
        start: f.start,
        end: None,
        repair_minutes: f.repair_minutes,
        params,
    }
}

/// A scenario document holding one fault: what `switchboard simulate` would run for it.
pub fn scenario_document(doc: &Document, fault: &FaultSpec) -> Document {
    working_doc(doc, vec![fault_in(fault)], Vec::new())
}

/// Compiles the model once and computes its baseline.
pub fn prepare(doc: &Document) -> Result<Prepared, SweepError> {
    let d = working_doc(doc, Vec::new(), Vec::new());
    let spec = build_run(&d, SCENARIO, None)?;
    let base = baseline(&spec.model);
    Ok(Prepared {
        doc: d,
        model: spec.model,
        base,
    })
}

fn outcome(report: &SimReport, fault_id: &str) -> Outcome {
    let s = &report.summary;
    let incident = report.incidents.get(fault_id);
    let via = incident.and_then(|i| i.detected_via.clone());
    let channel = via.as_ref().and_then(|v| {
        report
            .signals
            .iter()
            .find(|g| {
                g.seen == s.detected_at
                    && format!(
                        "{} on {} -> {}",
                        g.signal,
                        g.object,
                        g.team.as_deref().unwrap_or("")
                    ) == *v
            })
            .map(|g| g.channel.clone())
    });
    let blast = incident.map_or([0; 4], |i| {
        let a = &i.blast_radius_actual;
        [
            a.datasets.len(),
            a.systems.len(),
            a.processes.len(),
            a.teams.len(),
        ]
    });
    Outcome {
        impact: s.impacted_minutes,
        processes: s.impacted.clone(),
        detected_at: s.detected_at,
        ttd: s.ttd,
        detected_via: via,
        channel,
        repaired_at: s.repaired_at,
        blast,
        first_dataset: first_bad_dataset(report, fault_id),
    }
}

/// The dataset whose first interval caused by the fault starts earliest (ties: smallest id).
fn first_bad_dataset(report: &SimReport, fault_id: &str) -> Option<(String, BadState)> {
    let mut best: Option<(i64, String, BadState)> = None;
    for (id, intervals) in report.datasets.explicit() {
        let hit = intervals
            .iter()
            .find(|iv| iv.state != Label::Fresh && iv.causes.iter().any(|c| c == fault_id));
        if let Some(iv) = hit
            && best.as_ref().is_none_or(|b| iv.start < b.0)
        {
            let state = match iv.state {
                Label::Corrupt => BadState::Corrupt,
                Label::Partial => BadState::Partial,
                Label::Stale | Label::Fresh => BadState::Stale,
            };
            best = Some((iv.start, id.clone(), state));
        }
    }
    best.map(|(_, id, label)| (id, label))
}

impl Prepared {
    /// Flow ids, sorted.
    pub fn flow_ids(&self) -> Vec<String> {
        self.model.flows.iter().map(|f| f.id.clone()).collect()
    }

    /// The reporting window `[start, end)`.
    pub fn horizon(&self) -> (i64, i64) {
        let s = &self.model.settings;
        (s.horizon_start, s.horizon_end)
    }

    /// The document the model was compiled from (one empty scenario).
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Start times of the flow's scheduled runs in `[from, to)`; `None` for a stream.
    pub fn scheduled_runs(&self, flow: &str, from: i64, to: i64) -> Option<Vec<i64>> {
        let f = &self.model.flows[self.model.flow_ix(flow)? as usize];
        if f.sched.is_stream() {
            return None;
        }
        let mut out = Vec::new();
        let mut t = f.sched.next_fire(from);
        while t < to {
            out.push(t);
            t = f.sched.next_fire(t + 1);
        }
        Some(out)
    }

    /// Simulates one fault with the cached baseline.
    pub fn run(&self, fault: &FaultSpec) -> Result<Outcome, SweepError> {
        let compiled = compile_fault(&self.model, &fault_in(fault))?;
        let r = simulate(&self.model, &self.base, &[compiled], None);
        Ok(outcome(&r.report, &fault.id()))
    }

    /// Simulates one fault on the model changed by `changes`, recompiled with its own baseline.
    pub fn run_with_controls(
        &self,
        fault: &FaultSpec,
        changes: &[Change],
    ) -> Result<Outcome, SweepError> {
        let control = ControlIn {
            name: CONTROL.to_owned(),
            changes: changes.iter().map(change_in).collect(),
        };
        let d = working_doc(&self.doc, vec![fault_in(fault)], vec![control]);
        if let Some(sc) = d.scenario(SCENARIO) {
            control_names(sc)?;
        }
        let spec = build_run(&d, SCENARIO, Some(CONTROL))?;
        let r = run_spec(&spec, false);
        Ok(outcome(&r.report, &fault.id()))
    }

    /// Facts about a flow for the control generator.
    pub fn flow_facts(&self, flow: &str) -> Option<FlowFacts> {
        let f = self.doc.flows.iter().find(|f| f.id == flow)?;
        let team = f
            .owner
            .as_ref()
            .and_then(|o| self.doc.teams.iter().find(|t| &t.id == o));
        Some(FlowFacts {
            stream: matches!(f.schedule, crate::sim::input::ScheduleIn::Stream { .. }),
            inputs: f.inputs.len(),
            owner: f.owner.clone(),
            owner_declared: team.is_some(),
            owner_on_call: team
                .is_some_and(|t| matches!(&t.calendar, CalendarIn::Named(n) if n == "24x7")),
            job_alert: f.job_alert,
            max_attempts: f.retry.max_attempts,
            validation: f.validation,
            dlq: f.dlq,
            buffered: f.buffered,
            queue_age_alarm: f.queue_age_alarm.is_some(),
        })
    }

    /// Facts about a dataset for the monitor control.
    pub fn dataset_facts(&self, dataset: &str) -> Option<DatasetFacts> {
        let d = self.doc.datasets.iter().find(|d| d.id == dataset)?;
        Some(DatasetFacts {
            stale_after: d.stale_after,
            owner_team: d.owner.clone().filter(|o| self.model.team_ix(o).is_some()),
        })
    }

    /// Whether a monitor id is taken.
    pub fn has_monitor(&self, id: &str) -> bool {
        self.doc.monitors.iter().any(|m| m.id == id)
    }
}
