//! The failure-propagation engine of `simulation.md`: pure, deterministic, and its report.
//!
//! - `front`: the front door: [`simulate_landscape`], [`Compiled`] for repeated runs,
//!   [`simulate_scenario`] for scenarios not stored in the document, shared baselines.
//! - `build`: the engine's `net` compiled straight from the document model.
//! - `net`: the compiled network (dense indices, sorted ids) the engine runs on.
//! - `input`, `compile`: the reference JSON form (§9.1) and its compiler, the adapter for the
//!   differential tests against the reference engine and for reference JSON files;
//!   `from_landscape` writes a document in that form (the risk sweep still runs on it).
//! - `calendar`, `schedule`, `state`, `jitter`: the arithmetic of §2–§6.
//! - `engine`: the event loop and the propagation rules (§5–§7).
//! - `reporting`, `report`: the report of §8–§9; `narrative`: plain-language lines.
//! - `baseline`: the fault-free run of §10 and its key; `run`: cone or whole graph.
//! - `preflight`: what `simulate` would refuse, for `check`.
//!
//! Depends on `model` only.

#![allow(
    clippy::many_single_char_names,
    reason = "the engine mirrors the notation of the spec: t, d, f, k"
)]

pub mod baseline;
pub mod build;
pub mod calendar;
pub mod compile;
pub mod engine;
pub mod from_landscape;
pub mod front;
pub mod input;
pub mod jitter;
pub mod narrative;
pub mod net;
pub mod preflight;
pub mod report;
pub mod reporting;
pub mod run;
pub mod schedule;
pub mod state;

pub use compile::{InputError, RunSpec, build_run};
pub use from_landscape::from_landscape;
pub use front::{
    BaselineSource, BaselineStore, Compiled, Coverage, SimError, compare_scenario_controls,
    find_scenario, simulate_landscape, simulate_scenario, simulate_stored,
};
pub use input::Document;
pub use report::SimReport;
pub use run::{Baseline, Mode, RunResult, baseline, compare_controls, run_document, simulate};
