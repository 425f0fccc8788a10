//! The traceability answer in words: where each root dataset comes from (the flow writing it,
//! its schedule, owner and contract), how many processes depend on it downstream, and which
//! monitors watch it. Read off the graph, so the words never disagree with the drawing.

use std::collections::{BTreeSet, VecDeque};

use super::{EdgeKind, LineageGraph, LineageRoot, NodeKind, node_key};
use crate::model::{Flow, Landscape};

/// The sentences of the answer: a heading for a system, flow or process root, then one per
/// root dataset.
pub(super) fn answer(landscape: &Landscape, graph: &LineageGraph, seeds: &[String]) -> Vec<String> {
    let mut sentences = Vec::new();
    if let Some(heading) = heading(landscape, &graph.root, seeds) {
        sentences.push(heading);
    }
    for seed in seeds {
        let mut clauses = Vec::new();
        if graph.direction.includes_upstream() {
            clauses.push(origin(landscape, seed));
        }
        if graph.direction.includes_downstream() {
            clauses.push(dependants(graph, seed));
        }
        clauses.push(watchers(graph, seed));
        sentences.push(format!("{}.", clauses.join("; ")));
    }
    sentences
}

fn heading(landscape: &Landscape, root: &LineageRoot, seeds: &[String]) -> Option<String> {
    let list = seeds.join(", ");
    match root {
        LineageRoot::Dataset(_) => None,
        LineageRoot::System(id) => Some(match seeds.len() {
            0 => format!("System {id} holds no dataset."),
            1 => format!("System {id} holds 1 dataset: {list}."),
            n => format!("System {id} holds {n} datasets: {list}."),
        }),
        LineageRoot::Flow(id) => {
            let inputs = landscape
                .flow(id)
                .map(|f| f.inputs.join(", "))
                .unwrap_or_default();
            Some(format!("Flow {id} writes {list} from {inputs}."))
        }
        LineageRoot::Process(id) => Some(if seeds.is_empty() {
            format!("Process {id} depends on no dataset.")
        } else {
            format!("Process {id} depends on {list}.")
        }),
    }
}

/// `ERP.stock comes from WMS.stock via F1 (daily 23:00, owner team-wms, contract stock_csv
/// 3.0.0)`, or why nothing feeds it.
fn origin(landscape: &Landscape, dataset: &str) -> String {
    let producers: Vec<&Flow> = landscape
        .flows
        .iter()
        .filter(|f| f.output == dataset)
        .collect();
    if producers.is_empty() {
        let is_source = landscape.dataset(dataset).is_some_and(|d| d.dataset.source);
        return if is_source {
            format!("{dataset} is a source: no flow writes it")
        } else {
            format!("no flow writes {dataset}")
        };
    }
    let via: Vec<String> = producers
        .iter()
        .map(|flow| {
            format!(
                "{} via {} ({})",
                and_list(&flow.inputs),
                flow.id,
                flow_facts(landscape, flow)
            )
        })
        .collect();
    format!("{dataset} comes from {}", via.join(" and from "))
}

/// `daily 23:00, owner team-wms, contract stock_csv 3.0.0`.
fn flow_facts(landscape: &Landscape, flow: &Flow) -> String {
    let owner = flow
        .owner
        .as_ref()
        .map_or_else(|| "no owner".to_owned(), |o| format!("owner {o}"));
    let contract = match flow.contract.as_deref() {
        None => "no contract".to_owned(),
        Some(id) => match landscape.contract(id) {
            Some(c) if !c.version.is_empty() => format!("contract {id} {}", c.version),
            _ => format!("contract {id}"),
        },
    };
    format!("{}, {owner}, {contract}", flow.schedule.label())
}

/// `4 processes depend on it downstream (P1, P2, P3, P4)`.
fn dependants(graph: &LineageGraph, dataset: &str) -> String {
    let processes = downstream_processes(graph, dataset);
    let within = match graph.depth {
        super::Depth::Hops(n) => format!(" within {n} hop{}", plural(n as usize)),
        super::Depth::All => String::new(),
    };
    let ids: Vec<&str> = processes.iter().map(String::as_str).collect();
    match ids.len() {
        0 => format!("no process depends on it downstream{within}"),
        1 => format!("1 process depends on it downstream{within} ({})", ids[0]),
        n => format!(
            "{n} processes depend on it downstream{within} ({})",
            ids.join(", ")
        ),
    }
}

/// The processes reachable from `dataset` along the graph's flow and dependency edges.
pub(super) fn downstream_processes(graph: &LineageGraph, dataset: &str) -> BTreeSet<String> {
    let start = node_key(NodeKind::Dataset, dataset);
    let mut seen = BTreeSet::from([start.clone()]);
    let mut queue = VecDeque::from([start]);
    let mut processes = BTreeSet::new();
    while let Some(key) = queue.pop_front() {
        for edge in graph.edges.iter().filter(|e| e.from == key) {
            match edge.kind {
                EdgeKind::Flow { .. } if seen.insert(edge.to.clone()) => {
                    queue.push_back(edge.to.clone());
                }
                EdgeKind::DependsOn => {
                    if let Some(node) = graph.node(&edge.to) {
                        processes.insert(node.id.clone());
                    }
                }
                _ => {}
            }
        }
    }
    processes
}

/// `no monitor watches it`, `monitor M1 (freshness) watches it`.
fn watchers(graph: &LineageGraph, dataset: &str) -> String {
    let key = node_key(NodeKind::Dataset, dataset);
    let monitors: Vec<&str> = graph
        .edges
        .iter()
        .filter(|e| e.to == key && e.kind == EdgeKind::Watches)
        .filter_map(|e| graph.node(&e.from))
        .map(|n| n.label.as_str())
        .collect();
    match monitors.len() {
        0 => "no monitor watches it".to_owned(),
        1 => format!("monitor {} watches it", monitors[0]),
        _ => format!("monitors {} watch it", monitors.join(", ")),
    }
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => "nothing".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
