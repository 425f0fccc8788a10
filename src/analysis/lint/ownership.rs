//! Ownership rules: flows and systems that nobody owns.
//!
//! Depends on `model`.

use super::{codes, finding};
use crate::model::{Finding, Landscape, Severity};

/// Findings about missing owners.
pub(super) fn check(landscape: &Landscape) -> Vec<Finding> {
    let mut findings = Vec::new();
    for flow in &landscape.flows {
        if flow.owner.as_deref().is_none_or(str::is_empty) {
            findings.push(finding(
                Severity::Warning,
                codes::FLOW_NO_OWNER,
                "flow",
                &flow.id,
                format!(
                    "flow {} has no owner: its failures signal nobody, and a repair waits for \
                     someone to find out who can fix it (the fallback team, {} minutes later). \
                     Assign the team that runs the job as its owner.",
                    flow.id, landscape.settings.no_owner_delay_minutes
                ),
            ));
        }
    }
    for system in &landscape.systems {
        if system.owner.as_deref().is_none_or(str::is_empty) {
            findings.push(finding(
                Severity::Warning,
                codes::SYSTEM_NO_OWNER,
                "system",
                &system.id,
                format!(
                    "system {} has no owner: nobody is accountable for its datasets and the \
                     contracts it offers. Assign the team that operates it as its owner.",
                    system.id
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

    #[test]
    fn owned_flows_and_systems_raise_nothing() {
        assert!(lint_codes(&healthy()).is_empty());
    }

    #[test]
    fn flow_without_owner_is_reported() {
        let mut landscape = healthy();
        landscape.flows[0].owner = None;
        assert_eq!(lint_codes(&landscape), [codes::FLOW_NO_OWNER]);
    }

    #[test]
    fn system_without_owner_is_reported() {
        let mut landscape = healthy();
        landscape.systems[1].owner = Some(String::new());
        assert_eq!(lint_codes(&landscape), [codes::SYSTEM_NO_OWNER]);
    }
}
