//! The metrics window, opened from the View menu, shows the size and connectivity figures of the
//! landscape and updates with edits.

#![cfg(feature = "gui")]

mod ui_support;

use egui_kittest::kittest::Queryable;
use ui_support::{harness, seafood, settle};

#[test]
fn view_metrics_shows_21_potential_connections_for_seafood() {
    let landscape = seafood();
    assert_eq!(landscape.systems.len(), 7);
    let mut harness = harness(landscape, vec![], vec![]);
    assert!(harness.query_by_label("Potential n(n-1)/2").is_none());
    harness.get_by_label("View").click();
    settle(&mut harness);
    harness.get_by_label("Metrics").click();
    settle(&mut harness);
    assert!(harness.state().tools.metrics.open);
    harness.get_by_label("Potential n(n-1)/2");
    harness.get_by_label("21");
    harness.get_by_label("Blast radius");
    harness.get_by_label("— point-to-point");
}
