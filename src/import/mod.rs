//! Imports into a landscape: Mermaid flowcharts.
//!
//! Depends on `model` only.
