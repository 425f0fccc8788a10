//! The canvas camera: a pan offset and a zoom factor mapping canvas units to screen points.

use egui::{Pos2, Rect, Vec2, vec2};

/// Smallest zoom factor.
pub const MIN_ZOOM: f32 = 0.02;
/// Largest zoom factor.
pub const MAX_ZOOM: f32 = 4.0;

/// Maps canvas units to screen points: `screen = viewport.min + pan + canvas * zoom`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Camera {
    pub pan: Vec2,
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            pan: vec2(40.0, 40.0),
            zoom: 1.0,
        }
    }
}

impl Camera {
    /// A canvas point on screen.
    pub fn to_screen(&self, viewport: Rect, p: Pos2) -> Pos2 {
        viewport.min + self.pan + p.to_vec2() * self.zoom
    }

    /// A screen point in canvas units.
    pub fn to_canvas(&self, viewport: Rect, p: Pos2) -> Pos2 {
        ((p - viewport.min - self.pan) / self.zoom).to_pos2()
    }

    /// A canvas rectangle on screen.
    pub fn rect_to_screen(&self, viewport: Rect, r: Rect) -> Rect {
        Rect::from_min_max(
            self.to_screen(viewport, r.min),
            self.to_screen(viewport, r.max),
        )
    }

    /// The camera showing all of `bounds` inside `viewport` with a margin, never zoomed in
    /// beyond 1:1 so a small landscape stays at its natural size.
    pub fn fit(viewport: Rect, bounds: Rect) -> Self {
        let margin = 24.0;
        let available = (viewport.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(10.0));
        let size = bounds.size().max(Vec2::splat(1.0));
        let zoom = (available.x / size.x)
            .min(available.y / size.y)
            .clamp(MIN_ZOOM, 1.0);
        let centre_screen = viewport.size() / 2.0;
        Self {
            pan: centre_screen - bounds.center().to_vec2() * zoom,
            zoom,
        }
    }

    /// Centres the canvas point `p` in the viewport, keeping the zoom.
    pub fn centre_on(&mut self, viewport: Rect, p: Pos2) {
        self.pan = viewport.size() / 2.0 - p.to_vec2() * self.zoom;
    }

    /// Zooms by `factor` keeping the screen point `anchor` fixed.
    pub fn zoom_at(&mut self, viewport: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_canvas(viewport, anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.to_screen(viewport, before);
        self.pan += anchor - after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn screen_and_canvas_round_trip() {
        let viewport = Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0));
        let mut camera = Camera::fit(
            viewport,
            Rect::from_min_size(pos2(-200.0, 0.0), vec2(3000.0, 900.0)),
        );
        camera.zoom_at(viewport, pos2(300.0, 300.0), 1.7);
        let p = pos2(123.0, -45.0);
        let back = camera.to_canvas(viewport, camera.to_screen(viewport, p));
        assert!((back - p).length() < 1e-3);
    }

    #[test]
    fn fit_shows_every_corner() {
        let viewport = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let bounds = Rect::from_min_size(pos2(-500.0, 200.0), vec2(5000.0, 1000.0));
        let camera = Camera::fit(viewport, bounds);
        assert!(viewport.contains(camera.to_screen(viewport, bounds.min)));
        assert!(viewport.contains(camera.to_screen(viewport, bounds.max)));
    }
}
