//! draw.io in and out: the seafood example exports as an mxfile and imports back to the same
//! systems, flows, groups and positions (plain and compressed); a diagram drawn by hand in
//! draw.io with containers imports with groups; the CLI writes and reads the files.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output};

use base64::Engine as _;
use switchboard::export::drawio::drawio_text;
use switchboard::import::{import_drawio, severity};
use switchboard::model::{Landscape, Severity};

const SEAFOOD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/seafood.ron");
const WORKSHOP: &str = include_str!("fixtures/drawio/workshop.drawio");

fn seafood() -> Landscape {
    switchboard::file::load_path(Path::new(SEAFOOD)).expect("seafood loads")
}

/// (id, name, group, x, y) of every system, sorted.
fn systems(landscape: &Landscape) -> Vec<(String, String, Option<String>, f32, f32)> {
    let mut systems: Vec<_> = landscape
        .systems
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                s.name.clone(),
                s.group.clone(),
                s.position.x,
                s.position.y,
            )
        })
        .collect();
    systems.sort_by(|a, b| a.0.cmp(&b.0));
    systems
}

/// (source system, target system, dataset name, schedule) of every flow, sorted.
fn flows(landscape: &Landscape) -> Vec<(String, String, String, String)> {
    let mut flows: Vec<_> = landscape
        .flows
        .iter()
        .flat_map(|flow| {
            let target = landscape
                .flow_target_system(flow)
                .unwrap_or_default()
                .to_owned();
            let dataset = landscape
                .dataset(&flow.output)
                .map(|d| d.dataset.name.clone())
                .unwrap_or_default();
            let schedule = switchboard::export::schedule_text::schedule_text(&flow.schedule).text;
            landscape
                .flow_source_systems(flow)
                .into_iter()
                .map(move |source| (source, target.clone(), dataset.clone(), schedule.clone()))
        })
        .collect();
    flows.sort();
    flows
}

fn assert_same_structure(original: &Landscape, imported: &Landscape) {
    assert_eq!(systems(imported), systems(original));
    assert_eq!(flows(imported), flows(original));
    let owners = |l: &Landscape| -> Vec<Option<String>> {
        l.systems.iter().map(|s| s.owner.clone()).collect()
    };
    assert_eq!(owners(imported), owners(original));
    let processes = |l: &Landscape| -> Vec<(String, f32, f32, usize)> {
        l.processes
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    p.position.x,
                    p.position.y,
                    p.dependencies.len(),
                )
            })
            .collect()
    };
    assert_eq!(processes(imported), processes(original));
}

#[test]
fn seafood_exports_as_an_mxfile_and_imports_back_to_the_same_landscape_structure() {
    let original = seafood();
    let text = drawio_text(&original);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name("mxfile"));
    let model = root
        .children()
        .find(|n| n.has_tag_name("diagram"))
        .and_then(|d| d.children().find(|n| n.has_tag_name("mxGraphModel")))
        .expect("diagram/mxGraphModel");
    let cells: Vec<_> = model
        .descendants()
        .filter(|n| n.has_tag_name("mxCell"))
        .collect();
    let ids: BTreeSet<&str> = model
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    for cell in &cells {
        if let Some(parent) = cell.attribute("parent") {
            assert!(ids.contains(parent), "dangling parent {parent}");
        }
        for end in ["source", "target"] {
            if let Some(id) = cell.attribute(end) {
                assert!(ids.contains(id), "dangling {end} {id}");
            }
        }
    }
    let (imported, diagnostics) = import_drawio(&text).expect("imports");
    assert!(
        diagnostics
            .iter()
            .all(|d| severity(d.code) == Severity::Info),
        "{diagnostics:?}"
    );
    assert_same_structure(&original, &imported);
    assert!(imported.systems.iter().any(|s| s.group.is_some()));
}

#[test]
fn batch_flows_are_dashed_and_owners_coloured_like_the_svg() {
    let original = seafood();
    let text = drawio_text(&original);
    let batch = original
        .flows
        .iter()
        .find(|f| !f.is_stream())
        .expect("a batch flow");
    let line = text
        .lines()
        .find(|l| l.contains(&format!("id=\"flow:{}\"", batch.id)))
        .expect("the flow's edge");
    assert!(line.contains("dashed=1"), "{line}");
    if let Some(stream) = original.flows.iter().find(|f| f.is_stream() && !f.via_hub) {
        let line = text
            .lines()
            .find(|l| l.contains(&format!("id=\"flow:{}\"", stream.id)))
            .expect("the stream's edge");
        assert!(!line.contains("dashed=1"), "{line}");
    }
    let scene = switchboard::export::drawing::draw(&original);
    for drawn in &scene.systems {
        assert!(text.contains(&format!("strokeColor={};strokeWidth=3", drawn.colour)));
    }
    assert_eq!(
        text.contains("shape=hexagon"),
        !original.processes.is_empty()
    );
}

/// The model compressed as draw.io does: URL-encoded, raw deflate, base64.
fn compressed(text: &str) -> String {
    const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    let start = text.find("<mxGraphModel").expect("model");
    let end = text.find("</mxGraphModel>").expect("model end") + "</mxGraphModel>".len();
    let encoded = percent_encoding::utf8_percent_encode(&text[start..end], COMPONENT).to_string();
    let mut deflater =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    deflater.write_all(encoded.as_bytes()).expect("deflate");
    let packed =
        base64::engine::general_purpose::STANDARD.encode(deflater.finish().expect("deflate"));
    format!(
        "<mxfile host=\"app.diagrams.net\"><diagram id=\"p1\" name=\"Page-1\">{packed}</diagram></mxfile>"
    )
}

#[test]
fn a_compressed_diagram_imports_like_the_plain_one() {
    let original = seafood();
    let packed = compressed(&drawio_text(&original));
    assert!(!packed.contains("mxCell"));
    let (imported, _) = import_drawio(&packed).expect("imports");
    assert_same_structure(&original, &imported);
}

#[test]
fn a_hand_drawn_workshop_diagram_imports_with_groups_positions_and_diagnostics() {
    type Row<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, f32, f32);
    let (landscape, diagnostics) = import_drawio(WORKSHOP).expect("imports");
    let got: Vec<Row> = landscape
        .systems
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.name.as_str(),
                s.group.as_deref(),
                s.kind.as_str(),
                s.position.x,
                s.position.y,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("WMS", "WMS", Some("Logistics"), "", 60.0, 90.0),
            ("TMS", "TMS", Some("Logistics"), "", 300.0, 90.0),
            (
                "GATE_CONTROL",
                "Gate Control",
                Some("Logistics.Yard"),
                "circle",
                70.0,
                180.0
            ),
            ("SAP_ERP", "SAP ERP", None, "", 560.0, 90.0),
            (
                "DATA_WAREHOUSE",
                "Data Warehouse",
                None,
                "database",
                800.0,
                80.0
            ),
        ]
    );
    let flow_names: Vec<(&str, String)> = landscape
        .flows
        .iter()
        .map(|f| (f.name.as_str(), f.schedule.label()))
        .collect();
    assert_eq!(flow_names.len(), 4, "{flow_names:?}");
    assert_eq!(
        flow_names[0],
        ("stock", "daily 23:00".to_owned()),
        "{diagnostics:?}"
    );
    assert_eq!(flow_names[1], ("delivery plan", "daily 05:00".to_owned()));
    assert_eq!(landscape.processes.len(), 1);
    assert_eq!(
        landscape.processes[0].dependencies[0].dataset,
        "SAP_ERP.shifts"
    );
    let codes: Vec<(&str, usize)> = diagnostics
        .iter()
        .filter(|d| severity(d.code) != Severity::Info || d.code == "I24")
        .map(|d| (d.code, d.line.unwrap_or(0)))
        .collect();
    assert_eq!(codes, [("I24", 31), ("W24", 52)]);
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_cli_exports_and_imports_drawio() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().to_str().expect("utf-8 path");
    let export = run(&["export", "drawio", SEAFOOD, "--out", out]);
    assert_eq!(export.status.code(), Some(0), "{export:?}");
    let file = dir.path().join("drawio/landscape.drawio");
    let ron = dir.path().join("back.ron");
    let import = run(&[
        "import",
        "drawio",
        file.to_str().expect("utf-8"),
        "--out",
        ron.to_str().expect("utf-8"),
    ]);
    assert_eq!(import.status.code(), Some(0), "{import:?}");
    let back = switchboard::file::load_path(&ron).expect("loads");
    assert_same_structure(&seafood(), &back);

    let broken = dir.path().join("broken.drawio");
    std::fs::write(&broken, "<mxfile>\n  <diagram id=1>").expect("write");
    let failed = run(&[
        "import",
        "drawio",
        broken.to_str().expect("utf-8"),
        "--out",
        ron.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("broken.drawio") && stderr.contains("2:"),
        "{stderr}"
    );
}
