//! The state of the export dialog (File ▸ Export ▸ …): the target and options, the exporters'
//! result for the current document revision, which file is previewed, and the folder waiting
//! for "Replace" when the write would overwrite files. Drawing is in `export_window`.

use std::path::{Path, PathBuf};

use crate::export::image::landscape_raster;
use crate::export::target::{ExportBundle, ExportSettings, ExportTarget};
use crate::model::Landscape;

/// The longer side of the picture preview, in pixels (well below every GPU's texture limit).
pub const PREVIEW_MAX_SIDE: u32 = 2048;
/// How much of a text file the preview shows; the file written is always whole.
pub const PREVIEW_MAX_BYTES: usize = 256 * 1024;

/// Overwriting files needs a yes: the folder picked and the files that already exist there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingReplace {
    pub folder: PathBuf,
    pub existing: Vec<String>,
}

/// The open export dialog.
pub struct ExportDialog {
    pub target: ExportTarget,
    /// The vhost field as typed; empty means the document's vhost.
    pub vhost: String,
    /// The exporter options other than the vhost.
    pub settings: ExportSettings,
    /// What the exporters produced for `exported`.
    pub bundle: ExportBundle,
    /// Which file of the bundle is previewed.
    pub selected: usize,
    /// SVG: show the source text instead of the picture.
    pub show_source: bool,
    /// Set when the chosen folder already holds some of the files.
    pub pending_replace: Option<PendingReplace>,
    /// The revision, target and settings `bundle` was made from.
    exported: Option<(u64, ExportTarget, ExportSettings)>,
    /// The picture preview of the image targets, made once per revision.
    pub picture: Option<(u64, egui::TextureHandle)>,
    /// Why the picture preview could not be made.
    pub picture_error: Option<String>,
}

impl ExportDialog {
    /// A dialog for `target` with the options last used (or the CLI defaults).
    pub fn new(target: ExportTarget, settings: ExportSettings) -> Self {
        let vhost = settings.vhost.clone().unwrap_or_default();
        Self {
            target,
            vhost,
            settings,
            bundle: ExportBundle::default(),
            selected: 0,
            show_source: false,
            pending_replace: None,
            exported: None,
            picture: None,
            picture_error: None,
        }
    }

    /// The options as the exporters take them (the vhost field folded in).
    pub fn effective_settings(&self) -> ExportSettings {
        let vhost = self.vhost.trim();
        ExportSettings {
            vhost: (!vhost.is_empty()).then(|| vhost.to_owned()),
            ..self.settings.clone()
        }
    }

    /// Runs the exporters again when the document, the target or an option changed since the
    /// last run. Returns whether it ran.
    pub fn refresh(&mut self, landscape: &Landscape, revision: u64) -> bool {
        let settings = self.effective_settings();
        let key = (revision, self.target, settings);
        if self.exported.as_ref() == Some(&key) {
            return false;
        }
        let kept_path = self.bundle.files.get(self.selected).map(|f| f.path.clone());
        self.bundle = ExportBundle::export(landscape, self.target, &key.2);
        self.selected = kept_path
            .and_then(|path| self.bundle.files.iter().position(|f| f.path == path))
            .unwrap_or(0);
        self.pending_replace = None;
        self.exported = Some(key);
        true
    }

    /// Whether the files may be written: the exporters reported no error and made files.
    pub fn can_write(&self) -> bool {
        self.bundle.errors.is_empty() && !self.bundle.files.is_empty()
    }

    /// The files of the bundle that already exist below `folder`.
    pub fn existing_below(&self, folder: &Path) -> Vec<String> {
        self.bundle
            .files
            .iter()
            .filter(|f| crate::file::path_below(folder, &f.path).is_ok_and(|p| p.exists()))
            .map(|f| f.path.clone())
            .collect()
    }

    /// Writes every file atomically below `folder`; the number written, or the first failure.
    pub fn write_to(&self, folder: &Path) -> anyhow::Result<usize> {
        anyhow::ensure!(
            self.bundle.errors.is_empty(),
            "the exporters reported {} error(s); nothing was written",
            self.bundle.errors.len()
        );
        for file in &self.bundle.files {
            crate::file::write_below(folder, &file.path, &file.contents, file.secret)?;
        }
        Ok(self.bundle.files.len())
    }

    /// The picture preview of the image targets for `revision`, made when missing or stale.
    pub fn picture(
        &mut self,
        ctx: &egui::Context,
        landscape: &Landscape,
        revision: u64,
    ) -> Option<&egui::TextureHandle> {
        let stale = self.picture.as_ref().is_none_or(|(r, _)| *r != revision);
        if stale {
            self.picture = None;
            match landscape_raster(landscape, PREVIEW_MAX_SIDE) {
                Ok(raster) => {
                    let image = egui::ColorImage::from_rgba_premultiplied(
                        [raster.width as usize, raster.height as usize],
                        &raster.rgba_premultiplied,
                    );
                    let texture =
                        ctx.load_texture("export-preview", image, egui::TextureOptions::LINEAR);
                    self.picture = Some((revision, texture));
                    self.picture_error = None;
                }
                Err(error) => self.picture_error = Some(error),
            }
        }
        self.picture.as_ref().map(|(_, texture)| texture)
    }
}

/// The text shown for a file: its text up to `PREVIEW_MAX_BYTES` (cut at a character boundary,
/// with a note saying how much is left out), or a note for binary files.
pub fn preview_text(contents: &[u8]) -> String {
    let Ok(text) = std::str::from_utf8(contents) else {
        return format!("(binary file, {} bytes)", contents.len());
    };
    if text.len() <= PREVIEW_MAX_BYTES {
        return text.to_owned();
    }
    let mut end = PREVIEW_MAX_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!(
        "{}\n… the preview stops here; the file has {} more bytes.",
        &text[..end],
        text.len() - end
    )
}

/// A byte count for people: `812 B`, `14.2 KB`, `3.1 MB`.
pub fn human_size(bytes: usize) -> String {
    #[expect(clippy::cast_precision_loss, reason = "one decimal is shown")]
    let value = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", value / 1024.0)
    } else {
        format!("{:.1} MB", value / (1024.0 * 1024.0))
    }
}
