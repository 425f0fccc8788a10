//! Image export of the canvas as SVG and PNG: the landscape as the designer draws it.
//!
//! Depends on `model` and `export::output`.

use crate::model::Landscape;

use super::output::{Diagnostic, ExportOutput};

/// Draws the landscape as `image/landscape.svg`.
pub fn export_svg(_landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    Err(not_yet("SVG"))
}

/// Draws the landscape as `image/landscape.png`.
pub fn export_png(_landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    Err(not_yet("PNG"))
}

fn not_yet(what: &str) -> Vec<Diagnostic> {
    vec![Diagnostic {
        code: "E00",
        flow: None,
        line: None,
        message: format!("the {what} export is not yet implemented"),
    }]
}
