//! Structure rules: datasets nobody consumes, cycles of batch flows, and flows that carry one
//! dataset under different versions of the same contract.
//!
//! Depends on `model` and petgraph.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::algo::tarjan_scc;
use petgraph::graph::DiGraph;

use super::{codes, finding};
use crate::analysis::index::Index;
use crate::model::{Finding, Flow, Landscape, Severity};

/// Findings about the shape of the landscape.
pub(super) fn check(landscape: &Landscape) -> Vec<Finding> {
    let mut findings = unconsumed(landscape);
    findings.extend(batch_cycles(landscape));
    findings.extend(contract_mismatches(landscape));
    findings
}

fn unconsumed(landscape: &Landscape) -> Vec<Finding> {
    let mut used: BTreeSet<&str> = BTreeSet::new();
    used.extend(
        landscape
            .flows
            .iter()
            .flat_map(|f| f.inputs.iter().map(String::as_str)),
    );
    used.extend(
        landscape
            .processes
            .iter()
            .flat_map(|p| p.dependencies.iter().map(|d| d.dataset.as_str())),
    );
    used.extend(landscape.monitors.iter().map(|m| m.dataset.as_str()));
    let index = Index::new(landscape);
    landscape
        .datasets()
        .map(|d| d.full_id())
        .filter(|id| !used.contains(id.as_str()))
        .map(|id| {
            let produced = index
                .producer
                .get(id.as_str())
                .map(|f| format!(" Flow {} keeps producing it.", f.id))
                .unwrap_or_default();
            finding(
                Severity::Info,
                codes::DATASET_UNCONSUMED,
                "dataset",
                &id,
                format!(
                    "nothing in the model uses dataset {id}: no flow reads it, no process \
                     depends on it and no monitor watches it.{produced} Model the process or \
                     flow that needs it, or remove it (and its producer) if nobody does."
                ),
            )
        })
        .collect()
}

fn batch_cycles(landscape: &Landscape) -> Vec<Finding> {
    let mut graph: DiGraph<&str, ()> = DiGraph::new();
    let mut node_of = BTreeMap::new();
    let mut node = |graph: &mut DiGraph<&str, ()>, id: &str| {
        *node_of
            .entry(id.to_owned())
            .or_insert_with(|| graph.add_node(""))
    };
    let mut flows: Vec<&Flow> = landscape.flows.iter().collect();
    flows.sort_by(|a, b| a.id.cmp(&b.id));
    let mut dataset_of_node = BTreeMap::new();
    for flow in &flows {
        let to = node(&mut graph, &flow.output);
        dataset_of_node.insert(to, flow.output.as_str());
        for input in &flow.inputs {
            let from = node(&mut graph, input);
            dataset_of_node.insert(from, input.as_str());
            graph.add_edge(from, to, ());
        }
    }
    let mut findings = Vec::new();
    for component in tarjan_scc(&graph) {
        let is_cycle = match component.as_slice() {
            [single] => graph.contains_edge(*single, *single),
            _ => true,
        };
        if !is_cycle {
            continue;
        }
        let members: BTreeSet<&str> = component
            .iter()
            .filter_map(|n| dataset_of_node.get(n).copied())
            .collect();
        let cycle_flows: Vec<&Flow> = flows
            .iter()
            .copied()
            .filter(|f| {
                members.contains(f.output.as_str())
                    && f.inputs.iter().any(|i| members.contains(i.as_str()))
            })
            .collect();
        if cycle_flows.is_empty() || cycle_flows.iter().all(|f| f.is_stream()) {
            continue;
        }
        let ids: Vec<&str> = cycle_flows.iter().map(|f| f.id.as_str()).collect();
        let datasets: Vec<&str> = members.into_iter().collect();
        findings.push(finding(
            Severity::Warning,
            codes::BATCH_CYCLE,
            "flow",
            ids[0],
            format!(
                "flows {} feed each other in a circle through {}: every run carries the previous \
                 cycle's data, no dataset has a clear source of truth, and a failure keeps coming \
                 back around (the simulation refuses such a model). Break the circle: make one \
                 side read the system of record instead.",
                ids.join(", "),
                datasets.join(", ")
            ),
        ));
    }
    findings
}

fn contract_mismatches(landscape: &Landscape) -> Vec<Finding> {
    // dataset -> contract name -> version -> flows
    let mut usage: BTreeMap<&str, BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>>> = BTreeMap::new();
    for flow in &landscape.flows {
        let Some(contract) = flow.contract.as_deref().and_then(|c| landscape.contract(c)) else {
            continue;
        };
        let name = if contract.name.is_empty() {
            contract.id.as_str()
        } else {
            contract.name.as_str()
        };
        for dataset in flow.inputs.iter().chain(std::iter::once(&flow.output)) {
            usage
                .entry(dataset.as_str())
                .or_default()
                .entry(name)
                .or_default()
                .entry(contract.version.as_str())
                .or_default()
                .insert(flow.id.as_str());
        }
    }
    let mut findings = Vec::new();
    for (dataset, by_name) in usage {
        for (name, versions) in by_name {
            if versions.len() < 2 {
                continue;
            }
            let detail: Vec<String> = versions
                .iter()
                .map(|(version, flows)| {
                    let flows: Vec<&str> = flows.iter().copied().collect();
                    format!("{} uses {version}", flows.join(", "))
                })
                .collect();
            findings.push(finding(
                Severity::Warning,
                codes::CONTRACT_VERSION_MISMATCH,
                "dataset",
                dataset,
                format!(
                    "dataset {dataset} is carried under different versions of contract {name} \
                     ({}): a producer and a consumer disagree about the data's shape, which fails \
                     loudly at best and silently corrupts at worst. Move the flows to one \
                     version, or add a conversion step.",
                    detail.join("; ")
                ),
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::codes;
    use super::super::fixtures::{codes as lint_codes, daily, healthy, system};
    use crate::model::{Contract, Flow, Landscape, Schedule};

    #[test]
    fn used_datasets_raise_nothing() {
        assert!(lint_codes(&healthy()).is_empty());
    }

    #[test]
    fn dataset_nobody_consumes_is_reported() {
        let mut landscape = healthy();
        landscape.processes.clear();
        landscape.monitors.clear();
        assert_eq!(lint_codes(&landscape), [codes::DATASET_UNCONSUMED]);
        // A monitor alone counts as a use.
        let healthy_monitors = healthy().monitors;
        landscape.monitors = healthy_monitors;
        assert!(lint_codes(&landscape).is_empty());
    }

    fn circle(second: Schedule) -> Landscape {
        let mut landscape = healthy();
        landscape
            .systems
            .push(system("THIRD", "team-c", &[("back", false)]));
        landscape.monitors.clear();
        landscape.processes.clear();
        let first = landscape.flows[0].clone();
        // F1: SRC.data + THIRD.back -> DST.copy; F2: DST.copy -> THIRD.back.
        landscape.flows[0].inputs.push("THIRD.back".to_owned());
        landscape.flows.push(Flow {
            id: "F2".to_owned(),
            inputs: vec!["DST.copy".to_owned()],
            output: "THIRD.back".to_owned(),
            schedule: second,
            ..first
        });
        landscape
    }

    #[test]
    fn cycle_of_batch_flows_is_reported() {
        let landscape = circle(daily(120));
        assert_eq!(lint_codes(&landscape), [codes::BATCH_CYCLE]);
        let findings = crate::analysis::lint(&landscape);
        assert_eq!(findings[0].entity_id, "F1");
        assert!(findings[0].message.contains("F1, F2"));
    }

    #[test]
    fn a_batch_flow_reading_its_own_output_is_a_cycle() {
        let mut landscape = healthy();
        landscape.flows[0].inputs.push("DST.copy".to_owned());
        assert_eq!(lint_codes(&landscape), [codes::BATCH_CYCLE]);
    }

    #[test]
    fn a_chain_without_a_cycle_is_not_a_cycle() {
        let mut landscape = circle(daily(120));
        landscape.flows[0].inputs.pop();
        let codes_now = lint_codes(&landscape);
        assert!(!codes_now.contains(&codes::BATCH_CYCLE));
    }

    fn versioned(id: &str, version: &str) -> Contract {
        Contract {
            id: id.to_owned(),
            name: "stock".to_owned(),
            version: version.to_owned(),
            ..Contract::default()
        }
    }

    fn two_versions(second_contract: &str) -> Landscape {
        let mut landscape = healthy();
        landscape
            .systems
            .push(system("THIRD", "team-c", &[("stock", false)]));
        landscape.contracts = vec![
            versioned("stock-v2", "2.0.0"),
            versioned("stock-v3", "3.0.0"),
        ];
        landscape.flows[0].contract = Some("stock-v3".to_owned());
        let mut reader = landscape.flows[0].clone();
        reader.id = "F2".to_owned();
        reader.inputs = vec!["DST.copy".to_owned()];
        reader.output = "THIRD.stock".to_owned();
        reader.contract = Some(second_contract.to_owned());
        landscape.flows.push(reader);
        landscape.monitors.push(crate::model::Monitor {
            id: "M2".to_owned(),
            dataset: "THIRD.stock".to_owned(),
            ..crate::model::Monitor::default()
        });
        landscape
    }

    #[test]
    fn contract_version_mismatch_is_reported() {
        let landscape = two_versions("stock-v2");
        assert_eq!(lint_codes(&landscape), [codes::CONTRACT_VERSION_MISMATCH]);
        let findings = crate::analysis::lint(&landscape);
        assert_eq!(findings[0].entity_id, "DST.copy");
        assert!(findings[0].message.contains("F1 uses 3.0.0"));
    }

    #[test]
    fn one_contract_version_along_a_dataset_raises_nothing() {
        assert!(lint_codes(&two_versions("stock-v3")).is_empty());
    }
}
