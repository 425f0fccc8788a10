//! RON load and save: versioned envelope, migrations, atomic saves, backups and autosave.
//!
//! Depends on `model` only.

use std::path::Path;

use crate::model::Landscape;

/// An error reading or writing a document.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: {message}")]
    Unreadable { path: String, message: String },
}

/// Loads a landscape from a `.ron` or `.json` file.
pub fn load_path(path: &Path) -> Result<Landscape, FileError> {
    let text = std::fs::read_to_string(path).map_err(|e| FileError::Unreadable {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    ron::from_str(&text).map_err(|e| FileError::Unreadable {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}
