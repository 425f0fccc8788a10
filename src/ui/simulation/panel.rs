//! The simulation panel: scenario and control pickers, the run button, the timeline scrubber
//! with play/pause, the incident card, impacted processes, the error log, the control
//! comparison and the narrative (steppable with the arrow keys).

use egui::{Color32, RichText, Ui};

use crate::model::Landscape;
use crate::model::time::{format_duration, format_sim_time};
use crate::sim::report::Label;

use super::overlay::{LABELS, label_colour};
use super::run::{AD_HOC_SCENARIO, SimOutcome};
use super::{PLAY_SPEED, SimulationView, parse_weekday_time};

fn time_text(t: Option<i64>) -> String {
    t.map_or_else(|| "-".to_owned(), format_sim_time)
}

fn duration_text(minutes: Option<i64>) -> String {
    minutes.map_or_else(|| "-".to_owned(), format_duration)
}

/// Draws the panel; runs the simulation when asked (it takes milliseconds).
pub fn simulation_panel_ui(
    ui: &mut Ui,
    sim: &mut SimulationView,
    landscape: &Landscape,
    revision: u64,
) {
    ui.heading("Simulation");
    pickers_ui(ui, sim, landscape, revision);
    if let Some(error) = &sim.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    if sim.outcome.is_none() {
        ui.label(
            "Pick a scenario and press Run, or right-click a flow on the canvas to define a fault.",
        );
        return;
    }
    if sim.outcome_revision != Some(revision) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The document changed since this run: press Run again.",
        );
    }
    timeline_ui(ui, sim);
    read_arrow_keys(ui, sim);
    let Some(outcome) = sim.outcome.clone() else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            state_now_ui(ui, sim, &outcome, landscape);
            incident_ui(ui, &outcome, landscape);
            processes_ui(ui, sim.scrub, &outcome, landscape);
            controls_ui(ui, sim, &outcome, landscape, revision);
            narrative_ui(ui, sim, &outcome);
            errors_ui(ui, &outcome, landscape);
        });
}

fn pickers_ui(ui: &mut Ui, sim: &mut SimulationView, landscape: &Landscape, revision: u64) {
    let scenario_name = |id: &str| {
        if id == AD_HOC_SCENARIO {
            sim.ad_hoc_fault.as_ref().map_or_else(
                || "What if…".to_owned(),
                |f| format!("What if {} ({})", f.flow, f.kind.name()),
            )
        } else {
            landscape.scenario(id).map_or_else(
                || id.to_owned(),
                |s| {
                    if s.name.is_empty() {
                        s.id.clone()
                    } else {
                        s.name.clone()
                    }
                },
            )
        }
    };
    let current = sim.scenario.clone().unwrap_or_default();
    let mut choice = current.clone();
    egui::ComboBox::from_label("Scenario")
        .width(260.0)
        .selected_text(if current.is_empty() {
            "Choose…".to_owned()
        } else {
            scenario_name(&current)
        })
        .show_ui(ui, |ui| {
            for scenario in &landscape.scenarios {
                ui.selectable_value(
                    &mut choice,
                    scenario.id.clone(),
                    scenario_name(&scenario.id),
                );
            }
            if sim.ad_hoc_fault.is_some() {
                ui.selectable_value(
                    &mut choice,
                    AD_HOC_SCENARIO.to_owned(),
                    scenario_name(AD_HOC_SCENARIO),
                );
            }
        });
    if choice != current {
        sim.scenario = Some(choice);
        sim.control = None;
    }
    if sim.scenario.as_deref() == Some(AD_HOC_SCENARIO) {
        ad_hoc_fault_ui(ui, sim);
    } else if let Some(scenario) = sim
        .scenario
        .as_deref()
        .and_then(|id| landscape.scenario(id))
    {
        let mut control = sim.control.clone();
        egui::ComboBox::from_label("Control")
            .width(260.0)
            .selected_text(control.clone().unwrap_or_else(|| "as-is".to_owned()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut control, None, "as-is");
                for set in &scenario.controls {
                    ui.selectable_value(&mut control, Some(set.name.clone()), &set.name);
                }
            });
        sim.control = control;
    }
    if let Some(pending) = &sim.pending {
        let elapsed = pending.elapsed().as_secs_f32();
        let mut cancel = false;
        // The button comes first so that it stays put while the elapsed time ticks.
        ui.horizontal(|ui| {
            cancel = ui
                .button("Cancel")
                .on_hover_text("Stop waiting; the result is discarded")
                .clicked();
            ui.spinner();
            ui.label(format!("Simulating… {elapsed:.1} s"));
        });
        if cancel {
            sim.cancel();
        }
    } else if ui
        .button("Run")
        .on_hover_text("Simulate the scenario over the week")
        .clicked()
    {
        sim.run(landscape, revision, ui.ctx());
    }
}

fn ad_hoc_fault_ui(ui: &mut Ui, sim: &mut SimulationView) {
    let Some(fault) = sim.ad_hoc_fault.as_mut() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(format!("{} on {}, from", fault.kind.name(), fault.flow));
        ui.add(
            egui::DragValue::new(&mut fault.start)
                .speed(15.0)
                .range(0..=20160)
                .custom_formatter(|t, _| format_sim_time(t as i64)),
        );
    });
    ui.horizontal(|ui| {
        ui.label("Repair takes");
        ui.add(
            egui::DragValue::new(&mut fault.repair_minutes)
                .suffix(" min")
                .range(0..=10_000),
        );
    });
}

fn timeline_ui(ui: &mut Ui, sim: &mut SimulationView) {
    let Some((start, end)) = sim.outcome.as_ref().map(|o| o.horizon) else {
        return;
    };
    ui.separator();
    ui.horizontal(|ui| {
        let label = if sim.playing { "⏸ Pause" } else { "▶ Play" };
        if ui.button(label).clicked() {
            sim.playing = !sim.playing;
        }
        ui.label(
            RichText::new(format_sim_time(sim.scrub))
                .strong()
                .size(18.0),
        );
    });
    ui.spacing_mut().slider_width = ui.available_width() - 20.0;
    ui.add(
        egui::Slider::new(&mut sim.scrub, start..=end - 1)
            .show_value(false)
            .step_by(5.0),
    );
    ui.horizontal(|ui| {
        let label = ui.label("Go to");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut sim.goto_text)
                    .hint_text("Mon 08:00")
                    .desired_width(90.0),
            )
            .labelled_by(label.id);
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            match parse_weekday_time(&sim.goto_text, (start, end)) {
                Some(t) => sim.scrub_to(t),
                None => {
                    sim.error = Some(format!(
                        "\"{}\" is not a weekday and time such as Mon 08:00",
                        sim.goto_text
                    ));
                }
            }
        }
    });
    if sim.playing {
        let dt = f64::from(ui.input(|i| i.stable_dt).min(0.1));
        let next = sim.scrub + (dt * PLAY_SPEED).ceil() as i64;
        if next >= end - 1 {
            sim.scrub = end - 1;
            sim.playing = false;
        } else {
            sim.scrub = next;
            ui.ctx().request_repaint();
        }
    }
    ui.horizontal(|ui| {
        for label in LABELS {
            ui.label(RichText::new("■").color(label_colour(label)));
            ui.label(label.as_str());
        }
    });
}

fn read_arrow_keys(ui: &Ui, sim: &mut SimulationView) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (down, up) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::ArrowDown) || i.key_pressed(egui::Key::ArrowRight),
            i.key_pressed(egui::Key::ArrowUp) || i.key_pressed(egui::Key::ArrowLeft),
        )
    });
    if down {
        sim.step_narrative(1);
    } else if up {
        sim.step_narrative(-1);
    }
}

fn state_now_ui(ui: &mut Ui, sim: &SimulationView, outcome: &SimOutcome, landscape: &Landscape) {
    ui.separator();
    ui.label(RichText::new(format!("At {}", format_sim_time(sim.scrub))).strong());
    let mut any = false;
    for system in &landscape.systems {
        let Some(label) = outcome.report.system_label_at(&system.id, sim.scrub) else {
            continue;
        };
        if label != Label::Fresh {
            any = true;
            ui.label(
                RichText::new(format!("{}: {}", system.id, label.as_str()))
                    .color(label_colour(label)),
            )
            .on_hover_text(&system.name);
        }
    }
    if !any {
        ui.label("Every system is fresh.");
    }
}

fn incident_ui(ui: &mut Ui, outcome: &SimOutcome, landscape: &Landscape) {
    for (id, incident) in &outcome.report.incidents {
        ui.separator();
        let flow = landscape
            .flow(&incident.flow)
            .map_or(incident.flow.as_str(), |f| f.display_name());
        ui.label(RichText::new(format!("Incident {id}: {} of {flow}", incident.kind)).strong());
        egui::Grid::new(("incident", id))
            .num_columns(2)
            .show(ui, |ui| {
                let rows = [
                    ("Starts", format_sim_time(incident.start)),
                    ("First effect", time_text(incident.first_effect)),
                    ("Detected at", time_text(incident.detected_at)),
                    ("Time to detect", duration_text(incident.ttd)),
                    (
                        "Detected by",
                        incident
                            .detected_via
                            .clone()
                            .unwrap_or_else(|| "nobody".to_owned()),
                    ),
                    ("Repaired at", time_text(incident.repaired_at)),
                    (
                        "Repaired by",
                        incident
                            .repair_team
                            .clone()
                            .unwrap_or_else(|| "-".to_owned()),
                    ),
                    (
                        "Blast radius",
                        incident.blast_radius_actual.systems.join(", "),
                    ),
                ];
                for (name, value) in rows {
                    ui.label(name);
                    ui.label(value);
                    ui.end_row();
                }
            });
    }
}

fn processes_ui(ui: &mut Ui, scrub: i64, outcome: &SimOutcome, landscape: &Landscape) {
    ui.separator();
    let summary = &outcome.report.summary;
    ui.label(
        RichText::new(format!(
            "Business impact: {} operating minutes ({} stale, {} partial, {} corrupt)",
            summary.impacted_minutes,
            summary.minutes_by_state.stale,
            summary.minutes_by_state.partial,
            summary.minutes_by_state.corrupt
        ))
        .strong(),
    );
    egui::Grid::new("processes")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for (id, impact) in &outcome.report.processes {
                let name = landscape
                    .process(id)
                    .map_or(id.as_str(), |p| p.name.as_str());
                let now = outcome.report.process_impacted_at(id, scrub);
                let text = RichText::new(name);
                ui.label(if now {
                    text.color(label_colour(Label::Corrupt))
                } else {
                    text
                });
                ui.label(format!("{} min", impact.impacted_minutes));
                ui.label(
                    impact
                        .first_impact
                        .map_or_else(String::new, |t| format!("from {}", format_sim_time(t))),
                );
                ui.end_row();
            }
        });
}

fn narrative_ui(ui: &mut Ui, sim: &mut SimulationView, outcome: &SimOutcome) {
    ui.separator();
    ui.label(RichText::new("Narrative (↑/↓ to step)").strong());
    for (index, line) in outcome.narrative.iter().enumerate() {
        let selected = sim.narrative_cursor == Some(index);
        let past = line.t <= sim.scrub;
        let text = RichText::new(&line.text);
        let text = if past {
            text
        } else {
            text.color(ui.visuals().weak_text_color())
        };
        let response = ui.selectable_label(selected, text);
        if selected {
            response.scroll_to_me(None);
        }
        if response.clicked() {
            sim.narrative_cursor = Some(index);
            sim.scrub_to(line.t);
        }
    }
}

fn controls_ui(
    ui: &mut Ui,
    sim: &mut SimulationView,
    outcome: &SimOutcome,
    landscape: &Landscape,
    revision: u64,
) {
    if outcome.controls.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new("Which control would have helped (click to replay)").strong());
    let mut replay = None;
    egui::Grid::new("controls")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            for header in [
                "Control",
                "Detected",
                "TTD",
                "Repaired",
                "Processes",
                "Minutes",
            ] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for row in &outcome.controls {
                let active = outcome.request.control.as_deref() == Some(row.name.as_str());
                if ui.selectable_label(active, &row.name).clicked() {
                    replay = Some(row.name.clone());
                }
                ui.label(time_text(row.detected_at));
                ui.label(duration_text(row.ttd));
                ui.label(time_text(row.repaired_at));
                ui.label(row.impacted.len().to_string());
                let minutes = RichText::new(row.impacted_minutes.to_string());
                ui.label(if row.impacted_minutes == 0 {
                    minutes.color(label_colour(Label::Fresh))
                } else {
                    minutes
                });
                ui.end_row();
            }
        });
    if let Some(name) = replay {
        sim.control = Some(name);
        sim.run(landscape, revision, ui.ctx());
    }
}

fn errors_ui(ui: &mut Ui, outcome: &SimOutcome, landscape: &Landscape) {
    let errors = &outcome.report.errors;
    egui::CollapsingHeader::new(format!("Error log nobody reads ({})", errors.len()))
        .id_salt("error_log")
        .show(ui, |ui| {
            for error in errors {
                let flow = landscape
                    .flow(&error.flow)
                    .map_or(error.flow.as_str(), |f| f.display_name());
                ui.label(
                    RichText::new(format!(
                        "{}  {flow}: {} (attempt {})",
                        format_sim_time(error.t),
                        error.kind,
                        error.attempt
                    ))
                    .color(Color32::GRAY)
                    .monospace(),
                );
            }
        });
}
