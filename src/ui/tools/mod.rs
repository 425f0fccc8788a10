//! Tool windows over the document: the route-through-hub result, the metrics window and the
//! export dialog. Their state is view state; they change the document only through commands.

pub mod hub_route;
pub mod hub_window;
pub mod metrics_chart;
pub mod metrics_window;

use super::app::DesignerApp;

/// The state of the tool windows.
#[derive(Debug, Default)]
pub struct ToolWindows {
    /// The last route-through-hub result, shown while `Some`.
    pub hub: Option<hub_route::HubReport>,
    /// The metrics window.
    pub metrics: metrics_window::MetricsWindow,
}

/// Draws the open tool windows.
pub fn tools_ui(app: &mut DesignerApp, ctx: &egui::Context) {
    hub_window::hub_window_ui(&mut app.tools.hub, ctx);
    let revision = app.history.revision();
    metrics_window::metrics_window_ui(&mut app.tools.metrics, &app.landscape, revision, ctx);
}
