//! R4, streams (`simulation.md` §6.2): residues, blocking and unblocking, frozen state, loss,
//! DLQ and queue-age alarms, and delivery.

use super::queue::Payload;
use super::{Engine, Residue};
use crate::sim::net::NetFaultKind;
use crate::sim::state::{DState, FaultSet, round6, union};

impl Engine<'_> {
    pub(super) fn stream_update(&mut self, t: i64, fid: u32) {
        let Some(k) = self.flow_local(fid) else {
            return;
        };
        let m = self.m;
        let f = &m.flows[fid as usize];
        let l = f.sched.latency();
        let x = self.read(f.inputs[0], t);
        let act = self.active(fid, t);
        self.effect(&act, t);
        for &phi in &act {
            match self.faults[phi as usize].kind {
                NetFaultKind::Partial(fr) => {
                    self.sres[k].insert(phi, Residue::Partial(fr));
                }
                NetFaultKind::Semantic => {
                    self.sres[k].insert(phi, Residue::Taint);
                }
                _ => {}
            }
        }
        let res_taints: Vec<u32> = self.sres[k]
            .iter()
            .filter(|(_, r)| **r == Residue::Taint)
            .map(|(p, _)| *p)
            .collect();
        let taints = union(&x.taints, &res_taints);
        let rejected: FaultSet = taints
            .iter()
            .copied()
            .filter(|&tau| self.det(tau) <= f.validation)
            .collect();
        let kind_of = |p: u32| self.faults[p as usize].kind;
        let blocking: FaultSet = act
            .iter()
            .copied()
            .filter(|&p| {
                matches!(
                    kind_of(p),
                    NetFaultKind::Fail | NetFaultKind::Silent | NetFaultKind::Delay(_)
                )
            })
            .collect();
        if !blocking.is_empty() || !rejected.is_empty() {
            if self.sblock[k].is_some() {
                return;
            }
            self.sblock_n[k] += 1;
            self.sblock[k] = Some(blocking.clone());
            let frozen = DState {
                lag: None,
                as_of: x.asof(t),
                compl: x.compl,
                taints: x
                    .taints
                    .iter()
                    .copied()
                    .filter(|p| !rejected.contains(p))
                    .collect(),
                causes: union(&union(&x.causes, &blocking), &rejected),
            };
            self.send(t + l, k, fid, frozen);
            let fl: FaultSet = blocking
                .iter()
                .copied()
                .filter(|&p| kind_of(p) == NetFaultKind::Fail)
                .collect();
            if !rejected.is_empty() {
                self.error(t, fid, "messages rejected by contract validation", 0);
                self.emit_flow(t, "contract_validation", fid, &rejected);
                if f.dlq {
                    self.alarm(t + l, fid, rejected);
                }
            } else if !fl.is_empty() {
                self.error(t, fid, "consumer failing", 0);
                if f.dlq {
                    self.alarm(t + l, fid, fl.clone());
                }
                if f.job_alert {
                    self.emit_flow(t, "job_failure_alert", fid, &fl);
                }
            } else {
                self.error(t, fid, "stream stalled", 0);
            }
            if let Some(qa) = f.queue_age_alarm {
                if f.buffered && !blocking.is_empty() {
                    self.q.push(
                        t + qa,
                        Payload::Qage {
                            flow: fid,
                            block: Some(self.sblock_n[k]),
                            faults: blocking,
                        },
                    );
                }
            }
            return;
        }
        if let Some(bl) = self.sblock[k].take() {
            if !f.buffered {
                for phi in bl {
                    if kind_of(phi) == NetFaultKind::Fail && !self.frt[phi as usize].repaired {
                        self.sres[k].insert(phi, Residue::Lost(1.0 - f.loss));
                    }
                }
            }
        }
        let mut compl = x.compl;
        let mut causes = union(&x.causes, &act);
        let mut res_causes = Vec::new();
        for (&phi, r) in &self.sres[k] {
            res_causes.push(phi);
            match r {
                Residue::Partial(v) => compl *= v,
                Residue::Lost(v) => compl = compl.min(*v),
                Residue::Taint => {}
            }
        }
        causes = union(&causes, &res_causes);
        if f.dlq {
            let parts: FaultSet = act
                .iter()
                .copied()
                .filter(|&p| matches!(kind_of(p), NetFaultKind::Partial(_)))
                .collect();
            if !parts.is_empty() {
                self.alarm(t + l, fid, parts);
            }
        }
        let (lag, as_of) = x.shifted(l);
        let y = DState {
            lag,
            as_of,
            compl: round6(compl),
            taints,
            causes,
        };
        self.send(t + l, k, fid, y);
    }

    fn send(&mut self, t: i64, k: usize, fid: u32, y: DState) {
        if self.slast[k].as_ref() != Some(&y) {
            self.slast[k] = Some(y.clone());
            self.q.push(
                t,
                Payload::Deliver {
                    flow: fid,
                    state: y,
                },
            );
        }
    }

    fn alarm(&mut self, t: i64, fid: u32, faults: FaultSet) {
        if self.alarmed.insert((fid, faults.clone())) {
            self.q.push(
                t,
                Payload::Qage {
                    flow: fid,
                    block: None,
                    faults,
                },
            );
        }
    }

    pub(super) fn h_qage(&mut self, t: i64, fid: u32, block: Option<u64>, faults: &[u32]) {
        match block {
            None => self.emit_flow(t, "dlq_alarm", fid, faults),
            Some(n) => {
                let Some(k) = self.flow_local(fid) else {
                    return;
                };
                if self.sblock[k].is_some() && self.sblock_n[k] == n {
                    self.emit_flow(t, "queue_age_alarm", fid, faults);
                }
            }
        }
    }
}
