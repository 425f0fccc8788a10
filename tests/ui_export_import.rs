//! File ▸ Export ▸ … and File ▸ Import Mermaid… driven through the menus with scripted file and
//! folder dialogs: the dialog shows warnings and a preview, writes exactly the bytes the CLI
//! writes, writes nothing while there are errors, asks before replacing files, and an import
//! opens as a new unsaved document or lists its errors with line numbers.

#![cfg(feature = "gui")]

mod ui_support;

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use switchboard::export::mermaid::export_mermaid;
use switchboard::export::target::{ExportBundle, ExportSettings, ExportTarget};
use switchboard::model::Severity;
use switchboard::ui::DesignerApp;
use switchboard::ui::file_picker::ScriptedPicker;
use ui_support::{
    command_key, harness_with_picker, seafood, select_all_then_type, settle, type_into,
};

fn picker(opens: Vec<PathBuf>, folders: Vec<PathBuf>) -> ScriptedPicker {
    ScriptedPicker {
        opens,
        saves: Vec::new(),
        folders,
        unavailable: false,
    }
}

fn open_export(harness: &mut Harness<'_, DesignerApp>, item: &str) {
    harness.get_by_label("File").click();
    settle(harness);
    harness.get_by_label("Export ⏵").click();
    settle(harness);
    harness.get_by_label(item).click();
    wait_for_export(harness);
}

/// Steps frames until the dialog's background export has finished.
fn wait_for_export(harness: &mut Harness<'_, DesignerApp>) {
    harness.step();
    for _ in 0..6000 {
        let app = harness.state();
        let revision = app.history().revision();
        let done = app
            .tools
            .export
            .as_ref()
            .is_none_or(|d| d.is_current(revision));
        if done {
            settle(harness);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    panic!("the export did not finish within 60 s");
}

fn files_below(folder: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(folder).expect("below");
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn export_mermaid_from_the_menu_writes_the_cli_bytes_into_the_picked_folder() {
    let out = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_with_picker(seafood(), picker(vec![], vec![out.path().into()]));
    open_export(&mut harness, "Mermaid…");

    let dialog = harness.state().tools.export.as_ref().expect("dialog open");
    assert_eq!(dialog.target, ExportTarget::Mermaid);
    let expected = export_mermaid(&seafood()).expect("seafood exports");
    assert_eq!(dialog.bundle.files, expected.files);
    harness.get_by_label("Write…").click();
    settle(&mut harness);

    let file = &expected.files[0];
    let written = std::fs::read(out.path().join(&file.path)).expect("written");
    assert_eq!(written, file.contents);
    let text = String::from_utf8(written).expect("text");
    assert_eq!(text.lines().next(), Some("flowchart LR"));
    // The export writes its manifest beside the files (see README "Exports").
    assert_eq!(
        files_below(out.path()),
        vec![file.path.clone(), "switchboard-export.json".to_owned()]
    );
    assert!(harness.state().tools.export.is_none(), "the dialog closes");
    assert_eq!(
        harness.state().preferences.last_export_folder.as_deref(),
        Some(out.path()),
        "the next export starts in this folder"
    );
    let shown = &harness.state().notifications.items;
    assert!(
        shown
            .iter()
            .any(|n| n.text.starts_with("wrote 1 file(s) below")),
        "{shown:?}"
    );
}

#[test]
fn rabbitmq_dialog_lists_the_warnings_previews_and_writes_every_file() {
    let out = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_with_picker(seafood(), picker(vec![], vec![out.path().into()]));
    open_export(&mut harness, "RabbitMQ definitions…");

    let expected = ExportBundle::export(
        &seafood(),
        ExportTarget::RabbitMq,
        &ExportSettings::default(),
    );
    assert!(expected.errors.is_empty());
    assert!(
        !expected.warnings.is_empty(),
        "seafood has point-to-point flows"
    );
    let dialog = harness.state().tools.export.as_ref().expect("dialog open");
    assert_eq!(dialog.bundle, expected);
    harness.get_by_label_contains("warning(s): the files can be written");
    harness.get_by_label_contains("W01 flow F1");
    // The first file is previewed in a read-only editor.
    let first = String::from_utf8(expected.files[0].contents.clone()).expect("text");
    harness.get_by_value(&first);

    // "Copy" puts the whole previewed file on the clipboard.
    harness.get_by_label("Copy").click();
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(text) if *text == first));
    assert!(copied, "the file's text was copied");
    settle(&mut harness);

    // Clicking a warning selects its flow on the canvas.
    harness.get_by_label_contains("W01 flow F1").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().view.single(),
        Some(&switchboard::ui::view_state::Item::Flow("F1".to_owned()))
    );

    harness.get_by_label("Write…").click();
    settle(&mut harness);
    let mut paths: Vec<String> = expected.files.iter().map(|f| f.path.clone()).collect();
    paths.push("switchboard-export.json".to_owned());
    paths.sort();
    assert_eq!(files_below(out.path()), paths);
    for file in &expected.files {
        let written = std::fs::read(out.path().join(&file.path)).expect("written");
        assert_eq!(written, file.contents, "{}", file.path);
    }
}

#[test]
fn an_export_with_errors_cannot_be_written_and_leaves_the_folder_empty() {
    let out = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_with_picker(seafood(), picker(vec![], vec![out.path().into()]));
    open_export(&mut harness, "RabbitMQ definitions…");

    harness.get_by_label("Virtual host").focus();
    settle(&mut harness);
    harness.get_by_label("Virtual host").type_text("###");
    wait_for_export(&mut harness);
    let dialog = harness.state().tools.export.as_ref().expect("dialog open");
    assert_eq!(dialog.vhost, "###");
    assert_eq!(dialog.bundle.errors.len(), 1);
    assert_eq!(dialog.bundle.errors[0].code, "E05");
    assert!(!dialog.can_write());
    harness.get_by_label_contains("error(s): nothing can be written");
    harness.get_by_label_contains("E05 --vhost \"###\"");

    // The button is disabled; the command behind it refuses too.
    harness.get_by_label("Write…").click();
    settle(&mut harness);
    harness
        .state_mut()
        .push(switchboard::ui::app::commands::Command::WriteExport);
    settle(&mut harness);
    assert!(files_below(out.path()).is_empty());
    assert!(
        harness.state().tools.export.is_some(),
        "the dialog stays open"
    );
}

#[test]
fn existing_files_are_replaced_only_after_replace() {
    let out = tempfile::tempdir().expect("temp dir");
    let expected = export_mermaid(&seafood()).expect("exports");
    let target = out.path().join(&expected.files[0].path);
    std::fs::create_dir_all(target.parent().expect("folder")).expect("folder");
    std::fs::write(&target, "old").expect("old file");
    let mut harness = harness_with_picker(seafood(), picker(vec![], vec![out.path().into()]));
    open_export(&mut harness, "Mermaid…");
    harness.get_by_label("Write…").click();
    settle(&mut harness);

    harness.get_by_label_contains("already exist below");
    assert_eq!(std::fs::read(&target).expect("kept"), b"old");
    harness.get_by_label("Replace").click();
    settle(&mut harness);
    assert_eq!(
        std::fs::read(&target).expect("replaced"),
        expected.files[0].contents
    );
}

#[test]
fn options_and_target_survive_to_the_next_export_and_ctrl_e_reopens_it() {
    let mut harness = harness_with_picker(seafood(), picker(vec![], vec![]));
    open_export(&mut harness, "Strimzi KafkaTopics…");
    type_into(&mut harness, "Strimzi cluster", "prod-eu");
    wait_for_export(&mut harness);
    let yaml = {
        let dialog = harness.state().tools.export.as_ref().expect("open");
        String::from_utf8(dialog.bundle.files[0].contents.clone()).expect("yaml")
    };
    assert!(yaml.contains("strimzi.io/cluster: prod-eu"), "{yaml}");
    harness.get_by_label("Cancel").click();
    settle(&mut harness);
    assert!(harness.state().tools.export.is_none());

    command_key(&mut harness, Key::E);
    wait_for_export(&mut harness);
    let dialog = harness.state().tools.export.as_ref().expect("reopened");
    assert_eq!(dialog.target, ExportTarget::Strimzi);
    assert_eq!(dialog.settings.kafka.cluster, "prod-eu");
}

#[test]
fn png_export_previews_the_picture_and_writes_a_png() {
    let out = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_with_picker(seafood(), picker(vec![], vec![out.path().into()]));
    open_export(&mut harness, "PNG image…");
    let dialog = harness.state().tools.export.as_ref().expect("open");
    assert!(dialog.picture.is_some(), "{:?}", dialog.picture_error);
    let size = dialog.picture.as_ref().expect("picture").size();
    assert!(size[0] > 400 && size[1] > 200, "{size:?}");
    harness.get_by_label("Write…").click();
    settle(&mut harness);
    let png = std::fs::read(out.path().join("image/landscape.png")).expect("written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn importing_the_seed_diagram_opens_an_unsaved_document_and_lists_the_notes() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mermaid/seed.mmd");
    let mut harness = harness_with_picker(seafood(), picker(vec![source], vec![]));
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Import (Mermaid, draw.io)…").click();
    settle(&mut harness);

    let app = harness.state();
    assert_eq!(app.landscape().name, "seed");
    assert_eq!(app.landscape().systems.len(), 7);
    assert_eq!(app.landscape().flows.len(), 10);
    assert!(app.path().is_none());
    assert!(
        app.history().has_unsaved_changes(),
        "an import is not saved"
    );
    assert!(app.title().starts_with("● seed"), "{}", app.title());
    let report = app.tools.import.as_ref().expect("report listed");
    assert!(report.pending.is_none());
    assert_eq!(report.count(Severity::Error), 0);
    harness.get_by_label_contains("Opened 7 systems and 10 flows");
    harness.get_by_label_contains("line 3:");
    harness.get_by_label("Close").click();
    settle(&mut harness);
    assert!(harness.state().tools.import.is_none());
}

#[test]
fn a_malformed_diagram_lists_its_errors_by_line_and_opens_only_on_request() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mermaid/malformed.mmd");
    let mut harness = harness_with_picker(seafood(), picker(vec![source], vec![]));
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Import (Mermaid, draw.io)…").click();
    settle(&mut harness);

    assert_eq!(
        *harness.state().landscape(),
        seafood(),
        "nothing opened yet"
    );
    harness.get_by_label_contains("4 error(s): some lines were not understood");
    harness.get_by_label_contains("line 4:");
    harness.get_by_label_contains("line 9:");
    harness
        .get_by_label("Open what was understood (3 systems, 2 flows)")
        .click();
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.landscape().name, "malformed");
    assert_eq!(app.landscape().systems.len(), 3);
    assert!(app.history().has_unsaved_changes());
}

#[test]
fn without_a_native_dialog_the_path_is_typed_in_and_the_export_is_written() {
    let out = tempfile::tempdir().expect("temp dir");
    let folder = out.path().join("exports");
    let mut harness = harness_with_picker(
        seafood(),
        ScriptedPicker {
            unavailable: true,
            ..ScriptedPicker::default()
        },
    );
    open_export(&mut harness, "Mermaid…");
    harness.get_by_label("Write…").click();
    settle(&mut harness);
    assert!(harness.state().path_prompt.is_some(), "the prompt opens");
    harness.get_by_label("Type a path");
    harness
        .get_by_label("Folder to write the export into (created if missing):")
        .type_text(&folder.display().to_string());
    settle(&mut harness);
    harness.get_by_label("OK").click();
    settle(&mut harness);

    assert!(harness.state().path_prompt.is_none());
    let expected = export_mermaid(&seafood()).expect("exports");
    let written = std::fs::read(folder.join(&expected.files[0].path)).expect("written");
    assert_eq!(written, expected.files[0].contents);
}

#[test]
fn without_a_native_dialog_save_as_and_open_take_a_typed_path() {
    let out = tempfile::tempdir().expect("temp dir");
    let file = out.path().join("typed.ron");
    let mut harness = harness_with_picker(
        seafood(),
        ScriptedPicker {
            unavailable: true,
            ..ScriptedPicker::default()
        },
    );
    ui_support::command_shift_key(&mut harness, Key::S);
    let prompt = harness.state().path_prompt.clone().expect("prompt");
    assert_eq!(
        prompt.text, "seafood-processing.ron",
        "prefilled with the suggestion"
    );
    // A name without .ron or .json is refused before anything is written.
    let field = "Save the landscape as (.ron or .json):";
    harness.get_by_label(field).focus();
    settle(&mut harness);
    let typed_txt = out.path().join("typed.txt").display().to_string();
    select_all_then_type(&mut harness, field, &typed_txt);
    harness.get_by_label_contains("must end in .ron or .json");
    select_all_then_type(&mut harness, field, &file.display().to_string());
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(harness.state().path(), Some(file.as_path()));
    assert!(!harness.state().history().has_unsaved_changes());
    assert_eq!(
        switchboard::ui::document_io::load(&file).expect("saved"),
        seafood()
    );

    // Open: the typed path of a missing file is refused; the saved file opens.
    command_key(&mut harness, Key::N);
    command_key(&mut harness, Key::O);
    let field = "Path of the landscape to open (.ron or .json):";
    harness
        .get_by_label(field)
        .type_text(&out.path().join("missing.ron").display().to_string());
    settle(&mut harness);
    harness.get_by_label_contains("is not a file");
    select_all_then_type(&mut harness, field, &file.display().to_string());
    harness.get_by_label("OK").click();
    settle(&mut harness);
    assert_eq!(*harness.state().landscape(), seafood());
    assert_eq!(harness.state().path(), Some(file.as_path()));
}
