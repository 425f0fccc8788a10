//! Everyday editing: copy/paste and duplicate with fresh ids, arrow keys nudge the selection
//! (one undo step for a run of presses), align from the Arrange menu, and a new system lands on
//! a free spot.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use switchboard::ui::view_state::Item;
use ui_support::{command_key, harness, seafood, settle};

fn select(harness: &mut egui_kittest::Harness<'_, switchboard::ui::DesignerApp>, ids: &[&str]) {
    harness.state_mut().view.selection = ids
        .iter()
        .map(|id| Item::System((*id).to_owned()))
        .collect();
    settle(harness);
}

#[test]
fn copy_paste_and_duplicate_make_fresh_copies_with_their_flows() {
    let mut harness = harness(seafood(), vec![], vec![]);
    let before = seafood();
    select(&mut harness, &["ERP", "DWH"]);
    command_key(&mut harness, Key::C);
    command_key(&mut harness, Key::V);
    let landscape = harness.state().landscape().clone();
    assert_eq!(landscape.systems.len(), before.systems.len() + 2);
    let flows_between = before
        .flows
        .iter()
        .filter(|f| {
            let ends: Vec<String> = f.inputs.iter().chain([&f.output]).cloned().collect();
            ends.iter()
                .all(|e| e.starts_with("ERP.") || e.starts_with("DWH."))
        })
        .count();
    assert_eq!(landscape.flows.len(), before.flows.len() + flows_between);
    let pasted: Vec<String> = harness
        .state()
        .view
        .selection
        .iter()
        .map(|i| match i {
            Item::System(id) => id.clone(),
            other => panic!("only systems pasted: {other:?}"),
        })
        .collect();
    assert_eq!(pasted.len(), 2);
    for id in &pasted {
        assert!(before.system(id).is_none(), "{id} is a fresh id");
    }
    let errors: Vec<String> = switchboard::model::validate(&landscape)
        .iter()
        .filter(|f| f.severity == switchboard::model::Severity::Error)
        .map(|f| format!("{}: {}", f.code, f.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    command_key(&mut harness, Key::Z);
    assert_eq!(
        harness.state().landscape(),
        &before,
        "a paste is one undo step"
    );

    select(&mut harness, &["WMS"]);
    command_key(&mut harness, Key::D);
    assert_eq!(
        harness.state().landscape().systems.len(),
        before.systems.len() + 1
    );
    let copy = harness
        .state()
        .view
        .single()
        .cloned()
        .expect("the copy is selected");
    let Item::System(copy) = copy else {
        panic!("a system")
    };
    let original = before.system("WMS").expect("WMS").position;
    let moved = harness
        .state()
        .landscape()
        .system(&copy)
        .expect("copy")
        .position;
    assert!(
        moved.x > original.x && moved.y > original.y,
        "offset, not on top"
    );
}

#[test]
fn arrows_nudge_the_selection_in_one_step_and_align_lines_up() {
    let mut harness = harness(seafood(), vec![], vec![]);
    select(&mut harness, &["ERP", "WMS"]);
    let start = harness
        .state()
        .landscape()
        .system("ERP")
        .expect("ERP")
        .position;
    for _ in 0..3 {
        harness.key_press(Key::ArrowRight);
        settle(&mut harness);
    }
    harness.key_press(Key::ArrowUp);
    settle(&mut harness);
    let now = harness
        .state()
        .landscape()
        .system("ERP")
        .expect("ERP")
        .position;
    assert_eq!((now.x - start.x, now.y - start.y), (30.0, -10.0));
    command_key(&mut harness, Key::Z);
    assert_eq!(
        harness.state().landscape(),
        &seafood(),
        "the presses are one step"
    );

    harness.get_by_label("Arrange").click();
    settle(&mut harness);
    harness.get_by_label_contains("Align left edges").click();
    settle(&mut harness);
    let landscape = harness.state().landscape();
    let erp = landscape.system("ERP").expect("ERP").position.x;
    let wms = landscape.system("WMS").expect("WMS").position.x;
    assert_eq!(erp, wms);
}

#[test]
fn a_new_system_never_lands_on_another_box() {
    let mut harness = harness(seafood(), vec![], vec![]);
    for _ in 0..4 {
        harness.get_by_label("Add system").click();
        settle(&mut harness);
        harness.key_press(Key::Enter);
        settle(&mut harness);
    }
    let scene = harness.state().canvas.scene();
    for (i, a) in scene.nodes.iter().enumerate() {
        for b in scene.nodes.iter().skip(i + 1) {
            if !a.id.starts_with("new-system") && !b.id.starts_with("new-system") {
                continue;
            }
            assert!(!a.rect.intersects(b.rect), "{} overlaps {}", a.id, b.id);
        }
    }
}
