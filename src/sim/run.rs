//! Running scenarios: the fault-free baseline (`simulation.md` §10), the choice between the
//! fault cone and the whole graph, one run per control set, and the document-level entry points.

pub use super::baseline::{Baseline, baseline, baseline_key};
use super::compile::{InputError, RunSpec, build_run, control_names, find_scenario};
use super::engine::{Engine, cone_flows};
use super::front::BaselineSource;
use super::input::Document;
use super::net::{NetFault, Network};
use super::report::{SimReport, Summary};

/// How a run was simulated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The fault cone (§5.4).
    Cone,
    /// The whole graph, with the reason.
    WholeGraph(String),
}

/// Whether the cone gives the whole-graph report (§10, §14 note 16); the reason when not.
pub fn choose_mode(model: &Network, base: &Baseline, faults: &[NetFault]) -> Mode {
    if !base.clean {
        return Mode::WholeGraph(
            "baseline is not clean (spec §10): simulating the whole graph".to_owned(),
        );
    }
    let flows = cone_flows(model, faults);
    let mut sim_ds: Vec<u32> = flows
        .iter()
        .map(|&f| model.flows[f as usize].output)
        .collect();
    sim_ds.sort_unstable();
    let in_cone = |d: u32| sim_ds.binary_search(&d).is_ok();
    let mut procs: Vec<u32> = sim_ds
        .iter()
        .flat_map(|&d| model.proc_by_ds[d as usize].iter().copied())
        .collect();
    procs.sort_unstable();
    procs.dedup();
    for pid in procs {
        let p = &model.processes[pid as usize];
        for dp in &p.deps {
            let d = dp.dataset as usize;
            if in_cone(dp.dataset) {
                continue;
            }
            let Some(age) = base.max_age[d] else {
                continue;
            };
            if base.tainted[d] || base.min_compl[d] < dp.min_completeness || age >= dp.max_age {
                return Mode::WholeGraph(format!(
                    "process {} depends on {}, which is outside the fault cone and violated in \
                     the baseline (spec §14, note 16): simulating the whole graph",
                    p.id, model.datasets[d].id
                ));
            }
        }
    }
    Mode::Cone
}

/// The result of one run.
#[derive(Debug, Clone)]
pub struct RunResult {
    /// The report.
    pub report: SimReport,
    /// How it was simulated.
    pub mode: Mode,
    /// Events handled.
    pub events: u64,
    /// Where the baseline came from.
    pub baseline: BaselineSource,
    /// The run stopped at its event budget (this many events) before `horizon_end`.
    pub stopped_at_budget: Option<u64>,
}

/// Simulates faults on a model with a cached baseline, in the mode §10 allows.
pub fn simulate(
    model: &Network,
    base: &Baseline,
    faults: &[NetFault],
    deadline: Option<i64>,
) -> RunResult {
    let mode = choose_mode(model, base, faults);
    let e = Engine::new(model, faults, mode == Mode::Cone).run();
    RunResult {
        report: e.report(deadline),
        mode,
        events: e.events,
        baseline: BaselineSource::Computed,
        stopped_at_budget: e.exhausted.then_some(e.budget),
    }
}

/// Simulates faults on the whole graph.
pub fn simulate_whole(model: &Network, faults: &[NetFault], deadline: Option<i64>) -> RunResult {
    let e = Engine::new(model, faults, false).run();
    RunResult {
        report: e.report(deadline),
        mode: Mode::WholeGraph("requested".to_owned()),
        events: e.events,
        baseline: BaselineSource::NotNeeded,
        stopped_at_budget: e.exhausted.then_some(e.budget),
    }
}

/// Simulates faults in cone mode regardless of the baseline (for tests and benchmarks).
pub fn simulate_cone(model: &Network, faults: &[NetFault], deadline: Option<i64>) -> RunResult {
    let e = Engine::new(model, faults, true).run();
    RunResult {
        report: e.report(deadline),
        mode: Mode::Cone,
        events: e.events,
        baseline: BaselineSource::NotNeeded,
        stopped_at_budget: e.exhausted.then_some(e.budget),
    }
}

/// Runs a built run spec with its own baseline.
pub fn run_spec(spec: &RunSpec, whole_graph: bool) -> RunResult {
    if whole_graph {
        simulate_whole(&spec.model, &spec.faults, spec.deadline)
    } else {
        let base = baseline(&spec.model);
        simulate(&spec.model, &base, &spec.faults, spec.deadline)
    }
}

/// Runs scenario `sid` of a document, as-is or with a control set.
pub fn run_document(
    doc: &Document,
    sid: &str,
    control: Option<&str>,
    whole_graph: bool,
) -> Result<RunResult, InputError> {
    let spec = build_run(doc, sid, control)?;
    within_budget(sid, run_spec(&spec, whole_graph))
}

/// The run, or an error when it stopped at its event budget before the horizon's end.
pub fn within_budget(sid: &str, result: RunResult) -> Result<RunResult, InputError> {
    match result.stopped_at_budget {
        Some(budget) => Err(InputError(format!(
            "scenario {sid}: the simulation stopped after {budget} events, its budget for this model ({} per simulated minute and entity); shorten the span from sim_start to horizon_end or simplify the schedules",
            super::engine::EVENTS_PER_ENTITY_MINUTE
        ))),
        None => Ok(result),
    }
}

/// The summary of every control set of a scenario, in listed order. Control sets that leave
/// the baseline's inputs alone share one baseline.
pub fn compare_controls(
    doc: &Document,
    sid: &str,
    whole_graph: bool,
) -> Result<Vec<(String, RunResult)>, InputError> {
    let sc = find_scenario(doc, sid)?;
    let names = control_names(sc)?;
    let mut shared: Vec<(String, Baseline)> = Vec::new();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let spec = build_run(doc, sid, Some(&name))?;
        if whole_graph {
            out.push((name, within_budget(sid, run_spec(&spec, true))?));
            continue;
        }
        let key = baseline_key(&spec.model);
        if !shared.iter().any(|(k, _)| *k == key) {
            shared.push((key.clone(), baseline(&spec.model)));
        }
        let base = shared.iter().find(|(k, _)| *k == key).map(|(_, b)| b);
        if let Some(base) = base {
            out.push((
                name,
                within_budget(
                    sid,
                    simulate(&spec.model, base, &spec.faults, spec.deadline),
                )?,
            ));
        }
    }
    Ok(out)
}

/// `{"controls": [{"name", "summary"}...], "scenario": ID}` as `run_json.py` prints it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct ControlComparison {
    /// One row per control set.
    pub controls: Vec<ControlRow>,
    /// The scenario id.
    pub scenario: String,
}

/// One row of a control comparison.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct ControlRow {
    /// Control set name.
    pub name: String,
    /// Its summary.
    pub summary: Summary,
}
