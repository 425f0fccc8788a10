//! Choosing files to open and save and folders to export into: native dialogs (rfd; on Linux an
//! XDG portal or zenity), or a scripted picker in tests. When no native dialog can be shown at
//! all, the picker says so, and the designer asks for the path in its own window instead.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What kind of file is being opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A Switchboard landscape (`.ron` or `.json`).
    Landscape,
    /// A Mermaid flowchart to import (`.mmd`, `.mermaid`, or Markdown holding one).
    Mermaid,
}

/// The answer of a file dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this path.
    Path(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown; the text says why and what to install.
    Unavailable(String),
}

/// Asks the user for file paths.
pub trait FilePicker {
    /// A file of `kind` to open.
    fn open(&mut self, kind: FileKind) -> Picked;
    /// Where to save a landscape.
    fn save(&mut self, suggested_name: &str) -> Picked;
    /// A folder to write exported files into, starting in `start`.
    fn folder(&mut self, title: &str, start: Option<&Path>) -> Picked;
}

/// Native dialogs through rfd.
#[derive(Debug, Default)]
pub struct NativePicker;

/// A person cannot close a dialog faster than this; a "cancel" that quick means no dialog was
/// shown (rfd reports a missing portal and a missing zenity as a cancel).
const FASTEST_HUMAN_CANCEL: Duration = Duration::from_millis(150);

impl NativePicker {
    fn answer(started: Instant, path: Option<PathBuf>) -> Picked {
        match path {
            Some(path) => Picked::Path(path),
            None if started.elapsed() < FASTEST_HUMAN_CANCEL && !zenity_installed() => {
                Picked::Unavailable(
                    "no file dialog could be shown: neither an XDG desktop portal nor zenity is \
                     available (install xdg-desktop-portal or zenity)"
                        .to_owned(),
                )
            }
            None => Picked::Cancelled,
        }
    }
}

/// Whether `zenity`, rfd's fallback on Linux, is on the `PATH`.
fn zenity_installed() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|folder| folder.join("zenity").is_file())
    })
}

impl FilePicker for NativePicker {
    fn open(&mut self, kind: FileKind) -> Picked {
        let started = Instant::now();
        let dialog = rfd::FileDialog::new();
        let path = match kind {
            FileKind::Landscape => dialog.add_filter("Switchboard landscape", &["ron", "json"]),
            FileKind::Mermaid => dialog
                .set_title("Import a diagram")
                .add_filter("Mermaid flowchart", &["mmd", "mermaid", "md", "txt"])
                .add_filter("draw.io diagram", &["drawio", "xml"]),
        }
        .pick_file();
        Self::answer(started, path)
    }

    fn save(&mut self, suggested_name: &str) -> Picked {
        let started = Instant::now();
        let path = rfd::FileDialog::new()
            .add_filter("Switchboard landscape", &["ron"])
            .set_file_name(suggested_name)
            .save_file();
        Self::answer(started, path)
    }

    fn folder(&mut self, title: &str, start: Option<&Path>) -> Picked {
        let started = Instant::now();
        let mut dialog = rfd::FileDialog::new().set_title(title);
        if let Some(start) = start {
            dialog = dialog.set_directory(start);
        }
        Self::answer(started, dialog.pick_folder())
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
    /// With no answer left: report no dialog available (true) or a cancel (false).
    pub unavailable: bool,
}

impl ScriptedPicker {
    fn next(&self, answers: &mut Vec<PathBuf>) -> Picked {
        if !answers.is_empty() {
            Picked::Path(answers.remove(0))
        } else if self.unavailable {
            Picked::Unavailable("no file dialog in this test".to_owned())
        } else {
            Picked::Cancelled
        }
    }
}

impl FilePicker for ScriptedPicker {
    fn open(&mut self, _kind: FileKind) -> Picked {
        let mut answers = std::mem::take(&mut self.opens);
        let picked = self.next(&mut answers);
        self.opens = answers;
        picked
    }

    fn save(&mut self, _suggested_name: &str) -> Picked {
        let mut answers = std::mem::take(&mut self.saves);
        let picked = self.next(&mut answers);
        self.saves = answers;
        picked
    }

    fn folder(&mut self, _title: &str, _start: Option<&Path>) -> Picked {
        let mut answers = std::mem::take(&mut self.folders);
        let picked = self.next(&mut answers);
        self.folders = answers;
        picked
    }
}
