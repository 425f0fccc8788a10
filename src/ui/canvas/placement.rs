//! Where a new box goes: the free spot nearest a point (the view's centre), never on another
//! box. Searches rings of grid cells around the point.

use egui::{Rect, pos2, vec2};

use crate::model::Position;

/// The size reserved for a new system box, in canvas units (its estimated width and height).
pub const NEW_BOX: egui::Vec2 = vec2(170.0, 58.0);
/// The gap kept to other boxes.
const MARGIN: f32 = 24.0;
/// The search grid's step.
const STEP: f32 = 40.0;
/// How many rings are searched before giving up and stacking below everything.
const RINGS: i32 = 60;

/// The top-left corner of a free box of [`NEW_BOX`] nearest `centre` (its centre), given the
/// boxes already on the canvas.
pub fn free_spot(occupied: &[Rect], centre: Position) -> Position {
    let free = |x: f32, y: f32| {
        let candidate = Rect::from_min_size(pos2(x, y), NEW_BOX).expand(MARGIN);
        !occupied.iter().any(|r| r.intersects(candidate))
    };
    let origin = (centre.x - NEW_BOX.x / 2.0, centre.y - NEW_BOX.y / 2.0);
    for ring in 0..=RINGS {
        let mut best: Option<(f32, f32, f32)> = None;
        for dx in -ring..=ring {
            for dy in -ring..=ring {
                if dx.abs().max(dy.abs()) != ring {
                    continue;
                }
                let (x, y) = (origin.0 + dx as f32 * STEP, origin.1 + dy as f32 * STEP);
                let distance = (dx * dx + dy * dy) as f32;
                if free(x, y) && best.is_none_or(|b| distance < b.2) {
                    best = Some((x, y, distance));
                }
            }
        }
        if let Some((x, y, _)) = best {
            return Position::new(x, y);
        }
    }
    let bottom = occupied.iter().map(|r| r.max.y).fold(origin.1, f32::max);
    Position::new(origin.0, bottom + MARGIN * 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_centre_when_free_else_the_nearest_free_cell() {
        let centre = Position::new(100.0, 100.0);
        let spot = free_spot(&[], centre);
        assert_eq!((spot.x, spot.y), (15.0, 71.0));
        let taken = Rect::from_min_size(pos2(spot.x, spot.y), NEW_BOX);
        let next = free_spot(&[taken], centre);
        let placed = Rect::from_min_size(pos2(next.x, next.y), NEW_BOX);
        assert!(!placed.intersects(taken.expand(MARGIN - 1.0)));
        assert!((next.x - spot.x).abs() + (next.y - spot.y).abs() <= 6.0 * STEP);
    }
}
