//! Building the report from a finished run (`simulation.md` §8): dataset timelines, system
//! roll-ups, process impact by breakpoints (checked minute by minute in debug builds),
//! incidents, signals and errors, and the contract form of §9 with its summary.

use std::collections::{BTreeMap, BTreeSet};

use super::engine::Engine;
use super::report::{
    BlastActual, BlastStructural, ByState, ErrorRecord, Incident, Interval, Label, ProcInterval,
    ProcessImpact, Signal, SimReport, Summary, Timelines,
};
use super::state::{DState, FaultSet, union};

type Raw = (Label, i64, i64, FaultSet);

fn merge(out: &mut Vec<Raw>, piece: Raw) {
    let (lab, a, b, c) = piece;
    let c = if lab == Label::Fresh { Vec::new() } else { c };
    if let Some(last) = out.last_mut() {
        if last.0 == lab && last.2 == a {
            last.2 = b;
            last.3 = union(&last.3, &c);
            return;
        }
    }
    out.push((lab, a, b, c));
}

fn state_at(log: &[(i64, DState)], t: i64) -> &DState {
    let i = log.partition_point(|x| x.0 <= t);
    &log[i.saturating_sub(1)].1
}

impl Engine<'_> {
    fn names(&self, set: &[u32]) -> Vec<String> {
        set.iter()
            .map(|&i| self.faults[i as usize].id.clone())
            .collect()
    }

    fn classify(&self, k: usize) -> Vec<Raw> {
        let st = self.settings();
        let (h0, h1) = (st.horizon_start, st.horizon_end);
        let d = &self.m.datasets[self.sim_ds[k] as usize];
        let lg = &self.log[k];
        let mut out = Vec::new();
        for (i, (t0, s)) in lg.iter().enumerate() {
            let a = (*t0).max(h0);
            let b = lg.get(i + 1).map_or(h1, |x| x.0).min(h1);
            if b <= a {
                continue;
            }
            if !s.taints.is_empty() {
                merge(
                    &mut out,
                    (Label::Corrupt, a, b, union(&s.causes, &s.taints)),
                );
            } else if s.compl < 0.999_999 {
                merge(&mut out, (Label::Partial, a, b, s.causes.clone()));
            } else if let Some(sa) = d.stale_after {
                if let Some(lag) = s.lag {
                    let lab = if lag >= sa {
                        Label::Stale
                    } else {
                        Label::Fresh
                    };
                    merge(&mut out, (lab, a, b, s.causes.clone()));
                } else {
                    let x = a.max(s.as_of + sa).min(b);
                    if x > a {
                        merge(&mut out, (Label::Fresh, a, x, Vec::new()));
                    }
                    if b > x {
                        merge(&mut out, (Label::Stale, x, b, s.causes.clone()));
                    }
                }
            } else {
                merge(&mut out, (Label::Fresh, a, b, Vec::new()));
            }
        }
        out
    }

    /// `(bad, causes, why)` of a process at `t` from the logs.
    fn proc_violated_at(&self, pid: u32, t: i64) -> (bool, FaultSet, Vec<(String, Label)>) {
        let mut bad = false;
        let mut causes = Vec::new();
        let mut why = Vec::new();
        for dp in &self.m.processes[pid as usize].deps {
            let Some(k) = self.ds_local(dp.dataset) else {
                continue;
            };
            let s = state_at(&self.log[k], t);
            let r = if !s.taints.is_empty() {
                Some(Label::Corrupt)
            } else if s.compl < dp.min_completeness {
                Some(Label::Partial)
            } else if s.age(t) >= dp.max_age {
                Some(Label::Stale)
            } else {
                None
            };
            if let Some(r) = r {
                bad = true;
                why.push((self.m.datasets[dp.dataset as usize].id.clone(), r));
                causes = union(&union(&causes, &s.causes), &s.taints);
            }
        }
        (bad, causes, why)
    }

    #[allow(clippy::type_complexity)]
    fn proc_intervals(&self, pid: u32) -> (Vec<(i64, i64, FaultSet, BTreeSet<String>)>, ByState) {
        let st = self.settings();
        let (h0, h1) = (st.horizon_start, st.horizon_end);
        let p = &self.m.processes[pid as usize];
        let mut bps: BTreeSet<i64> = BTreeSet::from([h0, h1]);
        for dp in &p.deps {
            let Some(k) = self.ds_local(dp.dataset) else {
                continue;
            };
            for (t0, s) in &self.log[k] {
                if h0 <= *t0 && *t0 < h1 {
                    bps.insert(*t0);
                }
                if s.lag.is_none() && h0 <= s.as_of + dp.max_age && s.as_of + dp.max_age < h1 {
                    bps.insert(s.as_of + dp.max_age);
                }
            }
        }
        bps.extend(p.cal.edges(h0, h1));
        let bps: Vec<i64> = bps.into_iter().collect();
        let mut out: Vec<(i64, i64, FaultSet, BTreeSet<String>)> = Vec::new();
        let mut by = ByState::default();
        for w in bps.windows(2) {
            let (a, b) = (w[0], w[1]);
            if !p.cal.is_open(a) {
                continue;
            }
            let (bad, causes, why) = self.proc_violated_at(pid, a);
            if !bad {
                continue;
            }
            let worst = why.iter().map(|x| x.1).max().unwrap_or(Label::Stale);
            by.add(worst, b - a);
            let whys: BTreeSet<String> = why
                .into_iter()
                .map(|(d, l)| format!("{d}:{}", l.as_str()))
                .collect();
            if let Some(last) = out.last_mut() {
                if last.1 == a {
                    last.1 = b;
                    last.2 = union(&last.2, &causes);
                    last.3.extend(whys);
                    continue;
                }
            }
            out.push((a, b, causes, whys));
        }
        (out, by)
    }

    /// The impact intervals of a process computed minute by minute (§13, test 3).
    pub fn proc_intervals_bruteforce(&self, pid: u32) -> Vec<(i64, i64)> {
        let st = self.settings();
        let p = &self.m.processes[pid as usize];
        let mut out: Vec<(i64, i64)> = Vec::new();
        for t in st.horizon_start..st.horizon_end {
            if p.cal.is_open(t) && self.proc_violated_at(pid, t).0 {
                match out.last_mut() {
                    Some(last) if last.1 == t => last.1 = t + 1,
                    _ => out.push((t, t + 1)),
                }
            }
        }
        out
    }

    /// Whether every simulated process's breakpoint intervals equal the minute-by-minute ones.
    pub fn check_intervals(&self) -> Result<(), String> {
        for &pid in &self.sim_procs {
            let (iv, _) = self.proc_intervals(pid);
            let a: Vec<(i64, i64)> = iv.iter().map(|x| (x.0, x.1)).collect();
            let b = self.proc_intervals_bruteforce(pid);
            if a != b {
                return Err(format!(
                    "process {}: breakpoints {a:?} != minutes {b:?}",
                    self.m.processes[pid as usize].id
                ));
            }
        }
        Ok(())
    }

    fn structural_cone(&self, flow: u32) -> BTreeSet<u32> {
        let m = self.m;
        let o = m.flows[flow as usize].output;
        let mut ds = BTreeSet::from([o]);
        let mut stack = vec![o];
        while let Some(d) = stack.pop() {
            for &g in &m.consumers[d as usize] {
                let o = m.flows[g as usize].output;
                if ds.insert(o) {
                    stack.push(o);
                }
            }
        }
        ds
    }

    /// The report in the contract form of §9, with `summary`.
    #[allow(clippy::too_many_lines)]
    pub fn report(&self, deadline: Option<i64>) -> SimReport {
        let m = self.m;
        let st = self.settings();
        let (h0, h1) = (st.horizon_start, st.horizon_end);
        let dsl: Vec<Vec<Raw>> = (0..self.sim_ds.len()).map(|k| self.classify(k)).collect();
        let conv = |v: &[Raw]| -> Vec<Interval> {
            v.iter()
                .map(|(l, a, b, c)| Interval {
                    causes: self.names(c),
                    end: *b,
                    start: *a,
                    state: *l,
                })
                .collect()
        };
        // systems
        let mut by_sys: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for (k, &d) in self.sim_ds.iter().enumerate() {
            by_sys
                .entry(m.datasets[d as usize].system)
                .or_default()
                .push(k);
        }
        let mut systems = BTreeMap::new();
        for (&si, mine) in &by_sys {
            let s = &m.systems[si as usize];
            let mut bps: BTreeSet<i64> = BTreeSet::from([h0, h1]);
            for &k in mine {
                for iv in &dsl[k] {
                    bps.insert(iv.1);
                    bps.insert(iv.2);
                }
            }
            let bps: Vec<i64> = bps.into_iter().collect();
            let mut segs: Vec<Raw> = Vec::new();
            for w in bps.windows(2) {
                let (a, b) = (w[0], w[1]);
                let mut lab = Label::Fresh;
                let mut causes = Vec::new();
                for &k in mine {
                    for iv in &dsl[k] {
                        if iv.1 <= a && a < iv.2 && iv.0 != Label::Fresh {
                            causes = union(&causes, &iv.3);
                            lab = lab.max(iv.0);
                        }
                    }
                }
                match segs.last_mut() {
                    Some(last) if last.0 == lab && last.2 == a => {
                        last.2 = b;
                        last.3 = union(&last.3, &causes);
                    }
                    _ => segs.push((lab, a, b, causes)),
                }
            }
            systems.insert(s.id.clone(), conv(&segs));
        }
        // processes
        let mut processes = BTreeMap::new();
        for (pi, p) in m.processes.iter().enumerate() {
            let pid = pi as u32;
            if !self.proc_simulated(pid) {
                processes.insert(
                    p.id.clone(),
                    ProcessImpact {
                        first_impact: None,
                        impacted: false,
                        impacted_by_deadline: false,
                        impacted_minutes: 0,
                        intervals: vec![],
                        minutes_by_state: ByState::default(),
                    },
                );
                continue;
            }
            let (iv, by) = self.proc_intervals(pid);
            if cfg!(debug_assertions) {
                let a: Vec<(i64, i64)> = iv.iter().map(|x| (x.0, x.1)).collect();
                debug_assert_eq!(a, self.proc_intervals_bruteforce(pid), "process {}", p.id);
            }
            let first = iv.first().map(|x| x.0);
            processes.insert(
                p.id.clone(),
                ProcessImpact {
                    first_impact: first,
                    impacted: !iv.is_empty(),
                    impacted_by_deadline: match (first, deadline) {
                        (Some(f), Some(d)) => f <= d,
                        _ => false,
                    },
                    impacted_minutes: iv.iter().map(|x| x.1 - x.0).sum(),
                    intervals: iv
                        .iter()
                        .map(|(a, b, c, w)| ProcInterval {
                            causes: self.names(c),
                            end: *b,
                            start: *a,
                            why: w.iter().cloned().collect(),
                        })
                        .collect(),
                    minutes_by_state: by,
                },
            );
        }
        // incidents
        let mut incidents = BTreeMap::new();
        for (fi, fa) in self.faults.iter().enumerate() {
            let phi = fi as u32;
            let rt = &self.frt[fi];
            let sds = self.structural_cone(fa.flow);
            let ssys: BTreeSet<&str> = sds
                .iter()
                .map(|&d| {
                    m.systems[m.datasets[d as usize].system as usize]
                        .id
                        .as_str()
                })
                .collect();
            let sproc: BTreeSet<&str> = m
                .processes
                .iter()
                .filter(|p| p.deps.iter().any(|dp| sds.contains(&dp.dataset)))
                .map(|p| p.id.as_str())
                .collect();
            let dyn_ds: Vec<u32> = self
                .sim_ds
                .iter()
                .enumerate()
                .filter(|(k, _)| {
                    dsl[*k]
                        .iter()
                        .any(|iv| iv.0 != Label::Fresh && iv.3.contains(&phi))
                })
                .map(|(_, &d)| d)
                .collect();
            let fid = &fa.id;
            let dyn_proc: Vec<&String> = processes
                .iter()
                .filter(|(_, r)| r.intervals.iter().any(|i| i.causes.contains(fid)))
                .map(|(p, _)| p)
                .collect();
            let mut teams: BTreeSet<String> = dyn_ds
                .iter()
                .filter_map(|&d| m.datasets[d as usize].owner.clone())
                .collect();
            for p in &dyn_proc {
                if let Some(pp) = m.processes.iter().find(|x| &&x.id == p) {
                    teams.insert(m.teams[pp.owner as usize].id.clone());
                }
            }
            let dyn_sys: BTreeSet<&str> = dyn_ds
                .iter()
                .map(|&d| {
                    m.systems[m.datasets[d as usize].system as usize]
                        .id
                        .as_str()
                })
                .collect();
            let via = rt.detected_by.and_then(|i| self.signals.get(i)).map(|s| {
                format!(
                    "{} on {} -> {}",
                    s.signal,
                    s.object,
                    s.team.map_or("None", |t| m.teams[t as usize].id.as_str())
                )
            });
            incidents.insert(
                fa.id.clone(),
                Incident {
                    blast_radius_actual: BlastActual {
                        datasets: dyn_ds
                            .iter()
                            .map(|&d| m.datasets[d as usize].id.clone())
                            .collect(),
                        processes: dyn_proc.into_iter().cloned().collect(),
                        systems: dyn_sys.into_iter().map(str::to_owned).collect(),
                        teams: teams.into_iter().collect(),
                    },
                    blast_radius_structural: BlastStructural {
                        datasets: sds
                            .iter()
                            .map(|&d| m.datasets[d as usize].id.clone())
                            .collect(),
                        processes: sproc.into_iter().map(str::to_owned).collect(),
                        systems: ssys.into_iter().map(str::to_owned).collect(),
                    },
                    detected_at: rt.detected_at,
                    detected_via: via,
                    first_effect: rt.first_effect,
                    flow: m.flows[fa.flow as usize].id.clone(),
                    kind: fa.kind.name().to_owned(),
                    repair_team: if rt.repaired {
                        rt.repair_team.map(|t| m.teams[t as usize].id.clone())
                    } else {
                        None
                    },
                    repaired_at: if rt.repaired { rt.repair_at } else { None },
                    start: fa.start,
                    ttd: rt.detected_at.map(|d| d - fa.start),
                },
            );
        }
        let signals: Vec<Signal> = self
            .signals
            .iter()
            .filter(|s| h0 <= s.emitted && s.emitted < h1)
            .map(|s| Signal {
                causes: self.names(&s.causes),
                channel: s.channel.to_owned(),
                emitted: s.emitted,
                object: s.object.clone(),
                routed: s.routed,
                seen: s.seen,
                signal: s.signal.to_owned(),
                team: s.team.map(|t| m.teams[t as usize].id.clone()),
            })
            .collect();
        let errors: Vec<ErrorRecord> = self
            .errors
            .iter()
            .filter(|e| h0 <= e.t && e.t < h1)
            .map(|e| ErrorRecord {
                attempt: e.attempt,
                flow: m.flows[e.flow as usize].id.clone(),
                t: e.t,
                kind: e.kind.to_owned(),
            })
            .collect();
        // every flow output; those not simulated are fresh and expanded when serialised
        let datasets: BTreeMap<String, Vec<Interval>> = self
            .sim_ds
            .iter()
            .enumerate()
            .map(|(k, &d)| (m.datasets[d as usize].id.clone(), conv(&dsl[k])))
            .collect();
        let datasets = Timelines::new(datasets, m.produced_ids.clone(), (h0, h1));
        let systems = Timelines::new(systems, m.system_ids.clone(), (h0, h1));
        let summary = summarize(&incidents, &processes);
        SimReport {
            datasets,
            errors,
            incidents,
            processes,
            signals,
            summary,
            systems,
        }
    }
}

/// The summary of §9 from the incidents and processes.
pub fn summarize(
    incidents: &BTreeMap<String, Incident>,
    processes: &BTreeMap<String, ProcessImpact>,
) -> Summary {
    let inc = incidents.values().next();
    let mut by = ByState::default();
    for p in processes.values() {
        by.corrupt += p.minutes_by_state.corrupt;
        by.partial += p.minutes_by_state.partial;
        by.stale += p.minutes_by_state.stale;
    }
    Summary {
        detected_at: inc.and_then(|i| i.detected_at),
        impacted: processes
            .iter()
            .filter(|(_, p)| p.impacted)
            .map(|(k, _)| k.clone())
            .collect(),
        impacted_by_deadline: processes
            .iter()
            .filter(|(_, p)| p.impacted_by_deadline)
            .map(|(k, _)| k.clone())
            .collect(),
        impacted_minutes: processes.values().map(|p| p.impacted_minutes).sum(),
        minutes_by_state: by,
        per_process: processes
            .iter()
            .map(|(k, p)| (k.clone(), p.impacted_minutes))
            .collect(),
        repaired_at: inc.and_then(|i| i.repaired_at),
        ttd: inc.and_then(|i| i.ttd),
        tti: match inc {
            Some(i) => processes
                .iter()
                .filter_map(|(k, p)| p.first_impact.map(|f| (k.clone(), f - i.start)))
                .collect(),
            None => BTreeMap::new(),
        },
    }
}
