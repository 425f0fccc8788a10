//! `switchboard convert` and the loading errors every subcommand shares: malformed, truncated,
//! newer-format, empty and binary files give exit 2 with one line naming file, line and column,
//! never panic, and never modify the input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn switchboard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp_file(dir: &tempfile::TempDir, name: &str, contents: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("write fixture");
    path
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `convert` on a bad file and checks exit 2, one line on stderr, and an untouched input.
fn assert_refused(path: &Path, expected_in_message: &str) {
    let before = std::fs::read(path).expect("read fixture");
    let output = switchboard(&[
        "convert",
        path.to_str().expect("utf-8 path"),
        "--to",
        "json",
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {message}");
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    assert!(message.starts_with("error: "), "{message}");
    assert!(
        message.contains(expected_in_message),
        "{message} should contain {expected_in_message}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert!(output.stdout.is_empty());
    assert_eq!(
        std::fs::read(path).expect("read fixture"),
        before,
        "the input must not change"
    );
}

#[test]
fn json_then_ron_reproduces_the_original_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("seafood.json");
    let ron = dir.path().join("seafood.ron");
    let to_json = switchboard(&[
        "convert",
        "examples/seafood.ron",
        "--to",
        "json",
        "--out",
        json.to_str().expect("utf-8"),
    ]);
    assert_eq!(to_json.status.code(), Some(0), "{}", stderr(&to_json));
    let to_ron = switchboard(&[
        "convert",
        json.to_str().expect("utf-8"),
        "--to",
        "ron",
        "-o",
        ron.to_str().expect("utf-8"),
    ]);
    assert_eq!(to_ron.status.code(), Some(0), "{}", stderr(&to_ron));
    assert_eq!(
        std::fs::read(&ron).expect("converted"),
        std::fs::read("examples/seafood.ron").expect("original")
    );
}

#[test]
fn convert_prints_to_standard_output_without_out() {
    let output = switchboard(&["convert", "examples/crm-erp-marketing.ron", "--to", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(value["format"], 1);
    assert_eq!(value["systems"].as_array().map(Vec::len), Some(3));
}

#[test]
fn a_truncated_file_names_file_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = std::fs::read_to_string("examples/seafood.ron").expect("example");
    let cut = &original[..original.len() / 2];
    let path = temp_file(&dir, "truncated.ron", cut.as_bytes());
    // The parser points at the end of the content, before any trailing blanks of the cut.
    let lines = cut.trim_end().lines().count();
    assert_refused(&path, "truncated.ron:");
    let message = stderr(&switchboard(&[
        "convert",
        path.to_str().expect("utf-8"),
        "--to",
        "json",
    ]));
    assert!(
        message.contains(&format!(":{lines}:")) || message.contains(&format!(":{}:", lines + 1)),
        "{message}"
    );
    assert!(message.contains("truncated"), "{message}");
}

#[test]
fn a_newer_format_is_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string("examples/seafood.ron")
        .expect("example")
        .replace("format: 1,", "format: 99,");
    let path = temp_file(&dir, "future.ron", text.as_bytes());
    assert_refused(&path, "format version 99 is newer");
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = temp_file(&dir, "empty.ron", b"");
    assert_refused(&path, "empty");
}

#[test]
fn a_binary_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = temp_file(
        &dir,
        "binary.ron",
        &[0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 1, 2, 3],
    );
    assert_refused(&path, "not a text document");
}

#[test]
fn a_misspelt_field_names_the_field_and_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string("examples/seafood.ron")
        .expect("example")
        .replacen("stale_after_minutes", "stale_afer_minutes", 1);
    let path = temp_file(&dir, "typo.ron", text.as_bytes());
    let line = text
        .lines()
        .position(|l| l.contains("stale_afer_minutes"))
        .expect("typo present")
        + 1;
    assert_refused(&path, &format!("typo.ron:{line}:"));
}

#[test]
fn a_missing_file_is_exit_2() {
    let output = switchboard(&["convert", "no/such/file.ron", "--to", "json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no/such/file.ron"));
}
