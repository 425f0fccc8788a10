//! The lineage window's view model: the root and controls, the graph of
//! `analysis::lineage::lineage` (rebuilt only when the document, root or controls change), the
//! node positions and the simulated state of each node at the scrubbed minute.

use std::collections::BTreeMap;

use egui::Pos2;

use crate::analysis::lineage::{Depth, Direction, LineageGraph, LineageRoot, NodeKind, lineage};
use crate::model::Landscape;
use crate::sim::SimReport;

use super::paint::NodeState;

/// The depth choices of the window.
pub const DEPTHS: [(Depth, &str); 3] = [
    (Depth::Hops(1), "1 hop"),
    (Depth::Hops(2), "2 hops"),
    (Depth::All, "All"),
];

/// The direction choices of the window.
pub const DIRECTIONS: [(Direction, &str); 3] = [
    (Direction::Upstream, "Upstream"),
    (Direction::Downstream, "Downstream"),
    (Direction::Both, "Both"),
];

/// What the graph was built for; a change rebuilds it.
#[derive(Debug, Clone, PartialEq)]
struct BuiltFor {
    revision: u64,
    root: LineageRoot,
    direction: Direction,
    depth: Depth,
}

/// The lineage window's state.
#[derive(Debug, Default)]
pub struct LineageView {
    /// Whether the window is shown.
    pub open: bool,
    /// What the lineage is rooted on.
    pub root: Option<LineageRoot>,
    pub direction: Direction,
    pub depth: Depth,
    /// The graph of the current root and controls.
    pub graph: Option<LineageGraph>,
    /// Why there is no graph (the root vanished from the document).
    pub error: Option<String>,
    /// Node centres by key, in graph units.
    pub positions: BTreeMap<String, Pos2>,
    /// Simulated state by node key, while a simulation result is shown.
    pub states: BTreeMap<String, NodeState>,
    /// The key of the node clicked last (drawn selected).
    pub selected: Option<String>,
    /// The egui_graphs model and the drawing state of the window.
    pub widget: super::graph_view::WidgetState,
    built_for: Option<BuiltFor>,
    /// The graph changed since egui_graphs last saw it.
    pub(super) graph_changed: bool,
}

impl LineageView {
    /// Opens the window on `root`.
    pub fn show(&mut self, root: LineageRoot) {
        self.root = Some(root);
        self.selected = None;
        self.open = true;
    }

    /// Rebuilds the graph when the document, root or controls changed.
    pub fn refresh(&mut self, landscape: &Landscape, revision: u64) {
        let Some(root) = self.root.clone() else {
            self.graph = None;
            self.built_for = None;
            return;
        };
        let wanted = BuiltFor {
            revision,
            root: root.clone(),
            direction: self.direction,
            depth: self.depth,
        };
        if self.built_for.as_ref() == Some(&wanted) {
            return;
        }
        match lineage(landscape, &root, self.direction, self.depth) {
            Ok(graph) => {
                self.positions = super::layout::positions(&graph);
                self.graph = Some(graph);
                self.error = None;
            }
            Err(error) => {
                self.graph = None;
                self.positions.clear();
                self.error = Some(error.to_string());
            }
        }
        self.built_for = Some(wanted);
        self.graph_changed = true;
    }

    /// Takes the simulated state of every node at minute `t` from `report`, or clears it.
    pub fn set_states(&mut self, report: Option<(&SimReport, i64)>) {
        self.states.clear();
        let (Some((report, t)), Some(graph)) = (report, &self.graph) else {
            return;
        };
        for node in &graph.nodes {
            let state = match node.kind {
                NodeKind::Dataset => report.dataset_label_at(&node.id, t).map(NodeState::Dataset),
                NodeKind::Process if report.process_impacted_at(&node.id, t) => {
                    Some(NodeState::Impacted)
                }
                NodeKind::Process => Some(NodeState::Unimpacted),
                NodeKind::Monitor | NodeKind::Team => None,
            };
            if let Some(state) = state {
                self.states.insert(node.key.clone(), state);
            }
        }
    }
}

/// The lineage root a double-clicked node stands for (datasets and processes).
pub fn root_of(kind: NodeKind, id: &str) -> Option<LineageRoot> {
    match kind {
        NodeKind::Dataset => Some(LineageRoot::Dataset(id.to_owned())),
        NodeKind::Process => Some(LineageRoot::Process(id.to_owned())),
        NodeKind::Monitor | NodeKind::Team => None,
    }
}
