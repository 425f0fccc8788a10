//! Golden tests (`simulation.md` §13, test 1): every variant of `golden-s1.json`, run from
//! `seafood.json`, compared as the spec's §9 describes: the whole report for the as-is variants
//! (minus `_events_*`), and the summary mapping for every variant.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on broken fixtures")]

use serde_json::{Value, json};
use switchboard::model::time::format_sim_time;
use switchboard::sim::{Document, run_document};

const GOLDEN: &str = include_str!("fixtures/sim/golden-s1.json");
const SEAFOOD: &str = include_str!("fixtures/sim/seafood.json");

fn doc() -> Document {
    Document::from_json(SEAFOOD).expect("seafood.json parses")
}

fn short(id: &str) -> String {
    id.split('_').next().unwrap_or(id).to_owned()
}

/// The reference summary of `seafood_s1.py` computed from a contract report.
fn reference_summary(report: &Value) -> Value {
    let s = &report["summary"];
    let shorten_list = |v: &Value| -> Value {
        Value::Array(
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| Value::String(short(x.as_str().unwrap())))
                .collect(),
        )
    };
    let shorten_map = |v: &Value| -> Value {
        Value::Object(
            v.as_object()
                .unwrap()
                .iter()
                .map(|(k, x)| (short(k), x.clone()))
                .collect(),
        )
    };
    let pages: Vec<Value> = report["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|sig| {
            let team = sig["team"].as_str().unwrap_or("NOBODY");
            let seen = sig["seen"]
                .as_i64()
                .map_or_else(|| "never".to_owned(), format_sim_time);
            Value::String(format!(
                "{}->{team}@{seen}",
                sig["signal"].as_str().unwrap()
            ))
        })
        .collect();
    let first = report["incidents"].as_object().unwrap().values().next();
    json!({
        "by_deadline": shorten_list(&s["impacted_by_deadline"]),
        "detected_at": s["detected_at"],
        "impacted": shorten_list(&s["impacted"]),
        "impacted_minutes": s["impacted_minutes"],
        "minutes_by_state": s["minutes_by_state"],
        "pages": pages,
        "per_process": shorten_map(&s["per_process"]),
        "repaired_at": s["repaired_at"],
        "ttd": s["ttd"],
        "tti": shorten_map(&s["tti"]),
        "via": first.map_or(Value::Null, |i| i["detected_via"].clone()),
    })
}

fn strip_golden_summary(v: &Value) -> Value {
    let mut o = v.as_object().unwrap().clone();
    for k in ["variant", "events_full", "events_cone"] {
        o.remove(k);
    }
    Value::Object(o)
}

fn scenario_of(key: &str) -> (&'static str, String) {
    let (sc, variant) = key.split_once('/').unwrap();
    let sid = if sc == "S1" {
        "friday-night"
    } else {
        "sunday-blip"
    };
    (sid, variant.to_owned())
}

#[test]
fn every_golden_variant_matches() {
    let golden: Value = serde_json::from_str(GOLDEN).unwrap();
    let d = doc();
    let mut checked = 0;
    for (key, entry) in golden.as_object().unwrap() {
        let (sid, variant) = scenario_of(key);
        for whole in [false, true] {
            let run = run_document(&d, sid, Some(&variant), whole).unwrap();
            let report: Value = serde_json::to_value(&run.report).unwrap();
            assert_eq!(
                reference_summary(&report),
                strip_golden_summary(&entry["summary"]),
                "summary of {key} (whole graph: {whole})"
            );
            if let Some(expected) = entry.get("report").filter(|r| r.is_object()) {
                let mut exp = expected.as_object().unwrap().clone();
                exp.remove("_events_full");
                exp.remove("_events_cone");
                let mut got = report.as_object().unwrap().clone();
                got.remove("summary");
                for (k, v) in &exp {
                    assert_eq!(got.get(k), Some(v), "{key}: field {k}");
                }
                assert_eq!(Value::Object(got), Value::Object(exp), "{key}");
                // the as-is scenario without a control gives the same report
                let plain = run_document(&d, sid, None, whole).unwrap();
                assert_eq!(plain.report, run.report);
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 24);
}

#[test]
fn runs_are_deterministic() {
    let d = doc();
    let a = run_document(&d, "friday-night", None, false)
        .unwrap()
        .report
        .to_json();
    let b = run_document(&d, "friday-night", None, false)
        .unwrap()
        .report
        .to_json();
    assert_eq!(a, b);
}

#[test]
fn seafood_baseline_is_clean() {
    let d = doc();
    let spec = switchboard::sim::build_run(&d, "friday-night", None).unwrap();
    let base = switchboard::sim::baseline(&spec.model);
    assert!(base.clean);
}

/// §6.1 end to end: F1 retry `{4, 10, 2, 60, "full"}`, seed 42, a `fail` fault over
/// [7080, 7200) logs failures at 7160, 7187 and 7219; attempt 4 commits; nothing goes stale.
#[test]
fn jitter_end_to_end_vector() {
    let mut v: Value = serde_json::from_str(SEAFOOD).unwrap();
    v["flows"][0]["retry"] =
        json!({"max_attempts": 4, "base": 10, "factor": 2, "cap": 60, "jitter": "full"});
    v["settings"] = json!({"seed": 42});
    v["scenarios"] = json!([{"id": "j", "faults": [
        {"id": "J", "flow": "F1", "kind": "fail", "start": 7080, "end": 7200}]}]);
    let doc: Document = serde_json::from_value(v).unwrap();
    let r = run_document(&doc, "j", None, true).unwrap().report;
    let fails: Vec<(i64, i64)> = r.errors.iter().map(|e| (e.t, e.attempt)).collect();
    assert_eq!(fails, vec![(7160, 1), (7187, 2), (7219, 3)]);
    assert!(r.summary.impacted.is_empty());
    assert!(
        r.datasets
            .explicit()
            .values()
            .flatten()
            .all(|iv| iv.state == switchboard::sim::report::Label::Fresh)
    );
}
