//! Strimzi `KafkaTopic` documents (`exports.md` §4): `kafka/kafkatopics.yaml`, one YAML document
//! per topic, joined by `---`.
//!
//! Depends on `model` and the `export` helpers.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Landscape;

use super::kafka::{Topic, topics};
use super::names::error;
use super::options::KafkaOptions;
use super::output::{Diagnostic, ExportFile, ExportOutput};
use super::plan::plan;

/// A `KafkaTopic` resource, fields in the order of §4.
#[derive(Debug, Serialize)]
struct KafkaTopic {
    #[serde(rename = "apiVersion")]
    api_version: &'static str,
    kind: &'static str,
    metadata: Metadata,
    spec: Spec,
}

#[derive(Debug, Serialize)]
struct Metadata {
    name: String,
    labels: BTreeMap<&'static str, String>,
    annotations: BTreeMap<&'static str, String>,
}

#[derive(Debug, Serialize)]
struct Spec {
    #[serde(rename = "topicName", skip_serializing_if = "Option::is_none")]
    topic_name: Option<String>,
    partitions: i64,
    replicas: i64,
    config: Config,
}

#[derive(Debug, Serialize)]
struct Config {
    #[serde(rename = "cleanup.policy")]
    cleanup_policy: &'static str,
    #[serde(rename = "retention.ms")]
    retention_ms: i64,
}

/// Exports `kafka/kafkatopics.yaml`.
pub fn export_strimzi(
    landscape: &Landscape,
    options: &KafkaOptions,
) -> Result<ExportOutput, Vec<Diagnostic>> {
    let plan = plan(landscape, options.vhost.as_deref())?;
    let (topics, kafka_warnings) = topics(&plan, options)?;
    let mut documents = Vec::new();
    for topic in &topics {
        let text = serde_saphyr::to_string(&resource(topic, options))
            .map_err(|e| vec![error("E00", None, format!("internal: {e}"))])?;
        documents.push(text);
    }
    let mut warnings = plan.warnings.clone();
    warnings.extend(kafka_warnings);
    warnings.sort();
    Ok(ExportOutput {
        files: vec![ExportFile::text(
            "kafka/kafkatopics.yaml",
            join_documents(&documents),
        )],
        warnings,
    })
}

/// Multi-document YAML: each document ends with one `\n`, documents are joined by `---\n`.
pub fn join_documents(documents: &[String]) -> String {
    documents
        .iter()
        .map(|d| {
            let mut d = d.trim_end_matches('\n').to_owned();
            d.push('\n');
            d
        })
        .collect::<Vec<_>>()
        .join("---\n")
}

fn resource(topic: &Topic, options: &KafkaOptions) -> KafkaTopic {
    let metadata_name = topic.metadata_name();
    KafkaTopic {
        api_version: options.strimzi_api.api_version(),
        kind: "KafkaTopic",
        metadata: Metadata {
            name: metadata_name.clone(),
            labels: BTreeMap::from([
                ("app.kubernetes.io/managed-by", "switchboard".to_owned()),
                ("strimzi.io/cluster", options.cluster.clone()),
            ]),
            annotations: BTreeMap::from([
                ("switchboard/flows", topic.flows.join(",")),
                ("switchboard/producer", topic.producer.clone()),
            ]),
        },
        spec: Spec {
            topic_name: (metadata_name != topic.name).then(|| topic.name.clone()),
            partitions: topic.partitions,
            replicas: topic.replicas,
            config: Config {
                cleanup_policy: "delete",
                retention_ms: topic.retention_ms,
            },
        },
    }
}
