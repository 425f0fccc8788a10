//! The diagnostic codes of the importers and their severity. The first letter of a code is its
//! severity: `E` error, `W` warning, `I` information.
//!
//! Depends on `model` only.

use crate::model::Severity;

/// The first statement is not a `graph`/`flowchart` header (error).
pub const MISSING_HEADER: &str = "E20";
/// A line the importer does not understand: a broken shape or link, a keyword as node id, …
/// (error).
pub const UNSUPPORTED: &str = "E21";
/// More diagnostics than are kept; this one counts the rest (error).
pub const TOO_MANY: &str = "E22";
/// A node is declared again with a different label; the first wins (warning).
pub const LABEL_CONFLICT: &str = "W20";
/// An edge label ends in a schedule of the §1.5 shape with impossible values (warning).
pub const BAD_SCHEDULE: &str = "W21";
/// A file that is not a diagram of its format at all (error).
pub const UNREADABLE: &str = "E23";
/// `end` without a subgraph, or a subgraph never closed (warning).
pub const SUBGRAPH_UNBALANCED: &str = "W22";
/// A draw.io edge not connected to shapes at both ends (warning).
pub const DRAWIO_DANGLING_EDGE: &str = "W24";
/// A flow whose schedule (and maybe dataset) was defaulted (information).
pub const DEFAULTED_FLOW: &str = "I20";
/// A styling, interaction or directive line (`classDef`, `style`, `click`, `%%{init}%%`, front
/// matter, `:::class`) read and ignored (information).
pub const IGNORED: &str = "I21";
/// A link that is not a flow: invisible (`~~~`), to or from a subgraph, from a business
/// process (information).
pub const LINK_NOT_A_FLOW: &str = "I22";
/// A link without a direction (`---`) read left to right, or one with heads at both ends
/// (`<-->`) read as two flows (information).
pub const LINK_DIRECTION_READ: &str = "I23";
/// A draw.io text shape (a note), skipped (information).
pub const DRAWIO_SKIPPED: &str = "I24";

/// The severity of a diagnostic code: by its first letter.
pub fn severity(code: &str) -> Severity {
    match code.as_bytes().first() {
        Some(b'I') => Severity::Info,
        Some(b'W') => Severity::Warning,
        _ => Severity::Error,
    }
}
