//! Undo labels in the words people read: display names instead of ids ("delete system ERP"),
//! looked up in the landscape the edit applies to.
//!
//! Depends on `model` and the rest of `edit`.

use crate::model::Landscape;

use super::apply::{Edit, EntityKind};

/// The display name of an entity of `kind`, or its id when it has no name or is unknown.
pub fn display_name(landscape: &Landscape, kind: EntityKind, id: &str) -> String {
    let name = match kind {
        EntityKind::System => landscape.system(id).map(|s| s.name.as_str()),
        EntityKind::Flow => landscape.flow(id).map(|f| f.name.as_str()),
        EntityKind::Team => landscape.team(id).map(|t| t.name.as_str()),
        EntityKind::Contract => landscape.contract(id).map(|c| c.name.as_str()),
        EntityKind::Process => landscape.process(id).map(|p| p.name.as_str()),
    };
    match name {
        Some(name) if !name.trim().is_empty() => name.to_owned(),
        _ => id.to_owned(),
    }
}

fn or_id(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        id.to_owned()
    } else {
        name.to_owned()
    }
}

impl Edit {
    /// Like [`Edit::description`], with display names looked up in `landscape` (the document
    /// before the edit): `delete system ERP`, `edit flow Orders to ERP`.
    pub fn description_in(&self, landscape: &Landscape) -> String {
        let named = |kind, id: &str| display_name(landscape, kind, id);
        match self {
            Self::AddSystem(system) => format!("add system {}", or_id(&system.name, &system.id)),
            Self::RemoveSystem { system_id } => {
                format!("delete system {}", named(EntityKind::System, system_id))
            }
            Self::MoveSystem { system_id, .. } => {
                format!("move system {}", named(EntityKind::System, system_id))
            }
            Self::MoveProcess { process_id, .. } => {
                format!("move process {}", named(EntityKind::Process, process_id))
            }
            Self::SetSystem(system) => format!("edit system {}", or_id(&system.name, &system.id)),
            Self::AddFlow(flow) => format!("add flow {}", or_id(&flow.name, &flow.id)),
            Self::RemoveFlow { flow_id } => {
                format!("delete flow {}", named(EntityKind::Flow, flow_id))
            }
            Self::SetFlow(flow) => format!("edit flow {}", or_id(&flow.name, &flow.id)),
            Self::AddTeam(team) => format!("add team {}", or_id(&team.name, &team.id)),
            Self::RemoveTeam { team_id } => {
                format!("delete team {}", named(EntityKind::Team, team_id))
            }
            Self::SetTeam(team) => format!("edit team {}", or_id(&team.name, &team.id)),
            Self::AddContract(c) => format!("add contract {}", or_id(&c.name, &c.id)),
            Self::RemoveContract { contract_id } => {
                format!(
                    "delete contract {}",
                    named(EntityKind::Contract, contract_id)
                )
            }
            Self::SetContract(c) => format!("edit contract {}", or_id(&c.name, &c.id)),
            Self::AddProcess(p) => format!("add process {}", or_id(&p.name, &p.id)),
            Self::RemoveProcess { process_id } => {
                format!("delete process {}", named(EntityKind::Process, process_id))
            }
            Self::SetProcess(p) => format!("edit process {}", or_id(&p.name, &p.id)),
            Self::ChangeId { kind, old, .. } => {
                format!("rename {} {}", kind.noun(), named(*kind, old))
            }
            _ => self.description(),
        }
    }

    /// Like [`Edit::describe_group`], with display names.
    pub fn describe_group_in(edits: &[Edit], landscape: &Landscape) -> String {
        match edits {
            [only] => only.description_in(landscape),
            _ => Self::describe_group(edits),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::System;

    #[test]
    fn labels_use_display_names() {
        let landscape = Landscape {
            systems: vec![System {
                id: "system-2".to_owned(),
                name: "ERP".to_owned(),
                ..System::default()
            }],
            ..Landscape::default()
        };
        let remove = Edit::RemoveSystem {
            system_id: "system-2".to_owned(),
        };
        assert_eq!(remove.description_in(&landscape), "delete system ERP");
        let unknown = Edit::RemoveSystem {
            system_id: "gone".to_owned(),
        };
        assert_eq!(unknown.description_in(&landscape), "delete system gone");
    }
}
