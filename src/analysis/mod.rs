//! Metrics, lint findings and the hub refactoring over a landscape.
//!
//! - `metrics`: counts, the point-to-point potential n(n-1)/2 against the hub, fan-in/fan-out and
//!   the structural blast-radius ranking (`switchboard stats`, the designer's metrics panel).
//! - `freshness`: the nominal (fault-free) age each dataset can reach given the schedules along
//!   its chain; the freshness lint rules build on it.
//! - `lint`: findings about gaps that make failures silent or slow to repair
//!   (`switchboard check`, the findings panel).
//! - `hub`: "route through hub", a pure conversion of point-to-point flows into broker flows.
//! - `layout`: the grid-layered left-to-right layout (the image export's fallback).
//! - `auto_layout`: the Sugiyama layout with zones, pinned systems, packing and an aspect ratio
//!   (the designer's Auto-layout, the Mermaid import).
//! - `lineage`: upstream/downstream lineage of a dataset and the traceability answer in words.
//! - `sweep`: the risk sweep ("where will it hurt?"): one simulated fault per flow and kind,
//!   ranked by business impact, with the cheapest fixing control.
//!
//! Depends on `model` only, except `sweep`, which also uses `sim` (through its one adapter,
//! `sweep::run_one`); never prints and never touches the file system.

pub mod auto_layout;
pub mod freshness;
pub mod hub;
pub mod index;
pub mod layout;
pub mod lineage;
pub mod lint;
pub mod metrics;
pub mod sweep;

pub use hub::{HubError, HubOutcome, HubSummary, route_through_hub};
pub use lint::lint;
pub use metrics::{Metrics, metrics};
