//! Renaming a system or process in place (F2 or a double-click on its box): a text field over
//! the box's title. Enter or clicking elsewhere renames (one undo step; the id follows the name
//! unless pinned), Escape cancels, and an empty name changes nothing.

use egui::text::{CCursor, CCursorRange};
use egui::{FontId, Rect, Ui, vec2};

use crate::edit::Target as Item;
use crate::model::Landscape;
use crate::ui::commands::Command;

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

    /// The command that applies the typed name (and moves the id with it unless pinned, see
    /// [`crate::edit::rename`]), or `None` when nothing would change.
    pub fn command(&self, landscape: &Landscape) -> Option<Command> {
        let target = match self.kind {
            NodeKind::System => Item::System(self.id.clone()),
            NodeKind::Process => Item::Process(self.id.clone()),
        };
        let composed = crate::edit::rename(landscape, &target, &self.text)?;
        Some(Command::Apply {
            edits: composed.edits,
            description: composed.description,
            merge_key: None,
            select: composed.select,
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
