//! How a landscape changes: named edits and the undo/redo history.
//!
//! Every change the designer makes to a document is an [`Edit`], applied through a [`History`]
//! that groups the edits of one user action into one undo step. Edits check their references so
//! that they can never leave a dangling id behind. Depends on `model` only; no egui.

mod apply;
mod history;
mod ids;

pub use apply::{Edit, EditError, EntityKind};
pub use history::{History, Step};
pub use ids::unique_id;

#[cfg(test)]
mod tests;
