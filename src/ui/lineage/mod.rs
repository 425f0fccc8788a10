//! The lineage explorer: a window drawing the upstream and downstream graph of a dataset,
//! system, flow or process with egui_graphs, the answer in words beside it, the simulated state
//! of every node at the scrubbed minute, click to select on the canvas and double-click to
//! re-root. The graph and the words come from `analysis::lineage`, as for `switchboard lineage`.
//!
//! Hooks into the rest of the designer: View ▸ Lineage (`panels::menu`), "Show lineage" in the
//! canvas' context menus ([`context_menu_items`]) and the tool window list
//! ([`lineage_window_ui`] from `tools::tools_ui`). Its state lives in `ViewState::lineage`.

pub mod graph_view;
pub mod layout;
pub mod looks;
pub mod model;
pub mod paint;
pub mod window;

pub use model::LineageView;
pub use paint::NodeState;

use crate::analysis::lineage::{LineageRoot, NodeKind};
use crate::model::Landscape;
use crate::ui::view_state::{Item, ViewState};

/// Draws the lineage window while it is open and applies what the user did in it.
pub fn lineage_window_ui(
    view: &mut ViewState,
    landscape: &Landscape,
    revision: u64,
    ctx: &egui::Context,
) {
    if !view.lineage.open {
        return;
    }
    let lineage = &mut view.lineage;
    lineage.refresh(landscape, revision);
    let simulation = &view.simulation;
    lineage.set_states(
        simulation
            .outcome
            .as_ref()
            .filter(|_| simulation.open)
            .map(|outcome| (&outcome.report, simulation.scrub)),
    );
    let mut open = true;
    let shown = egui::Window::new("Lineage")
        .open(&mut open)
        .default_size([1000.0, 560.0])
        .resizable(true)
        .show(ctx, |ui| window::contents_ui(ui, lineage, landscape));
    lineage.open = open;
    let Some(shown) = shown else {
        return;
    };
    lineage.widget.window = Some(shown.response.rect);
    match shown.inner.flatten() {
        Some(window::NodeAction::Select(kind, id, key)) => {
            view.lineage.selected = Some(key);
            if let Some(item) = canvas_item(landscape, kind, &id) {
                view.select_only(item.clone());
                view.centre_on = Some(item);
            }
        }
        Some(window::NodeAction::Reroot(root)) => view.lineage.show(root),
        None => {}
    }
}

/// Opens the window on the single selected item, or just opens it (View ▸ Lineage).
pub fn open_on_selection(view: &mut ViewState) {
    match view.single().and_then(root_of_item) {
        Some(root) => view.lineage.show(root),
        None => view.lineage.open = true,
    }
}

/// The "Show lineage" entries of a canvas context menu on `item`: the item itself and, for a
/// system, each of its datasets.
pub fn context_menu_items(
    ui: &mut egui::Ui,
    landscape: &Landscape,
    item: &Item,
    lineage: &mut LineageView,
) {
    if let Some(root) = root_of_item(item)
        && ui.button("Show lineage").clicked()
    {
        lineage.show(root);
        ui.close();
    }
    if let Item::System(id) = item
        && let Some(system) = landscape.system(id)
        && !system.datasets.is_empty()
    {
        ui.menu_button("Show lineage of dataset", |ui| {
            for dataset in &system.datasets {
                let full_id = crate::model::dataset_full_id(&system.id, &dataset.id);
                if ui.button(&full_id).clicked() {
                    lineage.show(LineageRoot::Dataset(full_id));
                    ui.close();
                }
            }
        });
    }
}

/// The item of the main canvas a lineage node stands for: a dataset's system, a process, a
/// team; monitors have none.
pub fn canvas_item(landscape: &Landscape, kind: NodeKind, id: &str) -> Option<Item> {
    match kind {
        NodeKind::Dataset => landscape
            .system_of_dataset(id)
            .map(|system| Item::System(system.to_owned())),
        NodeKind::Process => Some(Item::Process(id.to_owned())),
        NodeKind::Team => Some(Item::Team(id.to_owned())),
        NodeKind::Monitor => None,
    }
}

/// The lineage root of a canvas item (systems, flows, processes).
pub fn root_of_item(item: &Item) -> Option<LineageRoot> {
    match item {
        Item::System(id) => Some(LineageRoot::System(id.clone())),
        Item::Flow(id) => Some(LineageRoot::Flow(id.clone())),
        Item::Process(id) => Some(LineageRoot::Process(id.clone())),
        Item::Team(_) | Item::Contract(_) | Item::Scenario(_) => None,
    }
}
