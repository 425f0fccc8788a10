//! How a landscape changes: named edits and the undo/redo history.
//!
//! Every change the designer makes to a document is an [`Edit`], applied through a [`History`]
//! that groups the edits of one user action into one undo step. Edits check their references so
//! that they can never leave a dangling id behind. Depends on `model` only; no egui.

mod apply;
mod arrange;
mod clipboard;
mod compose;
mod create;
mod describe;
mod history;
mod ids;
mod rename;

pub use apply::{Edit, EditError, EntityKind};
pub use arrange::{Arrangement, arrange};
pub use clipboard::{PASTE_OFFSET, Snippet};
pub use compose::{Composed, Target, carried_options, connect, default_carried, delete};
pub use create::{NewItem, create};
pub use history::{History, Step};
pub use ids::{slug, unique_id};
pub use rename::{id_follows_name, rename};

#[cfg(test)]
mod tests;
