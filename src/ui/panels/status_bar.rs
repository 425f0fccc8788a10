//! The status bar: systems, flows, connected pairs and the point-to-point potential n(n-1)/2.

use crate::model::Landscape;
use crate::model::graph::{connected_pairs, potential_connections};

/// The status text for a landscape.
pub fn status_text(landscape: &Landscape) -> String {
    let systems = landscape.systems.len();
    format!(
        "{systems} systems · {} flows · {} connected pairs · {} potential (n(n-1)/2)",
        landscape.flows.len(),
        connected_pairs(landscape).len(),
        potential_connections(systems)
    )
}

/// Draws the status bar.
pub fn status_bar_ui(landscape: &Landscape, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.label(status_text(landscape));
    });
}
