//! Reading and writing document files: atomic saves (temporary file in the same folder, fsync,
//! rename) that keep the previous version as `NAME.ron.bak`, and size limits on load.
//!
//! Depends on `model`, `file::encoding` and `file::error`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::model::Landscape;

use super::atomic::{Audience, Backup, replace_file};
use super::encoding::{from_json_str, from_ron_str, to_json_string, to_ron_string};
use super::error::FileError;

/// Documents larger than this (512 MiB) are refused on load: the §11 landscape of 10,000
/// systems is about 70 MB of RON, so this is still a guard against the wrong file.
pub const MAX_DOCUMENT_BYTES: u64 = 512 * 1024 * 1024;

/// The encoding of a file, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Ron,
    Json,
}

impl Encoding {
    /// The encoding named by the path's extension (`.ron` or `.json`).
    pub fn of_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "ron" => Some(Self::Ron),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// Loads a landscape from a `.ron` or `.json` file. The file is never modified.
pub fn load_path(path: &Path) -> Result<Landscape, FileError> {
    let origin = path.display().to_string();
    let encoding = Encoding::of_path(path).ok_or_else(|| FileError::UnknownExtension {
        origin: origin.clone(),
    })?;
    let text = read_text(path)?;
    match encoding {
        Encoding::Ron => from_ron_str(&text, &origin),
        Encoding::Json => from_json_str(&text, &origin),
    }
}

/// Reads a text file with the document size limit; binary content is an error.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let origin = path.display().to_string();
    let io = |action, source| FileError::Io {
        origin: origin.clone(),
        action,
        cause: source,
    };
    let size = fs::metadata(path)
        .map_err(|e| io("read the file", e))?
        .len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(FileError::TooLarge {
            origin,
            size,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let bytes = fs::read(path).map_err(|e| io("read the file", e))?;
    String::from_utf8(bytes).map_err(|e| FileError::NotText {
        origin: origin.clone(),
        why: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })
}

/// Saves a landscape in the encoding named by the path's extension, atomically, keeping the
/// previous file as `NAME.bak` (e.g. `seafood.ron.bak`). A document larger than the read limit
/// is refused before anything is written.
pub fn save_path(landscape: &Landscape, path: &Path) -> Result<(), FileError> {
    save_path_within(landscape, path, MAX_DOCUMENT_BYTES)
}

/// [`save_path`] with a given size limit.
pub fn save_path_within(landscape: &Landscape, path: &Path, limit: u64) -> Result<(), FileError> {
    let origin = path.display().to_string();
    let encoding = Encoding::of_path(path).ok_or(FileError::UnknownExtension {
        origin: origin.clone(),
    })?;
    let text = encode_within(landscape, encoding, &origin, limit)?;
    write_atomically(path, text.as_bytes(), true)
}

/// Encodes a document, refusing one larger than the read limit (it could not be opened again).
pub fn encode_document(
    landscape: &Landscape,
    encoding: Encoding,
    origin: &str,
) -> Result<String, FileError> {
    encode_within(landscape, encoding, origin, MAX_DOCUMENT_BYTES)
}

/// [`encode_document`] with a given size limit.
pub fn encode_within(
    landscape: &Landscape,
    encoding: Encoding,
    origin: &str,
    limit: u64,
) -> Result<String, FileError> {
    let text = match encoding {
        Encoding::Ron => to_ron_string(landscape)?,
        Encoding::Json => to_json_string(landscape)?,
    };
    let size = text.len() as u64;
    if size > limit {
        return Err(FileError::TooLargeToWrite {
            origin: origin.to_owned(),
            size,
            limit,
        });
    }
    Ok(text)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it over
/// the target; with `keep_backup`, an existing target is first copied atomically to its `.bak`
/// path. See [`super::atomic`] for links, permissions and leftover temporary files.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), FileError> {
    write_atomically_as(path, bytes, keep_backup, false)
}

/// [`write_atomically`], and with `private` the file is readable by its owner only (mode 0600
/// from the moment the temporary file is created), for credentials.
pub fn write_atomically_as(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    private: bool,
) -> Result<(), FileError> {
    let backup = if keep_backup {
        Backup::Keep
    } else {
        Backup::None
    };
    let audience = if private {
        Audience::OwnerOnly
    } else {
        Audience::AsBefore
    };
    replace_file(path, bytes, backup, audience)
}

/// Writes one generated file at the relative, `/`-separated `relative` path below the folder
/// `out`, creating folders as needed, atomically (see [`write_atomically_as`]). Paths that are
/// absolute or climb out of `out` (`..`) are refused. Returns the path written.
pub fn write_below(
    out: &Path,
    relative: &str,
    bytes: &[u8],
    private: bool,
) -> Result<PathBuf, FileError> {
    let target = path_below(out, relative)?;
    if let Some(folder) = target.parent() {
        fs::create_dir_all(folder).map_err(|source| FileError::Io {
            origin: folder.display().to_string(),
            action: "create the folder",
            cause: source,
        })?;
    }
    write_atomically_as(&target, bytes, false, private)?;
    Ok(target)
}

/// `out` joined with the relative, `/`-separated path, refusing anything but plain names.
pub fn path_below(out: &Path, relative: &str) -> Result<PathBuf, FileError> {
    let parts: Vec<&str> = relative.split('/').collect();
    let plain =
        |part: &&str| !part.is_empty() && *part != "." && *part != ".." && !part.contains('\\');
    if !parts.iter().all(plain) {
        return Err(FileError::Io {
            origin: relative.to_owned(),
            action: "place the generated file",
            cause: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the path must be relative and stay below the output folder",
            ),
        });
    }
    Ok(parts
        .iter()
        .fold(out.to_path_buf(), |path, part| path.join(part)))
}
