//! Running the commands of the tool windows (route through hub, exports, imports).

use super::DesignerApp;
use crate::ui::tools::hub_route;
use crate::ui::view_state::Item;

impl DesignerApp {
    /// Routes the selected flows (or every eligible flow) through the hub as one undo step and
    /// opens the result window.
    pub(super) fn route_through_hub(&mut self, ctx: &egui::Context) {
        let selected: Vec<String> = self
            .view
            .selection
            .iter()
            .filter_map(|item| match item {
                Item::Flow(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
        let chosen = self.view.simulation.scenario.clone();
        match hub_route::plan(&self.landscape, &selected, chosen.as_deref()) {
            Ok((command, report)) => {
                if let Some(command) = command {
                    self.run(ctx, command);
                } else {
                    self.notifications
                        .info("no flow could be routed through the hub");
                }
                self.tools.hub = Some(report);
            }
            Err(error) => self
                .notifications
                .error(format!("could not route through hub: {error}")),
        }
    }
}
