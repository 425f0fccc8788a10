//! The scaling chart: connections against systems for point-to-point (n(n-1)/2) and for a hub
//! (n), painted with the egui painter, with this landscape marked.

use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2, pos2};

use crate::analysis::metrics::{Metrics, scaling_curve};

/// Most points per curve.
const POINTS: usize = 40;
const POINT_TO_POINT: Color32 = Color32::from_rgb(0xe0, 0x6c, 0x5a);
const HUB: Color32 = Color32::from_rgb(0x4f, 0xa3, 0xe0);

/// Draws the chart in a fixed-size area.
pub fn scaling_chart_ui(ui: &mut egui::Ui, metrics: &Metrics) {
    let curve = scaling_curve(metrics.systems, POINTS);
    let max_n = curve.last().map_or(1, |p| p.systems).max(1) as f32;
    let max_c = curve
        .iter()
        .map(|p| p.point_to_point)
        .max()
        .unwrap_or(1)
        .max(metrics.connected_pairs)
        .max(1) as f32;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(340.0, 180.0), Sense::hover());
    let plot = Rect::from_min_max(
        rect.min + Vec2::new(30.0, 8.0),
        rect.max - Vec2::new(8.0, 20.0),
    );
    let at = |n: usize, c: usize| {
        pos2(
            plot.left() + plot.width() * n as f32 / max_n,
            plot.bottom() - plot.height() * c as f32 / max_c,
        )
    };
    let painter = ui.painter_at(rect);
    let axis = Stroke::new(1.0, ui.visuals().weak_text_color());
    painter.line_segment([plot.left_bottom(), plot.right_bottom()], axis);
    painter.line_segment([plot.left_bottom(), plot.left_top()], axis);
    let line = |points: Vec<Pos2>, colour: Color32| {
        painter.add(egui::Shape::line(points, Stroke::new(2.0, colour)));
    };
    line(
        curve
            .iter()
            .map(|p| at(p.systems, p.point_to_point))
            .collect(),
        POINT_TO_POINT,
    );
    line(curve.iter().map(|p| at(p.systems, p.hub)).collect(), HUB);
    let text = ui.visuals().text_color();
    let font = egui::FontId::proportional(11.0);
    painter.circle_filled(at(metrics.systems, metrics.connected_pairs), 4.5, text);
    painter.circle_stroke(
        at(metrics.systems, metrics.hub_connections),
        4.5,
        Stroke::new(1.5, text),
    );
    painter.text(
        plot.right_bottom() + Vec2::new(0.0, 4.0),
        egui::Align2::RIGHT_TOP,
        format!("systems (up to {})", max_n as usize),
        font.clone(),
        text,
    );
    painter.text(
        plot.left_top() - Vec2::new(4.0, 0.0),
        egui::Align2::RIGHT_TOP,
        format!("{}", max_c as usize),
        font,
        text,
    );
    response.on_hover_text(format!(
        "Point-to-point (red): n(n-1)/2 = {} at {} systems; hub (blue): n = {}. \
         This landscape: {} connected pairs (filled dot), {} hub connections (ring).",
        metrics.potential_connections,
        metrics.systems,
        metrics.systems,
        metrics.connected_pairs,
        metrics.hub_connections
    ));
    ui.horizontal(|ui| {
        ui.colored_label(POINT_TO_POINT, "— point-to-point");
        ui.colored_label(HUB, "— hub");
        ui.weak("● this landscape");
    });
}
