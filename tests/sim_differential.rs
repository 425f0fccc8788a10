//! Differential harness against the reference engine (`shared/reference`): random cases from
//! `check_cone.py --dump`, expected reports from `run_json.py` (as-is and every control set),
//! compared field by field with the Rust engine. Skipped, with a note, when the reference or
//! `python3` is not available. `SIM_DIFF_CASES` and `SIM_DIFF_SEEDS` (comma-separated) scale it.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on broken fixtures")]

mod sim_diff;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use sim_diff::first_difference;
use switchboard::sim::compile::{control_names, find_scenario};
use switchboard::sim::{Document, run_document};

fn reference_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference");
    let ok = dir.join("run_json.py").exists()
        && Command::new("python3")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    ok.then_some(dir)
}

fn reference_report(dir: &Path, case: &Path, control: Option<&str>) -> Value {
    let mut cmd = Command::new("python3");
    cmd.current_dir(dir)
        .arg("run_json.py")
        .arg(case)
        .arg("case");
    if let Some(c) = control {
        cmd.arg("--control").arg(c);
    }
    let out = cmd.output().expect("python3 runs");
    assert!(
        out.status.success(),
        "run_json.py failed on {}: {}",
        case.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("run_json.py prints JSON")
}

#[test]
fn rust_engine_matches_the_reference_on_random_cases() {
    let Some(dir) = reference_dir() else {
        eprintln!(
            "NOTE: sim_differential skipped: ../shared/reference or python3 is not available"
        );
        return;
    };
    let cases: u32 = std::env::var("SIM_DIFF_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(25);
    let seeds: Vec<u64> = std::env::var("SIM_DIFF_SEEDS").ok().map_or_else(
        || vec![11],
        |s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
    );
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut runs = 0;
    let mut failures = Vec::new();
    for seed in seeds {
        let out = Command::new("python3")
            .current_dir(&dir)
            .args([
                "check_cone.py",
                "--cases",
                &cases.to_string(),
                "--seed",
                &seed.to_string(),
            ])
            .arg("--dump")
            .arg(tmp.path())
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "check_cone.py failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut files: Vec<PathBuf> = std::fs::read_dir(tmp.path())
            .expect("dump dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("case-{seed}-")))
            })
            .collect();
        files.sort();
        for case in files {
            let text = std::fs::read_to_string(&case).expect("case file");
            let doc =
                Document::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", case.display()));
            let sc = find_scenario(&doc, "case").expect("scenario case");
            let mut variants: Vec<Option<String>> = vec![None];
            variants.extend(control_names(sc).expect("controls").into_iter().map(Some));
            for control in variants {
                let expected = reference_report(&dir, &case, control.as_deref());
                let ours = run_document(&doc, "case", control.as_deref(), false)
                    .unwrap_or_else(|e| panic!("{}: {e}", case.display()));
                let got = serde_json::to_value(&ours.report).expect("report serialises");
                runs += 1;
                if let Some(d) = first_difference(&got, &expected, "") {
                    failures.push(format!("{} {control:?}: {d}", case.display()));
                    let keep = std::env::var("SIM_DIFF_KEEP").ok();
                    if let Some(keep) = keep {
                        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("case");
                        let _ = std::fs::copy(&case, Path::new(&keep).join(name));
                    }
                }
            }
        }
    }
    eprintln!(
        "sim_differential: {runs} runs compared, {} differ",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(runs > 0);
}
