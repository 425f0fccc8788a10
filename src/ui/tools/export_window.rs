//! The export window (File ▸ Export ▸ …): target and options, the exporters' errors and
//! warnings, the files with a read-only preview, and "Write…", which asks for a folder and
//! writes every file atomically. Nothing can be written while there are errors; files that would
//! be overwritten are listed and need "Replace".

use egui::{RichText, Ui};

use crate::export::names::sanitise;
use crate::export::target::ExportTarget;
use crate::model::{Landscape, Severity};
use crate::ui::commands::Command;
use crate::ui::theme::severity_style;
use crate::ui::view_state::Item;

use super::export_dialog::{ExportDialog, human_size};
use super::export_options::export_options_ui;

/// Draws the window while the dialog is open; pushes `WriteExport`, `WriteExportTo`,
/// `CloseExport` and selections of the flows named by warnings.
pub fn export_window_ui(
    dialog: &mut ExportDialog,
    landscape: &Landscape,
    revision: u64,
    ctx: &egui::Context,
    commands: &mut Vec<Command>,
) {
    dialog.refresh(landscape, revision, ctx);
    let mut open = true;
    egui::Window::new(format!("Export {}", dialog.target.label()))
        .id(egui::Id::new("export_window"))
        .open(&mut open)
        .default_size([900.0, 720.0])
        .collapsible(false)
        .show(ctx, |ui| {
            target_picker(dialog, ui);
            egui::CollapsingHeader::new("Options")
                .default_open(true)
                .show(ui, |ui| {
                    let default_vhost = landscape
                        .export_vhost
                        .as_deref()
                        .map_or_else(|| sanitise(&landscape.name), sanitise);
                    export_options_ui(dialog, &default_vhost, ui);
                });
            ui.separator();
            if let Some(elapsed) = dialog.busy_for() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Exporting… {:.1} s", elapsed.as_secs_f32()));
                });
            }
            if !dialog.has_result() {
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CloseExport);
                }
                return;
            }
            diagnostics_ui(dialog, ui, commands);
            ui.separator();
            actions_ui(dialog, ui, commands);
            ui.separator();
            files_ui(dialog, ui);
        });
    if !open {
        commands.push(Command::CloseExport);
    }
}

/// How many errors and warnings the dialog lists; the rest are counted.
const MAX_LISTED: usize = 200;

fn target_picker(dialog: &mut ExportDialog, ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Export");
        for target in ExportTarget::ALL {
            ui.selectable_value(&mut dialog.target, target, target.label());
        }
    });
}

fn diagnostics_ui(dialog: &ExportDialog, ui: &mut Ui, commands: &mut Vec<Command>) {
    let bundle = &dialog.bundle;
    if bundle.errors.is_empty() && bundle.warnings.is_empty() {
        ui.label("No warnings.");
        return;
    }
    let (_, error_colour) = severity_style(Severity::Error, ui);
    if !bundle.errors.is_empty() {
        ui.label(
            RichText::new(format!(
                "{} error(s): nothing can be written until they are fixed.",
                bundle.errors.len()
            ))
            .color(error_colour)
            .strong(),
        );
    }
    if !bundle.warnings.is_empty() {
        ui.label(format!(
            "{} warning(s): the files can be written; check them first.",
            bundle.warnings.len()
        ));
    }
    egui::ScrollArea::vertical()
        .id_salt("export_diagnostics")
        .max_height(130.0)
        .show(ui, |ui| {
            let listed = bundle
                .errors
                .iter()
                .map(|d| (Severity::Error, d))
                .chain(bundle.warnings.iter().map(|d| (Severity::Warning, d)));
            for (severity, diagnostic) in listed.take(MAX_LISTED) {
                let (symbol, colour) = severity_style(severity, ui);
                let text = RichText::new(format!(
                    "{symbol} {} {}",
                    diagnostic.code, diagnostic.message
                ))
                .color(colour);
                if let Some(flow) = &diagnostic.flow {
                    if ui.link(text).on_hover_text("Select the flow").clicked() {
                        commands.push(Command::SelectItem(Item::Flow(flow.clone())));
                    }
                } else {
                    ui.label(text);
                }
            }
            let total = bundle.errors.len() + bundle.warnings.len();
            if total > MAX_LISTED {
                ui.weak(format!(
                    "… and {} more (switchboard export prints them all)",
                    total - MAX_LISTED
                ));
            }
        });
}

fn actions_ui(dialog: &ExportDialog, ui: &mut Ui, commands: &mut Vec<Command>) {
    if let Some(pending) = &dialog.pending_replace {
        ui.label(format!(
            "{} of the {} files already exist below {} and will be replaced:",
            pending.existing.len(),
            dialog.bundle.files.len(),
            pending.folder.display()
        ));
        for path in pending.existing.iter().take(8) {
            ui.monospace(path);
        }
        if pending.existing.len() > 8 {
            ui.weak(format!("… and {} more", pending.existing.len() - 8));
        }
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                commands.push(Command::WriteExportTo(pending.folder.clone()));
            }
            if ui.button("Choose another folder…").clicked() {
                commands.push(Command::WriteExport);
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::CloseExport);
            }
        });
        return;
    }
    ui.horizontal(|ui| {
        let write = ui
            .add_enabled(dialog.can_write(), egui::Button::new("Write…"))
            .on_hover_text("Choose a folder; the files are written below it")
            .on_disabled_hover_text("Fix the errors first: nothing is written while there are any");
        if write.clicked() {
            commands.push(Command::WriteExport);
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::CloseExport);
        }
        ui.weak(format!(
            "{} file(s), {}",
            dialog.bundle.files.len(),
            human_size(dialog.bundle.files.iter().map(|f| f.contents.len()).sum())
        ));
    });
}

fn files_ui(dialog: &mut ExportDialog, ui: &mut Ui) {
    if dialog.bundle.files.is_empty() {
        ui.weak("No files: see the errors above.");
        return;
    }
    egui::Panel::left("export_files")
        .resizable(true)
        .default_size(270.0)
        .show(ui, |ui| {
            // Only the visible rows are laid out: an export can hold thousands of files.
            let row_height = ui.spacing().interact_size.y;
            let count = dialog.bundle.files.len();
            egui::ScrollArea::vertical()
                .id_salt("export_file_list")
                .show_rows(ui, row_height, count, |ui, rows| {
                    for index in rows {
                        let file = &dialog.bundle.files[index];
                        let label = format!("{}  ({})", file.path, human_size(file.contents.len()));
                        ui.selectable_value(&mut dialog.selected, index, label);
                    }
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        if dialog.target.is_image() {
            if dialog.target == ExportTarget::Svg {
                ui.checkbox(&mut dialog.show_source, "Show the SVG source");
            }
            if dialog.target == ExportTarget::Png || !dialog.show_source {
                picture_ui(dialog, ui);
                return;
            }
        }
        let Some(file) = dialog.bundle.files.get(dialog.selected) else {
            return;
        };
        if let Ok(whole) = std::str::from_utf8(&file.contents)
            && ui
                .button("Copy")
                .on_hover_text("Copy the whole file to the clipboard")
                .clicked()
        {
            ui.ctx().copy_text(whole.to_owned());
        }
        let Some(mut text) = dialog.preview() else {
            return;
        };
        egui::ScrollArea::both()
            .id_salt("export_preview")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut text)
                        .code_editor()
                        .desired_width(f32::INFINITY),
                );
            });
    });
}

fn picture_ui(dialog: &ExportDialog, ui: &mut Ui) {
    if let Some(texture) = &dialog.picture {
        egui::ScrollArea::both()
            .id_salt("export_picture")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width();
                ui.add(egui::Image::new(texture).max_width(width));
            });
    } else if let Some(error) = &dialog.picture_error {
        let (_, colour) = severity_style(Severity::Error, ui);
        ui.label(RichText::new(format!("No preview: {error}")).color(colour));
    }
}
