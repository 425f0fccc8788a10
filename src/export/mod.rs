//! Exports of `exports.md`: RabbitMQ, AsyncAPI, Kafka, Mermaid and images, as pure functions
//! returning text and warnings. They do no I/O and read no clock, environment or randomness;
//! only `cli` and `ui` write the files.
//!
//! Depends on `model` only.

pub mod drawing;
pub mod image;
pub mod mermaid;
pub mod mermaid_text;
pub mod output;
pub mod schedule_text;
pub mod svg;
pub mod text_metrics;

pub use output::{Diagnostic, ExportFile, ExportOutput};
