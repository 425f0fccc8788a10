//! The Mermaid export: the golden worked example of `exports.md` §6.7, determinism, node ids and
//! label escaping.

mod support_mermaid;

use switchboard::export::mermaid::{MERMAID_PATH, export_mermaid};
use switchboard::model::{Landscape, System};

fn exported(landscape: &Landscape) -> String {
    let output = export_mermaid(landscape).expect("the Mermaid export never fails");
    assert_eq!(output.files.len(), 1);
    assert_eq!(output.files[0].path, MERMAID_PATH);
    String::from_utf8(output.files[0].contents.clone()).expect("utf-8")
}

#[test]
fn worked_example_matches_the_golden_file_of_section_6_7() {
    let golden = include_str!("fixtures/mermaid/worked-example.mmd");
    let landscape = support_mermaid::worked_example();
    let output = export_mermaid(&landscape).expect("export");
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    assert_eq!(exported(&landscape), golden);
}

#[test]
fn worked_example_fixture_from_main_exports_the_same_when_present() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export/worked-example.ron");
    if let Ok(landscape) = switchboard::file::load_path(&path) {
        assert_eq!(
            exported(&landscape),
            include_str!("fixtures/mermaid/worked-example.mmd")
        );
    }
}

#[test]
fn exporting_twice_gives_identical_bytes() {
    let landscape = support_mermaid::seafood();
    assert_eq!(exported(&landscape), exported(&landscape));
    let text = exported(&landscape);
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
    assert!(!text.contains('\r'));
}

#[test]
fn internal_jobs_and_multi_input_flows_draw_one_edge_per_source_system() {
    let text = exported(&support_mermaid::built_seafood());
    let erp = "ERP_ORDERS_ATP_INVOICING";
    assert!(text.contains(&format!(
        "    {erp} -->|\"delivery_plan, cron 0 4 * * *\"| {erp}\n"
    )));
    assert_eq!(
        text.matches("| AI_DEMAND_INVENTORY_FORECAST\n").count(),
        1,
        "{text}"
    );
    assert!(text.contains(&format!(
        "    QUALITY_SYSTEM_LOT_RELEASE_HOLDS -->|\"lot_status, every 60m +15m\"| {erp}\n"
    )));
    assert_eq!(text.lines().count(), 1 + 7 + 10);
}

fn named(id: &str, name: &str) -> System {
    System {
        id: id.to_owned(),
        name: name.to_owned(),
        ..System::default()
    }
}

#[test]
fn node_ids_come_from_names_and_collisions_get_suffixes_in_system_id_order() {
    let mut with_diagram_id = named("s0", "Anything");
    with_diagram_id.diagram_id = Some("KEPT".into());
    let mut reserved = named("s5", "Reserved");
    reserved.diagram_id = Some("end".into());
    let landscape = Landscape {
        systems: vec![
            named("s2", "wms "),
            named("s1", "WMS"),
            named("s3", "3PL Hub"),
            named("s4", "原料系统"),
            with_diagram_id,
            reserved,
        ],
        ..Landscape::default()
    };
    let text = exported(&landscape);
    // Names are transliterated (issue 12, `deunicode`), so 原料系统 gets a readable id.
    let expected = "flowchart LR\n    KEPT[Anything]\n    N3PL_HUB[3PL Hub]\n    RESERVED[Reserved]\n    WMS[WMS]\n    WMS_2[\"wms \"]\n    YUAN_LIAO_XI_TONG[\"原料系统\"]\n";
    assert_eq!(text, expected);
}

#[test]
fn labels_with_special_characters_are_quoted_and_escaped() {
    let landscape = Landscape {
        systems: vec![named("a", "Say \"hi\" <b> #1 | x")],
        ..Landscape::default()
    };
    assert_eq!(
        exported(&landscape),
        "flowchart LR\n    SAY_HI_B_1_X[\"Say #quot;hi#quot; #lt;b#gt; #35;1 #124; x\"]\n"
    );
}

#[test]
fn flows_that_do_not_resolve_are_warned_about_not_dropped_silently() {
    let mut landscape = support_mermaid::worked_example();
    landscape.flows[0].output = "nowhere.stock".into();
    let output = export_mermaid(&landscape).expect("export");
    assert_eq!(output.warnings.len(), 1);
    assert_eq!(output.warnings[0].code, "W30");
    assert_eq!(output.warnings[0].flow.as_deref(), Some("F1"));
}
