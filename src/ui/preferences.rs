//! Preferences persisted in eframe storage (not in the document): recent files, theme, colour
//! mode, which panels are shown and the last export folder. Window size is persisted by eframe itself.

use std::path::PathBuf;

use super::theme::{ColourMode, ThemeChoice};

/// The eframe storage key.
pub const STORAGE_KEY: &str = "switchboard.preferences";
const MAX_RECENT: usize = 8;

/// The user's preferences.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub recent_files: Vec<PathBuf>,
    pub theme: ThemeChoice,
    pub colour_mode: ColourMode,
    pub show_outline: bool,
    pub show_inspector: bool,
    pub show_findings: bool,
    /// The folder of the last export, where the next export's folder dialog starts.
    pub last_export_folder: Option<PathBuf>,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            recent_files: Vec::new(),
            theme: ThemeChoice::default(),
            colour_mode: ColourMode::default(),
            show_outline: true,
            show_inspector: true,
            show_findings: true,
            last_export_folder: None,
        }
    }
}

impl Preferences {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT);
    }
}
