//! The canvas legend: owner colours or pattern colours, and the line styles.

use egui::{Align2, Color32, RichText, Ui, vec2};

use crate::model::{Landscape, Pattern};
use crate::ui::theme::{ColourMode, owner_colour, pattern_colour};

fn swatch(ui: &mut Ui, colour: Color32, text: &str) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, colour);
        ui.label(RichText::new(text).small());
    });
}

/// Draws the legend in the canvas's bottom-left corner.
pub fn legend_ui(landscape: &Landscape, mode: ColourMode, ui: &mut Ui) {
    let rect = ui.max_rect();
    egui::Area::new(egui::Id::new(crate::ui::canvas::LEGEND_AREA))
        .order(egui::Order::Middle)
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(rect.left_bottom() + vec2(10.0, -10.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                match mode {
                    ColourMode::Owner => {
                        ui.label(RichText::new("Owners").small().strong());
                        for (index, team) in landscape.teams.iter().enumerate().take(12) {
                            swatch(ui, owner_colour(index), &team.id);
                        }
                        if landscape.teams.len() > 12 {
                            ui.label(
                                RichText::new(format!("… {} more", landscape.teams.len() - 12))
                                    .small(),
                            );
                        }
                    }
                    ColourMode::Pattern => {
                        ui.label(RichText::new("Patterns").small().strong());
                        for pattern in Pattern::ALL {
                            swatch(ui, pattern_colour(pattern), pattern.as_str());
                        }
                    }
                }
                ui.label(RichText::new("- - batch   —— stream   ◆ hub").small());
            });
        });
}
