//! Running the editing commands: every change goes through [`crate::ui::document::Document::apply`]
//! as one named step. The domain work (which edits a connect, a delete or a paste makes) lives in
//! `edit`; here are only the view consequences (selection, in-place rename, notifications).

use crate::analysis::auto_layout::geometry::Size;
use crate::analysis::auto_layout::{LayoutOptions, auto_layout, canvas_bound_size};
use crate::edit::{Composed, Edit, PASTE_OFFSET, Snippet, slug, unique_id};
use crate::model::{Position, System};
use crate::ui::commands::PanelKind;
use crate::ui::dialogs::Dialog;
use crate::ui::view_state::Item;

use super::DesignerApp;

impl DesignerApp {
    /// Applies edits as one step; shows the error and returns false when refused.
    pub(super) fn apply(
        &mut self,
        edits: &[Edit],
        description: &str,
        merge_key: Option<&str>,
    ) -> bool {
        match self.document.apply(edits, description, merge_key) {
            Ok(()) => true,
            Err(error) => {
                self.notifications
                    .error(format!("could not {description}: {error}"));
                false
            }
        }
    }

    /// Applies a composed gesture and selects what it names.
    fn apply_composed(&mut self, composed: Composed) -> bool {
        let applied = self.apply(&composed.edits, &composed.description, None);
        if applied && let Some(item) = composed.select {
            self.view.select_only(item);
        }
        applied
    }

    pub(super) fn add_system(&mut self, at: Option<Position>) {
        let landscape = self.document.landscape();
        // One of the first `systems + 1` names is free.
        let name = (1..=landscape.systems.len() + 1)
            .map(|n| format!("New system {n}"))
            .find(|n| landscape.systems.iter().all(|s| &s.name != n))
            .unwrap_or_default();
        let id = unique_id(&slug(&name), true, |id| landscape.system(id).is_some());
        let position = at.unwrap_or_else(|| {
            let viewport = self.canvas.viewport;
            let centre = self.view.camera.to_canvas(viewport, viewport.center());
            let occupied = self.canvas.occupied();
            crate::ui::canvas::placement::free_spot(&occupied, Position::new(centre.x, centre.y))
        });
        let system = System {
            id: id.clone(),
            name,
            position,
            ..System::default()
        };
        let edit = Edit::AddSystem(system);
        let description = edit.description_in(landscape);
        if self.apply(&[edit], &description, None) {
            let item = Item::System(id);
            // A new system is named right away, on the canvas.
            self.view.renaming =
                crate::ui::canvas::rename::Renaming::start(self.document.landscape(), &item);
            self.view.select_only(item);
        }
    }

    pub(super) fn create(&mut self, kind: crate::edit::NewItem) {
        let viewport = self.canvas.viewport;
        let centre = self.view.camera.to_canvas(viewport, viewport.center());
        let occupied = self.canvas.occupied();
        let at =
            crate::ui::canvas::placement::free_spot(&occupied, Position::new(centre.x, centre.y));
        let composed = crate::edit::create(self.document.landscape(), kind, at);
        if self.apply_composed(composed) {
            // The inspector shows the new item: its name field takes the typing.
            self.view.focus_name = true;
        }
    }

    pub(super) fn connect(&mut self, from: &str, to: &str) {
        match crate::edit::connect(self.document.landscape(), from, to, None) {
            Ok(composed) => {
                self.apply_composed(composed);
            }
            Err(error) => self
                .notifications
                .error(format!("could not connect: {error}")),
        }
    }

    pub(super) fn delete_selection(&mut self) {
        let items: Vec<Item> = self.view.selection.iter().cloned().collect();
        if items.is_empty() {
            return;
        }
        let landscape = self.document.landscape();
        let systems: Vec<String> = self.view.selected_systems();
        let flows_touching = landscape
            .flows
            .iter()
            .filter(|f| {
                let target = landscape.flow_target_system(f).map(str::to_owned);
                systems.iter().any(|s| {
                    target.as_deref() == Some(s.as_str())
                        || landscape.flow_source_systems(f).contains(s)
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

    pub(super) fn delete_items(&mut self, items: &[Item]) {
        let composed = crate::edit::delete(self.document.landscape(), items);
        if self.apply_composed(composed) {
            self.view.selection.clear();
        }
    }

    /// The layered layout (`analysis::auto_layout`) at the window's aspect ratio, with the
    /// canvas' own box sizes, as one step.
    pub(super) fn auto_layout(&mut self, ctx: &egui::Context) {
        let window = ctx.content_rect();
        let options = LayoutOptions {
            aspect_ratio: window.width() / window.height().max(1.0),
        };
        let landscape = self.document.landscape();
        let scene = crate::ui::canvas::scene::Scene::build(landscape);
        let size_of = |item: crate::analysis::auto_layout::Item| {
            use crate::analysis::auto_layout::Item as LayoutItem;
            use crate::ui::canvas::scene::NodeKind;
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
        for system in &landscape.systems {
            if let Some(&to) = positions.systems.get(&system.id)
                && to != system.position
            {
                edits.push(Edit::MoveSystem {
                    system_id: system.id.clone(),
                    to,
                });
            }
        }
        for process in &landscape.processes {
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

    pub(super) fn move_nodes(&mut self, moves: Vec<(Item, Position)>) {
        let edits: Vec<Edit> = moves
            .into_iter()
            .filter_map(|(item, to)| match item {
                Item::System(system_id) => Some(Edit::MoveSystem { system_id, to }),
                Item::Process(process_id) => Some(Edit::MoveProcess { process_id, to }),
                _ => None,
            })
            .collect();
        let description = Edit::describe_group_in(&edits, self.document.landscape());
        self.apply(&edits, &description, None);
    }

    pub(super) fn select_all(&mut self) {
        let landscape = self.document.landscape();
        self.view.selection = landscape
            .systems
            .iter()
            .map(|s| Item::System(s.id.clone()))
            .chain(
                landscape
                    .processes
                    .iter()
                    .map(|p| Item::Process(p.id.clone())),
            )
            .collect();
    }

    pub(super) fn copy_selection(&mut self) {
        let selection: Vec<Item> = self.view.selection.iter().cloned().collect();
        let snippet = Snippet::copy(self.document.landscape(), &selection);
        if !snippet.is_empty() {
            self.view.clipboard = snippet;
        }
    }

    pub(super) fn paste(&mut self) {
        if self.view.clipboard.is_empty() {
            return;
        }
        let offset = Position::new(PASTE_OFFSET, PASTE_OFFSET);
        let (composed, pasted) = self.view.clipboard.paste(self.document.landscape(), offset);
        if self.apply(&composed.edits, &composed.description, None) {
            self.view.selection = pasted.into_iter().collect();
            // The next paste lands beside this one, not on it.
            for system in &mut self.view.clipboard.systems {
                system.position.x += PASTE_OFFSET;
                system.position.y += PASTE_OFFSET;
            }
        }
    }

    pub(super) fn toggle_panel(&mut self, panel: PanelKind) {
        let shown = match panel {
            PanelKind::Outline => &mut self.preferences.show_outline,
            PanelKind::Findings => &mut self.preferences.show_findings,
            PanelKind::Inspector => &mut self.preferences.show_inspector,
            PanelKind::Simulation => &mut self.view.simulation.open,
        };
        *shown = !*shown;
    }

    /// Escape: closes the topmost small window (help, about, metrics, hub result, import
    /// report), most recently opened kind first.
    pub(super) fn close_top_window(&mut self) {
        let tools = &mut self.tools;
        if tools.help.about {
            tools.help.about = false;
        } else if tools.help.shortcuts {
            tools.help.shortcuts = false;
        } else if tools.hub.is_some() {
            tools.hub = None;
        } else if tools.metrics.open {
            tools.metrics.open = false;
        } else if tools.import.is_some() {
            tools.import = None;
        } else if self.view.renaming.is_none() {
            self.view.selection.clear();
        }
    }
}
