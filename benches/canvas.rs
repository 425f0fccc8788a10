//! Canvas frame cost, headless: for generated landscapes of 100, 1,000 and 2,000 systems with
//! 3–4 flows per system, fitted to a 1600×1000 window, the CPU time of one frame (painting the
//! scene into an `egui::Context` pass plus tessellation) beside the same frame drawn with a bare
//! egui painter (a box, a line, the text) as the floor. Run with `cargo bench --bench canvas`.

use std::time::{Duration, Instant};

use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, pos2, vec2};
use switchboard::model::{Dataset, Flow, Landscape, Position, Schedule, System, TimeOfDay};
use switchboard::ui::canvas::camera::Camera;
use switchboard::ui::canvas::paint::{Highlights, PaintStyle, paint_scene};
use switchboard::ui::canvas::scene::Scene;
use switchboard::ui::theme::{CanvasColours, ColourMode};

const FRAMES: usize = 40;

/// A deterministic landscape of `n` systems on a grid, each sending 3–4 flows to neighbours.
fn generated(n: usize) -> Landscape {
    let columns = (n as f32).sqrt().ceil() as usize;
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let systems: Vec<System> = (0..n)
        .map(|i| System {
            id: format!("S{i}"),
            name: format!("System number {i}"),
            kind: "APP".to_owned(),
            owner: None,
            datasets: (0..5)
                .map(|d| Dataset {
                    id: format!("d{d}"),
                    ..Dataset::default()
                })
                .collect(),
            position: Position::new((i % columns) as f32 * 320.0, (i / columns) as f32 * 140.0),
            ..System::default()
        })
        .collect();
    let mut flows = Vec::new();
    for i in 0..n {
        let count = 3 + (next() % 2) as usize;
        for k in 0..count {
            let offset = [1, columns, columns + 1, 2][k % 4] + (next() % 3) as usize;
            let j = (i + offset) % n;
            flows.push(Flow {
                id: format!("F{i}-{k}"),
                inputs: vec![format!("S{i}.d0")],
                output: format!("S{j}.d{}", 1 + k),
                schedule: if k % 2 == 0 {
                    Schedule::Cron {
                        times: vec![TimeOfDay(1380)],
                        days: switchboard::model::Weekday::ALL.to_vec(),
                    }
                } else {
                    Schedule::Stream { latency_minutes: 5 }
                },
                ..Flow::default()
            });
        }
    }
    Landscape {
        systems,
        flows,
        ..Landscape::default()
    }
}

fn input(viewport: Rect) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(viewport),
        ..egui::RawInput::default()
    }
}

/// Runs one frame drawing with `draw` and tessellates it; returns the CPU time.
fn frame(ctx: &egui::Context, viewport: Rect, draw: &dyn Fn(&egui::Painter)) -> Duration {
    let start = Instant::now();
    let output = ctx.run_ui(input(viewport), |ui| {
        let painter = ui.painter().clone();
        draw(&painter);
    });
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
    start.elapsed()
}

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1000.0
}

fn measure(ctx: &egui::Context, viewport: Rect, draw: &dyn Fn(&egui::Painter)) -> f64 {
    for _ in 0..5 {
        frame(ctx, viewport, draw);
    }
    median((0..FRAMES).map(|_| frame(ctx, viewport, draw)).collect())
}

fn floor_painter(painter: &egui::Painter, scene: &Scene, camera: &Camera, viewport: Rect) {
    let to = |p: Pos2| camera.to_screen(viewport, p);
    for edge in &scene.edges {
        painter.line_segment(
            [to(edge.from), to(edge.to)],
            Stroke::new(1.5, Color32::GRAY),
        );
    }
    for node in &scene.nodes {
        let rect = camera.rect_to_screen(viewport, node.rect);
        painter.rect_filled(rect, 4.0, Color32::DARK_GRAY);
        painter.text(
            rect.left_top() + vec2(4.0, 4.0),
            Align2::LEFT_TOP,
            &node.title,
            FontId::proportional(13.0 * camera.zoom),
            Color32::WHITE,
        );
    }
}

fn main() {
    let viewport = Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0));
    let style = PaintStyle {
        colours: CanvasColours::new(true),
        colour_mode: ColourMode::Owner,
    };
    println!("canvas frame (paint + tessellate), median of {FRAMES} frames, fitted to 1600x1000");
    println!(
        "{:>8} {:>7} {:>7} {:>12} {:>12} {:>8}",
        "systems", "flows", "zoom", "canvas ms", "floor ms", "ratio"
    );
    for n in [100, 1_000, 2_000] {
        let landscape = generated(n);
        let scene = Scene::build(&landscape);
        let camera = Camera::fit(viewport, scene.bounds);
        let ctx = egui::Context::default();
        let highlights = Highlights::default();
        let ours = measure(&ctx, viewport, &|painter| {
            paint_scene(painter, viewport, &scene, &camera, &highlights, &style);
        });
        let floor = measure(&ctx, viewport, &|painter| {
            floor_painter(painter, &scene, &camera, viewport);
        });
        println!(
            "{:>8} {:>7} {:>7.3} {:>12.3} {:>12.3} {:>8.2}",
            n,
            landscape.flows.len(),
            camera.zoom,
            ours,
            floor,
            ours / floor
        );
    }
    // The same at 1:1 zoom centred on the landscape (labels on, most of it off screen).
    for n in [1_000, 2_000] {
        let landscape = generated(n);
        let scene = Scene::build(&landscape);
        let mut camera = Camera::fit(viewport, scene.bounds);
        camera.zoom = 1.0;
        camera.centre_on(viewport, scene.bounds.center());
        let ctx = egui::Context::default();
        let highlights = Highlights::default();
        let ours = measure(&ctx, viewport, &|painter| {
            paint_scene(painter, viewport, &scene, &camera, &highlights, &style);
        });
        println!("{n:>8} systems at zoom 1.0 (labels on, culled): {ours:.3} ms");
    }
}
