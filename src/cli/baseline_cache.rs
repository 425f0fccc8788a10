//! The on-disk baseline cache of `simulate`: one JSON file per baseline key in the user's cache
//! folder (`$XDG_CACHE_HOME/switchboard/baselines` on Linux), written atomically (a temporary
//! file renamed into place). A missing, unreadable or corrupt file reads as no entry, so the
//! baseline is computed again and the file rewritten.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::sim::{Baseline, BaselineStore};

/// One cache file.
#[derive(Serialize, Deserialize)]
struct Entry {
    key: String,
    baseline: Baseline,
}

/// Baselines in a folder.
#[derive(Debug, Clone)]
pub struct DiskBaselines {
    dir: PathBuf,
}

impl DiskBaselines {
    /// The cache in the user's cache folder, if the platform has one.
    pub fn in_user_cache() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "switchboard")?;
        Some(Self {
            dir: dirs.cache_dir().join("baselines"),
        })
    }

    /// The cache in this folder (created on the first save).
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }
}

impl BaselineStore for DiskBaselines {
    fn load(&self, key: &str) -> Option<Baseline> {
        let text = std::fs::read(self.path(key)).ok()?;
        let entry: Entry = serde_json::from_slice(&text).ok()?;
        (entry.key == key).then_some(entry.baseline)
    }

    fn save(&self, key: &str, baseline: &Baseline) {
        let entry = Entry {
            key: key.to_owned(),
            baseline: baseline.clone(),
        };
        let Ok(text) = serde_json::to_vec(&entry) else {
            return;
        };
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let tmp = self.dir.join(format!(".{key}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, text).is_err() || std::fs::rename(&tmp, self.path(key)).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}
