//! The simulation front door on the document model: a scenario not stored in the document runs
//! like the stored one, shared baselines give the reports of fresh ones, and the baseline key
//! follows exactly the parts of the model the fault-free run depends on.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use switchboard::model::{Calendar, Landscape, Monitor, MonitorCheck};
use switchboard::sim::baseline::baseline_key;
use switchboard::sim::{
    BaselineSource, Compiled, compare_scenario_controls, simulate_landscape, simulate_scenario,
};

fn seafood() -> Landscape {
    switchboard::file::load_path(std::path::Path::new("examples/seafood.ron")).unwrap()
}

#[test]
fn an_ad_hoc_scenario_runs_like_the_stored_one() {
    let l = seafood();
    let stored = simulate_landscape(&l, "friday-night", None).unwrap();
    let compiled = Compiled::new(&l).unwrap();
    let mut ad_hoc = l.scenario("friday-night").unwrap().clone();
    ad_hoc.id = "not-in-the-document".to_owned();
    let run = simulate_scenario(&compiled, &ad_hoc, None).unwrap();
    assert_eq!(run.report.to_json(), stored.report.to_json());
    ad_hoc.faults[0].flow = "NOPE".to_owned();
    let err = simulate_scenario(&compiled, &ad_hoc, None).unwrap_err();
    assert!(err.to_string().contains("NOPE"), "{err}");
}

#[test]
fn shared_baselines_give_the_reports_of_fresh_ones() {
    let l = seafood();
    let compiled = Compiled::new(&l).unwrap();
    for scenario in &l.scenarios {
        let rows = compare_scenario_controls(&compiled, scenario).unwrap();
        assert_eq!(rows.len(), scenario.controls.len());
        for (name, shared) in rows {
            let fresh = simulate_landscape(&l, &scenario.id, Some(&name)).unwrap();
            assert_eq!(fresh.baseline, BaselineSource::Computed);
            assert_eq!(shared.report.to_json(), fresh.report.to_json(), "{name}");
        }
    }
    let again = simulate_scenario(&compiled, &l.scenarios[0], None).unwrap();
    assert_eq!(again.baseline, BaselineSource::Shared);
}

#[test]
fn the_baseline_key_follows_the_fault_free_run() {
    let l = seafood();
    let key = |l: &Landscape| baseline_key(Compiled::new(l).unwrap().network());
    let before = key(&l);
    let mut on_call = l.clone();
    on_call.teams[0].calendar = Calendar::TwentyFourSeven;
    on_call.flows[0].retry.max_attempts = 3;
    on_call.flows[0].job_alert = !on_call.flows[0].job_alert;
    assert_eq!(
        key(&on_call),
        before,
        "failure handling does not change the baseline"
    );
    let mut monitored = l.clone();
    monitored.monitors.push(Monitor {
        id: "extra".to_owned(),
        dataset: l.flows[0].output.clone(),
        check: MonitorCheck::Freshness { max_age_minutes: 5 },
        ..Monitor::default()
    });
    assert_ne!(
        key(&monitored),
        before,
        "a monitor can fire in the fault-free run"
    );
    let mut slower = l.clone();
    slower.flows[0].duration_minutes += 1;
    assert_ne!(key(&slower), before);
}
