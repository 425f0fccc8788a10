//! The nominal (fault-free) freshness of every dataset: how old its data gets when every flow
//! runs on schedule, following `simulation.md` §5.5 (`nominal`).
//!
//! A simple bound "input bound + period + duration" would add up the worst case of every step
//! and ignore the phase of the schedules: in the seafood model it puts `DWH.stock` at 2930
//! minutes although the 01:00 load reads stock exported at 23:00, so its data is never older
//! than 1589 minutes (and the model's baseline is clean). So the age is evaluated instead: a
//! batch commit at `fire + duration` carries the oldest `as_of` of its inputs at `fire`, and a
//! stream forwards its input `latency` minutes later. Ages are measured at every minute of the
//! reporting window `[horizon_start, horizon_end)` of the settings, after the warm-up from
//! `sim_start`, exactly as the engine's baseline would see them.
//!
//! Depends on `model` only.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::model::time::DAY_MINUTES;
use crate::model::{Calendar, Flow, Landscape, Schedule, SimTime};

/// The watermark of a dataset over the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Watermark {
    /// Always live with this lag (a source, or streams from a source).
    Live(SimTime),
    /// Fixed data: from each time on (ascending), the data describes the given `as_of`.
    Steps(Vec<(SimTime, SimTime)>),
}

impl Watermark {
    /// `asof(t)` of `simulation.md` §4.
    pub fn as_of_at(&self, t: SimTime) -> SimTime {
        match self {
            Self::Live(lag) => t - lag,
            Self::Steps(steps) => {
                let index = steps.partition_point(|(from, _)| *from <= t);
                match index.checked_sub(1).and_then(|i| steps.get(i)) {
                    Some((_, as_of)) => *as_of,
                    None => steps.first().map_or(t, |(from, _)| *from),
                }
            }
        }
    }

    /// The largest age at a minute of `[start, end)`, counting only minutes when `calendar` is
    /// open (every minute when it is `None`). `None` when no minute counts.
    pub fn max_age(
        &self,
        start: SimTime,
        end: SimTime,
        calendar: Option<&Calendar>,
    ) -> Option<SimTime> {
        match self {
            Self::Live(lag) => {
                let any_open = calendar.is_none_or(|c| last_open_in(c, start, end - 1).is_some());
                (start < end && any_open).then_some(*lag)
            }
            Self::Steps(steps) => {
                let mut best: Option<SimTime> = None;
                for (i, (from, as_of)) in steps.iter().enumerate() {
                    let until = steps.get(i + 1).map_or(end, |(next, _)| *next);
                    let (lo, hi) = ((*from).max(start), until.min(end));
                    if lo >= hi {
                        continue;
                    }
                    let last = match calendar {
                        Some(c) => last_open_in(c, lo, hi - 1),
                        None => Some(hi - 1),
                    };
                    if let Some(minute) = last {
                        best = Some(best.map_or(minute - as_of, |b| b.max(minute - as_of)));
                    }
                }
                best
            }
        }
    }
}

/// The nominal watermark of every dataset that a chain of flows from sources determines,
/// keyed by full dataset id. Datasets on a cycle, downstream of one, or with neither a producer
/// nor the source flag are left out (validation reports them).
pub fn watermarks(landscape: &Landscape) -> BTreeMap<String, Watermark> {
    let (sim_start, end) = evaluation_window(landscape);
    let mut result: BTreeMap<String, Watermark> = BTreeMap::new();
    for dataset in landscape.datasets() {
        if dataset.dataset.source {
            result.insert(dataset.full_id(), Watermark::Live(0));
        }
    }
    for flow in topological_flows(landscape) {
        if result.contains_key(&flow.output) {
            continue;
        }
        let inputs: Option<Vec<&Watermark>> = flow.inputs.iter().map(|i| result.get(i)).collect();
        let Some(inputs) = inputs else {
            continue;
        };
        let watermark = match &flow.schedule {
            Schedule::Stream { latency_minutes } => {
                let latency = SimTime::from(*latency_minutes);
                match inputs.first() {
                    Some(Watermark::Live(lag)) => Watermark::Live(lag + latency),
                    Some(Watermark::Steps(steps)) => Watermark::Steps(
                        steps
                            .iter()
                            .enumerate()
                            .map(|(i, (from, as_of))| {
                                let shifted = if i == 0 { *from } else { from + latency };
                                (shifted, *as_of)
                            })
                            .collect(),
                    ),
                    None => continue,
                }
            }
            schedule => {
                let duration = SimTime::from(flow.duration_minutes);
                let mut steps = vec![(sim_start, sim_start)];
                for fire in fires(schedule, sim_start, end) {
                    let as_of = inputs
                        .iter()
                        .map(|w| w.as_of_at(fire))
                        .min()
                        .unwrap_or(fire);
                    steps.push((fire + duration, as_of));
                }
                Watermark::Steps(steps)
            }
        };
        result.insert(flow.output.clone(), watermark);
    }
    result
}

/// The longest stretch of simulated time the analysis evaluates (five weeks), so that a hostile
/// horizon cannot make lint hang; real documents use 10 days (`simulation.md` §3.7).
pub const MAX_WINDOW_MINUTES: SimTime = 5 * 7 * DAY_MINUTES;

/// `(sim_start, end)` of the evaluation: the settings' warm-up start and horizon end, the end
/// clamped to [`MAX_WINDOW_MINUTES`] after the start.
pub fn evaluation_window(landscape: &Landscape) -> (SimTime, SimTime) {
    let settings = &landscape.settings;
    let start = settings.sim_start;
    (
        start,
        settings
            .horizon_end
            .min(start.saturating_add(MAX_WINDOW_MINUTES)),
    )
}

/// The reporting window `[horizon_start, horizon_end)` in which ages count, clamped like
/// [`evaluation_window`].
pub fn reporting_window(landscape: &Landscape) -> (SimTime, SimTime) {
    let (start, end) = evaluation_window(landscape);
    (landscape.settings.horizon_start.max(start).min(end), end)
}

/// The largest nominal age of each dataset over the reporting window, keyed by full id.
pub fn max_ages(landscape: &Landscape) -> BTreeMap<String, SimTime> {
    let (start, end) = reporting_window(landscape);
    watermarks(landscape)
        .into_iter()
        .filter_map(|(id, w)| w.max_age(start, end, None).map(|age| (id, age)))
        .collect()
}

/// The flows whose inputs do not (transitively) depend on their own output, in an order where
/// every producer comes before its consumers (Kahn's algorithm over datasets, ties by flow id).
fn topological_flows(landscape: &Landscape) -> Vec<&Flow> {
    let mut flows: Vec<&Flow> = landscape.flows.iter().collect();
    flows.sort_by(|a, b| a.id.cmp(&b.id));
    let produced: BTreeSet<&str> = flows.iter().map(|f| f.output.as_str()).collect();
    let mut waiting: Vec<usize> = flows
        .iter()
        .map(|f| {
            f.inputs
                .iter()
                .filter(|i| produced.contains(i.as_str()))
                .count()
        })
        .collect();
    let mut readers: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, flow) in flows.iter().enumerate() {
        for input in &flow.inputs {
            if produced.contains(input.as_str()) {
                readers.entry(input.as_str()).or_default().push(index);
            }
        }
    }
    let mut ready: VecDeque<usize> = (0..flows.len()).filter(|i| waiting[*i] == 0).collect();
    let mut order = Vec::with_capacity(flows.len());
    while let Some(index) = ready.pop_front() {
        order.push(flows[index]);
        for reader in readers
            .get(flows[index].output.as_str())
            .into_iter()
            .flatten()
        {
            waiting[*reader] -= 1;
            if waiting[*reader] == 0 {
                ready.push_back(*reader);
            }
        }
    }
    order
}

/// The fire times of a batch schedule in `[start, end)`, ascending.
pub fn fires(schedule: &Schedule, start: SimTime, end: SimTime) -> Vec<SimTime> {
    let mut result = Vec::new();
    match schedule {
        Schedule::Cron { times, days } => {
            let mut minutes: Vec<SimTime> = times.iter().map(|t| SimTime::from(t.0)).collect();
            minutes.sort_unstable();
            minutes.dedup();
            let weekdays: BTreeSet<u8> = days.iter().map(|d| d.index()).collect();
            for day in start.div_euclid(DAY_MINUTES)..=end.div_euclid(DAY_MINUTES) {
                if !weekdays.contains(&(day.rem_euclid(7) as u8)) {
                    continue;
                }
                for minute in &minutes {
                    let t = day * DAY_MINUTES + minute;
                    if t >= start && t < end {
                        result.push(t);
                    }
                }
            }
            result.sort_unstable();
        }
        Schedule::Every {
            every_minutes,
            offset_minutes,
        } => {
            let every = SimTime::from((*every_minutes).max(1));
            let offset = SimTime::from(*offset_minutes);
            let mut t = offset + every * (start - offset).div_euclid(every);
            if t < start {
                t += every;
            }
            while t < end {
                result.push(t);
                t += every;
            }
        }
        Schedule::Stream { .. } => {}
    }
    result
}

/// The last minute in `[lo, hi]` at which the calendar is open.
fn last_open_in(calendar: &Calendar, lo: SimTime, hi: SimTime) -> Option<SimTime> {
    if lo > hi {
        return None;
    }
    let windows = calendar.windows();
    let mut day = hi.div_euclid(DAY_MINUTES);
    while day >= lo.div_euclid(DAY_MINUTES) {
        let weekday = day.rem_euclid(7) as u8;
        let mut best: Option<SimTime> = None;
        for window in &windows {
            if window.start >= window.end || !window.days.iter().any(|d| d.index() == weekday) {
                continue;
            }
            let open = day * DAY_MINUTES + SimTime::from(window.start.0);
            let last = (day * DAY_MINUTES + SimTime::from(window.end.0) - 1).min(hi);
            if last >= open.max(lo) {
                best = Some(best.map_or(last, |b| b.max(last)));
            }
        }
        if best.is_some() {
            return best;
        }
        day -= 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, System, TimeOfDay, Weekday, Window};

    fn landscape(flows: Vec<Flow>) -> Landscape {
        let mut l = Landscape {
            systems: vec![System {
                id: "S".to_owned(),
                datasets: ["src", "a", "b", "c"]
                    .iter()
                    .map(|id| Dataset {
                        id: (*id).to_owned(),
                        source: *id == "src",
                        ..Dataset::default()
                    })
                    .collect(),
                ..System::default()
            }],
            flows,
            ..Landscape::default()
        };
        l.settings.sim_start = 0;
        l.settings.horizon_start = 4320;
        l.settings.horizon_end = 14400;
        l
    }

    fn daily(id: &str, input: &str, output: &str, at: u16, duration: u32) -> Flow {
        Flow {
            id: id.to_owned(),
            inputs: vec![input.to_owned()],
            output: output.to_owned(),
            schedule: Schedule::Cron {
                times: vec![TimeOfDay(at)],
                days: Weekday::ALL.to_vec(),
            },
            duration_minutes: duration,
            ..Flow::default()
        }
    }

    #[test]
    fn daily_export_from_a_source_ages_a_day_plus_its_duration() {
        let l = landscape(vec![daily("F1", "S.src", "S.a", 1380, 20)]);
        assert_eq!(max_ages(&l).get("S.a"), Some(&1459));
    }

    #[test]
    fn a_chained_batch_adds_only_the_phase_gap() {
        // 23:00 export, 01:00 load: the load reads two-hour-old data, not a day-old one.
        let l = landscape(vec![
            daily("F1", "S.src", "S.a", 1380, 20),
            daily("F2", "S.a", "S.b", 60, 30),
        ]);
        assert_eq!(max_ages(&l).get("S.b"), Some(&(1440 + 30 + 120 - 1)));
    }

    #[test]
    fn streams_add_their_latency() {
        let mut stream = daily("F2", "S.a", "S.b", 0, 0);
        stream.schedule = Schedule::Stream { latency_minutes: 5 };
        let mut live = daily("F3", "S.src", "S.c", 0, 0);
        live.schedule = Schedule::Stream { latency_minutes: 2 };
        let l = landscape(vec![daily("F1", "S.src", "S.a", 1380, 20), stream, live]);
        let ages = max_ages(&l);
        assert_eq!(ages.get("S.b"), Some(&(1459 + 5)));
        assert_eq!(ages.get("S.c"), Some(&2));
    }

    #[test]
    fn calendars_limit_the_minutes_that_count() {
        let l = landscape(vec![daily("F1", "S.src", "S.a", 1380, 20)]);
        let marks = watermarks(&l);
        let Some(mark) = marks.get("S.a") else {
            panic!("S.a has a watermark");
        };
        let office = Calendar::Windows(vec![Window {
            days: Weekday::WORKDAYS.to_vec(),
            start: TimeOfDay(7 * 60),
            end: TimeOfDay(17 * 60),
        }]);
        // At 16:59 the data of 23:00 the day before is 17h59m old.
        assert_eq!(mark.max_age(4320, 14400, Some(&office)), Some(1079));
    }

    #[test]
    fn cycles_get_no_watermark() {
        let l = landscape(vec![
            daily("F1", "S.a", "S.b", 60, 10),
            daily("F2", "S.b", "S.a", 120, 10),
        ]);
        assert!(watermarks(&l).keys().all(|k| k == "S.src"));
    }

    #[test]
    fn a_hostile_horizon_is_clamped() {
        let mut l = landscape(vec![daily("F1", "S.src", "S.a", 1380, 20)]);
        l.settings.horizon_end = SimTime::MAX;
        assert_eq!(evaluation_window(&l), (0, MAX_WINDOW_MINUTES));
        assert_eq!(max_ages(&l).get("S.a"), Some(&1459));
    }

    #[test]
    fn every_schedules_fire_on_their_grid() {
        let every = Schedule::Every {
            every_minutes: 60,
            offset_minutes: 15,
        };
        assert_eq!(fires(&every, 0, 200), [15, 75, 135, 195]);
        assert_eq!(fires(&every, 16, 80), [75]);
    }
}
