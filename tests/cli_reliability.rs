//! Hostile documents on the command line (issue 13): out-of-range numbers are refused by `check`
//! with file:line:column and the allowed range and by `simulate` and `export` with exit 2 before
//! any work; control sets `simulate` would refuse fail `check` too; semantic errors of
//! `simulate` name the file and the item; closed or full standard output never panics; a UTF-8
//! byte order mark is accepted; format-0 documents report errors on the right line.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use switchboard::file;
use switchboard::model::{FaultKind, Landscape};

fn seafood() -> Landscape {
    file::seafood_example().expect("bundled example")
}

fn write_doc(dir: &tempfile::TempDir, name: &str, landscape: &Landscape) -> PathBuf {
    let path = dir.path().join(name);
    let text = file::to_ron_string(landscape).expect("encode");
    std::fs::write(&path, text).expect("write");
    path
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
}

/// Runs the binary; a run longer than `limit` is killed and fails the test (a hang guard).
fn run_within(args: &[&str], limit: Duration) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("switchboard {args:?} ran longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let elapsed = start.elapsed();
    (child.wait_with_output().expect("output"), elapsed)
}

fn run(args: &[&str]) -> Output {
    run_within(args, Duration::from_secs(60)).0
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// A change to a document.
type Change = fn(&mut Landscape);

#[test]
fn hostile_spans_are_refused_with_the_allowed_range() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, Change); 3] = [
        ("end-max.ron", |l| l.settings.horizon_end = i64::MAX),
        ("start-min.ron", |l| l.settings.sim_start = i64::MIN),
        ("billion.ron", |l| l.settings.horizon_end = 1_000_000_000),
    ];
    for (name, change) in cases {
        let mut landscape = seafood();
        change(&mut landscape);
        let path = write_doc(&dir, name, &landscape);
        let check = run(&["check", s(&path)]);
        let out = text(&check.stdout);
        assert_eq!(check.status.code(), Some(1), "{name}: {out}");
        assert!(out.contains("out-of-range"), "{name}: {out}");
        assert!(out.contains(&format!("{}:", s(&path))), "file named: {out}");
        assert!(out.contains("80640"), "the allowed range is given: {out}");
        let (sim, elapsed) = run_within(
            &["simulate", s(&path), "--scenario", "friday-night"],
            Duration::from_secs(20),
        );
        let err = text(&sim.stderr);
        assert_eq!(sim.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains("out of range"), "{name}: {err}");
        assert!(err.contains(name), "the file is named: {err}");
        eprintln!("{name}: simulate refused in {elapsed:?}");
    }
}

#[test]
fn a_range_error_points_at_its_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut landscape = seafood();
    landscape.settings.horizon_end = i64::MAX;
    let path = write_doc(&dir, "doc.ron", &landscape);
    let source = std::fs::read_to_string(&path).expect("read");
    let line = source
        .lines()
        .position(|l| l.trim_start().starts_with("horizon_end:"))
        .expect("the field is written")
        + 1;
    let out = text(&run(&["check", s(&path)]).stdout);
    assert!(
        out.contains(&format!("{}:{line}:", s(&path))),
        "line {line} expected: {out}"
    );
}

#[test]
fn non_finite_positions_fail_check_and_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut landscape = seafood();
    landscape.systems[0].position.x = f32::NAN;
    landscape.systems[1].position.y = f32::INFINITY;
    let path = write_doc(&dir, "nan.ron", &landscape);
    let check = run(&["check", s(&path)]);
    let out = text(&check.stdout);
    assert_eq!(check.status.code(), Some(1), "{out}");
    assert!(out.contains("position.x = NaN"), "{out}");
    assert!(out.contains("position.y = inf"), "{out}");
    let svg = dir.path().join("svg");
    let export = run(&["export", "svg", s(&path), "--out", s(&svg)]);
    assert_eq!(export.status.code(), Some(2), "{}", text(&export.stderr));
    assert!(!svg.exists(), "nothing is written");
}

#[test]
fn empty_system_names_and_overlong_ids_fail_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut landscape = seafood();
    landscape.systems[0].name = String::new();
    landscape.teams[0].name = "x".repeat(10_000);
    let path = write_doc(&dir, "names.ron", &landscape);
    let out = text(&run(&["check", s(&path)]).stdout);
    assert!(out.contains("empty-name"), "{out}");
    assert!(out.contains("at most 256 characters"), "{out}");
}

/// A control set that sets a batch flow's duration to 0: `validate` alone accepted it, the
/// simulation refuses it.
fn bad_control_set() -> Landscape {
    let mut landscape = seafood();
    let batch = landscape
        .flows
        .iter()
        .find(|f| !matches!(f.schedule, switchboard::model::Schedule::Stream { .. }))
        .expect("a batch flow")
        .id
        .clone();
    let scenario = landscape
        .scenarios
        .iter_mut()
        .find(|s| s.id == "friday-night")
        .expect("scenario");
    scenario.controls.push(switchboard::model::ControlSet {
        name: "instant batch".to_owned(),
        changes: vec![switchboard::model::Change::Flow {
            flow: batch,
            set: switchboard::model::FlowPatch {
                duration_minutes: Some(0),
                ..Default::default()
            },
        }],
    });
    landscape
}

#[test]
fn check_refuses_what_simulate_refuses_and_simulate_names_file_and_control() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_doc(&dir, "controls.ron", &bad_control_set());
    let check = run(&["check", s(&path)]);
    let out = text(&check.stdout);
    assert_eq!(check.status.code(), Some(1), "{out}");
    assert!(
        out.contains("instant batch"),
        "the control set is named: {out}"
    );
    let sim = run(&[
        "simulate",
        s(&path),
        "--scenario",
        "friday-night",
        "--compare-controls",
    ]);
    let err = text(&sim.stderr);
    assert_eq!(sim.status.code(), Some(2), "{err}");
    assert!(err.contains("controls.ron"), "the file is named: {err}");
    assert!(
        err.contains("instant batch"),
        "the control set is named: {err}"
    );
}

#[test]
fn every_example_that_check_passes_simulates_every_scenario_and_control() {
    for example in ["seafood", "crm-erp-marketing", "point-to-point"] {
        let path = format!("examples/{example}.ron");
        let check = run(&["check", &path]);
        let landscape = file::load_path(Path::new(&path)).expect("example loads");
        for scenario in &landscape.scenarios {
            let sim = run(&[
                "simulate",
                &path,
                "--scenario",
                &scenario.id,
                "--compare-controls",
            ]);
            if check.status.code() == Some(0) {
                assert_eq!(
                    sim.status.code(),
                    Some(0),
                    "{path} {}: {}",
                    scenario.id,
                    text(&sim.stderr)
                );
            }
        }
    }
}

#[test]
fn a_fault_after_the_horizon_is_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut landscape = seafood();
    let end = landscape.settings.horizon_end;
    let fault = &mut landscape.scenarios[0].faults[0];
    fault.start = end + 100;
    fault.end = None;
    fault.kind = FaultKind::Fail;
    let path = write_doc(&dir, "late.ron", &landscape);
    let out = text(&run(&["check", s(&path)]).stdout);
    assert!(out.contains("warning[fault-outside-horizon]"), "{out}");
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let commands: [&[&str]; 4] = [
        &[
            "simulate",
            "examples/seafood.ron",
            "--scenario",
            "friday-night",
        ],
        &["check", "examples/seafood.ron"],
        &["stats", "examples/seafood.ron"],
        &["convert", "examples/seafood.ron", "--to", "json"],
    ];
    for args in commands {
        let mut child = bin()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // Read one byte, then close the pipe, like `| head -c1`.
        let mut stdout = child.stdout.take().expect("stdout");
        let mut byte = [0u8; 1];
        let _ = stdout.read(&mut byte);
        drop(stdout);
        let output = child.wait_with_output().expect("wait");
        let err = text(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_is_a_clear_error() {
    let commands: [&[&str]; 3] = [
        &[
            "simulate",
            "examples/seafood.ron",
            "--scenario",
            "friday-night",
        ],
        &["stats", "examples/seafood.ron"],
        &["convert", "examples/seafood.ron", "--to", "json"],
    ];
    for args in commands {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let output = bin().args(args).stdout(full).output().expect("run");
        let err = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("standard output"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bom.ron");
    std::fs::write(&path, format!("\u{feff}{}", file::SEAFOOD_EXAMPLE)).expect("write");
    let check = run(&["check", s(&path)]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

/// The seafood example as format 0: without its `format` line, or with `format: 0`, and an
/// unknown field on a known line. Returns the text and that line.
fn format_zero_with_error(explicit: bool) -> (String, usize) {
    let mut lines: Vec<String> = file::SEAFOOD_EXAMPLE.lines().map(str::to_owned).collect();
    let format_line = lines
        .iter()
        .position(|l| l.trim_start().starts_with("format:"))
        .expect("format line");
    if explicit {
        "    format: 0,".clone_into(&mut lines[format_line]);
    } else {
        lines.remove(format_line);
    }
    let name_line = lines
        .iter()
        .position(|l| l.trim_start().starts_with("name:"))
        .expect("name line");
    lines.insert(name_line + 1, "    colour: \"red\",".to_owned());
    (lines.join("\n"), name_line + 2)
}

#[test]
fn format_zero_errors_point_at_the_right_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    for explicit in [false, true] {
        let (source, line) = format_zero_with_error(explicit);
        let path = dir.path().join("old.ron");
        std::fs::write(&path, source).expect("write");
        let check = run(&["check", s(&path)]);
        let err = text(&check.stderr);
        assert_eq!(check.status.code(), Some(2), "{err}");
        assert!(
            err.contains(&format!("old.ron:{line}:")),
            "explicit={explicit}: line {line} expected: {err}"
        );
        assert!(err.contains("colour"), "{err}");
    }
}
