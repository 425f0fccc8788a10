//! Running the commands of the tool windows: route through hub, the export dialog and the
//! Mermaid import.

use std::path::PathBuf;

use super::DesignerApp;
use crate::export::target::{ExportSettings, ExportTarget};
use crate::ui::background::Job;
use crate::ui::document::Saved;
use crate::ui::file_picker::FileKind;
use crate::ui::path_prompt::PathPurpose;
use crate::ui::tools::export_dialog::{ExportDialog, PendingReplace};
use crate::ui::tools::hub_route;
use crate::ui::tools::import_report::ImportReport;
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
        match hub_route::plan(self.document.landscape(), &selected, chosen.as_deref()) {
            Ok((command, report, job)) => {
                if let Some(command) = command {
                    self.run(ctx, command);
                } else {
                    self.notifications
                        .info("no flow could be routed through the hub");
                }
                self.tools.hub = Some(report);
                self.tools.hub_impact =
                    job.map(|job| Job::spawn("hub impact", ctx, move || job.run()));
            }
            Err(error) => self
                .notifications
                .error(format!("could not route through hub: {error}")),
        }
    }

    /// Opens the export dialog on `target` with the options of the last export, or switches
    /// the open dialog to `target`.
    pub(super) fn open_export(&mut self, target: ExportTarget) {
        if let Some(dialog) = &mut self.tools.export {
            dialog.target = target;
            return;
        }
        let settings = self
            .tools
            .last_export
            .as_ref()
            .map_or_else(ExportSettings::default, |(_, s)| s.clone());
        self.tools.export = Some(ExportDialog::new(target, settings));
    }

    /// Closes the export dialog, keeping its target and options for the next export.
    pub(super) fn close_export(&mut self) {
        if let Some(dialog) = self.tools.export.take() {
            self.tools.last_export = Some((dialog.target, dialog.effective_settings()));
        }
    }

    /// Writes the export dialog's files below `folder` (replacing what is there), or asks for a
    /// folder first.
    pub(super) fn write_export(&mut self, folder: Option<PathBuf>) {
        let Some(dialog) = &self.tools.export else {
            return;
        };
        if let Some(folder) = folder {
            self.write_export_now(&folder);
            return;
        }
        let start = self
            .preferences
            .last_export_folder
            .clone()
            .or_else(|| self.path().and_then(|p| p.parent()).map(PathBuf::from));
        let title = format!("Export {} into folder", dialog.target.label());
        let picked = self.picker.folder(&title, start.as_deref());
        let initial = start.map_or_else(String::new, |p| p.display().to_string());
        if let Some(folder) = self.picked(picked, PathPurpose::ExportFolder, initial) {
            self.write_export_into(folder);
        }
    }

    /// Writes the export dialog's files below the chosen `folder`; when some of them exist
    /// there, the dialog asks "Replace" first.
    pub(super) fn write_export_into(&mut self, folder: PathBuf) {
        let Some(dialog) = &mut self.tools.export else {
            return;
        };
        let existing = dialog.existing_below(&folder);
        if existing.is_empty() {
            self.write_export_now(&folder);
        } else {
            dialog.pending_replace = Some(PendingReplace { folder, existing });
        }
    }

    /// Writes every file of the export dialog below `folder` atomically, unless the exporters
    /// reported errors; closes the dialog on success.
    fn write_export_now(&mut self, folder: &std::path::Path) {
        let revision = self.document.revision();
        let Some(dialog) = &mut self.tools.export else {
            return;
        };
        if !dialog.is_current(revision) {
            self.notifications
                .error("nothing written: the export is being updated; write again when it is done");
            return;
        }
        if !dialog.can_write() {
            self.notifications
                .error("nothing written: the export has errors (listed in the dialog)");
            return;
        }
        match dialog.write_to(folder) {
            Ok(count) => {
                self.notifications
                    .info(format!("wrote {count} file(s) below {}", folder.display()));
                self.preferences.last_export_folder = Some(folder.to_path_buf());
                self.close_export();
            }
            Err(error) => {
                dialog.pending_replace = None;
                self.notifications
                    .error(format!("export not complete: {error:#}"));
            }
        }
    }

    /// Imports the Mermaid file at `path`, or at a path the user picks. The result opens (after
    /// the unsaved-changes question) unless the importer reported errors, and the report lists
    /// every diagnostic.
    pub(super) fn import_mermaid(&mut self, path: Option<PathBuf>) {
        let path = if let Some(path) = path {
            path
        } else {
            let picked = self.picker.open(FileKind::Mermaid);
            let Some(path) = self.picked(picked, PathPurpose::ImportMermaid, String::new()) else {
                return;
            };
            path
        };
        let text = match crate::file::read_text(&path) {
            Ok(text) => text,
            Err(error) => {
                self.notifications
                    .error(format!("could not import: {error}"));
                return;
            }
        };
        let report = ImportReport::import(&path, &text);
        let opens = !report.has_errors();
        self.tools.import = Some(report);
        if opens {
            self.push(crate::ui::commands::Command::OpenImported);
        }
    }

    /// Opens the import report's landscape as a new document that has never been saved.
    pub(super) fn open_imported(&mut self) {
        let Some(report) = &mut self.tools.import else {
            return;
        };
        let Some(landscape) = report.pending.take() else {
            return;
        };
        let summary = format!(
            "imported {} systems and {} flows from {}",
            report.systems,
            report.flows,
            report.source.display()
        );
        if report.diagnostics.is_empty() {
            self.tools.import = None;
        }
        self.replace_document(*landscape, None, Saved::No);
        self.notifications.info(summary);
    }
}
