//! File ▸ Import…: the import's result (Mermaid or draw.io) and its diagnostics with line numbers
//! (`exports.md` §5: "the GUI lists them"). Without errors the imported landscape opens at once
//! (after the unsaved-changes question) and the window lists any warnings and notes; with errors
//! it opens only when the user chooses to open what the importer understood.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::import::any::{DiagramFormat, import_diagram};
use crate::import::severity;
use crate::model::{Landscape, Severity};
use crate::ui::commands::Command;
use crate::ui::theme::severity_style;

/// One diagnostic as shown: severity, line and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportLine {
    pub severity: Severity,
    pub line: Option<usize>,
    pub code: &'static str,
    pub message: String,
}

/// The result of importing one file.
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The file imported.
    pub source: PathBuf,
    pub systems: usize,
    pub flows: usize,
    pub diagnostics: Vec<ImportLine>,
    /// The imported landscape until it is opened.
    pub pending: Option<Box<Landscape>>,
}

impl ImportReport {
    /// Imports `text` read from `source` (Mermaid, or draw.io by the extension); the landscape
    /// is named after the file.
    pub fn import(source: &Path, text: &str) -> Self {
        let extension = source.extension().and_then(|e| e.to_str()).unwrap_or("");
        let format = DiagramFormat::from_extension(extension);
        let (mut landscape, diagnostics) = import_diagram(format, text);
        if let Some(stem) = source.file_stem().and_then(|s| s.to_str()) {
            stem.clone_into(&mut landscape.name);
        }
        let diagnostics = diagnostics
            .into_iter()
            .map(|d| ImportLine {
                severity: severity(d.code),
                line: d.line,
                code: d.code,
                message: d.message,
            })
            .collect();
        Self {
            source: source.to_path_buf(),
            systems: landscape.systems.len(),
            flows: landscape.flows.len(),
            diagnostics,
            pending: Some(Box::new(landscape)),
        }
    }

    /// How many diagnostics have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Whether a diagnostic is an error (then nothing opens without the user's yes).
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Draws the report while there is one; pushes `OpenImported` and `CloseImportReport`.
pub fn import_report_ui(report: &ImportReport, ctx: &egui::Context, commands: &mut Vec<Command>) {
    let mut open = true;
    let file = report
        .source
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    egui::Window::new(format!("Import {file}"))
        .id(egui::Id::new("import_report"))
        .open(&mut open)
        .default_width(560.0)
        .collapsible(false)
        .show(ctx, |ui| {
            let errors = report.count(Severity::Error);
            if report.pending.is_some() && errors > 0 {
                let (_, colour) = severity_style(Severity::Error, ui);
                ui.label(
                    RichText::new(format!(
                        "{errors} error(s): some lines were not understood and nothing was opened."
                    ))
                    .color(colour)
                    .strong(),
                );
            } else if report.pending.is_some() {
                ui.label("Not opened yet.");
            } else {
                ui.label(format!(
                    "Opened {} systems and {} flows as a new, unsaved document.",
                    report.systems, report.flows
                ));
            }
            ui.label(format!(
                "{} error(s), {} warning(s), {} note(s)",
                errors,
                report.count(Severity::Warning),
                report.count(Severity::Info)
            ));
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for diagnostic in &report.diagnostics {
                        let (symbol, colour) = severity_style(diagnostic.severity, ui);
                        let place = diagnostic
                            .line
                            .map_or_else(String::new, |line| format!("line {line}: "));
                        ui.label(
                            RichText::new(format!(
                                "{symbol} {place}{} [{}]",
                                diagnostic.message, diagnostic.code
                            ))
                            .color(colour),
                        );
                    }
                });
            ui.horizontal(|ui| {
                if report.pending.is_some() {
                    let what = if errors > 0 {
                        "Open what was understood"
                    } else {
                        "Open"
                    };
                    let label = format!(
                        "{what} ({} systems, {} flows)",
                        report.systems, report.flows
                    );
                    if ui
                        .add_enabled(report.systems > 0, egui::Button::new(label))
                        .clicked()
                    {
                        commands.push(Command::OpenImported);
                    }
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::CloseImportReport);
                    }
                } else if ui.button("Close").clicked() {
                    commands.push(Command::CloseImportReport);
                }
            });
        });
    if !open {
        commands.push(Command::CloseImportReport);
    }
}
