//! Landscape metrics: counts, the point-to-point potential n(n-1)/2 against the connections a hub
//! needs, fan-in/fan-out per system, the structural blast-radius ranking and the data of the
//! "connections against systems" chart.
//!
//! Depends on `model` only. Every list is sorted, so serialising the metrics is deterministic.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::Serialize;

use super::index::Index;
use crate::model::Landscape;
use crate::model::graph::potential_connections;

/// The metrics of one landscape.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    pub systems: usize,
    pub flows: usize,
    pub datasets: usize,
    pub teams: usize,
    /// Distinct unordered pairs of different systems connected by at least one flow.
    pub connected_pairs: usize,
    /// The point-to-point potential n(n-1)/2 for n systems.
    pub potential_connections: usize,
    /// `connected_pairs / potential_connections` (0 when fewer than two systems).
    pub density: f64,
    /// Connections a hub would need: one per system that sends or receives.
    pub hub_connections: usize,
    /// Flows already routed through the hub.
    pub flows_via_hub: usize,
    /// Fan-in and fan-out of every system, sorted by system id.
    pub fan: Vec<SystemFan>,
    /// Systems ranked by how many processes their failure reaches (most first).
    pub blast_radius: Vec<BlastRadius>,
}

/// How connected one system is. Flows inside the system are not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SystemFan {
    pub system: String,
    /// Distinct other systems that send data to this one.
    pub fan_in: usize,
    /// Distinct other systems this one sends data to.
    pub fan_out: usize,
    /// Flows arriving from other systems.
    pub flows_in: usize,
    /// Flows leaving for other systems.
    pub flows_out: usize,
}

/// What a failure of one system reaches when it is followed downstream along the flows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlastRadius {
    pub system: String,
    /// Business processes depending on a reached dataset (sorted).
    pub processes: Vec<String>,
    /// Datasets reached: the system's own and every dataset downstream of them (sorted).
    pub datasets: Vec<String>,
    /// Other systems holding a reached dataset (sorted).
    pub systems: Vec<String>,
}

/// One point of the scaling chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScalingPoint {
    pub systems: usize,
    /// n(n-1)/2: every system may talk to every other.
    pub point_to_point: usize,
    /// n: every system has one connection to the hub.
    pub hub: usize,
}

/// Computes the metrics of a landscape.
pub fn metrics(landscape: &Landscape) -> Metrics {
    let index = Index::new(landscape);
    let systems = landscape.systems.len();
    let pair_set = index.connected_pairs(&landscape.flows);
    let pairs = pair_set.len();
    let hub_connections = pair_set
        .iter()
        .flat_map(|(a, b)| [*a, *b])
        .collect::<BTreeSet<&str>>()
        .len();
    let potential = potential_connections(systems);
    let density = if potential == 0 {
        0.0
    } else {
        pairs as f64 / potential as f64
    };
    Metrics {
        systems,
        flows: landscape.flows.len(),
        datasets: landscape.datasets().count(),
        teams: landscape.teams.len(),
        connected_pairs: pairs,
        potential_connections: potential,
        density,
        hub_connections,
        flows_via_hub: landscape.flows.iter().filter(|f| f.via_hub).count(),
        fan: fan_with(landscape, &index),
        blast_radius: blast_radius_with(landscape, &index),
    }
}

/// Fan-in and fan-out of every system, sorted by system id.
pub fn fan(landscape: &Landscape) -> Vec<SystemFan> {
    fan_with(landscape, &Index::new(landscape))
}

fn fan_with(landscape: &Landscape, index: &Index<'_>) -> Vec<SystemFan> {
    #[derive(Default)]
    struct Tally {
        senders: BTreeSet<String>,
        receivers: BTreeSet<String>,
        flows_in: usize,
        flows_out: usize,
    }
    let mut tallies: BTreeMap<String, Tally> = landscape
        .systems
        .iter()
        .map(|s| (s.id.clone(), Tally::default()))
        .collect();
    for flow in &landscape.flows {
        let Some(target) = index.target_system(flow) else {
            continue;
        };
        let sources: Vec<String> = index
            .source_systems(flow)
            .into_iter()
            .filter(|s| *s != target)
            .map(str::to_owned)
            .collect();
        if sources.is_empty() {
            continue;
        }
        if let Some(tally) = tallies.get_mut(target) {
            tally.flows_in += 1;
            tally.senders.extend(sources.iter().cloned());
        }
        for source in &sources {
            if let Some(tally) = tallies.get_mut(source) {
                tally.flows_out += 1;
                tally.receivers.insert(target.to_owned());
            }
        }
    }
    tallies
        .into_iter()
        .map(|(system, t)| SystemFan {
            system,
            fan_in: t.senders.len(),
            fan_out: t.receivers.len(),
            flows_in: t.flows_in,
            flows_out: t.flows_out,
        })
        .collect()
}

/// The structural blast radius of every system: start from all its datasets, follow every flow
/// that reads a reached dataset to its output, and collect the processes depending on a reached
/// dataset. Ranked by processes reached, then datasets reached (both descending), then system id.
pub fn blast_radius(landscape: &Landscape) -> Vec<BlastRadius> {
    blast_radius_with(landscape, &Index::new(landscape))
}

fn blast_radius_with(landscape: &Landscape, index: &Index<'_>) -> Vec<BlastRadius> {
    let mut consumers: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for flow in &landscape.flows {
        for input in &flow.inputs {
            consumers
                .entry(input.as_str())
                .or_default()
                .push(flow.output.as_str());
        }
    }
    let mut dependents: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for process in &landscape.processes {
        for dependency in &process.dependencies {
            dependents
                .entry(dependency.dataset.as_str())
                .or_default()
                .insert(process.id.as_str());
        }
    }
    let mut ranking: Vec<BlastRadius> = landscape
        .systems
        .iter()
        .map(|system| {
            let own: Vec<String> = system
                .datasets
                .iter()
                .map(|d| crate::model::dataset_full_id(&system.id, &d.id))
                .collect();
            let mut reached: BTreeSet<String> = own.iter().cloned().collect();
            let mut queue: VecDeque<String> = own.into_iter().collect();
            while let Some(dataset) = queue.pop_front() {
                for output in consumers.get(dataset.as_str()).into_iter().flatten() {
                    if reached.insert((*output).to_owned()) {
                        queue.push_back((*output).to_owned());
                    }
                }
            }
            let processes: BTreeSet<&str> = reached
                .iter()
                .filter_map(|d| dependents.get(d.as_str()))
                .flatten()
                .copied()
                .collect();
            let systems: BTreeSet<&str> = reached
                .iter()
                .filter_map(|d| index.system_of.get(d).copied())
                .filter(|s| *s != system.id)
                .collect();
            BlastRadius {
                system: system.id.clone(),
                processes: processes.into_iter().map(str::to_owned).collect(),
                datasets: reached.into_iter().collect(),
                systems: systems.into_iter().map(str::to_owned).collect(),
            }
        })
        .collect();
    ranking.sort_by(|a, b| {
        b.processes
            .len()
            .cmp(&a.processes.len())
            .then(b.datasets.len().cmp(&a.datasets.len()))
            .then(a.system.cmp(&b.system))
    });
    ranking
}

/// The data of the scaling chart: connections against systems for point-to-point (n(n-1)/2)
/// and for a hub (n), from 1 system up to `max(current_systems, 10)`, at most `max_points`
/// points (the last point is always the largest n).
pub fn scaling_curve(current_systems: usize, max_points: usize) -> Vec<ScalingPoint> {
    let largest = current_systems.max(10);
    let max_points = max_points.max(2);
    let step = largest.div_ceil(max_points).max(1);
    let mut sizes: Vec<usize> = (1..=largest).step_by(step).collect();
    if sizes.last() != Some(&largest) {
        sizes.push(largest);
    }
    sizes
        .into_iter()
        .map(|n| ScalingPoint {
            systems: n,
            point_to_point: potential_connections(n),
            hub: n,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Dependency, Flow, Process, System};

    fn system(id: &str, datasets: &[&str]) -> System {
        System {
            id: id.to_owned(),
            datasets: datasets
                .iter()
                .map(|d| Dataset {
                    id: (*d).to_owned(),
                    ..Dataset::default()
                })
                .collect(),
            ..System::default()
        }
    }

    fn flow(id: &str, inputs: &[&str], output: &str) -> Flow {
        Flow {
            id: id.to_owned(),
            inputs: inputs.iter().map(|s| (*s).to_owned()).collect(),
            output: output.to_owned(),
            ..Flow::default()
        }
    }

    fn chain() -> Landscape {
        Landscape {
            systems: vec![
                system("A", &["x"]),
                system("B", &["x", "y"]),
                system("C", &["x"]),
            ],
            flows: vec![
                flow("F1", &["A.x"], "B.x"),
                flow("F2", &["B.x"], "B.y"),
                flow("F3", &["B.y"], "C.x"),
                flow("F4", &["A.x"], "C.x"),
            ],
            processes: vec![Process {
                id: "P".to_owned(),
                dependencies: vec![Dependency {
                    dataset: "C.x".to_owned(),
                    ..Dependency::default()
                }],
                ..Process::default()
            }],
            ..Landscape::default()
        }
    }

    #[test]
    fn counts_pairs_potential_and_density() {
        let m = metrics(&chain());
        assert_eq!((m.systems, m.flows, m.datasets), (3, 4, 4));
        assert_eq!(m.connected_pairs, 3);
        assert_eq!(m.potential_connections, 3);
        assert_eq!(m.hub_connections, 3);
        assert!((m.density - 1.0).abs() < 1e-12);
    }

    #[test]
    fn pairs_and_hub_agree_with_the_model_graph() {
        let landscape = chain();
        let m = metrics(&landscape);
        assert_eq!(
            m.connected_pairs,
            crate::model::graph::connected_pairs(&landscape).len()
        );
        assert_eq!(
            m.hub_connections,
            crate::model::graph::hub_connections(&landscape)
        );
    }

    #[test]
    fn fan_ignores_flows_inside_a_system() {
        let fans = fan(&chain());
        let b = fans.iter().find(|f| f.system == "B");
        assert_eq!(
            b,
            Some(&SystemFan {
                system: "B".to_owned(),
                fan_in: 1,
                fan_out: 1,
                flows_in: 1,
                flows_out: 1,
            })
        );
        let a = fans.iter().find(|f| f.system == "A");
        assert_eq!(a.map(|f| (f.fan_out, f.flows_out)), Some((2, 2)));
    }

    #[test]
    fn blast_radius_follows_flows_downstream_to_processes() {
        let ranking = blast_radius(&chain());
        let order: Vec<&str> = ranking.iter().map(|b| b.system.as_str()).collect();
        assert_eq!(order, ["A", "B", "C"]);
        assert_eq!(ranking[0].datasets, ["A.x", "B.x", "B.y", "C.x"]);
        assert_eq!(ranking[0].systems, ["B", "C"]);
        assert_eq!(ranking[0].processes, ["P"]);
        assert_eq!(ranking[2].datasets, ["C.x"]);
    }

    #[test]
    fn scaling_curve_ends_at_the_landscape_size() {
        let curve = scaling_curve(7, 50);
        assert_eq!(curve.len(), 10);
        assert_eq!(
            curve[5],
            ScalingPoint {
                systems: 6,
                point_to_point: 15,
                hub: 6
            }
        );
        let big = scaling_curve(1000, 20);
        assert!(big.len() <= 21);
        assert_eq!(big.last().map(|p| p.point_to_point), Some(499_500));
    }
}
