//! `switchboard simulate` end to end: the seafood RON example reproduces the golden reports
//! and every control row of `run_json.py`, the reference JSON form runs directly, and unknown
//! scenarios or controls exit 2 with one line naming the valid ids.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on broken fixtures")]

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

fn golden_report(key: &str) -> Value {
    let g: Value = serde_json::from_str(GOLDEN).unwrap();
    let mut r = g[key]["report"].as_object().unwrap().clone();
    r.remove("_events_full");
    r.remove("_events_cone");
    Value::Object(r)
}

fn without_summary(text: &str) -> Value {
    let mut v: Value = serde_json::from_str(text).unwrap();
    v.as_object_mut().unwrap().remove("summary");
    v
}

#[test]
fn seafood_ron_reproduces_the_golden_reports() {
    for (sid, key) in [
        (
            "friday-night",
            "S1/as-is (no monitoring, no retries, no on-call)",
        ),
        ("sunday-blip", "S1b/as-is"),
    ] {
        for file in ["examples/seafood.ron", "tests/fixtures/sim/seafood.json"] {
            let (code, out, err) =
                switchboard(&["simulate", file, "--scenario", sid, "--format", "json"]);
            assert_eq!(code, 0, "{file} {sid}: {err}");
            assert_eq!(without_summary(&out), golden_report(key), "{file} {sid}");
        }
    }
}

#[test]
fn compare_controls_from_ron_equals_the_reference_form() {
    for sid in ["friday-night", "sunday-blip"] {
        let ron = switchboard(&[
            "simulate",
            "examples/seafood.ron",
            "--scenario",
            sid,
            "--format",
            "json",
            "--compare-controls",
        ]);
        let json = switchboard(&[
            "simulate",
            "tests/fixtures/sim/seafood.json",
            "--scenario",
            sid,
            "--format",
            "json",
            "--compare-controls",
        ]);
        assert_eq!(ron.0, 0, "{}", ron.2);
        assert_eq!(ron.1, json.1, "{sid}");
        let v: Value = serde_json::from_str(&ron.1).unwrap();
        let g: Value = serde_json::from_str(GOLDEN).unwrap();
        let prefix = if sid == "friday-night" { "S1" } else { "S1b" };
        let rows = v["controls"].as_array().unwrap();
        assert_eq!(
            rows.len(),
            g.as_object()
                .unwrap()
                .keys()
                .filter(|k| k.starts_with(&format!("{prefix}/")))
                .count()
        );
        for row in rows {
            let key = format!("{prefix}/{}", row["name"].as_str().unwrap());
            let gs = &g[&key]["summary"];
            for field in [
                "detected_at",
                "ttd",
                "repaired_at",
                "impacted_minutes",
                "minutes_by_state",
            ] {
                assert_eq!(row["summary"][field], gs[field], "{key} {field}");
            }
        }
    }
}

#[test]
fn human_format_tells_the_story() {
    let (code, out, _) = switchboard(&[
        "simulate",
        "examples/seafood.ron",
        "--scenario",
        "friday-night",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("Fri 23:20 — "), "{out}");
    assert!(out.contains("2d11h00m"), "{out}");
    assert!(out.contains("Nobody is alerted."), "{out}");
    let (code, out, _) = switchboard(&[
        "simulate",
        "examples/seafood.ron",
        "--scenario",
        "friday-night",
        "--compare-controls",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("TTD"), "{out}");
    assert!(out.contains("1h25m"), "{out}");
}

#[test]
fn unknown_ids_exit_2_with_one_line() {
    let (code, _, err) = switchboard(&["simulate", "examples/seafood.ron", "--scenario", "nope"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("friday-night") && err.contains("sunday-blip"),
        "{err}"
    );
    let (code, _, err) = switchboard(&[
        "simulate",
        "tests/fixtures/sim/seafood.json",
        "--scenario",
        "friday-night",
        "--control",
        "nope",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("as-is (no monitoring"), "{err}");
}

#[test]
fn invalid_models_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc: Value = serde_json::from_str(include_str!("fixtures/sim/seafood.json")).unwrap();
    doc["flows"][1]["inputs"] = serde_json::json!(["NOPE.stock"]);
    let path = dir.path().join("bad.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    let (code, out, err) = switchboard(&[
        "simulate",
        path.to_str().unwrap(),
        "--scenario",
        "friday-night",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("NOPE.stock"), "{err}");
}
