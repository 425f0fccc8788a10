//! The generated reference-form landscape of `tests/sim_gen` as a document of the model, so the
//! scale benchmark measures the product's own file format and front door on the §11 shape.
//! Controls are not converted (the benchmark adds its own).

use switchboard::model::{
    Calendar, Dataset, Dependency, Fault, FaultKind, Flow, Jitter, Landscape, Monitor,
    MonitorCheck, Pattern, Process, Retry, Scenario, Schedule, System, Team, TimeOfDay, Validation,
    Weekday, Window,
};
use switchboard::sim::compile::resolve_settings;
use switchboard::sim::input::{CalendarIn, Document, ScheduleIn};

fn u(v: i64) -> u32 {
    u32::try_from(v).expect("a generated minute count fits")
}

fn days(ds: &[i64]) -> Vec<Weekday> {
    ds.iter()
        .map(|&d| Weekday::from_index(d as u8).expect("weekday"))
        .collect()
}

fn calendar(c: &CalendarIn) -> Calendar {
    match c {
        CalendarIn::Named(n) if n == "24x7" => Calendar::TwentyFourSeven,
        CalendarIn::Named(_) => Calendar::BusinessHours,
        CalendarIn::Windows(ws) => Calendar::Windows(
            ws.iter()
                .map(|w| Window {
                    days: days(&w.days),
                    start: TimeOfDay(w.start as u16),
                    end: TimeOfDay(w.end as u16),
                })
                .collect(),
        ),
    }
}

fn schedule(s: &ScheduleIn) -> Schedule {
    match s {
        ScheduleIn::Cron { times, days: ds } => Schedule::Cron {
            times: times.iter().map(|&t| TimeOfDay(t as u16)).collect(),
            days: ds.as_deref().map_or_else(|| Weekday::ALL.to_vec(), days),
        },
        ScheduleIn::Every { every, offset } => Schedule::Every {
            every_minutes: u(*every),
            offset_minutes: u(*offset),
        },
        ScheduleIn::Stream { latency } => Schedule::Stream {
            latency_minutes: u(*latency),
        },
    }
}

/// The document of the model holding the same landscape and its first scenario's faults.
pub fn to_landscape(doc: &Document) -> Landscape {
    let mut systems: Vec<System> = doc
        .systems
        .iter()
        .map(|s| System {
            id: s.id.clone(),
            name: s.name.clone().unwrap_or_default(),
            owner: s.owner.clone(),
            ..System::default()
        })
        .collect();
    let at: std::collections::HashMap<String, usize> = systems
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    for d in &doc.datasets {
        let local = d.id[d.system.len() + 1..].to_owned();
        systems[at[&d.system]].datasets.push(Dataset {
            id: local,
            source: d.source,
            stale_after_minutes: d.stale_after.map(u),
            owner: d.owner.clone(),
            ..Dataset::default()
        });
    }
    let flows = doc
        .flows
        .iter()
        .map(|f| Flow {
            id: f.id.clone(),
            inputs: f.inputs.clone(),
            output: f.output.clone(),
            schedule: schedule(&f.schedule),
            pattern: Pattern::from_str_name(&f.pattern).expect("pattern"),
            duration_minutes: u(f.duration),
            owner: f.owner.clone(),
            contract: None,
            validation: Validation::from_level(f.validation as u8).expect("validation"),
            job_alert: f.job_alert,
            retry: Retry {
                max_attempts: u(f.retry.max_attempts),
                base_minutes: u(f.retry.base),
                factor: f.retry.factor,
                cap_minutes: u(f.retry.cap),
                jitter: if f.retry.jitter == "full" {
                    Jitter::Full
                } else {
                    Jitter::Off
                },
            },
            buffered: f.buffered,
            dlq: f.dlq,
            queue_age_alarm_minutes: f.queue_age_alarm.map(u),
            loss: f.loss,
            ..Flow::default()
        })
        .collect();
    let monitors = doc
        .monitors
        .iter()
        .map(|m| Monitor {
            id: m.id.clone(),
            dataset: m.dataset.clone(),
            check: match m.kind.as_str() {
                "freshness" => MonitorCheck::Freshness {
                    max_age_minutes: u(m.threshold.as_i64().expect("int")),
                },
                "volume" => MonitorCheck::Volume {
                    min_completeness: m.threshold.as_f64().expect("number"),
                },
                _ => MonitorCheck::Quality {
                    max_detectability: m.threshold.as_i64().expect("int") as u8,
                },
            },
            every_minutes: u(m.every),
            offset_minutes: u(m.offset),
            owner: m.owner.clone(),
        })
        .collect();
    let processes = doc
        .processes
        .iter()
        .map(|p| Process {
            id: p.id.clone(),
            owner: p.owner.clone(),
            dependencies: p
                .deps
                .iter()
                .map(|d| Dependency {
                    dataset: d.dataset.clone(),
                    max_age_minutes: u(d.max_age),
                    min_completeness: d.min_completeness,
                })
                .collect(),
            calendar: calendar(&p.calendar),
            notice_after_minutes: p.notice_after.map(u),
            ..Process::default()
        })
        .collect();
    let scenarios = doc
        .scenarios
        .iter()
        .map(|s| Scenario {
            id: s.id.clone(),
            deadline: s.deadline,
            faults: s
                .faults
                .iter()
                .map(|f| Fault {
                    id: f.id.clone(),
                    flow: f.flow.clone(),
                    kind: match f.kind.as_str() {
                        "fail" => FaultKind::Fail,
                        "silent" => FaultKind::Silent,
                        "partial" => FaultKind::Partial {
                            fraction: f.params.fraction.expect("fraction"),
                        },
                        "delay" => FaultKind::Delay {
                            minutes: u(f.params.minutes.expect("minutes")),
                        },
                        _ => FaultKind::Semantic {
                            detectability: f.params.detectability.unwrap_or(2) as u8,
                        },
                    },
                    start: f.start,
                    end: f.end,
                    repair_minutes: u(f.repair_minutes),
                })
                .collect(),
            ..Scenario::default()
        })
        .collect();
    Landscape {
        name: "§11 scale landscape".to_owned(),
        settings: resolve_settings(&doc.settings).expect("settings"),
        teams: doc
            .teams
            .iter()
            .map(|t| Team {
                id: t.id.clone(),
                calendar: calendar(&t.calendar),
                ..Team::default()
            })
            .collect(),
        systems,
        flows,
        monitors,
        processes,
        scenarios,
        ..Landscape::default()
    }
}
