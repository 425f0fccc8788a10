//! Switchboard: a designer for integration landscapes.
//!
//! The architecture map (see `architecture.md`):
//! - `model`: what a landscape is (plain data, ids, validation, graph projection). Imports nothing
//!   of the crate.
//! - `edit`: named mutations and undo/redo history over the model.
//! - `file`: RON load/save with a versioned envelope, migrations, atomic saves and backups.
//! - `analysis`: metrics, lint findings and the hub refactoring; `analysis::sweep` (the risk
//!   sweep) also uses `sim`, through its one adapter `analysis::sweep::run_one`.
//! - `sim`: the failure-propagation engine (pure, deterministic) and its report.
//! - `export`: RabbitMQ, AsyncAPI, Kafka, Mermaid, draw.io, Structurizr and image exports (pure
//!   functions).
//! - `import`: Mermaid flowchart and draw.io import.
//! - `cli`: the command line, the only layer that prints.
//! - `ui`: the eframe designer (behind the `gui` feature), the only layer that names egui.
//!
//! Dependency direction: `model` ← {`edit`, `file`, `analysis`, `sim`, `export`, `import`} ←
//! {`cli`, `ui`}. Nothing imports `cli` or `ui`. Only `cli`, `file` and `ui` touch the file
//! system.

pub mod analysis;
pub mod cli;
pub mod edit;
pub mod export;
pub mod file;
pub mod import;
pub mod model;
pub mod sim;
#[cfg(feature = "gui")]
pub mod ui;
