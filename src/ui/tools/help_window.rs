//! Help ▸ Keyboard shortcuts (F1) and Help ▸ About: every shortcut of the action table (the
//! same text as the menus) and the pointer gestures, and the version.

use crate::ui::actions::Action;

/// The pointer gestures, which have no menu entry: what to do and what it does.
pub const GESTURES: [(&str, &str); 8] = [
    ("Double-click empty canvas", "Add a system there"),
    ("Double-click a box", "Rename it"),
    (
        "Drag from a system's handle",
        "Connect it to another system",
    ),
    (
        "Ctrl+click, drag on empty canvas",
        "Add to the selection, select with a box",
    ),
    ("Scroll; right- or middle-drag", "Zoom; pan"),
    ("Right-click a flow", "Define a fault for the simulation"),
    ("↑ / ↓ (simulation panel)", "Step through the narrative"),
    ("Escape", "Close the topmost small window"),
];

/// What the help windows show.
#[derive(Debug, Default)]
pub struct HelpWindows {
    pub shortcuts: bool,
    pub about: bool,
}

/// Draws the open help windows.
pub fn help_windows_ui(help: &mut HelpWindows, ctx: &egui::Context) {
    egui::Window::new("Keyboard shortcuts")
        .open(&mut help.shortcuts)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for action in Action::ALL {
                    let keys = action.shortcut_text(ui.ctx());
                    if !keys.is_empty() {
                        ui.monospace(keys);
                        ui.label(action.text());
                        ui.end_row();
                    }
                }
                for (gesture, effect) in GESTURES {
                    ui.monospace(gesture);
                    ui.label(effect);
                    ui.end_row();
                }
            });
        });
    egui::Window::new("About Switchboard")
        .open(&mut help.about)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.heading(format!("Switchboard {}", env!("CARGO_PKG_VERSION")));
            ui.label(
                "Design integration landscapes, rehearse a failed nightly batch over a \
                 simulated week, and export the design to RabbitMQ, AsyncAPI and Kafka.",
            );
            ui.label("Every subcommand runs headless too: switchboard --help.");
        });
}
