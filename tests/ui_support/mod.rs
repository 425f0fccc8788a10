//! The one helper that builds every designer harness for the egui_kittest tests, plus small
//! gestures shared by them. No GPU and no display are needed.

#![allow(dead_code, reason = "each test file uses a different subset")]

use std::path::PathBuf;

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use switchboard::model::Landscape;
use switchboard::ui::file_picker::ScriptedPicker;
use switchboard::ui::{DesignerApp, StartOptions, document_io};

/// The seafood example the designer opens by default.
pub fn seafood() -> Landscape {
    document_io::seafood_example().expect("bundled example parses")
}

/// A designer on `landscape` with scripted file dialogs, no autosave and no stored preferences.
pub fn harness(
    landscape: Landscape,
    opens: Vec<PathBuf>,
    saves: Vec<PathBuf>,
) -> Harness<'static, DesignerApp> {
    harness_with_picker(
        landscape,
        ScriptedPicker {
            opens,
            saves,
            folders: Vec::new(),
            unavailable: false,
        },
    )
}

/// A designer on `landscape` whose file and folder dialogs answer from `picker`.
pub fn harness_with_picker(
    landscape: Landscape,
    picker: ScriptedPicker,
) -> Harness<'static, DesignerApp> {
    harness_stepping(landscape, picker, 0.25)
}

/// A designer whose frames advance the clock by `step_dt` seconds (small enough for a double
/// click to be two frames apart).
pub fn harness_stepping(
    landscape: Landscape,
    picker: ScriptedPicker,
    step_dt: f32,
) -> Harness<'static, DesignerApp> {
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        .with_step_dt(step_dt)
        .build_eframe(move |_cc| {
            let mut options = StartOptions::new(landscape);
            options.picker = Box::new(picker);
            DesignerApp::new(options, None)
        });
    harness.run_steps(3);
    harness
}

/// Runs a few frames (the canvas is idle, but menus and popups take a frame or two).
pub fn settle(harness: &mut Harness<'_, DesignerApp>) {
    harness.run_steps(4);
}

/// Presses a shortcut with the command modifier (Ctrl on Linux).
pub fn command_key(harness: &mut Harness<'_, DesignerApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    settle(harness);
}

/// Presses a shortcut with command and shift.
pub fn command_shift_key(harness: &mut Harness<'_, DesignerApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, key);
    settle(harness);
}

/// The screen centre of a system box.
pub fn system_centre(harness: &Harness<'_, DesignerApp>, id: &str) -> Pos2 {
    let app = harness.state();
    app.canvas
        .system_screen_rect(&app.view.camera, id)
        .expect("system on canvas")
        .center()
}

/// Drags with the primary button from `from` to `to` in small steps.
pub fn drag(harness: &mut Harness<'_, DesignerApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for i in 1..=6 {
        let t = i as f32 / 6.0;
        harness.hover_at(from + (to - from) * t);
        harness.step();
    }
    harness.drop_at(to);
    settle(harness);
}

/// Steps frames until the background simulation has finished (at most about 60 s).
pub fn wait_for_simulation(harness: &mut Harness<'_, DesignerApp>) {
    // The click that starts the run is handled in the next frame.
    harness.step();
    for _ in 0..6000 {
        if harness.state().view.simulation.pending.is_none() {
            settle(harness);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    panic!("the simulation did not finish within 60 s");
}

/// Focuses the field labelled `label`, selects its text and types `text` over it.
pub fn type_into(harness: &mut Harness<'_, DesignerApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    settle(harness);
    select_all_then_type(harness, label, text);
}

/// Selects the text of the focused field labelled `label` and types `text` over it.
pub fn select_all_then_type(harness: &mut Harness<'_, DesignerApp>, label: &str, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.step();
    harness.get_by_label(label).type_text(text);
    settle(harness);
}
