//! The findings panel: validation and lint findings of the current revision; clicking one selects and
//! centres the offending item.

use egui::RichText;

use crate::model::Finding;
use crate::ui::theme::severity_style;
use crate::ui::view_state::{Item, ViewState};

/// How many findings the panel lists (errors first); the rest are counted, so that a landscape
/// with thousands of findings still draws quickly.
const MAX_LISTED: usize = 500;

/// The selectable item a finding is about.
pub fn item_of(finding: &Finding) -> Option<Item> {
    let id = finding.entity_id.clone();
    match finding.entity_kind {
        "system" => Some(Item::System(id)),
        "flow" => Some(Item::Flow(id)),
        "process" => Some(Item::Process(id)),
        "team" => Some(Item::Team(id)),
        "contract" => Some(Item::Contract(id)),
        "scenario" => Some(Item::Scenario(id)),
        "dataset" => id
            .split_once('.')
            .map(|(system, _)| Item::System(system.to_owned())),
        _ => None,
    }
}

/// Draws the findings.
pub fn findings_ui(findings: &[Finding], view: &mut ViewState, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.strong("Findings");
        ui.label(format!("{}", findings.len()));
    });
    egui::ScrollArea::vertical().show(ui, |ui| {
        if findings.is_empty() {
            ui.weak("No findings");
        }
        for finding in findings.iter().take(MAX_LISTED) {
            let (symbol, colour) = severity_style(finding.severity, ui);
            let text = format!(
                "{symbol} {} {}: {} [{}]",
                finding.entity_kind, finding.entity_id, finding.message, finding.code
            );
            if ui.link(RichText::new(text).color(colour)).clicked()
                && let Some(item) = item_of(finding)
            {
                view.select_only(item.clone());
                view.centre_on = Some(item);
            }
        }
        if findings.len() > MAX_LISTED {
            ui.weak(format!(
                "… and {} more: switchboard check FILE lists them all",
                findings.len() - MAX_LISTED
            ));
        }
    });
}
