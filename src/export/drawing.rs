//! The drawing of a landscape as a pure scene: boxes, hexagons, arrows, badges and labels with
//! their geometry, computed from the landscape alone. `export::svg` writes it as SVG; a GUI or
//! test can read it directly.
//!
//! - Systems are rounded boxes with the name (bold, wrapped to two lines), `kind · owner` and a
//!   stripe in the owner's colour; internal jobs (flows whose source and target are the same
//!   system) are badges inside the box, not loops.
//! - Business processes are hexagons, linked by dotted lines to the systems holding the datasets
//!   they depend on.
//! - Flows are arrows from each source system to the target system, labelled
//!   `dataset · schedule`; several arrows between the same two systems are bent apart.
//!   Labels are placed along their arrow where they overlap no box and no other label.
//! - Positions are the saved canvas positions; when boxes would overlap (a landscape that was
//!   never laid out) the layered layout of `analysis::layout` is used instead.
//!
//! Depends on `model`, `analysis::layout` and `export::{schedule_text, text_metrics}`.

use std::collections::BTreeMap;

use crate::analysis::layout::layered_positions;
use crate::model::{Flow, Landscape, Position};

use super::rect_grid::RectGrid;
use super::schedule_text::schedule_text;
use super::text_metrics::{ellipsize, text_width, wrap};

/// Font size of system and process names.
pub const NAME_SIZE: f32 = 15.0;
/// Font size of the `kind · owner` line.
pub const DETAIL_SIZE: f32 = 12.0;
/// Font size of arrow labels and badges.
pub const LABEL_SIZE: f32 = 12.0;
/// Empty space around the drawing.
pub const MARGIN: f32 = 40.0;
/// Width of the owner stripe.
pub const STRIPE_WIDTH: f32 = 8.0;

const PADDING: f32 = 12.0;
const MIN_BOX_WIDTH: f32 = 150.0;
const MAX_BOX_WIDTH: f32 = 236.0;
const NAME_LINE: f32 = 19.0;
const DETAIL_LINE: f32 = 17.0;
const BADGE_HEIGHT: f32 = 20.0;
const BADGE_GAP: f32 = 4.0;
/// Room for the circular-arrow icon drawn before a badge's text.
pub const BADGE_ICON: f32 = 16.0;
const LABEL_HEIGHT: f32 = 20.0;
const LABEL_PADDING: f32 = 7.0;
/// The cell size of the grids that find nearby boxes and labels (a little over a box's width).
const GRID_CELL: f32 = 256.0;
const SPREAD: f32 = 30.0;
const TITLE_SIZE: f32 = 20.0;
const TITLE_HEIGHT: f32 = 40.0;

/// The stripe colour of systems without owner (`assets/palette.ron`).
pub(crate) fn no_owner_colour() -> &'static str {
    super::palette::palette().export_no_owner.as_str()
}

/// A point in drawing units (pixels of the SVG).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    /// The centre point.
    pub fn center(&self) -> Point {
        Point {
            x: self.x + self.w / 2.0,
            y: self.y + self.h / 2.0,
        }
    }

    /// Whether the two rectangles overlap once this one is grown by `margin` on every side.
    pub fn overlaps(&self, other: &Rect, margin: f32) -> bool {
        self.x - margin < other.x + other.w
            && other.x < self.x + self.w + margin
            && self.y - margin < other.y + other.h
            && other.y < self.y + self.h + margin
    }

    /// Whether the point lies inside the rectangle.
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.x + self.w && p.y >= self.y && p.y <= self.y + self.h
    }

    /// The overlapping area of the two rectangles.
    pub fn overlap_area(&self, other: &Rect) -> f32 {
        let w = (self.x + self.w).min(other.x + other.w) - self.x.max(other.x);
        let h = (self.y + self.h).min(other.y + other.h) - self.y.max(other.y);
        w.max(0.0) * h.max(0.0)
    }

    fn translate(&mut self, dx: f32, dy: f32) {
        self.x += dx;
        self.y += dy;
    }
}

/// A system box.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemBox {
    pub system_id: String,
    pub rect: Rect,
    pub name_lines: Vec<String>,
    /// `kind · owner`, empty when both are.
    pub detail: String,
    pub colour: &'static str,
    pub badges: Vec<Badge>,
}

/// An internal job drawn inside its system's box.
#[derive(Debug, Clone, PartialEq)]
pub struct Badge {
    pub flow_id: String,
    pub text: String,
    pub rect: Rect,
    pub batch: bool,
}

/// A business process hexagon.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessNode {
    pub process_id: String,
    pub rect: Rect,
    pub name_lines: Vec<String>,
    pub owner: String,
}

/// A dotted line from a process to a system holding a dataset it depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessLink {
    pub process_id: String,
    pub system_id: String,
    pub from: Point,
    pub to: Point,
}

/// A flow arrow: a quadratic curve from `start` over `control` to `end`.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    pub flow_id: String,
    pub source_id: String,
    pub target_id: String,
    pub start: Point,
    pub control: Point,
    pub end: Point,
    /// Dashed: cron and interval schedules. Solid: streams.
    pub batch: bool,
    /// Drawn as a double line in the hub colour.
    pub via_hub: bool,
    pub label: Label,
}

/// The text of an arrow and the box it is drawn in.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub rect: Rect,
}

/// An owner colour in the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerKey {
    pub owner: String,
    pub colour: &'static str,
}

/// The whole drawing; coordinates start at (0, 0) and fit in `width` × `height`.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub title: String,
    pub width: f32,
    pub height: f32,
    pub title_at: Point,
    pub systems: Vec<SystemBox>,
    pub processes: Vec<ProcessNode>,
    pub links: Vec<ProcessLink>,
    pub arrows: Vec<Arrow>,
    pub owners: Vec<OwnerKey>,
    /// The legend's top-left corner.
    pub legend_at: Point,
}

/// The legend's height.
pub const LEGEND_HEIGHT: f32 = 64.0;

/// Computes the scene of a landscape.
pub fn draw(landscape: &Landscape) -> Scene {
    let colours = owner_colours(landscape);
    let team_name = |id: &str| {
        landscape
            .team(id)
            .map(|t| if t.name.is_empty() { &t.id } else { &t.name })
            .map_or_else(|| id.to_owned(), Clone::clone)
    };

    let mut internal_jobs: BTreeMap<&str, Vec<&Flow>> = BTreeMap::new();
    for flow in &landscape.flows {
        if let Some(target) = landscape.flow_target_system(flow) {
            if landscape
                .flow_source_systems(flow)
                .iter()
                .any(|s| s == target)
            {
                internal_jobs.entry(target).or_default().push(flow);
            }
        }
    }

    let mut systems: Vec<SystemBox> = landscape
        .systems
        .iter()
        .map(|system| {
            let name = if system.name.is_empty() {
                &system.id
            } else {
                &system.name
            };
            let name_lines = wrap(
                name,
                NAME_SIZE,
                true,
                MAX_BOX_WIDTH - 2.0 * PADDING - STRIPE_WIDTH,
                2,
            );
            let owner = system.owner.as_deref().map(team_name);
            let detail = match (system.kind.is_empty(), owner) {
                (false, Some(owner)) => format!("{} · {owner}", system.kind),
                (false, None) => system.kind.clone(),
                (true, Some(owner)) => owner,
                (true, None) => String::new(),
            };
            let detail = ellipsize_to(&detail, DETAIL_SIZE, false);
            let badges: Vec<Badge> = internal_jobs
                .get(system.id.as_str())
                .into_iter()
                .flatten()
                .map(|flow| Badge {
                    flow_id: flow.id.clone(),
                    text: ellipsize_to(&flow_label(landscape, flow), LABEL_SIZE, false),
                    rect: Rect::default(),
                    batch: !flow.is_stream(),
                })
                .collect();
            let content_width = name_lines
                .iter()
                .map(|l| text_width(l, NAME_SIZE, true))
                .chain(std::iter::once(text_width(&detail, DETAIL_SIZE, false)))
                .chain(badges.iter().map(|b| {
                    text_width(&b.text, LABEL_SIZE, false) + 2.0 * LABEL_PADDING + BADGE_ICON
                }))
                .fold(0.0_f32, f32::max);
            let w =
                (content_width + 2.0 * PADDING + STRIPE_WIDTH).clamp(MIN_BOX_WIDTH, MAX_BOX_WIDTH);
            let h = PADDING * 2.0
                + name_lines.len() as f32 * NAME_LINE
                + if detail.is_empty() { 0.0 } else { DETAIL_LINE }
                + badges.len() as f32 * (BADGE_HEIGHT + BADGE_GAP);
            SystemBox {
                system_id: system.id.clone(),
                rect: Rect {
                    x: 0.0,
                    y: 0.0,
                    w,
                    h,
                },
                name_lines,
                detail,
                colour: system
                    .owner
                    .as_deref()
                    .and_then(|o| colours.get(o).copied())
                    .unwrap_or_else(no_owner_colour),
                badges,
            }
        })
        .collect();

    let mut processes: Vec<ProcessNode> = landscape
        .processes
        .iter()
        .map(|process| {
            let name = if process.name.is_empty() {
                &process.id
            } else {
                &process.name
            };
            let name_lines = wrap(&name.replace('_', " "), DETAIL_SIZE + 1.0, true, 170.0, 2);
            let owner = ellipsize_to(&process.owner, DETAIL_SIZE, false);
            let width = name_lines
                .iter()
                .map(|l| text_width(l, DETAIL_SIZE + 1.0, true))
                .chain(std::iter::once(text_width(&owner, DETAIL_SIZE, false)))
                .fold(0.0_f32, f32::max)
                + 56.0;
            ProcessNode {
                process_id: process.id.clone(),
                rect: Rect {
                    x: 0.0,
                    y: 0.0,
                    w: width.max(140.0),
                    h: 20.0 + name_lines.len() as f32 * 17.0 + 16.0,
                },
                name_lines,
                owner,
            }
        })
        .collect();

    place_nodes(landscape, &mut systems, &mut processes);
    for system in &mut systems {
        let mut y = system.rect.y
            + PADDING
            + system.name_lines.len() as f32 * NAME_LINE
            + if system.detail.is_empty() {
                0.0
            } else {
                DETAIL_LINE
            }
            + BADGE_GAP;
        for badge in &mut system.badges {
            badge.rect = Rect {
                x: system.rect.x + STRIPE_WIDTH + PADDING - 4.0,
                y,
                w: text_width(&badge.text, LABEL_SIZE, false) + 2.0 * LABEL_PADDING + BADGE_ICON,
                h: BADGE_HEIGHT,
            };
            y += BADGE_HEIGHT + BADGE_GAP;
        }
    }

    let box_of: BTreeMap<&str, Rect> = systems
        .iter()
        .map(|s| (s.system_id.as_str(), s.rect))
        .collect();
    let mut arrows = route_arrows(landscape, &box_of);
    let links = process_links(landscape, &processes, &box_of);

    let mut obstacles: Vec<Rect> = systems.iter().map(|s| s.rect).collect();
    obstacles.extend(processes.iter().map(|p| p.rect));
    place_labels(&mut arrows, &obstacles);

    let mut owners: Vec<OwnerKey> = colours
        .iter()
        .map(|(owner, colour)| OwnerKey {
            owner: team_name(owner),
            colour,
        })
        .collect();
    if landscape.systems.iter().any(|s| s.owner.is_none()) {
        owners.push(OwnerKey {
            owner: "no owner".to_owned(),
            colour: no_owner_colour(),
        });
    }

    let mut scene = Scene {
        title: landscape.name.clone(),
        width: 0.0,
        height: 0.0,
        title_at: Point::default(),
        systems,
        processes,
        links,
        arrows,
        owners,
        legend_at: Point::default(),
    };
    fit(&mut scene);
    scene
}

/// `dataset · schedule` of a flow.
pub fn flow_label(landscape: &Landscape, flow: &Flow) -> String {
    let dataset = landscape
        .dataset(&flow.output)
        .map_or(flow.output.as_str(), |d| {
            if d.dataset.name.is_empty() {
                d.dataset.id.as_str()
            } else {
                d.dataset.name.as_str()
            }
        });
    format!("{dataset} · {}", schedule_text(&flow.schedule).text)
}

fn ellipsize_to(text: &str, size: f32, bold: bool) -> String {
    let max = MAX_BOX_WIDTH - 2.0 * PADDING - STRIPE_WIDTH;
    if text_width(text, size, bold) <= max {
        text.to_owned()
    } else {
        ellipsize(text, size, bold, max)
    }
}

/// A colour per owning team, in team id order, from the palette's export owners.
fn owner_colours(landscape: &Landscape) -> BTreeMap<String, &'static str> {
    let palette = &super::palette::palette().export_owners;
    let owners: std::collections::BTreeSet<&str> = landscape
        .systems
        .iter()
        .filter_map(|s| s.owner.as_deref())
        .collect();
    owners
        .into_iter()
        .enumerate()
        .map(|(index, owner)| {
            let colour = palette.get(index % palette.len().max(1));
            (owner.to_owned(), colour.map_or("#808080", String::as_str))
        })
        .collect()
}

/// Widens saved canvas positions so that arrow labels fit between the columns of boxes.
pub const STORED_X_SCALE: f32 = 1.4;

/// Saved positions (widened by [`STORED_X_SCALE`]) when no two nodes overlap, else the layered layout (box centres on the
/// layout's grid).
fn place_nodes(landscape: &Landscape, systems: &mut [SystemBox], processes: &mut [ProcessNode]) {
    let stored = |at: Position, rect: &mut Rect| {
        rect.x = at.x * STORED_X_SCALE;
        rect.y = at.y;
    };
    for (system, node) in landscape.systems.iter().zip(systems.iter_mut()) {
        stored(system.position, &mut node.rect);
    }
    for (process, node) in landscape.processes.iter().zip(processes.iter_mut()) {
        stored(process.position, &mut node.rect);
    }
    let rects: Vec<Rect> = systems
        .iter()
        .map(|s| s.rect)
        .chain(processes.iter().map(|p| p.rect))
        .collect();
    let overlapping = rects.iter().enumerate().any(|(i, a)| {
        rects[i + 1..]
            .iter()
            .any(|b| a.overlaps(b, 2.0 * LABEL_HEIGHT))
    });
    if !overlapping {
        return;
    }
    let layout = layered_positions(landscape);
    let centred = |at: Position, rect: &mut Rect| {
        rect.x = at.x * 1.15 + (MAX_BOX_WIDTH - rect.w) / 2.0;
        rect.y = at.y - rect.h / 2.0;
    };
    for node in systems.iter_mut() {
        if let Some(at) = layout.systems.get(&node.system_id) {
            centred(*at, &mut node.rect);
        }
    }
    for node in processes.iter_mut() {
        if let Some(at) = layout.processes.get(&node.process_id) {
            centred(*at, &mut node.rect);
        }
    }
}

/// Where the segment from the centre of `rect` towards `toward` leaves the rectangle.
fn clip(rect: &Rect, toward: Point) -> Point {
    let c = rect.center();
    let (dx, dy) = (toward.x - c.x, toward.y - c.y);
    if dx == 0.0 && dy == 0.0 {
        return c;
    }
    let sx = if dx == 0.0 {
        f32::INFINITY
    } else {
        (rect.w / 2.0) / dx.abs()
    };
    let sy = if dy == 0.0 {
        f32::INFINITY
    } else {
        (rect.h / 2.0) / dy.abs()
    };
    let s = sx.min(sy);
    Point {
        x: c.x + dx * s,
        y: c.y + dy * s,
    }
}

/// One arrow per flow and source system (internal jobs are badges); arrows between the same
/// two systems, in either direction, are bent apart symmetrically.
fn route_arrows(landscape: &Landscape, box_of: &BTreeMap<&str, Rect>) -> Vec<Arrow> {
    /// (flow, source system id, target system id).
    type Member<'a> = (&'a Flow, String, String);
    let mut groups: BTreeMap<(String, String), Vec<Member<'_>>> = BTreeMap::new();
    for flow in &landscape.flows {
        let Some(target) = landscape.flow_target_system(flow) else {
            continue;
        };
        for source in landscape.flow_source_systems(flow) {
            if source == target {
                continue;
            }
            let key = if source.as_str() < target {
                (source.clone(), target.to_owned())
            } else {
                (target.to_owned(), source.clone())
            };
            groups
                .entry(key)
                .or_default()
                .push((flow, source, target.to_owned()));
        }
    }
    // Every box grown by the clearance the curves keep, indexed in `box_of` order.
    let index_of: BTreeMap<&str, usize> =
        box_of.keys().enumerate().map(|(i, id)| (*id, i)).collect();
    let boxes = RectGrid::with(box_of.values().map(|rect| grow(rect, 10.0)), GRID_CELL);
    let mut arrows = Vec::new();
    for ((first, second), mut members) in groups {
        let (Some(a), Some(b)) = (box_of.get(first.as_str()), box_of.get(second.as_str())) else {
            continue;
        };
        members.sort_by(|x, y| (&x.1, &x.0.id).cmp(&(&y.1, &y.0.id)));
        let (ca, cb) = (a.center(), b.center());
        let length = ((cb.x - ca.x).powi(2) + (cb.y - ca.y).powi(2))
            .sqrt()
            .max(1.0);
        let normal = Point {
            x: -(cb.y - ca.y) / length,
            y: (cb.x - ca.x) / length,
        };
        let ends = (index_of[first.as_str()], index_of[second.as_str()]);
        let bend = clear_bend(a, b, normal, &boxes, ends);
        let count = members.len() as f32;
        for (index, (flow, source, target)) in members.into_iter().enumerate() {
            let offset = (index as f32 - (count - 1.0) / 2.0) * SPREAD;
            let (from, to) = if source == first { (a, b) } else { (b, a) };
            let shift = |p: Point, k: f32| Point {
                x: p.x + normal.x * offset * k,
                y: p.y + normal.y * offset * k,
            };
            let start = shift(clip(from, to.center()), 0.5);
            let end = shift(clip(to, from.center()), 0.5);
            let mid = Point {
                x: f32::midpoint(start.x, end.x),
                y: f32::midpoint(start.y, end.y),
            };
            let control = shift(mid, 1.5);
            let control = Point {
                x: control.x + normal.x * bend * 2.0,
                y: control.y + normal.y * bend * 2.0,
            };
            let text = flow_label(landscape, flow);
            let w = text_width(&text, LABEL_SIZE, false) + 2.0 * LABEL_PADDING;
            arrows.push(Arrow {
                flow_id: flow.id.clone(),
                source_id: source,
                target_id: target,
                start,
                control,
                end,
                batch: !flow.is_stream(),
                via_hub: flow.via_hub,
                label: Label {
                    text,
                    rect: Rect {
                        x: 0.0,
                        y: 0.0,
                        w,
                        h: LABEL_HEIGHT,
                    },
                },
            });
        }
    }
    arrows.sort_by(|x, y| {
        (&x.source_id, &x.target_id, &x.flow_id).cmp(&(&y.source_id, &y.target_id, &y.flow_id))
    });
    arrows
}

/// How far (along `normal`) the arrows between boxes `a` and `b` bow out so that their curve
/// crosses no other system box; 0 when the straight line is clear. Tries growing bends on
/// alternating sides and keeps the one crossing the fewest boxes.
fn clear_bend(a: &Rect, b: &Rect, normal: Point, boxes: &RectGrid, ends: (usize, usize)) -> f32 {
    const BENDS: [f32; 11] = [
        0.0, 60.0, -60.0, 120.0, -120.0, 180.0, -180.0, 240.0, -240.0, 300.0, -300.0,
    ];
    if boxes.len() <= 2 {
        return 0.0;
    }
    let other = |i: usize| i != ends.0 && i != ends.1;
    let start = clip(a, b.center());
    let end = clip(b, a.center());
    let mut best = (usize::MAX, 0.0);
    for bend in BENDS {
        let probe = Arrow {
            flow_id: String::new(),
            source_id: String::new(),
            target_id: String::new(),
            start,
            control: Point {
                x: f32::midpoint(start.x, end.x) + normal.x * bend * 2.0,
                y: f32::midpoint(start.y, end.y) + normal.y * bend * 2.0,
            },
            end,
            batch: false,
            via_hub: false,
            label: Label {
                text: String::new(),
                rect: Rect::default(),
            },
        };
        let hits = (1..20)
            .map(|i| curve_point(&probe, i as f32 / 20.0))
            .filter(|p| boxes.containing(*p).into_iter().any(other))
            .count();
        if hits < best.0 {
            best = (hits, bend);
        }
        if hits == 0 {
            break;
        }
    }
    best.1
}

/// The point at `t` on an arrow's curve.
pub fn curve_point(arrow: &Arrow, t: f32) -> Point {
    let u = 1.0 - t;
    Point {
        x: u * u * arrow.start.x + 2.0 * u * t * arrow.control.x + t * t * arrow.end.x,
        y: u * u * arrow.start.y + 2.0 * u * t * arrow.control.y + t * t * arrow.end.y,
    }
}

/// Places each label on its arrow where it overlaps no node and no placed label; failing
/// that, where it overlaps least.
fn place_labels(arrows: &mut [Arrow], obstacles: &[Rect]) {
    const POSITIONS: [f32; 9] = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
    const SHIFTS: [f32; 5] = [0.0, -14.0, 14.0, -28.0, 28.0];
    let obstacles = RectGrid::with(obstacles.iter().map(|o| grow(o, 4.0)), GRID_CELL);
    let mut placed = RectGrid::new(GRID_CELL);
    for arrow in arrows.iter_mut() {
        let (w, h) = (arrow.label.rect.w, arrow.label.rect.h);
        let mut best: Option<(f32, Rect)> = None;
        'search: for shift in SHIFTS {
            for t in POSITIONS {
                let p = curve_point(arrow, t);
                let rect = Rect {
                    x: p.x - w / 2.0,
                    y: p.y - h / 2.0 + shift,
                    w,
                    h,
                };
                // Only nearby rectangles can overlap; the others would add exact zeros.
                let cost: f32 = obstacles
                    .near(&rect)
                    .into_iter()
                    .map(|i| rect.overlap_area(&obstacles.rect(i)))
                    .chain(
                        placed
                            .near(&rect)
                            .into_iter()
                            .map(|i| rect.overlap_area(&placed.rect(i))),
                    )
                    .sum();
                if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                    best = Some((cost, rect));
                }
                if cost == 0.0 {
                    break 'search;
                }
            }
        }
        if let Some((_, rect)) = best {
            arrow.label.rect = rect;
            placed.push(grow(&rect, 3.0));
        }
    }
}

fn grow(rect: &Rect, by: f32) -> Rect {
    Rect {
        x: rect.x - by,
        y: rect.y - by,
        w: rect.w + 2.0 * by,
        h: rect.h + 2.0 * by,
    }
}

/// One dotted link per process and system holding a dataset the process depends on.
fn process_links(
    landscape: &Landscape,
    processes: &[ProcessNode],
    box_of: &BTreeMap<&str, Rect>,
) -> Vec<ProcessLink> {
    let mut links = Vec::new();
    for (process, node) in landscape.processes.iter().zip(processes) {
        let mut systems: Vec<&str> = process
            .dependencies
            .iter()
            .filter_map(|d| landscape.system_of_dataset(&d.dataset))
            .collect();
        systems.sort_unstable();
        systems.dedup();
        for system in systems {
            let Some(rect) = box_of.get(system) else {
                continue;
            };
            links.push(ProcessLink {
                process_id: process.id.clone(),
                system_id: system.to_owned(),
                from: clip(rect, node.rect.center()),
                to: clip(&node.rect, rect.center()),
            });
        }
    }
    links
}

/// Moves everything so that the drawing starts at the margin, below the title, and sizes it
/// with room for the legend.
fn fit(scene: &mut Scene) {
    let mut rects: Vec<Rect> = scene.systems.iter().map(|s| s.rect).collect();
    rects.extend(scene.processes.iter().map(|p| p.rect));
    rects.extend(scene.arrows.iter().map(|a| a.label.rect));
    let points = scene
        .arrows
        .iter()
        .flat_map(|a| [a.start, curve_point(a, 0.5), a.end]);
    let mut min = Point {
        x: f32::INFINITY,
        y: f32::INFINITY,
    };
    let mut max = Point {
        x: f32::NEG_INFINITY,
        y: f32::NEG_INFINITY,
    };
    for r in &rects {
        min.x = min.x.min(r.x);
        min.y = min.y.min(r.y);
        max.x = max.x.max(r.x + r.w);
        max.y = max.y.max(r.y + r.h);
    }
    for p in points {
        min.x = min.x.min(p.x);
        min.y = min.y.min(p.y);
        max.x = max.x.max(p.x);
        max.y = max.y.max(p.y);
    }
    if !min.x.is_finite() {
        min = Point::default();
        max = Point::default();
    }
    let dx = (MARGIN - min.x).round();
    let dy = (MARGIN + TITLE_HEIGHT - min.y).round();
    let move_point = |p: &mut Point| {
        p.x += dx;
        p.y += dy;
    };
    for system in &mut scene.systems {
        system.rect.translate(dx, dy);
        for badge in &mut system.badges {
            badge.rect.translate(dx, dy);
        }
    }
    for process in &mut scene.processes {
        process.rect.translate(dx, dy);
    }
    for link in &mut scene.links {
        move_point(&mut link.from);
        move_point(&mut link.to);
    }
    for arrow in &mut scene.arrows {
        move_point(&mut arrow.start);
        move_point(&mut arrow.control);
        move_point(&mut arrow.end);
        arrow.label.rect.translate(dx, dy);
    }
    scene.title_at = Point {
        x: MARGIN,
        y: MARGIN + TITLE_SIZE * 0.75,
    };
    let content_bottom = max.y + dy;
    scene.legend_at = Point {
        x: MARGIN,
        y: content_bottom + 28.0,
    };
    let legend_width = legend_width(scene);
    scene.width = (max.x + dx + MARGIN)
        .max(MARGIN * 2.0 + legend_width)
        .ceil();
    scene.height = (scene.legend_at.y + LEGEND_HEIGHT + MARGIN / 2.0).ceil();
}

/// The width the legend needs: the line samples and one swatch per owner.
pub fn legend_width(scene: &Scene) -> f32 {
    let owners: f32 = scene
        .owners
        .iter()
        .map(|o| 22.0 + text_width(&o.owner, DETAIL_SIZE, false) + 18.0)
        .sum();
    let samples: f32 = 720.0;
    samples.max(owners)
}
