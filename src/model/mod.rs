//! What a landscape is: plain data with stable, human-readable ids, its validation, and its
//! projection onto a petgraph graph. The rest of the crate builds on this module; it imports
//! nothing of the crate.

pub mod calendar;
pub mod contract;
pub mod defaults;
pub mod flow;
pub mod graph;
pub mod landscape;
pub mod process;
pub mod ranges;
pub mod scenario;
pub mod system;
pub mod time;
pub mod validate;

pub use calendar::{Calendar, Window};
pub use contract::{Contract, Field};
pub use flow::{Flow, Jitter, KafkaOverrides, Pattern, Retry, Schedule, Validation};
pub use landscape::{DatasetRef, FORMAT_VERSION, Landscape};
pub use process::{Dependency, Monitor, MonitorCheck, Process};
pub use scenario::{
    Change, ControlSet, Fault, FaultKind, FlowPatch, OwnerChange, Scenario, Settings,
    SettingsOverrides,
};
pub use system::{Dataset, Position, System, Team, dataset_full_id};
pub use time::{SimTime, TimeOfDay, Weekday};
pub use validate::{Finding, Severity, has_errors, validate, validate_scenario};
