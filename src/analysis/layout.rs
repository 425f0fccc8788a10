//! A layered left-to-right layout: data flows from left to right, one column per layer.
//!
//! Nodes are the systems and the business processes; edges go from each system a flow reads
//! from to the system it writes to, and from the system holding a dataset to each process that
//! depends on it. Cycles are broken by ignoring the back edges of a depth-first search in
//! document order; layers are longest paths; the order inside a layer comes from barycenter
//! sweeps that start from document order. Pinned systems and processes keep their positions.
//! Everything is iterative and near linear, so large landscapes lay out quickly, and the result
//! depends only on the landscape (deterministic).
//!
//! Depends on `model` only.

use std::collections::BTreeMap;

use crate::model::{Landscape, Position, dataset_full_id};

/// Horizontal distance between the left edges of two columns, in canvas units.
pub const COLUMN_SPACING: f32 = 400.0;
/// Vertical distance between the top edges of two rows, in canvas units.
pub const ROW_SPACING: f32 = 160.0;
/// How many barycenter sweeps (down and up) order the layers.
const SWEEPS: usize = 8;

/// Positions (top-left corners) by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutPositions {
    pub systems: BTreeMap<String, Position>,
    pub processes: BTreeMap<String, Position>,
}

/// Lays the landscape out in layers from left to right.
pub fn layered_positions(landscape: &Landscape) -> LayoutPositions {
    let system_count = landscape.systems.len();
    let node_count = system_count + landscape.processes.len();
    let holder = dataset_holders(landscape);
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for flow in &landscape.flows {
        let Some(&to) = holder.get(flow.output.as_str()) else {
            continue;
        };
        for input in &flow.inputs {
            if let Some(&from) = holder.get(input.as_str()) {
                if from != to {
                    edges.push((from, to));
                }
            }
        }
    }
    for (offset, process) in landscape.processes.iter().enumerate() {
        for dependency in &process.dependencies {
            if let Some(&from) = holder.get(dependency.dataset.as_str()) {
                edges.push((from, system_count + offset));
            }
        }
    }
    edges.sort_unstable();
    edges.dedup();

    let mut successors = vec![Vec::new(); node_count];
    for &(from, to) in &edges {
        successors[from].push(to);
    }
    let forward = acyclic_successors(&successors);
    let layer = longest_path_layers(&forward);
    let rows = order_layers(&forward, &layer);

    let tallest = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut positions = vec![Position::default(); node_count];
    for (column, row) in rows.iter().enumerate() {
        let top = (tallest - row.len()) as f32 * ROW_SPACING / 2.0;
        for (index, &node) in row.iter().enumerate() {
            positions[node] = Position::new(
                column as f32 * COLUMN_SPACING,
                top + index as f32 * ROW_SPACING,
            );
        }
    }

    let mut result = LayoutPositions::default();
    for (index, system) in landscape.systems.iter().enumerate() {
        let position = if system.pinned {
            system.position
        } else {
            positions[index]
        };
        result.systems.entry(system.id.clone()).or_insert(position);
    }
    for (offset, process) in landscape.processes.iter().enumerate() {
        let position = if process.pinned {
            process.position
        } else {
            positions[system_count + offset]
        };
        result
            .processes
            .entry(process.id.clone())
            .or_insert(position);
    }
    result
}

/// The index (in `landscape.systems`) of the system holding each dataset, by full id; the
/// same answer as `Landscape::system_of_dataset`, in one pass instead of a scan per lookup.
pub fn dataset_holders(landscape: &Landscape) -> BTreeMap<String, usize> {
    let mut holders = BTreeMap::new();
    for (index, system) in landscape.systems.iter().enumerate() {
        for dataset in &system.datasets {
            holders
                .entry(dataset_full_id(&system.id, &dataset.id))
                .or_insert(index);
        }
    }
    holders
}

/// The successor lists without the back edges of an iterative depth-first search.
pub(crate) fn acyclic_successors(successors: &[Vec<usize>]) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnStack,
        Done,
    }
    let mut mark = vec![Mark::New; successors.len()];
    let mut forward = vec![Vec::new(); successors.len()];
    for root in 0..successors.len() {
        if mark[root] != Mark::New {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::OnStack;
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            if let Some(&to) = successors[node].get(next) {
                top.1 += 1;
                match mark[to] {
                    Mark::OnStack => {}
                    Mark::Done => forward[node].push(to),
                    Mark::New => {
                        forward[node].push(to);
                        mark[to] = Mark::OnStack;
                        stack.push((to, 0));
                    }
                }
            } else {
                mark[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    forward
}

/// The layer of every node: the length of the longest path reaching it (Kahn's order).
pub(crate) fn longest_path_layers(forward: &[Vec<usize>]) -> Vec<usize> {
    let mut in_degree = vec![0usize; forward.len()];
    for targets in forward {
        for &to in targets {
            in_degree[to] += 1;
        }
    }
    let mut queue: Vec<usize> = (0..forward.len()).filter(|&n| in_degree[n] == 0).collect();
    let mut layer = vec![0usize; forward.len()];
    let mut head = 0;
    while let Some(&node) = queue.get(head) {
        head += 1;
        for &to in &forward[node] {
            layer[to] = layer[to].max(layer[node] + 1);
            in_degree[to] -= 1;
            if in_degree[to] == 0 {
                queue.push(to);
            }
        }
    }
    layer
}

/// The nodes of each layer in drawing order, after barycenter sweeps.
pub(crate) fn order_layers(forward: &[Vec<usize>], layer: &[usize]) -> Vec<Vec<usize>> {
    let layer_count = layer.iter().max().map_or(0, |m| m + 1);
    let mut rows = vec![Vec::new(); layer_count];
    for (node, &l) in layer.iter().enumerate() {
        rows[l].push(node);
    }
    let mut predecessors = vec![Vec::new(); forward.len()];
    for (from, targets) in forward.iter().enumerate() {
        for &to in targets {
            predecessors[to].push(from);
        }
    }
    let mut slot = vec![0usize; forward.len()];
    for row in &rows {
        for (index, &node) in row.iter().enumerate() {
            slot[node] = index;
        }
    }
    for sweep in 0..SWEEPS {
        let downward = sweep % 2 == 0;
        let order: Vec<usize> = if downward {
            (1..layer_count).collect()
        } else {
            (0..layer_count.saturating_sub(1)).rev().collect()
        };
        for l in order {
            let neighbours = if downward { &predecessors } else { forward };
            let mut keyed: Vec<(f64, usize, usize)> = rows[l]
                .iter()
                .map(|&node| {
                    let near: Vec<usize> = neighbours[node].iter().map(|&n| slot[n]).collect();
                    let key = if near.is_empty() {
                        slot[node] as f64
                    } else {
                        near.iter().sum::<usize>() as f64 / near.len() as f64
                    };
                    (key, slot[node], node)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            rows[l] = keyed.into_iter().map(|(_, _, node)| node).collect();
            for (index, &node) in rows[l].iter().enumerate() {
                slot[node] = index;
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Flow, System};

    fn chain_with_cycle() -> Landscape {
        let system = |id: &str| System {
            id: id.to_owned(),
            name: id.to_owned(),
            datasets: vec![Dataset {
                id: "d".to_owned(),
                ..Dataset::default()
            }],
            ..System::default()
        };
        let flow = |id: &str, from: &str, to: &str| Flow {
            id: id.to_owned(),
            inputs: vec![format!("{from}.d")],
            output: format!("{to}.d"),
            ..Flow::default()
        };
        Landscape {
            systems: vec![system("A"), system("B"), system("C")],
            flows: vec![
                flow("F1", "A", "B"),
                flow("F2", "B", "C"),
                flow("F3", "C", "A"),
            ],
            ..Landscape::default()
        }
    }

    #[test]
    fn a_chain_goes_left_to_right_even_with_a_cycle() {
        let positions = layered_positions(&chain_with_cycle());
        let x = |id: &str| positions.systems[id].x;
        assert!(x("A") < x("B") && x("B") < x("C"));
    }

    #[test]
    fn pinned_systems_keep_their_place() {
        let mut landscape = chain_with_cycle();
        landscape.systems[1].pinned = true;
        landscape.systems[1].position = Position::new(-5.0, 7.0);
        let positions = layered_positions(&landscape);
        assert_eq!(positions.systems["B"], Position::new(-5.0, 7.0));
    }
}
