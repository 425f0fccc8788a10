//! The Kafka topics of the exported flows (`exports.md` §4): one topic `<producer>.<dataset>.v<M>`
//! per producer and routing key, plus `<topic>.dlq` when a flow on it has a DLQ, with their
//! sizing (maximum over the flows, W06) and the topic-name checks (E02, E03). Shared by the
//! Strimzi, `topics.json` and AsyncAPI exports.
//!
//! Depends on the `export` helpers.

use std::collections::BTreeMap;

use super::names::{
    K8S_NAME_LIMIT, KAFKA_TOPIC_LIMIT, Namespace, error, is_dns1123_subdomain, is_kafka_topic_name,
};
use super::options::KafkaOptions;
use super::output::Diagnostic;
use super::plan::{Plan, PlannedFlow};

/// One Kafka topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// The Kafka topic name.
    pub name: String,
    /// The producer's component.
    pub producer: String,
    /// The flows on the topic (for a DLQ topic: those with a DLQ), sorted.
    pub flows: Vec<String>,
    pub partitions: i64,
    pub replicas: i64,
    pub retention_ms: i64,
}

impl Topic {
    /// The Kubernetes `metadata.name`: the topic with `_` mapped to `-`.
    pub fn metadata_name(&self) -> String {
        self.name.replace('_', "-")
    }
}

/// The longer of two retentions, where -1 (unlimited) is the longest of all.
pub fn longer_retention(a: i64, b: i64) -> i64 {
    if a == -1 || b == -1 { -1 } else { a.max(b) }
}

/// A sizing value's rank when flows on one topic disagree: the largest wins, and for the
/// retention -1 (unlimited) is larger than every finite value.
fn rank(what: &str, value: i64) -> i64 {
    if what == "retention" && value == -1 {
        i64::MAX
    } else {
        value
    }
}

/// All topics, sorted by name, with W06 warnings; E02/E03/E05 errors are collected.
pub fn topics(
    plan: &Plan<'_>,
    options: &KafkaOptions,
) -> Result<(Vec<Topic>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut errors = options.validate();
    let mut warnings = Vec::new();
    let mut by_topic: BTreeMap<String, (String, Vec<&PlannedFlow<'_>>)> = BTreeMap::new();
    for flow in &plan.flows {
        for publication in &flow.publications {
            by_topic
                .entry(publication.topic())
                .or_insert_with(|| (publication.producer_component.clone(), Vec::new()))
                .1
                .push(flow);
        }
        check_overrides(flow, &mut errors);
    }
    let mut result = Vec::new();
    for (name, (producer, flows)) in by_topic {
        let pick = |what: &str,
                    unit: &str,
                    default: i64,
                    value: &dyn Fn(&PlannedFlow<'_>) -> Option<i64>,
                    warnings: &mut Vec<Diagnostic>| {
            let values: Vec<(String, i64)> = flows
                .iter()
                .map(|f| (f.id.clone(), value(f).unwrap_or(default)))
                .collect();
            let max = values
                .iter()
                .map(|(_, v)| *v)
                .max_by_key(|v| rank(what, *v))
                .unwrap_or(default);
            if values.iter().any(|(_, v)| *v != max) {
                let parts: Vec<String> = values
                    .iter()
                    .enumerate()
                    .map(|(i, (id, v))| {
                        if i == 0 {
                            format!("{id} ({v} {unit})")
                        } else {
                            format!("{id} ({v})")
                        }
                    })
                    .collect();
                warnings.push(error(
                    "W06",
                    None,
                    format!(
                        "topic {name}: flows {} disagree on {what}; using {max}",
                        super::names::join_and(&parts)
                    ),
                ));
            }
            max
        };
        let partitions = pick(
            "partitions",
            "partitions",
            options.partitions,
            &|f| f.kafka.and_then(|k| k.partitions).map(i64::from),
            &mut warnings,
        );
        let replicas = pick(
            "replicas",
            "replicas",
            options.replicas,
            &|f| f.kafka.and_then(|k| k.replicas).map(i64::from),
            &mut warnings,
        );
        let retention_ms = pick(
            "retention",
            "ms retention",
            options.retention_ms,
            &|f| f.kafka.and_then(|k| k.retention_ms),
            &mut warnings,
        );
        let mut ids: Vec<String> = flows.iter().map(|f| f.id.clone()).collect();
        ids.sort();
        ids.dedup();
        let mut dlq_ids: Vec<String> = flows
            .iter()
            .filter(|f| f.dlq)
            .map(|f| f.id.clone())
            .collect();
        dlq_ids.sort();
        dlq_ids.dedup();
        let main = Topic {
            name: name.clone(),
            producer: producer.clone(),
            flows: ids,
            partitions,
            replicas,
            retention_ms,
        };
        if !dlq_ids.is_empty() {
            result.push(Topic {
                name: format!("{name}.dlq"),
                producer,
                flows: dlq_ids,
                partitions: 1,
                replicas,
                retention_ms,
            });
        }
        result.push(main);
    }
    result.sort_by(|a, b| a.name.cmp(&b.name));
    check_names(&result, &mut errors);
    if errors.is_empty() {
        Ok((result, warnings))
    } else {
        errors.sort();
        Err(errors)
    }
}

fn check_overrides(flow: &PlannedFlow<'_>, errors: &mut Vec<Diagnostic>) {
    let Some(kafka) = flow.kafka else { return };
    if kafka.partitions == Some(0) {
        errors.push(error(
            "E05",
            Some(&flow.id),
            format!("flow {}: kafka partitions must be at least 1", flow.id),
        ));
    }
    if kafka.replicas.is_some_and(|r| !(1..=32767).contains(&r)) {
        errors.push(error(
            "E05",
            Some(&flow.id),
            format!(
                "flow {}: kafka replicas must be between 1 and 32767",
                flow.id
            ),
        ));
    }
    if kafka.retention_ms.is_some_and(|r| r < -1) {
        errors.push(error(
            "E05",
            Some(&flow.id),
            format!(
                "flow {}: kafka retention_ms must be -1 (unlimited) or more",
                flow.id
            ),
        ));
    }
}

fn check_names(topics: &[Topic], errors: &mut Vec<Diagnostic>) {
    let mut kafka = Namespace::new("Kafka topic (with '.' as '_')");
    let mut metadata = Namespace::new("KafkaTopic metadata.name");
    for topic in topics {
        let origin = format!("topic {}", topic.name);
        if topic.name.len() > KAFKA_TOPIC_LIMIT {
            errors.push(error(
                "E03",
                None,
                format!(
                    "Kafka topic name \"{}\" is {} characters; Kafka allows {KAFKA_TOPIC_LIMIT}. \
                     Shorten the system or dataset name",
                    topic.name,
                    topic.name.len()
                ),
            ));
        } else if !is_kafka_topic_name(&topic.name) {
            errors.push(error(
                "E03",
                None,
                format!("\"{}\" is not a legal Kafka topic name", topic.name),
            ));
        }
        let meta = topic.metadata_name();
        if meta.len() > K8S_NAME_LIMIT {
            errors.push(error(
                "E03",
                None,
                format!(
                    "KafkaTopic metadata.name \"{meta}\" is {} characters; Kubernetes allows \
                     {K8S_NAME_LIMIT}",
                    meta.len()
                ),
            ));
        } else if !is_dns1123_subdomain(&meta) {
            errors.push(error(
                "E03",
                None,
                format!("KafkaTopic metadata.name \"{meta}\" is not a DNS-1123 subdomain"),
            ));
        }
        kafka.add(&topic.name.replace('.', "_"), origin.clone());
        metadata.add(&meta, origin);
    }
    kafka.collisions(errors);
    metadata.collisions(errors);
}
