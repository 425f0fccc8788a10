//! The Rust check of exported Kafka artefacts (`exports.md` §7.6, rules K1–K13): the Strimzi
//! `KafkaTopic` CRD constraints plus what Kubernetes and the Topic Operator enforce, applied to
//! the exported text **parsed back** with `serde-saphyr`, and the same rules for `topics.json`.
//! No Kafka broker validates topic specs, so this is the authority in CI.
//!
//! Depends on `export::names` and `export::options`.

use std::collections::BTreeMap;

use serde_json::Value;

use super::names::{is_dns1123_subdomain, is_kafka_topic_name, is_label_value, is_qualified_key};
use super::options::StrimziApi;

/// Topic configs the Topic Operator accepts (rule K10).
pub const KNOWN_TOPIC_CONFIGS: [&str; 26] = [
    "cleanup.policy",
    "compression.type",
    "delete.retention.ms",
    "file.delete.delay.ms",
    "flush.messages",
    "flush.ms",
    "index.interval.bytes",
    "local.retention.bytes",
    "local.retention.ms",
    "max.compaction.lag.ms",
    "max.message.bytes",
    "message.timestamp.after.max.ms",
    "message.timestamp.before.max.ms",
    "message.timestamp.type",
    "min.cleanable.dirty.ratio",
    "min.compaction.lag.ms",
    "min.insync.replicas",
    "preallocate",
    "remote.storage.enable",
    "retention.bytes",
    "retention.ms",
    "segment.bytes",
    "segment.index.bytes",
    "segment.jitter.ms",
    "segment.ms",
    "unclean.leader.election.enable",
];

/// The result of checking one `KafkaTopic` document or `topics.json` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicCheck {
    /// `metadata.name` (or `document N` when it has none).
    pub name: String,
    /// Rule violations; empty when the topic passes.
    pub errors: Vec<String>,
}

/// Checks `kafkatopics.yaml` text (K1–K12). An unparsable file gives one entry named `file`.
pub fn check_kafkatopics(text: &str, api: StrimziApi) -> Vec<TopicCheck> {
    let documents: Vec<Value> = match serde_saphyr::from_multiple(text) {
        Ok(documents) => documents,
        Err(e) => {
            return vec![TopicCheck {
                name: "file".to_owned(),
                errors: vec![format!("not valid YAML: {e}")],
            }];
        }
    };
    let mut checks = Vec::new();
    let mut metadata_names: BTreeMap<String, usize> = BTreeMap::new();
    let mut kafka_names: BTreeMap<String, String> = BTreeMap::new();
    for (index, document) in documents.iter().enumerate() {
        let label = format!("document {}", index + 1);
        let mut errors = Vec::new();
        let Some(object) = document.as_object() else {
            checks.push(TopicCheck {
                name: label.clone(),
                errors: vec![format!("{label}: not a mapping")],
            });
            continue;
        };
        // K1
        for key in object.keys() {
            if !matches!(key.as_str(), "apiVersion" | "kind" | "metadata" | "spec") {
                errors.push(format!("{label}: unexpected top-level key '{key}'"));
            }
        }
        for key in ["apiVersion", "kind", "metadata", "spec"] {
            if !object.contains_key(key) {
                errors.push(format!("{label}: missing top-level key '{key}'"));
            }
        }
        // K2, K3
        let api_version = object
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or("");
        if !matches!(
            api_version,
            "kafka.strimzi.io/v1" | "kafka.strimzi.io/v1beta2"
        ) {
            errors.push(format!("apiVersion {api_version} not served"));
        } else if api_version != api.api_version() {
            errors.push(format!(
                "apiVersion {api_version} is not the chosen {}",
                api.api_version()
            ));
        }
        if object.get("kind").and_then(Value::as_str) != Some("KafkaTopic") {
            errors.push(format!("{label}: kind must be KafkaTopic"));
        }
        // K4, K5
        let metadata = object.get("metadata").and_then(Value::as_object);
        let name = metadata
            .and_then(|m| m.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        if !is_dns1123_subdomain(&name) {
            errors.push(format!(
                "metadata.name '{name}' is not a DNS-1123 subdomain (use spec.topicName for the \
                 Kafka name)"
            ));
        }
        let empty = serde_json::Map::new();
        let labels = metadata
            .and_then(|m| m.get("labels"))
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        if !labels.contains_key("strimzi.io/cluster") {
            errors.push(
                "missing label strimzi.io/cluster (Topic Operator ignores the resource)".to_owned(),
            );
        }
        for (key, value) in labels {
            if !is_qualified_key(key) {
                errors.push(format!("label key '{key}' is not a qualified name"));
            }
            match value.as_str() {
                Some(v) if is_label_value(v) => {}
                _ => errors.push(format!("label {key}: '{value}' is not a valid label value")),
            }
        }
        if let Some(annotations) = metadata
            .and_then(|m| m.get("annotations"))
            .and_then(Value::as_object)
        {
            for (key, value) in annotations {
                if !is_qualified_key(key) {
                    errors.push(format!("annotation key '{key}' is not a qualified name"));
                }
                if !value.is_string() {
                    errors.push(format!("annotation {key}: value is not a string"));
                }
            }
        }
        // K6 to K11
        let spec = object
            .get("spec")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        for key in spec.keys() {
            if !matches!(
                key.as_str(),
                "topicName" | "partitions" | "replicas" | "config"
            ) {
                errors.push(format!(
                    "spec: Additional properties are not allowed ('{key}' was unexpected)"
                ));
            }
        }
        check_sizes(
            "spec/",
            spec.get("partitions"),
            spec.get("replicas"),
            &mut errors,
        );
        let kafka_name = match spec.get("topicName") {
            Some(Value::String(topic)) => {
                if !is_kafka_topic_name(topic) {
                    errors.push(format!(
                        "spec.topicName '{topic}' is not a legal Kafka topic name"
                    ));
                }
                topic.clone()
            }
            Some(other) => {
                errors.push(format!("spec.topicName {other} is not a string"));
                name.clone()
            }
            None => name.clone(),
        };
        if let Some(config) = spec.get("config") {
            check_config(config, false, &mut errors);
        }
        // K12
        if let Some(first) = metadata_names.insert(name.clone(), index + 1) {
            errors.push(format!(
                "metadata.name {name} is also used by document {first}"
            ));
        }
        let metric = kafka_name.replace('.', "_");
        if let Some(other) = kafka_names.insert(metric, kafka_name.clone()) {
            errors.push(format!(
                "topics {other} and {kafka_name} collide in Kafka metric names"
            ));
        }
        checks.push(TopicCheck {
            name: if name.is_empty() { label } else { name },
            errors,
        });
    }
    checks
}

/// Checks `topics.json` text (K13 with the name, size and config rules).
pub fn check_topics_json(text: &str) -> Vec<TopicCheck> {
    let file: Value = match serde_json::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            return vec![TopicCheck {
                name: "file".to_owned(),
                errors: vec![format!("not valid JSON: {e}")],
            }];
        }
    };
    let Some(topics) = file.get("topics").and_then(Value::as_array) else {
        return vec![TopicCheck {
            name: "file".to_owned(),
            errors: vec!["missing array \"topics\"".to_owned()],
        }];
    };
    let mut checks = Vec::new();
    let mut kafka_names: BTreeMap<String, String> = BTreeMap::new();
    for (index, topic) in topics.iter().enumerate() {
        let mut errors = Vec::new();
        let name = topic
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        if !is_kafka_topic_name(&name) {
            errors.push(format!("name '{name}' is not a legal Kafka topic name"));
        }
        check_sizes(
            "",
            topic.get("partitions"),
            topic.get("replication_factor"),
            &mut errors,
        );
        match topic.get("configs") {
            Some(configs) => check_config(configs, true, &mut errors),
            None => errors.push("missing configs".to_owned()),
        }
        if let Some(other) = kafka_names.insert(name.replace('.', "_"), name.clone()) {
            errors.push(format!(
                "topics {other} and {name} collide in Kafka metric names"
            ));
        }
        checks.push(TopicCheck {
            name: if name.is_empty() {
                format!("entry {}", index + 1)
            } else {
                name
            },
            errors,
        });
    }
    checks
}

fn check_sizes(
    prefix: &str,
    partitions: Option<&Value>,
    replicas: Option<&Value>,
    errors: &mut Vec<String>,
) {
    // K7
    match partitions {
        None => {}
        Some(Value::Number(n))
            if (n.is_i64() || n.is_u64()) && n.as_i64().is_some_and(|p| p < 1) =>
        {
            errors.push(format!(
                "{prefix}partitions: {n} is less than the minimum of 1"
            ));
        }
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => {}
        Some(other) => errors.push(format!(
            "{prefix}partitions: {other} is not of type 'integer'"
        )),
    }
    // K8
    match replicas {
        None => {}
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => {
            let r = n.as_i64().unwrap_or(i64::MAX);
            if r < 1 {
                errors.push(format!(
                    "{prefix}replicas: {n} is less than the minimum of 1"
                ));
            } else if r > 32767 {
                errors.push(format!(
                    "{prefix}replicas: {n} is greater than the maximum of 32767"
                ));
            }
        }
        Some(Value::String(s)) => {
            errors.push(format!("{prefix}replicas: '{s}' is not of type 'integer'"));
        }
        Some(other) => errors.push(format!(
            "{prefix}replicas: {other} is not of type 'integer'"
        )),
    }
}

/// K10, K11; `strings` (topics.json) requires every value to be a string.
fn check_config(config: &Value, strings: bool, errors: &mut Vec<String>) {
    let Some(config) = config.as_object() else {
        errors.push("config is not a mapping".to_owned());
        return;
    };
    for (key, value) in config {
        if !KNOWN_TOPIC_CONFIGS.contains(&key.as_str()) {
            errors.push(format!("config {key}: not a known topic config"));
        }
        if strings && !value.is_string() {
            errors.push(format!("config {key}: value {value} is not a string"));
        }
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match key.as_str() {
            "cleanup.policy"
                if !matches!(
                    text.as_str(),
                    "delete" | "compact" | "delete,compact" | "compact,delete"
                ) =>
            {
                errors.push(format!(
                    "config cleanup.policy='{text}' must be delete and/or compact"
                ));
            }
            "retention.ms" => {
                let integer = match value {
                    Value::Number(n) => n.as_i64(),
                    Value::String(s) if strings => s.parse::<i64>().ok(),
                    _ => None,
                };
                if integer.is_none_or(|r| r < -1) {
                    errors.push(format!(
                        "config retention.ms='{text}' must be an integer >= -1"
                    ));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deliberately_invalid_topic_fails_with_the_six_messages_of_the_spec() {
        let text = "apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: \
                    ERP_CustomerMaster\nspec:\n  partitions: 0\n  replicas: '3'\n  retention: 5\n  \
                    config:\n    cleanup.policy: forever\n";
        let checks = check_kafkatopics(text, StrimziApi::V1);
        assert_eq!(checks.len(), 1);
        let errors = &checks[0].errors;
        let expected = [
            "metadata.name 'ERP_CustomerMaster' is not a DNS-1123 subdomain (use spec.topicName \
             for the Kafka name)",
            "missing label strimzi.io/cluster (Topic Operator ignores the resource)",
            "spec: Additional properties are not allowed ('retention' was unexpected)",
            "spec/partitions: 0 is less than the minimum of 1",
            "spec/replicas: '3' is not of type 'integer'",
            "config cleanup.policy='forever' must be delete and/or compact",
        ];
        for message in expected {
            assert!(
                errors.iter().any(|e| e == message),
                "{message} not in {errors:?}"
            );
        }
        assert_eq!(errors.len(), expected.len(), "{errors:?}");
    }

    #[test]
    fn unknown_keys_versions_configs_and_collisions_are_reported() {
        let doc = |name: &str, topic: &str| {
            format!(
                "apiVersion: kafka.strimzi.io/v1beta1\nkind: KafkaTopic\nmetadata:\n  name: {name}\n  \
                 labels:\n    strimzi.io/cluster: c\nspec:\n  topicName: {topic}\n  partitions: 1\n  \
                 replicas: 1\n  config:\n    retention.msec: 5\n"
            )
        };
        let text = format!(
            "{}---\n{}status: {{}}\n",
            doc("a", "wms.stock_x.v1"),
            doc("b", "wms.stock.x.v1")
        );
        let checks = check_kafkatopics(&text, StrimziApi::V1);
        let all: Vec<&String> = checks.iter().flat_map(|c| &c.errors).collect();
        for message in [
            "apiVersion kafka.strimzi.io/v1beta1 not served",
            "config retention.msec: not a known topic config",
            "document 2: unexpected top-level key 'status'",
            "topics wms.stock_x.v1 and wms.stock.x.v1 collide in Kafka metric names",
        ] {
            assert!(
                all.iter().any(|e| *e == message),
                "{message} not in {all:?}"
            );
        }
    }

    #[test]
    fn topics_json_needs_string_configs() {
        let text = r#"{"topics": [{"configs": {"retention.ms": 5}, "name": "a.b", "partitions": 0, "replication_factor": 1}]}"#;
        let checks = check_topics_json(text);
        assert_eq!(
            checks[0].errors,
            vec![
                "partitions: 0 is less than the minimum of 1".to_owned(),
                "config retention.ms: value 5 is not a string".to_owned(),
            ]
        );
    }
}
