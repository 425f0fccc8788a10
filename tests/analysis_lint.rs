//! Lint over the fixture files in `tests/fixtures/lint/`: each rule fires where the fixture's
//! comments say, and nowhere else.

use std::path::Path;

use switchboard::analysis::lint;
use switchboard::file::load_path;
use switchboard::model::Landscape;

fn load(name: &str) -> Landscape {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint")
        .join(name);
    match load_path(&path) {
        Ok(landscape) => landscape,
        Err(error) => panic!("{name} loads: {error}"),
    }
}

fn findings(name: &str) -> Vec<(&'static str, String)> {
    lint(&load(name))
        .into_iter()
        .map(|f| (f.code, f.entity_id))
        .collect()
}

#[test]
fn clean_fixture_has_no_lint_findings() {
    assert_eq!(findings("clean.ron"), []);
}

#[test]
fn every_rule_fires_once_on_its_entity() {
    let mut found = findings("all-rules.ron");
    found.sort();
    let expected = [
        ("batch-no-alert", "F1"),
        ("batch-no-retries", "F1"),
        ("contract-version-mismatch", "DST.copy"),
        ("dataset-unconsumed", "DST.unused"),
        ("dependency-unmonitored", "DST.copy"),
        ("flow-no-contract", "F3"),
        ("flow-no-owner", "F3"),
        ("max-age-unreachable", "P"),
        ("sla-unreachable", "DST.copy"),
        ("system-no-owner", "ORPHAN"),
    ];
    let expected: Vec<(&str, String)> = expected
        .iter()
        .map(|(code, id)| (*code, (*id).to_owned()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn batch_cycle_fixture_reports_the_cycle_once() {
    assert_eq!(findings("cycle.ron"), [("batch-cycle", "F1".to_owned())]);
}

#[test]
fn findings_say_why_and_how_to_fix() {
    for finding in lint(&load("all-rules.ron")) {
        assert!(
            finding.message.len() > 80 && finding.message.contains(':'),
            "{}: {}",
            finding.code,
            finding.message
        );
    }
}

#[test]
fn lint_is_deterministic() {
    let landscape = load("all-rules.ron");
    assert_eq!(lint(&landscape), lint(&landscape));
}
