//! The document size guard: a file over the limit is refused before it is read, and the message
//! names the limit.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use switchboard::file::{FileError, load_path};

#[test]
fn a_file_over_512_mib_is_refused_with_the_limit_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file: no 512 MiB are written, but its length is over the limit.
    file.set_len(512 * 1024 * 1024 + 1).unwrap();
    let err = load_path(&path).unwrap_err();
    assert!(matches!(err, FileError::TooLarge { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("512-MiB"), "{text}");
    assert!(text.contains("536870912-byte"), "{text}");
    assert!(text.contains("536870913 bytes"), "{text}");
}

#[test]
fn a_file_at_the_old_64_mib_limit_is_no_longer_refused_for_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(64 * 1024 * 1024 + 1).unwrap();
    // Zero bytes are not a landscape, but the size guard lets the file through to the parser.
    let err = load_path(&path).unwrap_err();
    assert!(!matches!(err, FileError::TooLarge { .. }), "{err:?}");
}
