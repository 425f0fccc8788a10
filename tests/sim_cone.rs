//! Cone equals whole graph (`simulation.md` §13, test 2) on a few hundred seeded random layered
//! landscapes, plus the minute-by-minute interval cross-check (test 3) and determinism (test 4).

#![allow(clippy::unwrap_used, reason = "tests fail loudly on broken fixtures")]

mod sim_gen;

use sim_gen::{Rng, Sizes, document, landscape};
use switchboard::sim::compile::{build_run, control_names, find_scenario};
use switchboard::sim::engine::Engine;
use switchboard::sim::run::{Mode, baseline, choose_mode, simulate_whole};

#[test]
fn cone_runs_equal_whole_graph_runs() {
    let mut runs = 0;
    let mut cone_runs = 0;
    let mut smaller = 0;
    for seed in 0..250u64 {
        let mut rng = Rng::new(seed);
        let z = Sizes {
            systems: rng.int(3, 8) as usize,
            flows: rng.int(4, 24) as usize,
            monitors: rng.int(0, 5) as usize,
            processes: rng.int(1, 6) as usize,
            teams: rng.int(2, 5) as usize,
            small: true,
        };
        let n_faults = rng.int(1, 3) as usize;
        let (v, _) = landscape(&mut rng, &z, n_faults);
        let doc = document(&v);
        let sc = find_scenario(&doc, "case").unwrap();
        let mut variants: Vec<Option<String>> = vec![None];
        variants.extend(control_names(sc).unwrap().into_iter().map(Some));
        for control in variants {
            let spec = build_run(&doc, "case", control.as_deref())
                .unwrap_or_else(|e| panic!("seed {seed}: {e}"));
            let whole = simulate_whole(&spec.model, &spec.faults, spec.deadline);
            let base = baseline(&spec.model);
            let mode = choose_mode(&spec.model, &base, &spec.faults);
            let e = Engine::new(&spec.model, &spec.faults, mode == Mode::Cone).run();
            if seed % 10 == 0 {
                // the report also checks this in debug builds (debug_assert)
                e.check_intervals()
                    .unwrap_or_else(|err| panic!("seed {seed} {control:?}: {err}"));
            }
            if mode == Mode::Cone {
                cone_runs += 1;
                if e.sim_flows.len() < spec.model.flows.len() {
                    smaller += 1;
                }
            }
            let cone_json = e.report(spec.deadline).to_json();
            assert_eq!(
                cone_json,
                whole.report.to_json(),
                "seed {seed}, control {control:?}: cone report differs from whole graph"
            );
            runs += 1;
        }
    }
    assert!(runs >= 900, "{runs} runs");
    assert!(
        cone_runs > runs / 3,
        "only {cone_runs} of {runs} runs used the cone"
    );
    assert!(
        smaller > runs / 4,
        "only {smaller} cone runs were smaller than the graph"
    );
}

#[test]
fn reports_are_deterministic() {
    for seed in 1000..1020u64 {
        let mut rng = Rng::new(seed);
        let z = Sizes {
            systems: 5,
            flows: 15,
            monitors: 3,
            processes: 4,
            teams: 3,
            small: true,
        };
        let (v, _) = landscape(&mut rng, &z, 2);
        let doc = document(&v);
        let a = switchboard::sim::run_document(&doc, "case", None, false).unwrap();
        let b = switchboard::sim::run_document(&doc, "case", None, false).unwrap();
        assert_eq!(a.report.to_json(), b.report.to_json());
    }
}
