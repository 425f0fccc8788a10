//! Help ▸ Keyboard shortcuts (F1) and Help ▸ About: every shortcut of the designer in one table,
//! and the version.

/// Every shortcut: keys and what they do, in menu order.
pub const SHORTCUTS: [(&str, &str); 20] = [
    ("Ctrl+N", "New landscape"),
    ("Ctrl+O", "Open…"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as…"),
    ("Ctrl+E", "Export again (last target and options)"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
    ("Delete", "Delete the selection"),
    ("F2", "Rename the selected system or process on the canvas"),
    ("Ctrl+A", "Select all systems and processes"),
    ("Ctrl+F", "Find (focus the outline filter)"),
    ("F", "Fit the landscape into the window"),
    ("F1", "These shortcuts"),
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
                for (keys, action) in SHORTCUTS {
                    ui.monospace(keys);
                    ui.label(action);
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
