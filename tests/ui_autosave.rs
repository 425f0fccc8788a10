//! Recovery that cannot lose work (issue 13, item 1), driven through the autosave logic the
//! designer runs every frame: one autosave per document, recovery offered only for the document
//! it belongs to, the autosave kept until the recovered work is saved, the first edit after a
//! recovery autosaved at once, orphaned autosaves listed. The process test kills a writer of
//! autosaves and of saves at random points and checks the recovered edit and every other file.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use switchboard::file;
use switchboard::model::Landscape;
use switchboard::ui::autosave::{Autosave, orphans, read};

fn edited(name: &str) -> Landscape {
    let mut landscape = file::seafood_example().expect("example");
    name.clone_into(&mut landscape.name);
    landscape
}

struct Setup {
    _dir: tempfile::TempDir,
    folder: PathBuf,
    a: PathBuf,
    b: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("autosave");
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    for path in [&a, &b] {
        std::fs::write(path, file::SEAFOOD_EXAMPLE).expect("write");
    }
    Setup {
        folder,
        a,
        b,
        _dir: dir,
    }
}

/// A session that edits `document`, autosaves the edit at once (as after a recovery) and then
/// "crashes" (is dropped without clearing).
fn crash_after_edit(folder: &Path, document: &Path, name: &str) {
    let mut autosave = Autosave::new(Some(folder.to_path_buf()), Some(document));
    autosave.recovered(0);
    autosave
        .tick(&edited(name), Some(document), 1, true)
        .expect("autosave");
}

#[test]
fn recovery_is_offered_only_for_the_document_the_work_belongs_to() {
    let s = setup();
    crash_after_edit(&s.folder, &s.a, "edit of a");
    let for_b = Autosave::new(Some(s.folder.clone()), Some(&s.b));
    assert_eq!(for_b.recoverable(), None, "b is not offered a's work");
    let for_a = Autosave::new(Some(s.folder.clone()), Some(&s.a));
    assert_eq!(
        for_a.recoverable().map(|l| l.name),
        Some("edit of a".to_owned())
    );
}

#[test]
fn two_documents_keep_two_autosaves() {
    let s = setup();
    crash_after_edit(&s.folder, &s.a, "edit of a");
    crash_after_edit(&s.folder, &s.b, "edit of b");
    let names: Vec<String> = [&s.a, &s.b]
        .iter()
        .map(|d| {
            Autosave::new(Some(s.folder.clone()), Some(d))
                .recoverable()
                .expect("recoverable")
                .name
        })
        .collect();
    assert_eq!(names, ["edit of a", "edit of b"]);
    let recorded = read(
        &Autosave::new(Some(s.folder.clone()), Some(&s.a))
            .file()
            .expect("file"),
    )
    .expect("readable");
    assert_eq!(recorded.revision, 1);
    assert_eq!(
        recorded.document,
        Some(std::fs::canonicalize(&s.a).expect("canonical"))
    );
}

#[test]
fn the_autosave_is_kept_until_the_recovered_work_is_saved() {
    let s = setup();
    crash_after_edit(&s.folder, &s.a, "edit of a");
    let mut session = Autosave::new(Some(s.folder.clone()), Some(&s.a));
    let recovered = session.recover().expect("offered");
    // Installing the recovered work replaces the document, which clears the autosave…
    session.clear();
    // …but the held autosave survives it, and a second crash now loses nothing.
    assert_eq!(
        Autosave::new(Some(s.folder.clone()), Some(&s.a))
            .recoverable()
            .map(|l| l.name),
        Some("edit of a".to_owned())
    );
    session.recovered(7);
    // The first edit after the recovery is written at once, not 30 seconds later.
    let mut next = recovered;
    "second edit".clone_into(&mut next.description);
    let wait = session.tick(&next, Some(&s.a), 8, true).expect("autosave");
    assert_eq!(wait, None, "written now");
    let found = read(&session.file().expect("file")).expect("readable");
    assert_eq!(found.revision, 8);
    assert_eq!(found.landscape.description, "second edit");
    // Saving clears it.
    session.clear();
    assert!(!session.file().expect("file").exists());
    assert_eq!(
        std::fs::read_to_string(&s.a).expect("read"),
        file::SEAFOOD_EXAMPLE,
        "the autosave never writes the document itself"
    );
}

#[test]
fn an_autosave_of_an_earlier_session_survives_opening_another_document() {
    let s = setup();
    crash_after_edit(&s.folder, &s.a, "edit of a");
    let mut session = Autosave::new(Some(s.folder.clone()), Some(&s.a));
    // The user ignores the offer and opens b: the replace clears, a's work stays.
    session.clear();
    assert!(session.file().expect("file").exists());
    let listed = orphans(&s.folder, &[&s.b]);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].landscape.name, "edit of a");
}

#[test]
fn untitled_windows_have_their_own_autosaves_listed_as_orphans() {
    let s = setup();
    let mut first = Autosave::new(Some(s.folder.clone()), None);
    let mut second = Autosave::new(Some(s.folder.clone()), None);
    first.recovered(0);
    second.recovered(0);
    first.tick(&edited("one"), None, 1, true).expect("autosave");
    second
        .tick(&edited("two"), None, 1, true)
        .expect("autosave");
    assert_ne!(first.file(), second.file());
    let mut names: Vec<String> = orphans(&s.folder, &[])
        .into_iter()
        .map(|f| f.landscape.name)
        .collect();
    names.sort();
    assert_eq!(names, ["one", "two"]);
    let mut third = Autosave::new(Some(s.folder.clone()), None);
    let adopted = third.adopt(&first.file().expect("file")).expect("adopt");
    assert_eq!(adopted.landscape.name, "one");
    assert_eq!(third.file(), first.file(), "the adopted autosave is kept");
}

const CHILD_ENV: &str = "SWITCHBOARD_AUTOSAVE_KILL_CHILD";

/// The child process of the kill test (it does nothing unless the kill test started it): edits
/// `a.ron` forever, autosaving every edit and saving every fifth, and reports each finished
/// edit on standard output.
#[test]
fn kill_test_child_process() {
    use std::io::Write as _;
    let Ok(folder) = std::env::var(CHILD_ENV) else {
        return;
    };
    let folder = PathBuf::from(folder);
    let document = folder.join("a.ron");
    let mut autosave = Autosave::new(Some(folder.join("autosave")), Some(&document));
    let mut landscape = file::seafood_example().expect("example");
    let mut stdout = std::io::stdout();
    for revision in 1u64.. {
        landscape.description = format!("edit {revision}");
        autosave.recovered(revision - 1);
        autosave
            .tick(&landscape, Some(&document), revision, true)
            .expect("autosave");
        if revision % 5 == 0 {
            file::save_path(&landscape, &document).expect("save");
            autosave.clear();
        }
        writeln!(stdout, "done {revision}").expect("report");
        stdout.flush().expect("flush");
    }
}

fn edit_number(landscape: &Landscape) -> u64 {
    landscape
        .description
        .strip_prefix("edit ")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[test]
fn killing_the_writer_at_random_points_loses_no_edit_and_touches_no_other_file() {
    use std::io::BufRead as _;
    let kills: u64 = std::env::var("SWITCHBOARD_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(50);
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(7, |d| u64::from(d.subsec_nanos()));
    eprintln!("kill test seed {seed:#x}");
    for round in 0..kills {
        let dir = tempfile::tempdir().expect("temp dir");
        let document = dir.path().join("a.ron");
        let other = dir.path().join("b.ron");
        std::fs::write(&document, file::SEAFOOD_EXAMPLE).expect("write");
        std::fs::write(&other, "other work").expect("write");
        let mut child = std::process::Command::new(std::env::current_exe().expect("exe"))
            .args([
                "--exact",
                "kill_test_child_process",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn child");
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let stop_after = 1 + (seed >> 33) % 40;
        let mut confirmed = 0;
        let reader = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        let mut lines = reader.lines();
        for line in lines.by_ref() {
            let line = line.expect("line");
            if let Some(n) = line.strip_prefix("done ") {
                confirmed = n.parse().expect("number");
            }
            if confirmed >= stop_after {
                break;
            }
        }
        // Kill at a random moment of the next edit, with the pipe still open.
        std::thread::sleep(std::time::Duration::from_micros((seed >> 20) % 3000));
        child.kill().expect("kill");
        drop(lines);
        child.wait().expect("wait");
        let saved = edit_number(&file::load_path(&document).expect("the document always reads"));
        let autosaved = Autosave::new(Some(dir.path().join("autosave")), Some(&document))
            .recoverable()
            .map_or(0, |l| edit_number(&l));
        assert!(
            saved.max(autosaved) >= confirmed,
            "round {round}: edit {confirmed} lost (document {saved}, autosave {autosaved})"
        );
        assert_eq!(std::fs::read_to_string(&other).expect("read"), "other work");
        for entry in std::fs::read_dir(dir.path()).expect("list").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let known = ["a.ron", "a.ron.bak", "b.ron", "autosave"].contains(&name.as_str())
                || name.starts_with(".a.ron.");
            assert!(known, "round {round}: unexpected file {name}");
        }
    }
}
