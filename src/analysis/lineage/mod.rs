//! Lineage at dataset level: where a dataset's data comes from (upstream) and who depends on it
//! (downstream). One function, [`lineage`], builds the graph of datasets (grouped by system), the
//! flows between them, the processes depending on them, the monitors watching them and the teams
//! owning them, plus the traceability answer in words. The designer's lineage window and
//! `switchboard lineage` both show its result.
//!
//! A hop is one flow: dataset to dataset. Processes hang off the downstream datasets (and the
//! root), monitors and owner teams off every dataset shown.
//!
//! Depends on `model` only.

mod answer;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::Landscape;

/// What the lineage is rooted on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum LineageRoot {
    /// A dataset by full id (`SYSTEM.dataset`).
    Dataset(String),
    /// A system: all its datasets.
    System(String),
    /// A flow: its output dataset.
    Flow(String),
    /// A process: the datasets it depends on.
    Process(String),
}

/// Which way to follow the flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Where the data comes from.
    Upstream,
    /// Who depends on it.
    Downstream,
    /// Both ways.
    #[default]
    Both,
}

impl Direction {
    fn includes_upstream(self) -> bool {
        matches!(self, Self::Upstream | Self::Both)
    }

    fn includes_downstream(self) -> bool {
        matches!(self, Self::Downstream | Self::Both)
    }
}

/// How many flow hops to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Depth {
    /// At most this many flows away from the root.
    Hops(u32),
    /// The whole chain.
    #[default]
    All,
}

impl Depth {
    fn allows(self, hops: u32) -> bool {
        match self {
            Self::Hops(limit) => hops <= limit,
            Self::All => true,
        }
    }
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Dataset,
    Process,
    Monitor,
    Team,
}

impl NodeKind {
    /// `dataset`, `process`, `monitor` or `team`: the prefix of a node key.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dataset => "dataset",
            Self::Process => "process",
            Self::Monitor => "monitor",
            Self::Team => "team",
        }
    }
}

/// Where a node sits relative to the root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Root,
    Upstream,
    Downstream,
    /// Monitors and teams: attached to a dataset rather than on the chain.
    Beside,
}

/// One node of the lineage graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineageNode {
    /// `kind:id`, unique in the graph (`dataset:ERP.stock`, `process:P1`).
    pub key: String,
    pub kind: NodeKind,
    /// The model id (a full dataset id for datasets).
    pub id: String,
    /// The display name.
    pub label: String,
    /// The system holding a dataset (datasets are grouped by it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    pub side: Side,
    /// Flow hops from the root (0 for the root and for nodes beside it).
    pub hops: u32,
}

/// What an edge stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EdgeKind {
    /// A flow carrying data from one of its inputs to its output.
    Flow { flow: String, schedule: String },
    /// A process depends on a dataset (dataset → process).
    DependsOn,
    /// A monitor watches a dataset (monitor → dataset).
    Watches,
    /// A team owns a dataset (team → dataset).
    Owns,
}

/// One edge of the lineage graph, between node keys.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LineageEdge {
    pub from: String,
    pub to: String,
    #[serde(flatten)]
    pub kind: EdgeKind,
}

/// The lineage of a root: nodes sorted by key, edges sorted, and the answer in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineageGraph {
    pub root: LineageRoot,
    pub direction: Direction,
    pub depth: Depth,
    pub nodes: Vec<LineageNode>,
    pub edges: Vec<LineageEdge>,
    /// The traceability answer, one sentence per root dataset (after a heading sentence for a
    /// system, flow or process root).
    pub answer: Vec<String>,
}

impl LineageGraph {
    /// The node with this key.
    pub fn node(&self, key: &str) -> Option<&LineageNode> {
        self.nodes.iter().find(|n| n.key == key)
    }

    /// The ids of the nodes of `kind` on `side`, sorted.
    pub fn ids(&self, kind: NodeKind, side: Side) -> Vec<&str> {
        self.nodes
            .iter()
            .filter(|n| n.kind == kind && n.side == side)
            .map(|n| n.id.as_str())
            .collect()
    }
}

/// Why a lineage cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineageError {
    #[error("no {kind} `{id}` in the landscape; {hint}")]
    NotFound {
        kind: &'static str,
        id: String,
        hint: String,
    },
}

/// The key of a node: `kind:id`.
pub fn node_key(kind: NodeKind, id: &str) -> String {
    format!("{}:{id}", kind.as_str())
}

/// Builds the lineage of `root` following `direction` up to `depth` flow hops.
pub fn lineage(
    landscape: &Landscape,
    root: &LineageRoot,
    direction: Direction,
    depth: Depth,
) -> Result<LineageGraph, LineageError> {
    let seeds = seed_datasets(landscape, root)?;
    let mut builder = Builder::new(landscape);
    for seed in &seeds {
        builder.add_dataset(seed, Side::Root, 0);
    }
    if let LineageRoot::Process(id) = root {
        builder.add_process(id, Side::Root, 0);
    }
    if direction.includes_upstream() {
        builder.walk_upstream(&seeds, depth);
    }
    if direction.includes_downstream() {
        builder.walk_downstream(&seeds, depth);
    }
    builder.attach_monitors_and_teams();
    let mut graph = LineageGraph {
        root: root.clone(),
        direction,
        depth,
        nodes: builder.nodes.into_values().collect(),
        edges: builder.edges.into_iter().collect(),
        answer: Vec::new(),
    };
    graph.answer = answer::answer(landscape, &graph, &seeds);
    Ok(graph)
}

/// The datasets a root stands for, in document order.
fn seed_datasets(landscape: &Landscape, root: &LineageRoot) -> Result<Vec<String>, LineageError> {
    let not_found = |kind: &'static str, id: &str, hint: &str| LineageError::NotFound {
        kind,
        id: id.to_owned(),
        hint: hint.to_owned(),
    };
    match root {
        LineageRoot::Dataset(id) => {
            landscape
                .dataset(id)
                .map(|d| vec![d.full_id()])
                .ok_or_else(|| {
                    not_found(
                        "dataset",
                        id,
                        "write the full id SYSTEM.dataset, e.g. ERP.stock",
                    )
                })
        }
        LineageRoot::System(id) => landscape
            .system(id)
            .map(|s| {
                s.datasets
                    .iter()
                    .map(|d| crate::model::dataset_full_id(&s.id, &d.id))
                    .collect()
            })
            .ok_or_else(|| not_found("system", id, "check the system id")),
        LineageRoot::Flow(id) => landscape
            .flow(id)
            .map(|f| vec![f.output.clone()])
            .ok_or_else(|| not_found("flow", id, "check the flow id")),
        LineageRoot::Process(id) => landscape
            .process(id)
            .map(|p| p.dependencies.iter().map(|d| d.dataset.clone()).collect())
            .ok_or_else(|| not_found("process", id, "check the process id")),
    }
}

/// Collects nodes and edges without duplicates.
struct Builder<'a> {
    landscape: &'a Landscape,
    nodes: BTreeMap<String, LineageNode>,
    edges: BTreeSet<LineageEdge>,
}

impl<'a> Builder<'a> {
    fn new(landscape: &'a Landscape) -> Self {
        Self {
            landscape,
            nodes: BTreeMap::new(),
            edges: BTreeSet::new(),
        }
    }

    /// Adds a dataset node unless it is already there; returns whether it was new.
    fn add_dataset(&mut self, full_id: &str, side: Side, hops: u32) -> bool {
        let key = node_key(NodeKind::Dataset, full_id);
        if self.nodes.contains_key(&key) {
            return false;
        }
        let found = self.landscape.dataset(full_id);
        let label = found.map_or_else(
            || full_id.to_owned(),
            |d| non_empty(&d.dataset.name, full_id),
        );
        let system = found.map(|d| d.system.id.clone());
        self.nodes.insert(
            key.clone(),
            LineageNode {
                key,
                kind: NodeKind::Dataset,
                id: full_id.to_owned(),
                label,
                system,
                side,
                hops,
            },
        );
        true
    }

    fn add_process(&mut self, id: &str, side: Side, hops: u32) {
        let key = node_key(NodeKind::Process, id);
        let label = self
            .landscape
            .process(id)
            .map_or_else(|| id.to_owned(), |p| non_empty(&p.name, id));
        self.nodes.entry(key.clone()).or_insert(LineageNode {
            key,
            kind: NodeKind::Process,
            id: id.to_owned(),
            label,
            system: None,
            side,
            hops,
        });
    }

    fn add_beside(&mut self, kind: NodeKind, id: &str, label: String) -> String {
        let key = node_key(kind, id);
        self.nodes.entry(key.clone()).or_insert(LineageNode {
            key: key.clone(),
            kind,
            id: id.to_owned(),
            label,
            system: None,
            side: Side::Beside,
            hops: 0,
        });
        key
    }

    fn add_edge(&mut self, from: String, to: String, kind: EdgeKind) {
        self.edges.insert(LineageEdge { from, to, kind });
    }

    fn flow_edge(&mut self, flow: &crate::model::Flow, input: &str) {
        self.add_edge(
            node_key(NodeKind::Dataset, input),
            node_key(NodeKind::Dataset, &flow.output),
            EdgeKind::Flow {
                flow: flow.id.clone(),
                schedule: flow.schedule.label(),
            },
        );
    }

    /// Follows producers breadth first, so each dataset gets its shortest hop count.
    fn walk_upstream(&mut self, seeds: &[String], depth: Depth) {
        let mut frontier: Vec<String> = seeds.to_vec();
        let mut hops = 0;
        while !frontier.is_empty() && depth.allows(hops + 1) {
            hops += 1;
            let mut next = Vec::new();
            for dataset in &frontier {
                for flow in self.landscape.flows.iter().filter(|f| &f.output == dataset) {
                    for input in &flow.inputs {
                        if self.add_dataset(input, Side::Upstream, hops) {
                            next.push(input.clone());
                        }
                        self.flow_edge(flow, input);
                    }
                }
            }
            frontier = next;
        }
    }

    /// Follows consumers breadth first and attaches the processes of every downstream dataset.
    fn walk_downstream(&mut self, seeds: &[String], depth: Depth) {
        let mut frontier: Vec<String> = seeds.to_vec();
        let mut hops = 0;
        self.attach_processes(&frontier, 0);
        while !frontier.is_empty() && depth.allows(hops + 1) {
            hops += 1;
            let mut next = Vec::new();
            for dataset in &frontier {
                for flow in self
                    .landscape
                    .flows
                    .iter()
                    .filter(|f| f.inputs.contains(dataset))
                {
                    if self.add_dataset(&flow.output, Side::Downstream, hops) {
                        next.push(flow.output.clone());
                    }
                    self.flow_edge(flow, dataset);
                }
            }
            self.attach_processes(&next, hops);
            frontier = next;
        }
    }

    fn attach_processes(&mut self, datasets: &[String], hops: u32) {
        for process in &self.landscape.processes {
            for dependency in &process.dependencies {
                if datasets.contains(&dependency.dataset) {
                    self.add_process(&process.id, Side::Downstream, hops + 1);
                    self.add_edge(
                        node_key(NodeKind::Dataset, &dependency.dataset),
                        node_key(NodeKind::Process, &process.id),
                        EdgeKind::DependsOn,
                    );
                }
            }
        }
    }

    /// Monitors watching, and teams owning, the datasets shown.
    fn attach_monitors_and_teams(&mut self) {
        let datasets: Vec<String> = self
            .nodes
            .values()
            .filter(|n| n.kind == NodeKind::Dataset)
            .map(|n| n.id.clone())
            .collect();
        for dataset in &datasets {
            let dataset_key = node_key(NodeKind::Dataset, dataset);
            for monitor in self
                .landscape
                .monitors
                .iter()
                .filter(|m| &m.dataset == dataset)
            {
                let label = format!("{} ({})", monitor.id, monitor.check.kind_name());
                let key = self.add_beside(NodeKind::Monitor, &monitor.id, label);
                self.add_edge(key, dataset_key.clone(), EdgeKind::Watches);
            }
            if let Some(team) = dataset_owner(self.landscape, dataset) {
                let label = self
                    .landscape
                    .team(&team)
                    .map_or_else(|| team.clone(), |t| non_empty(&t.name, &team));
                let key = self.add_beside(NodeKind::Team, &team, label);
                self.add_edge(key, dataset_key, EdgeKind::Owns);
            }
        }
    }
}

/// The team owning a dataset: its own owner, else its system's.
pub fn dataset_owner(landscape: &Landscape, full_id: &str) -> Option<String> {
    let found = landscape.dataset(full_id)?;
    found
        .dataset
        .owner
        .clone()
        .or_else(|| found.system.owner.clone())
}

fn non_empty(name: &str, id: &str) -> String {
    if name.is_empty() {
        id.to_owned()
    } else {
        name.to_owned()
    }
}
