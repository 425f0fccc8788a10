//! File ▸ Import offers Mermaid and draw.io, and dropping a `.drawio`, `.mmd` or `.dsl` file on
//! the window imports it with the diagnostics report (egui_kittest, no display needed).

#![cfg(feature = "gui")]

mod ui_support;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use switchboard::model::Severity;
use switchboard::ui::DesignerApp;
use switchboard::ui::file_picker::ScriptedPicker;
use ui_support::{harness_with_picker, seafood, settle};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// A file dropped from the file manager.
#[derive(Debug)]
struct FileOnDisk(PathBuf);

impl egui::DroppedFile for FileOnDisk {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'_, DesignerApp>, path: PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(FileOnDisk(path)));
    settle(harness);
}

#[test]
fn dropping_a_drawio_file_opens_it_with_its_groups_and_lists_the_diagnostics() {
    let mut harness = harness_with_picker(seafood(), ScriptedPicker::default());
    drop_file(&mut harness, fixture("drawio/workshop.drawio"));
    let app = harness.state();
    assert_eq!(app.landscape().name, "workshop");
    assert_eq!(app.landscape().systems.len(), 5);
    assert_eq!(app.landscape().flows.len(), 4);
    let gate = app.landscape().system("GATE_CONTROL").expect("gate");
    assert_eq!(gate.group.as_deref(), Some("Logistics.Yard"));
    assert!(
        app.history().has_unsaved_changes(),
        "an import is not saved"
    );
    let report = app.tools.import.as_ref().expect("report listed");
    assert_eq!(report.count(Severity::Warning), 1);
    harness.get_by_label_contains("Opened 5 systems and 4 flows");
    harness.get_by_label_contains("line 52:");
}

#[test]
fn the_import_menu_reads_a_drawio_file_picked_in_the_dialog() {
    let picker = ScriptedPicker {
        opens: vec![fixture("drawio/workshop.drawio")],
        ..ScriptedPicker::default()
    };
    let mut harness = harness_with_picker(seafood(), picker);
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Import (Mermaid, draw.io)…").click();
    settle(&mut harness);
    assert_eq!(harness.state().landscape().systems.len(), 5);
}

#[test]
fn dropping_a_mermaid_file_imports_it_and_a_dsl_file_explains_why_not() {
    let mut harness = harness_with_picker(seafood(), ScriptedPicker::default());
    drop_file(&mut harness, fixture("mermaid/corpus/10-nested.mmd"));
    assert_eq!(harness.state().landscape().systems.len(), 5);
    harness.get_by_label("Close").click();
    settle(&mut harness);

    let dir = tempfile::tempdir().expect("temp dir");
    let dsl = dir.path().join("workspace.dsl");
    std::fs::write(&dsl, "workspace {\n}\n").expect("write");
    drop_file(&mut harness, dsl);
    let app = harness.state();
    assert_eq!(app.landscape().systems.len(), 5, "nothing else opened");
    let report = app.tools.import.as_ref().expect("report listed");
    assert_eq!(report.count(Severity::Error), 1);
    harness.get_by_label_contains("Structurizr DSL is only exported");
}
