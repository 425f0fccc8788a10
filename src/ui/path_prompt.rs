//! Typing a path when no native file dialog can be shown (a minimal Linux desktop without an
//! XDG portal or zenity): a small modal that says why, takes the path, checks it, and continues
//! the action the dialog was for.

use std::path::PathBuf;

use egui::RichText;

use super::commands::Command;
use super::theme::ERROR_TEXT;

/// What the path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    /// A landscape to open.
    Open,
    /// A Mermaid flowchart to import.
    ImportMermaid,
    /// Where to save the landscape.
    SaveAs,
    /// The folder to write an export into.
    ExportFolder,
}

impl PathPurpose {
    fn question(self) -> &'static str {
        match self {
            Self::Open => "Path of the landscape to open (.ron or .json):",
            Self::ImportMermaid => "Path of the Mermaid flowchart to import:",
            Self::SaveAs => "Save the landscape as (.ron or .json):",
            Self::ExportFolder => "Folder to write the export into (created if missing):",
        }
    }

    /// The command that continues the action with `path`.
    fn command(self, path: PathBuf) -> Command {
        match self {
            // The unsaved-changes question was answered before the dialog was asked for.
            Self::Open => Command::Discarding(Box::new(Command::OpenPath(path))),
            Self::ImportMermaid => Command::ImportMermaidFrom(path),
            Self::SaveAs => Command::SaveTo(path),
            Self::ExportFolder => Command::WriteExportInto(path),
        }
    }

    /// Why `path` cannot be used, if it cannot.
    fn problem(self, path: &std::path::Path) -> Option<String> {
        match self {
            Self::Open | Self::ImportMermaid if !path.is_file() => {
                Some(format!("{} is not a file", path.display()))
            }
            Self::SaveAs
                if !path.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("ron") || e.eq_ignore_ascii_case("json")
                }) =>
            {
                Some("the name must end in .ron or .json".to_owned())
            }
            Self::ExportFolder if path.is_file() => {
                Some(format!("{} is a file, not a folder", path.display()))
            }
            _ => None,
        }
    }
}

/// The open prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPrompt {
    pub purpose: PathPurpose,
    /// Why the native dialog could not be shown.
    pub reason: String,
    /// The path as typed.
    pub text: String,
    /// Whether the text field has been given the keyboard focus (once, on opening).
    focused: bool,
}

impl PathPrompt {
    /// A prompt for `purpose`, prefilled with `initial`.
    pub fn new(purpose: PathPurpose, reason: String, initial: String) -> Self {
        Self {
            purpose,
            reason,
            text: initial,
            focused: false,
        }
    }

    /// The typed path with a leading `~/` expanded to the home folder.
    pub fn path(&self) -> PathBuf {
        let text = self.text.trim();
        match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
            _ => PathBuf::from(text),
        }
    }
}

/// Draws the prompt; returns the command to run when the user confirms a usable path, and
/// clears the prompt on confirm or cancel.
pub fn path_prompt_ui(prompt: &mut Option<PathPrompt>, ctx: &egui::Context) -> Option<Command> {
    let shown = prompt.as_mut()?;
    let mut close = false;
    let mut chosen = None;
    let modal = egui::Modal::new(egui::Id::new("path_prompt")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("Type a path");
        ui.weak(&shown.reason);
        let label = ui.label(shown.purpose.question());
        let edit = ui
            .add(egui::TextEdit::singleline(&mut shown.text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if !shown.focused {
            edit.request_focus();
            shown.focused = true;
        }
        let path = shown.path();
        let problem = if shown.text.trim().is_empty() {
            Some(String::new())
        } else {
            shown.purpose.problem(&path)
        };
        if let Some(problem) = problem.as_deref().filter(|p| !p.is_empty()) {
            ui.label(RichText::new(problem).color(ERROR_TEXT));
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(problem.is_none(), egui::Button::new("OK"));
            if (ok.clicked() || entered) && problem.is_none() {
                close = true;
                chosen = Some(shown.purpose.command(path.clone()));
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        *prompt = None;
    }
    chosen
}
