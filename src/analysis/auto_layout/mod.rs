//! Auto-layout for real landscapes: a layered (Sugiyama) drawing, left to right by data flow,
//! with crossing reduction, group zones, pinned systems, packed disconnected parts and an
//! aspect ratio (the designer's Auto-layout and the Mermaid import use it).
//!
//! 1. `graph`: the unpinned systems and processes become nodes; flows and process
//!    dependencies become edges; nodes are split into blocks, one per group (a zone: its members
//!    stay together) and one per connected part of the ungrouped nodes.
//! 2. `layered`: every block is drawn in layers by the `rust-sugiyama` crate (no two boxes
//!    overlap, using the real box sizes the caller gives).
//! 3. `arrange`: a part much wider than the target ratio is wrapped into bands; the parts of a
//!    block are packed side by side near the ratio.
//! 4. The blocks themselves are drawn in layers by the flows between them (upstream zones to
//!    the left), and their separate parts packed near the ratio.
//! 5. Pinned systems and processes keep their positions; the drawing is placed to the right of
//!    them so that nothing lands on a pinned box.
//!
//! `rust-sugiyama` alone was measured first (release build, this machine): 500 nodes in
//! 0.15 s, 2,000 nodes in 2.9 s with transposition (0.65 s without), and it has no notion of
//! zones, pinned nodes, packing or aspect ratio; hence this wrapper adds those steps and skips
//! transposition for very large parts.
//!
//! Depends on `model` and `analysis::layout` only; deterministic (same landscape, same sizes,
//! same positions).

pub mod arrange;
pub mod geometry;
pub mod graph;
pub mod layered;
pub mod refine;

use crate::analysis::layout::LayoutPositions;
use crate::model::{Landscape, Position};

use arrange::{PART_GAP, pack, wrap};
use geometry::{Rect, Size};
pub use graph::Item;
use layered::{Part, draw_parts, to_origin};

/// The canvas's widest box (its widths are clamped to this).
pub const CANVAS_MAX_WIDTH: f32 = 260.0;
/// The canvas's system box height.
pub const CANVAS_SYSTEM_HEIGHT: f32 = 58.0;
/// The canvas's process shape height.
pub const CANVAS_PROCESS_HEIGHT: f32 = 44.0;

/// How the drawing should be shaped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// The wanted width / height of the whole drawing (the window's, usually).
    pub aspect_ratio: f32,
}

impl Default for LayoutOptions {
    /// A 16:10 drawing.
    fn default() -> Self {
        Self {
            aspect_ratio: 16.0 / 10.0,
        }
    }
}

/// The largest box the canvas draws for an item: every real box fits inside it, so a layout
/// made with these sizes never overlaps on the canvas (used where the canvas is not at hand,
/// such as the Mermaid import).
pub fn canvas_bound_size(item: Item) -> Size {
    match item {
        Item::System(_) => Size::new(CANVAS_MAX_WIDTH, CANVAS_SYSTEM_HEIGHT),
        Item::Process(_) => Size::new(CANVAS_MAX_WIDTH, CANVAS_PROCESS_HEIGHT),
    }
}

/// Lays the landscape out; `size_of` gives the box size of each system and process.
/// Positions are top-left corners of every system and process (pinned ones unchanged).
pub fn auto_layout(
    landscape: &Landscape,
    options: &LayoutOptions,
    size_of: &dyn Fn(Item) -> Size,
) -> LayoutPositions {
    let ratio = if options.aspect_ratio.is_finite() && options.aspect_ratio > 0.0 {
        options.aspect_ratio
    } else {
        LayoutOptions::default().aspect_ratio
    };
    let graph = graph::build(landscape, size_of);
    let rects = place_blocks(&graph, ratio);
    let (dx, dy) = clear_of_pinned(landscape, size_of);

    let mut result = LayoutPositions::default();
    for (node, rect) in graph.nodes.iter().zip(&rects) {
        let at = Position::new(rect.x + dx, rect.y + dy);
        match node.item {
            Item::System(index) => {
                result
                    .systems
                    .insert(landscape.systems[index].id.clone(), at);
            }
            Item::Process(index) => {
                result
                    .processes
                    .insert(landscape.processes[index].id.clone(), at);
            }
        }
    }
    for system in landscape.systems.iter().filter(|s| s.pinned) {
        result.systems.insert(system.id.clone(), system.position);
    }
    for process in landscape.processes.iter().filter(|p| p.pinned) {
        result
            .processes
            .insert(process.id.clone(), process.position);
    }
    result
}

/// The box of every node of the graph, the drawing's top-left at the origin.
fn place_blocks(graph: &graph::LayoutGraph, ratio: f32) -> Vec<Rect> {
    let mut block_of = vec![0; graph.nodes.len()];
    let drawn: Vec<Part> = graph
        .blocks
        .iter()
        .enumerate()
        .map(|(block, members)| {
            for &node in members {
                block_of[node] = block;
            }
            draw_block(graph, members, ratio)
        })
        .collect();
    let block_sizes: Vec<Size> = drawn
        .iter()
        .map(|part| {
            let bounds = Rect::bounding(part.iter().map(|(_, r)| *r));
            Size::new(bounds.w, bounds.h)
        })
        .collect();
    let mut between: Vec<(usize, usize)> = graph
        .edges
        .iter()
        .map(|&(a, b)| (block_of[a], block_of[b]))
        .filter(|(a, b)| a != b)
        .collect();
    between.sort_unstable();
    between.dedup();
    let block_boxes = arrange_parts(draw_parts(&block_sizes, &between), ratio);

    let mut rects = vec![Rect::default(); graph.nodes.len()];
    for (block, part) in drawn.into_iter().enumerate() {
        let origin = block_boxes[block];
        for (node, rect) in part {
            rects[node] = Rect {
                x: rect.x + origin.x,
                y: rect.y + origin.y,
                ..rect
            };
        }
    }
    rects
}

/// One block drawn: its parts laid out, wrapped and packed; indices are graph node indices.
fn draw_block(graph: &graph::LayoutGraph, members: &[usize], ratio: f32) -> Part {
    let mut local = vec![usize::MAX; graph.nodes.len()];
    for (position, &node) in members.iter().enumerate() {
        local[node] = position;
    }
    let sizes: Vec<Size> = members.iter().map(|&n| graph.nodes[n].size).collect();
    let edges: Vec<(usize, usize)> = graph
        .edges
        .iter()
        .filter(|(a, b)| local[*a] != usize::MAX && local[*b] != usize::MAX)
        .map(|&(a, b)| (local[a], local[b]))
        .collect();
    let placed = arrange_parts(draw_parts(&sizes, &edges), ratio);
    placed
        .into_iter()
        .enumerate()
        .map(|(position, rect)| (members[position], rect))
        .collect()
}

/// The parts wrapped and packed near `ratio`: the box of every input index.
fn arrange_parts(parts: Vec<Part>, ratio: f32) -> Vec<Rect> {
    let parts: Vec<Part> = parts
        .into_iter()
        .map(|part| to_origin(wrap(part, ratio)))
        .collect();
    let sizes: Vec<(f32, f32)> = parts
        .iter()
        .map(|part| {
            let bounds = Rect::bounding(part.iter().map(|(_, r)| *r));
            (bounds.w, bounds.h)
        })
        .collect();
    let offsets = pack(&sizes, ratio);
    let count = parts.iter().map(Vec::len).sum();
    let mut rects = vec![Rect::default(); count];
    for (part, (dx, dy)) in parts.into_iter().zip(offsets) {
        for (index, rect) in part {
            if let Some(slot) = rects.get_mut(index) {
                *slot = Rect {
                    x: rect.x + dx,
                    y: rect.y + dy,
                    ..rect
                };
            }
        }
    }
    rects
}

/// How far to move the drawing so that it starts right of every pinned box (no move when
/// nothing is pinned).
fn clear_of_pinned(landscape: &Landscape, size_of: &dyn Fn(Item) -> Size) -> (f32, f32) {
    let systems = landscape
        .systems
        .iter()
        .enumerate()
        .filter(|(_, s)| s.pinned)
        .map(|(i, s)| Rect::at(s.position.x, s.position.y, size_of(Item::System(i))));
    let processes = landscape
        .processes
        .iter()
        .enumerate()
        .filter(|(_, p)| p.pinned)
        .map(|(i, p)| Rect::at(p.position.x, p.position.y, size_of(Item::Process(i))));
    let pinned: Vec<Rect> = systems.chain(processes).collect();
    if pinned.is_empty() {
        return (0.0, 0.0);
    }
    let bounds = Rect::bounding(pinned);
    (bounds.right() + PART_GAP, bounds.y)
}
