//! The one schedule grammar of `exports.md` §1.5, used by diagram labels, export extensions and
//! the Mermaid import:
//!
//! ```text
//! schedule := "stream" [ " " INT "m" ]
//!           | "every " INT "m" [ " +" INT "m" ]
//!           | "cron " F " " F " " F " " F " " F
//! ```
//!
//! The model stores a cron schedule as times of day and weekdays, so a cron text is built from
//! them: `cron <minutes> <hours> * * <weekdays>` (weekday 0 = Sunday, as in cron). A set of
//! times that is not the product of its minutes and hours (02:00 and 14:30) has no exact cron
//! text; [`schedule_text`] then says so, and the caller warns.
//!
//! Depends on `model` only.

use std::collections::BTreeSet;

use crate::model::{Schedule, TimeOfDay, Weekday};

/// A schedule written in the §1.5 grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleText {
    pub text: String,
    /// False when the text describes more (or other) run times than the schedule has.
    pub exact: bool,
}

/// Writes a schedule in the §1.5 grammar: `stream`, `stream 1m`, `every 60m +5m`,
/// `cron 0 2 * * *`.
pub fn schedule_text(schedule: &Schedule) -> ScheduleText {
    match schedule {
        Schedule::Stream { latency_minutes } => ScheduleText {
            text: if *latency_minutes > 0 {
                format!("stream {latency_minutes}m")
            } else {
                "stream".to_owned()
            },
            exact: true,
        },
        Schedule::Every {
            every_minutes,
            offset_minutes,
        } => ScheduleText {
            text: if *offset_minutes > 0 {
                format!("every {every_minutes}m +{offset_minutes}m")
            } else {
                format!("every {every_minutes}m")
            },
            exact: true,
        },
        Schedule::Cron { times, days } => cron_text(times, days),
    }
}

fn cron_text(times: &[TimeOfDay], days: &[Weekday]) -> ScheduleText {
    let minutes_of_day: BTreeSet<u32> = times.iter().map(|t| u32::from(t.0) % 1440).collect();
    let minutes: BTreeSet<u32> = minutes_of_day.iter().map(|m| m % 60).collect();
    let hours: BTreeSet<u32> = minutes_of_day.iter().map(|m| m / 60).collect();
    let mut exact = !minutes_of_day.is_empty()
        && minutes.len() * hours.len() == minutes_of_day.len()
        && times.iter().all(|t| t.0 < 1440);
    let (minute_field, hour_field) = if minutes_of_day.is_empty() {
        exact = false;
        ("0".to_owned(), "0".to_owned())
    } else {
        (field_text(&minutes, 60), field_text(&hours, 24))
    };
    let day_set: BTreeSet<u32> = days.iter().map(|d| cron_weekday(*d)).collect();
    let day_field = if day_set.is_empty() {
        exact = false;
        "*".to_owned()
    } else {
        field_text(&day_set, 7)
    };
    ScheduleText {
        text: format!("cron {minute_field} {hour_field} * * {day_field}"),
        exact,
    }
}

/// The cron number of a weekday: 0 = Sunday, 1 = Monday, … 6 = Saturday.
fn cron_weekday(day: Weekday) -> u32 {
    (u32::from(day.index()) + 1) % 7
}

/// `*` when every value of `0..count` is present, else a comma list where runs of three or
/// more become `a-b`.
fn field_text(values: &BTreeSet<u32>, count: u32) -> String {
    if values.len() == count as usize {
        return "*".to_owned();
    }
    let mut parts = Vec::new();
    let sorted: Vec<u32> = values.iter().copied().collect();
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start;
        while end + 1 < sorted.len() && sorted[end + 1] == sorted[end] + 1 {
            end += 1;
        }
        if end - start >= 2 {
            parts.push(format!("{}-{}", sorted[start], sorted[end]));
        } else {
            for value in &sorted[start..=end] {
                parts.push(value.to_string());
            }
        }
        start = end + 1;
    }
    parts.join(",")
}

/// Reads a schedule text. `None` when the text does not have the shape of the grammar;
/// `Some(Err(reason))` when it has the shape but impossible values (`every 0m`, `cron 61 * * * *`).
pub fn parse_schedule_text(text: &str) -> Option<Result<Schedule, String>> {
    if text == "stream" {
        return Some(Ok(Schedule::Stream { latency_minutes: 0 }));
    }
    if let Some(rest) = text.strip_prefix("stream ") {
        let latency = minutes_token(rest)?;
        return Some(
            latency
                .map(|latency_minutes| Schedule::Stream { latency_minutes })
                .ok_or_else(|| format!("latency \"{rest}\" is too large")),
        );
    }
    if let Some(rest) = text.strip_prefix("every ") {
        let (every, offset) = match rest.split_once(" +") {
            Some((every, offset)) => (every, Some(offset)),
            None => (rest, None),
        };
        let every_minutes = minutes_token(every)?;
        let offset_minutes = match offset {
            Some(offset) => minutes_token(offset)?,
            None => Some(0),
        };
        return Some(match (every_minutes, offset_minutes) {
            (Some(0), _) => Err("\"every 0m\" never runs; the interval must be at least 1m".into()),
            (Some(every_minutes), Some(offset_minutes)) => Ok(Schedule::Every {
                every_minutes,
                offset_minutes,
            }),
            _ => Err(format!("\"{text}\" has a number that is too large")),
        });
    }
    let rest = text.strip_prefix("cron ")?;
    let fields: Vec<&str> = rest.split(' ').collect();
    if fields.len() != 5 || fields.iter().any(|f| f.is_empty()) {
        return None;
    }
    Some(parse_cron(&fields))
}

/// `Some(Some(n))` for `<digits>m`, `Some(None)` when the digits overflow, `None` otherwise.
#[expect(
    clippy::option_option,
    reason = "three outcomes: not the shape, too large, a value"
)]
fn minutes_token(token: &str) -> Option<Option<u32>> {
    let digits = token.strip_suffix('m')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse().ok())
}

fn parse_cron(fields: &[&str]) -> Result<Schedule, String> {
    let [minute, hour, day_of_month, month, weekday] = fields else {
        return Err("a cron expression has five fields".into());
    };
    if *day_of_month != "*" || *month != "*" {
        return Err(format!(
            "cron day-of-month \"{day_of_month}\" and month \"{month}\" must be \"*\"; only minutes, hours and weekdays are supported"
        ));
    }
    let minutes = parse_field(minute, 0, 59, "minute")?;
    let hours = parse_field(hour, 0, 23, "hour")?;
    let weekdays = parse_field(weekday, 0, 7, "weekday")?;
    let mut times = Vec::with_capacity(minutes.len() * hours.len());
    for h in &hours {
        for m in &minutes {
            times.push(TimeOfDay((h * 60 + m) as u16));
        }
    }
    times.sort();
    let days: BTreeSet<Weekday> = weekdays
        .iter()
        .filter_map(|d| Weekday::from_index(((d + 6) % 7) as u8))
        .collect();
    Ok(Schedule::Cron {
        times,
        days: days.into_iter().collect(),
    })
}

/// One cron field: `*`, `*/n`, `a`, `a-b`, `a-b/n`, `a/n`, joined by commas.
fn parse_field(text: &str, low: u32, high: u32, what: &str) -> Result<BTreeSet<u32>, String> {
    let invalid = || format!("invalid cron {what} field \"{text}\" (allowed {low}-{high})");
    let mut values = BTreeSet::new();
    for part in text.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((range, step)) => (range, Some(number(step).ok_or_else(invalid)?)),
            None => (part, None),
        };
        let (from, to) = if range == "*" {
            (low, high)
        } else if let Some((a, b)) = range.split_once('-') {
            (
                number(a).ok_or_else(invalid)?,
                number(b).ok_or_else(invalid)?,
            )
        } else {
            let a = number(range).ok_or_else(invalid)?;
            (a, if step.is_some() { high } else { a })
        };
        let step = step.unwrap_or(1);
        if step == 0 || from < low || to > high || from > to {
            return Err(invalid());
        }
        values.extend((from..=to).step_by(step as usize));
    }
    Ok(values)
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cron(times: &[u16], days: &[Weekday]) -> Schedule {
        Schedule::Cron {
            times: times.iter().map(|t| TimeOfDay(*t)).collect(),
            days: days.to_vec(),
        }
    }

    #[test]
    fn examples_of_the_grammar_are_written_as_in_the_spec() {
        let cases = [
            (Schedule::Stream { latency_minutes: 0 }, "stream"),
            (Schedule::Stream { latency_minutes: 1 }, "stream 1m"),
            (
                Schedule::Every {
                    every_minutes: 15,
                    offset_minutes: 0,
                },
                "every 15m",
            ),
            (
                Schedule::Every {
                    every_minutes: 60,
                    offset_minutes: 5,
                },
                "every 60m +5m",
            ),
            (cron(&[120], &Weekday::ALL), "cron 0 2 * * *"),
            (
                cron(&[300, 1020], &Weekday::WORKDAYS),
                "cron 0 5,17 * * 1-5",
            ),
            (
                cron(&[0], &[Weekday::Sat, Weekday::Sun]),
                "cron 0 0 * * 0,6",
            ),
        ];
        for (schedule, text) in cases {
            let written = schedule_text(&schedule);
            assert_eq!(written.text, text);
            assert!(written.exact);
            assert_eq!(parse_schedule_text(text), Some(Ok(schedule)));
        }
    }

    #[test]
    fn times_that_are_no_cron_product_are_flagged_inexact() {
        let written = schedule_text(&cron(&[120, 870], &Weekday::ALL));
        assert_eq!(written.text, "cron 0,30 2,14 * * *");
        assert!(!written.exact);
    }

    #[test]
    fn cron_steps_and_ranges_expand_to_times() {
        let Some(Ok(Schedule::Cron { times, days })) = parse_schedule_text("cron */15 8-9 * * *")
        else {
            panic!("should parse");
        };
        assert_eq!(times.len(), 8);
        assert_eq!(times[1], TimeOfDay(8 * 60 + 15));
        assert_eq!(days, Weekday::ALL.to_vec());
    }

    #[test]
    fn shapes_outside_the_grammar_and_bad_values_are_told_apart() {
        for text in [
            "hourly",
            "every 5",
            "stream 1",
            "cron 0 2 * *",
            "every 5m+1m",
            "",
        ] {
            assert_eq!(parse_schedule_text(text), None, "{text}");
        }
        for text in [
            "every 0m",
            "cron 61 2 * * *",
            "cron 0 2 1 * *",
            "every 99999999999m",
        ] {
            assert!(
                matches!(parse_schedule_text(text), Some(Err(_))),
                "{text} should be rejected"
            );
        }
    }
}
