//! Dataset state `DState` of `simulation.md` §4, small sorted id sets, and `round6`.

/// A fault index of the run (faults are sorted by id, so index order is id order).
pub type FaultIx = u32;

/// A sorted set of fault indices without duplicates.
pub type FaultSet = Vec<FaultIx>;

/// The union of two sorted sets.
pub fn union(a: &[FaultIx], b: &[FaultIx]) -> FaultSet {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// A sorted set from any list.
pub fn set_of(mut v: Vec<FaultIx>) -> FaultSet {
    v.sort_unstable();
    v.dedup();
    v
}

/// The state of a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct DState {
    /// `Some(lag)`: live with that lag; `None`: fixed at `as_of`.
    pub lag: Option<i64>,
    /// The fixed as-of time (carried along for live states, as the reference does).
    pub as_of: i64,
    /// Completeness in `[0, 1]`.
    pub compl: f64,
    /// Semantic corruption carried.
    pub taints: FaultSet,
    /// Faults to which any deviation is attributed.
    pub causes: FaultSet,
}

impl DState {
    /// `LIVE0`: what every source reads as.
    pub const LIVE0: DState = DState {
        lag: Some(0),
        as_of: 0,
        compl: 1.0,
        taints: Vec::new(),
        causes: Vec::new(),
    };

    /// A clean fixed state.
    pub fn fixed(as_of: i64) -> Self {
        Self {
            lag: None,
            as_of,
            compl: 1.0,
            taints: Vec::new(),
            causes: Vec::new(),
        }
    }

    /// A clean state with this watermark.
    pub fn with_mark(lag: Option<i64>, as_of: i64) -> Self {
        Self {
            lag,
            as_of,
            compl: 1.0,
            taints: Vec::new(),
            causes: Vec::new(),
        }
    }

    /// The real-world time the data describes at `t`.
    pub fn asof(&self, t: i64) -> i64 {
        match self.lag {
            Some(l) => t - l,
            None => self.as_of,
        }
    }

    /// The age of the data at `t`.
    pub fn age(&self, t: i64) -> i64 {
        match self.lag {
            Some(l) => l,
            None => t - self.as_of,
        }
    }

    /// The state a stream with latency `l` forwards from this input watermark.
    pub fn shifted(&self, l: i64) -> (Option<i64>, i64) {
        (self.lag.map(|x| x + l), self.as_of)
    }
}

/// Python's `round(x, 6)`.
pub fn round6(x: f64) -> f64 {
    format!("{x:.6}").parse::<f64>().unwrap_or(x)
}
