//! The plain Kafka topic list `kafka/topics.json` (`exports.md` §4): `{"topics": [...]}` with
//! config values as strings, as the Kafka Admin API carries them.
//!
//! Depends on `model` and the `export` helpers.

use serde::Serialize;

use crate::model::Landscape;

use super::json::to_json;
use super::kafka::topics;
use super::names::error;
use super::options::KafkaOptions;
use super::output::{Diagnostic, ExportFile, ExportOutput};
use super::plan::plan;

#[derive(Debug, Serialize)]
struct TopicsFile {
    topics: Vec<TopicEntry>,
}

#[derive(Debug, Serialize)]
struct TopicEntry {
    configs: Configs,
    name: String,
    partitions: i64,
    replication_factor: i64,
}

#[derive(Debug, Serialize)]
struct Configs {
    #[serde(rename = "cleanup.policy")]
    cleanup_policy: &'static str,
    #[serde(rename = "retention.ms")]
    retention_ms: String,
}

/// Exports `kafka/topics.json`.
pub fn export_topics_json(
    landscape: &Landscape,
    options: &KafkaOptions,
) -> Result<ExportOutput, Vec<Diagnostic>> {
    let plan = plan(landscape, options.vhost.as_deref())?;
    let (topics, kafka_warnings) = topics(&plan, options)?;
    let file = TopicsFile {
        topics: topics
            .into_iter()
            .map(|t| TopicEntry {
                configs: Configs {
                    cleanup_policy: "delete",
                    retention_ms: t.retention_ms.to_string(),
                },
                name: t.name,
                partitions: t.partitions,
                replication_factor: t.replicas,
            })
            .collect(),
    };
    let text = to_json(&file).map_err(|e| vec![error("E00", None, format!("internal: {e}"))])?;
    let mut warnings = plan.warnings.clone();
    warnings.extend(kafka_warnings);
    warnings.sort();
    Ok(ExportOutput {
        files: vec![ExportFile::text("kafka/topics.json", text)],
        warnings,
    })
}
