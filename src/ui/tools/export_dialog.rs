//! The state of the export dialog (File ▸ Export ▸ …): the target and options, the exporters'
//! result for the current document revision (made in the background, so a large landscape never
//! freezes the window), which file is previewed, and the folder waiting for "Replace" when the
//! write would overwrite files. Drawing is in `export_window`.

use std::path::{Path, PathBuf};

use crate::export::image::{Raster, landscape_raster};
use crate::export::target::{ExportBundle, ExportSettings, ExportTarget};
use crate::file::export_folder::{OutputFile, Unexplained, write_export};
use crate::file::manifest::DocumentStamp;
use crate::model::Landscape;
use crate::ui::background::Job;

/// What an export was made from: the document revision, the target and the options.
type ExportKey = (u64, ExportTarget, ExportSettings);

/// What the background job makes: the files, and the picture preview of the image targets.
type Made = (ExportBundle, Option<Result<Raster, String>>, DocumentStamp);

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
    /// The preview text of the selected file, made once per file and export (up to
    /// `PREVIEW_MAX_BYTES`, so not on every frame).
    preview: Option<(usize, String)>,
    /// SVG: show the source text instead of the picture.
    pub show_source: bool,
    /// Set when the chosen folder already holds some of the files.
    pub pending_replace: Option<PendingReplace>,
    /// The revision, target and settings `bundle` was made from.
    exported: Option<ExportKey>,
    /// The export being made, and what it is made from.
    job: Option<(ExportKey, Job<Made>)>,
    /// The document `bundle` was made from, for the export manifest.
    stamp: DocumentStamp,
    /// The picture preview of the image targets.
    pub picture: Option<egui::TextureHandle>,
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
            preview: None,
            show_source: false,
            pending_replace: None,
            exported: None,
            job: None,
            stamp: DocumentStamp::default(),
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

    /// Takes the result of a finished export, and starts the exporters again (in the
    /// background) when the document, the target or an option changed since the last export.
    /// At most one export runs at a time: typing into an option while a large landscape exports
    /// queues one more run, not one per keystroke.
    pub fn refresh(&mut self, landscape: &Landscape, revision: u64, ctx: &egui::Context) {
        let key = (revision, self.target, self.effective_settings());
        if let Some((_, job)) = &self.job {
            let Some(made) = job.poll() else {
                return;
            };
            if let Some((made_from, _)) = self.job.take() {
                // A result for an older key is dropped; the current key is exported below.
                if made_from == key {
                    let (bundle, picture, stamp) = made
                        .unwrap_or_else(|error| (failed(error), None, DocumentStamp::default()));
                    self.stamp = stamp;
                    self.take(made_from, bundle, picture, ctx);
                }
            }
        }
        if self.exported.as_ref() != Some(&key) {
            let document = landscape.clone();
            let (target, settings) = (key.1, key.2.clone());
            let job = Job::spawn("export", ctx, move || {
                let bundle = ExportBundle::export(&document, target, &settings);
                let picture = target
                    .is_image()
                    .then(|| landscape_raster(&document, PREVIEW_MAX_SIDE));
                let text = crate::file::to_ron_string(&document).unwrap_or_default();
                (
                    bundle,
                    picture,
                    DocumentStamp::of(&document.name, text.as_bytes()),
                )
            });
            self.job = Some((key, job));
        }
    }

    /// Shows a finished export: keeps the previewed file when it is still there.
    fn take(
        &mut self,
        key: ExportKey,
        bundle: ExportBundle,
        picture: Option<Result<Raster, String>>,
        ctx: &egui::Context,
    ) {
        let kept_path = self.bundle.files.get(self.selected).map(|f| f.path.clone());
        self.bundle = bundle;
        self.selected = kept_path
            .and_then(|path| self.bundle.files.iter().position(|f| f.path == path))
            .unwrap_or(0);
        self.pending_replace = None;
        self.preview = None;
        self.exported = Some(key);
        self.picture = None;
        self.picture_error = None;
        match picture {
            Some(Ok(raster)) => {
                let image = egui::ColorImage::from_rgba_premultiplied(
                    [raster.width as usize, raster.height as usize],
                    &raster.rgba_premultiplied,
                );
                self.picture =
                    Some(ctx.load_texture("export-preview", image, egui::TextureOptions::LINEAR));
            }
            Some(Err(error)) => self.picture_error = Some(error),
            None => {}
        }
    }

    /// Whether the files shown were made from the document at `revision` with the dialog's
    /// target and options.
    pub fn is_current(&self, revision: u64) -> bool {
        !self.busy()
            && self.exported.as_ref() == Some(&(revision, self.target, self.effective_settings()))
    }

    /// The preview text of the selected file (see [`preview_text`]), kept until the selection
    /// or the export changes.
    pub fn preview(&mut self) -> Option<&str> {
        let file = self.bundle.files.get(self.selected)?;
        if self
            .preview
            .as_ref()
            .is_none_or(|(index, _)| *index != self.selected)
        {
            self.preview = Some((self.selected, preview_text(&file.contents)));
        }
        self.preview.as_ref().map(|(_, text)| text.as_str())
    }

    /// Whether any export has been made yet (there is something to show).
    pub fn has_result(&self) -> bool {
        self.exported.is_some()
    }

    /// Whether an export is being made (the files shown may be out of date).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// How long the export under way has taken.
    pub fn busy_for(&self) -> Option<std::time::Duration> {
        self.job.as_ref().map(|(_, job)| job.elapsed())
    }

    /// Whether the files may be written: they are up to date, the exporters reported no error
    /// and made files.
    pub fn can_write(&self) -> bool {
        !self.busy() && self.bundle.errors.is_empty() && !self.bundle.files.is_empty()
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

    /// Writes every file into `folder` with the export manifest, all or nothing, through the
    /// writer of `switchboard export` (files of an earlier export that this one no longer makes
    /// are removed; other files are kept); the number written, or why nothing was.
    pub fn write_to(&self, folder: &Path) -> anyhow::Result<usize> {
        anyhow::ensure!(
            !self.busy(),
            "the export is still being made; nothing was written"
        );
        anyhow::ensure!(
            self.bundle.errors.is_empty(),
            "the exporters reported {} error(s); nothing was written",
            self.bundle.errors.len()
        );
        let files: Vec<OutputFile<'_>> = self
            .bundle
            .files
            .iter()
            .map(|f| OutputFile {
                path: &f.path,
                contents: &f.contents,
                secret: f.secret,
            })
            .collect();
        let target = format!("{:?}", self.target).to_lowercase();
        write_export(folder, &target, &files, &self.stamp, Unexplained::Keep)?;
        Ok(self.bundle.files.len())
    }
}

/// The bundle shown when the export itself failed (its worker stopped).
fn failed(error: String) -> ExportBundle {
    ExportBundle {
        errors: vec![crate::export::Diagnostic {
            code: "E30",
            flow: None,
            line: None,
            message: error,
        }],
        ..ExportBundle::default()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_cuts_long_text_at_a_character_and_says_how_much_is_left() {
        assert_eq!(preview_text(b"short"), "short");
        // Two-byte characters across the limit: the cut never splits one.
        let long = "é".repeat(PREVIEW_MAX_BYTES);
        let shown = preview_text(long.as_bytes());
        let (head, note) = shown.split_once('\n').expect("a note follows");
        assert!(head.len() <= PREVIEW_MAX_BYTES && head.chars().all(|c| c == 'é'));
        assert_eq!(
            note,
            format!(
                "… the preview stops here; the file has {} more bytes.",
                long.len() - head.len()
            )
        );
        assert_eq!(preview_text(&[0xff, 0xfe, 0x00]), "(binary file, 3 bytes)");
    }

    #[test]
    fn sizes_read_as_bytes_kilobytes_and_megabytes() {
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(14_541), "14.2 KB");
        assert_eq!(human_size(3_250_586), "3.1 MB");
    }
}
