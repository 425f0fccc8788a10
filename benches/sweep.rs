//! Benchmark of the risk sweep on the §11 landscape (10,000 systems, 50,000 flows; the generator
//! of `tests/sim_gen`, shared with `benches/sim.rs`): `sweep --kinds fail --at "Fri 22:00"`.
//!
//! A full sweep of 50,000 flows is too long for criterion's repeated samples, so the timed run
//! is a sample: every 100th flow by id (500 flows), one `fail` fault each at Fri 22:00, on the
//! rayon pool. Criterion reports flows per second (throughput); the full sweep takes about
//! 50,000 / that rate. The compile and the baseline (once per model) are outside the timing.
//!
//! `cargo bench --bench sweep --no-default-features` (release build).

#![allow(clippy::pedantic, clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/sim_gen/mod.rs"]
mod sim_gen;

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sim_gen::{Rng, Sizes, landscape};
use switchboard::analysis::sweep::{
    Control, StartChoice, SweepKind, SweepOptions, prepare, run_sweep,
};
use switchboard::model::time::Weekday;
use switchboard::sim::Document;

const SAMPLE_EVERY: usize = 100;

fn bench_sweep(c: &mut Criterion) {
    let z = Sizes {
        systems: 10_000,
        flows: 50_000,
        monitors: 10_000,
        processes: 2_000,
        teams: 400,
        small: false,
    };
    let mut rng = Rng::new(2024);
    let (v, flow_ids) = landscape(&mut rng, &z, 0);
    let doc: Document = serde_json::from_value(v).unwrap();
    let t = Instant::now();
    let prep = prepare(&doc).expect("generated landscape is valid");
    println!(
        "compile + baseline of {} flows: {:.2} s",
        flow_ids.len(),
        t.elapsed().as_secs_f64()
    );
    let mut sample: Vec<String> = flow_ids.iter().step_by(SAMPLE_EVERY).cloned().collect();
    sample.sort();
    let opts = SweepOptions {
        flows: Some(sample.clone()),
        kinds: vec![SweepKind::Fail],
        at: StartChoice::At {
            weekday: Weekday::Fri,
            minute: 22 * 60,
        },
        ..SweepOptions::default()
    };
    let cancel = AtomicBool::new(false);
    let control = Control {
        progress: &|_| {},
        cancel: &cancel,
    };
    let t = Instant::now();
    let report = run_sweep(&prep, &opts, &control).unwrap();
    let secs = t.elapsed().as_secs_f64();
    let rate = sample.len() as f64 / secs;
    println!(
        "one sampled sweep: {} flows in {secs:.2} s = {rate:.0} flows/s on {} threads; \
         a full sweep of {} flows extrapolates to {:.1} s (worst record: {} with {} min)",
        sample.len(),
        rayon::current_num_threads(),
        flow_ids.len(),
        flow_ids.len() as f64 / rate,
        report.records[0].flow,
        report.records[0].impact
    );
    let mut group = c.benchmark_group("sweep");
    group.sample_size(10);
    group.throughput(Throughput::Elements(sample.len() as u64));
    group.bench_function("fail at Fri 22:00, every 100th of 50,000 flows", |b| {
        b.iter(|| run_sweep(&prep, &opts, &control).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench_sweep);
criterion_main!(benches);
