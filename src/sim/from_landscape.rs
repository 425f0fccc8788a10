//! Converts the document model (`crate::model::Landscape`) and one of its scenarios into the
//! reference JSON form of `simulation.md` §9.1, which the engine compiles.

use crate::model::{
    Calendar, Change, Fault, FaultKind, Flow, Jitter, Landscape, Monitor, MonitorCheck,
    OwnerChange, Schedule, Settings, SettingsOverrides,
};

use super::compile::InputError;
use super::input::{
    CalendarIn, ChangeIn, ControlIn, DatasetIn, DepIn, Document, FaultIn, FlowIn, FlowPatchIn,
    MonitorIn, ParamsIn, ProcessIn, RetryIn, ScenarioIn, ScheduleIn, SettingsIn, SystemIn, TeamIn,
    TeamPatchIn, WindowIn,
};

fn calendar(c: &Calendar) -> CalendarIn {
    match c {
        Calendar::TwentyFourSeven => CalendarIn::Named("24x7".to_owned()),
        Calendar::BusinessHours => CalendarIn::Named("business_hours".to_owned()),
        Calendar::Windows(ws) => CalendarIn::Windows(
            ws.iter()
                .map(|w| WindowIn {
                    days: w.days.iter().map(|d| i64::from(d.index())).collect(),
                    start: i64::from(w.start.minutes()),
                    end: i64::from(w.end.minutes()),
                })
                .collect(),
        ),
    }
}

fn schedule(s: &Schedule) -> ScheduleIn {
    match s {
        Schedule::Cron { times, days } => ScheduleIn::Cron {
            times: times.iter().map(|t| i64::from(t.minutes())).collect(),
            days: Some(days.iter().map(|d| i64::from(d.index())).collect()),
        },
        Schedule::Every {
            every_minutes,
            offset_minutes,
        } => ScheduleIn::Every {
            every: i64::from(*every_minutes),
            offset: i64::from(*offset_minutes),
        },
        Schedule::Stream { latency_minutes } => ScheduleIn::Stream {
            latency: i64::from(*latency_minutes),
        },
    }
}

fn retry(r: &crate::model::Retry) -> RetryIn {
    RetryIn {
        max_attempts: i64::from(r.max_attempts),
        base: i64::from(r.base_minutes),
        factor: r.factor,
        cap: i64::from(r.cap_minutes),
        jitter: match r.jitter {
            Jitter::Off => "none",
            Jitter::Full => "full",
        }
        .to_owned(),
    }
}

fn flow(f: &Flow) -> FlowIn {
    FlowIn {
        id: f.id.clone(),
        inputs: f.inputs.clone(),
        output: f.output.clone(),
        schedule: schedule(&f.schedule),
        pattern: f.pattern.as_str().to_owned(),
        duration: i64::from(f.duration_minutes),
        owner: f.owner.clone(),
        contract: f.contract.clone().unwrap_or_default(),
        validation: i64::from(f.validation.level()),
        job_alert: f.job_alert,
        retry: retry(&f.retry),
        buffered: f.buffered,
        dlq: f.dlq,
        queue_age_alarm: f.queue_age_alarm_minutes.map(i64::from),
        loss: f.loss,
    }
}

fn monitor(m: &Monitor) -> MonitorIn {
    let (kind, threshold) = match &m.check {
        MonitorCheck::Freshness { max_age_minutes } => {
            ("freshness", serde_json::Number::from(*max_age_minutes))
        }
        MonitorCheck::Volume { min_completeness } => (
            "volume",
            serde_json::Number::from_f64(*min_completeness)
                .unwrap_or_else(|| serde_json::Number::from(0)),
        ),
        MonitorCheck::Quality { max_detectability } => {
            ("quality", serde_json::Number::from(*max_detectability))
        }
    };
    MonitorIn {
        id: m.id.clone(),
        dataset: m.dataset.clone(),
        kind: kind.to_owned(),
        threshold,
        every: i64::from(m.every_minutes),
        offset: i64::from(m.offset_minutes),
        owner: m.owner.clone(),
    }
}

fn settings(s: &Settings) -> SettingsIn {
    SettingsIn {
        sim_start: Some(s.sim_start),
        horizon_start: Some(s.horizon_start),
        horizon_end: Some(s.horizon_end),
        alert_delay: Some(i64::from(s.alert_delay_minutes)),
        triage: Some(i64::from(s.triage_minutes)),
        triage_lineage: Some(i64::from(s.triage_lineage_minutes)),
        lineage: Some(s.lineage),
        no_owner_delay: Some(i64::from(s.no_owner_delay_minutes)),
        cascade_rerun: Some(s.cascade_rerun),
        fallback_team: Some(s.fallback_team.clone()),
        seed: Some(s.seed),
    }
}

fn overrides(s: &SettingsOverrides) -> SettingsIn {
    SettingsIn {
        sim_start: s.sim_start,
        horizon_start: s.horizon_start,
        horizon_end: s.horizon_end,
        alert_delay: s.alert_delay_minutes.map(i64::from),
        triage: s.triage_minutes.map(i64::from),
        triage_lineage: s.triage_lineage_minutes.map(i64::from),
        lineage: s.lineage,
        no_owner_delay: s.no_owner_delay_minutes.map(i64::from),
        cascade_rerun: s.cascade_rerun,
        fallback_team: s.fallback_team.clone(),
        seed: s.seed,
    }
}

fn fault(f: &Fault) -> FaultIn {
    let mut params = ParamsIn::default();
    match &f.kind {
        FaultKind::Partial { fraction } => params.fraction = Some(*fraction),
        FaultKind::Delay { minutes } => params.minutes = Some(i64::from(*minutes)),
        FaultKind::Semantic { detectability } => {
            params.detectability = Some(i64::from(*detectability));
        }
        FaultKind::Fail | FaultKind::Silent => {}
    }
    FaultIn {
        id: f.id.clone(),
        flow: f.flow.clone(),
        kind: f.kind.name().to_owned(),
        start: f.start,
        end: f.end,
        repair_minutes: i64::from(f.repair_minutes),
        params,
    }
}

/// A control change of the document model in the reference form.
pub fn change(c: &Change) -> ChangeIn {
    match c {
        Change::Flow { flow, set } => ChangeIn::Flow {
            flow: flow.clone(),
            set: FlowPatchIn {
                schedule: set.schedule.as_ref().map(schedule),
                pattern: set.pattern.map(|p| p.as_str().to_owned()),
                duration: set.duration_minutes.map(i64::from),
                owner: set.owner.as_ref().map(|o| match o {
                    OwnerChange::Team(t) => Some(t.clone()),
                    OwnerChange::Nobody => None,
                }),
                contract: set.contract.clone(),
                validation: set.validation.map(|v| i64::from(v.level())),
                job_alert: set.job_alert,
                retry: set.retry.as_ref().map(retry),
                buffered: set.buffered,
                dlq: set.dlq,
                queue_age_alarm: set.queue_age_alarm_minutes.map(|q| Some(i64::from(q))),
                loss: set.loss,
            },
        },
        Change::Team { team, calendar: c } => ChangeIn::Team {
            team: team.clone(),
            set: TeamPatchIn {
                calendar: Some(calendar(c)),
            },
        },
        Change::AddMonitor(m) => ChangeIn::AddMonitor {
            monitor: monitor(m),
        },
        Change::Settings(s) => ChangeIn::Settings { set: overrides(s) },
    }
}

/// The reference form of a landscape with one scenario (and its control sets).
///
/// Errors name the valid scenario ids when `scenario` is unknown.
pub fn from_landscape(l: &Landscape, scenario: &str) -> Result<Document, InputError> {
    let Some(sc) = l.scenario(scenario) else {
        let ids: Vec<&str> = l.scenarios.iter().map(|s| s.id.as_str()).collect();
        return Err(InputError(format!(
            "no scenario '{scenario}' in the document (scenarios: {})",
            if ids.is_empty() {
                "none".to_owned()
            } else {
                ids.join(", ")
            }
        )));
    };
    Ok(Document {
        teams: l
            .teams
            .iter()
            .map(|t| TeamIn {
                id: t.id.clone(),
                calendar: calendar(&t.calendar),
            })
            .collect(),
        systems: l
            .systems
            .iter()
            .map(|s| SystemIn {
                id: s.id.clone(),
                name: (!s.name.is_empty()).then(|| s.name.clone()),
                owner: s.owner.clone(),
            })
            .collect(),
        datasets: l
            .datasets()
            .map(|d| DatasetIn {
                id: d.full_id(),
                system: d.system.id.clone(),
                source: d.dataset.source,
                stale_after: d.dataset.stale_after_minutes.map(i64::from),
                owner: d.dataset.owner.clone(),
            })
            .collect(),
        flows: l.flows.iter().map(flow).collect(),
        monitors: l.monitors.iter().map(monitor).collect(),
        processes: l
            .processes
            .iter()
            .map(|p| ProcessIn {
                id: p.id.clone(),
                owner: p.owner.clone(),
                deps: p
                    .dependencies
                    .iter()
                    .map(|d| DepIn {
                        dataset: d.dataset.clone(),
                        max_age: i64::from(d.max_age_minutes),
                        min_completeness: d.min_completeness,
                    })
                    .collect(),
                calendar: calendar(&p.calendar),
                notice_after: p.notice_after_minutes.map(i64::from),
            })
            .collect(),
        settings: settings(&l.settings),
        scenarios: vec![ScenarioIn {
            id: sc.id.clone(),
            name: (!sc.name.is_empty()).then(|| sc.name.clone()),
            deadline: sc.deadline,
            faults: sc.faults.iter().map(fault).collect(),
            settings: overrides(&sc.settings),
            controls: sc
                .controls
                .iter()
                .map(|c| ControlIn {
                    name: c.name.clone(),
                    changes: c.changes.iter().map(change).collect(),
                })
                .collect(),
        }],
    })
}
