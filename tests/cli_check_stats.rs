//! `switchboard check`, `stats` and `hub` run as real processes on the examples and fixtures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use switchboard::model::{Landscape, System};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn switchboard(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .current_dir(root())
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("switchboard runs: {error}"),
    }
}

fn json(output: &Output) -> Value {
    match serde_json::from_slice(&output.stdout) {
        Ok(value) => value,
        Err(error) => panic!(
            "stdout is JSON ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        ),
    }
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

fn write_systems(dir: &Path, n: usize) -> PathBuf {
    let landscape = Landscape {
        name: format!("{n} systems"),
        systems: (0..n)
            .map(|i| System {
                id: format!("S{i}"),
                name: format!("System {i}"),
                ..System::default()
            })
            .collect(),
        ..Landscape::default()
    };
    let path = dir.join(format!("systems-{n}.ron"));
    let text = match ron::ser::to_string_pretty(&landscape, ron::ser::PrettyConfig::default()) {
        Ok(text) => text,
        Err(error) => panic!("serialises: {error}"),
    };
    if let Err(error) = std::fs::write(&path, text) {
        panic!("writes {}: {error}", path.display());
    }
    path
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(error) => panic!("temp dir: {error}"),
    }
}

#[test]
fn stats_reports_the_point_to_point_potential() {
    let dir = temp_dir();
    for (n, potential) in [(3, 3), (6, 15), (10, 45), (20, 190)] {
        let path = write_systems(dir.path(), n);
        let output = switchboard(&["stats", &path.to_string_lossy(), "--format", "json"]);
        assert_eq!(code(&output), Some(0));
        let stats = json(&output);
        assert_eq!(stats["systems"], n);
        assert_eq!(stats["potential_connections"], potential);
    }
}

#[test]
fn stats_on_point_to_point_example() {
    let output = switchboard(&["stats", "examples/point-to-point.ron", "--format", "json"]);
    assert_eq!(code(&output), Some(0));
    let stats = json(&output);
    assert_eq!(stats["systems"], 7);
    assert_eq!(stats["flows"], 10);
    assert_eq!(stats["potential_connections"], 21);
    assert_eq!(stats["connected_pairs"], 9);
    assert_eq!(stats["hub_connections"], 7);
}

#[test]
fn stats_on_seafood() {
    let output = switchboard(&["stats", "examples/seafood.ron", "--format", "json"]);
    assert_eq!(code(&output), Some(0));
    let stats = json(&output);
    assert_eq!(stats["systems"], 7);
    assert_eq!(stats["flows"], 10);
    assert_eq!(stats["datasets"], 14);
    assert_eq!(stats["connected_pairs"], 7);
    assert_eq!(stats["potential_connections"], 21);
    assert_eq!(stats["hub_connections"], 7);
    assert_eq!(stats["blast_radius"][0]["system"], "ERP");
    assert_eq!(stats["blast_radius"][1]["system"], "WMS");
    let human = switchboard(&["stats", "examples/seafood.ron"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("Point-to-point potential n(n-1)/2  21"),
        "{text}"
    );
}

#[test]
fn stats_output_is_deterministic() {
    let first = switchboard(&["stats", "examples/seafood.ron", "--format", "json"]);
    let second = switchboard(&["stats", "examples/seafood.ron", "--format", "json"]);
    assert_eq!(first.stdout, second.stdout);
}

fn findings_of(report: &Value, code: &str) -> Vec<String> {
    let Some(findings) = report["findings"].as_array() else {
        panic!("findings is a list");
    };
    findings
        .iter()
        .filter(|f| f["code"] == code)
        .filter_map(|f| f["entity_id"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn check_seafood_lists_the_scheduled_script_problem_and_exits_0() {
    let output = switchboard(&["check", "examples/seafood.ron", "--format", "json"]);
    assert_eq!(
        code(&output),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let report = json(&output);
    assert_eq!(report["errors"], 0);
    assert_eq!(findings_of(&report, "flow-no-owner"), ["F7"]);
    assert_eq!(
        findings_of(&report, "batch-no-alert"),
        ["F1", "F2", "F4", "F5", "F8", "F9"]
    );
    assert_eq!(
        findings_of(&report, "batch-no-retries"),
        ["F1", "F2", "F4", "F5", "F7", "F8", "F9"]
    );
    // The seafood schedules meet every SLA and process tolerance (its baseline is clean).
    assert!(findings_of(&report, "sla-unreachable").is_empty());
    assert!(findings_of(&report, "max-age-unreachable").is_empty());
    let object_keys: Vec<&String> = match report["findings"][0].as_object() {
        Some(object) => object.keys().collect(),
        None => panic!("a finding is an object"),
    };
    assert_eq!(
        object_keys,
        ["severity", "code", "entity_kind", "entity_id", "message"]
    );
}

#[test]
fn check_point_to_point_exits_0() {
    let output = switchboard(&["check", "examples/point-to-point.ron"]);
    assert_eq!(
        code(&output),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn check_human_output_names_rule_entity_and_counts() {
    let output = switchboard(&["check", "tests/fixtures/lint/all-rules.ron"]);
    assert_eq!(code(&output), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("warning[flow-no-owner] flow F3: "), "{text}");
    assert!(text.contains("all-rules.ron: 0 errors,"), "{text}");
}

#[test]
fn check_exits_1_on_validation_errors() {
    let output = switchboard(&[
        "check",
        "tests/fixtures/lint/dangling.ron",
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), Some(1));
    let report = json(&output);
    assert!(report["errors"].as_u64().is_some_and(|n| n >= 1));
    assert_eq!(report["findings"][0]["severity"], "error");
}

#[test]
fn check_and_stats_exit_2_on_unreadable_input() {
    let dir = temp_dir();
    let garbage = dir.path().join("garbage.ron");
    if let Err(error) = std::fs::write(&garbage, "(systems: [") {
        panic!("writes: {error}");
    }
    for command in ["check", "stats"] {
        for path in [
            garbage.to_string_lossy().into_owned(),
            "missing.ron".to_owned(),
        ] {
            let output = switchboard(&[command, &path]);
            assert_eq!(code(&output), Some(2), "{command} {path}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        }
    }
}

#[test]
fn hub_converts_f1_and_writes_a_loadable_document() {
    let dir = temp_dir();
    let out = dir.path().join("hub.ron");
    let output = switchboard(&[
        "hub",
        "examples/seafood.ron",
        "--flows",
        "F1",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(
        code(&output),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("Routed 1 flow through the hub: F1"), "{text}");
    let converted = match switchboard::file::load_path(&out) {
        Ok(landscape) => landscape,
        Err(error) => panic!("the output loads: {error}"),
    };
    assert!(converted.flow("F1").is_some_and(|f| f.via_hub && f.dlq));
    let check = switchboard(&["check", &out.to_string_lossy()]);
    assert_eq!(code(&check), Some(0));
}

#[test]
fn hub_names_an_unknown_flow_and_exits_2() {
    let dir = temp_dir();
    let out = dir.path().join("hub.ron");
    let output = switchboard(&[
        "hub",
        "examples/seafood.ron",
        "--flows",
        "F1,F99",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code(&output), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("F99"));
    assert!(!out.exists());
}

#[test]
fn point_to_point_example_is_saved_in_canonical_form() {
    let path = root().join("examples/point-to-point.ron");
    let landscape = match switchboard::file::load_path(&path) {
        Ok(landscape) => landscape,
        Err(error) => panic!("loads: {error}"),
    };
    let saved = switchboard::file::encoding::to_ron_string(&landscape).ok();
    assert_eq!(saved, std::fs::read_to_string(&path).ok());
}
