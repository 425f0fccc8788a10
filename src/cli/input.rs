//! Reading documents named on the command line (RON or JSON by extension).
//!
//! Depends on `file` and `model`.

use std::path::Path;

use anyhow::{Result, anyhow};

use crate::file;
use crate::model::Landscape;

/// Loads the landscape at `path`; errors carry file, line and column.
pub fn load_landscape(path: &Path) -> Result<Landscape> {
    Ok(file::load_path(path)?)
}

/// A value out of its range (`model::ranges`) is refused before simulating or exporting, with
/// `file:line:column`, the item and the allowed range, as `check` reports it.
pub fn refuse_out_of_range(path: &Path, landscape: &Landscape) -> Result<()> {
    let findings: Vec<_> = crate::model::ranges::range_findings(landscape)
        .into_iter()
        .filter(|f| f.severity == crate::model::Severity::Error)
        .collect();
    let Some(first) = findings.first() else {
        return Ok(());
    };
    let text = crate::file::read_text(path).unwrap_or_default();
    let at = super::locate::locate(&text, first)
        .map(|at| format!(":{}:{}", at.line, at.column))
        .unwrap_or_default();
    Err(anyhow!(
        "{}{at}: {} {}: {}{}",
        path.display(),
        first.entity_kind,
        first.entity_id,
        first.message,
        match findings.len() {
            1 => String::new(),
            n => format!(" (and {} more; see `switchboard check`)", n - 1),
        }
    ))
}

/// The document at `path` when it is written in the reference JSON form of `docs/simulation.md`
/// §9.1 (a `.json` file without a top-level `format` key); `None` for a Switchboard document.
pub fn reference_document(path: &Path) -> Result<Option<crate::sim::Document>> {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return Ok(None);
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow!("{}: cannot read: {e}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    if value.get("format").is_some() {
        return Ok(None);
    }
    crate::sim::Document::from_json(&text)
        .map(Some)
        .map_err(|e| anyhow!("{}: {e}", path.display()))
}
