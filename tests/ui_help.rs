//! Help ▸ Keyboard shortcuts: F1 opens the table of every shortcut, read from the one action
//! table that the menus and the key handler read too.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use switchboard::ui::actions::Action;
use ui_support::{harness, seafood, settle};

#[test]
fn f1_lists_the_keyboard_shortcuts() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.key_press(Key::F1);
    settle(&mut harness);
    assert!(harness.state().tools.help.shortcuts);
    // The window's title and its own row.
    assert!(harness.query_all_by_label("Keyboard shortcuts").count() >= 2);
    harness.get_by_label("Rename");
    harness.get_by_label("Drag from a system's handle");
    // Escape closes it.
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(!harness.state().tools.help.shortcuts);
}

/// How many nodes' labels contain `text`.
fn count(harness: &egui_kittest::Harness<'_, switchboard::ui::DesignerApp>, text: &str) -> usize {
    harness.query_all_by_label_contains(text).count()
}

#[test]
fn every_shortcut_is_in_the_f1_window_and_in_its_menu_with_the_same_text() {
    let mut harness = harness(seafood(), vec![], vec![]);
    let with_shortcut: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| !a.shortcuts().is_empty())
        .collect();
    assert!(with_shortcut.len() >= 15, "the table lost shortcuts");
    let ctx = harness.ctx.clone();
    let closed: Vec<usize> = with_shortcut
        .iter()
        .map(|a| count(&harness, a.text()))
        .collect();
    harness.key_press(Key::F1);
    settle(&mut harness);
    for (action, before) in with_shortcut.iter().zip(&closed) {
        let keys = action.shortcut_text(&ctx);
        assert!(
            count(&harness, action.text()) > *before,
            "F1 lacks {:?} ({})",
            action,
            action.text()
        );
        assert!(count(&harness, &keys) > 0, "F1 lacks the keys {keys}");
    }
    harness.key_press(Key::Escape);
    settle(&mut harness);
    for (action, before) in with_shortcut.iter().zip(&closed) {
        harness.get_by_label(action.menu().title()).click();
        settle(&mut harness);
        let shown = count(&harness, action.text());
        assert!(
            shown > *before,
            "the {} menu lacks {:?} ({})",
            action.menu().title(),
            action,
            action.text()
        );
        let keys = action.shortcut_text(&ctx);
        assert!(count(&harness, &keys) > 0, "the menu lacks the keys {keys}");
        harness.key_press(Key::Escape);
        settle(&mut harness);
    }
}
