//! The standard controls a fix search tries, written as the control changes a scenario's control
//! set holds (`simulation.md` §9.1), so that a fix can be saved as a scenario unchanged.
//!
//! Their order is their cost: a configuration change first, an architecture change last.
//! 0 retries, 1 job alert, 2 on-call for the owner, 3 a monitor on the first dataset the fault
//! makes bad (freshness at its SLA, or volume/quality when it goes partial/corrupt first),
//! 4 contract validation, 5 a dead-letter queue, 6 routing through the hub. A control that is
//! already in place, or does not apply to the flow, is not offered.

use crate::model::time::format_duration;
use crate::model::{
    Calendar, Change, FlowPatch, Jitter, Monitor, MonitorCheck, Pattern, Retry, Schedule,
    Validation,
};

use super::fault::BadState;
use super::run_one::{FlowFacts, Outcome, Prepared};

/// A control to try: its name, cost rank and changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub name: String,
    /// Position in the standard list (lower is cheaper).
    pub cost: usize,
    pub changes: Vec<Change>,
}

fn flow_change(flow: &str, set: FlowPatch) -> Vec<Change> {
    vec![Change::Flow {
        flow: flow.to_owned(),
        set,
    }]
}

fn retries(flow: &str, f: &FlowFacts) -> Option<Candidate> {
    (!f.stream && f.max_attempts < 3).then(|| Candidate {
        name: "retries x3 (10m, 20m backoff)".to_owned(),
        cost: 0,
        changes: flow_change(
            flow,
            FlowPatch {
                retry: Some(Retry {
                    max_attempts: 3,
                    base_minutes: 10,
                    factor: 2.0,
                    cap_minutes: 240,
                    jitter: Jitter::Off,
                }),
                ..FlowPatch::default()
            },
        ),
    })
}

fn job_alert(flow: &str, f: &FlowFacts) -> Option<Candidate> {
    (!f.job_alert).then(|| Candidate {
        name: "job-failure alert".to_owned(),
        cost: 1,
        changes: flow_change(
            flow,
            FlowPatch {
                job_alert: Some(true),
                ..FlowPatch::default()
            },
        ),
    })
}

fn on_call(f: &FlowFacts) -> Option<Candidate> {
    let team = f.owner.as_ref()?;
    (f.owner_declared && !f.owner_on_call).then(|| Candidate {
        name: format!("{team} 24x7 on-call"),
        cost: 2,
        changes: vec![Change::Team {
            team: team.clone(),
            calendar: Calendar::TwentyFourSeven,
        }],
    })
}

fn monitor(
    prep: &Prepared,
    f: &FlowFacts,
    first: Option<&(String, BadState)>,
) -> Option<Candidate> {
    let (dataset, state) = first?;
    let facts = prep.dataset_facts(dataset)?;
    let owner = facts.owner_team.or_else(|| f.owner.clone())?;
    let (prefix, check, what) = match state {
        BadState::Stale => {
            let sla = facts.stale_after?;
            (
                "fresh",
                MonitorCheck::Freshness {
                    max_age_minutes: u32::try_from(sla).ok()?,
                },
                format!("freshness check {dataset} {}", format_duration(sla)),
            )
        }
        BadState::Partial => (
            "volume",
            MonitorCheck::Volume {
                min_completeness: 0.98,
            },
            format!("volume check {dataset} 98%"),
        ),
        BadState::Corrupt => (
            "quality",
            MonitorCheck::Quality {
                max_detectability: 2,
            },
            format!("quality check {dataset}"),
        ),
    };
    let mut id = format!("M-{prefix}-{dataset}");
    while prep.has_monitor(&id) {
        id.push_str("-sweep");
    }
    Some(Candidate {
        name: format!("{what} -> {owner}"),
        cost: 3,
        changes: vec![Change::AddMonitor(Monitor {
            id,
            dataset: dataset.clone(),
            check,
            every_minutes: 60,
            offset_minutes: 0,
            owner: Some(owner),
        })],
    })
}

fn validation(flow: &str, f: &FlowFacts) -> Option<Candidate> {
    (f.validation < 2).then(|| Candidate {
        name: "contract validation (schema + values)".to_owned(),
        cost: 4,
        changes: flow_change(
            flow,
            FlowPatch {
                validation: Some(Validation::SchemaAndValues),
                ..FlowPatch::default()
            },
        ),
    })
}

fn dlq(flow: &str, f: &FlowFacts) -> Option<Candidate> {
    (f.stream && !f.dlq).then(|| Candidate {
        name: "dead-letter queue".to_owned(),
        cost: 5,
        changes: flow_change(
            flow,
            FlowPatch {
                dlq: Some(true),
                ..FlowPatch::default()
            },
        ),
    })
}

fn hub(flow: &str, f: &FlowFacts) -> Option<Candidate> {
    let broker = FlowPatch {
        buffered: Some(true),
        queue_age_alarm_minutes: Some(30),
        via_hub: Some(true),
        ..FlowPatch::default()
    };
    let set = if f.stream {
        if f.buffered && f.queue_age_alarm {
            return None;
        }
        broker
    } else {
        if f.inputs != 1 {
            return None;
        }
        FlowPatch {
            schedule: Some(Schedule::Stream { latency_minutes: 1 }),
            pattern: Some(Pattern::MessageQueue),
            duration_minutes: Some(0),
            ..broker
        }
    };
    Some(Candidate {
        name: "route through the hub (durable queue, queue-age alarm 30m)".to_owned(),
        cost: 6,
        changes: flow_change(flow, set),
    })
}

/// The standard controls that apply to a flow, cheapest first.
pub fn candidates(prep: &Prepared, flow: &str, as_is: &Outcome) -> Vec<Candidate> {
    let Some(f) = prep.flow_facts(flow) else {
        return Vec::new();
    };
    [
        retries(flow, &f),
        job_alert(flow, &f),
        on_call(&f),
        monitor(prep, &f, as_is.first_dataset.as_ref()),
        validation(flow, &f),
        dlq(flow, &f),
        hub(flow, &f),
    ]
    .into_iter()
    .flatten()
    .collect()
}
