//! The simulated state at the scrubbed minute, as the canvas paints it: a label per system and
//! per flow (its output dataset's label), the impacted processes and the blast radius.

use std::collections::{BTreeMap, BTreeSet};

use egui::Color32;

use crate::model::Landscape;
use crate::sim::SimReport;
use crate::sim::report::Label;

/// What the canvas shows while a simulation result is displayed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StateOverlay {
    /// Label of each system at the scrubbed minute.
    pub systems: BTreeMap<String, Label>,
    /// Label of each flow's output dataset at the scrubbed minute.
    pub flows: BTreeMap<String, Label>,
    /// Processes impacted at the scrubbed minute.
    pub impacted_processes: BTreeSet<String>,
    /// Systems in the actual blast radius of any incident.
    pub blast_radius: BTreeSet<String>,
}

impl StateOverlay {
    /// The overlay of `report` at minute `t`.
    pub fn at(landscape: &Landscape, report: &SimReport, t: i64) -> Self {
        let systems = report
            .systems
            .ids()
            .iter()
            .filter_map(|id| report.system_label_at(id, t).map(|l| (id.clone(), l)))
            .collect();
        let flows = landscape
            .flows
            .iter()
            .filter_map(|f| {
                report
                    .dataset_label_at(&f.output, t)
                    .map(|l| (f.id.clone(), l))
            })
            .collect();
        let impacted_processes = report
            .processes
            .keys()
            .filter(|id| report.process_impacted_at(id, t))
            .cloned()
            .collect();
        let blast_radius = report
            .incidents
            .values()
            .flat_map(|i| i.blast_radius_actual.systems.iter().cloned())
            .collect();
        Self {
            systems,
            flows,
            impacted_processes,
            blast_radius,
        }
    }
}

/// The colour of a state label on the canvas and in the legend.
pub fn label_colour(label: Label) -> Color32 {
    crate::ui::theme::state_colour(match label {
        Label::Fresh => 0,
        Label::Stale => 1,
        Label::Partial => 2,
        Label::Corrupt => 3,
    })
}

/// Every label in severity order, for the legend.
pub const LABELS: [Label; 4] = [Label::Fresh, Label::Stale, Label::Partial, Label::Corrupt];
