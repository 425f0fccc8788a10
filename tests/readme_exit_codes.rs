//! The README's exit-code table is true: each command's success and error paths are run and
//! their exit codes must be among the codes the table lists for that command.

use std::collections::BTreeMap;
use std::process::Command;

/// The README table: command word (`check`, `import`, …) → the exit codes listed.
fn readme_codes() -> BTreeMap<String, Vec<i32>> {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let mut table: BTreeMap<String, Vec<i32>> = BTreeMap::new();
    for row in readme.lines().filter(|l| l.starts_with("| `switchboard ")) {
        let cells: Vec<&str> = row.split(" | ").collect();
        let command = cells[0]
            .trim_start_matches("| `switchboard ")
            .split([' ', '`'])
            .next()
            .unwrap_or_default()
            .to_owned();
        let codes: Vec<i32> = cells
            .last()
            .expect("codes cell")
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        // Several rows may describe one command (`export`, `export drawio`, …): their codes add up.
        table.entry(command).or_default().extend(codes);
    }
    table
}

fn exit_code(args: &[&str]) -> i32 {
    let output = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .output()
        .expect("run");
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "{args:?} panicked"
    );
    output.status.code().expect("an exit code, not a signal")
}

#[test]
fn every_exit_code_of_every_command_is_in_the_readme_table() {
    let table = readme_codes();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let bad_mermaid = out("bad.mmd");
    std::fs::write(&bad_mermaid, "sequenceDiagram\n  A->>B: hi\n").expect("write");
    let good_mermaid = out("good.mmd");
    std::fs::write(&good_mermaid, "flowchart LR\n  A[ERP] --> B[WMS]\n").expect("write");
    let nan = out("nan.ron");
    let mut landscape = switchboard::file::seafood_example().expect("example");
    landscape.systems[0].position.x = f32::NAN;
    std::fs::write(
        &nan,
        switchboard::file::to_ron_string(&landscape).expect("encode"),
    )
    .expect("write");
    let seafood = "examples/seafood.ron";
    let missing = "no-such-file.ron";
    let runs: Vec<(&str, Vec<String>)> = vec![
        ("check", vec!["check".into(), seafood.into()]),
        ("check", vec!["check".into(), nan.clone()]),
        ("check", vec!["check".into(), missing.into()]),
        ("stats", vec!["stats".into(), seafood.into()]),
        ("stats", vec!["stats".into(), missing.into()]),
        (
            "simulate",
            vec![
                "simulate".into(),
                seafood.into(),
                "--scenario".into(),
                "friday-night".into(),
            ],
        ),
        (
            "simulate",
            vec![
                "simulate".into(),
                seafood.into(),
                "--scenario".into(),
                "nope".into(),
            ],
        ),
        (
            "simulate",
            vec![
                "simulate".into(),
                nan.clone(),
                "--scenario".into(),
                "friday-night".into(),
            ],
        ),
        (
            "export",
            vec![
                "export".into(),
                "mermaid".into(),
                seafood.into(),
                "--out".into(),
                out("m"),
            ],
        ),
        (
            "export",
            vec![
                "export".into(),
                "svg".into(),
                nan.clone(),
                "--out".into(),
                out("s"),
            ],
        ),
        (
            "export",
            vec![
                "export".into(),
                "svg".into(),
                missing.into(),
                "--out".into(),
                out("s"),
            ],
        ),
        (
            "import",
            vec![
                "import".into(),
                "mermaid".into(),
                good_mermaid.clone(),
                "--out".into(),
                out("g.ron"),
            ],
        ),
        (
            "import",
            vec![
                "import".into(),
                "mermaid".into(),
                bad_mermaid.clone(),
                "--out".into(),
                out("b.ron"),
            ],
        ),
        (
            "import",
            vec![
                "import".into(),
                "mermaid".into(),
                "missing.mmd".into(),
                "--out".into(),
                out("c.ron"),
            ],
        ),
        (
            "deploy",
            vec![
                "deploy".into(),
                "rabbitmq".into(),
                seafood.into(),
                "--url".into(),
                "http://127.0.0.1:9".into(),
                "--user".into(),
                "u".into(),
                "--password-env".into(),
                "SWITCHBOARD_NO_SUCH_VAR".into(),
            ],
        ),
        (
            "hub",
            vec!["hub".into(), seafood.into(), "--out".into(), out("hub.ron")],
        ),
        (
            "hub",
            vec![
                "hub".into(),
                missing.into(),
                "--out".into(),
                out("hub2.ron"),
            ],
        ),
        (
            "convert",
            vec![
                "convert".into(),
                seafood.into(),
                "--to".into(),
                "json".into(),
                "--out".into(),
                out("c.json"),
            ],
        ),
        (
            "convert",
            vec![
                "convert".into(),
                missing.into(),
                "--to".into(),
                "json".into(),
            ],
        ),
    ];
    for (command, args) in runs {
        let listed = table
            .get(command)
            .unwrap_or_else(|| panic!("README lists no row for {command}"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let code = exit_code(&args);
        assert!(
            listed.contains(&code),
            "switchboard {args:?} exits {code}; the README lists {listed:?} for {command}"
        );
    }
}
