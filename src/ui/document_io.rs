//! Reading and writing documents for the designer, and the bundled example: a thin adapter over
//! `crate::file` that turns its errors into `anyhow` errors with context for notifications.

use std::path::Path;

use anyhow::Context as _;

use crate::model::Landscape;

/// Parses RON text (an autosave).
pub fn from_ron_str(text: &str) -> anyhow::Result<Landscape> {
    Ok(crate::file::from_ron_str(text, "autosave")?)
}

/// The bundled seafood example.
pub fn seafood_example() -> anyhow::Result<Landscape> {
    crate::file::seafood_example().context("the bundled example could not be read")
}

/// Loads a document; one whose canvas positions are not finite numbers in range is refused
/// (the canvas could not place it), with the place and the allowed range.
pub fn load(path: &Path) -> anyhow::Result<Landscape> {
    let landscape = crate::file::load_path(path)?;
    let misplaced = crate::model::ranges::range_findings(&landscape)
        .into_iter()
        .find(|f| f.field.is_some_and(|field| field.starts_with("position.")));
    if let Some(finding) = misplaced {
        anyhow::bail!(
            "{}: {} {}: {}; correct it in a text editor (`switchboard check` lists every value out of range)",
            path.display(),
            finding.entity_kind,
            finding.entity_id,
            finding.message
        );
    }
    Ok(landscape)
}

/// The document as RON text in the file format's canonical form.
pub fn to_ron_string(landscape: &Landscape) -> anyhow::Result<String> {
    Ok(crate::file::to_ron_string(landscape)?)
}

/// Saves atomically, keeping the previous version as a backup (`file::save_path`).
pub fn save(landscape: &Landscape, path: &Path) -> anyhow::Result<()> {
    crate::file::save_path(landscape, path)
        .with_context(|| format!("could not save {}", path.display()))
}
