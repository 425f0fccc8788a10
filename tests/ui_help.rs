//! Help ▸ Keyboard shortcuts: F1 opens the table of every shortcut.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use ui_support::{harness, seafood, settle};

#[test]
fn f1_lists_the_keyboard_shortcuts() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.key_press(Key::F1);
    settle(&mut harness);
    assert!(harness.state().tools.help.shortcuts);
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Rename the selected system or process on the canvas");
}
