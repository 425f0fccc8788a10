//! `switchboard lineage` run as a real process on the seafood example.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;
use switchboard::analysis::lineage::{Depth, Direction, LineageRoot, lineage};
use switchboard::file::load_path;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn switchboard(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .current_dir(root())
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("switchboard runs: {error}"),
    }
}

fn stdout(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(output: &Output) -> Value {
    match serde_json::from_str(&stdout(output)) {
        Ok(value) => value,
        Err(error) => panic!("stdout is JSON: {error}"),
    }
}

fn ids(value: &Value, kind: &str, side: &str) -> Vec<String> {
    let Some(nodes) = value["nodes"].as_array() else {
        panic!("nodes is an array: {value}");
    };
    nodes
        .iter()
        .filter(|n| n["kind"] == kind && n["side"] == side)
        .filter_map(|n| n["id"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn json_lists_wms_stock_upstream_and_the_four_processes_downstream() {
    let value = json(&switchboard(&[
        "lineage",
        "examples/seafood.ron",
        "ERP.stock",
        "--format",
        "json",
    ]));
    assert_eq!(ids(&value, "dataset", "upstream"), ["WMS.stock"]);
    assert_eq!(
        ids(&value, "process", "downstream"),
        [
            "P1_sales_order_promising",
            "P2_transport_planning",
            "P3_invoicing",
            "P4_production_planning"
        ]
    );
}

#[test]
fn json_is_the_library_graph() {
    let output = switchboard(&[
        "lineage",
        "examples/seafood.ron",
        "ERP.stock",
        "--format",
        "json",
    ]);
    let landscape = match load_path(&root().join("examples/seafood.ron")) {
        Ok(landscape) => landscape,
        Err(error) => panic!("loads: {error}"),
    };
    let root = LineageRoot::Dataset("ERP.stock".to_owned());
    let Ok(graph) = lineage(&landscape, &root, Direction::Both, Depth::All) else {
        panic!("ERP.stock exists");
    };
    let expected = match serde_json::to_value(&graph) {
        Ok(value) => value,
        Err(error) => panic!("serialises: {error}"),
    };
    assert_eq!(json(&output), expected);
}

#[test]
fn upstream_with_depth_one_shows_no_processes() {
    let value = json(&switchboard(&[
        "lineage",
        "examples/seafood.ron",
        "ERP.stock",
        "--upstream",
        "--depth",
        "1",
        "--format",
        "json",
    ]));
    assert_eq!(value["direction"], "upstream");
    assert_eq!(ids(&value, "dataset", "upstream"), ["WMS.stock"]);
    assert!(ids(&value, "process", "downstream").is_empty());
}

#[test]
fn human_output_answers_in_words() {
    let text = stdout(&switchboard(&[
        "lineage",
        "examples/seafood.ron",
        "ERP.stock",
    ]));
    assert!(
        text.starts_with("ERP.stock comes from WMS.stock via F1 (daily 23:00, owner team-wms"),
        "{text}"
    );
    assert!(
        text.contains("4 processes depend on it downstream"),
        "{text}"
    );
    assert!(text.contains("\nUpstream datasets\n  WMS.stock"), "{text}");
}

#[test]
fn mermaid_groups_datasets_by_system() {
    let text = stdout(&switchboard(&[
        "lineage",
        "examples/seafood.ron",
        "ERP.stock",
        "--downstream",
        "--format",
        "mermaid",
    ]));
    assert!(text.starts_with("flowchart LR\n"), "{text}");
    assert!(text.contains("subgraph s0[\"DWH\"]"), "{text}");
    assert!(text.contains("F2 · daily"), "{text}");
    assert!(!text.contains("WMS"), "no upstream in --downstream: {text}");
}

#[test]
fn an_unknown_dataset_exits_2_with_one_line() {
    let output = switchboard(&["lineage", "examples/seafood.ron", "ERP.nope"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("ERP.nope"), "{stderr}");
}
