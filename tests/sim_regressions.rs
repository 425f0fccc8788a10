//! Replays the cases under `tests/fixtures/sim/regressions/` without Python: every
//! `NAME.json` case has `NAME.expected.json`, a map from variant (`as-is` or a control set
//! name) to the reference report that `run_json.py` printed.
//!
//! - `non-ascii-ids`: ids with `ä`, `ß` and quotes; `run_json.py` escapes non-ASCII characters
//!   as `\uXXXX`, and so must `SimReport::to_json` (found by the differential harness).

#![allow(clippy::unwrap_used, reason = "tests fail loudly on broken fixtures")]

mod sim_diff;

use std::path::Path;

use serde_json::Value;
use sim_diff::first_difference;
use switchboard::sim::{Document, run_document};

#[test]
fn regression_cases_match_their_reference_reports() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sim/regressions");
    let mut checked = 0;
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for case in files {
        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let is_json = case
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if !is_json || name.ends_with(".expected.json") {
            continue;
        }
        let expected_path = case.with_extension("expected.json");
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        let doc = Document::from_json(&std::fs::read_to_string(&case).unwrap()).unwrap();
        for (variant, exp) in expected.as_object().unwrap() {
            let control = (variant != "as-is").then_some(variant.as_str());
            let ours = run_document(&doc, "case", control, false).unwrap();
            let got = serde_json::to_value(&ours.report).unwrap();
            // json.dumps escapes every non-ASCII character; so must we (byte compatibility)
            assert!(
                ours.report.to_json().is_ascii(),
                "{name} {variant}: non-ASCII output"
            );
            if let Some(d) = first_difference(&got, exp, "") {
                panic!("{name} {variant}: {d}");
            }
            checked += 1;
        }
    }
    eprintln!("sim_regressions: {checked} reports replayed");
}
