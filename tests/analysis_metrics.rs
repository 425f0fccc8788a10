//! Metrics on the bundled examples and on generated landscapes.

use std::path::Path;

use switchboard::analysis::metrics::{metrics, scaling_curve};
use switchboard::file::load_path;
use switchboard::model::{Landscape, System};

fn example(name: &str) -> Landscape {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    match load_path(&path) {
        Ok(landscape) => landscape,
        Err(error) => panic!("{name} loads: {error}"),
    }
}

fn systems(n: usize) -> Landscape {
    Landscape {
        systems: (0..n)
            .map(|i| System {
                id: format!("S{i}"),
                ..System::default()
            })
            .collect(),
        ..Landscape::default()
    }
}

#[test]
fn potential_is_n_times_n_minus_one_over_two() {
    let potentials: Vec<usize> = [3, 6, 10, 20]
        .iter()
        .map(|n| metrics(&systems(*n)).potential_connections)
        .collect();
    assert_eq!(potentials, [3, 15, 45, 190]);
}

#[test]
fn point_to_point_example_uses_9_of_21_connections_where_a_hub_needs_7() {
    let m = metrics(&example("point-to-point.ron"));
    assert_eq!((m.systems, m.flows), (7, 10));
    assert_eq!(m.potential_connections, 21);
    assert_eq!(m.connected_pairs, 9);
    assert_eq!(m.hub_connections, 7);
    // The ERP and the warehouse talk in both directions: two flows, one pair.
    let erp = m.fan.iter().find(|f| f.system == "ERP");
    assert_eq!(
        erp.map(|f| (f.fan_in, f.fan_out, f.flows_out)),
        Some((1, 3, 3))
    );
}

#[test]
fn seafood_metrics() {
    let m = metrics(&example("seafood.ron"));
    assert_eq!((m.systems, m.flows, m.datasets), (7, 10, 14));
    assert_eq!(m.connected_pairs, 7);
    assert_eq!(m.potential_connections, 21);
    assert_eq!(m.hub_connections, 7);
    assert!((m.density - 1.0 / 3.0).abs() < 1e-12);
    let fan: Vec<(&str, usize, usize, usize, usize)> = m
        .fan
        .iter()
        .map(|f| {
            (
                f.system.as_str(),
                f.fan_in,
                f.flows_in,
                f.fan_out,
                f.flows_out,
            )
        })
        .collect();
    assert_eq!(
        fan,
        [
            ("DWH", 1, 2, 1, 1),
            ("ERP", 3, 3, 3, 4),
            ("FCST", 1, 1, 1, 1),
            ("MES", 1, 1, 1, 1),
            ("QMS", 0, 0, 1, 1),
            ("TMS", 1, 1, 0, 0),
            ("WMS", 1, 1, 1, 1),
        ]
    );
    let ranking: Vec<(&str, usize, usize)> = m
        .blast_radius
        .iter()
        .map(|b| (b.system.as_str(), b.processes.len(), b.datasets.len()))
        .collect();
    assert_eq!(
        ranking,
        [
            ("ERP", 5, 11),
            ("WMS", 4, 8),
            ("MES", 2, 3),
            ("DWH", 1, 4),
            ("FCST", 1, 2),
            ("QMS", 1, 2),
            ("TMS", 1, 1),
        ]
    );
    // The warehouse's failure reaches the four processes of the Friday-night story.
    let wms = &m.blast_radius[1];
    assert_eq!(wms.systems, ["DWH", "ERP", "FCST", "MES", "TMS"]);
    assert_eq!(wms.processes.len(), 4);
    assert!(wms.processes.iter().all(|p| !p.starts_with("P5")));
}

#[test]
fn scaling_chart_contrasts_point_to_point_with_the_hub() {
    let curve = scaling_curve(20, 100);
    let at = |n: usize| {
        curve
            .iter()
            .find(|p| p.systems == n)
            .map(|p| (p.point_to_point, p.hub))
    };
    assert_eq!(at(3), Some((3, 3)));
    assert_eq!(at(10), Some((45, 10)));
    assert_eq!(at(20), Some((190, 20)));
}
