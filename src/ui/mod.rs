//! The eframe designer: canvas, panels, commands, theme and dialogs. The only module that names
//! egui, eframe or rfd.
//!
//! Depends on `model`, `edit`, `file`, `analysis`, `sim`, `export` and `import`. Follows architecture.md "One frame of the
//! app": panels, menus, dialogs, tools and the canvas read the document and view state and push
//! [`commands::Command`]s; only the app applies them, through [`document::Document::apply`],
//! after drawing. The menus, toolbar, key handler and F1 window read one action table
//! ([`actions`]). No module of `ui` imports one that imports it back (tests/architecture.rs).

pub mod actions;
pub mod app;
pub mod autosave;
pub mod background;
pub mod canvas;
pub mod commands;
pub mod dialogs;
pub mod document;
pub mod document_io;
pub mod file_picker;
pub mod lineage;
pub mod notifications;
pub mod panels;
pub mod path_prompt;
pub mod preferences;
pub mod simulation;
pub mod theme;
pub mod tools;
pub mod view_state;
mod widgets;

use std::path::Path;

pub use app::{DesignerApp, StartOptions};

/// The eframe app id (names the storage and autosave folder).
pub const APP_ID: &str = "switchboard";

/// The window icon, rendered from `assets/icons/switchboard.svg` (empty if that failed, which
/// a test of the icon rules out).
pub fn window_icon() -> egui::IconData {
    const SIZE: u32 = 64;
    crate::export::icon::icon_rgba(SIZE).map_or_else(
        |_| egui::IconData::default(),
        |rgba| egui::IconData {
            rgba,
            width: SIZE,
            height: SIZE,
        },
    )
}

/// Opens the designer window on `file`, or on the bundled seafood example, and returns when
/// it closes. The error (an unreadable file, no display) is for the caller to report.
pub fn run_designer(file: Option<&Path>) -> anyhow::Result<()> {
    let (landscape, path) = match file {
        Some(path) => (document_io::load(path)?, Some(path.to_path_buf())),
        None => (document_io::seafood_example()?, None),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Switchboard")
            .with_inner_size([1600.0, 1000.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true)
            .with_app_id(APP_ID)
            .with_icon(window_icon()),
        ..eframe::NativeOptions::default()
    };
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let mut start = StartOptions::new(landscape);
            start.path = path;
            start.autosave_folder = eframe::storage_dir(APP_ID);
            Ok(Box::new(DesignerApp::new(start, cc.storage)))
        }),
    );
    result.map_err(|error| anyhow::anyhow!("the designer window could not be opened: {error}"))
}
