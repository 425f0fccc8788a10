//! Every number of a document has a meaning and a range: positions are finite canvas
//! coordinates, times lie within eight weeks of week 0, the simulated span is at most eight
//! weeks, durations at most eight weeks, retries at most 100 attempts, fractions between 0 and 1;
//! ids and names have a bounded length and systems a name. A value outside its range is an
//! error finding (code `out-of-range`, or `empty-name`) naming the field and the allowed range,
//! so nothing downstream (designer, simulation, exports) ever sees it.
//!
//! Depends on the other `model` files only.

use super::flow::{Flow, Retry, Schedule};
use super::landscape::Landscape;
use super::process::{Monitor, MonitorCheck};
use super::scenario::{Change, FaultKind, FlowPatch, Settings};
use super::system::Position;
use super::validate::{Finding, Severity};

/// Minutes in a week.
pub const WEEK_MINUTES: i64 = 7 * 1440;
/// The longest simulated span (`sim_start` to `horizon_end`) and the longest duration: 8 weeks.
pub const MAX_SPAN_MINUTES: i64 = 8 * WEEK_MINUTES;
/// Times (sim_start, horizons, fault starts and ends, deadlines) lie within ± this of week 0.
pub const MAX_TIME_MINUTES: i64 = 8 * WEEK_MINUTES;
/// The most attempts of a retry policy, the first included.
pub const MAX_ATTEMPTS: u32 = 100;
/// The largest retry backoff growth factor.
pub const MAX_RETRY_FACTOR: f64 = 100.0;
/// Canvas coordinates lie within ± this.
pub const MAX_COORDINATE: f32 = 1.0e6;
/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 128;
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 256;

/// The code of a finding about a number, length or time out of its range.
pub const OUT_OF_RANGE: &str = "out-of-range";

/// The range findings of a landscape (unsorted).
pub fn range_findings(landscape: &Landscape) -> Vec<Finding> {
    let mut check = Ranges::default();
    check.names_and_positions(landscape);
    check.settings("landscape", &landscape.name, &landscape.settings);
    for flow in &landscape.flows {
        check.flow(flow);
    }
    for monitor in &landscape.monitors {
        check.monitor("monitor", &monitor.id, monitor);
    }
    check.processes(landscape);
    check.scenarios(landscape);
    check.findings
}

#[derive(Default)]
struct Ranges {
    findings: Vec<Finding>,
}

/// Where a value sits: the entity's kind and id, and the field.
type At<'a> = (&'static str, &'a str, &'static str);

impl Ranges {
    fn out_of_range(&mut self, (kind, id, field): At, value: &str, range: &str) {
        self.findings.push(Finding {
            severity: Severity::Error,
            code: OUT_OF_RANGE,
            entity_kind: kind,
            entity_id: id.to_owned(),
            message: format!("{field} = {value} is out of range; allowed: {range}"),
            field: Some(field),
        });
    }

    fn time(&mut self, at: At, value: i64) {
        if value.unsigned_abs() > MAX_TIME_MINUTES.unsigned_abs() {
            let range = format!(
                "{} to {} minutes since Monday 00:00 of week 0 (8 weeks either way)",
                -MAX_TIME_MINUTES, MAX_TIME_MINUTES
            );
            self.out_of_range(at, &value.to_string(), &range);
        }
    }

    fn minutes(&mut self, at: At, value: u32) {
        if i64::from(value) > MAX_SPAN_MINUTES {
            let range = format!("0 to {MAX_SPAN_MINUTES} minutes (8 weeks)");
            self.out_of_range(at, &value.to_string(), &range);
        }
    }

    fn period(&mut self, at: At, value: u32) {
        if value == 0 || i64::from(value) > MAX_SPAN_MINUTES {
            let range = format!("1 to {MAX_SPAN_MINUTES} minutes (8 weeks)");
            self.out_of_range(at, &value.to_string(), &range);
        }
    }

    fn fraction(&mut self, at: At, value: f64) {
        if !(0.0..=1.0).contains(&value) {
            self.out_of_range(at, &value.to_string(), "a fraction from 0 to 1");
        }
    }

    fn length(&mut self, at: At, text: &str, max: usize) {
        let chars = text.chars().count();
        if chars > max {
            self.out_of_range(
                at,
                &format!("a text of {chars} characters"),
                &format!("at most {max} characters"),
            );
        }
    }

    fn position(&mut self, kind: &'static str, id: &str, position: Position) {
        for (field, value) in [("position.x", position.x), ("position.y", position.y)] {
            if !value.is_finite() || value.abs() > MAX_COORDINATE {
                let range = format!(
                    "a finite number from {} to {}",
                    -MAX_COORDINATE, MAX_COORDINATE
                );
                self.out_of_range((kind, id, field), &value.to_string(), &range);
            }
        }
    }

    fn names_and_positions(&mut self, l: &Landscape) {
        self.length(("landscape", &l.name, "name"), &l.name, MAX_NAME_CHARS);
        for team in &l.teams {
            self.length(("team", &team.id, "id"), &team.id, MAX_ID_CHARS);
            self.length(("team", &team.id, "name"), &team.name, MAX_NAME_CHARS);
        }
        for system in &l.systems {
            let id = system.id.as_str();
            self.length(("system", id, "id"), id, MAX_ID_CHARS);
            self.length(("system", id, "name"), &system.name, MAX_NAME_CHARS);
            if system.name.trim().is_empty() {
                self.findings.push(Finding {
                    severity: Severity::Error,
                    code: "empty-name",
                    entity_kind: "system",
                    entity_id: id.to_owned(),
                    message:
                        "name is empty; give the system a name (exports name resources after it)"
                            .to_owned(),
                    field: Some("name"),
                });
            }
            self.position("system", id, system.position);
            for dataset in &system.datasets {
                let full = format!("{id}.{}", dataset.id);
                self.length(("dataset", &full, "id"), &dataset.id, MAX_ID_CHARS);
                self.length(("dataset", &full, "name"), &dataset.name, MAX_NAME_CHARS);
                if let Some(stale) = dataset.stale_after_minutes {
                    self.minutes(("dataset", &full, "stale_after_minutes"), stale);
                }
            }
        }
    }

    fn settings(&mut self, kind: &'static str, id: &str, s: &Settings) {
        self.time((kind, id, "sim_start"), s.sim_start);
        self.time((kind, id, "horizon_start"), s.horizon_start);
        self.time((kind, id, "horizon_end"), s.horizon_end);
        let span = i128::from(s.horizon_end) - i128::from(s.sim_start);
        if span > i128::from(MAX_SPAN_MINUTES) {
            self.out_of_range(
                (kind, id, "horizon_end"),
                &format!("{} ({span} minutes after sim_start)", s.horizon_end),
                &format!(
                    "at most {MAX_SPAN_MINUTES} minutes (8 weeks) from sim_start to horizon_end"
                ),
            );
        }
        self.minutes((kind, id, "alert_delay_minutes"), s.alert_delay_minutes);
        self.minutes((kind, id, "triage_minutes"), s.triage_minutes);
        self.minutes(
            (kind, id, "triage_lineage_minutes"),
            s.triage_lineage_minutes,
        );
        self.minutes(
            (kind, id, "no_owner_delay_minutes"),
            s.no_owner_delay_minutes,
        );
    }

    fn flow(&mut self, flow: &Flow) {
        let id = flow.id.as_str();
        self.length(("flow", id, "id"), id, MAX_ID_CHARS);
        self.length(("flow", id, "name"), &flow.name, MAX_NAME_CHARS);
        self.schedule("flow", id, &flow.schedule);
        self.minutes(("flow", id, "duration_minutes"), flow.duration_minutes);
        self.retry("flow", id, &flow.retry);
        if let Some(alarm) = flow.queue_age_alarm_minutes {
            self.minutes(("flow", id, "queue_age_alarm_minutes"), alarm);
        }
        self.fraction(("flow", id, "loss"), flow.loss);
    }

    fn schedule(&mut self, kind: &'static str, id: &str, schedule: &Schedule) {
        match schedule {
            Schedule::Cron { .. } => {}
            Schedule::Every {
                every_minutes,
                offset_minutes,
            } => {
                self.period((kind, id, "schedule.every_minutes"), *every_minutes);
                self.minutes((kind, id, "schedule.offset_minutes"), *offset_minutes);
            }
            Schedule::Stream { latency_minutes } => {
                self.minutes((kind, id, "schedule.latency_minutes"), *latency_minutes);
            }
        }
    }

    fn retry(&mut self, kind: &'static str, id: &str, retry: &Retry) {
        if !(1..=MAX_ATTEMPTS).contains(&retry.max_attempts) {
            self.out_of_range(
                (kind, id, "retry.max_attempts"),
                &retry.max_attempts.to_string(),
                &format!("1 to {MAX_ATTEMPTS} attempts, the first included"),
            );
        }
        self.minutes((kind, id, "retry.base_minutes"), retry.base_minutes);
        self.minutes((kind, id, "retry.cap_minutes"), retry.cap_minutes);
        if !(1.0..=MAX_RETRY_FACTOR).contains(&retry.factor) {
            self.out_of_range(
                (kind, id, "retry.factor"),
                &retry.factor.to_string(),
                &format!("a finite number from 1 to {MAX_RETRY_FACTOR}"),
            );
        }
    }

    fn monitor(&mut self, kind: &'static str, id: &str, monitor: &Monitor) {
        self.length((kind, id, "id"), &monitor.id, MAX_ID_CHARS);
        self.period((kind, id, "every_minutes"), monitor.every_minutes);
        self.minutes((kind, id, "offset_minutes"), monitor.offset_minutes);
        match monitor.check {
            MonitorCheck::Freshness { max_age_minutes } => {
                self.minutes((kind, id, "check.max_age_minutes"), max_age_minutes);
            }
            MonitorCheck::Volume { min_completeness } => {
                self.fraction((kind, id, "check.min_completeness"), min_completeness);
            }
            MonitorCheck::Quality { max_detectability }
                if !(1..=3).contains(&max_detectability) =>
            {
                self.out_of_range(
                    (kind, id, "check.max_detectability"),
                    &max_detectability.to_string(),
                    "1 (schema), 2 (values) or 3 (humans only)",
                );
            }
            MonitorCheck::Quality { .. } => {}
        }
    }

    fn processes(&mut self, l: &Landscape) {
        for process in &l.processes {
            let id = process.id.as_str();
            self.length(("process", id, "id"), id, MAX_ID_CHARS);
            self.length(("process", id, "name"), &process.name, MAX_NAME_CHARS);
            self.position("process", id, process.position);
            if let Some(notice) = process.notice_after_minutes {
                self.minutes(("process", id, "notice_after_minutes"), notice);
            }
            for dependency in &process.dependencies {
                self.minutes(
                    ("process", id, "max_age_minutes"),
                    dependency.max_age_minutes,
                );
                self.fraction(
                    ("process", id, "min_completeness"),
                    dependency.min_completeness,
                );
            }
        }
    }

    fn scenarios(&mut self, l: &Landscape) {
        for scenario in &l.scenarios {
            let id = scenario.id.as_str();
            self.length(("scenario", id, "id"), id, MAX_ID_CHARS);
            let applied = scenario.settings.apply_to(&l.settings);
            self.settings("scenario", id, &applied);
            if let Some(deadline) = scenario.deadline {
                self.time(("scenario", id, "deadline"), deadline);
            }
            for fault in &scenario.faults {
                let fid = fault.id.as_str();
                self.time(("fault", fid, "start"), fault.start);
                if fault.start >= applied.horizon_end {
                    self.findings.push(Finding {
                        severity: Severity::Warning,
                        code: "fault-outside-horizon",
                        entity_kind: "fault",
                        entity_id: fid.to_owned(),
                        message: format!(
                            "the fault starts at minute {}, at or after the horizon ends (minute {}): the simulation never sees it; start it earlier or extend horizon_end",
                            fault.start, applied.horizon_end
                        ),
                        field: Some("start"),
                    });
                }
                if let Some(end) = fault.end {
                    self.time(("fault", fid, "end"), end);
                }
                self.minutes(("fault", fid, "repair_minutes"), fault.repair_minutes);
                match fault.kind {
                    FaultKind::Partial { fraction } => {
                        self.fraction(("fault", fid, "fraction"), fraction);
                    }
                    FaultKind::Delay { minutes } => {
                        self.minutes(("fault", fid, "minutes"), minutes);
                    }
                    _ => {}
                }
            }
            for control in &scenario.controls {
                for change in &control.changes {
                    self.change(&applied, id, change);
                }
            }
        }
    }

    fn change(&mut self, applied: &Settings, scenario: &str, change: &Change) {
        match change {
            Change::Flow { set, .. } => self.flow_patch(scenario, set),
            Change::AddMonitor(monitor) => self.monitor("scenario", scenario, monitor),
            Change::Settings(overrides) => {
                self.settings("scenario", scenario, &overrides.apply_to(applied));
            }
            Change::Team { .. } => {}
        }
    }

    fn flow_patch(&mut self, scenario: &str, set: &FlowPatch) {
        if let Some(schedule) = &set.schedule {
            self.schedule("scenario", scenario, schedule);
        }
        if let Some(duration) = set.duration_minutes {
            self.minutes(("scenario", scenario, "duration_minutes"), duration);
        }
        if let Some(retry) = &set.retry {
            self.retry("scenario", scenario, retry);
        }
        if let Some(alarm) = set.queue_age_alarm_minutes {
            self.minutes(("scenario", scenario, "queue_age_alarm_minutes"), alarm);
        }
        if let Some(loss) = set.loss {
            self.fraction(("scenario", scenario, "loss"), loss);
        }
    }
}
