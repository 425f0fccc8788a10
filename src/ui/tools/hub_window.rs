//! The "Route through hub" window: connections before and after, the flows converted and
//! skipped, and the simulated impact of a scenario before and after.

use super::hub_route::{HubReport, Impact};

fn minutes(value: Option<i64>) -> String {
    value.map_or_else(|| "never".to_owned(), |m| format!("{m} min"))
}

fn impact_row(ui: &mut egui::Ui, name: &str, impact: &Impact) {
    ui.label(name);
    ui.label(format!("{} min", impact.impacted_minutes));
    ui.label(minutes(impact.ttd));
    ui.end_row();
}

/// Draws the window while there is a report; "Close" drops it.
pub fn hub_window_ui(report: &mut Option<HubReport>, ctx: &egui::Context) {
    let Some(shown) = report.as_ref() else {
        return;
    };
    let mut open = true;
    let mut close = false;
    egui::Window::new("Route through hub")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            let s = &shown.summary;
            ui.label(format!(
                "Converted {} flow(s), skipped {}",
                s.converted.len(),
                s.skipped.len()
            ));
            for skipped in &s.skipped {
                ui.weak(format!("{}: {}", skipped.flow, skipped.reason));
            }
            egui::Grid::new("hub_connections")
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Connections");
                    ui.strong("Before");
                    ui.strong("After");
                    ui.end_row();
                    for (name, before, after) in [
                        (
                            "Point-to-point",
                            s.before.point_to_point,
                            s.after.point_to_point,
                        ),
                        ("Hub", s.before.hub, s.after.hub),
                        ("Total", s.before.total, s.after.total),
                        (
                            "Flows via hub",
                            s.before.flows_via_hub,
                            s.after.flows_via_hub,
                        ),
                    ] {
                        ui.label(name);
                        ui.label(before.to_string());
                        ui.label(after.to_string());
                        ui.end_row();
                    }
                });
            ui.separator();
            match (&shown.scenario, &shown.impact) {
                (Some(scenario), None) => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(format!("Simulating scenario {scenario} before and after…"));
                    });
                }
                (Some(scenario), Some(Ok((before, after)))) => {
                    ui.label(format!("Simulated impact of scenario {scenario}"));
                    egui::Grid::new("hub_impact").striped(true).show(ui, |ui| {
                        ui.strong("");
                        ui.strong("Operating minutes");
                        ui.strong("Detection time");
                        ui.end_row();
                        impact_row(ui, "Before", before);
                        impact_row(ui, "After", after);
                    });
                }
                (_, Some(Err(error))) => {
                    ui.weak(format!("No simulated impact: {error}"));
                }
                (None, _) => {}
            }
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    if !open || close {
        *report = None;
    }
}
