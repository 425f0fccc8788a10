//! Sweep records as document scenarios: the fault, an as-is control set and the fix's control
//! set, so that `switchboard simulate FILE --scenario ID --compare-controls` replays the row.

use crate::model::{ControlSet, Fault, FaultKind, Landscape, Scenario};

use super::fault::{DELAY_MINUTES, PARTIAL_FRACTION, SEMANTIC_DETECTABILITY, SweepKind};
use super::record::SweepRecord;

/// The control set name of the unchanged landscape.
pub const AS_IS: &str = "as-is";

fn model_kind(kind: SweepKind) -> FaultKind {
    match kind {
        SweepKind::Fail => FaultKind::Fail,
        SweepKind::Silent => FaultKind::Silent,
        SweepKind::Partial => FaultKind::Partial {
            fraction: PARTIAL_FRACTION,
        },
        SweepKind::Delay => FaultKind::Delay {
            minutes: DELAY_MINUTES as u32,
        },
        SweepKind::Semantic => FaultKind::Semantic {
            detectability: SEMANTIC_DETECTABILITY as u8,
        },
    }
}

/// The scenario id of a record: `sweep-<flow>-<kind>`.
pub fn scenario_id(record: &SweepRecord) -> String {
    format!("sweep-{}-{}", record.flow, record.kind.name())
}

/// The scenario of one record with a fix (`None` without one).
pub fn scenario_of(record: &SweepRecord, repair_minutes: i64) -> Option<Scenario> {
    let fix = record.fix.as_ref()?;
    let id = scenario_id(record);
    Some(Scenario {
        id: id.clone(),
        name: format!(
            "Sweep rank {}: {} {} fault, fixed by {}",
            record.rank,
            record.flow,
            record.kind.name(),
            fix.controls.join(" + ")
        ),
        description: format!(
            "Found by `switchboard sweep`: {} operating minutes of impact as-is, {} with the fix.",
            record.impact, fix.impact
        ),
        faults: vec![Fault {
            id,
            flow: record.flow.clone(),
            kind: model_kind(record.kind),
            start: record.start,
            end: None,
            repair_minutes: u32::try_from(repair_minutes).unwrap_or(u32::MAX),
        }],
        deadline: None,
        settings: crate::model::SettingsOverrides::default(),
        controls: vec![
            ControlSet {
                name: AS_IS.to_owned(),
                changes: Vec::new(),
            },
            ControlSet {
                name: fix.controls.join(" + "),
                changes: fix.changes.clone(),
            },
        ],
    })
}

/// Adds (or replaces, by id) the scenario of every fixed record; returns how many were added.
pub fn add_scenarios(
    landscape: &mut Landscape,
    records: &[SweepRecord],
    repair_minutes: i64,
) -> usize {
    let mut n = 0;
    for s in records
        .iter()
        .filter_map(|r| scenario_of(r, repair_minutes))
    {
        landscape.scenarios.retain(|x| x.id != s.id);
        landscape.scenarios.push(s);
        n += 1;
    }
    n
}
