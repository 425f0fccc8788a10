//! Lint: findings about gaps that make integration failures silent, slow to detect or slow to
//! repair (the "scheduled script problem"), each saying why it matters and how to fix it.
//!
//! Rules are grouped by concern, one file per group:
//! - `ownership`: flows and systems that nobody owns;
//! - `operations`: batch flows without job alert or retries, flows without a contract;
//! - `freshness`: SLAs and process tolerances the schedules cannot meet, unmonitored datasets
//!   that processes depend on;
//! - `structure`: datasets nobody consumes, cycles of batch flows, contract version mismatches.
//!
//! Lint findings are warnings or infos; errors come from `model::validate`. Depends on `model`
//! and `analysis::freshness`.

mod freshness;
mod operations;
mod ownership;
mod structure;

use crate::model::{Finding, Landscape, Severity};

/// Rule codes, stable across versions (they appear in `check --format json`).
pub mod codes {
    /// A flow without an owning team.
    pub const FLOW_NO_OWNER: &str = "flow-no-owner";
    /// A system without an owning team.
    pub const SYSTEM_NO_OWNER: &str = "system-no-owner";
    /// A flow without a contract.
    pub const FLOW_NO_CONTRACT: &str = "flow-no-contract";
    /// A batch flow that alerts nobody when it fails.
    pub const BATCH_NO_ALERT: &str = "batch-no-alert";
    /// A batch flow with a single attempt.
    pub const BATCH_NO_RETRIES: &str = "batch-no-retries";
    /// A dataset a process depends on that no monitor watches.
    pub const DEPENDENCY_UNMONITORED: &str = "dependency-unmonitored";
    /// A freshness SLA the schedules cannot meet.
    pub const SLA_UNREACHABLE: &str = "sla-unreachable";
    /// A process tolerance the schedules cannot meet.
    pub const MAX_AGE_UNREACHABLE: &str = "max-age-unreachable";
    /// A dataset that no flow, process or monitor uses.
    pub const DATASET_UNCONSUMED: &str = "dataset-unconsumed";
    /// Batch flows feeding each other in a circle.
    pub const BATCH_CYCLE: &str = "batch-cycle";
    /// Flows carrying one dataset under different versions of one contract.
    pub const CONTRACT_VERSION_MISMATCH: &str = "contract-version-mismatch";
}

/// Every lint finding of the landscape, sorted (see [`sort_findings`]).
pub fn lint(landscape: &Landscape) -> Vec<Finding> {
    let mut findings = Vec::new();
    findings.extend(ownership::check(landscape));
    findings.extend(operations::check(landscape));
    // The freshness analysis computes with times and durations: only on values in range
    // (`validate` reports the others as errors).
    let in_range = !crate::model::ranges::range_findings(landscape)
        .iter()
        .any(|f| f.severity == crate::model::Severity::Error);
    if in_range {
        findings.extend(freshness::check(landscape));
    }
    findings.extend(structure::check(landscape));
    sort_findings(&mut findings);
    findings
}

/// Sorts findings deterministically: errors first, then by entity kind, entity id (digit runs
/// compared as numbers, so `F2` comes before `F10`), code and message; exact duplicates are
/// removed.
pub fn sort_findings(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.entity_kind.cmp(b.entity_kind))
            .then_with(|| natural_key(&a.entity_id).cmp(&natural_key(&b.entity_id)))
            .then_with(|| a.entity_id.cmp(&b.entity_id))
            .then_with(|| a.code.cmp(b.code))
            .then_with(|| a.message.cmp(&b.message))
    });
    findings.dedup();
}

/// A sort key that orders runs of digits by their numeric value: `F2` < `F10`.
fn natural_key(id: &str) -> Vec<(String, u128)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in id.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                key.push((
                    std::mem::take(&mut text),
                    digits.parse().unwrap_or(u128::MAX),
                ));
                digits.clear();
            }
            text.push(c);
        }
    }
    key.push((text, digits.parse().unwrap_or(0)));
    key
}

/// A finding of one rule about one entity.
fn finding(
    severity: Severity,
    code: &'static str,
    entity_kind: &'static str,
    entity_id: &str,
    message: String,
) -> Finding {
    Finding {
        severity,
        code,
        entity_kind,
        entity_id: entity_id.to_owned(),
        message,
        field: None,
    }
}

#[cfg(test)]
mod tests {
    use super::natural_key;

    #[test]
    fn ids_sort_naturally() {
        let mut ids = ["F10", "F2", "F1", "F1a", "A", "P_2", "P_10"];
        ids.sort_by_key(|id| natural_key(id));
        assert_eq!(ids, ["A", "F1", "F1a", "F2", "F10", "P_2", "P_10"]);
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! Small landscapes shared by the rule tests.

    use crate::model::{
        Dataset, Dependency, Flow, Landscape, Process, Retry, Schedule, System, TimeOfDay, Weekday,
    };

    /// A source system `SRC` with dataset `data` (source), a target system `DST` with `copy`,
    /// and one owned, alerting, retried daily flow `F1` with a contract between them.
    pub fn healthy() -> Landscape {
        Landscape {
            systems: vec![
                system("SRC", "team-a", &[("data", true)]),
                system("DST", "team-b", &[("copy", false)]),
            ],
            flows: vec![Flow {
                id: "F1".to_owned(),
                inputs: vec!["SRC.data".to_owned()],
                output: "DST.copy".to_owned(),
                schedule: daily(60),
                owner: Some("team-a".to_owned()),
                contract: Some("c".to_owned()),
                job_alert: true,
                retry: Retry {
                    max_attempts: 3,
                    ..Retry::default()
                },
                ..Flow::default()
            }],
            processes: vec![Process {
                id: "P".to_owned(),
                owner: "business".to_owned(),
                dependencies: vec![Dependency {
                    dataset: "DST.copy".to_owned(),
                    max_age_minutes: 2880,
                    min_completeness: 0.98,
                }],
                ..Process::default()
            }],
            monitors: vec![crate::model::Monitor {
                id: "M".to_owned(),
                dataset: "DST.copy".to_owned(),
                owner: Some("team-b".to_owned()),
                ..crate::model::Monitor::default()
            }],
            ..Landscape::default()
        }
    }

    /// A system owned by `owner` holding the listed `(dataset id, source)` pairs.
    pub fn system(id: &str, owner: &str, datasets: &[(&str, bool)]) -> System {
        System {
            id: id.to_owned(),
            // A system needs a name (`model::ranges`), or the freshness lint is not run.
            name: id.to_owned(),
            owner: Some(owner.to_owned()),
            datasets: datasets
                .iter()
                .map(|(d, source)| Dataset {
                    id: (*d).to_owned(),
                    source: *source,
                    ..Dataset::default()
                })
                .collect(),
            ..System::default()
        }
    }

    /// Daily at the given minute of the day.
    pub fn daily(minute: u16) -> Schedule {
        Schedule::Cron {
            times: vec![TimeOfDay(minute)],
            days: Weekday::ALL.to_vec(),
        }
    }

    /// The codes of the findings of `lint`, sorted.
    pub fn codes(landscape: &Landscape) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = super::lint(landscape).iter().map(|f| f.code).collect();
        codes.sort_unstable();
        codes
    }
}
