//! How a landscape changes: named edits and the undo/redo history.
//!
//! Depends on `model` only.
