//! Edits composed from one user gesture, so that they can be tested without a window: connecting
//! two systems with a flow that carries data, and deleting a selection of items.
//!
//! Depends on `model` and the rest of `edit`.

use crate::model::{Dataset, Flow, Landscape, dataset_full_id};

use super::apply::{Edit, EditError};
use super::ids::{slug, unique_id};

/// One item of the landscape a gesture names (a selection entry).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    System(String),
    Flow(String),
    Process(String),
    Team(String),
    Contract(String),
    Scenario(String),
}

impl Target {
    /// Whether the item still exists in the landscape.
    pub fn exists_in(&self, landscape: &Landscape) -> bool {
        match self {
            Self::System(id) => landscape.system(id).is_some(),
            Self::Flow(id) => landscape.flow(id).is_some(),
            Self::Process(id) => landscape.process(id).is_some(),
            Self::Team(id) => landscape.team(id).is_some(),
            Self::Contract(id) => landscape.contract(id).is_some(),
            Self::Scenario(id) => landscape.scenario(id).is_some(),
        }
    }
}

/// The edits of one gesture, its undo label and the item to select afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    pub edits: Vec<Edit>,
    pub description: String,
    pub select: Option<Target>,
}

/// The datasets a flow leaving `system_id` can carry, as full ids: the system's own datasets,
/// then the ones arriving at it (outputs of flows into it), each once, most recent arrival first.
pub fn carried_options(landscape: &Landscape, system_id: &str) -> Vec<String> {
    let Some(system) = landscape.system(system_id) else {
        return Vec::new();
    };
    let mut options: Vec<String> = Vec::new();
    if let Some(received) = most_recent_arrival(landscape, system_id) {
        options.push(received);
    }
    for dataset in &system.datasets {
        let full = dataset_full_id(system_id, &dataset.id);
        if !options.contains(&full) {
            options.push(full);
        }
    }
    options
}

/// The dataset `system_id` received most recently: the output of the last flow into it.
fn most_recent_arrival(landscape: &Landscape, system_id: &str) -> Option<String> {
    landscape
        .flows
        .iter()
        .rev()
        .find(|f| landscape.flow_target_system(f) == Some(system_id))
        .map(|f| f.output.clone())
}

/// The dataset a new flow from `system_id` carries by default: the one it received most
/// recently (chaining), else its first source dataset, else its first dataset.
pub fn default_carried(landscape: &Landscape, system_id: &str) -> Option<String> {
    let system = landscape.system(system_id)?;
    most_recent_arrival(landscape, system_id)
        .or_else(|| {
            let source = system.datasets.iter().find(|d| d.source);
            source.map(|d| dataset_full_id(system_id, &d.id))
        })
        .or_else(|| {
            let first = system.datasets.first();
            first.map(|d| dataset_full_id(system_id, &d.id))
        })
}

/// Connects `from` to `to` with a new flow carrying `carried` (a full dataset id held by
/// `from`), or the default of [`default_carried`]; when `from` holds no data, a new source
/// dataset is made on it. The copy on `to` is named "<name> (<to name> copy)" and the flow
/// "<dataset name> to <to name>".
pub fn connect(
    landscape: &Landscape,
    from: &str,
    to: &str,
    carried: Option<&str>,
) -> Result<Composed, EditError> {
    let missing = |id: &str| EditError::Missing {
        kind: "system",
        id: id.to_owned(),
    };
    let source = landscape.system(from).ok_or_else(|| missing(from))?;
    let target = landscape.system(to).ok_or_else(|| missing(to))?;
    let mut edits = Vec::new();
    let carried = carried
        .map(str::to_owned)
        .or_else(|| default_carried(landscape, from));
    let found = carried.as_deref().and_then(|id| landscape.dataset(id));
    let (input, carried_name) = if let Some(found) = found {
        (found.full_id(), found.dataset.name.clone())
    } else {
        {
            let name = format!("{} data", source.name);
            let id = unique_id(&slug(&name), true, |id| {
                source.datasets.iter().any(|d| d.id == id)
            });
            edits.push(Edit::AddDataset {
                system_id: from.to_owned(),
                dataset: new_dataset(&id, &name, true),
            });
            (dataset_full_id(from, &id), name)
        }
    };
    let base_name = strip_copy_suffix(&carried_name);
    let copy_name = format!("{base_name} ({} copy)", target.name);
    let copy_id = unique_id(&slug(base_name), true, |id| {
        target.datasets.iter().any(|d| d.id == id)
    });
    edits.push(Edit::AddDataset {
        system_id: to.to_owned(),
        dataset: new_dataset(&copy_id, &copy_name, false),
    });
    let flow_name = format!("{base_name} to {}", target.name);
    let flow_id = unique_id(&slug(&flow_name), true, |id| landscape.flow(id).is_some());
    edits.push(Edit::AddFlow(Flow {
        id: flow_id.clone(),
        name: flow_name,
        inputs: vec![input],
        output: dataset_full_id(to, &copy_id),
        ..Flow::default()
    }));
    Ok(Composed {
        edits,
        description: format!("connect {} to {}", source.name, target.name),
        select: Some(Target::Flow(flow_id)),
    })
}

/// "Orders (ERP copy)" → "Orders": a copy of a copy is named after the original.
fn strip_copy_suffix(name: &str) -> &str {
    match name.rfind(" (") {
        Some(at) if name.ends_with(" copy)") => &name[..at],
        _ => name,
    }
}

fn new_dataset(id: &str, name: &str, source: bool) -> Dataset {
    Dataset {
        id: id.to_owned(),
        name: name.to_owned(),
        source,
        ..Dataset::default()
    }
}

/// Deletes `targets` as one step: flows first, then the other items; a flow that goes with its
/// system is not removed twice. Items already gone are skipped.
pub fn delete(landscape: &Landscape, targets: &[Target]) -> Composed {
    let wanted = targets
        .iter()
        .filter(|t| matches!(t, Target::Flow(_)))
        .chain(targets.iter().filter(|t| !matches!(t, Target::Flow(_))));
    let mut scratch = landscape.clone();
    let mut edits = Vec::new();
    for target in wanted {
        let Some(edit) = removal(target) else {
            continue;
        };
        if edit.apply(&mut scratch).is_ok() {
            edits.push(edit);
        }
    }
    let description = match edits.as_slice() {
        [only] => only.description_in(landscape),
        _ => format!("delete {} items", edits.len()),
    };
    Composed {
        edits,
        description,
        select: None,
    }
}

fn removal(target: &Target) -> Option<Edit> {
    Some(match target {
        Target::System(id) => Edit::RemoveSystem {
            system_id: id.clone(),
        },
        Target::Flow(id) => Edit::RemoveFlow {
            flow_id: id.clone(),
        },
        Target::Process(id) => Edit::RemoveProcess {
            process_id: id.clone(),
        },
        Target::Team(id) => Edit::RemoveTeam {
            team_id: id.clone(),
        },
        Target::Contract(id) => Edit::RemoveContract {
            contract_id: id.clone(),
        },
        Target::Scenario(_) => return None,
    })
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "tests fail loudly")]
mod tests {
    use super::*;
    use crate::model::System;

    fn three_systems() -> Landscape {
        let system = |id: &str, name: &str| System {
            id: id.to_owned(),
            name: name.to_owned(),
            ..System::default()
        };
        Landscape {
            systems: vec![
                system("crm", "CRM"),
                system("erp", "ERP"),
                system("shop", "Webshop"),
            ],
            ..Landscape::default()
        }
    }

    fn applied(landscape: &mut Landscape, composed: &Composed) {
        for edit in &composed.edits {
            edit.apply(landscape).unwrap();
        }
    }

    #[test]
    fn connecting_chains_the_data_that_arrived() {
        let mut landscape = three_systems();
        let first = connect(&landscape, "crm", "erp", None).unwrap();
        applied(&mut landscape, &first);
        let second = connect(&landscape, "erp", "shop", None).unwrap();
        applied(&mut landscape, &second);
        let crm = landscape.system("crm").unwrap();
        assert_eq!(crm.datasets.len(), 1, "one source dataset made on CRM");
        assert!(crm.datasets[0].source);
        assert_eq!(crm.datasets[0].name, "CRM data");
        let erp = landscape.system("erp").unwrap();
        assert_eq!(erp.datasets.len(), 1, "ERP only holds the copy");
        assert_eq!(erp.datasets[0].name, "CRM data (ERP copy)");
        let flows = &landscape.flows;
        assert_eq!(flows[0].name, "CRM data to ERP");
        assert_eq!(flows[1].name, "CRM data to Webshop");
        assert_eq!(flows[1].inputs, vec![flows[0].output.clone()]);
        assert_eq!(flows[0].id, "crm-data-to-erp");
        assert_eq!(first.description, "connect CRM to ERP");
        assert_eq!(
            landscape.system("shop").unwrap().datasets[0].name,
            "CRM data (Webshop copy)"
        );
    }

    #[test]
    fn the_options_list_own_and_arrived_data() {
        let mut landscape = three_systems();
        let first = connect(&landscape, "crm", "erp", None).unwrap();
        applied(&mut landscape, &first);
        let options = carried_options(&landscape, "erp");
        assert_eq!(options, vec!["erp.crm-data".to_owned()]);
        assert_eq!(
            carried_options(&landscape, "crm"),
            vec!["crm.crm-data".to_owned()]
        );
        let chosen = connect(&landscape, "crm", "shop", Some("crm.crm-data")).unwrap();
        assert_eq!(chosen.edits.len(), 2, "no new source dataset: {chosen:?}");
    }

    #[test]
    fn connecting_unknown_systems_is_refused() {
        let landscape = three_systems();
        assert!(connect(&landscape, "crm", "nowhere", None).is_err());
    }

    #[test]
    fn deleting_a_system_and_its_flow_removes_the_flow_once() {
        let mut landscape = three_systems();
        let first = connect(&landscape, "crm", "erp", None).unwrap();
        applied(&mut landscape, &first);
        let flow = landscape.flows[0].id.clone();
        let targets = [Target::System("erp".to_owned()), Target::Flow(flow)];
        let composed = delete(&landscape, &targets);
        assert_eq!(composed.edits.len(), 2);
        assert!(matches!(composed.edits[0], Edit::RemoveFlow { .. }));
        assert_eq!(composed.description, "delete 2 items");
        applied(&mut landscape, &composed);
        assert!(landscape.flows.is_empty());
        assert!(landscape.system("erp").is_none());
        let single = delete(&landscape, &[Target::System("crm".to_owned())]);
        assert_eq!(single.description, "delete system CRM");
    }
}
