//! `switchboard lineage FILE DATASET [--upstream|--downstream] [--depth N]
//! [--format human|json|mermaid]`: where a dataset comes from and who depends on it, from
//! `analysis::lineage` (the same graph the designer's lineage window draws).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;

use super::EXIT_OK;
use super::check::print_stdout;
use crate::analysis::lineage::{
    Depth, Direction, EdgeKind, LineageGraph, LineageNode, LineageRoot, NodeKind, Side, lineage,
};
use crate::model::Landscape;

/// Output format of `lineage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LineageFormat {
    /// The answer in words and the nodes by side.
    #[default]
    Human,
    /// The graph: root, nodes, edges and answer.
    Json,
    /// A Mermaid flowchart, datasets grouped by system.
    Mermaid,
}

/// Arguments of `lineage`.
#[derive(Debug, clap::Args)]
pub struct LineageArgs {
    /// The landscape file.
    pub file: PathBuf,
    /// The dataset's full id (`SYSTEM.dataset`); a flow, process or system id also works.
    pub dataset: String,
    /// Only where the data comes from.
    #[arg(long, conflicts_with = "downstream")]
    pub upstream: bool,
    /// Only who depends on it.
    #[arg(long)]
    pub downstream: bool,
    /// Follow at most this many flows (the whole chain when omitted).
    #[arg(long)]
    pub depth: Option<u32>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: LineageFormat,
}

/// Runs `lineage`.
pub fn run(args: &LineageArgs) -> Result<u8> {
    let landscape = super::input::load_landscape(&args.file)?;
    let direction = match (args.upstream, args.downstream) {
        (true, _) => Direction::Upstream,
        (false, true) => Direction::Downstream,
        (false, false) => Direction::Both,
    };
    let depth = args.depth.map_or(Depth::All, Depth::Hops);
    let root = resolve_root(&landscape, &args.dataset);
    let graph = lineage(&landscape, &root, direction, depth)?;
    let text = match args.format {
        LineageFormat::Json => serde_json::to_string_pretty(&graph)? + "\n",
        LineageFormat::Human => human(&graph),
        LineageFormat::Mermaid => mermaid(&graph),
    };
    print_stdout(&text)?;
    Ok(EXIT_OK)
}

/// A dataset when the id names one, else a flow, process or system of that id; an unknown id
/// stays a dataset so that the error says how to write one.
fn resolve_root(landscape: &Landscape, id: &str) -> LineageRoot {
    let id = id.to_owned();
    if landscape.dataset(&id).is_some() {
        LineageRoot::Dataset(id)
    } else if landscape.flow(&id).is_some() {
        LineageRoot::Flow(id)
    } else if landscape.process(&id).is_some() {
        LineageRoot::Process(id)
    } else if landscape.system(&id).is_some() {
        LineageRoot::System(id)
    } else {
        LineageRoot::Dataset(id)
    }
}

/// The answer, then the nodes by side.
fn human(graph: &LineageGraph) -> String {
    let mut text = String::new();
    for sentence in &graph.answer {
        let _ = writeln!(text, "{sentence}");
    }
    let sections = [
        ("Upstream datasets", NodeKind::Dataset, Side::Upstream),
        ("Downstream datasets", NodeKind::Dataset, Side::Downstream),
        ("Processes", NodeKind::Process, Side::Downstream),
        ("Monitors", NodeKind::Monitor, Side::Beside),
        ("Owner teams", NodeKind::Team, Side::Beside),
    ];
    for (title, kind, side) in sections {
        let nodes: Vec<&LineageNode> = graph
            .nodes
            .iter()
            .filter(|n| n.kind == kind && n.side == side)
            .collect();
        if nodes.is_empty() {
            continue;
        }
        let _ = writeln!(text, "\n{title}");
        for node in nodes {
            let hops = match node.hops {
                0 => String::new(),
                1 => "  (1 hop)".to_owned(),
                n => format!("  ({n} hops)"),
            };
            let _ = writeln!(text, "  {}  {}{hops}", node.id, node.label);
        }
    }
    text
}

/// A Mermaid flowchart: one subgraph per system holding its datasets, processes as stadiums,
/// monitors and teams as plain boxes.
fn mermaid(graph: &LineageGraph) -> String {
    let ids: BTreeMap<&str, String> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.key.as_str(), format!("n{i}")))
        .collect();
    let mut by_system: BTreeMap<&str, Vec<&LineageNode>> = BTreeMap::new();
    let mut text = "flowchart LR\n".to_owned();
    for node in &graph.nodes {
        match (&node.system, node.kind) {
            (Some(system), NodeKind::Dataset) => {
                by_system.entry(system.as_str()).or_default().push(node);
            }
            _ => {
                let _ = writeln!(text, "    {}", mermaid_node(&ids[node.key.as_str()], node));
            }
        }
    }
    for (i, (system, nodes)) in by_system.iter().enumerate() {
        let _ = writeln!(text, "    subgraph s{i}[\"{}\"]", escape(system));
        for node in nodes {
            let _ = writeln!(
                text,
                "        {}",
                mermaid_node(&ids[node.key.as_str()], node)
            );
        }
        let _ = writeln!(text, "    end");
    }
    for edge in &graph.edges {
        let (Some(from), Some(to)) = (ids.get(edge.from.as_str()), ids.get(edge.to.as_str()))
        else {
            continue;
        };
        let arrow = match &edge.kind {
            EdgeKind::Flow { flow, schedule } => {
                format!("-->|\"{}\"|", escape(&format!("{flow} · {schedule}")))
            }
            EdgeKind::DependsOn => "-.->".to_owned(),
            EdgeKind::Watches => "-.-|watches|".to_owned(),
            EdgeKind::Owns => "-.-|owns|".to_owned(),
        };
        let _ = writeln!(text, "    {from} {arrow} {to}");
    }
    text
}

fn mermaid_node(id: &str, node: &LineageNode) -> String {
    let label = escape(&match node.kind {
        NodeKind::Dataset => node.id.clone(),
        _ => node.label.clone(),
    });
    match node.kind {
        NodeKind::Dataset => format!("{id}[\"{label}\"]"),
        NodeKind::Process => format!("{id}([\"{label}\"])"),
        NodeKind::Monitor => format!("{id}{{{{\"{label}\"}}}}"),
        NodeKind::Team => format!("{id}>\"{label}\"]"),
    }
}

fn escape(text: &str) -> String {
    text.replace('"', "#quot;")
}
