//! The lineage window: root, direction and depth controls, the graph, and the answer in words
//! beside it.
//!
//! Idle cost: egui_graphs 0.32's `GraphView` requests a repaint at the end of every frame, so
//! it is shown only while the view settles after a new graph, while the pointer is over the
//! window and while a node is dragged. Otherwise the window paints the settled graph itself
//! from the same node positions and pan/zoom with the same shape functions, and requests
//! nothing.

use std::collections::BTreeMap;

use egui::{Pos2, Sense, Shape, Ui, vec2};
use egui_graphs::{GraphView, SettingsInteraction, SettingsNavigation};
use petgraph::stable_graph::NodeIndex;

use super::graph_view::{
    KeepPositions, KeepPositionsState, LineageGraphModel, NodePayload, Transform, VIEW_ID,
    WidgetState, node_at,
};
use super::looks::{edge_look, node_look};
use super::model::{DEPTHS, DIRECTIONS, LineageView};
use super::paint::{GroupLook, group_shapes, paint_settled};
use crate::analysis::lineage::{LineageGraph, LineageRoot, NodeKind, Side};
use crate::model::Landscape;
use crate::ui::theme::CanvasColours;

/// Frames the live view is kept, fitting the graph, after a new graph or a new window size
/// (a new window takes a few frames to find its size).
const SETTLE_FRAMES: u8 = 4;
/// Two clicks on one node this close together re-root the lineage on it.
const DOUBLE_CLICK_SECONDS: f64 = 0.4;
/// Width of the answer column.
const ANSWER_WIDTH: f32 = 300.0;

/// Rebuilds the egui_graphs model of the widget from the lineage graph and its node looks.
fn rebuild(
    widget: &mut WidgetState,
    view_graph: &LineageGraph,
    looks: &[(String, NodePayload, Pos2)],
) {
    let mut model = LineageGraphModel::new();
    widget.indices.clear();
    for (key, payload, position) in looks {
        let index = model.add_node_with_location(payload.clone(), *position);
        widget.indices.insert(key.clone(), index);
    }
    let colours = looks
        .first()
        .map_or(CanvasColours::new(true), |(_, p, _)| p.look.colours);
    for edge in &view_graph.edges {
        if let (Some(&from), Some(&to)) =
            (widget.indices.get(&edge.from), widget.indices.get(&edge.to))
        {
            model.add_edge(from, to, edge_look(edge, colours));
        }
    }
    widget.model = Some(model);
    widget.settle_frames = SETTLE_FRAMES;
}

/// What the user did to a node this frame.
pub enum NodeAction {
    /// Select the node's item on the main canvas.
    Select(NodeKind, String, String),
    /// Re-root the lineage on it.
    Reroot(LineageRoot),
}

/// The window's contents; returns what the user did to a node.
pub fn contents_ui(
    ui: &mut Ui,
    view: &mut LineageView,
    landscape: &Landscape,
) -> Option<NodeAction> {
    controls_ui(ui, view, landscape);
    ui.separator();
    if let Some(error) = &view.error {
        ui.colored_label(crate::ui::theme::ERROR_TEXT, error);
        return None;
    }
    let Some(graph) = view.graph.clone() else {
        ui.label(
            "Choose a dataset above, or right-click a system, flow or process on the canvas \
             and choose Show lineage.",
        );
        return None;
    };
    ui.horizontal_top(|ui| {
        let size = vec2(
            (ui.available_width() - ANSWER_WIDTH - 12.0).max(240.0),
            ui.available_height().max(320.0),
        );
        let graph_action = ui
            .allocate_ui(size, |ui| graph_area_ui(ui, view, landscape, &graph))
            .inner;
        let list_action = ui
            .vertical(|ui| {
                ui.set_width(ANSWER_WIDTH);
                answer_ui(ui, &graph)
            })
            .inner;
        graph_action.or(list_action)
    })
    .inner
}

fn controls_ui(ui: &mut Ui, view: &mut LineageView, landscape: &Landscape) {
    ui.horizontal(|ui| {
        let current = match &view.root {
            Some(LineageRoot::Dataset(id)) => id.clone(),
            Some(LineageRoot::System(id)) => format!("system {id}"),
            Some(LineageRoot::Flow(id)) => format!("flow {id}"),
            Some(LineageRoot::Process(id)) => format!("process {id}"),
            None => "(choose)".to_owned(),
        };
        egui::ComboBox::from_label("Root")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for dataset in landscape.datasets() {
                    let id = dataset.full_id();
                    let chosen = view.root == Some(LineageRoot::Dataset(id.clone()));
                    if ui.selectable_label(chosen, &id).clicked() {
                        view.show(LineageRoot::Dataset(id));
                    }
                }
            });
        ui.separator();
        for (direction, label) in DIRECTIONS {
            ui.radio_value(&mut view.direction, direction, label);
        }
        ui.separator();
        ui.label("Depth");
        for (depth, label) in DEPTHS {
            ui.radio_value(&mut view.depth, depth, label);
        }
    });
}

/// The answer in words, then the nodes by side as clickable lists.
fn answer_ui(ui: &mut Ui, graph: &LineageGraph) -> Option<NodeAction> {
    let mut action = None;
    egui::ScrollArea::vertical()
        .id_salt("lineage-answer")
        .show(ui, |ui| {
            for sentence in &graph.answer {
                ui.label(sentence);
            }
            let sections = [
                ("Upstream", NodeKind::Dataset, Side::Upstream),
                ("Downstream", NodeKind::Dataset, Side::Downstream),
                ("Processes", NodeKind::Process, Side::Downstream),
                ("Monitors", NodeKind::Monitor, Side::Beside),
                ("Owner teams", NodeKind::Team, Side::Beside),
            ];
            for (title, kind, side) in sections {
                let nodes: Vec<_> = graph
                    .nodes
                    .iter()
                    .filter(|n| n.kind == kind && n.side == side)
                    .collect();
                if nodes.is_empty() {
                    continue;
                }
                ui.add_space(6.0);
                ui.strong(title);
                for node in nodes {
                    if ui.selectable_label(false, &node.id).clicked() {
                        action = Some(NodeAction::Select(
                            node.kind,
                            node.id.clone(),
                            node.key.clone(),
                        ));
                    }
                }
            }
        });
    action
}

/// The graph: egui_graphs' live view or the settled painting, chosen as the module says.
fn graph_area_ui(
    ui: &mut Ui,
    view: &mut LineageView,
    landscape: &Landscape,
    graph: &LineageGraph,
) -> Option<NodeAction> {
    let colours = CanvasColours::new(ui.visuals().dark_mode);
    let looks: Vec<(String, NodePayload, Pos2)> = graph
        .nodes
        .iter()
        .map(|node| {
            let look = node_look(landscape, view, node, colours);
            let position = view.positions.get(&node.key).copied().unwrap_or_default();
            let payload = NodePayload {
                key: node.key.clone(),
                look,
            };
            (node.key.clone(), payload, position)
        })
        .collect();
    if std::mem::take(&mut view.graph_changed) || view.widget.model.is_none() {
        rebuild(&mut view.widget, graph, &looks);
    }
    let widget = &mut view.widget;
    let model = widget.model.as_mut()?;
    for (key, payload, _) in &looks {
        if let Some(node) = widget.indices.get(key).and_then(|i| model.node_mut(*i)) {
            node.payload_mut().look.clone_from(&payload.look);
        }
    }
    let area_size = ui.available_size();
    if area_size != widget.area_size {
        widget.area_size = area_size;
        widget.settle_frames = SETTLE_FRAMES;
    }
    let pointer_over = ui
        .ctx()
        .pointer_hover_pos()
        .zip(widget.window)
        .is_some_and(|(p, window)| window.contains(p));
    let live = widget.settle_frames > 0 || pointer_over || model.dragged_node().is_some();
    let groups_slot = ui.painter().add(Shape::Noop);
    let top_left = ui.cursor().min;
    let response = if live {
        widget.settle_frames = widget.settle_frames.saturating_sub(1);
        let settling = widget.settle_frames > 0;
        GraphView::<KeepPositionsState, KeepPositions>::new()
            .with_id(Some(VIEW_ID.to_owned()))
            .with_interactions(
                &SettingsInteraction::new()
                    .with_dragging_enabled(true)
                    .with_hover_enabled(true),
            )
            .with_navigations(
                &SettingsNavigation::new()
                    .with_fit_to_screen_enabled(settling)
                    .with_fit_to_screen_padding(0.08)
                    .with_zoom_and_pan_enabled(true),
            )
            .show(ui, model)
            .response
    } else {
        ui.allocate_response(ui.available_size(), Sense::click_and_drag())
    };
    let transform = Transform::of_view(ui, top_left);
    widget.transform = Some(transform);
    widget.live = live;
    let painter = ui.painter().with_clip_rect(response.rect);
    let groups = group_looks(graph, model, &widget.indices, transform);
    let shapes = painter.fonts_mut(|fonts| group_shapes(fonts, &groups, transform.zoom, &colours));
    painter.set(groups_slot, Shape::Vec(shapes));
    if !live {
        let nodes: Vec<_> = model
            .nodes_iter()
            .map(|(_, n)| (n.payload().look.clone(), transform.to_screen(n.location())))
            .collect();
        let edges: Vec<_> = model
            .edges_iter()
            .filter_map(|(index, e)| {
                let (from, to) = model.edge_endpoints(index)?;
                let from = transform.to_screen(model.node(from)?.location());
                let to = transform.to_screen(model.node(to)?.location());
                Some((e.payload().clone(), from, to))
            })
            .collect();
        paint_settled(&painter, &nodes, &edges, transform.zoom);
    }
    node_action(&response, model, transform, &mut widget.last_click)
}

/// A click selects the node under the pointer, a double-click re-roots on it. Two clicks on
/// the same node within [`DOUBLE_CLICK_SECONDS`] count as a double-click too (egui does not
/// report one on the `GraphView`'s response).
fn node_action(
    response: &egui::Response,
    model: &LineageGraphModel,
    transform: Transform,
    last_click: &mut Option<(f64, String)>,
) -> Option<NodeAction> {
    if !(response.clicked() || response.double_clicked()) {
        return None;
    }
    let pointer = response.interact_pointer_pos()?;
    let node = model.node(node_at(model, transform, pointer)?)?;
    let key = node.payload().key.clone();
    let (kind, id) = key.split_once(':')?;
    let kind = [
        NodeKind::Dataset,
        NodeKind::Process,
        NodeKind::Monitor,
        NodeKind::Team,
    ]
    .into_iter()
    .find(|k| k.as_str() == kind)?;
    let now = response.ctx.input(|i| i.time);
    let again = last_click
        .as_ref()
        .is_some_and(|(time, last)| *last == key && now - time < DOUBLE_CLICK_SECONDS);
    *last_click = Some((now, key.clone()));
    if response.double_clicked() || again {
        *last_click = None;
        return super::model::root_of(kind, id).map(NodeAction::Reroot);
    }
    Some(NodeAction::Select(kind, id.to_owned(), key.clone()))
}

/// One group per system and column: the datasets of a system that sit in the same column.
fn group_looks(
    graph: &LineageGraph,
    model: &LineageGraphModel,
    indices: &BTreeMap<String, NodeIndex>,
    transform: Transform,
) -> Vec<GroupLook> {
    let mut groups: BTreeMap<(i64, String), Vec<Pos2>> = BTreeMap::new();
    for node in &graph.nodes {
        let (Some(system), Some(index)) = (&node.system, indices.get(&node.key)) else {
            continue;
        };
        let Some(location) = model.node(*index).map(egui_graphs::Node::location) else {
            continue;
        };
        let column = (location.x / super::layout::COLUMN_WIDTH).round() as i64;
        groups
            .entry((column, system.clone()))
            .or_default()
            .push(transform.to_screen(location));
    }
    groups
        .into_iter()
        .map(|((_, system), centres)| GroupLook { system, centres })
        .collect()
}
