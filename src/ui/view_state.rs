//! Per-window view state that is not part of the document: the selection, the camera and
//! transient UI requests. Never saved in the document and never undoable.

use std::collections::BTreeSet;

use crate::model::Landscape;

use super::canvas::camera::Camera;

/// One selectable thing (the edit layer's [`crate::edit::Target`]).
pub use crate::edit::Target as Item;

/// The view state of the designer window.
#[derive(Debug, Default)]
pub struct ViewState {
    pub selection: BTreeSet<Item>,
    pub camera: Camera,
    /// Fit the whole landscape into the canvas on the next frame.
    pub fit_requested: bool,
    /// Centre this item on the next frame.
    pub centre_on: Option<Item>,
    /// Focus the inspector's name field on the next frame (F2).
    pub focus_name: bool,
    /// The system or process being renamed on the canvas (F2, double-click).
    pub renaming: Option<super::canvas::rename::Renaming>,
    /// Focus the outline filter on the next frame (Ctrl+F).
    pub focus_filter: bool,
    /// The outline's filters.
    pub outline_filter: super::panels::outline_filter::OutlineFilter,
    /// The systems copied with Ctrl+C (kept when another document is opened).
    pub clipboard: crate::edit::Snippet,
    /// The simulation: chosen scenario, last run, scrubbed minute.
    pub simulation: super::simulation::SimulationView,
    /// The lineage window: root, controls, graph.
    pub lineage: super::lineage::model::LineageView,
}

impl ViewState {
    /// Selects exactly one item.
    pub fn select_only(&mut self, item: Item) {
        self.selection.clear();
        self.selection.insert(item);
    }

    /// Adds or removes an item from the selection.
    pub fn toggle(&mut self, item: Item) {
        if !self.selection.remove(&item) {
            self.selection.insert(item);
        }
    }

    /// Drops selected items that no longer exist.
    pub fn prune(&mut self, landscape: &Landscape) {
        self.selection.retain(|item| item.exists_in(landscape));
    }

    /// The single selected item, if exactly one is selected.
    pub fn single(&self) -> Option<&Item> {
        if self.selection.len() == 1 {
            self.selection.iter().next()
        } else {
            None
        }
    }

    /// Ids of the selected systems.
    pub fn selected_systems(&self) -> Vec<String> {
        self.selection
            .iter()
            .filter_map(|i| match i {
                Item::System(id) => Some(id.clone()),
                _ => None,
            })
            .collect()
    }
}
