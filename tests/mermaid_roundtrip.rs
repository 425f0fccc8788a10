//! Round trips through Mermaid: seafood and random landscapes export, import and export again to
//! identical text (`exports.md` §5.2).

mod support_mermaid;

use std::fmt::Write as _;

use proptest::prelude::*;
use switchboard::export::mermaid::mermaid_text;
use switchboard::import::{import_mermaid, severity};
use switchboard::model::{
    Dataset, Flow, Landscape, Schedule, Severity, System, TimeOfDay, Weekday,
};

/// Exports, imports and exports again; asserts the import had no warning or error.
fn round_trip(landscape: &Landscape) -> (String, String) {
    let (first, _) = mermaid_text(landscape);
    let (imported, diagnostics) = import_mermaid(&first);
    let problems: Vec<_> = diagnostics
        .iter()
        .filter(|d| severity(d.code) != Severity::Info)
        .collect();
    assert!(problems.is_empty(), "{problems:?}\n{first}");
    let (second, _) = mermaid_text(&imported);
    (first, second)
}

#[test]
fn seafood_round_trips_to_identical_text() {
    let (first, second) = round_trip(&support_mermaid::seafood());
    assert_eq!(first, second);
    assert_eq!(first.lines().count(), 1 + 7 + 10);
}

#[test]
fn worked_example_and_seed_round_trip_to_identical_text() {
    let (first, second) = round_trip(&support_mermaid::worked_example());
    assert_eq!(first, second);
    let (seed, _) = import_mermaid(include_str!("fixtures/mermaid/seed.mmd"));
    let (first, second) = round_trip(&seed);
    assert_eq!(first, second);
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9 ]{0,10}",
        "[A-Za-z0-9 _.,#|<>\"'&;()\\[\\]é原-]{0,12}",
        Just("line\nbreak".to_owned()),
        Just(String::new()),
        Just("a, every 5m".to_owned()),
    ]
}

fn schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![
        (0u32..10).prop_map(|latency_minutes| Schedule::Stream { latency_minutes }),
        (1u32..200, 0u32..40).prop_map(|(every_minutes, offset_minutes)| Schedule::Every {
            every_minutes,
            offset_minutes
        }),
        (
            prop::collection::vec(0u16..=1440, 0..4),
            prop::collection::vec(0u8..7, 0..8)
        )
            .prop_map(|(times, days)| {
                let mut days: Vec<Weekday> =
                    days.into_iter().filter_map(Weekday::from_index).collect();
                days.sort();
                days.dedup();
                Schedule::Cron {
                    times: times.into_iter().map(TimeOfDay).collect(),
                    days,
                }
            }),
    ]
}

type FlowSpec = (Vec<(usize, usize)>, (usize, usize), Schedule);

fn landscape() -> impl Strategy<Value = Landscape> {
    let systems = prop::collection::vec(
        (
            name(),
            prop::option::of(prop_oneof!["[A-Za-z0-9_]{1,5}", Just("end".to_owned())]),
            prop::collection::vec(name(), 1..3),
        ),
        1..7,
    );
    let flows = prop::collection::vec(
        (
            prop::collection::vec((0usize..7, 0usize..3), 1..3),
            (0usize..7, 0usize..3),
            schedule(),
        ),
        0..10,
    );
    (systems, flows).prop_map(|(systems, flows): (_, Vec<FlowSpec>)| {
        let systems: Vec<System> = systems
            .into_iter()
            .enumerate()
            .map(|(index, (name, diagram_id, datasets))| System {
                id: format!("s{index}"),
                name,
                diagram_id,
                datasets: datasets
                    .into_iter()
                    .enumerate()
                    .map(|(d, name)| Dataset {
                        id: format!("d{d}"),
                        name,
                        ..Dataset::default()
                    })
                    .collect(),
                ..System::default()
            })
            .collect();
        let reference = |(s, d): (usize, usize)| {
            let system = &systems[s % systems.len()];
            let dataset = &system.datasets[d % system.datasets.len()];
            format!("{}.{}", system.id, dataset.id)
        };
        let flows = flows
            .into_iter()
            .enumerate()
            .map(|(index, (inputs, output, schedule))| Flow {
                id: format!("F{index}"),
                inputs: inputs.into_iter().map(reference).collect(),
                output: reference(output),
                schedule,
                ..Flow::default()
            })
            .collect();
        Landscape {
            systems,
            flows,
            ..Landscape::default()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_landscapes_round_trip_to_identical_text(landscape in landscape()) {
        let (first, second) = round_trip(&landscape);
        prop_assert_eq!(first, second);
    }

    #[test]
    fn imported_diagrams_keep_nodes_and_edges(landscape in landscape()) {
        let (first, _) = mermaid_text(&landscape);
        let (imported, _) = import_mermaid(&first);
        prop_assert_eq!(imported.systems.len(), landscape.systems.len());
        let edges = first.lines().filter(|l| l.contains("-->")).count();
        prop_assert_eq!(imported.flows.len(), edges);
    }
}

#[test]
fn a_large_diagram_round_trips_quickly() {
    let mut text = String::from("flowchart LR\n");
    for i in 0..10_000u64 {
        let from = (i * 7919) % 3000;
        let to = (i * 104_729 + 13) % 3000;
        let every = i % 90 + 1;
        let _ = writeln!(text, "    N{from} -->|\"d{i}, every {every}m\"| N{to}");
    }
    let started = std::time::Instant::now();
    let (landscape, _) = import_mermaid(&text);
    let (first, second) = round_trip(&landscape);
    assert_eq!(first, second);
    assert_eq!(landscape.flows.len(), 10_000);
    let elapsed = started.elapsed();
    println!("3000 systems, 10000 flows: import + export + import + export in {elapsed:?}");
    assert!(elapsed < std::time::Duration::from_secs(30));
}

/// A random diagram in the accepted syntax: node declarations, arrows of every accepted form,
/// chains, comments and a theme line.
fn diagram() -> impl Strategy<Value = String> {
    let id = prop_oneof![
        "[A-Z]{1,2}",
        "[a-z][a-z0-9_]{0,3}".prop_filter("Mermaid keyword", |id| id != "end"),
        Just("END".to_owned()),
    ];
    let label = prop_oneof![
        "[A-Za-z0-9 ]{1,10}",
        "[A-Za-z0-9 ,#|<>\"]{0,10}".prop_map(|l| format!("\"{}\"", escape(&l))),
    ];
    let edge_label = prop_oneof![
        Just(String::new()),
        "[a-z ]{1,8}".prop_map(|l| format!("|{l}|")),
        ("[a-z]{1,6}", 1u32..300).prop_map(|(d, m)| format!("|\"{d}, every {m}m\"|")),
        ("[a-z]{1,6}", 0u32..60, 0u32..24)
            .prop_map(|(d, m, h)| format!("|\"{d}, cron {m} {h} * * *\"|")),
        "[a-z]{1,6}".prop_map(|l| format!("-- {l} ")),
    ];
    let node = (id, prop::option::of(label)).prop_map(|(id, label)| match label {
        Some(label) => format!("{id}[{label}]"),
        None => id,
    });
    let statement = prop_oneof![
        node.clone(),
        (
            node.clone(),
            prop::collection::vec((edge_label, node), 1..3)
        )
            .prop_map(|(first, rest)| {
                let mut line = first;
                for (label, node) in rest {
                    if label.starts_with("--") {
                        let _ = write!(line, " {label}--> {node}");
                    } else {
                        let _ = write!(line, " -->{label} {node}");
                    }
                }
                line
            }),
        Just("%% a comment".to_owned()),
    ];
    prop::collection::vec(statement, 0..12).prop_map(|lines| {
        format!(
            "%%{{init: {{'theme': 'dark'}}}}%%\ngraph LR\n{}\n",
            lines.join("\n")
        )
    })
}

fn escape(text: &str) -> String {
    switchboard::export::mermaid_text::escape_label(text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn accepted_diagrams_reach_a_fixed_point_after_one_import(text in diagram()) {
        let (first, diagnostics) = import_mermaid(&text);
        let errors: Vec<_> = diagnostics
            .iter()
            .filter(|d| severity(d.code) == Severity::Error)
            .collect();
        prop_assert!(errors.is_empty(), "{:?}\n{}", errors, text);
        let (once, _) = mermaid_text(&first);
        let (second, _) = import_mermaid(&once);
        let (twice, _) = mermaid_text(&second);
        prop_assert_eq!(&once, &twice);
        let arrows = text.matches("-->").count();
        prop_assert_eq!(first.flows.len(), arrows);
        prop_assert_eq!(second.systems.len(), first.systems.len());
    }
}
