//! The faults a sweep injects: one per flow and kind, with fixed, documented parameters, and the
//! start times it tries (`--at "Fri 22:00"` or `--at worst`).

use serde::{Deserialize, Serialize};

use crate::model::time::{DAY_MINUTES, TimeOfDay, Weekday};

use super::SweepError;

/// Repair work once a repair has started: the default of `simulation.md` §3.6 (and of S1).
pub const DEFAULT_REPAIR_MINUTES: i64 = 60;
/// A `partial` fault keeps half of the records.
pub const PARTIAL_FRACTION: f64 = 0.5;
/// A `delay` fault commits two hours late (and blocks a stream for two hours).
pub const DELAY_MINUTES: i64 = 120;
/// A `semantic` fault is seen by a value/range check (the default of §3.6).
pub const SEMANTIC_DETECTABILITY: i64 = 2;
/// With `--at worst`, a stream is tried at every hour of the week.
pub const STREAM_TRY_EVERY: i64 = 60;
/// Minutes in a week.
pub const WEEK_MINUTES: i64 = 7 * DAY_MINUTES;

/// A fault kind the sweep can inject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SweepKind {
    Fail,
    Silent,
    Partial,
    Delay,
    Semantic,
}

impl SweepKind {
    /// Every kind, in the order of `simulation.md` §3.6.
    pub const ALL: [SweepKind; 5] = [
        SweepKind::Fail,
        SweepKind::Silent,
        SweepKind::Partial,
        SweepKind::Delay,
        SweepKind::Semantic,
    ];

    /// `fail`, `silent`, `partial`, `delay` or `semantic`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Fail => "fail",
            Self::Silent => "silent",
            Self::Partial => "partial",
            Self::Delay => "delay",
            Self::Semantic => "semantic",
        }
    }

    /// Parses a comma-separated list such as `fail,silent`; duplicates are dropped, the order
    /// is the order of [`SweepKind::ALL`].
    pub fn parse_list(text: &str) -> Result<Vec<SweepKind>, SweepError> {
        let mut out = Vec::new();
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let kind = Self::ALL
                .into_iter()
                .find(|k| k.name() == word)
                .ok_or_else(|| {
                    SweepError(format!(
                        "unknown fault kind '{word}': use fail, silent, partial, delay or semantic"
                    ))
                })?;
            out.push(kind);
        }
        if out.is_empty() {
            return Err(SweepError(
                "no fault kind given: use e.g. --kinds fail,silent".to_owned(),
            ));
        }
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }
}

/// The first state a fault leaves on a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadState {
    Stale,
    Partial,
    Corrupt,
}

/// When the sweep starts its faults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartChoice {
    /// A weekday and time, e.g. `Fri 22:00`: the first such minute in the horizon.
    At { weekday: Weekday, minute: i64 },
    /// Every scheduled run of the flow in the week; the worst is kept.
    Worst,
}

impl StartChoice {
    /// Parses `"Fri 22:00"` or `worst`.
    pub fn parse(text: &str) -> Result<Self, SweepError> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("worst") {
            return Ok(Self::Worst);
        }
        let invalid = || {
            SweepError(format!(
                "invalid start '{text}': write a weekday and a time such as \"Fri 22:00\", or worst"
            ))
        };
        let (day, time) = text.split_once(' ').ok_or_else(invalid)?;
        let weekday = Weekday::ALL
            .into_iter()
            .find(|w| w.short_name().eq_ignore_ascii_case(day.trim()))
            .ok_or_else(invalid)?;
        let time = TimeOfDay::parse(time.trim()).map_err(|_| invalid())?;
        if time.minutes() >= 1440 {
            return Err(invalid());
        }
        Ok(Self::At {
            weekday,
            minute: i64::from(time.minutes()),
        })
    }

    /// The label written in reports: `Fri 22:00` or `worst`.
    pub fn label(self) -> String {
        match self {
            Self::At { weekday, minute } => {
                format!(
                    "{} {:02}:{:02}",
                    weekday.short_name(),
                    minute / 60,
                    minute % 60
                )
            }
            Self::Worst => "worst".to_owned(),
        }
    }

    /// The first minute at or after `horizon_start` with this weekday and time.
    pub fn first_in(weekday: Weekday, minute: i64, horizon_start: i64) -> i64 {
        let base = i64::from(weekday.index()) * DAY_MINUTES + minute;
        let weeks = (horizon_start - base).div_euclid(WEEK_MINUTES);
        let mut t = base + weeks * WEEK_MINUTES;
        while t < horizon_start {
            t += WEEK_MINUTES;
        }
        t
    }
}

/// One injected fault.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultSpec {
    pub flow: String,
    pub kind: SweepKind,
    pub start: i64,
    pub repair_minutes: i64,
}

impl FaultSpec {
    /// The fault id: `sweep-<flow>-<kind>`.
    pub fn id(&self) -> String {
        format!("sweep-{}-{}", self.flow, self.kind.name())
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "tests fail loudly")]
mod tests {
    use super::*;

    #[test]
    fn friday_night_is_the_golden_start() {
        let StartChoice::At { weekday, minute } = StartChoice::parse("Fri 22:00").unwrap() else {
            panic!("not a time");
        };
        assert_eq!(StartChoice::first_in(weekday, minute, 4320), 7080);
        let StartChoice::At { weekday, minute } = StartChoice::parse("mon 08:00").unwrap() else {
            panic!("not a time");
        };
        assert_eq!(StartChoice::first_in(weekday, minute, 4320), 10560);
        assert_eq!(StartChoice::parse("worst").unwrap(), StartChoice::Worst);
        assert!(StartChoice::parse("Fry 22:00").is_err());
        assert!(StartChoice::parse("Fri 24:00").is_err());
    }

    #[test]
    fn kinds_parse_in_canonical_order() {
        let k = SweepKind::parse_list("silent,fail,silent").unwrap();
        assert_eq!(k, vec![SweepKind::Fail, SweepKind::Silent]);
        assert!(SweepKind::parse_list("boom").is_err());
        assert!(SweepKind::parse_list("").is_err());
    }
}
