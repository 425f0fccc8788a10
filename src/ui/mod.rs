//! The eframe designer: canvas, panels, commands, theme and dialogs. The only module that names
//! egui, eframe, egui_graphs or rfd.
