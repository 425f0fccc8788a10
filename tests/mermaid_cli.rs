//! `switchboard import mermaid IN.mmd --out OUT.ron`: writes a loadable landscape for a clean
//! diagram, and for a malformed one prints `line N: …` diagnostics, exits 1 and writes nothing.

use std::path::Path;
use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mermaid");

fn import(input: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["import", "mermaid"])
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("the binary runs")
}

#[test]
fn seed_diagram_is_written_as_a_landscape_that_loads_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("seed.ron");
    let output = import(&Path::new(FIXTURES).join("seed.mmd"), &out, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("line 3: info:"), "{stderr}");
    let landscape = switchboard::file::load_path(&out).expect("loads");
    assert_eq!(landscape.name, "seed");
    assert_eq!(landscape.systems.len(), 7);
    assert_eq!(landscape.flows.len(), 10);
}

#[test]
fn malformed_diagram_exits_1_names_the_lines_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("malformed.ron");
    let output = import(&Path::new(FIXTURES).join("malformed.mmd"), &out, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("line 4: error: unsupported syntax"),
        "{stderr}"
    );
    assert!(stderr.contains("line 9: warning:"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn strict_mode_fails_on_warnings_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("warn.mmd");
    std::fs::write(&input, "graph LR\nA[One] --> B\nA[Two]\n").expect("write");
    let out = dir.path().join("warn.ron");
    assert_eq!(import(&input, &out, &[]).status.code(), Some(0));
    std::fs::remove_file(&out).expect("remove");
    assert_eq!(import(&input, &out, &["--strict"]).status.code(), Some(1));
    assert!(!out.exists());
}
