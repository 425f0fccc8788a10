//! The menu bar (File, Edit, View, Help) and the toolbar. Both read the action table
//! ([`crate::ui::actions`]) for their entries' text, shortcut and enabled state, and push
//! commands; neither changes anything itself.

use egui::Ui;

use crate::export::target::ExportTarget;
use crate::ui::actions::{Action, ActionState, Menu, action_button};
use crate::ui::commands::{Command, PanelKind};
use crate::ui::preferences::Preferences;
use crate::ui::theme::{ColourMode, ThemeChoice};

/// What the menu bar and toolbar show, read from the app.
pub struct MenuContext<'a> {
    pub state: ActionState,
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
    pub preferences: &'a Preferences,
    pub metrics_open: bool,
    pub simulation_open: bool,
    /// The window's autosave, for File ▸ Recover (read only when that menu opens).
    pub autosave: &'a crate::ui::autosave::Autosave,
}

impl MenuContext<'_> {
    /// The entry of `action`, with the undo/redo step named.
    fn entry(&self, ui: &mut Ui, action: Action, commands: &mut Vec<Command>) {
        let label = match action {
            Action::Undo => self.undo.map(|d| format!("Undo {d}")),
            Action::Redo => self.redo.map(|d| format!("Redo {d}")),
            _ => None,
        };
        action_button(ui, action, label, &self.state, commands);
    }

    /// Every action of `menu` from `first` to `last` (inclusive, in table order).
    fn entries(&self, ui: &mut Ui, range: (Action, Action), commands: &mut Vec<Command>) {
        let all = Action::ALL;
        let start = all.iter().position(|a| *a == range.0).unwrap_or(0);
        let end = all.iter().position(|a| *a == range.1).unwrap_or(0);
        for action in all.iter().take(end + 1).skip(start) {
            self.entry(ui, *action, commands);
        }
    }
}

/// The menu bar.
pub fn menu_bar_ui(context: &MenuContext<'_>, ui: &mut Ui, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(Menu::File.title(), |ui| file_menu(context, ui, commands));
        ui.menu_button(Menu::Edit.title(), |ui| {
            context.entries(ui, (Action::Undo, Action::Redo), commands);
            ui.separator();
            context.entries(ui, (Action::Copy, Action::Find), commands);
            ui.separator();
            context.entry(ui, Action::RouteThroughHub, commands);
        });
        ui.menu_button(Menu::Insert.title(), |ui| {
            context.entry(ui, Action::AddSystem, commands);
            context.entries(ui, (Action::NewTeam, Action::NewProcess), commands);
        });
        ui.menu_button(Menu::View.title(), |ui| view_menu(context, ui, commands));
        ui.menu_button(Menu::Arrange.title(), |ui| {
            context.entries(ui, (Action::NudgeLeft, Action::NudgeDown), commands);
            ui.separator();
            context.entries(
                ui,
                (Action::AlignLeft, Action::DistributeVertically),
                commands,
            );
        });
        ui.menu_button(Menu::Help.title(), |ui| {
            context.entries(ui, (Action::Shortcuts, Action::About), commands);
        });
    });
}

fn file_menu(context: &MenuContext<'_>, ui: &mut Ui, commands: &mut Vec<Command>) {
    context.entries(ui, (Action::New, Action::OpenExample), commands);
    ui.menu_button("Open recent", |ui| {
        if context.preferences.recent_files.is_empty() {
            ui.label("No recent files");
        }
        for path in &context.preferences.recent_files {
            if ui.button(path.display().to_string()).clicked() {
                commands.push(Command::OpenPath(path.clone()));
            }
        }
    });
    ui.menu_button("Recover", |ui| {
        crate::ui::autosave::recover_menu(context.autosave, ui, commands);
    });
    ui.separator();
    context.entries(ui, (Action::Save, Action::SaveAs), commands);
    ui.separator();
    context.entry(ui, Action::ImportMermaid, commands);
    ui.menu_button("Export", |ui| {
        for target in ExportTarget::ALL {
            if ui.button(format!("{}…", target.label())).clicked() {
                commands.push(Command::Export(target));
            }
        }
    });
    context.entry(ui, Action::ExportAgain, commands);
    ui.separator();
    context.entry(ui, Action::Quit, commands);
}

fn view_menu(context: &MenuContext<'_>, ui: &mut Ui, commands: &mut Vec<Command>) {
    context.entries(ui, (Action::Fit, Action::AutoLayout), commands);
    ui.separator();
    let mut metrics = context.metrics_open;
    if ui.checkbox(&mut metrics, Action::Metrics.text()).clicked() {
        commands.push(Action::Metrics.command());
    }
    if ui.button("Lineage").clicked() {
        commands.push(Command::ShowLineage);
    }
    ui.separator();
    let mode = context.preferences.colour_mode;
    for (choice, text) in [
        (ColourMode::Owner, "Colour by owner"),
        (ColourMode::Pattern, "Colour by pattern"),
    ] {
        if ui.radio(mode == choice, text).clicked() {
            commands.push(Command::ColourBy(choice));
        }
    }
    ui.separator();
    let theme = context.preferences.theme;
    for (choice, text) in [
        (ThemeChoice::Dark, "Dark theme"),
        (ThemeChoice::Light, "Light theme"),
    ] {
        if ui.radio(theme == choice, text).clicked() {
            commands.push(Command::SetTheme(choice));
        }
    }
}

/// The toolbar under the menu bar.
pub fn toolbar_ui(context: &MenuContext<'_>, ui: &mut Ui, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let tool = |ui: &mut Ui, action: Action, text: &str, commands: &mut Vec<Command>| {
            let hover = match action.shortcut_text(ui.ctx()) {
                keys if keys.is_empty() => action.text().to_owned(),
                keys => format!("{} ({keys})", action.text()),
            };
            let enabled = action.enabled(&context.state);
            if ui
                .add_enabled(enabled, egui::Button::new(text))
                .on_hover_text(hover)
                .clicked()
            {
                commands.push(action.command());
            }
        };
        tool(ui, Action::AddSystem, "Add system", commands);
        tool(ui, Action::Undo, "⟲ Undo", commands);
        tool(ui, Action::Redo, "⟳ Redo", commands);
        ui.separator();
        tool(ui, Action::AutoLayout, "Auto-layout", commands);
        tool(ui, Action::Fit, "Fit", commands);
        ui.separator();
        let mode = context.preferences.colour_mode;
        for (choice, text) in [
            (ColourMode::Owner, "By owner"),
            (ColourMode::Pattern, "By pattern"),
        ] {
            if ui.selectable_label(mode == choice, text).clicked() {
                commands.push(Command::ColourBy(choice));
            }
        }
        ui.separator();
        let preferences = context.preferences;
        let panels = [
            (PanelKind::Outline, preferences.show_outline, "Outline"),
            (PanelKind::Findings, preferences.show_findings, "Findings"),
            (
                PanelKind::Inspector,
                preferences.show_inspector,
                "Inspector",
            ),
        ];
        for (panel, shown, text) in panels {
            if ui.selectable_label(shown, text).clicked() {
                commands.push(Command::TogglePanel(panel));
            }
        }
        ui.separator();
        if ui
            .selectable_label(context.simulation_open, "Simulation")
            .on_hover_text("Rehearse a failure over the simulated week")
            .clicked()
        {
            commands.push(Command::TogglePanel(PanelKind::Simulation));
        }
    });
}
