//! The lineage window driven like a user: "Show lineage" on ERP.stock from the canvas' context
//! menu, its lists and answer, selecting and re-rooting from the graph, View ▸ Lineage, and the
//! simulated states at Mon 08:00 of the friday-night run. The GraphView asks for a repaint every
//! frame while the pointer is over it, so the tests step a fixed number of frames.

#![cfg(feature = "gui")]

mod ui_support;

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use switchboard::analysis::lineage::{Depth, Direction, LineageRoot, lineage};
use switchboard::sim::report::Label;
use switchboard::ui::DesignerApp;
use switchboard::ui::file_picker::ScriptedPicker;
use switchboard::ui::lineage::NodeState;
use switchboard::ui::view_state::Item;
use ui_support::{harness, harness_stepping, seafood, settle, system_centre, wait_for_simulation};

const PROCESSES: [&str; 4] = [
    "P1_sales_order_promising",
    "P2_transport_planning",
    "P3_invoicing",
    "P4_production_planning",
];

fn press(harness: &mut Harness<'_, DesignerApp>, pos: Pos2, button: PointerButton) {
    harness.hover_at(pos);
    harness.step();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
}

fn show_lineage_of_erp_stock(harness: &mut Harness<'_, DesignerApp>) {
    let erp = system_centre(harness, "ERP");
    press(harness, erp, PointerButton::Secondary);
    harness.run_steps(2);
    harness
        .get_by_label_contains("Show lineage of dataset")
        .hover();
    harness.run_steps(3);
    harness.get_by_label("ERP.stock").click();
    harness.run_steps(4);
}

fn node_centre(harness: &Harness<'_, DesignerApp>, key: &str) -> Pos2 {
    match harness.state().view.lineage.widget.screen_centre(key) {
        Some(centre) => centre,
        None => panic!("{key} is drawn"),
    }
}

#[test]
fn show_lineage_on_erp_stock_lists_wms_upstream_and_four_processes_downstream() {
    let mut harness = harness(seafood(), vec![], vec![]);
    show_lineage_of_erp_stock(&mut harness);
    let root = LineageRoot::Dataset("ERP.stock".to_owned());
    let view = &harness.state().view.lineage;
    assert!(view.open, "the window is open");
    assert_eq!(view.root.as_ref(), Some(&root));
    harness.get_by_label("WMS.stock");
    for process in PROCESSES {
        harness.get_by_label(process);
    }
    // The window shows what the library builds, the same graph `switchboard lineage` prints.
    let Ok(expected) = lineage(&seafood(), &root, Direction::Both, Depth::All) else {
        panic!("ERP.stock exists");
    };
    assert_eq!(harness.state().view.lineage.graph.as_ref(), Some(&expected));
    harness.get_by_label(&expected.answer[0]);
}

#[test]
fn clicking_a_process_node_selects_it_and_double_click_reroots() {
    let mut harness = harness(seafood(), vec![], vec![]);
    show_lineage_of_erp_stock(&mut harness);
    let p3 = node_centre(&harness, "process:P3_invoicing");
    press(&mut harness, p3, PointerButton::Primary);
    harness.run_steps(3);
    let view = &harness.state().view;
    assert!(
        view.selection
            .contains(&Item::Process("P3_invoicing".to_owned())),
        "selected on the canvas: {:?}",
        view.selection
    );
    assert_eq!(
        view.lineage.selected.as_deref(),
        Some("process:P3_invoicing")
    );

    // Two clicks within egui's double-click time (this harness steps 0.05 s).
    let mut harness = harness_stepping(seafood(), ScriptedPicker::default(), 0.05);
    show_lineage_of_erp_stock(&mut harness);
    let wms = node_centre(&harness, "dataset:WMS.stock");
    harness.hover_at(wms);
    harness.step();
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos: wms,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        harness.step();
    }
    harness.run_steps(4);
    assert_eq!(
        harness.state().view.lineage.root,
        Some(LineageRoot::Dataset("WMS.stock".to_owned()))
    );
}

#[test]
fn view_lineage_opens_on_the_selected_process() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness
        .state_mut()
        .view
        .select_only(Item::Process("P1_sales_order_promising".to_owned()));
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Lineage").click();
    harness.run_steps(4);
    let view = &harness.state().view.lineage;
    assert!(view.open);
    assert_eq!(
        view.root,
        Some(LineageRoot::Process("P1_sales_order_promising".to_owned()))
    );
    harness.get_by_label("ERP.stock");
}

#[test]
fn friday_night_at_monday_morning_draws_erp_stock_stale() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.get_by_label("Simulation").click();
    settle(&mut harness);
    harness.get_by_label("Run").click();
    wait_for_simulation(&mut harness);
    harness.get_by_label("Go to").focus();
    settle(&mut harness);
    harness.get_by_label("Go to").type_text("Mon 08:00");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(harness.state().view.simulation.scrub, 10560);
    // The canvas' context menu is covered by the other tests; here the window is opened as
    // the menu does, beside the simulation panel.
    harness
        .state_mut()
        .view
        .lineage
        .show(LineageRoot::Dataset("ERP.stock".to_owned()));
    harness.run_steps(3);
    let states = &harness.state().view.lineage.states;
    assert_eq!(
        states.get("dataset:ERP.stock"),
        Some(&NodeState::Dataset(Label::Stale))
    );
    assert_ne!(
        states.get("dataset:WMS.stock"),
        Some(&NodeState::Dataset(Label::Stale)),
        "the warehouse's own stock is not stale"
    );
}

#[test]
fn the_settled_window_requests_no_repaint() {
    let mut harness = harness(seafood(), vec![], vec![]);
    show_lineage_of_erp_stock(&mut harness);
    // Move the pointer off the window and let the view settle.
    harness.hover_at(Pos2::new(5.0, 940.0));
    harness.run_steps(6);
    assert!(
        !harness.state().view.lineage.widget.live,
        "settled painting"
    );
    let ran = harness.try_run();
    assert!(ran.is_ok(), "the app goes idle: {ran:?}");
    assert!(!harness.state().view.lineage.widget.live);
}
