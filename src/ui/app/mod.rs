//! The designer application: owns the document, its history, the view state and the caches, and
//! runs one frame as architecture.md describes — read input and draw (pushing commands), then
//! apply the commands (edits through `History`, file operations, view changes).

mod document_state;
mod edits;
mod frame;
mod run;
mod tool_commands;

/// The commands, at their old path (`ui::app::commands`) too.
pub use crate::ui::commands;

use std::path::PathBuf;

use crate::edit::History;
use crate::model::{Finding, Landscape};

use crate::ui::actions::ActionState;
use crate::ui::autosave::Autosave;
use crate::ui::canvas::Canvas;
use crate::ui::commands::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::document::{Document, Saved};
use crate::ui::file_picker::{FilePicker, NativePicker, Picked};
use crate::ui::notifications::Notifications;
use crate::ui::path_prompt::{PathPrompt, PathPurpose};
use crate::ui::preferences::{Preferences, STORAGE_KEY};
use crate::ui::view_state::ViewState;

/// How the app starts.
pub struct StartOptions {
    /// The document to show.
    pub landscape: Landscape,
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Where to autosave; `None` disables autosave and recovery.
    pub autosave_folder: Option<PathBuf>,
    /// How files are chosen.
    pub picker: Box<dyn FilePicker>,
}

impl StartOptions {
    /// Start options for a document without autosave and with native dialogs.
    pub fn new(landscape: Landscape) -> Self {
        Self {
            landscape,
            path: None,
            autosave_folder: None,
            picker: Box::new(NativePicker),
        }
    }
}

/// The designer.
pub struct DesignerApp {
    /// The document being edited: landscape, history and file.
    pub document: Document,
    /// Selection, camera and other view state.
    pub view: ViewState,
    pub preferences: Preferences,
    pub notifications: Notifications,
    /// The canvas widget and its cached scene.
    pub canvas: Canvas,
    pub(crate) dialog: Option<Dialog>,
    /// The path typed in when no native file dialog can be shown.
    pub path_prompt: Option<PathPrompt>,
    /// The tool windows (route through hub, metrics, export).
    pub tools: super::tools::ToolWindows,
    pub(crate) picker: Box<dyn FilePicker>,
    pub(crate) autosave: Autosave,
    pending: Vec<Command>,
    /// Where the simulation panel was drawn last frame (notifications keep clear of it).
    simulation_rect: Option<egui::Rect>,
    findings: (Option<u64>, Vec<Finding>),
    shown_title: String,
    applied_theme: Option<super::theme::ThemeChoice>,
    close_confirmed: bool,
}

impl DesignerApp {
    /// Builds the app; reads preferences from eframe storage when there is one.
    pub fn new(options: StartOptions, storage: Option<&dyn eframe::Storage>) -> Self {
        let preferences = storage
            .and_then(|s| eframe::get_value::<Preferences>(s, STORAGE_KEY))
            .unwrap_or_default();
        let autosave = Autosave::new(options.autosave_folder, options.path.as_deref());
        let dialog = autosave.recoverable().map(|l| Dialog::Recover(Box::new(l)));
        let view = ViewState {
            fit_requested: true,
            ..ViewState::default()
        };
        Self {
            document: Document::new(options.landscape, options.path, Saved::Yes),
            view,
            preferences,
            notifications: Notifications::default(),
            canvas: Canvas::default(),
            dialog,
            path_prompt: None,
            tools: super::tools::ToolWindows::default(),
            picker: options.picker,
            autosave,
            pending: Vec::new(),
            simulation_rect: None,
            findings: (None, Vec::new()),
            shown_title: String::new(),
            applied_theme: None,
            close_confirmed: false,
        }
    }

    /// The landscape being edited.
    pub fn landscape(&self) -> &Landscape {
        self.document.landscape()
    }

    /// Its undo history.
    pub fn history(&self) -> &History {
        self.document.history()
    }

    /// The file the document is saved in.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.document.path.as_deref()
    }

    /// Where the simulation panel was drawn in the last frame, while it is open.
    pub fn simulation_panel_rect(&self) -> Option<egui::Rect> {
        self.simulation_rect
    }

    /// What the actions' enabled state depends on.
    pub fn action_state(&self) -> ActionState {
        let nodes = self
            .view
            .selection
            .iter()
            .filter(|i| {
                matches!(
                    i,
                    crate::ui::view_state::Item::System(_)
                        | crate::ui::view_state::Item::Process(_)
                )
            })
            .count();
        ActionState {
            can_undo: self.history().undo_description().is_some(),
            can_redo: self.history().redo_description().is_some(),
            has_selection: !self.view.selection.is_empty(),
            single_selection: self.view.single().is_some(),
            can_paste: !self.view.clipboard.is_empty(),
            can_nudge: nodes > 0 && !self.view.simulation.open,
            can_arrange: nodes > 1,
        }
    }

    /// Queues a command to run at the end of the frame.
    pub fn push(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// The validation and lint findings of the current revision, errors first.
    pub fn findings(&mut self) -> &[Finding] {
        let revision = self.document.revision();
        if self.findings.0 != Some(revision) {
            let mut all = crate::model::validate(self.landscape());
            all.extend(crate::analysis::lint::lint(self.landscape()));
            // Errors first, then warnings, then notes; each kind in its rules' order.
            all.sort_by_key(|finding| std::cmp::Reverse(finding.severity));
            self.findings = (Some(revision), all);
        }
        &self.findings.1
    }

    /// The window title: document name, file name and an unsaved marker.
    pub fn title(&self) -> String {
        let name = if self.landscape().name.is_empty() {
            "Untitled"
        } else {
            self.landscape().name.as_str()
        };
        let file = self
            .path()
            .and_then(|p| p.file_name())
            .map(|f| format!(" — {}", f.to_string_lossy()))
            .unwrap_or_default();
        let marker = if self.document.has_unsaved_changes() {
            "● "
        } else {
            ""
        };
        format!("{marker}{name}{file} · Switchboard")
    }

    /// The path of a file dialog's answer; when no dialog could be shown, opens the path prompt
    /// for `purpose` (prefilled with `initial`), whose answer continues the action later.
    pub(crate) fn picked(
        &mut self,
        picked: Picked,
        purpose: PathPurpose,
        initial: String,
    ) -> Option<PathBuf> {
        match picked {
            Picked::Path(path) => Some(path),
            Picked::Cancelled => None,
            Picked::Unavailable(reason) => {
                self.path_prompt = Some(PathPrompt::new(purpose, reason, initial));
                None
            }
        }
    }
}

impl eframe::App for DesignerApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.applied_theme != Some(self.preferences.theme) {
            self.preferences.theme.apply(ctx);
            self.applied_theme = Some(self.preferences.theme);
        }
        self.read_shortcuts(ctx);
        self.read_dropped_files(ctx);
        self.view.simulation.poll();
        if ctx.input(|i| i.viewport().close_requested())
            && self.document.has_unsaved_changes()
            && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.push(Command::Quit);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.preferences);
    }
}
