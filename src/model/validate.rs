//! Validation of a landscape: findings with a severity, the offending entity and a message.
//!
//! Depends on the other `model` files only.

use serde::Serialize;

use super::landscape::Landscape;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// One problem found in a landscape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// A stable rule code, e.g. `dangling-dataset`.
    pub code: &'static str,
    /// The kind of the offending entity: `system`, `flow`, …
    pub entity_kind: &'static str,
    /// The offending entity's id.
    pub entity_id: String,
    pub message: String,
}

/// Validates the landscape; findings are sorted by severity (errors first), then entity.
pub fn validate(_landscape: &Landscape) -> Vec<Finding> {
    Vec::new()
}
