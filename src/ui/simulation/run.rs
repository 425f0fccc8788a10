//! Running a simulation for the designer: the chosen scenario (or an ad-hoc fault defined on the
//! canvas) of the current document, as-is or with a control set, plus the control comparison
//! and the narrative. Pure: no egui.

use crate::model::{Fault, Landscape, Scenario};
use crate::sim::narrative::{Entity, Line, narrative};
use crate::sim::{Compiled, SimReport, compare_scenario_controls, simulate_scenario};

/// The id of the scenario built from a fault defined on the canvas.
pub const AD_HOC_SCENARIO: &str = "what-if";

/// What to simulate.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRequest {
    /// A scenario of the document, or [`AD_HOC_SCENARIO`] with `ad_hoc_fault`.
    pub scenario: String,
    /// A control set of that scenario.
    pub control: Option<String>,
    /// The fault of the ad-hoc scenario.
    pub ad_hoc_fault: Option<Fault>,
}

/// One row of the control comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlRow {
    pub name: String,
    pub detected_at: Option<i64>,
    pub ttd: Option<i64>,
    pub repaired_at: Option<i64>,
    pub impacted: Vec<String>,
    pub impacted_minutes: i64,
}

/// A finished run.
#[derive(Debug, Clone)]
pub struct SimOutcome {
    /// What was run.
    pub request: RunRequest,
    pub report: SimReport,
    /// The story, one line per event that matters.
    pub narrative: Vec<Line>,
    /// One row per control set of the scenario (empty for an ad-hoc fault).
    pub controls: Vec<ControlRow>,
    /// The reporting window.
    pub horizon: (i64, i64),
    /// The scenario's deadline.
    pub deadline: Option<i64>,
}

/// The document to simulate: the landscape, with the ad-hoc scenario added when there is one.
fn document_for(landscape: &Landscape, request: &RunRequest) -> Landscape {
    let mut document = landscape.clone();
    if let Some(fault) = &request.ad_hoc_fault {
        document.scenarios.retain(|s| s.id != AD_HOC_SCENARIO);
        document.scenarios.push(Scenario {
            id: AD_HOC_SCENARIO.to_owned(),
            name: "What if…".to_owned(),
            faults: vec![fault.clone()],
            ..Scenario::default()
        });
    }
    document
}

/// Runs the request; the error is one line for a notification.
pub fn run(landscape: &Landscape, request: &RunRequest) -> Result<SimOutcome, String> {
    let document = document_for(landscape, request);
    let scenario = document
        .scenario(&request.scenario)
        .ok_or_else(|| format!("no scenario \"{}\" in the document", request.scenario))?;
    let settings = scenario.settings.apply_to(&document.settings);
    let deadline = scenario.deadline;
    let compiled = Compiled::new(&document).map_err(|e| e.to_string())?;
    let result = simulate_scenario(&compiled, scenario, request.control.as_deref())
        .map_err(|e| e.to_string())?;
    let controls = compare_scenario_controls(&compiled, scenario)
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|(name, run)| {
            let s = run.report.summary;
            ControlRow {
                name,
                detected_at: s.detected_at,
                ttd: s.ttd,
                repaired_at: s.repaired_at,
                impacted: s.impacted,
                impacted_minutes: s.impacted_minutes,
            }
        })
        .collect();
    let lookup = |entity: Entity, id: &str| display_name(&document, entity, id);
    let narrative = narrative(&result.report, &lookup);
    Ok(SimOutcome {
        request: request.clone(),
        report: result.report,
        narrative,
        controls,
        horizon: (settings.horizon_start, settings.horizon_end),
        deadline,
    })
}

/// The display name of an entity, for the narrative.
pub fn display_name(landscape: &Landscape, entity: Entity, id: &str) -> Option<String> {
    match entity {
        Entity::Flow => landscape.flow(id).map(|f| f.display_name().to_owned()),
        Entity::System => landscape.system(id).map(|s| s.name.clone()),
        Entity::Process => landscape.process(id).map(|p| p.name.clone()),
        Entity::Team => landscape.team(id).map(|t| t.name.clone()),
        Entity::Dataset => landscape.dataset(id).map(|d| {
            if d.dataset.name.is_empty() {
                d.full_id()
            } else {
                d.dataset.name.clone()
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FaultKind;

    fn seafood() -> Landscape {
        crate::file::seafood_example().expect("bundled example")
    }

    #[test]
    fn friday_night_matches_the_golden_summary() {
        let request = RunRequest {
            scenario: "friday-night".into(),
            control: None,
            ad_hoc_fault: None,
        };
        let outcome = run(&seafood(), &request).expect("runs");
        assert_eq!(outcome.report.summary.detected_at, Some(10620));
        assert_eq!(outcome.report.summary.impacted_minutes, 1760);
        assert_eq!(outcome.controls.len(), 10);
        assert_eq!(
            outcome.controls[3].impacted_minutes, 0,
            "alert + on-call removes the impact"
        );
        assert!(
            outcome
                .narrative
                .iter()
                .any(|l| l.text.contains("Stock export"))
        );
    }

    #[test]
    fn an_ad_hoc_fault_runs_as_its_own_scenario() {
        let request = RunRequest {
            scenario: AD_HOC_SCENARIO.into(),
            control: None,
            ad_hoc_fault: Some(Fault {
                id: "what-if-F2".into(),
                flow: "F2".into(),
                kind: FaultKind::Fail,
                start: 7080,
                ..Fault::default()
            }),
        };
        let outcome = run(&seafood(), &request).expect("runs");
        assert!(outcome.report.incidents.contains_key("what-if-F2"));
        assert!(outcome.controls.is_empty());
    }

    #[test]
    fn an_unknown_scenario_is_an_error_not_a_panic() {
        let request = RunRequest {
            scenario: "nope".into(),
            control: None,
            ad_hoc_fault: None,
        };
        assert!(run(&seafood(), &request).is_err());
    }
}
