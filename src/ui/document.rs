//! The open document: the landscape, its undo history and its file. The landscape changes only
//! through [`Document::apply`] (and undo/redo of what was applied), so every change is a named
//! undo step and bumps the revision the caches key on.

use std::path::PathBuf;

use crate::edit::{Edit, EditError, History};
use crate::model::Landscape;

/// Whether a new document counts as saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// It is what its file (or the bundled example) holds.
    Yes,
    /// It is new work (an import, a recovered autosave): closing it asks first.
    No,
}

/// The landscape being edited, its history and its file.
#[derive(Debug)]
pub struct Document {
    landscape: Landscape,
    history: History,
    /// The file it is saved in, if any.
    pub path: Option<PathBuf>,
}

impl Document {
    /// A document on `landscape` read from `path` (or none).
    pub fn new(landscape: Landscape, path: Option<PathBuf>, saved: Saved) -> Self {
        let history = match saved {
            Saved::Yes => History::new_saved(),
            Saved::No => History::new_unsaved(),
        };
        Self {
            landscape,
            history,
            path,
        }
    }

    /// The landscape, read-only.
    pub fn landscape(&self) -> &Landscape {
        &self.landscape
    }

    /// The undo history, read-only.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Changes on every edit, undo and redo; caches key on it.
    pub fn revision(&self) -> u64 {
        self.history.revision()
    }

    /// Applies `edits` as one undo step named `description`; edits with the same `merge_key`
    /// in a row (typing into one field) merge into one step. On error nothing changes.
    pub fn apply(
        &mut self,
        edits: &[Edit],
        description: &str,
        merge_key: Option<&str>,
    ) -> Result<(), EditError> {
        if merge_key.is_none() {
            self.history.seal();
        }
        self.history
            .apply_merging(&mut self.landscape, edits, description, merge_key)
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.history.seal();
        self.history.undo(&mut self.landscape)
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.history.redo(&mut self.landscape)
    }

    /// The document now matches its file.
    pub fn mark_saved(&mut self) {
        self.history.mark_saved();
    }

    /// Whether closing it would lose work.
    pub fn has_unsaved_changes(&self) -> bool {
        self.history.has_unsaved_changes()
    }
}
