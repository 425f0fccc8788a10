//! The export manifest `switchboard-export.json`: which files an export wrote into its folder,
//! with the SHA-256 of each (none for credentials, whose salt changes on every export), the
//! target that wrote it, and the hash of the document they were made from. The JSON is written
//! with sorted keys and files sorted by path, so the same export gives the same bytes.
//!
//! Depends on `file::export_folder` (the file type) only.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::export_folder::OutputFile;

/// The manifest's file name, at the top of the export folder.
pub const MANIFEST_NAME: &str = "switchboard-export.json";

/// The manifest format this Switchboard writes and reads.
pub const MANIFEST_FORMAT: u32 = 1;

/// The document an export was made from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentStamp {
    /// The landscape's name.
    pub landscape: String,
    /// The SHA-256 (hex) of the document's bytes as read: its revision.
    pub sha256: String,
}

impl DocumentStamp {
    /// A stamp of the document `bytes` of landscape `landscape`.
    pub fn of(landscape: &str, bytes: &[u8]) -> Self {
        Self {
            landscape: landscape.to_owned(),
            sha256: sha256_hex(bytes),
        }
    }
}

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// Relative `/`-separated path below the folder.
    pub path: String,
    /// Credentials (mode 0600).
    #[serde(default)]
    pub secret: bool,
    /// SHA-256 (hex) of the contents; absent for secret files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// The export target that wrote it (`all`, `rabbitmq`, …).
    pub target: String,
}

/// The manifest of one export folder (fields in alphabetical order: sorted JSON keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub document: DocumentStamp,
    pub files: Vec<ManifestFile>,
    pub format: u32,
    pub generator: String,
}

impl Manifest {
    /// The manifest of `files` written by `target`, plus the `carried` entries of other targets
    /// that stay in the folder.
    pub fn new(
        document: &DocumentStamp,
        target: &str,
        files: &[OutputFile<'_>],
        carried: Vec<ManifestFile>,
    ) -> Self {
        let mut entries: Vec<ManifestFile> = files
            .iter()
            .map(|f| ManifestFile {
                path: f.path.to_owned(),
                secret: f.secret,
                sha256: (!f.secret).then(|| sha256_hex(f.contents)),
                target: target.to_owned(),
            })
            .chain(carried)
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        entries.dedup_by(|a, b| a.path == b.path);
        Self {
            document: document.clone(),
            files: entries,
            format: MANIFEST_FORMAT,
            generator: "switchboard".to_owned(),
        }
    }

    /// Reads a manifest; the error says what is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let manifest: Self = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if manifest.format != MANIFEST_FORMAT {
            return Err(format!(
                "format {} (this Switchboard reads {MANIFEST_FORMAT})",
                manifest.format
            ));
        }
        if let Some(bad) = manifest
            .files
            .iter()
            .find(|f| f.path.split('/').any(|p| p.is_empty() || p == ".."))
        {
            return Err(format!("the path \"{}\" is not below the folder", bad.path));
        }
        Ok(manifest)
    }

    /// Pretty JSON with one trailing newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips_sorted_and_without_secret_hashes() {
        let files = [
            OutputFile {
                path: "b/y.json",
                contents: b"y",
                secret: false,
            },
            OutputFile {
                path: "a/secret.json",
                contents: b"s",
                secret: true,
            },
        ];
        let stamp = DocumentStamp::of("L", b"doc");
        let manifest = Manifest::new(&stamp, "all", &files, Vec::new());
        let text = manifest.to_json();
        assert_eq!(manifest.files[0].path, "a/secret.json");
        assert_eq!(manifest.files[0].sha256, None);
        assert_eq!(
            manifest.files[1].sha256.as_deref(),
            Some(sha256_hex(b"y").as_str())
        );
        assert_eq!(Manifest::parse(&text), Ok(manifest));
        assert!(text.find("\"document\"") < text.find("\"files\""));
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn manifest_paths_outside_the_folder_are_refused() {
        let text = r#"{"document":{"landscape":"L","sha256":"x"},"files":[{"path":"../x","target":"all"}],"format":1,"generator":"switchboard"}"#;
        assert!(Manifest::parse(text).is_err_and(|e| e.contains("../x")));
    }
}
