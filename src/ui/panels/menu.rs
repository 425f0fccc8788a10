//! The menu bar (File, Edit, View, Help) and the toolbar.

use egui::Ui;

use crate::export::target::ExportTarget;
use crate::ui::app::DesignerApp;
use crate::ui::app::commands::Command;
use crate::ui::theme::{ColourMode, ThemeChoice};

/// The menu bar.
pub fn menu_bar_ui(app: &mut DesignerApp, ui: &mut Ui, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            let item = |ui: &mut Ui,
                        label: &str,
                        shortcut: &str,
                        command: Command,
                        commands: &mut Vec<Command>| {
                let mut button = egui::Button::new(label);
                if !shortcut.is_empty() {
                    button = button.shortcut_text(shortcut);
                }
                if ui.add(button).clicked() {
                    commands.push(command);
                }
            };
            item(ui, "New", "Ctrl+N", Command::New, commands);
            item(ui, "Open…", "Ctrl+O", Command::Open, commands);
            item(ui, "Open example", "", Command::OpenExample, commands);
            ui.menu_button("Open recent", |ui| {
                if app.preferences.recent_files.is_empty() {
                    ui.label("No recent files");
                }
                for path in &app.preferences.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenPath(path.clone()));
                    }
                }
            });
            ui.menu_button("Recover", |ui| {
                super::super::autosave::recover_menu(app, ui, commands);
            });
            ui.separator();
            item(ui, "Save", "Ctrl+S", Command::Save, commands);
            item(ui, "Save as…", "Ctrl+Shift+S", Command::SaveAs, commands);
            ui.separator();
            item(
                ui,
                "Import (Mermaid, draw.io)…",
                "",
                Command::ImportMermaid,
                commands,
            );
            ui.menu_button("Export", |ui| {
                for target in ExportTarget::ALL {
                    let label = format!("{}…", target.label());
                    item(ui, &label, "", Command::Export(target), commands);
                }
                ui.separator();
                item(
                    ui,
                    "Export again…",
                    "Ctrl+E",
                    Command::ExportAgain,
                    commands,
                );
            });
            ui.separator();
            item(ui, "Quit", "", Command::Quit, commands);
        });
        ui.menu_button("Edit", |ui| {
            let undo = app
                .history
                .undo_description()
                .map_or_else(|| "Undo".to_owned(), |d| format!("Undo {d}"));
            let redo = app
                .history
                .redo_description()
                .map_or_else(|| "Redo".to_owned(), |d| format!("Redo {d}"));
            let undo_button = egui::Button::new(undo).shortcut_text("Ctrl+Z");
            if ui
                .add_enabled(app.history.undo_description().is_some(), undo_button)
                .clicked()
            {
                commands.push(Command::Undo);
            }
            let redo_button = egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z");
            if ui
                .add_enabled(app.history.redo_description().is_some(), redo_button)
                .clicked()
            {
                commands.push(Command::Redo);
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Delete").shortcut_text("Del"))
                .clicked()
            {
                commands.push(Command::DeleteSelection);
            }
            if ui
                .add(egui::Button::new("Rename").shortcut_text("F2"))
                .clicked()
            {
                commands.push(Command::Rename);
            }
            if ui
                .add(egui::Button::new("Select all").shortcut_text("Ctrl+A"))
                .clicked()
            {
                commands.push(Command::SelectAll);
            }
            if ui
                .add(egui::Button::new("Find").shortcut_text("Ctrl+F"))
                .clicked()
            {
                commands.push(Command::Find);
            }
            ui.separator();
            if ui.button("Route selected flows through hub").clicked() {
                commands.push(Command::RouteThroughHub);
            }
        });
        ui.menu_button("View", |ui| {
            if ui
                .add(egui::Button::new("Fit to window").shortcut_text("F"))
                .clicked()
            {
                commands.push(Command::Fit);
            }
            if ui.button("Auto-layout").clicked() {
                commands.push(Command::AutoLayout);
            }
            ui.separator();
            ui.checkbox(&mut app.tools.metrics.open, "Metrics");
            if ui.button("Lineage").clicked() {
                crate::ui::lineage::open_on_selection(&mut app.view);
            }
            ui.separator();
            let mode = app.preferences.colour_mode;
            if ui
                .radio(mode == ColourMode::Owner, "Colour by owner")
                .clicked()
            {
                commands.push(Command::ColourBy(ColourMode::Owner));
            }
            if ui
                .radio(mode == ColourMode::Pattern, "Colour by pattern")
                .clicked()
            {
                commands.push(Command::ColourBy(ColourMode::Pattern));
            }
            ui.separator();
            let theme = app.preferences.theme;
            if ui.radio(theme == ThemeChoice::Dark, "Dark theme").clicked() {
                commands.push(Command::SetTheme(ThemeChoice::Dark));
            }
            if ui
                .radio(theme == ThemeChoice::Light, "Light theme")
                .clicked()
            {
                commands.push(Command::SetTheme(ThemeChoice::Light));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui
                .add(egui::Button::new("Keyboard shortcuts").shortcut_text("F1"))
                .clicked()
            {
                app.tools.help.shortcuts = true;
            }
            if ui.button("About Switchboard").clicked() {
                app.tools.help.about = true;
            }
        });
    });
}

/// The toolbar under the menu bar.
pub fn toolbar_ui(app: &mut DesignerApp, ui: &mut Ui, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if ui.button("Add system").clicked() {
            commands.push(Command::AddSystem(None));
        }
        if ui
            .add_enabled(
                app.history.undo_description().is_some(),
                egui::Button::new("⟲ Undo"),
            )
            .clicked()
        {
            commands.push(Command::Undo);
        }
        if ui
            .add_enabled(
                app.history.redo_description().is_some(),
                egui::Button::new("⟳ Redo"),
            )
            .clicked()
        {
            commands.push(Command::Redo);
        }
        ui.separator();
        if ui.button("Auto-layout").clicked() {
            commands.push(Command::AutoLayout);
        }
        if ui.button("Fit").clicked() {
            commands.push(Command::Fit);
        }
        ui.separator();
        let mode = app.preferences.colour_mode;
        if ui
            .selectable_label(mode == ColourMode::Owner, "By owner")
            .clicked()
        {
            commands.push(Command::ColourBy(ColourMode::Owner));
        }
        if ui
            .selectable_label(mode == ColourMode::Pattern, "By pattern")
            .clicked()
        {
            commands.push(Command::ColourBy(ColourMode::Pattern));
        }
        ui.separator();
        ui.toggle_value(&mut app.preferences.show_outline, "Outline");
        ui.toggle_value(&mut app.preferences.show_findings, "Findings");
        ui.toggle_value(&mut app.preferences.show_inspector, "Inspector");
        ui.separator();
        ui.toggle_value(&mut app.view.simulation.open, "Simulation")
            .on_hover_text("Rehearse a failure over the simulated week");
    });
}
