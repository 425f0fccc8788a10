//! Mermaid flowchart import (`exports.md` §5.2): a new landscape from a `graph`/`flowchart`
//! diagram.
//!
//! What it creates, with stable and readable names:
//! - a **system** per node, in order of first appearance: id and `diagram_id` = the Mermaid id,
//!   name = the first label (the id without one), no owner;
//! - a **flow** per arrow, in order of appearance, with ids `F1`, `F2`, …. A label
//!   `<dataset>, <schedule>` (the rightmost split whose tail is a §1.5 schedule) gives the
//!   dataset and the schedule; any other label is the dataset, scheduled `every 60m`; without
//!   a label the dataset is `<source name> to <target name>`. Pattern `api_call`, no contract,
//!   no owner, 1 attempt, no DLQ, not buffered. Each defaulted flow is reported once (`I20`);
//! - for arrow `A --> B` carrying dataset *d*: the **output dataset** `B.<slug(d)>` (named *d*;
//!   `_2`, `_3`, … when B already holds that id) and the **input dataset**
//!   `A.<slug(d)>` as a source of record (named *d*; reused by every arrow from A with the same
//!   slug; `<slug>_source` when A produces a dataset of that id itself). Inputs are sources, so
//!   the imported lineage never has a cycle. `slug` is the `sanitise` of §1.3 with `-` as `_`,
//!   at most 64 characters, `data` when empty;
//! - positions from `analysis::auto_layout` (layered, wrapped and packed near 16:10, canvas box sizes).
//!
//! Depends on `model`, `analysis::auto_layout`, `export::{mermaid_text, schedule_text, output}`
//! and `import::{codes, mermaid_parse}`.

use std::collections::BTreeMap;

use crate::analysis::auto_layout::{LayoutOptions, auto_layout, canvas_bound_size};
use crate::export::Diagnostic;
use crate::export::mermaid_text::sanitise;
use crate::export::schedule_text::parse_schedule_text;
use crate::model::{Dataset, Flow, Landscape, Pattern, Schedule, System, dataset_full_id};

use super::codes;
use super::mermaid_parse::{ParsedEdge, parse_diagram};

/// The name of an imported landscape; the CLI replaces it with the file name.
pub const IMPORTED_NAME: &str = "Imported diagram";

/// The schedule of a flow whose label names none.
pub const DEFAULT_SCHEDULE: Schedule = Schedule::Every {
    every_minutes: 60,
    offset_minutes: 0,
};

/// Imports a Mermaid flowchart. Never panics; the diagnostics carry line numbers and are sorted
/// by line. Everything understood is kept, even when there are errors.
pub fn import_mermaid(text: &str) -> (Landscape, Vec<Diagnostic>) {
    let parsed = parse_diagram(text);
    let mut diagnostics = parsed.diagnostics;
    let mut landscape = Landscape {
        name: IMPORTED_NAME.to_owned(),
        ..Landscape::default()
    };
    let mut system_index = BTreeMap::new();
    for node in &parsed.nodes {
        system_index.insert(node.id.clone(), landscape.systems.len());
        landscape.systems.push(System {
            id: node.id.clone(),
            name: node
                .label
                .as_ref()
                .map_or_else(|| node.id.clone(), |(label, _)| label.clone()),
            diagram_id: Some(node.id.clone()),
            ..System::default()
        });
    }

    let mut dataset_ids = DatasetIds::default();
    let mut pending = Vec::with_capacity(parsed.edges.len());
    for (index, edge) in parsed.edges.iter().enumerate() {
        let (Some(&from), Some(&to)) = (system_index.get(&edge.from), system_index.get(&edge.to))
        else {
            continue;
        };
        let flow_id = format!("F{}", index + 1);
        let (dataset, schedule) = dataset_and_schedule(
            edge,
            &flow_id,
            &landscape.systems[from].name,
            &landscape.systems[to].name,
            &mut diagnostics,
        );
        let slug = slug(&dataset);
        let output_id = dataset_ids.output(&mut landscape, to, &slug, &dataset);
        let output = dataset_full_id(&landscape.systems[to].id, &output_id);
        pending.push((flow_id, from, slug, dataset, output, schedule));
    }

    for (flow_id, from, slug, dataset, output, schedule) in pending {
        let input_id = dataset_ids.source(&mut landscape, from, &slug, &dataset);
        let input = dataset_full_id(&landscape.systems[from].id, &input_id);
        landscape.flows.push(Flow {
            id: flow_id,
            name: dataset,
            inputs: vec![input],
            output,
            schedule,
            pattern: Pattern::ApiCall,
            ..Flow::default()
        });
    }

    let positions = auto_layout(&landscape, &LayoutOptions::default(), &canvas_bound_size);
    for system in &mut landscape.systems {
        if let Some(position) = positions.systems.get(&system.id) {
            system.position = *position;
        }
    }
    diagnostics.sort_by_key(|d| d.line);
    (landscape, diagnostics)
}

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
    let mut search_end = label.len();
    while let Some(pos) = label[..search_end].rfind(", ") {
        let (dataset, tail) = (&label[..pos], &label[pos + 2..]);
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
            None => search_end = pos,
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
