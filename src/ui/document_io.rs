//! Reading and writing documents for the designer, and the bundled example: a thin adapter over
//! `crate::file` (versioned RON, migrations, atomic saves with `.bak` backups) that turns its
//! errors into `anyhow` errors for notifications.

use std::path::Path;

use crate::file;
use crate::model::Landscape;

/// The bundled seafood example as RON text.
pub const SEAFOOD_EXAMPLE: &str = file::SEAFOOD_EXAMPLE;

/// Parses RON text (an autosave).
pub fn from_ron_str(text: &str) -> anyhow::Result<Landscape> {
    Ok(file::from_ron_str(text, "autosave")?)
}

/// The bundled seafood example.
pub fn seafood_example() -> anyhow::Result<Landscape> {
    Ok(file::seafood_example()?)
}

/// Loads a document.
pub fn load(path: &Path) -> anyhow::Result<Landscape> {
    Ok(file::load_path(path)?)
}

/// The document as RON text.
pub fn to_ron_string(landscape: &Landscape) -> anyhow::Result<String> {
    Ok(file::to_ron_string(landscape)?)
}

/// Saves atomically in the encoding of the path's extension, keeping the previous version as
/// `NAME.bak`.
pub fn save(landscape: &Landscape, path: &Path) -> anyhow::Result<()> {
    Ok(file::save_path(landscape, path)?)
}
