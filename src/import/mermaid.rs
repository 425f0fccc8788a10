//! Mermaid flowchart import (`exports.md` §5.2): a new landscape from a `graph`/`flowchart`
//! diagram as people write it.
//!
//! What it creates, with stable and readable names:
//! - a **system** per node, in order of first appearance: id and `diagram_id` = the Mermaid id,
//!   name = the first label (the id without one), no owner; kind `database` for a cylinder
//!   `[( )]`, `circle` for `(( ))`, `rhombus` for `{ }`, `hexagon` for `{{ }}`; group = the
//!   path of the subgraph titles it is first mentioned in (`Outer.Inner`);
//! - a **business process** per stadium `([ ])` (owner `business`); a link from a system to it
//!   is a dependency on the system's dataset named by the label;
//! - a **flow** per link between systems (`-->`, `-.->`, `==>`, `---` read left to right, `<-->`
//!   as two flows), in order of appearance, with ids `F1`, `F2`, …. A label
//!   `<dataset>, <schedule>` or `<dataset> · <schedule>` (the rightmost split whose tail is a
//!   §1.5 schedule) gives the dataset and the schedule; any other label is the dataset, scheduled
//!   `every 60m`; without a label the dataset is `<source name> to <target name>`. Pattern
//!   `api_call`, no contract, no owner, 1 attempt, no DLQ, not buffered. Each defaulted flow is
//!   reported once (`I20`); invisible links, links to subgraphs and from processes are reported
//!   (`I22`) and skipped;
//! - for arrow `A --> B` carrying dataset *d*: the **output dataset** `B.<slug(d)>` (named *d*;
//!   `_2`, `_3`, … when B already holds that id) and the **input dataset**
//!   `A.<slug(d)>` as a source of record (named *d*; reused by every arrow from A with the same
//!   slug; `<slug>_source` when A produces a dataset of that id itself). Inputs are sources, so
//!   the imported lineage never has a cycle. `slug` is the `sanitise` of §1.3 with `-` as `_`,
//!   at most 64 characters, `data` when empty;
//! - positions from `analysis::auto_layout` (layered, wrapped and packed near 16:10, canvas box sizes).
//!
//! Depends on `model`, `analysis::auto_layout`, `export::output` and
//! `import::{build, mermaid_parse}` (which turns the diagram into a landscape).

use crate::analysis::auto_layout::{LayoutOptions, auto_layout, canvas_bound_size};
use crate::export::Diagnostic;
use crate::model::Landscape;

use super::build::build_landscape;
use super::mermaid_parse::parse_diagram;

/// Imports a Mermaid flowchart. Never panics; the diagnostics carry line numbers and are sorted
/// by line. Everything understood is kept, even when there are errors. Positions come from the
/// layered layout.
pub fn import_mermaid(text: &str) -> (Landscape, Vec<Diagnostic>) {
    let (mut landscape, diagnostics) = build_landscape(parse_diagram(text));
    place(&mut landscape);
    (landscape, diagnostics)
}

/// Positions from the layered layout.
pub fn place(landscape: &mut Landscape) {
    let positions = auto_layout(landscape, &LayoutOptions::default(), &canvas_bound_size);
    for system in &mut landscape.systems {
        if let Some(position) = positions.systems.get(&system.id) {
            system.position = *position;
        }
    }
    for process in &mut landscape.processes {
        if let Some(position) = positions.processes.get(&process.id) {
            process.position = *position;
        }
    }
}
