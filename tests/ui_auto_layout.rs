//! The designer's Auto-layout on a landscape drawn as a long strip (as a big Mermaid import used
//! to be): the positions change, the drawing's width / height comes near the window's, and one
//! undo restores the strip.

#![cfg(feature = "gui")]

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use switchboard::model::{Dataset, Flow, Landscape, Position, System};
use ui_support::{command_key, harness, settle};

/// 80 systems in a chain with side branches, all on one row 300 units apart.
fn strip() -> Landscape {
    let systems = (0..80)
        .map(|i| System {
            id: format!("S{i}"),
            name: format!("System {i}"),
            datasets: vec![Dataset {
                id: "d".to_owned(),
                ..Dataset::default()
            }],
            position: Position::new(i as f32 * 300.0, 0.0),
            ..System::default()
        })
        .collect();
    let flows = (1..80)
        .map(|i| {
            let from = if i % 6 == 0 { i - 3 } else { i - 1 };
            Flow {
                id: format!("F{i}"),
                inputs: vec![format!("S{from}.d")],
                output: format!("S{i}.d"),
                ..Flow::default()
            }
        })
        .collect();
    Landscape {
        systems,
        flows,
        ..Landscape::default()
    }
}

/// Width / height of the box around all system positions (plus one box).
fn ratio(landscape: &Landscape) -> f32 {
    let xs = landscape.systems.iter().map(|s| s.position.x);
    let ys = landscape.systems.iter().map(|s| s.position.y);
    let (left, right) = xs.fold((f32::MAX, f32::MIN), |(l, r), x| (l.min(x), r.max(x)));
    let (top, bottom) = ys.fold((f32::MAX, f32::MIN), |(t, b), y| (t.min(y), b.max(y)));
    (right - left + 260.0) / (bottom - top + 58.0)
}

#[test]
fn auto_layout_folds_a_strip_near_the_window_shape_and_one_undo_restores_it() {
    let before = strip();
    let mut harness = harness(before.clone(), Vec::new(), Vec::new());
    let window = 1500.0 / 950.0_f32;
    let ratio_before = ratio(&before);
    assert!(
        ratio_before > 50.0,
        "the fixture is a strip: {ratio_before}"
    );

    harness.get_by_label("Auto-layout").click();
    settle(&mut harness);
    let after = harness.state().landscape().clone();
    let moved = before
        .systems
        .iter()
        .zip(&after.systems)
        .filter(|(a, b)| a.position != b.position)
        .count();
    assert!(moved > 40, "only {moved} systems moved");
    let ratio_after = ratio(&after);
    assert!(
        (ratio_after / window).ln().abs() < (ratio_before / window).ln().abs(),
        "ratio {ratio_before} became {ratio_after}"
    );
    assert!((0.5..=3.0).contains(&ratio_after), "ratio {ratio_after}");

    command_key(&mut harness, Key::Z);
    assert_eq!(
        *harness.state().landscape(),
        before,
        "one undo restores the strip"
    );
}
