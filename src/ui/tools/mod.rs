//! Tool windows over the document: the route-through-hub result, the metrics window, the export
//! dialog and the Mermaid import report. Their state is view state; they change the document
//! only through commands.

pub mod export_dialog;
pub mod export_options;
pub mod export_window;
pub mod help_window;
pub mod hub_route;
pub mod hub_window;
pub mod import_report;
pub mod metrics_chart;
pub mod metrics_window;

use crate::export::target::{ExportSettings, ExportTarget};

use super::app::DesignerApp;

/// The state of the tool windows.
#[derive(Default)]
pub struct ToolWindows {
    /// The last route-through-hub result, shown while `Some`.
    pub hub: Option<hub_route::HubReport>,
    /// The impact simulations of that result, while they run.
    pub hub_impact:
        Option<crate::ui::background::Job<Result<(hub_route::Impact, hub_route::Impact), String>>>,
    /// The metrics window.
    pub metrics: metrics_window::MetricsWindow,
    /// The export dialog, shown while `Some`.
    pub export: Option<export_dialog::ExportDialog>,
    /// The target and options of the last export, offered again by the next one (Ctrl+E).
    pub last_export: Option<(ExportTarget, ExportSettings)>,
    /// The Mermaid import report, shown while `Some`.
    pub import: Option<import_report::ImportReport>,
    /// Help ▸ Keyboard shortcuts and Help ▸ About.
    pub help: help_window::HelpWindows,
}

/// Draws the open tool windows.
pub fn tools_ui(app: &mut DesignerApp, ctx: &egui::Context) {
    if let Some(done) = app
        .tools
        .hub_impact
        .as_ref()
        .and_then(crate::ui::background::Job::poll)
    {
        app.tools.hub_impact = None;
        if let Some(report) = &mut app.tools.hub {
            report.impact = Some(done.and_then(|impact| impact));
        }
    }
    hub_window::hub_window_ui(&mut app.tools.hub, ctx);
    help_window::help_windows_ui(&mut app.tools.help, ctx);
    if app.tools.hub.is_none() {
        // Closed: the result of a simulation still running is not wanted.
        app.tools.hub_impact = None;
    }
    let revision = app.history.revision();
    metrics_window::metrics_window_ui(&mut app.tools.metrics, &app.landscape, revision, ctx);
    crate::ui::lineage::lineage_window_ui(&mut app.view, &app.landscape, revision, ctx);
    let mut commands = Vec::new();
    if let Some(dialog) = &mut app.tools.export {
        export_window::export_window_ui(dialog, &app.landscape, revision, ctx, &mut commands);
    }
    if let Some(report) = &app.tools.import {
        import_report::import_report_ui(report, ctx, &mut commands);
    }
    for command in commands {
        app.push(command);
    }
}
