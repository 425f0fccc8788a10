//! Text forms of structured attributes edited in the inspector: calendars (`Mon–Fri
//! 07:00–17:00; Sat 08:00–12:00`), times of day lists (`23:00, 05:00`) and weekday lists.

use crate::model::{Calendar, TimeOfDay, Weekday, Window};

/// Parses `Mon,Tue` or `Mon-Fri` (either dash), or `daily` for all days.
pub fn parse_days(text: &str) -> Result<Vec<Weekday>, String> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("daily") {
        return Ok(Weekday::ALL.to_vec());
    }
    let day = |name: &str| {
        Weekday::ALL
            .into_iter()
            .find(|d| d.short_name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| format!("unknown day \"{}\": use Mon, Tue, … Sun", name.trim()))
    };
    let mut days = Vec::new();
    for part in text.split(',') {
        if let Some((a, b)) = part.split_once(['-', '–']) {
            let (a, b) = (day(a)?, day(b)?);
            if a.index() > b.index() {
                return Err(format!(
                    "{}–{} runs backwards",
                    a.short_name(),
                    b.short_name()
                ));
            }
            days.extend(
                Weekday::ALL[a.index() as usize..=b.index() as usize]
                    .iter()
                    .copied(),
            );
        } else {
            days.push(day(part)?);
        }
    }
    days.sort();
    days.dedup();
    Ok(days)
}

/// Formats days as `daily` or `Mon,Tue,…`.
pub fn format_days(days: &[Weekday]) -> String {
    if days == Weekday::ALL {
        "daily".to_owned()
    } else {
        days.iter()
            .map(|d| d.short_name())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Parses `23:00, 05:00`.
pub fn parse_times(text: &str) -> Result<Vec<TimeOfDay>, String> {
    let times: Vec<TimeOfDay> = text
        .split(',')
        .filter(|t| !t.trim().is_empty())
        .map(|t| TimeOfDay::parse(t.trim()))
        .collect::<Result<_, _>>()?;
    if times.is_empty() {
        return Err("enter at least one time, e.g. 23:00".to_owned());
    }
    Ok(times)
}

/// Formats times as `23:00, 05:00`.
pub fn format_times(times: &[TimeOfDay]) -> String {
    times
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses `24x7`, `business hours`, or windows `Mon-Fri 07:00-17:00; Sat 08:00-12:00`.
pub fn parse_calendar(text: &str) -> Result<Calendar, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("24x7") {
        return Ok(Calendar::TwentyFourSeven);
    }
    if text.eq_ignore_ascii_case("business hours") {
        return Ok(Calendar::BusinessHours);
    }
    let mut windows = Vec::new();
    for part in text.split(';').filter(|p| !p.trim().is_empty()) {
        let part = part.trim();
        let (days, hours) = part
            .rsplit_once(' ')
            .ok_or_else(|| format!("\"{part}\": write days and hours, e.g. Mon-Fri 07:00-17:00"))?;
        let (start, end) = hours
            .split_once(['-', '–'])
            .ok_or_else(|| format!("\"{hours}\": write hours as 07:00-17:00"))?;
        windows.push(Window {
            days: parse_days(days)?,
            start: TimeOfDay::parse(start.trim())?,
            end: TimeOfDay::parse(end.trim())?,
        });
    }
    if windows.is_empty() {
        return Err("enter 24x7, business hours, or windows like Mon-Fri 07:00-17:00".to_owned());
    }
    Ok(Calendar::Windows(windows))
}

/// Formats a calendar in the form `parse_calendar` reads.
pub fn format_calendar(calendar: &Calendar) -> String {
    match calendar {
        Calendar::TwentyFourSeven => "24x7".to_owned(),
        Calendar::BusinessHours => "business hours".to_owned(),
        Calendar::Windows(windows) => windows
            .iter()
            .map(|w| {
                format!(
                    "{} {}-{}",
                    format_days(&w.days).replace("daily", "Mon-Sun"),
                    w.start,
                    w.end
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendars_round_trip_through_text() {
        for text in [
            "24x7",
            "business hours",
            "Mon,Tue,Wed,Thu,Fri 07:00-17:00; Sat 08:00-12:00",
        ] {
            let calendar = parse_calendar(text).expect("present in the test");
            assert_eq!(
                parse_calendar(&format_calendar(&calendar)).expect("present in the test"),
                calendar
            );
        }
        assert_eq!(
            parse_days("Mon-Fri").expect("present in the test"),
            Weekday::WORKDAYS.to_vec()
        );
        assert!(parse_calendar("Mon 7-9").is_err());
    }
}
