//! Reads the schedule as the canvas and the SVG export write it (`Schedule::label`):
//! `daily 02:00`, `daily 02:00,14:30`, `Mon,Fri 06:00`, `every 60 min`, `every 60 min +15`,
//! `stream 5 min`. The §1.5 grammar of the Mermaid export (`every 60m`, `cron …`) is read by
//! `export::schedule_text`; the import accepts both.
//!
//! Depends on `model` only.

use crate::model::{Schedule, TimeOfDay, Weekday};

/// The schedule a canvas label names, if it is one.
pub fn parse_canvas_schedule(text: &str) -> Option<Schedule> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        ["daily", times] => Some(Schedule::Cron {
            times: times_of_day(times)?,
            days: Weekday::ALL.to_vec(),
        }),
        ["every", every, "min"] => Some(Schedule::Every {
            every_minutes: positive(every)?,
            offset_minutes: 0,
        }),
        ["every", every, "min", offset] => Some(Schedule::Every {
            every_minutes: positive(every)?,
            offset_minutes: offset.strip_prefix('+')?.parse().ok()?,
        }),
        ["stream", latency, "min"] => Some(Schedule::Stream {
            latency_minutes: latency.parse().ok()?,
        }),
        [days, times] => Some(Schedule::Cron {
            times: times_of_day(times)?,
            days: weekdays(days)?,
        }),
        _ => None,
    }
}

fn positive(text: &str) -> Option<u32> {
    text.parse().ok().filter(|n| *n > 0)
}

fn times_of_day(text: &str) -> Option<Vec<TimeOfDay>> {
    text.split(',')
        .map(|time| {
            let (hours, minutes) = time.split_once(':')?;
            let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.parse().ok()?);
            (hours < 24 && minutes < 60 && minutes.to_string().len() <= 2)
                .then_some(TimeOfDay(hours * 60 + minutes))
        })
        .collect()
}

fn weekdays(text: &str) -> Option<Vec<Weekday>> {
    text.split(',')
        .map(|name| {
            Weekday::ALL
                .into_iter()
                .find(|day| day.short_name() == name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_canvas_label_reads_back_to_its_schedule() {
        let schedules = [
            Schedule::Cron {
                times: vec![TimeOfDay(120), TimeOfDay(870)],
                days: Weekday::ALL.to_vec(),
            },
            Schedule::Cron {
                times: vec![TimeOfDay(360)],
                days: vec![Weekday::Mon, Weekday::Fri],
            },
            Schedule::Every {
                every_minutes: 60,
                offset_minutes: 15,
            },
            Schedule::Every {
                every_minutes: 15,
                offset_minutes: 0,
            },
            Schedule::Stream { latency_minutes: 5 },
        ];
        for schedule in schedules {
            assert_eq!(parse_canvas_schedule(&schedule.label()), Some(schedule));
        }
        for text in ["daily 25:00", "every 0 min", "Xyz 02:00", "stock", "daily"] {
            assert_eq!(parse_canvas_schedule(text), None, "{text}");
        }
    }
}
