//! Calendar arithmetic of `simulation.md` §5.2: `is_open`, `next_open`, `add_open` and `edges`
//! over weekly windows, with the 24x7 shortcut.

/// Minutes in a day.
pub const DAY: i64 = 1440;

/// A compiled weekly calendar: per weekday (0 = Mon) its windows sorted by `(start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cal {
    per_day: [Vec<(i64, i64)>; 7],
    always: bool,
}

impl Cal {
    /// A calendar from windows `(weekdays, start, end)`; duplicates are kept as the reference
    /// keeps them. Returns `None` when it is never open.
    pub fn from_windows(windows: &[(Vec<u8>, i64, i64)]) -> Option<Self> {
        let mut per_day: [Vec<(i64, i64)>; 7] = Default::default();
        for (days, s, e) in windows {
            let mut ds = days.clone();
            ds.sort_unstable();
            ds.dedup();
            for d in ds {
                per_day.get_mut(d as usize)?.push((*s, *e));
            }
        }
        for w in &mut per_day {
            w.sort_unstable();
        }
        if per_day.iter().all(Vec::is_empty) {
            return None;
        }
        let always = per_day.iter().all(|w| w.as_slice() == [(0, DAY)]);
        Some(Self { per_day, always })
    }

    /// Always open.
    pub fn always() -> Self {
        Self {
            per_day: std::array::from_fn(|_| vec![(0, DAY)]),
            always: true,
        }
    }

    /// Mon–Fri 08:00–17:00.
    pub fn business_hours() -> Self {
        Self {
            per_day: std::array::from_fn(|d| if d < 5 { vec![(480, 1020)] } else { vec![] }),
            always: false,
        }
    }

    /// Whether the calendar is 24x7.
    pub fn is_always(&self) -> bool {
        self.always
    }

    fn day(&self, d: i64) -> &[(i64, i64)] {
        &self.per_day[d.rem_euclid(7) as usize]
    }

    /// Whether minute `t` is open.
    pub fn is_open(&self, t: i64) -> bool {
        if self.always {
            return true;
        }
        let m = t.rem_euclid(DAY);
        self.day(t.div_euclid(DAY))
            .iter()
            .any(|&(s, e)| s <= m && m < e)
    }

    /// The smallest open minute at or after `t`.
    pub fn next_open(&self, t: i64) -> i64 {
        if self.always {
            return t;
        }
        let d0 = t.div_euclid(DAY);
        for d in d0..d0 + 8 {
            for &(s, e) in self.day(d) {
                if d * DAY + e > t {
                    return (d * DAY + s).max(t);
                }
            }
        }
        t
    }

    /// The earliest `T ≥ t` such that `[t, T)` holds exactly `m` open minutes.
    pub fn add_open(&self, t: i64, m: i64) -> i64 {
        if self.always {
            return t + m;
        }
        let mut m = m;
        let mut cur = t;
        let mut d = t.div_euclid(DAY);
        loop {
            for &(s, e) in self.day(d) {
                let (ws, we) = (d * DAY + s, d * DAY + e);
                if we <= cur {
                    continue;
                }
                let a = ws.max(cur);
                if m <= we - a {
                    return a + m;
                }
                m -= we - a;
                cur = we;
            }
            d += 1;
        }
    }

    /// Every window start and end inside `[a, b)`, in day order.
    pub fn edges(&self, a: i64, b: i64) -> Vec<i64> {
        let mut out = Vec::new();
        if b <= a {
            return out;
        }
        for d in a.div_euclid(DAY)..=(b - 1).div_euclid(DAY) {
            for &(s, e) in self.day(d) {
                for x in [d * DAY + s, d * DAY + e] {
                    if a <= x && x < b {
                        out.push(x);
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_vectors() {
        let bh = Cal::business_hours();
        assert_eq!(bh.next_open(1019), 1019);
        assert_eq!(bh.next_open(1020), 1920);
        assert_eq!(bh.next_open(7140), 10560);
        let early = Cal::from_windows(&[(vec![0, 1, 2, 3, 4], 360, 840)]).expect("open");
        assert_eq!(early.add_open(10440, 240), 10680);
        assert_eq!(early.add_open(10740, 240), 11940);
        assert_eq!(early.add_open(6540, 120), 10500);
        assert_eq!(early.add_open(10200, 0), 10440);
        assert!(
            Cal::from_windows(&[(vec![0, 1, 2, 3, 4, 5, 6], 0, 1440)])
                .expect("open")
                .is_always()
        );
    }
}
