//! State that belongs to a document goes with it: after File ▸ New, File ▸ Open or
//! File ▸ Import Mermaid no simulation result, scrubber, scenario choice, canvas colours or
//! selection of the old document remain.

#![cfg(feature = "gui")]

mod ui_support;

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use switchboard::ui::DesignerApp;
use switchboard::ui::file_picker::ScriptedPicker;
use switchboard::ui::view_state::Item;
use ui_support::{command_key, harness_with_picker, seafood, settle, wait_for_simulation};

/// The seafood example with `friday-night` simulated, scrubbed to Monday 08:00 and ERP selected.
fn simulated(opens: Vec<PathBuf>) -> Harness<'static, DesignerApp> {
    let picker = ScriptedPicker {
        opens,
        saves: Vec::new(),
        folders: Vec::new(),
        unavailable: false,
    };
    let mut harness = harness_with_picker(seafood(), picker);
    harness.get_by_label("Simulation").click();
    settle(&mut harness);
    harness.get_by_label("Run").click();
    wait_for_simulation(&mut harness);
    harness.state_mut().view.simulation.scrub_to(10560);
    harness
        .state_mut()
        .view
        .select_only(Item::System("ERP".to_owned()));
    settle(&mut harness);
    let view = &harness.state().view;
    assert!(view.simulation.outcome.is_some(), "the run finished");
    assert_eq!(view.simulation.scenario.as_deref(), Some("friday-night"));
    assert!(
        harness.query_by_label("ERP: stale").is_some(),
        "the incident is shown"
    );
    harness
}

fn assert_nothing_of_the_old_document(harness: &Harness<'_, DesignerApp>) {
    let app = harness.state();
    let simulation = &app.view.simulation;
    assert!(simulation.outcome.is_none(), "old run kept");
    assert!(simulation.pending.is_none(), "old run still pending");
    assert_eq!(simulation.scenario, None, "old scenario choice kept");
    assert_eq!(simulation.scrub, 0, "old scrubber kept");
    assert_eq!(simulation.error, None);
    assert!(
        simulation.overlay(app.landscape()).is_none(),
        "old colours kept"
    );
    assert!(app.view.selection.is_empty(), "old selection kept");
    assert!(
        simulation.open,
        "the panel itself stays where the user put it"
    );
    assert!(
        harness.query_by_label_contains(": stale").is_none(),
        "old incident on screen"
    );
}

#[test]
fn new_clears_the_simulation() {
    let mut harness = simulated(Vec::new());
    command_key(&mut harness, Key::N);
    assert!(harness.state().landscape().systems.is_empty());
    assert_nothing_of_the_old_document(&harness);
}

#[test]
fn open_clears_the_simulation() {
    let folder = tempfile::tempdir().expect("temp folder");
    let file = folder.path().join("other.ron");
    let mut other = seafood();
    other.name = "other".to_owned();
    other.scenarios.clear();
    switchboard::ui::document_io::save(&other, &file).expect("saved");
    let mut harness = simulated(vec![file]);
    command_key(&mut harness, Key::O);
    assert_eq!(harness.state().landscape().name, "other");
    assert_nothing_of_the_old_document(&harness);
}

#[test]
fn import_mermaid_clears_the_simulation() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mermaid/seed.mmd");
    let mut harness = simulated(vec![source]);
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label_contains("Import (Mermaid").click();
    settle(&mut harness);
    assert_eq!(harness.state().landscape().name, "seed");
    assert_nothing_of_the_old_document(&harness);
    // Run works on the new document instead of failing on the old scenario id.
    harness.get_by_label("Run").click();
    settle(&mut harness);
    let error = harness
        .state()
        .view
        .simulation
        .error
        .clone()
        .unwrap_or_default();
    assert!(!error.contains("friday-night"), "{error}");
}
