//! The reference JSON input form of `simulation.md` §9.1 as serde types: one document holding a
//! landscape, its settings and its scenarios with their control sets. It mirrors the entities of
//! §3 one to one, so that a test harness can feed the same landscape to this engine and to the
//! reference's `run_json.py`.
//!
//! Parsing checks only shapes and types; `sim::validate` applies the rules of §3.8.

use serde::{Deserialize, Deserializer, Serialize};

/// A whole document in the reference JSON form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Declared teams.
    #[serde(default)]
    pub teams: Vec<TeamIn>,
    /// Systems.
    pub systems: Vec<SystemIn>,
    /// Datasets (full ids).
    pub datasets: Vec<DatasetIn>,
    /// Flows.
    pub flows: Vec<FlowIn>,
    /// Monitors.
    #[serde(default)]
    pub monitors: Vec<MonitorIn>,
    /// Business processes, in model order.
    #[serde(default)]
    pub processes: Vec<ProcessIn>,
    /// Settings for every scenario.
    #[serde(default)]
    pub settings: SettingsIn,
    /// Scenarios.
    #[serde(default)]
    pub scenarios: Vec<ScenarioIn>,
}

/// A calendar: `"24x7"`, `"business_hours"` or a list of weekly windows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CalendarIn {
    /// `"24x7"` or `"business_hours"`.
    Named(String),
    /// Explicit windows.
    Windows(Vec<WindowIn>),
}

impl Default for CalendarIn {
    fn default() -> Self {
        Self::Named("business_hours".to_owned())
    }
}

/// A weekly window: open on `days` (0 = Mon) from `start` until `end` (minutes of the day).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowIn {
    /// Weekdays, 0 = Monday.
    pub days: Vec<i64>,
    /// First open minute.
    pub start: i64,
    /// First closed minute.
    pub end: i64,
}

/// A declared team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamIn {
    /// Team id.
    pub id: String,
    /// Coverage calendar.
    #[serde(default)]
    pub calendar: CalendarIn,
}

/// A system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemIn {
    /// System id.
    pub id: String,
    /// Display name (defaults to the id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Owning team (descriptive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// A dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetIn {
    /// Full dataset id.
    pub id: String,
    /// System id.
    pub system: String,
    /// System of record.
    #[serde(default)]
    pub source: bool,
    /// Freshness SLA in minutes.
    #[serde(default)]
    pub stale_after: Option<i64>,
    /// Owning team (blast radius only).
    #[serde(default)]
    pub owner: Option<String>,
}

/// A flow schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum ScheduleIn {
    /// Fires at `times` (minutes of the day) on `days` (all seven when omitted).
    Cron {
        /// Minutes of the day.
        times: Vec<i64>,
        /// Weekdays, 0 = Monday.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days: Option<Vec<i64>>,
    },
    /// Fires at `offset + k * every`.
    Every {
        /// Period in minutes.
        every: i64,
        /// Offset in minutes.
        #[serde(default)]
        offset: i64,
    },
    /// Event-driven with a latency.
    Stream {
        /// Latency in minutes.
        latency: i64,
    },
}

/// A retry policy; missing fields take the defaults of §3.3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetryIn {
    /// Attempts in all.
    #[serde(default = "one")]
    pub max_attempts: i64,
    /// First backoff.
    #[serde(default = "ten")]
    pub base: i64,
    /// Backoff growth.
    #[serde(default = "two")]
    pub factor: f64,
    /// Largest backoff.
    #[serde(default = "cap240")]
    pub cap: i64,
    /// `"none"` or `"full"`.
    #[serde(default = "none_str")]
    pub jitter: String,
}

impl Default for RetryIn {
    fn default() -> Self {
        Self {
            max_attempts: 1,
            base: 10,
            factor: 2.0,
            cap: 240,
            jitter: "none".to_owned(),
        }
    }
}

fn one() -> i64 {
    1
}
fn ten() -> i64 {
    10
}
fn two() -> f64 {
    2.0
}
fn cap240() -> i64 {
    240
}
fn none_str() -> String {
    "none".to_owned()
}
fn file_export() -> String {
    "file_export".to_owned()
}
fn loss_default() -> f64 {
    0.1
}
fn sixty() -> i64 {
    60
}
fn min_compl_default() -> f64 {
    0.98
}
fn zero_number() -> serde_json::Number {
    serde_json::Number::from(0)
}

/// A flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlowIn {
    /// Flow id.
    pub id: String,
    /// Input dataset ids.
    pub inputs: Vec<String>,
    /// Output dataset id.
    pub output: String,
    /// Schedule.
    pub schedule: ScheduleIn,
    /// Descriptive pattern.
    #[serde(default = "file_export")]
    pub pattern: String,
    /// Batch run length.
    #[serde(default = "ten")]
    pub duration: i64,
    /// Owning team.
    #[serde(default)]
    pub owner: Option<String>,
    /// Descriptive contract.
    #[serde(default)]
    pub contract: String,
    /// 0 none, 1 schema, 2 schema and values.
    #[serde(default)]
    pub validation: i64,
    /// Alert on the final failure.
    #[serde(default)]
    pub job_alert: bool,
    /// Retry policy.
    #[serde(default)]
    pub retry: RetryIn,
    /// Durable broker (streams).
    #[serde(default)]
    pub buffered: bool,
    /// Dead-letter queue (streams).
    #[serde(default)]
    pub dlq: bool,
    /// Queue-age alarm (buffered streams).
    #[serde(default)]
    pub queue_age_alarm: Option<i64>,
    /// Completeness lost by an unbuffered stream's outage.
    #[serde(default = "loss_default")]
    pub loss: f64,
}

/// A monitor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitorIn {
    /// Monitor id.
    pub id: String,
    /// Watched dataset.
    pub dataset: String,
    /// `freshness`, `volume` or `quality`.
    pub kind: String,
    /// Minutes, a completeness fraction or a detectability level.
    #[serde(default = "zero_number")]
    pub threshold: serde_json::Number,
    /// Check grid period.
    #[serde(default = "sixty")]
    pub every: i64,
    /// Check grid offset.
    #[serde(default)]
    pub offset: i64,
    /// Team that receives the signal.
    #[serde(default)]
    pub owner: Option<String>,
}

/// A process dependency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepIn {
    /// Dataset id.
    pub dataset: String,
    /// Oldest usable data in minutes.
    pub max_age: i64,
    /// Smallest acceptable completeness.
    #[serde(default = "min_compl_default")]
    pub min_completeness: f64,
}

/// A business process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessIn {
    /// Process id.
    pub id: String,
    /// Owning business team.
    pub owner: String,
    /// Dependencies.
    pub deps: Vec<DepIn>,
    /// Operating calendar.
    pub calendar: CalendarIn,
    /// Operating minutes until the owner complains.
    #[serde(default)]
    pub notice_after: Option<i64>,
}

/// Settings; every key is optional and overrides the level below it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct SettingsIn {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_end: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_delay: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triage: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triage_lineage: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_owner_delay: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cascade_rerun: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_team: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
}

impl SettingsIn {
    /// `self` with every key set in `over` replaced.
    #[must_use]
    pub fn overlay(&self, over: &SettingsIn) -> SettingsIn {
        SettingsIn {
            sim_start: over.sim_start.or(self.sim_start),
            horizon_start: over.horizon_start.or(self.horizon_start),
            horizon_end: over.horizon_end.or(self.horizon_end),
            alert_delay: over.alert_delay.or(self.alert_delay),
            triage: over.triage.or(self.triage),
            triage_lineage: over.triage_lineage.or(self.triage_lineage),
            lineage: over.lineage.or(self.lineage),
            no_owner_delay: over.no_owner_delay.or(self.no_owner_delay),
            cascade_rerun: over.cascade_rerun.or(self.cascade_rerun),
            fallback_team: over
                .fallback_team
                .clone()
                .or_else(|| self.fallback_team.clone()),
            seed: over.seed.or(self.seed),
        }
    }
}

/// A scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioIn {
    /// Scenario id.
    pub id: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Deadline for "impacted by the deadline".
    #[serde(default)]
    pub deadline: Option<i64>,
    /// Faults.
    pub faults: Vec<FaultIn>,
    /// Settings overrides.
    #[serde(default)]
    pub settings: SettingsIn,
    /// Control sets.
    #[serde(default)]
    pub controls: Vec<ControlIn>,
}

/// Fault parameters.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamsIn {
    /// Completeness multiplier (partial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction: Option<f64>,
    /// Delay in minutes (delay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<i64>,
    /// Detectability 1–3 (semantic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detectability: Option<i64>,
}

/// A fault.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultIn {
    /// Fault id.
    pub id: String,
    /// Faulted flow.
    pub flow: String,
    /// `fail`, `silent`, `partial`, `delay` or `semantic`.
    pub kind: String,
    /// First minute.
    pub start: i64,
    /// First minute after the fault.
    #[serde(default)]
    pub end: Option<i64>,
    /// Repair work.
    #[serde(default = "sixty")]
    pub repair_minutes: i64,
    /// Parameters.
    #[serde(default)]
    pub params: ParamsIn,
}

/// A named control set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlIn {
    /// Name.
    pub name: String,
    /// Changes, applied in order.
    pub changes: Vec<ChangeIn>,
}

/// One change of a control set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)]
pub enum ChangeIn {
    /// Set attributes of a flow.
    Flow {
        /// Flow id.
        flow: String,
        /// Attributes to set.
        set: FlowPatchIn,
    },
    /// Set a declared team's calendar.
    Team {
        /// Team id.
        team: String,
        /// `{calendar}`.
        set: TeamPatchIn,
    },
    /// Add a monitor.
    AddMonitor {
        /// The new monitor.
        monitor: MonitorIn,
    },
    /// Override settings.
    Settings {
        /// The settings to set.
        set: SettingsIn,
    },
}

/// The team attributes a control may set.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamPatchIn {
    /// New calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarIn>,
}

/// The flow attributes a control may set; `owner: null` removes the owner.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
#[allow(
    clippy::option_option,
    reason = "null (remove) differs from absent (keep)"
)]
pub struct FlowPatchIn {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ScheduleIn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<i64>,
    #[serde(
        default,
        deserialize_with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub owner: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_alert: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<RetryIn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buffered: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dlq: Option<bool>,
    #[serde(
        default,
        deserialize_with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub queue_age_alarm: Option<Option<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loss: Option<f64>,
}

impl FlowPatchIn {
    /// Applies the patch to a flow.
    pub fn apply(&self, f: &mut FlowIn) {
        if let Some(x) = &self.schedule {
            f.schedule = x.clone();
        }
        if let Some(x) = &self.pattern {
            f.pattern.clone_from(x);
        }
        if let Some(x) = self.duration {
            f.duration = x;
        }
        if let Some(x) = &self.owner {
            f.owner.clone_from(x);
        }
        if let Some(x) = &self.contract {
            f.contract.clone_from(x);
        }
        if let Some(x) = self.validation {
            f.validation = x;
        }
        if let Some(x) = self.job_alert {
            f.job_alert = x;
        }
        if let Some(x) = &self.retry {
            f.retry = x.clone();
        }
        if let Some(x) = self.buffered {
            f.buffered = x;
        }
        if let Some(x) = self.dlq {
            f.dlq = x;
        }
        if let Some(x) = self.queue_age_alarm {
            f.queue_age_alarm = x;
        }
        if let Some(x) = self.loss {
            f.loss = x;
        }
    }
}

#[allow(
    clippy::option_option,
    reason = "null (remove) differs from absent (keep)"
)]
fn double_option<'de, D, T>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(de).map(Some)
}

impl Document {
    /// Parses a document from JSON text; the error names the offending place.
    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// The scenario with this id.
    pub fn scenario(&self, id: &str) -> Option<&ScenarioIn> {
        self.scenarios.iter().find(|s| s.id == id)
    }
}
