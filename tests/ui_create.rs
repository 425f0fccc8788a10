//! Insert ▸ New team / New contract / New business process: each is one named undo step, gets
//! an id from its name, and is selected for the inspector.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use switchboard::model::Landscape;
use switchboard::ui::view_state::Item;
use ui_support::{command_key, harness, settle, type_into};

fn insert(harness: &mut egui_kittest::Harness<'_, switchboard::ui::DesignerApp>, entry: &str) {
    harness.get_by_label("Insert").click();
    settle(harness);
    harness.get_by_label_contains(entry).click();
    settle(harness);
}

#[test]
fn insert_menu_makes_teams_contracts_and_processes_as_named_steps() {
    let mut harness = harness(Landscape::default(), vec![], vec![]);
    insert(&mut harness, "New team");
    assert_eq!(
        harness.state().view.single(),
        Some(&Item::Team("new-team-1".to_owned()))
    );
    assert_eq!(
        harness.state().history().undo_description(),
        Some("add team New team 1")
    );
    type_into(&mut harness, "Name", "Night shift");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(
        harness
            .state()
            .landscape()
            .team("new-team-1")
            .expect("team")
            .name,
        "Night shift"
    );

    insert(&mut harness, "New contract");
    insert(&mut harness, "New business process");
    let landscape = harness.state().landscape();
    assert!(landscape.contract("new-contract-1").is_some());
    assert!(landscape.process("new-business-process-1").is_some());
    command_key(&mut harness, Key::Z);
    assert!(
        harness
            .state()
            .landscape()
            .process("new-business-process-1")
            .is_none()
    );
    assert!(
        harness
            .state()
            .landscape()
            .contract("new-contract-1")
            .is_some()
    );
}
