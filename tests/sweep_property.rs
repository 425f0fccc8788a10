//! The risk sweep against single runs: on 50 random landscapes (the §11-shaped generator of
//! `tests/sim_gen`), every sweep record equals the summary of one `simulate` of the same fault
//! (built as a scenario document and run on the whole graph), and shards merged equal the
//! unsharded report byte for byte.

#![allow(clippy::unwrap_used, clippy::pedantic, reason = "tests fail loudly")]

mod sim_gen;

use std::sync::atomic::AtomicBool;

use sim_gen::{Rng, Sizes, document, landscape};
use switchboard::analysis::sweep::run_one::scenario_document;
use switchboard::analysis::sweep::{
    Control, FaultSpec, Shard, StartChoice, SweepKind, SweepOptions, SweepReport, merge, prepare,
    run_sweep,
};
use switchboard::model::time::Weekday;
use switchboard::sim::run_document;

fn quiet_sweep(doc: &switchboard::sim::Document, opts: &SweepOptions) -> SweepReport {
    let prep = prepare(doc).unwrap();
    let cancel = AtomicBool::new(false);
    run_sweep(
        &prep,
        opts,
        &Control {
            progress: &|_| {},
            cancel: &cancel,
        },
    )
    .unwrap()
}

fn random_case(seed: u64) -> (switchboard::sim::Document, SweepOptions) {
    let mut rng = Rng::new(seed);
    let z = Sizes {
        systems: rng.int(3, 8) as usize,
        flows: rng.int(4, 16) as usize,
        monitors: rng.int(0, 5) as usize,
        processes: rng.int(1, 6) as usize,
        teams: rng.int(2, 5) as usize,
        small: true,
    };
    let (v, _) = landscape(&mut rng, &z, 1);
    // `--at worst` is covered on seafood by tests/cli_sweep.rs; here one start per landscape
    // keeps the debug-build test short.
    let at = StartChoice::At {
        weekday: Weekday::ALL[rng.int(0, 6) as usize],
        minute: rng.int(0, 1439),
    };
    let opts = SweepOptions {
        kinds: SweepKind::ALL.to_vec(),
        at,
        repair_minutes: *rng.pick(&[30, 60, 120]),
        ..SweepOptions::default()
    };
    (document(&v), opts)
}

#[test]
fn every_record_equals_a_single_simulate() {
    let mut records = 0;
    for seed in 0..50 {
        let (doc, opts) = random_case(seed);
        let report = quiet_sweep(&doc, &opts);
        assert_eq!(report.records.len(), report.flows * 5, "seed {seed}");
        for r in &report.records {
            let spec = FaultSpec {
                flow: r.flow.clone(),
                kind: r.kind,
                start: r.start,
                repair_minutes: opts.repair_minutes,
            };
            let single = scenario_document(&doc, &spec);
            let sid = single.scenarios[0].id.clone();
            let run = run_document(&single, &sid, None, true).unwrap().report;
            let s = &run.summary;
            let what = format!("seed {seed}, {} {}", r.flow, r.kind.name());
            assert_eq!(r.impact, s.impacted_minutes, "{what}");
            assert_eq!(r.processes, s.impacted, "{what}");
            assert_eq!(r.detected_at, s.detected_at, "{what}");
            assert_eq!(r.ttd, s.ttd, "{what}");
            assert_eq!(r.repaired_at, s.repaired_at, "{what}");
            let inc = run.incidents.values().next().unwrap();
            assert_eq!(r.detected_via, inc.detected_via, "{what}");
            let b = &inc.blast_radius_actual;
            assert_eq!(
                (
                    r.blast_radius.datasets,
                    r.blast_radius.systems,
                    r.blast_radius.processes,
                    r.blast_radius.teams
                ),
                (
                    b.datasets.len(),
                    b.systems.len(),
                    b.processes.len(),
                    b.teams.len()
                ),
                "{what}"
            );
            records += 1;
        }
        for pair in report.records.windows(2) {
            assert!(pair[0].impact >= pair[1].impact, "seed {seed}: ranked");
        }
    }
    assert!(records > 500, "only {records} records checked");
}

#[test]
fn shards_merged_equal_the_unsharded_report() {
    for seed in [3, 7, 11] {
        let (doc, mut opts) = random_case(seed);
        opts.fix_top = 3;
        let whole = quiet_sweep(&doc, &opts).to_json();
        let shards: Vec<SweepReport> = (1..=4)
            .map(|index| {
                let o = SweepOptions {
                    shard: Some(Shard { count: 4, index }),
                    ..opts.clone()
                };
                let text = quiet_sweep(&doc, &o).to_json();
                serde_json::from_str(&text).unwrap()
            })
            .collect();
        let merged = merge(shards).unwrap().to_json();
        assert_eq!(merged, whole, "seed {seed}");
    }
}
