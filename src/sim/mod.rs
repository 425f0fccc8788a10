//! The failure-propagation engine of `simulation.md`: pure, deterministic, and its report.
//!
//! Depends on `model` only.
