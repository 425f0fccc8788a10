//! Mermaid flowchart export (`exports.md` §5.1): `mermaid/landscape.mmd`, a picture of the whole
//! landscape that the Mermaid import reads back.
//!
//! One node per system, sorted by node id; one edge per flow and per system it reads from
//! (`Landscape::flow_source_systems`) to the system holding its output, sorted by (source node
//! id, target node id, label, flow id). An edge label is `<dataset>, <schedule text>` with the
//! output dataset's name (its id when the name is empty) and the schedule of §1.5.
//!
//! Warnings: `W30` a flow whose output or inputs do not resolve to systems is not drawn;
//! `W31` a cron schedule with no exact cron text (see `schedule_text`).
//!
//! Depends on `model`, `analysis::layout::dataset_holders` and
//! `export::{output, mermaid_text, schedule_text}`.

use std::fmt::Write as _;

use crate::analysis::layout::dataset_holders;
use crate::model::Landscape;

use super::mermaid_text::{escape_label, is_plain_label, node_ids};
use super::output::{Diagnostic, ExportFile, ExportOutput};
use super::schedule_text::schedule_text;

/// The path of the exported diagram below the output folder.
pub const MERMAID_PATH: &str = "mermaid/landscape.mmd";

/// Exports the landscape as `mermaid/landscape.mmd`. It never fails: flows that cannot be drawn
/// are reported as warnings.
pub fn export_mermaid(landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    let (text, warnings) = mermaid_text(landscape);
    Ok(ExportOutput {
        files: vec![ExportFile::text(MERMAID_PATH, text)],
        warnings,
    })
}

/// The diagram text and the warnings, sorted.
pub fn mermaid_text(landscape: &Landscape) -> (String, Vec<Diagnostic>) {
    let ids = node_ids(landscape);
    let holders = dataset_holders(landscape);
    let mut warnings = Vec::new();

    let mut nodes: Vec<(&str, String)> = landscape
        .systems
        .iter()
        .filter_map(|system| {
            let id = ids.get(&system.id)?;
            let label = if is_plain_label(&system.name) {
                format!("[{}]", system.name)
            } else {
                format!("[\"{}\"]", escape_label(&system.name))
            };
            Some((id.as_str(), label))
        })
        .collect();
    nodes.sort();
    nodes.dedup_by(|a, b| a.0 == b.0);

    let mut edges: Vec<(&str, &str, String, &str)> = Vec::new();
    for flow in &landscape.flows {
        let target_index = holders.get(flow.output.as_str()).copied();
        let target = target_index
            .and_then(|i| landscape.systems.get(i))
            .and_then(|system| ids.get(&system.id));
        let mut sources: Vec<&String> = flow
            .inputs
            .iter()
            .filter_map(|input| holders.get(input.as_str()))
            .filter_map(|&i| landscape.systems.get(i))
            .filter_map(|system| ids.get(&system.id))
            .collect();
        sources.sort();
        sources.dedup();
        let Some(target) = target.filter(|_| !sources.is_empty()) else {
            warnings.push(Diagnostic {
                code: "W30",
                flow: Some(flow.id.clone()),
                line: None,
                message: format!(
                    "flow {}: its inputs or its output do not resolve to systems; not drawn",
                    flow.id
                ),
            });
            continue;
        };
        let dataset = target_index
            .and_then(|i| landscape.systems.get(i))
            .and_then(|system| {
                let local = flow
                    .output
                    .strip_prefix(system.id.as_str())?
                    .strip_prefix('.')?;
                system.datasets.iter().find(|d| d.id == local)
            })
            .map_or(flow.output.as_str(), |d| {
                if d.name.is_empty() {
                    d.id.as_str()
                } else {
                    d.name.as_str()
                }
            });
        let schedule = schedule_text(&flow.schedule);
        if !schedule.exact {
            warnings.push(Diagnostic {
                code: "W31",
                flow: Some(flow.id.clone()),
                line: None,
                message: format!(
                    "flow {}: schedule \"{}\" has no exact cron text; the diagram shows \"{}\"",
                    flow.id,
                    flow.schedule.label(),
                    schedule.text
                ),
            });
        }
        let label = escape_label(&format!("{dataset}, {}", schedule.text));
        for source in sources {
            edges.push((source.as_str(), target.as_str(), label.clone(), &flow.id));
        }
    }
    edges.sort();

    let mut text = String::from("flowchart LR\n");
    for (id, label) in &nodes {
        let _ = writeln!(text, "    {id}{label}");
    }
    for (source, target, label, _) in &edges {
        let _ = writeln!(text, "    {source} -->|\"{label}\"| {target}");
    }
    warnings.sort();
    (text, warnings)
}
