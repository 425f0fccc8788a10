//! `switchboard sweep` on the seafood example, run as the real binary: the ranking, the golden
//! S1 figure for F1 and its cheapest fix (the golden control table), shards merged byte for
//! byte, saved scenarios that `simulate` replays, and one-line errors.

#![allow(clippy::unwrap_used, clippy::pedantic, reason = "tests fail loudly")]

use std::process::Command;

use serde_json::Value;

const GOLDEN: &str = include_str!("fixtures/sim/golden-s1.json");

fn switchboard(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn golden_summary(key: &str) -> Value {
    let g: Value = serde_json::from_str(GOLDEN).unwrap();
    g[key]["summary"].clone()
}

fn friday(extra: &[&str]) -> Value {
    let mut args = vec![
        "sweep",
        "examples/seafood.ron",
        "--kinds",
        "fail",
        "--at",
        "Fri 22:00",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = switchboard(&args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn friday_night_ranks_all_ten_flows_with_the_golden_f1_figure_and_fix() {
    let report = friday(&["--fix", "10"]);
    let records = report["records"].as_array().unwrap();
    assert_eq!(records.len(), 10);
    let mut flows: Vec<&str> = records
        .iter()
        .map(|r| r["flow"].as_str().unwrap())
        .collect();
    let impacts: Vec<i64> = records
        .iter()
        .map(|r| r["impact"].as_i64().unwrap())
        .collect();
    assert!(impacts.windows(2).all(|w| w[0] >= w[1]), "{impacts:?}");
    let ranks: Vec<i64> = records
        .iter()
        .map(|r| r["rank"].as_i64().unwrap())
        .collect();
    assert_eq!(ranks, (1..=10).collect::<Vec<_>>());
    flows.sort_unstable();
    flows.dedup();
    assert_eq!(flows.len(), 10);

    let as_is = golden_summary("S1/as-is (no monitoring, no retries, no on-call)");
    let f1 = records.iter().find(|r| r["flow"] == "F1").unwrap();
    assert_eq!(f1["impact"], as_is["impacted_minutes"]);
    assert_eq!(f1["impact"], 1760);
    assert_eq!(f1["start"], 7080);
    assert_eq!(f1["detected_at"], as_is["detected_at"]);
    assert_eq!(f1["ttd"], as_is["ttd"]);
    assert_eq!(f1["repaired_at"], as_is["repaired_at"]);
    assert_eq!(f1["detection"], "human report");
    assert_eq!(f1["processes"].as_array().unwrap().len(), 4);

    let fixed = golden_summary("S1/+ job-failure alert + team-wms 24x7 on-call");
    let fix = &f1["fix"];
    assert_eq!(fix["impact"], 0);
    assert_eq!(fix["impact"], fixed["impacted_minutes"]);
    assert_eq!(fix["detected_at"], fixed["detected_at"]);
    assert_eq!(fix["ttd"], fixed["ttd"]);
    assert_eq!(fix["repaired_at"], fixed["repaired_at"]);
    assert_eq!(
        fix["controls"],
        serde_json::json!(["job-failure alert", "team-wms 24x7 on-call"])
    );
    // F1 is not the worst flow on Friday night.
    assert_ne!(records[0]["flow"], "F1");
}

#[test]
fn the_sweep_is_deterministic_and_the_table_names_the_worst() {
    let args = [
        "sweep",
        "examples/seafood.ron",
        "--kinds",
        "fail,silent",
        "--at",
        "Fri 22:00",
    ];
    let (code, a, _) = switchboard(&args);
    let (_, b, _) = switchboard(&args);
    assert_eq!(code, 0);
    assert_eq!(a, b);
    assert!(a.contains("Where will it hurt?"), "{a}");
    assert!(a.contains("1,760"), "{a}");
    assert!(a.contains("Worst: "), "{a}");
    assert_eq!(
        a.lines().filter(|l| l.contains(" fail ")).count(),
        10,
        "{a}"
    );
}

#[test]
fn shards_merged_equal_the_unsharded_sweep_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let base = [
        "sweep",
        "examples/seafood.ron",
        "--kinds",
        "fail,silent,partial",
        "--at",
        "worst",
        "--fix",
        "3",
        "--format",
        "json",
    ];
    let (code, whole, err) = switchboard(&base);
    assert_eq!(code, 0, "{err}");
    let mut paths = Vec::new();
    for i in 1..=4 {
        let p = dir.path().join(format!("s{i}.json"));
        let shard = format!("{i}/4");
        let mut args = base.to_vec();
        args.extend(["--shard", &shard, "--out", p.to_str().unwrap()]);
        let (code, _, err) = switchboard(&args);
        assert_eq!(code, 0, "{err}");
        paths.push(p);
    }
    // the order of the shard files does not matter
    paths.reverse();
    let mut args = vec!["sweep", "merge"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let (code, merged, err) = switchboard(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(merged, whole);
    // a missing shard is an error
    let (code, _, err) = switchboard(&["sweep", "merge", paths[0].to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("missing"), "{err}");
}

#[test]
fn saved_scenarios_replay_with_simulate() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixes.ron");
    let (code, _, err) = switchboard(&[
        "sweep",
        "examples/seafood.ron",
        "--kinds",
        "fail",
        "--at",
        "Fri 22:00",
        "--flows",
        "F1",
        "--fix",
        "1",
        "--save-scenarios",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, text, err) = switchboard(&[
        "simulate",
        out.to_str().unwrap(),
        "--scenario",
        "sweep-F1-fail",
        "--compare-controls",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&text).unwrap();
    let rows = v["controls"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["summary"]["impacted_minutes"], 1760);
    assert_eq!(rows[1]["summary"]["impacted_minutes"], 0);
    assert_eq!(rows[1]["summary"]["detected_at"], 7165);
}

#[test]
fn bad_input_exits_2_with_one_line() {
    for (args, needle) in [
        (vec!["--flows", "NOPE"], "unknown flow 'NOPE'"),
        (vec!["--at", "Someday"], "invalid start"),
        (vec!["--kinds", "boom"], "unknown fault kind 'boom'"),
        (vec!["--shard", "5/4"], "invalid shard"),
    ] {
        let mut a = vec!["sweep", "examples/seafood.ron"];
        a.extend(args);
        let (code, out, err) = switchboard(&a);
        assert_eq!(code, 2, "{err}");
        assert!(out.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
    }
}
