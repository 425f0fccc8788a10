//! The engine's network compiled straight from the document model (`simulation.md` §11, step 1):
//! typed calendars, schedules and faults become the engine's dense, sorted form without a detour
//! through strings. The rules of §3.8 are `model::validate`'s; this module assumes a landscape
//! without error findings and still answers a broken reference with an error, never a panic.

use std::collections::{BTreeMap, HashMap};

use crate::model::{
    Calendar, Fault, FaultKind, Flow, Jitter, Landscape, MonitorCheck, Schedule, Settings,
};

use super::calendar::Cal;
use super::net::{
    MonKind, NetDataset, NetDep, NetFault, NetFaultKind, NetFlow, NetMonitor, NetParts, NetProcess,
    NetRetry, NetSystem, NetTeam, Network,
};
use super::schedule::Sched;

/// A reference the engine cannot resolve, or a calendar that is never open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BuildError(pub String);

type R<T> = Result<T, BuildError>;

fn fail<T>(msg: String) -> R<T> {
    Err(BuildError(msg))
}

/// The engine's form of a calendar.
pub fn calendar(c: &Calendar, what: &str) -> R<Cal> {
    match c {
        Calendar::TwentyFourSeven => Ok(Cal::always()),
        Calendar::BusinessHours => Ok(Cal::business_hours()),
        Calendar::Windows(ws) => {
            let windows: Vec<(Vec<u8>, i64, i64)> = ws
                .iter()
                .map(|w| {
                    (
                        w.days.iter().map(|d| d.index()).collect(),
                        i64::from(w.start.minutes()),
                        i64::from(w.end.minutes()),
                    )
                })
                .collect();
            Cal::from_windows(&windows)
                .ok_or_else(|| BuildError(format!("{what}: the calendar is never open")))
        }
    }
}

/// The engine's form of a schedule.
pub fn schedule(s: &Schedule) -> Sched {
    match s {
        Schedule::Cron { times, days } => {
            let mut ts: Vec<i64> = times.iter().map(|t| i64::from(t.minutes())).collect();
            ts.sort_unstable();
            let mut mask = [false; 7];
            for d in days {
                mask[d.index() as usize] = true;
            }
            Sched::Cron {
                times: ts,
                days: mask,
            }
        }
        Schedule::Every {
            every_minutes,
            offset_minutes,
        } => Sched::Every {
            every: i64::from(*every_minutes),
            offset: i64::from(*offset_minutes),
        },
        Schedule::Stream { latency_minutes } => Sched::Stream {
            latency: i64::from(*latency_minutes),
        },
    }
}

/// Ids in sorted order with their dense index.
fn sorted_index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, u32> {
    let mut v: Vec<&str> = ids.collect();
    v.sort_unstable();
    v.dedup();
    v.into_iter()
        .enumerate()
        .map(|(i, s)| (s, i as u32))
        .collect()
}

/// Place each item at its sorted index.
fn placed<T>(n: usize, items: impl Iterator<Item = (u32, T)>) -> Vec<T> {
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(n).collect();
    for (i, x) in items {
        if let Some(slot) = slots.get_mut(i as usize) {
            *slot = Some(x);
        }
    }
    slots.into_iter().flatten().collect()
}

/// Teams: implicit business teams (first process in model order), declared teams, fallback.
fn teams(l: &Landscape, st: &Settings) -> R<Vec<NetTeam>> {
    let mut map: BTreeMap<&str, NetTeam> = BTreeMap::new();
    for p in &l.processes {
        if !map.contains_key(p.owner.as_str()) {
            let cal = calendar(&p.calendar, &format!("process {}", p.id))?;
            map.insert(
                &p.owner,
                NetTeam {
                    id: p.owner.clone(),
                    cal,
                    declared: false,
                },
            );
        }
    }
    for t in &l.teams {
        let cal = calendar(&t.calendar, &format!("team {}", t.id))?;
        map.insert(
            &t.id,
            NetTeam {
                id: t.id.clone(),
                cal,
                declared: true,
            },
        );
    }
    map.entry(&st.fallback_team).or_insert_with(|| NetTeam {
        id: st.fallback_team.clone(),
        cal: Cal::business_hours(),
        declared: false,
    });
    Ok(map.into_values().collect())
}

struct Ix<'a> {
    teams: HashMap<&'a str, u32>,
    datasets: HashMap<String, u32>,
}

impl Ix<'_> {
    fn team(&self, owner: Option<&String>, what: &str) -> R<Option<u32>> {
        match owner {
            None => Ok(None),
            Some(o) => match self.teams.get(o.as_str()) {
                Some(&i) => Ok(Some(i)),
                None => fail(format!("{what}: owner '{o}' is not a team")),
            },
        }
    }

    fn dataset(&self, id: &str, what: &str) -> R<u32> {
        self.datasets
            .get(id)
            .copied()
            .ok_or_else(|| BuildError(format!("{what}: unknown dataset '{id}'")))
    }
}

fn flow(f: &Flow, ix: &Ix<'_>) -> R<NetFlow> {
    let what = format!("flow {}", f.id);
    let inputs = f
        .inputs
        .iter()
        .map(|x| ix.dataset(x, &what))
        .collect::<R<Vec<u32>>>()?;
    Ok(NetFlow {
        id: f.id.clone(),
        inputs,
        output: ix.dataset(&f.output, &what)?,
        sched: schedule(&f.schedule),
        duration: i64::from(f.duration_minutes),
        owner: ix.team(f.owner.as_ref(), &what)?,
        validation: i64::from(f.validation.level()),
        job_alert: f.job_alert,
        retry: NetRetry {
            max_attempts: i64::from(f.retry.max_attempts),
            base: i64::from(f.retry.base_minutes),
            factor: f.retry.factor,
            cap: i64::from(f.retry.cap_minutes),
            full_jitter: f.retry.jitter == Jitter::Full,
        },
        buffered: f.buffered,
        dlq: f.dlq,
        queue_age_alarm: f.queue_age_alarm_minutes.map(i64::from),
        loss: f.loss,
    })
}

fn monitor_kind(c: &MonitorCheck) -> MonKind {
    match c {
        MonitorCheck::Freshness { max_age_minutes } => {
            MonKind::Freshness(i64::from(*max_age_minutes))
        }
        MonitorCheck::Volume { min_completeness } => MonKind::Volume(*min_completeness),
        MonitorCheck::Quality { max_detectability } => {
            MonKind::Quality(i64::from(*max_detectability))
        }
    }
}

/// The settings' horizon is in order: `sim_start <= horizon_start < horizon_end`.
pub fn check_horizon(st: &Settings) -> R<()> {
    if st.sim_start <= st.horizon_start && st.horizon_start < st.horizon_end {
        return Ok(());
    }
    fail(format!(
        "settings: need sim_start <= horizon_start < horizon_end, got {}, {}, {}",
        st.sim_start, st.horizon_start, st.horizon_end
    ))
}

/// Compiles a landscape without error findings, with the given settings, into the network.
pub fn network(l: &Landscape, st: &Settings) -> R<Network> {
    check_horizon(st)?;
    let teams = teams(l, st)?;
    let sys_ix = sorted_index(l.systems.iter().map(|s| s.id.as_str()));
    let full_ids: Vec<(String, u32, &crate::model::Dataset)> = l
        .datasets()
        .filter_map(|d| Some((d.full_id(), *sys_ix.get(d.system.id.as_str())?, d.dataset)))
        .collect();
    let ds_ix = sorted_index(full_ids.iter().map(|(id, _, _)| id.as_str()));
    let ix = Ix {
        teams: teams
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i as u32))
            .collect(),
        datasets: ds_ix.iter().map(|(k, &v)| ((*k).to_owned(), v)).collect(),
    };
    let systems = placed(
        sys_ix.len(),
        l.systems.iter().map(|s| {
            let name = if s.name.is_empty() { &s.id } else { &s.name };
            (
                sys_ix[s.id.as_str()],
                NetSystem {
                    id: s.id.clone(),
                    name: name.clone(),
                },
            )
        }),
    );
    let datasets = placed(
        ds_ix.len(),
        full_ids.iter().map(|(id, sys, d)| {
            (
                ds_ix[id.as_str()],
                NetDataset {
                    id: id.clone(),
                    system: *sys,
                    source: d.source,
                    stale_after: d.stale_after_minutes.map(i64::from),
                    owner: d.owner.clone(),
                },
            )
        }),
    );
    let flow_ix = sorted_index(l.flows.iter().map(|f| f.id.as_str()));
    let flows = l
        .flows
        .iter()
        .map(|f| Ok((flow_ix[f.id.as_str()], flow(f, &ix)?)))
        .collect::<R<Vec<_>>>()?;
    let flows = placed(flow_ix.len(), flows.into_iter());
    let monitors = monitors(l, &ix)?;
    let processes = processes(l, &ix)?;
    Ok(Network::assemble(NetParts {
        teams,
        systems,
        datasets,
        flows,
        monitors,
        processes,
        settings: st.clone(),
    }))
}

fn monitors(l: &Landscape, ix: &Ix<'_>) -> R<Vec<NetMonitor>> {
    let mon_ix = sorted_index(l.monitors.iter().map(|m| m.id.as_str()));
    let list = l
        .monitors
        .iter()
        .map(|m| {
            let what = format!("monitor {}", m.id);
            Ok((
                mon_ix[m.id.as_str()],
                NetMonitor {
                    id: m.id.clone(),
                    dataset: ix.dataset(&m.dataset, &what)?,
                    kind: monitor_kind(&m.check),
                    every: i64::from(m.every_minutes),
                    offset: i64::from(m.offset_minutes),
                    owner: ix.team(m.owner.as_ref(), &what)?,
                },
            ))
        })
        .collect::<R<Vec<_>>>()?;
    Ok(placed(mon_ix.len(), list.into_iter()))
}

fn processes(l: &Landscape, ix: &Ix<'_>) -> R<Vec<NetProcess>> {
    let proc_ix = sorted_index(l.processes.iter().map(|p| p.id.as_str()));
    let list = l
        .processes
        .iter()
        .map(|p| {
            let what = format!("process {}", p.id);
            let deps = p
                .dependencies
                .iter()
                .map(|d| {
                    Ok(NetDep {
                        dataset: ix.dataset(&d.dataset, &what)?,
                        max_age: i64::from(d.max_age_minutes),
                        min_completeness: d.min_completeness,
                    })
                })
                .collect::<R<Vec<_>>>()?;
            let owner = ix
                .team(Some(&p.owner), &what)?
                .ok_or_else(|| BuildError(format!("{what}: no owner")))?;
            Ok((
                proc_ix[p.id.as_str()],
                NetProcess {
                    id: p.id.clone(),
                    owner,
                    deps,
                    cal: calendar(&p.calendar, &what)?,
                    notice_after: p.notice_after_minutes.map(i64::from),
                },
            ))
        })
        .collect::<R<Vec<_>>>()?;
    Ok(placed(proc_ix.len(), list.into_iter()))
}

/// The engine's form of a scenario's faults, sorted by id.
pub fn faults(net: &Network, faults: &[Fault]) -> R<Vec<NetFault>> {
    let mut out = faults
        .iter()
        .map(|f| {
            let Some(flow) = net.flow_ix(&f.flow) else {
                return fail(format!("fault {}: unknown flow '{}'", f.id, f.flow));
            };
            let (kind, detectability) = match f.kind {
                FaultKind::Fail => (NetFaultKind::Fail, 2),
                FaultKind::Silent => (NetFaultKind::Silent, 2),
                FaultKind::Partial { fraction } => (NetFaultKind::Partial(fraction), 2),
                FaultKind::Delay { minutes } => (NetFaultKind::Delay(i64::from(minutes)), 2),
                FaultKind::Semantic { detectability } => {
                    (NetFaultKind::Semantic, i64::from(detectability))
                }
            };
            Ok(NetFault {
                id: f.id.clone(),
                flow,
                kind,
                start: f.start,
                end: f.end,
                repair_minutes: i64::from(f.repair_minutes),
                detectability,
            })
        })
        .collect::<R<Vec<_>>>()?;
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}
