//! Renaming a system or process in place (F2 or a double-click on its box): a text field over
//! the box's title. Enter or clicking elsewhere renames (one undo step), Escape cancels, and an
//! empty name changes nothing.

use egui::text::{CCursor, CCursorRange};
use egui::{FontId, Rect, Ui, vec2};

use crate::edit::Edit;
use crate::model::{Landscape, Process, System};
use crate::ui::app::commands::Command;
use crate::ui::view_state::Item;

use super::scene::{NodeKind, TITLE_SIZE};

/// A rename in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renaming {
    pub kind: NodeKind,
    pub id: String,
    /// The name as typed so far.
    pub text: String,
    focused: bool,
}

impl Renaming {
    /// Starts renaming the system or process `item`, with its current name; `None` for other
    /// items or ids not in the document.
    pub fn start(landscape: &Landscape, item: &Item) -> Option<Self> {
        let (kind, id, name) = match item {
            Item::System(id) => (NodeKind::System, id, &landscape.system(id)?.name),
            Item::Process(id) => (NodeKind::Process, id, &landscape.process(id)?.name),
            _ => return None,
        };
        Some(Self {
            kind,
            id: id.clone(),
            text: name.clone(),
            focused: false,
        })
    }

    /// The command that applies the typed name, or `None` when nothing would change.
    pub fn command(&self, landscape: &Landscape) -> Option<Command> {
        let name = self.text.trim();
        if name.is_empty() {
            return None;
        }
        let (current, edit, item, noun) = match self.kind {
            NodeKind::System => {
                let system = landscape.system(&self.id)?;
                let renamed = System {
                    name: name.to_owned(),
                    ..system.clone()
                };
                let item = Item::System(self.id.clone());
                (&system.name, Edit::SetSystem(renamed), item, "system")
            }
            NodeKind::Process => {
                let process = landscape.process(&self.id)?;
                let renamed = Process {
                    name: name.to_owned(),
                    ..process.clone()
                };
                let item = Item::Process(self.id.clone());
                (&process.name, Edit::SetProcess(renamed), item, "process")
            }
        };
        if current == name {
            return None;
        }
        Some(Command::Apply {
            edits: vec![edit],
            description: format!("rename {noun} {}", self.id),
            merge_key: None,
            select: Some(item),
        })
    }
}

/// Draws the text field over `node` (the box on screen, or `None` when it is not drawn) and
/// ends the rename on Enter, Escape or a click elsewhere.
pub fn rename_ui(
    ui: &mut Ui,
    renaming: &mut Option<Renaming>,
    node: Option<Rect>,
    zoom: f32,
    landscape: &Landscape,
    commands: &mut Vec<Command>,
) {
    let (Some(active), Some(node)) = (renaming.as_mut(), node) else {
        *renaming = None;
        return;
    };
    let height = (TITLE_SIZE * zoom * 1.6).max(20.0);
    let field = Rect::from_min_size(
        node.left_top() + vec2(4.0, (node.height() - height).min(6.0 * zoom).max(0.0)),
        vec2((node.width() - 8.0).max(120.0), height),
    );
    let output = ui
        .scope_builder(egui::UiBuilder::new().max_rect(field), |ui| {
            egui::TextEdit::singleline(&mut active.text)
                .font(FontId::proportional((TITLE_SIZE * zoom).max(12.0)))
                .desired_width(field.width())
                .id_salt("canvas_rename")
                .show(ui)
        })
        .inner;
    let edit = &output.response;
    if !active.focused {
        // Open with the whole name selected, so typing replaces it.
        edit.request_focus();
        let mut state = output.state.clone();
        let all = CCursorRange::two(CCursor::new(0), CCursor::new(active.text.chars().count()));
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), edit.id);
        active.focused = true;
        return;
    }
    if edit.lost_focus() {
        let cancelled = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if !cancelled && let Some(command) = active.command(landscape) {
            commands.push(command);
        }
        *renaming = None;
    }
}
