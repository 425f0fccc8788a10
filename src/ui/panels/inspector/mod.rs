//! The inspector: every attribute of the selected system (and its datasets), flow, team,
//! contract or process, validated as you type. Changes become `Set…` edits; typing in one field
//! is one undo step. Owners and contracts are picked from the document or created inline.

mod entities;
pub mod text_formats;

use egui::Ui;

use crate::edit::{Edit, EntityKind};
use crate::model::Landscape;
use crate::ui::commands::Command;
use crate::ui::view_state::{Item, ViewState};

/// What a form produced: edits to apply as one step, with a merge key for typing.
#[derive(Debug, Default)]
pub(crate) struct FormOutput {
    pub edits: Vec<Edit>,
    pub merge_key: Option<String>,
    pub select: Option<Item>,
}

impl FormOutput {
    /// Records a change of `field`; typing into the same field merges into one step.
    pub fn changed(&mut self, field: &str) {
        self.merge_key = Some(field.to_owned());
    }
}

/// Draws the inspector for the selection.
pub fn inspector_ui(
    landscape: &Landscape,
    view: &mut ViewState,
    ui: &mut Ui,
    commands: &mut Vec<Command>,
) {
    ui.heading("Inspector");
    let focus_name = std::mem::take(&mut view.focus_name);
    let mut out = FormOutput::default();
    egui::ScrollArea::vertical().show(ui, |ui| match view.single().cloned() {
        Some(Item::System(id)) => {
            if let Some(system) = landscape.system(&id) {
                entities::system_form(landscape, system, ui, focus_name, &mut out);
            }
        }
        Some(Item::Flow(id)) => {
            if let Some(flow) = landscape.flow(&id) {
                entities::flow_form(landscape, flow, ui, focus_name, &mut out);
            }
        }
        Some(Item::Team(id)) => {
            if let Some(team) = landscape.team(&id) {
                entities::team_form(landscape, team, ui, focus_name, &mut out);
            }
        }
        Some(Item::Contract(id)) => {
            if let Some(contract) = landscape.contract(&id) {
                entities::contract_form(landscape, contract, ui, focus_name, &mut out);
            }
        }
        Some(Item::Process(id)) => {
            if let Some(process) = landscape.process(&id) {
                entities::process_form(landscape, process, ui, focus_name, &mut out);
            }
        }
        Some(Item::Scenario(id)) => {
            if let Some(scenario) = landscape.scenario(&id) {
                ui.label(format!("Scenario {}", scenario.id));
                ui.label(&scenario.name);
                ui.weak(format!(
                    "{} faults, {} control sets",
                    scenario.faults.len(),
                    scenario.controls.len()
                ));
            }
        }
        None => {
            if view.selection.len() > 1 {
                ui.label(format!("{} items selected", view.selection.len()));
            }
            entities::landscape_form(landscape, ui, focus_name, &mut out);
        }
    });
    if out.edits.is_empty() {
        return;
    }
    // Id changes keep the selection on the renamed item.
    for edit in &out.edits {
        if let Edit::ChangeId { kind, new, .. } = edit {
            out.select = Some(match kind {
                EntityKind::System => Item::System(new.clone()),
                EntityKind::Flow => Item::Flow(new.clone()),
                EntityKind::Team => Item::Team(new.clone()),
                EntityKind::Contract => Item::Contract(new.clone()),
                EntityKind::Process => Item::Process(new.clone()),
            });
        }
    }
    let description = Edit::describe_group_in(&out.edits, landscape);
    commands.push(Command::Apply {
        edits: out.edits,
        description,
        merge_key: out.merge_key,
        select: out.select,
    });
}
