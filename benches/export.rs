//! Export cost for a large landscape: 2,000 systems on a grid, 7,000 message-queue flows between
//! random pairs (so every flow reaches the broker exports), owners from 7 teams. Times every
//! target of `switchboard export` in memory (no file writing; the CLI adds one fsync per file),
//! the median of a few runs, and the PNG once with its size. Run with
//! `cargo bench --bench export --no-default-features`.

use std::time::{Duration, Instant};

use switchboard::export::target::{ExportBundle, ExportSettings, ExportTarget};
use switchboard::model::{Dataset, Flow, Landscape, Pattern, Position, Schedule, System, Team};

const SYSTEMS: usize = 2_000;
const FLOWS: usize = 7_000;

/// The generated landscape; the same on every run.
fn generated() -> Landscape {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % bound as u64) as usize
    };
    let teams: Vec<Team> = (0..7)
        .map(|t| Team {
            id: format!("team-{t}"),
            name: format!("Team {t}"),
            ..Team::default()
        })
        .collect();
    let mut systems: Vec<System> = (0..SYSTEMS)
        .map(|i| System {
            id: format!("S{i}"),
            name: format!("System {i}"),
            kind: "APP".to_owned(),
            owner: Some(format!("team-{}", i % 7)),
            datasets: vec![Dataset {
                id: "src".to_owned(),
                source: true,
                ..Dataset::default()
            }],
            position: Position::new((i % 50) as f32 * 220.0, (i / 50) as f32 * 120.0),
            ..System::default()
        })
        .collect();
    let mut flows = Vec::new();
    for j in 0..FLOWS {
        let a = next(SYSTEMS);
        let b = (a + 1 + next(SYSTEMS - 1)) % SYSTEMS;
        systems[b].datasets.push(Dataset {
            id: format!("d{j}"),
            ..Dataset::default()
        });
        flows.push(Flow {
            id: format!("F{j}"),
            inputs: vec![format!("S{a}.src")],
            output: format!("S{b}.d{j}"),
            schedule: Schedule::Stream { latency_minutes: 5 },
            pattern: Pattern::MessageQueue,
            owner: Some(format!("team-{}", a % 7)),
            ..Flow::default()
        });
    }
    Landscape {
        name: "Export benchmark".to_owned(),
        teams,
        systems,
        flows,
        ..Landscape::default()
    }
}

fn time(landscape: &Landscape, target: ExportTarget) -> (Duration, ExportBundle) {
    let start = Instant::now();
    let bundle = ExportBundle::export(landscape, target, &ExportSettings::default());
    (start.elapsed(), bundle)
}

fn main() {
    let landscape = generated();
    println!(
        "landscape: {} systems, {} flows",
        landscape.systems.len(),
        landscape.flows.len()
    );
    for target in [
        ExportTarget::RabbitMq,
        ExportTarget::AsyncApi,
        ExportTarget::Strimzi,
        ExportTarget::Topics,
        ExportTarget::Mermaid,
        ExportTarget::Svg,
        ExportTarget::All,
    ] {
        let mut runs: Vec<Duration> = Vec::new();
        let mut last = ExportBundle::default();
        for _ in 0..5 {
            let (took, bundle) = time(&landscape, target);
            runs.push(took);
            last = bundle;
        }
        runs.sort();
        let bytes: usize = last.files.iter().map(|f| f.contents.len()).sum();
        println!(
            "{:<24} median {:>8.1} ms  ({} files, {:.1} MB, {} warnings, {} errors)",
            target.label(),
            runs[runs.len() / 2].as_secs_f64() * 1000.0,
            last.files.len(),
            bytes as f64 / 1e6,
            last.warnings.len(),
            last.errors.len()
        );
    }
    let (took, png) = time(&landscape, ExportTarget::Png);
    let size = png.files.first().map_or(0, |f| f.contents.len());
    let warning = png
        .warnings
        .first()
        .map_or_else(String::new, |w| format!(" — {}: {}", w.code, w.message));
    println!(
        "{:<24} once   {:>8.1} ms  ({:.1} MB){warning}",
        ExportTarget::Png.label(),
        took.as_secs_f64() * 1000.0,
        size as f64 / 1e6
    );
}
