//! Writing an export into its folder (`exports.md` §1.7, issue 12): the manifest
//! `switchboard-export.json` (every file with its SHA-256 and the target that wrote it, and the
//! document's hash), removal of files an earlier export wrote and this one does not, refusal of
//! folders holding files no manifest explains, and all-or-nothing replacement: everything is
//! staged in a hidden folder beside the target, then the folder is swapped in with two renames,
//! so a failure leaves the previous export whole.
//!
//! Depends on `file::save` and `file::manifest`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use super::manifest::{DocumentStamp, MANIFEST_NAME, Manifest, ManifestFile};
use super::save::write_below;

/// One file to write, by relative `/`-separated path.
#[derive(Debug, Clone, Copy)]
pub struct OutputFile<'a> {
    pub path: &'a str,
    pub contents: &'a [u8],
    /// Credentials: mode 0600, no hash in the manifest.
    pub secret: bool,
}

/// What to do with files in the folder that no manifest explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unexplained {
    /// Refuse to write anything (the default).
    Refuse,
    /// `--force`: overwrite them where the export writes the same path, keep the others.
    Keep,
}

/// What an export changed in its folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteSummary {
    /// Relative paths written, sorted (the manifest not included).
    pub written: Vec<String>,
    /// Files of the previous export that this one no longer writes, removed.
    pub removed: Vec<String>,
    /// Files no manifest explains, left in place (only with [`Unexplained::Keep`]).
    pub kept: Vec<String>,
}

/// Why an export was not (completely) written.
#[derive(Debug, thiserror::Error)]
pub enum ExportFolderError {
    /// The folder holds files no manifest explains.
    #[error(
        "{folder}: refusing to export into a folder with {count} file(s) that no {MANIFEST_NAME} \
         explains ({listed}); choose an empty folder, remove them, or pass --force; nothing written"
    )]
    Unexplained {
        folder: String,
        count: usize,
        listed: String,
    },
    /// The previous manifest cannot be read.
    #[error("{path}: not a readable export manifest ({cause}); remove it or pass --force")]
    Manifest { path: String, cause: String },
    /// Writing failed; `state` says what the folder holds now.
    #[error("{folder}: export failed: {cause}; {state}")]
    Write {
        folder: String,
        cause: String,
        state: String,
    },
}

/// Writes `files` of `target` (`all`, `rabbitmq`, …) into `out` with a manifest, replacing the
/// previous export of that target there. See the module documentation.
pub fn write_export(
    out: &Path,
    target: &str,
    files: &[OutputFile<'_>],
    document: &DocumentStamp,
    unexplained: Unexplained,
) -> Result<WriteSummary, ExportFolderError> {
    if out.exists() && !out.is_dir() {
        return Err(ExportFolderError::Unexplained {
            folder: out.display().to_string(),
            count: 1,
            listed: "it is a file, not a folder".to_owned(),
        });
    }
    let previous = read_previous(out, unexplained)?;
    let on_disk = list_files(out);
    let explained: BTreeSet<&str> = previous.files.iter().map(|f| f.path.as_str()).collect();
    let strangers: Vec<String> = on_disk
        .iter()
        .filter(|p| !explained.contains(p.as_str()) && p.as_str() != MANIFEST_NAME)
        .cloned()
        .collect();
    if !strangers.is_empty() && unexplained == Unexplained::Refuse {
        return Err(unexplained_error(out, &strangers));
    }
    let new_paths: BTreeSet<&str> = files.iter().map(|f| f.path).collect();
    let replaced = |f: &ManifestFile| f.target == target || target == "all";
    let carried: Vec<ManifestFile> = previous
        .files
        .iter()
        .filter(|f| !new_paths.contains(f.path.as_str()) && !replaced(f))
        .filter(|f| on_disk.contains(&f.path))
        .cloned()
        .collect();
    let removed: Vec<String> = previous
        .files
        .iter()
        .filter(|f| !new_paths.contains(f.path.as_str()) && replaced(f))
        .filter(|f| on_disk.contains(&f.path))
        .map(|f| f.path.clone())
        .collect();
    let kept: Vec<String> = strangers
        .iter()
        .filter(|p| !new_paths.contains(p.as_str()))
        .cloned()
        .collect();
    let manifest = Manifest::new(document, target, files, carried.clone());
    let staging = sibling(out, "staging")?;
    let staged = stage(&staging, out, files, &carried, &manifest);
    if let Err(cause) = staged {
        let _ = fs::remove_dir_all(&staging);
        return Err(write_error(
            out,
            cause,
            "nothing in the folder was changed".into(),
        ));
    }
    let summary = WriteSummary {
        written: new_paths.iter().map(|p| (*p).to_owned()).collect(),
        removed,
        kept,
    };
    if summary.kept.is_empty() {
        swap_in(&staging, out)?;
    } else {
        move_in(&staging, out, files, &summary.removed)?;
    }
    Ok(summary)
}

/// The previous manifest, or an empty one when there is none (or it is broken and `--force`).
fn read_previous(out: &Path, unexplained: Unexplained) -> Result<Manifest, ExportFolderError> {
    let path = out.join(MANIFEST_NAME);
    let Ok(text) = fs::read_to_string(&path) else {
        return Ok(Manifest::default());
    };
    match Manifest::parse(&text) {
        Ok(manifest) => Ok(manifest),
        Err(_) if unexplained == Unexplained::Keep => Ok(Manifest::default()),
        Err(cause) => Err(ExportFolderError::Manifest {
            path: path.display().to_string(),
            cause,
        }),
    }
}

/// Every regular file below `out` as a relative `/`-separated path, sorted; temporary files of
/// an interrupted atomic write (`.NAME.tmp-PID`) are not counted.
fn list_files(out: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![(out.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = format!("{prefix}{name}");
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => stack.push((entry.path(), format!("{relative}/"))),
                Ok(_) if name.starts_with('.') && name.contains(".tmp-") => {}
                Ok(_) => {
                    found.insert(relative);
                }
                Err(_) => {}
            }
        }
    }
    found
}

fn unexplained_error(out: &Path, strangers: &[String]) -> ExportFolderError {
    const SHOWN: usize = 5;
    let mut listed = strangers
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if strangers.len() > SHOWN {
        let _ = write!(listed, ", and {} more", strangers.len() - SHOWN);
    }
    ExportFolderError::Unexplained {
        folder: out.display().to_string(),
        count: strangers.len(),
        listed,
    }
}

fn write_error(out: &Path, cause: String, state: String) -> ExportFolderError {
    ExportFolderError::Write {
        folder: out.display().to_string(),
        cause,
        state,
    }
}

/// A hidden folder beside `out` (`.NAME.<what>-PID`), removed first if a crashed run left it.
fn sibling(out: &Path, what: &str) -> Result<PathBuf, ExportFolderError> {
    let absolute = std::path::absolute(out).map_err(|e| {
        write_error(
            out,
            format!("cannot resolve the folder: {e}"),
            "nothing written".into(),
        )
    })?;
    let name = absolute
        .file_name()
        .map_or_else(|| "export".to_owned(), |n| n.to_string_lossy().into_owned());
    let parent = absolute
        .parent()
        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
    let path = parent.join(format!(".{name}.{what}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&path);
    Ok(path)
}

/// Writes the new files, copies the carried files of other targets, then the manifest.
fn stage(
    staging: &Path,
    out: &Path,
    files: &[OutputFile<'_>],
    carried: &[ManifestFile],
    manifest: &Manifest,
) -> Result<(), String> {
    fs::create_dir_all(staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    for file in files {
        write_below(staging, file.path, file.contents, file.secret).map_err(|e| e.to_string())?;
    }
    for file in carried {
        let bytes = fs::read(out.join(&file.path)).map_err(|e| format!("{}: {e}", file.path))?;
        write_below(staging, &file.path, &bytes, file.secret).map_err(|e| e.to_string())?;
    }
    write_below(staging, MANIFEST_NAME, manifest.to_json().as_bytes(), false)
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// Replaces `out` by `staging` with two renames; on failure the previous folder is put back.
fn swap_in(staging: &Path, out: &Path) -> Result<(), ExportFolderError> {
    let fail = |cause: String, state: &str| {
        let _ = fs::remove_dir_all(staging);
        write_error(out, cause, state.to_owned())
    };
    if !out.exists() {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)
                .map_err(|e| fail(format!("{}: {e}", parent.display()), "nothing written"))?;
        }
        return fs::rename(staging, out).map_err(|e| {
            fail(
                format!("cannot move the staged export in: {e}"),
                "nothing written",
            )
        });
    }
    let old = sibling(out, "previous")?;
    fs::rename(out, &old).map_err(|e| {
        fail(
            format!("cannot move the previous export aside: {e}"),
            "the previous export is unchanged",
        )
    })?;
    if let Err(e) = fs::rename(staging, out) {
        let restored = fs::rename(&old, out).is_ok();
        let state = if restored {
            "the previous export is unchanged"
        } else {
            "the previous export is kept beside it as a hidden .previous folder"
        };
        return Err(fail(
            format!("cannot move the staged export in: {e}"),
            state,
        ));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// `--force` with unexplained files kept: the staged files are renamed into `out` one by one,
/// then the stale files are removed. A failure names what was and was not moved.
fn move_in(
    staging: &Path,
    out: &Path,
    files: &[OutputFile<'_>],
    removed: &[String],
) -> Result<(), ExportFolderError> {
    let mut paths: Vec<&str> = files.iter().map(|f| f.path).collect();
    paths.push(MANIFEST_NAME);
    let mut done: Vec<&str> = Vec::new();
    for (index, path) in paths.iter().enumerate() {
        let from = staging.join(path);
        let to = out.join(path);
        let moved = to
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::rename(&from, &to));
        if let Err(e) = moved {
            let _ = fs::remove_dir_all(staging);
            let state = format!(
                "written: {}; not written: {}",
                list_or_none(&done),
                list_or_none(&paths[index..])
            );
            return Err(write_error(out, format!("{path}: {e}"), state));
        }
        done.push(path);
    }
    for path in removed {
        let _ = fs::remove_file(out.join(path));
    }
    let _ = fs::remove_dir_all(staging);
    Ok(())
}

fn list_or_none(paths: &[&str]) -> String {
    if paths.is_empty() {
        "none".to_owned()
    } else {
        paths.join(", ")
    }
}
