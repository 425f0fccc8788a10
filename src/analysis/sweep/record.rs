//! The sweep's report: one record per flow and fault kind, ranked by business impact, with the
//! cheapest fix for the top records. Serialised with keys in ascending order, so the JSON is
//! byte-identical for the same input.

use std::cmp::Reverse;

use serde::{Deserialize, Serialize};

use crate::model::Change;

use super::fault::SweepKind;
use super::run_one::Outcome;

/// Sizes of a fault's actual blast radius.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlastSize {
    pub datasets: usize,
    pub processes: usize,
    pub systems: usize,
    pub teams: usize,
}

/// The best standard control (or pair) for one record, and what the fault does with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    /// Names of the controls, cheapest first.
    pub controls: Vec<String>,
    /// Operating minutes of impact that remain.
    pub impact: i64,
    pub detected_at: Option<i64>,
    /// The detecting signal's channel, or `never`.
    pub detection: String,
    pub repaired_at: Option<i64>,
    pub ttd: Option<i64>,
    /// The control changes, as a scenario's control set holds them (not serialised).
    #[serde(skip)]
    pub changes: Vec<Change>,
}

/// One flow and fault kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepRecord {
    pub blast_radius: BlastSize,
    pub detected_at: Option<i64>,
    /// `"<signal> on <object> -> <team>"` of the detecting signal.
    pub detected_via: Option<String>,
    /// The detecting signal's channel, or `never`.
    pub detection: String,
    /// The first dataset the fault made bad.
    pub first_dataset: Option<String>,
    /// The cheapest fix (only for the top `--fix N` records).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    pub flow: String,
    /// Operating minutes of impact summed over all processes.
    pub impact: i64,
    pub kind: SweepKind,
    /// Impacted processes, sorted.
    pub processes: Vec<String>,
    /// 1 = the worst.
    pub rank: usize,
    pub repaired_at: Option<i64>,
    /// The fault's start (with `--at worst`, the start of the worst run).
    pub start: i64,
    pub ttd: Option<i64>,
}

/// `never` for an undetected fault.
pub const NEVER: &str = "never";

/// The channel text of a detection.
pub fn detection_text(outcome: &Outcome) -> String {
    match (&outcome.channel, outcome.detected_at) {
        (Some(c), _) => c.clone(),
        (None, Some(_)) => "detected".to_owned(),
        (None, None) => NEVER.to_owned(),
    }
}

impl SweepRecord {
    /// A record from a simulated outcome (rank 0 until ranked).
    pub fn new(flow: &str, kind: SweepKind, start: i64, outcome: &Outcome) -> Self {
        let [datasets, systems, processes, teams] = outcome.blast;
        Self {
            blast_radius: BlastSize {
                datasets,
                processes,
                systems,
                teams,
            },
            detected_at: outcome.detected_at,
            detected_via: outcome.detected_via.clone(),
            detection: detection_text(outcome),
            first_dataset: outcome.first_dataset.as_ref().map(|d| d.0.clone()),
            fix: None,
            flow: flow.to_owned(),
            impact: outcome.impact,
            kind,
            processes: outcome.processes.clone(),
            rank: 0,
            repaired_at: outcome.repaired_at,
            start,
            ttd: outcome.ttd,
        }
    }
}

/// The ranking key, smallest first: impact desc, processes hit desc, time to detect desc (never
/// detected first), then flow id and kind for determinism.
pub fn rank_key(r: &SweepRecord) -> impl Ord + '_ {
    (
        Reverse(r.impact),
        Reverse(r.processes.len()),
        Reverse(r.ttd.unwrap_or(i64::MAX)),
        r.flow.as_str(),
        r.kind,
    )
}

/// How bad an outcome is, for choosing the worst start: larger is worse.
pub fn severity(o: &Outcome) -> (i64, usize, i64) {
    (o.impact, o.processes.len(), o.ttd.unwrap_or(i64::MAX))
}

/// Sorts records by [`rank_key`] and numbers them from 1.
pub fn rank(records: &mut [SweepRecord]) {
    records.sort_by(|a, b| rank_key(a).cmp(&rank_key(b)));
    for (i, r) in records.iter_mut().enumerate() {
        r.rank = i + 1;
    }
}

/// Which slice of the flows a run covers: shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub count: usize,
    pub index: usize,
}

/// A whole sweep: its parameters and its ranked records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepReport {
    /// `Fri 22:00` or `worst`.
    pub at: String,
    /// How many of the top records got a fix search.
    pub fix: usize,
    /// Flows swept.
    pub flows: usize,
    /// Set when Ctrl+C stopped the sweep: the records are what was done.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub interrupted: bool,
    pub kinds: Vec<SweepKind>,
    pub records: Vec<SweepRecord>,
    pub repair_minutes: i64,
    /// Present on a shard's report; a merged or unsharded report has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<Shard>,
}

impl SweepReport {
    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}
