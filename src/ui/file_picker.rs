//! Choosing files to open and save and folders to export into: native dialogs (rfd; on Linux an
//! XDG portal or zenity), or a scripted picker in tests.

use std::path::{Path, PathBuf};

/// What kind of file is being opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A Switchboard landscape (`.ron` or `.json`).
    Landscape,
    /// A Mermaid flowchart to import (`.mmd`, `.mermaid`, or Markdown holding one).
    Mermaid,
}

/// Asks the user for file paths.
pub trait FilePicker {
    /// A file of `kind` to open, or `None` when cancelled.
    fn open(&mut self, kind: FileKind) -> Option<PathBuf>;
    /// Where to save a landscape, or `None` when cancelled.
    fn save(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// A folder to write exported files into, starting in `start`; `None` when cancelled.
    fn folder(&mut self, title: &str, start: Option<&Path>) -> Option<PathBuf>;
}

/// Native dialogs through rfd.
#[derive(Debug, Default)]
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn open(&mut self, kind: FileKind) -> Option<PathBuf> {
        let dialog = rfd::FileDialog::new();
        match kind {
            FileKind::Landscape => dialog.add_filter("Switchboard landscape", &["ron", "json"]),
            FileKind::Mermaid => dialog
                .set_title("Import Mermaid flowchart")
                .add_filter("Mermaid flowchart", &["mmd", "mermaid", "md", "txt"]),
        }
        .pick_file()
    }

    fn save(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Switchboard landscape", &["ron"])
            .set_file_name(suggested_name)
            .save_file()
    }

    fn folder(&mut self, title: &str, start: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title(title);
        if let Some(start) = start {
            dialog = dialog.set_directory(start);
        }
        dialog.pick_folder()
    }
}

/// A picker returning prepared answers (for tests).
#[derive(Debug, Default)]
pub struct ScriptedPicker {
    /// Answers to `open`, first first.
    pub opens: Vec<PathBuf>,
    /// Answers to `save`, first first.
    pub saves: Vec<PathBuf>,
    /// Answers to `folder`, first first.
    pub folders: Vec<PathBuf>,
}

impl FilePicker for ScriptedPicker {
    fn open(&mut self, _kind: FileKind) -> Option<PathBuf> {
        (!self.opens.is_empty()).then(|| self.opens.remove(0))
    }

    fn save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        (!self.saves.is_empty()).then(|| self.saves.remove(0))
    }

    fn folder(&mut self, _title: &str, _start: Option<&Path>) -> Option<PathBuf> {
        (!self.folders.is_empty()).then(|| self.folders.remove(0))
    }
}
