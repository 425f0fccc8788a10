//! A uniform grid over rectangles, so that the drawing asks "which boxes contain this point" or
//! "which labels overlap this one" of the few rectangles nearby instead of all of them. Answers
//! list rectangle indices in ascending order, so sums over them come out exactly as sums over
//! every rectangle in order would (the others add nothing).
//!
//! Depends on `export::drawing` (its `Rect` and `Point`).

use std::collections::HashMap;

use super::drawing::{Point, Rect};

/// Rectangles indexed by the grid cells they touch.
#[derive(Debug, Clone)]
pub struct RectGrid {
    cell: f32,
    rects: Vec<Rect>,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl RectGrid {
    /// An empty grid with square cells of `cell` units.
    pub fn new(cell: f32) -> Self {
        Self {
            cell: cell.max(1.0),
            rects: Vec::new(),
            cells: HashMap::new(),
        }
    }

    /// A grid holding `rects`, indexed in their order.
    pub fn with(rects: impl IntoIterator<Item = Rect>, cell: f32) -> Self {
        let mut grid = Self::new(cell);
        for rect in rects {
            grid.push(rect);
        }
        grid
    }

    /// How many rectangles the grid holds.
    pub fn len(&self) -> usize {
        self.rects.len()
    }

    /// Whether the grid holds no rectangle.
    pub fn is_empty(&self) -> bool {
        self.rects.is_empty()
    }

    /// The rectangle with this index.
    pub fn rect(&self, index: usize) -> Rect {
        self.rects[index]
    }

    /// Adds a rectangle; returns its index.
    pub fn push(&mut self, rect: Rect) -> usize {
        let index = self.rects.len();
        self.rects.push(rect);
        for key in self.keys(&rect) {
            self.cells.entry(key).or_default().push(index);
        }
        index
    }

    /// Indices of the rectangles containing `p`, ascending.
    pub fn containing(&self, p: Point) -> Vec<usize> {
        let key = (self.slot(p.x), self.slot(p.y));
        let mut found: Vec<usize> = self
            .cells
            .get(&key)
            .map(|list| {
                list.iter()
                    .copied()
                    .filter(|&i| self.rects[i].contains(p))
                    .collect()
            })
            .unwrap_or_default();
        found.sort_unstable();
        found
    }

    /// Indices of the rectangles whose cells `rect` touches (every rectangle overlapping it is
    /// among them), ascending and without repeats.
    pub fn near(&self, rect: &Rect) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .keys(rect)
            .filter_map(|key| self.cells.get(&key))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    fn slot(&self, v: f32) -> i64 {
        (v / self.cell).floor() as i64
    }

    fn keys(&self, rect: &Rect) -> impl Iterator<Item = (i64, i64)> + use<> {
        let (x0, x1) = (self.slot(rect.x), self.slot(rect.x + rect.w));
        let (y0, y1) = (self.slot(rect.y), self.slot(rect.y + rect.h));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    #[test]
    fn answers_match_a_scan_of_every_rectangle() {
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            ((state >> 33) % 10_000) as f32 / 10.0
        };
        let rects: Vec<Rect> = (0..300)
            .map(|_| rect(next(), next(), next() / 5.0, next() / 10.0))
            .collect();
        let grid = RectGrid::with(rects.clone(), 64.0);
        for _ in 0..500 {
            let p = Point {
                x: next(),
                y: next(),
            };
            let scan: Vec<usize> = (0..rects.len()).filter(|&i| rects[i].contains(p)).collect();
            assert_eq!(grid.containing(p), scan);
            let probe = rect(p.x, p.y, next() / 4.0, next() / 8.0);
            let overlapping: Vec<usize> = (0..rects.len())
                .filter(|&i| rects[i].overlap_area(&probe) > 0.0)
                .collect();
            let near = grid.near(&probe);
            assert!(overlapping.iter().all(|i| near.contains(i)));
        }
    }
}
