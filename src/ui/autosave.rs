//! Autosave of unsaved work every 30 seconds to the app's data folder, and the recovery offer on
//! the next start.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::model::Landscape;

use super::document_io;

/// How often unsaved work is written.
pub const INTERVAL: Duration = Duration::from_secs(30);

/// Where and when to autosave.
#[derive(Debug)]
pub struct Autosave {
    /// The autosave file; `None` disables autosave (tests).
    pub file: Option<PathBuf>,
    last_write: Instant,
    written_revision: Option<u64>,
}

impl Autosave {
    /// Autosave into `folder` (created on first write), or nowhere.
    pub fn new(folder: Option<PathBuf>) -> Self {
        Self {
            file: folder.map(|f| f.join("autosave.ron")),
            last_write: Instant::now(),
            written_revision: None,
        }
    }

    /// The document left behind by a previous session, if any.
    pub fn recoverable(&self) -> Option<Landscape> {
        let text = std::fs::read_to_string(self.file.as_ref()?).ok()?;
        document_io::from_ron_str(&text).ok()
    }

    /// Writes the document when it has unsaved changes and the interval has passed. Returns how
    /// long until the next check is due, so the caller can schedule one repaint for it.
    pub fn tick(
        &mut self,
        landscape: &Landscape,
        revision: u64,
        unsaved: bool,
    ) -> anyhow::Result<Option<Duration>> {
        let Some(file) = &self.file else {
            return Ok(None);
        };
        if !unsaved || self.written_revision == Some(revision) {
            return Ok(None);
        }
        let elapsed = self.last_write.elapsed();
        if elapsed < INTERVAL {
            return Ok(Some(INTERVAL.saturating_sub(elapsed)));
        }
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(file, document_io::to_ron_string(landscape)?)?;
        self.last_write = Instant::now();
        self.written_revision = Some(revision);
        Ok(None)
    }

    /// Removes the autosave (the work was saved or deliberately discarded).
    pub fn clear(&mut self) {
        if let Some(file) = &self.file {
            let _ = std::fs::remove_file(file);
        }
        self.written_revision = None;
        self.last_write = Instant::now();
    }
}
