//! The outline's filters: free text (name, id, kind, owner or pattern), an owner (a team, or
//! "no owner" to find what nobody owns), and a flow pattern (flows of that pattern and the
//! systems they connect).

use std::collections::BTreeSet;

use egui::Ui;

use crate::model::{Flow, Landscape, Pattern, System};

/// Which owner the outline shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum OwnerFilter {
    /// Every owner.
    #[default]
    Any,
    /// Items without an owner.
    Nobody,
    /// Items owned by this team.
    Team(String),
}

impl OwnerFilter {
    /// Whether an item with `owner` passes.
    pub fn accepts(&self, owner: Option<&str>) -> bool {
        match self {
            Self::Any => true,
            Self::Nobody => owner.is_none_or(str::is_empty),
            Self::Team(team) => owner == Some(team.as_str()),
        }
    }

    fn text(&self) -> String {
        match self {
            Self::Any => "any owner".to_owned(),
            Self::Nobody => "no owner".to_owned(),
            Self::Team(team) => team.clone(),
        }
    }
}

/// The outline's filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutlineFilter {
    /// The filter text.
    pub text: String,
    pub owner: OwnerFilter,
    /// Only flows of this pattern and the systems they connect.
    pub pattern: Option<Pattern>,
}

impl OutlineFilter {
    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        !self.text.is_empty() || self.owner != OwnerFilter::Any || self.pattern.is_some()
    }

    /// Whether the free text matches one of `texts` (case-insensitive).
    pub fn matches_text(&self, texts: &[&str]) -> bool {
        let needle = self.text.to_lowercase();
        needle.is_empty() || texts.iter().any(|t| t.to_lowercase().contains(&needle))
    }

    /// Whether a flow passes every filter.
    pub fn accepts_flow(&self, flow: &Flow) -> bool {
        self.pattern.is_none_or(|p| flow.pattern == p)
            && self.owner.accepts(flow.owner.as_deref())
            && self.matches_text(&[
                &flow.id,
                &flow.name,
                flow.pattern.as_str(),
                flow.owner.as_deref().unwrap_or(""),
                &flow.output,
            ])
    }

    /// Whether a system passes every filter; with a pattern, `connected` holds the systems
    /// that send or receive a flow of it.
    pub fn accepts_system(&self, system: &System, connected: &BTreeSet<&str>) -> bool {
        (self.pattern.is_none() || connected.contains(system.id.as_str()))
            && self.owner.accepts(system.owner.as_deref())
            && self.matches_text(&[
                &system.id,
                &system.name,
                &system.kind,
                system.owner.as_deref().unwrap_or(""),
            ])
    }

    /// The systems that send or receive a flow of the chosen pattern (empty without one).
    pub fn connected_systems<'a>(&self, landscape: &'a Landscape) -> BTreeSet<&'a str> {
        let Some(pattern) = self.pattern else {
            return BTreeSet::new();
        };
        let system_of = |dataset: &'a str| dataset.split_once('.').map(|(system, _)| system);
        landscape
            .flows
            .iter()
            .filter(|f| f.pattern == pattern)
            .flat_map(|f| {
                f.inputs
                    .iter()
                    .map(String::as_str)
                    .chain(std::iter::once(f.output.as_str()))
            })
            .filter_map(system_of)
            .collect()
    }
}

/// Draws the owner and pattern pickers and a "Clear" button when a filter is set.
pub fn filter_pickers_ui(filter: &mut OutlineFilter, landscape: &Landscape, ui: &mut Ui) {
    egui::Grid::new("outline_filters")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Owned by");
            egui::ComboBox::from_id_salt("outline_owner")
                .selected_text(filter.owner.text())
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.owner, OwnerFilter::Any, "any owner");
                    ui.selectable_value(&mut filter.owner, OwnerFilter::Nobody, "no owner");
                    for team in &landscape.teams {
                        let choice = OwnerFilter::Team(team.id.clone());
                        ui.selectable_value(&mut filter.owner, choice, &team.id);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Show what this team owns, or what nobody owns");
            ui.end_row();
            let label = ui.label("Pattern");
            ui.horizontal(|ui| {
                egui::ComboBox::from_id_salt("outline_pattern")
                    .selected_text(filter.pattern.map_or("any pattern", Pattern::as_str))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut filter.pattern, None, "any pattern");
                        for pattern in Pattern::ALL {
                            ui.selectable_value(
                                &mut filter.pattern,
                                Some(pattern),
                                pattern.as_str(),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id)
                    .on_hover_text("Show flows of this pattern and the systems they connect");
                if filter.is_active() && ui.small_button("Clear").clicked() {
                    *filter = OutlineFilter::default();
                }
            });
            ui.end_row();
        });
}
