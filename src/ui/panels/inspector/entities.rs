//! The inspector forms, one per entity kind.

use egui::{Grid, Ui};

use super::FormOutput;
use super::text_formats::{
    format_calendar, format_days, format_times, parse_calendar, parse_days, parse_times,
};
use crate::edit::{Edit, EntityKind};
use crate::model::contract::is_semver;
use crate::model::{
    Calendar, Contract, Dataset, Dependency, Field, Flow, Jitter, KafkaOverrides, Landscape,
    Pattern, Process, Schedule, System, Team, Validation,
};
use crate::ui::widgets::{
    check_row, choice_row, fraction_row, id_row, number_row, optional_number_row,
    optional_text_row, parsed_row, text_row,
};

fn grid(ui: &mut Ui, salt: &str, add: impl FnOnce(&mut Ui)) {
    Grid::new(salt)
        .num_columns(2)
        .striped(false)
        .spacing([8.0, 4.0])
        .show(ui, add);
}

/// Focuses the field just added (F2 on the name field).
fn focus_last(ui: &Ui, focus: bool, label: &str, salt: &str) {
    if focus {
        let id = egui::Id::new(("field", label, salt)).with("edit");
        ui.memory_mut(|m| m.request_focus(id));
    }
}

/// An owner picked from the teams, none, or a new team created inline.
fn owner_row(
    ui: &mut Ui,
    landscape: &Landscape,
    label: &str,
    salt: &str,
    owner: &mut Option<String>,
    out: &mut FormOutput,
) -> bool {
    const NEW: &str = "\u{1}new";
    let mut options: Vec<(Option<String>, String)> = vec![(None, "(none)".to_owned())];
    options.extend(
        landscape
            .teams
            .iter()
            .map(|t| (Some(t.id.clone()), t.id.clone())),
    );
    options.push((Some(NEW.to_owned()), "New team…".to_owned()));
    let mut choice = owner.clone();
    let mut changed = choice_row(ui, label, salt, &mut choice, &options);
    let creating_id = egui::Id::new(("creating", label, salt));
    if changed && choice.as_deref() == Some(NEW) {
        ui.data_mut(|d| d.insert_temp(creating_id, String::new()));
        changed = false;
    } else if changed {
        owner.clone_from(&choice);
    }
    if let Some(mut draft) = ui.data(|d| d.get_temp::<String>(creating_id)) {
        let l = ui.label("New team name");
        ui.horizontal(|ui| {
            let field = ui
                .add(egui::TextEdit::singleline(&mut draft).desired_width(120.0))
                .labelled_by(l.id);
            let (entered, escaped) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::Enter),
                    i.key_pressed(egui::Key::Escape),
                )
            });
            let name = draft.trim().to_owned();
            let free = !name.is_empty() && landscape.teams.iter().all(|t| t.name != name);
            let create = ui.add_enabled(free, egui::Button::new("Create team"));
            if free && (create.clicked() || (field.lost_focus() && entered)) {
                // One-field form: Enter submits. The id is a slug of the name.
                let id = crate::edit::unique_id(&crate::edit::slug(&name), true, |id| {
                    landscape.team(id).is_some()
                });
                out.edits.push(Edit::AddTeam(Team {
                    id: id.clone(),
                    name,
                    ..Team::default()
                }));
                *owner = Some(id);
                changed = true;
                ui.data_mut(|d| d.remove::<String>(creating_id));
            } else if ui.button("Cancel").clicked() || (field.lost_focus() && escaped) {
                ui.data_mut(|d| d.remove::<String>(creating_id));
            } else {
                ui.data_mut(|d| d.insert_temp(creating_id, draft.clone()));
            }
        });
        ui.end_row();
    }
    changed
}

/// The landscape's own details (nothing selected).
pub(super) fn landscape_form(
    landscape: &Landscape,
    ui: &mut Ui,
    focus: bool,
    out: &mut FormOutput,
) {
    ui.label("Landscape");
    let (mut name, mut description) = (landscape.name.clone(), landscape.description.clone());
    let mut changed = None;
    grid(ui, "landscape", |ui| {
        if text_row(ui, "Name", "landscape", &mut name) {
            changed = Some("landscape.name");
        }
        focus_last(ui, focus, "Name", "landscape");
        if text_row(ui, "Description", "landscape", &mut description) {
            changed = Some("landscape.description");
        }
    });
    if let Some(key) = changed {
        out.edits.push(Edit::SetInfo { name, description });
        out.changed(key);
    }
}

pub(super) fn system_form(
    landscape: &Landscape,
    system: &System,
    ui: &mut Ui,
    focus: bool,
    out: &mut FormOutput,
) {
    ui.label(format!("System {}", system.id));
    let salt = format!("system:{}", system.id);
    let mut edited = system.clone();
    let mut new_id = system.id.clone();
    let mut key = None;
    grid(ui, &salt, |ui| {
        if id_row(ui, "Id", &salt, &mut new_id, |id| {
            landscape.system(id).is_some()
        }) {
            key = Some("id");
        }
        if text_row(ui, "Name", &salt, &mut edited.name) {
            key = Some("name");
        }
        focus_last(ui, focus, "Name", &salt);
        if text_row(ui, "Description", &salt, &mut edited.description) {
            key = Some("description");
        }
        if text_row(ui, "Kind", &salt, &mut edited.kind) {
            key = Some("kind");
        }
        if owner_row(ui, landscape, "Owner", &salt, &mut edited.owner, out) {
            key = Some("owner");
        }
        if optional_text_row(ui, "Group", &salt, &mut edited.group) {
            key = Some("group");
        }
        if check_row(ui, "Pinned", &mut edited.pinned) {
            key = Some("pinned");
        }
        if optional_text_row(ui, "Export name", &salt, &mut edited.export_name) {
            key = Some("export_name");
        }
    });
    ui.separator();
    ui.label(format!("Datasets ({})", system.datasets.len()));
    let mut dataset_edits = Vec::new();
    for (index, dataset) in system.datasets.iter().enumerate() {
        let dsalt = format!("{salt}.{index}");
        egui::CollapsingHeader::new(format!("{}.{}", system.id, dataset.id))
            .id_salt(&dsalt)
            .default_open(system.datasets.len() <= 3)
            .show(ui, |ui| {
                let mut d = dataset.clone();
                let mut id = dataset.id.clone();
                grid(ui, &dsalt, |ui| {
                    if id_row(ui, "Dataset id", &dsalt, &mut id, |i| {
                        system.datasets.iter().any(|x| x.id == i)
                    }) {
                        dataset_edits.push(Edit::ChangeDatasetId {
                            system_id: system.id.clone(),
                            old: dataset.id.clone(),
                            new: id.clone(),
                        });
                        key = Some("dataset id");
                    }
                    let mut changed = text_row(ui, "Dataset name", &dsalt, &mut d.name);
                    changed |= text_row(ui, "Dataset description", &dsalt, &mut d.description);
                    changed |= check_row(ui, "Source of record", &mut d.source);
                    changed |= optional_number_row(
                        ui,
                        "Stale after (min)",
                        &dsalt,
                        &mut d.stale_after_minutes,
                    );
                    changed |= owner_row(ui, landscape, "Dataset owner", &dsalt, &mut d.owner, out);
                    if changed {
                        edited.datasets[index] = d;
                        key = Some("dataset");
                    }
                });
                if ui.button("Remove dataset").clicked() {
                    dataset_edits.push(Edit::RemoveDataset {
                        system_id: system.id.clone(),
                        dataset_id: dataset.id.clone(),
                    });
                    key = Some("remove dataset");
                }
            });
    }
    if ui.button("Add dataset").clicked() {
        let id =
            crate::edit::unique_id("data", true, |i| system.datasets.iter().any(|d| d.id == i));
        dataset_edits.push(Edit::AddDataset {
            system_id: system.id.clone(),
            dataset: Dataset {
                id: id.clone(),
                name: id,
                ..Dataset::default()
            },
        });
        key = Some("add dataset");
    }
    let Some(key) = key else { return };
    if edited != *system {
        out.edits.push(Edit::SetSystem(edited));
    }
    out.edits.extend(dataset_edits);
    if new_id != system.id {
        out.edits.push(Edit::ChangeId {
            kind: EntityKind::System,
            old: system.id.clone(),
            new: new_id,
        });
    }
    out.changed(&format!("{salt}.{key}"));
}

fn dataset_options(landscape: &Landscape) -> Vec<(String, String)> {
    landscape
        .datasets()
        .map(|d| (d.full_id(), d.full_id()))
        .collect()
}

fn schedule_rows(ui: &mut Ui, salt: &str, schedule: &mut Schedule) -> bool {
    #[derive(Clone, PartialEq)]
    enum Kind {
        Cron,
        Every,
        Stream,
    }
    let mut kind = match schedule {
        Schedule::Cron { .. } => Kind::Cron,
        Schedule::Every { .. } => Kind::Every,
        Schedule::Stream { .. } => Kind::Stream,
    };
    let options = [
        (Kind::Cron, "at times of day".to_owned()),
        (Kind::Every, "every N minutes".to_owned()),
        (Kind::Stream, "stream".to_owned()),
    ];
    let mut changed = false;
    if choice_row(ui, "Schedule", salt, &mut kind, &options) {
        *schedule = match kind {
            Kind::Cron => Schedule::default(),
            Kind::Every => Schedule::Every {
                every_minutes: 60,
                offset_minutes: 0,
            },
            Kind::Stream => Schedule::Stream { latency_minutes: 1 },
        };
        changed = true;
    }
    match schedule {
        Schedule::Cron { times, days } => {
            changed |= parsed_row(
                ui,
                "Times",
                salt,
                times,
                |t| format_times(t),
                parse_times,
                false,
            );
            changed |= parsed_row(
                ui,
                "Days",
                salt,
                days,
                |d| format_days(d),
                parse_days,
                false,
            );
        }
        Schedule::Every {
            every_minutes,
            offset_minutes,
        } => {
            changed |= parsed_row(
                ui,
                "Every (min)",
                salt,
                every_minutes,
                ToString::to_string,
                |t| match t.parse::<u32>() {
                    Ok(n) if n > 0 => Ok(n),
                    _ => Err("enter a whole number of minutes > 0".to_owned()),
                },
                false,
            );
            changed |= number_row(ui, "Offset (min)", salt, offset_minutes);
        }
        Schedule::Stream { latency_minutes } => {
            changed |= number_row(ui, "Latency (min)", salt, latency_minutes);
        }
    }
    changed
}

pub(super) fn flow_form(
    landscape: &Landscape,
    flow: &Flow,
    ui: &mut Ui,
    focus: bool,
    out: &mut FormOutput,
) {
    ui.label(format!("Flow {}", flow.id));
    let salt = format!("flow:{}", flow.id);
    let mut f = flow.clone();
    let mut new_id = flow.id.clone();
    let mut key: Option<&str> = None;
    let datasets = dataset_options(landscape);
    grid(ui, &salt, |ui| {
        let mut mark = |changed: bool, name: &'static str| {
            if changed {
                key = Some(name);
            }
        };
        mark(
            id_row(ui, "Id", &salt, &mut new_id, |id| {
                landscape.flow(id).is_some()
            }),
            "id",
        );
        mark(text_row(ui, "Name", &salt, &mut f.name), "name");
        focus_last(ui, focus, "Name", &salt);
        mark(
            text_row(ui, "Description", &salt, &mut f.description),
            "description",
        );
        mark(
            choice_row(ui, "Output", &salt, &mut f.output, &datasets),
            "output",
        );
        mark(schedule_rows(ui, &salt, &mut f.schedule), "schedule");
        let patterns: Vec<(Pattern, String)> = Pattern::ALL
            .iter()
            .map(|p| (*p, p.as_str().to_owned()))
            .collect();
        mark(
            choice_row(ui, "Pattern", &salt, &mut f.pattern, &patterns),
            "pattern",
        );
        mark(
            number_row(ui, "Duration (min)", &salt, &mut f.duration_minutes),
            "duration",
        );
        mark(
            owner_row(ui, landscape, "Owner", &salt, &mut f.owner, out),
            "owner",
        );
        let mut contracts: Vec<(Option<String>, String)> = vec![(None, "(none)".to_owned())];
        contracts.extend(
            landscape
                .contracts
                .iter()
                .map(|c| (Some(c.id.clone()), format!("{} v{}", c.id, c.version))),
        );
        mark(
            choice_row(ui, "Contract", &salt, &mut f.contract, &contracts),
            "contract",
        );
        let levels = [
            (Validation::Off, "none".to_owned()),
            (Validation::Schema, "schema".to_owned()),
            (Validation::SchemaAndValues, "schema and values".to_owned()),
        ];
        mark(
            choice_row(ui, "Validation", &salt, &mut f.validation, &levels),
            "validation",
        );
        mark(check_row(ui, "Job alert", &mut f.job_alert), "job_alert");
        mark(
            parsed_row(
                ui,
                "Retry attempts",
                &salt,
                &mut f.retry.max_attempts,
                ToString::to_string,
                |t| match t.parse::<u32>() {
                    Ok(n) if n >= 1 => Ok(n),
                    _ => Err("attempts count the first one: enter 1 or more".to_owned()),
                },
                false,
            ),
            "retry",
        );
        mark(
            number_row(ui, "Retry base (min)", &salt, &mut f.retry.base_minutes),
            "retry base",
        );
        mark(
            fraction_row(ui, "Retry factor", &salt, &mut f.retry.factor, 1.0..=10.0),
            "retry factor",
        );
        mark(
            number_row(ui, "Retry cap (min)", &salt, &mut f.retry.cap_minutes),
            "retry cap",
        );
        let jitters = [
            (Jitter::Off, "none".to_owned()),
            (Jitter::Full, "full".to_owned()),
        ];
        mark(
            choice_row(ui, "Retry jitter", &salt, &mut f.retry.jitter, &jitters),
            "jitter",
        );
        mark(check_row(ui, "Buffered", &mut f.buffered), "buffered");
        mark(check_row(ui, "Dead-letter queue", &mut f.dlq), "dlq");
        mark(
            optional_number_row(
                ui,
                "Queue-age alarm (min)",
                &salt,
                &mut f.queue_age_alarm_minutes,
            ),
            "queue age",
        );
        mark(
            fraction_row(ui, "Loss on outage", &salt, &mut f.loss, 0.0..=1.0),
            "loss",
        );
        mark(check_row(ui, "Via hub", &mut f.via_hub), "via_hub");
        let mut kafka = f.kafka.clone().unwrap_or_default();
        let mut kafka_changed =
            optional_number_row(ui, "Kafka partitions", &salt, &mut kafka.partitions);
        kafka_changed |= optional_number_row(ui, "Kafka replicas", &salt, &mut kafka.replicas);
        kafka_changed |= parsed_row(
            ui,
            "Kafka retention (ms)",
            &salt,
            &mut kafka.retention_ms,
            |v| v.map(|n| n.to_string()).unwrap_or_default(),
            |t| {
                if t.is_empty() {
                    Ok(None)
                } else {
                    t.parse::<i64>()
                        .map(Some)
                        .map_err(|_| "enter milliseconds, -1 for forever".to_owned())
                }
            },
            false,
        );
        if kafka_changed {
            f.kafka = (kafka != KafkaOverrides::default()).then_some(kafka);
            key = Some("kafka");
        }
    });
    ui.separator();
    ui.label("Inputs");
    let mut inputs = f.inputs.clone();
    let mut remove = None;
    for (index, input) in inputs.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(input);
            if ui.small_button("Remove input").clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        inputs.remove(index);
        key = Some("inputs");
    }
    let mut add = String::new();
    let available: Vec<(String, String)> = datasets
        .iter()
        .filter(|(d, _)| !inputs.contains(d))
        .cloned()
        .collect();
    grid(ui, &format!("{salt}.add-input"), |ui| {
        if choice_row(ui, "Add input", &salt, &mut add, &available) {
            inputs.push(add.clone());
            key = Some("inputs");
        }
    });
    f.inputs = inputs;
    let Some(key) = key else { return };
    if f != *flow {
        out.edits.push(Edit::SetFlow(f));
    }
    if new_id != flow.id {
        out.edits.push(Edit::ChangeId {
            kind: EntityKind::Flow,
            old: flow.id.clone(),
            new: new_id,
        });
    }
    out.changed(&format!("{salt}.{key}"));
}

fn calendar_row(ui: &mut Ui, label: &str, salt: &str, calendar: &mut Calendar) -> bool {
    parsed_row(
        ui,
        label,
        salt,
        calendar,
        format_calendar,
        parse_calendar,
        false,
    )
}

pub(super) fn team_form(
    landscape: &Landscape,
    team: &Team,
    ui: &mut Ui,
    focus: bool,
    out: &mut FormOutput,
) {
    ui.label(format!("Team {}", team.id));
    let salt = format!("team:{}", team.id);
    let mut t = team.clone();
    let mut new_id = team.id.clone();
    let mut key = None;
    grid(ui, &salt, |ui| {
        if id_row(ui, "Id", &salt, &mut new_id, |id| {
            landscape.team(id).is_some()
        }) {
            key = Some("id");
        }
        if text_row(ui, "Name", &salt, &mut t.name) {
            key = Some("name");
        }
        focus_last(ui, focus, "Name", &salt);
        if text_row(ui, "Contact", &salt, &mut t.contact) {
            key = Some("contact");
        }
        if calendar_row(ui, "Coverage", &salt, &mut t.calendar) {
            key = Some("calendar");
        }
    });
    let Some(key) = key else { return };
    if t != *team {
        out.edits.push(Edit::SetTeam(t));
    }
    if new_id != team.id {
        out.edits.push(Edit::ChangeId {
            kind: EntityKind::Team,
            old: team.id.clone(),
            new: new_id,
        });
    }
    out.changed(&format!("{salt}.{key}"));
}

pub(super) fn contract_form(
    landscape: &Landscape,
    contract: &Contract,
    ui: &mut Ui,
    focus: bool,
    out: &mut FormOutput,
) {
    ui.label(format!("Contract {}", contract.id));
    let salt = format!("contract:{}", contract.id);
    let mut c = contract.clone();
    let mut new_id = contract.id.clone();
    let mut key = None;
    grid(ui, &salt, |ui| {
        if id_row(ui, "Id", &salt, &mut new_id, |id| {
            landscape.contract(id).is_some()
        }) {
            key = Some("id");
        }
        if text_row(ui, "Name", &salt, &mut c.name) {
            key = Some("name");
        }
        focus_last(ui, focus, "Name", &salt);
        if parsed_row(
            ui,
            "Version",
            &salt,
            &mut c.version,
            Clone::clone,
            |t| {
                if is_semver(t) {
                    Ok(t.to_owned())
                } else {
                    Err("use a semantic version such as 3.0.0".to_owned())
                }
            },
            false,
        ) {
            key = Some("version");
        }
        if text_row(ui, "Format", &salt, &mut c.format) {
            key = Some("format");
        }
        if owner_row(ui, landscape, "Owner", &salt, &mut c.owner, out) {
            key = Some("owner");
        }
    });
    ui.separator();
    ui.label(format!("Fields ({})", c.fields.len()));
    let mut remove = None;
    for index in 0..c.fields.len() {
        let fsalt = format!("{salt}.field{index}");
        egui::CollapsingHeader::new(format!("field {}", c.fields[index].name))
            .id_salt(&fsalt)
            .show(ui, |ui| {
                let field = &mut c.fields[index];
                grid(ui, &fsalt, |ui| {
                    let mut changed = text_row(ui, "Field name", &fsalt, &mut field.name);
                    changed |= text_row(ui, "Type", &fsalt, &mut field.type_name);
                    changed |= optional_text_row(ui, "Unit", &fsalt, &mut field.unit);
                    changed |= check_row(ui, "Required", &mut field.required);
                    if changed {
                        key = Some("field");
                    }
                });
                if ui.button("Remove field").clicked() {
                    remove = Some(index);
                }
            });
    }
    if let Some(index) = remove {
        c.fields.remove(index);
        key = Some("remove field");
    }
    if ui.button("Add field").clicked() {
        c.fields.push(Field {
            name: format!("field_{}", c.fields.len() + 1),
            type_name: "string".to_owned(),
            ..Field::default()
        });
        key = Some("add field");
    }
    let Some(key) = key else { return };
    if c != *contract {
        out.edits.push(Edit::SetContract(c));
    }
    if new_id != contract.id {
        out.edits.push(Edit::ChangeId {
            kind: EntityKind::Contract,
            old: contract.id.clone(),
            new: new_id,
        });
    }
    out.changed(&format!("{salt}.{key}"));
}

pub(super) fn process_form(
    landscape: &Landscape,
    process: &Process,
    ui: &mut Ui,
    focus: bool,
    out: &mut FormOutput,
) {
    ui.label(format!("Process {}", process.id));
    let salt = format!("process:{}", process.id);
    let mut p = process.clone();
    let mut new_id = process.id.clone();
    let mut key = None;
    let datasets = dataset_options(landscape);
    grid(ui, &salt, |ui| {
        if id_row(ui, "Id", &salt, &mut new_id, |id| {
            landscape.process(id).is_some()
        }) {
            key = Some("id");
        }
        if text_row(ui, "Name", &salt, &mut p.name) {
            key = Some("name");
        }
        focus_last(ui, focus, "Name", &salt);
        if text_row(ui, "Description", &salt, &mut p.description) {
            key = Some("description");
        }
        if text_row(ui, "Owner (business team)", &salt, &mut p.owner) {
            key = Some("owner");
        }
        if calendar_row(ui, "Operating hours", &salt, &mut p.calendar) {
            key = Some("calendar");
        }
        if optional_number_row(
            ui,
            "Noticed after (min)",
            &salt,
            &mut p.notice_after_minutes,
        ) {
            key = Some("notice");
        }
        if check_row(ui, "Pinned", &mut p.pinned) {
            key = Some("pinned");
        }
    });
    ui.separator();
    ui.label(format!("Dependencies ({})", p.dependencies.len()));
    let mut remove = None;
    for index in 0..p.dependencies.len() {
        let dsalt = format!("{salt}.dep{index}");
        egui::CollapsingHeader::new(p.dependencies[index].dataset.clone())
            .id_salt(&dsalt)
            .show(ui, |ui| {
                let dependency = &mut p.dependencies[index];
                grid(ui, &dsalt, |ui| {
                    let mut changed =
                        choice_row(ui, "Dataset", &dsalt, &mut dependency.dataset, &datasets);
                    changed |=
                        number_row(ui, "Max age (min)", &dsalt, &mut dependency.max_age_minutes);
                    changed |= fraction_row(
                        ui,
                        "Min completeness",
                        &dsalt,
                        &mut dependency.min_completeness,
                        0.0..=1.0,
                    );
                    if changed {
                        key = Some("dependency");
                    }
                });
                if ui.button("Remove dependency").clicked() {
                    remove = Some(index);
                }
            });
    }
    if let Some(index) = remove {
        p.dependencies.remove(index);
        key = Some("remove dependency");
    }
    if let Some((first, _)) = datasets.first()
        && ui.button("Add dependency").clicked()
    {
        p.dependencies.push(Dependency {
            dataset: first.clone(),
            ..Dependency::default()
        });
        key = Some("add dependency");
    }
    let Some(key) = key else { return };
    if p != *process {
        out.edits.push(Edit::SetProcess(p));
    }
    if new_id != process.id {
        out.edits.push(Edit::ChangeId {
            kind: EntityKind::Process,
            old: process.id.clone(),
            new: new_id,
        });
    }
    out.changed(&format!("{salt}.{key}"));
}
