//! The failure-propagation engine of `simulation.md`: pure, deterministic, and its report.
//!
//! - `input`: the reference JSON form (§9.1); `from_landscape` converts the document model to it.
//! - `compile`: control sets, validity rules (§3.8) and the compiled `model`.
//! - `calendar`, `schedule`, `state`, `jitter`: the arithmetic of §2–§6.
//! - `engine`: the event loop and the propagation rules (§5–§7).
//! - `reporting`, `report`: the report of §8–§9; `narrative`: plain-language lines.
//! - `preflight`: what `simulate` would refuse, for `check`.
//! - `run`: baseline (§10), cone or whole graph, control sets.
//!
//! Depends on `model` only.

#![allow(
    clippy::many_single_char_names,
    reason = "the engine mirrors the notation of the spec: t, d, f, k"
)]

pub mod calendar;
pub mod compile;
pub mod engine;
pub mod from_landscape;
pub mod input;
pub mod jitter;
pub mod model;
pub mod narrative;
pub mod preflight;
pub mod report;
pub mod reporting;
pub mod run;
pub mod schedule;
pub mod state;

pub use compile::{InputError, RunSpec, build_run};
pub use from_landscape::from_landscape;
pub use input::Document;
pub use report::SimReport;
pub use run::{Baseline, Mode, RunResult, baseline, compare_controls, run_document, simulate};
