//! What `simulate` would refuse, found without simulating: every scenario of a landscape, as-is
//! and with each of its control sets, goes through the same conversion and compilation
//! (`from_landscape`, [`build_run`]) that `simulate` runs first. `check` reports these, so a
//! document `check` passes is one `simulate` runs, for every scenario and control set.
//!
//! Depends on `model` and the sibling `compile` and `from_landscape` files.

use crate::model::Landscape;

use super::compile::{build_run, control_names, find_scenario};
use super::from_landscape::from_landscape;

/// A scenario, or one of its control sets, that `simulate` refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The scenario's id.
    pub scenario: String,
    /// The control set, when the refusal is about one.
    pub control: Option<String>,
    /// Why, as `simulate` says it.
    pub message: String,
}

/// Every refusal `simulate` would give for the landscape's scenarios and control sets, in
/// document order.
pub fn refusals(landscape: &Landscape) -> Vec<Refusal> {
    let mut out = Vec::new();
    for scenario in &landscape.scenarios {
        let sid = scenario.id.as_str();
        let refuse = |control: Option<&str>, message: String| Refusal {
            scenario: sid.to_owned(),
            control: control.map(str::to_owned),
            message,
        };
        let doc = match from_landscape(landscape, sid) {
            Ok(doc) => doc,
            Err(e) => {
                out.push(refuse(None, e.0));
                continue;
            }
        };
        if let Err(e) = build_run(&doc, sid, None) {
            out.push(refuse(None, e.0));
            continue;
        }
        let names = find_scenario(&doc, sid).and_then(control_names);
        match names {
            Err(e) => out.push(refuse(None, e.0)),
            Ok(names) => {
                for name in names {
                    if let Err(e) = build_run(&doc, sid, Some(&name)) {
                        out.push(refuse(Some(&name), e.0));
                    }
                }
            }
        }
    }
    out
}
