//! Freshness rules: SLAs and process tolerances that the schedules cannot meet even when nothing
//! fails, and datasets that processes depend on but no monitor watches.
//!
//! Ages come from `analysis::freshness` (the nominal state of `simulation.md` §5.5 over the
//! reporting window). A dataset is stale when its age reaches `stale_after`, and a process
//! dependency is violated when the age reaches `max_age` while the process operates (§4, §7.4).
//!
//! Depends on `model` and `analysis::freshness`.

use std::collections::{BTreeMap, BTreeSet};

use super::{codes, finding};
use crate::analysis::freshness::{reporting_window, watermarks};
use crate::analysis::index::Index;
use crate::model::time::format_duration;
use crate::model::{Finding, Landscape, Severity};

/// Findings about freshness.
pub(super) fn check(landscape: &Landscape) -> Vec<Finding> {
    let mut findings = Vec::new();
    let (start, end) = reporting_window(landscape);
    let marks = watermarks(landscape);
    let index = Index::new(landscape);

    for dataset in landscape.datasets() {
        let id = dataset.full_id();
        let (Some(sla), Some(mark)) = (dataset.dataset.stale_after_minutes, marks.get(&id)) else {
            continue;
        };
        let Some(age) = mark.max_age(start, end, None) else {
            continue;
        };
        if age >= i64::from(sla) {
            let producer = index.producer.get(id.as_str()).map_or_else(
                || "its producing flow".to_owned(),
                |f| format!("flow {}", f.id),
            );
            findings.push(finding(
                Severity::Warning,
                codes::SLA_UNREACHABLE,
                "dataset",
                &id,
                format!(
                    "dataset {id} reaches an age of {age} min ({}) on schedule, with nothing \
                     failing, but its freshness SLA (stale_after) is {sla} min: it is reported \
                     stale every cycle, so real staleness drowns in noise. Run {producer} or the \
                     flows upstream more often or in a better order, or raise stale_after to at \
                     least {} min.",
                    format_duration(age),
                    age + 1
                ),
            ));
        }
    }

    for process in &landscape.processes {
        for dependency in &process.dependencies {
            let Some(mark) = marks.get(&dependency.dataset) else {
                continue;
            };
            let Some(age) = mark.max_age(start, end, Some(&process.calendar)) else {
                continue;
            };
            let max_age = dependency.max_age_minutes;
            if age >= i64::from(max_age) {
                findings.push(finding(
                    Severity::Warning,
                    codes::MAX_AGE_UNREACHABLE,
                    "process",
                    &process.id,
                    format!(
                        "process {} accepts {} at most {max_age} min old, but during its \
                         operating hours the chain of schedules delivers data up to {age} min \
                         ({}) old, with nothing failing: it is impacted every week. Schedule the \
                         upstream flows closer to the process's hours, or accept data of at \
                         least {} min.",
                        process.id,
                        dependency.dataset,
                        format_duration(age),
                        age + 1
                    ),
                ));
            }
        }
    }

    let monitored: BTreeSet<&str> = landscape
        .monitors
        .iter()
        .map(|m| m.dataset.as_str())
        .collect();
    let mut unmonitored: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for process in &landscape.processes {
        for dependency in &process.dependencies {
            let dataset = dependency.dataset.as_str();
            let is_source =
                !index.system_of.contains_key(dataset) || index.sources.contains(dataset);
            if !is_source && !monitored.contains(dataset) {
                unmonitored
                    .entry(dataset)
                    .or_default()
                    .push(process.id.as_str());
            }
        }
    }
    for (dataset, mut processes) in unmonitored {
        processes.sort_unstable();
        processes.dedup();
        findings.push(finding(
            Severity::Warning,
            codes::DEPENDENCY_UNMONITORED,
            "dataset",
            dataset,
            format!(
                "no monitor watches {dataset}, which {} depend{} on: when it goes stale or \
                 incomplete, the first to notice are the people running the process. Add a \
                 freshness monitor (threshold at its SLA) routed to a team that can act.",
                processes.join(", "),
                if processes.len() == 1 { "s" } else { "" }
            ),
        ));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::codes;
    use super::super::fixtures::{codes as lint_codes, daily, healthy};
    use crate::model::Schedule;

    #[test]
    fn sla_the_schedule_meets_raises_nothing() {
        let mut landscape = healthy();
        // Daily at 01:00 for 10 minutes: at most 1449 minutes old.
        landscape.systems[1].datasets[0].stale_after_minutes = Some(1450);
        assert!(lint_codes(&landscape).is_empty());
    }

    #[test]
    fn sla_shorter_than_the_schedule_is_reported() {
        let mut landscape = healthy();
        landscape.systems[1].datasets[0].stale_after_minutes = Some(1449);
        assert_eq!(lint_codes(&landscape), [codes::SLA_UNREACHABLE]);
        let findings = crate::analysis::lint(&landscape);
        assert!(findings[0].message.contains("1449 min"));
        assert_eq!(findings[0].entity_id, "DST.copy");
    }

    #[test]
    fn sla_is_checked_along_the_chain() {
        let mut landscape = healthy();
        // An hourly copy (xx:30, 10 min) of a daily 01:00 export: the 01:30 run brings today's
        // data at 01:40, so just before that the copy holds yesterday's 01:00 data, 1479 min old.
        landscape.systems[1].datasets.push(crate::model::Dataset {
            id: "hourly".to_owned(),
            stale_after_minutes: Some(1479),
            ..crate::model::Dataset::default()
        });
        let mut hourly = landscape.flows[0].clone();
        hourly.id = "F2".to_owned();
        hourly.inputs = vec!["DST.copy".to_owned()];
        hourly.output = "DST.hourly".to_owned();
        hourly.schedule = Schedule::Every {
            every_minutes: 60,
            offset_minutes: 30,
        };
        landscape.flows.push(hourly);
        landscape.processes[0].dependencies[0].dataset = "DST.hourly".to_owned();
        landscape.monitors[0].dataset = "DST.hourly".to_owned();
        assert_eq!(lint_codes(&landscape), [codes::SLA_UNREACHABLE]);
        landscape.systems[1].datasets[1].stale_after_minutes = Some(1480);
        assert!(lint_codes(&landscape).is_empty());
    }

    #[test]
    fn process_tolerance_tighter_than_the_chain_is_reported() {
        let mut landscape = healthy();
        landscape.processes[0].dependencies[0].max_age_minutes = 600;
        assert_eq!(lint_codes(&landscape), [codes::MAX_AGE_UNREACHABLE]);
    }

    #[test]
    fn process_tolerance_counts_only_operating_hours() {
        let mut landscape = healthy();
        // Copied at 23:00 daily; business hours end at 17:00, when the data is 18 hours old.
        landscape.flows[0].schedule = daily(23 * 60);
        landscape.flows[0].duration_minutes = 20;
        landscape.processes[0].dependencies[0].max_age_minutes = 1200;
        assert!(lint_codes(&landscape).is_empty());
        landscape.processes[0].dependencies[0].max_age_minutes = 1079;
        assert_eq!(lint_codes(&landscape), [codes::MAX_AGE_UNREACHABLE]);
    }

    #[test]
    fn dependency_without_monitor_is_reported() {
        let mut landscape = healthy();
        landscape.monitors.clear();
        assert_eq!(lint_codes(&landscape), [codes::DEPENDENCY_UNMONITORED]);
    }

    #[test]
    fn dependency_on_a_source_needs_no_monitor() {
        let mut landscape = healthy();
        landscape.monitors.clear();
        landscape.processes[0].dependencies[0].dataset = "SRC.data".to_owned();
        // DST.copy is now used by nobody; SRC.data is always live and needs no monitor.
        assert_eq!(lint_codes(&landscape), [codes::DATASET_UNCONSUMED]);
    }
}
