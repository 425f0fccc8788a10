//! Monitors and business processes (`simulation.md` §3.4–3.5).
//!
//! Depends on `model::calendar` and `model::system`.

use serde::{Deserialize, Serialize};

use super::defaults;

use super::calendar::Calendar;
use super::system::Position;

/// A check on a dataset that signals a team when it trips.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Monitor {
    pub id: String,
    /// Full id of the watched dataset.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub dataset: String,
    #[serde(skip_serializing_if = "defaults::monitor_check")]
    pub check: MonitorCheck,
    /// Check grid `offset + k * every` (freshness and quality; volume checks on every change).
    #[serde(skip_serializing_if = "defaults::monitor_every")]
    pub every_minutes: u32,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub offset_minutes: u32,
    /// The team that receives the signal.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub owner: Option<String>,
}

impl Default for Monitor {
    fn default() -> Self {
        Self {
            id: String::new(),
            dataset: String::new(),
            check: MonitorCheck::Freshness {
                max_age_minutes: 60,
            },
            every_minutes: 60,
            offset_minutes: 0,
            owner: None,
        }
    }
}

/// What a monitor checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MonitorCheck {
    /// Trips when the data is at least this old.
    Freshness { max_age_minutes: u32 },
    /// Trips when completeness falls below this fraction.
    Volume { min_completeness: f64 },
    /// Trips when a corruption of this detectability or lower is present (1 schema, 2 values, 3 humans).
    Quality { max_detectability: u8 },
}

impl MonitorCheck {
    /// `freshness`, `volume` or `quality`.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::Freshness { .. } => "freshness",
            Self::Volume { .. } => "volume",
            Self::Quality { .. } => "quality",
        }
    }
}

/// A business process that depends on datasets being fresh and complete.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Process {
    pub id: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub description: String,
    /// The business team that runs the process (a declared team or an implicit business team).
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub owner: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub dependencies: Vec<Dependency>,
    /// Operating hours: impact counts only while the calendar is open.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub calendar: Calendar,
    /// Operating minutes of continuous impact before people complain; `None` = never noticed.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub notice_after_minutes: Option<u32>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub position: Position,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub pinned: bool,
}

/// A process's need for one dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dependency {
    /// Full id of the dataset.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub dataset: String,
    /// The oldest data the process can work with, in minutes.
    #[serde(skip_serializing_if = "defaults::dependency_max_age")]
    pub max_age_minutes: u32,
    /// The smallest acceptable completeness fraction.
    #[serde(skip_serializing_if = "defaults::dependency_min_completeness")]
    pub min_completeness: f64,
}

impl Default for Dependency {
    fn default() -> Self {
        Self {
            dataset: String::new(),
            max_age_minutes: 1440,
            min_completeness: 0.98,
        }
    }
}
