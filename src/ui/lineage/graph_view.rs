//! The egui_graphs side of the lineage window: the graph type with custom node and edge
//! displays (drawing through `paint.rs`), a layout that keeps the computed positions, and the
//! screen transform shared with the settled painting.

use egui::{Pos2, Rect, Vec2};
use egui_graphs::{
    DisplayEdge, DisplayNode, DrawContext, EdgeProps, Graph, Layout, LayoutState, NodeProps,
};
use petgraph::Directed;
use petgraph::stable_graph::{DefaultIx, IndexType, NodeIndex};

use super::layout::NODE_SIZE;
use super::paint::{EdgeLook, NodeLook, boundary_point, edge_shapes, node_rect, node_shapes};

/// The egui_graphs id of the lineage view (names its layout and pan/zoom state).
pub const VIEW_ID: &str = "switchboard-lineage";

/// A node's payload: its key in the lineage graph and how it looks this frame.
#[derive(Debug, Clone)]
pub struct NodePayload {
    pub key: String,
    pub look: NodeLook,
}

/// The lineage graph as egui_graphs holds it.
pub type LineageGraphModel =
    Graph<NodePayload, EdgeLook, Directed, DefaultIx, NodeShape, EdgeShape>;

/// A lineage node drawn in the canvas' style.
#[derive(Debug, Clone)]
pub struct NodeShape {
    look: NodeLook,
    location: Pos2,
}

impl From<NodeProps<NodePayload>> for NodeShape {
    fn from(props: NodeProps<NodePayload>) -> Self {
        Self {
            location: props.location(),
            look: props.payload.look,
        }
    }
}

impl<E: Clone, Ty: petgraph::EdgeType, Ix: IndexType> DisplayNode<NodePayload, E, Ty, Ix>
    for NodeShape
{
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        let rect = Rect::from_center_size(self.location, NODE_SIZE);
        boundary_point(rect, self.location + dir * NODE_SIZE.length())
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<egui::Shape> {
        let centre = ctx.meta.canvas_to_screen_pos(self.location);
        let zoom = ctx.meta.zoom;
        ctx.ctx
            .fonts_mut(|fonts| node_shapes(fonts, &self.look, centre, zoom))
    }

    fn update(&mut self, state: &NodeProps<NodePayload>) {
        self.location = state.location();
        self.look.clone_from(&state.payload.look);
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        node_rect(self.location, 1.0).contains(pos)
    }
}

/// A lineage edge: a flow arrow with its label, or a dotted link.
#[derive(Debug, Clone)]
pub struct EdgeShape {
    look: EdgeLook,
}

impl From<EdgeProps<EdgeLook>> for EdgeShape {
    fn from(props: EdgeProps<EdgeLook>) -> Self {
        Self {
            look: props.payload,
        }
    }
}

impl<Ty: petgraph::EdgeType, Ix: IndexType> DisplayEdge<NodePayload, EdgeLook, Ty, Ix, NodeShape>
    for EdgeShape
{
    fn shapes(
        &mut self,
        start: &egui_graphs::Node<NodePayload, EdgeLook, Ty, Ix, NodeShape>,
        end: &egui_graphs::Node<NodePayload, EdgeLook, Ty, Ix, NodeShape>,
        ctx: &DrawContext,
    ) -> Vec<egui::Shape> {
        let from = ctx.meta.canvas_to_screen_pos(start.location());
        let to = ctx.meta.canvas_to_screen_pos(end.location());
        let zoom = ctx.meta.zoom;
        ctx.ctx
            .fonts_mut(|fonts| edge_shapes(fonts, &self.look, from, to, zoom))
    }

    fn update(&mut self, state: &EdgeProps<EdgeLook>) {
        self.look.clone_from(&state.payload);
    }

    fn is_inside(
        &self,
        _start: &egui_graphs::Node<NodePayload, EdgeLook, Ty, Ix, NodeShape>,
        _end: &egui_graphs::Node<NodePayload, EdgeLook, Ty, Ix, NodeShape>,
        _pos: Pos2,
    ) -> bool {
        false
    }
}

/// The state of [`KeepPositions`]: nothing to remember.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct KeepPositionsState;

impl LayoutState for KeepPositionsState {}

/// A layout that keeps the positions computed by `layout.rs` (egui_graphs' default layout
/// scatters nodes at random).
#[derive(Debug, Default)]
pub struct KeepPositions;

impl Layout<KeepPositionsState> for KeepPositions {
    fn from_state(_state: KeepPositionsState) -> impl Layout<KeepPositionsState> {
        Self
    }

    fn next<N, E, Ty, Ix, Dn, De>(&mut self, _g: &mut Graph<N, E, Ty, Ix, Dn, De>, _ui: &egui::Ui)
    where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> KeepPositionsState {
        KeepPositionsState
    }
}

/// Graph units to screen points: `screen = offset + zoom * graph`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    pub zoom: f32,
    pub offset: Vec2,
}

impl Transform {
    /// The transform egui_graphs draws with in a view whose top-left corner is `top_left`.
    pub fn of_view(ui: &egui::Ui, top_left: Pos2) -> Self {
        let meta = egui_graphs::MetadataFrame::new(Some(VIEW_ID.to_owned())).load(ui);
        Self {
            zoom: meta.zoom,
            offset: meta.pan + top_left.to_vec2(),
        }
    }

    /// The screen position of a graph position.
    pub fn to_screen(self, p: Pos2) -> Pos2 {
        (p.to_vec2() * self.zoom + self.offset).to_pos2()
    }

    /// The graph position of a screen position.
    pub fn to_graph(self, p: Pos2) -> Pos2 {
        ((p.to_vec2() - self.offset) / self.zoom).to_pos2()
    }
}

/// The node under a screen point, topmost first.
pub fn node_at(graph: &LineageGraphModel, transform: Transform, screen: Pos2) -> Option<NodeIndex> {
    let point = transform.to_graph(screen);
    graph
        .nodes_iter()
        .filter(|(_, node)| node_rect(node.location(), 1.0).contains(point))
        .map(|(index, _)| index)
        .last()
}

/// The egui_graphs model of the current graph and the drawing state of the window.
#[derive(Default)]
pub struct WidgetState {
    pub(super) model: Option<LineageGraphModel>,
    pub(super) indices: std::collections::BTreeMap<String, NodeIndex>,
    pub(super) settle_frames: u8,
    /// The graph-to-screen transform of the last frame.
    pub transform: Option<Transform>,
    /// The window's screen rectangle in the last frame.
    pub window: Option<Rect>,
    /// Whether the last frame showed egui_graphs' live `GraphView` (else the settled painting).
    pub live: bool,
    /// When and on which node the last click was.
    pub(super) last_click: Option<(f64, String)>,
    /// The size of the graph area in the last frame; a new size fits the graph again.
    pub(super) area_size: egui::Vec2,
}

impl std::fmt::Debug for WidgetState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WidgetState")
            .field("nodes", &self.indices.len())
            .field("settle_frames", &self.settle_frames)
            .field("transform", &self.transform)
            .field("live", &self.live)
            .finish_non_exhaustive()
    }
}

impl WidgetState {
    /// The screen centre of the node with `key` in the last frame.
    pub fn screen_centre(&self, key: &str) -> Option<Pos2> {
        let node = self.model.as_ref()?.node(*self.indices.get(key)?)?;
        Some(self.transform?.to_screen(node.location()))
    }
}
