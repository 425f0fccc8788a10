//! Mermaid flowchart export (`exports.md` §5.1).
//!
//! Depends on `model` and `export::output`.

use crate::model::Landscape;

use super::output::{Diagnostic, ExportOutput};

/// Exports the landscape as `mermaid/landscape.mmd`.
pub fn export_mermaid(_landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    Err(vec![Diagnostic {
        code: "E00",
        flow: None,
        line: None,
        message: "the Mermaid export is not yet implemented".to_owned(),
    }])
}
