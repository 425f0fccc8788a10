//! Route through hub on the bundled examples.

use std::path::Path;

use switchboard::analysis::hub::route_through_hub;
use switchboard::file::load_path;
use switchboard::model::{Change, Landscape, Pattern, Schedule};

fn example(name: &str) -> Landscape {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    match load_path(&path) {
        Ok(landscape) => landscape,
        Err(error) => panic!("{name} loads: {error}"),
    }
}

#[test]
fn seafood_f1_through_the_hub_has_the_broker_shape_of_the_spec() {
    let seafood = example("seafood.ron");
    let Ok(outcome) = route_through_hub(&seafood, Some(&["F1".to_owned()])) else {
        panic!("F1 exists");
    };
    let Some(f1) = outcome.landscape.flow("F1") else {
        panic!("F1 is kept");
    };
    // simulation.md §9.1, the broker variant: stream latency 1, message_queue, duration 0,
    // buffered, queue-age alarm 30; the hub also turns on the dead-letter queue.
    assert_eq!(f1.schedule, Schedule::Stream { latency_minutes: 1 });
    assert_eq!(f1.pattern, Pattern::MessageQueue);
    assert_eq!(f1.duration_minutes, 0);
    assert!(f1.buffered);
    assert_eq!(f1.queue_age_alarm_minutes, Some(30));
    assert!(f1.dlq && f1.via_hub);
    assert_eq!(f1.owner.as_deref(), Some("team-wms"));
    let original = seafood.flow("F1").map(|f| f.contract.clone());
    assert_eq!(Some(f1.contract.clone()), original);

    // The same values as the document's own broker control, where it lists one.
    let broker_patches = seafood
        .scenarios
        .iter()
        .flat_map(|s| &s.controls)
        .flat_map(|c| &c.changes)
        .filter_map(|change| match change {
            Change::Flow { flow, set } if flow == "F1" && set.buffered == Some(true) => Some(set),
            _ => None,
        });
    for patch in broker_patches {
        assert_eq!(patch.schedule.as_ref(), Some(&f1.schedule));
        assert_eq!(patch.pattern, Some(f1.pattern));
        assert_eq!(patch.duration_minutes, Some(f1.duration_minutes));
        assert_eq!(patch.queue_age_alarm_minutes, f1.queue_age_alarm_minutes);
    }

    // Only F1 changed.
    for (before, after) in seafood.flows.iter().zip(&outcome.landscape.flows) {
        if before.id != "F1" {
            assert_eq!(before, after);
        }
    }
}

#[test]
fn seafood_all_eligible_skips_the_internal_and_the_two_input_flow() {
    let seafood = example("seafood.ron");
    let Ok(outcome) = route_through_hub(&seafood, None) else {
        panic!("no selection cannot fail");
    };
    let summary = outcome.summary;
    assert_eq!(
        summary.converted,
        ["F1", "F10", "F2", "F3", "F5", "F6", "F7", "F9"]
    );
    let skipped: Vec<&str> = summary.skipped.iter().map(|s| s.flow.as_str()).collect();
    assert_eq!(skipped, ["F4", "F8"]);
    assert_eq!((summary.before.point_to_point, summary.before.hub), (7, 0));
    // F8 (DWH to FCST) stays point to point; every system is on the hub.
    assert_eq!((summary.after.point_to_point, summary.after.hub), (1, 7));
}

#[test]
fn point_to_point_example_fully_routed_needs_7_connections_instead_of_9() {
    let landscape = example("point-to-point.ron");
    let Ok(outcome) = route_through_hub(&landscape, None) else {
        panic!("no selection cannot fail");
    };
    assert_eq!(outcome.summary.converted.len(), 10);
    assert_eq!(outcome.summary.before.total, 9);
    assert_eq!(outcome.summary.after.point_to_point, 0);
    assert_eq!(outcome.summary.after.total, 7);
}
