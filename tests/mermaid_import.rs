//! The Mermaid import: the seed diagram of the issue (§5.2 test vector), malformed input with
//! line numbers, and the names the import chooses.

mod support_mermaid;

use switchboard::export::mermaid::mermaid_text;
use switchboard::import::{import_mermaid, severity};
use switchboard::model::{Schedule, Severity};

#[test]
fn seed_diagram_imports_as_seven_systems_and_ten_flows_with_only_info() {
    let (landscape, diagnostics) = import_mermaid(include_str!("fixtures/mermaid/seed.mmd"));
    assert_eq!(landscape.systems.len(), 7);
    assert_eq!(landscape.flows.len(), 10);
    assert_eq!(diagnostics.len(), 11);
    assert!(
        diagnostics
            .iter()
            .all(|d| severity(d.code) == Severity::Info)
    );
    let lines: Vec<usize> = diagnostics.iter().filter_map(|d| d.line).collect();
    let expected: Vec<usize> = std::iter::once(1).chain(3..=12).collect();
    assert_eq!(
        lines, expected,
        "the %%{{init}}%% line, then one per defaulted flow"
    );
    let wh = landscape.system("WH").expect("WH");
    assert_eq!(wh.name, "Warehouse");
    assert_eq!(wh.diagram_id.as_deref(), Some("WH"));
    let first = &landscape.flows[0];
    assert_eq!(first.id, "F1");
    assert_eq!(first.output, "WH.erp_to_warehouse");
    assert_eq!(first.inputs, ["ERP.erp_to_warehouse"]);
    assert_eq!(landscape.flow_source_systems(first), ["ERP"]);
    assert_eq!(landscape.flow_target_system(first), Some("WH"));
    assert!(
        landscape
            .dataset("ERP.erp_to_warehouse")
            .expect("input")
            .dataset
            .source
    );
    assert_eq!(
        first.schedule,
        Schedule::Every {
            every_minutes: 60,
            offset_minutes: 0
        }
    );
}

#[test]
fn seed_diagram_re_exports_exactly_as_the_spec_says() {
    let (landscape, _) = import_mermaid(include_str!("fixtures/mermaid/seed.mmd"));
    let (text, warnings) = mermaid_text(&landscape);
    assert!(warnings.is_empty());
    assert_eq!(text, include_str!("fixtures/mermaid/seed-reexport.mmd"));
}

#[test]
fn seed_layout_is_layered_left_to_right_without_overlaps() {
    let (landscape, _) = import_mermaid(include_str!("fixtures/mermaid/seed.mmd"));
    let x = |id: &str| landscape.system(id).expect(id).position.x;
    assert!(x("ERP") < x("PROD"));
    assert!(x("PROD") < x("QA"));
    assert!(x("QA") < x("DATA"));
    assert!(x("PROD") < x("WH"));
    let mut seen = std::collections::BTreeSet::new();
    for system in &landscape.systems {
        let key = (system.position.x as i64, system.position.y as i64);
        assert!(seen.insert(key), "two systems at {key:?}");
    }
}

#[test]
fn malformed_diagram_reports_each_problem_with_its_line_and_keeps_the_rest() {
    let (landscape, diagnostics) = import_mermaid(include_str!("fixtures/mermaid/malformed.mmd"));
    let problems: Vec<(usize, Severity)> = diagnostics
        .iter()
        .filter(|d| severity(d.code) != Severity::Info)
        .map(|d| (d.line.expect("line"), severity(d.code)))
        .collect();
    assert_eq!(
        problems,
        [
            (4, Severity::Error),
            (5, Severity::Error),
            (6, Severity::Error),
            (7, Severity::Error),
            (9, Severity::Warning)
        ]
    );
    assert!(diagnostics[1].message.contains("B -> C"));
    assert_eq!(landscape.systems.len(), 3);
    assert_eq!(landscape.flows.len(), 2);
    assert_eq!(landscape.system("A").expect("A").name, "Alpha");
}

#[test]
fn labels_give_dataset_and_schedule_with_the_rightmost_schedule_split() {
    let (landscape, diagnostics) = import_mermaid(
        "graph LR\nA -->|\"a, every 5m, cron 0 2 * * 1-5\"| B\nA -- plain text --> B\nA -->|\"x, every 0m\"| B\n",
    );
    let datasets: Vec<&str> = landscape
        .flows
        .iter()
        .map(|f| {
            landscape
                .dataset(&f.output)
                .expect("output")
                .dataset
                .name
                .as_str()
        })
        .collect();
    assert_eq!(datasets, ["a, every 5m", "plain text", "x"]);
    assert!(
        matches!(landscape.flows[0].schedule, Schedule::Cron { ref days, .. } if days.len() == 5)
    );
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["I20", "W21"]);
    let outputs: Vec<&str> = landscape.flows.iter().map(|f| f.output.as_str()).collect();
    assert_eq!(outputs, ["B.a_every_5m", "B.plain_text", "B.x"]);
}

#[test]
fn repeated_datasets_get_suffixes_and_self_loops_read_a_separate_source() {
    let (landscape, _) = import_mermaid(
        "graph LR\nA -->|\"s, stream\"| B\nC -->|\"s, stream\"| B\nB -->|\"s, stream\"| B\n",
    );
    let outputs: Vec<&str> = landscape.flows.iter().map(|f| f.output.as_str()).collect();
    assert_eq!(outputs, ["B.s", "B.s_2", "B.s_3"]);
    assert_eq!(landscape.flows[2].inputs, ["B.s_source"]);
}

#[test]
fn an_empty_or_headerless_input_is_an_error_not_a_panic() {
    for text in ["", "\n\n", "A --> B"] {
        let (_, diagnostics) = import_mermaid(text);
        assert!(
            diagnostics
                .iter()
                .any(|d| d.code == "E20" && d.line.is_some()),
            "{text:?}"
        );
    }
}

#[test]
fn imported_landscapes_pass_model_validation() {
    for text in [
        include_str!("fixtures/mermaid/seed.mmd"),
        "graph LR\nA -->|\"s, stream\"| B\nB -->|\"s, stream 2m\"| A\nA -->|\"job, cron 0 4 * * 1-5\"| A\n",
    ] {
        let (landscape, _) = import_mermaid(text);
        let errors: Vec<_> = switchboard::model::validate(&landscape)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}
