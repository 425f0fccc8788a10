//! The one action table: every command a menu, the toolbar, a shortcut or the F1 window offers,
//! with its text, its shortcuts, its menu and whether it is enabled. The menu bar, the toolbar,
//! the key handler and Help ▸ Keyboard shortcuts all read this table, so a shortcut is defined
//! once.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::edit::{Arrangement, NewItem};

use super::commands::Command;

/// The menus of the menu bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    Insert,
    View,
    Arrange,
    Help,
}

impl Menu {
    /// The menu's title in the menu bar.
    pub fn title(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::Insert => "Insert",
            Self::View => "View",
            Self::Arrange => "Arrange",
            Self::Help => "Help",
        }
    }
}

/// Whether a shortcut also fires while a text field has the keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyScope {
    /// Fires anywhere (it has the command modifier).
    Anywhere,
    /// Fires only when no text field is focused and no dialog is open (plain keys).
    Canvas,
}

/// What the enabled state of the actions depends on, read from the document and view state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActionState {
    pub can_undo: bool,
    pub can_redo: bool,
    pub has_selection: bool,
    pub single_selection: bool,
    pub can_paste: bool,
    /// Systems or processes are selected and the arrow keys are not the simulation's.
    pub can_nudge: bool,
    /// Two or more systems or processes are selected.
    pub can_arrange: bool,
}

/// One command of the designer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    New,
    Open,
    OpenExample,
    Save,
    SaveAs,
    ImportMermaid,
    ExportAgain,
    Quit,
    Undo,
    Redo,
    Copy,
    Paste,
    Duplicate,
    Delete,
    Rename,
    SelectAll,
    Find,
    AddSystem,
    RouteThroughHub,
    NewTeam,
    NewContract,
    NewProcess,
    Fit,
    AutoLayout,
    Metrics,
    NudgeLeft,
    NudgeRight,
    NudgeUp,
    NudgeDown,
    AlignLeft,
    AlignTop,
    DistributeHorizontally,
    DistributeVertically,
    Shortcuts,
    About,
}

/// How far an arrow key moves the selection, in canvas units.
pub const NUDGE_STEP: f32 = 10.0;

const COMMAND: Modifiers = Modifiers::COMMAND;
const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Action {
    /// Every action, in menu order.
    pub const ALL: [Self; 35] = [
        Self::New,
        Self::Open,
        Self::OpenExample,
        Self::Save,
        Self::SaveAs,
        Self::ImportMermaid,
        Self::ExportAgain,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::Copy,
        Self::Paste,
        Self::Duplicate,
        Self::Delete,
        Self::Rename,
        Self::SelectAll,
        Self::Find,
        Self::AddSystem,
        Self::RouteThroughHub,
        Self::NewTeam,
        Self::NewContract,
        Self::NewProcess,
        Self::Fit,
        Self::AutoLayout,
        Self::Metrics,
        Self::NudgeLeft,
        Self::NudgeRight,
        Self::NudgeUp,
        Self::NudgeDown,
        Self::AlignLeft,
        Self::AlignTop,
        Self::DistributeHorizontally,
        Self::DistributeVertically,
        Self::Shortcuts,
        Self::About,
    ];

    /// The text of its menu entry and of its row in the F1 window.
    pub fn text(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open…",
            Self::OpenExample => "Open example",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::ImportMermaid => "Import (Mermaid, draw.io)…",
            Self::ExportAgain => "Export again…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Copy => "Copy",
            Self::Paste => "Paste",
            Self::Duplicate => "Duplicate",
            Self::Delete => "Delete",
            Self::Rename => "Rename",
            Self::SelectAll => "Select all",
            Self::Find => "Find",
            Self::AddSystem => "Add system",
            Self::RouteThroughHub => "Route selected flows through hub",
            Self::NewTeam => "New team",
            Self::NewContract => "New contract",
            Self::NewProcess => "New business process",
            Self::Fit => "Fit to window",
            Self::AutoLayout => "Auto-layout",
            Self::Metrics => "Metrics",
            Self::NudgeLeft => "Nudge left",
            Self::NudgeRight => "Nudge right",
            Self::NudgeUp => "Nudge up",
            Self::NudgeDown => "Nudge down",
            Self::AlignLeft => "Align left edges",
            Self::AlignTop => "Align top edges",
            Self::DistributeHorizontally => "Distribute horizontally",
            Self::DistributeVertically => "Distribute vertically",
            Self::Shortcuts => "Keyboard shortcuts",
            Self::About => "About Switchboard",
        }
    }

    /// The menu it sits in.
    pub fn menu(self) -> Menu {
        match self {
            Self::New
            | Self::Open
            | Self::OpenExample
            | Self::Save
            | Self::SaveAs
            | Self::ImportMermaid
            | Self::ExportAgain
            | Self::Quit => Menu::File,
            Self::Undo
            | Self::Redo
            | Self::Copy
            | Self::Paste
            | Self::Duplicate
            | Self::Delete
            | Self::Rename
            | Self::SelectAll
            | Self::Find
            | Self::RouteThroughHub => Menu::Edit,
            Self::AddSystem | Self::NewTeam | Self::NewContract | Self::NewProcess => Menu::Insert,
            Self::Fit | Self::AutoLayout | Self::Metrics => Menu::View,
            Self::NudgeLeft
            | Self::NudgeRight
            | Self::NudgeUp
            | Self::NudgeDown
            | Self::AlignLeft
            | Self::AlignTop
            | Self::DistributeHorizontally
            | Self::DistributeVertically => Menu::Arrange,
            Self::Shortcuts | Self::About => Menu::Help,
        }
    }

    /// Its shortcuts, the first one shown in the menu.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(modifiers, key)
        }
        match self {
            Self::New => vec![keys(COMMAND, Key::N)],
            Self::Open => vec![keys(COMMAND, Key::O)],
            Self::Save => vec![keys(COMMAND, Key::S)],
            Self::SaveAs => vec![keys(COMMAND_SHIFT, Key::S)],
            Self::ExportAgain => vec![keys(COMMAND, Key::E)],
            Self::Undo => vec![keys(COMMAND, Key::Z)],
            Self::Redo => vec![keys(COMMAND_SHIFT, Key::Z), keys(COMMAND, Key::Y)],
            Self::Copy => vec![keys(COMMAND, Key::C)],
            Self::Paste => vec![keys(COMMAND, Key::V)],
            Self::Duplicate => vec![keys(COMMAND, Key::D)],
            Self::Delete => vec![keys(Modifiers::NONE, Key::Delete)],
            Self::Rename => vec![keys(Modifiers::NONE, Key::F2)],
            Self::SelectAll => vec![keys(COMMAND, Key::A)],
            Self::Find => vec![keys(COMMAND, Key::F)],
            Self::Fit => vec![keys(Modifiers::NONE, Key::F)],
            Self::Shortcuts => vec![keys(Modifiers::NONE, Key::F1)],
            Self::NudgeLeft => vec![keys(Modifiers::NONE, Key::ArrowLeft)],
            Self::NudgeRight => vec![keys(Modifiers::NONE, Key::ArrowRight)],
            Self::NudgeUp => vec![keys(Modifiers::NONE, Key::ArrowUp)],
            Self::NudgeDown => vec![keys(Modifiers::NONE, Key::ArrowDown)],
            Self::OpenExample
            | Self::ImportMermaid
            | Self::Quit
            | Self::AddSystem
            | Self::RouteThroughHub
            | Self::NewTeam
            | Self::NewContract
            | Self::NewProcess
            | Self::AutoLayout
            | Self::Metrics
            | Self::AlignLeft
            | Self::AlignTop
            | Self::DistributeHorizontally
            | Self::DistributeVertically
            | Self::About => Vec::new(),
        }
    }

    /// Where its shortcuts fire. Select all, copy and paste belong to a focused text field
    /// while one has the focus, so they fire only on the canvas.
    pub fn scope(self) -> KeyScope {
        let plain = self
            .shortcuts()
            .iter()
            .all(|s| s.modifiers == Modifiers::NONE);
        let text_editing = matches!(
            self,
            Self::SelectAll | Self::Copy | Self::Paste | Self::Duplicate
        );
        if plain || text_editing {
            KeyScope::Canvas
        } else {
            KeyScope::Anywhere
        }
    }

    /// Whether it can run now.
    pub fn enabled(self, state: &ActionState) -> bool {
        match self {
            Self::Undo => state.can_undo,
            Self::Redo => state.can_redo,
            Self::Copy | Self::Duplicate | Self::Delete => state.has_selection,
            Self::Paste => state.can_paste,
            Self::Rename => state.single_selection,
            Self::NudgeLeft | Self::NudgeRight | Self::NudgeUp | Self::NudgeDown => state.can_nudge,
            Self::AlignLeft
            | Self::AlignTop
            | Self::DistributeHorizontally
            | Self::DistributeVertically => state.can_arrange,
            _ => true,
        }
    }

    /// The command it pushes.
    pub fn command(self) -> Command {
        match self {
            Self::New => Command::New,
            Self::Open => Command::Open,
            Self::OpenExample => Command::OpenExample,
            Self::Save => Command::Save,
            Self::SaveAs => Command::SaveAs,
            Self::ImportMermaid => Command::ImportMermaid,
            Self::ExportAgain => Command::ExportAgain,
            Self::Quit => Command::Quit,
            Self::Undo => Command::Undo,
            Self::Redo => Command::Redo,
            Self::Copy => Command::Copy,
            Self::Paste => Command::Paste,
            Self::Duplicate => Command::Duplicate,
            Self::Delete => Command::DeleteSelection,
            Self::Rename => Command::Rename,
            Self::SelectAll => Command::SelectAll,
            Self::Find => Command::Find,
            Self::AddSystem => Command::AddSystem(None),
            Self::RouteThroughHub => Command::RouteThroughHub,
            Self::NewTeam => Command::Create(NewItem::Team),
            Self::NewContract => Command::Create(NewItem::Contract),
            Self::NewProcess => Command::Create(NewItem::Process),
            Self::Fit => Command::Fit,
            Self::AutoLayout => Command::AutoLayout,
            Self::Metrics => Command::ToggleMetrics,
            Self::NudgeLeft => nudge(-NUDGE_STEP, 0.0),
            Self::NudgeRight => nudge(NUDGE_STEP, 0.0),
            Self::NudgeUp => nudge(0.0, -NUDGE_STEP),
            Self::NudgeDown => nudge(0.0, NUDGE_STEP),
            Self::AlignLeft => Command::Arrange(Arrangement::AlignLeft),
            Self::AlignTop => Command::Arrange(Arrangement::AlignTop),
            Self::DistributeHorizontally => Command::Arrange(Arrangement::DistributeHorizontally),
            Self::DistributeVertically => Command::Arrange(Arrangement::DistributeVertically),
            Self::Shortcuts => Command::ShowShortcuts,
            Self::About => Command::ShowAbout,
        }
    }

    /// Its shortcuts as text ("Ctrl+Shift+Z, Ctrl+Y"), empty when it has none.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn nudge(dx: f32, dy: f32) -> Command {
    Command::Arrange(Arrangement::Nudge { dx, dy })
}

/// The commands of the shortcuts pressed this frame. Shortcuts with more modifiers are checked
/// first, so Ctrl+Shift+Z is not taken for Ctrl+Z.
pub fn pressed_commands(
    ctx: &egui::Context,
    state: &ActionState,
    canvas_has_keys: bool,
) -> Vec<Command> {
    let mut bindings: Vec<(KeyboardShortcut, Action)> = Action::ALL
        .iter()
        .flat_map(|a| a.shortcuts().into_iter().map(move |s| (s, *a)))
        .collect();
    bindings.sort_by_key(|(s, _)| {
        std::cmp::Reverse(u8::from(s.modifiers.shift) + u8::from(s.modifiers.alt))
    });
    let mut commands = Vec::new();
    for (shortcut, action) in bindings {
        if action.scope() == KeyScope::Canvas && !canvas_has_keys {
            continue;
        }
        // A disabled action leaves its keys to others (the arrows step the simulation's story).
        if action.enabled(state) && ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
            commands.push(action.command());
        }
    }
    commands
}

/// A menu entry for `action`: its text (or `label` when given), its shortcut, greyed out when
/// disabled; pushes the action's command when clicked.
pub fn action_button(
    ui: &mut egui::Ui,
    action: Action,
    label: Option<String>,
    state: &ActionState,
    commands: &mut Vec<Command>,
) {
    let text = label.unwrap_or_else(|| action.text().to_owned());
    let keys = action.shortcut_text(ui.ctx());
    let mut button = egui::Button::new(text);
    if !keys.is_empty() {
        button = button.shortcut_text(keys);
    }
    if ui.add_enabled(action.enabled(state), button).clicked() {
        commands.push(action.command());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen: Vec<KeyboardShortcut> = Vec::new();
        for action in Action::ALL {
            for shortcut in action.shortcuts() {
                assert!(!seen.contains(&shortcut), "{action:?} reuses {shortcut:?}");
                seen.push(shortcut);
            }
        }
    }

    #[test]
    fn plain_keys_never_fire_in_text_fields() {
        assert_eq!(Action::Delete.scope(), KeyScope::Canvas);
        assert_eq!(Action::Fit.scope(), KeyScope::Canvas);
        assert_eq!(Action::Save.scope(), KeyScope::Anywhere);
        assert!(!Action::Undo.enabled(&ActionState::default()));
        assert!(Action::Save.enabled(&ActionState::default()));
    }
}
