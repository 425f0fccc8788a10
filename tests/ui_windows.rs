//! Small windows behave like windows: Escape closes the topmost one, Enter submits a one-field
//! form, notifications time out unless they carry an action, and never cover the simulation
//! panel.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use switchboard::ui::commands::Command;
use switchboard::ui::notifications::TIMEOUT_SECONDS;
use switchboard::ui::view_state::Item;
use ui_support::{harness, seafood, settle};

#[test]
fn escape_closes_the_topmost_small_window_first() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.get_by_label("View").click();
    settle(&mut harness);
    harness.get_by_label("Metrics").click();
    settle(&mut harness);
    harness.key_press(Key::F1);
    settle(&mut harness);
    assert!(harness.state().tools.metrics.open && harness.state().tools.help.shortcuts);
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(
        !harness.state().tools.help.shortcuts,
        "F1's window closes first"
    );
    assert!(harness.state().tools.metrics.open);
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(!harness.state().tools.metrics.open);
}

#[test]
fn enter_submits_the_new_team_form() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness
        .state_mut()
        .view
        .select_only(Item::Flow("F7".to_owned()));
    settle(&mut harness);
    harness.get_by_label("Owner").click();
    settle(&mut harness);
    harness.get_by_label("New team…").click();
    settle(&mut harness);
    harness.get_by_label("New team name").focus();
    settle(&mut harness);
    harness
        .get_by_label("New team name")
        .type_text("Night shift");
    settle(&mut harness);
    harness.key_press(Key::Enter);
    settle(&mut harness);
    let landscape = harness.state().landscape();
    let team = landscape
        .team("night-shift")
        .expect("team made from its name");
    assert_eq!(team.name, "Night shift");
    let flow = landscape.flow("F7").expect("F7");
    assert_eq!(flow.owner.as_deref(), Some("night-shift"));
    assert!(
        harness.query_by_label("New team name").is_none(),
        "form closed"
    );
}

#[test]
fn notifications_time_out_unless_they_carry_an_action() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.state_mut().notifications.info("plain news");
    harness
        .state_mut()
        .notifications
        .with_action("something to act on", "Undo", Command::Undo);
    settle(&mut harness);
    harness.get_by_label_contains("plain news");
    let steps = (TIMEOUT_SECONDS / 0.25).ceil() as usize + 2;
    harness.run_steps(steps);
    assert!(
        harness.query_by_label_contains("plain news").is_none(),
        "timed out"
    );
    harness.get_by_label_contains("something to act on");
}

#[test]
fn notifications_never_cover_the_simulation_panel() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.get_by_label("Simulation").click();
    settle(&mut harness);
    harness
        .state_mut()
        .notifications
        .error("a long error message that would reach far to the right of the window");
    settle(&mut harness);
    let panel = harness
        .state()
        .simulation_panel_rect()
        .expect("the simulation panel is open");
    let note = harness.get_by_label_contains("a long error message").rect();
    assert!(
        note.right() <= panel.left(),
        "notification {note:?} covers the panel {panel:?}"
    );
}
