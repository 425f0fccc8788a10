//! The canvas's derived geometry in canvas units: node boxes, flow lines with their labels, and
//! process dependency links. Rebuilt only when the document revision or colour mode changes, so
//! a frame only transforms, culls and paints (see `paint.rs`).

use std::collections::{BTreeMap, HashMap, HashSet};

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::model::{Flow, Landscape, Pattern};

/// Height of a system box in canvas units.
pub const SYSTEM_HEIGHT: f32 = 58.0;
/// Height of a process shape in canvas units.
pub const PROCESS_HEIGHT: f32 = 44.0;
/// Font size of node titles in canvas units.
pub const TITLE_SIZE: f32 = 13.0;
/// Font size of secondary text and flow labels in canvas units.
pub const SMALL_SIZE: f32 = 11.0;
const PARALLEL_GAP: f32 = 26.0;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    System,
    Process,
}

/// One box on the canvas.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    pub id: String,
    /// The box in canvas units.
    pub rect: Rect,
    pub title: String,
    pub subtitle: String,
    /// Index into the owner palette; `None` when unowned.
    pub owner_colour: Option<usize>,
    /// `⟳ 2 internal jobs` and similar.
    pub badge: Option<String>,
}

/// How a flow line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    /// Scheduled batch: dashed.
    Batch,
    /// Stream: solid.
    Stream,
    /// Routed through the hub: solid, thicker, hub colour, with a hub marker.
    Hub,
}

/// One drawn line of a flow (a flow reading from two systems has two lines).
#[derive(Debug, Clone)]
pub struct Edge {
    pub flow_id: String,
    pub from: Pos2,
    pub to: Pos2,
    pub style: LineStyle,
    pub pattern: Pattern,
    pub label: String,
    /// Centre of the label in canvas units.
    pub label_at: Pos2,
    /// Estimated label size in canvas units at [`SMALL_SIZE`].
    pub label_size: Vec2,
}

/// The derived drawing of a landscape.
#[derive(Debug, Clone)]
pub struct Scene {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Dotted links from a system holding a dataset to a process depending on it.
    pub links: Vec<(Pos2, Pos2)>,
    /// The box around everything, in canvas units.
    pub bounds: Rect,
    node_of: HashMap<(NodeKind, String), usize>,
}

/// The estimated width of `text` at `size`: egui's default proportional font averages a little
/// over half the size per character. Only used to place labels apart, never to draw.
pub fn estimated_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.56
}

/// The size of a system box for its title.
pub fn system_size(title: &str, subtitle: &str) -> Vec2 {
    vec2(
        (text_width(title, subtitle) + 34.0).clamp(150.0, 260.0),
        SYSTEM_HEIGHT,
    )
}

/// The size of a process shape for its title and subtitle.
pub fn process_size(title: &str, subtitle: &str) -> Vec2 {
    vec2(
        (text_width(title, subtitle) + 40.0).clamp(150.0, 260.0),
        PROCESS_HEIGHT,
    )
}

/// The wider of a node's title and subtitle, in canvas units.
fn text_width(title: &str, subtitle: &str) -> f32 {
    estimated_width(title, TITLE_SIZE).max(estimated_width(subtitle, SMALL_SIZE))
}

fn display<'a>(name: &'a str, id: &'a str) -> &'a str {
    if name.is_empty() { id } else { name }
}

/// The label of a flow line: `stock · daily 23:00` (the output dataset and the schedule).
pub fn flow_label(flow: &Flow) -> String {
    let dataset = flow
        .output
        .rsplit_once('.')
        .map_or(flow.output.as_str(), |(_, local)| local);
    format!("{dataset} · {}", flow.schedule.label())
}

fn line_style(flow: &Flow) -> LineStyle {
    if flow.via_hub {
        LineStyle::Hub
    } else if flow.is_stream() {
        LineStyle::Stream
    } else {
        LineStyle::Batch
    }
}

/// Where the segment from the centre of `rect` towards `towards` leaves the rectangle.
fn exit_point(rect: Rect, towards: Pos2) -> Pos2 {
    let centre = rect.center();
    let d = towards - centre;
    if d.x.abs() < f32::EPSILON && d.y.abs() < f32::EPSILON {
        return centre;
    }
    let half = rect.size() / 2.0;
    let tx = if d.x.abs() > f32::EPSILON {
        half.x / d.x.abs()
    } else {
        f32::INFINITY
    };
    let ty = if d.y.abs() > f32::EPSILON {
        half.y / d.y.abs()
    } else {
        f32::INFINITY
    };
    centre + d * tx.min(ty).min(1.0)
}

impl Default for Scene {
    fn default() -> Self {
        Self::empty()
    }
}

impl Scene {
    /// Builds the scene of a landscape.
    pub fn build(landscape: &Landscape) -> Self {
        Self::build_moved(landscape, &HashSet::new(), Vec2::ZERO)
    }

    /// Builds the scene with the `moved` nodes shifted by `delta` (the preview of a drag).
    pub fn build_moved(
        landscape: &Landscape,
        moved: &HashSet<(NodeKind, String)>,
        delta: Vec2,
    ) -> Self {
        let shift = |kind: NodeKind, id: &str| {
            if !moved.is_empty() && moved.contains(&(kind, id.to_owned())) {
                delta
            } else {
                Vec2::ZERO
            }
        };
        let mut scene = Self::empty();
        let team_index: HashMap<&str, usize> = landscape
            .teams
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let mut internal_jobs: HashMap<&str, usize> = HashMap::new();
        let mut system_of_dataset: HashMap<String, &str> = HashMap::new();
        for system in &landscape.systems {
            for dataset in &system.datasets {
                system_of_dataset.insert(
                    crate::model::dataset_full_id(&system.id, &dataset.id),
                    system.id.as_str(),
                );
            }
        }
        // Lines per flow: (source system, target system).
        let mut lines: Vec<(&Flow, &str, &str)> = Vec::new();
        for flow in &landscape.flows {
            let Some(&target) = system_of_dataset.get(&flow.output) else {
                continue;
            };
            let mut sources: Vec<&str> = flow
                .inputs
                .iter()
                .filter_map(|i| system_of_dataset.get(i).copied())
                .collect();
            sources.sort_unstable();
            sources.dedup();
            let mut internal = sources.is_empty();
            for source in sources {
                if source == target {
                    internal = true;
                } else {
                    lines.push((flow, source, target));
                }
            }
            if internal && !lines.iter().any(|(f, _, _)| f.id == flow.id) {
                *internal_jobs.entry(target).or_default() += 1;
            }
        }
        let mut monitors: HashMap<&str, usize> = HashMap::new();
        for monitor in &landscape.monitors {
            if let Some((system, _)) = monitor.dataset.split_once('.') {
                *monitors.entry(system).or_default() += 1;
            }
        }
        for system in &landscape.systems {
            let title = display(&system.name, &system.id).to_owned();
            let kind = if system.kind.is_empty() {
                "system"
            } else {
                system.kind.as_str()
            };
            let count = system.datasets.len();
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            let watched = monitors
                .get(system.id.as_str())
                .map(|&n| format!(" · {n} monitor{}", plural(n)))
                .unwrap_or_default();
            let subtitle = format!("{kind} · {count} dataset{}{watched}", plural(count));
            let rect = Rect::from_min_size(
                pos2(system.position.x, system.position.y) + shift(NodeKind::System, &system.id),
                system_size(&title, &subtitle),
            );
            let badge = internal_jobs
                .get(system.id.as_str())
                .map(|&n| format!("⟳ {n} internal job{}", if n == 1 { "" } else { "s" }));
            scene.push_node(Node {
                kind: NodeKind::System,
                id: system.id.clone(),
                rect,
                title,
                subtitle,
                owner_colour: system
                    .owner
                    .as_deref()
                    .and_then(|o| team_index.get(o).copied()),
                badge,
            });
        }
        for process in &landscape.processes {
            let title = display(&process.name, &process.id).to_owned();
            let subtitle = if process.owner.is_empty() {
                "process".to_owned()
            } else {
                format!("process · {}", process.owner)
            };
            let rect = Rect::from_min_size(
                pos2(process.position.x, process.position.y)
                    + shift(NodeKind::Process, &process.id),
                process_size(&title, &subtitle),
            );
            let index = scene.push_node(Node {
                kind: NodeKind::Process,
                id: process.id.clone(),
                rect,
                title,
                subtitle,
                owner_colour: team_index.get(process.owner.as_str()).copied(),
                badge: None,
            });
            let mut holders: Vec<&str> = process
                .dependencies
                .iter()
                .filter_map(|d| system_of_dataset.get(&d.dataset).copied())
                .collect();
            holders.sort_unstable();
            holders.dedup();
            for holder in holders {
                if let Some(system_rect) = scene.rect_of(NodeKind::System, holder) {
                    let process_rect = scene.nodes[index].rect;
                    scene.links.push((
                        exit_point(system_rect, process_rect.center()),
                        exit_point(process_rect, system_rect.center()),
                    ));
                }
            }
        }
        scene.add_edges(&lines);
        scene.bounds = scene
            .nodes
            .iter()
            .map(|n| n.rect)
            .reduce(egui::Rect::union)
            .unwrap_or(Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0)));
        scene
    }

    fn empty() -> Self {
        Self {
            nodes: Vec::new(),
            edges: Vec::new(),
            links: Vec::new(),
            bounds: Rect::NOTHING,
            node_of: HashMap::new(),
        }
    }

    fn push_node(&mut self, node: Node) -> usize {
        let index = self.nodes.len();
        self.node_of.insert((node.kind, node.id.clone()), index);
        self.nodes.push(node);
        index
    }

    /// The box of a node in canvas units.
    pub fn rect_of(&self, kind: NodeKind, id: &str) -> Option<Rect> {
        self.node_of
            .get(&(kind, id.to_owned()))
            .map(|&i| self.nodes[i].rect)
    }

    /// The index of a node.
    pub fn index_of(&self, kind: NodeKind, id: &str) -> Option<usize> {
        self.node_of.get(&(kind, id.to_owned())).copied()
    }

    fn add_edges(&mut self, lines: &[(&Flow, &str, &str)]) {
        // Group lines by unordered system pair so parallel flows are drawn apart.
        let mut groups: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
        for (i, (_, a, b)) in lines.iter().enumerate() {
            let key = if a <= b { (*a, *b) } else { (*b, *a) };
            groups.entry(key).or_default().push(i);
        }
        let mut placed: Vec<Rect> = Vec::new();
        let check_labels = lines.len() <= 2_000;
        for ((low, high), members) in groups {
            let (Some(low_rect), Some(high_rect)) = (
                self.rect_of(NodeKind::System, low),
                self.rect_of(NodeKind::System, high),
            ) else {
                continue;
            };
            let axis = high_rect.center() - low_rect.center();
            let normal = if axis.length() > f32::EPSILON {
                vec2(-axis.y, axis.x).normalized()
            } else {
                vec2(0.0, 1.0)
            };
            let count = members.len() as f32;
            for (slot, &line) in members.iter().enumerate() {
                let (flow, source, _) = lines[line];
                let shift = normal * ((slot as f32 - (count - 1.0) / 2.0) * PARALLEL_GAP);
                let (source_rect, target_rect) = if source == low {
                    (low_rect, high_rect)
                } else {
                    (high_rect, low_rect)
                };
                let start = source_rect.clamp(source_rect.center() + shift);
                let end = target_rect.clamp(target_rect.center() + shift);
                let from = ray_exit(source_rect, start, end);
                let to = ray_exit(target_rect, end, start);
                let label = flow_label(flow);
                let label_size = vec2(estimated_width(&label, SMALL_SIZE) + 8.0, SMALL_SIZE + 6.0);
                let label_at = if check_labels {
                    self.place_label(from, to, label_size, &placed)
                } else {
                    from + (to - from) * 0.5
                };
                placed.push(Rect::from_center_size(label_at, label_size));
                self.edges.push(Edge {
                    flow_id: flow.id.clone(),
                    from,
                    to,
                    style: line_style(flow),
                    pattern: flow.pattern,
                    label,
                    label_at,
                    label_size,
                });
            }
        }
    }

    /// A spot on (or beside) the line for its label that covers no box and no placed label;
    /// failing that (a short line between close boxes), the spot covering the least.
    fn place_label(&self, from: Pos2, to: Pos2, size: Vec2, placed: &[Rect]) -> Pos2 {
        let direction = to - from;
        let normal = if direction.length() > f32::EPSILON {
            vec2(-direction.y, direction.x).normalized()
        } else {
            vec2(0.0, 1.0)
        };
        let step = size.y + 2.0;
        let covered = |rect: Rect| -> f32 {
            let area = |other: Rect| {
                let overlap = other.intersect(rect);
                if overlap.is_positive() {
                    overlap.area()
                } else {
                    0.0
                }
            };
            // Covering a box hides more than covering a label.
            self.nodes.iter().map(|n| 2.0 * area(n.rect)).sum::<f32>()
                + placed.iter().map(|p| area(*p)).sum::<f32>()
        };
        let mut best: Option<(f32, Pos2)> = None;
        for shift in [0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0] {
            for t in [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75] {
                let at = from + direction * t + normal * (shift * step);
                let cost = covered(Rect::from_center_size(at, size));
                if cost <= 0.0 {
                    return at;
                }
                if best.is_none_or(|(least, _)| cost < least) {
                    best = Some((cost, at));
                }
            }
        }
        best.map_or(from + direction * 0.5, |(_, at)| at)
    }
}

/// Where the ray from `origin` (inside `rect`) towards `towards` leaves `rect`.
fn ray_exit(rect: Rect, origin: Pos2, towards: Pos2) -> Pos2 {
    let d = towards - origin;
    let mut t = f32::INFINITY;
    if d.x > f32::EPSILON {
        t = t.min((rect.right() - origin.x) / d.x);
    } else if d.x < -f32::EPSILON {
        t = t.min((rect.left() - origin.x) / d.x);
    }
    if d.y > f32::EPSILON {
        t = t.min((rect.bottom() - origin.y) / d.y);
    } else if d.y < -f32::EPSILON {
        t = t.min((rect.top() - origin.y) / d.y);
    }
    if t.is_finite() {
        origin + d * t.clamp(0.0, 1.0)
    } else {
        origin
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::document_io::seafood_example;

    #[test]
    fn seafood_labels_do_not_overlap_and_parallel_flows_are_apart() {
        let landscape = seafood_example().expect("present in the test");
        let scene = Scene::build(&landscape);
        let labels: Vec<Rect> = scene
            .edges
            .iter()
            .map(|e| Rect::from_center_size(e.label_at, e.label_size))
            .collect();
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(!a.intersects(*b), "labels overlap: {a:?} {b:?}");
            }
        }
        let f2 = scene
            .edges
            .iter()
            .find(|e| e.flow_id == "F2")
            .expect("present in the test");
        let f3 = scene
            .edges
            .iter()
            .find(|e| e.flow_id == "F3")
            .expect("present in the test");
        assert!(
            f2.from.distance(f3.from) > 10.0,
            "ERP→DWH flows drawn apart"
        );
        assert_eq!(f2.style, LineStyle::Batch);
        assert_eq!(f3.style, LineStyle::Stream);
        assert_eq!(f2.label, "stock · daily 01:00");
    }

    #[test]
    fn internal_jobs_are_a_badge_not_a_line() {
        let landscape = seafood_example().expect("present in the test");
        let scene = Scene::build(&landscape);
        assert!(scene.edges.iter().all(|e| e.flow_id != "F4"));
        let erp = &scene.nodes[scene
            .index_of(NodeKind::System, "ERP")
            .expect("present in the test")];
        assert_eq!(erp.badge.as_deref(), Some("⟳ 1 internal job"));
    }

    #[test]
    fn a_system_shows_how_many_monitors_watch_its_datasets() {
        let mut landscape = seafood_example().expect("present in the test");
        let before = landscape
            .monitors
            .iter()
            .filter(|m| m.dataset.starts_with("ERP."))
            .count();
        for (n, dataset) in ["ERP.stock", "ERP.orders"].iter().enumerate() {
            landscape.monitors.push(crate::model::Monitor {
                id: format!("m-test-{n}"),
                dataset: (*dataset).to_owned(),
                ..crate::model::Monitor::default()
            });
        }
        let scene = Scene::build(&landscape);
        let subtitle = |id: &str| {
            let index = scene.index_of(NodeKind::System, id).expect("present");
            scene.nodes[index].subtitle.clone()
        };
        assert_eq!(
            subtitle("ERP"),
            format!("ERP · 5 datasets · {} monitors", before + 2)
        );
        // A system no monitor watches says nothing about monitors.
        assert_eq!(subtitle("QMS"), "QMS · 1 dataset");
    }
}
