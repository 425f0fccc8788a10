//! The cheapest fix for a record: try each standard control alone; if none brings the impact to
//! zero, try every pair. The choice is the cheapest single control with zero impact, else the
//! cheapest pair with zero impact, else whatever cuts the impact most (fewer and cheaper
//! controls first on a tie). A control set that cuts nothing is no fix.

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::controls::{Candidate, candidates};
use super::fault::FaultSpec;
use super::record::{Fix, SweepRecord, detection_text};
use super::run_one::{Outcome, Prepared};
use super::{Control, Phase, Progress, SweepError};

/// One tried control set and its outcome.
struct Tried {
    picks: Vec<usize>,
    outcome: Outcome,
}

impl Tried {
    /// Smaller is better: impact, number of controls, total cost, then the cost ranks.
    fn key(&self, all: &[Candidate]) -> (i64, usize, usize, Vec<usize>) {
        let costs: Vec<usize> = self.picks.iter().map(|&i| all[i].cost).collect();
        (
            self.outcome.impact,
            self.picks.len(),
            costs.iter().sum(),
            costs,
        )
    }
}

fn try_set(
    prep: &Prepared,
    spec: &FaultSpec,
    all: &[Candidate],
    picks: Vec<usize>,
) -> Result<Tried, SweepError> {
    let changes: Vec<_> = picks
        .iter()
        .flat_map(|&i| all[i].changes.iter().cloned())
        .collect();
    let outcome = prep.run_with_controls(spec, &changes)?;
    Ok(Tried { picks, outcome })
}

fn best(tried: &[Tried], all: &[Candidate]) -> Option<usize> {
    (0..tried.len()).min_by(|&a, &b| tried[a].key(all).cmp(&tried[b].key(all)))
}

/// The cheapest fix for one record, or `None` when no standard control cuts its impact.
pub fn cheapest_fix(
    prep: &Prepared,
    record: &SweepRecord,
    repair_minutes: i64,
) -> Result<Option<Fix>, SweepError> {
    let spec = FaultSpec {
        flow: record.flow.clone(),
        kind: record.kind,
        start: record.start,
        repair_minutes,
    };
    let as_is = prep.run(&spec)?;
    let all = candidates(prep, &record.flow, &as_is);
    let mut tried = Vec::new();
    for i in 0..all.len() {
        tried.push(try_set(prep, &spec, &all, vec![i])?);
    }
    if tried.iter().all(|t| t.outcome.impact > 0) {
        for i in 0..all.len() {
            for j in i + 1..all.len() {
                tried.push(try_set(prep, &spec, &all, vec![i, j])?);
            }
        }
    }
    let Some(b) = best(&tried, &all) else {
        return Ok(None);
    };
    let t = &tried[b];
    if t.outcome.impact >= as_is.impact {
        return Ok(None);
    }
    Ok(Some(Fix {
        controls: t.picks.iter().map(|&i| all[i].name.clone()).collect(),
        impact: t.outcome.impact,
        detected_at: t.outcome.detected_at,
        detection: detection_text(&t.outcome),
        repaired_at: t.outcome.repaired_at,
        ttd: t.outcome.ttd,
        changes: t
            .picks
            .iter()
            .flat_map(|&i| all[i].changes.iter().cloned())
            .collect(),
    }))
}

/// Fills `fix` for the first `n` ranked records; returns whether the run was cancelled.
pub fn fix_top(
    prep: &Prepared,
    records: &mut [SweepRecord],
    n: usize,
    repair_minutes: i64,
    control: &Control<'_>,
) -> Result<bool, SweepError> {
    let n = n.min(records.len());
    let done = AtomicUsize::new(0);
    let fixes: Vec<Option<Result<Option<Fix>, SweepError>>> = records[..n]
        .par_iter()
        .map(|r| {
            if control.cancel.load(Ordering::Relaxed) {
                return None;
            }
            let f = cheapest_fix(prep, r, repair_minutes);
            let k = done.fetch_add(1, Ordering::Relaxed) + 1;
            (control.progress)(Progress {
                phase: Phase::Fix,
                done: k,
                total: n,
            });
            Some(f)
        })
        .collect();
    let mut cancelled = false;
    for (r, f) in records.iter_mut().zip(fixes) {
        match f {
            None => cancelled = true,
            Some(f) => r.fix = f?,
        }
    }
    Ok(cancelled)
}
