//! The `switchboard export` command line: exit codes (0 written, 1 export errors with nothing
//! written, 2 usage or unreadable input), warnings on stderr, and a cheap AsyncAPI self-check of
//! the written files (`exports.md` §7.1 tier 0): every `$ref` resolves, operation messages belong
//! to their own channel, and component ids match `^[\w\d.\-_]+$`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn switchboard() -> Command {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
}

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export/worked-example.ron")
        .display()
        .to_string()
}

#[test]
fn export_writes_files_and_prints_warnings_on_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    for target in ["rabbitmq", "asyncapi", "strimzi", "topics"] {
        let out = switchboard()
            .args(["export", target, &fixture(), "--out"])
            .arg(dir.path())
            .arg("--kafka")
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{target}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(
            "warning[W01]: flow F4 (ERP -> DWH, invoices): not exported (point-to-point: pattern file_export)"
        ));
        assert!(out.stdout.is_empty());
    }
    let expected = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/expected");
    assert_eq!(
        std::fs::read(dir.path().join("rabbitmq/definitions.json")).expect("written"),
        std::fs::read(expected.join("rabbitmq/definitions.json")).expect("golden")
    );
    for name in ["dwh", "erp", "wms"] {
        let text = std::fs::read_to_string(dir.path().join(format!("asyncapi/{name}.yaml")))
            .expect("written");
        self_check(&text);
    }
}

#[test]
fn export_errors_write_nothing_and_exit_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = switchboard()
        .args([
            "export",
            "strimzi",
            &fixture(),
            "--partitions",
            "0",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("error[E05]: --partitions must be at least 1")
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    let out = switchboard()
        .args(["export", "rabbitmq", &fixture(), "--deny-warnings", "--out"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn usage_errors_and_unreadable_input_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = switchboard()
        .args(["export", "nosuchtarget", &fixture(), "--out"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = switchboard()
        .args(["export", "rabbitmq", "/no/such/file.ron", "--out"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

/// The cheap AsyncAPI self-check of §7.1.
fn self_check(text: &str) {
    let doc: Value = serde_saphyr::from_str(text).expect("YAML parses back");
    let valid_id = |id: &str| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
    };
    let resolve = |reference: &str| -> bool {
        let Some(path) = reference.strip_prefix("#/") else {
            return false;
        };
        let mut node = &doc;
        for part in path.split('/') {
            match node.get(part) {
                Some(next) => node = next,
                None => return false,
            }
        }
        true
    };
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for reference in &refs {
        assert!(resolve(reference), "unresolved $ref {reference}");
    }
    for section in ["messages", "schemas"] {
        if let Some(map) = doc["components"][section].as_object() {
            for id in map.keys() {
                assert!(valid_id(id), "component id {id}");
            }
        }
    }
    for (id, operation) in doc["operations"].as_object().expect("operations") {
        let channel = operation["channel"]["$ref"].as_str().expect("channel ref");
        for message in operation["messages"].as_array().expect("messages") {
            let reference = message["$ref"].as_str().expect("message ref");
            assert!(
                reference.starts_with(&format!("{channel}/messages/")),
                "operation {id}: {reference} is not a message of {channel}"
            );
        }
    }
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                if key == "$ref" {
                    if let Some(text) = item.as_str() {
                        out.push(text.to_owned());
                    }
                } else {
                    collect_refs(item, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_refs(i, out)),
        _ => {}
    }
}
