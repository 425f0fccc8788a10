//! Coverage and operating calendars (`simulation.md` §3.1): 24x7, business hours, or weekly
//! windows. A window is open from `start` up to, not including, `end`.
//!
//! Depends only on `model::time`.

use serde::{Deserialize, Serialize};

use super::time::{TimeOfDay, Weekday};

/// When a team reads alerts, or when a business process operates.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum Calendar {
    /// Always open: the team is paged at once.
    TwentyFourSeven,
    /// Monday to Friday, 08:00 to 17:00.
    #[default]
    BusinessHours,
    /// Explicit weekly windows.
    Windows(Vec<Window>),
}

/// One weekly window: open on each listed weekday from `start` until `end`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// The weekdays on which the window opens.
    pub days: Vec<Weekday>,
    /// First open minute of the day.
    pub start: TimeOfDay,
    /// First closed minute of the day (`"24:00"` for midnight).
    pub end: TimeOfDay,
}

impl Calendar {
    /// The calendar as explicit windows (business hours expand to Mon–Fri 08:00–17:00).
    pub fn windows(&self) -> Vec<Window> {
        match self {
            Self::TwentyFourSeven => vec![Window {
                days: Weekday::ALL.to_vec(),
                start: TimeOfDay(0),
                end: TimeOfDay(1440),
            }],
            Self::BusinessHours => vec![Window {
                days: Weekday::WORKDAYS.to_vec(),
                start: TimeOfDay(8 * 60),
                end: TimeOfDay(17 * 60),
            }],
            Self::Windows(windows) => windows.clone(),
        }
    }

    /// Whether the calendar is open at least one minute a week.
    pub fn is_ever_open(&self) -> bool {
        self.windows()
            .iter()
            .any(|w| !w.days.is_empty() && w.start < w.end)
    }

    /// A short human description, e.g. `24x7`, `business hours`, `Mon–Fri 07:00–17:00`.
    pub fn describe(&self) -> String {
        match self {
            Self::TwentyFourSeven => "24x7".to_owned(),
            Self::BusinessHours => "business hours".to_owned(),
            Self::Windows(windows) => windows
                .iter()
                .map(Window::describe)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

impl Window {
    /// `Mon–Fri 07:00–17:00`, or the days listed one by one when they are not a run.
    pub fn describe(&self) -> String {
        let mut days: Vec<u8> = self.days.iter().map(|d| d.index()).collect();
        days.sort_unstable();
        days.dedup();
        let is_run = days.windows(2).all(|p| p[1] == p[0] + 1);
        let day_text = match (days.first(), days.last()) {
            (Some(&first), Some(&last)) if is_run && days.len() > 2 => format!(
                "{}–{}",
                Weekday::ALL[first as usize].short_name(),
                Weekday::ALL[last as usize].short_name()
            ),
            _ => days
                .iter()
                .map(|&d| Weekday::ALL[d as usize].short_name())
                .collect::<Vec<_>>()
                .join(","),
        };
        format!("{day_text} {}–{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_runs_of_days_compactly() {
        let calendar = Calendar::Windows(vec![Window {
            days: Weekday::WORKDAYS.to_vec(),
            start: TimeOfDay(420),
            end: TimeOfDay(1020),
        }]);
        assert_eq!(calendar.describe(), "Mon–Fri 07:00–17:00");
        assert_eq!(Calendar::TwentyFourSeven.describe(), "24x7");
    }

    #[test]
    fn an_empty_window_list_is_never_open() {
        assert!(!Calendar::Windows(vec![]).is_ever_open());
        assert!(Calendar::BusinessHours.is_ever_open());
    }
}
