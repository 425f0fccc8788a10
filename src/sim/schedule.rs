//! Flow schedules of `simulation.md` §5.3: cron, every, stream.

use super::calendar::DAY;

/// A time later than any horizon.
pub const INF: i64 = 1 << 60;

/// A compiled schedule.
#[derive(Debug, Clone, PartialEq)]
pub enum Sched {
    /// Minutes of the day (sorted, duplicates kept) on the marked weekdays.
    Cron {
        /// Sorted minutes of the day.
        times: Vec<i64>,
        /// Weekday mask, 0 = Mon.
        days: [bool; 7],
    },
    /// `offset + k * every`.
    Every {
        /// Period (≥ 1).
        every: i64,
        /// Offset.
        offset: i64,
    },
    /// Event-driven with a latency.
    Stream {
        /// Latency in minutes.
        latency: i64,
    },
}

impl Sched {
    /// Whether this is a stream.
    pub fn is_stream(&self) -> bool {
        matches!(self, Self::Stream { .. })
    }

    /// The stream latency (0 for batch schedules).
    pub fn latency(&self) -> i64 {
        match self {
            Self::Stream { latency } => *latency,
            _ => 0,
        }
    }

    /// The first fire time at or after `t` (`INF` if none; streams never fire).
    pub fn next_fire(&self, t: i64) -> i64 {
        match self {
            Self::Cron { times, days } => {
                let d0 = t.div_euclid(DAY);
                for d in d0..d0 + 8 {
                    if days[d.rem_euclid(7) as usize] {
                        for &m in times {
                            if d * DAY + m >= t {
                                return d * DAY + m;
                            }
                        }
                    }
                }
                INF
            }
            Self::Every { every, offset } => offset + every * -((-(t - offset)).div_euclid(*every)),
            Self::Stream { .. } => INF,
        }
    }

    /// The last fire time at or before `t` (`-INF` if none).
    pub fn prev_fire(&self, t: i64) -> i64 {
        match self {
            Self::Cron { times, days } => {
                let d0 = t.div_euclid(DAY);
                let mut d = d0;
                while d > d0 - 8 {
                    if days[d.rem_euclid(7) as usize] {
                        for &m in times.iter().rev() {
                            if d * DAY + m <= t {
                                return d * DAY + m;
                            }
                        }
                    }
                    d -= 1;
                }
                -INF
            }
            Self::Every { every, offset } => offset + (t - offset).div_euclid(*every) * every,
            Self::Stream { .. } => -INF,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires() {
        let c = Sched::Cron {
            times: vec![1380],
            days: [true; 7],
        };
        assert_eq!(c.next_fire(0), 1380);
        assert_eq!(c.prev_fire(1379), 1380 - DAY);
        let e = Sched::Every {
            every: 60,
            offset: 15,
        };
        assert_eq!(e.next_fire(16), 75);
        assert_eq!(e.next_fire(15), 15);
        assert_eq!(e.prev_fire(74), 15);
        assert_eq!(e.prev_fire(0), -45);
    }
}
