//! One entry for the designer: imports a file's text by its extension (`.drawio`/`.xml` draw.io,
//! `.dsl` refused with the reason, anything else Mermaid). A file that cannot be read at all is
//! an error diagnostic (`E23`) and an empty landscape, so the diagnostics report shows it.
//!
//! Depends on `model`, `export::output` and `import::{codes, drawio, mermaid}`.

use crate::export::Diagnostic;
use crate::model::Landscape;

use super::codes;
use super::drawio::{DrawioError, import_drawio};
use super::mermaid::import_mermaid;

/// What kind of diagram a file holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagramFormat {
    Mermaid,
    Drawio,
    /// Structurizr DSL: exported, not imported.
    Structurizr,
}

impl DiagramFormat {
    /// The format of a file extension (case-insensitive); Mermaid for anything unknown.
    pub fn from_extension(extension: &str) -> Self {
        match extension.to_ascii_lowercase().as_str() {
            "drawio" | "xml" => Self::Drawio,
            "dsl" => Self::Structurizr,
            _ => Self::Mermaid,
        }
    }

    /// Whether a dropped file of this extension is a diagram to import.
    pub fn is_diagram_extension(extension: &str) -> bool {
        matches!(
            extension.to_ascii_lowercase().as_str(),
            "mmd" | "mermaid" | "drawio" | "dsl"
        )
    }
}

/// Imports `text` as `format`; never fails (an unreadable file is an `E23` diagnostic).
pub fn import_diagram(format: DiagramFormat, text: &str) -> (Landscape, Vec<Diagnostic>) {
    match format {
        DiagramFormat::Mermaid => import_mermaid(text),
        DiagramFormat::Drawio => import_drawio(text).unwrap_or_else(|error| {
            let line = match &error {
                DrawioError::Xml { line, .. } => *line as usize,
                _ => 1,
            };
            unreadable(line, error.to_string())
        }),
        DiagramFormat::Structurizr => unreadable(
            1,
            "Structurizr DSL is only exported (File > Export > Structurizr DSL); import the draw.io or Mermaid version of the diagram".to_owned(),
        ),
    }
}

fn unreadable(line: usize, message: String) -> (Landscape, Vec<Diagnostic>) {
    (
        Landscape::default(),
        vec![Diagnostic {
            code: codes::UNREADABLE,
            flow: None,
            line: Some(line),
            message,
        }],
    )
}
