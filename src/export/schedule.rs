//! The schedule text of `exports.md` §1.5 (`stream`, `stream 1m`, `every 15m`, `every 60m +5m`,
//! `cron 0 2 * * *`), derived from the model's `Schedule`.
//!
//! Depends on `model`.

use std::collections::BTreeSet;

use crate::model::{Schedule, Weekday};

/// The schedule text, and whether the text only approximates the schedule (daily times whose
/// hours and minutes do not form a cross product cannot be one cron expression; the text then
/// covers a superset of the times).
pub fn schedule_text(schedule: &Schedule) -> (String, bool) {
    match schedule {
        Schedule::Stream { latency_minutes } if *latency_minutes > 0 => {
            (format!("stream {latency_minutes}m"), false)
        }
        Schedule::Stream { .. } => ("stream".to_owned(), false),
        Schedule::Every {
            every_minutes,
            offset_minutes,
        } => {
            if *offset_minutes > 0 {
                (format!("every {every_minutes}m +{offset_minutes}m"), false)
            } else {
                (format!("every {every_minutes}m"), false)
            }
        }
        Schedule::Cron { times, days } => cron_text(times.iter().map(|t| t.minutes()), days),
    }
}

fn cron_text(times: impl Iterator<Item = u16>, days: &[Weekday]) -> (String, bool) {
    // 24:00 is midnight of the next day, the same instant as 00:00 in a daily schedule.
    let times: BTreeSet<(u16, u16)> = times.map(|t| ((t % 1440) / 60, t % 60)).collect();
    let hours: BTreeSet<u16> = times.iter().map(|(h, _)| *h).collect();
    let minutes: BTreeSet<u16> = times.iter().map(|(_, m)| *m).collect();
    let approximate = hours.len() * minutes.len() != times.len();
    let list = |set: &BTreeSet<u16>| {
        if set.is_empty() {
            "0".to_owned()
        } else {
            set.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        }
    };
    let mut day_numbers: Vec<u8> = days
        .iter()
        .map(|d| (d.index() + 1) % 7) // cron: 0 = Sunday, 1 = Monday
        .collect();
    day_numbers.sort_unstable();
    day_numbers.dedup();
    let dow = if day_numbers.len() == 7 || day_numbers.is_empty() {
        "*".to_owned()
    } else {
        ranges(&day_numbers)
    };
    (
        format!("cron {} {} * * {dow}", list(&minutes), list(&hours)),
        approximate,
    )
}

/// `1-5`, `0,6`, `1,3-5`: runs of three or more become ranges.
fn ranges(sorted: &[u8]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("{}-{}", sorted[i], sorted[j]));
        } else {
            parts.extend(sorted[i..=j].iter().map(ToString::to_string));
        }
        i = j + 1;
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimeOfDay;

    fn text(schedule: &Schedule) -> String {
        schedule_text(schedule).0
    }

    #[test]
    fn streams_and_intervals_follow_the_grammar() {
        assert_eq!(text(&Schedule::Stream { latency_minutes: 0 }), "stream");
        assert_eq!(text(&Schedule::Stream { latency_minutes: 1 }), "stream 1m");
        let every = |e, o| Schedule::Every {
            every_minutes: e,
            offset_minutes: o,
        };
        assert_eq!(text(&every(15, 0)), "every 15m");
        assert_eq!(text(&every(60, 5)), "every 60m +5m");
    }

    #[test]
    fn daily_times_become_cron() {
        let cron = |times: &[u16], days: &[Weekday]| Schedule::Cron {
            times: times.iter().map(|t| TimeOfDay(*t)).collect(),
            days: days.to_vec(),
        };
        assert_eq!(text(&cron(&[120], &Weekday::ALL)), "cron 0 2 * * *");
        assert_eq!(
            text(&cron(&[360, 1080], &Weekday::WORKDAYS)),
            "cron 0 6,18 * * 1-5"
        );
        assert_eq!(
            text(&cron(&[0], &[Weekday::Sat, Weekday::Sun])),
            "cron 0 0 * * 0,6"
        );
        let (odd, approximate) = schedule_text(&cron(&[495, 870], &Weekday::ALL));
        assert_eq!(odd, "cron 15,30 8,14 * * *");
        assert!(approximate);
        assert_eq!(text(&cron(&[1440], &Weekday::ALL)), "cron 0 0 * * *");
    }
}
