//! New items of the kinds that have no canvas gesture: teams, contracts and business processes.
//! Each is named "New team 1", … (the first free number), its id is the slug of that name, and
//! it is added as one named step; the inspector edits it from there.
//!
//! Depends on `model` and the rest of `edit`.

use crate::model::{Contract, Landscape, Position, Process, Team};

use super::apply::Edit;
use super::compose::{Composed, Target};
use super::ids::{slug, unique_id};

/// A kind of item made from the Insert menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewItem {
    Team,
    Contract,
    Process,
}

impl NewItem {
    /// The noun in names and undo labels.
    pub fn noun(self) -> &'static str {
        match self {
            Self::Team => "team",
            Self::Contract => "contract",
            Self::Process => "business process",
        }
    }
}

/// The first free "New <noun> n" among `names`.
fn fresh_name(noun: &str, names: &[&str]) -> String {
    // One of the first `names.len() + 1` candidates is free.
    (1..=names.len() + 1)
        .map(|n| format!("New {noun} {n}"))
        .find(|candidate| !names.contains(&candidate.as_str()))
        .unwrap_or_default()
}

/// Adds a new item of `kind` (a process at `at`) and selects it.
pub fn create(landscape: &Landscape, kind: NewItem, at: Position) -> Composed {
    let (edit, target) = match kind {
        NewItem::Team => {
            let names: Vec<&str> = landscape.teams.iter().map(|t| t.name.as_str()).collect();
            let name = fresh_name(kind.noun(), &names);
            let id = unique_id(&slug(&name), true, |id| landscape.team(id).is_some());
            let team = Team {
                id: id.clone(),
                name,
                ..Team::default()
            };
            (Edit::AddTeam(team), Target::Team(id))
        }
        NewItem::Contract => {
            let names: Vec<&str> = landscape
                .contracts
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            let name = fresh_name(kind.noun(), &names);
            let id = unique_id(&slug(&name), true, |id| landscape.contract(id).is_some());
            let contract = Contract {
                id: id.clone(),
                name,
                version: "1.0.0".to_owned(),
                format: "json".to_owned(),
                ..Contract::default()
            };
            (Edit::AddContract(contract), Target::Contract(id))
        }
        NewItem::Process => {
            let names: Vec<&str> = landscape
                .processes
                .iter()
                .map(|p| p.name.as_str())
                .collect();
            let name = fresh_name(kind.noun(), &names);
            let id = unique_id(&slug(&name), true, |id| landscape.process(id).is_some());
            let process = Process {
                id: id.clone(),
                name,
                position: at,
                ..Process::default()
            };
            (Edit::AddProcess(process), Target::Process(id))
        }
    };
    let description = edit.description_in(landscape);
    Composed {
        edits: vec![edit],
        description,
        select: Some(target),
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "tests fail loudly")]
mod tests {
    use super::*;

    #[test]
    fn new_items_get_free_names_and_slug_ids() {
        let mut landscape = Landscape::default();
        for _ in 0..2 {
            let composed = create(&landscape, NewItem::Team, Position::default());
            for edit in &composed.edits {
                edit.apply(&mut landscape).unwrap();
            }
        }
        let ids: Vec<&str> = landscape.teams.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["new-team-1", "new-team-2"]);
        let contract = create(&landscape, NewItem::Contract, Position::default());
        assert_eq!(contract.description, "add contract New contract 1");
        assert_eq!(
            contract.select,
            Some(Target::Contract("new-contract-1".into()))
        );
    }
}
