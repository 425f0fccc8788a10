//! A seeded generator of random layered landscapes in the shape of `simulation.md` §11, written
//! in the reference JSON form, shared by the cone test and the benchmark.

#![allow(dead_code, clippy::pedantic, clippy::unwrap_used)]

use serde_json::{Value, json};
use switchboard::sim::Document;

/// splitmix64.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn f(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in `[lo, hi]`.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.next() as usize % v.len()]
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
}

/// Sizes of a generated landscape.
pub struct Sizes {
    pub systems: usize,
    pub flows: usize,
    pub monitors: usize,
    pub processes: usize,
    pub teams: usize,
    /// Small random cases also vary settings, calendars and controls.
    pub small: bool,
}

const DAY: i64 = 1440;

fn calendar(rng: &mut Rng) -> Value {
    let r = rng.f();
    if r < 0.3 {
        json!("24x7")
    } else if r < 0.6 {
        json!("business_hours")
    } else if r < 0.8 {
        json!([{"days": [0, 1, 2, 3, 4], "start": 420, "end": 1020}])
    } else {
        let s = rng.int(0, 1300);
        let e = rng.int(s + 1, (s + 900).min(DAY));
        let mut days: Vec<i64> = (0..7).filter(|_| rng.chance(0.6)).collect();
        if days.is_empty() {
            days.push(rng.int(0, 6));
        }
        json!([{"days": days, "start": s, "end": e}])
    }
}

/// A random landscape with one scenario `case` (faults of every kind) and control sets.
pub fn landscape(rng: &mut Rng, z: &Sizes, n_faults: usize) -> (Value, Vec<String>) {
    let teams: Vec<String> = (0..z.teams).map(|i| format!("team-{i:03}")).collect();
    let team_docs: Vec<Value> = teams
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let cal = if z.small {
                calendar(rng)
            } else if i % 5 == 0 {
                json!("24x7")
            } else {
                json!("business_hours")
            };
            json!({"id": t, "calendar": cal})
        })
        .collect();
    let biz: Vec<String> = (0..(z.processes / 3).max(1))
        .map(|i| format!("biz-{i}"))
        .collect();
    let mut systems = Vec::new();
    let mut datasets = Vec::new();
    // (id, level, bound)
    let mut pool: Vec<Vec<(String, i64)>> = vec![Vec::new(); 5];
    for i in 0..z.systems {
        systems.push(json!({"id": format!("S{i}"), "name": format!("System {i}"), "owner": rng.pick(&teams)}));
        let d = format!("S{i}.src");
        datasets.push(
            json!({"id": d, "system": format!("S{i}"), "source": true, "owner": rng.pick(&teams)}),
        );
        pool[0].push((d, 0));
    }
    let mut levels: Vec<usize> = (0..z.flows)
        .map(|_| {
            let r = rng.f();
            if r < 0.6 {
                1
            } else if r < 0.85 {
                2
            } else if r < 0.95 {
                3
            } else {
                4
            }
        })
        .collect();
    levels.sort_unstable();
    let mut flows = Vec::new();
    let mut produced: Vec<(String, i64)> = Vec::new();
    let mut flow_ids = Vec::new();
    for (j, &lv) in levels.iter().enumerate() {
        let r = rng.f();
        let (sched, period, stream) = if r < 0.2 {
            let l = rng.int(if z.small { 0 } else { 1 }, 10);
            (json!({"kind": "stream", "latency": l}), l, true)
        } else if r < 0.75 {
            let m = rng.int(0, DAY - 1);
            (json!({"kind": "cron", "times": [m]}), DAY, false)
        } else if r < 0.95 {
            (
                json!({"kind": "every", "every": 60, "offset": rng.int(0, 59)}),
                60,
                false,
            )
        } else {
            (
                json!({"kind": "every", "every": 15, "offset": rng.int(0, 14)}),
                15,
                false,
            )
        };
        let n_in = if stream || rng.chance(0.75) { 1 } else { 2 };
        let mut ins: Vec<(String, i64)> = Vec::new();
        let mut guard = 0;
        while ins.len() < n_in && guard < 20 {
            guard += 1;
            let l = rng.int(0, lv as i64 - 1) as usize;
            if pool[l].is_empty() {
                continue;
            }
            let hubs = (pool[l].len() / 100).max(1);
            let x = if rng.chance(0.3) {
                pool[l][rng.next() as usize % hubs].clone()
            } else {
                rng.pick(&pool[l]).clone()
            };
            if !ins.iter().any(|y| y.0 == x.0) {
                ins.push(x);
            }
        }
        let fid = format!("F{j:05}");
        let duration = if stream { 0 } else { rng.int(2, 45) };
        let out_sys = rng.int(0, z.systems as i64 - 1);
        let out = format!("S{out_sys}.d{j}");
        let owner = if rng.chance(0.1) {
            Value::Null
        } else {
            json!(rng.pick(&teams))
        };
        let mut f = json!({
            "id": fid, "inputs": ins.iter().map(|x| x.0.clone()).collect::<Vec<_>>(), "output": out,
            "schedule": sched, "pattern": if stream {"message_queue"} else {"etl_job"},
            "duration": duration, "owner": owner,
            "validation": *rng.pick(&[0, 0, 0, 1, 2]), "job_alert": rng.chance(0.4),
            "buffered": rng.chance(0.5), "dlq": rng.chance(0.2),
        });
        if z.small {
            if !stream && rng.chance(0.35) {
                f["retry"] = json!({"max_attempts": rng.int(2, 4), "base": *rng.pick(&[5, 10, 20]),
                    "factor": *rng.pick(&[1.5, 2.0, 3.0]), "cap": *rng.pick(&[30, 60, 240]),
                    "jitter": *rng.pick(&["none", "full"])});
            }
            if rng.chance(0.4) {
                f["queue_age_alarm"] = json!(rng.int(0, 120));
            }
            f["loss"] = json!(*rng.pick(&[0.1, 0.05, 0.5]));
        }
        let bound = ins.iter().map(|x| x.1).max().unwrap_or(0) + period + duration;
        flows.push(f);
        flow_ids.push(fid);
        let sa = if !z.small || rng.chance(0.85) {
            json!(bound + 60)
        } else {
            Value::Null
        };
        datasets.push(
            json!({"id": out, "system": format!("S{out_sys}"), "stale_after": sa,
            "owner": if rng.chance(0.8) { json!(rng.pick(&teams)) } else { Value::Null }}),
        );
        pool[lv].push((out.clone(), bound));
        produced.push((out, bound));
    }
    let mut monitors = Vec::new();
    for k in 0..z.monitors {
        let (d, b) = rng.pick(&produced).clone();
        let kind = if z.small {
            *rng.pick(&["freshness", "volume", "quality"])
        } else {
            "freshness"
        };
        let every = if z.small {
            *rng.pick(&[5, 15, 30, 60])
        } else {
            60
        };
        let owner = if rng.chance(0.15) {
            Value::Null
        } else {
            json!(rng.pick(&teams))
        };
        let mut m = json!({"id": format!("M{k:05}"), "dataset": d, "kind": kind, "owner": owner,
            "every": every, "offset": rng.int(0, every - 1)});
        m["threshold"] = match kind {
            "freshness" => json!(b + 60 + if z.small { rng.int(0, 120) } else { 0 }),
            "volume" => json!(*rng.pick(&[0.5, 0.9, 0.98, 0.999])),
            _ => json!(rng.int(1, 3)),
        };
        monitors.push(m);
    }
    let mut processes = Vec::new();
    for k in 0..z.processes {
        let n = rng.int(1, 3);
        let mut deps: Vec<Value> = Vec::new();
        let mut used: Vec<String> = Vec::new();
        for _ in 0..n {
            let (d, b) = rng.pick(&produced).clone();
            if used.contains(&d) {
                continue;
            }
            used.push(d.clone());
            let mc = if z.small {
                *rng.pick(&[0.98, 0.98, 0.9, 0.5, 1.0])
            } else {
                0.98
            };
            deps.push(json!({"dataset": d, "max_age": b + 60, "min_completeness": mc}));
        }
        let cal = if z.small {
            calendar(rng)
        } else if k % 3 == 0 {
            json!("24x7")
        } else {
            json!([{"days": [0, 1, 2, 3, 4], "start": 420, "end": 1020}])
        };
        let owner = if k < biz.len() {
            biz[k].clone()
        } else {
            rng.pick(&biz).clone()
        };
        let notice = rng.pick(&[Value::Null, json!(120), json!(240)]).clone();
        processes.push(
            json!({"id": format!("P{k:04}"), "owner": owner, "deps": deps,
            "calendar": cal, "notice_after": notice}),
        );
    }
    let kinds = ["fail", "silent", "partial", "delay", "semantic"];
    let mut faults = Vec::new();
    for k in 0..n_faults {
        let kind = if z.small {
            *rng.pick(&kinds)
        } else {
            kinds[k % 5]
        };
        let start = rng.int(4 * DAY, 7 * DAY - 1);
        let mut f = json!({"id": format!("X{k}-{kind}"), "flow": rng.pick(&flow_ids), "kind": kind,
            "start": start, "repair_minutes": 60});
        match kind {
            "partial" => f["params"] = json!({"fraction": *rng.pick(&[0.5, 0.9, 0.0])}),
            "delay" => {
                f["params"] = json!({"minutes": rng.int(10, 300)});
                f["end"] = json!(start + 120);
            }
            "semantic" => f["params"] = json!({"detectability": rng.int(1, 3)}),
            _ => {}
        }
        if z.small && kind != "delay" && rng.chance(0.3) {
            f["end"] = json!(start + rng.int(1, 600));
        }
        faults.push(f);
    }
    let mut settings = json!({});
    let mut controls = Vec::new();
    if z.small {
        settings = json!({"seed": rng.int(0, 999), "lineage": rng.chance(0.3),
            "cascade_rerun": rng.chance(0.4), "triage": *rng.pick(&[120, 60, 0]),
            "no_owner_delay": *rng.pick(&[240, 0, 90]), "alert_delay": *rng.pick(&[5, 0, 15])});
        let f = rng.pick(&flow_ids).clone();
        controls.push(json!({"name": "retries+alert", "changes": [
            {"change": "flow", "flow": f, "set": {"job_alert": true,
                "retry": {"max_attempts": 3, "base": 10, "factor": 2, "jitter": "full"}}}]}));
        let (d, b) = rng.pick(&produced).clone();
        controls.push(json!({"name": "monitor+lineage+cascade", "changes": [
            {"change": "add_monitor", "monitor": {"id": "M-extra", "dataset": d, "kind": "freshness",
                "threshold": b + 60, "every": 60, "offset": 0, "owner": teams[0]}},
            {"change": "settings", "set": {"lineage": true, "cascade_rerun": true}},
            {"change": "team", "team": teams[0], "set": {"calendar": "24x7"}}]}));
        controls.push(json!({"name": "validation+dlq+buffer", "changes": [
            {"change": "flow", "flow": rng.pick(&flow_ids), "set": {"validation": 2, "dlq": true,
                "buffered": true, "queue_age_alarm": 30, "owner": null}}]}));
    }
    let doc = json!({"teams": team_docs, "systems": systems, "datasets": datasets, "flows": flows,
        "monitors": monitors, "processes": processes, "settings": settings,
        "scenarios": [{"id": "case", "deadline": 10560, "faults": faults, "controls": controls}]});
    (doc, flow_ids)
}

/// The document of a generated landscape.
pub fn document(v: &Value) -> Document {
    serde_json::from_value(v.clone()).unwrap()
}
