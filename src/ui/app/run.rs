//! Running commands: shortcuts in, edits through `History`, file operations, view changes, and
//! the per-frame bookkeeping (title, autosave).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::analysis::auto_layout::geometry::Size;
use crate::analysis::auto_layout::{
    Item as LayoutItem, LayoutOptions, auto_layout, canvas_bound_size,
};
use crate::edit::{Edit, unique_id};
use crate::export::target::ExportTarget;
use crate::model::{Dataset, Flow, Position, System};

use super::DesignerApp;
use super::commands::Command;
use crate::ui::canvas::scene::NodeKind;
use crate::ui::dialogs::Dialog;
use crate::ui::document_io;
use crate::ui::file_picker::FileKind;
use crate::ui::path_prompt::PathPurpose;
use crate::ui::view_state::Item;

impl DesignerApp {
    pub(super) fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let shortcut = |modifiers, key| KeyboardShortcut::new(modifiers, key);
        let command_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let table = [
            (shortcut(command_shift, Key::Z), Command::Redo),
            (shortcut(command_shift, Key::S), Command::SaveAs),
            (shortcut(Modifiers::COMMAND, Key::Z), Command::Undo),
            (shortcut(Modifiers::COMMAND, Key::Y), Command::Redo),
            (shortcut(Modifiers::COMMAND, Key::S), Command::Save),
            (shortcut(Modifiers::COMMAND, Key::O), Command::Open),
            (shortcut(Modifiers::COMMAND, Key::N), Command::New),
            (shortcut(Modifiers::COMMAND, Key::F), Command::Find),
            (shortcut(Modifiers::COMMAND, Key::E), Command::ExportAgain),
        ];
        for (keys, command) in table {
            if ctx.input_mut(|i| i.consume_shortcut(&keys)) {
                self.push(command);
            }
        }
        if ctx.egui_wants_keyboard_input() || self.dialog.is_some() {
            return;
        }
        let plain = [
            (Key::Delete, Command::DeleteSelection),
            (Key::F2, Command::Rename),
            (Key::F, Command::Fit),
            (Key::F1, Command::ShowShortcuts),
        ];
        for (key, command) in plain {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                self.push(command);
            }
        }
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::A))) {
            self.push(Command::SelectAll);
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
        self.view.prune(&self.landscape);
    }

    /// Runs one command now.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        if command.replaces_document() && self.history.has_unsaved_changes() {
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
            | Command::Quit => {
                self.run_replacing(ctx, command);
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
                self.history.seal();
                if !self.history.undo(&mut self.landscape) {
                    self.notifications.info("nothing to undo");
                }
            }
            Command::Redo => {
                if !self.history.redo(&mut self.landscape) {
                    self.notifications.info("nothing to redo");
                }
            }
            Command::DeleteSelection => self.delete_selection(),
            Command::DeleteItems(items) => self.delete_items(&items),
            Command::Rename => {
                // Systems and processes are renamed on the canvas; other items in the inspector.
                let in_place = self.view.single().and_then(|item| {
                    crate::ui::canvas::rename::Renaming::start(&self.landscape, item)
                });
                if in_place.is_some() {
                    self.view.renaming = in_place;
                } else {
                    self.view.focus_name = true;
                }
            }
            Command::Fit => self.view.fit_requested = true,
            Command::ShowShortcuts => self.tools.help.shortcuts = true,
            Command::AutoLayout => self.auto_layout(ctx),
            Command::SelectAll => {
                self.view.selection = self
                    .landscape
                    .systems
                    .iter()
                    .map(|s| Item::System(s.id.clone()))
                    .chain(
                        self.landscape
                            .processes
                            .iter()
                            .map(|p| Item::Process(p.id.clone())),
                    )
                    .collect();
            }
            Command::Find => self.view.focus_filter = true,
            Command::AddSystem(at) => self.add_system(at),
            Command::Connect { from, to } => self.connect(&from, &to),
            Command::MoveNodes(moves) => {
                let edits: Vec<Edit> = moves
                    .into_iter()
                    .map(|(kind, id, to)| match kind {
                        NodeKind::System => Edit::MoveSystem { system_id: id, to },
                        NodeKind::Process => Edit::MoveProcess { process_id: id, to },
                    })
                    .collect();
                let description = Edit::describe_group(&edits);
                self.apply(&edits, &description, None);
            }
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
                if let Some(landscape) = self.autosave.recoverable() {
                    let path = self.path.clone();
                    self.replace_document(landscape.clone(), path);
                    // The recovered work is unsaved: make it one undoable step away from the file.
                    self.history = crate::edit::History::new_unsaved();
                    self.notifications
                        .info("recovered the autosaved work; save it to keep it");
                }
            }
            Command::DiscardAutosave => self.autosave.clear(),
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
                self.replace_document(crate::model::Landscape::default(), None);
            }
            Command::Open => {
                let picked = self.picker.open(FileKind::Landscape);
                if let Some(path) = self.picked(picked, PathPurpose::Open, String::new()) {
                    self.open_path(path);
                }
            }
            Command::OpenPath(path) => self.open_path(path),
            Command::OpenImported => self.open_imported(),
            Command::OpenExample => match document_io::seafood_example() {
                Ok(landscape) => self.replace_document(landscape, None),
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

    fn open_path(&mut self, path: std::path::PathBuf) {
        match document_io::load(&path) {
            Ok(landscape) => {
                self.preferences.remember(path.clone());
                self.replace_document(landscape, Some(path));
            }
            Err(error) => self
                .notifications
                .error(format!("could not open {}: {error:#}", path.display())),
        }
    }

    /// Saves to the current path (or asks); returns whether the document was saved.
    pub(crate) fn save(&mut self, ask: bool) -> bool {
        let path = if let (Some(path), false) = (&self.path, ask) {
            path.clone()
        } else {
            let suggested = if self.landscape.name.is_empty() {
                "landscape.ron".to_owned()
            } else {
                format!(
                    "{}.ron",
                    self.landscape.name.to_lowercase().replace(' ', "-")
                )
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
        match document_io::save(&self.landscape, &path) {
            Ok(()) => {
                self.history.mark_saved();
                self.autosave.clear();
                self.preferences.remember(path.clone());
                self.notifications.info(format!("saved {}", path.display()));
                self.path = Some(path);
                true
            }
            Err(error) => {
                self.notifications.error(format!("{error:#}"));
                false
            }
        }
    }

    /// Applies edits as one step; shows the error and returns false when refused.
    fn apply(&mut self, edits: &[Edit], description: &str, merge_key: Option<&str>) -> bool {
        if merge_key.is_none() {
            self.history.seal();
        }
        match self
            .history
            .apply_merging(&mut self.landscape, edits, description, merge_key)
        {
            Ok(()) => true,
            Err(error) => {
                self.notifications
                    .error(format!("could not {description}: {error}"));
                false
            }
        }
    }

    fn add_system(&mut self, at: Option<Position>) {
        let id = unique_id("system", false, |id| self.landscape.system(id).is_some());
        let position = at.unwrap_or_else(|| {
            let viewport = self.canvas.viewport;
            let centre = self.view.camera.to_canvas(viewport, viewport.center());
            let offset = (self.landscape.systems.len() % 5) as f32 * 24.0;
            Position::new(centre.x - 80.0 + offset, centre.y - 29.0 + offset)
        });
        let system = System {
            id: id.clone(),
            name: format!("New system {}", id.trim_start_matches("system-")),
            position,
            ..System::default()
        };
        let edit = Edit::AddSystem(system);
        let description = edit.description();
        if self.apply(&[edit], &description, None) {
            let item = Item::System(id);
            // A new system is named right away, on the canvas.
            self.view.renaming = crate::ui::canvas::rename::Renaming::start(&self.landscape, &item);
            self.view.select_only(item);
        }
    }

    fn connect(&mut self, from: &str, to: &str) {
        let (Some(source), Some(target)) = (self.landscape.system(from), self.landscape.system(to))
        else {
            return;
        };
        let input_id = unique_id("data", true, |id| {
            source.datasets.iter().any(|d| d.id == id)
        });
        let output_id = unique_id(&input_id, true, |id| {
            target.datasets.iter().any(|d| d.id == id)
        });
        let flow_id = unique_id("flow", false, |id| self.landscape.flow(id).is_some());
        let flow = Flow {
            id: flow_id.clone(),
            name: format!("{from} to {to}"),
            inputs: vec![crate::model::dataset_full_id(from, &input_id)],
            output: crate::model::dataset_full_id(to, &output_id),
            ..Flow::default()
        };
        let dataset = |id: &str, source: bool| Dataset {
            id: id.to_owned(),
            name: id.to_owned(),
            source,
            ..Dataset::default()
        };
        let edits = [
            Edit::AddDataset {
                system_id: from.to_owned(),
                dataset: dataset(&input_id, true),
            },
            Edit::AddDataset {
                system_id: to.to_owned(),
                dataset: dataset(&output_id, false),
            },
            Edit::AddFlow(flow),
        ];
        if self.apply(&edits, &format!("connect {from} to {to}"), None) {
            self.view.select_only(Item::Flow(flow_id));
        }
    }

    fn delete_selection(&mut self) {
        let items: Vec<Item> = self.view.selection.iter().cloned().collect();
        if items.is_empty() {
            return;
        }
        let systems: Vec<String> = self.view.selected_systems();
        let flows_touching = self
            .landscape
            .flows
            .iter()
            .filter(|f| {
                let target = self.landscape.flow_target_system(f).map(str::to_owned);
                systems.iter().any(|s| {
                    target.as_deref() == Some(s.as_str())
                        || self.landscape.flow_source_systems(f).contains(s)
                })
            })
            .count();
        if flows_touching > 0 {
            self.dialog = Some(Dialog::DeleteSystems {
                items,
                flows: flows_touching,
            });
        } else {
            self.delete_items(&items);
        }
    }

    fn delete_items(&mut self, items: &[Item]) {
        let mut edits = Vec::new();
        for item in items {
            if let Item::Flow(id) = item {
                edits.push(Edit::RemoveFlow {
                    flow_id: id.clone(),
                });
            }
        }
        for item in items {
            match item {
                Item::System(id) => edits.push(Edit::RemoveSystem {
                    system_id: id.clone(),
                }),
                Item::Process(id) => edits.push(Edit::RemoveProcess {
                    process_id: id.clone(),
                }),
                Item::Team(id) => edits.push(Edit::RemoveTeam {
                    team_id: id.clone(),
                }),
                Item::Contract(id) => edits.push(Edit::RemoveContract {
                    contract_id: id.clone(),
                }),
                Item::Flow(_) | Item::Scenario(_) => {}
            }
        }
        // A flow removed with its system must not be removed twice.
        let mut seen_flows = Vec::new();
        edits.retain(|e| match e {
            Edit::RemoveFlow { flow_id } => {
                let fresh = !seen_flows.contains(flow_id);
                seen_flows.push(flow_id.clone());
                fresh
            }
            _ => true,
        });
        let description = if edits.len() == 1 {
            edits[0].description()
        } else {
            format!("delete {} items", edits.len())
        };
        let mut landscape = self.landscape.clone();
        // Remove flows first so that removing their systems does not find them gone.
        let mut ordered = Vec::new();
        for edit in edits {
            if let Edit::RemoveFlow { flow_id } = &edit
                && landscape.flow(flow_id).is_none()
            {
                continue;
            }
            if edit.apply(&mut landscape).is_ok() {
                ordered.push(edit);
            }
        }
        if self.apply(&ordered, &description, None) {
            self.view.selection.clear();
        }
    }

    fn auto_layout(&mut self, ctx: &egui::Context) {
        let window = ctx.content_rect();
        let options = LayoutOptions {
            aspect_ratio: window.width() / window.height().max(1.0),
        };
        let scene = crate::ui::canvas::scene::Scene::build(&self.landscape);
        let landscape = &self.landscape;
        let size_of = |item: LayoutItem| {
            let (kind, id) = match item {
                LayoutItem::System(i) => (NodeKind::System, &landscape.systems[i].id),
                LayoutItem::Process(i) => (NodeKind::Process, &landscape.processes[i].id),
            };
            scene.rect_of(kind, id).map_or_else(
                || canvas_bound_size(item),
                |r| Size::new(r.width(), r.height()),
            )
        };
        let positions = auto_layout(landscape, &options, &size_of);
        let mut edits = Vec::new();
        for system in &self.landscape.systems {
            if let Some(&to) = positions.systems.get(&system.id)
                && to != system.position
            {
                edits.push(Edit::MoveSystem {
                    system_id: system.id.clone(),
                    to,
                });
            }
        }
        for process in &self.landscape.processes {
            if let Some(&to) = positions.processes.get(&process.id)
                && to != process.position
            {
                edits.push(Edit::MoveProcess {
                    process_id: process.id.clone(),
                    to,
                });
            }
        }
        if edits.is_empty() {
            self.notifications.info("the layout is already tidy");
            return;
        }
        if self.apply(&edits, "auto-layout", None) {
            self.view.fit_requested = true;
        }
    }

    pub(super) fn after_frame(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        let unsaved = self.history.has_unsaved_changes();
        match self
            .autosave
            .tick(&self.landscape, self.history.revision(), unsaved)
        {
            Ok(Some(wait)) => ctx.request_repaint_after(wait),
            Ok(None) => {}
            Err(error) => self
                .notifications
                .error(format!("autosave failed: {error:#}")),
        }
    }
}
