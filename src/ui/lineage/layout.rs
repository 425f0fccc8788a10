//! Positions of the lineage nodes, computed rather than simulated so the drawing reads left to
//! right like the data moves and never changes between runs: one column per flow hop (upstream
//! left of the root, downstream right), datasets grouped by system within a column, then the
//! processes, monitors and teams.

use std::collections::BTreeMap;

use egui::{Pos2, Vec2, pos2, vec2};

use crate::analysis::lineage::{EdgeKind, LineageGraph, LineageNode, NodeKind, Side};

/// Horizontal distance between columns, in graph units.
pub const COLUMN_WIDTH: f32 = 230.0;
/// Vertical distance between rows, in graph units.
pub const ROW_HEIGHT: f32 = 62.0;
/// The size of a node box, in graph units.
pub const NODE_SIZE: Vec2 = vec2(190.0, 42.0);

/// The column of a node: negative upstream, 0 at the root, positive downstream. Monitors and
/// teams take the column of the first dataset they are attached to.
fn column(graph: &LineageGraph, node: &LineageNode) -> i64 {
    match node.side {
        Side::Root => 0,
        Side::Upstream => -i64::from(node.hops),
        Side::Downstream => i64::from(node.hops),
        Side::Beside => graph
            .edges
            .iter()
            .filter(|e| e.from == node.key && matches!(e.kind, EdgeKind::Watches | EdgeKind::Owns))
            .find_map(|e| graph.node(&e.to))
            .map_or(0, |dataset| column(graph, dataset)),
    }
}

fn kind_rank(kind: NodeKind) -> u8 {
    match kind {
        NodeKind::Dataset => 0,
        NodeKind::Process => 1,
        NodeKind::Monitor => 2,
        NodeKind::Team => 3,
    }
}

/// The centre of every node, by key, in graph units (the root column at x = 0, each column
/// centred on y = 0).
pub fn positions(graph: &LineageGraph) -> BTreeMap<String, Pos2> {
    let mut columns: BTreeMap<i64, Vec<&LineageNode>> = BTreeMap::new();
    for node in &graph.nodes {
        columns.entry(column(graph, node)).or_default().push(node);
    }
    let mut positions = BTreeMap::new();
    for (col, mut nodes) in columns {
        nodes.sort_by(|a, b| {
            (kind_rank(a.kind), &a.system, &a.id).cmp(&(kind_rank(b.kind), &b.system, &b.id))
        });
        let top = -(nodes.len() as f32 - 1.0) * ROW_HEIGHT / 2.0;
        for (row, node) in nodes.iter().enumerate() {
            positions.insert(
                node.key.clone(),
                pos2(col as f32 * COLUMN_WIDTH, top + row as f32 * ROW_HEIGHT),
            );
        }
    }
    positions
}
