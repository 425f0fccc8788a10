//! Sparse writing: a field equal to its default is left out of a saved document (reading fills
//! it in again through `#[serde(default)]`), so files are smaller and diffs shorter. One
//! predicate per field whose default is not its type's default.
//!
//! Depends on the other `model` files only.

use super::flow::{Flow, Retry};
use super::process::{Dependency, Monitor, MonitorCheck};
use super::scenario::{Fault, FaultKind, Settings};

/// Whether a value equals its type's default.
pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

macro_rules! default_of {
    ($($name:ident: $ty:ty = $owner:ident . $field:ident;)*) => {
        $(
            #[doc = concat!("Whether `", stringify!($field), "` is the default of a `", stringify!($owner), "`.")]
            pub fn $name(value: &$ty) -> bool {
                *value == $owner::default().$field
            }
        )*
    };
}

default_of! {
    flow_duration: u32 = Flow.duration_minutes;
    flow_loss: f64 = Flow.loss;
    retry_max_attempts: u32 = Retry.max_attempts;
    retry_base: u32 = Retry.base_minutes;
    retry_factor: f64 = Retry.factor;
    retry_cap: u32 = Retry.cap_minutes;
    monitor_check: MonitorCheck = Monitor.check;
    monitor_every: u32 = Monitor.every_minutes;
    dependency_max_age: u32 = Dependency.max_age_minutes;
    dependency_min_completeness: f64 = Dependency.min_completeness;
    fault_kind: FaultKind = Fault.kind;
    fault_repair: u32 = Fault.repair_minutes;
    horizon_start: i64 = Settings.horizon_start;
    horizon_end: i64 = Settings.horizon_end;
    alert_delay: u32 = Settings.alert_delay_minutes;
    triage: u32 = Settings.triage_minutes;
    triage_lineage: u32 = Settings.triage_lineage_minutes;
    no_owner_delay: u32 = Settings.no_owner_delay_minutes;
    fallback_team: String = Settings.fallback_team;
}
