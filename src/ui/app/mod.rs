//! The designer application: owns the document, its history, the view state and the caches, and
//! runs one frame as architecture.md describes — read input and draw (pushing commands), then
//! apply the commands (edits through `History`, file operations, view changes).

pub mod commands;
mod run;
mod tool_commands;

use std::path::PathBuf;

use crate::edit::History;
use crate::model::{Finding, Landscape};

use super::autosave::Autosave;
use super::canvas::Canvas;
use super::dialogs::Dialog;
use super::file_picker::{FilePicker, NativePicker, Picked};
use super::notifications::Notifications;
use super::path_prompt::{PathPrompt, PathPurpose};
use super::preferences::{Preferences, STORAGE_KEY};
use super::view_state::ViewState;
use commands::Command;

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
    /// The document being edited.
    pub landscape: Landscape,
    /// Its undo/redo history and revision.
    pub history: History,
    /// Selection, camera and other view state.
    pub view: ViewState,
    /// The file the document is saved in.
    pub path: Option<PathBuf>,
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
            landscape: options.landscape,
            history: History::new_saved(),
            view,
            path: options.path,
            preferences,
            notifications: Notifications::default(),
            canvas: Canvas::default(),
            dialog,
            path_prompt: None,
            tools: super::tools::ToolWindows::default(),
            picker: options.picker,
            autosave,
            pending: Vec::new(),
            findings: (None, Vec::new()),
            shown_title: String::new(),
            applied_theme: None,
            close_confirmed: false,
        }
    }

    /// Queues a command to run at the end of the frame.
    pub fn push(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// The validation and lint findings of the current revision, errors first.
    pub fn findings(&mut self) -> &[Finding] {
        let revision = self.history.revision();
        if self.findings.0 != Some(revision) {
            let mut all = crate::model::validate(&self.landscape);
            all.extend(crate::analysis::lint::lint(&self.landscape));
            // Errors first, then warnings, then notes; each kind in its rules' order.
            all.sort_by_key(|finding| std::cmp::Reverse(finding.severity));
            self.findings = (Some(revision), all);
        }
        &self.findings.1
    }

    /// The window title: document name, file name and an unsaved marker.
    pub fn title(&self) -> String {
        let name = if self.landscape.name.is_empty() {
            "Untitled"
        } else {
            self.landscape.name.as_str()
        };
        let file = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|f| format!(" — {}", f.to_string_lossy()))
            .unwrap_or_default();
        let marker = if self.history.has_unsaved_changes() {
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

    /// A new document replaces the current one.
    pub(crate) fn replace_document(&mut self, landscape: Landscape, path: Option<PathBuf>) {
        self.landscape = landscape;
        self.history = History::new_saved();
        self.path = path;
        self.view.selection.clear();
        self.view.fit_requested = true;
        self.canvas.invalidate();
        self.autosave.clear();
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
            && self.history.has_unsaved_changes()
            && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.push(Command::Quit);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.canvas
            .refresh(&self.landscape, self.history.revision());
        super::panels::frame_ui(self, ui);
        let ctx = ui.ctx().clone();
        self.dialog_ui(&ctx);
        if let Some(command) = super::path_prompt::path_prompt_ui(&mut self.path_prompt, &ctx) {
            self.push(command);
        }
        super::tools::tools_ui(self, &ctx);
        self.notifications.ui(&ctx);
        self.run_pending(&ctx);
        self.after_frame(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.preferences);
    }
}
