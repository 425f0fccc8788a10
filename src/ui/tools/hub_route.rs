//! Routing flows through the hub from the designer: the selected flows (or every eligible one)
//! become one undoable step, and the result compares connections and the simulated impact of a
//! scenario before and after (simulated in the background: see [`ImpactJob`]).

use crate::analysis::hub::{HubSummary, route_through_hub};
use crate::edit::Edit;
use crate::model::Landscape;
use crate::sim::simulate_landscape;
use crate::ui::commands::Command;

/// The simulated impact of one scenario on one landscape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impact {
    /// Operating minutes impacted over the horizon.
    pub impacted_minutes: i64,
    /// Minutes from the fault to its detection, `None` when never detected.
    pub ttd: Option<i64>,
}

/// What the route-through-hub window shows.
#[derive(Debug, Clone, PartialEq)]
pub struct HubReport {
    /// Converted and skipped flows, connections before and after.
    pub summary: HubSummary,
    /// The scenario simulated, if the document has one.
    pub scenario: Option<String>,
    /// Impact before and after, or the error of the simulation; `None` while it is simulated.
    pub impact: Option<Result<(Impact, Impact), String>>,
}

/// The two simulations of the impact comparison: the scenario on the landscape before and after.
#[derive(Debug, Clone)]
pub struct ImpactJob {
    pub before: Landscape,
    pub after: Landscape,
    pub scenario: String,
}

impl ImpactJob {
    /// Simulates both (slow on large landscapes: run it in the background).
    pub fn run(&self) -> Result<(Impact, Impact), String> {
        Ok((
            impact(&self.before, &self.scenario)?,
            impact(&self.after, &self.scenario)?,
        ))
    }
}

/// The command that converts the flows, the report to show and the impact simulations still to
/// run, or an error message.
pub fn plan(
    landscape: &Landscape,
    selected_flows: &[String],
    chosen_scenario: Option<&str>,
) -> Result<(Option<Command>, HubReport, Option<ImpactJob>), String> {
    let selection = (!selected_flows.is_empty()).then_some(selected_flows);
    let outcome = route_through_hub(landscape, selection).map_err(|e| e.to_string())?;
    let edits: Vec<Edit> = outcome
        .summary
        .converted
        .iter()
        .filter_map(|id| outcome.landscape.flow(id).cloned())
        .map(Edit::SetFlow)
        .collect();
    let command = (!edits.is_empty()).then(|| {
        let n = edits.len();
        Command::Apply {
            edits,
            description: format!(
                "Route {n} flow{} through hub",
                if n == 1 { "" } else { "s" }
            ),
            merge_key: None,
            select: None,
        }
    });
    let scenario = chosen_scenario
        .filter(|id| landscape.scenario(id).is_some())
        .map(str::to_owned)
        .or_else(|| landscape.scenarios.first().map(|s| s.id.clone()));
    let (impact, job) = match &scenario {
        Some(id) => (
            None,
            Some(ImpactJob {
                before: landscape.clone(),
                after: outcome.landscape,
                scenario: id.clone(),
            }),
        ),
        None => (
            Some(Err("the document has no scenario to simulate".to_owned())),
            None,
        ),
    };
    Ok((
        command,
        HubReport {
            summary: outcome.summary,
            scenario,
            impact,
        },
        job,
    ))
}

/// Simulates `scenario` on `landscape`.
pub fn impact(landscape: &Landscape, scenario: &str) -> Result<Impact, String> {
    let result = simulate_landscape(landscape, scenario, None).map_err(|e| e.to_string())?;
    let summary = result.report.summary;
    Ok(Impact {
        impacted_minutes: summary.impacted_minutes,
        ttd: summary.ttd,
    })
}
