//! The landscape projected onto a petgraph graph: systems are nodes, and each flow adds an edge
//! from every system it reads from to the system it writes to.
//!
//! Depends on `model::landscape`.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{DiGraph, NodeIndex};

use super::landscape::Landscape;

/// A system-level graph of the landscape.
#[derive(Debug, Clone, Default)]
pub struct SystemGraph {
    /// Nodes carry system ids; edges carry flow ids.
    pub graph: DiGraph<String, String>,
    /// The node of each system id.
    pub node_of: BTreeMap<String, NodeIndex>,
}

impl SystemGraph {
    /// Projects the landscape. Flows whose datasets do not resolve are left out.
    pub fn build(landscape: &Landscape) -> Self {
        let mut graph = DiGraph::new();
        let mut node_of = BTreeMap::new();
        for system in &landscape.systems {
            node_of
                .entry(system.id.clone())
                .or_insert_with(|| graph.add_node(system.id.clone()));
        }
        for flow in &landscape.flows {
            let Some(target) = landscape
                .flow_target_system(flow)
                .and_then(|id| node_of.get(id))
            else {
                continue;
            };
            for source in landscape.flow_source_systems(flow) {
                if let Some(&from) = node_of.get(&source) {
                    graph.add_edge(from, *target, flow.id.clone());
                }
            }
        }
        Self { graph, node_of }
    }
}

/// The distinct unordered pairs of different systems that at least one flow connects.
pub fn connected_pairs(landscape: &Landscape) -> BTreeSet<(String, String)> {
    let mut pairs = BTreeSet::new();
    for flow in &landscape.flows {
        let Some(target) = landscape.flow_target_system(flow) else {
            continue;
        };
        for source in landscape.flow_source_systems(flow) {
            if source != target {
                let pair = if source.as_str() < target {
                    (source, target.to_owned())
                } else {
                    (target.to_owned(), source)
                };
                pairs.insert(pair);
            }
        }
    }
    pairs
}

/// The point-to-point potential n(n-1)/2 for n systems.
pub fn potential_connections(systems: usize) -> usize {
    systems * systems.saturating_sub(1) / 2
}

/// The connections a hub needs: one per system that sends or receives through a flow between
/// different systems.
pub fn hub_connections(landscape: &Landscape) -> usize {
    let mut systems = BTreeSet::new();
    for (a, b) in connected_pairs(landscape) {
        systems.insert(a);
        systems.insert(b);
    }
    systems.len()
}

#[cfg(test)]
mod tests {
    use super::potential_connections;

    #[test]
    fn potential_grows_quadratically() {
        assert_eq!([3, 6, 10, 20].map(potential_connections), [3, 15, 45, 190]);
        assert_eq!(potential_connections(0), 0);
        assert_eq!(potential_connections(1), 0);
    }
}
