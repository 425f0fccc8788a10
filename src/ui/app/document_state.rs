//! Replacing the document (New, Open, Import, Recover) and everything that belongs to it: the
//! selection, the simulation's results, scrubber and scenario choice, the tool windows' results
//! and the canvas scene. Only what belongs to the window (panels shown, preferences, the
//! clipboard) survives; the outline's filters name the old document's teams, so they go too.

use std::path::PathBuf;

use crate::model::Landscape;
use crate::ui::document::{Document, Saved};
use crate::ui::simulation::SimulationView;
use crate::ui::view_state::ViewState;

use super::DesignerApp;

impl DesignerApp {
    /// A new document replaces the current one; nothing derived from the old one survives;
    pub(crate) fn replace_document(
        &mut self,
        landscape: Landscape,
        path: Option<PathBuf>,
        saved: Saved,
    ) {
        self.document = Document::new(landscape, path, saved);
        let old = std::mem::take(&mut self.view);
        self.view = ViewState {
            fit_requested: true,
            simulation: SimulationView {
                open: old.simulation.open,
                ..SimulationView::default()
            },
            clipboard: old.clipboard,
            ..ViewState::default()
        };
        self.tools.hub = None;
        self.tools.hub_impact = None;
        self.tools.export = None;
        self.canvas.invalidate();
        self.findings = (None, Vec::new());
        self.autosave.clear();
    }
}
