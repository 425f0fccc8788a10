//! The next-event engine of `simulation.md` §5–§7: the simulated set (whole graph or fault
//! cone, §5.4), lazy nominal reads (§5.5), initialisation (§5.6), state changes (§5.7) and the
//! event loop (§5.1). The propagation rules live in the submodules.

mod batch;
mod checks;
pub mod queue;
mod routing;
mod stream;

use std::collections::{BTreeMap, HashMap, HashSet};

use super::net::{NetFault, NetFaultKind, Network, Settings};
use super::schedule::INF;
use super::state::{DState, FaultSet};
use queue::{Origin, Payload, Queue};

/// Run-time record of a fault (§7.3).
#[derive(Debug, Clone, Default)]
pub struct FaultRt {
    /// First time the fault was active in a run start or stream update.
    pub first_effect: Option<i64>,
    /// When a human saw a signal naming it.
    pub detected_at: Option<i64>,
    /// The detecting signal.
    pub detected_by: Option<usize>,
    /// When the repair completes.
    pub repair_at: Option<i64>,
    /// The repairing team.
    pub repair_team: Option<u32>,
    /// Whether the repair event was handled.
    pub repaired: bool,
}

/// A signal record (§7.2).
#[derive(Debug, Clone)]
pub struct SignalRt {
    /// Emission time.
    pub emitted: i64,
    /// Kind, e.g. `job_failure_alert`.
    pub signal: &'static str,
    /// Object string, e.g. `flow:F1`.
    pub object: String,
    /// Team index.
    pub team: Option<u32>,
    /// NetFault indices.
    pub causes: FaultSet,
    /// Whether it has a team.
    pub routed: bool,
    /// Channel text.
    pub channel: &'static str,
    /// When a human sees it.
    pub seen: Option<i64>,
    direct_flow: Option<u32>,
    direct_ds: Option<u32>,
}

/// An error record (§6).
#[derive(Debug, Clone)]
pub struct ErrorRt {
    /// Time.
    pub t: i64,
    /// Flow index.
    pub flow: u32,
    /// One of the six error strings.
    pub kind: &'static str,
    /// Attempt (0 for streams).
    pub attempt: i64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Residue {
    Partial(f64),
    Taint,
    Lost(f64),
}

/// One simulation run.
#[derive(Debug)]
pub struct Engine<'m> {
    /// The model.
    pub m: &'m Network,
    st: &'m Settings,
    /// The faults, sorted by id.
    pub faults: &'m [NetFault],
    /// NetFault run-time records, parallel to `faults`.
    pub frt: Vec<FaultRt>,
    faults_on: HashMap<u32, Vec<u32>>,
    /// Simulated flows, sorted.
    pub sim_flows: Vec<u32>,
    flow_loc: HashMap<u32, u32>,
    /// Simulated datasets, sorted.
    pub sim_ds: Vec<u32>,
    ds_loc: HashMap<u32, u32>,
    mon_loc: HashMap<u32, u32>,
    /// Simulated processes, sorted.
    pub sim_procs: Vec<u32>,
    proc_loc: HashMap<u32, u32>,
    nom: HashMap<(u32, i64), (Option<i64>, i64)>,
    q: Queue,
    /// Events handled.
    pub events: u64,
    /// The most events a run may handle: [`EVENTS_PER_ENTITY_MINUTE`] per simulated minute and
    /// simulated entity. A run that reaches it stops and says so.
    pub budget: u64,
    /// Whether the run stopped at its budget instead of at `horizon_end`.
    pub exhausted: bool,
    state: Vec<DState>,
    /// Change log of each simulated dataset (parallel to `sim_ds`).
    pub log: Vec<Vec<(i64, DState)>>,
    /// Signals in emission order.
    pub signals: Vec<SignalRt>,
    /// Errors in append order.
    pub errors: Vec<ErrorRt>,
    mver: Vec<u64>,
    malerted: Vec<bool>,
    pver: Vec<u64>,
    pep: Vec<Option<u64>>,
    pep_n: Vec<u64>,
    sres: Vec<BTreeMap<u32, Residue>>,
    sblock: Vec<Option<FaultSet>>,
    slast: Vec<Option<DState>>,
    sblock_n: Vec<u64>,
    alarmed: HashSet<(u32, FaultSet)>,
    cascaded: HashSet<(u32, u32)>,
}

/// The flows a cone run simulates (§5.4): faulted flows, consumers of the cone datasets, and
/// stream drivers. Sorted.
pub fn cone_flows(m: &Network, faults: &[NetFault]) -> Vec<u32> {
    let mut cds: HashSet<u32> = HashSet::new();
    let mut stack: Vec<u32> = Vec::new();
    for f in faults {
        let o = m.flows[f.flow as usize].output;
        if cds.insert(o) {
            stack.push(o);
        }
    }
    let mut sim: HashSet<u32> = faults.iter().map(|f| f.flow).collect();
    while let Some(d) = stack.pop() {
        for &g in &m.consumers[d as usize] {
            sim.insert(g);
            let o = m.flows[g as usize].output;
            if cds.insert(o) {
                stack.push(o);
            }
        }
    }
    let mut stack: Vec<u32> = sim.iter().copied().collect();
    stack.sort_unstable();
    while let Some(g) = stack.pop() {
        let fl = &m.flows[g as usize];
        if fl.sched.is_stream() {
            for &x in &fl.inputs {
                if let Some(p) = m.producer[x as usize] {
                    if !m.datasets[x as usize].source && sim.insert(p) {
                        stack.push(p);
                    }
                }
            }
        }
    }
    let mut out: Vec<u32> = sim.into_iter().collect();
    out.sort_unstable();
    out
}

/// Events a run may handle per simulated minute and simulated entity (flows, monitors,
/// processes and faults): far above what any model needs, and a bound on the work.
pub const EVENTS_PER_ENTITY_MINUTE: u64 = 64;

fn event_budget(st: &Settings, entities: usize) -> u64 {
    let span = u64::try_from(st.horizon_end.saturating_sub(st.sim_start)).unwrap_or(0) + 1;
    let entities = u64::try_from(entities)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    EVENTS_PER_ENTITY_MINUTE
        .saturating_mul(span)
        .saturating_mul(entities)
}

fn locate(v: &[u32]) -> HashMap<u32, u32> {
    v.iter().enumerate().map(|(i, &x)| (x, i as u32)).collect()
}

impl<'m> Engine<'m> {
    /// An engine for these faults (sorted by id), simulating the cone or the whole graph.
    pub fn new(m: &'m Network, faults: &'m [NetFault], cone: bool) -> Self {
        let st = &m.settings;
        let mut faults_on: HashMap<u32, Vec<u32>> = HashMap::new();
        for (i, f) in faults.iter().enumerate() {
            faults_on.entry(f.flow).or_default().push(i as u32);
        }
        let sim_flows = if cone {
            cone_flows(m, faults)
        } else {
            (0..m.flows.len() as u32).collect()
        };
        let mut sim_ds: Vec<u32> = sim_flows
            .iter()
            .map(|&f| m.flows[f as usize].output)
            .collect();
        sim_ds.sort_unstable();
        let mut mons: Vec<u32> = sim_ds
            .iter()
            .flat_map(|&d| m.mon_by_ds[d as usize].iter().copied())
            .collect();
        mons.sort_unstable();
        let mut procs: Vec<u32> = sim_ds
            .iter()
            .flat_map(|&d| m.proc_by_ds[d as usize].iter().copied())
            .collect();
        procs.sort_unstable();
        procs.dedup();
        let nf = sim_flows.len();
        let nm = mons.len();
        let np = procs.len();
        Self {
            m,
            st,
            faults,
            frt: vec![FaultRt::default(); faults.len()],
            faults_on,
            flow_loc: locate(&sim_flows),
            sim_flows,
            ds_loc: locate(&sim_ds),
            state: Vec::with_capacity(sim_ds.len()),
            log: Vec::with_capacity(sim_ds.len()),
            sim_ds,
            mon_loc: locate(&mons),
            proc_loc: locate(&procs),
            sim_procs: procs,
            nom: HashMap::new(),
            q: Queue::for_flows(nf),
            events: 0,
            budget: event_budget(st, nf + nm + np + faults.len()),
            exhausted: false,
            signals: Vec::new(),
            errors: Vec::new(),
            mver: vec![0; nm],
            malerted: vec![false; nm],
            pver: vec![0; np],
            pep: vec![None; np],
            pep_n: vec![0; np],
            sres: vec![BTreeMap::new(); nf],
            sblock: vec![None; nf],
            slast: vec![None; nf],
            sblock_n: vec![0; nf],
            alarmed: HashSet::new(),
            cascaded: HashSet::new(),
        }
    }

    /// The settings of the run.
    pub fn settings(&self) -> &Settings {
        self.st
    }

    /// The local index of a simulated dataset.
    pub fn ds_local(&self, d: u32) -> Option<usize> {
        self.ds_loc.get(&d).map(|&i| i as usize)
    }

    /// Whether a process is simulated.
    pub fn proc_simulated(&self, p: u32) -> bool {
        self.proc_loc.contains_key(&p)
    }

    fn flow_local(&self, f: u32) -> Option<usize> {
        self.flow_loc.get(&f).map(|&i| i as usize)
    }

    fn active(&self, flow: u32, t: i64) -> FaultSet {
        let mut out = Vec::new();
        let Some(list) = self.faults_on.get(&flow) else {
            return out;
        };
        let is_stream = self.m.flows[flow as usize].sched.is_stream();
        for &phi in list {
            let f = &self.faults[phi as usize];
            let rt = &self.frt[phi as usize];
            let mut end = f.end.unwrap_or(INF);
            if rt.repaired {
                end = end.min(rt.repair_at.unwrap_or(INF));
            }
            if let NetFaultKind::Delay(minutes) = f.kind {
                if is_stream {
                    end = end.min(f.start + minutes);
                }
            }
            if f.start <= t && t < end {
                out.push(phi);
            }
        }
        out
    }

    fn det(&self, phi: u32) -> i64 {
        self.faults[phi as usize].detectability
    }

    fn effect(&mut self, act: &[u32], t: i64) {
        for &phi in act {
            let rt = &mut self.frt[phi as usize];
            if rt.first_effect.is_none() {
                rt.first_effect = Some(t);
            }
        }
    }

    fn read(&mut self, d: u32, t: i64) -> DState {
        if self.m.datasets[d as usize].source {
            return DState::LIVE0;
        }
        if let Some(i) = self.ds_local(d) {
            return self.state[i].clone();
        }
        let (lag, as_of) = self.nominal(d, t);
        DState::with_mark(lag, as_of)
    }

    /// The fault-free watermark of `d` at `t` (§5.5), memoised.
    fn nominal(&mut self, d: u32, t: i64) -> (Option<i64>, i64) {
        if self.m.datasets[d as usize].source {
            return (Some(0), 0);
        }
        if let Some(&r) = self.nom.get(&(d, t)) {
            return r;
        }
        let m = self.m;
        let Some(p) = m.producer[d as usize] else {
            return (None, self.st.sim_start);
        };
        let f = &m.flows[p as usize];
        let r = if f.sched.is_stream() {
            let l = f.sched.latency();
            let x = self.nominal(f.inputs[0], (t - l).max(self.st.sim_start));
            (x.0.map(|lag| lag + l), x.1)
        } else {
            let fire = f.sched.prev_fire(t - f.duration);
            if fire < self.st.sim_start {
                (None, self.st.sim_start)
            } else {
                let mut best = i64::MAX;
                for &x in &f.inputs {
                    let s = self.nominal(x, fire);
                    let a = match s.0 {
                        Some(l) => fire - l,
                        None => s.1,
                    };
                    best = best.min(a);
                }
                (None, best)
            }
        };
        self.nom.insert((d, t), r);
        r
    }

    fn initial(&self, d: u32) -> DState {
        let m = self.m;
        if m.datasets[d as usize].source {
            return DState::LIVE0;
        }
        if let Some(p) = m.producer[d as usize] {
            let f = &m.flows[p as usize];
            if f.sched.is_stream() {
                let x = self.initial(f.inputs[0]);
                let (lag, as_of) = x.shifted(f.sched.latency());
                return DState::with_mark(lag, as_of);
            }
        }
        DState::fixed(self.st.sim_start)
    }

    fn set_state(&mut self, t: i64, d: u32, new: DState) {
        let Some(i) = self.ds_local(d) else {
            return;
        };
        if self.state[i] == new {
            return;
        }
        self.state[i] = new.clone();
        self.log[i].push((t, new));
        let m = self.m;
        for &g in &m.consumers[d as usize] {
            if self.flow_local(g).is_some() && m.flows[g as usize].sched.is_stream() {
                self.stream_update(t, g);
            }
        }
        for &mid in &m.mon_by_ds[d as usize] {
            self.mon_schedule(t, mid);
        }
        for &pid in &m.proc_by_ds[d as usize] {
            self.proc_schedule(t, pid);
        }
    }

    fn add_causes(&mut self, t: i64, d: u32, causes: &[u32]) {
        let Some(i) = self.ds_local(d) else {
            return;
        };
        let s = &self.state[i];
        let nc = super::state::union(&s.causes, causes);
        if nc != s.causes {
            let mut n = s.clone();
            n.causes = nc;
            self.set_state(t, d, n);
        }
    }

    fn init(&mut self) {
        let st = self.st;
        for k in 0..self.sim_ds.len() {
            let s = self.initial(self.sim_ds[k]);
            self.log.push(vec![(st.sim_start, s.clone())]);
            self.state.push(s);
        }
        let m = self.m;
        for k in 0..self.sim_flows.len() {
            let fid = self.sim_flows[k];
            let f = &m.flows[fid as usize];
            if f.sched.is_stream() {
                let out = self.ds_local(f.output).map(|i| self.state[i].clone());
                self.slast[k] = out;
                let list = self.faults_on.get(&fid).cloned().unwrap_or_default();
                for phi in list {
                    let fa = &self.faults[phi as usize];
                    self.q.push(fa.start, Payload::Edge { flow: fid });
                    if let Some(e) = fa.end {
                        self.q.push(e, Payload::Edge { flow: fid });
                    }
                    if let NetFaultKind::Delay(minutes) = fa.kind {
                        self.q.push(fa.start + minutes, Payload::Edge { flow: fid });
                    }
                }
            } else {
                let nx = f.sched.next_fire(st.sim_start);
                if nx < st.horizon_end {
                    self.q.push(
                        nx,
                        Payload::Run {
                            flow: fid,
                            key: nx,
                            attempt: 1,
                            origin: Origin::Sched,
                        },
                    );
                }
            }
        }
        let mons: Vec<u32> = {
            let mut v: Vec<(u32, u32)> = self.mon_loc.iter().map(|(&g, &l)| (l, g)).collect();
            v.sort_unstable();
            v.into_iter().map(|(_, g)| g).collect()
        };
        for mid in mons {
            self.mon_schedule(st.sim_start, mid);
        }
        for k in 0..self.sim_procs.len() {
            let pid = self.sim_procs[k];
            self.proc_schedule(st.sim_start, pid);
        }
    }

    /// Runs the simulation to `horizon_end`.
    #[must_use]
    pub fn run(mut self) -> Self {
        self.init();
        while let Some(ev) = self.q.pop() {
            let t = ev.t;
            if t >= self.st.horizon_end {
                break;
            }
            if self.events >= self.budget {
                self.exhausted = true;
                break;
            }
            self.events += 1;
            match ev.payload {
                Payload::Run {
                    flow,
                    key,
                    attempt,
                    origin,
                } => self.h_run(t, flow, key, attempt, origin),
                Payload::End {
                    flow,
                    key,
                    attempt,
                    origin,
                    out,
                } => self.h_end(t, flow, key, attempt, origin, out),
                Payload::Deliver { flow, state } => {
                    let out = self.m.flows[flow as usize].output;
                    self.set_state(t, out, state);
                }
                Payload::Edge { flow } => self.stream_update(t, flow),
                Payload::Repair { fault } => self.h_repair(t, fault),
                Payload::Mon { mon, ver } => self.h_mon(t, mon, ver),
                Payload::Proc { proc, ver } => self.h_proc(t, proc, ver),
                Payload::Notice { proc, ep } => self.h_notice(t, proc, ep),
                Payload::Seen { sig, .. } => self.h_seen(t, sig),
                Payload::Qage {
                    flow,
                    block,
                    faults,
                } => self.h_qage(t, flow, block, &faults),
            }
        }
        self
    }
}
