//! R3, batch runs (`simulation.md` §6.1): run start decides the outcome, run end writes it,
//! retries with backoff and jitter, alerts, validation rejects and cascade reruns.

use super::Engine;
use super::queue::{Origin, Outcome, Payload};
use crate::sim::jitter::jitter;
use crate::sim::net::NetFaultKind;
use crate::sim::state::{DState, round6, set_of, union};

impl Engine<'_> {
    pub(super) fn h_run(&mut self, t: i64, fid: u32, key: i64, attempt: i64, origin: Origin) {
        let m = self.m;
        let f = &m.flows[fid as usize];
        if origin == Origin::Sched && attempt == 1 {
            let nx = f.sched.next_fire(key + 1);
            if nx < self.st.horizon_end {
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
        let act = self.active(fid, t);
        self.effect(&act, t);
        let mut asof = i64::MAX;
        let mut compl = f64::INFINITY;
        let mut taints = Vec::new();
        let mut causes = Vec::new();
        for &x in &f.inputs {
            let s = self.read(x, t);
            asof = asof.min(s.asof(t));
            compl = compl.min(s.compl);
            taints = union(&taints, &s.taints);
            causes = union(&causes, &s.causes);
        }
        causes = union(&causes, &act);
        let kind_of = |phi: &u32| self.faults[*phi as usize].kind;
        let mut end = t + f.duration;
        let out = if act.iter().any(|p| kind_of(p) == NetFaultKind::Fail) {
            Outcome::Fail(
                act.iter()
                    .copied()
                    .filter(|p| kind_of(p) == NetFaultKind::Fail)
                    .collect(),
            )
        } else if act.iter().any(|p| kind_of(p) == NetFaultKind::Silent) {
            Outcome::Silent
        } else {
            let sem: Vec<u32> = act
                .iter()
                .copied()
                .filter(|p| kind_of(p) == NetFaultKind::Semantic)
                .collect();
            taints = union(&taints, &set_of(sem));
            let rejected: Vec<u32> = taints
                .iter()
                .copied()
                .filter(|&tau| self.det(tau) <= f.validation)
                .collect();
            if rejected.is_empty() {
                for &phi in &act {
                    match self.faults[phi as usize].kind {
                        NetFaultKind::Partial(fr) => compl *= fr,
                        NetFaultKind::Delay(mins) => end += mins,
                        _ => {}
                    }
                }
                Outcome::Commit(DState {
                    lag: None,
                    as_of: asof,
                    compl: round6(compl),
                    taints,
                    causes,
                })
            } else {
                Outcome::Reject(rejected)
            }
        };
        if !act.is_empty() {
            self.add_causes(t, f.output, &act);
        }
        self.q.push(
            end,
            Payload::End {
                flow: fid,
                key,
                attempt,
                origin,
                out,
            },
        );
    }

    pub(super) fn h_end(
        &mut self,
        t: i64,
        fid: u32,
        key: i64,
        attempt: i64,
        origin: Origin,
        out: Outcome,
    ) {
        let m = self.m;
        let f = &m.flows[fid as usize];
        match out {
            Outcome::Fail(fl) => {
                self.error(t, fid, "run failed (exit!=0)", attempt);
                if attempt < f.retry.max_attempts {
                    let r = &f.retry;
                    let raw = (r.base as f64 * r.factor.powf((attempt - 1) as f64)).trunc();
                    let mut b = (r.cap as f64).min(raw) as i64;
                    if r.full_jitter {
                        let u = jitter(self.st.seed, &f.id, key, attempt);
                        b = (b as f64 * u).trunc() as i64;
                    }
                    self.q.push(
                        t + b,
                        Payload::Run {
                            flow: fid,
                            key,
                            attempt: attempt + 1,
                            origin,
                        },
                    );
                } else if f.job_alert {
                    self.emit_flow(t, "job_failure_alert", fid, &fl);
                }
            }
            Outcome::Silent => self.error(t, fid, "error logged, exit 0 (silent)", attempt),
            Outcome::Reject(rej) => {
                self.error(t, fid, "contract validation rejected load", attempt);
                self.add_causes(t, f.output, &rej);
                self.emit_flow(t, "contract_validation", fid, &rej);
            }
            Outcome::Commit(state) => {
                self.set_state(t, f.output, state);
                let phi = match origin {
                    Origin::Repair(p) | Origin::Cascade(p) if self.st.cascade_rerun => p,
                    _ => return,
                };
                for &g in &m.consumers[f.output as usize] {
                    if self.flow_local(g).is_some()
                        && !m.flows[g as usize].sched.is_stream()
                        && self.cascaded.insert((phi, g))
                    {
                        self.q.push(
                            t,
                            Payload::Run {
                                flow: g,
                                key: t,
                                attempt: 1,
                                origin: Origin::Cascade(phi),
                            },
                        );
                    }
                }
            }
        }
    }

    pub(super) fn error(&mut self, t: i64, flow: u32, kind: &'static str, attempt: i64) {
        self.errors.push(super::ErrorRt {
            t,
            flow,
            kind,
            attempt,
        });
    }
}
