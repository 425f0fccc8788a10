//! Exports of `exports.md`: RabbitMQ, AsyncAPI, Kafka, Mermaid and images, as pure functions
//! returning text and warnings. They do no I/O and read no clock, environment or randomness;
//! only `cli` and `ui` write the files.
//!
//! Depends on `model` only.

pub mod image;
pub mod mermaid;
pub mod output;

pub use output::{Diagnostic, ExportFile, ExportOutput};
