//! Flows carry data: drawing CRM → ERP → Shop on an empty canvas chains the data that arrived
//! at ERP on to the Shop, so failing CRM → ERP makes the Shop stale in a simulation.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use switchboard::model::Landscape;
use switchboard::sim::report::Label;
use switchboard::ui::DesignerApp;
use switchboard::ui::simulation::FaultChoice;
use switchboard::ui::view_state::Item;
use ui_support::{drag, harness, settle, system_centre, type_into, wait_for_simulation};

/// Adds a system from the toolbar and names it in place.
fn add_named_system(harness: &mut Harness<'_, DesignerApp>, name: &str) {
    harness.get_by_label("Add system").click();
    settle(harness);
    #[expect(
        clippy::redundant_closure_for_method_calls,
        reason = "the method path is not general enough over the node's lifetime"
    )]
    let focused = By::new().predicate(|node| node.is_focused());
    harness.get(focused).type_text(name);
    settle(harness);
    harness.key_press(Key::Enter);
    settle(harness);
}

fn connect(harness: &mut Harness<'_, DesignerApp>, from: &str, to: &str) {
    let start = {
        let app = harness.state();
        app.canvas
            .system_screen_rect(&app.view.camera, from)
            .expect("on canvas")
            .right_center()
    };
    let end = system_centre(harness, to);
    drag(harness, start, end);
}

#[test]
fn a_chain_carries_the_first_systems_data_and_a_failure_reaches_the_end() {
    let mut harness = harness(Landscape::default(), vec![], vec![]);
    for name in ["CRM", "ERP", "Shop"] {
        add_named_system(&mut harness, name);
    }
    let ids: Vec<String> = harness
        .state()
        .landscape()
        .systems
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(ids, ["crm", "erp", "shop"], "ids are slugs of the names");
    harness.key_press(Key::F);
    settle(&mut harness);
    connect(&mut harness, "crm", "erp");
    connect(&mut harness, "erp", "shop");

    let landscape = harness.state().landscape().clone();
    assert_eq!(landscape.flows.len(), 2);
    let (first, second) = (&landscape.flows[0], &landscape.flows[1]);
    assert_eq!(first.name, "CRM data to ERP");
    assert_eq!(second.name, "CRM data to Shop");
    assert_eq!(
        second.inputs,
        vec![first.output.clone()],
        "ERP passes on what it got"
    );
    let erp = landscape.system("erp").expect("erp");
    assert_eq!(erp.datasets.len(), 1, "no unrelated source dataset on ERP");
    let shop = landscape.system("shop").expect("shop");
    assert_eq!(shop.datasets[0].name, "CRM data (Shop copy)");
    assert_eq!(
        harness.state().history().undo_description(),
        Some("connect ERP to Shop")
    );

    // A freshness SLA on the Shop's copy, typed in the inspector.
    harness
        .state_mut()
        .view
        .select_only(Item::System("shop".to_owned()));
    settle(&mut harness);
    type_into(&mut harness, "Stale after (min)", "3000");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(
        harness
            .state()
            .landscape()
            .system("shop")
            .expect("shop")
            .datasets[0]
            .stale_after_minutes,
        Some(3000)
    );

    // Fail CRM → ERP (the canvas's flow menu) and run the simulation.
    let failed = first.id.clone();
    harness
        .state_mut()
        .view
        .simulation
        .define_fault(&failed, FaultChoice::Fail);
    settle(&mut harness);
    harness.get_by_label("Run").click();
    wait_for_simulation(&mut harness);
    let app = harness.state();
    assert_eq!(app.view.simulation.error, None);
    let report = &app.view.simulation.outcome.as_ref().expect("ran").report;
    let fault = format!("what-if-{failed}");
    let shop_timeline = report.systems.get("shop").expect("shop simulated");
    assert!(
        shop_timeline
            .iter()
            .any(|iv| iv.state == Label::Stale && iv.causes.contains(&fault)),
        "the Shop goes stale because of the failed first flow: {shop_timeline:?}"
    );
}
