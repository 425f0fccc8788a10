//! The findings panel lists lint findings next to validation findings, and clicking one selects
//! the item it is about.

#![cfg(feature = "gui")]

mod ui_support;

use egui_kittest::kittest::Queryable;
use switchboard::model::Severity;
use switchboard::ui::view_state::Item;
use ui_support::{harness, seafood, settle};

#[test]
fn seafood_lists_f7_without_owner_and_clicking_selects_it() {
    let mut harness = harness(seafood(), vec![], vec![]);
    let finding = harness
        .state_mut()
        .findings()
        .iter()
        .find(|f| f.entity_id == "F7" && f.code == "flow-no-owner")
        .cloned()
        .expect("lint reports F7 without an owner");
    assert_eq!(finding.severity, Severity::Warning);
    settle(&mut harness);
    let label = format!("⚠ flow F7: {} [flow-no-owner]", finding.message);
    harness.get_by_label(&label).scroll_to_me();
    settle(&mut harness);
    harness.get_by_label(&label).click();
    settle(&mut harness);
    assert!(
        harness
            .state()
            .view
            .selection
            .contains(&Item::Flow("F7".to_owned()))
    );
}
