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

    /// The camera showing all of `bounds` inside `viewport` without putting any of it under
    /// `overlay` (the legend in the bottom-left corner): the drawing moves right of the overlay
    /// or above it, whichever keeps the larger zoom.
    pub fn fit_beside(viewport: Rect, bounds: Rect, overlay: Rect) -> Self {
        let overlay = overlay.intersect(viewport);
        if overlay.width() <= 0.0 || overlay.height() <= 0.0 {
            return Self::fit(viewport, bounds);
        }
        let right = Rect::from_min_max(Pos2::new(overlay.right(), viewport.top()), viewport.max);
        let above = Rect::from_min_max(viewport.min, Pos2::new(viewport.right(), overlay.top()));
        [right, above]
            .into_iter()
            .filter(|free| free.width() > 50.0 && free.height() > 50.0)
            .map(|free| {
                let mut camera = Self::fit(free, bounds);
                camera.pan += free.min - viewport.min;
                camera
            })
            .max_by(|a, b| a.zoom.total_cmp(&b.zoom))
            .unwrap_or_else(|| Self::fit(viewport, bounds))
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
    fn fit_beside_keeps_the_drawing_off_the_overlay() {
        let viewport = Rect::from_min_size(pos2(100.0, 50.0), vec2(900.0, 700.0));
        let overlay = Rect::from_min_max(pos2(110.0, 450.0), pos2(230.0, 740.0));
        let bounds = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 650.0));
        let camera = Camera::fit_beside(viewport, bounds, overlay);
        let drawn = camera.rect_to_screen(viewport, bounds);
        assert!(viewport.contains_rect(drawn), "{drawn:?}");
        assert!(!drawn.intersects(overlay), "{drawn:?} under {overlay:?}");
        // Beside an overlay outside the viewport, it is the plain fit.
        let away = Rect::from_min_size(pos2(2000.0, 0.0), vec2(10.0, 10.0));
        assert_eq!(
            Camera::fit_beside(viewport, bounds, away),
            Camera::fit(viewport, bounds)
        );
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
