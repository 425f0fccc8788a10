//! The graph the auto-layout lays out: one node per unpinned system and process, an edge from
//! each system a flow reads from to the system it writes to, and an edge from the system
//! holding a dataset to each process depending on it (so a process sits just right of the data
//! it needs). Nodes are split into blocks: one per group (a zone) and one per connected part of
//! the ungrouped nodes. A process joins the group of its holders when they all share one.

use std::collections::BTreeMap;

use crate::analysis::layout::dataset_holders;
use crate::model::Landscape;

use super::geometry::Size;

/// What a layout node stands for: an index into `landscape.systems` or `landscape.processes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    System(usize),
    Process(usize),
}

/// A node to place.
#[derive(Debug, Clone)]
pub struct LayoutNode {
    pub item: Item,
    pub size: Size,
}

/// The nodes to place, their edges (deduplicated, no loops) and their blocks.
#[derive(Debug, Clone, Default)]
pub struct LayoutGraph {
    pub nodes: Vec<LayoutNode>,
    pub edges: Vec<(usize, usize)>,
    /// The nodes of each block, in node order; every node is in exactly one block.
    pub blocks: Vec<Vec<usize>>,
}

/// Builds the layout graph of the unpinned systems and processes, sized by `size_of`.
pub fn build(landscape: &Landscape, size_of: &dyn Fn(Item) -> Size) -> LayoutGraph {
    let mut node_of_system = vec![None; landscape.systems.len()];
    let mut graph = LayoutGraph::default();
    let mut zone: Vec<Option<&str>> = Vec::new();
    for (index, system) in landscape.systems.iter().enumerate() {
        if !system.pinned {
            node_of_system[index] = Some(graph.nodes.len());
            let item = Item::System(index);
            graph.nodes.push(LayoutNode {
                item,
                size: size_of(item),
            });
            zone.push(system.group.as_deref().filter(|g| !g.is_empty()));
        }
    }
    let holders = dataset_holders(landscape);
    let holder_node = |dataset: &str| holders.get(dataset).and_then(|&s| node_of_system[s]);
    for flow in &landscape.flows {
        let Some(to) = holder_node(&flow.output) else {
            continue;
        };
        for input in &flow.inputs {
            if let Some(from) = holder_node(input) {
                graph.edges.push((from, to));
            }
        }
    }
    for (index, process) in landscape.processes.iter().enumerate() {
        if process.pinned {
            continue;
        }
        let node = graph.nodes.len();
        let item = Item::Process(index);
        graph.nodes.push(LayoutNode {
            item,
            size: size_of(item),
        });
        let sources: Vec<usize> = process
            .dependencies
            .iter()
            .filter_map(|d| holder_node(&d.dataset))
            .collect();
        let first_zone = sources.first().and_then(|&s| zone[s]);
        let shared = sources.iter().all(|&s| zone[s] == first_zone);
        zone.push(if shared { first_zone } else { None });
        graph.edges.extend(sources.into_iter().map(|s| (s, node)));
    }
    graph.edges.retain(|(a, b)| a != b);
    graph.edges.sort_unstable();
    graph.edges.dedup();
    graph.blocks = blocks(&zone, &graph.edges);
    graph
}

/// One block per zone (in order of first member) and one per connected part of the ungrouped
/// nodes (joined only through edges between ungrouped nodes).
fn blocks(zone: &[Option<&str>], edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..zone.len()).collect();
    let mut first_of_zone: BTreeMap<&str, usize> = BTreeMap::new();
    for (node, z) in zone.iter().enumerate() {
        if let Some(z) = z {
            let first = *first_of_zone.entry(z).or_insert(node);
            let (a, b) = (root(&mut parent, first), root(&mut parent, node));
            parent[a.max(b)] = a.min(b);
        }
    }
    for &(from, to) in edges {
        if zone[from].is_none() && zone[to].is_none() {
            let (a, b) = (root(&mut parent, from), root(&mut parent, to));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for node in 0..zone.len() {
        let r = root(&mut parent, node);
        by_root.entry(r).or_default().push(node);
    }
    by_root.into_values().collect()
}

/// The representative of `node`'s set in a union-find forest (halving the path).
fn root(parent: &mut [usize], mut node: usize) -> usize {
    while parent[node] != node {
        parent[node] = parent[parent[node]];
        node = parent[node];
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_and_ungrouped_parts_make_blocks() {
        let zone = [Some("a"), None, Some("a"), None, None];
        let edges = [(0, 1), (1, 3), (2, 4)];
        assert_eq!(blocks(&zone, &edges), vec![vec![0, 2], vec![1, 3], vec![4]]);
    }
}
