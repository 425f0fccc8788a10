//! Validation findings, one rule at a time: each test breaks the clean seafood example in one
//! way and expects exactly that finding.

use switchboard::file::seafood_example;
use switchboard::model::{
    Calendar, Change, Dataset, FaultKind, Flow, FlowPatch, Landscape, MonitorCheck, Schedule,
    Severity, TimeOfDay, Window, validate,
};

fn seafood() -> Landscape {
    seafood_example().expect("the bundled example loads")
}

/// The findings with this code, as (entity kind, entity id, severity).
fn findings_with(landscape: &Landscape, code: &str) -> Vec<(String, String, Severity)> {
    validate(landscape)
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| (f.entity_kind.to_owned(), f.entity_id, f.severity))
        .collect()
}

fn flow_mut<'a>(landscape: &'a mut Landscape, id: &str) -> &'a mut Flow {
    landscape
        .flows
        .iter_mut()
        .find(|f| f.id == id)
        .expect("flow exists")
}

fn error(kind: &str, id: &str) -> Vec<(String, String, Severity)> {
    vec![(kind.to_owned(), id.to_owned(), Severity::Error)]
}

#[test]
fn the_seafood_example_has_no_findings() {
    assert_eq!(validate(&seafood()), vec![]);
}

#[test]
fn duplicate_system_ids_are_errors() {
    let mut l = seafood();
    let copy = l.systems[0].clone();
    l.systems.push(copy);
    assert!(findings_with(&l, "duplicate-id").contains(&(
        "system".into(),
        "WMS".into(),
        Severity::Error
    )));
}

#[test]
fn duplicate_flow_ids_are_errors() {
    let mut l = seafood();
    l.flows[1].id = "F1".into();
    assert_eq!(findings_with(&l, "duplicate-id"), error("flow", "F1"));
}

#[test]
fn empty_ids_are_errors() {
    let mut l = seafood();
    l.teams[0].id = String::new();
    assert!(!findings_with(&l, "empty-id").is_empty());
}

#[test]
fn a_flow_naming_a_missing_dataset_is_an_error_with_the_flow_id() {
    let mut l = seafood();
    flow_mut(&mut l, "F2").inputs = vec!["ERP.stocks".into()];
    assert_eq!(findings_with(&l, "dangling-dataset"), error("flow", "F2"));
}

#[test]
fn a_dataset_owned_by_an_unknown_team_is_an_error() {
    let mut l = seafood();
    l.systems[0].datasets[0].owner = Some("team-nobody".into());
    assert_eq!(
        findings_with(&l, "dangling-team"),
        error("dataset", "WMS.stock")
    );
}

#[test]
fn a_flow_owned_by_an_unknown_team_is_an_error_but_business_and_fallback_teams_are_fine() {
    let mut l = seafood();
    flow_mut(&mut l, "F2").owner = Some("sales-ops".into());
    flow_mut(&mut l, "F5").owner = Some("it-service-desk".into());
    assert_eq!(findings_with(&l, "dangling-team"), vec![]);
    flow_mut(&mut l, "F2").owner = Some("team-ghost".into());
    assert_eq!(findings_with(&l, "dangling-team"), error("flow", "F2"));
}

#[test]
fn a_process_depending_on_a_missing_dataset_is_an_error() {
    let mut l = seafood();
    l.processes[2].dependencies[0].dataset = "ERP.invoices".into();
    assert_eq!(
        findings_with(&l, "dangling-dataset"),
        error("process", "P3_invoicing")
    );
}

#[test]
fn a_fault_on_a_missing_flow_is_an_error() {
    let mut l = seafood();
    l.scenarios[0].faults[0].flow = "F99".into();
    assert_eq!(
        findings_with(&l, "dangling-flow"),
        error("fault", "F1-sftp-auth")
    );
}

#[test]
fn a_control_changing_a_missing_flow_is_an_error() {
    let mut l = seafood();
    l.scenarios[0].controls[1].changes = vec![Change::Flow {
        flow: "F42".into(),
        set: FlowPatch::default(),
    }];
    assert_eq!(
        findings_with(&l, "dangling-flow"),
        error("scenario", "friday-night")
    );
}

#[test]
fn a_flow_writing_a_source_of_record_is_an_error() {
    let mut l = seafood();
    flow_mut(&mut l, "F2").output = "ERP.orders".into();
    assert_eq!(findings_with(&l, "writes-source"), error("flow", "F2"));
}

#[test]
fn two_flows_writing_one_dataset_is_an_error() {
    let mut l = seafood();
    flow_mut(&mut l, "F5").output = "DWH.stock".into();
    assert_eq!(
        findings_with(&l, "several-producers"),
        error("dataset", "DWH.stock")
    );
}

#[test]
fn reading_a_dataset_nobody_produces_is_an_error() {
    let mut l = seafood();
    l.systems[0].datasets.push(Dataset {
        id: "returns".into(),
        ..Dataset::default()
    });
    flow_mut(&mut l, "F4").inputs.push("WMS.returns".into());
    assert_eq!(
        findings_with(&l, "unproduced-input"),
        error("dataset", "WMS.returns")
    );
}

#[test]
fn run_times_after_midnight_are_out_of_range() {
    let mut l = seafood();
    flow_mut(&mut l, "F2").schedule = Schedule::Cron {
        times: vec![TimeOfDay(1440)],
        days: vec![],
    };
    let codes: Vec<&str> = validate(&l).iter().map(|f| f.code).collect();
    assert!(codes.contains(&"schedule-out-of-range"));
    assert!(codes.contains(&"empty-schedule"));
}

#[test]
fn every_zero_minutes_is_out_of_range() {
    let mut l = seafood();
    flow_mut(&mut l, "F7").schedule = Schedule::Every {
        every_minutes: 0,
        offset_minutes: 0,
    };
    assert_eq!(
        findings_with(&l, "schedule-out-of-range"),
        error("flow", "F7")
    );
}

#[test]
fn empty_calendar_windows_are_errors() {
    let mut l = seafood();
    l.teams[0].calendar = Calendar::Windows(vec![Window {
        days: vec![],
        start: TimeOfDay(600),
        end: TimeOfDay(500),
    }]);
    assert_eq!(
        findings_with(&l, "invalid-calendar-window"),
        error("team", "team-wms")
    );
    assert_eq!(
        findings_with(&l, "calendar-never-open"),
        error("team", "team-wms")
    );
}

#[test]
fn a_stream_with_two_inputs_is_an_error() {
    let mut l = seafood();
    flow_mut(&mut l, "F3").inputs.push("ERP.stock".into());
    assert_eq!(findings_with(&l, "stream-inputs"), error("flow", "F3"));
}

#[test]
fn a_batch_run_of_zero_minutes_is_an_error() {
    let mut l = seafood();
    flow_mut(&mut l, "F2").duration_minutes = 0;
    assert_eq!(findings_with(&l, "zero-duration"), error("flow", "F2"));
}

#[test]
fn zero_retry_attempts_are_an_error() {
    let mut l = seafood();
    flow_mut(&mut l, "F2").retry.max_attempts = 0;
    assert_eq!(findings_with(&l, "retry-attempts"), error("flow", "F2"));
}

#[test]
fn a_lineage_cycle_is_an_error() {
    let mut l = seafood();
    flow_mut(&mut l, "F2").inputs = vec!["ERP.stock".into(), "FCST.forecast".into()];
    flow_mut(&mut l, "F1").inputs = vec!["DWH.stock".into()];
    assert_eq!(findings_with(&l, "lineage-cycle").len(), 1);
}

#[test]
fn fault_windows_must_be_ordered() {
    let mut l = seafood();
    l.scenarios[1].faults[0].end = Some(10000);
    assert_eq!(
        findings_with(&l, "fault-end-order"),
        error("fault", "F1-sftp-blip")
    );
}

#[test]
fn fault_parameters_must_be_in_range() {
    let mut l = seafood();
    l.scenarios[0].faults[0].kind = FaultKind::Partial { fraction: 1.5 };
    assert_eq!(
        findings_with(&l, "fault-parameter"),
        error("fault", "F1-sftp-auth")
    );
}

#[test]
fn monitor_thresholds_must_be_in_range() {
    let mut l = seafood();
    l.monitors.push(switchboard::model::Monitor {
        id: "M1".into(),
        dataset: "ERP.stock".into(),
        check: MonitorCheck::Quality {
            max_detectability: 7,
        },
        ..Default::default()
    });
    assert_eq!(
        findings_with(&l, "threshold-out-of-range"),
        error("monitor", "M1")
    );
}

#[test]
fn a_process_listing_a_dataset_twice_is_an_error() {
    let mut l = seafood();
    let dependency = l.processes[0].dependencies[0].clone();
    l.processes[0].dependencies.push(dependency);
    assert_eq!(
        findings_with(&l, "duplicate-dependency"),
        error("process", "P1_sales_order_promising")
    );
}

#[test]
fn horizon_must_be_ordered() {
    let mut l = seafood();
    l.settings.horizon_end = l.settings.horizon_start;
    assert!(!findings_with(&l, "horizon-out-of-order").is_empty());
}

#[test]
fn a_non_semantic_contract_version_is_a_warning() {
    let mut l = seafood();
    l.contracts[0].version = "3".into();
    assert_eq!(
        findings_with(&l, "contract-version-not-semver"),
        vec![("contract".into(), "stock_csv".into(), Severity::Warning)]
    );
}

#[test]
fn errors_come_before_warnings() {
    let mut l = seafood();
    l.contracts[0].version = "3".into();
    flow_mut(&mut l, "F2").duration_minutes = 0;
    let findings = validate(&l);
    assert_eq!(findings.first().map(|f| f.severity), Some(Severity::Error));
    assert_eq!(findings.last().map(|f| f.severity), Some(Severity::Warning));
}
