//! Simulation settings, scenarios, faults and control sets (`simulation.md` §3.6–3.7, §9.1).
//! Controls are data: a what-if change to apply to a copy of the document, so that the control
//! comparison lives in the document, not in code.
//!
//! Depends on `model::calendar`, `model::flow`, `model::process` and `model::time`.

use serde::{Deserialize, Serialize};

use super::defaults;

use super::calendar::Calendar;
use super::flow::{Pattern, Retry, Schedule, Validation};
use super::process::Monitor;
use super::time::SimTime;

/// Simulation settings of the document (`simulation.md` §3.7, with Switchboard's defaults).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Simulation start; earlier minutes are warm-up.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub sim_start: SimTime,
    /// Reporting window start.
    #[serde(skip_serializing_if = "defaults::horizon_start")]
    pub horizon_start: SimTime,
    /// Reporting window end (exclusive).
    #[serde(skip_serializing_if = "defaults::horizon_end")]
    pub horizon_end: SimTime,
    /// Minutes from emitting a signal to its delivery.
    #[serde(skip_serializing_if = "defaults::alert_delay")]
    pub alert_delay_minutes: u32,
    /// Minutes to find the root cause from an indirect signal.
    #[serde(skip_serializing_if = "defaults::triage")]
    pub triage_minutes: u32,
    /// The same, when end-to-end lineage is available.
    #[serde(skip_serializing_if = "defaults::triage_lineage")]
    pub triage_lineage_minutes: u32,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub lineage: bool,
    /// Extra minutes when the faulted flow has no owner.
    #[serde(skip_serializing_if = "defaults::no_owner_delay")]
    pub no_owner_delay_minutes: u32,
    /// After a repair, rerun downstream batch flows immediately.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub cascade_rerun: bool,
    /// The team that takes ownerless repairs.
    #[serde(skip_serializing_if = "defaults::fallback_team")]
    pub fallback_team: String,
    /// Seed of the retry jitter hash.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub seed: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            sim_start: 0,
            horizon_start: 4320,
            horizon_end: 14400,
            alert_delay_minutes: 5,
            triage_minutes: 120,
            triage_lineage_minutes: 15,
            lineage: false,
            no_owner_delay_minutes: 240,
            cascade_rerun: false,
            fallback_team: "it-service-desk".to_owned(),
            seed: 0,
        }
    }
}

/// Settings overridden by a scenario or a control; every field is optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SettingsOverrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sim_start: Option<SimTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon_start: Option<SimTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon_end: Option<SimTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert_delay_minutes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triage_minutes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triage_lineage_minutes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lineage: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_owner_delay_minutes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cascade_rerun: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_team: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
}

impl SettingsOverrides {
    /// Whether no setting is overridden.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// `base` with these overrides applied.
    pub fn apply_to(&self, base: &Settings) -> Settings {
        Settings {
            sim_start: self.sim_start.unwrap_or(base.sim_start),
            horizon_start: self.horizon_start.unwrap_or(base.horizon_start),
            horizon_end: self.horizon_end.unwrap_or(base.horizon_end),
            alert_delay_minutes: self.alert_delay_minutes.unwrap_or(base.alert_delay_minutes),
            triage_minutes: self.triage_minutes.unwrap_or(base.triage_minutes),
            triage_lineage_minutes: self
                .triage_lineage_minutes
                .unwrap_or(base.triage_lineage_minutes),
            lineage: self.lineage.unwrap_or(base.lineage),
            no_owner_delay_minutes: self
                .no_owner_delay_minutes
                .unwrap_or(base.no_owner_delay_minutes),
            cascade_rerun: self.cascade_rerun.unwrap_or(base.cascade_rerun),
            fallback_team: self
                .fallback_team
                .clone()
                .unwrap_or_else(|| base.fallback_team.clone()),
            seed: self.seed.unwrap_or(base.seed),
        }
    }
}

/// A failure to rehearse, with the control sets to compare against it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub description: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub faults: Vec<Fault>,
    /// A time used for "impacted by the deadline".
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub deadline: Option<SimTime>,
    /// Overrides of the document's settings for this scenario.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub settings: SettingsOverrides,
    /// What-if variants, compared by `simulate --compare-controls`.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub controls: Vec<ControlSet>,
}

/// An injected fault on one flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Fault {
    pub id: String,
    /// The faulted flow's id.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub flow: String,
    #[serde(skip_serializing_if = "defaults::fault_kind")]
    pub kind: FaultKind,
    /// First minute of the fault.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub start: SimTime,
    /// First minute after the fault; `None` = until repaired.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub end: Option<SimTime>,
    /// Repair work once the repair has started.
    #[serde(skip_serializing_if = "defaults::fault_repair")]
    pub repair_minutes: u32,
}

impl Default for Fault {
    fn default() -> Self {
        Self {
            id: String::new(),
            flow: String::new(),
            kind: FaultKind::Fail,
            start: 0,
            end: None,
            repair_minutes: 60,
        }
    }
}

/// What goes wrong (`simulation.md` §3.6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FaultKind {
    /// Runs exit non-zero and write nothing; retried; may alert.
    Fail,
    /// Runs write nothing but exit 0: no retry, no alert.
    Silent,
    /// Runs commit only this fraction of the records.
    Partial { fraction: f64 },
    /// Runs commit this many minutes late.
    Delay { minutes: u32 },
    /// Runs commit wrong data; 1 = a schema check sees it, 2 = a value check, 3 = only humans.
    Semantic { detectability: u8 },
}

impl FaultKind {
    /// `fail`, `silent`, `partial`, `delay` or `semantic`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Fail => "fail",
            Self::Silent => "silent",
            Self::Partial { .. } => "partial",
            Self::Delay { .. } => "delay",
            Self::Semantic { .. } => "semantic",
        }
    }
}

/// A named what-if variant: changes applied, in order, to a copy of the document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ControlSet {
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub changes: Vec<Change>,
}

/// One change of a control set (`simulation.md` §9.1 "Control sets").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// Set attributes of a flow.
    Flow { flow: String, set: FlowPatch },
    /// Set a declared team's calendar.
    Team { team: String, calendar: Calendar },
    /// Add a monitor (its id must be new).
    AddMonitor(Monitor),
    /// Override settings.
    Settings(SettingsOverrides),
}

/// Flow attributes set by a control; each `None` leaves the attribute as it is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FlowPatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Pattern>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<OwnerChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validation: Option<Validation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_alert: Option<bool>,
    /// Replaces the whole retry policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry: Option<Retry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buffered: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dlq: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_age_alarm_minutes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loss: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via_hub: Option<bool>,
}

/// A new owner for a flow, or none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OwnerChange {
    /// The flow is owned by this team.
    Team(String),
    /// The flow has no owner.
    Nobody,
}
