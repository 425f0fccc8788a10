//! Safe replacement of a file: the new bytes go to a temporary file in the target's folder, are
//! flushed, and are renamed over the target, so a reader (or a crash) sees either the old or the
//! new file, never a mix. Around that:
//! - a symbolic link is followed: the file it points to is replaced, the link stays a link;
//! - the permissions of the file replaced are kept (credentials are always owner-only);
//! - the backup (`NAME.bak`) is made by an atomic copy (temporary copy, flush, rename), so a crash
//!   never leaves a truncated backup;
//! - temporary files of this program left behind by a killed process (`.NAME.tmp-PID.N`) are
//!   removed at the next save in that folder.
//!
//! Depends on `file::error`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::error::FileError;

/// The marker between a file's name and the process id in a temporary file's name.
const TEMP_MARKER: &str = ".tmp-";

/// A temporary file whose process is gone, or that is older than this, is litter.
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// Links deeper than this are refused (the same bound as Linux's `ELOOP`).
const MAX_LINK_DEPTH: usize = 40;

/// Who may read the written file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The permissions of the file replaced, or the usual ones for a new file.
    AsBefore,
    /// The owner only (mode 0600), from the moment the temporary file exists: for credentials.
    OwnerOnly,
}

/// Whether the previous version is kept as `NAME.bak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    Keep,
    None,
}

/// Replaces the file at `path` (or, for a symbolic link, the file it points to) with `bytes`.
pub fn replace_file(
    path: &Path,
    bytes: &[u8],
    backup: Backup,
    audience: Audience,
) -> Result<(), FileError> {
    let target = follow_links(path)?;
    let io = |action, cause| FileError::Io {
        origin: target.display().to_string(),
        action,
        cause,
    };
    let folder = folder_of(&target);
    remove_stale_temporaries(&folder);
    let previous = fs::metadata(&target).ok().filter(fs::Metadata::is_file);
    let temp = temporary_path(&target);
    let result = (|| {
        let mut file = create_temporary(&temp, audience, previous.as_ref())
            .map_err(|e| io("create a temporary file", e))?;
        file.write_all(bytes)
            .map_err(|e| io("write the temporary file", e))?;
        file.sync_all()
            .map_err(|e| io("flush the temporary file", e))?;
        drop(file);
        if backup == Backup::Keep && previous.is_some() {
            copy_atomically(&target, &backup_path(&target))?;
        }
        fs::rename(&temp, &target).map_err(|e| io("replace the file", e))?;
        sync_folder(&folder);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// The backup path of a document: `NAME.ron` → `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Copies `from` to `to` through a flushed temporary file and a rename: `to` is either its old
/// content or a complete copy, never a part. Permissions are copied too.
pub fn copy_atomically(from: &Path, to: &Path) -> Result<(), FileError> {
    let io = |action, cause| FileError::Io {
        origin: to.display().to_string(),
        action,
        cause,
    };
    let temp = temporary_path(to);
    let result = (|| {
        fs::copy(from, &temp).map_err(|e| io("keep a backup", e))?;
        fs::File::open(&temp)
            .and_then(|f| f.sync_all())
            .map_err(|e| io("flush the backup", e))?;
        fs::rename(&temp, to).map_err(|e| io("keep a backup", e))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// The path a write really goes to: symbolic links are followed (also dangling ones, whose
/// target is then created).
pub fn follow_links(path: &Path) -> Result<PathBuf, FileError> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINK_DEPTH {
        let is_link = fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return Ok(current);
        }
        let link = fs::read_link(&current).map_err(|cause| FileError::Io {
            origin: current.display().to_string(),
            action: "follow the symbolic link",
            cause,
        })?;
        current = folder_of(&current).join(link);
    }
    Err(FileError::Io {
        origin: path.display().to_string(),
        action: "follow the symbolic link",
        cause: std::io::Error::other("too many levels of symbolic links"),
    })
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `.NAME.tmp-PID.N` beside the target: hidden, unique within this process, and recognisable
/// as ours by [`temporary_owner`].
fn temporary_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let serial = COUNTER.fetch_add(1, Ordering::Relaxed);
    folder_of(target).join(format!(
        ".{name}{TEMP_MARKER}{}.{serial}",
        std::process::id()
    ))
}

/// The process id in the name of one of our temporary files (`.NAME.tmp-PID` as older versions
/// wrote them, or `.NAME.tmp-PID.N`); `None` for any other name.
pub fn temporary_owner(file_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?;
    let (stem, tail) = rest.rsplit_once(TEMP_MARKER)?;
    if stem.is_empty() {
        return None;
    }
    let (pid, serial) = tail.split_once('.').unwrap_or((tail, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(serial) {
        return None;
    }
    pid.parse().ok()
}

/// Removes our temporary files in `folder` whose process has ended (or that are older than an
/// hour, where process ids cannot be checked). Failures are ignored: this is tidying only.
pub fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(owner) = temporary_owner(&name.to_string_lossy()) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if meta.is_file() && is_stale(owner, &meta) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn is_stale(owner: u32, meta: &fs::Metadata) -> bool {
    let old = meta
        .modified()
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > STALE_AFTER);
    old || (owner != std::process::id() && process_has_ended(owner))
}

/// Whether no process has this id (Linux: no `/proc/PID`); elsewhere unknown, so `false`.
fn process_has_ended(pid: u32) -> bool {
    let proc_root = Path::new("/proc/self");
    proc_root.exists() && !Path::new("/proc").join(pid.to_string()).exists()
}

/// Creates the temporary file (it must not exist) with the permissions the result should have.
fn create_temporary(
    temp: &Path,
    audience: Audience,
    previous: Option<&fs::Metadata>,
) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let mode = match (audience, previous) {
            (Audience::OwnerOnly, _) => 0o600,
            (Audience::AsBefore, Some(meta)) => meta.permissions().mode() & 0o7777,
            (Audience::AsBefore, None) => 0o644,
        };
        options.mode(mode & 0o777);
        let file = options.open(temp)?;
        if audience == Audience::OwnerOnly || previous.is_some() {
            // The creation mode is narrowed by the umask; the file replaced had exactly this.
            file.set_permissions(fs::Permissions::from_mode(mode))?;
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    {
        let _ = (audience, previous);
        options.open(temp)
    }
}

fn sync_folder(folder: &Path) {
    if let Ok(dir) = fs::File::open(folder) {
        // Persist the rename; not every platform can fsync a folder.
        let _ = dir.sync_all();
    }
}
