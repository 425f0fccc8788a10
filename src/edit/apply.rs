//! The named mutations of a landscape and how each one is applied.
//!
//! Depends on `model` only. Every edit either applies completely or returns an [`EditError`]
//! (the caller restores the document); reference integrity is checked by `History`.

use crate::model::{
    Change, Contract, Dataset, Flow, Landscape, Position, Process, System, Team, dataset_full_id,
};

/// The kinds of entity an id can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    System,
    Flow,
    Team,
    Contract,
    Process,
}

impl EntityKind {
    /// The lower-case noun: `system`, `flow`, …
    pub fn noun(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Flow => "flow",
            Self::Team => "team",
            Self::Contract => "contract",
            Self::Process => "process",
        }
    }
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no {kind} with id \"{id}\"")]
    Missing { kind: &'static str, id: String },
    #[error("a {kind} with id \"{id}\" already exists")]
    Duplicate { kind: &'static str, id: String },
    #[error("an id must not be empty")]
    EmptyId,
    #[error(
        "dataset \"{0}\" is still used; remove the flows, monitors and dependencies that use it first"
    )]
    DatasetInUse(String),
    #[error("the change would leave a dangling reference: {0}")]
    Dangling(String),
}

/// One named mutation of a landscape.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Adds a system (its id must be new).
    AddSystem(System),
    /// Removes a system together with every flow that reads or writes its datasets, the monitors
    /// on its datasets and the process dependencies on them.
    RemoveSystem {
        system_id: String,
    },
    /// Moves a system's top-left corner.
    MoveSystem {
        system_id: String,
        to: Position,
    },
    /// Moves a business process.
    MoveProcess {
        process_id: String,
        to: Position,
    },
    /// Replaces the system with the same id (any attribute but the id).
    SetSystem(System),
    /// Adds a dataset to a system.
    AddDataset {
        system_id: String,
        dataset: Dataset,
    },
    /// Removes a dataset nobody references.
    RemoveDataset {
        system_id: String,
        dataset_id: String,
    },
    /// Adds a flow (its id must be new).
    AddFlow(Flow),
    /// Removes a flow and the scenario faults on it.
    RemoveFlow {
        flow_id: String,
    },
    /// Replaces the flow with the same id.
    SetFlow(Flow),
    AddTeam(Team),
    /// Removes a team; systems, datasets, flows, contracts and monitors it owned become unowned.
    RemoveTeam {
        team_id: String,
    },
    SetTeam(Team),
    AddContract(Contract),
    /// Removes a contract; flows that named it lose their contract.
    RemoveContract {
        contract_id: String,
    },
    SetContract(Contract),
    AddProcess(Process),
    RemoveProcess {
        process_id: String,
    },
    SetProcess(Process),
    /// Changes an entity's id and every reference to it.
    ChangeId {
        kind: EntityKind,
        old: String,
        new: String,
    },
    /// Changes a dataset's id (within its system) and every reference to it.
    ChangeDatasetId {
        system_id: String,
        old: String,
        new: String,
    },
    /// Sets the landscape's name and description.
    SetInfo {
        name: String,
        description: String,
    },
}

fn missing(kind: &'static str, id: &str) -> EditError {
    EditError::Missing {
        kind,
        id: id.to_owned(),
    }
}

fn slot<'a, T>(
    items: &'a mut [T],
    kind: &'static str,
    id: &str,
    id_of: impl Fn(&T) -> &str,
) -> Result<&'a mut T, EditError> {
    items
        .iter_mut()
        .find(|item| id_of(item) == id)
        .ok_or_else(|| missing(kind, id))
}

fn insert_new<T>(
    items: &mut Vec<T>,
    kind: &'static str,
    item: T,
    id_of: impl Fn(&T) -> &str,
) -> Result<(), EditError> {
    let id = id_of(&item);
    if id.is_empty() {
        return Err(EditError::EmptyId);
    }
    if items.iter().any(|existing| id_of(existing) == id) {
        return Err(EditError::Duplicate {
            kind,
            id: id.to_owned(),
        });
    }
    items.push(item);
    Ok(())
}

fn remove_by<T>(
    items: &mut Vec<T>,
    kind: &'static str,
    id: &str,
    id_of: impl Fn(&T) -> &str,
) -> Result<T, EditError> {
    let index = items
        .iter()
        .position(|item| id_of(item) == id)
        .ok_or_else(|| missing(kind, id))?;
    Ok(items.remove(index))
}

fn replace_by<T>(
    items: &mut [T],
    kind: &'static str,
    item: T,
    id_of: impl Fn(&T) -> &str,
) -> Result<(), EditError> {
    let id = id_of(&item).to_owned();
    *slot(items, kind, &id, id_of)? = item;
    Ok(())
}

fn clear_owner(owner: &mut Option<String>, team_id: &str) {
    if owner.as_deref() == Some(team_id) {
        *owner = None;
    }
}

fn rename_in(value: &mut String, old: &str, new: &str) {
    if value == old {
        new.clone_into(value);
    }
}

fn rename_opt(value: &mut Option<String>, old: &str, new: &str) {
    if let Some(inner) = value {
        rename_in(inner, old, new);
    }
}

impl Edit {
    /// A short description in the imperative, used by "Undo …" menu items: `add system ERP`.
    pub fn description(&self) -> String {
        match self {
            Self::AddSystem(system) => format!("add system {}", system.id),
            Self::RemoveSystem { system_id } => format!("delete system {system_id}"),
            Self::MoveSystem { system_id, .. } => format!("move system {system_id}"),
            Self::MoveProcess { process_id, .. } => format!("move process {process_id}"),
            Self::SetSystem(system) => format!("edit system {}", system.id),
            Self::AddDataset { system_id, dataset } => {
                format!("add dataset {}", dataset_full_id(system_id, &dataset.id))
            }
            Self::RemoveDataset {
                system_id,
                dataset_id,
            } => format!("delete dataset {}", dataset_full_id(system_id, dataset_id)),
            Self::AddFlow(flow) => format!("add flow {}", flow.id),
            Self::RemoveFlow { flow_id } => format!("delete flow {flow_id}"),
            Self::SetFlow(flow) => format!("edit flow {}", flow.id),
            Self::AddTeam(team) => format!("add team {}", team.id),
            Self::RemoveTeam { team_id } => format!("delete team {team_id}"),
            Self::SetTeam(team) => format!("edit team {}", team.id),
            Self::AddContract(contract) => format!("add contract {}", contract.id),
            Self::RemoveContract { contract_id } => format!("delete contract {contract_id}"),
            Self::SetContract(contract) => format!("edit contract {}", contract.id),
            Self::AddProcess(process) => format!("add process {}", process.id),
            Self::RemoveProcess { process_id } => format!("delete process {process_id}"),
            Self::SetProcess(process) => format!("edit process {}", process.id),
            Self::ChangeId { kind, old, new } => format!("rename {} {old} to {new}", kind.noun()),
            Self::ChangeDatasetId {
                system_id,
                old,
                new,
            } => format!("rename dataset {system_id}.{old} to {new}"),
            Self::SetInfo { .. } => "edit landscape details".to_owned(),
        }
    }

    /// A description of a group of edits: `move 3 systems`, or the first edit's description.
    pub fn describe_group(edits: &[Edit]) -> String {
        let moves = edits
            .iter()
            .filter(|e| matches!(e, Self::MoveSystem { .. } | Self::MoveProcess { .. }))
            .count();
        if moves > 1 && moves == edits.len() {
            let noun = if edits.iter().all(|e| matches!(e, Self::MoveSystem { .. })) {
                "systems"
            } else {
                "nodes"
            };
            return format!("move {moves} {noun}");
        }
        let removals = edits
            .iter()
            .filter(|e| {
                matches!(
                    e,
                    Self::RemoveSystem { .. }
                        | Self::RemoveFlow { .. }
                        | Self::RemoveProcess { .. }
                )
            })
            .count();
        if removals > 1 && removals == edits.len() {
            return format!("delete {removals} items");
        }
        edits.first().map(Self::description).unwrap_or_default()
    }

    /// Applies the edit to `landscape`. On error the landscape may be partly changed; `History`
    /// restores it.
    pub fn apply(&self, landscape: &mut Landscape) -> Result<(), EditError> {
        match self {
            Self::AddSystem(system) => {
                insert_new(&mut landscape.systems, "system", system.clone(), |s| &s.id)
            }
            Self::RemoveSystem { system_id } => remove_system(landscape, system_id),
            Self::MoveSystem { system_id, to } => {
                slot(&mut landscape.systems, "system", system_id, |s| &s.id)?.position = *to;
                Ok(())
            }
            Self::MoveProcess { process_id, to } => {
                slot(&mut landscape.processes, "process", process_id, |p| &p.id)?.position = *to;
                Ok(())
            }
            Self::SetSystem(system) => {
                replace_by(&mut landscape.systems, "system", system.clone(), |s| &s.id)
            }
            Self::AddDataset { system_id, dataset } => {
                let system = slot(&mut landscape.systems, "system", system_id, |s| &s.id)?;
                insert_new(&mut system.datasets, "dataset", dataset.clone(), |d| &d.id)
            }
            Self::RemoveDataset {
                system_id,
                dataset_id,
            } => {
                let full_id = dataset_full_id(system_id, dataset_id);
                if dataset_in_use(landscape, &full_id) {
                    return Err(EditError::DatasetInUse(full_id));
                }
                let system = slot(&mut landscape.systems, "system", system_id, |s| &s.id)?;
                remove_by(&mut system.datasets, "dataset", dataset_id, |d| &d.id).map(drop)
            }
            Self::AddFlow(flow) => {
                insert_new(&mut landscape.flows, "flow", flow.clone(), |f| &f.id)
            }
            Self::RemoveFlow { flow_id } => {
                remove_by(&mut landscape.flows, "flow", flow_id, |f| &f.id)?;
                for scenario in &mut landscape.scenarios {
                    scenario.faults.retain(|fault| fault.flow != *flow_id);
                    for control in &mut scenario.controls {
                        control.changes.retain(
                            |change| !matches!(change, Change::Flow { flow, .. } if flow == flow_id),
                        );
                    }
                }
                Ok(())
            }
            Self::SetFlow(flow) => {
                replace_by(&mut landscape.flows, "flow", flow.clone(), |f| &f.id)
            }
            Self::AddTeam(team) => {
                insert_new(&mut landscape.teams, "team", team.clone(), |t| &t.id)
            }
            Self::RemoveTeam { team_id } => remove_team(landscape, team_id),
            Self::SetTeam(team) => {
                replace_by(&mut landscape.teams, "team", team.clone(), |t| &t.id)
            }
            Self::AddContract(contract) => insert_new(
                &mut landscape.contracts,
                "contract",
                contract.clone(),
                |c| &c.id,
            ),
            Self::RemoveContract { contract_id } => {
                remove_by(&mut landscape.contracts, "contract", contract_id, |c| &c.id)?;
                for flow in &mut landscape.flows {
                    if flow.contract.as_deref() == Some(contract_id.as_str()) {
                        flow.contract = None;
                    }
                }
                Ok(())
            }
            Self::SetContract(contract) => replace_by(
                &mut landscape.contracts,
                "contract",
                contract.clone(),
                |c| &c.id,
            ),
            Self::AddProcess(process) => {
                insert_new(&mut landscape.processes, "process", process.clone(), |p| {
                    &p.id
                })
            }
            Self::RemoveProcess { process_id } => {
                remove_by(&mut landscape.processes, "process", process_id, |p| &p.id).map(drop)
            }
            Self::SetProcess(process) => {
                replace_by(&mut landscape.processes, "process", process.clone(), |p| {
                    &p.id
                })
            }
            Self::ChangeId { kind, old, new } => change_id(landscape, *kind, old, new),
            Self::ChangeDatasetId {
                system_id,
                old,
                new,
            } => change_dataset_id(landscape, system_id, old, new),
            Self::SetInfo { name, description } => {
                name.clone_into(&mut landscape.name);
                description.clone_into(&mut landscape.description);
                Ok(())
            }
        }
    }
}

fn dataset_in_use(landscape: &Landscape, full_id: &str) -> bool {
    landscape
        .flows
        .iter()
        .any(|f| f.output == full_id || f.inputs.iter().any(|i| i == full_id))
        || landscape.monitors.iter().any(|m| m.dataset == full_id)
        || landscape
            .processes
            .iter()
            .any(|p| p.dependencies.iter().any(|d| d.dataset == full_id))
}

fn remove_system(landscape: &mut Landscape, system_id: &str) -> Result<(), EditError> {
    let system = remove_by(&mut landscape.systems, "system", system_id, |s| &s.id)?;
    let gone: Vec<String> = system
        .datasets
        .iter()
        .map(|d| dataset_full_id(&system.id, &d.id))
        .collect();
    let is_gone = |id: &String| gone.contains(id);
    let doomed: Vec<String> = landscape
        .flows
        .iter()
        .filter(|f| is_gone(&f.output) || f.inputs.iter().any(is_gone))
        .map(|f| f.id.clone())
        .collect();
    for flow_id in doomed {
        Edit::RemoveFlow { flow_id }.apply(landscape)?;
    }
    landscape.monitors.retain(|m| !is_gone(&m.dataset));
    for process in &mut landscape.processes {
        process.dependencies.retain(|d| !is_gone(&d.dataset));
    }
    Ok(())
}

fn remove_team(landscape: &mut Landscape, team_id: &str) -> Result<(), EditError> {
    remove_by(&mut landscape.teams, "team", team_id, |t| &t.id)?;
    for system in &mut landscape.systems {
        clear_owner(&mut system.owner, team_id);
        for dataset in &mut system.datasets {
            clear_owner(&mut dataset.owner, team_id);
        }
    }
    for flow in &mut landscape.flows {
        clear_owner(&mut flow.owner, team_id);
    }
    for contract in &mut landscape.contracts {
        clear_owner(&mut contract.owner, team_id);
    }
    for monitor in &mut landscape.monitors {
        clear_owner(&mut monitor.owner, team_id);
    }
    Ok(())
}

fn ensure_free<T>(
    items: &[T],
    kind: &'static str,
    new: &str,
    id_of: impl Fn(&T) -> &str,
) -> Result<(), EditError> {
    if new.is_empty() {
        return Err(EditError::EmptyId);
    }
    if items.iter().any(|item| id_of(item) == new) {
        return Err(EditError::Duplicate {
            kind,
            id: new.to_owned(),
        });
    }
    Ok(())
}

fn rename_dataset_refs(landscape: &mut Landscape, old_full: &str, new_full: &str) {
    for flow in &mut landscape.flows {
        rename_in(&mut flow.output, old_full, new_full);
        for input in &mut flow.inputs {
            rename_in(input, old_full, new_full);
        }
    }
    for monitor in &mut landscape.monitors {
        rename_in(&mut monitor.dataset, old_full, new_full);
    }
    for process in &mut landscape.processes {
        for dependency in &mut process.dependencies {
            rename_in(&mut dependency.dataset, old_full, new_full);
        }
    }
}

fn change_id(
    landscape: &mut Landscape,
    kind: EntityKind,
    old: &str,
    new: &str,
) -> Result<(), EditError> {
    if old == new {
        return Ok(());
    }
    match kind {
        EntityKind::System => {
            ensure_free(&landscape.systems, "system", new, |s| &s.id)?;
            let system = slot(&mut landscape.systems, "system", old, |s| &s.id)?;
            new.clone_into(&mut system.id);
            let locals: Vec<String> = system.datasets.iter().map(|d| d.id.clone()).collect();
            for local in locals {
                rename_dataset_refs(
                    landscape,
                    &dataset_full_id(old, &local),
                    &dataset_full_id(new, &local),
                );
            }
        }
        EntityKind::Flow => {
            ensure_free(&landscape.flows, "flow", new, |f| &f.id)?;
            new.clone_into(&mut slot(&mut landscape.flows, "flow", old, |f| &f.id)?.id);
            for scenario in &mut landscape.scenarios {
                for fault in &mut scenario.faults {
                    rename_in(&mut fault.flow, old, new);
                }
                for control in &mut scenario.controls {
                    for change in &mut control.changes {
                        if let Change::Flow { flow, .. } = change {
                            rename_in(flow, old, new);
                        }
                    }
                }
            }
        }
        EntityKind::Team => {
            ensure_free(&landscape.teams, "team", new, |t| &t.id)?;
            new.clone_into(&mut slot(&mut landscape.teams, "team", old, |t| &t.id)?.id);
            for system in &mut landscape.systems {
                rename_opt(&mut system.owner, old, new);
                for dataset in &mut system.datasets {
                    rename_opt(&mut dataset.owner, old, new);
                }
            }
            for flow in &mut landscape.flows {
                rename_opt(&mut flow.owner, old, new);
            }
            for contract in &mut landscape.contracts {
                rename_opt(&mut contract.owner, old, new);
            }
            for monitor in &mut landscape.monitors {
                rename_opt(&mut monitor.owner, old, new);
            }
            for process in &mut landscape.processes {
                rename_in(&mut process.owner, old, new);
            }
            for scenario in &mut landscape.scenarios {
                for control in &mut scenario.controls {
                    for change in &mut control.changes {
                        if let Change::Team { team, .. } = change {
                            rename_in(team, old, new);
                        }
                    }
                }
            }
        }
        EntityKind::Contract => {
            ensure_free(&landscape.contracts, "contract", new, |c| &c.id)?;
            new.clone_into(&mut slot(&mut landscape.contracts, "contract", old, |c| &c.id)?.id);
            for flow in &mut landscape.flows {
                rename_opt(&mut flow.contract, old, new);
            }
        }
        EntityKind::Process => {
            ensure_free(&landscape.processes, "process", new, |p| &p.id)?;
            new.clone_into(&mut slot(&mut landscape.processes, "process", old, |p| &p.id)?.id);
        }
    }
    Ok(())
}

fn change_dataset_id(
    landscape: &mut Landscape,
    system_id: &str,
    old: &str,
    new: &str,
) -> Result<(), EditError> {
    if old == new {
        return Ok(());
    }
    let system = slot(&mut landscape.systems, "system", system_id, |s| &s.id)?;
    ensure_free(&system.datasets, "dataset", new, |d| &d.id)?;
    new.clone_into(&mut slot(&mut system.datasets, "dataset", old, |d| &d.id)?.id);
    rename_dataset_refs(
        landscape,
        &dataset_full_id(system_id, old),
        &dataset_full_id(system_id, new),
    );
    Ok(())
}
