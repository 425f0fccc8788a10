//! Painting a [`Scene`] through a camera: culls what is off screen, drops text that would be
//! unreadably small and simplifies dashes when zoomed far out, so a frame of thousands of
//! systems stays cheap. Used by the canvas widget and by `benches/canvas.rs`.

use std::collections::HashSet;

use egui::epaint::{CornerRadius, PathShape, PathStroke};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, vec2};

use super::camera::Camera;
use super::scene::{Edge, LineStyle, NodeKind, SMALL_SIZE, Scene, TITLE_SIZE};
use crate::ui::simulation::overlay::{StateOverlay, label_colour};
use crate::ui::theme::{CanvasColours, ColourMode, owner_colour, pattern_colour};

/// Text smaller than this many screen points is not drawn.
const MIN_TEXT: f32 = 6.0;

/// What to emphasise while painting.
#[derive(Debug, Default)]
pub struct Highlights<'a> {
    /// Indices of selected nodes in the scene.
    pub nodes: HashSet<usize>,
    /// Ids of selected flows.
    pub flows: HashSet<&'a str>,
    /// The node under the pointer.
    pub hovered: Option<usize>,
    /// Whether to draw connect handles on systems.
    pub handles: bool,
    /// The simulated state at the scrubbed minute, while a simulation is shown.
    pub states: Option<&'a StateOverlay>,
}

/// How to paint.
#[derive(Debug, Clone, Copy)]
pub struct PaintStyle {
    pub colours: CanvasColours,
    pub colour_mode: ColourMode,
}

/// Paints the scene into `viewport` (the canvas's screen rectangle).
pub fn paint_scene(
    painter: &Painter,
    viewport: Rect,
    scene: &Scene,
    camera: &Camera,
    highlights: &Highlights<'_>,
    style: &PaintStyle,
) {
    let colours = &style.colours;
    painter.rect_filled(viewport, 0.0, colours.background);
    let visible = camera.to_canvas(viewport, viewport.min);
    let visible = Rect::from_min_max(visible, camera.to_canvas(viewport, viewport.max));
    let zoom = camera.zoom;
    let show_labels = SMALL_SIZE * zoom >= MIN_TEXT;
    let detailed = zoom >= 0.35;

    let link_stroke = Stroke::new(1.0, colours.weak_text.gamma_multiply(0.6));
    for &(a, b) in &scene.links {
        if Rect::from_two_pos(a, b).intersects(visible) {
            let (sa, sb) = (camera.to_screen(viewport, a), camera.to_screen(viewport, b));
            if detailed {
                painter.extend(Shape::dotted_line(&[sa, sb], link_stroke.color, 6.0, 1.0));
            } else {
                painter.line_segment([sa, sb], link_stroke);
            }
        }
    }

    for edge in &scene.edges {
        if !Rect::from_two_pos(edge.from, edge.to)
            .expand(2.0)
            .intersects(visible)
        {
            continue;
        }
        let selected = highlights.flows.contains(edge.flow_id.as_str());
        let state = highlights
            .states
            .and_then(|s| s.flows.get(&edge.flow_id))
            .map(|&label| label_colour(label));
        paint_edge(
            painter, viewport, camera, edge, selected, detailed, style, state,
        );
    }

    for (index, node) in scene.nodes.iter().enumerate() {
        if !node.rect.intersects(visible) {
            continue;
        }
        let rect = camera.rect_to_screen(viewport, node.rect);
        let selected = highlights.nodes.contains(&index);
        let hovered = highlights.hovered == Some(index);
        let stripe = match (style.colour_mode, node.owner_colour) {
            (ColourMode::Owner, Some(i)) => owner_colour(i),
            _ => colours.unowned,
        };
        let stroke = if selected {
            Stroke::new(2.5, colours.accent)
        } else if hovered {
            Stroke::new(1.5, colours.text)
        } else {
            Stroke::new(1.0, colours.node_stroke)
        };
        if !detailed {
            let fill = if node.kind == NodeKind::Process {
                colours.process_fill
            } else {
                stripe
            };
            painter.rect_filled(rect, 0.0, fill);
            if selected {
                painter.rect_stroke(rect, 0.0, stroke, StrokeKind::Outside);
            }
            continue;
        }
        let radius = match node.kind {
            NodeKind::System => 8.0 * zoom,
            NodeKind::Process => rect.height() / 2.0,
        };
        let state = highlights.states.and_then(|states| match node.kind {
            NodeKind::System => states
                .systems
                .get(&node.id)
                .map(|&label| label_colour(label)),
            NodeKind::Process => states
                .impacted_processes
                .contains(&node.id)
                .then(|| label_colour(crate::sim::report::Label::Corrupt)),
        });
        let fill = match (node.kind, state) {
            (_, Some(state)) => colours.node_fill.lerp_to_gamma(state, 0.45),
            (NodeKind::System, None) => colours.node_fill,
            (NodeKind::Process, None) => colours.process_fill,
        };
        let in_blast = node.kind == NodeKind::System
            && highlights
                .states
                .is_some_and(|s| s.blast_radius.contains(&node.id));
        let stroke = if in_blast && !selected {
            Stroke::new(2.0, label_colour(crate::sim::report::Label::Corrupt))
        } else {
            stroke
        };
        let corner = CornerRadius::from(radius);
        painter.rect_filled(rect, corner, fill);
        match node.kind {
            NodeKind::System => {
                let stripe_rect =
                    Rect::from_min_size(rect.min, vec2((7.0 * zoom).max(2.0), rect.height()));
                painter.rect_filled(
                    stripe_rect,
                    CornerRadius {
                        nw: corner.nw,
                        sw: corner.sw,
                        ne: 0,
                        se: 0,
                    },
                    stripe,
                );
            }
            NodeKind::Process => {
                painter.circle_filled(
                    rect.left_center() + vec2(rect.height() * 0.5, 0.0),
                    rect.height() * 0.18,
                    stripe,
                );
            }
        }
        painter.rect_stroke(rect, corner, stroke, StrokeKind::Inside);
        if TITLE_SIZE * zoom < MIN_TEXT {
            continue;
        }
        let indent = match node.kind {
            NodeKind::System => 16.0 * zoom,
            NodeKind::Process => rect.height() * 0.85,
        };
        let text_clip = painter.with_clip_rect(rect.shrink(2.0).intersect(viewport));
        text_clip.text(
            rect.left_top() + vec2(indent, 9.0 * zoom),
            Align2::LEFT_TOP,
            &node.title,
            FontId::proportional(TITLE_SIZE * zoom),
            colours.text,
        );
        if show_labels {
            text_clip.text(
                rect.left_top() + vec2(indent, 9.0 * zoom + TITLE_SIZE * zoom * 1.45),
                Align2::LEFT_TOP,
                &node.subtitle,
                FontId::proportional(SMALL_SIZE * zoom),
                colours.weak_text,
            );
            if let Some(badge) = &node.badge {
                text_clip.text(
                    rect.right_bottom() - vec2(8.0 * zoom, 6.0 * zoom),
                    Align2::RIGHT_BOTTOM,
                    badge,
                    FontId::proportional(SMALL_SIZE * zoom),
                    colours.accent,
                );
            }
        }
        if highlights.handles && node.kind == NodeKind::System && (hovered || selected) {
            painter.circle(
                handle_position(rect),
                handle_radius(),
                colours.accent,
                Stroke::new(1.5, colours.node_fill),
            );
        }
    }

    if show_labels {
        for edge in &scene.edges {
            let label_rect = Rect::from_center_size(edge.label_at, edge.label_size);
            if !label_rect.intersects(visible) {
                continue;
            }
            let selected = highlights.flows.contains(edge.flow_id.as_str());
            let screen = camera.rect_to_screen(viewport, label_rect);
            painter.rect_filled(screen, CornerRadius::from(3.0 * zoom), colours.label_fill);
            painter.text(
                screen.center(),
                Align2::CENTER_CENTER,
                &edge.label,
                FontId::proportional(SMALL_SIZE * zoom),
                if selected {
                    colours.accent
                } else {
                    colours.weak_text
                },
            );
        }
    }
}

/// The screen position of a system's connect handle (right edge, middle).
pub fn handle_position(screen_rect: Rect) -> Pos2 {
    screen_rect.right_center()
}

/// The radius of a connect handle in screen points.
pub fn handle_radius() -> f32 {
    6.0
}

#[expect(
    clippy::too_many_arguments,
    reason = "one call site; a struct would only rename the arguments"
)]
fn paint_edge(
    painter: &Painter,
    viewport: Rect,
    camera: &Camera,
    edge: &Edge,
    selected: bool,
    detailed: bool,
    style: &PaintStyle,
    state: Option<Color32>,
) {
    let colours = &style.colours;
    let from = camera.to_screen(viewport, edge.from);
    let to = camera.to_screen(viewport, edge.to);
    let base = match (edge.style, style.colour_mode) {
        (LineStyle::Hub, ColourMode::Owner) => colours.hub,
        (_, ColourMode::Pattern) => pattern_colour(edge.pattern),
        _ => colours.line,
    };
    let colour = if selected {
        colours.accent
    } else {
        state.unwrap_or(base)
    };
    let width = match edge.style {
        LineStyle::Hub => 2.6,
        _ => 1.6,
    } * if selected { 1.6 } else { 1.0 };
    let stroke = Stroke::new(width, colour);
    let direction = to - from;
    let length = direction.length();
    if length < 1.0 {
        return;
    }
    let unit = direction / length;
    let head = (10.0 * camera.zoom.sqrt()).clamp(4.0, 12.0);
    let shaft_end = to - unit * head;
    match edge.style {
        LineStyle::Batch if detailed => {
            painter.extend(Shape::dashed_line(&[from, shaft_end], stroke, 7.0, 5.0));
        }
        _ => {
            painter.line_segment([from, shaft_end], stroke);
        }
    }
    if edge.style == LineStyle::Hub && detailed {
        let mid = from + direction * 0.5;
        let r = 5.0;
        painter.add(PathShape::convex_polygon(
            vec![
                mid + vec2(0.0, -r),
                mid + vec2(r, 0.0),
                mid + vec2(0.0, r),
                mid + vec2(-r, 0.0),
            ],
            colour,
            PathStroke::NONE,
        ));
    }
    let normal = Vec2::new(-unit.y, unit.x) * head * 0.45;
    painter.add(PathShape::convex_polygon(
        vec![to, shaft_end + normal, shaft_end - normal],
        colour,
        Stroke::NONE,
    ));
}
