//! The window's panels around the canvas: menu bar and toolbar, status bar, outline, findings
//! and inspector. Each reads the document and view state and pushes commands; none mutates the
//! document. The app lays them out (`app/frame.rs`).

pub mod findings;
pub mod inspector;
pub mod legend;
pub mod menu;
pub mod outline;
pub mod outline_filter;
pub mod status_bar;
