//! What `simulate` would refuse, found without simulating: every scenario of a landscape, as-is
//! and with each of its control sets, goes through the same checks and compilation as a run of
//! the front door ([`super::front::preflight_scenario`]). `check` reports these, so a document
//! `check` passes is one `simulate` runs, for every scenario and control set.
//!
//! Depends on `model` and the sibling `front`.

use crate::model::Landscape;

use super::front::{Compiled, preflight_scenario};

/// A scenario, or one of its control sets, that `simulate` refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The scenario's id (empty when the landscape itself cannot be compiled).
    pub scenario: String,
    /// The control set, when the refusal is about one.
    pub control: Option<String>,
    /// Why, as `simulate` says it.
    pub message: String,
}

/// Every refusal `simulate` would give for the landscape's scenarios and control sets, in
/// document order.
pub fn refusals(landscape: &Landscape) -> Vec<Refusal> {
    if landscape.scenarios.is_empty() {
        return Vec::new();
    }
    let compiled = match Compiled::new(landscape) {
        Ok(compiled) => compiled,
        Err(e) => {
            return vec![Refusal {
                scenario: String::new(),
                control: None,
                message: e.0,
            }];
        }
    };
    let mut out = Vec::new();
    for scenario in &landscape.scenarios {
        let refuse = |control: Option<&str>, message: String| Refusal {
            scenario: scenario.id.clone(),
            control: control.map(str::to_owned),
            message,
        };
        if let Err(e) = preflight_scenario(&compiled, scenario, None) {
            out.push(refuse(None, e.0));
            continue;
        }
        for control in &scenario.controls {
            if let Err(e) = preflight_scenario(&compiled, scenario, Some(&control.name)) {
                out.push(refuse(Some(&control.name), e.0));
            }
        }
    }
    out
}
