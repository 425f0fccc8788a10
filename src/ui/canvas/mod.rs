//! The canvas widget: paints the landscape and turns pointer gestures into commands (select,
//! box select, move, connect, add, pan, zoom). It reads the document and never mutates it.
//!
//! Drawn with the egui painter rather than egui_graphs: egui_graphs' `GraphView` requests a
//! repaint every frame (a prototype burned 44–106 % of a core when idle), refits or re-lays out
//! nodes, stores selection in its own graph and measured 2× the bare-painter floor for 1,000
//! nodes. A scene cached by revision, culling and level of detail meet the idle and frame-time
//! goals; petgraph remains the graph projection (`model::graph`, `analysis::layout`).

pub mod camera;
pub mod paint;
pub mod placement;
pub mod rename;
pub mod scene;

use std::collections::HashSet;

use egui::{Pos2, Rect, Sense, Stroke, Ui, Vec2};

use crate::model::{Landscape, Position};

use super::commands::Command;
use super::theme::{CanvasColours, ColourMode};
use super::view_state::{Item, ViewState};
use camera::Camera;
use paint::{Highlights, PaintStyle, handle_position, handle_radius, paint_scene};
use scene::{NodeKind, Scene};

/// The id of the legend's area over the canvas, which fitting keeps the drawing away from.
pub const LEGEND_AREA: &str = "legend";

/// A gesture in progress.
#[derive(Debug, Clone)]
enum Gesture {
    Move {
        nodes: HashSet<(NodeKind, String)>,
        delta: Vec2,
    },
    Connect {
        from: String,
        pointer: Pos2,
    },
    BoxSelect {
        start: Pos2,
        current: Pos2,
        additive: bool,
    },
    Pan,
}

/// The canvas's cached scene and gesture state.
#[derive(Debug)]
pub struct Canvas {
    scene: Scene,
    scene_revision: Option<u64>,
    gesture: Option<Gesture>,
    preview: Option<Scene>,
    /// The flow whose context menu is open.
    context_flow: Option<String>,
    /// The system or process whose context menu is open.
    context_node: Option<Item>,
    /// The canvas's screen rectangle in the last frame.
    pub viewport: Rect,
}

impl Default for Canvas {
    fn default() -> Self {
        Self {
            scene: Scene::default(),
            scene_revision: None,
            gesture: None,
            preview: None,
            context_flow: None,
            context_node: None,
            viewport: Rect::NOTHING,
        }
    }
}

impl Canvas {
    /// The cached scene (for tests and the status bar).
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// The boxes on the canvas, in canvas units (new boxes keep clear of them).
    pub fn occupied(&self) -> Vec<Rect> {
        self.scene.nodes.iter().map(|n| n.rect).collect()
    }

    /// Rebuilds the scene when the document revision changed.
    pub fn refresh(&mut self, landscape: &Landscape, revision: u64) {
        if self.scene_revision != Some(revision) {
            self.scene = Scene::build(landscape);
            self.scene_revision = Some(revision);
            self.preview = None;
        }
    }

    /// Forgets the cached scene (a new document was opened).
    pub fn invalidate(&mut self) {
        self.scene_revision = None;
        self.gesture = None;
        self.preview = None;
    }

    /// The screen centre of a system's box in the last frame.
    pub fn system_screen_rect(&self, camera: &Camera, id: &str) -> Option<Rect> {
        self.scene
            .rect_of(NodeKind::System, id)
            .map(|r| camera.rect_to_screen(self.viewport, r))
    }

    fn node_at(scene: &Scene, canvas_point: Pos2) -> Option<usize> {
        scene
            .nodes
            .iter()
            .rposition(|n| n.rect.contains(canvas_point))
    }

    fn flow_at(scene: &Scene, canvas_point: Pos2, zoom: f32) -> Option<String> {
        let tolerance = 6.0 / zoom;
        scene
            .edges
            .iter()
            .find(|e| {
                egui::Rect::from_center_size(e.label_at, e.label_size).contains(canvas_point)
                    || distance_to_segment(canvas_point, e.from, e.to) < tolerance
            })
            .map(|e| e.flow_id.clone())
    }

    /// Shows the canvas and pushes commands for what the user did.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        landscape: &Landscape,
        view: &mut ViewState,
        colour_mode: ColourMode,
        commands: &mut Vec<Command>,
    ) {
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        let viewport = response.rect;
        self.viewport = viewport;
        if view.fit_requested {
            // The legend is drawn after the canvas; on the first frame its size is not known
            // yet, so fit once more on the next frame.
            let legend = ui.ctx().memory(|m| m.area_rect(egui::Id::new(LEGEND_AREA)));
            view.camera = if let Some(legend) = legend {
                Camera::fit_beside(viewport, self.scene.bounds, legend)
            } else {
                ui.ctx().request_repaint();
                Camera::fit(viewport, self.scene.bounds)
            };
            view.fit_requested = legend.is_none();
        }
        if let Some(item) = view.centre_on.take() {
            let found = match &item {
                Item::System(id) => self.scene.rect_of(NodeKind::System, id),
                Item::Process(id) => self.scene.rect_of(NodeKind::Process, id),
                Item::Flow(id) => self
                    .scene
                    .edges
                    .iter()
                    .find(|e| &e.flow_id == id)
                    .map(|e| Rect::from_center_size(e.label_at, Vec2::splat(1.0))),
                _ => None,
            };
            if let Some(rect) = found {
                view.camera.centre_on(viewport, rect.center());
            }
        }
        self.zoom_and_pan(ui, &response, view);
        let pointer = response.hover_pos().or(response.interact_pointer_pos());
        let modifiers = ui.input(|i| i.modifiers);
        let additive = modifiers.command || modifiers.shift;

        if response.drag_started_by(egui::PointerButton::Primary) {
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .or(pointer)
                .unwrap_or(viewport.center());
            self.gesture = Some(self.start_gesture(origin, view, additive));
        } else if response.drag_started_by(egui::PointerButton::Secondary)
            || response.drag_started_by(egui::PointerButton::Middle)
        {
            self.gesture = Some(Gesture::Pan);
        }
        if response.dragged() {
            let delta = response.drag_delta();
            match &mut self.gesture {
                Some(Gesture::Move {
                    nodes,
                    delta: total,
                }) => {
                    *total += delta / view.camera.zoom;
                    self.preview = Some(Scene::build_moved(landscape, nodes, *total));
                }
                Some(Gesture::Connect { pointer: p, .. }) => {
                    if let Some(pointer) = pointer {
                        *p = pointer;
                    }
                }
                Some(Gesture::BoxSelect { current, .. }) => {
                    if let Some(pointer) = pointer {
                        *current = pointer;
                    }
                }
                Some(Gesture::Pan) => view.camera.pan += delta,
                None => {}
            }
        }
        if response.drag_stopped() {
            if let Some(gesture) = self.gesture.take() {
                self.finish_gesture(gesture, landscape, view, commands, pointer);
            }
            self.preview = None;
        }
        if response.clicked() {
            self.click(pointer, view, modifiers.command || modifiers.shift);
        }
        if response.secondary_clicked() {
            let at = pointer.map(|p| view.camera.to_canvas(viewport, p));
            self.context_node = at
                .and_then(|p| Self::node_at(&self.scene, p))
                .map(|i| item_of(self.scene.nodes[i].kind, &self.scene.nodes[i].id));
            self.context_flow = at
                .filter(|_| self.context_node.is_none())
                .and_then(|p| Self::flow_at(&self.scene, p, view.camera.zoom));
        }
        if let Some(flow_id) = self.context_flow.clone() {
            flow_context_menu(&response, landscape, &flow_id, view);
        } else if let Some(item) = self.context_node.clone() {
            response.context_menu(|ui| {
                crate::ui::lineage::context_menu_items(ui, landscape, &item, &mut view.lineage);
            });
        }
        if response.double_clicked()
            && let Some(p) = pointer
        {
            let canvas_point = view.camera.to_canvas(viewport, p);
            match Self::node_at(&self.scene, canvas_point) {
                None => commands.push(Command::AddSystem(Some(Position::new(
                    canvas_point.x,
                    canvas_point.y,
                )))),
                Some(index) => {
                    let node = &self.scene.nodes[index];
                    let item = match node.kind {
                        NodeKind::System => Item::System(node.id.clone()),
                        NodeKind::Process => Item::Process(node.id.clone()),
                    };
                    view.select_only(item.clone());
                    view.renaming = rename::Renaming::start(landscape, &item);
                }
            }
        }

        let scene = self.preview.as_ref().unwrap_or(&self.scene);
        let hovered =
            pointer.and_then(|p| Self::node_at(scene, view.camera.to_canvas(viewport, p)));
        let overlay = view.simulation.overlay(landscape);
        let mut highlights = Highlights {
            hovered,
            handles: true,
            states: overlay.as_ref(),
            ..Highlights::default()
        };
        for item in &view.selection {
            match item {
                Item::System(id) => {
                    highlights
                        .nodes
                        .extend(scene.index_of(NodeKind::System, id));
                }
                Item::Process(id) => {
                    highlights
                        .nodes
                        .extend(scene.index_of(NodeKind::Process, id));
                }
                Item::Flow(id) => {
                    highlights.flows.insert(id.as_str());
                }
                _ => {}
            }
        }
        let style = PaintStyle {
            colours: CanvasColours::new(ui.visuals().dark_mode),
            colour_mode,
        };
        paint_scene(
            &painter.with_clip_rect(viewport),
            viewport,
            scene,
            &view.camera,
            &highlights,
            &style,
        );
        match &self.gesture {
            Some(Gesture::Connect { from, pointer }) => {
                if let Some(rect) = scene.rect_of(NodeKind::System, from) {
                    let start = handle_position(view.camera.rect_to_screen(viewport, rect));
                    painter.arrow(
                        start,
                        *pointer - start,
                        Stroke::new(2.0, style.colours.accent),
                    );
                }
            }
            Some(Gesture::BoxSelect { start, current, .. }) => {
                let rect = Rect::from_two_pos(*start, *current);
                painter.rect_filled(rect, 0.0, style.colours.accent.gamma_multiply(0.12));
                painter.rect_stroke(
                    rect,
                    0.0,
                    Stroke::new(1.0, style.colours.accent),
                    egui::StrokeKind::Inside,
                );
            }
            _ => {}
        }
        let renamed_node = view.renaming.as_ref().and_then(|r| {
            scene
                .rect_of(r.kind, &r.id)
                .map(|rect| view.camera.rect_to_screen(viewport, rect))
        });
        let zoom = view.camera.zoom;
        rename::rename_ui(
            ui,
            &mut view.renaming,
            renamed_node,
            zoom,
            landscape,
            commands,
        );
        if scene.nodes.is_empty() {
            painter.text(
                viewport.center(),
                egui::Align2::CENTER_CENTER,
                "Double-click to add a system",
                egui::FontId::proportional(16.0),
                style.colours.weak_text,
            );
        }
    }

    fn zoom_and_pan(&mut self, ui: &Ui, response: &egui::Response, view: &mut ViewState) {
        if !response.hovered() {
            return;
        }
        let (scroll, zoom_delta, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let anchor = pointer.unwrap_or(self.viewport.center());
        if zoom_delta != 1.0 {
            view.camera.zoom_at(self.viewport, anchor, zoom_delta);
        } else if scroll.y != 0.0 {
            view.camera
                .zoom_at(self.viewport, anchor, (scroll.y / 200.0).exp());
        } else if scroll.x != 0.0 {
            view.camera.pan.x += scroll.x;
        }
    }

    fn start_gesture(&self, origin: Pos2, view: &mut ViewState, additive: bool) -> Gesture {
        let camera = view.camera;
        let canvas_point = camera.to_canvas(self.viewport, origin);
        for node in self.scene.nodes.iter().rev() {
            if node.kind != NodeKind::System {
                continue;
            }
            let rect = camera.rect_to_screen(self.viewport, node.rect);
            if handle_position(rect).distance(origin) <= handle_radius() + 4.0 {
                return Gesture::Connect {
                    from: node.id.clone(),
                    pointer: origin,
                };
            }
        }
        let Some(index) = Self::node_at(&self.scene, canvas_point) else {
            return Gesture::BoxSelect {
                start: origin,
                current: origin,
                additive,
            };
        };
        let node = &self.scene.nodes[index];
        let item = item_of(node.kind, &node.id);
        if !view.selection.contains(&item) {
            if additive {
                view.selection.insert(item);
            } else {
                view.select_only(item);
            }
        }
        let nodes = view
            .selection
            .iter()
            .filter_map(|i| match i {
                Item::System(id) => Some((NodeKind::System, id.clone())),
                Item::Process(id) => Some((NodeKind::Process, id.clone())),
                _ => None,
            })
            .collect();
        Gesture::Move {
            nodes,
            delta: Vec2::ZERO,
        }
    }

    fn finish_gesture(
        &self,
        gesture: Gesture,
        landscape: &Landscape,
        view: &mut ViewState,
        commands: &mut Vec<Command>,
        pointer: Option<Pos2>,
    ) {
        match gesture {
            Gesture::Move { nodes, delta } => {
                if delta.length() < 0.5 {
                    return;
                }
                let mut moves: Vec<(Item, Position)> = Vec::new();
                for (kind, id) in nodes {
                    let (position, item) = match kind {
                        NodeKind::System => {
                            (landscape.system(&id).map(|s| s.position), Item::System(id))
                        }
                        NodeKind::Process => (
                            landscape.process(&id).map(|p| p.position),
                            Item::Process(id),
                        ),
                    };
                    if let Some(p) = position {
                        moves.push((item, Position::new(p.x + delta.x, p.y + delta.y)));
                    }
                }
                commands.push(Command::MoveNodes(moves));
            }
            Gesture::Connect {
                from,
                pointer: last,
            } => {
                let at = pointer.unwrap_or(last);
                let canvas_point = view.camera.to_canvas(self.viewport, at);
                if let Some(index) = Self::node_at(&self.scene, canvas_point) {
                    let node = &self.scene.nodes[index];
                    if node.kind == NodeKind::System && node.id != from {
                        commands.push(Command::Connect {
                            from,
                            to: node.id.clone(),
                        });
                    }
                }
            }
            Gesture::BoxSelect {
                start,
                current,
                additive,
            } => {
                let screen = Rect::from_two_pos(start, current);
                let canvas = Rect::from_two_pos(
                    view.camera.to_canvas(self.viewport, screen.min),
                    view.camera.to_canvas(self.viewport, screen.max),
                );
                if !additive {
                    view.selection.clear();
                }
                for node in &self.scene.nodes {
                    if canvas.intersects(node.rect) {
                        view.selection.insert(item_of(node.kind, &node.id));
                    }
                }
            }
            Gesture::Pan => {}
        }
    }

    fn click(&self, pointer: Option<Pos2>, view: &mut ViewState, additive: bool) {
        let Some(p) = pointer else { return };
        let canvas_point = view.camera.to_canvas(self.viewport, p);
        let item = Self::node_at(&self.scene, canvas_point)
            .map(|i| item_of(self.scene.nodes[i].kind, &self.scene.nodes[i].id))
            .or_else(|| Self::flow_at(&self.scene, canvas_point, view.camera.zoom).map(Item::Flow));
        match (item, additive) {
            (Some(item), true) => view.toggle(item),
            (Some(item), false) => view.select_only(item),
            (None, false) => view.selection.clear(),
            (None, true) => {}
        }
    }
}

fn item_of(kind: NodeKind, id: &str) -> Item {
    match kind {
        NodeKind::System => Item::System(id.to_owned()),
        NodeKind::Process => Item::Process(id.to_owned()),
    }
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// The right-click menu of a flow: define a fault on it for the simulation.
fn flow_context_menu(
    response: &egui::Response,
    landscape: &Landscape,
    flow_id: &str,
    view: &mut ViewState,
) {
    response.context_menu(|ui| {
        let name = landscape
            .flow(flow_id)
            .map_or(flow_id, |f| f.display_name());
        ui.label(egui::RichText::new(format!("{name} ({flow_id})")).strong());
        ui.separator();
        for choice in crate::ui::simulation::FaultChoice::ALL {
            if ui.button(choice.menu_text()).clicked() {
                view.simulation.define_fault(flow_id, choice);
                ui.close();
            }
        }
        ui.separator();
        let item = Item::Flow(flow_id.to_owned());
        crate::ui::lineage::context_menu_items(ui, landscape, &item, &mut view.lineage);
    });
}
