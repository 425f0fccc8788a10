//! How each lineage node and edge looks this frame: titles, owner stripes, the simulated state,
//! the root and the selection. Shared by the live `GraphView` and the settled painting.

use crate::analysis::lineage::{EdgeKind, LineageEdge, LineageNode, NodeKind, Side};
use crate::model::Landscape;
use crate::ui::theme::{CanvasColours, owner_colour};

use super::model::LineageView;
use super::paint::{EdgeLook, NodeLook};

/// The look of `node` in `view`.
pub fn node_look(
    landscape: &Landscape,
    view: &LineageView,
    node: &LineageNode,
    colours: CanvasColours,
) -> NodeLook {
    let (title, subtitle, owner) = match node.kind {
        NodeKind::Dataset => (
            node.id.clone(),
            node.label.clone(),
            crate::analysis::lineage::dataset_owner(landscape, &node.id),
        ),
        NodeKind::Process => {
            let owner = landscape.process(&node.id).map(|p| p.owner.clone());
            let subtitle = owner
                .as_ref()
                .map_or_else(|| "process".to_owned(), |o| format!("process · {o}"));
            (node.label.clone(), subtitle, owner)
        }
        NodeKind::Monitor => {
            let monitor = landscape.monitors.iter().find(|m| m.id == node.id);
            let owner = monitor.and_then(|m| m.owner.clone());
            let check = monitor.map_or("monitor", |m| m.check.kind_name());
            (node.id.clone(), format!("{check} monitor"), owner)
        }
        NodeKind::Team => (
            node.label.clone(),
            "owner team".to_owned(),
            Some(node.id.clone()),
        ),
    };
    let stripe = owner
        .and_then(|o| landscape.teams.iter().position(|t| t.id == o))
        .map_or(colours.unowned, owner_colour);
    NodeLook {
        kind: node.kind,
        title,
        subtitle,
        stripe,
        state: view.states.get(&node.key).copied(),
        root: node.side == Side::Root,
        selected: view.selected.as_deref() == Some(node.key.as_str()),
        colours,
    }
}

/// The look of `edge`.
pub fn edge_look(edge: &LineageEdge, colours: CanvasColours) -> EdgeLook {
    match &edge.kind {
        EdgeKind::Flow { flow, schedule } => EdgeLook {
            label: format!("{flow} · {schedule}"),
            dotted: false,
            colours,
        },
        EdgeKind::DependsOn | EdgeKind::Watches | EdgeKind::Owns => EdgeLook {
            label: String::new(),
            dotted: true,
            colours,
        },
    }
}
