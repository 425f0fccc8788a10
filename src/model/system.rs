//! Teams, systems and the datasets they hold (`simulation.md` §3.1–3.2, `product.md` "The model").
//!
//! Depends only on `model::calendar`.

use serde::{Deserialize, Serialize};

use super::defaults;

use super::calendar::Calendar;

/// A position on the canvas, in canvas units.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Position {
    pub x: f32,
    pub y: f32,
}

impl Position {
    /// A position from its coordinates.
    pub fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// A team that owns systems, datasets, flows or monitors, with its coverage calendar.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Team {
    pub id: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    /// How to reach the team (e-mail, chat channel, phone).
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub contact: String,
    /// When someone reads the team's alerts; 24x7 teams are paged.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub calendar: Calendar,
}

/// A system (ERP, WMS, …): a container of datasets drawn as a box on the canvas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct System {
    pub id: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub description: String,
    /// What kind of system it is: `ERP`, `WMS`, `MES`, …
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub kind: String,
    /// The owning team's id.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub owner: Option<String>,
    /// Optional group or business domain.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub group: Option<String>,
    /// The datasets the system holds.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub datasets: Vec<Dataset>,
    /// Top-left corner on the canvas.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub position: Position,
    /// Auto-layout leaves pinned systems where they are.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub pinned: bool,
    /// Overrides the name used in exported broker resources (`exports.md` §1.3).
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub export_name: Option<String>,
    /// The node id of the Mermaid diagram this system was imported from.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub diagram_id: Option<String>,
}

/// A data holding inside a system: the unit of state in the simulation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dataset {
    /// The id within its system; the dataset's full id is `SYSTEM.id`.
    pub id: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub description: String,
    /// A system of record: always live, never produced by a flow.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub source: bool,
    /// Freshness SLA: the dataset is stale once its data is this many minutes old.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub stale_after_minutes: Option<u32>,
    /// The owning team's id.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub owner: Option<String>,
}

/// The separator between a system id and a dataset id in a full dataset id.
pub const DATASET_SEPARATOR: char = '.';

/// The full id of a dataset held by a system: `SYSTEM.dataset`.
pub fn dataset_full_id(system_id: &str, dataset_id: &str) -> String {
    format!("{system_id}{DATASET_SEPARATOR}{dataset_id}")
}
