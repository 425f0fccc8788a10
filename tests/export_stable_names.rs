//! Stable broker names (issue 12): names are a function of what is published, and adding a flow
//! never renames an existing queue, exchange, binding, policy, user or topic. 200 random
//! landscapes (names with umlauts, ß, Ø, fan-outs, flows with two producers, copies published
//! again downstream) each get one random flow added; both export, and every resource name of the
//! first export is in the second. (Colliding names are errors, never renames: see the tests
//! below and `export_diagnostics.rs`.)

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::Value;
use switchboard::export::{KafkaOptions, RabbitOptions, export_rabbitmq, export_topics_json};
use switchboard::model::{Contract, Dataset, Flow, Landscape, Pattern, System};

const SYSTEM_NAMES: [&str; 8] = [
    "ERP",
    "Lager Süd",
    "Straße & Größe",
    "Ørsted Æbler",
    "Data Warehouse",
    "Shop",
    "MES",
    "Kasse",
];
const DATASET_NAMES: [&str; 10] = [
    "Bestellübersicht",
    "Zahlungen",
    "Stock",
    "Orders",
    "Größen",
    "Preise",
    "Kunden",
    "Lieferungen",
    "Retouren",
    "Rechnungen",
];

/// A small deterministic generator (xorshift) driven by the proptest seed.
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % below as u64).expect("small")
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.next(100) < percent
    }
}

fn landscape(dice: &mut Dice) -> Landscape {
    let mut landscape = Landscape {
        name: "Random Grocer".to_owned(),
        ..Landscape::default()
    };
    landscape.contracts.push(Contract {
        id: "c1".to_owned(),
        name: "Order".to_owned(),
        version: "2.1.0".to_owned(),
        format: "json".to_owned(),
        ..Contract::default()
    });
    let count = 2 + dice.next(5);
    for (i, name) in SYSTEM_NAMES.iter().take(count).enumerate() {
        let mut system = System {
            id: format!("sys{i}"),
            name: (*name).to_owned(),
            ..System::default()
        };
        for d in 0..=dice.next(3) {
            system.datasets.push(Dataset {
                id: format!("src{d}"),
                name: DATASET_NAMES[(i * 3 + d) % DATASET_NAMES.len()].to_owned(),
                source: true,
                ..Dataset::default()
            });
        }
        landscape.systems.push(system);
    }
    for _ in 0..dice.next(8) {
        add_flow(&mut landscape, dice);
    }
    landscape
}

/// Adds a message-queue flow from one or two producers' source datasets into a new dataset of
/// a consumer (one flow per output dataset, as validation requires).
fn add_flow(landscape: &mut Landscape, dice: &mut Dice) -> String {
    let n = landscape.systems.len();
    let consumer = dice.next(n);
    let mut inputs = Vec::new();
    for _ in 0..=usize::from(dice.chance(25)) {
        let producer = (consumer + 1 + dice.next(n - 1)) % n;
        let system = &landscape.systems[producer];
        let dataset = &system.datasets[dice.next(system.datasets.len())];
        inputs.push(format!("{}.{}", system.id, dataset.id));
    }
    inputs.sort();
    inputs.dedup();
    let id = format!("F{}", landscape.flows.len() + 1);
    let system = &mut landscape.systems[consumer];
    // Dataset names are distinct within a system, so no two datasets collide after sanitising.
    let start = dice.next(DATASET_NAMES.len());
    let copy_name = (0..DATASET_NAMES.len())
        .map(|i| DATASET_NAMES[(start + i) % DATASET_NAMES.len()].to_owned())
        .find(|name| system.datasets.iter().all(|d| &d.name != name))
        .unwrap_or_else(|| format!("Kopie {}", system.datasets.len()));
    let local = format!("copy{}", system.datasets.len());
    system.datasets.push(Dataset {
        id: local.clone(),
        name: copy_name,
        ..Dataset::default()
    });
    let output = format!("{}.{local}", system.id);
    landscape.flows.push(Flow {
        id: id.clone(),
        inputs,
        output,
        pattern: Pattern::MessageQueue,
        contract: dice.chance(50).then(|| "c1".to_owned()),
        dlq: dice.chance(50),
        buffered: true,
        ..Flow::default()
    });
    id
}

/// Every resource name of the RabbitMQ and Kafka exports, each with its kind.
fn names(landscape: &Landscape) -> Result<BTreeSet<String>, String> {
    let rabbit = export_rabbitmq(landscape, &RabbitOptions::default()).map_err(|e| {
        e.iter()
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let topics =
        export_topics_json(landscape, &KafkaOptions::default()).map_err(|e| format!("{e:?}"))?;
    let mut names = BTreeSet::new();
    for file in rabbit.files.iter().chain(&topics.files) {
        let json: Value = serde_json::from_slice(&file.contents).expect("json");
        for (kind, key) in [
            ("exchanges", "name"),
            ("queues", "name"),
            ("policies", "name"),
            ("users", "name"),
            ("permissions", "user"),
            ("topics", "name"),
        ] {
            for item in json[kind].as_array().into_iter().flatten() {
                names.insert(format!("{kind} {}", item[key].as_str().expect("name")));
            }
        }
        for binding in json["bindings"].as_array().into_iter().flatten() {
            names.insert(format!(
                "binding {} -> {} ({})",
                binding["source"], binding["destination"], binding["routing_key"]
            ));
        }
    }
    Ok(names)
}

fn assert_kept(before: &BTreeSet<String>, after: &BTreeSet<String>) {
    let lost: Vec<&String> = before.difference(after).collect();
    assert!(lost.is_empty(), "names changed by adding a flow: {lost:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn adding_a_flow_renames_nothing(seed in 1..u64::MAX) {
        let mut dice = Dice(seed);
        let mut landscape = landscape(&mut dice);
        let before = names(&landscape).map_err(TestCaseError::fail)?;
        add_flow(&mut landscape, &mut dice);
        let after = names(&landscape).map_err(TestCaseError::fail)?;
        assert_kept(&before, &after);
    }
}

/// The fan-out of the issue: one producer dataset, consumers that name their copies
/// differently; one routing key and one topic, every queue bound to it.
#[test]
fn fan_out_uses_the_producers_dataset_whatever_the_consumers_call_their_copies() {
    let mut landscape = Landscape {
        name: "Fan".to_owned(),
        ..Landscape::default()
    };
    for (i, name) in ["Shop", "Lager", "DWH"].iter().enumerate() {
        landscape.systems.push(System {
            id: format!("s{i}"),
            name: (*name).to_owned(),
            datasets: vec![Dataset {
                id: "d".to_owned(),
                name: ["Bestellungen", "Aufträge", "Orders (copy)"][i].to_owned(),
                source: i == 0,
                ..Dataset::default()
            }],
            ..System::default()
        });
    }
    for consumer in [1, 2] {
        landscape.flows.push(Flow {
            id: format!("F{consumer}"),
            inputs: vec!["s0.d".to_owned()],
            output: format!("s{consumer}.d"),
            pattern: Pattern::MessageQueue,
            buffered: true,
            ..Flow::default()
        });
    }
    let names = names(&landscape).expect("exports");
    assert!(names.contains("binding \"shop.events\" -> \"lager.auftrage\" (\"bestellungen.v0\")"));
    assert!(names.contains("binding \"shop.events\" -> \"dwh.orders-copy\" (\"bestellungen.v0\")"));
    let topics: Vec<&String> = names.iter().filter(|n| n.starts_with("topics ")).collect();
    assert_eq!(topics, ["topics shop.bestellungen.v0"]);
}

/// Two datasets of one producer that sanitise alike are refused, naming both and the field.
#[test]
fn two_datasets_on_one_routing_key_are_an_error_naming_both() {
    let mut landscape = Landscape {
        name: "Collide".to_owned(),
        ..Landscape::default()
    };
    landscape.systems.push(System {
        id: "erp".to_owned(),
        name: "ERP".to_owned(),
        datasets: vec![
            Dataset {
                id: "a".to_owned(),
                name: "Bestellübersicht".to_owned(),
                source: true,
                ..Dataset::default()
            },
            Dataset {
                id: "b".to_owned(),
                name: "Bestellubersicht".to_owned(),
                source: true,
                ..Dataset::default()
            },
        ],
        ..System::default()
    });
    landscape.systems.push(System {
        id: "shop".to_owned(),
        name: "Shop".to_owned(),
        datasets: vec![
            Dataset {
                id: "x".to_owned(),
                name: "Übersicht A".to_owned(),
                ..Dataset::default()
            },
            Dataset {
                id: "y".to_owned(),
                name: "Übersicht B".to_owned(),
                ..Dataset::default()
            },
        ],
        ..System::default()
    });
    for (id, input, output) in [("F1", "erp.a", "shop.x"), ("F2", "erp.b", "shop.y")] {
        landscape.flows.push(Flow {
            id: id.to_owned(),
            inputs: vec![input.to_owned()],
            output: output.to_owned(),
            pattern: Pattern::MessageQueue,
            buffered: true,
            ..Flow::default()
        });
    }
    let errors = names(&landscape).expect_err("refused");
    assert!(
        errors.contains(
            "E02: datasets \"Bestellübersicht\" (erp.a, flow F1) and \"Bestellubersicht\" \
             (erp.b, flow F2) of system \"ERP\" both publish as routing key bestellubersicht.v0"
        ),
        "{errors}"
    );
    assert!(
        errors.contains("rename one of the datasets (field name)"),
        "{errors}"
    );
}
