//! Modal questions: save, discard or cancel before losing work; what to do with the flows of
//! systems being deleted; whether to recover autosaved work.

use crate::model::Landscape;

use super::commands::Command;
use super::view_state::Item;

/// The question being asked.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// Unsaved changes would be lost by this command.
    Unsaved(Command),
    /// Systems with flows are about to be deleted.
    DeleteSystems { items: Vec<Item>, flows: usize },
    /// Autosaved work from a previous session exists.
    Recover(Box<Landscape>),
}

/// What the user chose in a dialog this frame.
#[derive(Debug, Default)]
pub struct DialogOutcome {
    /// The dialog is answered (or dismissed) and closes.
    pub close: bool,
    /// The command to run.
    pub chosen: Option<Command>,
}

/// Shows `dialog` and returns what was chosen; changes nothing itself.
pub fn dialog_ui(dialog: &Dialog, ctx: &egui::Context) -> DialogOutcome {
    let mut close = false;
    let mut chosen: Option<Command> = None;
    let modal = egui::Modal::new(egui::Id::new("dialog")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        match dialog {
            Dialog::Unsaved(command) => {
                ui.heading("Save changes?");
                ui.label("The document has unsaved changes.");
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        close = true;
                        chosen = Some(Command::SaveThen(Box::new(command.clone())));
                    }
                    if ui.button("Discard").clicked() {
                        close = true;
                        chosen = Some(Command::Discarding(Box::new(command.clone())));
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::DeleteSystems { items, flows } => {
                ui.heading("Delete systems and their flows?");
                ui.label(format!(
                    "The selected systems are connected by {flows} flow{}. Flows cannot point \
                         at a deleted system, so they are deleted with it.",
                    if *flows == 1 { "" } else { "s" }
                ));
                ui.horizontal(|ui| {
                    let label = format!(
                        "Delete with {flows} flow{}",
                        if *flows == 1 { "" } else { "s" }
                    );
                    if ui.button(label).clicked() {
                        close = true;
                        chosen = Some(Command::DeleteItems(items.clone()));
                    }
                    let flows_only: Vec<Item> = items
                        .iter()
                        .filter(|i| !matches!(i, Item::System(_)))
                        .cloned()
                        .collect();
                    if !flows_only.is_empty() && ui.button("Delete only the other items").clicked()
                    {
                        close = true;
                        chosen = Some(Command::DeleteItems(flows_only));
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Recover(landscape) => {
                ui.heading("Recover unsaved work?");
                ui.label(format!(
                    "Switchboard closed with unsaved changes to \"{}\". Recover them?",
                    landscape.name
                ));
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        close = true;
                        chosen = Some(Command::RecoverAutosave);
                    }
                    if ui.button("Discard").clicked() {
                        close = true;
                        chosen = Some(Command::DiscardAutosave);
                    }
                });
            }
        }
    });
    if modal.should_close() && !matches!(dialog, Dialog::Recover(_)) {
        close = true;
    }
    DialogOutcome { close, chosen }
}
