//! Copy, paste and duplicate: a [`Snippet`] holds copied systems (with their datasets) and the
//! flows among them; pasting adds them with fresh ids, shifted so they do not cover the
//! originals, as one step.
//!
//! Depends on `model` and the rest of `edit`.

use std::collections::BTreeMap;

use crate::model::system::DATASET_SEPARATOR;
use crate::model::{Flow, Landscape, Position, System, dataset_full_id};

use super::apply::Edit;
use super::compose::{Composed, Target};
use super::ids::{slug, unique_id};

/// How far a paste lands from what was copied, right and down, in canvas units.
pub const PASTE_OFFSET: f32 = 40.0;

/// Copied systems and the flows that run only among them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snippet {
    pub systems: Vec<System>,
    pub flows: Vec<Flow>,
}

impl Snippet {
    /// Whether nothing was copied.
    pub fn is_empty(&self) -> bool {
        self.systems.is_empty()
    }

    /// The selected systems of `landscape` and the flows whose ends all lie among them.
    pub fn copy(landscape: &Landscape, selection: &[Target]) -> Self {
        let systems: Vec<System> = selection
            .iter()
            .filter_map(|t| match t {
                Target::System(id) => landscape.system(id).cloned(),
                _ => None,
            })
            .collect();
        let inside = |full: &str| {
            let system = full.split(DATASET_SEPARATOR).next().unwrap_or_default();
            systems.iter().any(|s| s.id == system)
        };
        let flows = landscape
            .flows
            .iter()
            .filter(|f| inside(&f.output) && f.inputs.iter().all(|i| inside(i)))
            .cloned()
            .collect();
        Self { systems, flows }
    }

    /// The edits that add a copy of the snippet to `landscape` with fresh ids (slugs of the
    /// names), shifted by `offset`; the copies are selected.
    pub fn paste(&self, landscape: &Landscape, offset: Position) -> (Composed, Vec<Target>) {
        let mut taken_systems: Vec<String> =
            landscape.systems.iter().map(|s| s.id.clone()).collect();
        let mut renamed: BTreeMap<String, String> = BTreeMap::new();
        let mut edits = Vec::new();
        let mut pasted = Vec::new();
        for system in &self.systems {
            let name = format!("{} copy", system.name);
            let id = unique_id(&slug(&name), true, |id| {
                taken_systems.iter().any(|t| t == id)
            });
            taken_systems.push(id.clone());
            renamed.insert(system.id.clone(), id.clone());
            let position =
                Position::new(system.position.x + offset.x, system.position.y + offset.y);
            // Data that arrived from outside the copy has no producer in it: the copy holds it
            // as its own source.
            let mut datasets = system.datasets.clone();
            for dataset in &mut datasets {
                let full = dataset_full_id(&system.id, &dataset.id);
                let produced_inside = self.flows.iter().any(|f| f.output == full);
                if landscape.producer_of(&full).is_some() && !produced_inside {
                    dataset.source = true;
                }
            }
            edits.push(Edit::AddSystem(System {
                id: id.clone(),
                name,
                position,
                datasets,
                pinned: false,
                diagram_id: None,
                export_name: None,
                ..system.clone()
            }));
            pasted.push(Target::System(id));
        }
        let moved = |full: &str| -> String {
            match full.split_once(DATASET_SEPARATOR) {
                Some((system, dataset)) => {
                    let system = renamed.get(system).map_or(system, String::as_str);
                    dataset_full_id(system, dataset)
                }
                None => full.to_owned(),
            }
        };
        let mut taken_flows: Vec<String> = landscape.flows.iter().map(|f| f.id.clone()).collect();
        for flow in &self.flows {
            let id = unique_id(&format!("{}-copy", flow.id), true, |id| {
                taken_flows.iter().any(|t| t == id)
            });
            taken_flows.push(id.clone());
            edits.push(Edit::AddFlow(Flow {
                id,
                inputs: flow.inputs.iter().map(|i| moved(i)).collect(),
                output: moved(&flow.output),
                ..flow.clone()
            }));
        }
        let description = match self.systems.as_slice() {
            [only] => format!("paste {}", only.name),
            _ => format!("paste {} systems", self.systems.len()),
        };
        let composed = Composed {
            edits,
            description,
            select: None,
        };
        (composed, pasted)
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "tests fail loudly")]
mod tests {
    use super::*;
    use crate::edit::connect;

    #[test]
    fn pasting_twice_gives_fresh_ids_and_keeps_inner_flows() {
        let system = |id: &str, name: &str| System {
            id: id.to_owned(),
            name: name.to_owned(),
            ..System::default()
        };
        let mut landscape = Landscape {
            systems: vec![system("crm", "CRM"), system("erp", "ERP")],
            ..Landscape::default()
        };
        for edit in connect(&landscape, "crm", "erp", None).unwrap().edits {
            edit.apply(&mut landscape).unwrap();
        }
        let all = [Target::System("crm".into()), Target::System("erp".into())];
        let snippet = Snippet::copy(&landscape, &all);
        assert_eq!(snippet.flows.len(), 1);
        for round in 0..2 {
            let offset = Position::new(PASTE_OFFSET, PASTE_OFFSET);
            let (composed, pasted) = snippet.paste(&landscape, offset);
            for edit in &composed.edits {
                edit.apply(&mut landscape).unwrap();
            }
            assert_eq!(pasted.len(), 2, "round {round}");
        }
        assert_eq!(landscape.systems.len(), 6);
        assert_eq!(landscape.flows.len(), 3);
        assert!(landscape.system("crm-copy").is_some());
        assert!(landscape.system("crm-copy-1").is_some());
        let copy = landscape
            .flows
            .iter()
            .find(|f| f.id == "crm-data-to-erp-copy")
            .unwrap();
        assert_eq!(copy.output, "erp-copy.crm-data");
        assert!(
            crate::model::validate(&landscape)
                .iter()
                .all(|f| f.severity != crate::model::Severity::Error)
        );
    }
}
