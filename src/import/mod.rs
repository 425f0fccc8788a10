//! Imports into a landscape: Mermaid flowcharts (`exports.md` §5.2).
//!
//! Depends on `model`, `analysis::layout` (positions of the imported systems) and the shared
//! Mermaid text rules and diagnostics of `export`.

pub mod codes;
pub mod mermaid;
pub mod mermaid_parse;

pub use codes::severity;
pub use mermaid::import_mermaid;
