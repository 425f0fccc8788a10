//! Time values of the model: minutes of the day written as `"HH:MM"`, weekdays, and the
//! simulation clock (integer minutes since Monday 00:00 of week 0, `simulation.md` §2).
//!
//! Depends on nothing of the crate.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Minutes since Monday 00:00 of week 0 (`simulation.md` §2).
pub type SimTime = i64;

/// Minutes in a day.
pub const DAY_MINUTES: i64 = 1440;

/// A minute of the day, 0 ..= 1440, written as `"HH:MM"` (`"24:00"` closes a day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TimeOfDay(pub u16);

impl TimeOfDay {
    /// Builds a time from hours and minutes; `None` when out of range.
    pub fn from_hm(hours: u16, minutes: u16) -> Option<Self> {
        let total = hours.checked_mul(60)?.checked_add(minutes)?;
        (minutes < 60 && total <= 1440).then_some(Self(total))
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Parses `"HH:MM"`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let invalid =
            || format!("invalid time of day \"{text}\": write it as \"HH:MM\", 00:00 to 24:00");
        let (h, m) = text.split_once(':').ok_or_else(invalid)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(invalid());
        }
        let hours: u16 = h.parse().map_err(|_| invalid())?;
        let minutes: u16 = m.parse().map_err(|_| invalid())?;
        Self::from_hm(hours, minutes).ok_or_else(invalid)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A day of the week; `Mon` is 0 as in `simulation.md` §2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// All seven days, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    /// Monday to Friday.
    pub const WORKDAYS: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    /// 0 = Monday … 6 = Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The weekday of an index 0 ..= 6.
    pub fn from_index(index: u8) -> Option<Self> {
        Self::ALL.get(index as usize).copied()
    }

    /// Three-letter English name.
    pub fn short_name(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self as usize]
    }
}

/// Formats a simulation time as `Mon 09:00` (the week is not shown, `simulation.md` §9).
pub fn format_sim_time(t: SimTime) -> String {
    let day = t.div_euclid(DAY_MINUTES);
    let minute = t.rem_euclid(DAY_MINUTES);
    let weekday = Weekday::ALL[day.rem_euclid(7) as usize];
    format!(
        "{} {:02}:{:02}",
        weekday.short_name(),
        minute / 60,
        minute % 60
    )
}

/// Formats a duration in minutes as `[<d>d]<h>h<mm>m` (`2d11h00m`, `1h25m`, `0h07m`).
pub fn format_duration(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.abs();
    let (days, rest) = (m / DAY_MINUTES, m % DAY_MINUTES);
    if days > 0 {
        format!("{sign}{days}d{}h{:02}m", rest / 60, rest % 60)
    } else {
        format!("{sign}{}h{:02}m", rest / 60, rest % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_of_day_round_trips_through_text() {
        for text in ["00:00", "08:05", "23:59", "24:00"] {
            assert_eq!(
                TimeOfDay::parse(text).map(|t| t.to_string()),
                Ok(text.to_owned())
            );
        }
    }

    #[test]
    fn time_of_day_rejects_out_of_range_values() {
        for text in ["24:01", "8:00", "08:60", "ab:cd", "0800", ""] {
            assert!(TimeOfDay::parse(text).is_err(), "{text} should be rejected");
        }
    }

    #[test]
    fn sim_time_and_durations_format_as_in_the_spec() {
        assert_eq!(format_sim_time(10620), "Mon 09:00");
        assert_eq!(format_sim_time(7080), "Fri 22:00");
        assert_eq!(format_duration(3540), "2d11h00m");
        assert_eq!(format_duration(85), "1h25m");
        assert_eq!(format_duration(7), "0h07m");
    }
}
