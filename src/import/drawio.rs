//! draw.io import: a new landscape from a `.drawio` diagram (compressed or not), with the rules
//! of the Mermaid import (`import::build`) for names, datasets and schedules.
//!
//! - A **container** (a swimlane, a `container=1` shape, or any shape that holds other shapes)
//!   is a group; nested containers give a dotted path (`Outer.Inner`). Shapes grouped with
//!   draw.io's Group command (style `group`) are read as if ungrouped.
//! - Every other shape is a **system**, except a hexagon, which is a **business process**; a
//!   cylinder is a system of kind `database`, an ellipse `circle`, a rhombus `rhombus`. Its name
//!   is the first line of its label, its id the part after `system:` / `process:` of a cell id
//!   written by `export drawio`, else made from the name. The properties `kind` and `owner`
//!   (draw.io's Edit Data) set the kind and owner (a team of that id is added).
//! - An **edge** between two systems is a flow labelled `dataset · schedule` (or `, `); text
//!   shapes on an edge are part of its label; an edge into a process is a dependency. An edge
//!   not connected at both ends is skipped with a warning (`W24`).
//! - **Positions** are the shapes' absolute top-left corners (container offsets added).
//! - Free text shapes (`text;…`) are skipped (`I24`).
//!
//! Depends on `model`, `export::{drawio, output}` and `import::{build, codes, drawio_xml,
//! mermaid_lex, mermaid_parse}`.

use std::collections::{BTreeMap, BTreeSet};

use crate::export::Diagnostic;
use crate::export::drawio::{PROCESS_PREFIX, SYSTEM_PREFIX};
use crate::export::mermaid_text::sanitise;
use crate::model::{Landscape, Position, Team};

use super::build::build_landscape;
use super::codes;
use super::drawio_xml::{Cell, CellKind, label_lines, read_cells};
use super::mermaid_lex::{Ends, Shape, Stroke};
use super::mermaid_parse::{GROUP_SEPARATOR, ParsedDiagram, ParsedEdge, ParsedNode};

pub use super::drawio_xml::DrawioError;

/// Imports a draw.io diagram. Fails only when the file is not a readable draw.io diagram;
/// everything else is a diagnostic with the line of the cell (in the unpacked model).
pub fn import_drawio(text: &str) -> Result<(Landscape, Vec<Diagnostic>), DrawioError> {
    let cells = read_cells(text)?;
    let reader = Reader::new(&cells);
    let (parsed, positions) = reader.diagram();
    let (mut landscape, diagnostics) = build_landscape(parsed);
    for system in &mut landscape.systems {
        if let Some(node) = positions.get(&system.id) {
            system.position = node.position;
            if let Some(kind) = node.properties.get("kind") {
                kind.clone_into(&mut system.kind);
            }
            system.owner = node
                .properties
                .get("owner")
                .filter(|o| !o.is_empty())
                .cloned();
        }
    }
    for process in &mut landscape.processes {
        if let Some(node) = positions.get(&process.id) {
            process.position = node.position;
            if let Some(owner) = node.properties.get("owner").filter(|o| !o.is_empty()) {
                owner.clone_into(&mut process.owner);
            }
        }
    }
    add_owner_teams(&mut landscape);
    Ok((landscape, diagnostics))
}

/// A team for every system owner that names none.
fn add_owner_teams(landscape: &mut Landscape) {
    let owners: BTreeSet<String> = landscape
        .systems
        .iter()
        .filter_map(|s| s.owner.clone())
        .collect();
    for owner in owners {
        if landscape.team(&owner).is_none() {
            landscape.teams.push(Team {
                id: owner.clone(),
                name: owner,
                ..Team::default()
            });
        }
    }
}

/// Where a node is and the properties its cell carries.
struct Placed<'a> {
    position: Position,
    properties: &'a BTreeMap<String, String>,
}

/// What a vertex is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Node,
    Container,
    /// Draw.io's Group: transparent.
    Grouping,
    /// A label on an edge.
    EdgeLabel,
    Text,
}

struct Reader<'a> {
    cells: &'a [Cell],
    by_id: BTreeMap<&'a str, usize>,
    roles: Vec<Option<Role>>,
}

impl<'a> Reader<'a> {
    fn new(cells: &'a [Cell]) -> Self {
        let by_id: BTreeMap<&str, usize> = cells
            .iter()
            .enumerate()
            .map(|(index, cell)| (cell.id.as_str(), index))
            .collect();
        let has_vertex_children: BTreeSet<&str> = cells
            .iter()
            .filter(|c| c.kind == CellKind::Vertex)
            .filter_map(|c| c.parent.as_deref())
            .collect();
        let roles = cells
            .iter()
            .map(|cell| {
                if cell.kind != CellKind::Vertex {
                    return None;
                }
                let parent_kind = cell
                    .parent
                    .as_deref()
                    .and_then(|p| by_id.get(p))
                    .map(|&i| cells[i].kind);
                Some(if parent_kind == Some(CellKind::Edge) {
                    Role::EdgeLabel
                } else if cell.style_has("group") {
                    Role::Grouping
                } else if cell.style_has("swimlane")
                    || cell.style_has("container")
                    || has_vertex_children.contains(cell.id.as_str())
                {
                    Role::Container
                } else if cell.style_has("text") {
                    Role::Text
                } else {
                    Role::Node
                })
            })
            .collect();
        Self {
            cells,
            by_id,
            roles,
        }
    }

    fn parent_of(&self, cell: &Cell) -> Option<usize> {
        cell.parent
            .as_deref()
            .and_then(|p| self.by_id.get(p).copied())
    }

    /// The absolute top-left corner and the group path of a vertex.
    fn place(&self, index: usize) -> (Position, Option<String>) {
        let (mut x, mut y) = (0.0_f64, 0.0_f64);
        let mut titles = Vec::new();
        let mut current = Some(index);
        for _ in 0..=self.cells.len() {
            let Some(at) = current else {
                break;
            };
            let cell = &self.cells[at];
            if cell.kind != CellKind::Vertex {
                break;
            }
            if let Some([cx, cy, _, _]) = cell.geometry {
                x += cx;
                y += cy;
            }
            if at != index && self.roles[at] == Some(Role::Container) {
                let title = label_lines(&cell.label, cell.style_has("html")).join(" ");
                titles.push(if title.is_empty() {
                    cell.id.clone()
                } else {
                    title
                });
            }
            current = self.parent_of(cell);
        }
        titles.reverse();
        let group = (!titles.is_empty()).then(|| titles.join(GROUP_SEPARATOR));
        (Position::new(x as f32, y as f32), group)
    }

    fn diagram(&self) -> (ParsedDiagram, BTreeMap<String, Placed<'a>>) {
        let mut parsed = ParsedDiagram::default();
        let mut node_ids: BTreeMap<&str, String> = BTreeMap::new();
        let mut used = BTreeSet::new();
        let mut placed = BTreeMap::new();
        for (index, cell) in self.cells.iter().enumerate() {
            match self.roles[index] {
                Some(Role::Node) => {}
                Some(Role::Container) => {
                    parsed.subgraphs.insert(format!("\u{0}{}", cell.id));
                    node_ids.insert(cell.id.as_str(), format!("\u{0}{}", cell.id));
                    continue;
                }
                Some(Role::Text) => {
                    parsed.diagnostics.push(Diagnostic {
                        code: codes::DRAWIO_SKIPPED,
                        flow: None,
                        line: Some(cell.line),
                        message: format!("text shape {} is a note, not a system; skipped", cell.id),
                    });
                    continue;
                }
                _ => continue,
            }
            let lines = label_lines(&cell.label, cell.style_has("html"));
            let (id, shape) = node_identity(cell, lines.first().map(String::as_str), &mut used);
            let (position, group) = self.place(index);
            placed.insert(
                id.clone(),
                Placed {
                    position,
                    properties: &cell.properties,
                },
            );
            node_ids.insert(cell.id.as_str(), id.clone());
            parsed.nodes.push(ParsedNode {
                id,
                label: lines.first().map(|name| (name.clone(), cell.line)),
                shape: Some(shape),
                group,
                line: cell.line,
            });
        }
        self.edges(&mut parsed, &node_ids);
        (parsed, placed)
    }

    fn edges(&self, parsed: &mut ParsedDiagram, node_ids: &BTreeMap<&str, String>) {
        let mut extra_labels: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (index, cell) in self.cells.iter().enumerate() {
            if self.roles[index] == Some(Role::EdgeLabel) {
                if let Some(edge) = cell.parent.as_deref() {
                    let text = label_lines(&cell.label, cell.style_has("html")).join(" ");
                    extra_labels.entry(edge).or_default().push(text);
                }
            }
        }
        for cell in self.cells.iter().filter(|c| c.kind == CellKind::Edge) {
            let end = |id: &Option<String>| id.as_deref().and_then(|i| node_ids.get(i)).cloned();
            let (Some(from), Some(to)) = (end(&cell.source), end(&cell.target)) else {
                parsed.diagnostics.push(Diagnostic {
                    code: codes::DRAWIO_DANGLING_EDGE,
                    flow: None,
                    line: Some(cell.line),
                    message: format!(
                        "edge {} is not connected to a shape at both ends; connect it in draw.io (drag its ends onto the boxes); skipped",
                        cell.id
                    ),
                });
                continue;
            };
            let mut texts = label_lines(&cell.label, cell.style_has("html"));
            texts.extend(extra_labels.remove(cell.id.as_str()).unwrap_or_default());
            let label = texts.join(" ");
            parsed.edges.push(ParsedEdge {
                from,
                to,
                label: (!label.is_empty()).then_some(label),
                line: cell.line,
                stroke: if cell.style_has("dashed") {
                    Stroke::Dotted
                } else {
                    Stroke::Normal
                },
                ends: edge_ends(cell),
            });
        }
    }
}

/// Which ends of an edge carry an arrow head (draw.io: an end arrow unless `endArrow=none`).
fn edge_ends(cell: &Cell) -> Ends {
    let end = cell.style_value("endArrow").is_none_or(|v| v != "none");
    let start = cell.style_value("startArrow").is_some_and(|v| v != "none");
    match (start, end) {
        (true, true) => Ends::Both,
        (false, true) => Ends::Forward,
        _ => Ends::Open,
    }
}

/// The node id and shape of a vertex.
fn node_identity(cell: &Cell, name: Option<&str>, used: &mut BTreeSet<String>) -> (String, Shape) {
    let shape_name = cell.style_value("shape").unwrap_or("");
    let mut shape = if cell.style_has("ellipse") || shape_name == "ellipse" {
        Shape::Circle
    } else if cell.style_has("rhombus") || shape_name == "rhombus" {
        Shape::Rhombus
    } else if shape_name.starts_with("cylinder") || shape_name == "datastore" {
        Shape::Cylinder
    } else {
        Shape::Rectangle
    };
    if shape_name == "hexagon" || cell.style_has("hexagon") {
        shape = Shape::Stadium;
    }
    let base = if let Some(id) = cell.id.strip_prefix(SYSTEM_PREFIX) {
        id.to_owned()
    } else if let Some(id) = cell.id.strip_prefix(PROCESS_PREFIX) {
        shape = Shape::Stadium;
        id.to_owned()
    } else {
        let made = sanitise(name.unwrap_or(&cell.id))
            .replace('-', "_")
            .to_uppercase();
        let made = made.trim_matches('_').to_owned();
        if made.is_empty() {
            "NODE".to_owned()
        } else {
            made
        }
    };
    let mut id = base.clone();
    let mut suffix = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}_{suffix}");
        suffix += 1;
    }
    (id, shape)
}
