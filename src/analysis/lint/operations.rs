//! Operations rules, the "scheduled script problem": batch flows that alert nobody when they
//! fail, batch flows that give up after one attempt, flows without a contract.
//!
//! Depends on `model`.

use super::{codes, finding};
use crate::model::{Finding, Landscape, Severity};

/// Findings about alerting, retries and contracts.
pub(super) fn check(landscape: &Landscape) -> Vec<Finding> {
    let mut findings = Vec::new();
    for flow in &landscape.flows {
        if flow.contract.as_deref().is_none_or(str::is_empty) {
            findings.push(finding(
                Severity::Info,
                codes::FLOW_NO_CONTRACT,
                "flow",
                &flow.id,
                format!(
                    "flow {} has no contract: a change of the data's shape or meaning on either \
                     side goes unnoticed until a consumer breaks. Agree a versioned contract \
                     (fields, types, units) and attach it to the flow.",
                    flow.id
                ),
            ));
        }
        if flow.is_stream() {
            continue;
        }
        if !flow.job_alert {
            findings.push(finding(
                Severity::Warning,
                codes::BATCH_NO_ALERT,
                "flow",
                &flow.id,
                format!(
                    "batch flow {} raises no alert when it fails: the error is written to a log \
                     nobody reads, and the stale data is found by the business days later. Turn \
                     on the job alert and route it to the flow's owner.",
                    flow.id
                ),
            ));
        }
        if flow.retry.max_attempts <= 1 {
            findings.push(finding(
                Severity::Warning,
                codes::BATCH_NO_RETRIES,
                "flow",
                &flow.id,
                format!(
                    "batch flow {} runs once and gives up: a short outage (a network blip, a \
                     locked file) costs a whole schedule period of stale data. Allow at least 3 \
                     attempts with backoff.",
                    flow.id
                ),
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::codes;
    use super::super::fixtures::{codes as lint_codes, healthy};
    use crate::model::Schedule;

    #[test]
    fn alerting_retried_batch_with_contract_raises_nothing() {
        assert!(lint_codes(&healthy()).is_empty());
    }

    #[test]
    fn batch_without_job_alert_is_reported() {
        let mut landscape = healthy();
        landscape.flows[0].job_alert = false;
        assert_eq!(lint_codes(&landscape), [codes::BATCH_NO_ALERT]);
    }

    #[test]
    fn batch_without_retries_is_reported() {
        let mut landscape = healthy();
        landscape.flows[0].retry.max_attempts = 1;
        assert_eq!(lint_codes(&landscape), [codes::BATCH_NO_RETRIES]);
    }

    #[test]
    fn streams_need_neither_job_alert_nor_retries() {
        let mut landscape = healthy();
        let flow = &mut landscape.flows[0];
        flow.schedule = Schedule::Stream { latency_minutes: 1 };
        flow.job_alert = false;
        flow.retry.max_attempts = 1;
        assert!(lint_codes(&landscape).is_empty());
    }

    #[test]
    fn flow_without_contract_is_reported() {
        let mut landscape = healthy();
        landscape.flows[0].contract = None;
        assert_eq!(lint_codes(&landscape), [codes::FLOW_NO_CONTRACT]);
    }
}
