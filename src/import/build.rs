//! Turns a read diagram (nodes, links, subgraphs: `mermaid_parse::ParsedDiagram`, which the
//! draw.io reader fills too) into a landscape, with stable and readable names:
//! - a **system** per node, in order of first appearance: id and `diagram_id` = the node id,
//!   name = the first label (the id without one), no owner; kind `database` for a cylinder,
//!   `circle`, `rhombus` or `hexagon` for those shapes; group = the node's group path;
//! - a **business process** per stadium (owner `business`); a link from a system to it is a
//!   dependency on the system's dataset named by the label;
//! - a **flow** per link between systems (links without a head read left to right, links with
//!   two heads as two flows), ids `F1`, `F2`, …; the label `<dataset>, <schedule>` or
//!   `<dataset> · <schedule>` gives dataset and schedule, otherwise `every 60m`;
//! - for arrow `A --> B` carrying dataset *d*: the output dataset `B.<slug(d)>` and the input
//!   dataset `A.<slug(d)>` as a source of record, so the imported lineage never has a cycle.
//!
//! Depends on `model`, `export::{mermaid_text, schedule_text, output}` and
//! `import::{codes, mermaid_lex, mermaid_parse}`.

use std::collections::{BTreeMap, BTreeSet};

use crate::export::Diagnostic;
use crate::export::mermaid_text::sanitise;
use crate::export::schedule_text::parse_schedule_text;
use crate::model::{
    Dataset, Dependency, Flow, Landscape, Pattern, Process, Schedule, System, dataset_full_id,
};

use super::codes;
use super::mermaid_lex::{Ends, Shape, Stroke};
use super::mermaid_parse::{ParsedDiagram, ParsedEdge, ParsedNode};
use super::schedule_label::parse_canvas_schedule;

/// The name of an imported landscape; the CLI replaces it with the file name.
pub const IMPORTED_NAME: &str = "Imported diagram";

/// The schedule of a flow whose label names none.
pub const DEFAULT_SCHEDULE: Schedule = Schedule::Every {
    every_minutes: 60,
    offset_minutes: 0,
};

/// The owner of an imported business process (the process names its business team).
pub const IMPORTED_PROCESS_OWNER: &str = "business";

/// Builds a landscape from a read diagram (Mermaid or draw.io): systems, processes, flows and
/// dependencies as the module doc says; every position is the origin. The diagnostics are
/// sorted by line.
pub fn build_landscape(parsed: ParsedDiagram) -> (Landscape, Vec<Diagnostic>) {
    let mut builder = Builder {
        landscape: Landscape {
            name: IMPORTED_NAME.to_owned(),
            ..Landscape::default()
        },
        diagnostics: parsed.diagnostics,
        ..Builder::default()
    };
    for node in &parsed.nodes {
        if !parsed.subgraphs.contains(&node.id) {
            builder.node(node);
        }
    }
    let mut pending = Vec::with_capacity(parsed.edges.len());
    for edge in &parsed.edges {
        builder.edge(edge, &parsed.subgraphs, &mut pending);
    }
    for (flow_id, from, slug, dataset, output, schedule) in pending {
        let input_id = builder
            .dataset_ids
            .source(&mut builder.landscape, from, &slug, &dataset);
        let input = dataset_full_id(&builder.landscape.systems[from].id, &input_id);
        builder.landscape.flows.push(Flow {
            id: flow_id,
            name: dataset,
            inputs: vec![input],
            output,
            schedule,
            pattern: Pattern::ApiCall,
            ..Flow::default()
        });
    }
    let Builder {
        landscape,
        mut diagnostics,
        ..
    } = builder;
    diagnostics.sort_by_key(|d| d.line);
    (landscape, diagnostics)
}

/// A flow waiting for its input dataset: (id, source system, slug, dataset name, output, schedule).
type PendingFlow = (String, usize, String, String, String, Schedule);

/// What a node became.
#[derive(Clone, Copy)]
enum Imported {
    System(usize),
    Process(usize),
}

#[derive(Default)]
struct Builder {
    landscape: Landscape,
    diagnostics: Vec<Diagnostic>,
    index: BTreeMap<String, Imported>,
    dataset_ids: DatasetIds,
    flow_count: usize,
}

impl Builder {
    /// A system per node (its kind from its shape), a business process per stadium.
    fn node(&mut self, node: &ParsedNode) {
        let name = node
            .label
            .as_ref()
            .map_or_else(|| node.id.clone(), |(label, _)| label.clone());
        if node.shape == Some(Shape::Stadium) {
            self.index.insert(
                node.id.clone(),
                Imported::Process(self.landscape.processes.len()),
            );
            self.landscape.processes.push(Process {
                id: node.id.clone(),
                name,
                owner: IMPORTED_PROCESS_OWNER.to_owned(),
                ..Process::default()
            });
            return;
        }
        self.index.insert(
            node.id.clone(),
            Imported::System(self.landscape.systems.len()),
        );
        self.landscape.systems.push(System {
            id: node.id.clone(),
            name,
            kind: shape_kind(node.shape).to_owned(),
            group: node.group.clone(),
            diagram_id: Some(node.id.clone()),
            ..System::default()
        });
    }

    fn edge(
        &mut self,
        edge: &ParsedEdge,
        subgraphs: &BTreeSet<String>,
        pending: &mut Vec<PendingFlow>,
    ) {
        let skipped = |why: &str| Diagnostic {
            code: codes::LINK_NOT_A_FLOW,
            flow: None,
            line: Some(edge.line),
            message: format!("link {} -> {}: {why}; not imported", edge.from, edge.to),
        };
        if edge.stroke == Stroke::Invisible {
            self.diagnostics
                .push(skipped("an invisible link (~~~) only places nodes"));
            return;
        }
        if subgraphs.contains(&edge.from) || subgraphs.contains(&edge.to) {
            self.diagnostics.push(skipped(
                "a link to or from a subgraph is not between two systems",
            ));
            return;
        }
        let (Some(&from), Some(&to)) = (self.index.get(&edge.from), self.index.get(&edge.to))
        else {
            return;
        };
        match edge.ends {
            Ends::Forward => {}
            Ends::Open => self.diagnostics.push(Diagnostic {
                code: codes::LINK_DIRECTION_READ,
                flow: None,
                line: Some(edge.line),
                message: format!(
                    "link {} --- {} has no arrow head; read as a flow from left to right",
                    edge.from, edge.to
                ),
            }),
            Ends::Both => self.diagnostics.push(Diagnostic {
                code: codes::LINK_DIRECTION_READ,
                flow: None,
                line: Some(edge.line),
                message: format!(
                    "link {} <--> {} has heads at both ends; read as two flows",
                    edge.from, edge.to
                ),
            }),
        }
        self.link(edge, from, to, pending);
        if edge.ends == Ends::Both {
            let reversed = ParsedEdge {
                from: edge.to.clone(),
                to: edge.from.clone(),
                ..edge.clone()
            };
            self.link(&reversed, to, from, pending);
        }
    }

    /// A flow between two systems, a dependency of a process on a system's dataset.
    fn link(
        &mut self,
        edge: &ParsedEdge,
        from: Imported,
        to: Imported,
        pending: &mut Vec<PendingFlow>,
    ) {
        match (from, to) {
            (Imported::System(from), Imported::System(to)) => {
                self.flow_count += 1;
                let flow_id = format!("F{}", self.flow_count);
                let (dataset, schedule) = dataset_and_schedule(
                    edge,
                    &flow_id,
                    &self.landscape.systems[from].name,
                    &self.landscape.systems[to].name,
                    &mut self.diagnostics,
                );
                let slug = slug(&dataset);
                let output_id = self
                    .dataset_ids
                    .output(&mut self.landscape, to, &slug, &dataset);
                let output = dataset_full_id(&self.landscape.systems[to].id, &output_id);
                pending.push((flow_id, from, slug, dataset, output, schedule));
            }
            (Imported::System(system), Imported::Process(process)) => {
                self.dependency(edge, system, process);
            }
            (Imported::Process(_), _) => self.diagnostics.push(Diagnostic {
                code: codes::LINK_NOT_A_FLOW,
                flow: None,
                line: Some(edge.line),
                message: format!(
                    "link {} -> {}: a business process (a stadium) sends no data; not imported",
                    edge.from, edge.to
                ),
            }),
        }
    }

    /// The process depends on the system's dataset named by the label (or after both ends).
    fn dependency(&mut self, edge: &ParsedEdge, system: usize, process: usize) {
        let name = edge.label.as_deref().map_or_else(
            || {
                format!(
                    "{} to {}",
                    self.landscape.systems[system].name, self.landscape.processes[process].name
                )
            },
            |label| {
                split_schedule(label)
                    .map_or(label, |(dataset, _)| dataset)
                    .to_owned()
            },
        );
        let slug = slug(&name);
        let id = self
            .dataset_ids
            .held_or_source(&mut self.landscape, system, &slug, &name);
        let dataset = dataset_full_id(&self.landscape.systems[system].id, &id);
        let dependencies = &mut self.landscape.processes[process].dependencies;
        if !dependencies.iter().any(|d| d.dataset == dataset) {
            dependencies.push(Dependency {
                dataset,
                ..Dependency::default()
            });
        }
    }
}

/// The system kind of a node shape: a cylinder is a database, a circle or rhombus a system of
/// that kind; other shapes say nothing.
fn shape_kind(shape: Option<Shape>) -> &'static str {
    match shape {
        Some(Shape::Cylinder) => "database",
        Some(Shape::Circle) => "circle",
        Some(Shape::Rhombus) => "rhombus",
        Some(Shape::Hexagon) => "hexagon",
        _ => "",
    }
}

/// The rightmost split of a label at `, ` or ` · ` whose tail parses as a schedule (maybe an
/// invalid one): (dataset, schedule text and its parse).
fn split_schedule(label: &str) -> Option<(&str, &str)> {
    let mut search_end = label.len();
    loop {
        let comma = label[..search_end].rfind(", ").map(|p| (p, 2));
        let dot = label[..search_end]
            .rfind(SCHEDULE_DOT)
            .map(|p| (p, SCHEDULE_DOT.len()));
        let (pos, width) = comma.into_iter().chain(dot).max_by_key(|(p, _)| *p)?;
        let tail = &label[pos + width..];
        if parse_schedule_text(tail).is_some() || parse_canvas_schedule(tail).is_some() {
            return Some((&label[..pos], tail));
        }
        search_end = pos;
    }
}

/// The separator the canvas and the SVG export write between a dataset and its schedule.
pub const SCHEDULE_DOT: &str = " · ";

/// The dataset and schedule of an arrow's label, reporting defaults and bad schedules.
fn dataset_and_schedule(
    edge: &ParsedEdge,
    flow_id: &str,
    from_name: &str,
    to_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, Schedule) {
    let defaulted = |what: &str, diagnostics: &mut Vec<Diagnostic>| {
        diagnostics.push(Diagnostic {
            code: codes::DEFAULTED_FLOW,
            flow: Some(flow_id.to_owned()),
            line: Some(edge.line),
            message: format!(
                "flow {flow_id} ({} -> {}): {what}; schedule every 60m, pattern api_call, no contract, no owner",
                edge.from, edge.to
            ),
        });
    };
    let Some(label) = &edge.label else {
        defaulted(
            "no label, so the dataset is named after its ends",
            diagnostics,
        );
        return (format!("{from_name} to {to_name}"), DEFAULT_SCHEDULE);
    };
    if let Some((dataset, tail)) = split_schedule(label) {
        if let Some(schedule) = parse_canvas_schedule(tail) {
            return (dataset.to_owned(), schedule);
        }
        match parse_schedule_text(tail) {
            Some(Ok(schedule)) => return (dataset.to_owned(), schedule),
            Some(Err(reason)) => {
                diagnostics.push(Diagnostic {
                    code: codes::BAD_SCHEDULE,
                    flow: Some(flow_id.to_owned()),
                    line: Some(edge.line),
                    message: format!(
                        "flow {flow_id} ({} -> {}): schedule \"{tail}\" is not valid ({reason}); using every 60m",
                        edge.from, edge.to
                    ),
                });
                return (dataset.to_owned(), DEFAULT_SCHEDULE);
            }
            None => {}
        }
    }
    defaulted("the label names no schedule", diagnostics);
    (label.clone(), DEFAULT_SCHEDULE)
}

/// A dataset id from a dataset name: `sanitise` with `_` for `-`, at most 64 characters.
fn slug(name: &str) -> String {
    let slug: String = sanitise(name)
        .chars()
        .map(|c| if c == '-' { '_' } else { c })
        .take(64)
        .collect();
    let slug = slug.trim_matches('_');
    if slug.is_empty() {
        "data".to_owned()
    } else {
        slug.to_owned()
    }
}

/// The dataset ids of every system, so that choosing a fresh id stays cheap on huge diagrams.
#[derive(Default)]
struct DatasetIds {
    /// (system index, dataset id) → whether the dataset is a source of record.
    held: BTreeMap<(usize, String), bool>,
    /// (system index, base id) → the next suffix to try.
    next_suffix: BTreeMap<(usize, String), usize>,
}

impl DatasetIds {
    /// Adds the output dataset `base` (or `base_2`, `base_3`, …) to a system; returns its id.
    fn output(
        &mut self,
        landscape: &mut Landscape,
        system: usize,
        base: &str,
        name: &str,
    ) -> String {
        let mut id = base.to_owned();
        if self.held.contains_key(&(system, id.clone())) {
            let next = self
                .next_suffix
                .entry((system, base.to_owned()))
                .or_insert(2);
            loop {
                id = format!("{base}_{next}");
                *next += 1;
                if !self.held.contains_key(&(system, id.clone())) {
                    break;
                }
            }
        }
        self.add(landscape, system, &id, name, false);
        id
    }

    /// The source dataset `base` of a system (`base_source` when the system produces `base`
    /// itself), created when missing; returns its id.
    fn source(
        &mut self,
        landscape: &mut Landscape,
        system: usize,
        base: &str,
        name: &str,
    ) -> String {
        let mut id = base.to_owned();
        loop {
            match self.held.get(&(system, id.clone())) {
                Some(true) => return id,
                Some(false) => id.push_str("_source"),
                None => break,
            }
        }
        self.add(landscape, system, &id, name, true);
        id
    }

    /// Any dataset `base` the system holds, else a new source dataset `base`; returns its id.
    fn held_or_source(
        &mut self,
        landscape: &mut Landscape,
        system: usize,
        base: &str,
        name: &str,
    ) -> String {
        if !self.held.contains_key(&(system, base.to_owned())) {
            self.add(landscape, system, base, name, true);
        }
        base.to_owned()
    }

    fn add(
        &mut self,
        landscape: &mut Landscape,
        system: usize,
        id: &str,
        name: &str,
        source: bool,
    ) {
        self.held.insert((system, id.to_owned()), source);
        if let Some(system) = landscape.systems.get_mut(system) {
            system.datasets.push(Dataset {
                id: id.to_owned(),
                name: name.to_owned(),
                source,
                ..Dataset::default()
            });
        }
    }
}
