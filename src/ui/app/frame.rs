//! One frame of the window: lay out the panels, the canvas, the tool windows, the dialogs and
//! the notifications, each drawing from the document and view state and pushing commands, then
//! run the commands. Only here (and in the command runner) is the app mutable.

use egui::Panel;

use crate::ui::commands::Command;
use crate::ui::panels::menu::{MenuContext, menu_bar_ui, toolbar_ui};
use crate::ui::panels::{findings, inspector, legend, outline, status_bar};
use crate::ui::tools::{export_window, help_window, hub_window, import_report, metrics_window};

use super::DesignerApp;

impl DesignerApp {
    /// Draws the frame and runs the commands pushed while drawing.
    pub(super) fn frame_ui(&mut self, ui: &mut egui::Ui) {
        self.canvas
            .refresh(self.document.landscape(), self.document.revision());
        let mut commands: Vec<Command> = Vec::new();
        self.panels_ui(ui, &mut commands);
        let ctx = ui.ctx().clone();
        if let Some(dialog) = &self.dialog {
            let outcome = crate::ui::dialogs::dialog_ui(dialog, &ctx);
            if outcome.close {
                self.dialog = None;
            }
            commands.extend(outcome.chosen);
        }
        if let Some(command) = crate::ui::path_prompt::path_prompt_ui(&mut self.path_prompt, &ctx) {
            commands.push(command);
        }
        self.tools_ui(&ctx, &mut commands);
        let anchor = self.notification_anchor(&ctx);
        commands.extend(self.notifications.ui(&ctx, anchor));
        for command in commands {
            self.push(command);
        }
        self.run_pending(&ctx);
        self.after_frame(&ctx);
    }

    fn panels_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let findings = if self.preferences.show_findings {
            self.findings().to_vec()
        } else {
            Vec::new()
        };
        let landscape = self.document.landscape();
        let history = self.document.history();
        let context = MenuContext {
            state: self.action_state(),
            undo: history.undo_description(),
            redo: history.redo_description(),
            preferences: &self.preferences,
            metrics_open: self.tools.metrics.open,
            simulation_open: self.view.simulation.open,
            autosave: &self.autosave,
        };
        Panel::top("menu_bar").show(ui, |ui| {
            menu_bar_ui(&context, ui, commands);
            toolbar_ui(&context, ui, commands);
        });
        Panel::bottom("status_bar").show(ui, |ui| {
            status_bar::status_bar_ui(landscape, ui);
        });
        if self.preferences.show_outline {
            Panel::left("outline")
                .resizable(true)
                .default_size(210.0)
                .min_size(180.0)
                .show(ui, |ui| {
                    outline::outline_ui(landscape, &mut self.view, ui);
                });
        }
        if self.preferences.show_inspector {
            Panel::right("inspector")
                .resizable(true)
                .default_size(300.0)
                .min_size(280.0)
                .show(ui, |ui| {
                    inspector::inspector_ui(landscape, &mut self.view, ui, commands);
                });
        }
        if self.view.simulation.open {
            let revision = self.document.revision();
            let panel = Panel::right("simulation")
                .resizable(true)
                .default_size(420.0)
                .show(ui, |ui| {
                    crate::ui::simulation::panel::simulation_panel_ui(
                        ui,
                        &mut self.view.simulation,
                        landscape,
                        revision,
                    );
                });
            self.simulation_rect = Some(panel.response.rect);
        } else {
            self.simulation_rect = None;
        }
        if self.preferences.show_findings {
            Panel::bottom("findings")
                .resizable(true)
                .default_size(110.0)
                .show(ui, |ui| {
                    findings::findings_ui(&findings, &mut self.view, ui);
                });
        }
        let landscape = self.document.landscape();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let colour_mode = self.preferences.colour_mode;
            self.canvas
                .ui(ui, landscape, &mut self.view, colour_mode, commands);
            legend::legend_ui(landscape, colour_mode, ui);
        });
    }

    fn tools_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(done) = self
            .tools
            .hub_impact
            .as_ref()
            .and_then(crate::ui::background::Job::poll)
        {
            self.tools.hub_impact = None;
            if let Some(report) = &mut self.tools.hub {
                report.impact = Some(done.and_then(|impact| impact));
            }
        }
        hub_window::hub_window_ui(&mut self.tools.hub, ctx);
        help_window::help_windows_ui(&mut self.tools.help, ctx);
        if self.tools.hub.is_none() {
            // Closed: the result of a simulation still running is not wanted.
            self.tools.hub_impact = None;
        }
        let revision = self.document.revision();
        let landscape = self.document.landscape();
        metrics_window::metrics_window_ui(&mut self.tools.metrics, landscape, revision, ctx);
        crate::ui::lineage::lineage_window_ui(&mut self.view, landscape, revision, ctx);
        if let Some(dialog) = &mut self.tools.export {
            export_window::export_window_ui(dialog, landscape, revision, ctx, commands);
        }
        if let Some(report) = &self.tools.import {
            import_report::import_report_ui(report, ctx, commands);
        }
    }

    /// Where notifications sit: the bottom-right corner of the canvas, left of the simulation
    /// panel so they never cover its tables.
    fn notification_anchor(&self, ctx: &egui::Context) -> egui::Vec2 {
        let window_right = ctx.content_rect().right();
        let covered = self
            .simulation_rect
            .map_or(0.0, |rect| (window_right - rect.left()).max(0.0));
        egui::vec2(-16.0 - covered, -40.0)
    }
}
