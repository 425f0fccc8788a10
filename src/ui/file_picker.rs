//! Choosing files to open and save: native dialogs (rfd; on Linux an XDG portal or zenity), or a
//! scripted picker in tests.

use std::path::PathBuf;

/// Asks the user for file paths.
pub trait FilePicker {
    /// A document to open, or `None` when cancelled.
    fn open(&mut self) -> Option<PathBuf>;
    /// Where to save, or `None` when cancelled.
    fn save(&mut self, suggested_name: &str) -> Option<PathBuf>;
}

/// Native dialogs through rfd.
#[derive(Debug, Default)]
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Switchboard landscape", &["ron", "json"])
            .pick_file()
    }

    fn save(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Switchboard landscape", &["ron"])
            .set_file_name(suggested_name)
            .save_file()
    }
}

/// A picker returning prepared answers (for tests).
#[derive(Debug, Default)]
pub struct ScriptedPicker {
    /// Answers to `open`, first first.
    pub opens: Vec<PathBuf>,
    /// Answers to `save`, first first.
    pub saves: Vec<PathBuf>,
}

impl FilePicker for ScriptedPicker {
    fn open(&mut self) -> Option<PathBuf> {
        (!self.opens.is_empty()).then(|| self.opens.remove(0))
    }

    fn save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        (!self.saves.is_empty()).then(|| self.saves.remove(0))
    }
}
