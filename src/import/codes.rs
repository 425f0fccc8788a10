//! The diagnostic codes of the importers and their severity. The first letter of a code is its
//! severity: `E` error, `W` warning, `I` information.
//!
//! Depends on `model` only.

use crate::model::Severity;

/// The first statement is not a `graph`/`flowchart` header (error).
pub const MISSING_HEADER: &str = "E20";
/// A line the importer does not understand: other arrows, shapes, `subgraph`, `style`, … (error).
pub const UNSUPPORTED: &str = "E21";
/// More diagnostics than are kept; this one counts the rest (error).
pub const TOO_MANY: &str = "E22";
/// A node is declared again with a different label; the first wins (warning).
pub const LABEL_CONFLICT: &str = "W20";
/// An edge label ends in a schedule of the §1.5 shape with impossible values (warning).
pub const BAD_SCHEDULE: &str = "W21";
/// A flow whose schedule (and maybe dataset) was defaulted (information).
pub const DEFAULTED_FLOW: &str = "I20";

/// The severity of a diagnostic code: by its first letter.
pub fn severity(code: &str) -> Severity {
    match code.as_bytes().first() {
        Some(b'I') => Severity::Info,
        Some(b'W') => Severity::Warning,
        _ => Severity::Error,
    }
}
