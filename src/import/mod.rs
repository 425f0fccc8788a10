//! Imports into a landscape: Mermaid flowcharts (`exports.md` §5.2) and draw.io diagrams.
//!
//! Depends on `model`, `analysis::layout` (positions of the imported systems) and the shared
//! Mermaid text rules and diagnostics of `export`.

pub mod any;
pub mod build;
pub mod codes;
pub mod drawio;
pub mod drawio_xml;
pub mod mermaid;
pub mod mermaid_lex;
pub mod mermaid_parse;
pub mod schedule_label;

pub use codes::severity;
pub use drawio::import_drawio;
pub use mermaid::import_mermaid;
