//! Reading documents named on the command line (RON or JSON by extension).
//!
//! Depends on `file` and `model`.

use std::path::Path;

use anyhow::Result;

use crate::file;
use crate::model::Landscape;

/// Loads the landscape at `path`; errors carry file, line and column.
pub fn load_landscape(path: &Path) -> Result<Landscape> {
    Ok(file::load_path(path)?)
}
