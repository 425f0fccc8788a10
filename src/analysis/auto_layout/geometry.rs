//! Plain geometry for the auto-layout: box sizes, rectangles, and the two measures the layout
//! is judged by (box overlaps and straight-line edge crossings).
//!
//! The crossing measure counts pairs of straight segments between box centres that cross
//! properly (segments sharing an end point never count). It is what the canvas draws (a flow is
//! a straight line between two boxes), and it can be computed the same way for any drawing,
//! such as Graphviz `dot`'s node centres, so two layouts of one graph can be compared.

/// The size of a box, in canvas units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub w: f32,
    pub h: f32,
}

impl Size {
    /// A size from its width and height.
    pub fn new(w: f32, h: f32) -> Self {
        Self { w, h }
    }
}

/// An axis-aligned box: top-left corner and size, in canvas units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    /// The box of `size` with its top-left corner at (`x`, `y`).
    pub fn at(x: f32, y: f32, size: Size) -> Self {
        Self {
            x,
            y,
            w: size.w,
            h: size.h,
        }
    }

    /// The centre point.
    pub fn center(&self) -> (f32, f32) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// The right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Whether the two boxes share some area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// The smallest box holding all of `rects` (an empty box at the origin when there are none).
    pub fn bounding(rects: impl IntoIterator<Item = Rect>) -> Rect {
        let mut iter = rects.into_iter();
        let Some(first) = iter.next() else {
            return Rect::default();
        };
        let (mut left, mut top, mut right, mut bottom) =
            (first.x, first.y, first.right(), first.bottom());
        for r in iter {
            left = left.min(r.x);
            top = top.min(r.y);
            right = right.max(r.right());
            bottom = bottom.max(r.bottom());
        }
        Rect {
            x: left,
            y: top,
            w: right - left,
            h: bottom - top,
        }
    }
}

/// The pairs of boxes (by index, the smaller first) that overlap, found with a sweep along x.
pub fn overlapping_pairs(rects: &[Rect]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..rects.len()).collect();
    order.sort_by(|&a, &b| rects[a].x.total_cmp(&rects[b].x).then(a.cmp(&b)));
    let mut pairs = Vec::new();
    for (position, &a) in order.iter().enumerate() {
        for &b in &order[position + 1..] {
            if rects[b].x >= rects[a].right() {
                break;
            }
            if rects[a].overlaps(&rects[b]) {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// How many pairs of edges cross, each edge drawn as a straight segment between the centres
/// of its two boxes (`points[from]` to `points[to]`). Edges sharing an end never count.
pub fn straight_crossings(points: &[(f32, f32)], edges: &[(usize, usize)]) -> usize {
    let segment = |&(a, b): &(usize, usize)| (points[a], points[b]);
    let mut count = 0;
    for (index, first) in edges.iter().enumerate() {
        let (p1, p2) = segment(first);
        let (left, right) = (p1.0.min(p2.0), p1.0.max(p2.0));
        for second in &edges[index + 1..] {
            if first.0 == second.0
                || first.0 == second.1
                || first.1 == second.0
                || first.1 == second.1
            {
                continue;
            }
            let (p3, p4) = segment(second);
            if p3.0.max(p4.0) < left || p3.0.min(p4.0) > right {
                continue;
            }
            if segments_cross(p1, p2, p3, p4) {
                count += 1;
            }
        }
    }
    count
}

/// Whether segment p1–p2 and segment p3–p4 cross at one inner point of both.
pub fn segments_cross(p1: (f32, f32), p2: (f32, f32), p3: (f32, f32), p4: (f32, f32)) -> bool {
    if p1.0.max(p2.0) < p3.0.min(p4.0) || p3.0.max(p4.0) < p1.0.min(p2.0) {
        return false;
    }
    let side = |a: (f32, f32), b: (f32, f32), c: (f32, f32)| {
        let cross = f64::from(b.0 - a.0) * f64::from(c.1 - a.1)
            - f64::from(b.1 - a.1) * f64::from(c.0 - a.0);
        if cross > 0.0 {
            1
        } else if cross < 0.0 {
            -1
        } else {
            0
        }
    };
    side(p1, p2, p3) * side(p1, p2, p4) < 0 && side(p3, p4, p1) * side(p3, p4, p2) < 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_x_crosses_once_and_a_shared_end_never() {
        let points = [(0.0, 0.0), (10.0, 10.0), (0.0, 10.0), (10.0, 0.0)];
        assert_eq!(straight_crossings(&points, &[(0, 1), (2, 3)]), 1);
        assert_eq!(straight_crossings(&points, &[(0, 1), (0, 3)]), 0);
        assert_eq!(straight_crossings(&points, &[(0, 2), (1, 3)]), 0);
    }

    #[test]
    fn overlaps_are_found_but_touching_boxes_are_not() {
        let size = Size::new(10.0, 10.0);
        let rects = [
            Rect::at(0.0, 0.0, size),
            Rect::at(10.0, 0.0, size),
            Rect::at(5.0, 5.0, size),
        ];
        assert_eq!(overlapping_pairs(&rects), vec![(0, 2), (1, 2)]);
    }
}
