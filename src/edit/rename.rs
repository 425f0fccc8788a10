//! Renaming an item so that its id follows its name: an id that is the slug of the old name
//! (as every id the designer makes is) becomes the slug of the new name, everywhere, in the same
//! undo step. An id that is not the slug of the name was chosen by someone (typed in the
//! inspector, or written by hand in the file) and is pinned: it stays.
//!
//! Depends on `model` and the rest of `edit`.

use crate::model::Landscape;

use super::apply::{Edit, EntityKind};
use super::compose::{Composed, Target};
use super::describe::display_name;
use super::ids::{slug, unique_id};

/// Whether `id` follows `name` (it is the name's slug, maybe with a `-n` suffix).
pub fn id_follows_name(id: &str, name: &str) -> bool {
    let stem = slug(name);
    id == stem
        || id
            .strip_prefix(&stem)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The edits that rename the system or process `target` to `name` (and its id with it unless
/// pinned), or `None` when the name is empty, unchanged or the item unknown.
pub fn rename(landscape: &Landscape, target: &Target, name: &str) -> Option<Composed> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let (kind, id, set) = match target {
        Target::System(id) => {
            let mut system = landscape.system(id)?.clone();
            if system.name == name {
                return None;
            }
            name.clone_into(&mut system.name);
            (EntityKind::System, id.as_str(), Edit::SetSystem(system))
        }
        Target::Process(id) => {
            let mut process = landscape.process(id)?.clone();
            if process.name == name {
                return None;
            }
            name.clone_into(&mut process.name);
            (EntityKind::Process, id.as_str(), Edit::SetProcess(process))
        }
        _ => return None,
    };
    let taken = |candidate: &str| match kind {
        EntityKind::Process => landscape.process(candidate).is_some(),
        _ => landscape.system(candidate).is_some(),
    };
    let old_name = display_name(landscape, kind, id);
    let mut edits = vec![set];
    let mut selected = target.clone();
    if id_follows_name(id, &old_name) {
        let new = unique_id(&slug(name), true, |c| c != id && taken(c));
        if new != id {
            edits.push(Edit::ChangeId {
                kind,
                old: id.to_owned(),
                new: new.clone(),
            });
            selected = match kind {
                EntityKind::Process => Target::Process(new),
                _ => Target::System(new),
            };
        }
    }
    Some(Composed {
        edits,
        description: format!("rename {} {old_name} to {name}", kind.noun()),
        select: Some(selected),
    })
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "tests fail loudly")]
mod tests {
    use super::*;
    use crate::edit::connect;
    use crate::model::System;

    fn landscape() -> Landscape {
        let system = |id: &str, name: &str| System {
            id: id.to_owned(),
            name: name.to_owned(),
            ..System::default()
        };
        Landscape {
            systems: vec![system("new-system-1", "New system 1"), system("ERP", "ERP")],
            ..Landscape::default()
        }
    }

    #[test]
    fn the_id_follows_the_name_and_references_follow_the_id() {
        let mut landscape = landscape();
        for edit in connect(&landscape, "new-system-1", "ERP", None)
            .unwrap()
            .edits
        {
            edit.apply(&mut landscape).unwrap();
        }
        let target = Target::System("new-system-1".into());
        let composed = rename(&landscape, &target, "Billing").unwrap();
        assert_eq!(
            composed.description,
            "rename system New system 1 to Billing"
        );
        for edit in &composed.edits {
            edit.apply(&mut landscape).unwrap();
        }
        assert_eq!(composed.select, Some(Target::System("billing".into())));
        assert!(landscape.system("new-system-1").is_none());
        assert!(landscape.flows[0].inputs[0].starts_with("billing."));
    }

    #[test]
    fn a_chosen_id_is_pinned() {
        let landscape = landscape();
        let composed = rename(&landscape, &Target::System("ERP".into()), "SAP").unwrap();
        assert_eq!(
            composed.edits.len(),
            1,
            "ERP is not the slug of ERP: pinned"
        );
        assert!(id_follows_name("orders-2", "Orders"));
        assert!(!id_follows_name("orders-x", "Orders"));
        assert!(rename(&landscape, &Target::System("ERP".into()), " ERP ").is_none());
    }
}
