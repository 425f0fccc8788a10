//! Running commands: shortcuts in, edits through `History`, file operations, view changes, and
//! the per-frame bookkeeping (title, autosave).

use crate::export::target::ExportTarget;

use super::DesignerApp;
use crate::ui::actions::pressed_commands;
use crate::ui::commands::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::document::Saved;
use crate::ui::document_io;
use crate::ui::file_picker::FileKind;
use crate::ui::path_prompt::PathPurpose;

impl DesignerApp {
    /// The commands of the shortcuts pressed this frame, from the action table. Plain keys
    /// (Delete, F, F2) and the text-editing ones (Ctrl+A/C/V) go to the canvas only while no
    /// text field has the focus and no dialog is open.
    pub(super) fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let canvas_has_keys =
            !ctx.egui_wants_keyboard_input() && self.dialog.is_none() && self.path_prompt.is_none();
        if canvas_has_keys && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.push(Command::CloseTopWindow);
        }
        let state = self.action_state();
        let mut commands = pressed_commands(ctx, &state, canvas_has_keys);
        // The window system may turn Ctrl+C and Ctrl+V into clipboard events instead of (or as
        // well as) key presses; each still copies or pastes once.
        if canvas_has_keys {
            let (copy, paste) = ctx.input(|i| {
                let copy = i.events.iter().any(|e| matches!(e, egui::Event::Copy));
                let paste = i.events.iter().any(|e| matches!(e, egui::Event::Paste(_)));
                (copy, paste)
            });
            if copy && state.has_selection && !commands.contains(&Command::Copy) {
                commands.push(Command::Copy);
            }
            if paste && state.can_paste && !commands.contains(&Command::Paste) {
                commands.push(Command::Paste);
            }
        }
        for command in commands {
            self.push(command);
        }
    }

    pub(super) fn read_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<_> = ctx.input(|i| i.raw.dropped_files.clone());
        for file in dropped {
            let path = file.path().to_path_buf();
            if path.as_os_str().is_empty() {
                self.notifications.error("only files on disk can be opened");
            } else if path.extension().is_some_and(|e| e == "ron" || e == "json") {
                self.push(Command::OpenPath(path));
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(crate::import::any::DiagramFormat::is_diagram_extension)
            {
                self.push(Command::ImportMermaidFrom(path));
            } else {
                self.notifications
                    .error(format!("{} is not a .ron landscape", path.display()));
            }
        }
    }

    pub(super) fn run_pending(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.pending);
        for command in commands {
            self.run(ctx, command);
        }
        self.view.prune(self.document.landscape());
    }

    /// Runs one command now.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        if command.replaces_document() && self.document.has_unsaved_changes() {
            self.dialog = Some(Dialog::Unsaved(command));
            return;
        }
        match command {
            Command::Discarding(inner) => {
                self.autosave.clear();
                self.run_replacing(ctx, *inner);
            }
            Command::New
            | Command::Open
            | Command::OpenExample
            | Command::OpenPath(_)
            | Command::OpenImported
            | Command::RecoverOrphan(_)
            | Command::Quit => {
                self.run_replacing(ctx, command);
            }
            Command::SaveThen(inner) => {
                if self.save(self.document.path.is_none()) {
                    self.push(Command::Discarding(inner));
                }
            }
            Command::Save => {
                self.save(false);
            }
            Command::SaveAs => {
                self.save(true);
            }
            Command::SaveTo(path) => {
                self.save_to(path);
            }
            Command::Undo => {
                if !self.document.undo() {
                    self.notifications.info("nothing to undo");
                }
            }
            Command::Redo => {
                if !self.document.redo() {
                    self.notifications.info("nothing to redo");
                }
            }
            Command::DeleteSelection => self.delete_selection(),
            Command::DeleteItems(items) => self.delete_items(&items),
            Command::Rename => {
                // Systems and processes are renamed on the canvas; other items in the inspector.
                let in_place = self.view.single().and_then(|item| {
                    crate::ui::canvas::rename::Renaming::start(self.document.landscape(), item)
                });
                if in_place.is_some() {
                    self.view.renaming = in_place;
                } else {
                    self.view.focus_name = true;
                }
            }
            Command::Fit => self.view.fit_requested = true,
            Command::ShowLineage => crate::ui::lineage::open_on_selection(&mut self.view),
            Command::ShowShortcuts => self.tools.help.shortcuts = true,
            Command::ShowAbout => self.tools.help.about = true,
            Command::ToggleMetrics => self.tools.metrics.open = !self.tools.metrics.open,
            Command::TogglePanel(panel) => self.toggle_panel(panel),
            Command::CloseTopWindow => self.close_top_window(),
            Command::Copy => self.copy_selection(),
            Command::Paste => self.paste(),
            Command::Create(kind) => self.create(kind),
            Command::Arrange(how) => {
                let selection: Vec<_> = self.view.selection.iter().cloned().collect();
                let composed = crate::edit::arrange(self.document.landscape(), &selection, how);
                // Arrow presses in a row are one step.
                let merge =
                    matches!(how, crate::edit::Arrangement::Nudge { .. }).then_some("nudge");
                if !composed.edits.is_empty() {
                    self.apply(&composed.edits, &composed.description, merge);
                }
            }
            Command::Duplicate => {
                self.copy_selection();
                self.paste();
            }
            Command::AutoLayout => self.auto_layout(ctx),
            Command::SelectAll => self.select_all(),
            Command::Find => self.view.focus_filter = true,
            Command::AddSystem(at) => self.add_system(at),
            Command::Connect { from, to } => self.connect(&from, &to),
            Command::MoveNodes(moves) => self.move_nodes(moves),
            Command::Apply {
                edits,
                description,
                merge_key,
                select,
            } => {
                if self.apply(&edits, &description, merge_key.as_deref())
                    && let Some(item) = select
                {
                    self.view.select_only(item);
                }
            }
            Command::SetTheme(theme) => self.preferences.theme = theme,
            Command::ColourBy(mode) => self.preferences.colour_mode = mode,
            Command::RecoverAutosave => {
                if let Some(landscape) = self.autosave.recover() {
                    let path = self.document.path.clone();
                    // The recovered work is unsaved until it is saved; the autosave stays until then.
                    self.replace_document(landscape, path, Saved::No);
                    self.autosave.recovered(self.document.revision());
                    self.notifications
                        .info("recovered the autosaved work; save it to keep it");
                }
            }
            Command::DiscardAutosave => self.autosave.discard(),
            Command::RouteThroughHub => self.route_through_hub(ctx),
            Command::Export(target) => self.open_export(target),
            Command::ExportAgain => {
                let target = self
                    .tools
                    .last_export
                    .as_ref()
                    .map_or(ExportTarget::RabbitMq, |(target, _)| *target);
                self.open_export(target);
            }
            Command::WriteExport => self.write_export(None),
            Command::WriteExportInto(folder) => self.write_export_into(folder),
            Command::WriteExportTo(folder) => self.write_export(Some(folder)),
            Command::CloseExport => self.close_export(),
            Command::ImportMermaid => self.import_mermaid(None),
            Command::ImportMermaidFrom(path) => self.import_mermaid(Some(path)),
            Command::CloseImportReport => self.tools.import = None,
            Command::SelectItem(item) => {
                self.view.select_only(item.clone());
                self.view.centre_on = Some(item);
            }
        }
    }

    fn run_replacing(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => {
                self.replace_document(crate::model::Landscape::default(), None, Saved::Yes);
            }
            Command::Open => {
                let picked = self.picker.open(FileKind::Landscape);
                if let Some(path) = self.picked(picked, PathPurpose::Open, String::new()) {
                    self.open_path(path);
                }
            }
            Command::OpenPath(path) => self.open_path(path),
            Command::RecoverOrphan(file) => self.recover_orphan(&file),
            Command::OpenImported => self.open_imported(),
            Command::OpenExample => match document_io::seafood_example() {
                Ok(landscape) => self.replace_document(landscape, None, Saved::Yes),
                Err(error) => self.notifications.error(format!("{error:#}")),
            },
            Command::Quit => {
                self.close_confirmed = true;
                self.autosave.clear();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            other => self.run(ctx, other),
        }
    }

    fn recover_orphan(&mut self, file: &std::path::Path) {
        if let Some(found) = self.autosave.adopt(file) {
            self.replace_document(found.landscape, found.document, Saved::No);
            self.autosave.recovered(self.document.revision());
            self.notifications
                .info("recovered the autosaved work; save it to keep it");
        }
    }

    fn open_path(&mut self, path: std::path::PathBuf) {
        match document_io::load(&path) {
            Ok(landscape) => {
                self.preferences.remember(path.clone());
                self.replace_document(landscape, Some(path), Saved::Yes);
            }
            Err(error) => self
                .notifications
                .error(format!("could not open {}: {error:#}", path.display())),
        }
    }

    /// Saves to the current path (or asks); returns whether the document was saved.
    pub(crate) fn save(&mut self, ask: bool) -> bool {
        let path = if let (Some(path), false) = (&self.document.path, ask) {
            path.clone()
        } else {
            let name = &self.document.landscape().name;
            let suggested = if name.is_empty() {
                "landscape.ron".to_owned()
            } else {
                format!("{}.ron", crate::edit::slug(name))
            };
            let picked = self.picker.save(&suggested);
            let Some(path) = self.picked(picked, PathPurpose::SaveAs, suggested) else {
                return false;
            };
            path
        };
        self.save_to(path)
    }

    /// Saves to `path`, which becomes the document's file; returns whether it was saved.
    pub(crate) fn save_to(&mut self, path: std::path::PathBuf) -> bool {
        match document_io::save(self.document.landscape(), &path) {
            Ok(()) => {
                self.document.mark_saved();
                self.autosave.clear();
                self.preferences.remember(path.clone());
                self.notifications.info(format!("saved {}", path.display()));
                self.document.path = Some(path);
                true
            }
            Err(error) => {
                self.notifications.error(format!("{error:#}"));
                false
            }
        }
    }

    pub(super) fn after_frame(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        let unsaved = self.document.has_unsaved_changes();
        match self.autosave.tick(
            self.document.landscape(),
            self.document.path.as_deref(),
            self.document.revision(),
            unsaved,
        ) {
            Ok(Some(wait)) => ctx.request_repaint_after(wait),
            Ok(None) => {}
            Err(error) => self
                .notifications
                .error(format!("autosave failed: {error:#}")),
        }
    }
}
