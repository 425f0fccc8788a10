//! R6 monitors (`simulation.md` §7.1) and R9 processes at run time (§7.4): analytic timers with
//! version numbers, impact episodes and complaints.

use super::Engine;
use super::queue::Payload;
use crate::sim::net::MonKind;
use crate::sim::state::{FaultSet, union};

impl Engine<'_> {
    pub(super) fn mon_schedule(&mut self, t: i64, mid: u32) {
        let Some(&k) = self.mon_loc.get(&mid) else {
            return;
        };
        let k = k as usize;
        let m = self.m;
        let mon = &m.monitors[mid as usize];
        let Some(di) = self.ds_local(mon.dataset) else {
            return;
        };
        self.mver[k] += 1;
        let v = self.mver[k];
        let b = match mon.kind {
            MonKind::Volume(th) => {
                if self.state[di].compl < th {
                    if !self.malerted[k] {
                        self.malerted[k] = true;
                        let causes = self.state[di].causes.clone();
                        self.emit_dataset(t, "volume_check", mid, &causes);
                    }
                } else {
                    self.malerted[k] = false;
                }
                return;
            }
            MonKind::Freshness(th) => {
                let s = &self.state[di];
                match s.lag {
                    Some(lag) => (lag >= th).then_some(t),
                    None => Some(s.as_of + th),
                }
            }
            MonKind::Quality(th) => {
                let s = &self.state[di];
                s.taints.iter().any(|&tau| self.det(tau) <= th).then_some(t)
            }
        };
        if b.is_none_or(|b| b > t) {
            self.malerted[k] = false;
        }
        let Some(b) = b else {
            return;
        };
        let g = b.max(t);
        let g = mon.offset + mon.every * -((-(g - mon.offset)).div_euclid(mon.every));
        self.q.push(g, Payload::Mon { mon: mid, ver: v });
    }

    pub(super) fn h_mon(&mut self, t: i64, mid: u32, v: u64) {
        let Some(&k) = self.mon_loc.get(&mid) else {
            return;
        };
        let k = k as usize;
        if v != self.mver[k] || self.malerted[k] {
            return;
        }
        let mon = &self.m.monitors[mid as usize];
        let Some(di) = self.ds_local(mon.dataset) else {
            return;
        };
        self.malerted[k] = true;
        let kind = if matches!(mon.kind, MonKind::Freshness(_)) {
            "freshness_check"
        } else {
            "quality_check"
        };
        let causes = self.state[di].causes.clone();
        self.emit_dataset(t, kind, mid, &causes);
    }

    /// Whether process `pid` is violated at `t`, with the causes.
    fn violated(&self, pid: u32, t: i64) -> (bool, FaultSet) {
        let mut bad = false;
        let mut causes = Vec::new();
        for dp in &self.m.processes[pid as usize].deps {
            let Some(i) = self.ds_local(dp.dataset) else {
                continue;
            };
            let s = &self.state[i];
            if !s.taints.is_empty() || s.compl < dp.min_completeness || s.age(t) >= dp.max_age {
                bad = true;
                causes = union(&union(&causes, &s.causes), &s.taints);
            }
        }
        (bad, causes)
    }

    fn next_violation(&self, pid: u32, t: i64) -> Option<i64> {
        let mut best: Option<i64> = None;
        for dp in &self.m.processes[pid as usize].deps {
            let Some(i) = self.ds_local(dp.dataset) else {
                continue;
            };
            let s = &self.state[i];
            if s.lag.is_none() {
                let v = t.max(s.as_of + dp.max_age);
                best = Some(best.map_or(v, |b| b.min(v)));
            }
        }
        best
    }

    pub(super) fn proc_schedule(&mut self, t: i64, pid: u32) {
        let Some(&k) = self.proc_loc.get(&pid) else {
            return;
        };
        let k = k as usize;
        self.pver[k] += 1;
        let (bad, _) = self.violated(pid, t);
        if !bad && self.pep[k].is_some() {
            self.pep[k] = None;
        }
        let v = if bad {
            Some(t)
        } else {
            self.next_violation(pid, t)
        };
        if let Some(v) = v {
            let at = self.m.processes[pid as usize].cal.next_open(v);
            self.q.push(
                at,
                Payload::Proc {
                    proc: pid,
                    ver: self.pver[k],
                },
            );
        }
    }

    pub(super) fn h_proc(&mut self, t: i64, pid: u32, v: u64) {
        let Some(&k) = self.proc_loc.get(&pid) else {
            return;
        };
        let k = k as usize;
        if v != self.pver[k] || self.pep[k].is_some() {
            return;
        }
        let p = &self.m.processes[pid as usize];
        if !self.violated(pid, t).0 || !p.cal.is_open(t) {
            return;
        }
        self.pep_n[k] += 1;
        self.pep[k] = Some(self.pep_n[k]);
        if let Some(n) = p.notice_after {
            self.q.push(
                p.cal.add_open(t, n),
                Payload::Notice {
                    proc: pid,
                    ep: self.pep_n[k],
                },
            );
        }
    }

    pub(super) fn h_notice(&mut self, t: i64, pid: u32, ep: u64) {
        let Some(&k) = self.proc_loc.get(&pid) else {
            return;
        };
        if self.pep[k as usize] != Some(ep) {
            return;
        }
        let (bad, causes) = self.violated(pid, t);
        if bad {
            self.emit_process(t, pid, &causes);
        }
    }
}
