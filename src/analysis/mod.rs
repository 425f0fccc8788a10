//! Metrics, lint findings and the hub refactoring over a landscape.
//!
//! Depends on `model` only.

pub mod layout;
