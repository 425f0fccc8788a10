//! The name checks of the broker plan (`exports.md` §1.3): every final RabbitMQ name within its
//! limit and produced by one origin only, and one routing key (and Kafka topic) per published
//! dataset. A collision is an error that names both origins and the field to change; nothing is
//! renamed behind the user's back, so names stay stable across edits.
//!
//! Depends on `model` and `export::names`, `export::output`, `export::plan`.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Landscape;

use super::names::{Namespace, check_amqp_len, error, join_and};
use super::output::Diagnostic;
use super::plan::{PlannedFlow, PlannedSystem};

/// E02: two different datasets of one producer that publish under one routing key (and so one
/// Kafka topic), e.g. `Bestellübersicht` and `Bestellubersicht`, or datasets that differ only by
/// characters the sanitiser drops.
pub fn check_publications(
    landscape: &Landscape,
    flows: &[PlannedFlow<'_>],
    errors: &mut Vec<Diagnostic>,
) {
    // (producer component, routing key) -> dataset id -> (dataset text, flow ids)
    type Origins = BTreeMap<String, (String, BTreeSet<String>)>;
    let mut by_key: BTreeMap<(&str, &str), Origins> = BTreeMap::new();
    for flow in flows {
        for publication in &flow.publications {
            by_key
                .entry((
                    publication.producer_component.as_str(),
                    publication.routing_key.as_str(),
                ))
                .or_default()
                .entry(publication.dataset_id.clone())
                .or_insert_with(|| (publication.dataset_text.clone(), BTreeSet::new()))
                .1
                .insert(flow.id.clone());
        }
    }
    for ((producer, key), datasets) in &by_key {
        if datasets.len() < 2 {
            continue;
        }
        let described: Vec<String> = datasets
            .iter()
            .map(|(id, (text, flows))| {
                let flows: Vec<&str> = flows.iter().map(String::as_str).collect();
                format!("\"{text}\" ({id}, flow {})", flows.join(", "))
            })
            .collect();
        let system = datasets
            .keys()
            .next()
            .and_then(|id| landscape.dataset(id))
            .map_or_else(|| (*producer).to_owned(), |d| d.system.name.clone());
        errors.push(error(
            "E02",
            None,
            format!(
                "datasets {} of system \"{system}\" both publish as routing key {key} on \
                 {producer}.events and Kafka topic {producer}.{key}; rename one of the datasets \
                 (field name) so that they differ after sanitising",
                join_and(&described)
            ),
        ));
    }
}

/// E02 and E03 for the RabbitMQ namespaces: exchanges, queues, users, policies, routing keys.
pub fn check_rabbit_names(
    systems: &BTreeMap<String, PlannedSystem>,
    flows: &[PlannedFlow<'_>],
    errors: &mut Vec<Diagnostic>,
) {
    let mut exchanges = Namespace::new("exchange");
    let mut queues = Namespace::new("queue").with_hint(
        "rename one of the consumer's datasets or set an export name on one of the flows \
         (field export_name)",
    );
    let mut policies = Namespace::new("policy");
    let mut users = Namespace::new("user");
    let producing: BTreeSet<&str> = flows
        .iter()
        .flat_map(|f| f.producers.iter().map(String::as_str))
        .collect();
    for system in systems.values() {
        if system.component.is_empty() {
            continue;
        }
        let hint = format!("Set a shorter export name on system \"{}\".", system.name);
        let user = format!("svc-{}", system.component);
        check_amqp_len("user", &user, &hint, errors);
        users.add(&user, format!("system {}", system.id));
        if producing.contains(system.id.as_str()) {
            let exchange = format!("{}.events", system.component);
            check_amqp_len("exchange", &exchange, &hint, errors);
            exchanges.add(&exchange, format!("system {}", system.id));
        }
    }
    for flow in flows {
        let origin = format!("flow {}", flow.id);
        let hint = format!(
            "Shorten system \"{}\" or dataset \"{}\".",
            flow.consumer, flow.dataset_text
        );
        for publication in &flow.publications {
            check_amqp_len("routing key", &publication.routing_key, &hint, errors);
        }
        check_amqp_len("queue", &flow.queue, &hint, errors);
        queues.add(&flow.queue, origin.clone());
        if let Some(dlq) = flow.dlq_name() {
            check_amqp_len("queue", &dlq, &hint, errors);
            queues.add(&dlq, origin.clone());
            let dlx = format!("{}.dlx", flow.consumer_component);
            check_amqp_len("exchange", &dlx, &hint, errors);
            exchanges.add(&dlx, format!("system {}", flow.consumer));
            if let Some(redrive) = flow.redrive_exchange() {
                check_amqp_len("exchange", &redrive, &hint, errors);
                exchanges.add(&redrive, format!("system {}", flow.consumer));
            }
        }
        if flow.dlq || flow.max_attempts > 1 {
            let policy = format!("switchboard.{}", flow.queue);
            check_amqp_len("policy", &policy, &hint, errors);
            policies.add(&policy, origin);
        }
    }
    for ns in [&exchanges, &queues, &policies, &users] {
        ns.collisions(errors);
    }
}
