//! Auto-layout cost (criterion): generated landscapes of 500 and 2,000 systems in 6 tiers, each
//! system reading from one to three systems of the tier before, one process per ten systems,
//! laid out at 16:10 with the canvas's largest box sizes. Run with
//! `cargo bench --bench layout --no-default-features`.

use criterion::{Criterion, criterion_group, criterion_main};
use switchboard::analysis::auto_layout::{LayoutOptions, auto_layout, canvas_bound_size};
use switchboard::model::{Dataset, Dependency, Flow, Landscape, Process, System};

/// The generated landscape of `n` systems; the same on every run.
fn generated(n: usize) -> Landscape {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % bound as u64) as usize
    };
    let tiers = 6;
    let systems = (0..n)
        .map(|i| System {
            id: format!("S{i}"),
            name: format!("System {i}"),
            datasets: vec![Dataset {
                id: "d".to_owned(),
                ..Dataset::default()
            }],
            ..System::default()
        })
        .collect();
    let mut flows = Vec::new();
    for i in n / tiers..n {
        let tier = i * tiers / n;
        let low = (tier - 1) * n / tiers;
        for _ in 0..=next(3) {
            let from = low + next(n / tiers);
            flows.push(Flow {
                id: format!("F{}", flows.len()),
                inputs: vec![format!("S{from}.d")],
                output: format!("S{i}.d"),
                ..Flow::default()
            });
        }
    }
    let processes = (0..n / 10)
        .map(|p| Process {
            id: format!("P{p}"),
            dependencies: vec![Dependency {
                dataset: format!("S{}.d", next(n)),
                max_age_minutes: 60,
                min_completeness: 1.0,
            }],
            ..Process::default()
        })
        .collect();
    Landscape {
        systems,
        flows,
        processes,
        ..Landscape::default()
    }
}

fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("auto_layout");
    group.sample_size(10);
    for n in [500, 2_000] {
        let landscape = generated(n);
        group.bench_function(format!("{n} systems"), |b| {
            b.iter(|| auto_layout(&landscape, &LayoutOptions::default(), &canvas_bound_size));
        });
    }
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
