//! The fault-free baseline of `simulation.md` §10: one whole-graph run without faults, reduced
//! to what the choice between the fault cone and the whole graph needs, and the key that says
//! which networks share it.

use sha2::{Digest, Sha256};

use super::engine::Engine;
use super::net::Network;

/// The cached fault-free run of a model (§10).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Baseline {
    /// Every dataset fresh over the horizon, no process impacted, no signal in the horizon.
    pub clean: bool,
    /// Per dataset: the largest age over `[sim_start, horizon_end)` (`None` when not produced).
    pub(crate) max_age: Vec<Option<i64>>,
    pub(crate) min_compl: Vec<f64>,
    pub(crate) tainted: Vec<bool>,
    /// Events of the baseline run.
    pub events: u64,
}

/// Computes the baseline of a model with its settings.
pub fn baseline(model: &Network) -> Baseline {
    let e = Engine::new(model, &[], false).run();
    let r = e.report(None);
    let clean = r
        .datasets
        .explicit()
        .values()
        .flatten()
        .all(|iv| iv.state == super::report::Label::Fresh)
        && r.processes.values().all(|p| !p.impacted)
        && r.signals.is_empty();
    let st = &model.settings;
    let n = model.datasets.len();
    let mut max_age = vec![None; n];
    let mut min_compl = vec![1.0; n];
    let mut tainted = vec![false; n];
    for (k, &d) in e.sim_ds.iter().enumerate() {
        let lg = &e.log[k];
        let mut worst: Option<i64> = None;
        for (i, (t0, s)) in lg.iter().enumerate() {
            let a = (*t0).max(st.sim_start);
            let b = lg
                .get(i + 1)
                .map_or(st.horizon_end, |x| x.0)
                .min(st.horizon_end);
            if b > a {
                let age = s.age(b - 1);
                worst = Some(worst.map_or(age, |w: i64| w.max(age)));
                if s.compl < min_compl[d as usize] {
                    min_compl[d as usize] = s.compl;
                }
                if !s.taints.is_empty() {
                    tainted[d as usize] = true;
                }
            }
        }
        max_age[d as usize] = Some(worst.unwrap_or(i64::MIN));
    }
    Baseline {
        clean,
        max_age,
        min_compl,
        tainted,
        events: e.events,
    }
}

/// Feeds `Debug` text into the hash without building the string.
struct HashWriter(Sha256);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

/// Bumped whenever the engine's fault-free behaviour or the baseline's shape changes.
const BASELINE_FORMAT: &str = "switchboard-baseline-1";

/// A hex hash of everything the baseline depends on: the horizon, the datasets' ids, sources
/// and SLAs, the flows' lineage, schedules and durations, the monitors' checks and the
/// processes' dependencies, calendars and notice times. Owners, team calendars, retries,
/// validation and alert settings only matter once something fails, so networks that differ
/// there share a baseline.
pub fn baseline_key(net: &Network) -> String {
    use std::fmt::Write as _;
    let st = &net.settings;
    let mut w = HashWriter(Sha256::new());
    let _ = write!(
        w,
        "{BASELINE_FORMAT} {} {:?}",
        env!("CARGO_PKG_VERSION"),
        (st.sim_start, st.horizon_start, st.horizon_end)
    );
    for d in &net.datasets {
        let _ = write!(w, "|d {:?}", (&d.id, d.source, d.stale_after));
    }
    for f in &net.flows {
        let _ = write!(
            w,
            "|f {:?}",
            (&f.id, &f.inputs, f.output, &f.sched, f.duration)
        );
    }
    for m in &net.monitors {
        let _ = write!(w, "|m {:?}", (m.dataset, m.kind, m.every, m.offset));
    }
    for p in &net.processes {
        let deps: Vec<(u32, i64, f64)> = p
            .deps
            .iter()
            .map(|d| (d.dataset, d.max_age, d.min_completeness))
            .collect();
        let _ = write!(w, "|p {:?}", (&p.id, deps, &p.cal, p.notice_after));
    }
    w.0.finalize()
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
