//! Benchmark of `simulation.md` §11: a generated landscape of 10,000 systems, 50,000 flows,
//! 60,000 datasets, 10,000 monitors, 2,000 processes and 400 teams; the time per scenario with
//! five random faults (one of each kind), and the worst-case hub fault. When
//! `../shared/reference` and `python3` exist, the reference engine's cone run is timed on the
//! same landscape (the scenario run only, as the budget of §11 counts it).
//!
//! `cargo bench --bench sim --no-default-features` (release build).

#![allow(clippy::pedantic, clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/sim_gen/mod.rs"]
mod sim_gen;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use serde_json::json;
use sim_gen::{Rng, Sizes, landscape};
use switchboard::sim::compile::{build_run, compile_fault};
use switchboard::sim::input::FaultIn;
use switchboard::sim::run::{Mode, baseline, simulate};
use switchboard::sim::{Document, engine::cone_flows};

fn main() {
    let z = Sizes {
        systems: 10_000,
        flows: 50_000,
        monitors: 10_000,
        processes: 2_000,
        teams: 400,
        small: false,
    };
    let mut rng = Rng::new(2024);
    let t0 = Instant::now();
    let (v, flow_ids) = landscape(&mut rng, &z, 5);
    let doc: Document = serde_json::from_value(v.clone()).unwrap();
    let spec = build_run(&doc, "case", None).expect("generated landscape is valid");
    let compile_s = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let base = baseline(&spec.model);
    let base_s = t1.elapsed().as_secs_f64();
    println!(
        "landscape: {} systems, {} flows, {} datasets, {} monitors, {} processes, {} teams",
        spec.model.systems.len(),
        spec.model.flows.len(),
        spec.model.datasets.len(),
        spec.model.monitors.len(),
        spec.model.processes.len(),
        spec.model.teams.len()
    );
    println!(
        "generate+compile {compile_s:.2} s; baseline (whole graph, once per model edit) {base_s:.2} s, \
         {} events, clean: {}",
        base.events, base.clean
    );
    // 5-fault scenarios
    let kinds = ["fail", "silent", "partial", "delay", "semantic"];
    let mut times = Vec::new();
    let mut events = Vec::new();
    let mut sample_faults = None;
    for round in 0..30 {
        let mut faults = Vec::new();
        for (k, kind) in kinds.iter().enumerate() {
            let start = rng.int(4 * 1440, 7 * 1440 - 1);
            let mut f = json!({"id": format!("R{round}-{k}-{kind}"), "flow": rng.pick(&flow_ids),
                "kind": kind, "start": start, "repair_minutes": 60});
            match *kind {
                "partial" => f["params"] = json!({"fraction": 0.5}),
                "delay" => {
                    f["params"] = json!({"minutes": 90});
                    f["end"] = json!(start + 120);
                }
                "semantic" => f["params"] = json!({"detectability": 2}),
                _ => {}
            }
            let fi: FaultIn = serde_json::from_value(f).unwrap();
            faults.push(compile_fault(&spec.model, &fi).unwrap());
        }
        faults.sort_by(|a, b| a.id.cmp(&b.id));
        let t = Instant::now();
        let r = simulate(&spec.model, &base, &faults, Some(10560));
        times.push(t.elapsed().as_secs_f64() * 1e3);
        events.push(r.events);
        if round < 3 {
            // phases: mode choice, event loop, report
            let t = Instant::now();
            let mode = switchboard::sim::run::choose_mode(&spec.model, &base, &faults);
            let t_mode = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let e = switchboard::sim::engine::Engine::new(&spec.model, &faults, mode == Mode::Cone)
                .run();
            let t_run = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let rep = e.report(Some(10560));
            let t_rep = t.elapsed().as_secs_f64() * 1e3;
            println!(
                "  phases: mode {t_mode:.3} ms, simulate {t_run:.3} ms ({} flows), report {t_rep:.3} ms ({} datasets explicit)",
                e.sim_flows.len(),
                rep.datasets.explicit().len()
            );
        }
        if round == 0 {
            assert_eq!(r.mode, Mode::Cone, "{:?}", r.mode);
            sample_faults = Some(faults.clone());
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "5-fault scenario (30 random): median {:.3} ms, p90 {:.3} ms, max {:.3} ms; events median {}",
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1],
        {
            let mut e = events.clone();
            e.sort_unstable();
            e[e.len() / 2]
        }
    );
    // worst-case hub fault
    let m = &spec.model;
    let mut best: Option<(usize, u32)> = None;
    let mut counts: Vec<usize> = m
        .consumers
        .iter()
        .enumerate()
        .filter(|(d, _)| m.producer[*d].is_some())
        .map(|(_, c)| c.len())
        .collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    // datasets with more than 20 consumers; the 100 most consumed when there are none
    let threshold = if counts.first().is_some_and(|&c| c > 20) {
        21
    } else {
        counts.get(99).copied().unwrap_or(1).max(1)
    };
    for (d, cons) in m.consumers.iter().enumerate() {
        if cons.len() >= threshold && !m.datasets[d].source {
            if let Some(p) = m.producer[d] {
                let probe = switchboard::sim::net::NetFault {
                    id: "probe".into(),
                    flow: p,
                    kind: switchboard::sim::net::NetFaultKind::Fail,
                    start: 7080,
                    end: None,
                    repair_minutes: 60,
                    detectability: 2,
                };
                let n = cone_flows(m, std::slice::from_ref(&probe)).len();
                if best.is_none_or(|b| n > b.0) {
                    best = Some((n, p));
                }
            }
        }
    }
    let (cone_n, hub) = best.expect("a hub exists");
    let hub_fault = FaultIn {
        id: "HUB".into(),
        flow: m.flows[hub as usize].id.clone(),
        kind: "fail".into(),
        start: 7080,
        end: None,
        repair_minutes: 60,
        params: Default::default(),
    };
    let hub_faults = vec![compile_fault(m, &hub_fault).unwrap()];
    let mut hub_times = Vec::new();
    let mut hub_events = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let r = simulate(m, &base, &hub_faults, Some(10560));
        hub_times.push(t.elapsed().as_secs_f64() * 1e3);
        hub_events = r.events;
    }
    hub_times.sort_by(f64::total_cmp);
    println!(
        "hub fault on {} (cone of {cone_n} flows): median {:.2} ms, {hub_events} events",
        m.flows[hub as usize].id, hub_times[2]
    );
    // the reference engine on the same landscape
    let refdir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference");
    let has_python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !refdir.join("flowsim.py").exists() || !has_python {
        println!("reference: ../shared/reference or python3 not available, not timed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut doc_v = v;
    let sample = sample_faults.unwrap();
    let to_json = |f: &switchboard::sim::net::NetFault| {
        let mut x = json!({"id": f.id, "flow": m.flows[f.flow as usize].id,
            "kind": f.kind.name(), "start": f.start, "repair_minutes": f.repair_minutes});
        if let Some(e) = f.end {
            x["end"] = json!(e);
        }
        match f.kind {
            switchboard::sim::net::NetFaultKind::Partial(fr) => {
                x["params"] = json!({"fraction": fr})
            }
            switchboard::sim::net::NetFaultKind::Delay(mm) => x["params"] = json!({"minutes": mm}),
            switchboard::sim::net::NetFaultKind::Semantic => {
                x["params"] = json!({"detectability": f.detectability});
            }
            _ => {}
        }
        x
    };
    doc_v["scenarios"] = json!([
        {"id": "five", "deadline": 10560, "faults": sample.iter().map(to_json).collect::<Vec<_>>()},
        {"id": "hub", "deadline": 10560, "faults": hub_faults.iter().map(to_json).collect::<Vec<_>>()}
    ]);
    let path = tmp.path().join("bench.json");
    std::fs::write(&path, serde_json::to_string(&doc_v).unwrap()).unwrap();
    let script = r#"
import json, sys, time
from run_json import build_run
from flowsim import simulate
doc = json.load(open(sys.argv[1]))
for sid in ("five", "hub"):
    model, faults, st, deadline = build_run(doc, sid)
    t = time.perf_counter()
    e, rep = simulate(model, faults, st, cone=True, deadline=deadline, check=False)
    print(f"{sid} {1000 * (time.perf_counter() - t):.1f} {e.events}")
"#;
    let out = Command::new("python3")
        .current_dir(&refdir)
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if let [sid, ms, ev] = parts.as_slice() {
            let ours = if *sid == "five" {
                let t = Instant::now();
                simulate(m, &base, &sample, Some(10560));
                t.elapsed().as_secs_f64() * 1e3
            } else {
                hub_times[2]
            };
            println!("reference cone run ({sid}): {ms} ms, {ev} events  |  Rust: {ours:.3} ms");
        }
    }
    if !out.status.success() {
        println!(
            "reference failed: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
    }
}
