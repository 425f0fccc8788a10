//! A layered left-to-right auto-layout: systems are ranked along the data flow (longest path
//! over the acyclic part of the system graph), ordered within each rank by the barycentre of
//! their neighbours to reduce crossings, and placed on a grid. Pinned systems and processes stay
//! where they are; processes go one rank after the systems holding the datasets they depend on.
//!
//! Depends on `model` only (and petgraph through `model::graph`). Pure and deterministic.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::model::graph::SystemGraph;
use crate::model::{Landscape, Position};

/// Horizontal distance between ranks, in canvas units.
pub const RANK_GAP: f32 = 340.0;
/// Vertical distance between nodes of one rank, in canvas units.
pub const ROW_GAP: f32 = 110.0;

/// New positions for the unpinned systems and processes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub systems: BTreeMap<String, Position>,
    pub processes: BTreeMap<String, Position>,
}

/// Lays out the landscape; pinned nodes are left out of the result (they keep their position).
pub fn layered_layout(landscape: &Landscape) -> Layout {
    let projection = SystemGraph::build(landscape);
    let graph = &projection.graph;
    let ranks = longest_path_ranks(&projection);
    let max_rank = ranks.values().copied().max().unwrap_or(0);

    // Processes: one rank after the furthest system they depend on.
    let mut process_rank: BTreeMap<&str, usize> = BTreeMap::new();
    for process in &landscape.processes {
        let rank = process
            .dependencies
            .iter()
            .filter_map(|d| landscape.system_of_dataset(&d.dataset))
            .filter_map(|s| projection.node_of.get(s))
            .filter_map(|n| ranks.get(n))
            .map(|r| r + 1)
            .max()
            .unwrap_or(max_rank + 1);
        process_rank.insert(process.id.as_str(), rank);
    }

    // Order within ranks: start in document order, then barycentre sweeps.
    let mut layers: BTreeMap<usize, Vec<NodeIndex>> = BTreeMap::new();
    for (index, system) in landscape.systems.iter().enumerate() {
        if let Some(&node) = projection.node_of.get(&system.id)
            && landscape.systems.iter().position(|s| s.id == system.id) == Some(index)
        {
            layers.entry(ranks[&node]).or_default().push(node);
        }
    }
    let mut order: BTreeMap<NodeIndex, f32> = BTreeMap::new();
    for layer in layers.values() {
        for (i, &node) in layer.iter().enumerate() {
            order.insert(node, i as f32);
        }
    }
    for sweep in 0..8 {
        let direction = if sweep % 2 == 0 {
            Direction::Incoming
        } else {
            Direction::Outgoing
        };
        let keys: Vec<usize> = if sweep % 2 == 0 {
            layers.keys().copied().collect()
        } else {
            layers.keys().rev().copied().collect()
        };
        for key in keys {
            let Some(layer) = layers.get_mut(&key) else {
                continue;
            };
            let mut keyed: Vec<(f32, f32, NodeIndex)> = layer
                .iter()
                .map(|&node| {
                    let neighbours: Vec<f32> = graph
                        .edges_directed(node, direction)
                        .map(|e| match direction {
                            Direction::Incoming => e.source(),
                            Direction::Outgoing => e.target(),
                        })
                        .filter(|n| *n != node)
                        .filter_map(|n| order.get(&n).copied())
                        .collect();
                    let current = order.get(&node).copied().unwrap_or(0.0);
                    let barycentre = if neighbours.is_empty() {
                        current
                    } else {
                        neighbours.iter().sum::<f32>() / neighbours.len() as f32
                    };
                    (barycentre, current, node)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            *layer = keyed.into_iter().map(|(_, _, n)| n).collect();
            for (i, &node) in layer.iter().enumerate() {
                order.insert(node, i as f32);
            }
        }
    }

    let mut result = Layout::default();
    let pinned: BTreeSet<&str> = landscape
        .systems
        .iter()
        .filter(|s| s.pinned)
        .map(|s| s.id.as_str())
        .collect();
    for (rank, layer) in &layers {
        let mut row = 0usize;
        for &node in layer {
            let id = &graph[node];
            if pinned.contains(id.as_str()) {
                continue;
            }
            result.systems.insert(
                id.clone(),
                Position::new(*rank as f32 * RANK_GAP, row as f32 * ROW_GAP),
            );
            row += 1;
        }
    }
    let mut rows: BTreeMap<usize, usize> = BTreeMap::new();
    for (rank, layer) in &layers {
        rows.insert(*rank, layer.len());
    }
    for process in &landscape.processes {
        if process.pinned {
            continue;
        }
        let rank = process_rank[process.id.as_str()];
        let row = rows.entry(rank).or_insert(0);
        result.processes.insert(
            process.id.clone(),
            Position::new(rank as f32 * RANK_GAP, *row as f32 * ROW_GAP),
        );
        *row += 1;
    }
    result
}

/// Longest-path ranks over the graph with back edges (found by depth-first search in document
/// order) ignored, so cycles do not prevent a layering.
fn longest_path_ranks(projection: &SystemGraph) -> BTreeMap<NodeIndex, usize> {
    let graph = &projection.graph;
    let mut state: BTreeMap<NodeIndex, u8> = BTreeMap::new();
    let mut back_edges = BTreeSet::new();
    let mut finished: Vec<NodeIndex> = Vec::new();
    for start in graph.node_indices() {
        if state.contains_key(&start) {
            continue;
        }
        // Iterative DFS: (node, next edge index to look at).
        let mut stack: Vec<(NodeIndex, Vec<(petgraph::graph::EdgeIndex, NodeIndex)>)> = Vec::new();
        state.insert(start, 1);
        let mut edges: Vec<_> = graph.edges(start).map(|e| (e.id(), e.target())).collect();
        edges.reverse();
        stack.push((start, edges));
        while let Some((node, pending)) = stack.last_mut() {
            let node = *node;
            if let Some((edge, next)) = pending.pop() {
                match state.get(&next) {
                    None => {
                        state.insert(next, 1);
                        let mut edges: Vec<_> =
                            graph.edges(next).map(|e| (e.id(), e.target())).collect();
                        edges.reverse();
                        stack.push((next, edges));
                    }
                    Some(1) => {
                        back_edges.insert(edge);
                    }
                    _ => {}
                }
            } else {
                state.insert(node, 2);
                finished.push(node);
                stack.pop();
            }
        }
    }
    let mut ranks: BTreeMap<NodeIndex, usize> = graph.node_indices().map(|n| (n, 0)).collect();
    for &node in finished.iter().rev() {
        let rank = ranks[&node];
        for edge in graph.edges(node) {
            if back_edges.contains(&edge.id()) || edge.target() == node {
                continue;
            }
            let target_rank = ranks.entry(edge.target()).or_insert(0);
            *target_rank = (*target_rank).max(rank + 1);
        }
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Flow, System};

    fn system(id: &str, pinned: bool) -> System {
        System {
            id: id.to_owned(),
            pinned,
            position: Position::new(-7.0, -7.0),
            datasets: vec![Dataset {
                id: "d".to_owned(),
                ..Dataset::default()
            }],
            ..System::default()
        }
    }

    fn flow(id: &str, from: &str, to: &str) -> Flow {
        Flow {
            id: id.to_owned(),
            inputs: vec![format!("{from}.d")],
            output: format!("{to}.d"),
            ..Flow::default()
        }
    }

    #[test]
    fn ranks_follow_the_data_flow_and_pinned_nodes_stay() {
        let landscape = Landscape {
            systems: vec![
                system("C", false),
                system("B", false),
                system("A", false),
                system("P", true),
            ],
            flows: vec![
                flow("1", "A", "B"),
                flow("2", "B", "C"),
                flow("3", "C", "A"),
                flow("4", "A", "P"),
            ],
            ..Landscape::default()
        };
        let layout = layered_layout(&landscape);
        assert!(!layout.systems.contains_key("P"));
        let x = |id: &str| layout.systems[id].x;
        // C comes first in document order, so the cycle is broken at C → A... and every flow
        // that is not a back edge goes left to right.
        assert!(x("C") < x("A") && x("A") < x("B"));
        assert_eq!(layout, layered_layout(&landscape), "deterministic");
    }
}
