//! SVG and PNG export: the drawing's rules (styles, badges, spread arrows, no overlapping
//! labels), determinism, and a PNG that decodes to the expected size.

mod support_mermaid;

use switchboard::export::drawing::{Scene, draw};
use switchboard::export::image::{
    PNG_MAX_PIXELS, PNG_MAX_SIDE, PNG_PATH, PNG_SCALE, SVG_PATH, export_png, export_svg, png_scale,
};
use switchboard::model::{Dataset, Flow, Landscape, Schedule, System};

fn svg_text(landscape: &Landscape) -> String {
    let output = export_svg(landscape).expect("svg");
    assert_eq!(output.files[0].path, SVG_PATH);
    String::from_utf8(output.files[0].contents.clone()).expect("utf-8")
}

fn assert_no_label_overlaps(scene: &Scene) {
    let labels: Vec<_> = scene
        .arrows
        .iter()
        .map(|a| (&a.flow_id, a.label.rect))
        .collect();
    for (i, (id, a)) in labels.iter().enumerate() {
        for (other, b) in &labels[i + 1..] {
            assert!(!a.overlaps(b, 0.0), "labels of {id} and {other} overlap");
        }
        for system in &scene.systems {
            assert!(
                !a.overlaps(&system.rect, 0.0),
                "label of {id} overlaps system {}",
                system.system_id
            );
        }
        for process in &scene.processes {
            assert!(
                !a.overlaps(&process.rect, 0.0),
                "label of {id} overlaps process {}",
                process.process_id
            );
        }
    }
}

#[test]
fn seafood_labels_overlap_neither_each_other_nor_nodes() {
    let scene = draw(&support_mermaid::seafood());
    assert_eq!(scene.systems.len(), 7);
    assert_eq!(scene.processes.len(), 5);
    assert_eq!(scene.arrows.len(), 9, "ten flows, one of them internal");
    assert_no_label_overlaps(&scene);
    for (i, a) in scene.systems.iter().enumerate() {
        for b in &scene.systems[i + 1..] {
            assert!(!a.rect.overlaps(&b.rect, 0.0));
        }
    }
    let inside = |x: f32, y: f32| x >= 0.0 && y >= 0.0 && x <= scene.width && y <= scene.height;
    for arrow in &scene.arrows {
        let r = arrow.label.rect;
        assert!(inside(r.x, r.y) && inside(r.x + r.w, r.y + r.h));
    }
}

#[test]
fn internal_jobs_are_badges_and_flows_have_batch_and_stream_styles() {
    let scene = draw(&support_mermaid::built_seafood());
    let erp = scene
        .systems
        .iter()
        .find(|s| s.system_id == "ERP")
        .expect("ERP");
    assert_eq!(erp.badges.len(), 1);
    assert_eq!(erp.badges[0].flow_id, "F4");
    assert!(
        erp.badges[0]
            .text
            .contains("delivery_plan · cron 0 4 * * *")
    );
    assert!(scene.arrows.iter().all(|a| a.source_id != a.target_id));
    let f1 = scene.arrows.iter().find(|a| a.flow_id == "F1").expect("F1");
    assert!(f1.batch);
    assert_eq!(f1.label.text, "stock · cron 0 23 * * *");
    let f3 = scene.arrows.iter().find(|a| a.flow_id == "F3").expect("F3");
    assert!(!f3.batch);
    let svg = svg_text(&support_mermaid::built_seafood());
    assert!(svg.contains("stroke-dasharray=\"7 5\" marker-end"));
    assert!(svg.contains("<polygon"), "processes are hexagons");
    assert!(svg.contains("Warehouse management"));
}

fn pair_with_three_flows() -> Landscape {
    let system = |id: &str| System {
        id: id.to_owned(),
        name: id.to_owned(),
        datasets: (0..3)
            .map(|i| Dataset {
                id: format!("d{i}"),
                ..Dataset::default()
            })
            .collect(),
        ..System::default()
    };
    let flow = |id: &str, from: &str, to: &str, d: usize, via_hub: bool| Flow {
        id: id.to_owned(),
        inputs: vec![format!("{from}.d{d}")],
        output: format!("{to}.d{d}"),
        schedule: Schedule::Stream { latency_minutes: 0 },
        via_hub,
        ..Flow::default()
    };
    let mut landscape = Landscape {
        name: "Pair".into(),
        systems: vec![system("A"), system("B")],
        flows: vec![
            flow("F1", "A", "B", 0, false),
            flow("F2", "A", "B", 1, true),
            flow("F3", "B", "A", 2, false),
        ],
        ..Landscape::default()
    };
    landscape.systems[1].position.x = 500.0;
    landscape
}

#[test]
fn several_flows_between_one_pair_are_drawn_apart_and_hub_flows_are_double_lines() {
    let scene = draw(&pair_with_three_flows());
    assert_eq!(scene.arrows.len(), 3);
    let controls: Vec<(i64, i64)> = scene
        .arrows
        .iter()
        .map(|a| (a.control.x.round() as i64, a.control.y.round() as i64))
        .collect();
    for (i, a) in controls.iter().enumerate() {
        for b in &controls[i + 1..] {
            assert_ne!(a, b, "two arrows share one curve");
        }
    }
    assert_no_label_overlaps(&scene);
    let svg = svg_text(&pair_with_three_flows());
    if let Ok(dir) = std::env::var("SWITCHBOARD_IMAGE_OUT") {
        let png = export_png(&pair_with_three_flows()).expect("png");
        let _ = std::fs::write(
            std::path::Path::new(&dir).join("pair.png"),
            &png.files[0].contents,
        );
    }
    assert_eq!(svg.matches("marker-end=\"url(#arrow-hub)\"").count(), 1);
    assert!(svg.contains("stroke=\"#ffffff\" stroke-width=\"2.2\" marker-end=\"url(#arrow-hub)\""));
}

#[test]
fn svg_and_png_are_deterministic() {
    let landscape = support_mermaid::seafood();
    assert_eq!(svg_text(&landscape), svg_text(&landscape));
    let first = export_png(&landscape).expect("png");
    let second = export_png(&landscape).expect("png");
    assert_eq!(first.files[0].contents, second.files[0].contents);
}

#[test]
fn png_decodes_with_the_size_of_the_svg_times_the_scale() {
    let landscape = support_mermaid::seafood();
    let scene = draw(&landscape);
    let output = export_png(&landscape).expect("png");
    assert_eq!(output.files[0].path, PNG_PATH);
    let bytes = &output.files[0].contents;
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(bytes).expect("a valid PNG");
    assert_eq!(pixmap.width(), (scene.width * PNG_SCALE).ceil() as u32);
    assert_eq!(pixmap.height(), (scene.height * PNG_SCALE).ceil() as u32);
    let dark = pixmap
        .pixels()
        .iter()
        .filter(|p| u16::from(p.red()) + u16::from(p.green()) + u16::from(p.blue()) < 200)
        .count();
    assert!(dark > 2000, "text was rendered ({dark} dark pixels)");
    if let Ok(dir) = std::env::var("SWITCHBOARD_IMAGE_OUT") {
        let _ = std::fs::write(std::path::Path::new(&dir).join("seafood.png"), bytes);
    }
}

#[test]
fn an_empty_landscape_still_draws() {
    let landscape = Landscape::default();
    assert!(svg_text(&landscape).starts_with("<svg"));
    assert!(export_png(&landscape).is_ok());
}

#[test]
fn imported_seed_diagram_draws_without_label_overlaps() {
    let (landscape, _) =
        switchboard::import::import_mermaid(include_str!("fixtures/mermaid/seed.mmd"));
    let scene = draw(&landscape);
    assert_eq!(scene.arrows.len(), 10);
    assert_no_label_overlaps(&scene);
    if let Ok(dir) = std::env::var("SWITCHBOARD_IMAGE_OUT") {
        let png = export_png(&landscape).expect("png");
        let _ = std::fs::write(
            std::path::Path::new(&dir).join("seed.png"),
            &png.files[0].contents,
        );
    }
}

#[test]
fn png_scale_keeps_small_drawings_sharp_and_large_ones_within_the_limits() {
    assert_eq!(png_scale(1200.0, 800.0), PNG_SCALE);
    for (w, h) in [(16_000.0, 5_000.0), (40_000.0, 300.0), (9_000.0, 9_000.0)] {
        let scale = png_scale(w, h);
        assert!(scale < PNG_SCALE, "{w}x{h}");
        assert!(
            (w * scale) * (h * scale) <= PNG_MAX_PIXELS * 1.001,
            "{w}x{h}"
        );
        assert!(w.max(h) * scale <= PNG_MAX_SIDE + 0.5, "{w}x{h}");
    }
}

#[test]
fn w40_a_drawing_too_wide_for_a_sharp_png_is_scaled_down_with_a_warning() {
    // Two systems far apart: the drawing is wider than the longest PNG side at full scale.
    let system = |id: &str, x: f32| System {
        id: id.to_owned(),
        name: id.to_owned(),
        position: switchboard::model::Position::new(x, 0.0),
        datasets: vec![Dataset {
            id: "data".to_owned(),
            source: true,
            ..Dataset::default()
        }],
        ..System::default()
    };
    let landscape = Landscape {
        systems: vec![system("A", 0.0), system("B", 12_000.0)],
        ..Landscape::default()
    };
    let scene = draw(&landscape);
    assert!(
        scene.width * PNG_SCALE > PNG_MAX_SIDE,
        "width {}",
        scene.width
    );
    let output = export_png(&landscape).expect("png");
    assert_eq!(output.warnings.len(), 1);
    assert_eq!(output.warnings[0].code, "W40");
    assert!(
        output.warnings[0]
            .message
            .contains("the SVG keeps every detail")
    );
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&output.files[0].contents).expect("png");
    assert!(pixmap.width() as f32 <= PNG_MAX_SIDE, "{}", pixmap.width());
    // Seafood fits: no warning.
    assert!(
        export_png(&support_mermaid::seafood())
            .expect("png")
            .warnings
            .is_empty()
    );
}
