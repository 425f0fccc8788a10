//! The export folder (issue 12 items 6 and 7, issue 13 item 5): the manifest
//! `switchboard-export.json`, stale files of the previous export removed, folders with files no
//! manifest explains refused (exit 1, nothing written) unless `--force`, `.gitignore` beside the
//! credentials, and an `export all` that fails leaving the previous export byte-identical.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use switchboard::export::target::{ExportBundle, ExportSettings, ExportTarget};
use switchboard::file::export_folder::{ExportFolderError, OutputFile, Unexplained, write_export};
use switchboard::file::manifest::{DocumentStamp, MANIFEST_NAME, Manifest};

fn switchboard() -> Command {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/worked-example.ron")
}

/// Every file below `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("below").display().to_string();
                files.insert(relative, std::fs::read(&path).expect("read"));
            }
        }
    }
    files
}

fn export(args: &[&str], doc: &Path, out: &Path, env: &[(&str, &str)]) -> (i32, String) {
    let result = switchboard()
        .args(["export"])
        .args(&args[..1])
        .arg(doc)
        .arg("--out")
        .arg(out)
        .args(&args[1..])
        .envs(env.iter().copied())
        .output()
        .expect("runs");
    (
        result.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&result.stderr).into_owned(),
    )
}

#[test]
fn the_manifest_lists_every_file_with_its_hash_and_the_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let (code, stderr) = export(&["all"], &fixture(), &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(out.join(MANIFEST_NAME)).expect("manifest");
    let manifest = Manifest::parse(&text).expect("parses");
    let written = snapshot(&out);
    let listed: Vec<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    let on_disk: Vec<&str> = written
        .keys()
        .map(String::as_str)
        .filter(|p| *p != MANIFEST_NAME)
        .collect();
    assert_eq!(listed, on_disk);
    for file in &manifest.files {
        let bytes = &written[&file.path];
        assert_eq!(
            file.sha256.as_deref(),
            Some(switchboard::file::manifest::sha256_hex(bytes).as_str())
        );
        assert_eq!(file.target, "all");
    }
    let doc = std::fs::read(fixture()).expect("doc");
    assert_eq!(
        manifest.document.sha256,
        switchboard::file::manifest::sha256_hex(&doc)
    );
    // Exporting again gives the same bytes, manifest included.
    let (code, _) = export(&["all"], &fixture(), &out, &[]);
    assert_eq!(code, 0);
    assert_eq!(snapshot(&out), written);
}

#[test]
fn stale_files_of_the_previous_export_are_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let credentials = dir.path().join("credentials.json");
    std::fs::write(
        &credentials,
        r#"{"svc-wms": {"password_env": "SB_TEST_WMS_PASSWORD"}}"#,
    )
    .expect("credentials");
    let credentials = credentials.display().to_string();
    let (code, stderr) = export(
        &["all", "--credentials", &credentials],
        &fixture(),
        &out,
        &[("SB_TEST_WMS_PASSWORD", "s3cret-wms")],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(out.join("rabbitmq/users.secret.json").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("rabbitmq/.gitignore")).expect("gitignore"),
        "users.secret.json\n"
    );
    assert!(stderr.contains("never commit it"), "{stderr}");
    // A document where DWH no longer takes part, exported without credentials.
    let mut landscape = switchboard::file::load_path(&fixture()).expect("loads");
    let dwh = landscape
        .systems
        .iter()
        .find(|s| s.name == "DWH")
        .map(|s| s.id.clone())
        .expect("DWH");
    landscape
        .flows
        .retain(|f| !f.output.starts_with(&format!("{dwh}.")));
    let doc = dir.path().join("smaller.ron");
    switchboard::file::save_path(&landscape, &doc).expect("saved");
    let (code, stderr) = export(&["all"], &doc, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!out.join("rabbitmq/users.secret.json").exists());
    assert!(!out.join("rabbitmq/.gitignore").exists());
    assert!(!out.join("asyncapi/dwh.yaml").exists());
    assert!(stderr.contains("removed asyncapi/dwh.yaml"), "{stderr}");
    assert!(
        stderr.contains("removed rabbitmq/users.secret.json"),
        "{stderr}"
    );
    // A single target keeps the files of the others.
    let (code, stderr) = export(&["mermaid"], &doc, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.join("rabbitmq/definitions.json").exists());
    assert!(out.join("asyncapi/wms.yaml").exists());
}

#[test]
fn unknown_files_are_refused_unless_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("rabbitmq")).expect("mkdir");
    std::fs::write(out.join("notes.txt"), "mine").expect("notes");
    std::fs::write(out.join("rabbitmq/definitions.json"), "hand-made").expect("old");
    let before = snapshot(&out);
    let (code, stderr) = export(&["all"], &fixture(), &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("2 file(s) that no switchboard-export.json explains"),
        "{stderr}"
    );
    assert!(
        stderr.contains("notes.txt") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(snapshot(&out), before, "nothing written");
    let (code, stderr) = export(&["all", "--force"], &fixture(), &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("kept notes.txt"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).expect("kept"),
        "mine"
    );
    assert_ne!(
        std::fs::read(out.join("rabbitmq/definitions.json")).expect("written"),
        b"hand-made"
    );
    // The forced export is now explained: a plain export runs again.
    let (code, stderr) = export(&["all"], &fixture(), &out, &[]);
    assert_eq!(code, 1, "notes.txt is still unexplained: {stderr}");
}

/// The previous export stays byte-identical when writing the new one fails part-way (after
/// most of its files were written to the staging folder).
#[test]
fn a_failed_export_all_leaves_the_previous_export_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let (code, stderr) = export(&["all"], &fixture(), &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    let before = snapshot(&out);

    let mut landscape = switchboard::file::load_path(&fixture()).expect("loads");
    landscape.flows.retain(|f| f.id != "F1");
    let bundle = ExportBundle::export(&landscape, ExportTarget::All, &ExportSettings::default());
    assert!(bundle.errors.is_empty() && bundle.files.len() > 5);
    let mut files: Vec<OutputFile<'_>> = bundle
        .files
        .iter()
        .map(|f| OutputFile {
            path: &f.path,
            contents: &f.contents,
            secret: f.secret,
        })
        .collect();
    // The last file cannot be written (its path leaves the folder).
    files.push(OutputFile {
        path: "kafka/../../escape.txt",
        contents: b"x",
        secret: false,
    });
    let stamp = DocumentStamp::of("Nordic Seafood", b"changed");
    let error = write_export(&out, "all", &files, &stamp, Unexplained::Refuse)
        .expect_err("the bad path fails");
    assert!(matches!(error, ExportFolderError::Write { .. }));
    assert!(
        error
            .to_string()
            .ends_with("nothing in the folder was changed"),
        "{error}"
    );
    assert_eq!(snapshot(&out), before, "previous export byte-identical");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(leftovers, ["out"], "no staging folder left behind");
}
