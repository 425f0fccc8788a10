//! The baseline is paid once: `simulate` keeps it in the user's cache folder
//! (`$XDG_CACHE_HOME/switchboard/baselines`), a second run on an unchanged model reads it, a
//! corrupt cache file is ignored and rewritten, and `--compare-controls` shares one baseline
//! between control sets that leave the fault-free run alone.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::Path;
use std::process::Command;

fn simulate(cache: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CACHE_HOME", cache)
        .args([
            "simulate",
            "examples/seafood.ron",
            "--scenario",
            "friday-night",
            "--format",
            "json",
            "--verbose",
        ])
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn cache_files(cache: &Path) -> Vec<std::path::PathBuf> {
    let dir = cache.join("switchboard").join("baselines");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn a_second_run_reads_the_baseline_from_the_cache_folder() {
    let cache = tempfile::tempdir().unwrap();
    let (code, first, err) = simulate(cache.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("baseline: computed"), "{err}");
    let files = cache_files(cache.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let (code, second, err) = simulate(cache.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("baseline: cached"), "{err}");
    assert_eq!(first, second);
    let (_, _, err) = simulate(cache.path(), &["--no-cache"]);
    assert!(err.contains("baseline: computed"), "{err}");
}

#[test]
fn a_corrupt_cache_file_is_ignored_and_rewritten() {
    let cache = tempfile::tempdir().unwrap();
    let (_, first, _) = simulate(cache.path(), &[]);
    let files = cache_files(cache.path());
    std::fs::write(&files[0], b"{ not json").unwrap();
    let (code, again, err) = simulate(cache.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("baseline: computed"), "{err}");
    assert_eq!(first, again);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
    let (_, _, err) = simulate(cache.path(), &[]);
    assert!(err.contains("baseline: cached"), "{err}");
    // no temporary file is left behind
    assert_eq!(cache_files(cache.path()), files);
}

#[test]
fn compare_controls_computes_one_baseline_for_controls_that_leave_it_alone() {
    let cache = tempfile::tempdir().unwrap();
    let (code, _, err) = simulate(cache.path(), &["--compare-controls"]);
    assert_eq!(code, 0, "{err}");
    let computed = err.matches("baseline: computed").count();
    let shared = err.matches("baseline: shared").count();
    // seafood's friday-night controls: as-is, retries, alerts, monitoring, on-call, … Only
    // those that add a monitor change the fault-free run.
    assert!(computed >= 1 && shared >= 1, "{err}");
    assert_eq!(computed, cache_files(cache.path()).len(), "{err}");
}
