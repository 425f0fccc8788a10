//! Routing a selected flow through the hub from the Edit menu: one undoable step, and a window
//! comparing connections and the simulated impact before and after.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use switchboard::model::Pattern;
use switchboard::ui::view_state::Item;
use ui_support::{command_key, harness, seafood, settle};

#[test]
fn routing_f1_is_one_undoable_step_with_a_before_after_window() {
    let original = seafood();
    let mut harness = harness(original.clone(), vec![], vec![]);
    harness
        .state_mut()
        .view
        .select_only(Item::Flow("F1".to_owned()));
    settle(&mut harness);
    harness.get_by_label("Edit").click();
    settle(&mut harness);
    harness
        .get_by_label("Route selected flows through hub")
        .click();
    settle(&mut harness);

    let f1 = harness.state().landscape().flow("F1").expect("F1").clone();
    assert!(f1.via_hub);
    assert_eq!(f1.pattern, Pattern::MessageQueue);
    assert_eq!(
        harness.state().history().undo_description(),
        Some("Route 1 flow through hub")
    );
    // The impact is simulated in the background; the window shows a spinner meanwhile.
    for _ in 0..6000 {
        if harness.state().tools.hub_impact.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    settle(&mut harness);
    let report = harness
        .state()
        .tools
        .hub
        .clone()
        .expect("the window is open");
    assert_eq!(report.summary.converted, vec!["F1".to_owned()]);
    assert_eq!(report.summary.after.flows_via_hub, 1);
    let (before, after) = report
        .impact
        .expect("simulated")
        .expect("the scenario simulates");
    assert!(before.impacted_minutes >= 0 && after.impacted_minutes >= 0);
    harness.get_by_label("Route through hub");
    harness.get_by_label("Operating minutes");
    harness.get_by_label("Detection time");

    harness.get_by_label("Close").click();
    settle(&mut harness);
    assert!(harness.state().tools.hub.is_none());
    command_key(&mut harness, Key::Z);
    assert_eq!(*harness.state().landscape(), original);
}
