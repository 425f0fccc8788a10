//! The window's panels around the canvas: menu bar and toolbar, status bar, outline, findings
//! and inspector. Each reads the document and pushes commands; none mutates it.

pub mod findings;
pub mod inspector;
pub mod legend;
pub mod menu;
pub mod outline;
pub mod outline_filter;
pub mod status_bar;

use egui::Panel;

use super::app::DesignerApp;
use super::app::commands::Command;

/// Draws one frame of the window (everything except dialogs and notifications).
pub fn frame_ui(app: &mut DesignerApp, ui: &mut egui::Ui) {
    let mut commands: Vec<Command> = Vec::new();
    Panel::top("menu_bar").show(ui, |ui| {
        menu::menu_bar_ui(app, ui, &mut commands);
        menu::toolbar_ui(app, ui, &mut commands);
    });
    Panel::bottom("status_bar").show(ui, |ui| {
        status_bar::status_bar_ui(&app.landscape, ui);
    });
    if app.preferences.show_outline {
        Panel::left("outline")
            .resizable(true)
            .default_size(210.0)
            .min_size(180.0)
            .show(ui, |ui| {
                outline::outline_ui(&app.landscape, &mut app.view, ui);
            });
    }
    if app.preferences.show_inspector {
        Panel::right("inspector")
            .resizable(true)
            .default_size(300.0)
            .min_size(280.0)
            .show(ui, |ui| {
                inspector::inspector_ui(&app.landscape, &mut app.view, ui, &mut commands);
            });
    }
    if app.view.simulation.open {
        let revision = app.history.revision();
        Panel::right("simulation")
            .resizable(true)
            .default_size(420.0)
            .show(ui, |ui| {
                crate::ui::simulation::panel::simulation_panel_ui(
                    ui,
                    &mut app.view.simulation,
                    &app.landscape,
                    revision,
                );
            });
    }
    if app.preferences.show_findings {
        let findings = app.findings().to_vec();
        Panel::bottom("findings")
            .resizable(true)
            .default_size(110.0)
            .show(ui, |ui| {
                findings::findings_ui(&findings, &mut app.view, ui);
            });
    }
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let colour_mode = app.preferences.colour_mode;
        app.canvas.ui(
            ui,
            &app.landscape,
            &mut app.view,
            colour_mode,
            &mut commands,
        );
        legend::legend_ui(&app.landscape, colour_mode, ui);
    });
    for command in commands {
        app.push(command);
    }
}
