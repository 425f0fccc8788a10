//! Per-window view state that is not part of the document: the selection, the camera and
//! transient UI requests. Never saved in the document and never undoable.

use std::collections::BTreeSet;

use crate::model::Landscape;

use super::canvas::camera::Camera;

/// One selectable thing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    System(String),
    Flow(String),
    Process(String),
    Team(String),
    Contract(String),
    Scenario(String),
}

impl Item {
    /// Whether the item still exists in the landscape.
    pub fn exists_in(&self, landscape: &Landscape) -> bool {
        match self {
            Self::System(id) => landscape.system(id).is_some(),
            Self::Flow(id) => landscape.flow(id).is_some(),
            Self::Process(id) => landscape.process(id).is_some(),
            Self::Team(id) => landscape.team(id).is_some(),
            Self::Contract(id) => landscape.contract(id).is_some(),
            Self::Scenario(id) => landscape.scenario(id).is_some(),
        }
    }
}

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
    /// The simulation: chosen scenario, last run, scrubbed minute.
    pub simulation: super::simulation::SimulationView,
    /// The lineage window: root, controls, graph.
    pub lineage: super::lineage::LineageView,
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
