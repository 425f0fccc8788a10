//! R7 signals and routing, R8 detection and repair (`simulation.md` §7.2–7.3).

use super::queue::{Origin, Payload};
use super::{Engine, SignalRt};

impl Engine<'_> {
    pub(super) fn emit_flow(&mut self, t: i64, kind: &'static str, fid: u32, causes: &[u32]) {
        let f = &self.m.flows[fid as usize];
        let obj = format!("flow:{}", f.id);
        let rank = self.m.obj_rank_flow[fid as usize];
        self.emit(t, kind, obj, rank, f.owner, causes, (Some(fid), None), None);
    }

    pub(super) fn emit_dataset(&mut self, t: i64, kind: &'static str, mid: u32, causes: &[u32]) {
        let mon = &self.m.monitors[mid as usize];
        let d = mon.dataset;
        let obj = format!("dataset:{}", self.m.datasets[d as usize].id);
        let rank = self.m.obj_rank_ds[d as usize];
        self.emit(t, kind, obj, rank, mon.owner, causes, (None, Some(d)), None);
    }

    pub(super) fn emit_process(&mut self, t: i64, pid: u32, causes: &[u32]) {
        let p = &self.m.processes[pid as usize];
        let obj = format!("process:{}", p.id);
        let rank = self.m.obj_rank_proc[pid as usize];
        self.emit(
            t,
            "business_complaint",
            obj,
            rank,
            Some(p.owner),
            causes,
            (None, None),
            Some(0),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        t: i64,
        kind: &'static str,
        object: String,
        rank: u32,
        team: Option<u32>,
        causes: &[u32],
        direct: (Option<u32>, Option<u32>),
        delay: Option<i64>,
    ) {
        let mut rec = SignalRt {
            emitted: t,
            signal: kind,
            object,
            team,
            causes: causes.to_vec(),
            routed: false,
            channel: "unrouted (no owner)",
            seen: None,
            direct_flow: direct.0,
            direct_ds: direct.1,
        };
        let Some(team) = team else {
            self.signals.push(rec);
            return;
        };
        let d = delay.unwrap_or(i64::from(self.st.alert_delay_minutes));
        let cal = &self.m.teams[team as usize].cal;
        let seen = cal.next_open(t + d);
        rec.routed = true;
        rec.seen = Some(seen);
        rec.channel = if kind == "business_complaint" {
            "human report"
        } else if cal.is_always() {
            "page (24x7 on-call)"
        } else {
            "ticket/e-mail (read in business hours)"
        };
        self.signals.push(rec);
        self.q.push(
            seen,
            Payload::Seen {
                sig: self.signals.len() - 1,
                rank,
            },
        );
    }

    pub(super) fn h_seen(&mut self, t: i64, idx: usize) {
        let Some(rec) = self.signals.get(idx) else {
            return;
        };
        let causes = rec.causes.clone();
        let (dflow, dds, sig_team) = (rec.direct_flow, rec.direct_ds, rec.team);
        let m = self.m;
        for phi in causes {
            let rt = &self.frt[phi as usize];
            if rt.detected_at.is_some() || rt.repaired {
                continue;
            }
            let fa = &self.faults[phi as usize];
            let f = &m.flows[fa.flow as usize];
            let direct = dflow == Some(fa.flow) || dds == Some(f.output);
            let triage = if direct {
                0
            } else if self.st.lineage {
                i64::from(self.st.triage_lineage_minutes)
            } else {
                i64::from(self.st.triage_minutes)
            };
            let (team, extra) = if let Some(o) = f.owner {
                (Some(o), 0)
            } else {
                let declared = sig_team.filter(|&tm| m.teams[tm as usize].declared);
                let team = declared.or_else(|| m.team_ix(&self.st.fallback_team));
                (team, i64::from(self.st.no_owner_delay_minutes))
            };
            let Some(team) = team else {
                continue;
            };
            let start = m.teams[team as usize].cal.next_open(t + triage + extra);
            let repair_at = start + fa.repair_minutes;
            let rt = &mut self.frt[phi as usize];
            rt.detected_at = Some(t);
            rt.detected_by = Some(idx);
            rt.repair_at = Some(repair_at);
            rt.repair_team = Some(team);
            self.q.push(repair_at, Payload::Repair { fault: phi });
        }
    }

    pub(super) fn h_repair(&mut self, t: i64, phi: u32) {
        self.frt[phi as usize].repaired = true;
        let fid = self.faults[phi as usize].flow;
        if self.m.flows[fid as usize].sched.is_stream() {
            if let Some(k) = self.flow_local(fid) {
                self.sres[k].remove(&phi);
            }
            self.stream_update(t, fid);
        } else {
            self.q.push(
                t,
                Payload::Run {
                    flow: fid,
                    key: t,
                    attempt: 1,
                    origin: Origin::Repair(phi),
                },
            );
        }
    }
}
