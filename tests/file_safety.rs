//! Safe saves (issue 13, items 3 and 4): the backup is replaced atomically and never truncated in
//! place, leftover temporary files of killed saves are removed at the next save, the permissions
//! of the file replaced are kept, a symbolic link stays a link and the file it points to is
//! replaced, a document too large to read back is refused before anything is written, and
//! `convert` never writes an encoding its output's name would make unreadable.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use switchboard::file::{self, FileError, backup_path, save_path};

fn seafood() -> switchboard::model::Landscape {
    file::seafood_example().expect("the bundled example loads")
}

fn temp_names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("list folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    names.sort();
    names
}

#[test]
fn the_backup_is_replaced_not_overwritten_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("doc.ron");
    fs::write(&doc, file::SEAFOOD_EXAMPLE).expect("write");
    // Another file shares the backup's storage (a hard link): writing into the backup in place
    // (what a crash can leave truncated) would change it too.
    let other = dir.path().join("other.txt");
    fs::write(&other, "keep me").expect("write");
    fs::hard_link(&other, backup_path(&doc)).expect("hard link");
    save_path(&seafood(), &doc).expect("save");
    assert_eq!(fs::read_to_string(&other).expect("read"), "keep me");
    assert_eq!(
        fs::read_to_string(backup_path(&doc)).expect("read backup"),
        file::SEAFOOD_EXAMPLE
    );
    assert!(
        temp_names(dir.path()).is_empty(),
        "no temporary file is left"
    );
}

/// A process id that certainly ended: a child that has been waited for.
fn ended_process_id() -> u32 {
    let mut child = Command::new("true").spawn().expect("spawn true");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

#[test]
fn leftover_temporary_files_of_ended_saves_are_removed_at_the_next_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("doc.ron");
    let dead = ended_process_id();
    let old_style = format!(".doc.ron.tmp-{dead}");
    let new_style = format!(".other.ron.bak.tmp-{dead}.3");
    let mut live = Command::new("sleep")
        .arg("30")
        .spawn()
        .expect("spawn sleep");
    let in_use = format!(".doc.ron.tmp-{}.0", live.id());
    for name in [&old_style, &new_style, &in_use] {
        fs::write(dir.path().join(name), "partial").expect("write litter");
    }
    fs::write(dir.path().join(".notes.tmp-x"), "not ours").expect("write");
    save_path(&seafood(), &doc).expect("save");
    let left = temp_names(dir.path());
    let _ = live.kill();
    let _ = live.wait();
    assert_eq!(left, vec![in_use, ".notes.tmp-x".to_owned()]);
}

#[cfg(unix)]
#[test]
fn the_permissions_of_the_replaced_document_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("secret.ron");
    fs::write(&doc, file::SEAFOOD_EXAMPLE).expect("write");
    fs::set_permissions(&doc, fs::Permissions::from_mode(0o600)).expect("chmod");
    save_path(&seafood(), &doc).expect("save");
    let mode = fs::metadata(&doc).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let backup = fs::metadata(backup_path(&doc))
        .expect("stat")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(backup, 0o600, "the backup is as private as the document");
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real_folder = dir.path().join("real");
    fs::create_dir(&real_folder).expect("mkdir");
    let real = real_folder.join("doc.ron");
    fs::write(&real, "old").expect("write");
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real/doc.ron", &link).expect("symlink");
    save_path(&seafood(), &link).expect("save");
    assert!(
        fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(
        fs::read_to_string(&real).expect("read"),
        file::SEAFOOD_EXAMPLE
    );
    assert_eq!(
        fs::read_to_string(real_folder.join("doc.ron.bak")).expect("backup"),
        "old"
    );
}

#[test]
fn a_document_larger_than_the_read_limit_is_refused_before_writing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("big.ron");
    let error = file::save::save_path_within(&seafood(), &doc, 100).expect_err("too large");
    assert!(matches!(
        error,
        FileError::TooLargeToWrite { limit: 100, .. }
    ));
    let message = error.to_string();
    assert!(message.contains("big.ron"), "{message}");
    assert!(message.contains("100-byte limit"), "{message}");
    let size = file::SEAFOOD_EXAMPLE.len().to_string();
    assert!(message.contains(&size), "the size is named: {message}");
    assert!(!doc.exists(), "nothing is written");
    assert!(temp_names(dir.path()).is_empty());
}

fn switchboard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn convert_refuses_an_encoding_that_disagrees_with_the_output_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.ron");
    let output = switchboard(&[
        "convert",
        "examples/seafood.ron",
        "--to",
        "json",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    let message = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(message.contains("--to ron"), "{message}");
    assert!(!out.exists());
    let unknown = dir.path().join("x.txt");
    let output = switchboard(&[
        "convert",
        "examples/seafood.ron",
        "--to",
        "json",
        "--out",
        unknown.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!unknown.exists());
}

#[test]
fn convert_infers_the_encoding_from_the_output_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.json");
    let output = switchboard(&[
        "convert",
        "examples/seafood.ron",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let back = file::load_path(&out).expect("the written JSON reads back");
    assert_eq!(back, seafood());
}
