//! Lookups shared by the analyses, built once per landscape so that metrics and lint stay
//! linear-logarithmic on large landscapes (the model's own lookups scan lists).
//!
//! Depends on `model` only.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Flow, Landscape};

/// Dataset and flow lookups by id.
#[derive(Debug, Clone, Default)]
pub struct Index<'a> {
    /// The system holding each dataset, by full dataset id.
    pub system_of: BTreeMap<String, &'a str>,
    /// The flow writing each dataset (the first in document order).
    pub producer: BTreeMap<&'a str, &'a Flow>,
    /// Full ids of the source datasets.
    pub sources: BTreeSet<String>,
}

impl<'a> Index<'a> {
    /// Builds the lookups.
    pub fn new(landscape: &'a Landscape) -> Self {
        let mut index = Self::default();
        for dataset in landscape.datasets() {
            let id = dataset.full_id();
            if dataset.dataset.source {
                index.sources.insert(id.clone());
            }
            index
                .system_of
                .entry(id)
                .or_insert(dataset.system.id.as_str());
        }
        for flow in &landscape.flows {
            index.producer.entry(flow.output.as_str()).or_insert(flow);
        }
        index
    }

    /// The systems a flow reads from (sorted, without duplicates).
    pub fn source_systems(&self, flow: &Flow) -> BTreeSet<&'a str> {
        flow.inputs
            .iter()
            .filter_map(|input| self.system_of.get(input).copied())
            .collect()
    }

    /// The system a flow writes to.
    pub fn target_system(&self, flow: &Flow) -> Option<&'a str> {
        self.system_of.get(&flow.output).copied()
    }

    /// The distinct unordered pairs of different systems connected by the given flows (the
    /// same as `model::graph::connected_pairs` when given every flow).
    pub fn connected_pairs(
        &self,
        flows: impl IntoIterator<Item = &'a Flow>,
    ) -> BTreeSet<(&'a str, &'a str)> {
        let mut pairs = BTreeSet::new();
        for flow in flows {
            let Some(target) = self.target_system(flow) else {
                continue;
            };
            for source in self.source_systems(flow) {
                if source != target {
                    pairs.insert(if source < target {
                        (source, target)
                    } else {
                        (target, source)
                    });
                }
            }
        }
        pairs
    }
}
