//! Undo and redo: each user action is one step holding the document as it was before.
//!
//! Depends on `model` and `edit::apply`. Snapshots rather than inverse edits: a landscape of a
//! few thousand systems clones in well under a millisecond, and a snapshot restores the document
//! exactly by construction, which is the property undo must have.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::Landscape;

use super::apply::{Edit, EditError};

/// How many steps are kept.
const MAX_STEPS: usize = 200;

/// One undoable step: its description and the document on the other side of it.
#[derive(Debug, Clone)]
pub struct Step {
    /// What the step did, e.g. `move 3 systems`.
    pub description: String,
    document: Landscape,
    revision: u64,
    merge_key: Option<String>,
}

/// The undo and redo stacks plus a revision counter that changes with every change of the
/// document (used to invalidate derived data and to know whether there are unsaved changes).
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    revision: u64,
    saved_revision: Option<u64>,
    /// Keep every step instead of the last [`MAX_STEPS`] (tests that undo thousands of steps).
    unbounded: bool,
}

/// A revision number never handed out before in this process, so caches keyed by revision
/// (findings, metrics, the canvas scene, exports) cannot mistake one document for another after
/// a document is replaced.
fn fresh_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl History {
    /// A history for a document that is saved as it is (nothing to undo).
    pub fn new_saved() -> Self {
        let revision = fresh_revision();
        Self {
            revision,
            saved_revision: Some(revision),
            ..Self::default()
        }
    }

    /// A history for a document that has never been saved (an import): it counts as unsaved
    /// changes until it is saved.
    pub fn new_unsaved() -> Self {
        Self {
            revision: fresh_revision(),
            ..Self::default()
        }
    }

    /// A saved history that keeps every step (for tests that undo thousands of steps).
    pub fn unbounded() -> Self {
        Self {
            unbounded: true,
            ..Self::new_saved()
        }
    }

    /// The document's current revision.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Marks the current revision as saved.
    pub fn mark_saved(&mut self) {
        self.saved_revision = Some(self.revision);
    }

    /// Whether the document differs from what was last saved (or was never saved).
    pub fn has_unsaved_changes(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    /// Applies `edits` as one undo step described by `description`. Nothing changes when an
    /// edit fails or the edits would create a dangling reference or a duplicate id.
    pub fn apply(
        &mut self,
        landscape: &mut Landscape,
        edits: &[Edit],
        description: &str,
    ) -> Result<(), EditError> {
        self.apply_merging(landscape, edits, description, None)
    }

    /// Like [`History::apply`], but when the previous step had the same `merge_key` (typing in one
    /// field) the edits join that step instead of making a new one.
    pub fn apply_merging(
        &mut self,
        landscape: &mut Landscape,
        edits: &[Edit],
        description: &str,
        merge_key: Option<&str>,
    ) -> Result<(), EditError> {
        let before = landscape.clone();
        let problems_before = integrity_problems(&before);
        let result = edits.iter().try_for_each(|edit| edit.apply(landscape));
        let result = result.and_then(|()| {
            let new_problem = integrity_problems(landscape)
                .into_iter()
                .find(|p| !problems_before.contains(p));
            new_problem.map_or(Ok(()), |p| Err(EditError::Dangling(p)))
        });
        if let Err(error) = result {
            *landscape = before;
            return Err(error);
        }
        if *landscape == before {
            return Ok(());
        }
        let merges = merge_key.is_some()
            && self.redo.is_empty()
            && self
                .undo
                .last()
                .is_some_and(|step| step.merge_key.as_deref() == merge_key);
        let revision = fresh_revision();
        if !merges {
            self.undo.push(Step {
                description: description.to_owned(),
                document: before,
                revision: self.revision,
                merge_key: merge_key.map(str::to_owned),
            });
            if self.undo.len() > MAX_STEPS && !self.unbounded {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.revision = revision;
        Ok(())
    }

    /// Ends typing into one field: the next edit starts a new step even with the same merge key.
    pub fn seal(&mut self) {
        if let Some(step) = self.undo.last_mut() {
            step.merge_key = None;
        }
    }

    /// The description of the step undo would revert.
    pub fn undo_description(&self) -> Option<&str> {
        self.undo.last().map(|s| s.description.as_str())
    }

    /// The description of the step redo would repeat.
    pub fn redo_description(&self) -> Option<&str> {
        self.redo.last().map(|s| s.description.as_str())
    }

    /// Reverts the last step; returns whether there was one.
    pub fn undo(&mut self, landscape: &mut Landscape) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let back = self.swap(landscape, step);
        self.redo.push(back);
        true
    }

    /// Repeats the last undone step; returns whether there was one.
    pub fn redo(&mut self, landscape: &mut Landscape) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let back = self.swap(landscape, step);
        self.undo.push(back);
        true
    }

    fn swap(&mut self, landscape: &mut Landscape, step: Step) -> Step {
        let current = std::mem::replace(landscape, step.document);
        let back = Step {
            description: step.description,
            document: current,
            revision: self.revision,
            merge_key: None,
        };
        self.revision = step.revision;
        back
    }
}

/// Every dangling reference and duplicate id in the landscape, as sorted descriptions.
pub fn integrity_problems(landscape: &Landscape) -> BTreeSet<String> {
    let mut problems = BTreeSet::new();
    let datasets: BTreeSet<String> = landscape
        .datasets()
        .map(|d| d.full_id())
        .collect::<BTreeSet<String>>();
    let teams: BTreeSet<&str> = landscape.teams.iter().map(|t| t.id.as_str()).collect();
    let contracts: BTreeSet<&str> = landscape.contracts.iter().map(|c| c.id.as_str()).collect();
    let flows: BTreeSet<&str> = landscape.flows.iter().map(|f| f.id.as_str()).collect();
    let mut duplicate = |kind: &str, ids: Vec<&str>| {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                problems.insert(format!("duplicate {kind} id {id}"));
            }
        }
    };
    duplicate(
        "system",
        landscape.systems.iter().map(|s| s.id.as_str()).collect(),
    );
    duplicate(
        "flow",
        landscape.flows.iter().map(|f| f.id.as_str()).collect(),
    );
    duplicate(
        "team",
        landscape.teams.iter().map(|t| t.id.as_str()).collect(),
    );
    duplicate(
        "contract",
        landscape.contracts.iter().map(|c| c.id.as_str()).collect(),
    );
    duplicate(
        "process",
        landscape.processes.iter().map(|p| p.id.as_str()).collect(),
    );
    for system in &landscape.systems {
        duplicate(
            &format!("dataset (in {})", system.id),
            system.datasets.iter().map(|d| d.id.as_str()).collect(),
        );
    }
    let mut owner = |what: String, team: Option<&String>| {
        if let Some(team) = team
            && !teams.contains(team.as_str())
        {
            problems.insert(format!("{what} is owned by unknown team {team}"));
        }
    };
    for system in &landscape.systems {
        owner(format!("system {}", system.id), system.owner.as_ref());
        for dataset in &system.datasets {
            owner(
                format!("dataset {}.{}", system.id, dataset.id),
                dataset.owner.as_ref(),
            );
        }
    }
    for flow in &landscape.flows {
        owner(format!("flow {}", flow.id), flow.owner.as_ref());
    }
    for contract in &landscape.contracts {
        owner(format!("contract {}", contract.id), contract.owner.as_ref());
    }
    for monitor in &landscape.monitors {
        owner(format!("monitor {}", monitor.id), monitor.owner.as_ref());
    }
    for flow in &landscape.flows {
        for dataset in flow.inputs.iter().chain(std::iter::once(&flow.output)) {
            if !datasets.contains(dataset) {
                problems.insert(format!("flow {} names unknown dataset {dataset}", flow.id));
            }
        }
        if let Some(contract) = &flow.contract
            && !contracts.contains(contract.as_str())
        {
            problems.insert(format!(
                "flow {} names unknown contract {contract}",
                flow.id
            ));
        }
    }
    for monitor in &landscape.monitors {
        if !datasets.contains(&monitor.dataset) {
            problems.insert(format!(
                "monitor {} watches unknown dataset {}",
                monitor.id, monitor.dataset
            ));
        }
    }
    for process in &landscape.processes {
        for dependency in &process.dependencies {
            if !datasets.contains(&dependency.dataset) {
                problems.insert(format!(
                    "process {} depends on unknown dataset {}",
                    process.id, dependency.dataset
                ));
            }
        }
    }
    for scenario in &landscape.scenarios {
        for fault in &scenario.faults {
            if !flows.contains(fault.flow.as_str()) {
                problems.insert(format!(
                    "scenario {} faults unknown flow {}",
                    scenario.id, fault.flow
                ));
            }
        }
    }
    problems
}
