//! Lineage of the seafood example: where ERP.stock comes from and who depends on it.

use std::path::Path;

use switchboard::analysis::lineage::{
    Depth, Direction, EdgeKind, LineageError, LineageRoot, NodeKind, Side, lineage,
};
use switchboard::file::load_path;
use switchboard::model::{Landscape, Monitor};

fn seafood() -> Landscape {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seafood.ron");
    match load_path(&path) {
        Ok(landscape) => landscape,
        Err(error) => panic!("seafood loads: {error}"),
    }
}

fn erp_stock() -> LineageRoot {
    LineageRoot::Dataset("ERP.stock".to_owned())
}

#[test]
fn erp_stock_comes_from_wms_stock_and_four_processes_depend_on_it() {
    let Ok(graph) = lineage(&seafood(), &erp_stock(), Direction::Both, Depth::All) else {
        panic!("ERP.stock exists");
    };
    assert_eq!(graph.ids(NodeKind::Dataset, Side::Upstream), ["WMS.stock"]);
    assert_eq!(
        graph.ids(NodeKind::Process, Side::Downstream),
        [
            "P1_sales_order_promising",
            "P2_transport_planning",
            "P3_invoicing",
            "P4_production_planning"
        ]
    );
    assert!(graph.edges.iter().any(|e| e.from == "dataset:WMS.stock"
        && e.to == "dataset:ERP.stock"
        && matches!(&e.kind, EdgeKind::Flow { flow, .. } if flow == "F1")));
    assert_eq!(
        graph.answer,
        [
            "ERP.stock comes from WMS.stock via F1 (daily 23:00, owner team-wms, contract stock_csv \
          3.0.0); 4 processes depend on it downstream (P1_sales_order_promising, \
          P2_transport_planning, P3_invoicing, P4_production_planning); no monitor watches it."
        ]
    );
    let Some(erp) = graph.node("dataset:ERP.stock") else {
        panic!("root node");
    };
    assert_eq!((erp.side, erp.system.as_deref()), (Side::Root, Some("ERP")));
    assert!(
        graph.node("team:team-wms").is_some(),
        "the WMS owner is shown"
    );
}

#[test]
fn depth_one_stops_after_one_flow() {
    let Ok(graph) = lineage(
        &seafood(),
        &erp_stock(),
        Direction::Downstream,
        Depth::Hops(1),
    ) else {
        panic!("ERP.stock exists");
    };
    assert_eq!(
        graph.ids(NodeKind::Dataset, Side::Downstream),
        ["DWH.stock", "ERP.delivery_plan"]
    );
    // P1 reads ERP.stock, P3 reads ERP.delivery_plan; P2 and P4 are further away.
    assert_eq!(
        graph.ids(NodeKind::Process, Side::Downstream),
        ["P1_sales_order_promising", "P3_invoicing"]
    );
    assert!(graph.ids(NodeKind::Dataset, Side::Upstream).is_empty());
    assert!(graph.answer[0].contains("2 processes depend on it downstream within 1 hop"));
    assert!(
        !graph.answer[0].contains("comes from"),
        "{:?}",
        graph.answer
    );
}

#[test]
fn upstream_of_the_forecast_reaches_the_warehouse_through_three_flows() {
    let root = LineageRoot::Dataset("FCST.forecast".to_owned());
    let Ok(graph) = lineage(&seafood(), &root, Direction::Upstream, Depth::All) else {
        panic!("FCST.forecast exists");
    };
    let Some(wms) = graph.node("dataset:WMS.stock") else {
        panic!("WMS.stock is upstream: {:?}", graph.nodes);
    };
    assert_eq!(wms.hops, 3);
    assert!(graph.ids(NodeKind::Process, Side::Downstream).is_empty());
}

#[test]
fn a_monitor_on_the_dataset_is_named_in_the_answer() {
    let mut landscape = seafood();
    landscape.monitors.push(Monitor {
        id: "M-fresh".to_owned(),
        dataset: "ERP.stock".to_owned(),
        ..Monitor::default()
    });
    let Ok(graph) = lineage(&landscape, &erp_stock(), Direction::Both, Depth::All) else {
        panic!("ERP.stock exists");
    };
    assert!(graph.edges.iter().any(|e| e.from == "monitor:M-fresh"
        && e.to == "dataset:ERP.stock"
        && e.kind == EdgeKind::Watches));
    assert!(
        graph.answer[0].ends_with("monitor M-fresh (freshness) watches it."),
        "{:?}",
        graph.answer
    );
}

#[test]
fn a_process_root_starts_from_its_dependencies() {
    let root = LineageRoot::Process("P1_sales_order_promising".to_owned());
    let Ok(graph) = lineage(&seafood(), &root, Direction::Upstream, Depth::All) else {
        panic!("P1 exists");
    };
    assert_eq!(
        graph.ids(NodeKind::Dataset, Side::Root),
        ["ERP.production", "ERP.stock"]
    );
    assert_eq!(
        graph.ids(NodeKind::Process, Side::Root),
        ["P1_sales_order_promising"]
    );
    assert!(graph.answer[0].starts_with("Process P1_sales_order_promising depends on"));
    assert_eq!(graph.answer.len(), 3);
}

#[test]
fn an_unknown_dataset_is_a_clear_error() {
    let root = LineageRoot::Dataset("ERP.nope".to_owned());
    let Err(error) = lineage(&seafood(), &root, Direction::Both, Depth::All) else {
        panic!("ERP.nope does not exist");
    };
    assert!(matches!(error, LineageError::NotFound { .. }));
    assert!(error.to_string().contains("SYSTEM.dataset"), "{error}");
}

#[test]
fn the_same_input_gives_the_same_graph() {
    let landscape = seafood();
    let first = lineage(&landscape, &erp_stock(), Direction::Both, Depth::All);
    let second = lineage(&landscape, &erp_stock(), Direction::Both, Depth::All);
    assert_eq!(first, second);
}
