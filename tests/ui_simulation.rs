//! The simulation panel driven by labels: open it on the seafood example, run `friday-night`,
//! go to Mon 08:00, and check what a workshop audience sees.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use switchboard::sim::report::Label;
use ui_support::{harness, seafood, settle, wait_for_simulation};

#[test]
fn friday_night_at_monday_morning_shows_the_stale_systems_and_the_failed_export() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.get_by_label("Simulation").click();
    settle(&mut harness);
    harness.get_by_label("Run").click();
    wait_for_simulation(&mut harness);
    assert_eq!(harness.state().view.simulation.error, None);
    assert!(harness.state().view.simulation.open, "panel open");
    assert_eq!(
        harness.state().view.simulation.scenario.as_deref(),
        Some("friday-night")
    );
    assert!(
        harness.state().view.simulation.outcome.is_some(),
        "the run finished"
    );

    harness.get_by_label("Go to").focus();
    settle(&mut harness);
    harness.get_by_label("Go to").type_text("Mon 08:00");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(harness.state().view.simulation.scrub, 10560);

    for system in ["ERP", "DWH", "TMS", "FCST", "MES"] {
        harness.get_by_label(&format!("{system}: stale"));
    }
    assert!(
        harness.query_by_label("WMS: stale").is_none(),
        "WMS stays fresh"
    );
    let overlay = harness
        .state()
        .view
        .simulation
        .overlay(harness.state().landscape())
        .expect("the canvas shows the simulated state");
    for system in ["ERP", "DWH", "TMS", "FCST", "MES"] {
        assert_eq!(overlay.systems.get(system), Some(&Label::Stale), "{system}");
    }
    assert_eq!(overlay.systems.get("WMS"), Some(&Label::Fresh));

    let narrative = &harness
        .state()
        .view
        .simulation
        .outcome
        .as_ref()
        .expect("ran")
        .narrative;
    let failed_export = narrative
        .iter()
        .find(|line| line.text.contains("Stock export (F1)") && line.text.contains("fails"))
        .expect("the narrative names the failed export")
        .text
        .clone();
    harness.get_by_label(&failed_export);
}

#[test]
fn arrow_keys_step_the_narrative_and_a_control_row_replays() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.get_by_label("Simulation").click();
    settle(&mut harness);
    harness.get_by_label("Run").click();
    wait_for_simulation(&mut harness);
    harness.key_press(Key::ArrowDown);
    settle(&mut harness);
    harness.key_press(Key::ArrowDown);
    settle(&mut harness);
    let sim = &harness.state().view.simulation;
    let outcome = sim.outcome.as_ref().expect("ran");
    assert_eq!(sim.narrative_cursor, Some(1));
    assert_eq!(sim.scrub, outcome.narrative[1].t);

    harness
        .get_by_label("+ job-failure alert + team-wms 24x7 on-call")
        .click();
    wait_for_simulation(&mut harness);
    let sim = &harness.state().view.simulation;
    assert_eq!(
        sim.control.as_deref(),
        Some("+ job-failure alert + team-wms 24x7 on-call")
    );
    assert_eq!(
        sim.outcome
            .as_ref()
            .expect("replayed")
            .report
            .summary
            .impacted_minutes,
        0
    );
}

#[test]
fn a_run_shows_progress_and_cancel_discards_its_result() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.get_by_label("Simulation").click();
    settle(&mut harness);
    harness.get_by_label("Run").click();
    harness.step();
    // The run is on a worker thread; the next frame shows the progress row.
    assert!(harness.state().view.simulation.pending.is_some());
    harness.step();
    harness.get_by_label_contains("Simulating…");
    // Move onto the button first, as a hand does; then click.
    harness.get_by_label("Cancel").hover();
    harness.step();
    harness.get_by_label("Cancel").click();
    harness.step();
    assert!(harness.state().view.simulation.pending.is_none());
    // The discarded result never arrives.
    std::thread::sleep(std::time::Duration::from_millis(500));
    settle(&mut harness);
    assert!(harness.state().view.simulation.outcome.is_none());
    harness.get_by_label("Run");
}
