//! The one painting of the lineage graph in the canvas' style. egui_graphs' node and edge
//! displays call [`node_shapes`] and [`edge_shapes`] while its `GraphView` is live, and the
//! settled window calls the same functions through [`paint_settled`], so nothing jumps when
//! the view switches.

use egui::epaint::text::FontsView;
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, vec2,
};

use super::layout::NODE_SIZE;
use crate::analysis::lineage::NodeKind;
use crate::sim::report::Label;
use crate::ui::simulation::overlay::label_colour;
use crate::ui::theme::CanvasColours;

/// The simulated state of a lineage node at the scrubbed minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeState {
    /// A dataset's label.
    Dataset(Label),
    /// A process that is impacted.
    Impacted,
    /// A process that is not impacted.
    Unimpacted,
}

/// Everything needed to draw one node, independent of where it is.
#[derive(Debug, Clone)]
pub struct NodeLook {
    pub kind: NodeKind,
    pub title: String,
    pub subtitle: String,
    /// The owner colour of the node's stripe.
    pub stripe: Color32,
    pub state: Option<NodeState>,
    pub root: bool,
    pub selected: bool,
    pub colours: CanvasColours,
}

/// Everything needed to draw one edge.
#[derive(Debug, Clone)]
pub struct EdgeLook {
    /// The flow label (`F1 · daily 23:00`); empty for dependency, watch and ownership links.
    pub label: String,
    /// Dotted: a dependency, watch or ownership link rather than a flow.
    pub dotted: bool,
    pub colours: CanvasColours,
}

/// The colour a node is tinted with for its simulated state.
pub fn state_colour(state: NodeState) -> Option<Color32> {
    match state {
        NodeState::Dataset(label) => Some(label_colour(label)),
        NodeState::Impacted => Some(label_colour(crate::sim::report::Label::Corrupt)),
        NodeState::Unimpacted => None,
    }
}

/// The screen rectangle of a node centred at `centre` at `zoom`.
pub fn node_rect(centre: Pos2, zoom: f32) -> Rect {
    Rect::from_center_size(centre, NODE_SIZE * zoom)
}

/// The shapes of a node centred at `centre` (screen) at `zoom`.
pub fn node_shapes(
    fonts: &mut FontsView<'_>,
    look: &NodeLook,
    centre: Pos2,
    zoom: f32,
) -> Vec<Shape> {
    let colours = &look.colours;
    let rect = node_rect(centre, zoom);
    let corner = CornerRadius::from(match look.kind {
        NodeKind::Process => rect.height() / 2.0,
        NodeKind::Dataset => 8.0 * zoom,
        NodeKind::Monitor | NodeKind::Team => 3.0 * zoom,
    });
    let base = match look.kind {
        NodeKind::Process => colours.process_fill,
        _ => colours.node_fill,
    };
    let fill = look
        .state
        .and_then(state_colour)
        .map_or(base, |state| colours.node_fill.lerp_to_gamma(state, 0.45));
    let stroke = if look.selected {
        Stroke::new(2.0, colours.accent)
    } else if look.root {
        Stroke::new(1.8, colours.text)
    } else {
        Stroke::new(1.0, colours.node_stroke)
    };
    let mut shapes = vec![Shape::rect_filled(rect, corner, fill)];
    let stripe_width = (6.0 * zoom).max(2.0);
    match look.kind {
        NodeKind::Process => shapes.push(Shape::circle_filled(
            rect.left_center() + vec2(rect.height() * 0.5, 0.0),
            rect.height() * 0.18,
            look.stripe,
        )),
        _ => shapes.push(Shape::rect_filled(
            Rect::from_min_size(rect.min, vec2(stripe_width, rect.height())),
            CornerRadius {
                nw: corner.nw,
                sw: corner.sw,
                ne: 0,
                se: 0,
            },
            look.stripe,
        )),
    }
    shapes.push(Shape::rect_stroke(rect, corner, stroke, StrokeKind::Inside));
    if zoom < 0.35 {
        return shapes;
    }
    let indent = match look.kind {
        NodeKind::Process => rect.height() * 0.85,
        _ => stripe_width + 8.0 * zoom,
    };
    let title_size = 12.5 * zoom;
    shapes.push(Shape::text(
        fonts,
        rect.left_top() + vec2(indent, 6.0 * zoom),
        Align2::LEFT_TOP,
        &look.title,
        FontId::proportional(title_size),
        colours.text,
    ));
    shapes.push(Shape::text(
        fonts,
        rect.left_top() + vec2(indent, 6.0 * zoom + title_size * 1.35),
        Align2::LEFT_TOP,
        &look.subtitle,
        FontId::proportional(10.5 * zoom),
        colours.weak_text,
    ));
    shapes
}

/// The shapes of an edge from the node at `from` to the node at `to` (screen centres).
pub fn edge_shapes(
    fonts: &mut FontsView<'_>,
    look: &EdgeLook,
    from: Pos2,
    to: Pos2,
    zoom: f32,
) -> Vec<Shape> {
    let start = boundary_point(node_rect(from, zoom), to);
    let end = boundary_point(node_rect(to, zoom), from);
    let colour = look.colours.line;
    let mut shapes = Vec::new();
    if look.dotted {
        shapes.extend(Shape::dotted_line(
            &[start, end],
            colour,
            (6.0 * zoom).max(3.0),
            (1.2 * zoom).max(0.8),
        ));
    } else {
        shapes.push(Shape::line_segment([start, end], Stroke::new(1.6, colour)));
        let direction = (end - start).normalized();
        let size = 9.0 * zoom.clamp(0.5, 1.5);
        let normal = vec2(-direction.y, direction.x);
        shapes.push(Shape::convex_polygon(
            vec![
                end,
                end - direction * size + normal * size * 0.45,
                end - direction * size - normal * size * 0.45,
            ],
            colour,
            Stroke::NONE,
        ));
    }
    if !look.label.is_empty() && zoom >= 0.45 {
        let middle = start + (end - start) * 0.5;
        let galley = fonts.layout_no_wrap(
            look.label.clone(),
            FontId::proportional(10.5 * zoom),
            look.colours.weak_text,
        );
        let rect = Rect::from_center_size(middle, galley.size() + vec2(6.0, 2.0) * zoom);
        shapes.push(Shape::rect_filled(
            rect,
            CornerRadius::from(3.0 * zoom),
            look.colours.label_fill,
        ));
        shapes.push(Shape::galley(
            rect.center() - galley.size() / 2.0,
            galley,
            look.colours.weak_text,
        ));
    }
    shapes
}

/// Where the segment from the centre of `rect` towards `towards` leaves `rect`.
pub fn boundary_point(rect: Rect, towards: Pos2) -> Pos2 {
    let centre = rect.center();
    let d = towards - centre;
    if d.x.abs() < f32::EPSILON && d.y.abs() < f32::EPSILON {
        return centre;
    }
    let half = rect.size() / 2.0;
    let scale_x = if d.x.abs() > f32::EPSILON {
        half.x / d.x.abs()
    } else {
        f32::INFINITY
    };
    let scale_y = if d.y.abs() > f32::EPSILON {
        half.y / d.y.abs()
    } else {
        f32::INFINITY
    };
    centre + d * scale_x.min(scale_y).min(1.0)
}

/// A box around the datasets of one system in one column, with the system's id above it.
#[derive(Debug, Clone)]
pub struct GroupLook {
    pub system: String,
    /// Screen centres of the datasets in the group.
    pub centres: Vec<Pos2>,
}

/// The shapes of the system groups (under the nodes, in both views).
pub fn group_shapes(
    fonts: &mut FontsView<'_>,
    groups: &[GroupLook],
    zoom: f32,
    colours: &CanvasColours,
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    for group in groups {
        let Some(rect) = group
            .centres
            .iter()
            .map(|c| node_rect(*c, zoom))
            .reduce(Rect::union)
        else {
            continue;
        };
        let rect = rect.expand(8.0 * zoom);
        let rect = Rect::from_min_max(rect.min - vec2(0.0, 12.0 * zoom), rect.max);
        shapes.push(Shape::rect_filled(
            rect,
            CornerRadius::from(10.0 * zoom),
            colours.grid,
        ));
        if zoom >= 0.35 {
            shapes.push(Shape::text(
                fonts,
                rect.left_top() + vec2(10.0 * zoom, 2.0 * zoom),
                Align2::LEFT_TOP,
                &group.system,
                FontId::proportional(10.0 * zoom),
                colours.weak_text,
            ));
        }
    }
    shapes
}

/// Paints the settled graph: the same node and edge shapes as the live `GraphView`.
pub fn paint_settled(
    painter: &Painter,
    nodes: &[(NodeLook, Pos2)],
    edges: &[(EdgeLook, Pos2, Pos2)],
    zoom: f32,
) {
    let mut shapes = Vec::new();
    painter.fonts_mut(|fonts| {
        for (look, from, to) in edges {
            shapes.extend(edge_shapes(fonts, look, *from, *to, zoom));
        }
        for (look, centre) in nodes {
            shapes.extend(node_shapes(fonts, look, *centre, zoom));
        }
    });
    painter.extend(shapes);
}
