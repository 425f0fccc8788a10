#![cfg(feature = "gui")]
//! The designer driven end to end by labels, as a user would: add, rename, connect, set owner
//! and contract, undo and redo each step, delete, save and reload — asserting on the document.

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use switchboard::ui::document_io;
use switchboard::ui::view_state::Item;
use ui_support::{
    command_key, command_shift_key, drag, harness, seafood, settle, system_centre, type_into,
};

#[test]
fn add_rename_connect_own_contract_undo_redo_delete_save_and_reload() {
    let folder = tempfile::tempdir().expect("present in the test");
    let saved = folder.path().join("edited.ron");
    let mut harness = harness(seafood(), vec![saved.clone()], vec![saved.clone()]);
    let systems_before = harness.state().landscape().systems.len();
    assert!(!harness.state().history().has_unsaved_changes());

    // Add a system from the toolbar; it is selected.
    harness.get_by_label("Add system").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().landscape().systems.len(),
        systems_before + 1
    );
    assert!(harness.state().landscape().system("new-system-1").is_some());
    assert_eq!(
        harness.state().view.single(),
        Some(&Item::System("new-system-1".into()))
    );
    assert!(harness.state().title().starts_with('●'), "unsaved marker");
    command_key(&mut harness, Key::Z);
    assert_eq!(harness.state().landscape().systems.len(), systems_before);
    command_shift_key(&mut harness, Key::Z);
    assert_eq!(
        harness.state().landscape().systems.len(),
        systems_before + 1
    );
    harness
        .state_mut()
        .view
        .select_only(Item::System("new-system-1".into()));
    settle(&mut harness);

    // Rename it in the inspector (F2 focuses the name field).
    harness.key_press(Key::F2);
    settle(&mut harness);
    type_into(&mut harness, "Name", "Billing");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(
        harness
            .state()
            .landscape()
            .system("new-system-1")
            .expect("present in the test")
            .name,
        "Billing"
    );
    command_key(&mut harness, Key::Z);
    assert_eq!(
        harness
            .state()
            .landscape()
            .system("new-system-1")
            .expect("present in the test")
            .name,
        "New system 1"
    );
    command_key(&mut harness, Key::Y);
    assert_eq!(
        harness
            .state()
            .landscape()
            .system("new-system-1")
            .expect("present in the test")
            .name,
        "Billing"
    );

    // Connect ERP to the new system by dragging from ERP's connect handle onto it.
    harness.state_mut().view.fit_requested = true;
    settle(&mut harness);
    let erp = harness
        .state()
        .canvas
        .system_screen_rect(&harness.state().view.camera, "ERP")
        .expect("present in the test");
    let target = system_centre(&harness, "new-system-1");
    drag(&mut harness, erp.right_center(), target);
    let flow = harness
        .state()
        .landscape()
        .flows
        .iter()
        .find(|f| f.output.starts_with("new-system-1."))
        .cloned()
        .expect("a flow into the new system");
    assert_eq!(flow.inputs.len(), 1);
    assert!(flow.inputs[0].starts_with("ERP."));
    assert_eq!(
        harness.state().view.single(),
        Some(&Item::Flow(flow.id.clone()))
    );
    command_key(&mut harness, Key::Z);
    assert!(harness.state().landscape().flow(&flow.id).is_none());
    assert!(
        harness
            .state()
            .landscape()
            .system("ERP")
            .expect("present in the test")
            .datasets
            .len()
            == 5
    );
    command_key(&mut harness, Key::Y);
    assert!(harness.state().landscape().flow(&flow.id).is_some());
    harness
        .state_mut()
        .view
        .select_only(Item::Flow(flow.id.clone()));
    // The legend lists team ids; colour by pattern so team names are only in the owner list.
    harness.get_by_label("By pattern").click();
    settle(&mut harness);

    // Set the flow's owner and contract in the inspector.
    harness.get_by_label("Owner").click();
    settle(&mut harness);
    harness.get_by_label("team-erp").click();
    settle(&mut harness);
    assert_eq!(
        harness
            .state()
            .landscape()
            .flow(&flow.id)
            .expect("present in the test")
            .owner
            .as_deref(),
        Some("team-erp")
    );
    harness.get_by_label("Contract").click();
    settle(&mut harness);
    harness.get_by_label("plan_api v1.0.0").click();
    settle(&mut harness);
    assert_eq!(
        harness
            .state()
            .landscape()
            .flow(&flow.id)
            .expect("present in the test")
            .contract
            .as_deref(),
        Some("plan_api")
    );
    command_key(&mut harness, Key::Z);
    assert_eq!(
        harness
            .state()
            .landscape()
            .flow(&flow.id)
            .expect("present in the test")
            .contract,
        None
    );
    assert_eq!(
        harness
            .state()
            .landscape()
            .flow(&flow.id)
            .expect("present in the test")
            .owner
            .as_deref(),
        Some("team-erp")
    );
    command_key(&mut harness, Key::Z);
    assert_eq!(
        harness
            .state()
            .landscape()
            .flow(&flow.id)
            .expect("present in the test")
            .owner,
        None
    );
    command_shift_key(&mut harness, Key::Z);
    command_shift_key(&mut harness, Key::Z);
    let edited = harness
        .state()
        .landscape()
        .flow(&flow.id)
        .expect("present in the test")
        .clone();
    assert_eq!(
        (edited.owner.as_deref(), edited.contract.as_deref()),
        (Some("team-erp"), Some("plan_api"))
    );

    // The Edit menu names the step undo would revert.
    harness.get_by_label("Edit").click();
    settle(&mut harness);
    harness.get_by_label_contains(&format!("Undo edit flow {}", flow.name));
    harness.key_press(Key::Escape);
    settle(&mut harness);

    // Delete the flow, undo, then delete a system with flows (asks first).
    harness
        .state_mut()
        .view
        .select_only(Item::Flow(flow.id.clone()));
    harness.key_press(Key::Delete);
    settle(&mut harness);
    assert!(harness.state().landscape().flow(&flow.id).is_none());
    command_key(&mut harness, Key::Z);
    assert!(harness.state().landscape().flow(&flow.id).is_some());
    harness
        .state_mut()
        .view
        .select_only(Item::System("ERP".into()));
    harness.key_press(Key::Delete);
    settle(&mut harness);
    assert!(
        harness.state().landscape().system("ERP").is_some(),
        "asks before deleting"
    );
    harness.get_by_label_contains("Delete with").click();
    settle(&mut harness);
    assert!(harness.state().landscape().system("ERP").is_none());
    assert!(
        harness
            .state()
            .landscape()
            .flows
            .iter()
            .all(|f| !f.output.starts_with("ERP."))
    );
    command_key(&mut harness, Key::Z);
    assert!(harness.state().landscape().system("ERP").is_some());

    // Save as… to a temp file and reload it.
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label_contains("Save as…").click();
    settle(&mut harness);
    assert!(!harness.state().history().has_unsaved_changes());
    let on_disk = document_io::load(&saved).expect("present in the test");
    assert_eq!(&on_disk, harness.state().landscape());
    assert!(harness.state().preferences.recent_files.contains(&saved));

    // Change something, then Open… asks to save first; Discard reloads the saved file.
    harness.get_by_label("Add system").click();
    settle(&mut harness);
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label_contains("Open…").click();
    settle(&mut harness);
    harness.get_by_label("Discard").click();
    settle(&mut harness);
    assert_eq!(*harness.state().landscape(), on_disk);
    assert_eq!(harness.state().path(), Some(saved.as_path()));
    assert!(!harness.state().history().has_unsaved_changes());
}

#[test]
fn an_idle_designer_requests_no_repaint() {
    let mut harness = harness(seafood(), Vec::new(), Vec::new());
    settle(&mut harness);
    harness.step();
    let delay = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .expect("root viewport output")
        .repaint_delay;
    assert_eq!(
        delay,
        std::time::Duration::MAX,
        "idle frames must not schedule repaints"
    );
}
