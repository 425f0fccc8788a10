//! Tool windows over the document: the route-through-hub result, the metrics window, the export
//! dialog and the Mermaid import report. Their state is view state; they change the document
//! only through commands. The app draws them (`app/frame.rs`).

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
