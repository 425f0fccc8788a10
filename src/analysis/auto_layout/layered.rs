//! The layered (Sugiyama) drawing of one set of boxes, left to right by the edges' direction.
//!
//! The graph is split into its connected parts; each part is drawn by the `rust-sugiyama`
//! crate (cycle removal, network-simplex layering, barycenter crossing reduction with
//! transposition, Brandes–Köpf coordinates), which lays out top to bottom: it is given each
//! box turned by a quarter (height along the layer, width across) and its answer is turned back,
//! so layers become columns. Boxes of one column are then pushed apart where the averaged
//! coordinates brought them too close, so no two boxes overlap. Should the crate fail on some
//! input, that part falls back to a plain grid rather than failing the user's command.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use rust_sugiyama::configure::{Config, CrossingMinimization, RankingType};
use rust_sugiyama::from_vertices_and_edges;

use super::geometry::{Rect, Size};

/// Horizontal room between two columns (arrow labels are drawn there).
pub const COLUMN_GAP: f32 = 120.0;
/// Vertical room between two boxes of one column.
pub const ROW_GAP: f32 = 30.0;
/// Parts with more nodes than this skip the transposition step (quadratic in a layer's size).
const TRANSPOSE_LIMIT: usize = 800;

/// One connected part, drawn: (index into the input, box), top-left of the part at the origin.
pub type Part = Vec<(usize, Rect)>;

/// Draws every connected part of the graph of `sizes` and `edges` (indices into `sizes`).
pub fn draw_parts(sizes: &[Size], edges: &[(usize, usize)]) -> Vec<Part> {
    connected_parts(sizes.len(), edges)
        .into_iter()
        .map(|nodes| draw_part(sizes, edges, &nodes))
        .collect()
}

/// The connected parts (by undirected edges), each in node order, ordered by first node.
fn connected_parts(count: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut node: usize) -> usize {
        while parent[node] != node {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        node
    }
    for &(a, b) in edges {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for node in 0..count {
        let r = root(&mut parent, node);
        parts.entry(r).or_default().push(node);
    }
    parts.into_values().collect()
}

fn draw_part(sizes: &[Size], edges: &[(usize, usize)], nodes: &[usize]) -> Part {
    if let [single] = nodes {
        return vec![(*single, Rect::at(0.0, 0.0, sizes[*single]))];
    }
    let mut local = BTreeMap::new();
    for (position, &node) in nodes.iter().enumerate() {
        local.insert(node, position as u32);
    }
    let part_edges: Vec<(u32, u32)> = edges
        .iter()
        .filter_map(|(a, b)| Some((*local.get(a)?, *local.get(b)?)))
        .collect();
    let vertices: Vec<(u32, (f64, f64))> = nodes
        .iter()
        .enumerate()
        .map(|(position, &node)| {
            let size = sizes[node];
            let along = f64::from(size.h);
            let across = f64::from(size.w + COLUMN_GAP - ROW_GAP);
            (position as u32, (along, across))
        })
        .collect();
    let config = Config {
        vertex_spacing: f64::from(ROW_GAP),
        c_minimization: CrossingMinimization::Barycenter,
        ranking_type: RankingType::MinimizeEdgeLength,
        transpose: nodes.len() <= TRANSPOSE_LIMIT,
        ..Config::default()
    };
    let answer = catch_unwind(AssertUnwindSafe(|| {
        from_vertices_and_edges(&vertices, &part_edges, &config)
    }));
    let mut centres: Vec<Option<(f32, f32)>> = vec![None; nodes.len()];
    if let Ok(layouts) = answer {
        for (placed, _, _) in layouts {
            for (id, (along, across)) in placed {
                if let Some(slot) = centres.get_mut(id) {
                    *slot = Some((across as f32, along as f32));
                }
            }
        }
    }
    if centres.iter().any(Option::is_none) {
        return grid(sizes, nodes);
    }
    let placed: Part = nodes
        .iter()
        .zip(centres)
        .map(|(&node, centre)| {
            let (x, y) = centre.unwrap_or_default();
            let size = sizes[node];
            (node, Rect::at(x - size.w / 2.0, y - size.h / 2.0, size))
        })
        .collect();
    to_origin(separate_columns(placed))
}

/// Pushes boxes of one column (same centre x) down so that consecutive ones keep `ROW_GAP`.
fn separate_columns(mut placed: Part) -> Part {
    placed.sort_by(|a, b| {
        let (ax, ay) = a.1.center();
        let (bx, by) = b.1.center();
        ax.total_cmp(&bx).then(ay.total_cmp(&by)).then(a.0.cmp(&b.0))
    });
    for index in 1..placed.len() {
        let previous = placed[index - 1].1;
        let current = &mut placed[index].1;
        let same_column = (previous.center().0 - current.center().0).abs() < 0.5;
        if same_column && current.y < previous.bottom() + ROW_GAP {
            current.y = previous.bottom() + ROW_GAP;
        }
    }
    placed
}

/// The part moved so that its bounding box starts at the origin.
pub fn to_origin(mut placed: Part) -> Part {
    let bounds = Rect::bounding(placed.iter().map(|(_, r)| *r));
    for (_, rect) in &mut placed {
        rect.x -= bounds.x;
        rect.y -= bounds.y;
    }
    placed
}

/// A plain grid of the nodes (the fallback when the layered drawing fails).
fn grid(sizes: &[Size], nodes: &[usize]) -> Part {
    let columns = (nodes.len() as f64).sqrt().ceil().max(1.0) as usize;
    let cell_w = nodes.iter().map(|&n| sizes[n].w).fold(0.0, f32::max) + COLUMN_GAP;
    let cell_h = nodes.iter().map(|&n| sizes[n].h).fold(0.0, f32::max) + ROW_GAP;
    nodes
        .iter()
        .enumerate()
        .map(|(position, &node)| {
            let (column, row) = (position % columns, position / columns);
            let at = Rect::at(column as f32 * cell_w, row as f32 * cell_h, sizes[node]);
            (node, at)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::auto_layout::geometry::overlapping_pairs;

    #[test]
    fn a_diamond_is_drawn_left_to_right_without_overlaps() {
        let sizes = vec![Size::new(200.0, 58.0); 4];
        let parts = draw_parts(&sizes, &[(0, 1), (0, 2), (1, 3), (2, 3)]);
        assert_eq!(parts.len(), 1);
        let mut rects = vec![Rect::default(); 4];
        for (node, rect) in &parts[0] {
            rects[*node] = *rect;
        }
        assert!(rects[0].right() <= rects[1].x && rects[1].right() <= rects[3].x);
        assert!(overlapping_pairs(&rects).is_empty());
    }

    #[test]
    fn separate_parts_are_drawn_separately() {
        let sizes = vec![Size::new(150.0, 44.0); 5];
        let parts = draw_parts(&sizes, &[(0, 1), (3, 2)]);
        assert_eq!(parts.len(), 3);
    }
}
