//! The outline: systems, flows, teams, contracts, processes and scenarios with a filter box and
//! owner and pattern pickers (`outline_filter`); clicking an entry selects it and centres it on
//! the canvas.

use egui::Ui;

use crate::model::Landscape;
use crate::ui::view_state::{Item, ViewState};

use super::outline_filter::{OwnerFilter, filter_pickers_ui};

fn section(
    ui: &mut Ui,
    view: &mut ViewState,
    title: &str,
    open: bool,
    entries: Vec<(Item, String)>,
) {
    let header = egui::CollapsingHeader::new(format!("{title} ({})", entries.len()))
        .id_salt(title)
        .default_open(open);
    header.show(ui, |ui| {
        for (item, text) in entries.into_iter().take(500) {
            let selected = view.selection.contains(&item);
            if ui.selectable_label(selected, text).clicked() {
                if ui.input(|i| i.modifiers.command) {
                    view.toggle(item);
                } else {
                    view.select_only(item.clone());
                    view.centre_on = Some(item);
                }
            }
        }
    });
}

/// Draws the outline.
pub fn outline_ui(landscape: &Landscape, view: &mut ViewState, ui: &mut Ui) {
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        let edit = ui.add(
            egui::TextEdit::singleline(&mut view.outline_filter.text)
                .hint_text("name, id, owner or pattern")
                .desired_width(f32::INFINITY),
        );
        let edit = edit.labelled_by(label.id);
        if view.focus_filter {
            edit.request_focus();
            view.focus_filter = false;
        }
    });
    filter_pickers_ui(&mut view.outline_filter, landscape, ui);
    let filter = view.outline_filter.clone();
    let connected = filter.connected_systems(landscape);
    // Teams, contracts and scenarios have no owner or pattern: an owner or pattern filter
    // shows only the team itself.
    let narrowed = filter.owner != OwnerFilter::Any || filter.pattern.is_some();
    egui::ScrollArea::vertical().show(ui, |ui| {
        let systems = landscape
            .systems
            .iter()
            .filter(|s| filter.accepts_system(s, &connected))
            .map(|s| (Item::System(s.id.clone()), format!("{} — {}", s.id, s.name)))
            .collect();
        section(ui, view, "Systems", true, systems);
        let flows = landscape
            .flows
            .iter()
            .filter(|f| filter.accepts_flow(f))
            .map(|f| (Item::Flow(f.id.clone()), format!("{} — {}", f.id, f.output)))
            .collect();
        section(ui, view, "Flows", true, flows);
        let processes = landscape
            .processes
            .iter()
            .filter(|p| {
                filter.pattern.is_none()
                    && filter.owner.accepts(Some(&p.owner))
                    && filter.matches_text(&[&p.id, &p.name, &p.owner])
            })
            .map(|p| (Item::Process(p.id.clone()), p.id.clone()))
            .collect();
        section(ui, view, "Processes", false, processes);
        let teams = landscape
            .teams
            .iter()
            .filter(|t| {
                let owner_ok = match &filter.owner {
                    OwnerFilter::Team(team) => *team == t.id,
                    _ => !narrowed,
                };
                owner_ok && filter.pattern.is_none() && filter.matches_text(&[&t.id, &t.name])
            })
            .map(|t| (Item::Team(t.id.clone()), format!("team {}", t.id)))
            .collect();
        section(ui, view, "Teams", false, teams);
        let contracts = landscape
            .contracts
            .iter()
            .filter(|c| !narrowed && filter.matches_text(&[&c.id, &c.name]))
            .map(|c| {
                (
                    Item::Contract(c.id.clone()),
                    format!("contract {} v{}", c.id, c.version),
                )
            })
            .collect();
        section(ui, view, "Contracts", false, contracts);
        let scenarios = landscape
            .scenarios
            .iter()
            .filter(|s| !narrowed && filter.matches_text(&[&s.id, &s.name]))
            .map(|s| (Item::Scenario(s.id.clone()), format!("scenario {}", s.id)))
            .collect();
        section(ui, view, "Scenarios", false, scenarios);
    });
}
