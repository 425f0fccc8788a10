//! "Where will it hurt?": the risk sweep. For every flow and fault kind it simulates one fault,
//! ranks the results by business impact (operating minutes across processes, then processes
//! hit, then time to detect) and, for the top records, searches the cheapest standard control
//! (or pair) that removes or cuts the impact.
//!
//! - `fault`: the injected faults, their parameters and start times.
//! - `run_one`: the only module that calls `crate::sim` (compiled model, cached baseline).
//! - `record`: the report, its ranking and JSON form.
//! - `controls`, `fix`: the standard controls and the cheapest-fix search.
//! - `shard`: deterministic slices of the flows and the merge of shard reports.
//!
//! Flows run in parallel (rayon); a progress callback and a cancel flag let the caller show
//! progress and stop early. Depends on `model` and `sim`; never prints, no file system.

pub mod controls;
pub mod fault;
pub mod fix;
pub mod record;
pub mod run_one;
pub mod scenario;
pub mod shard;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

pub use fault::{DEFAULT_REPAIR_MINUTES, FaultSpec, StartChoice, SweepKind};
pub use record::{Fix, Shard, SweepRecord, SweepReport};
pub use run_one::{Prepared, document_of, prepare};
pub use shard::merge;

/// A sweep input or run that cannot go on, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SweepError(pub String);

impl From<crate::sim::InputError> for SweepError {
    fn from(e: crate::sim::InputError) -> Self {
        Self(e.0)
    }
}

/// What to sweep.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepOptions {
    /// Flow ids to sweep; `None` = every flow.
    pub flows: Option<Vec<String>>,
    pub kinds: Vec<SweepKind>,
    pub at: StartChoice,
    pub repair_minutes: i64,
    /// Search the cheapest fix for this many top records.
    pub fix_top: usize,
    pub shard: Option<Shard>,
}

impl Default for SweepOptions {
    fn default() -> Self {
        Self {
            flows: None,
            kinds: vec![SweepKind::Fail, SweepKind::Silent],
            at: StartChoice::Worst,
            repair_minutes: DEFAULT_REPAIR_MINUTES,
            fix_top: 0,
            shard: None,
        }
    }
}

/// Which part of the sweep a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Simulating one fault per flow and kind.
    Sweep,
    /// Searching fixes for the top records.
    Fix,
}

/// Progress of a running sweep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

/// How a caller watches and stops a sweep.
pub struct Control<'a> {
    /// Called after every finished job (from worker threads).
    pub progress: &'a (dyn Fn(Progress) + Sync),
    /// When set, workers stop taking jobs and the report is marked interrupted.
    pub cancel: &'a AtomicBool,
}

/// The flows this run covers: `--flows` (checked) or all, sorted, then the shard's slice.
pub fn select_flows(prep: &Prepared, opts: &SweepOptions) -> Result<Vec<String>, SweepError> {
    let all = prep.flow_ids();
    let mut flows = match &opts.flows {
        None => all,
        Some(list) => {
            for id in list {
                if all.binary_search(id).is_err() {
                    return Err(SweepError(format!(
                        "unknown flow '{id}' in --flows (flows: {})",
                        preview(&all)
                    )));
                }
            }
            let mut l = list.clone();
            l.sort();
            l.dedup();
            l
        }
    };
    if let Some(s) = opts.shard {
        flows = shard::slice(&flows, s)?;
    }
    Ok(flows)
}

fn preview(ids: &[String]) -> String {
    let mut s = ids.iter().take(10).cloned().collect::<Vec<_>>().join(", ");
    if ids.len() > 10 {
        s.push_str(", …");
    }
    s
}

/// The start times tried for a flow.
fn starts(prep: &Prepared, flow: &str, at: StartChoice) -> Vec<i64> {
    let (h0, h1) = prep.horizon();
    match at {
        StartChoice::At { weekday, minute } => vec![StartChoice::first_in(weekday, minute, h0)],
        StartChoice::Worst => {
            let end = (h0 + fault::WEEK_MINUTES).min(h1);
            prep.scheduled_runs(flow, h0, end).unwrap_or_else(|| {
                (h0..end)
                    .step_by(fault::STREAM_TRY_EVERY as usize)
                    .collect()
            })
        }
    }
}

/// One flow and kind: the worst outcome over the start times.
fn sweep_one(
    prep: &Prepared,
    flow: &str,
    kind: SweepKind,
    opts: &SweepOptions,
) -> Result<Option<SweepRecord>, SweepError> {
    let mut worst: Option<(FaultSpec, run_one::Outcome)> = None;
    for start in starts(prep, flow, opts.at) {
        let spec = FaultSpec {
            flow: flow.to_owned(),
            kind,
            start,
            repair_minutes: opts.repair_minutes,
        };
        let o = prep.run(&spec)?;
        if worst
            .as_ref()
            .is_none_or(|w| record::severity(&o) > record::severity(&w.1))
        {
            worst = Some((spec, o));
        }
    }
    Ok(worst.map(|(s, o)| SweepRecord::new(flow, kind, s.start, &o)))
}

/// Runs the sweep: ranked records, fixes for the top `fix_top`.
pub fn run_sweep(
    prep: &Prepared,
    opts: &SweepOptions,
    control: &Control<'_>,
) -> Result<SweepReport, SweepError> {
    if let StartChoice::At { weekday, minute } = opts.at {
        let (h0, h1) = prep.horizon();
        let t = StartChoice::first_in(weekday, minute, h0);
        if t >= h1 {
            return Err(SweepError(format!(
                "start {} is outside the horizon [{h0}, {h1})",
                opts.at.label()
            )));
        }
    }
    let flows = select_flows(prep, opts)?;
    let jobs: Vec<(&String, SweepKind)> = flows
        .iter()
        .flat_map(|f| opts.kinds.iter().map(move |&k| (f, k)))
        .collect();
    let done = AtomicUsize::new(0);
    let total = jobs.len();
    let results: Vec<Option<Result<Option<SweepRecord>, SweepError>>> = jobs
        .par_iter()
        .map(|(flow, kind)| {
            if control.cancel.load(Ordering::Relaxed) {
                return None;
            }
            let r = sweep_one(prep, flow, *kind, opts);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            (control.progress)(Progress {
                phase: Phase::Sweep,
                done: n,
                total,
            });
            Some(r)
        })
        .collect();
    let mut interrupted = false;
    let mut records = Vec::with_capacity(results.len());
    for r in results {
        match r {
            None => interrupted = true,
            Some(r) => records.extend(r?),
        }
    }
    record::rank(&mut records);
    if !interrupted && opts.fix_top > 0 {
        interrupted = fix::fix_top(
            prep,
            &mut records,
            opts.fix_top,
            opts.repair_minutes,
            control,
        )?;
    }
    Ok(SweepReport {
        at: opts.at.label(),
        fix: opts.fix_top,
        flows: flows.len(),
        interrupted,
        kinds: opts.kinds.clone(),
        records,
        repair_minutes: opts.repair_minutes,
        shard: opts.shard,
    })
}
