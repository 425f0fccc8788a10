//! The layered (Sugiyama) drawing of one set of boxes, left to right by the edges' direction.
//!
//! The graph is split into its connected parts; each part is drawn by the `rust-sugiyama`
//! crate (cycle removal, network-simplex layering, barycenter crossing reduction with
//! transposition, Brandes–Köpf coordinates), which lays out top to bottom: it is given each
//! box turned by a quarter (height along the layer, width across) and its answer is turned back,
//! so layers become columns. Boxes of one column are then pushed apart where the averaged
//! coordinates brought them too close, so no two boxes overlap. A part of up to 600 nodes is
//! drawn with a few settings (barycenter or median ordering, two rankings) beside the fast
//! layering of `analysis::layout`, and the drawing with the fewest straight-line crossings is
//! kept. Parts of more than 3,000 nodes, or a failure of the crate, use the fast layering
//! rather than failing the user's command.

use std::collections::BTreeMap;

use rust_sugiyama::configure::{Config, CrossingMinimization, RankingType};
use rust_sugiyama::from_vertices_and_edges;

use crate::analysis::layout::{acyclic_successors, longest_path_layers, order_layers};

use super::geometry::{Rect, Size, straight_crossings};
use super::refine::{barycenter_sweeps, transpose_columns};

/// Horizontal room between two columns (arrow labels are drawn there).
pub const COLUMN_GAP: f32 = 120.0;
/// Vertical room between two boxes of one column.
pub const ROW_GAP: f32 = 30.0;
/// Parts with more nodes than this skip the transposition step (quadratic in a layer's size).
const TRANSPOSE_LIMIT: usize = 800;
/// Parts with more nodes than this use the fast layering of `analysis::layout` (longest paths,
/// barycenter sweeps), which is near linear.
const SUGIYAMA_LIMIT: usize = 3_000;
/// Parts up to this many nodes are drawn with several settings and the drawing with the fewest
/// crossings is kept.
const VARIANT_LIMIT: usize = 600;
/// Parts up to this many nodes get the straight-line transposition of `refine`.
const REFINE_LIMIT: usize = 1_500;
/// The stack of the thread running the crate (virtual memory, touched only as deep as needed).
const SUGIYAMA_STACK: usize = 512 << 20;

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
        local.insert(node, position);
    }
    let part_edges: Vec<(usize, usize)> = edges
        .iter()
        .filter_map(|(a, b)| Some((*local.get(a)?, *local.get(b)?)))
        .collect();
    let fast = fast_layers(sizes, &part_edges, nodes);
    if nodes.len() > SUGIYAMA_LIMIT {
        return fast;
    }
    let mut best = (crossings(&fast, &local, &part_edges), fast);
    for config in variants(nodes.len()) {
        if best.0 == 0 {
            break;
        }
        if let Some(drawn) = sugiyama(sizes, nodes, &part_edges, config) {
            let count = crossings(&drawn, &local, &part_edges);
            if count < best.0 {
                best = (count, drawn);
            }
        }
    }
    if nodes.len() <= REFINE_LIMIT {
        let refined = refined(&best.1, &local, &part_edges);
        if crossings(&refined, &local, &part_edges) < best.0 {
            return refined;
        }
    }
    best.1
}

/// The part after swapping neighbours of a column where that uncrosses straight lines.
fn refined(part: &Part, local: &BTreeMap<usize, usize>, part_edges: &[(usize, usize)]) -> Part {
    let mut centres = vec![(0.0, 0.0); local.len()];
    let mut boxes = vec![Rect::default(); local.len()];
    for (node, rect) in part {
        if let Some(&position) = local.get(node) {
            centres[position] = rect.center();
            boxes[position] = *rect;
        }
    }
    let better = transpose_columns(&barycenter_sweeps(&centres, part_edges), part_edges);
    let placed: Part = local
        .iter()
        .map(|(&node, &position)| {
            let rect = boxes[position];
            let y = better[position].1 - rect.h / 2.0;
            (node, Rect { y, ..rect })
        })
        .collect();
    to_origin(separate_columns(placed))
}

/// The settings tried for a part of `count` nodes (each run of the crate is one more layout).
fn variants(count: usize) -> Vec<Config> {
    let base = Config {
        vertex_spacing: f64::from(ROW_GAP),
        c_minimization: CrossingMinimization::Barycenter,
        ranking_type: RankingType::MinimizeEdgeLength,
        transpose: count <= TRANSPOSE_LIMIT,
        ..Config::default()
    };
    if count > VARIANT_LIMIT {
        return vec![base];
    }
    let median = Config {
        c_minimization: CrossingMinimization::Median,
        ..base
    };
    let original = Config {
        ranking_type: RankingType::Original,
        ..base
    };
    vec![base, median, original]
}

/// The part drawn by the crate with `config`, or `None` when it fails.
fn sugiyama(
    sizes: &[Size],
    nodes: &[usize],
    part_edges: &[(usize, usize)],
    config: Config,
) -> Option<Part> {
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
    let edges: Vec<(u32, u32)> = part_edges
        .iter()
        .map(|&(a, b)| (a as u32, b as u32))
        .collect();
    // The crate recurses once per node along a path: a roomy stack of its own keeps a long
    // chain from overflowing, and a panic inside ends that thread only.
    let answer = std::thread::Builder::new()
        .stack_size(SUGIYAMA_STACK)
        .spawn(move || from_vertices_and_edges(&vertices, &edges, &config))
        .ok()
        .and_then(|worker| worker.join().ok())?;
    let mut centres: Vec<Option<(f32, f32)>> = vec![None; nodes.len()];
    for (placed, _, _) in answer {
        for (id, (along, across)) in placed {
            if let Some(slot) = centres.get_mut(id) {
                *slot = Some((across as f32, along as f32));
            }
        }
    }
    let placed = nodes
        .iter()
        .zip(centres)
        .map(|(&node, centre)| {
            let (x, y) = centre?;
            let size = sizes[node];
            Some((node, Rect::at(x - size.w / 2.0, y - size.h / 2.0, size)))
        })
        .collect::<Option<Part>>()?;
    Some(to_origin(separate_columns(placed)))
}

/// The straight-line crossings of the part's edges (indices local to the part).
fn crossings(part: &Part, local: &BTreeMap<usize, usize>, part_edges: &[(usize, usize)]) -> usize {
    let mut centres = vec![(0.0, 0.0); local.len()];
    for (node, rect) in part {
        if let Some(&position) = local.get(node) {
            centres[position] = rect.center();
        }
    }
    straight_crossings(&centres, part_edges)
}

/// Pushes boxes of one column (same centre x) down so that consecutive ones keep `ROW_GAP`.
fn separate_columns(mut placed: Part) -> Part {
    placed.sort_by(|a, b| {
        let (ax, ay) = a.1.center();
        let (bx, by) = b.1.center();
        ax.total_cmp(&bx)
            .then(ay.total_cmp(&by))
            .then(a.0.cmp(&b.0))
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

/// The fast layering of `analysis::layout` (depth-first cycle breaking, longest-path layers,
/// barycenter sweeps): columns as wide as their widest box, boxes stacked `ROW_GAP` apart and
/// centred on the tallest column.
fn fast_layers(sizes: &[Size], part_edges: &[(usize, usize)], nodes: &[usize]) -> Part {
    let mut successors = vec![Vec::new(); nodes.len()];
    for &(from, to) in part_edges {
        successors[from].push(to);
    }
    let forward = acyclic_successors(&successors);
    let layers = order_layers(&forward, &longest_path_layers(&forward));
    let size = |position: usize| sizes[nodes[position]];
    let height = |column: &Vec<usize>| -> f32 {
        column.iter().map(|&p| size(p).h + ROW_GAP).sum::<f32>() - ROW_GAP
    };
    let tallest = layers.iter().map(height).fold(0.0, f32::max);
    let mut placed = Vec::with_capacity(nodes.len());
    let mut left = 0.0;
    for column in &layers {
        let width = column.iter().map(|&p| size(p).w).fold(0.0, f32::max);
        let mut top = (tallest - height(column)) / 2.0;
        for &position in column {
            let box_size = size(position);
            let x = left + (width - box_size.w) / 2.0;
            placed.push((nodes[position], Rect::at(x, top, box_size)));
            top += box_size.h + ROW_GAP;
        }
        left += width + COLUMN_GAP;
    }
    placed
}

/// The representative of `node`'s set in a union-find forest (halving the path).
fn root(parent: &mut [usize], mut node: usize) -> usize {
    while parent[node] != node {
        parent[node] = parent[parent[node]];
        node = parent[node];
    }
    node
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
