//! Autosave of unsaved work every 30 seconds to the app's data folder, and its recovery.
//!
//! Recovery cannot lose work or put it in the wrong file:
//! - one autosave per document: `autosave-HASH.ron`, keyed by the document's absolute path, or
//!   `autosave-untitled-PID-N.ron` per untitled window, so two windows never share one;
//! - it is written atomically (`file::write_atomically`: a kill leaves the old or the new
//!   autosave, never a part) and starts with comment lines recording the document's path and
//!   revision; recovery is offered only for the document it records;
//! - after recovery the autosave stays until the recovered work is saved (or discarded), and the
//!   first edit after recovery is autosaved at once;
//! - autosaves of documents not open (e.g. of untitled windows) are listed by [`orphans`].

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::model::Landscape;

use super::document_io;

/// How often unsaved work is written.
pub const INTERVAL: Duration = Duration::from_secs(30);

const HEADER: &str = "// switchboard autosave";
const DOCUMENT_LINE: &str = "// document: ";
const REVISION_LINE: &str = "// revision: ";

/// What the autosave belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A document on disk, by its absolute path.
    Document(PathBuf),
    /// An untitled window of this process.
    Untitled(String),
}

/// An autosave found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The autosave file.
    pub file: PathBuf,
    /// The document it records (`None` for an untitled window).
    pub document: Option<PathBuf>,
    /// The document's revision when it was written.
    pub revision: u64,
    pub landscape: Landscape,
}

/// Where and when to autosave.
#[derive(Debug)]
pub struct Autosave {
    /// The autosave folder; `None` disables autosave (tests).
    folder: Option<PathBuf>,
    owner: Owner,
    last_write: Instant,
    written_revision: Option<u64>,
    /// The autosave holds recovered work: the replace that installs it must not remove it.
    held: bool,
    /// Write at the next change without waiting for the interval (after a recovery).
    due_now: bool,
}

impl Autosave {
    /// Autosave into `folder` (created on first write), or nowhere, for `document` (`None`: an
    /// untitled window).
    pub fn new(folder: Option<PathBuf>, document: Option<&Path>) -> Self {
        Self {
            folder,
            owner: owner_of(document),
            last_write: Instant::now(),
            written_revision: None,
            held: false,
            due_now: false,
        }
    }

    /// The autosave file of the current document.
    pub fn file(&self) -> Option<PathBuf> {
        Some(self.folder.as_ref()?.join(file_name(&self.owner)))
    }

    /// The work left behind for this document by a previous session, if any.
    pub fn recoverable(&self) -> Option<Landscape> {
        let found = read(&self.file()?)?;
        let belongs = match &self.owner {
            Owner::Document(path) => found.document.as_deref() == Some(path.as_path()),
            Owner::Untitled(_) => found.document.is_none(),
        };
        belongs.then_some(found.landscape)
    }

    /// [`Self::recoverable`], and the autosave is kept until the recovered work is saved: the
    /// next [`Self::clear`] (the document replace that installs the work) leaves it in place.
    pub fn recover(&mut self) -> Option<Landscape> {
        let landscape = self.recoverable()?;
        self.held = true;
        Some(landscape)
    }

    /// Takes over an orphaned autosave (File ▸ Recover): it becomes this window's autosave, held
    /// like [`Self::recover`] until the recovered work is saved. Returns its content.
    pub fn adopt(&mut self, file: &Path) -> Option<Found> {
        let found = read(file)?;
        self.owner = match &found.document {
            Some(document) => Owner::Document(document.clone()),
            None => Owner::Untitled(untitled_key(file)?),
        };
        self.held = true;
        Some(found)
    }

    /// The orphaned autosaves of the autosave folder (see [`orphans`]), this window's own
    /// document excepted.
    pub fn orphans(&self) -> Vec<Found> {
        let Some(folder) = &self.folder else {
            return Vec::new();
        };
        let own = self.file();
        orphans(folder, &[])
            .into_iter()
            .filter(|found| Some(&found.file) != own.as_ref())
            .collect()
    }

    /// The recovered work is installed at `revision`: the autosave on disk holds it, and the
    /// first edit after it is written at once.
    pub fn recovered(&mut self, revision: u64) {
        self.held = false;
        self.written_revision = Some(revision);
        self.due_now = true;
    }

    /// Writes the document when it has unsaved changes and the interval has passed (at once
    /// after a recovery). `document` is the document's current path. Returns how long until
    /// the next check is due, so the caller can schedule one repaint for it.
    pub fn tick(
        &mut self,
        landscape: &Landscape,
        document: Option<&Path>,
        revision: u64,
        unsaved: bool,
    ) -> anyhow::Result<Option<Duration>> {
        if let Some(path) = document {
            let owner = owner_of(Some(path));
            if owner != self.owner {
                self.owner = owner;
                self.written_revision = None;
            }
        }
        let Some(file) = self.file() else {
            return Ok(None);
        };
        if !unsaved || self.written_revision == Some(revision) {
            return Ok(None);
        }
        let elapsed = self.last_write.elapsed();
        if elapsed < INTERVAL && !self.due_now {
            return Ok(Some(INTERVAL.saturating_sub(elapsed)));
        }
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let text = record(&self.owner, revision, landscape)?;
        crate::file::write_atomically(&file, text.as_bytes(), false)?;
        self.last_write = Instant::now();
        self.written_revision = Some(revision);
        self.due_now = false;
        Ok(None)
    }

    /// Removes the autosave this session wrote (the work was saved or deliberately discarded).
    /// An autosave left by an earlier session stays (use [`Self::discard`]), and one held for
    /// recovered work survives the one replace that installs it.
    pub fn clear(&mut self) {
        if self.held {
            self.held = false;
            return;
        }
        if self.written_revision.is_some() {
            self.discard();
        }
    }

    /// Removes the autosave of the current document, whoever wrote it.
    pub fn discard(&mut self) {
        self.held = false;
        if let Some(file) = self.file() {
            let _ = std::fs::remove_file(file);
        }
        self.written_revision = None;
        self.due_now = false;
        self.last_write = Instant::now();
    }
}

/// Every readable autosave in `folder` whose owner is not among `open` (documents open now),
/// sorted by file name: work of untitled windows and of documents no window has open.
pub fn orphans(folder: &Path, open: &[&Path]) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let open: Vec<Owner> = open.iter().map(|p| owner_of(Some(p))).collect();
    let mut found: Vec<Found> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("autosave-"))
        .filter_map(|e| read(&e.path()))
        .filter(|f| {
            f.document
                .as_ref()
                .is_none_or(|d| !open.contains(&Owner::Document(d.clone())))
        })
        .collect();
    found.sort_by(|a, b| a.file.cmp(&b.file));
    found
}

/// Reads one autosave file: its header and document.
pub fn read(file: &Path) -> Option<Found> {
    let text = std::fs::read_to_string(file).ok()?;
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let document: Option<String> =
        serde_json::from_str(lines.next()?.strip_prefix(DOCUMENT_LINE)?).ok()?;
    let revision = lines.next()?.strip_prefix(REVISION_LINE)?.parse().ok()?;
    let landscape = document_io::from_ron_str(&text).ok()?;
    Some(Found {
        file: file.to_path_buf(),
        document: document.map(PathBuf::from),
        revision,
        landscape,
    })
}

/// The autosave text: the header (owner, revision) as RON comments, then the document.
fn record(owner: &Owner, revision: u64, landscape: &Landscape) -> anyhow::Result<String> {
    let document = match owner {
        Owner::Document(path) => Some(path.to_string_lossy().into_owned()),
        Owner::Untitled(_) => None,
    };
    let document = serde_json::to_string(&document)?;
    let body = document_io::to_ron_string(landscape)?;
    Ok(format!(
        "{HEADER}\n{DOCUMENT_LINE}{document}\n{REVISION_LINE}{revision}\n{body}"
    ))
}

/// The key of an untitled window's autosave file, `autosave-untitled-KEY.ron`.
fn untitled_key(file: &Path) -> Option<String> {
    let name = file.file_name()?.to_str()?;
    let key = name
        .strip_prefix("autosave-untitled-")?
        .strip_suffix(".ron")?;
    Some(key.to_owned())
}

fn owner_of(document: Option<&Path>) -> Owner {
    static UNTITLED: AtomicU64 = AtomicU64::new(0);
    match document {
        Some(path) => Owner::Document(absolute(path)),
        None => Owner::Untitled(format!(
            "{}-{}",
            std::process::id(),
            UNTITLED.fetch_add(1, Ordering::Relaxed)
        )),
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

fn file_name(owner: &Owner) -> String {
    match owner {
        Owner::Document(path) => {
            format!(
                "autosave-{:016x}.ron",
                fnv1a(path.to_string_lossy().as_bytes())
            )
        }
        Owner::Untitled(key) => format!("autosave-untitled-{key}.ron"),
    }
}

/// FNV-1a, 64 bits: a hash that stays the same across builds, so a new version finds the
/// autosaves of an older one.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// File ▸ Recover: the orphaned autosaves, each a button that recovers it.
pub fn recover_menu(
    autosave: &Autosave,
    ui: &mut egui::Ui,
    commands: &mut Vec<super::commands::Command>,
) {
    let found = autosave.orphans();
    if found.is_empty() {
        ui.label("No autosaved work to recover");
    }
    for orphan in found {
        let label = match &orphan.document {
            Some(document) => format!("{} (revision {})", document.display(), orphan.revision),
            None => format!("Untitled work ({})", orphan.landscape.name),
        };
        if ui.button(label).clicked() {
            commands.push(super::commands::Command::RecoverOrphan(orphan.file));
        }
    }
}
