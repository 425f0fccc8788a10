//! From the reference JSON form to the compiled model: control sets applied to a copy of the
//! document (`simulation.md` §9.1), the validity rules of §3.8 (one clear error, no report) and
//! the dense indexes of §11, step 1.

use std::collections::{BTreeMap, BTreeSet};

use super::calendar::Cal;
use super::input::{
    CalendarIn, ChangeIn, Document, FaultIn, FlowIn, MonitorIn, ScenarioIn, ScheduleIn, SettingsIn,
};
use super::net::{
    MonKind, NetDataset, NetDep, NetFault, NetFaultKind, NetFlow, NetMonitor, NetParts, NetProcess,
    NetRetry, NetSystem, NetTeam, Network, Settings,
};
use super::schedule::Sched;

/// A rule of §3.8 or §9.1 that the input breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InputError(pub String);

type R<T> = Result<T, InputError>;

fn err<T>(msg: impl Into<String>) -> R<T> {
    Err(InputError(msg.into()))
}

const PATTERNS: [&str; 6] = [
    "file_export",
    "api_call",
    "message_queue",
    "etl_job",
    "internal_job",
    "ml_job",
];

/// One run to simulate: the compiled model with settings, the faults and the deadline.
#[derive(Debug, Clone)]
pub struct RunSpec {
    /// The model, changed by the control set if any.
    pub model: Network,
    /// The scenario's faults, sorted by id.
    pub faults: Vec<NetFault>,
    /// The deadline.
    pub deadline: Option<i64>,
}

/// The scenario with this id, or an error listing the valid ids.
pub fn find_scenario<'a>(doc: &'a Document, sid: &str) -> R<&'a ScenarioIn> {
    let mut ids = BTreeSet::new();
    for sc in &doc.scenarios {
        if !ids.insert(sc.id.as_str()) {
            return err(format!("duplicate scenario id '{}'", sc.id));
        }
    }
    doc.scenario(sid).ok_or_else(|| {
        InputError(format!(
            "no scenario '{sid}' in the document (scenarios: {})",
            list_or_none(doc.scenarios.iter().map(|s| s.id.as_str()))
        ))
    })
}

fn list_or_none<'a>(it: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<&str> = it.collect();
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}

/// The control set names of a scenario, checked for uniqueness.
pub fn control_names(sc: &ScenarioIn) -> R<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for c in &sc.controls {
        if out.contains(&c.name) {
            return err(format!(
                "scenario {}: duplicate control set '{}'",
                sc.id, c.name
            ));
        }
        out.push(c.name.clone());
    }
    Ok(out)
}

/// Builds the run of scenario `sid`, as-is or with the named control set applied.
pub fn build_run(doc: &Document, sid: &str, control: Option<&str>) -> R<RunSpec> {
    let sc = find_scenario(doc, sid)?;
    let names = control_names(sc)?;
    let mut settings = doc.settings.overlay(&sc.settings);
    let mut doc_owned;
    let mut d = doc;
    if let Some(name) = control {
        let Some(cs) = sc.controls.iter().find(|c| c.name == name) else {
            return err(format!(
                "scenario {sid}: no control set '{name}' (control sets: {})",
                list_or_none(names.iter().map(String::as_str))
            ));
        };
        doc_owned = doc.clone();
        for (i, ch) in cs.changes.iter().enumerate() {
            let w = format!("control '{name}'.changes[{i}]");
            apply_change(&mut doc_owned, &mut settings, ch, &w)?;
        }
        d = &doc_owned;
    }
    let st = resolve_settings(&settings)?;
    let model = compile_model(d, st)?;
    let mut faults = Vec::with_capacity(sc.faults.len());
    for f in &sc.faults {
        faults.push(compile_fault(&model, f)?);
    }
    check_scenario(&model, &faults)?;
    faults.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(RunSpec {
        model,
        faults,
        deadline: sc.deadline,
    })
}

fn apply_change(doc: &mut Document, settings: &mut SettingsIn, ch: &ChangeIn, w: &str) -> R<()> {
    match ch {
        ChangeIn::Flow { flow, set } => {
            let Some(f) = doc.flows.iter_mut().find(|f| &f.id == flow) else {
                return err(format!("{w}: no flow '{flow}'"));
            };
            set.apply(f);
        }
        ChangeIn::Team { team, set } => {
            let Some(t) = doc.teams.iter_mut().find(|t| &t.id == team) else {
                return err(format!("{w}: no declared team '{team}'"));
            };
            if let Some(c) = &set.calendar {
                t.calendar = c.clone();
            }
        }
        ChangeIn::AddMonitor { monitor } => doc.monitors.push(monitor.clone()),
        ChangeIn::Settings { set } => *settings = settings.overlay(set),
    }
    Ok(())
}

/// A duration in minutes: from 0 to 8 weeks (`model::ranges`), so no time sum overflows.
fn nonneg(v: i64, w: &str) -> R<i64> {
    range_i(v, w, 0, crate::model::ranges::MAX_SPAN_MINUTES)
}

fn range_i(v: i64, w: &str, lo: i64, hi: i64) -> R<i64> {
    if v < lo || v > hi {
        return err(format!("{w}: {v} is out of range ({lo} to {hi})"));
    }
    Ok(v)
}

fn range_f(v: f64, w: &str, lo: f64, hi: f64) -> R<f64> {
    if !(lo..=hi).contains(&v) {
        return err(format!("{w}: {v} is out of range ({lo} to {hi})"));
    }
    Ok(v)
}

fn minutes(v: Option<i64>, default: u32, w: &str) -> R<u32> {
    let Some(v) = v else {
        return Ok(default);
    };
    u32::try_from(v).map_err(|_| InputError(format!("{w}: {v} is out of range (at least 0)")))
}

/// Resolves settings over Switchboard's defaults.
pub fn resolve_settings(s: &SettingsIn) -> R<Settings> {
    let d = Settings::default();
    let sim_start = s.sim_start.unwrap_or(d.sim_start);
    let horizon_end = s.horizon_end.unwrap_or(d.horizon_end);
    check_span(
        sim_start,
        s.horizon_start.unwrap_or(d.horizon_start),
        horizon_end,
    )?;
    Ok(Settings {
        sim_start,
        horizon_start: s.horizon_start.unwrap_or(d.horizon_start),
        horizon_end,
        alert_delay_minutes: minutes(s.alert_delay, d.alert_delay_minutes, "settings.alert_delay")?,
        triage_minutes: minutes(s.triage, d.triage_minutes, "settings.triage")?,
        triage_lineage_minutes: minutes(
            s.triage_lineage,
            d.triage_lineage_minutes,
            "settings.triage_lineage",
        )?,
        lineage: s.lineage.unwrap_or(d.lineage),
        no_owner_delay_minutes: minutes(
            s.no_owner_delay,
            d.no_owner_delay_minutes,
            "settings.no_owner_delay",
        )?,
        cascade_rerun: s.cascade_rerun.unwrap_or(d.cascade_rerun),
        fallback_team: s.fallback_team.clone().unwrap_or(d.fallback_team),
        seed: s.seed.unwrap_or(d.seed),
    })
}

/// The simulated span is bounded (`model::ranges`): times within 8 weeks of week 0 and at most
/// 8 weeks from `sim_start` to `horizon_end`, so the engine's work is bounded too.
fn check_span(sim_start: i64, horizon_start: i64, horizon_end: i64) -> R<()> {
    use crate::model::ranges::{MAX_SPAN_MINUTES, MAX_TIME_MINUTES};
    let t = MAX_TIME_MINUTES;
    range_i(sim_start, "settings.sim_start", -t, t)?;
    range_i(horizon_start, "settings.horizon_start", -t, t)?;
    range_i(horizon_end, "settings.horizon_end", -t, t)?;
    let span = horizon_end.saturating_sub(sim_start);
    if span > MAX_SPAN_MINUTES {
        return err(format!(
            "settings: {span} minutes from sim_start to horizon_end is out of range (at most {MAX_SPAN_MINUTES}, 8 weeks)"
        ));
    }
    Ok(())
}

/// Compiles a calendar.
pub fn compile_calendar(c: &CalendarIn, w: &str) -> R<Cal> {
    match c {
        CalendarIn::Named(n) if n == "24x7" => Ok(Cal::always()),
        CalendarIn::Named(n) if n == "business_hours" => Ok(Cal::business_hours()),
        CalendarIn::Named(n) => err(format!(
            "{w}: calendar '{n}' is not \"24x7\", \"business_hours\" or a list of windows"
        )),
        CalendarIn::Windows(ws) => {
            let mut out = Vec::with_capacity(ws.len());
            for (i, win) in ws.iter().enumerate() {
                let wh = format!("{w}[{i}]");
                let mut days = Vec::new();
                for &d in &win.days {
                    days.push(range_i(d, &format!("{wh}.days"), 0, 6)? as u8);
                }
                let s = range_i(win.start, &format!("{wh}.start"), 0, 1439)?;
                let e = range_i(win.end, &format!("{wh}.end"), 1, 1440)?;
                if s >= e {
                    return err(format!("{wh}: start {s} must be before end {e}"));
                }
                out.push((days, s, e));
            }
            Cal::from_windows(&out)
                .ok_or_else(|| InputError(format!("{w}: the calendar is never open")))
        }
    }
}

fn compile_schedule(s: &ScheduleIn, w: &str) -> R<Sched> {
    Ok(match s {
        ScheduleIn::Cron { times, days } => {
            let mut ts = Vec::new();
            for &m in times {
                ts.push(range_i(m, &format!("{w}.times"), 0, 1439)?);
            }
            if ts.is_empty() {
                return err(format!(
                    "{w}.times: a cron schedule needs at least one time"
                ));
            }
            ts.sort_unstable();
            let mut mask = [true; 7];
            if let Some(ds) = days {
                if ds.is_empty() {
                    return err(format!(
                        "{w}.days: a cron schedule needs at least one weekday"
                    ));
                }
                mask = [false; 7];
                for &d in ds {
                    mask[range_i(d, &format!("{w}.days"), 0, 6)? as usize] = true;
                }
            }
            Sched::Cron {
                times: ts,
                days: mask,
            }
        }
        ScheduleIn::Every { every, offset } => {
            if *every < 1 {
                return err(format!("{w}.every: {every} is out of range (at least 1)"));
            }
            Sched::Every {
                every: *every,
                offset: *offset,
            }
        }
        ScheduleIn::Stream { latency } => Sched::Stream {
            latency: nonneg(*latency, &format!("{w}.latency"))?,
        },
    })
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, what: &str) -> R<()> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return err(format!("duplicate {what} id '{id}'"));
        }
    }
    Ok(())
}

fn sorted_index<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeMap<String, u32> {
    let set: BTreeSet<&str> = ids.collect();
    set.into_iter()
        .enumerate()
        .map(|(i, s)| (s.to_owned(), i as u32))
        .collect()
}

struct FlowParts {
    sched: Sched,
    retry: NetRetry,
}

fn check_flow(f: &FlowIn) -> R<FlowParts> {
    let w = format!("flow {}", f.id);
    let sched = compile_schedule(&f.schedule, &format!("{w}.schedule"))?;
    if !PATTERNS.contains(&f.pattern.as_str()) {
        return err(format!(
            "{w}.pattern: '{}' is not one of {}",
            f.pattern,
            PATTERNS.join(", ")
        ));
    }
    nonneg(f.duration, &format!("{w}.duration"))?;
    range_i(f.validation, &format!("{w}.validation"), 0, 2)?;
    if let Some(q) = f.queue_age_alarm {
        nonneg(q, &format!("{w}.queue_age_alarm"))?;
    }
    range_f(f.loss, &format!("{w}.loss"), 0.0, 1.0)?;
    let r = &f.retry;
    if r.max_attempts < 1 {
        return err(format!(
            "{w}.retry.max_attempts: {} is out of range (at least 1)",
            r.max_attempts
        ));
    }
    nonneg(r.base, &format!("{w}.retry.base"))?;
    nonneg(r.cap, &format!("{w}.retry.cap"))?;
    if r.factor < 0.0 || r.factor.is_nan() {
        return err(format!(
            "{w}.retry.factor: {} is out of range (at least 0)",
            r.factor
        ));
    }
    if r.jitter != "none" && r.jitter != "full" {
        return err(format!(
            "{w}.retry.jitter: '{}' is not one of none, full",
            r.jitter
        ));
    }
    if sched.is_stream() && f.inputs.len() != 1 {
        return err(format!(
            "{w}: a stream has exactly one input, not {}",
            f.inputs.len()
        ));
    }
    if f.inputs.is_empty() {
        return err(format!("{w}: a flow needs at least one input"));
    }
    if !sched.is_stream() && f.duration < 1 {
        return err(format!("{w}: a batch flow needs duration >= 1"));
    }
    Ok(FlowParts {
        sched,
        retry: NetRetry {
            max_attempts: r.max_attempts,
            base: r.base,
            factor: r.factor,
            cap: r.cap,
            full_jitter: r.jitter == "full",
        },
    })
}

fn monitor_kind(m: &MonitorIn) -> R<MonKind> {
    let w = format!("monitor {}", m.id);
    let int = || {
        m.threshold.as_i64().ok_or_else(|| {
            InputError(format!(
                "{w}.threshold: expected an integer, got {}",
                m.threshold
            ))
        })
    };
    Ok(match m.kind.as_str() {
        "freshness" => MonKind::Freshness(int()?),
        "quality" => MonKind::Quality(int()?),
        "volume" => MonKind::Volume(m.threshold.as_f64().unwrap_or(0.0)),
        k => {
            return err(format!(
                "{w}.kind: '{k}' is not one of freshness, volume, quality"
            ));
        }
    })
}

/// Checks a document's landscape (§3.8) and compiles it with the given settings.
#[allow(clippy::too_many_lines)]
pub fn compile_model(doc: &Document, st: Settings) -> R<Network> {
    // per-entity checks, in the reference's order
    let mut team_cals = Vec::new();
    for t in &doc.teams {
        team_cals.push(compile_calendar(
            &t.calendar,
            &format!("team {}.calendar", t.id),
        )?);
    }
    for d in &doc.datasets {
        if let Some(s) = d.stale_after {
            nonneg(s, &format!("dataset {}.stale_after", d.id))?;
        }
    }
    let mut parts = Vec::with_capacity(doc.flows.len());
    for f in &doc.flows {
        parts.push(check_flow(f)?);
    }
    let mut mkinds = Vec::with_capacity(doc.monitors.len());
    for m in &doc.monitors {
        let k = monitor_kind(m)?;
        if m.every < 1 {
            return err(format!(
                "monitor {}.every: {} is out of range (at least 1)",
                m.id, m.every
            ));
        }
        mkinds.push(k);
    }
    let mut pcals = Vec::with_capacity(doc.processes.len());
    for p in &doc.processes {
        let w = format!("process {}", p.id);
        let mut seen = BTreeSet::new();
        for (j, dp) in p.deps.iter().enumerate() {
            let wd = format!("{w}.deps[{j}]");
            nonneg(dp.max_age, &format!("{wd}.max_age"))?;
            range_f(
                dp.min_completeness,
                &format!("{wd}.min_completeness"),
                0.0,
                1.0,
            )?;
            seen.insert(dp.dataset.as_str());
        }
        if seen.len() != p.deps.len() {
            return err(format!("{w}: a process lists each dataset at most once"));
        }
        pcals.push(compile_calendar(&p.calendar, &format!("{w}.calendar"))?);
        if let Some(n) = p.notice_after {
            nonneg(n, &format!("{w}.notice_after"))?;
        }
    }
    unique(doc.teams.iter().map(|t| t.id.as_str()), "team")?;
    unique(doc.systems.iter().map(|t| t.id.as_str()), "system")?;
    unique(doc.datasets.iter().map(|t| t.id.as_str()), "dataset")?;
    unique(doc.flows.iter().map(|t| t.id.as_str()), "flow")?;
    unique(doc.monitors.iter().map(|t| t.id.as_str()), "monitor")?;
    unique(doc.processes.iter().map(|t| t.id.as_str()), "process")?;

    let sys_ix = sorted_index(doc.systems.iter().map(|s| s.id.as_str()));
    let ds_ix = sorted_index(doc.datasets.iter().map(|s| s.id.as_str()));
    let flow_ix = sorted_index(doc.flows.iter().map(|s| s.id.as_str()));
    let mon_ix = sorted_index(doc.monitors.iter().map(|s| s.id.as_str()));
    let proc_ix = sorted_index(doc.processes.iter().map(|s| s.id.as_str()));

    // teams: implicit business teams (first process in model order), declared teams, fallback
    let mut team_map: BTreeMap<String, NetTeam> = BTreeMap::new();
    for (p, cal) in doc.processes.iter().zip(&pcals) {
        team_map.entry(p.owner.clone()).or_insert_with(|| NetTeam {
            id: p.owner.clone(),
            cal: cal.clone(),
            declared: false,
        });
    }
    for (t, cal) in doc.teams.iter().zip(team_cals) {
        team_map.insert(
            t.id.clone(),
            NetTeam {
                id: t.id.clone(),
                cal,
                declared: true,
            },
        );
    }
    team_map
        .entry(st.fallback_team.clone())
        .or_insert_with(|| NetTeam {
            id: st.fallback_team.clone(),
            cal: Cal::business_hours(),
            declared: false,
        });
    let team_ix: BTreeMap<String, u32> = team_map
        .keys()
        .enumerate()
        .map(|(i, k)| (k.clone(), i as u32))
        .collect();
    let teams: Vec<NetTeam> = team_map.into_values().collect();

    let mut systems: Vec<Option<NetSystem>> = vec![None; sys_ix.len()];
    for s in &doc.systems {
        systems[sys_ix[&s.id] as usize] = Some(NetSystem {
            id: s.id.clone(),
            name: s.name.clone().unwrap_or_else(|| s.id.clone()),
        });
    }
    let mut datasets: Vec<Option<NetDataset>> = vec![None; ds_ix.len()];
    for d in &doc.datasets {
        let Some(&sys) = sys_ix.get(&d.system) else {
            return err(format!("dataset {}: unknown system '{}'", d.id, d.system));
        };
        datasets[ds_ix[&d.id] as usize] = Some(NetDataset {
            id: d.id.clone(),
            system: sys,
            source: d.source,
            stale_after: d.stale_after,
            owner: d.owner.clone(),
        });
    }
    let datasets: Vec<NetDataset> = datasets.into_iter().flatten().collect();
    let systems: Vec<NetSystem> = systems.into_iter().flatten().collect();

    let nd = datasets.len();
    let mut producer: Vec<Option<u32>> = vec![None; nd];
    let mut flows: Vec<Option<NetFlow>> = vec![None; flow_ix.len()];
    for (f, p) in doc.flows.iter().zip(parts) {
        let mut inputs = Vec::with_capacity(f.inputs.len());
        for x in f.inputs.iter().chain(std::iter::once(&f.output)) {
            if !ds_ix.contains_key(x) {
                return err(format!("flow {}: unknown dataset '{x}'", f.id));
            }
        }
        for x in &f.inputs {
            let ix = ds_ix[x];
            if inputs.contains(&ix) {
                return err(format!("flow {}: an input is listed twice", f.id));
            }
            inputs.push(ix);
        }
        let out = ds_ix[&f.output];
        if datasets[out as usize].source {
            return err(format!(
                "flow {}: its output {} is a source dataset",
                f.id, f.output
            ));
        }
        let fi = flow_ix[&f.id];
        if let Some(other) = producer[out as usize] {
            let other_id = flow_ix
                .iter()
                .find(|(_, v)| **v == other)
                .map_or("", |(k, _)| k.as_str());
            return err(format!(
                "dataset {} has two producing flows: {other_id} and {}",
                f.output, f.id
            ));
        }
        producer[out as usize] = Some(fi);
        let owner =
            match &f.owner {
                None => None,
                Some(o) => Some(*team_ix.get(o).ok_or_else(|| {
                    InputError(format!("flow {}: owner '{o}' is not a team", f.id))
                })?),
            };
        flows[fi as usize] = Some(NetFlow {
            id: f.id.clone(),
            inputs,
            output: out,
            sched: p.sched,
            duration: f.duration,
            owner,
            validation: f.validation,
            job_alert: f.job_alert,
            retry: p.retry,
            buffered: f.buffered,
            dlq: f.dlq,
            queue_age_alarm: f.queue_age_alarm,
            loss: f.loss,
        });
    }
    let flows: Vec<NetFlow> = flows.into_iter().flatten().collect();
    let mut consumers: Vec<Vec<u32>> = vec![Vec::new(); nd];
    for (fi, f) in flows.iter().enumerate() {
        for &x in &f.inputs {
            consumers[x as usize].push(fi as u32);
        }
    }
    for f in &flows {
        for &x in &f.inputs {
            if !datasets[x as usize].source && producer[x as usize].is_none() {
                return err(format!(
                    "flow {}: input {} is neither a source nor produced by a flow",
                    f.id, datasets[x as usize].id
                ));
            }
        }
    }
    // no cycle (Kahn over input -> output edges)
    let mut waiting: Vec<i64> = vec![0; nd];
    for (d, p) in producer.iter().enumerate() {
        if let Some(p) = p {
            waiting[d] = flows[*p as usize].inputs.len() as i64;
        }
    }
    let mut ready: Vec<usize> = (0..nd).filter(|&d| producer[d].is_none()).collect();
    while let Some(d) = ready.pop() {
        for &g in &consumers[d] {
            let o = flows[g as usize].output as usize;
            waiting[o] -= 1;
            if waiting[o] == 0 {
                ready.push(o);
            }
        }
    }
    if let Some(d) = (0..nd).find(|&d| waiting[d] > 0) {
        return err(format!(
            "the lineage graph has a cycle (dataset {} is on it or downstream of it)",
            datasets[d].id
        ));
    }
    let mut monitors: Vec<Option<NetMonitor>> = vec![None; mon_ix.len()];
    for (m, k) in doc.monitors.iter().zip(mkinds) {
        let Some(&d) = ds_ix.get(&m.dataset) else {
            return err(format!("monitor {}: unknown dataset '{}'", m.id, m.dataset));
        };
        let owner = match &m.owner {
            None => None,
            Some(o) => Some(*team_ix.get(o).ok_or_else(|| {
                InputError(format!("monitor {}: owner '{o}' is not a team", m.id))
            })?),
        };
        monitors[mon_ix[&m.id] as usize] = Some(NetMonitor {
            id: m.id.clone(),
            dataset: d,
            kind: k,
            every: m.every,
            offset: m.offset,
            owner,
        });
    }
    let monitors: Vec<NetMonitor> = monitors.into_iter().flatten().collect();
    let mut processes: Vec<Option<NetProcess>> = vec![None; proc_ix.len()];
    for (p, cal) in doc.processes.iter().zip(pcals) {
        let mut deps = Vec::with_capacity(p.deps.len());
        for dp in &p.deps {
            let Some(&d) = ds_ix.get(&dp.dataset) else {
                return err(format!(
                    "process {}: unknown dataset '{}'",
                    p.id, dp.dataset
                ));
            };
            deps.push(NetDep {
                dataset: d,
                max_age: dp.max_age,
                min_completeness: dp.min_completeness,
            });
        }
        processes[proc_ix[&p.id] as usize] = Some(NetProcess {
            id: p.id.clone(),
            owner: team_ix[&p.owner],
            deps,
            cal,
            notice_after: p.notice_after,
        });
    }
    let processes: Vec<NetProcess> = processes.into_iter().flatten().collect();
    if !(st.sim_start <= st.horizon_start && st.horizon_start < st.horizon_end) {
        return err(format!(
            "settings: need sim_start <= horizon_start < horizon_end, got {}, {}, {}",
            st.sim_start, st.horizon_start, st.horizon_end
        ));
    }
    Ok(Network::assemble(NetParts {
        teams,
        systems,
        datasets,
        flows,
        monitors,
        processes,
        settings: st,
    }))
}

/// Checks and compiles one fault against a compiled model.
pub fn compile_fault(model: &Network, f: &FaultIn) -> R<NetFault> {
    let w = format!("fault {}", f.id);
    let p = &f.params;
    if let Some(x) = p.fraction {
        range_f(x, &format!("{w}.params.fraction"), 0.0, 1.0)?;
    }
    if let Some(x) = p.minutes {
        nonneg(x, &format!("{w}.params.minutes"))?;
    }
    if let Some(x) = p.detectability {
        range_i(x, &format!("{w}.params.detectability"), 1, 3)?;
    }
    let kind = match f.kind.as_str() {
        "fail" => NetFaultKind::Fail,
        "silent" => NetFaultKind::Silent,
        "partial" => NetFaultKind::Partial(
            p.fraction
                .ok_or_else(|| InputError(format!("{w}: a partial fault needs params.fraction")))?,
        ),
        "delay" => NetFaultKind::Delay(
            p.minutes
                .ok_or_else(|| InputError(format!("{w}: a delay fault needs params.minutes")))?,
        ),
        "semantic" => NetFaultKind::Semantic,
        k => {
            return err(format!(
                "{w}.kind: '{k}' is not one of fail, silent, partial, delay, semantic"
            ));
        }
    };
    if let Some(e) = f.end {
        if e <= f.start {
            return err(format!("{w}: end {e} must be after start {}", f.start));
        }
    }
    nonneg(f.repair_minutes, &format!("{w}.repair_minutes"))?;
    let Some(flow) = model.flow_ix(&f.flow) else {
        return err(format!("fault {}: unknown flow '{}'", f.id, f.flow));
    };
    Ok(NetFault {
        id: f.id.clone(),
        flow,
        kind,
        start: f.start,
        end: f.end,
        repair_minutes: f.repair_minutes,
        detectability: p.detectability.unwrap_or(2),
    })
}

/// The scenario rules of §3.8: unique fault ids, faults start at or after `sim_start`.
pub fn check_scenario(model: &Network, faults: &[NetFault]) -> R<()> {
    unique(faults.iter().map(|f| f.id.as_str()), "fault")?;
    for f in faults {
        if f.start < model.settings.sim_start {
            return err(format!(
                "fault {}: start {} is before sim_start {}",
                f.id, f.start, model.settings.sim_start
            ));
        }
    }
    Ok(())
}
