//! Renaming on the canvas: F2 or a double-click opens a text field over the box; Enter renames
//! in one undo step, Escape cancels.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::kittest::{By, Queryable};
use switchboard::ui::file_picker::ScriptedPicker;
use switchboard::ui::view_state::Item;
use ui_support::{command_key, harness, harness_stepping, seafood, settle, system_centre};

fn type_into_focused(
    harness: &mut egui_kittest::Harness<'_, switchboard::ui::DesignerApp>,
    text: &str,
) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.step();
    type_focused(harness, text);
    settle(harness);
}

/// Types into the widget with the keyboard focus.
fn type_focused(harness: &mut egui_kittest::Harness<'_, switchboard::ui::DesignerApp>, text: &str) {
    #[expect(
        clippy::redundant_closure_for_method_calls,
        reason = "the method path is not general over the node's lifetime"
    )]
    let focused = By::new().predicate(|node| node.is_focused());
    harness.get(focused).type_text(text);
}

#[test]
fn f2_renames_a_system_in_place_as_one_undo_step() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness
        .state_mut()
        .view
        .select_only(Item::System("ERP".to_owned()));
    settle(&mut harness);
    harness.key_press(Key::F2);
    settle(&mut harness);
    let renaming = harness.state().view.renaming.clone().expect("editor open");
    assert_eq!(renaming.id, "ERP");
    assert_eq!(renaming.text, "ERP (orders, ATP, invoicing)");

    type_into_focused(&mut harness, "SAP S/4");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert!(harness.state().view.renaming.is_none());
    assert_eq!(
        harness.state().landscape().system("ERP").expect("ERP").name,
        "SAP S/4"
    );
    assert_eq!(
        harness.state().history().undo_description(),
        Some("rename system ERP (orders, ATP, invoicing) to SAP S/4")
    );
    command_key(&mut harness, Key::Z);
    assert_eq!(*harness.state().landscape(), seafood());
}

#[test]
fn escape_cancels_and_a_double_click_on_a_box_opens_the_editor() {
    let mut harness = harness_stepping(seafood(), ScriptedPicker::default(), 0.05);
    harness
        .state_mut()
        .view
        .select_only(Item::System("WMS".to_owned()));
    settle(&mut harness);
    harness.key_press(Key::F2);
    settle(&mut harness);
    type_into_focused(&mut harness, "Nope");
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(harness.state().view.renaming.is_none());
    assert_eq!(*harness.state().landscape(), seafood(), "nothing renamed");

    let centre = system_centre(&harness, "QMS");
    harness.hover_at(centre);
    harness.step();
    // Two clicks within egui's double-click time (this harness steps 0.05 s).
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos: centre,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
        harness.step();
    }
    settle(&mut harness);
    let renaming = harness.state().view.renaming.clone().expect("editor open");
    assert_eq!(renaming.id, "QMS");
    assert_eq!(
        harness.state().view.single(),
        Some(&Item::System("QMS".to_owned()))
    );
    assert_eq!(
        harness.state().landscape().systems.len(),
        seafood().systems.len(),
        "no system added"
    );
}

#[test]
fn a_new_system_is_named_right_away_and_its_id_follows_the_name() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.get_by_label("Add system").click();
    settle(&mut harness);
    let renaming = harness.state().view.renaming.clone().expect("editor open");
    assert_eq!(renaming.id, "new-system-1");
    // The whole default name is selected: typing replaces it.
    type_focused(&mut harness, "Billing");
    settle(&mut harness);
    harness.key_press(Key::Enter);
    settle(&mut harness);
    let landscape = harness.state().landscape();
    assert_eq!(
        landscape.system("billing").expect("renamed id").name,
        "Billing"
    );
    assert!(
        landscape.system("new-system-1").is_none(),
        "the old id is gone"
    );
    assert_eq!(
        harness.state().view.single(),
        Some(&Item::System("billing".to_owned()))
    );
    assert_eq!(
        harness.state().history().undo_description(),
        Some("rename system New system 1 to Billing")
    );
    // One undo step brings back both the name and the id.
    command_key(&mut harness, Key::Z);
    let landscape = harness.state().landscape();
    assert_eq!(
        landscape.system("new-system-1").expect("id back").name,
        "New system 1"
    );
    assert!(landscape.system("billing").is_none());
    command_key(&mut harness, Key::Z);
    assert!(
        harness.state().landscape().system("new-system-1").is_none(),
        "add undone"
    );
}
