//! The "Metrics" window: size and connectivity of the landscape, the top of the blast-radius
//! ranking, and the scaling chart (see `metrics_chart`).

use crate::analysis::metrics::{Metrics, metrics};
use crate::model::Landscape;

use super::metrics_chart::scaling_chart_ui;

/// How many systems of the blast-radius ranking the window lists.
pub const BLAST_RADIUS_TOP: usize = 5;

/// The metrics window's state: open or not, and the metrics of one revision.
#[derive(Debug, Default)]
pub struct MetricsWindow {
    /// Whether the window is shown (View ▸ Metrics).
    pub open: bool,
    cache: Option<(u64, Metrics)>,
}

impl MetricsWindow {
    /// The metrics of `landscape` at `revision`, computed once per revision.
    pub fn metrics(&mut self, landscape: &Landscape, revision: u64) -> &Metrics {
        let stale = self.cache.as_ref().is_none_or(|(r, _)| *r != revision);
        if stale {
            self.cache = None;
        }
        &self
            .cache
            .get_or_insert_with(|| (revision, metrics(landscape)))
            .1
    }
}

/// Draws the window when open.
pub fn metrics_window_ui(
    window: &mut MetricsWindow,
    landscape: &Landscape,
    revision: u64,
    ctx: &egui::Context,
) {
    if !window.open {
        return;
    }
    let mut open = true;
    let m = window.metrics(landscape, revision).clone();
    egui::Window::new("Metrics")
        .open(&mut open)
        .default_width(380.0)
        .show(ctx, |ui| {
            egui::Grid::new("metrics_grid")
                .striped(true)
                .show(ui, |ui| {
                    let rows = [
                        ("Systems", m.systems.to_string()),
                        ("Flows", m.flows.to_string()),
                        ("Connected pairs", m.connected_pairs.to_string()),
                        ("Potential n(n-1)/2", m.potential_connections.to_string()),
                        ("Hub connections", m.hub_connections.to_string()),
                        ("Flows via hub", m.flows_via_hub.to_string()),
                        ("Density", format!("{:.0} %", m.density * 100.0)),
                    ];
                    for (name, value) in rows {
                        ui.label(name);
                        ui.label(value);
                        ui.end_row();
                    }
                });
            ui.separator();
            ui.strong("Blast radius");
            for entry in m.blast_radius.iter().take(BLAST_RADIUS_TOP) {
                ui.label(format!(
                    "{}: {} processes, {} datasets, {} systems",
                    entry.system,
                    entry.processes.len(),
                    entry.datasets.len(),
                    entry.systems.len()
                ));
            }
            ui.separator();
            scaling_chart_ui(ui, &m);
        });
    if !open {
        window.open = false;
    }
}
