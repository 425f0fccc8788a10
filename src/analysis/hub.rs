//! "Route through hub": converts point-to-point flows into broker-mediated flows, and counts the
//! connections before and after.
//!
//! A converted flow becomes a durable message-queue stream through the hub: pattern
//! `message_queue`, schedule `Stream` (latency 1 minute unless it already streams), duration 0,
//! buffered, dead-letter queue on, a 30-minute queue-age alarm, `via_hub`; owner, contract,
//! inputs and output are kept. This is the "broker instead of file" change of `simulation.md`
//! §9.1 (F1 of the seafood model) plus the dead-letter queue.
//!
//! A pure function over the model: the caller decides what to do with the new landscape (the
//! designer applies it as one undoable edit, `switchboard hub` saves it). Depends on `model`.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::graph::connected_pairs;
use crate::model::{Flow, Landscape, Pattern, Schedule};

/// Latency of a flow that becomes a stream through the hub, in minutes.
pub const HUB_LATENCY_MINUTES: u32 = 1;
/// Queue-age alarm of a flow routed through the hub, in minutes.
pub const HUB_QUEUE_AGE_ALARM_MINUTES: u32 = 30;

/// Why the conversion could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HubError {
    /// Selected flow ids that the landscape does not hold.
    #[error("unknown flow {}: use the ids of flows in the document", .0.join(", "))]
    UnknownFlows(Vec<String>),
}

/// The converted landscape and what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct HubOutcome {
    pub landscape: Landscape,
    pub summary: HubSummary,
}

/// What the conversion did, with connection counts before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HubSummary {
    /// Ids of the flows now routed through the hub (sorted).
    pub converted: Vec<String>,
    /// Flows left as they were, with the reason (sorted by flow id).
    pub skipped: Vec<SkippedFlow>,
    pub before: ConnectionCounts,
    pub after: ConnectionCounts,
}

/// A flow that was not converted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedFlow {
    pub flow: String,
    pub reason: String,
}

/// The connections of a landscape, split into point-to-point and hub connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ConnectionCounts {
    /// Distinct pairs of systems connected by flows that do not go through the hub.
    pub point_to_point: usize,
    /// Systems that send or receive through the hub: one connection each.
    pub hub: usize,
    /// `point_to_point + hub`.
    pub total: usize,
    /// Flows routed through the hub.
    pub flows_via_hub: usize,
}

/// Counts the point-to-point and hub connections of a landscape.
pub fn connection_counts(landscape: &Landscape) -> ConnectionCounts {
    let direct = Landscape {
        flows: landscape
            .flows
            .iter()
            .filter(|f| !f.via_hub)
            .cloned()
            .collect(),
        ..landscape.clone()
    };
    let point_to_point = connected_pairs(&direct).len();
    let mut attached: BTreeSet<&str> = BTreeSet::new();
    for flow in landscape.flows.iter().filter(|f| f.via_hub) {
        let sources = landscape.flow_source_systems(flow);
        if let Some(target) = landscape.flow_target_system(flow) {
            attached.insert(target);
        }
        for source in sources {
            if let Some(system) = landscape.system(&source) {
                attached.insert(system.id.as_str());
            }
        }
    }
    ConnectionCounts {
        point_to_point,
        hub: attached.len(),
        total: point_to_point + attached.len(),
        flows_via_hub: landscape.flows.iter().filter(|f| f.via_hub).count(),
    }
}

/// Why a flow cannot be routed through the hub, or `None` when it can.
pub fn ineligibility(landscape: &Landscape, flow: &Flow) -> Option<String> {
    if flow.via_hub {
        return Some("already routed through the hub".to_owned());
    }
    let Some(target) = landscape.flow_target_system(flow) else {
        return Some(format!("its output {} does not resolve", flow.output));
    };
    let sources = landscape.flow_source_systems(flow);
    if sources.is_empty() {
        return Some("its inputs do not resolve".to_owned());
    }
    if sources.iter().all(|s| s == target) {
        return Some(format!("it stays inside system {target}"));
    }
    if flow.inputs.len() != 1 {
        return Some(format!(
            "it reads {} datasets and a hub stream reads exactly one: split it into one flow \
             per input first",
            flow.inputs.len()
        ));
    }
    None
}

/// Converts one flow into its hub-routed form (see the module documentation).
pub fn hub_flow(flow: &Flow) -> Flow {
    let latency = match flow.schedule {
        Schedule::Stream { latency_minutes } => latency_minutes,
        _ => HUB_LATENCY_MINUTES,
    };
    Flow {
        schedule: Schedule::Stream {
            latency_minutes: latency,
        },
        pattern: Pattern::MessageQueue,
        duration_minutes: 0,
        buffered: true,
        dlq: true,
        queue_age_alarm_minutes: Some(HUB_QUEUE_AGE_ALARM_MINUTES),
        via_hub: true,
        ..flow.clone()
    }
}

/// Routes flows through the hub. `selection` names the flows to convert; `None` converts every
/// eligible flow. Selected flows that are not eligible are left unchanged and listed as skipped;
/// an unknown id is an error and nothing is converted.
pub fn route_through_hub(
    landscape: &Landscape,
    selection: Option<&[String]>,
) -> Result<HubOutcome, HubError> {
    let chosen: Option<BTreeSet<&str>> =
        selection.map(|ids| ids.iter().map(String::as_str).collect());
    if let Some(chosen) = &chosen {
        let unknown: Vec<String> = chosen
            .iter()
            .filter(|id| landscape.flow(id).is_none())
            .map(|id| (*id).to_owned())
            .collect();
        if !unknown.is_empty() {
            return Err(HubError::UnknownFlows(unknown));
        }
    }
    let mut result = landscape.clone();
    let mut converted = Vec::new();
    let mut skipped = Vec::new();
    for flow in &mut result.flows {
        let selected = chosen
            .as_ref()
            .is_none_or(|chosen| chosen.contains(flow.id.as_str()));
        if !selected {
            continue;
        }
        if let Some(reason) = ineligibility(landscape, flow) {
            skipped.push(SkippedFlow {
                flow: flow.id.clone(),
                reason,
            });
        } else {
            *flow = hub_flow(flow);
            converted.push(flow.id.clone());
        }
    }
    converted.sort();
    skipped.sort_by(|a, b| a.flow.cmp(&b.flow));
    let summary = HubSummary {
        converted,
        skipped,
        before: connection_counts(landscape),
        after: connection_counts(&result),
    };
    Ok(HubOutcome {
        landscape: result,
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Retry, System, TimeOfDay, Weekday};

    fn system(id: &str, datasets: &[(&str, bool)]) -> System {
        System {
            id: id.to_owned(),
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

    fn flow(id: &str, inputs: &[&str], output: &str) -> Flow {
        Flow {
            id: id.to_owned(),
            inputs: inputs.iter().map(|s| (*s).to_owned()).collect(),
            output: output.to_owned(),
            schedule: Schedule::Cron {
                times: vec![TimeOfDay(1380)],
                days: Weekday::ALL.to_vec(),
            },
            duration_minutes: 20,
            owner: Some("team-wms".to_owned()),
            contract: Some("stock_csv".to_owned()),
            retry: Retry {
                max_attempts: 3,
                ..Retry::default()
            },
            ..Flow::default()
        }
    }

    fn landscape() -> Landscape {
        let mut stream = flow("F3", &["A.orders"], "C.orders");
        stream.schedule = Schedule::Stream { latency_minutes: 5 };
        Landscape {
            systems: vec![
                system("A", &[("stock", true), ("orders", true), ("plan", false)]),
                system("B", &[("stock", false)]),
                system("C", &[("orders", false), ("mix", false)]),
            ],
            flows: vec![
                flow("F1", &["A.stock"], "B.stock"),
                flow("F2", &["A.stock", "A.orders"], "A.plan"),
                stream,
                flow("F4", &["B.stock", "C.orders"], "C.mix"),
            ],
            ..Landscape::default()
        }
    }

    #[test]
    fn converts_a_batch_export_into_the_broker_shape() {
        let original = landscape();
        let Ok(outcome) = route_through_hub(&original, Some(&["F1".to_owned()])) else {
            panic!("F1 exists");
        };
        let Some(f1) = outcome.landscape.flow("F1") else {
            panic!("F1 is kept");
        };
        assert_eq!(f1.schedule, Schedule::Stream { latency_minutes: 1 });
        assert_eq!(f1.pattern, Pattern::MessageQueue);
        assert_eq!(f1.duration_minutes, 0);
        assert!(f1.buffered && f1.dlq && f1.via_hub);
        assert_eq!(f1.queue_age_alarm_minutes, Some(30));
        assert_eq!(f1.owner.as_deref(), Some("team-wms"));
        assert_eq!(f1.contract.as_deref(), Some("stock_csv"));
        assert_eq!(f1.retry.max_attempts, 3);
        assert_eq!(outcome.summary.converted, ["F1"]);
        // Everything else is untouched.
        assert_eq!(outcome.landscape.flows[1..], original.flows[1..]);
    }

    #[test]
    fn a_stream_keeps_its_latency() {
        let Ok(outcome) = route_through_hub(&landscape(), Some(&["F3".to_owned()])) else {
            panic!("F3 exists");
        };
        let f3 = outcome.landscape.flow("F3").map(|f| f.schedule.clone());
        assert_eq!(f3, Some(Schedule::Stream { latency_minutes: 5 }));
    }

    #[test]
    fn all_eligible_skips_internal_multi_input_and_hub_flows() {
        let Ok(outcome) = route_through_hub(&landscape(), None) else {
            panic!("no selection cannot fail");
        };
        assert_eq!(outcome.summary.converted, ["F1", "F3"]);
        let skipped: Vec<&str> = outcome
            .summary
            .skipped
            .iter()
            .map(|s| s.flow.as_str())
            .collect();
        assert_eq!(skipped, ["F2", "F4"]);
        assert!(
            outcome.summary.skipped[0]
                .reason
                .contains("inside system A")
        );
        // Converting again finds nothing new to do.
        let Ok(again) = route_through_hub(&outcome.landscape, None) else {
            panic!("no selection cannot fail");
        };
        assert!(again.summary.converted.is_empty());
        assert_eq!(again.landscape, outcome.landscape);
    }

    #[test]
    fn counts_connections_before_and_after() {
        let Ok(outcome) = route_through_hub(&landscape(), None) else {
            panic!("no selection cannot fail");
        };
        let ConnectionCounts {
            point_to_point,
            hub,
            total,
            flows_via_hub,
        } = outcome.summary.before;
        // A-B, A-C, B-C (F4 reads B and C into C).
        assert_eq!((point_to_point, hub, total, flows_via_hub), (3, 0, 3, 0));
        // Left point to point: F4 (B-C); on the hub: A, B (F1) and C (F3).
        assert_eq!(
            outcome.summary.after,
            ConnectionCounts {
                point_to_point: 1,
                hub: 3,
                total: 4,
                flows_via_hub: 2,
            }
        );
    }

    #[test]
    fn unknown_flow_ids_are_named() {
        let selection = ["F1".to_owned(), "nope".to_owned()];
        assert_eq!(
            route_through_hub(&landscape(), Some(&selection)),
            Err(HubError::UnknownFlows(vec!["nope".to_owned()]))
        );
    }
}
